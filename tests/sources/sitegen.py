"""A small synthetic news site (our own text) captured in a FakeIA, for rescue unit tests."""

from __future__ import annotations

from _fakeia import Cap, FakeIA

HOST = "www.example-news.test"
OLD, NEW = "20200101000000", "20210101000000"


def page(title: str, paragraphs: list[str], *, charset: str = "utf-8", img: str | None = None,
         date: str = "2019-05-04", author: str = "Chan Tai Man") -> str:
    figure = f'<figure><img src="{img}" alt=""></figure>' if img else ""
    paras = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title} | Example News</title>'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{date}T10:00:00+08:00">'
        f'<meta name="author" content="{author}"></head><body>'
        f'<nav><a href="/">Home</a> <a href="/section/news">News</a></nav>'
        f"<article><h1>{title}</h1>{figure}{paras}</article>"
        f"<footer>Subscribe to Example News for more stories.</footer></body></html>"
    )


def text_for(i: int) -> list[str]:
    return [
        f"Story {i} opens with a paragraph about the district council meeting number {i}. " * 2,
        f"Residents said item {i} on the agenda had been postponed twice before the vote. " * 2,
        f"The council will meet again next month, a spokesperson for ward {i} said. " * 2,
    ]


def build_site(n: int = 30, *, bad: bool = True) -> FakeIA:
    """``n`` stories (ids from 1001) with two captures each; ``bad``: some newest captures
    are outage pages, truncated or soft 404s, and one body is gzip with a blank header."""
    ia = FakeIA()
    caps = ia.caps
    base = f"https://{HOST}"
    for i in range(1001, 1001 + n):
        url = f"{base}/article/{i}/story-{i}"
        img = f"/media/{i}.jpg" if i % 3 == 0 else None
        html = page(f"Story {i}", text_for(i), img=img).encode()
        caps.append(Cap(url, OLD, body=html, gzip_blank=(i == 1003)))
        if not bad:
            caps.append(Cap(url, NEW, body=html))
        elif i % 5 == 0:
            outage = b"<html><head><title>Internet Archive: Temporarily Offline</title></head></html>"
            caps.append(Cap(url, NEW, body=outage))
        elif i % 7 == 0:
            caps.append(Cap(url, NEW, body=html, truncate=True))
        elif i == 1011:
            nf = b"<html><head><title>404 Not Found</title></head><body>gone</body></html>"
            caps.append(Cap(url, NEW, body=nf))
        else:
            caps.append(Cap(url, NEW, body=html))
    # Big5-HKSCS page declared as big5.
    zh = page("港島區議會會議", ["區議會今日開會討論交通問題，居民表示關注。" * 4,
                              "議員指出有關建議已經押後兩次，將於下月再議。" * 4],
              charset="big5").encode("big5hkscs")
    caps.append(Cap(f"{base}/article/1900/zh", OLD, body=zh, ctype="text/html; charset=big5"))
    # Another id that redirects to story 1002 (an archived redirect) and a variant URL.
    caps.append(Cap(f"{base}/article/2001", OLD, status=301,
                    location=f"{base}/article/1002/story-1002"))
    caps.append(Cap("http://example-news.test/article/1002/old-slug", OLD,
                    body=page("Story 1002", text_for(1002)).encode()))
    # The same story published under a second id.
    caps.append(Cap(f"{base}/article/3001/copy", OLD,
                    body=page("Story 1004", text_for(1004)).encode()))
    # Not articles.
    caps.append(Cap(f"{base}/section/news", OLD, body=page("News", ["list"]).encode()))
    caps.append(Cap(f"{base}/static/app.css", OLD, body=b"body{}", ctype="text/css"))
    caps.append(Cap(f"{base}/media/1003.jpg", OLD, body=b"\xff\xd8", ctype="image/jpeg"))
    return ia
