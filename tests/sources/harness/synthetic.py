"""A synthetic news site (no corpus needed) with everything rescue must fold or reject.

Stories have 2-3 captures at http/https/www variants and tracking query strings; some were
re-titled (old slug still archived, as a 200 or a 301), some have an id-only URL redirecting
to the slugged one or an old-style URL redirecting to it, some were republished under a
second id (same story, two ids), some have a bad capture (truncated, soft 404, challenge
page) beside good ones. The site was redesigned halfway; older captures are sometimes in
Big5-HKSCS (declared in the header or only in a meta tag). Section, tag, home, asset and
junk URLs are archived too.
"""

from __future__ import annotations

import datetime as dt
import random
from urllib.parse import quote

from .site import ArchivedSite, Story
from .templates import (
    MAINTENANCE_PAGE,
    PageArticle,
    SiteStyle,
    article_page,
    esc,
    listing_page,
    soft_404_page,
)
from .warcs import Capture, datetime_to_ts, html_capture, redirect_capture

ZH_WORDS = ["香港", "政府", "市民", "立法會", "警方", "記者", "新聞", "社會", "經濟", "教育", "法院", "選舉", "議員", "學生", "醫院", "房屋", "交通", "文化", "環境", "工人", "今日", "表示", "認為", "指出", "問題", "發展", "計劃", "報告", "調查", "公佈", "區議會", "團體", "居民", "保育", "海港", "巴士", "市區", "重建", "老師", "家長", "青年", "長者", "勞工", "法例", "預算", "財政", "議案", "諮詢", "示威", "集會", "審訊", "判決"]
CANTONESE = ("佢哋話", "嘅問題", "做咗", "冇人理", "啱啱先", "乜嘢事")
EN_WORDS = ["council", "harbour", "plan", "budget", "school", "hospital", "court", "election", "reform", "housing", "transport", "culture", "heritage", "workers", "youth", "elders", "review", "report", "inquiry", "policy", "district", "tram", "ferry"]
SECTIONS = ("港聞", "政治", "社會", "評論", "國際", "文化")
TAGS = tuple(f"tag{n}-{w}" for n, w in enumerate(ZH_WORDS[:24]))
AUTHORS = ("陳大文", "李小明", "張美玲", "黃志強", "Mary Chan", "John Lee", "何嘉欣", "林子健")
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")

STYLE = SiteStyle(
    host="www.example-news.com", name="Example News 例子新聞", sections=SECTIONS,
    appeal="請加入成為例子新聞的月費訂戶，長期支持我們的工作。Support independent journalism: subscribe.",
    redesign_ts="20200101000000",
)


def _sentence(rng: random.Random, cantonese: bool) -> str:
    words = [rng.choice(ZH_WORDS) for _ in range(rng.randint(5, 12))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(EN_WORDS))
    if cantonese:
        words.insert(rng.randrange(len(words)), rng.choice(CANTONESE))
    return "".join(words) + rng.choice("。。。！？")


def _story(rng: random.Random, k: int, n: int, used_titles: set[str]) -> Story:
    start = dt.date(2017, 1, 2)
    date = start + dt.timedelta(days=int(k * (1800 / max(1, n))))
    while True:
        title = f"{rng.choice(ZH_WORDS)}{rng.choice(ZH_WORDS)}{rng.choice(ZH_WORDS)}：" + " ".join(
            rng.choice(EN_WORDS) for _ in range(3))
        if title not in used_titles:
            used_titles.add(title)
            break
    cantonese = rng.random() < 0.3
    paragraphs = tuple(
        "".join(_sentence(rng, cantonese and i == 0) for _ in range(rng.randint(2, 5)))
        for i in range(rng.randint(3, 7))
    )
    zh, en = title.split("：")
    slug = quote(zh) if rng.random() < 0.3 else "-".join(en.split())  # Chinese slugs occur
    author = rng.choice(AUTHORS)
    return Story(
        ids=(), title=title, date=date.isoformat(),
        time=f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
        author=author, category=rng.choice(SECTIONS), tags=tuple(rng.sample(TAGS, rng.randint(1, 4))),
        paragraphs=paragraphs, slug=slug, author_bio=f"{author}，本網記者，關注{rng.choice(ZH_WORDS)}。",
    )


def _body_html(story: Story, host: str, image_id: int, figure: bool) -> str:
    parts = [f"<p>{esc(p)}</p>" for p in story.paragraphs]
    if figure:
        parts.insert(1, f'<figure><img src="https://{host}/images/{image_id}.jpg" alt="">'
                        f"<figcaption>{esc(story.title)}（資料圖片）</figcaption></figure>")
    return "\n".join(parts)


class _Builder:
    def __init__(self, n_stories: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.site = ArchivedSite(STYLE, [])
        self.n = n_stories
        self.end = dt.datetime(2022, 1, 3, 12, 0, tzinfo=dt.UTC)

    def ts_after(self, date: str, min_days: int, max_days: int) -> str:
        base = dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)
        when = base + dt.timedelta(days=self.rng.randint(min_days, max_days),
                                   seconds=self.rng.randint(0, 86399))
        # The site vanished on 2022-01-04: nothing was captured after that.
        return datetime_to_ts(min(when, self.end - dt.timedelta(seconds=self.rng.randint(0, 10**6))))

    def page(self, story: Story, article_id: int, url: str, ts: str, figure: bool,
             related: tuple[tuple[str, str], ...], note: str = "good") -> Capture:
        design = "A" if ts < STYLE.redesign_ts else "B"
        canonical = self.site.article_url(article_id, story.slug)
        a = PageArticle(
            article_id=article_id, url=canonical, title=story.title, date=story.date, time=story.time,
            author=story.author, author_bio=story.author_bio, category=story.category, tags=story.tags,
            body_html=story.body_html or _body_html(story, STYLE.host, story.ids[0], figure),
            related=related,
        )
        if design == "A" and self.rng.random() < 0.3:
            declared = self.rng.random() < 0.5
            text = article_page(STYLE, a, design, charset="big5-hkscs", meta_charset=True)
            return html_capture(url, ts, text.encode("big5hkscs"), note=note,
                                charset="Big5-HKSCS" if declared else None)
        return html_capture(url, ts, article_page(STYLE, a, design).encode(), note=note)

    def build(self) -> ArchivedSite:
        rng, site, _host = self.rng, self.site, STYLE.host
        used: set[str] = set()
        stories = [_story(rng, k, self.n, used) for k in range(self.n)]
        next_id = 1000
        for k, story in enumerate(stories):
            next_id += rng.choice((1, 1, 1, 2, 5))  # ids have gaps, as real sites' do
            story.ids = (next_id,) if rng.random() >= 0.05 else (next_id, 90000 + k)
            if rng.random() < 0.1:
                story.old_slug = story.slug + "-update"
        site.stories = stories
        for story in stories:
            self.story_captures(story, stories)
        self.listing_captures()
        return site

    def story_captures(self, story: Story, stories: list[Story]) -> None:
        rng, site = self.rng, self.site
        caps = site.captures
        first = story.ids[0]
        figure = rng.random() < 0.3
        others = rng.sample(stories, 3)
        related = tuple((site.article_url(o.ids[0], o.slug), o.title) for o in others if o is not story)
        canonical = site.article_url(first, story.slug)
        variants = [
            canonical, site.article_url(first, story.slug, scheme="http"),
            site.article_url(first, story.slug, www=False),
            canonical + "?utm_source=facebook&utm_medium=social", canonical + "?fbclid=IwAR0abc" + str(first),
        ]
        times = sorted({self.ts_after(story.date, 0, 700) for _ in range(rng.choice((2, 2, 3)))})
        for n, ts in enumerate(times):
            url = canonical if n == 0 else rng.choice(variants)
            caps.append(self.page(story, first, url, ts, figure, related))
        if figure:
            caps.append(Capture(f"https://{STYLE.host}/images/{first}.jpg", times[0], 200,
                                (("Content-Type", "image/jpeg"),), JPEG, "asset"))
        if story.old_slug is not None:
            old_url = site.article_url(first, story.old_slug)
            ts = self.ts_after(story.date, 0, 3)
            if rng.random() < 0.5:
                caps.append(self.page(story, first, old_url, ts, figure, related, "old-slug"))
            else:
                caps.append(redirect_capture(old_url, ts, canonical))
        r = rng.random()
        if r < 0.08:  # /article/<id> -> /article/<id>/<slug>, target captured seconds later
            ts = self.ts_after(story.date, 1, 400)
            caps.append(redirect_capture(f"https://{STYLE.host}/article/{first}", ts, canonical))
            later = datetime_to_ts(dt.datetime.strptime(ts, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
                                   + dt.timedelta(seconds=3))
            caps.append(self.page(story, first, canonical, later, figure, related, "redirect-target"))
        elif r < 0.12:  # an old URL shape without the id
            y, m = story.date[:4], story.date[5:7]
            old = f"https://{STYLE.host}/news/{y}/{m}/{quote(story.slug)}.html"
            caps.append(redirect_capture(old, self.ts_after(story.date, 1, 400), canonical, status=302))
        if rng.random() < 0.08:  # one bad capture beside the good ones
            kind = rng.choice(("truncated", "soft404", "challenge"))
            ts = self.ts_after(story.date, 0, 700)
            if kind == "truncated":
                good = self.page(story, first, canonical, ts, figure, related)
                body = good.body[: int(len(good.body) * 0.55)]
                caps.append(Capture(good.url, ts, 200, good.headers, body, "truncated", truncated=True))
            elif kind == "soft404":
                caps.append(html_capture(canonical, ts, soft_404_page(STYLE).encode(), note="soft404"))
            else:
                caps.append(html_capture(canonical, ts, MAINTENANCE_PAGE.encode(), note="challenge"))
        for alias in story.ids[1:]:  # republished under a second id
            for ts in sorted({self.ts_after(story.date, 1, 600) for _ in range(rng.choice((1, 2)))}):
                caps.append(self.page(story, alias, site.article_url(alias, story.slug), ts, figure,
                                      related, "second-id"))

    def listing_captures(self) -> None:
        rng, site, host = self.rng, self.site, STYLE.host
        caps = site.captures
        links = [(site.article_url(s.ids[0], s.slug), s.title) for s in site.stories]
        for ts in ("20180301120000", "20200601120000", "20211231120000"):
            design = "A" if ts < STYLE.redesign_ts else "B"
            page = listing_page(STYLE, STYLE.name, rng.sample(links, 20), design)
            caps.append(html_capture(f"https://{host}/", ts, page.encode(), note="listing"))
        for section in STYLE.sections:
            for suffix in ("", "?page=2"):
                ts = f"2021{rng.randint(1, 12):02d}15083000"
                page = listing_page(STYLE, section, rng.sample(links, 15), "B")
                url = f"https://{host}/section/{quote(section)}{suffix}"
                caps.append(html_capture(url, ts, page.encode(), note="listing"))
        for tag in TAGS[:10]:
            page = listing_page(STYLE, tag, rng.sample(links, 10), "B")
            caps.append(html_capture(f"https://{host}/tag/{quote(tag)}", "20210501100000",
                                     page.encode(), note="listing"))
        caps.append(Capture(f"https://{host}/static/site.css", "20190101000000", 200,
                            (("Content-Type", "text/css"),), b"body{margin:0}", "asset"))
        caps.append(html_capture(f"https://{host}/wp-login.php", "20200202020202", b"Not Found",
                                 status=404, note="junk"))
        caps.append(html_capture(f"https://{host}/search?q=%E9%A6%99%E6%B8%AF", "20210303030303",
                                 listing_page(STYLE, "search", links[:5], "B").encode(), note="listing"))


def synthetic_site(n_stories: int = 520, seed: int = 7) -> ArchivedSite:
    """Build the site (deterministic for a seed): stories + captures, nothing written yet."""
    if n_stories < 4:
        raise ValueError("a synthetic site needs at least 4 stories")
    return _Builder(n_stories, seed).build()
