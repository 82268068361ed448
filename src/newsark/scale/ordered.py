"""A function over a stream of items on a pool, in batches, results in the items' order.

For work whose order matters to the caller (lines printed in the order of the pages) and
whose items are independent. A bounded window of batches is in flight, so a stream of any
length costs the memory of a few batches. A batch whose task fails is run here: a lost
worker costs time, never a result.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from itertools import islice
from typing import TypeVar

from .workers import RESULT_TIMEOUT, Pool

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)


def map_in_order(pool: Pool | None, fn: Callable[[list[T]], list[R]], items: Iterable[T],
                 batch: int | None = None) -> Iterator[R]:
    """``fn`` over batches of ``items`` (on ``pool``, else here), one result per item, in
    order. ``fn`` must be picklable (a module-level function or a partial of one)."""
    it = iter(items)
    if pool is None:
        for item in it:
            yield from fn([item])
        return
    size = batch or pool.batch
    window: deque[tuple[list[T], Future[list[R]] | None]] = deque()
    broken = False

    def send() -> bool:
        nonlocal broken
        chunk = list(islice(it, size))
        if not chunk:
            return False
        fut = None
        if not broken:
            try:
                fut = pool.submit(fn, chunk)
            except Exception as exc:  # noqa: BLE001 - a pool shut down or broken: the rest runs here
                broken = True
                log.warning("%s refused work (%s: %s); running the rest here", pool.where,
                            type(exc).__name__, exc)
        window.append((chunk, fut))
        return True

    while len(window) < 2 * pool.slots and send():
        pass
    while window:
        chunk, fut = window.popleft()
        results = None
        if fut is not None:
            try:
                results = pool.result(fut, RESULT_TIMEOUT)
            except Exception as exc:  # noqa: BLE001 - any pool trouble: run the batch here
                log.warning("a batch failed on %s (%s: %s); running it here", pool.where,
                            type(exc).__name__, exc)
        if results is None:
            results = fn(chunk)
        send()
        yield from results
