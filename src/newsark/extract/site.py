"""Extracting a whole site: learn its template from a sample, then extract every page."""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import NamedTuple

from newsark.scale.ordered import map_in_order
from newsark.scale.workers import Pool

from .page import Extraction, extract_page
from .profile import SiteProfile, learn_site, profile_from_json

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
    folder: Path, *, profile_path: Path | None = None, sample: int = 40, seed: int = 0,
    pool: Pool | None = None,
) -> Iterator[SitePage]:
    """Yield every page of a site folder, extracted with the site's template.

    The template is learned from up to ``sample`` pages (or read from ``profile_path`` when
    that file exists; a new profile is saved there when it does not). A page that cannot
    be read or extracted is yielded with its error and the others go on. Raises
    ValueError when the folder holds no page or the profile file is bad. ``pool``
    (``newsark.scale.workers.open_pool``): where the pages are extracted; same output."""
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
    profile_json = profile.to_json() if profile is not None else None
    # The pages travel as bytes: workers on other machines need not see the folder.
    loaded = (_load(folder, path) for path in pages)
    yield from map_in_order(pool, partial(extract_pages, profile_json=profile_json), loaded)


def _load(folder: Path, path: Path) -> tuple[str, bytes | str]:
    """(name, the page's bytes, or why they could not be read)."""
    try:
        return str(path.relative_to(folder)), path.read_bytes()
    except OSError as exc:
        return str(path.relative_to(folder)), f"unreadable: {exc.strerror or exc}"


def extract_pages(pages: list[tuple[str, bytes | str]], profile_json: str | None) -> list[SitePage]:
    """Extract a batch of a site's pages (also what a worker of a pool runs)."""
    profile = profile_from_json(profile_json) if profile_json else None
    out = []
    for name, data in pages:
        if isinstance(data, str):
            out.append(SitePage(name, None, data))
            continue
        try:
            out.append(SitePage(name, extract_page(data, profile=profile)))
        except ValueError as exc:
            out.append(SitePage(name, None, str(exc)))
    return out
