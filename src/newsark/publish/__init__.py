"""Publish an archive as a static website: Hugo builds the pages, Pagefind the search.

``OUT/source/`` is a Hugo site (config, newsark's theme, one content file per story) that
a person can restyle and rebuild with ``hugo``; ``OUT/public/`` is the website, ready for
any static host. See ``source.py`` for what goes into the pages.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from newsark.archive.store import Archive
from newsark.export.records import Selection, Tally, iter_records
from newsark.publish import search_index, tools
from newsark.publish.source import (
    THEME,
    VIDEO_LABEL,
    SiteOptions,
    base_path,
    prepare_source,
    write_config,
    write_content,
    write_theme,
)
from newsark.web.render import Renderer

MARKER = ".newsark-publish"
SEARCH_STORE = ".search-index"  # each search part's index, kept for the next publish

__all__ = ["MARKER", "Published", "SiteOptions", "check_output", "publish_site"]


@dataclass
class Published:
    stories: int
    tally: Tally
    searchable: bool
    source: Path
    public: Path
    search_parts_indexed: int = 0  # parts Pagefind indexed in this run ...
    search_parts_reused: int = 0  # ... and parts whose stories had not changed since the last


def check_output(out: Path) -> None:
    """OUT must be new, empty, or an earlier publish's folder: never a user's other files."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ValueError(f"{out} is not empty and was not made by newsark publish: choose another folder")


def published_ids(archive: Archive, selection: Selection) -> set[int]:
    """The ids that will have a page: the selected stories and their copies (links to
    anything else stay links to the capture)."""
    ids = {r[0] for r in archive.db.execute(*selection.query("id"))}
    ids |= {a for a, s in archive.db.execute("SELECT alias_id, story_id FROM aliases") if s in ids}
    return ids


def publish_site(archive: Archive, out: Path, options: SiteOptions, *,
                 selection: Selection | None = None, search: bool = True,
                 build: bool = True, search_part_size: int = search_index.PART_SIZE) -> Published:
    check_output(out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / MARKER).open("a+") as marker:
        try:  # two runs into one folder would delete each other's files
            fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ValueError(f"another newsark publish is writing to {out}") from None
        marker.truncate(0)
        marker.write(json.dumps({"archive": str(archive.root)}) + "\n")
        marker.flush()
        return _publish(archive, out, options, selection, search, build, search_part_size)


def _publish(archive: Archive, out: Path, options: SiteOptions, selection: Selection | None,
             search: bool, build: bool, search_part_size: int) -> Published:
    source, public = out / "source", out / "public"
    prepare_source(source)
    write_theme(source)
    sites = frozenset(r[0] for r in archive.db.execute(
        "SELECT DISTINCT site FROM articles WHERE site IS NOT NULL"))
    # one page per story: copies are redirects to it (Hugo aliases)
    selection = dataclasses.replace(selection or Selection(), aliases=False)
    held = published_ids(archive, selection)
    renderer = Renderer(sites, held.__contains__, video_label=VIDEO_LABEL[options.labels],
                        article_href=base_path(options.base_url) + "article/{id}/")
    tally = Tally()
    searchable = search and build
    records = iter_records(archive, selection, tally)
    pages = (search_index.SearchPages(out / ".search-pages", search_part_size, out / SEARCH_STORE)
             if searchable else None)
    story_ids = write_content(source, pages.tee(records) if pages else records, renderer)
    bundles = search_index.bundle_names(len(story_ids), search_part_size) if pages else []
    write_config(source, options, len(story_ids), bundles)
    if pages:
        search_index.write_fold_table(source / "themes" / THEME / "static" / "fold.json")
    if build:
        tools.build_site(source, public)
        if pages:
            pages.index(public, bundles)
        else:
            shutil.rmtree(out / SEARCH_STORE, ignore_errors=True)  # a site without search keeps no index
    return Published(len(story_ids), tally, searchable, source, public,
                     pages.indexed if pages else 0, pages.reused if pages else 0)
