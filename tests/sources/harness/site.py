"""An archived site: its stories (the ground truth) and its captures (what the archive holds)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .templates import SiteStyle
from .warcs import Capture, write_warc

ARTICLE_ID_RE = re.compile(r"/article/(\d+)(?:[/?#]|$)")


@dataclass
class Story:
    """One story as the site published it, possibly under several article ids."""

    ids: tuple[int, ...]            # the first is the id it was first published under
    title: str
    date: str                       # YYYY-MM-DD
    time: str                       # HH:MM:SS
    author: str
    category: str
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]     # the article's own text, block by block (plain text)
    slug: str
    body_html: str = ""
    author_bio: str = ""
    old_slug: str | None = None     # the slug before a title edit (still archived)
    source_file: str = ""           # corpus member it came from (replica only)
    captions: tuple[str, ...] = ()  # figure captions (kept apart from paragraphs)


@dataclass
class ArchivedSite:
    style: SiteStyle
    stories: list[Story]
    captures: list[Capture] = field(default_factory=list)

    @property
    def host(self) -> str:
        return self.style.host

    def article_url(self, article_id: int, slug: str, scheme: str = "https", www: bool = True) -> str:
        host = self.host if www else self.host.removeprefix("www.")
        return f"{scheme}://{host}/article/{article_id}/{slug}"

    def story_by_id(self) -> dict[int, Story]:
        return {i: s for s in self.stories for i in s.ids}

    def story_of_url(self, url: str) -> Story | None:
        m = ARTICLE_ID_RE.search(url)
        return self.story_by_id().get(int(m.group(1))) if m else None

    def all_ids(self) -> set[int]:
        return {i for s in self.stories for i in s.ids}

    def write_warcs(self, folder: Path, files: int = 3) -> list[Path]:
        """The captures as ``files`` WARC files (split by capture time, as crawls are)."""
        ordered = sorted(self.captures, key=lambda c: (c.timestamp, c.url))
        size = max(1, -(-len(ordered) // files))
        paths = []
        for n in range(0, len(ordered), size):
            path = folder / f"crawl-{n // size:02d}.warc.gz"
            write_warc(path, ordered[n:n + size])
            paths.append(path)
        return paths


def captures_by_note(captures: Iterable[Capture]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in captures:
        counts[c.note] = counts.get(c.note, 0) + 1
    return counts
