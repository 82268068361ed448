from __future__ import annotations

import codecs

import pytest

from newsark.extract import decode_html
from newsark.extract.charset import count_suspicious, declared_charset, normalise_charset

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
