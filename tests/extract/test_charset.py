from __future__ import annotations

import codecs
import random
import re

import pytest

from newsark.extract import decode_html
from newsark.extract.charset import (
    _BAD_CHAR_RE,
    _MOJIBAKE_RE,
    count_suspicious,
    declared_charset,
    normalise_charset,
)
from newsark.repair.mojibake import repair_text

PAGE = "<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"


def test_gb2312_label_reads_as_gb18030() -> None:
    # 镕 is in GBK but not GB2312: decoding as the declared gb2312 would lose it.
    text = "朱镕基今日访问"
    data = PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', text=text).encode("gbk")
    out, charset, bad = decode_html(data)
    assert charset == "gb18030"
    assert text in out and bad == 0


def test_big5_label_reads_as_big5hkscs() -> None:
    text = "佢哋嚟咗啲嘢，係咪好嘅？"
    data = PAGE.format(meta='<meta charset="big5">', text=text).encode("big5hkscs")
    out, charset, bad = decode_html(data)
    assert charset == "big5hkscs"
    assert text in out and bad == 0


def test_http_header_wins_over_wrong_meta() -> None:
    text = "香港新聞網報導"
    data = PAGE.format(meta='<meta charset="iso-8859-1">', text=text).encode("big5hkscs")
    out, charset, _ = decode_html(data, http_content_type="text/html; charset=big5")
    assert charset == "big5hkscs" and text in out


def test_bom_wins() -> None:
    data = codecs.BOM_UTF8 + PAGE.format(meta='<meta charset="gbk">', text="測試").encode("utf-8")
    out, charset, _ = decode_html(data)
    assert charset == "utf-8" and "測試" in out and not out.startswith("\ufeff")


def test_wrong_utf8_declaration_falls_back_to_a_decoding_without_errors() -> None:
    text = "这是一个用来测试编码检测的简体中文段落，内容足够长以便检测器作出判断。" * 3
    data = PAGE.format(meta='<meta charset="utf-8">', text=text).encode("gb18030")
    out, charset, bad = decode_html(data)
    assert charset == "gb18030"
    assert text in out and bad == 0


def test_undeclared_utf8_is_validated() -> None:
    out, charset, bad = decode_html(PAGE.format(meta="", text="café 啲").encode("utf-8"))
    assert charset == "utf-8" and "café 啲" in out and bad == 0


def test_suspicious_counts_replacement_and_mojibake() -> None:
    assert count_suspicious("plain text 中文") == 0
    assert count_suspicious("a\ufffdb") == 1
    assert count_suspicious("itâ€™s") == 1
    assert count_suspicious("cafÃ©") == 1


def test_declared_and_normalised() -> None:
    assert declared_charset(b'<meta content="text/html; charset=GBK" http-equiv="Content-Type">') == "gb18030"
    assert declared_charset(b'<?xml version="1.0" encoding="big5"?><html>') == "big5hkscs"
    assert normalise_charset("no-such-charset") is None


def test_not_bytes_is_a_clear_error() -> None:
    with pytest.raises(TypeError):
        decode_html("text")  # type: ignore[arg-type]


def test_damaged_gbk_is_repaired_where_certain_and_counted() -> None:
    # a truncated double-byte character (lead byte then ASCII) and GBK's 0xA3A0 space
    body = "人们开始".encode("gbk") + b"\xb0 &quot;" + b"\xa3\xa0" + "形式".encode("gbk")
    data = b'<html><head><meta charset="gbk"></head><body><p>' + body + b"</p></body></html>"
    out, charset, bad = decode_html(data)
    assert charset == "gb18030"
    assert "\ufffd" not in out and "\ue5e5" not in out
    assert "人们开始 &quot;\u3000形式" in out
    assert bad >= 1  # the damage is still recorded


_GB_PARAS = [
    "市议会今日讨论新的公园计划，多名议员发言支持扩建绿化空间，并要求政府尽快公布时间表。",
    "居民代表表示，区内长者及儿童一直缺乏休憩地方，希望新公园能设置无障碍设施及遮荫座椅。",
    "有环保团体指出，计划应保留现有树木，并在设计阶段加入公众咨询，避免重复过去的错误。",
    "政府发言人回应时说，当局会在下月提交详细方案，并会考虑各方意见，预计工程需时两年。",
]


def _gb_page(middle: bytes) -> bytes:
    paras = b"".join(b"<p>" + p.encode("gbk") + b"</p>\n" for p in _GB_PARAS)
    return (b'<html><head><meta charset="gb2312"></head><body>' + paras + b"<p>" + middle
            + b"</p>\n" + paras + b"</body></html>")


def test_gb_run_shifted_by_a_lost_byte_is_put_back_in_step() -> None:
    sentence = "居民代表表示，政府发言人回应时说，当局会考虑各方意见，希望新公园能设置无障碍设施。".encode("gbk")
    cut = sentence.index("，".encode("gbk"))  # lose the first byte of the first comma
    damaged = sentence[:cut] + sentence[cut + 1 :]
    out, charset, bad = decode_html(_gb_page(damaged))
    assert charset == "gb18030" and bad >= 1
    # the comma's lone second byte is dropped; everything after it reads again
    assert "<p>居民代表表示政府发言人回应时说，当局会考虑各方意见，希望新公园能设置无障碍设施。</p>" in out
    assert count_suspicious(out) == 0


def test_user_defined_glyph_in_ordinary_text_is_dropped() -> None:
    glyph = b"\xaa\xa5"  # GBK user-defined area: a site's own font symbol (U+E004)
    out, _, bad = decode_html(_gb_page(_GB_PARAS[0].encode("gbk") + glyph + _GB_PARAS[1].encode("gbk")))
    assert bad == 1  # recorded as damage of the page
    assert "\ue004" not in out and _GB_PARAS[0] + _GB_PARAS[1] in out


def test_shift_without_evidence_is_not_guessed() -> None:
    # a lone orphan byte before a single character: no text after it to judge a repair by
    out, _, _ = decode_html(_gb_page(b"ab\xaa\xb2cd"))
    assert "ab" in out and "cd" in out  # the ASCII around it is never eaten


@pytest.mark.parametrize(
    "text,expected",
    [
        ("café “quoted” — 中文 ’s", 0),  # common non-ASCII, nothing suspicious
        ("a\x00b\x1fc\x7f", 3),  # control characters survive the ASCII pass
        ("icon \ue004 glyph", 1),  # private use
        ("\x85 C1 control", 1),
        ("long ASCII " * 500 + "cafÃ©", 1),  # one mojibake pair at the end of a long page
        ("é " + "x" * 50 + " “", 0),  # é and “ far apart are no mojibake pair
        ("lone \ud800 surrogate", 0),
    ],
)
def test_suspicious_count_fast_path_agrees_with_the_patterns(text: str, expected: int) -> None:
    assert count_suspicious(text) == expected


def test_suspicious_count_is_the_patterns_count_over_the_whole_text() -> None:
    # What count_suspicious counts, the slow way: both patterns over every run of
    # characters other than printable ASCII, tab, newline, form feed and return.
    def by_patterns(text: str) -> int:
        runs = "\n".join(re.findall("[^\t\n\x0c\r\x20-\x7e]+", text))
        return len(_BAD_CHAR_RE.findall(runs)) + len(_MOJIBAKE_RE.findall(runs))

    rng = random.Random(3)
    alphabet = ["a", " ", "\n", "\t", "\x0b", "\x0c", "\x1c", "\x00", "\x7f", "\x85", "\x92", "\ufffd", "\ue004",
                "Ã", "©", "â", "€", "™", "é", "¸", "’", "中", "\u00a0", "\ud800"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice((2, 8, 40))))
        assert count_suspicious(text) == by_patterns(text), repr(text)


def test_valid_utf8_with_icon_glyphs_stays_utf8() -> None:
    # An English page whose CSS holds icon-font glyphs (private use) and whose text has a
    # few curly quotes: strictly valid UTF-8, so no other codec is tried (detection read
    # such pages as cp1252, mac-latin2 or gb18030, turning the quotes into mojibake).
    icons = "".join(f".i{n}:before{{content:'{chr(0xF100 + n)}'}}" for n in range(20))
    page = (f"<html><head><meta charset='utf-8'><style>{icons}</style></head><body>"
            + "<p>The mayor said it\u2019s \u201cdone\u201d. Doctors\u2019 Day.</p>"
            + "</body></html>").encode()
    text, charset, bad = decode_html(page)
    assert charset == "utf-8"
    assert "it\u2019s \u201cdone\u201d" in text
    assert bad == 20



def test_run_by_run_repair_is_asked_for_not_default() -> None:
    # clean curly quotes beside a run that was double-encoded (U+0080..U+009F controls):
    # extraction asks for ftfy's run-by-run fix (test_page.py); import's repair does not
    mixed = "\u201cClean quote\u201d and the Investor\u00e2\u0080\u0099s guide."
    assert repair_text(mixed, "body")[0] == mixed
    assert repair_text(mixed, "body", runs=True)[0] == "\u201cClean quote\u201d and the Investor\u2019s guide."


def _double(text: str) -> str:
    """UTF-8 read as Latin-1 (cp1252 where it maps), as a CMS that got it wrong saved it."""
    return text.encode("utf-8").decode("latin-1")


def test_a_page_double_encoded_before_it_was_archived_reads_as_written() -> None:
    story = "It’s what’s new — a café in Zürich, “quoted”."
    page = f"<html><head><meta charset='utf-8'></head><body><p>{_double(story)}</p></body></html>"
    text, charset, bad = decode_html(page.encode("utf-8"))  # valid UTF-8 that says so
    assert charset == "utf-8" and bad > 0  # counted as found ...
    assert story in text and count_suspicious(text) == 0  # ... read as written
    # only some runs double-encoded: those are put right, the rest left as it was
    mixed = f"<html><body><p>Née à Genève. {_double('She’s here.')}</p></body></html>"
    text, _, _ = decode_html(mixed.encode("utf-8"))
    assert "Née à Genève. She’s here." in text


def test_text_that_only_looks_double_encoded_stays() -> None:
    page = "<html><body><p>Ã is a letter of Portuguese; ã too.</p></body></html>"
    text, _, bad = decode_html(page.encode("utf-8"))
    assert bad == 0 and "Ã is a letter of Portuguese; ã too." in text


def test_a_cp1252_byte_carried_in_utf8_reads_as_its_character() -> None:
    page = "<html><body><p>Because we\x92re used to it, \x93the grid\x94 works.</p></body></html>"
    text, charset, bad = decode_html(page.encode("utf-8"))
    assert charset == "utf-8" and bad == 3 and "Because we’re used to it, “the grid” works." in text


MIXED = "<html><head>{meta}<title>t</title></head><body><p>{utf8}</p><p>{legacy}</p><p>{utf8}</p></body></html>"
UTF8_TEXT = "香港市民今日聚集在街頭，警方到場處理，記者在現場報道。"


@pytest.mark.parametrize("meta", ['<meta charset="utf-8">', ""])
@pytest.mark.parametrize(("legacy", "codec"), [
    ("政府发言人表示，将会继续跟进有关事件的发展情况。", "gbk"),
    ("立法會議員今日討論，佢哋話啲嘢好緊要，係咪？", "big5hkscs"),
])
def test_a_utf8_page_with_a_part_in_gbk_or_big5_keeps_that_part(meta: str, legacy: str, codec: str) -> None:
    head, tail = MIXED.format(meta=meta, utf8=UTF8_TEXT, legacy="\0").split("\0")
    data = head.encode("utf-8") + legacy.encode(codec) + tail.encode("utf-8")
    out, charset, bad = decode_html(data)
    assert charset == "utf-8" and bad == 0
    assert out.count(UTF8_TEXT) == 2 and legacy in out  # the part was dropped as U+FFFD before


def test_a_page_all_in_gbk_declared_utf8_is_still_read_as_gbk() -> None:
    text = "这是一个用来测试编码检测的简体中文段落。"
    data = MIXED.format(meta='<meta charset="utf-8">', utf8=text, legacy=text).encode("gbk")
    out, charset, _ = decode_html(data)
    assert charset == "gb18030" and out.count(text) == 3


def test_stray_bytes_of_a_latin_page_are_no_chinese() -> None:
    from newsark.extract.mixed import mend_mixed

    data = MIXED.format(meta="", utf8=UTF8_TEXT, legacy="\0").encode("utf-8").replace(b"\0", "Café naïve".encode("cp1252"))
    assert mend_mixed(data) is None  # accented Latin text is read by no Chinese codec
