"""The pool extraction runs on: this process, local processes, or a Dask cluster.

A Dask cluster is started by its owner (``dask scheduler`` on one machine, ``dask worker
tcp://HOST:8786`` on each of the others, newsark installed everywhere); newsark only
connects to it. Every worker must run the same extraction code as this machine, or an
archive would mix two extractors' output: that is checked when connecting.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import newsark

CONNECT_TIMEOUT = 20.0  # seconds to reach the scheduler and see a worker
CLUSTER_BATCH = 8  # pages per Dask task: a task costs the scheduler about a millisecond
POLL = 1.0  # seconds between looks at whether the pool is still there, while waiting
RESULT_TIMEOUT = 600.0  # seconds for one task before its work is done here instead
R = TypeVar("R")


class ClusterError(RuntimeError):
    """The cluster cannot be used (unreachable, no workers, other extraction code)."""


class PoolGone(RuntimeError):
    """The pool can no longer run anything (its cluster closed the connection for good)."""


def _always() -> bool:
    return True


@dataclass
class Pool:
    """An executor, how many tasks it runs at once and how many pages go in one task.
    ``alive`` says whether it can still answer: a Dask client that gave up reconnecting
    to a dead scheduler leaves its futures unresolved forever, so waits poll it."""

    executor: Executor
    slots: int
    where: str
    batch: int = 1
    alive: Callable[[], bool] = _always

    def submit(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> Future[R]:
        if not self.alive():
            raise PoolGone(f"{self.where} is gone")
        return self.executor.submit(fn, *args, **kwargs)

    def result(self, fut: Future[R], timeout: float) -> R:
        """``fut.result(timeout)``, but PoolGone as soon as the pool is."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return fut.result(timeout=min(POLL, max(0.0, deadline - time.monotonic())))
            except FuturesTimeout:
                if not self.alive():
                    raise PoolGone(f"{self.where} is gone") from None
                if time.monotonic() >= deadline:
                    raise


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """newsark's version and a hash of all its modules: what a worker runs reaches into
    extract, sources, archive and repair, and listing those by hand would go stale."""
    root = Path(newsark.__file__).parent
    h = hashlib.sha256(newsark.__version__.encode())
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return f"{newsark.__version__}+{h.hexdigest()[:12]}"


@contextmanager
def open_pool(workers: int = 0, cluster: str | None = None,
              timeout: float = CONNECT_TIMEOUT) -> Iterator[Pool | None]:
    """``workers`` local processes, or the Dask cluster whose scheduler is at ``cluster``
    (``tcp://host:8786``, reached within ``timeout`` seconds); None (extract in this
    process) when neither is asked for."""
    if workers and cluster:
        raise ValueError("give --workers or --cluster, not both")
    if workers < 0:
        raise ValueError("--workers must not be negative")
    if cluster:
        with _dask_pool(cluster, timeout) as pool:
            yield pool
    elif workers > 0:
        # forkserver: the workers do not inherit this process's open SQLite connections.
        ctx = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as ex:
            yield Pool(ex, workers, f"{workers} local processes")
    else:
        yield None


@contextmanager
def _dask_pool(address: str, timeout: float) -> Iterator[Pool]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise ClusterError("--cluster needs the 'distributed' package (pip install distributed)") from exc
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as exc:
            raise ClusterError(f"the Dask scheduler at {address} has no workers") from exc
        # The scheduler unpickles the tasks too, so it needs the same code as the workers.
        found = dict(client.run(code_fingerprint))
        found["scheduler"] = client.run_on_scheduler(code_fingerprint)
        check_workers(found, code_fingerprint())
        threads = sum(client.nthreads().values())
        # retries: a task whose worker died is run again elsewhere (Dask does this itself
        # for lost workers; retries also covers a worker killed mid-task).
        executor = client.get_executor(pure=False, retries=2)
        yield Pool(executor, max(1, threads), f"Dask cluster {address} ({threads} threads)",
                   batch=CLUSTER_BATCH, alive=lambda: client.status in ("running", "connecting"))
    finally:
        client.close()


def check_workers(found: dict[str, str], mine: str) -> None:
    """Refuse a cluster whose workers run other extraction code than this machine."""
    other = {w: fp for w, fp in found.items() if fp != mine}
    if other:
        listed = ", ".join(f"{w} runs {fp}" for w, fp in sorted(other.items())[:5])
        raise ClusterError(f"workers run other newsark code than this machine ({mine}): {listed}. "
                           "Install the same newsark on every worker and restart them.")
