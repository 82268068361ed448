"""The web reader's Starlette application: routes, templates, static files, errors."""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from newsark.web.browse_index import KINDS as BROWSE_KINDS
from newsark.web.db import ArchivePool
from newsark.web.queries import Cache
from newsark.web.security import HEADERS, SecurityMiddleware
from newsark.web.views import article, browse, home, search
from newsark.web.views.base import error_page, make_env, twin

STATIC = Path(__file__).resolve().parent / "static"


def routes() -> list[BaseRoute]:
    out: list[BaseRoute] = []
    out += twin("/", home.home, "home")
    out += twin("/search", search.search_page, "search")
    out += twin("/article/{article_id:int}", article.article, "article")
    out += twin("/date", browse.date_page, "dates")
    out += twin("/date/{year}", browse.date_page, "year")
    out += twin("/date/{year}/{month}", browse.date_page, "month")
    out += twin("/date/{year}/{month}/{day}", browse.date_page, "day")
    for kind in BROWSE_KINDS:
        out += twin(f"/{kind}", browse.kind_index, f"{kind}_index")
        # :path: a value may hold "/" (sent as %2F, which the server decodes)
        out += twin(f"/{kind}/{{value:path}}", browse.kind_value, kind)
    out.append(Mount("/static", StaticFiles(directory=STATIC), name="static"))
    return out


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_page(request, exc.status_code, str(exc.detail))


async def server_error(request: Request, exc: Exception) -> Response:
    # Starlette runs this outside the middleware stack, so the security headers are set
    # here as well; no details of the failure reach the visitor.
    headers = {k.decode(): v.decode() for k, v in HEADERS}
    return PlainTextResponse("500: internal error\n", status_code=500, headers=headers)


def warm_up(app: Starlette) -> None:
    """Compute the archive-wide aggregates (counts, browse index) before the first visitor
    asks: seconds on a million articles. Run by ``newsark serve`` in a background thread."""
    today = datetime.date.today()
    home.summary(app.state.pool.get(), app.state.cache, today.strftime("%m-%d"), today)


def create_app(archive_dir: str | os.PathLike[str],
               allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """The reader for one archive. ``allowed_hosts`` guards a loopback server against
    DNS rebinding (None: any Host header)."""
    middleware = [Middleware(SecurityMiddleware)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    app = Starlette(routes=routes(), middleware=middleware,
                    exception_handlers={HTTPException: http_error, Exception: server_error})
    app.state.pool = ArchivePool(archive_dir)
    app.state.cache = Cache()
    app.state.env = make_env()
    return app
