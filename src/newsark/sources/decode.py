"""Bytes to text: undo gzip/zlib (even when Content-Encoding is blank) and find the charset.

The charset comes from the HTTP header, then ``<meta charset>``, then detection; legacy
Chinese encodings are widened to their supersets (Big5 → Big5-HKSCS, GB2312/GBK → GB18030)
because pages declare the narrow one and use characters of the wide one.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

_META_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_WIDER = {
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "ascii": "utf-8",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
}


def decompress(raw: bytes, content_encoding: str = "") -> bytes:
    """Undo gzip/deflate: by header, or by sniffing the magic bytes (blank header)."""
    enc = content_encoding.strip().lower()
    data = raw
    for _ in range(3):  # double-compressed bodies occur
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
                continue
            except (OSError, EOFError, zlib.error):
                # truncated gzip: keep what decompresses
                try:
                    data = zlib.decompressobj(31).decompress(data)
                    continue
                except zlib.error:
                    return data
        if (enc == "deflate" or _looks_zlib(data)) and data:
            try:
                data = zlib.decompress(data)
                continue
            except zlib.error:
                try:
                    data = zlib.decompress(data, -15)
                    continue
                except zlib.error:
                    return data
        break
    return data


def _looks_zlib(data: bytes) -> bool:
    return len(data) > 2 and data[0] == 0x78 and (data[0] * 256 + data[1]) % 31 == 0


def normalise_charset(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WIDER.get(canonical, canonical)


def header_charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([^;\"'\s]+)", content_type or "", re.IGNORECASE)
    return m.group(1) if m else None


def to_text(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body. Returns (text, charset used, e.g. 'big5hkscs' or 'utf-8')."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    candidates = [header_charset(content_type)]
    m = _META_RE.search(data[:4096])
    candidates.append(m.group(1).decode("ascii", "replace") if m else None)
    for cand in candidates:
        cs = normalise_charset(cand)
        if cs is None:
            continue
        try:
            return data.decode(cs), cs
        except UnicodeDecodeError:
            continue  # the declared charset is wrong; try the next source
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    cs = normalise_charset(best.encoding if best else None) or "utf-8"
    return data.decode(cs, "replace"), cs
