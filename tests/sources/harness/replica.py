"""A replica of the real hkcnews site built from the corpus (filled in below)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
CORPUS = (REPO / ".." / "shared" / "corpora" / "hkcnews-article-archive.tar.xz").resolve()


def corpus_available() -> bool:
    return CORPUS.is_file()
