"""Turn the original bytes of one article file into the repaired article that is written.

``materialize(original, model)`` is a pure function: the archive file is always the result
of the kept original plus the recorded repairs, so re-running an import (or undoing a
repair) is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsark.archive.article import Article, FormatError, decode_bytes, split_front_matter
from newsark.archive.store import site_of
from newsark.repair import dates, encoding, flags, frontmatter, links, mojibake
from newsark.repair.base import Change, Finding
from newsark.repair.boilerplate import BoilerplateModel, Removal


@dataclass
class Materialized:
    article: Article
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    bio: str | None = None
    status: str = "ok"


def parse_with_repairs(data: bytes) -> tuple[Article, list[Change]]:
    """Parse an article file, reading it in its encoding when that is not UTF-8 but
    certain, and recovering broken front matter. Raises FormatError."""
    read: list[Change] = []
    try:
        text = decode_bytes(data)
    except FormatError as exc:
        other = encoding.read_not_utf8(data) if exc.kind in ("invalid_utf8", "binary") else None
        if other is None:
            raise
        text, change = other
        read.append(change)
    fm, body, nl = split_front_matter(text)
    meta, changes = frontmatter.recover(fm.replace("\r\n", "\n"))
    return Article(meta=meta, body=body, newline=nl), read + changes


# Repairs a user can undo one by one (``newsark repair undo ID --kind K``).
UNDOABLE = ("relative_wayback_link", "mojibake", "boilerplate", "date_format")


def materialize(
    data: bytes, model: BoilerplateModel | None, skip: frozenset[str] = frozenset()
) -> Materialized:
    """Original bytes → repaired article. Repairs named in ``skip`` are not applied."""
    article, changes = parse_with_repairs(data)
    result = Materialized(article=article, changes=list(changes))
    # Dates in ISO form (undone, the values stay as written; unreadable ones are flagged either way).
    date_changes, result.findings = dates.normalize_dates(
        article.meta if "date_format" not in skip else dict(article.meta))
    if "date_format" not in skip:
        result.changes += date_changes

    body = article.body
    if "relative_wayback_link" not in skip:
        body, link_changes = links.absolutize(body, article.url)
        result.changes += link_changes

    fix = "mojibake" not in skip
    for name in ("title", "author", "category", "tags"):
        value = article.meta.get(name)
        values = [value] if isinstance(value, str) else value if name == "tags" and isinstance(value, list) else []
        if not values or not all(isinstance(v, str) for v in values):
            continue
        repaired: list[str] = []
        for one in values:
            fixed, ch, fi = mojibake.repair_text(one, name)
            repaired.append(fixed)
            if fix:
                result.changes += ch
            result.findings += fi
        if fix:
            article.meta[name] = repaired[0] if isinstance(value, str) else repaired
    fixed, ch, fi = mojibake.repair_text(body, "body")
    if fix:
        body = fixed
        result.changes += ch
    result.findings += fi

    if model is not None and "boilerplate" not in skip:
        body, removals, bio = model.strip(site_of(article.original_url), article.author, body)
        result.removals = removals
        result.bio = bio
    article.body = body

    for finding in (flags.damaged_url(article), flags.placeholder(article, article.text())):
        if finding:
            result.findings.append(finding)
    result.findings += flags.missing_fields(article)
    return result
