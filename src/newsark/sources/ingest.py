"""``newsark ingest``: the rescue pipeline over local WARC / WACZ files instead of HTTP.

The files are indexed (URL, time, status, offset), the article URL shape is learned (or
read from a profile) and each story goes through the same choose → validate → extract →
fold → write steps as a rescue. Redirects are followed inside the files. Ingesting the
WARCs a rescue wrote gives the same articles.
"""

from __future__ import annotations

import re
import shutil
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from newsark.archive.store import Archive
from newsark.scale.workers import Pool
from newsark.sources.discover import is_candidate, learn_shape, load_profile
from newsark.sources.ledger import Capture, Ledger
from newsark.sources.pipeline import Pipeline, Tally
from newsark.sources.replay import Hop, parse_location
from newsark.sources.rescue import Progress, sync_search
from newsark.sources.warcnotes import warcio_notes
from newsark.sources.warcstore import iso_to_ts, read_response


def warc_paths(inputs: list[Path], archive_root: Path) -> list[Path]:
    """WARC files to read: WARCs as given; WACZ archives unpacked into DIR/warcs/wacz/."""
    out: list[Path] = []
    for p in inputs:
        if not p.exists():
            raise FileNotFoundError(f"no such file: {p}")
        if p.suffix.lower() == ".wacz":
            if not zipfile.is_zipfile(p):
                raise ValueError(f"{p} is not a WACZ (zip) file")
            dest = archive_root / "warcs" / "wacz" / p.stem
            with zipfile.ZipFile(p) as zf:
                for name in sorted(zf.namelist()):
                    if name.startswith("archive/") and name.endswith((".warc", ".warc.gz")):
                        target = dest / Path(name).name
                        if not target.exists():
                            target.parent.mkdir(parents=True, exist_ok=True)
                            tmp = target.with_suffix(".part")
                            with zf.open(name) as src, tmp.open("wb") as dst:
                                shutil.copyfileobj(src, dst)
                            tmp.replace(target)
                        out.append(target)
        else:
            out.append(p.resolve())
    return out


@dataclass
class WarcScan:
    """What one WARC file holds: its response records as captures, and each damaged
    stretch that was skipped (where, and what was wrong there)."""

    captures: list[Capture]
    damaged: list[str]


_GZIP_MEMBER = b"\x1f\x8b\x08"  # a gzip member's first bytes: where a record may start again
_WARC_RECORD = b"WARC/"
_SEARCH_CHUNK = 1 << 20
_WARC_HEAD_RE = re.compile(rb"WARC/1\.[01]\r?\n(?:[!-9;-~]+:[^\r\n]*\r?\n)*?WARC-Type:")


def _starts_record(fh: BinaryIO, pos: int, gz: bool) -> bool:
    """Whether a WARC record starts at ``pos``: a gzip member holding a ``WARC/`` line (the
    magic bytes alone occur by chance in compressed data), or that line itself."""
    fh.seek(pos)
    head = fh.read(4096)
    if not gz:  # (a payload may quote a WARC line: its headers must follow)
        return bool(_WARC_HEAD_RE.match(head))
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head).startswith(_WARC_RECORD)
    except zlib.error:
        return False


def _next_record(fh: BinaryIO, after: int, gz: bool) -> int | None:
    """The offset of the next record start after byte ``after``, or None."""
    magic = _GZIP_MEMBER if gz else b"\n" + _WARC_RECORD
    skip = 0 if gz else 1  # (the line break before an uncompressed record's first line)
    pos = after + 1
    carry = b""
    while True:
        fh.seek(pos)
        chunk = fh.read(_SEARCH_CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        base = pos - len(carry)
        i = data.find(magic)
        while i >= 0:
            if _starts_record(fh, base + i + skip, gz):
                return base + i + skip
            i = data.find(magic, i + 1)
        carry = data[-(len(magic) - 1):]
        pos += len(chunk)


def _printable(text: str) -> str:
    """A message up to its first unprintable character (warcio quotes the bytes it met)."""
    cut = next((i for i, ch in enumerate(text) if not ch.isprintable() or ch == "\\"), len(text))
    return text[:cut].rstrip(" :[('\"") + (" …" if cut < len(text) else "")


def scan_warc(path: Path) -> WarcScan:
    """Every response record of a WARC as a capture with its offset. A damaged record (a
    flipped byte in its gzip member, a header that is no WARC header, a length past the
    file's end) does not lose the rest of the file: reading starts again at the next
    record after it (a gzip member that holds one, or a ``WARC/`` line in an uncompressed
    file), and the stretch skipped is noted in ``damaged``."""
    caps: list[Capture] = []
    damaged: list[str] = []
    with path.open("rb") as fh:
        gz = fh.read(2) == _GZIP_MEMBER[:2] or path.name.lower().endswith(".gz")  # (its first bytes may be the damage)
        start = 0
        while True:
            fh.seek(start)
            it = ArchiveIterator(fh)
            at = start  # where the record being read starts
            problem = None
            # (warcio only says so on stderr when a gzip member does not inflate, and ends
            # the record, and the iteration, as if the file ended there: warcnotes.py)
            with warcio_notes() as said:
                try:
                    for record in it:
                        at = it.get_record_offset()
                        if record.rec_type != "response":
                            continue
                        url = record.rec_headers.get_header("WARC-Target-URI") or ""
                        ts = iso_to_ts(record.rec_headers.get_header("WARC-Date") or "")
                        http = record.http_headers
                        status = http.get_statuscode() if http else ""
                        ctype = (http.get_header("Content-Type") or "") if http else ""
                        caps.append(Capture(url, ts, ctype.split(";")[0].strip(), status or "",
                                            source=str(path), warc_file=str(path), warc_offset=at))
                except Exception as exc:  # noqa: BLE001 - warcio and zlib raise many kinds here
                    problem = WHOLE_GZIP if "non-chunked gzip" in str(exc) else \
                        f"{type(exc).__name__}: {_printable(str(exc))}"
                    # (where warcio was: the start of the record it could not read)
                    at = max(at, getattr(it, "offset", at) or at)
            problem = problem or next(iter(said), None)
            if not problem:  # (warcio says why whenever it stops early)
                break
            if problem == WHOLE_GZIP:  # no damage, but no record after the first can be found
                damaged.append(f"offset {at}: {WHOLE_GZIP}")
                break
            nxt = _next_record(fh, at, gz)
            what = " ".join(problem.split())[:120]
            damaged.append(f"offset {at}: {what!r}; "
                           + (f"read again from offset {nxt}" if nxt is not None else "nothing readable after it"))
            if nxt is None:
                break
            start = nxt
    return WarcScan(caps, damaged)


# warcio reads a WARC gzip-compressed record by record (one member each, so any record can
# be read from its offset); a file compressed whole is refused after its first record.
WHOLE_GZIP = ("the file is compressed as one gzip stream, not one gzip member per record; "
              "`warcio recompress FILE FIXED.warc.gz` (warcio is installed with newsark) writes a "
              "copy that reads whole: ingest that copy")


INDEX_TIMEOUT = 4 * 3600.0  # seconds for one file on the pool before it is read here


def file_key(path: Path) -> list[object]:
    """What identifies a WARC file as read: path, size, modification time."""
    st = path.stat()
    return [str(path), st.st_size, st.st_mtime_ns]


def _index_task(path: Path) -> tuple[list[object], WarcScan]:
    return file_key(path), scan_warc(path)


def index_files(paths: list[Path], pool: Pool | None) -> Iterator[WarcScan]:
    """``scan_warc`` of each file, in order; on the pool when there is one and more than
    one file. A worker that sees no such file, or another file under its name (a cluster
    without shared storage), or fails, leaves the file to be read here."""
    if pool is None or len(paths) < 2:
        yield from map(scan_warc, paths)
        return
    try:
        futures = [pool.submit(_index_task, p) for p in paths]
    except Exception:  # noqa: BLE001 - a broken pool: read them all here
        yield from map(scan_warc, paths)
        return
    for path, fut in zip(paths, futures):
        try:
            key, scan = pool.result(fut, INDEX_TIMEOUT)
        except Exception:  # noqa: BLE001 - read it here (a real WARC error is raised here too)
            key, scan = None, WarcScan([], [])
        yield scan if key == file_key(path) else scan_warc(path)


@dataclass
class IndexFetcher:
    """Answers (url, ts) from the indexed files, like a replay server with no network."""

    ledger: Ledger
    requests: int = 0

    def get(self, url: str, ts: str) -> Hop:
        rows = self.ledger.db.execute(
            "SELECT ts, warc_file, warc_offset FROM rescue_captures WHERE original=? "
            "AND warc_file IS NOT NULL",
            (url,),
        ).fetchall()
        if not rows:
            return Hop("missing", status=404)
        exact = [r for r in rows if r[0] == ts]
        if not exact:  # like the archive: jump to the nearest capture
            best = min(rows, key=lambda r: (abs(int(r[0]) - int(ts)), r[0]))
            return Hop("jump", target=(url, best[0]), status=302)
        r = exact[0]
        try:
            resp = read_response(Path(r[1]), int(r[2]))
        except (OSError, ValueError):  # a damaged record (its gzip member does not inflate)
            return Hop("damaged")
        loc = resp.header("Location")
        target = parse_location(loc, url, ts) if loc and 300 <= resp.status < 400 else None
        return Hop("memento", resp=resp, target=target, where=(r[1], int(r[2])), status=resp.status)


def ingest(files: list[Path], archive_dir: Path, *, profile: Path | None = None,
           site: str | None = None, public_base: str = "https://web.archive.org",
           pool: Pool | None = None, progress: Progress | None = None) -> tuple[Tally, str]:
    """Ingest WARC/WACZ files into an archive. Returns the tally and the URL shape used.
    ``pool`` (``newsark.scale.workers.open_pool``): where pages are extracted; ``progress``:
    callbacks for the captures indexed and the stories done."""
    progress = progress or Progress()
    if not files:
        raise ValueError("give at least one WARC or WACZ file")
    with Archive(archive_dir) as archive:
        ledger = Ledger(archive.db)
        paths = warc_paths(files, archive.root)
        # Files already read as they are now (same path, size and time) are not read
        # again: a resumed ingest, or one given a collection with files added, scans only
        # what is new or changed (on a large collection that scan is hours).
        stored = archive.get_meta("ingest_indexed")
        done = [k for k in stored if isinstance(k, list)] if isinstance(stored, list) else []
        keys = [file_key(p) for p in paths]
        todo = [p for p, k in zip(paths, keys) if k not in done]
        # Damaged stretches skipped in each file, kept so that a run that does not read a
        # file again still says so.
        stored_damage = archive.get_meta("ingest_damaged")
        damaged: dict[str, list[str]] = dict(stored_damage) if isinstance(stored_damage, dict) else {}
        if todo:
            # A (url, time) stored twice is a retried fetch (e.g. after an outage page):
            # the last record is the one the rescue used.
            latest: dict[tuple[str, str], Capture] = {}
            for path, scan in zip(todo, index_files(todo, pool)):
                progress.listed(len(scan.captures))
                for cap in scan.captures:
                    latest[(cap.original, cap.ts)] = cap
                damaged.pop(str(path), None)
                if scan.damaged:
                    damaged[str(path)] = scan.damaged
            archive.set_meta("ingest_damaged", damaged)
            with ledger.tx():
                ledger.db.executemany(
                    "UPDATE rescue_captures SET warc_file=?, warc_offset=? WHERE original=? AND ts=?",
                    [(c.warc_file, c.warc_offset, c.original, c.ts) for c in latest.values()],
                )
                ledger.add_captures(list(latest.values()))
            # A changed file's old key goes: its offsets are the new file's now.
            read = {str(p): k for p, k in zip(paths, keys) if k not in done}
            archive.set_meta("ingest_indexed", [k for k in done if k[0] not in read] + list(read.values()))
        captures = [c for c in ledger.captures() if c.warc_file]
        hosts = _hosts(captures, site)
        cands = [c for c in captures if is_candidate(c.original, c.mimetype, hosts)]
        prof = load_profile(profile) if profile else learn_shape(sorted({c.original for c in cands}))
        if prof is None:
            whole = [str(p) for p in paths if any(WHOLE_GZIP in note for note in damaged.get(str(p), []))]
            if whole:  # (its first record alone is no site)
                raise ValueError(f"{', '.join(whole)}: {WHOLE_GZIP}")
            raise ValueError("no article URL shape found in these files; give --profile")
        story_of = {c.original: prof.story_id(c.original) for c in cands}
        ledger.set_urls(story_of)
        progress.stories(len(set(story_of.values()) - {None}))
        pipe = Pipeline(archive, ledger, IndexFetcher(ledger), prof, public_base=public_base,
                        warcs=None, attempts=1, pool=pool, on_story=progress.story_done)
        tally = pipe.run(cands)
        tally.damaged = {str(p): damaged[str(p)] for p in paths if str(p) in damaged}
        sync_search(archive)
        return tally, prof.describe()


def _hosts(captures: list[Capture], site: str | None) -> set[str]:
    if site:
        from newsark.sources.cdx import bare_host

        h = bare_host(site)
        return {h, f"www.{h}"}
    counts = Counter((urlsplit(c.original).hostname or "").removeprefix("www.") for c in captures)
    if not counts:
        return set()
    h = counts.most_common(1)[0][0]
    return {h, f"www.{h}"}
