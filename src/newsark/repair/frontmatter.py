"""Recover front matter that is not valid YAML, where the intent is clear.

The corpus's broken files are double-quoted strings carrying raw control characters
(``\\x03``, ``\\x08``, ``\\x1c``) that YAML forbids. Removing them is certain: they are
invisible and carry no text. Otherwise a line-by-line reading of the regular
``key: "value"`` shape recovers titles with unescaped quotes. Anything else is flagged.
"""

from __future__ import annotations

import re
from typing import Any

from newsark.archive.article import FormatError, parse_front_matter
from newsark.repair.base import Change

_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_KEY_LINE_RE = re.compile(r'^([A-Za-z_][\w-]*):\s*(.*)$')
_ITEM_RE = re.compile(r"^\s+-\s*(.*)$")


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        if raw[0] == '"':
            return inner.replace('\\"', '"').replace("\\\\", "\\")
        return inner.replace("''", "'")
    return raw


def _line_parse(source: str) -> dict[str, Any]:
    """Read the corpus's regular shape line by line, trusting the outer quotes only."""
    meta: dict[str, Any] = {}
    current: str | None = None
    for line in source.split("\n"):
        if not line.strip():
            continue
        item = _ITEM_RE.match(line)
        if item and current is not None:
            value = meta.get(current)
            if not isinstance(value, list):
                value = []
                meta[current] = value
            value.append(_unquote(item.group(1)))
            continue
        m = _KEY_LINE_RE.match(line)
        if not m:
            raise FormatError("invalid_yaml", f"cannot read front matter line {line[:60]!r}")
        current = m.group(1)
        meta[current] = _unquote(m.group(2)) if m.group(2).strip() else []
    return meta


def recover(source: str) -> tuple[dict[str, Any], list[Change]]:
    """Parse front matter, repairing it if needed. Raises FormatError if not recoverable."""
    try:
        return parse_front_matter(source), []
    except FormatError:
        pass
    cleaned = _CONTROL_RE.sub("", source)
    if cleaned != source:
        try:
            meta = parse_front_matter(cleaned)
            removed = "".join(_CONTROL_RE.findall(source))
            return meta, [Change("invalid_yaml", "front_matter", source, cleaned, len(removed))]
        except FormatError:
            pass
    meta = _line_parse(cleaned)
    if not meta.get("title"):
        raise FormatError("invalid_yaml", "front matter is not YAML and has no readable title")
    return meta, [Change("invalid_yaml", "front_matter", source, "(re-serialised)", 1)]
