"""Read-only access to an archive for the web reader.

The reader never writes: the catalog is opened with SQLite's ``mode=ro`` URI, so even a
bug in a page cannot change the archive. Each worker thread gets its own connection
(sqlite3 connections must not be shared across threads).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from newsark.archive.store import Archive


class ReadOnlyArchive(Archive):
    """An :class:`Archive` whose catalog connection is read-only."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).resolve()
        path = self.root / self.CATALOG
        if not path.is_file():
            raise FileNotFoundError(f"{self.root} is not a newsark archive (no {self.CATALOG})")
        uri = f"file:{quote(str(path))}?mode=ro"
        self.db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None,
                                  check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA query_only=ON")
        self._originals = None

    def version(self) -> tuple[float, ...]:
        """Changes whenever the catalog changes (its file or its write-ahead log)."""
        out: list[float] = []
        for name in (self.CATALOG, self.CATALOG + "-wal"):
            try:
                st = (self.root / name).stat()
                out += [st.st_mtime, float(st.st_size)]
            except FileNotFoundError:
                out += [0.0, 0.0]
        return tuple(out)


class ArchivePool:
    """One :class:`ReadOnlyArchive` per thread, opened on first use."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).resolve()
        self._local = threading.local()
        self._all: list[ReadOnlyArchive] = []
        self._lock = threading.Lock()
        self.get().db.execute("SELECT 1 FROM articles LIMIT 1")  # fail early on a bad archive

    def get(self) -> ReadOnlyArchive:
        archive: ReadOnlyArchive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = ReadOnlyArchive(self.root)
            self._local.archive = archive
            with self._lock:
                self._all.append(archive)
        return archive

    def close(self) -> None:
        with self._lock:
            for archive in self._all:
                archive.db.close()
            self._all.clear()
