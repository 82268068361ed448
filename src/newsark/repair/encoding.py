"""Article files that are not UTF-8: read when their encoding is certain.

A volunteer's dump saved by an old editor may be in Big5 (Hong Kong, Taiwan), GBK or
GB18030 (mainland China), or UTF-16 with a byte order mark. Such a file is read in its
encoding when that is certain, and written in UTF-8 like every archive file
(``legacy_encoding``; its original bytes are kept, as every file's are):

- a UTF-16 byte order mark;
- strictly valid Big5-HKSCS or GB18030 whose characters past ASCII are mostly Chinese and
  mostly that charset's frequently used ones (text read in the other encoding comes out as
  rare characters, or does not decode: the test the extractor uses on a page's parts,
  ``newsark.extract.mixed``).

A UTF-8 file with a few damaged bytes (a copy cut inside a character, a flipped bit: at
most one damaged sequence for each 50 characters past ASCII it holds intact) is read with
U+FFFD where they were (``damaged_utf8``), rather than rejected whole; the U+FFFD are then
flagged as mojibake for a person to check against the original. Anything else stays
rejected as invalid UTF-8.
"""

from __future__ import annotations

from newsark.repair.base import Change

# Damaged sequences per UTF-8 character past ASCII the file holds intact, at most (one in 50): a file of
# Latin-1 text ('caf\xe9') has none intact, and is no damaged UTF-8.
DAMAGED_SHARE = 0.02


def read_not_utf8(data: bytes) -> tuple[str, Change] | None:
    """The text of a file that is not valid UTF-8 and the change that reading it makes,
    when certain (see the module's docstring); else None."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                return None
            return text, Change("legacy_encoding", "file", codec, "utf-8")
    if b"\x00" in data[:8192]:
        return None  # binary, or UTF-16 without a mark: not certain
    from newsark.extract.mixed import legacy_reading  # (loads the extract package: rare path)

    legacy = legacy_reading(data)
    if legacy is not None:
        text, codec = legacy
        return text, Change("legacy_encoding", "file", codec, "utf-8")
    text = data.decode("utf-8", errors="replace")
    intact = data.decode("utf-8", errors="ignore")
    damaged = text.count("\ufffd") - intact.count("\ufffd")
    good = sum(1 for c in intact if ord(c) > 0x7F)  # characters past ASCII read as UTF-8
    if 0 < damaged <= DAMAGED_SHARE * good:
        return text, Change("damaged_utf8", "file", f"{damaged} byte sequences not UTF-8", "U+FFFD", damaged)
    return None
