"""The search page: query box, filters, facet counts, highlighted results, pagination.

All the searching is done by :mod:`newsark.search`; this page only reads the request's
parameters, validates them and shows what the engine returns.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from newsark.search import QueryError, SearchIndexMissing, search
from newsark.search.query import normalize_date
from newsark.web.render import sanitize_highlight
from newsark.web.views.base import PER_PAGE, archive, int_param, render

FILTERS = ("from", "to", "category", "author", "tag")
MAX_QUERY = 500


def _date(request: Request, name: str, *, end: bool) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD; a partial end date means its whole period."""
    raw = (request.query_params.get(name) or "").strip()
    if not raw:
        return None
    try:
        normalize_date(raw, name)  # (the engine's check: YYYY, YYYY-MM or YYYY-MM-DD, a real day)
        parts = raw.split("-")
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            d = int(parts[2])
        elif end:
            d = ((_dt.date(y + (m == 12), m % 12 + 1, 1)) - _dt.timedelta(days=1)).day
        else:
            d = 1
        return _dt.date(y, m, d).isoformat()
    except (QueryError, ValueError):  # (ValueError: the end of 9999's December)
        raise HTTPException(400, f"{name} must be a date like 2019-04-20, not {raw[:40]!r}") from None


def _hit_json(hit: Any) -> dict[str, Any]:
    data = asdict(hit)
    data["snippet"] = sanitize_highlight(data.get("snippet") or "")
    data["title_html"] = sanitize_highlight(data.get("title_html") or "")
    data["url"] = f"/article/{hit.id}"
    return data


def search_page(request: Request) -> Response:
    q = (request.query_params.get("q") or "").strip()
    if len(q) > MAX_QUERY:
        raise HTTPException(400, f"the query is longer than {MAX_QUERY} characters")
    page = int_param(request, "page", 1, high=500)
    filters = {
        "date_from": _date(request, "from", end=False),
        "date_to": _date(request, "to", end=True),
        "category": request.query_params.get("category") or None,
        "author": request.query_params.get("author") or None,
        "tag": request.query_params.get("tag") or None,
    }
    data: dict[str, Any] = {
        "query": q,
        "filters": {k: request.query_params.get(k) or None for k in FILTERS},
        "dates": {"from": filters["date_from"], "to": filters["date_to"]},  # full YYYY-MM-DD
        "page": page,
        "per_page": PER_PAGE,
        "hits": [],
        "total": 0,
        "pages": 0,
        "facets": {},
        "took_ms": 0.0,
        "relaxed": False,
        "available": True,
    }
    if q or any(filters.values()):
        try:
            results = search(archive(request), q, limit=PER_PAGE,
                             offset=(page - 1) * PER_PAGE, facets=True, **filters)
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from None
        except SearchIndexMissing:  # `newsark serve` builds it; a bare create_app may not
            data["available"] = False
        else:
            data.update(
                hits=[_hit_json(h) for h in results.hits],
                total=results.total,
                pages=max(1, -(-results.total // PER_PAGE)),
                facets={k: [[v, n] for v, n in vs] for k, vs in results.facets.items()},
                took_ms=round(results.took_ms, 2),
                relaxed=results.relaxed,
            )
    return render(request, "search.html", data)
