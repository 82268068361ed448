"""The two results a repair can give: a change it made, or a defect it only flags."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    kind: str          # defect kind, e.g. 'relative_wayback_link'
    field: str         # 'body', 'front_matter' or a front matter key
    before: str
    after: str
    count: int = 1


@dataclass(frozen=True)
class Finding:
    kind: str          # defect kind, e.g. 'damaged_url'
    detail: str = ""
