"""Each injected fault of the IA layer, and that faults are deterministic and bounded."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

import httpx
import pytest
from harness.faults import OUTAGE_PAGE, FaultPlan
from harness.ia_layer import IALayer
from harness.world import World

CLIENT = httpx.Client(timeout=10)  # one client: building an SSL context per call costs ~40 ms

# A refused connection: depending on timing (a loaded machine) the client sees the refusal
# itself, or a connection the closing port reset before the reply.
REFUSED = (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError)


def fetch(url: str) -> httpx.Response:
    return CLIENT.get(url)


def good_capture(world: World, n: int = 0):  # type: ignore[no-untyped-def]
    return [c for c in world.site.captures if c.note == "good"][n]


def test_5xx_is_bounded_per_url(make_layer: Callable[..., IALayer], synthetic_world: World) -> None:
    ia = make_layer(FaultPlan(p_5xx=1.0, max_faults_per_url=2))
    c = good_capture(synthetic_world)
    statuses = [fetch(ia.replay_url(c.timestamp, "id_", c.url)).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    cdx_url = f"{ia.base_url}/cdx/search/cdx?url=example-news.com/&limit=1"
    assert [fetch(cdx_url).status_code for _ in range(3)] == [503, 503, 200]


def test_outage_page_is_a_200_without_memento(make_layer: Callable[..., IALayer], synthetic_world: World) -> None:
    ia = make_layer(FaultPlan(p_outage=1.0, max_faults_per_url=1))
    c = good_capture(synthetic_world)
    r = fetch(ia.replay_url(c.timestamp, "id_", c.url))
    assert r.status_code == 200 and r.content == OUTAGE_PAGE and "Memento-Datetime" not in r.headers
    assert b"Internet Archive: Temporarily Offline" in r.content
    assert fetch(ia.replay_url(c.timestamp, "id_", c.url)).content == c.body


def test_truncated_transfer_is_detectable(make_layer: Callable[..., IALayer], synthetic_world: World) -> None:
    ia = make_layer(FaultPlan(p_truncate=1.0, max_faults_per_url=1))
    c = good_capture(synthetic_world)
    with pytest.raises(httpx.HTTPError):
        fetch(ia.replay_url(c.timestamp, "id_", c.url))
    assert ia.log.items("replay")[0].fault == "truncate"
    assert fetch(ia.replay_url(c.timestamp, "id_", c.url)).content == c.body


def test_gzip_with_blank_content_encoding(make_layer: Callable[..., IALayer], synthetic_world: World) -> None:
    ia = make_layer(FaultPlan(p_gzip_blank=1.0))
    c = good_capture(synthetic_world)
    r = fetch(ia.replay_url(c.timestamp, "id_", c.url))
    assert r.status_code == 200 and r.headers["Content-Encoding"] == ""
    assert r.content[:2] == b"\x1f\x8b" and gzip.decompress(r.content) == c.body


def test_429_burst_without_retry_after_then_recovery(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer(FaultPlan(seed=5, burst_429_every=4, burst_429_seconds=0.6))
    c = good_capture(synthetic_world)
    url = ia.replay_url(c.timestamp, "id_", c.url)
    statuses = []
    for _ in range(4):
        r = fetch(url)
        statuses.append(r.status_code)
        if r.status_code == 429:
            assert "Retry-After" not in r.headers
            break
    assert statuses[-1] == 429
    assert fetch(url).status_code == 429  # still inside the burst
    time.sleep(0.7)
    assert fetch(url).status_code == 200
    assert all(i.kind == "replay" for i in ia.log.items())


def test_refusal_closes_the_port_then_reopens_it(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer(FaultPlan(seed=2, refuse_every=3, refuse_seconds=1.0, refuse_max=1))
    port = ia.port
    c = good_capture(synthetic_world)
    url = ia.replay_url(c.timestamp, "id_", c.url)
    refused_at = None
    for _ in range(6):
        try:
            fetch(url)
        except REFUSED:
            refused_at = time.monotonic()
            break
        time.sleep(0.1)
    assert refused_at is not None, "the layer never refused a connection"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            r = fetch(url)
            break
        except REFUSED:
            time.sleep(0.1)
    assert r.status_code == 200 and ia.port == port
    assert 0.7 < time.monotonic() - refused_at < 3.0
    kinds = [i.kind for i in ia.log.items()]
    assert "refusal" in kinds and "reopen" in kinds


def test_hammering_during_429s_gets_the_client_banned(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer(FaultPlan(seed=1, burst_429_every=1, burst_429_seconds=5.0,
                              block_on_429_abuse=3, refuse_seconds=0.5))
    c = good_capture(synthetic_world)
    url = ia.replay_url(c.timestamp, "id_", c.url)
    outcomes = []
    for _ in range(8):
        try:
            outcomes.append(fetch(url).status_code)
        except REFUSED:
            outcomes.append(0)
        time.sleep(0.05)
    assert outcomes[:3] == [429, 429, 429] and 0 in outcomes
    assert any(i.kind == "refusal" and i.fault == "ban" for i in ia.log.items())


def test_faults_are_deterministic_for_a_seed(make_layer: Callable[..., IALayer], synthetic_world: World) -> None:
    plan = {"seed": 11, "p_5xx": 0.2, "p_outage": 0.2, "p_gzip_blank": 0.3, "max_faults_per_url": 5}
    captures = [c for c in synthetic_world.site.captures if c.note == "good"][:40]

    def run() -> list[tuple[int, str]]:
        ia = make_layer(FaultPlan(**plan))  # type: ignore[arg-type]
        for c in captures:
            fetch(ia.replay_url(c.timestamp, "id_", c.url))
        return [(i.status, i.fault) for i in ia.log.items()]

    first, second = run(), run()
    assert first == second
    assert {f for _, f in first} >= {"", "5xx", "outage", "gzip-blank"}


def test_storm_plan_lets_a_retrying_client_get_everything(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer(FaultPlan.storm(seed=4))
    captures = [c for c in synthetic_world.site.captures if c.note == "good"][:60]
    for c in captures:
        for _ in range(20):
            try:
                r = fetch(ia.replay_url(c.timestamp, "id_", c.url))
            except httpx.HTTPError:
                time.sleep(0.3)
                continue
            if r.status_code == 200 and r.content != OUTAGE_PAGE:
                body = gzip.decompress(r.content) if r.content[:2] == b"\x1f\x8b" else r.content
                assert body == c.body
                break
            time.sleep(0.5 if r.status_code == 429 else 0.05)
        else:
            raise AssertionError(f"never got {c.url}")
