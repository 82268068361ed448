"""The home page: what the archive holds, the latest stories, categories, on this day."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from newsark.web import queries
from newsark.web.browse_index import BrowseIndex
from newsark.web.db import ReadOnlyArchive
from newsark.web.queries import Cache
from newsark.web.views.base import archive, cache, render

LATEST = 12
ON_THIS_DAY_PER_YEAR = 5


def browse_index_of(arch: ReadOnlyArchive, c: Cache) -> BrowseIndex:
    return c.get(arch, ("browse_index",), lambda: BrowseIndex.build(arch))


def value_url(kind: str, value: str) -> str:
    """``/tag/<value>`` with the value percent-encoded: tags like ``#metoo`` or ``a/b``."""
    return f"/{kind}/{quote(value, safe='')}"


def card_json(card: queries.Card) -> dict[str, Any]:
    return {**asdict(card), "url": f"/article/{card.id}"}


def month_day(raw: str | None, today: _dt.date) -> str:
    """``?day=MM-DD`` lets a reader (and a test) look at another day than today."""
    if raw and re.fullmatch(r"\d\d-\d\d", raw):
        try:
            _dt.date(2000, int(raw[:2]), int(raw[3:]))  # 2000: a leap year, 02-29 is valid
            return raw
        except ValueError:
            pass
    return today.strftime("%m-%d")


def home(request: Request) -> Response:
    today = _dt.date.today()
    md = month_day(request.query_params.get("day"), today)
    return render(request, "home.html", summary(archive(request), cache(request), md, today))


def summary(arch: ReadOnlyArchive, c: Cache, md: str, today: _dt.date) -> dict[str, Any]:
    """The home page's data (each part cached until the archive changes)."""
    overview = c.get(arch, ("overview",), lambda: queries.overview(arch))
    index = browse_index_of(arch, c)
    cats = index.counts("category")
    years = index.periods("")
    latest = index.latest(arch, LATEST)
    otd = index.on_this_day(arch, md, today.year, ON_THIS_DAY_PER_YEAR)
    return {
        "overview": asdict(overview),
        "years": [{"year": y, "count": n, "url": f"/date/{y}"} for y, n in years],
        "categories": [{"name": k, "count": n, "url": value_url("category", k)} for k, n in cats],
        "latest": [card_json(x) for x in latest],
        "on_this_day": {
            "day": md,
            "years": [{"year": y, "stories": [card_json(x) for x in cards]} for y, cards in otd],
        },
    }
