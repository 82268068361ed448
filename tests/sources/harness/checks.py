"""Compare a rescued archive with the ground truth of an archived site."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsark.archive.store import Archive

from .ratelog import LoggedRequest
from .site import ArchivedSite, Story


def _loose(value: str, key: str) -> list[str]:
    value = unicodedata.normalize("NFKC", value)
    if key == "author":
        value = re.sub(r"^(?:實習)?記者|記者$", "", value.strip())
    return value.split()


def norm(text: str) -> str:
    """Text for comparison: no Markdown/HTML markup, no whitespace."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[\s*_`#>|\\-]+", "", text)


@dataclass
class ArchiveCheck:
    stories: int = 0
    rescued: int = 0                      # stories found (folded or not)
    missing: list[int] = field(default_factory=list)        # first id of stories not found
    unfolded: list[tuple[int, ...]] = field(default_factory=list)  # ids resolving apart
    merged: list[int] = field(default_factory=list)         # canonical ids shared by stories
    canonical: set[int] = field(default_factory=set)        # the stories' canonical ids
    extra: list[int] = field(default_factory=list)          # archive articles of no story
    wrong: Counter[str] = field(default_factory=Counter)    # field -> stories where it differs
    template_leaks: list[int] = field(default_factory=list)  # appeal/author bio in the body
    text_missing: list[int] = field(default_factory=list)   # a paragraph not in the body
    examples: list[str] = field(default_factory=list)

    def problems(self, ignore: tuple[str, ...] = ()) -> list[str]:
        out = []
        for name in ("missing", "unfolded", "merged", "extra", "template_leaks", "text_missing"):
            items = getattr(self, name)
            if name in ignore:
                continue
            if items:
                out.append(f"{name}: {len(items)} e.g. {items[:5]}")
        out += [f"{k} differs for {v} stories" for k, v in self.wrong.items()]
        return out


def check_archive(site: ArchivedSite, root: Path, *, check_text: bool = True) -> ArchiveCheck:
    result = ArchiveCheck(stories=len(site.stories))
    with Archive(root, create=False) as archive:
        present = set(archive.ids())
        canon_of: dict[int, int] = {}
        for story in site.stories:
            found = [archive.resolve(i)[0] for i in story.ids if i in present or archive.resolve(i)[1]]
            canonical = {c for c in found if c in present}
            if not canonical:
                result.missing.append(story.ids[0])
                continue
            if len(canonical) > 1 or len(found) < len(story.ids):
                result.unfolded.append(story.ids)
            cid = min(canonical)
            if cid in canon_of.values():
                result.merged.append(cid)
                continue
            canon_of[story.ids[0]] = cid
            result.canonical.add(cid)
            result.rescued += 1
            _compare(result, story, cid, archive, site, check_text)
        known = site.all_ids()
        result.extra = sorted(i for i in present if i not in known)
    return result


def _compare(result: ArchiveCheck, story: Story, cid: int, archive: Archive, site: ArchivedSite,
             check_text: bool) -> None:
    article = archive.read_article(cid)
    expected = {"title": story.title, "date": story.date, "author": story.author,
                "category": story.category}
    for key, value in expected.items():
        got = article.meta.get(key)
        # Width and whitespace kinds may differ (NFKC), and a byline's role word ("記者");
        # the words may not.
        if value and (got is None or _loose(str(got), key) != _loose(value, key)):
            result.wrong[key] += 1
            if len(result.examples) < 10:
                result.examples.append(f"{cid} {key}: {got!r} != {value!r}")
    body = norm(article.body)
    if norm(site.style.appeal) in body or (story.author_bio and norm(story.author_bio) in body):
        result.template_leaks.append(cid)
    if check_text and any(norm(p) not in body for p in story.paragraphs if norm(p)):
        result.text_missing.append(cid)


def article_files(root: Path) -> dict[str, str]:
    """sha256 of every article file, by path relative to the archive."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((root / "articles").rglob("*.md"))
    }


def replays_per_story(items: list[LoggedRequest], stories: int) -> float:
    return len([i for i in items if i.kind == "replay"]) / max(1, stories)


def answered(items: list[LoggedRequest]) -> Counter[tuple[str, str]]:
    """Replay requests the archive answered properly (200/3xx, no fault), by (timestamp, URL)."""
    return Counter((i.ts, i.url) for i in items if i.kind == "replay" and 200 <= i.status < 400
                   and i.fault in ("", "gzip-blank", "nearest"))


def extra_fetches(items: list[LoggedRequest], reference: list[LoggedRequest]) -> Counter[tuple[str, str]]:
    """(timestamp, URL) asked more often in ``items`` than in a ``reference`` run of the same
    work (e.g. resumed runs against one clean run): the work that was done twice."""
    return answered(items) - answered(reference)
