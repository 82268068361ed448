"""Extraction sent ahead to a pool while the pipeline goes on, taken back in story order.

The pipeline decides and writes one story at a time, in id order (so a resumed run ends as
a clean one). What it would extract next is known in advance: the best capture of each of
the next stories. Those pages are handed to the pool; when the pipeline reaches a story,
the result is taken if it is there, else the page is extracted here. Extraction is a
function of the response alone, so the archive is the same whichever way a page went.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import Future
from typing import Any

from newsark.sources.extraction import Extracted, extract_response
from newsark.sources.warcstore import WarcResponse

from .workers import RESULT_TIMEOUT, Pool

log = logging.getLogger(__name__)
GIVE_UP_AFTER = 3        # pool failures in a row before the rest is extracted here


Page = tuple[WarcResponse, str, str]  # response, capture URL, link base


def extract_batch(pages: list[Page], profile_json: str | None) -> list[Extracted]:
    """What a worker runs: a few pages per task, so a cluster's per-task cost (a
    scheduler round trip) is paid once per batch. The site template travels as JSON
    (``SiteProfile.to_json``) and is rebuilt once per worker process."""
    from newsark.extract.profile import profile_from_json

    template = profile_from_json(profile_json) if profile_json else None
    return [extract_response(resp, capture_url=capture_url, public_base=base, template=template)
            for resp, capture_url, base in pages]


class ExtractAhead:
    """Pages in flight on ``pool``, keyed by capture (original URL, timestamp), sent in
    batches of ``pool.batch``."""

    def __init__(self, pool: Pool, template: Any = None, depth: int | None = None) -> None:
        self.pool = pool
        self.template = template
        self.profile_json = template.to_json() if template is not None else None
        self.depth = depth or min(512, 4 * pool.slots * pool.batch)
        self.pending: dict[tuple[str, str], tuple[Future[list[Extracted]], int]] = {}
        self.unsent: list[tuple[tuple[str, str], Page]] = []
        self.responses: dict[tuple[str, str], WarcResponse] = {}  # of the pages in flight
        self.failures = 0
        self.broken = False
        self.remote = 0   # pages extracted on the pool
        self.local = 0    # pages extracted here

    def room(self) -> int:
        return 0 if self.broken else max(0, self.depth - len(self.pending) - len(self.unsent))

    def submit(self, key: tuple[str, str], resp: WarcResponse, capture_url: str, public_base: str) -> None:
        if self.broken or key in self.pending or any(k == key for k, _ in self.unsent):
            return
        self.unsent.append((key, (resp, capture_url, public_base)))
        self.responses[key] = resp
        if len(self.unsent) >= self.pool.batch:
            self._flush()

    def _flush(self) -> None:
        batch, self.unsent = self.unsent, []
        if not batch or self.broken:
            return
        try:
            fut = self.pool.submit(extract_batch, [page for _, page in batch], self.profile_json)
        except Exception as exc:  # noqa: BLE001 - a pool shut down or broken under us
            self._failed(exc)
            return
        for i, (key, _) in enumerate(batch):
            self.pending[key] = (fut, i)

    def take(self, key: tuple[str, str], resp: WarcResponse, capture_url: str, public_base: str) -> Extracted:
        """The page's extraction: from the pool when it was sent, else done here. A pool
        that fails (a lost cluster, a killed process) costs time, never a page: the page is
        extracted here, where an error of the extractor itself is raised as it would be."""
        if any(k == key for k, _ in self.unsent):
            self._flush()
        self.responses.pop(key, None)
        sent = self.pending.pop(key, None)
        if sent is not None:
            fut, i = sent
            try:
                result = self.pool.result(fut, RESULT_TIMEOUT)[i]
                self.failures = 0
                self.remote += 1
                return result
            except Exception as exc:  # noqa: BLE001 - any pool trouble: do it here
                self._failed(exc)
        self.local += 1
        return extract_response(resp, capture_url=capture_url, public_base=public_base,
                                template=self.template)

    def discard(self, key: tuple[str, str]) -> None:
        """Forget a page the pipeline will not ask for (its story was folded meanwhile)."""
        self.responses.pop(key, None)
        self.unsent = [(k, page) for k, page in self.unsent if k != key]
        self.pending.pop(key, None)

    def _failed(self, exc: BaseException) -> None:
        self.failures += 1
        log.warning("extraction on %s failed (%s: %s); extracting here", self.pool.where,
                    type(exc).__name__, exc)
        if self.failures >= GIVE_UP_AFTER and not self.broken:
            self.broken = True
            print(f"newsark: {self.pool.where} failed {self.failures} times in a row; "
                  "extracting the rest in this process", file=sys.stderr)
            self.close()

    def close(self) -> None:
        for fut, _ in self.pending.values():
            fut.cancel()
        self.pending.clear()
        self.unsent.clear()
        self.responses.clear()
