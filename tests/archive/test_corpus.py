"""Checks on the real archive in ../shared/corpora (skipped when it is absent)."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from newsark.archive.article import FormatError, load_bytes

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "hkcnews-article-archive.tar.xz"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"real corpus not found at {CORPUS}")


@needs_corpus
@pytest.mark.corpus
def test_every_well_formed_corpus_file_round_trips_byte_for_byte() -> None:
    well_formed = broken = 0
    mismatches = []
    with tarfile.open(CORPUS, "r|xz") as tf:
        for info in tf:
            if not info.isfile() or not info.name.endswith(".md") or "/articles/" not in "/" + info.name:
                continue
            fh = tf.extractfile(info)
            assert fh is not None
            data = fh.read()
            try:
                article = load_bytes(data)
            except FormatError:
                broken += 1
                continue
            well_formed += 1
            if article.to_bytes() != data:
                mismatches.append(info.name)
    assert well_formed > 49_000, well_formed
    assert broken < 50
    assert mismatches == []
