"""Bytes that are not an HTML page: said clearly instead of extracted as noise.

A gzip-compressed page (a saved ``.html.gz``, a capture stored still encoded) is unpacked;
images, PDFs, archives, other binary data and JSON documents (an API's answer saved
instead of its page) are refused with what they look like.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib

_MAX_UNPACKED = 64 * 1024 * 1024  # a page, not a bomb

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB file)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"WARC/", "a WARC file (give it to `newsark ingest`)"),
    (b"\x00\x00\x00", "binary data (an MP4/MOV video or similar)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an XZ archive"),
    (b"BZh", "a bzip2 archive"),
)


def html_bytes(data: bytes) -> bytes:
    """``data`` ready to decode as a page: unpacked when gzip, else unchanged. Raises
    ValueError naming what the bytes are when they are not a page."""
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
                data = f.read(_MAX_UNPACKED + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"not an HTML page: gzip data that does not unpack ({exc})") from exc
        if len(data) > _MAX_UNPACKED:
            raise ValueError("not an HTML page: gzip data unpacking to more than 64 MiB")
    head = data[:1024]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ValueError(f"not an HTML page: {what}")
    # Text, in any charset, has almost no control bytes besides tab, newlines and escape;
    # UTF-16 pages (NUL in every other byte) start with a BOM or '<'.
    if not head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
        if controls > max(8, len(head) // 20):
            raise ValueError("not an HTML page: binary data")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):  # no page opens so
        try:
            json.loads(data)
        except ValueError:  # (UnicodeDecodeError too) not JSON after all: read as a page
            pass
        else:
            raise ValueError("not an HTML page: JSON data")
    return data
