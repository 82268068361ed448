"""Politeness: one token bucket per request budget, a global pause after HTTP 429, and a
long sleep when the archive's firewall refuses connections.

The Internet Archive gives 429 without ``Retry-After`` and blocks clients that keep going
at the firewall, so a 429 pauses *every* budget (with doubling backoff) and a refused
connection is treated as "wait, then retry the same request", never as a missing page.
The clock and the sleep are injectable so tests run in milliseconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    """``rate`` requests per second, at most ``burst`` back to back (burst 1 = even spacing)."""

    rate: float
    burst: float = 1.0
    tokens: float = field(init=False)
    stamp: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise ValueError(f"rate must be positive, got {self.rate}")
        if self.burst < 1:
            raise ValueError(f"burst must be at least 1, got {self.burst}")
        self.tokens = self.burst
        self.stamp = float("nan")

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available (refilling up to ``now``)."""
        self._refill(now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        self._refill(now)
        self.tokens -= 1

    def _refill(self, now: float) -> None:
        if self.stamp != self.stamp:  # NaN: first use
            self.stamp = now
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now


class RateLimiter:
    """Budgets by kind (``cdx``, ``replay``) plus the global 429 / refused pauses."""

    def __init__(
        self,
        rates: dict[str, float],
        *,
        pause_429: float = 60.0,
        pause_refused: float = 3600.0,
        max_pause: float = 4 * 3600.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        on_pause: Callable[[str, float], None] | None = None,
    ) -> None:
        # burst 1: the archive counts requests per sliding minute, so never bunch them.
        self.buckets = {kind: TokenBucket(rate) for kind, rate in rates.items()}
        self.pause_429 = pause_429
        self.pause_refused = pause_refused
        self.max_pause = max_pause
        self.clock = clock
        self.sleep = sleep
        self.paused_until = 0.0
        self.strikes_429 = 0
        self.strikes_refused = 0
        self.waited = 0.0  # total seconds slept, for the summary
        # Told of each global pause ("429" or "refused", seconds): a run that goes quiet for
        # an hour must say why, or it looks hung.
        self.on_pause = on_pause
        self._lock = threading.Lock()

    def acquire(self, kind: str) -> None:
        """Block until a request of ``kind`` may be sent, then spend its token."""
        bucket = self.buckets[kind]
        while True:
            with self._lock:
                now = self.clock()
                delay = max(self.paused_until - now, bucket.wait_time(now))
                if delay <= 0:
                    bucket.take(now)
                    return
            self.waited += delay
            self.sleep(delay)

    def success(self) -> None:
        """A request went through: forget earlier strikes (backoff starts again small)."""
        self.strikes_429 = 0
        self.strikes_refused = 0

    def on_429(self) -> float:
        """Pause everything: pause_429, doubled for each 429 in a row. Returns the pause."""
        pause = min(self.pause_429 * (2**self.strikes_429), self.max_pause)
        self.strikes_429 += 1
        self._pause(pause, "429")
        return pause

    def on_refused(self) -> float:
        """The firewall blocks us: sleep past the block (doubling on repeats)."""
        pause = min(self.pause_refused * (2**self.strikes_refused), self.max_pause)
        self.strikes_refused += 1
        self._pause(pause, "refused")
        return pause

    def _pause(self, seconds: float, why: str) -> None:
        with self._lock:
            self.paused_until = max(self.paused_until, self.clock() + seconds)
        if self.on_pause is not None:
            self.on_pause(why, seconds)
