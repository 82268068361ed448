from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsark.search.fold import MAX_ALTERNATIVES, alternatives, detect_script, fold
from newsark.search.query import fts_phrase
from newsark.search.tokens import plain_text, query_tokens, tokens


def test_fold_maps_traditional_and_hk_to_simplified() -> None:
    assert fold("鄭若驊遷入山頂官邸") == "郑若骅迁入山顶官邸"
    assert fold("倫敦 灣仔") == "伦敦 湾仔"
    assert fold("郑若骅") == "郑若骅"  # Simplified stays as it is
    assert fold("iPhone１２ ＡＢＣ") == "iphone12 abc"


def test_different_traditional_characters_of_one_simplified_stay_apart() -> None:
    # 台 stands for 台/臺/颱/檯, 后 for 后/後, 发 for 發/髮: each keeps its own form
    assert fold("臺灣 台灣 颱風") == "臺湾 台湾 颱风"
    assert fold("以後 皇后 發展 頭髮") == "以後 皇后 發展 头髮"
    assert fold("发展") == "发展"  # Simplified-only: its own form, matched by alternatives


def test_script_detection() -> None:
    assert detect_script("臺灣") == "hant"
    assert detect_script("台湾") == "hans"
    assert detect_script("香港 2019") is None  # written the same in both
    assert detect_script("臺灣 台湾") is None  # mixed


def test_alternatives_follow_the_script_typed() -> None:
    # Traditional: the character typed, and the Simplified spelling (for Simplified text)
    assert alternatives("臺灣") == ["臺湾"]
    assert alternatives("發展") == ["發展", "发展"]
    # Simplified: every Traditional character it may stand for, OpenCC's guess first
    assert alternatives("发展")[0] == "發展" and set(alternatives("发展")) == {"發展", "髮展", "发展"}
    assert set(alternatives("台湾")) >= {"台湾", "臺湾", "颱湾"}
    # script unknown (先后 is written so in both): every form
    assert set(alternatives("先后")) == {"先後", "先后"}
    # the query's script decides for a term that cannot tell by itself
    assert alternatives("台北", script="hant") == ["台北"]
    assert len(alternatives("发后台干里面" * 3)) <= MAX_ALTERNATIVES
    assert alternatives("iPhone") == ["iphone"]


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


def test_a_link_text_is_a_thousand_characters_at_most() -> None:
    # past that a '[' is the text's own bracket (a text of unclosed brackets was otherwise
    # read to its end from each of them)
    assert "https" not in plain_text("前言 [" + "字" * 1000 + "](https://x.org/a) 後記")
    assert "https" in plain_text("前言 [" + "字" * 1001 + "](https://x.org/a) 後記")
    assert plain_text("[a " * 5).split() == ["[a"] * 5
