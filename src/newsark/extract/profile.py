"""Learning a site's template from several of its pages, stored as a readable profile.

What recurs across pages of one site is template: a text block (navigation, subscription
appeal, footer, related list) seen on at least half of the pages is boilerplate, and the
element that holds the article body on most article pages (a CSS selector such as
``div.article-content``) is where bodies sit. A site redesign gives several selectors
(template eras); the first that matches a page wins. Pages with little own text (after
the template is removed) or made mostly of links are lists, not articles.

The profile is plain data a person can read and correct, saved as YAML or TOML.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import tomllib
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError

from newsark.files import atomic_write

from .candidates import Candidate, drop_keeping_tail, element_text
from .metapos import FIELDS, MetaPositions, learn_positions, selector_of
from .nodetext import flat_text
from .restore import lightbox

if TYPE_CHECKING:
    from .metadata import Meta

_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "dd", "dt", "div", "span", "a")
_WS = re.compile(r"\s+")
_ID_NOISE = re.compile(r"\d{3,}|[0-9a-f]{8,}")  # generated ids/classes are not template


def _norm(text: str) -> str:
    return _WS.sub("", text)[:300]


def _key(text: str) -> str:
    return hashlib.sha1(_norm(text).encode("utf-8")).hexdigest()[:16]


def own_blocks(doc: etree._Element) -> list[str]:
    """Text blocks of a page: leaf-ish elements' text, one entry per block."""
    body = doc.find(".//body")
    if body is None:
        return []
    out: list[str] = []
    for el in body.iter(*_BLOCK_TAGS):
        if any(isinstance(c.tag, str) and c.tag in ("p", "div", "li", "table", "ul") for c in el):
            continue  # containers: their children are the blocks
        t = flat_text(el)
        if 2 <= len(t) <= 300:
            out.append(t)
    return out


def body_element(doc: etree._Element, body_text: str) -> etree._Element | None:
    """The smallest element holding at least 85 % of an extracted body's text."""
    want = Counter(_WS.sub("", body_text))  # the whole text (_norm keeps a key's 300 characters)
    total = sum(want.values())
    if total < 50:
        return None
    best: etree._Element | None = None
    best_size = 0
    for el in doc.iter("div", "article", "section", "td", "main"):
        got = Counter(_WS.sub("", element_text(el)))
        size = sum(got.values())
        if size < 0.85 * total:
            continue
        if sum((got & want).values()) >= 0.85 * total and (best is None or size < best_size):
            best, best_size = el, size
    return best


# What a reader of the page never reads as its text, inside the learned container as
# anywhere: a form's controls and labels ('自动播放' beside a player's checkbox) and what the
# page hides (a player's closed playlist, its '向前 向后' buttons). Both libraries drop them on
# the generic path; the learned path takes the container as the page wrote it. (Accordion
# panels were opened before: collapsed.py.)
_CONTROLS = ("form", "input", "select", "textarea", "button", "label", "fieldset")
_HIDING_STYLE_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)


def drop_unread(el: etree._Element) -> int:
    """Remove a form's controls and the hidden elements under ``el``; returns how many. (A
    button holding a figure is a lightbox, the article's picture: it stays.)"""
    gone = [c for c in el.iterdescendants() if isinstance(c.tag, str)
            and ((c.tag in _CONTROLS and not (c.tag == "button" and lightbox(c)))
                 or c.get("hidden") is not None or _HIDING_STYLE_RE.search(c.get("style") or "") is not None)]
    for c in gone:
        if c.getparent() is not None:
            drop_keeping_tail(c)
    return len(gone)


_INLINE = ("a", "span")
_LINE_BLOCKS = frozenset({"p", "li", "td", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})
PROSE_AROUND = 10  # characters of its line's text outside links that make a link a word of it


def _in_running_text(el: etree._Element) -> bool:
    """Whether an inline element stands inside a line of text: text right before or after
    it, or a paragraph around it that holds PROSE_AROUND characters outside its links
    ('锁定@新浪科技 @苹果汇 <span><a>微博</a></span><span></span>，我们…')."""
    if (el.tail or "").strip():
        return True
    prev = el.getprevious()
    parent = el.getparent()
    before = prev.tail if prev is not None else (parent.text if parent is not None else None)
    if (before or "").strip():
        return True
    line = next((a for a in el.iterancestors() if a.tag in _LINE_BLOCKS), None)
    if line is None:
        return False
    linked = sum(len("".join(a.itertext()).strip()) for a in line.iter("a"))
    return len("".join("".join(line.itertext()).split())) - linked >= PROSE_AROUND


PROFILE_SUFFIXES = (".yaml", ".yml", ".toml")


def check_profile_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path when a profile can be saved there (by its suffix), else ValueError."""
    path = Path(path)
    if path.suffix.lower() not in PROFILE_SUFFIXES:
        raise ValueError(f"a site profile is .yaml, .yml or .toml, not {path.name!r}")
    return path


@dataclass
class SiteProfile:
    site: str | None = None
    pages_seen: int = 0
    body_selectors: list[str] = field(default_factory=list)
    template_blocks: list[str] = field(default_factory=list)
    not_articles: list[str] = field(default_factory=list)
    min_body_chars: int = 80
    # Where the title, date, author, category and tags sit: CSS selectors per field, tried
    # in order; the first match's text is read. Profiles saved before this was learned
    # have none (every field then comes from the generic path).
    meta_selectors: dict[str, list[str]] = field(default_factory=dict)
    notes: str = ("Edit freely: body_selectors are CSS, tried in order; template_blocks are text removed "
                  "from bodies; meta_selectors map title/date/author/category/tags to CSS selectors "
                  "whose first match holds that field.")

    def __post_init__(self) -> None:
        self._template_keys = {_key(t) for t in self.template_blocks}
        self._compiled: list[CSSSelector] = []
        for sel in self.body_selectors:
            try:
                self._compiled.append(CSSSelector(sel))
            except SelectorError as exc:
                raise ValueError(f"site profile: bad body selector {sel!r}: {exc}") from exc
        self._meta = MetaPositions(self.meta_selectors)

    # -- applying ---------------------------------------------------------------------
    def is_template(self, text: str) -> bool:
        return _key(text) in self._template_keys

    def body(self, doc: etree._Element) -> Candidate | None:
        """The body by a learned selector, template blocks removed; None when no fit."""
        for sel in self._compiled:
            found = sel(doc)
            if len(found) != 1:
                continue
            el = copy.deepcopy(found[0])
            self._strip(el)
            text = element_text(el)
            if len(_norm(text)) >= self.min_body_chars:
                return Candidate("profile", el, text)
        return None

    def clean(self, cand: Candidate) -> Candidate:
        el = copy.deepcopy(cand.element)
        self._strip(el)
        return Candidate(cand.name, el, element_text(el))

    def _strip(self, el: etree._Element) -> None:
        drop_unread(el)
        for child in list(el.iter(*_BLOCK_TAGS, "ul", "ol", "table", "section", "aside", "nav", "footer")):
            if child is el or child.getparent() is None:
                continue
            if child.tag in _INLINE and _in_running_text(child):
                continue  # a word of a sentence ('快来[新浪众测]，体验…'), whatever the menus say
            t = flat_text(child)
            if child.tag in ("nav", "footer", "aside") or (t and self.is_template(t)):
                drop_keeping_tail(child)

    def apply_metadata(self, doc: etree._Element, meta: Meta) -> dict[str, str]:
        """Fill ``meta`` from the learned positions; returns the path of each field
        ("learned", or "generic" where no learned selector gave a value)."""
        paths: dict[str, str] = {}
        for name in FIELDS:
            value = self._meta.read(doc, name)
            if not value:
                paths[name] = "generic"
                continue
            paths[name] = "learned"
            if name == "tags":
                meta.tags = list(value)
            elif name == "date":
                # the same day from structure keeps its time and timezone
                if not (meta.date and meta.date[:10] == str(value)[:10]):
                    meta.date = str(value)
            elif name == "author":
                meta.author = str(value)
                if not any(n in str(value) for _, n in meta.bylines):
                    meta.bylines = [("撰文", n) for n in re.split(r"、", str(value))]
            else:
                setattr(meta, name, str(value))
        return paths

    # -- storage ----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}

    def to_file(self, path: str | os.PathLike[str]) -> None:
        path = check_profile_path(path)
        if path.suffix.lower() == ".toml":
            text = _to_toml(self.to_dict())
        else:
            text = yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False, width=100)
        atomic_write(path, text.encode("utf-8"))

    def to_json(self) -> str:
        """The profile as one JSON string (how it travels to worker processes: its compiled
        selectors do not pickle)."""
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiteProfile:
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"site profile: unknown keys {sorted(unknown)}")
        for key in ("body_selectors", "template_blocks", "not_articles"):
            if key in data and not (isinstance(data[key], list) and all(isinstance(x, str) for x in data[key])):
                raise ValueError(f"site profile: {key} must be a list of strings")
        metas = data.get("meta_selectors", {})
        if not isinstance(metas, dict) or not all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in metas.values()):
            raise ValueError("site profile: meta_selectors must map field names to lists of CSS selectors")
        return cls(**data)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> SiteProfile:
        path = Path(path)
        raw = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(raw)
        else:
            data = yaml.safe_load(raw) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a site profile is a mapping of keys to values")  # noqa: TRY004 (callers catch ValueError)
        return cls.from_dict(data)


def _to_toml(data: dict[str, Any]) -> str:
    lines: list[str] = []
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for key, value in data.items():
        if value is None or key in tables:
            continue
        if isinstance(value, list):
            items = ",\n".join(f"  {json.dumps(v, ensure_ascii=False)}" for v in value)
            lines.append(f"{key} = [\n{items},\n]" if value else f"{key} = []")
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        else:
            lines.append(f"{key} = {json.dumps(str(value), ensure_ascii=False)}")
    for key, table in tables.items():  # tables last: TOML keys after a table header belong to it
        lines.append(f"\n[{key}]")
        lines.extend(f"{json.dumps(k)} = [{', '.join(json.dumps(v, ensure_ascii=False) for v in vs)}]"
                     for k, vs in table.items())
    return "\n".join(lines) + "\n"


def learn_site(pages: list[tuple[bytes, str | None]], *, min_share: float = 0.1) -> SiteProfile:
    """Learn a site's template from several of its pages ((bytes, url) pairs)."""
    from .charset import decode_html
    from .page import extract_page, parse_document
    from .plaintext import plain_text
    from .sniff import html_bytes

    # A page that is empty, binary or not HTML teaches nothing: it is left out of the
    # sample (extracting it later gives its own clear error) rather than failing the site.
    readable: list[tuple[bytes, str | None]] = []
    docs: list[etree._Element] = []
    for data, url in pages:
        try:  # (a page saved from the replay is parsed without its toolbar: not the site's)
            docs.append(parse_document(decode_html(html_bytes(data))[0]))
        except ValueError:
            continue
        readable.append((data, url))
    if len(readable) < 2:
        raise ValueError(f"learning a site's template needs at least 2 readable pages ({len(readable)} of {len(pages)})")
    pages = readable
    # Template blocks: the same text on at least 2 pages and min_share of them; different
    # articles rarely share a whole paragraph, while related lists, navigation and footers
    # recur (related lists only on some pages, hence the low share).
    seen: Counter[str] = Counter()
    text_of: dict[str, str] = {}
    for doc in docs:
        keys: dict[str, None] = {}  # in page order: the saved profile is the same every run
        for t in own_blocks(doc):
            k = _key(t)
            keys[k] = None
            text_of.setdefault(k, t)
        seen.update(list(keys))  # (a dict would be read as counts)
    need = max(2, int(len(docs) * min_share + 0.999))
    template = [text_of[k] for k, n in seen.most_common() if n >= need]
    profile = SiteProfile(pages_seen=len(pages), template_blocks=template)
    hosts = Counter(re.sub(r"^https?://(?:web\.archive\.org/web/\d+[a-z_]*/https?://)?([^/]+).*", r"\1", u)
                    for _, u in pages if u)
    profile.site = hosts.most_common(1)[0][0] if hosts else None
    # Body positions: where the generic body sits on each article page.
    selectors: Counter[str] = Counter()
    articles = 0
    found: list[tuple[etree._Element, dict[str, str | list[str] | None]]] = []
    for (data, url), doc in zip(pages, docs):
        ex = extract_page(data, url=url, profile=profile)
        if not ex.is_article:
            profile.not_articles.append(url or f"page {len(profile.not_articles) + 1}")
            continue
        articles += 1
        found.append((doc, {"title": ex.title, "date": ex.date, "author": ex.author,
                            "category": ex.category, "tags": ex.tags}))
        el = body_element(doc, plain_text(ex.markdown))  # captions included, as the page shows them
        if el is not None:
            sel = selector_of(el)
            if sel and CSSSelector(sel)(doc) == [el]:
                selectors[sel] += 1
    keep = [s for s, n in selectors.most_common() if n >= 2 and n >= 0.2 * max(1, articles)]
    return SiteProfile(site=profile.site, pages_seen=len(pages), body_selectors=keep,
                       template_blocks=template, not_articles=profile.not_articles,
                       meta_selectors=learn_positions(found))


@lru_cache(maxsize=4)
def profile_from_json(text: str) -> SiteProfile:
    """``SiteProfile.to_json``'s text back as a profile, built once per process."""
    return SiteProfile.from_dict(json.loads(text))
