"""The Internet Archive's CDX dialect over pywb's CDXJ index.

IA names the fields ``urlkey,timestamp,original,mimetype,statuscode,digest,length``; pywb
calls them ``url``, ``mime``, ``status``. Matching is by SURT-like key, so http/https and
``www.`` variants of one URL match together, while ``original`` keeps the captured bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, unquote_to_bytes, urlsplit

FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
_PYWB_NAMES = {"original": "url", "mimetype": "mime", "statuscode": "status"}


class CdxError(ValueError):
    """A bad CDX query: answered with HTTP 400 and a plain-text message, as IA does."""


def url_key(url: str) -> str:
    """SURT-like key: scheme and ``www.`` dropped, host reversed, lowercased, query sorted."""
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    host = re.sub(r"^www\d*\.", "", host)
    if parts.port not in (None, 80, 443):
        host = f"{host}:{parts.port}"
    path = quote(unquote_to_bytes(parts.path or "/"), safe="/%:@!$&'()*+,;=-._~")
    query = "&".join(sorted(p for p in parts.query.split("&") if p)) if parts.query else ""
    key = ",".join(reversed(host.split("."))) + ")" + path + (f"?{query}" if query else "")
    return key.lower()


@dataclass(frozen=True)
class CdxRow:
    urlkey: str
    timestamp: str
    original: str
    mimetype: str
    statuscode: str
    digest: str
    length: str

    def get(self, name: str) -> str:
        if name not in FIELDS:
            raise CdxError(f"unknown field {name!r}")
        return str(getattr(self, name))


def load_cdxj(path: Path) -> list[CdxRow]:
    """Rows of a pywb CDXJ index (``urlkey timestamp {json}`` per line), IA field names."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        _pywb_key, ts, blob = line.split(" ", 2)
        data = json.loads(blob)
        original = data["url"]
        rows.append(CdxRow(
            urlkey=url_key(original), timestamp=ts, original=original,
            mimetype=data.get("mime", "unk"), statuscode=data.get("status", "-"),
            digest=data.get("digest", "-"), length=data.get("length", "-"),
        ))
    rows.sort(key=lambda r: (r.urlkey, r.timestamp, r.original))
    return rows


def _pad(ts: str, fill: str) -> str:
    if not re.fullmatch(r"\d{1,14}", ts):
        raise CdxError(f"bad timestamp {ts!r}")
    return ts.ljust(14, fill)


@dataclass(frozen=True)
class Filter:
    field: str
    regex: re.Pattern[str]
    negate: bool

    @classmethod
    def parse(cls, spec: str) -> Filter:
        negate = spec.startswith("!")
        name, sep, pattern = spec.lstrip("!").partition(":")
        if not sep or name not in FIELDS:
            raise CdxError(f"bad filter {spec!r}")
        try:
            return cls(name, re.compile(pattern), negate)
        except re.error as exc:
            raise CdxError(f"bad filter regex {pattern!r}: {exc}") from exc

    def keeps(self, row: CdxRow) -> bool:
        # IA (Java) filters must match the WHOLE field.
        return (self.regex.fullmatch(row.get(self.field)) is not None) != self.negate


@dataclass
class CdxQuery:
    url: str
    match_type: str = "exact"
    fields: tuple[str, ...] = FIELDS
    filters: tuple[Filter, ...] = ()
    collapse: tuple[str, int | None] | None = None
    start: str = "00000000000000"
    end: str = "99999999999999"
    limit: int | None = None
    show_resume_key: bool = False
    resume_key: str | None = None
    output_json: bool = False

    @classmethod
    def parse(cls, params: Mapping[str, Sequence[str]]) -> CdxQuery:
        def one(name: str) -> str | None:
            values = params.get(name)
            return values[-1] if values else None

        url = one("url")
        if not url:
            raise CdxError("url parameter is required")
        match_type = one("matchType") or "exact"
        if url.endswith("*"):
            url, match_type = url[:-1], "prefix"
        if url.startswith("*."):
            url, match_type = url[2:], "domain"
        if match_type not in ("exact", "prefix", "host", "domain"):
            raise CdxError(f"bad matchType {match_type!r}")
        fields: tuple[str, ...] = FIELDS
        if one("fl"):
            fields = tuple(f for f in (one("fl") or "").split(",") if f)
            unknown = [f for f in fields if f not in FIELDS]
            if unknown:
                raise CdxError(f"unknown fl fields {unknown}")
        collapse = None
        if one("collapse"):
            name, _, n = (one("collapse") or "").partition(":")
            if name not in FIELDS or (n and not n.isdigit()):
                raise CdxError(f"bad collapse {one('collapse')!r}")
            collapse = (name, int(n) if n else None)
        limit = one("limit")
        if limit is not None and not re.fullmatch(r"\d+", limit):
            raise CdxError(f"bad limit {limit!r} (this layer takes positive limits only)")
        return cls(
            url=url, match_type=match_type, fields=fields,
            filters=tuple(Filter.parse(f) for f in params.get("filter", [])),
            collapse=collapse,
            start=_pad(one("from") or "0", "0"), end=_pad(one("to") or "9", "9"),
            limit=int(limit) if limit is not None else None,
            show_resume_key=(one("showResumeKey") or "").lower() == "true",
            resume_key=one("resumeKey"),
            output_json=one("output") == "json",
        )

    def matches_url(self, row: CdxRow, key: str) -> bool:
        if self.match_type == "exact":
            return row.urlkey == key
        if self.match_type == "prefix":
            return row.urlkey.startswith(key)
        host = key.split(")", 1)[0]
        row_host = row.urlkey.split(")", 1)[0]
        if self.match_type == "host":
            return row_host == host
        return row_host == host or row_host.startswith(host + ",")


def encode_resume_key(row: CdxRow, ordinal: int) -> str:
    # Opaque to clients, like IA's; carries the position after which to continue.
    return quote(f"{row.urlkey} {row.timestamp} {ordinal}", safe="")


def decode_resume_key(key: str) -> tuple[str, str, int]:
    try:
        urlkey, ts, ordinal = unquote(key).rsplit(" ", 2)
        return urlkey, ts, int(ordinal)
    except ValueError as exc:
        raise CdxError(f"bad resumeKey {key!r}") from exc


def run_query(rows: Sequence[CdxRow], query: CdxQuery) -> tuple[list[CdxRow], str | None]:
    """Rows answering ``query`` (one page) and the resume key when more rows remain."""
    key = url_key(query.url)
    picked = [
        r for r in rows
        if query.matches_url(r, key) and query.start <= r.timestamp <= query.end
        and all(f.keeps(r) for f in query.filters)
    ]
    if query.collapse is not None:
        name, n = query.collapse
        out: list[CdxRow] = []
        for r in picked:  # adjacent duplicates only, as IA does
            if out and out[-1].get(name)[:n] == r.get(name)[:n]:
                continue
            out.append(r)
        picked = out
    start = 0
    if query.resume_key:
        _k, _t, ordinal = decode_resume_key(query.resume_key)
        start = ordinal
    page = picked[start:] if query.limit is None else picked[start:start + query.limit]
    end = start + len(page)
    more = end < len(picked)
    resume = encode_resume_key(page[-1], end) if (more and page and query.show_resume_key) else None
    return page, resume


def render(page: Sequence[CdxRow], query: CdxQuery, resume: str | None) -> str:
    """The IA body: JSON array of arrays with a header row (or ``[]``), or space-separated text."""
    if query.output_json:
        if not page and resume is None:
            return "[]\n"
        lines = [json.dumps(list(query.fields))]
        lines += [json.dumps([r.get(f) for f in query.fields]) for r in page]
        if resume is not None:
            lines += ["[]", json.dumps([resume])]
        return "[" + ",\n".join(lines) + "]\n"
    text = "".join(" ".join(r.get(f) for f in query.fields) + "\n" for r in page)
    if resume is not None:
        text += "\n" + resume + "\n"
    return text
