"""Query-time folding of near-identical versions of one story.

The importer folds copies into stories, but a story re-published with a retouched title
(``古巴行(3)`` / ``古巴行（3）``, ``針對逾30報導`` / ``針對逾30文章``) can stay two stories.
On a result page such versions waste slots, so a hit whose title is nearly the same as a
better-ranked hit's, dated within a few days, is folded into that hit (its id is listed
among the hit's aliases). Folding is greedy from the top, so a given row's fate depends
only on the rows above it and pages stay consistent.
"""

from __future__ import annotations

import datetime as dt
import re

from newsark.search.fold import fold

# Dice coefficient of the titles' character bigrams needed to fold: same day, or
# re-published up to MAX_DAYS later (stricter: a series' next episode is a new story).
SAME_DAY_SIMILARITY = 0.7
OTHER_DAY_SIMILARITY = 0.85
MAX_DAYS = 3
_NOISE_RE = re.compile(r"[\W_]+")


_DIGITS_RE = re.compile(r"\d+")
Key = tuple[frozenset[str], tuple[str, ...], "dt.date | None"]


def title_key(title: str | None, date: str | None) -> Key:
    """Title bigrams, the numbers in the title, and the day."""
    text = _NOISE_RE.sub("", fold(title or ""))
    grams = frozenset(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else frozenset(text)
    return grams, tuple(_DIGITS_RE.findall(text)), _day(date)


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        return None


def similar(a: Key, b: Key) -> bool:
    """Same story: nearly the same title with the same numbers, a few days apart at most.

    Equal numbers keep daily or numbered series apart (``中國組 22/06`` vs ``23/06``).
    """
    (ka, na, da), (kb, nb, db) = a, b
    if not ka or not kb or na != nb or da is None or db is None:
        return False
    days = abs((da - db).days)
    if days > MAX_DAYS:
        return False
    need = SAME_DAY_SIMILARITY if days == 0 else OTHER_DAY_SIMILARITY
    return 2 * len(ka & kb) / (len(ka) + len(kb)) >= need


def collapse(rows: list[tuple[int, str | None, str | None]]) -> list[tuple[int, list[int]]]:
    """(id, title, date) rows in rank order → (kept id, ids folded into it)."""
    kept: list[tuple[int, list[int], Key]] = []
    for story_id, title, date in rows:
        key = title_key(title, date)
        for _, folded, other in kept:
            if similar(key, other):
                folded.append(story_id)
                break
        else:
            kept.append((story_id, [], key))
    return [(story_id, folded) for story_id, folded, _ in kept]
