"""Browser tests: the real server (``newsark serve``) driven by Debian's chromium.

Every request the page makes outside the test server is aborted, so the tests stay
offline (archived images point at web.archive.org) and prove the reader fetches nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="browser tests need Debian's chromium at /usr/bin/chromium "
                              "(apt-get install chromium; scripts/setup.sh does it)"),
]


def keep_local(context: Any, base: str) -> list[str]:
    """Abort every request of a browser context outside ``base``; returns the list the
    aborted URLs are added to."""
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    return outside


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    outside = keep_local(context, server)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:  # an alert() would mean planted code ran
        dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    pg.outside = outside  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_article_shows_figure_and_caption(page: Any, server: str) -> None:
    page.goto(server + "/article/101")
    figure = page.locator(".story .body figure").first
    assert figure.is_visible()
    assert figure.locator("img").get_attribute("alt") == "新跑道"
    caption = figure.locator("figcaption")
    assert caption.is_visible() and caption.inner_text() == "三跑道系統的新跑道航拍圖"
    # the image is a capture URL: the browser asked for it (and we blocked it, offline)
    assert any("runway.jpg" in u for u in page.outside)
    page.locator('a[href="/article/102"]').first.click()
    page.wait_for_url(server + "/article/102")
    assert page.locator("h1").inner_text() == "評論：機場擴建的代價"


def test_planted_script_and_onerror_do_not_run(page: Any, server: str) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text))
    page.goto(server + "/article/104")
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__pwned === undefined")
    page.locator(".story .body p", has_text="點擊").first.click()
    page.locator(".story .body a", has_text="連結").first.click()
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.dialogs == []
    assert page.locator("iframe").count() == 0 and page.locator(".story .body script").count() == 0
    assert page.locator("h1").inner_text() == "危險內容"


def test_csp_blocks_inline_script_even_if_one_slipped_through(page: Any, server: str) -> None:
    """Defence in depth: the page's CSP forbids inline code the sanitiser might miss."""
    page.goto(server + "/article/104")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__pwned = "inline"'; document.body.appendChild(s);
        const i = document.createElement('img'); i.setAttribute('onerror', 'window.__pwned="img"');
        i.src = 'data:,x'; document.body.appendChild(i); }""")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned === undefined")


def test_keyboard_slash_focuses_search_and_phone_layout(page: Any, server: str) -> None:
    page.goto(server + "/article/101")
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "q"
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/", "/article/101", "/search?q=機場", "/tag", "/date/2019"):
        page.goto(server + path)
        # nothing wider than the phone's screen: no sideways scrolling
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 375, path


def _engine_present() -> bool:
    try:
        from newsark.search import search  # noqa: F401
    except ImportError:
        return False
    return True


needs_engine = pytest.mark.skipif(not _engine_present(),
                                  reason="newsark.search.search is not available in this build")


@needs_engine
def test_simplified_query_finds_traditional_story_and_highlights(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.keyboard.press("/")
    page.keyboard.type("机场管理局")  # Simplified; the story is in Traditional
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    first = page.locator("main .card").first
    assert first.locator("a").first.get_attribute("href") == "/article/101"
    marks = first.locator("mark")
    assert marks.count() > 0 and marks.first.is_visible()
    texts = "".join(marks.all_inner_texts())
    assert "機場管理局" in texts  # highlighted on the original (Traditional) characters
    assert page.locator('main .card a[href="/article/103"]').count() == 0  # alias folded
    assert page.locator("#q").input_value() == "机场管理局"


@needs_engine
def test_filters_narrow_results(page: Any, server: str) -> None:
    page.goto(server + "/search?q=機場")
    cards = page.locator("main .card")
    assert cards.count() == 2
    page.locator('.facet[data-facet="category"] a', has_text="眾說").click()
    page.wait_for_url("**category=*")
    assert cards.count() == 1
    assert cards.first.locator("a").first.get_attribute("href") == "/article/102"
    page.locator(".active-filters a.removable").first.click()  # remove the filter again
    page.wait_for_url(lambda url: "category=" not in url)
    assert cards.count() == 2
    page.fill('.filters input[name="from"]', "2019-04-01")
    page.fill('.filters input[name="to"]', "2019-04-30")
    page.locator(".filters button").click()
    page.wait_for_url("**from=2019-04-01*")
    assert cards.count() == 1
    assert cards.first.locator("a").first.get_attribute("href") == "/article/101"
