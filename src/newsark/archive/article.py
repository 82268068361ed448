"""The article file format: YAML front matter + Markdown body, Hugo-compatible.

The format is the one of the hkcnews archive in shared/corpora::

    ---
    title: "..."
    date: "2019-04-20"
    last_updated: "..."        (optional)
    author: "..."
    category: "..."
    tags:
      - "..."
    url: "https://web.archive.org/web/<ts>/<original>"
    original_url: "<original>"
    ---

    # title
    body...

Strings are always double-quoted and lists are block lists of quoted strings, so a
well-formed file parses and re-serialises byte for byte. Keys newsark adds (ids, aliases,
provenance) come after the standard keys and survive a round trip. The body is kept as the
exact text after the closing ``---`` line, so headings, ``<figure>`` HTML and Hugo
shortcodes are untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

STANDARD_KEYS = (
    "title",
    "date",
    "last_updated",
    "author",
    "category",
    "tags",
    "url",
    "original_url",
)

_DELIM_RE = re.compile(r"\A---(\r?\n)")


class FormatError(ValueError):
    """A file that is not an article in the archive format. ``kind`` names the defect."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind

    def __reduce__(self) -> tuple[type[FormatError], tuple[str, str]]:
        # picklable with its two arguments (import workers send it between processes)
        return (FormatError, (self.kind, str(self)))


@dataclass
class Article:
    """One article file: ordered front matter and the raw Markdown body."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    newline: str = "\n"

    # -- convenient typed views of the standard keys -------------------------------
    @property
    def title(self) -> str | None:
        return _str_or_none(self.meta.get("title"))

    @property
    def date(self) -> str | None:
        return _str_or_none(self.meta.get("date"))

    @property
    def last_updated(self) -> str | None:
        return _str_or_none(self.meta.get("last_updated"))

    @property
    def author(self) -> str | None:
        return _str_or_none(self.meta.get("author"))

    @property
    def category(self) -> str | None:
        return _str_or_none(self.meta.get("category"))

    @property
    def tags(self) -> list[str]:
        tags = self.meta.get("tags")
        if isinstance(tags, list):
            return [str(t) for t in tags if t is not None]
        if isinstance(tags, str) and tags:
            return [tags]
        return []

    @property
    def url(self) -> str | None:
        return _str_or_none(self.meta.get("url"))

    @property
    def original_url(self) -> str | None:
        return _str_or_none(self.meta.get("original_url"))

    def text(self) -> str:
        """The body without the repeated ``# title`` heading (Markdown as written)."""
        return strip_title_heading(self.body, self.title)

    # -- serialisation -------------------------------------------------------------
    def dumps(self) -> str:
        return dumps(self)

    def to_bytes(self) -> bytes:
        return dumps(self).encode("utf-8")


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


def split_front_matter(text: str) -> tuple[str, str, str]:
    """Split ``text`` into (front matter source, body, newline). Raises FormatError."""
    text = text.removeprefix("\ufeff")
    m = _DELIM_RE.match(text)
    if not m:
        raise FormatError("no_front_matter", "file does not start with a '---' line")
    nl = m.group(1)
    start = m.end()
    # The closing delimiter: a line that is exactly '---'.
    close = re.compile(r"^---[ \t]*(\r?\n|\Z)", re.MULTILINE)
    cm = close.search(text, start)
    if not cm:
        raise FormatError("unterminated_front_matter", "front matter has no closing '---' line")
    return text[start : cm.start()], text[cm.end() :], nl


# The corpus's regular shape: `key: "value"` lines and `  - "item"` list lines, with no
# escapes and only characters YAML accepts. Such front matter is read without the YAML
# parser (10x faster, same result); anything else goes through PyYAML.
_FAST_KEY_RE = re.compile(r'([A-Za-z_][\w-]*):(?: "([^"\\]*)")?')
_FAST_ITEM_RE = re.compile(r'  - "([^"\\]*)"')
_NOT_YAML_PRINTABLE_RE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _fast_front_matter(source: str) -> dict[str, Any] | None:
    if _NOT_YAML_PRINTABLE_RE.search(source):
        return None
    meta: dict[str, Any] = {}
    current: list[str] | None = None
    for line in source.split("\n"):
        m = _FAST_KEY_RE.fullmatch(line)
        if m:
            key = m.group(1)
            if key in meta:
                return None
            if m.group(2) is None:
                current = []
                meta[key] = current
            else:
                current = None
                meta[key] = m.group(2)
            continue
        item = _FAST_ITEM_RE.fullmatch(line)
        if item and current is not None:
            current.append(item.group(1))
            continue
        if line == "":
            continue
        return None
    for key, value in meta.items():
        if value == []:
            return None  # `key:` alone is null in YAML; let PyYAML decide
    return meta


def parse_front_matter(source: str) -> dict[str, Any]:
    """Parse front matter YAML into an ordered dict. Raises FormatError('invalid_yaml')."""
    if not source.strip():
        return {}
    fast = _fast_front_matter(source)
    if fast is not None:
        return fast
    try:
        data = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise FormatError("invalid_yaml", f"front matter is not valid YAML: {_short(exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FormatError("invalid_yaml", "front matter is not a mapping of keys to values")
    return {str(k): _plain(v) for k, v in data.items()}


def _plain(value: Any) -> Any:
    # YAML may give dates/datetimes for unquoted values; keep them as written text.
    import datetime as _dt

    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def loads(text: str) -> Article:
    """Parse the text of an article file. Raises FormatError on any defect."""
    fm, body, nl = split_front_matter(text)
    if nl == "\r\n":
        fm = fm.replace("\r\n", "\n")
    return Article(meta=parse_front_matter(fm), body=body, newline=nl)


def decode_bytes(data: bytes) -> str:
    """Bytes of an article file → text. Raises FormatError for what is not text at all."""
    if not data.strip():
        raise FormatError("empty_file", "file is empty")
    if b"\x00" in data[:8192]:
        raise FormatError("binary", "file looks binary (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(
            "invalid_utf8", f"file is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start+4]!r})"
        ) from exc


def load_bytes(data: bytes) -> Article:
    """Parse raw file bytes (UTF-8). Raises FormatError for binary or undecodable input."""
    return loads(decode_bytes(data))


# ---------------------------------------------------------------------------------
# Writing

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE_RE = re.compile('[\\\\"\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufffe\uffff]')


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    esc = _ESCAPES.get(ch)
    if esc is not None:
        return esc
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quote(value: str) -> str:
    """Double-quote a string the way the corpus does (YAML double-quoted style)."""
    return '"' + _NEEDS_ESCAPE_RE.sub(_escape, value) + '"'


def _dump_value(key: str, value: Any) -> str:
    if isinstance(value, str):
        return f"{key}: {quote(value)}\n"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        if not value:
            return f"{key}: []\n"
        return f"{key}:\n" + "".join(f"  - {quote(v)}\n" for v in value)
    if value is None:
        return f"{key}: null\n"
    # ids, numbers, booleans, nested provenance: plain YAML block style.
    return yaml.safe_dump(
        {key: value}, allow_unicode=True, default_flow_style=False, sort_keys=False, width=10_000
    )


def dumps(article: Article) -> str:
    """Serialise an article: standard keys first in corpus order, then the others."""
    lines = ["---\n"]
    meta = article.meta
    for key in STANDARD_KEYS:
        if key in meta:
            lines.append(_dump_value(key, meta[key]))
    for key, value in meta.items():
        if key not in STANDARD_KEYS:
            lines.append(_dump_value(key, value))
    lines.append("---\n")
    head = "".join(lines)
    if article.newline != "\n":
        head = head.replace("\n", article.newline)
    return head + article.body


def strip_title_heading(body: str, title: str | None) -> str:
    """Drop the leading ``# title`` line the corpus repeats at the top of each body."""
    stripped = body.lstrip("\r\n")
    if stripped.startswith("# "):
        first, _, rest = stripped.partition("\n")
        if title is None or " ".join(first[2:].split()) == " ".join(title.split()):
            return rest.lstrip("\r\n")
    return stripped


def make_article(
    *,
    title: str,
    body_markdown: str,
    date: str | None = None,
    last_updated: str | None = None,
    author: str | None = None,
    category: str | None = None,
    tags: list[str] | None = None,
    url: str | None = None,
    original_url: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Article:
    """Build an article in the corpus shape (``# title`` heading, blank line, body)."""
    meta: dict[str, Any] = {"title": title}
    for key, value in (
        ("date", date),
        ("last_updated", last_updated),
        ("author", author),
        ("category", category),
    ):
        if value:
            meta[key] = value
    if tags:
        meta["tags"] = list(tags)
    if url:
        meta["url"] = url
    if original_url:
        meta["original_url"] = original_url
    if extra:
        meta.update(extra)
    body = f"\n# {title}\n\n{body_markdown.strip()}\n"
    return Article(meta=meta, body=body)
