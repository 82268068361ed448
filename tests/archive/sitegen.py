"""Small synthetic archives in the corpus format (no third-party text), for the tests.

A fictional site ``news.example.org`` with a subscription appeal and author boxes in the
tail of most bodies, relative Wayback links, copies of stories under several ids, and the
kinds of damage the real corpus has.
"""

from __future__ import annotations

import random
from pathlib import Path

from newsark.archive.article import Article, dumps

SITE = "news.example.org"
APPEAL = "Please subscribe to the Example Gazette, support our independent reporting every month."
APPEAL_LINK = "Monthly subscribers [join here](/web/{ts}/https://www.news.example.org/about/#subscribe)"
AUTHORS = ["Alice Chan", "Bob Lee", "Carol Wong", "Dan Ho", "Eve Lam", "Fay Ng"]
BIOS = {a: f"【{a}・Column】{a} writes about the city, its courts and its people since 20{10 + i}."
        for i, a in enumerate(AUTHORS)}
WORDS = ["harbour", "council", "court", "budget", "housing", "school", "transport", "election", "protest", "museum", "ferry", "typhoon", "market", "hospital", "library", "tram", "festival", "reservoir", "island", "district"]


def paragraph(rng: random.Random, n: int = 40) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def capture(article_id: int, ts: str) -> tuple[str, str]:
    original = f"https://www.{SITE}/article/{article_id}/story-{article_id}"
    return f"https://web.archive.org/web/{ts}/{original}", original


def make_body(rng: random.Random, title: str, author: str, ts: str, *, paragraphs: int = 5,
              appeal: bool = True, bio: bool = True, link_to: int | None = None) -> str:
    parts = [f"# {title}"]
    for _ in range(paragraphs):
        parts.append(paragraph(rng))
    if link_to is not None:
        parts.append(f"Read also [the earlier story](/web/{ts}/https://www.{SITE}/article/{link_to}/earlier).")
    if appeal:
        parts += ["---", APPEAL, APPEAL_LINK.format(ts=ts)]
    if bio:
        parts += ["---", f"![Blog | {author}](https://web.archive.org/web/{ts}im_/https://www.{SITE}/avatars/ab12cd34-0000-4000-8000-00000000{AUTHORS.index(author):04d}.png?123)",
                  f"**Blog | {author}**", BIOS[author]]
    return "\n" + "\n\n".join(parts) + "\n"


def make_article(article_id: int, rng: random.Random, *, title: str | None = None,
                 date: str | None = None, author: str | None = None, body: str | None = None,
                 ts: str = "20210712025232", **kw: object) -> Article:
    title = title or f"Story number {article_id} about the {rng.choice(WORDS)}"
    author = author or rng.choice(AUTHORS)
    url, original = capture(article_id, ts)
    meta: dict[str, object] = {
        "title": title,
        "date": date or f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "author": author,
        "category": rng.choice(["News", "Opinion"]),
        "tags": [rng.choice(WORDS), rng.choice(WORDS)],
        "url": url,
        "original_url": original,
    }
    return Article(meta=meta, body=body if body is not None else make_body(rng, title, author, ts, **kw))  # type: ignore[arg-type]


def write_site(root: Path, n: int = 60, seed: int = 7) -> dict[str, object]:
    """Write n articles as articles/<bucket>/article_<id>.md; return what was planted."""
    rng = random.Random(seed)
    planted: dict[str, object] = {"copies": {}, "ids": []}
    ids = list(range(101, 101 + n))
    for article_id in ids:
        a = make_article(article_id, rng, link_to=105 if article_id == 130 else None)
        _write(root, article_id, dumps(a).encode())
    # three copies of one story under ids 201-203 (same title, date, body; different capture);
    # the site's own link (article 130 → 105) does not concern them; 202 is the most complete.
    base = make_article(201, rng, title="Ferry strike ends after talks", date="2021-03-04")
    for i, article_id in enumerate((201, 202, 203)):
        ts = f"2021071{i}000000"
        url, original = capture(article_id, ts)
        meta = dict(base.meta, url=url, original_url=original)
        if article_id != 202:
            meta.pop("category")
        body = base.body.replace("20210712025232", ts)
        _write(root, article_id, dumps(Article(meta=meta, body=body)).encode())
    planted["copies"] = {"story": 202, "aliases": [201, 203]}
    # a story linked by the site itself: 105 has a twin 106 with the same title/date/body
    a105 = (root / "articles/1-1000/article_105.md").read_bytes()
    twin = a105.replace(b"/article/105/", b"/article/106/")
    _write(root, 106, twin)
    planted["linked"] = {"story": 105, "alias": 106}
    planted["ids"] = sorted(set(ids) | {201, 202, 203})
    return planted


def _write(root: Path, article_id: int, data: bytes) -> Path:
    low = (article_id - 1) // 1000 * 1000 + 1
    path = root / "articles" / f"{low}-{low + 999}" / f"article_{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


write_file = _write
