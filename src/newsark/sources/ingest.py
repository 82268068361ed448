"""``newsark ingest``: the rescue pipeline over local WARC / WACZ files instead of HTTP.

The files are indexed (URL, time, status, offset), the article URL shape is learned (or
read from a profile) and each story goes through the same choose → validate → extract →
fold → write steps as a rescue. Redirects are followed inside the files. Ingesting the
WARCs a rescue wrote gives the same articles.
"""

from __future__ import annotations

import shutil
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from newsark.archive.store import Archive
from newsark.scale.workers import Pool
from newsark.sources.discover import is_candidate, learn_shape, load_profile
from newsark.sources.ledger import Capture, Ledger
from newsark.sources.pipeline import Pipeline, Tally
from newsark.sources.replay import Hop, parse_location
from newsark.sources.rescue import Progress, sync_search
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


def index_warc(path: Path) -> list[Capture]:
    """Every response record of a WARC as a capture with its offset."""
    caps: list[Capture] = []
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            ts = iso_to_ts(record.rec_headers.get_header("WARC-Date") or "")
            http = record.http_headers
            status = http.get_statuscode() if http else ""
            ctype = (http.get_header("Content-Type") or "") if http else ""
            offset = it.get_record_offset()
            caps.append(Capture(url, ts, ctype.split(";")[0].strip(), status or "",
                                source=str(path), warc_file=str(path), warc_offset=offset))
    return caps


INDEX_TIMEOUT = 4 * 3600.0  # seconds for one file on the pool before it is read here


def file_key(path: Path) -> list[object]:
    """What identifies a WARC file as read: path, size, modification time."""
    st = path.stat()
    return [str(path), st.st_size, st.st_mtime_ns]


def _index_task(path: Path) -> tuple[list[object], list[Capture]]:
    return file_key(path), index_warc(path)


def index_files(paths: list[Path], pool: Pool | None) -> Iterator[list[Capture]]:
    """``index_warc`` of each file, in order; on the pool when there is one and more than
    one file. A worker that sees no such file, or another file under its name (a cluster
    without shared storage), or fails, leaves the file to be read here."""
    if pool is None or len(paths) < 2:
        yield from map(index_warc, paths)
        return
    try:
        futures = [pool.submit(_index_task, p) for p in paths]
    except Exception:  # noqa: BLE001 - a broken pool: read them all here
        yield from map(index_warc, paths)
        return
    for path, fut in zip(paths, futures):
        try:
            key, caps = pool.result(fut, INDEX_TIMEOUT)
        except Exception:  # noqa: BLE001 - read it here (a real WARC error is raised here too)
            key, caps = None, []
        yield caps if key == file_key(path) else index_warc(path)


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
        resp = read_response(Path(r[1]), int(r[2]))
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
        if todo:
            # A (url, time) stored twice is a retried fetch (e.g. after an outage page):
            # the last record is the one the rescue used.
            latest: dict[tuple[str, str], Capture] = {}
            for caps in index_files(todo, pool):
                progress.listed(len(caps))
                for cap in caps:
                    latest[(cap.original, cap.ts)] = cap
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
            raise ValueError("no article URL shape found in these files; give --profile")
        story_of = {c.original: prof.story_id(c.original) for c in cands}
        ledger.set_urls(story_of)
        progress.stories(len(set(story_of.values()) - {None}))
        pipe = Pipeline(archive, ledger, IndexFetcher(ledger), prof, public_base=public_base,
                        warcs=None, attempts=1, pool=pool, on_story=progress.story_done)
        tally = pipe.run(cands)
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
