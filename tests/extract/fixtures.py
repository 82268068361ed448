"""Small HTML pages written for these tests (no third-party text)."""

from __future__ import annotations

import lxml.html

from newsark.extract.candidates import Candidate, fast_text

NAV = """<div class="topnav"><a href="/">首頁</a> <a href="/news">新聞</a> <a href="/sport">體育</a>
<a href="/about">關於我們</a> <a href="/contact">聯絡</a></div>"""
FOOTER = """<div class="site-footer"><p>版權所有 測試新聞網 保留一切權利。</p>
<p>訂閱我們的電子報，每天收到最新消息。</p></div>"""

PARAS = [
    "第{n}篇：市議會今日討論新的公園計劃，多名議員發言支持擴建綠化空間，並要求政府盡快公布時間表。",
    "居民代表表示，第{n}區內長者及兒童一直缺乏休憩地方，希望新公園能設置無障礙設施及遮蔭座椅。",
    "有環保團體指出，第{n}號計劃應保留現有樹木，並在設計階段加入公眾諮詢，避免重複過去的錯誤。",
    "政府發言人回應時說，當局會在{n}月提交詳細方案，並會考慮各方意見，預計工程需時兩年。",
]


def zh_article(n: int, *, layout: str = "a", extra_head: str = "") -> str:
    paras = "\n".join(f"<p>{p.format(n=n)}</p>" for p in PARAS)
    body_cls = "article-content" if layout == "a" else "story-body"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>公園計劃第{n}號討論 | 測試新聞網</title>{extra_head}</head><body>
{NAV}
<div class="main"><h1 class="headline">公園計劃第{n}號討論</h1>
<div class="info"><span class="time">2021年1月{n}日 10:3{n}</span> <span class="by">記者陳大文、李小明／香港報導</span></div>
<div class="{body_cls}">
<figure><img src="/img/park{n}.jpg" alt="公園{n}"><figcaption>新公園的設計圖。測試新聞網圖片</figcaption></figure>
{paras}
<p><img src="/static/share-facebook.png" width="20" height="20"></p>
</div>
<div class="related"><h3>相關新聞</h3><ul><li><a href="/a/1">舊文章一</a></li><li><a href="/a/2">舊文章二</a></li></ul></div>
</div>
{FOOTER}
</body></html>"""


def zh_list_page() -> str:
    items = "\n".join(f'<li><a href="/a/{i}">公園計劃第{i}號討論</a> <span>2021-01-0{i % 9 + 1}</span></li>' for i in range(1, 30))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>新聞 | 測試新聞網</title></head>
<body>{NAV}<div class="main"><h1>新聞</h1><ul class="list">{items}</ul></div>{FOOTER}</body></html>"""


EN_ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour ferry timetable changes next month - The Test Gazette</title>
<meta property="og:title" content="Harbour ferry timetable changes next month">
<meta property="og:site_name" content="The Test Gazette">
<meta property="article:published_time" content="2020-03-04T08:15:00+08:00">
<meta property="article:modified_time" content="2020-03-05T09:00:00+08:00">
<meta property="article:section" content="Transport">
<meta property="article:tag" content="ferries"><meta property="article:tag" content="harbour">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Harbour ferry timetable changes next month",
 "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Sam Lee"}]}</script>
</head><body><nav><a href="/">Home</a> <a href="/transport">Transport</a></nav>
<article><h1>Harbour ferry timetable changes next month</h1>
<p class="byline">By Jane Doe and Sam Lee</p>
<p>The operator of the cross-harbour ferry said on Wednesday that the evening timetable
will change from the first of next month, with fewer sailings after nine o'clock.</p>
<p>Passengers who use the late services said the change would make their commute longer,
and a residents' group asked the operator to publish its passenger counts.</p>
<figure><img src="https://cdn.example.org/ferry.jpg" alt="Ferry"><figcaption>The ferry at the pier. Photo: Test Gazette</figcaption></figure>
<p>The operator said the <a href="/fares">fares page</a> will be updated and that a review
will follow after three months of the new timetable, according to a statement.</p>
<ul><li>Morning sailings unchanged</li><li>Evening sailings every 30 minutes</li></ul>
<p>Transport officials said they had approved the plan after a public consultation that
received more than four hundred written submissions from passengers and businesses.</p>
</article><footer>Copyright The Test Gazette</footer></body></html>"""


# English body blocks of a given length, distinct per seed (trim.py and restore.py tests).
_WORDS = ["the", "harbour", "ferry", "service", "will", "change", "its", "timetable", "next", "month",
          "after", "a", "long", "review"]


def en_para(n: int, seed: int) -> str:
    """A paragraph of ``n`` words, its words marked by ``seed`` so blocks never repeat."""
    return " ".join(_WORDS[(i * 7 + seed) % len(_WORDS)] + str(seed) for i in range(n))


def body_candidate(blocks: list[str]) -> Candidate:
    """A chosen body made of these HTML blocks, as an extractor would hand it over."""
    el = lxml.html.fragment_fromstring("".join(blocks), create_parent="div")
    return Candidate("trafilatura", el, fast_text(el))


def wayback_replay(page: str, original: str, ts: str = "20200305000000") -> str:
    """``page`` as the Wayback Machine's replay serves it (saved from a browser): its
    scripts and toolbar inserted, links and the canonical link rewritten to captures. The
    toolbar's markup follows the replay's own (ids, comments, captions), shortened."""
    head_insert = f"""<script type="text/javascript" src="https://web-static.archive.org/_static/js/bundle-playback.js?v=1"></script>
<script type="text/javascript">
  __wm.init("https://web.archive.org/web");
  __wm.wombat("{original}","{ts}","https://web.archive.org/","web","https://web-static.archive.org/_static/","1583366400");
</script>
<link rel="stylesheet" type="text/css" href="https://web-static.archive.org/_static/css/banner-styles.css?v=1" />
<!-- End Wayback Rewrite JS Include -->
<link rel="canonical" href="https://web.archive.org/web/{ts}/{original}">"""
    toolbar = f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;"><div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside"><div id="wm-logo"><a href="/web/" title="Wayback Machine home page"><img
 src="https://web-static.archive.org/_static/images/toolbar/wayback-toolbar-logo-200.png" alt="Wayback Machine"></a></div>
<div class="c"><form target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb"><input type="text" name="url"
 id="wmtbURL" value="{original}"><input type="hidden" name="type" value="replay"><input type="hidden" name="date" value="{ts}">
<input type="submit" value="Go"></form></div>
<div id="wm-nav-captures"><a class="t" href="/web/{ts}*/{original}" title="See a list of every capture for this URL">12 captures</a>
<div class="d">04 Mar 2020 - 12 Jan 2023</div></div>
<div id="wm-capinfo"><div id="wm-capinfo-collected-by"><div class="wm-title">COLLECTED BY</div>
<div>Organization: <a href="/details/webwidecrawl">Internet Archive</a></div>
<p>The Wayback Machine collects web pages from all over the Internet so that the public can read them later
 when they are gone, and this paragraph is long enough to be taken for article text by a careless extractor.</p></div>
<div class="wm-title">TIMESTAMPS</div></div></div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/{ts}/{original}</div>
<!-- END WAYBACK TOOLBAR INSERT -->
"""
    out = page.replace("</title>", "</title>\n" + head_insert, 1).replace("<body>", "<body>\n" + toolbar, 1)
    out = out.replace('href="/', f'href="/web/{ts}/https://news.example.org/')
    out = out.replace('src="https://cdn.example.org/', f'src="https://web.archive.org/web/{ts}im_/https://cdn.example.org/')
    return out + """
<!--
     FILE ARCHIVED ON 00:00:00 Mar 05, 2020 AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 10:11:12 Jan 12, 2023.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.
-->"""
