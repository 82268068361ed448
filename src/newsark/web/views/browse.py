"""Browse pages: by date (year -> month -> day), category, tag and author.

An index page lists the values with their story counts; a value's page lists its stories,
newest first, paginated. Date pages also list their months or days.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from newsark.web import queries
from newsark.web.browse_index import BrowseIndex
from newsark.web.i18n import translator
from newsark.web.views.base import (
    LIST_PER_PAGE,
    PER_PAGE,
    archive,
    cache,
    int_param,
    lang_of,
    page_json,
    render,
)
from newsark.web.views.home import browse_index_of, card_json, value_url

INDEX_TITLES = {"category": "categories", "author": "authors", "tag": "tags"}


def _index(request: Request, kind: str, title: str,
           items: Sequence[tuple[str, int]], url: Callable[[str], str]) -> Response:
    page = int_param(request, "page", 1)
    start = (page - 1) * LIST_PER_PAGE
    shown = items[start : start + LIST_PER_PAGE]
    listing = queries.Page([], len(items), page, LIST_PER_PAGE)
    data = {
        "kind": kind,
        "title": title,
        "items": [{"name": k, "count": n, "url": url(k)} for k, n in shown],
        **page_json(listing),
    }
    return render(request, "index.html", data, listing=listing)


def _stories(request: Request, kind: str, title: str, listing: queries.Page,
             parts: list[dict[str, Any]] | None = None,
             crumbs: list[tuple[str, str]] | None = None) -> Response:
    if listing.total == 0 and not parts:
        raise HTTPException(404, f"no stories for {kind} {title!r}")
    data = {
        "kind": kind,
        "title": title,
        "parts": parts or [],
        "stories": [card_json(c) for c in listing.cards],
        **page_json(listing),
    }
    return render(request, "stories.html", data, listing=listing, crumbs=crumbs or [])


def browse_index(request: Request) -> BrowseIndex:
    return browse_index_of(archive(request), cache(request))


def kind_index(request: Request) -> Response:
    kind = request.url.path.strip("/").removesuffix(".json")
    items = browse_index(request).counts(kind)
    t = translator(lang_of(request))
    return _index(request, kind, t(INDEX_TITLES[kind]), items, lambda k: value_url(kind, k))


def kind_value(request: Request) -> Response:
    kind = request.url.path.strip("/").split("/")[0]
    value = str(request.path_params["value"])
    page = int_param(request, "page", 1)
    listing = browse_index(request).page(archive(request), kind, value, page, PER_PAGE)
    t = translator(lang_of(request))
    return _stories(request, kind, value, listing, crumbs=[(t(INDEX_TITLES[kind]), f"/{kind}")])


_Y, _M, _D = re.compile(r"\d{4}"), re.compile(r"\d{2}"), re.compile(r"\d{2}")


def _month_name(t: Callable[..., str], m: str) -> str:
    number = int(m) if m.isdigit() else 0
    name = calendar.month_abbr[number] if 1 <= number <= 12 else m
    return t("month_short", m=number or m, name=name)


def date_page(request: Request) -> Response:
    t = translator(lang_of(request))
    p = request.path_params
    year, month, day = p.get("year"), p.get("month"), p.get("day")
    for value, pattern in ((year, _Y), (month, _M), (day, _D)):
        if value is not None and not pattern.fullmatch(str(value)):
            raise HTTPException(404, f"not a date: {request.url.path}")
    index = browse_index(request)
    if year is None:
        return _index(request, "date", t("browse_dates"), index.periods(""), lambda y: f"/date/{y}")
    page = int_param(request, "page", 1)
    crumbs = [(t("browse_dates"), "/date")]
    if month is None:
        parts = [{"name": _month_name(t, m), "count": n, "url": f"/date/{year}/{m}"}
                 for m, n in index.periods(year)]
        listing = index.date_page(archive(request), year, page, PER_PAGE)
        return _stories(request, "year", t("year_label", y=year), listing, parts, crumbs)
    crumbs.append((t("year_label", y=year), f"/date/{year}"))
    if day is None:
        parts = [{"name": t("day_short", d=d.lstrip("0") or d), "count": n,
                  "url": f"/date/{year}/{month}/{d}"} for d, n in index.periods(f"{year}-{month}")]
        listing = index.date_page(archive(request), f"{year}-{month}", page, PER_PAGE)
        return _stories(request, "month", t("month_label", y=year, m=month), listing, parts,
                        crumbs)
    crumbs.append((t("month_label", y=year, m=month), f"/date/{year}/{month}"))
    listing = index.date_page(archive(request), f"{year}-{month}-{day}", page, PER_PAGE)
    return _stories(request, "day", t("day_label", y=year, m=month, d=day), listing, None, crumbs)
