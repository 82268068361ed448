"""The IA layer's CDX dialect: JSON arrays, fields, filters, dates, paging with resume keys."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from harness.faults import FaultPlan
from harness.ia_layer import IALayer
from harness.world import World

HOST = "www.example-news.com"


def cdx(ia: IALayer, **params: Any) -> httpx.Response:
    return httpx.get(f"{ia.base_url}/cdx/search/cdx", params=params, timeout=30)


def all_pages(ia: IALayer, **params: Any) -> tuple[list[list[str]], list[list[list[str]]]]:
    """Follow resume keys; returns (all data rows, raw pages)."""
    rows: list[list[str]] = []
    pages = []
    key = None
    for _ in range(1000):
        query = dict(params, showResumeKey="true", output="json")
        if key:
            query["resumeKey"] = key
        page = cdx(ia, **query).json()
        pages.append(page)
        key = None
        if len(page) >= 2 and page[-2] == []:
            key = page[-1][0]
            page = page[:-2]
        rows += page[1:]
        if key is None:
            return rows, pages
    raise AssertionError("resume keys never ended")


def test_prefix_listing_covers_every_variant_with_ia_field_names(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer()
    body = cdx(ia, url=f"{HOST}/", matchType="prefix", output="json").json()
    assert body[0] == ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    originals = {r[2] for r in body[1:]}
    assert originals == {c.url for c in synthetic_world.site.captures}
    assert any(o.startswith("http://") for o in originals)
    assert any(o.startswith("https://example-news.com/") for o in originals)
    assert body[1:] == sorted(body[1:], key=lambda r: (r[0], r[1], r[2]))


def test_paging_with_resume_keys_returns_the_same_rows_as_one_listing(
    make_layer: Callable[..., IALayer],
) -> None:
    ia = make_layer()
    whole = cdx(ia, url=f"{HOST}/article/", matchType="prefix", output="json").json()[1:]
    rows, pages = all_pages(ia, url=f"{HOST}/article/", matchType="prefix", limit=250)
    assert rows == whole
    assert len(pages) == -(-len(whole) // 250)
    for page in pages[:-1]:
        assert page[-2] == [] and len(page[-1]) == 1 and len(page) == 1 + 250 + 2
    assert pages[-1][-1] != [] and len(pages[-1][-1]) == 7  # last page: no key


def test_url_star_is_prefix_and_exact_matches_scheme_and_www_variants(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer()
    star = cdx(ia, url=f"{HOST}/article/*", output="json").json()
    prefix = cdx(ia, url=f"{HOST}/article/", matchType="prefix", output="json").json()
    assert star == prefix
    story = synthetic_world.site.stories[0]
    target = f"http://example-news.com/article/{story.ids[0]}/{story.slug}"
    exact = cdx(ia, url=target, output="json").json()
    wanted = {c.url for c in synthetic_world.site.captures
              if c.url.split("?")[0].split("://")[1].removeprefix("www.")
              == target.split("://")[1].removeprefix("www.") and "?" not in c.url}
    assert {r[2] for r in exact[1:]} == wanted and wanted


def test_fields_filters_dates_and_collapse(make_layer: Callable[..., IALayer]) -> None:
    ia = make_layer()
    base = {"url": f"{HOST}/", "matchType": "prefix", "output": "json"}
    rows = cdx(ia, **base, fl="original,statuscode").json()
    assert rows[0] == ["original", "statuscode"] and all(len(r) == 2 for r in rows)
    ok = cdx(ia, **base, fl="statuscode", filter="statuscode:200").json()[1:]
    assert ok and all(r == ["200"] for r in ok)
    assert cdx(ia, **base, filter="statuscode:20").json() == []  # whole-field match, like Java's
    not_html = cdx(ia, **base, fl="mimetype", filter="!mimetype:text/html").json()[1:]
    assert not_html and all(r[0] != "text/html" for r in not_html)
    both = cdx(ia, **base, fl="statuscode,mimetype", filter=["statuscode:30.", "mimetype:text/html"]).json()
    assert both[1:] and all(r[0] in ("301", "302") for r in both[1:])
    dated = cdx(ia, **base, fl="timestamp", **{"from": "2019", "to": "201906"}).json()[1:]
    assert dated and all("20190101000000" <= r[0] <= "20190630235959" for r in dated)
    collapsed = cdx(ia, **base, fl="urlkey", collapse="urlkey").json()[1:]
    keys = [r[0] for r in collapsed]
    assert len(keys) == len(set(keys)) < len(rows) - 1


def test_text_output_empty_results_and_bad_queries(make_layer: Callable[..., IALayer]) -> None:
    ia = make_layer()
    text = cdx(ia, url=f"{HOST}/static/site.css").text
    assert text.split() == ["com,example-news)/static/site.css", "20190101000000",
                            f"https://{HOST}/static/site.css", "text/css", "200"] + text.split()[5:]
    assert cdx(ia, url="nothing-here.example/", output="json").text.strip() == "[]"
    assert cdx(ia, output="json").status_code == 400
    assert cdx(ia, url=HOST, fl="original,bogus").status_code == 400
    assert cdx(ia, url=HOST, filter="statuscode:(").status_code == 400
    assert cdx(ia, url=HOST, resumeKey="garbage").status_code == 400


def test_repeated_rows_fault_repeats_adjacent_rows(make_layer: Callable[..., IALayer]) -> None:
    ia = make_layer(FaultPlan(seed=3, p_cdx_repeat=0.2))
    rows = cdx(ia, url=f"{HOST}/", matchType="prefix", output="json").json()[1:]
    unique = [json.dumps(r) for r in rows]
    repeats = sum(1 for a, b in itertools.pairwise(unique) if a == b)
    assert repeats > 0 and len(set(unique)) == len(unique) - repeats
    # Paging stays consistent while rows repeat: the union is the same list.
    paged, _ = all_pages(ia, url=f"{HOST}/", matchType="prefix", limit=97)
    assert paged == rows


def test_unlimited_listing_can_be_silently_truncated(make_layer: Callable[..., IALayer]) -> None:
    ia = make_layer(cdx_default_cap=100)
    body = cdx(ia, url=f"{HOST}/", matchType="prefix", output="json", showResumeKey="true").json()
    assert len(body) == 101 and body[-1] != [] and len(body[-1]) == 7
    paged, _ = all_pages(ia, url=f"{HOST}/", matchType="prefix", limit=500)
    assert len(paged) > 100


@pytest.mark.parametrize("limit", [1, 7])
def test_tiny_pages(make_layer: Callable[..., IALayer], limit: int) -> None:
    ia = make_layer()
    whole = cdx(ia, url=f"{HOST}/section/", matchType="prefix", output="json").json()[1:]
    paged, pages = all_pages(ia, url=f"{HOST}/section/", matchType="prefix", limit=limit)
    assert paged == whole and len(pages) == -(-len(whole) // limit)


def test_large_limits_are_clamped_and_paged(make_layer: Callable[..., IALayer]) -> None:
    ia = make_layer(cdx_max_page=200)
    whole = cdx(ia, url=f"{HOST}/", matchType="prefix", output="json").json()[1:]
    first = cdx(ia, url=f"{HOST}/", matchType="prefix", output="json", limit=5000,
                showResumeKey="true").json()
    assert len(first) == 1 + 200 + 2 and first[-2] == []
    paged, pages = all_pages(ia, url=f"{HOST}/", matchType="prefix", limit=5000)
    assert paged == whole and len(pages) == -(-len(whole) // 200)
