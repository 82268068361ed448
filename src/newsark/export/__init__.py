"""Export an archive: datasets (JSON Lines, Parquet) and one WARC file.

``export_archive`` is what ``newsark export`` runs; the formats live one per module.
"""

from __future__ import annotations

from pathlib import Path

from newsark.archive.store import Archive
from newsark.export.datasets import Writable, write_jsonl, write_jsonl_file, write_parquet_file
from newsark.export.records import RECORD_KEYS, Selection, Tally, iter_files, iter_records
from newsark.export.warc import write_warc
from newsark.files import atomic_output

FORMATS = ("jsonl", "parquet", "warc")

__all__ = ["FORMATS", "RECORD_KEYS", "Selection", "Tally", "export_archive", "format_for"]


def format_for(path: Path) -> str | None:
    """The format a file name asks for (None when it does not say)."""
    name = path.name.lower()
    for suffix, fmt in ((".jsonl", "jsonl"), (".jsonl.gz", "jsonl"), (".ndjson", "jsonl"),
                        (".parquet", "parquet"), (".warc", "warc"), (".warc.gz", "warc")):
        if name.endswith(suffix):
            return fmt
    return None


def export_archive(archive: Archive, out: Path | Writable, fmt: str, selection: Selection,
                   *, captures: bool = False, originals: bool = False) -> Tally:
    """Write the selected articles of ``archive`` to ``out`` (a path, or an open binary
    stream for JSON Lines) in ``fmt``; returns what was written and left out."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if not isinstance(out, Path) and fmt != "jsonl":
        raise ValueError(f"{fmt} is written to a file, not a stream")
    tally = Tally()
    if not isinstance(out, Path):
        write_jsonl(iter_records(archive, selection, tally), out)
    elif fmt == "jsonl":
        write_jsonl_file(iter_records(archive, selection, tally), out)
    elif fmt == "parquet":
        write_parquet_file(iter_records(archive, selection, tally), out)
    else:  # the WARC holds each file's bytes: read once, with the record made from them
        with atomic_output(out) as fh:
            tally.originals, tally.capture_files = write_warc(
                archive, iter_files(archive, selection, tally), fh,
                gzipped=out.name.lower().endswith(".gz"), captures=captures, originals=originals)
    return tally
