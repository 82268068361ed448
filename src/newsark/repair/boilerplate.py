"""Find a site's boilerplate from the archive itself and move it out of the bodies.

No strings of any one site are known here. A body is cut into blocks (paragraphs between
blank lines). Each block gets a *key*: its text with the article's own author replaced by
``{author}``, capture timestamps, hosts and opaque ids normalised — so the subscription
appeal, and the author box header ``**Blog | {author}**``, get one key across thousands of
articles. A key is boilerplate when it recurs in a large share of one site's distinct stories
*and* under several authors (a long-running series by one author is not boilerplate).

Only the edges of a body are cut: the run of boilerplate blocks at its end (and at its start,
after the ``# title`` heading). A boilerplate block that names the author (``{author}``) is an
*author box anchor*: the few blocks after it are that author's bio, removed with it and kept
attached to the author in the catalog. The removed characters are recorded exactly, so
``kept + removed == original`` for every body.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

SHARE = 0.005          # a key in ≥ 0.5 % of a site's distinct stories …
MIN_STORIES = 5        # … and at least this many …
MIN_AUTHORS = 3        # … under at least this many authors (or templated on {author})
HEAD_BLOCKS = 3        # only the first few blocks after the title can be head boilerplate
TAIL_BLOCKS = 12       # and only the last few can be tail boilerplate
MAX_BIO_BLOCKS = 4     # non-boilerplate blocks allowed after an author-box anchor

_SPLIT_RE = re.compile(r"\r?\n[ \t\r]*\n")
_TS_RE = re.compile(r"(?:https?://web\.archive\.org)?/web/\d{1,14}[a-z_]*/")
_HOST_RE = re.compile(r"https?://(?:www\.)?")
# UUIDs and hex digests (with at least one letter: long digit runs are video or post ids,
# which tell embedded media apart and must not fold together).
_OPAQUE_RE = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|(?=[0-9]*[a-f])[0-9a-f]{16,}")
_QUERY_NUM_RE = re.compile(r"\?\d+")
_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w")
AUTHOR = "{author}"


@dataclass
class Block:
    start: int
    end: int
    text: str


def split_blocks(body: str) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    for m in _SPLIT_RE.finditer(body):
        _add_block(blocks, body, pos, m.start())
        pos = m.end()
    _add_block(blocks, body, pos, len(body))
    return blocks


def _add_block(blocks: list[Block], body: str, start: int, end: int) -> None:
    chunk = body[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        blocks.append(Block(start + lead, start + lead + len(stripped), stripped))


def block_key_text(text: str, author: str | None) -> str:
    if author and len(author.strip()) >= 2:
        text = text.replace(author.strip(), AUTHOR)
    text = _TS_RE.sub("/web/TS/", text)
    text = _HOST_RE.sub("//", text)
    text = _OPAQUE_RE.sub("{id}", text)
    text = _QUERY_NUM_RE.sub("", text)
    return _WS_RE.sub(" ", text).strip()


def key_hash(key_text: str) -> int:
    return int.from_bytes(hashlib.blake2b(key_text.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def is_structural(text: str) -> bool:
    """Separators and empty markup (``---``, ``****``) carry no words."""
    return _WORD_RE.search(text) is None


def is_label(text: str) -> bool:
    """Markup that labels a box rather than saying something: an image, a bold line, a heading."""
    t = text.strip()
    return t.startswith(("![", "<img", "#")) or (t.startswith("**") and t.endswith("**") and "\n" not in t)


def edge_indices(blocks: list[Block]) -> Iterable[int]:
    n = len(blocks)
    first = 1 if blocks and blocks[0].text.startswith("# ") else 0
    head = range(first, min(n, first + HEAD_BLOCKS))
    tail = range(max(first, n - TAIL_BLOCKS), n)
    return sorted(set(head) | set(tail))


def edge_features(body: str, author: str | None) -> list[tuple[int, bool]]:
    """Distinct keys of a body's edge blocks, each with whether it names the author.

    Pure and cheap to ship between processes: the importer computes it in workers.
    """
    blocks = split_blocks(body)
    seen: set[int] = set()
    out: list[tuple[int, bool]] = []
    for i in edge_indices(blocks):
        text = block_key_text(blocks[i].text, author)
        k = key_hash(text)
        if k not in seen:
            seen.add(k)
            out.append((k, AUTHOR in text))
    return out


def author_hash(author: str | None) -> int:
    return key_hash(author or "") & 0xFFFFF


@dataclass
class SiteStats:
    stories: int = 0
    df: Counter[int] = field(default_factory=Counter)
    # (key << 20 | author hash): distinct (block key, author) pairs, to count authors per key
    pairs: set[int] = field(default_factory=set)
    templated: set[int] = field(default_factory=set)   # keys whose text contains {author}


class Learner:
    """Counts edge blocks per site over distinct stories (one copy per title+date)."""

    def __init__(self) -> None:
        self.sites: dict[str, SiteStats] = {}
        self._seen_stories: set[tuple[str, str, str]] = set()

    def add(self, site: str, title: str | None, date: str | None, author: str | None, body: str) -> None:
        self.count(site, title, date, author, edge_features(body, author))

    def count(self, site: str, title: str | None, date: str | None, author: str | None,
              features: list[tuple[int, bool]]) -> None:
        """Count one article's edge blocks (from ``edge_features``) unless its story was seen."""
        story = (site, title or "", date or "")
        if title and story in self._seen_stories:
            return
        self._seen_stories.add(story)
        stats = self.sites.setdefault(site, SiteStats())
        stats.stories += 1
        ah = author_hash(author)
        for k, templated in features:
            stats.df[k] += 1
            stats.pairs.add((k << 20) | ah)
            if templated:
                stats.templated.add(k)

    def model(self) -> BoilerplateModel:
        model = BoilerplateModel()
        for site, stats in self.sites.items():
            threshold = max(MIN_STORIES, SHARE * stats.stories)
            frequent = {k for k, c in stats.df.items() if c >= threshold}
            authors: Counter[int] = Counter()
            for pair in stats.pairs:
                k = pair >> 20
                if k in frequent:
                    authors[k] += 1
            keys = {k for k in frequent if k in stats.templated or authors[k] >= MIN_AUTHORS}
            model.sites[site] = SiteModel(
                stories=stats.stories,
                keys=keys,
                anchors=keys & stats.templated,
                df={k: stats.df[k] for k in keys},
            )
        return model


@dataclass
class SiteModel:
    stories: int
    keys: set[int]
    anchors: set[int]
    df: dict[int, int]


@dataclass
class Removal:
    start: int
    end: int
    kind: str           # 'site' | 'author'
    text: str
    block_key: str


@dataclass
class BoilerplateModel:
    sites: dict[str, SiteModel] = field(default_factory=dict)

    def strip(self, site: str | None, author: str | None, body: str) -> tuple[str, list[Removal], str | None]:
        """Return (new body, removals in body order, author bio text or None)."""
        sm = self.sites.get(site or "")
        if sm is None or not sm.keys:
            return body, [], None
        blocks = split_blocks(body)
        n = len(blocks)
        if n == 0:
            return body, [], None
        # Only the edges can be cut: keys of the middle blocks are never looked at.
        keys = [0] * n
        for i in edge_indices(blocks):
            keys[i] = key_hash(block_key_text(blocks[i].text, author))
        bp = [k != 0 and k in sm.keys for k in keys]
        first = 1 if blocks[0].text.startswith("# ") else 0
        removals: list[Removal] = []
        bio: str | None = None

        # -- tail ------------------------------------------------------------------
        start = n
        anchor = None
        for i in range(max(first, n - TAIL_BLOCKS), n):
            if keys[i] in sm.anchors:
                others = sum(1 for j in range(i + 1, n) if not bp[j])
                if others <= MAX_BIO_BLOCKS:
                    anchor = i
                    break
        if anchor is not None:
            # Blocks right before the anchor that name the author (an avatar with the name
            # as alt text, say) belong to the same box even when rarer than the threshold.
            while anchor - 1 > first and AUTHOR in block_key_text(blocks[anchor - 1].text, author):
                anchor -= 1
            start = anchor
        j = start - 1
        while j >= first and j >= n - TAIL_BLOCKS and (bp[j] or is_structural(blocks[j].text)):
            j -= 1
        start = j + 1
        zone = range(start, n)
        if start > first and any(bp[i] and not is_structural(blocks[i].text) for i in zone):
            cut = blocks[start - 1].end + 1  # keep one newline after the last kept block
            author_at = blocks[anchor].start if anchor is not None else len(body)
            if cut < author_at:
                removals.append(Removal(cut, author_at, "site", body[cut:author_at], _zone_key(blocks, keys, start, anchor if anchor is not None else n)))
            if anchor is not None:
                a_from = max(cut, author_at)
                removals.append(Removal(a_from, len(body), "author", body[a_from:], _zone_key(blocks, keys, anchor, n)))
                # The bio is what follows the box's last label (avatar, bold name line).
                last_label = max(i for i in range(anchor, n) if i == anchor or is_label(blocks[i].text))
                bio_blocks = [blocks[i].text for i in range(last_label + 1, n) if not is_structural(blocks[i].text)]
                bio = "\n\n".join(bio_blocks) or None
            n_kept = start
        else:
            n_kept = n

        # -- head ------------------------------------------------------------------
        k = first
        while k < min(n_kept, first + HEAD_BLOCKS) and bp[k]:
            k += 1
        if k > first and k < n_kept and any(not is_structural(blocks[i].text) for i in range(first, k)):
            removals.insert(0, Removal(blocks[first].start, blocks[k].start, "site",
                                       body[blocks[first].start:blocks[k].start],
                                       _zone_key(blocks, keys, first, k)))
        if not removals:
            return body, [], None
        pieces = []
        pos = 0
        for r in removals:
            pieces.append(body[pos:r.start])
            pos = r.end
        pieces.append(body[pos:])
        return "".join(pieces), removals, bio


def _zone_key(blocks: list[Block], keys: list[int], start: int, end: int) -> str:
    return ",".join(f"{keys[i]:x}" for i in range(start, end))
