"""The request log's rate and pause checks catch impolite clients and pass polite ones."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
from harness.faults import FaultPlan
from harness.ia_layer import IALayer
from harness.ratelog import LoggedRequest, max_in_window, pause_violations, rate_violations
from harness.world import World


def items(times: list[float], status: int = 200) -> list[LoggedRequest]:
    return [LoggedRequest(t, "replay", f"u{n}", status) for n, t in enumerate(times)]


def test_max_in_window() -> None:
    assert max_in_window([], 1.0) == 0
    assert max_in_window([0.0, 0.5, 0.99, 1.0, 1.5], 1.0) == 3
    assert max_in_window([3.0, 1.0, 2.0], 10.0) == 3
    assert max_in_window([0.0, 1.0, 2.0], 1.0) == 1


def test_rate_violations_flag_bursts_not_paced_requests() -> None:
    paced = items([n * 0.1 for n in range(100)])  # exactly 10/s
    assert rate_violations(paced, per_second=10) == []
    burst = items([n * 0.1 for n in range(50)] + [5.0 + n * 0.01 for n in range(20)])
    problems = rate_violations(burst, per_second=10)
    assert problems and "within 1s" in problems[0]
    assert rate_violations(burst, per_second=30) == []


def test_pause_violations_after_429() -> None:
    ok = items([0.0, 2.1, 2.2])
    ok[0] = LoggedRequest(0.0, "replay", "x", 429)
    assert pause_violations(ok, pause=2.0) == []
    bad = list(ok) + [LoggedRequest(0.5, "cdx", "q", 200)]
    assert len(pause_violations(bad, pause=2.0)) == 1
    in_flight = list(ok) + [LoggedRequest(0.01, "replay", "y", 200)]
    assert pause_violations(in_flight, pause=2.0) == []


def test_live_log_of_a_paced_and_a_greedy_client(
    make_layer: Callable[..., IALayer], synthetic_world: World
) -> None:
    ia = make_layer(FaultPlan())
    captures = [c for c in synthetic_world.site.captures if c.note == "good"][:30]
    with httpx.Client(timeout=10) as client:
        for c in captures[:15]:
            start = time.monotonic()
            client.get(ia.replay_url(c.timestamp, "id_", c.url))
            time.sleep(max(0.0, 0.05 - (time.monotonic() - start)))  # 20/s
        assert rate_violations(ia.log.items("replay"), per_second=20) == []
        for c in captures[15:]:
            client.get(ia.replay_url(c.timestamp, "id_", c.url))  # as fast as it goes
    assert rate_violations(ia.log.items("replay"), per_second=20) != []
    assert len(ia.log.items("replay")) == 30 and ia.log.items("cdx") == []
