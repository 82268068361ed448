"""HTML templates of a news site before and after its redesign (both with navigation, a
subscription appeal and an author box that rescue must keep out of article bodies)."""

from __future__ import annotations

import html
import zlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SiteStyle:
    host: str                      # www.example-news.com
    name: str                      # "Example News"
    sections: tuple[str, ...]
    appeal: str                    # the subscription appeal shown under every article
    redesign_ts: str               # captures from this timestamp on use design "B"


@dataclass(frozen=True)
class PageArticle:
    article_id: int
    url: str                       # canonical URL of the page
    title: str
    date: str                      # YYYY-MM-DD
    time: str                      # HH:MM:SS
    author: str
    author_bio: str
    category: str
    tags: tuple[str, ...]
    body_html: str                 # the article's own content (paragraphs, figures, ...)
    related: tuple[tuple[str, str], ...] = field(default=())  # (url, title)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _nav(style: SiteStyle) -> str:
    items = "".join(
        f'<li><a href="https://{style.host}/section/{esc(s)}">{esc(s)}</a></li>' for s in style.sections
    )
    return f'<ul class="menu">{items}<li><a href="https://{style.host}/aboutus">About</a></li></ul>'


def _head(style: SiteStyle, a: PageArticle | None, title: str, charset: str, meta_charset: bool) -> str:
    parts = [f'<meta charset="{charset}">' if meta_charset else "",
             f"<title>{esc(title)} | {esc(style.name)}</title>",
             '<meta name="viewport" content="width=device-width">']
    if a is not None:
        parts += [
            f'<link rel="canonical" href="{esc(a.url)}">',
            f'<meta property="og:title" content="{esc(a.title)}">',
            f'<meta property="og:url" content="{esc(a.url)}">',
            '<meta property="og:type" content="article">',
            f'<meta name="author" content="{esc(a.author)}">',
            f'<meta property="article:published_time" content="{a.date}T{a.time}+08:00">',
            f'<meta property="article:section" content="{esc(a.category)}">',
            *[f'<meta property="article:tag" content="{esc(t)}">' for t in a.tags],
        ]
    parts.append(f'<link rel="stylesheet" href="https://{style.host}/static/site.css">')
    return "<head>" + "\n".join(p for p in parts if p) + "</head>"


def _related(a: PageArticle) -> str:
    items = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for u, t in a.related)
    return f'<div class="related"><h3>Related</h3><ul>{items}</ul></div>' if items else ""


def _appeal(style: SiteStyle) -> str:
    return (f'<div class="subscribe-appeal"><hr><p>{esc(style.appeal)}</p>'
            f'<p><a href="https://{style.host}/aboutus/#subscribe">Subscribe</a></p></div>')


def _author_box(a: PageArticle) -> str:
    return (f'<div class="author-box"><img src="https://{a.url.split("/")[2]}/uploads/avatars/'
            f'{zlib.crc32(a.author.encode())}.png" alt="{esc(a.author)}">'
            f"<strong>{esc(a.author)}</strong><p>{esc(a.author_bio)}</p></div>")


def article_page(style: SiteStyle, a: PageArticle, design: str, charset: str = "utf-8",
                 meta_charset: bool = True) -> str:
    """The article page as the site served it with design 'A' (old) or 'B' (new)."""
    tags = "".join(f'<a class="tag" href="https://{style.host}/tag/{esc(t)}">{esc(t)}</a>' for t in a.tags)
    if design == "A":
        return f"""<!DOCTYPE html>
<html lang="zh-HK">{_head(style, a, a.title, charset, meta_charset)}
<body class="old-layout"><div id="header"><a class="logo" href="https://{style.host}/">{esc(style.name)}</a>
{_nav(style)}</div>
<div id="content"><div class="breadcrumb"><a href="https://{style.host}/">Home</a> &gt;
<a href="https://{style.host}/section/{esc(a.category)}">{esc(a.category)}</a></div>
<div class="article-content">
<h1 class="article-title">{esc(a.title)}</h1>
<div class="meta"><span class="author">{esc(a.author)}</span> <span class="date">{a.date} {a.time}</span></div>
<div class="article-body">
{a.body_html}
</div>
<div class="tags">{tags}</div>
{_appeal(style)}
{_author_box(a)}
</div>{_related(a)}</div>
<div id="footer"><p>&copy; {esc(style.name)}. All rights reserved.</p>{_nav(style)}</div>
</body></html>
"""
    if design == "B":
        return f"""<!DOCTYPE html>
<html lang="zh-Hant">{_head(style, a, a.title, charset, meta_charset)}
<body><header class="site-header"><nav class="navbar"><a class="brand" href="https://{style.host}/">{esc(style.name)}</a>
{_nav(style)}<form action="https://{style.host}/search"><input name="q"></form></nav></header>
<main class="container"><article class="post">
<header class="post-header"><span class="post-category">{esc(a.category)}</span>
<h1>{esc(a.title)}</h1>
<p class="byline">By <a href="https://{style.host}/author/{esc(a.author)}">{esc(a.author)}</a>
<time datetime="{a.date}T{a.time}+08:00">{a.date}</time></p></header>
<section class="post-content">
{a.body_html}
</section>
<footer class="post-footer"><div class="post-tags">{tags}</div>
{_author_box(a)}
{_appeal(style)}</footer>
</article>
<aside class="sidebar">{_related(a)}<div class="ad">Advertisement</div></aside></main>
<footer class="site-footer">{_nav(style)}<p>{esc(style.name)} 2017-2022</p></footer>
</body></html>
"""
    raise ValueError(f"unknown design {design!r}")


def listing_page(style: SiteStyle, title: str, links: list[tuple[str, str]], design: str) -> str:
    """A section, tag or home page: a list of article links inside the site's chrome."""
    items = "\n".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for u, t in links)
    body_class = "old-layout" if design == "A" else "listing"
    return f"""<!DOCTYPE html>
<html>{_head(style, None, title, "utf-8", True)}
<body class="{body_class}"><div id="header">{_nav(style)}</div>
<h1>{esc(title)}</h1><ul class="article-list">
{items}
</ul><div id="footer">{esc(style.name)}</div></body></html>
"""


def soft_404_page(style: SiteStyle) -> str:
    return f"""<!DOCTYPE html>
<html>{_head(style, None, "找不到頁面 Page not found", "utf-8", True)}
<body><div id="header">{_nav(style)}</div><h1>找不到頁面</h1><p>Sorry, the page you requested
could not be found.</p></body></html>
"""


MAINTENANCE_PAGE = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<h1>Checking your browser before accessing the site.</h1>"
    "<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>"
    "</body></html>"
)
