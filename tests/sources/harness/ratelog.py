"""The IA layer's own request log, and checks that a client respected its rate limits."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class LoggedRequest:
    t: float          # time.monotonic() when the request line arrived
    kind: str         # cdx | replay | other
    url: str          # the target URL (replay) or the query string (cdx)
    status: int       # what the layer answered (0 = connection dropped)
    fault: str = ""   # the injected fault, if any
    ts: str = ""      # replay: the timestamp asked for
    flag: str = ""    # replay: the flag asked for (id_, im_, or '' for none)


class RequestLog:
    """Thread-safe append-only log, also written as JSON lines when ``path`` is given."""

    def __init__(self, path: Path | None = None) -> None:
        self._lock = threading.Lock()
        self._items: list[LoggedRequest] = []
        self.path = path

    def add(self, item: LoggedRequest) -> None:
        with self._lock:
            self._items.append(item)
            if self.path is not None:
                with self.path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")

    def items(self, kind: str | None = None) -> list[LoggedRequest]:
        with self._lock:
            return [i for i in self._items if kind is None or i.kind == kind]

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def max_in_window(times: Sequence[float], window: float) -> int:
    """The largest number of events inside any half-open window [t, t + window)."""
    ordered = sorted(times)
    best = lo = 0
    for hi, t in enumerate(ordered):
        while ordered[lo] <= t - window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def rate_violations(
    items: Iterable[LoggedRequest], per_second: float,
    windows: Sequence[float] = (1.0, 5.0, 60.0), slack: int = 1,
) -> list[str]:
    """Windows in which more than ``per_second * window + slack`` requests arrived.

    ``slack`` allows one request of timer jitter at a window's edge; a client pacing at the
    configured rate never exceeds it, one that bursts does.
    """
    times = [i.t for i in items]
    problems = []
    for window in windows:
        allowed = int(per_second * window) + slack
        seen = max_in_window(times, window)
        if seen > allowed:
            problems.append(f"{seen} requests within {window:g}s (allowed {allowed})")
    return problems


def pause_violations(items: Sequence[LoggedRequest], pause: float, tolerance: float = 0.05) -> list[str]:
    """Requests (of any kind) that arrived less than ``pause`` seconds after a 429."""
    ordered = sorted(items, key=lambda i: i.t)
    problems = []
    for n, item in enumerate(ordered):
        if item.status != 429:
            continue
        for later in ordered[n + 1:]:
            gap = later.t - item.t
            if gap >= pause * (1 - tolerance):
                break
            # Requests already in flight when the 429 was sent are not the client's fault.
            if gap > 0.05:
                problems.append(f"{later.kind} {later.url} {gap:.2f}s after a 429 (pause {pause}s)")
    return problems


def count_by(items: Iterable[LoggedRequest], key: Callable[[LoggedRequest], object]) -> Counter[object]:
    return Counter(key(i) for i in items)


def now() -> float:
    return time.monotonic()
