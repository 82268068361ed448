"""Datasets of an archive's articles: JSON Lines (optionally gzip) and Parquet (pyarrow).

Both are written in one pass, a batch at a time, through a temporary file renamed into
place at the end: an interrupted export leaves no half file behind.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from newsark.files import atomic_output

PARQUET_BATCH = 1000


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


def write_jsonl(records: Iterable[dict[str, Any]], out: Writable) -> None:
    """One JSON object per line, UTF-8, keys in record order."""
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        out.write(b"\n")


def write_jsonl_file(records: Iterable[dict[str, Any]], path: Path) -> None:
    with atomic_output(path) as raw:
        if path.name.endswith(".gz"):
            # mtime 0: the same archive gives the same bytes
            with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                write_jsonl(records, gz)
        else:
            write_jsonl(records, raw)


def parquet_schema() -> Any:
    import pyarrow as pa

    source = pa.struct([("source", pa.string()), ("member", pa.string()), ("sha256", pa.string())])
    return pa.schema([
        ("id", pa.int64()), ("story_id", pa.int64()), ("is_alias", pa.bool_()),
        ("aliases", pa.list_(pa.int64())), ("title", pa.string()), ("date", pa.string()),
        ("last_updated", pa.string()), ("author", pa.string()), ("category", pa.string()),
        ("tags", pa.list_(pa.string())), ("lead", pa.string()), ("url", pa.string()),
        ("original_url", pa.string()), ("site", pa.string()), ("path", pa.string()),
        ("sha256", pa.string()), ("status", pa.string()), ("markdown", pa.string()),
        ("text", pa.string()), ("chars", pa.int64()), ("sources", pa.list_(source)),
        ("extra", pa.string()),
    ])


def write_parquet_file(records: Iterable[dict[str, Any]], path: Path) -> None:
    """A Parquet file (zstd), one row group per PARQUET_BATCH records, so memory stays
    flat on a million articles."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    with atomic_output(path) as raw, pq.ParquetWriter(raw, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
