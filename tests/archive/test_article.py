"""The article format: parse and serialise, byte for byte."""

from __future__ import annotations

import pytest
import yaml

from newsark.archive.article import (
    Article,
    FormatError,
    dumps,
    load_bytes,
    loads,
    make_article,
    quote,
)

CORPUS_SHAPED = (
    '---\ntitle: "A \\"quoted\\" title\tand a tab"\ndate: "2019-04-20"\nlast_updated: "2019-04-21 10:00"\n'
    'author: "記者甲"\ncategory: "眾聞"\ntags:\n  - "一"\n  - "two"\n'
    'url: "https://web.archive.org/web/20210712025232/https://www.example.org/article/1/x"\n'
    'original_url: "https://www.example.org/article/1/x"\n---\n\n# A "quoted" title\tand a tab\n\n'
    'Body with <figure>\n<img src="x.jpg" alt="">\n<figcaption>cap</figcaption>\n</figure>\n\n'
    '{{< video src="https://web.archive.org/web/2021if_/https://www.youtube.com/embed/x" >}}\n'
)


def test_round_trip_is_byte_exact() -> None:
    a = loads(CORPUS_SHAPED)
    assert a.title == 'A "quoted" title\tand a tab'
    assert a.tags == ["一", "two"]
    assert dumps(a) == CORPUS_SHAPED


def test_crlf_files_keep_their_line_endings() -> None:
    text = CORPUS_SHAPED.replace("\n", "\r\n")
    a = loads(text)
    assert a.newline == "\r\n"
    assert a.title == 'A "quoted" title\tand a tab'
    assert dumps(a) == text


def test_added_keys_come_after_standard_keys_and_survive() -> None:
    a = loads(CORPUS_SHAPED)
    a.meta = {"newsark_id": 7, **a.meta, "aliases": ["8", "9"],
              "provenance": {"sha256": "ab", "source": "x.tar"}}
    text = dumps(a)
    assert text.index("original_url:") < text.index("newsark_id:")
    b = loads(text)
    assert b.meta["newsark_id"] == 7 and b.meta["aliases"] == ["8", "9"]
    assert b.meta["provenance"] == {"sha256": "ab", "source": "x.tar"}
    assert dumps(b) == text


@pytest.mark.parametrize("value", ['he said "no"', "back\\slash", "ctrl\x03char", "line\nbreak",
                                   "\u2028sep", "普通話", "", "null", "yes", "2019-01-01"])
def test_quote_is_valid_yaml_for_any_string(value: str) -> None:
    assert yaml.safe_load(f"k: {quote(value)}")["k"] == value


def test_dates_stay_strings() -> None:
    a = loads('---\ntitle: t\ndate: 2019-04-20\n---\nbody')
    assert a.date == "2019-04-20"


@pytest.mark.parametrize("data,kind", [
    (b"", "empty_file"),
    (b"\x00\x01\x02binary", "binary"),
    (b"---\ntitle: \xff\xfe\n---\n", "invalid_utf8"),
    (b"no front matter", "no_front_matter"),
    (b"---\ntitle: x\nbody without end", "unterminated_front_matter"),
    (b'---\ntitle: "unterminated\n---\nbody', "invalid_yaml"),
    (b"---\n- a list\n---\nbody", "invalid_yaml"),
])
def test_bad_input_raises_a_clear_error(data: bytes, kind: str) -> None:
    with pytest.raises(FormatError) as err:
        load_bytes(data)
    assert err.value.kind == kind
    assert str(err.value)


def test_make_article_has_the_corpus_shape() -> None:
    a = make_article(title="T", body_markdown="Para.", date="2020-01-02", tags=["x"],
                     url="https://web.archive.org/web/1/https://e.org/a", original_url="https://e.org/a")
    text = a.dumps()
    assert text.startswith('---\ntitle: "T"\ndate: "2020-01-02"\ntags:\n  - "x"\nurl:')
    assert text.endswith("---\n\n# T\n\nPara.\n")
    assert loads(text).text() == "Para.\n"


def test_text_drops_only_the_title_heading() -> None:
    a = Article(meta={"title": "Title"}, body="\n# Title\n\nBody\n")
    assert a.text() == "Body\n"
    b = Article(meta={"title": "Title"}, body="\n# Other heading\n\nBody\n")
    assert b.text().startswith("# Other heading")
