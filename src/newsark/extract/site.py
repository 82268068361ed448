"""Extracting a whole site: learn its template from a sample, then extract every page."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .page import Extraction, extract_page
from .profile import SiteProfile, learn_site

PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


class SitePage(NamedTuple):
    """One page of a site folder: its extraction, or why it has none."""

    name: str  # path relative to the folder
    extraction: Extraction | None
    error: str | None = None


def site_pages(folder: Path) -> list[Path]:
    pages = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
    if not pages:
        raise ValueError(f"no pages ({', '.join(PAGE_SUFFIXES)}) in {folder}")
    return pages


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def extract_site(
    folder: Path, *, profile_path: Path | None = None, sample: int = 40, seed: int = 0
) -> Iterator[SitePage]:
    """Yield every page of a site folder, extracted with the site's template.

    The template is learned from up to ``sample`` pages (or read from ``profile_path`` when
    that file exists; a new profile is saved there when it does not). A page that cannot
    be read or extracted is yielded with its error and the others go on. Raises
    ValueError when the folder holds no page or the profile file is bad."""
    pages = site_pages(folder)
    profile: SiteProfile | None = None
    if profile_path is not None and profile_path.exists():
        profile = SiteProfile.from_file(profile_path)
    elif len(pages) >= 2:
        chosen = pages if len(pages) <= sample else random.Random(seed).sample(pages, sample)
        sample_pages: list[tuple[bytes, str | None]] = [(data, None) for data in map(_read, chosen) if data is not None]
        try:
            profile = learn_site(sample_pages)
        except ValueError:
            profile = None  # fewer than two readable pages: every page takes the generic path
        if profile is not None and profile_path is not None:
            profile.to_file(profile_path)
    for path in pages:
        name = str(path.relative_to(folder))
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield SitePage(name, None, f"unreadable: {exc.strerror or exc}")
            continue
        try:
            yield SitePage(name, extract_page(data, profile=profile))
        except ValueError as exc:
            yield SitePage(name, None, str(exc))
