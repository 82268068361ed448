"""What warcio says about a damaged record, taken instead of printed.

warcio writes to stderr when a gzip member does not inflate ("Error -3 while decompressing
data: incorrect data check") or a record runs past its Content-Length, then goes on as if
the record (or the file) ended there. It writes the first once per block it reads after
the damage: one flipped byte in a large WARC prints thousands of lines, and nothing tells
the caller. Inside ``warcio_notes()`` those lines go to a list the caller reads instead (for
this thread only; other threads' warcio output, and everything else on stderr, is as it was).
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager


class _Taken(threading.local):
    notes: list[str] | None = None


_taken = _Taken()


class _Stderr:
    """warcio's stderr: the notes of the thread that takes them, else the real stderr."""

    def write(self, text: str) -> int:
        notes = _taken.notes
        if notes is None:
            return sys.stderr.write(text)
        if text.strip():
            notes.append(text.strip())
        return len(text)

    def flush(self) -> None:
        if _taken.notes is None:
            sys.stderr.flush()


class _Sys(types.ModuleType):
    """``sys`` for warcio's modules: the real one, but for ``stderr``."""

    def __getattr__(self, name: str) -> object:
        return getattr(sys, name)


_installed = False
_lock = threading.Lock()


def _install() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        import warcio.archiveiterator
        import warcio.bufferedreaders

        proxy = _Sys("sys")
        setattr(proxy, "stderr", _Stderr())  # noqa: B010 - (a module has no declared stderr)
        for module in (warcio.archiveiterator, warcio.bufferedreaders):
            if getattr(module, "sys", None) is sys:  # (a warcio that writes otherwise: left alone)
                module.sys = proxy  # type: ignore[attr-defined]
        _installed = True


@contextmanager
def warcio_notes() -> Iterator[list[str]]:
    """The lines warcio writes about damage while the block runs (in this thread)."""
    _install()
    notes: list[str] = []
    outer = _taken.notes
    _taken.notes = notes
    try:
        yield notes
    finally:
        _taken.notes = outer
