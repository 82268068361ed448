"""Extracting a whole site: learn its template from a sample, then extract every page."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from .page import Extraction, extract_page
from .profile import SiteProfile, learn_site

PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


def site_pages(folder: Path) -> list[Path]:
    pages = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
    if not pages:
        raise ValueError(f"no .html pages in {folder}")
    return pages


def extract_site(
    folder: Path, *, profile_path: Path | None = None, sample: int = 40, seed: int = 0
) -> Iterator[tuple[str, Extraction]]:
    """Yield (page path relative to folder, extraction) for every page of a site folder.

    The template is learned from up to ``sample`` pages (or read from ``profile_path`` when
    that file exists; a new profile is saved there when it does not)."""
    pages = site_pages(folder)
    profile: SiteProfile | None
    if profile_path is not None and profile_path.exists():
        profile = SiteProfile.from_file(profile_path)
    elif len(pages) >= 2:
        chosen = pages if len(pages) <= sample else random.Random(seed).sample(pages, sample)
        profile = learn_site([(p.read_bytes(), None) for p in chosen])
        if profile_path is not None:
            profile.to_file(profile_path)
    else:
        profile = None
    for path in pages:
        yield str(path.relative_to(folder)), extract_page(path.read_bytes(), profile=profile)
