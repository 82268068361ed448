"""What every page shares: the archive, the language, HTML-or-JSON rendering, errors.

Each page is one endpoint that builds a JSON-able ``data`` dict; ``render`` turns it into
the HTML page, or returns it as is for the page's JSON twin (the same path + ``.json``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from newsark.web import queries
from newsark.web.db import ReadOnlyArchive
from newsark.web.i18n import HTML_LANG, LANGS, pick_lang, translator
from newsark.web.queries import Cache, Page
from newsark.web.render import Renderer

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PER_PAGE = 20
LIST_PER_PAGE = 200
MAX_PAGE = 100_000
LANG_COOKIE_AGE = 365 * 24 * 3600


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlpart"] = lambda s: quote(str(s), safe="")
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    # Show percent-encoded Chinese slugs as characters (the href keeps the exact URL).
    env.filters["readable_url"] = lambda u: unquote(str(u), errors="replace")
    return env


def is_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def twin(path: str, endpoint: Callable[[Request], Response], name: str) -> Iterator[Route]:
    """The JSON route first (so ``/tag/x.json`` is not read as the tag ``x.json``)."""
    json_path = "/index.json" if path == "/" else path + ".json"
    yield Route(json_path, endpoint, methods=["GET", "HEAD"], name=name + "_json")
    yield Route(path, endpoint, methods=["GET", "HEAD"], name=name)


def archive(request: Request) -> ReadOnlyArchive:
    return request.app.state.pool.get()  # type: ignore[no-any-return]


def cache(request: Request) -> Cache:
    return request.app.state.cache  # type: ignore[no-any-return]


def lang_of(request: Request) -> str:
    return pick_lang(request.query_params.get("lang"), request.cookies.get("lang"))


def renderer(request: Request) -> Renderer:
    arch = archive(request)
    sites = cache(request).get(arch, ("sites",), lambda: frozenset(queries.sites(arch)))
    return Renderer(sites, lambda i: queries.is_local(arch, i),
                    video_label=translator(lang_of(request))("video", host="{host}"))


def int_param(request: Request, name: str, default: int, *, low: int = 1, high: int = MAX_PAGE) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number, not {raw[:40]!r}") from None
    if not low <= value <= high:
        raise HTTPException(400, f"{name} must be between {low} and {high}")
    return value


def url_with(request: Request, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k != "lang"}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    path = request.url.path
    return path + ("?" + urlencode(params) if params else "")


def page_json(page: Page) -> dict[str, Any]:
    return {"total": page.total, "page": page.page, "pages": page.pages, "per_page": page.per_page}


def render(request: Request, template: str, data: dict[str, Any], status: int = 200,
           **html_only: Any) -> Response:
    """The HTML page from ``template`` or, on the ``.json`` path, ``data`` itself."""
    lang = lang_of(request)
    response: Response
    if is_json(request):
        response = JSONResponse(data, status_code=status)
    else:
        t = translator(lang)
        json_path = "/index.json" if request.url.path == "/" else request.url.path + ".json"
        query = request.url.query
        env: Environment = request.app.state.env
        html = env.get_template(template).render(
            request=request, data=data, t=t, lang=lang, html_lang=HTML_LANG[lang],
            other_lang="en" if lang == "zh" else "zh",
            json_url=json_path + ("?" + query if query else ""),
            url_with=lambda **kw: url_with(request, **kw), **html_only,
        )
        response = HTMLResponse(html, status_code=status)
    chosen = request.query_params.get("lang")
    if chosen in LANGS:
        response.set_cookie("lang", chosen, max_age=LANG_COOKIE_AGE, httponly=True, samesite="lax")
    return response


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"error": message, "status": status}, status=status)
