"""The published site's search: Pagefind, fed the same tokens as newsark's own index.

Pagefind as shipped segments Chinese into dictionary words, at index time and, differently,
in the browser: on the real corpus its MRR@10 was 0.149 (``../shared/reference/search.md``:
群組 finds 0 of 1,572 articles), and it needed 11 GB of memory for the 29,323 stories.
So Pagefind is given, for each story, a small page of the tokens newsark's search index
uses: the text folded to one script (Traditional, Hong Kong and Simplified alike, see
``static_fold``) and cut into overlapping CJK bigrams (``search.tokens``), each spelled as
a word Pagefind keeps whole (``encode_tokens``), with the title, date, lead, category,
author and tags as Pagefind metadata and filters. The search page (``search.js``) folds
and cuts the query the same way, with the fold table written beside it (``fold.json``),
and shows each result's title, date and lead from that metadata.

The stories are indexed in parts of ``PART_SIZE``, each by its own Pagefind process
(memory grows with the part), and the search page merges the parts. Each part's index is
kept in ``OUT/.search-index/`` with a digest of what its pages were made from: a later
publish writes pages and runs Pagefind only for the parts whose stories changed (stories
are in id order, so a story added at the end changes the last part; one with a lower id,
the parts from its own on) and links the others into the site as they were.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsark.files import atomic_output
from newsark.publish.tools import ToolMissing, run
from newsark.search.fold import fold_table, tables
from newsark.search.tokens import CJK_CHAR, token_text
from newsark.unseen import visible

PART_SIZE = 5000
LEAD_CHARS = 160


def pagefind_binary() -> str:
    from pagefind.service import get_executable  # prefers the extended build

    found = get_executable()
    if found is None:
        raise ToolMissing("pagefind is not installed (pip install 'pagefind[extended]')")
    return str(found)


def bundle_names(stories: int, part_size: int = PART_SIZE) -> list[str]:
    """The bundles' folders, relative to the site root."""
    parts = max(1, -(-stories // part_size))
    return [f"pagefind/part-{k}/" for k in range(parts)]


@lru_cache(maxsize=1)
def static_fold() -> dict[int, str]:
    """The fold of the static index: newsark's fold, and every Traditional or Hong Kong
    character to its Simplified form, ambiguous ones included (臺 and 台, 後 and 后 become
    one). The archive's engine keeps those apart and expands a Simplified query into each
    spelling instead; Pagefind has no OR, so here a Simplified query finds every spelling
    and a Traditional one finds the others' too."""
    table = dict(fold_table())
    table.update({ord(k): v for k, v in tables().to_simplified.items()})
    return table


def fold_static(text: str) -> str:
    return text.translate(static_fold())


def write_fold_table(path: Path) -> None:
    """The static index's per-character fold, for the query side in the browser."""
    table = {chr(code): to for code, to in sorted(static_fold().items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), "utf-8")


_CJK_TOKEN_RE = re.compile(f"{CJK_CHAR}+")


class _Digits(dict[int, str]):
    """A str.translate table filled as it is used: a character to its code point in six digits."""

    def __missing__(self, code: int) -> str:
        self[code] = digits = f"{code:06d}"
        return digits


_DIGITS = _Digits()


def _code(m: re.Match[str]) -> str:
    return "k" + m.group(0).translate(_DIGITS)


def encode_tokens(tokens: str) -> str:
    """CJK tokens spelled as words Pagefind keeps whole: Pagefind cuts CJK text into single
    characters in every language but Chinese (where it uses its own dictionary), which
    would undo the bigrams. 跑道 becomes k036305036947: 'k' and each code point in six
    digits (digits: no stemmer touches them), so a character alone is still a prefix of
    every bigram it starts. search.js spells the query's tokens the same way."""
    return _CJK_TOKEN_RE.sub(_code, tokens)


def _attr(name: str, key: str, value: str) -> str:
    return f'<span {name}="{key}:{html.escape(value, quote=True)}"></span>'


def search_page(record: dict[str, Any]) -> str:
    """The page Pagefind indexes for one story (never served: only its index is)."""
    # (characters no reader sees split words: '非\u200d法集結' is found as 非法集結)
    title = visible(record["title"] or f"#{record['id']}")
    text = visible(record["text"])
    lead = record["lead"] or " ".join(text.split())[:LEAD_CHARS]
    parts = [_attr("data-pagefind-meta", "title", title), _attr("data-pagefind-meta", "lead", lead)]
    if record["date"]:
        parts.append(_attr("data-pagefind-meta", "date", record["date"]))
        parts.append(_attr("data-pagefind-sort", "date", record["date"][:10]))
        parts.append(_attr("data-pagefind-filter", "year", record["date"][:4]))
    for key, values in (("category", [record["category"]]), ("author", [record["author"]]),
                        ("tag", record["tags"])):
        parts += [_attr("data-pagefind-filter", key, v) for v in values if v]
    # lang="en": the tokens are already words, separated by spaces.
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
        '<main data-pagefind-body>' + "".join(parts)
        + f'<p data-pagefind-weight="5">{html.escape(encode_tokens(token_text(fold_static(title))))}</p>'
        + f"<p>{html.escape(encode_tokens(token_text(fold_static(text))))}</p></main></body></html>\n"
    )


# What a search page is made of: the record's fields that search_page reads.
PAGE_FIELDS = ("id", "title", "text", "lead", "date", "category", "author", "tags")


@lru_cache(maxsize=1)
def _page_salt() -> bytes:
    """What else a part's index depends on than its stories' fields: the code that makes
    the pages (this module and the tokenizer), the fold table (OpenCC's data) and the
    Pagefind that indexes them. Any change there builds every part again."""
    from importlib.metadata import PackageNotFoundError, version

    from newsark.search import tokens

    h = hashlib.sha256()
    try:
        h.update(("pagefind " + version("pagefind")).encode())
    except PackageNotFoundError:
        h.update(b"pagefind ?")
    for module_file in (__file__, tokens.__file__):
        h.update(Path(module_file).read_bytes())
    h.update(json.dumps(sorted(static_fold().items())).encode())
    return h.digest()


class SearchPages:
    """The stories' search pages, part by part, while the content is written. A part whose
    stories (their PAGE_FIELDS) are those its kept index was built from is not written
    again: ``index`` links its kept index into the site, and runs Pagefind on the others."""

    def __init__(self, work: Path, part_size: int = PART_SIZE, store: Path | None = None) -> None:
        self.work, self.part_size, self.count = work, part_size, 0
        self.store = store if store is not None else work.parent / ".search-index"
        self._state_file = self.store / "parts.json"
        try:
            self._state: dict[str, str] = json.loads(self._state_file.read_text("utf-8"))
        except (OSError, ValueError):
            self._state = {}
        self._part: list[dict[str, Any]] = []  # the current part's stories, until it is full
        self._digests: list[str] = []  # one per finished part
        self.indexed = self.reused = 0
        if work.exists():
            shutil.rmtree(work)

    def _kept(self, k: int) -> bool:
        name = f"part-{k}"
        return (k < len(self._digests) and self._state.get(name) == self._digests[k]
                and (self.store / name / "pagefind-entry.json").is_file())

    def add(self, record: dict[str, Any]) -> None:
        self._part.append({key: record[key] for key in PAGE_FIELDS})
        self.count += 1
        if len(self._part) == self.part_size:
            self._finish_part()

    def _finish_part(self) -> None:
        k = len(self._digests)
        h = hashlib.sha256(_page_salt())
        for fields in self._part:
            h.update(json.dumps(fields, ensure_ascii=False, sort_keys=True).encode())
        self._digests.append(h.hexdigest())
        if not self._kept(k):
            for fields in self._part:
                page = self.work / f"part-{k}" / "article" / str(fields["id"]) / "index.html"
                page.parent.mkdir(parents=True)
                page.write_text(search_page(fields), "utf-8")
        self._part = []

    def tee(self, records: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        for record in records:
            self.add(record)
            yield record
        if self._part or not self._digests:
            self._finish_part()

    def index(self, public: Path, bundles: Sequence[str], timeout: float = 3600) -> None:
        """Index each part whose stories changed (Pagefind, into the store), then link every
        part's index into the built site's bundles; the pages go."""
        state = self._state
        try:
            for k, bundle in enumerate(bundles):
                name = f"part-{k}"
                built = self.store / name
                if self._kept(k):
                    self.reused += 1
                else:
                    state.pop(name, None)  # not valid until Pagefind has finished it
                    shutil.rmtree(built, ignore_errors=True)
                    part = self.work / name
                    part.mkdir(parents=True, exist_ok=True)
                    run([pagefind_binary(), "--site", str(part), "--output-path", str(built.resolve())],
                        "pagefind", timeout)
                    state[name] = self._digests[k]
                    self.indexed += 1
                    _write_json(self._state_file, state)  # a run killed later keeps this part
                _link_tree(built, public / bundle)
            current = {f"part-{k}" for k in range(len(bundles))}
            for stale in sorted(self.store.glob("part-*")):  # parts past the last one
                if stale.name not in current:
                    shutil.rmtree(stale, ignore_errors=True)
            for name in set(state) - current:
                del state[name]
            _write_json(self._state_file, state)
        finally:
            shutil.rmtree(self.work, ignore_errors=True)


def _write_json(path: Path, value: Any) -> None:
    with atomic_output(path) as fh:
        fh.write(json.dumps(value, indent=1, sort_keys=True).encode())


def _link_tree(src: Path, dst: Path) -> None:
    """A copy of a folder whose files are hard links where the file system allows them
    (the store and the site are rebuilt, never edited in place: Pagefind gets an empty
    folder, Hugo cleans the site before it writes it)."""
    def link(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)

    if dst.exists():
        shutil.rmtree(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src, dst, copy_function=link)
