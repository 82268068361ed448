"""``newsark import``: bring existing Markdown archives into a newsark archive.

Three passes, each bounded in memory:
1. stream every source member; keep its original bytes; learn the site's boilerplate;
2. materialise each new or changed article (original + repairs) and write it atomically,
   recording repairs, defects and removed boilerplate in the catalog;
3. fold copies of the same story under one canonical id (``stories``).
Members whose bytes were already imported for the same id are skipped, so a second run of
the same import changes nothing and only costs reading the sources.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import pickle
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsark.archive import stories as story_mod
from newsark.archive.article import Article, FormatError
from newsark.archive.edits import kept_edits
from newsark.archive.materialize import Materialized, materialize, parse_with_repairs
from newsark.archive.sources import Member, SourceError, article_id_from_name, iter_source
from newsark.archive.store import Archive, holds_hand_edit, now, relative_path, sha256, site_of
from newsark.files import atomic_write
from newsark.repair.boilerplate import BoilerplateModel, Learner, edge_features

ProgressFn = Callable[[str, int, int | None], None]  # (phase, done, total)


@dataclass
class ImportStats:
    members: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    written: int = 0
    problems: list[dict[str, str]] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)
    stories: dict[str, Any] = field(default_factory=dict)
    search_index: dict[str, Any] | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    kept_edits: list[int] = field(default_factory=list)  # files a person edited: not rewritten

    def as_dict(self) -> dict[str, Any]:
        return {
            "members": self.members, "new": self.new, "updated": self.updated,
            "unchanged": self.unchanged, "rejected": self.rejected, "written": self.written,
            "repairs": self.repairs, "flags": self.flags, "stories": self.stories,
            "problems": self.problems[:1000], "search_index": self.search_index,
            "seconds": self.seconds, "kept_edits": self.kept_edits,
        }


def _load_learner(archive: Archive) -> Learner:
    """The boilerplate statistics of earlier imports (relearned from the originals if lost)."""
    row = archive.db.execute("SELECT value FROM meta WHERE key='boilerplate_learner'").fetchone()
    if row:
        try:
            learner = pickle.loads(zlib.decompress(bytes.fromhex(json.loads(row[0]))))
            if isinstance(learner, Learner):
                return learner
        except (pickle.UnpicklingError, zlib.error, ValueError, EOFError, AttributeError, TypeError):
            pass  # derived data: relearn below
    learner = Learner()
    for article_id in archive.ids():
        original = archive.original_bytes(article_id)
        if original is None:
            continue
        try:
            article, _ = parse_with_repairs(original)
        except FormatError:
            continue
        learner.add(site_of(article.original_url) or "", article.title, article.date,
                    article.author, article.body)
    return learner


def _save_learner(archive: Archive, learner: Learner) -> None:
    blob = zlib.compress(pickle.dumps(learner, protocol=pickle.HIGHEST_PROTOCOL), 1)
    archive.set_meta("boilerplate_learner", blob.hex())


def _model_signature(model: BoilerplateModel) -> str:
    return json.dumps({s: sorted(m.keys) for s, m in sorted(model.sites.items())})


def import_sources(
    archive: Archive,
    sources: Sequence[str],
    *,
    progress: ProgressFn | None = None,
    max_bytes: int | None = None,
    index: bool = True,
) -> ImportStats:
    """Import sources into the archive; ``index=False`` leaves the search index for later
    (``newsark index``)."""
    stats = ImportStats()
    learner = _load_learner(archive)
    current = {
        int(r[0]): r[1]
        for r in archive.db.execute("SELECT id, original_sha256 FROM articles")
    }
    touched: set[int] = set()
    fresh: set[int] = set()  # ids new to the archive: no old catalog rows to clear
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}

    clock = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal clock
        t = time.perf_counter()
        stats.seconds[phase] = round(t - clock, 2)
        clock = t

    # -- pass 1: read, keep originals, learn -------------------------------------------
    global _CURRENT
    _CURRENT = current
    db = archive.db
    with _workers() as pool:
        _read_sources(archive, sources, pool, learner, current, touched, fresh, stats,
                      progress, kwargs)
    if progress:
        progress("read", stats.members, stats.members)
    lap("read")

    # -- pass 2: materialise ---------------------------------------------------------
    # Articles an interrupted import left half done are derived again.
    touched |= {int(r[0]) for r in db.execute("SELECT id FROM articles WHERE status='pending'")}
    model = learner.model()
    signature = _model_signature(model)
    if touched:
        _save_learner(archive, learner)
    if signature != archive.get_meta("boilerplate_model"):
        # The boilerplate learned changed: every article is re-derived from its original.
        touched = set(archive.ids())
        archive.set_meta("boilerplate_model", signature)
    if touched:
        _materialize_all(archive, sorted(touched), model, stats, progress, fresh)
        lap("write")
        # -- pass 3: stories -----------------------------------------------------------
        stats.stories = story_mod.fold_stories(archive)
        lap("stories")
        if index:
            stats.search_index = _sync_search(archive)
            lap("index")
    archive.set_meta("last_import", {"at": now(), "sources": list(sources), **stats.as_dict()})
    return stats


def _read_sources(
    archive: Archive, sources: Sequence[str], pool: Any, learner: Learner,
    current: dict[int, str], touched: set[int], fresh: set[int], stats: ImportStats,
    progress: ProgressFn | None, kwargs: dict[str, int],
) -> None:
    """Pass 1: stream every member through the workers; keep originals; learn."""
    db = archive.db
    db.execute("BEGIN")
    archive.originals.conn.execute("BEGIN")
    try:
        for source in sources:
            try:
                members = iter_source(source, **kwargs)
                reads = pool.imap(_read, members, chunksize=16) if pool else map(_read, members)
                for item in reads:
                    stats.members += 1
                    _pass1(archive, learner, item, current, touched, fresh, stats)
                    if stats.members % 500 == 0:
                        db.execute("COMMIT")
                        archive.originals.conn.execute("COMMIT")
                        db.execute("BEGIN")
                        archive.originals.conn.execute("BEGIN")
                        if progress:
                            progress("read", stats.members, None)
            except SourceError as exc:
                stats.rejected += 1
                stats.problems.append({"source": source, "member": "", "kind": "bad_source", "message": str(exc)})
        db.execute("COMMIT")
        archive.originals.conn.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        archive.originals.conn.execute("ROLLBACK")
        raise


def _reject(archive: Archive, member: Member, kind: str, message: str, digest: str | None, stats: ImportStats) -> None:
    stats.rejected += 1
    stats.problems.append({"source": member.source, "member": member.name, "kind": kind, "message": message})
    archive.db.execute(
        "INSERT OR REPLACE INTO rejects VALUES (?, ?, ?, ?, ?, ?)",
        (member.source, member.name, kind, message, digest, now()),
    )


@dataclass
class _Read:
    """What a worker makes of one source member; the main process records it."""

    member: Member
    digest: str | None = None
    size: int = 0
    compressed: bytes | None = None   # zlib of the original bytes (None: already kept)
    unchanged: bool = False
    article_id: int | None = None
    error: FormatError | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str = ""
    features: list[tuple[int, bool]] = field(default_factory=list)


_CURRENT: dict[int, str] = {}  # id → original sha256 already in the archive (read by workers)


def _read(member: Member) -> _Read:
    item = _Read(member)
    data = member.data
    if data is None:
        return item
    member.data = None  # do not ship the bytes back
    item.digest = sha256(data)
    item.size = len(data)
    item.article_id = article_id_from_name(member.name)
    if item.article_id is not None and _CURRENT.get(item.article_id) == item.digest:
        item.unchanged = True
        return item
    item.compressed = zlib.compress(data, 1)
    try:
        article, _ = parse_with_repairs(data)
    except FormatError as exc:
        item.error = exc
        return item
    if item.article_id is None:
        raw_id = article.meta.get("id")
        if isinstance(raw_id, int) or (isinstance(raw_id, str) and raw_id.isdigit()):
            item.article_id = int(raw_id)
    item.title, item.date, item.author = article.title, article.date, article.author
    item.site = site_of(article.original_url) or ""
    item.features = edge_features(article.body, article.author)
    return item


def _pass1(
    archive: Archive, learner: Learner, item: _Read, current: dict[int, str],
    touched: set[int], fresh: set[int], stats: ImportStats,
) -> None:
    member = item.member
    if item.digest is None:
        _reject(archive, member, member.problem or "unreadable", member.message or "", None, stats)
        return
    digest = item.digest
    article_id = item.article_id
    source = str(Path(member.source).resolve()) if Path(member.source).exists() else member.source
    if item.unchanged:
        stats.unchanged += 1
        archive.db.execute(
            "INSERT OR IGNORE INTO provenance VALUES (?, ?, ?, ?, ?)",
            (article_id, source, member.name, digest, now()),
        )
        return
    assert item.compressed is not None
    # kept whatever happens next: nothing is lost
    archive.originals.put_compressed(digest, item.size, item.compressed)
    problem = item.error
    if problem is not None and (problem.kind in ("empty_file", "binary", "invalid_utf8") or article_id is None):
        _reject(archive, member, problem.kind, str(problem), digest, stats)
        return
    if article_id is None:
        _reject(archive, member, "no_id", "no article id (name article_<id>.md or an 'id' key)", digest, stats)
        return
    archive.db.execute("DELETE FROM rejects WHERE source=? AND member=?", (member.source, member.name))
    if article_id in current:
        stats.updated += 1
    else:
        stats.new += 1
        fresh.add(article_id)
    current[article_id] = digest
    touched.add(article_id)
    archive.db.execute(
        "INSERT OR IGNORE INTO provenance VALUES (?, ?, ?, ?, ?)",
        (article_id, source, member.name, digest, now()),
    )
    # Record the original now so pass 2 can find it (the row is rewritten there).
    archive.db.execute(
        """INSERT INTO articles (id, path, sha256, original_sha256, status, updated_at)
           VALUES (?, ?, '', ?, 'pending', ?)
           ON CONFLICT(id) DO UPDATE SET original_sha256=excluded.original_sha256, status='pending'""",
        (article_id, f"articles/pending/{article_id}", digest, now()),
    )
    if problem is not None:
        stats.problems.append({"source": member.source, "member": member.name, "kind": problem.kind, "message": str(problem)})
        return
    learner.count(item.site, item.title, item.date, item.author, item.features)


@contextlib.contextmanager
def _workers(enabled: bool = True) -> Iterator[Any]:
    """A pool of forked workers, or None (one core, no fork, or a small job)."""
    n = min(os.cpu_count() or 1, 4)
    if not enabled or n < 2 or "fork" not in mp.get_all_start_methods():
        yield None
        return
    pool = mp.get_context("fork").Pool(n)
    try:
        yield pool
    finally:
        pool.terminate()
        pool.join()


@dataclass
class _Computed:
    """What a worker derives from one original; the main process writes it."""

    article_id: int
    result: Materialized | None
    error: FormatError | None
    data: bytes | None = None
    sha: str = ""
    written: bool = False
    fingerprint: bytes = b""
    links: dict[int, int] = field(default_factory=dict)
    kept_edit: bool = False  # the file holds a person's edit: left as it is (edits.py)


# Set in the parent before forking workers, read by them.
_MODEL: BoilerplateModel | None = None
_ROOT: Path = Path(".")
_EXISTING: dict[int, str] = {}  # id → sha256 of the file on disk now
_EDITED: dict[int, str] = {}  # id → sha256 of a hand edit taken into the catalog


def _compute(job: tuple[int, bytes, frozenset[str]]) -> _Computed:
    article_id, original, skip = job
    if "all" in skip:  # the user asked for the original bytes exactly
        return _Computed(article_id, None, FormatError("undone", "all repairs undone"), data=original)
    try:
        result = materialize(original, _MODEL, skip)
    except FormatError as exc:
        return _Computed(article_id, None, exc)
    article = result.article
    data = article.to_bytes()
    digest = sha256(data)
    # Workers write the files (each its own, atomically); the parent writes the catalog.
    path = _ROOT / relative_path(article_id)
    written = _EXISTING.get(article_id) != digest or not path.exists()
    # ('' is the row of an import that was interrupted before this file was recorded: its
    # file, if any, is newsark's own, and is derived again.)
    if written and holds_hand_edit(path, _EXISTING.get(article_id) or None, _EDITED.get(article_id), digest):
        return _Computed(article_id, result, None, kept_edit=True)
    if written:
        atomic_write(path, data)
    return _Computed(
        article_id, result, None, sha=digest, written=written,
        fingerprint=story_mod.fingerprint(article.text()),
        links=dict(story_mod.internal_links(article.body, site_of(article.original_url))),
    )


def _computed(archive: Archive, ids: list[int], pool: Any,
              original_sha: dict[int, str]) -> Iterator[_Computed]:
    # Originals are read here, in the thread that owns the SQLite connection, a batch at a
    # time (memory stays bounded); workers only compute.
    undone: dict[int, set[str]] = {}
    for r in archive.db.execute("SELECT article_id, kind FROM repairs_undone"):
        undone.setdefault(int(r[0]), set()).add(str(r[1]))
    for i in range(0, len(ids), 512):
        jobs = []
        for article_id in ids[i : i + 512]:
            digest = original_sha.get(article_id)
            original = archive.originals.get(digest) if digest else None
            if original is not None:
                jobs.append((article_id, original, frozenset(undone.get(article_id, ()))))
        if pool is None:
            yield from map(_compute, jobs)
        else:
            yield from pool.imap(_compute, jobs, chunksize=16)


def _materialize_all(
    archive: Archive, ids: list[int], model: BoilerplateModel, stats: ImportStats,
    progress: ProgressFn | None, fresh: set[int],
) -> None:
    global _MODEL, _ROOT, _EXISTING, _EDITED
    _MODEL, _ROOT = model, archive.root
    rows = archive.db.execute("SELECT id, sha256, original_sha256 FROM articles").fetchall()
    _EXISTING = {int(r[0]): str(r[1]) for r in rows}
    _EDITED = kept_edits(archive.db)
    original_sha = {int(r[0]): str(r[2]) for r in rows if r[2]}
    db = archive.db
    with _workers(len(ids) >= 500) as pool:
        db.execute("BEGIN")
        try:
            for n, item in enumerate(_computed(archive, ids, pool, original_sha), 1):
                _record(archive, item, stats, item.article_id not in fresh,
                        original_sha[item.article_id])
                if n % 500 == 0:
                    db.execute("COMMIT")
                    db.execute("BEGIN")
                    if progress:
                        progress("write", n, len(ids))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    if progress:
        progress("write", len(ids), len(ids))


def _record(archive: Archive, item: _Computed, stats: ImportStats, had_rows: bool,
            original_sha: str) -> None:
    db = archive.db
    article_id = item.article_id
    if item.kept_edit:  # its file and rows stay as they are
        stats.kept_edits.append(article_id)
        return
    original = archive.originals.get(original_sha) if item.result is None else None
    if had_rows:
        for table in ("repairs", "defects", "boilerplate", "links", "fingerprints"):
            key = "source_id" if table == "links" else "article_id"
            db.execute(f"DELETE FROM {table} WHERE {key}=?", (article_id,))
    if item.result is None:
        assert item.error is not None and original is not None
        if item.error.kind == "undone":
            # Every repair undone: the file is the original, parsed if it can be.
            try:
                parsed: Article | None = parse_with_repairs(original)[0]
            except FormatError:
                parsed = None
            if archive.write_raw(article_id, original, article=parsed, original=original,
                                 status="ok" if parsed else "unreadable"):
                stats.written += 1
            return
        # Unrecoverable front matter: keep the file exactly as it was, flagged.
        if archive.write_raw(article_id, original, article=None, original=original, status="unreadable"):
            stats.written += 1
        db.execute("INSERT OR REPLACE INTO defects VALUES (?, ?, 'flagged', ?)",
                   (article_id, item.error.kind, str(item.error)))
        stats.flags[item.error.kind] = stats.flags.get(item.error.kind, 0) + 1
        return
    result = item.result
    status = "flagged" if result.findings else "ok"
    archive.upsert_row(article_id, item.sha, original_sha, result.article, status)
    if item.written:
        stats.written += 1
        # newsark wrote the file again (a person deleted their edit): no edit is left
        db.execute("DELETE FROM hand_edits WHERE article_id=?", (article_id,))
    db.execute("INSERT INTO fingerprints VALUES (?, ?)", (article_id, item.fingerprint))
    db.executemany("INSERT INTO links VALUES (?, ?, ?)",
                   [(article_id, t, c) for t, c in item.links.items()])
    at = now()
    repaired: dict[str, str] = {}
    for ch in result.changes:
        db.execute(
            "INSERT INTO repairs (article_id, kind, field, before, after, count, at) VALUES (?,?,?,?,?,?,?)",
            (article_id, ch.kind, ch.field, ch.before, ch.after, ch.count, at),
        )
        repaired[ch.kind] = f"{ch.field}: {ch.count} change(s)"
    author = result.article.author
    for r in result.removals:
        db.execute(
            "INSERT OR REPLACE INTO boilerplate VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, r.start, r.kind, author if r.kind == "author" else None, r.block_key, r.text),
        )
        kind = "author_box" if r.kind == "author" else "boilerplate"
        repaired[kind] = f"{len(r.text)} characters moved to the catalog"
    if result.bio and author:
        db.execute(
            "INSERT INTO author_bios VALUES (?, ?, 1) ON CONFLICT(author) DO UPDATE SET seen=seen+1",
            (author, result.bio),
        )
    for kind, detail in repaired.items():
        db.execute("INSERT OR REPLACE INTO defects VALUES (?, ?, 'repaired', ?)", (article_id, kind, detail))
        stats.repairs[kind] = stats.repairs.get(kind, 0) + 1
    for f in result.findings:
        if f.kind in repaired:
            continue
        db.execute("INSERT OR REPLACE INTO defects VALUES (?, ?, 'flagged', ?)", (article_id, f.kind, f.detail))
        stats.flags[f.kind] = stats.flags.get(f.kind, 0) + 1


def _sync_search(archive: Archive) -> dict[str, Any] | None:
    try:
        from newsark.search import sync_index  # type: ignore[attr-defined]
    except ImportError:
        return None
    result: dict[str, Any] = sync_index(archive)
    return result


def rematerialize(archive: Archive, ids: Sequence[int]) -> ImportStats:
    """Re-derive some articles from their originals (after an undo or redo)."""
    stats = ImportStats()
    model = _load_learner(archive).model()
    _materialize_all(archive, sorted(ids), model, stats, None, set())
    stats.stories = story_mod.fold_stories(archive)
    stats.search_index = _sync_search(archive)
    return stats
