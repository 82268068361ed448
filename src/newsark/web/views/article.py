"""The article page: the story rendered faithfully, with its provenance.

Visiting an alias id shows its story (``Archive.resolve``) and says so; the boilerplate
that repair moved out of the body is shown apart, collapsed.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from newsark.archive.article import Article, FormatError
from newsark.web import queries
from newsark.web.links import capture_time, unwrap_capture
from newsark.web.views.base import archive, render, renderer

MAX_ID = 2**63 - 1


def _load(arch: Any, article_id: int) -> Article | None:
    try:
        return arch.read_article(article_id)  # type: ignore[no-any-return]
    except (OSError, FormatError):
        return None


def article(request: Request) -> Response:
    requested = int(request.path_params["article_id"])
    if requested > MAX_ID:  # SQLite integers are 64-bit
        raise HTTPException(404, f"no article {requested} in this archive")
    arch = archive(request)
    story_id, is_alias = arch.resolve(requested)
    row = queries.article_row(arch, story_id)
    if row is None and is_alias:  # the story's file is missing: show the alias's own copy
        story_id, row = requested, queries.article_row(arch, requested)
    if row is None:
        raise HTTPException(404, f"no article {requested} in this archive")
    doc = _load(arch, story_id)
    r = renderer(request)
    url = doc.url if doc else row["url"]
    captured = capture_time(url)
    boiler = queries.boilerplate(arch, story_id)
    author = doc.author if doc else row["author"]
    bio = queries.author_bio(arch, author)
    data: dict[str, Any] = {
        "id": story_id,
        "requested_id": requested,
        "is_alias": is_alias,
        "readable": doc is not None,
        "title": (doc.title if doc else row["title"]) or "",
        "date": (doc.date if doc else row["date"]) or "",
        "last_updated": doc.last_updated if doc else row["last_updated"],
        "author": author or "",
        "category": (doc.category if doc else row["category"]) or "",
        "tags": doc.tags if doc else [],
        "url": url,
        "original_url": (doc.original_url if doc else row["original_url"])
        or (unwrap_capture(url)[0] if url else None),
        "capture_time": captured.isoformat() if captured else None,
        "aliases": arch.aliases_of(story_id),
        "provenance": queries.provenance(arch, story_id),
        "boilerplate": [
            {**b, "html": r.markdown(b["text"])} for b in boiler
        ],
        "author_bio": bio,
        "markdown": doc.text() if doc else None,
        "html": r.markdown(doc.text()) if doc else None,
        "extra_meta": {k: v for k, v in doc.meta.items() if k not in _SHOWN} if doc else {},
    }
    return render(request, "article.html", data,
                  author_bio_html=r.markdown(bio) if bio else None)


_SHOWN = {"title", "date", "last_updated", "author", "category", "tags", "url", "original_url"}
