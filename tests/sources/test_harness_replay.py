"""The IA layer's replay: original bytes, IA headers, nearest-capture and archived redirects."""

from __future__ import annotations

import random
from collections.abc import Callable

import httpx
from harness.ia_layer import IALayer
from harness.warcs import http_date
from harness.world import World

CLIENT = httpx.Client(timeout=30)  # one client: building an SSL context per call costs ~40 ms


def get(url: str) -> httpx.Response:
    return CLIENT.get(url, follow_redirects=False)


def test_exact_replay_gives_original_bytes_and_ia_headers(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer()
    captures = random.Random(1).sample(synthetic_world.site.captures, 80)
    for c in captures:
        r = get(ia.replay_url(c.timestamp, "id_", c.url))
        assert r.status_code == c.status, c.url
        assert r.content == c.body, c.url
        assert r.headers["Memento-Datetime"] == http_date(c.timestamp)
        assert r.headers.get("X-Archive-Orig-Date") == http_date(c.timestamp)
        assert r.headers.get("Content-Type") == c.header("Content-Type")
    assert {i.flag for i in ia.log.items("replay")} == {"id_"}


def test_big5_capture_keeps_its_bytes_and_declared_charset(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer()
    big5 = [c for c in synthetic_world.site.captures if b'charset="big5-hkscs"' in c.body]
    undeclared = [c for c in big5 if c.header("Content-Type") == "text/html"]
    assert big5 and undeclared and len(undeclared) < len(big5)
    for c in big5[:10] + undeclared[:10]:
        r = get(ia.replay_url(c.timestamp, "id_", c.url))
        assert r.content == c.body
        assert r.headers["Content-Type"] == c.header("Content-Type")
        c.body.decode("big5hkscs")  # really Big5-HKSCS


def test_inexact_timestamp_is_a_302_to_the_nearest_capture(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer()
    story = synthetic_world.site.stories[3]
    url = synthetic_world.site.article_url(story.ids[0], story.slug)
    times = sorted(c.timestamp for c in synthetic_world.site.captures
                   if c.url == url)
    r = get(ia.replay_url(times[0][:8], "id_", url))  # same day, midnight
    assert r.status_code == 302
    assert "Memento-Datetime" not in r.headers
    assert r.headers["Location"].startswith(f"{ia.base_url}/web/{times[0]}id_/")
    follow = httpx.get(ia.replay_url("2030", "id_", url), follow_redirects=True, timeout=30)
    assert follow.status_code == 200 and "Memento-Datetime" in follow.headers
    assert str(follow.url).startswith(f"{ia.base_url}/web/")


def test_archived_redirect_is_a_memento_pointing_at_the_same_timestamp(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer()
    redirects = [c for c in synthetic_world.site.captures if c.note == "redirect"]
    assert len(redirects) > 20
    for c in redirects[:20]:
        r = get(ia.replay_url(c.timestamp, "id_", c.url))
        assert r.status_code == c.status in (301, 302)
        assert r.headers["Memento-Datetime"] == http_date(c.timestamp)
        assert r.headers["Location"] == ia.replay_url(c.timestamp, "id_", c.header("Location") or "")
        # The target was captured at another time: following lands on the nearest memento.
        hop = get(r.headers["Location"])
        assert hop.status_code in (200, 302)
        if hop.status_code == 302:
            assert "Memento-Datetime" not in hop.headers
            assert get(hop.headers["Location"]).status_code == 200


def test_never_archived_is_a_404_without_memento_datetime(make_layer: Callable[..., IALayer]) -> None:
    ia = make_layer()
    r = get(ia.replay_url("20200101000000", "id_", "https://www.example-news.com/article/1/none"))
    assert r.status_code == 404 and "Memento-Datetime" not in r.headers
    archived_404 = get(ia.replay_url("20200202020202", "id_", "https://www.example-news.com/wp-login.php"))
    assert archived_404.status_code == 404 and "Memento-Datetime" in archived_404.headers


def test_request_log_counts_kinds_and_flags(make_layer: Callable[..., IALayer], synthetic_world: World) -> None:
    ia = make_layer()
    c = synthetic_world.site.captures[0]
    get(ia.replay_url(c.timestamp, "", c.url))
    get(ia.replay_url(c.timestamp, "id_", c.url))
    httpx.get(f"{ia.base_url}/cdx/search/cdx?url=example-news.com/&limit=1", timeout=30)
    items = ia.log.items()
    assert [i.kind for i in items] == ["replay", "replay", "cdx"]
    assert [i.flag for i in items[:2]] == ["", "id_"]
    assert items[0].url == c.url and items[0].ts == c.timestamp and items[0].status == 200
