from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsark.search.fold import fold
from newsark.search.query import fts_phrase
from newsark.search.tokens import plain_text, query_tokens, tokens


def test_fold_maps_traditional_and_hk_to_simplified() -> None:
    assert fold("鄭若驊遷入山頂官邸") == "郑若骅迁入山顶官邸"
    assert fold("乾淨 頭髮 綫 臺灣") == "干净 头发 线 台湾"
    assert fold("郑若骅") == "郑若骅"  # Simplified stays as it is
    assert fold("iPhone１２ ＡＢＣ") == "iphone12 abc"


@given(st.text())
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_tokens_bigrams_with_run_end_unigram() -> None:
    assert tokens(fold("香港人，iPhone12 7.1")) == ["香港", "港人", "人", "iphone", "12", "7", "1"]
    assert tokens("港") == ["港"]


def test_query_tokens_prefix_only_for_trailing_single_char() -> None:
    assert query_tokens("港") == [("港", True)]
    assert query_tokens("香港人") == [("香港", False), ("港人", False)]
    assert query_tokens("3月5日") == [("3", False), ("月", False), ("5", False), ("日", True)]
    assert fts_phrase("iPhone 12") == '"iphone" + "12"'
    # a run followed by more tokens ends there in the text too: its end unigram follows
    assert query_tokens("新内容101号") == [("新内", False), ("内容", False), ("容", False),
                                        ("101", False), ("号", True)]
    assert fts_phrase("，。") is None


@given(st.text(alphabet="香港人大學生abc12 ，。", min_size=1, max_size=12),
       st.text(alphabet="香港人大學生 ，", min_size=1, max_size=5))
def test_every_occurrence_of_a_query_is_a_token_phrase(text: str, term: str) -> None:
    """If the term occurs in the text as a whole, its token phrase occurs in the tokens."""
    doc = tokens(fold(text))
    q = query_tokens(fold(term))
    if fold(term) not in fold(text) or not q:
        return
    if any(ch.isascii() and ch.isalnum() for ch in term):
        return  # letters/digits match whole words only; covered elsewhere
    found = False
    for i in range(len(doc)):
        window = doc[i : i + len(q)]
        if len(window) == len(q) and all(
            w.startswith(t) if prefix else w == t for w, (t, prefix) in zip(window, q)
        ):
            found = True
            break
    assert found, (text, term, doc, q)


def test_plain_text_drops_markup_but_keeps_words() -> None:
    md = ('前言 **重點** [連結文字](https://x.org/a_(b)) ![圖說](https://x.org/i.jpg)\n\n'
          '<figure><img src="https://x.org/p.jpg"><figcaption>圖片說明</figcaption></figure>\n'
          '{{< video src="https://x.org/v.mp4" >}}\n> 引言 &amp; 其他')
    text = plain_text(md)
    assert "https" not in text and "<" not in text and "*" not in text
    for word in ("前言", "重點", "連結文字", "圖說", "圖片說明", "引言 & 其他"):
        assert word in text
