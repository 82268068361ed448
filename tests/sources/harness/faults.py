"""Deterministic fault injection for the IA layer.

Per-request faults (5xx, outage page, truncated transfer) are decided by hashing
(seed, kind, URL key, attempt number), so the same URL gets the same faults whatever the
client's request order, and a URL is faulted at most ``max_faults_per_url`` times in total:
a client that retries politely always gets through. 429 bursts and refusals are
decided by the request ordinal and last for a time, as the real archive's do.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field

OUTAGE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Internet Archive: Temporarily Offline</title></head>"
    b"<body><h1>Temporarily Offline</h1><p>Internet Archive services are temporarily offline."
    b" Please check our Twitter feed for the latest information.</p></body></html>"
)


@dataclass
class FaultPlan:
    """What to break. Probabilities are per request (or per URL for ``p_gzip_blank``)."""

    seed: int = 0
    p_5xx: float = 0.0            # 502/503/504 with an HTML error body
    p_outage: float = 0.0         # 200 "Internet Archive: Temporarily Offline" (replay only)
    p_truncate: float = 0.0       # replay body cut off mid-transfer (Content-Length larger)
    p_gzip_blank: float = 0.0     # per URL: body gzip-compressed, ``Content-Encoding:`` blank
    p_cdx_repeat: float = 0.0     # per CDX row: the row is repeated right after itself
    max_faults_per_url: int = 2   # a URL (any timestamp) is faulted at most this often
    burst_429_every: int = 0      # every N-th request (from a seeded offset) opens a burst
    burst_429_seconds: float = 0.5  # all requests get 429 for this long after the burst opens
    refuse_every: int = 0         # every N-th request closes the listening socket
    refuse_seconds: float = 1.0   # ... for this long, then reopens it on the same port
    refuse_max: int = 1000        # at most this many refusal windows in a run
    block_on_429_abuse: int = 0   # >0: this many requests during a 429 burst => refuse (a ban)
    kinds: tuple[str, ...] = ("cdx", "replay")  # which request kinds the faults apply to

    def roll(self, *parts: object) -> float:
        """A deterministic number in [0, 1) for these parts and this plan's seed."""
        digest = hashlib.sha256(repr((self.seed, *parts)).encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    @classmethod
    def storm(cls, seed: int = 1) -> FaultPlan:
        """Every fault at once, at rates a polite client must still get through."""
        return cls(
            seed=seed, p_5xx=0.06, p_outage=0.05, p_truncate=0.04, p_gzip_blank=0.15,
            p_cdx_repeat=0.05, burst_429_every=120, burst_429_seconds=0.4,
            refuse_every=300, refuse_seconds=1.5, refuse_max=3, block_on_429_abuse=4,
        )


@dataclass
class FaultState:
    """Mutable per-run state: attempt counters, active 429 burst, refusal windows."""

    plan: FaultPlan
    ordinal: int = 0
    burst_until: float = 0.0
    burst_hits: int = 0
    refusals: int = 0
    attempts: dict[tuple[str, str], int] = field(default_factory=dict)
    faulted: dict[tuple[str, str], int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_ordinal(self) -> int:
        with self.lock:
            self.ordinal += 1
            return self.ordinal

    def url_fault(self, kind: str, key: str) -> str:
        """'' or one of 5xx / outage / truncate for this attempt at ``key``."""
        plan = self.plan
        if kind not in plan.kinds:
            return ""
        with self.lock:
            attempt = self.attempts.get((kind, key), 0)
            self.attempts[(kind, key)] = attempt + 1
            if self.faulted.get((kind, key), 0) >= plan.max_faults_per_url:
                return ""
            r = plan.roll("url", kind, key, attempt)
            fault = ""
            if r < plan.p_5xx:
                fault = "5xx"
            elif kind == "replay" and r < plan.p_5xx + plan.p_outage:
                fault = "outage"
            elif kind == "replay" and r < plan.p_5xx + plan.p_outage + plan.p_truncate:
                fault = "truncate"
            if fault:
                self.faulted[(kind, key)] = self.faulted.get((kind, key), 0) + 1
            return fault

    def gzip_blank(self, key: str) -> bool:
        return self.plan.roll("gzip", key) < self.plan.p_gzip_blank

    def opens_burst(self, ordinal: int) -> bool:
        every = self.plan.burst_429_every
        return every > 0 and ordinal % every == int(self.plan.roll("burst") * every)

    def opens_refusal(self, ordinal: int) -> bool:
        every = self.plan.refuse_every
        if every <= 0 or self.refusals >= self.plan.refuse_max:
            return False
        return ordinal % every == int(self.plan.roll("refuse") * every)
