"""Stories from captures to article files: choose, fetch, validate, extract, fold, write.

Shared by ``rescue`` (captures from CDX, responses over HTTP) and ``ingest`` (both from WARC
files). Stories are processed in ascending id order and every decision depends only on
the ledger and the responses, so a resumed run ends with the same archive as a clean one.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsark.archive.store import Archive, now
from newsark.scale.ahead import ExtractAhead
from newsark.scale.workers import Pool
from newsark.sources.decode import decompress, to_text
from newsark.sources.discover import SiteProfile
from newsark.sources.extraction import Extracted, extract_response
from newsark.sources.ledger import Capture, FetchRow, Ledger
from newsark.sources.replay import Fetcher, resolve
from newsark.sources.validate import check_html, check_response
from newsark.sources.warcstore import WarcResponse, WarcStore, read_response


@dataclass
class Tally:
    stories: int = 0
    written: int = 0
    aliased: int = 0
    failed: int = 0
    skipped: int = 0           # already finished in an earlier run
    postponed: int = 0         # archive trouble (outage, 5xx): left for the next run
    fetches: int = 0           # captures tried in this run
    pool_pages: int = 0        # pages extracted on the pool (--workers / --cluster)
    reasons: dict[str, int] = field(default_factory=dict)
    # (ingest) WARC files with damaged stretches that were skipped: file -> where and what
    damaged: dict[str, list[str]] = field(default_factory=dict)

    def reject(self, reason: str) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


def rank(captures: list[Capture]) -> list[Capture]:
    """Best first: 200s, then revisits, then redirects; no query string; newest."""

    def key(c: Capture) -> tuple[int, int, str]:
        st = c.status
        group = 0 if st == "200" else 1 if st in ("-", "") else 2 if st.startswith("3") else 3
        return (group, 1 if "?" in c.original else 0, _neg(c.ts))

    return sorted((c for c in captures if not c.status.startswith(("4", "5"))), key=key)


def _neg(ts: str) -> str:
    return "".join(chr(ord("9") - ord(ch) + ord("0")) if ch.isdigit() else ch for ch in ts)


TRANSIENT = ("outage_page", "truncated", "http_5", "network")


def is_transient(reason: str) -> bool:
    return reason.startswith(TRANSIENT)


def quick_check(resp: WarcResponse) -> str | None:
    """Outage/challenge pages are told apart before extraction (they are retried)."""
    html, _ = to_text(decompress(resp.payload, resp.header("Content-Encoding") or ""),
                      resp.header("Content-Type"))
    reason = check_html(html)
    return reason if reason == "outage_page" else None


def plain(text: str) -> str:
    """Text for comparing stories: no markup, no URLs (capture times differ), no spaces."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!?\[([^\]]{0,1000})\]\([^)]*\)", r"\1", text)  # (bounded: each '[' scans to a ']')
    text = re.sub(r"https?://\S+", "", text)
    return re.sub(r"[\s*_`#>|\\-]+", "", text)


def text_hash(title: str | None, text: str) -> str:
    return hashlib.sha256(f"{plain(title or '')}\n{plain(text)}".encode()).hexdigest()


def title_key(title: str | None, date: str | None) -> str:
    """Stories with this key are compared for folding. Not the date: two captures of one
    story can disagree on it (time zones), and the text comparison decides anyway."""
    del date
    return plain(title or "")


def similar(a: str, b: str, threshold: float = 0.7) -> bool:
    """Same story (already same title and date): the shorter text lies in the longer one."""
    from difflib import SequenceMatcher

    pa, pb = plain(a), plain(b)
    if not pa or not pb:
        return False
    short = min(len(pa), len(pb))
    if short / max(len(pa), len(pb)) < 0.3:
        return False
    # Two exact shortcuts before the quadratic matcher (the writer's largest cost on an
    # ingest): the shorter text inside the longer one matches in full; and no alignment
    # matches more characters than the two texts have in common, counted as multisets.
    if pa in pb or pb in pa:
        return True
    if sum((Counter(pa) & Counter(pb)).values()) < threshold * short:
        return False
    m = SequenceMatcher(None, pa, pb, autojunk=False)
    # Containment, not equality: two page designs may extract a header line or a template
    # block more or less around the same text.
    matched = sum(b.size for b in m.get_matching_blocks())
    return matched / short >= threshold


class Pipeline:
    def __init__(
        self,
        archive: Archive,
        ledger: Ledger,
        fetcher: Fetcher,
        profile: SiteProfile,
        *,
        public_base: str,
        warcs: WarcStore | None,
        window_days: float = 365,
        on_story: Callable[[Tally], None] | None = None,
        attempts: int = 3,
        retry_pause: float = 5.0,
        retry_sleep: Callable[[float], None] = time.sleep,
        pool: Pool | None = None,
    ) -> None:
        """``pool``: where to extract the next stories' pages ahead of the loop (ingest:
        its fetches are reads of local files, so fetching ahead costs no archive requests)."""
        self.template: object = None   # newsark.extract.SiteProfile, when learned
        self._tried: set[tuple[str, str]] = set()
        self.attempts = max(1, attempts)
        self.retry_pause = retry_pause
        self.retry_sleep = retry_sleep
        self.archive = archive
        self.ledger = ledger
        self.fetcher = fetcher
        self.profile = profile
        self.public_base = public_base.rstrip("/")
        self.warcs = warcs
        self.window_days = window_days
        self.on_story = on_story
        self.tally = Tally()
        self.written_ids: list[int] = []
        self.pool = pool
        self.ahead: ExtractAhead | None = None
        self._ahead_at = 0  # index in the story order of the next story to send ahead
        self._sent: dict[tuple[str, str], int] = {}  # capture sent ahead -> its story id

    # -- the loop ----------------------------------------------------------------------
    def run(self, captures: list[Capture]) -> Tally:
        by_story: dict[int, list[Capture]] = defaultdict(list)
        for c in captures:
            sid = self.profile.story_id(c.original)
            if sid is not None:
                by_story[sid].append(c)
        self.tally.stories = len(by_story)
        self.template = self.learn_template(by_story)
        order = sorted(by_story)
        ranked = {sid: rank(by_story[sid]) for sid in order}
        if self.pool is not None:
            self.ahead = ExtractAhead(self.pool, self.template)
        try:
            for n, sid in enumerate(order):
                state = self.ledger.story_state(sid)
                if state in ("written", "aliased", "failed"):
                    self.tally.skipped += 1
                else:
                    self._prefetch(order[n : n + 16], ranked)
                    self._send_ahead(order, n, ranked)
                    self.process(sid, ranked[sid])
                if self.on_story:
                    self.on_story(self.tally)
        finally:
            if self.ahead is not None:
                self.ahead.close()
                self.tally.pool_pages = self.ahead.remote
        return self.tally

    def process(self, sid: int, candidates: list[Capture]) -> None:
        """Try the story's captures best first; the first good one is written.

        Captures that met archive trouble (outage page, 5xx, cut transfer) in an earlier run
        are first taken as they were, so a resumed run decides as the uninterrupted one
        did; only when nothing else works are they asked for again.
        """
        fallback: tuple[int, FetchRow, Extracted, WarcResponse] | None = None
        transient: str | None = None
        last_reason = "no_usable_capture" if candidates else "only_error_captures"
        for retry in (False, True):
            transient = None
            for cap in candidates:
                if retry:
                    before = self.ledger.fetch_row(cap.original, cap.ts)
                    if before is None or before.outcome != "error":
                        continue
                row = self._row(cap, retry=retry)
                if row.outcome == "error":
                    transient = row.reason
                    continue
                if row.outcome != "ok":
                    last_reason = row.reason or last_reason
                    continue
                target = self.profile.story_id(row.final_url or cap.original)
                if target is None:
                    self._reject(row, "redirect_off_article")
                    last_reason = "redirect_off_article"
                    continue
                # The page sent ahead is the one read from the WARC then (no second read).
                sent = self.ahead.responses.get((row.original, row.ts)) if self.ahead else None
                resp = sent or self._stored(row)
                capture_url = self._capture_url(resp)
                base = self._link_base(capture_url)
                ext = self._extract(row, resp, capture_url, base)
                if ext.article is None:
                    self._reject(row, ext.reason or "no_content")
                    last_reason = ext.reason or "no_content"
                    continue
                if ext.soft:
                    fallback = fallback or (target, row, ext, resp)
                    last_reason = ext.reason or last_reason
                    continue
                self._finish(sid, target, row, ext, resp)
                return
            if fallback is not None or transient is None:
                break
        if fallback is not None:
            self._finish(sid, *fallback)
            return
        if transient is not None:
            # Not the capture's fault: leave the story for the next run, never "missing".
            self.ledger.set_story(sid, "discovered", reason=f"retry:{transient}")
            self.tally.postponed += 1
            return
        self.ledger.set_story(sid, "failed", reason=last_reason)
        self.tally.failed += 1

    # -- the site's template --------------------------------------------------------------
    def learn_template(self, by_story: dict[int, list[Capture]], sample: int = 40) -> object:
        """The site template (newsark.extract.learn_site) from a spread of its story pages.

        The pages are ones the run fetches anyway (the best capture of evenly spaced
        stories), chosen from the ledger only, so a resumed run learns the same template;
        it is kept in the catalog once learned.
        """
        try:
            from newsark.extract import SiteProfile as Template
            from newsark.extract import learn_site
        except ImportError:
            return None
        saved = self.archive.get_meta("rescue_template")
        if isinstance(saved, dict):
            return Template.from_dict(saved)
        sids = sorted(by_story)
        if len(sids) < 4:
            return None
        step = max(1, len(sids) // sample)
        pages: list[tuple[bytes, str | None]] = []
        picked = sids[::step][:sample]
        ranked = {sid: rank(by_story[sid]) for sid in picked}
        for n, sid in enumerate(picked):
            self._prefetch(picked[n : n + 16], ranked)
            for cap in ranked[sid][:2]:
                row = self._row(cap, retry=False)
                if row.outcome == "ok" and self.profile.story_id(row.final_url or "") is not None:
                    resp = self._stored(row)
                    pages.append((decompress(resp.payload, resp.header("Content-Encoding") or ""),
                                  resp.url))
                    break
        if len(pages) < 4:
            return None
        try:
            template = learn_site(pages)
        except ValueError:
            return None
        self.archive.set_meta("rescue_template", template.to_dict())
        return template

    # -- fetching ----------------------------------------------------------------------
    def _prefetch(self, sids: list[int], ranked: dict[int, list[Capture]]) -> None:
        """Send ahead the best capture of the next unfinished stories not fetched yet."""
        prefetch = getattr(self.fetcher, "prefetch", None)
        if prefetch is None:
            return
        keys = []
        for sid in sids:
            if not ranked[sid] or self.ledger.story_state(sid) in ("written", "aliased", "failed"):
                continue
            cap = ranked[sid][0]
            if self.ledger.fetch_row(cap.original, cap.ts) is None:
                keys.append((cap.original, cap.ts))
        prefetch(keys)

    # -- extraction ---------------------------------------------------------------------
    def _send_ahead(self, order: list[int], n: int, ranked: dict[int, list[Capture]]) -> None:
        """Hand the pool the best capture of the next unfinished stories: the page
        ``process`` extracts first for each (its later captures are extracted here)."""
        ahead = self.ahead
        if ahead is None:
            return
        for key in [k for k, sid in self._sent.items() if sid < order[n]]:
            del self._sent[key]
            ahead.discard(key)  # its story was folded into another one meanwhile
        self._ahead_at = max(self._ahead_at, n)
        while ahead.room() and self._ahead_at < len(order):
            sid = order[self._ahead_at]
            self._ahead_at += 1
            if not ranked[sid] or self.ledger.story_state(sid) in ("written", "aliased", "failed"):
                continue
            row = self._row(ranked[sid][0], retry=False)
            if row.outcome != "ok" or self.profile.story_id(row.final_url or row.original) is None:
                continue
            resp = self._stored(row)
            capture_url = self._capture_url(resp)
            self._sent[(row.original, row.ts)] = sid
            ahead.submit((row.original, row.ts), resp, capture_url, self._link_base(capture_url))

    def _extract(self, row: FetchRow, resp: WarcResponse, capture_url: str, base: str) -> Extracted:
        if self.ahead is not None:
            self._sent.pop((row.original, row.ts), None)
            return self.ahead.take((row.original, row.ts), resp, capture_url, base)
        return extract_response(resp, capture_url=capture_url, public_base=base, template=self.template)

    def _link_base(self, capture_url: str) -> str:
        # Links point into the archive the capture came from (kept in the WARCs).
        return capture_url.split("/web/", 1)[0] if "/web/" in capture_url else self.public_base

    def _row(self, cap: Capture, *, retry: bool = True) -> FetchRow:
        """The capture's fetch outcome: from the ledger, or fetched now. An archive error
        of an earlier run is tried again (``retry``), one of this run is not."""
        row = self.ledger.fetch_row(cap.original, cap.ts)
        key = (cap.original, cap.ts)
        if row is None or (retry and row.outcome == "error" and key not in self._tried):
            self._tried.add(key)
            row = self.fetch(cap)
        return row

    def fetch(self, cap: Capture) -> FetchRow:
        """Resolve one capture, store every archived response, record the outcome.

        Outage pages, cut-off transfers and 5xx are the archive's trouble, not the
        capture's: the same capture is tried again (``attempts``); if it still fails the
        row is an ``error`` (retried by the next run), never a rejection.
        """
        before = self.fetcher.requests
        self.tally.fetches += 1
        stored: list[tuple[str, int, int]] = []
        for attempt in range(self.attempts):
            if attempt:
                self.retry_sleep(self.retry_pause * attempt)
            res = resolve(self.fetcher, cap.original, cap.ts, window_days=self.window_days)
            if self.warcs is not None:
                for hop in res.mementos:
                    assert hop.resp is not None
                    rec = self.warcs.write(hop.resp)
                    stored.append((rec.warc_file, rec.offset, rec.end))
            final = res.final
            reason = res.reason
            if final is not None and final.resp is not None:
                reason = check_response(final.resp) or quick_check(final.resp)
            if reason is None or not is_transient(reason):
                break
        warc_file: str | None = None
        offset: int | None = None
        payload_sha: str | None = None
        if final is not None and final.resp is not None:
            payload_sha = hashlib.sha256(final.resp.payload).hexdigest()
            if stored:
                warc_file, offset = stored[-1][0], stored[-1][1]
            elif final.where is not None:
                warc_file, offset = final.where
        outcome = "ok" if reason is None else "error" if is_transient(reason) else "rejected"
        row = FetchRow(
            original=cap.original, ts=cap.ts, outcome=outcome,
            reason=reason, status=final.status if final else None,
            final_url=final.resp.url if final and final.resp else None,
            final_ts=final.resp.ts if final and final.resp else None,
            warc_file=warc_file, warc_offset=offset, payload_sha=payload_sha,
        )
        with self.ledger.tx():
            self.ledger.record_fetch(row, self.fetcher.requests - before, now())
            if stored:
                self.ledger.set_warc_end(stored[-1][0], stored[-1][2])
        if reason:
            self.tally.reject(reason)
        return row

    def _reject(self, row: FetchRow, reason: str) -> None:
        self.tally.reject(reason)
        self.ledger.db.execute(
            "UPDATE rescue_fetches SET outcome='rejected', reason=? WHERE original=? AND ts=?",
            (reason, row.original, row.ts),
        )

    def _stored(self, row: FetchRow) -> WarcResponse:
        assert row.warc_file is not None and row.warc_offset is not None
        path = Path(row.warc_file)
        if not path.is_absolute():
            path = self.archive.root / path
        return read_response(path, row.warc_offset)

    def _capture_url(self, resp: WarcResponse) -> str:
        return resp.capture_url or f"{self.public_base}/web/{resp.ts}/{resp.url}"

    # -- writing -----------------------------------------------------------------------
    def _finish(self, sid: int, target: int, row: FetchRow, ext: Extracted,
                resp: WarcResponse) -> None:
        assert ext.article is not None
        art = ext.article
        th = text_hash(art.title, art.text())
        if target != sid and self.ledger.story_state(target) in ("written", "aliased"):
            canonical, _ = self._canonical(target)
            self._alias(sid, canonical, "redirect")
            return
        tk = title_key(art.title, art.date)
        same = self.ledger.story_with_hash(th, target)
        if same is None:
            same = self._near_duplicate(tk, target, art.text())
        if same is not None:
            self._alias(target, same, "same_text")
            if target != sid:
                self._alias(sid, same, "redirect")
            return
        capture_url = self._capture_url(resp)
        changed = self.archive.write_article(target, art, original=None, source="rescue",
                                             member=capture_url)
        del changed
        db = self.archive.db
        db.execute("UPDATE articles SET story_id=? WHERE id=?", (target, target))
        db.execute(
            "INSERT INTO stories VALUES (?,?,?,1,'rescue') ON CONFLICT(story_id) DO UPDATE "
            "SET title=excluded.title, date=excluded.date",
            (target, art.title, art.date),
        )
        self.ledger.set_story(
            target, "written", reason=None, capture_url=capture_url, original_url=resp.url,
            ts=resp.ts, warc_file=row.warc_file, warc_offset=row.warc_offset,
            payload_sha=row.payload_sha, charset=ext.charset, text_hash=th, title_key=tk,
        )
        self.tally.written += 1
        self.written_ids.append(target)
        if target != sid:
            self._alias(sid, target, "redirect")

    def _near_duplicate(self, tk: str, sid: int, text: str) -> int | None:
        for other in self.ledger.stories_with_title(tk, sid):
            try:
                if similar(self.archive.read_article(other).text(), text):
                    return other
            except (OSError, ValueError):
                continue
        return None

    def _canonical(self, sid: int) -> tuple[int, bool]:
        row = self.ledger.db.execute(
            "SELECT alias_of FROM rescue_stories WHERE story_id=? AND state='aliased'", (sid,)
        ).fetchone()
        return (int(row[0]), True) if row and row[0] is not None else (sid, False)

    def _alias(self, alias: int, story: int, reason: str) -> None:
        db = self.archive.db
        db.execute(
            "INSERT INTO aliases VALUES (?,?,1.0,?) ON CONFLICT(alias_id) DO UPDATE SET "
            "story_id=excluded.story_id, reason=excluded.reason",
            (alias, story, f"rescue:{reason}"),
        )
        db.execute(
            "UPDATE stories SET copies=1+(SELECT COUNT(*) FROM aliases WHERE story_id=?) "
            "WHERE story_id=?",
            (story, story),
        )
        self.ledger.set_story(alias, "aliased", reason=reason, alias_of=story)
        self.tally.aliased += 1
