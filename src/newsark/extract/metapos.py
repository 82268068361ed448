"""Where a site's pages show their metadata: learned CSS selectors per field.

Learning: on each sample article page, the elements whose text gives the value the generic
path found (the title, the date, the author, the category, the tags) are located and
named by a short CSS selector; a selector is kept when its first match gives the generic
value on enough pages and rarely a different one. A redesign gives a second selector for
the same field (a template era); they are tried in order. Applying: the first selector
that matches and yields a value wins; the value is read the way the generic path reads
such text (dates through dates.py, bylines through bylines.py); a field no selector fills
keeps the generic value. The path taken is recorded per field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError

from .bylines import english_byline, join_english, looks_like_name, split_byline
from .choose import CJK_RE
from .dates import find_date
from .nodetext import flat_text
from .textform import nfkc

FIELDS = ("title", "date", "author", "category", "tags")
Value = str | list[str]
_MAX_TEXT = {"title": 300, "date": 120, "author": 80, "category": 30, "tags": 400}
_SKIP = frozenset({"script", "style", "noscript", "head", "title", "meta", "link", "option", "select"})
_PUNCT_RE = re.compile(r"[\W_]+")
_TAG_SPLIT_RE = re.compile(r"\s*[,，、;；|/]\s*")
_ID_NOISE = re.compile(r"\d{3,}|[0-9a-f]{8,}")
MIN_PAGES = 2  # a selector must give the generic value on this many sample pages ...
MIN_SHARE = 0.2  # ... and this share of the article pages
MAX_WRONG = 0.25  # ... and a different value on at most this share of the pages it works on
PER_FIELD = 3  # selectors kept per field (template eras)


def _norm(text: str) -> str:
    return _PUNCT_RE.sub("", nfkc(text).lower())


def read_field(name: str, el: etree._Element, text: str | None = None) -> Value | None:
    """The value of one field in an element's text (``text``: already taken), read as the
    generic path reads it."""
    text = flat_text(el) if text is None else text
    if not text or len(text) > _MAX_TEXT[name]:
        return None
    if name == "title":
        return text if len(text) >= 2 else None
    if name == "date":
        return find_date(text)
    if name == "author":
        if CJK_RE.search(text):
            names = list(dict.fromkeys(n for _, n in split_byline(text) if looks_like_name(n)))
            return "、".join(names) or None
        return join_english(english_byline(text)) or None
    if name == "category":
        return text
    links = [flat_text(a) for a in el.iter("a", "li")]
    tags = [t for t in (links or _TAG_SPLIT_RE.split(text)) if t and len(t) <= 30]
    return list(dict.fromkeys(tags)) or None


def same_value(name: str, learned: Value | None, generic: Value | None) -> bool:
    if not learned or not generic:
        return False
    if name == "date":
        return str(learned)[:10] == str(generic)[:10]
    if name == "tags":
        return {_norm(t) for t in learned} == {_norm(t) for t in generic}
    if name == "author":  # the same names, in any order
        return {_norm(n) for n in re.split(r"[、,，;；]|\band\b", str(learned))} - {""} == {
            _norm(n) for n in re.split(r"[、,，;；]|\band\b", str(generic))} - {""}
    return _norm(str(learned)) == _norm(str(generic))


def selector_of(el: etree._Element) -> str:
    """A short CSS selector: the element's tag, id or stable classes, and its parent's."""
    steps: list[str] = []
    node: etree._Element | None = el
    while node is not None and len(steps) < 2 and isinstance(node.tag, str) and node.tag not in ("body", "html"):
        step = node.tag
        ident = (node.get("id") or "").strip()
        classes = [c for c in (node.get("class") or "").split()
                   if not _ID_NOISE.search(c) and re.fullmatch(r"-?[A-Za-z_][\w-]*", c)]
        if ident and not _ID_NOISE.search(ident) and re.fullmatch(r"[A-Za-z][\w-]*", ident):
            step += f"#{ident}"
        elif classes:
            step += "".join(f".{c}" for c in classes[:2])
        steps.append(step)
        if "#" in step:
            break
        node = node.getparent()
    return " > ".join(reversed(steps))


def _sizes(body: etree._Element) -> dict[etree._Element, int]:
    """Text length of every element under ``body``, in one pass (children first)."""
    size: dict[etree._Element, int] = {}
    for el in reversed(list(body.iter())):
        n = len(el.text or "") if isinstance(el.tag, str) else 0
        for child in el:
            n += size.get(child, 0) + len(child.tail or "")
        size[el] = n
    return size


def holders(doc: etree._Element, values: dict[str, Value | None]) -> dict[str, list[etree._Element]]:
    """Per field, the innermost elements of the page's body whose text gives its value."""
    body = doc.find(".//body")
    found: dict[str, list[etree._Element]] = {name: [] for name, v in values.items() if v}
    if body is None or not found:
        return found
    size = _sizes(body)
    longest = 3 * max(_MAX_TEXT[name] for name in found)  # white space collapses later
    for el in body.iter():
        n = size.get(el, 0)
        if not isinstance(el.tag, str) or el.tag in _SKIP or not n or n > longest:
            continue
        text = flat_text(el)
        for name, held in found.items():
            if len(text) <= _MAX_TEXT[name] and same_value(name, read_field(name, el, text), values[name]):
                # an inner element that also holds the value replaces its ancestors
                ancestors = set(el.iterancestors())
                held[:] = [f for f in held if f not in ancestors]
                held.append(el)
    return found


@dataclass
class _Tally:
    works: set[int] = field(default_factory=set)  # pages where the first match gives the value
    wrong: int = 0
    matched: set[int] = field(default_factory=set)  # pages where it matches at all


@dataclass
class MetaPositions:
    """Learned selectors per field, tried in order (one per template era)."""

    selectors: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._compiled: dict[str, list[CSSSelector]] = {}
        for name, sels in self.selectors.items():
            if name not in FIELDS:
                raise ValueError(f"site profile: unknown metadata field {name!r} (known: {', '.join(FIELDS)})")
            try:
                self._compiled[name] = [CSSSelector(s) for s in sels]
            except SelectorError as exc:
                raise ValueError(f"site profile: bad {name} selector in {sels!r}: {exc}") from exc

    def read(self, doc: etree._Element, name: str) -> Value | None:
        for sel in self._compiled.get(name, []):
            found = sel(doc)
            if found:
                value = read_field(name, found[0])
                if value:
                    return value
        return None


def learn_positions(samples: Iterable[tuple[etree._Element, dict[str, Value | None]]]) -> dict[str, list[str]]:
    """Selectors per field from (page, generic values) pairs of a site's article pages."""
    pages = list(samples)
    found = [holders(doc, values) for doc, values in pages]
    out: dict[str, list[str]] = {}
    for name in FIELDS:
        proposed: Counter[str] = Counter()
        for held in found:
            proposed.update({selector_of(el) for el in held.get(name, [])} - {""})
        tally: dict[str, _Tally] = {}
        for sel in [s for s, n in sorted(proposed.items(), key=lambda x: (-x[1], x[0]))[:12] if n >= MIN_PAGES]:
            css = CSSSelector(sel)
            t = tally[sel] = _Tally()
            for i, (doc, values) in enumerate(pages):
                matches = css(doc)
                if not matches:
                    continue
                t.matched.add(i)
                got = read_field(name, matches[0])
                if same_value(name, got, values.get(name)):
                    t.works.add(i)
                elif got:
                    t.wrong += 1
        need = max(MIN_PAGES, MIN_SHARE * len(pages))
        good = sorted((s for s, t in tally.items() if len(t.works) >= need and t.wrong <= MAX_WRONG * len(t.works)),
                      key=lambda s: (-len(tally[s].works), tally[s].wrong, s))
        # A later selector is another template era: kept only for pages the kept ones
        # do not reach at all (else it is the same era's second opinion, never asked).
        kept: list[str] = []
        reached: set[int] = set()
        for sel in good:
            if not kept or len(tally[sel].works - reached) >= MIN_PAGES:
                kept.append(sel)
                reached |= tally[sel].matched
        if kept:
            out[name] = kept[:PER_FIELD]
    return out
