"""The English body path: trafilatura first, readability only when a cheap signal doubts it."""

from __future__ import annotations

import pytest
from lxml import etree

from newsark.extract import page
from newsark.extract.candidates import (
    Candidate,
    from_trafilatura,
    picture_grid,
    text_instead_of_grid,
)
from newsark.extract.choose import (
    LINKS_DOUBT,
    MISSED_DOUBT,
    SHORT_LINES_DOUBT,
    choose,
    doubtful,
    link_share,
    missed_inside,
    missed_share,
    short_line_share,
)
from newsark.extract.page import extract_page, parse_document

from .fixtures import en_para

WORDS = ["the", "harbour", "ferry", "service", "will", "change", "its", "timetable", "next", "month", "after", "a", "long", "review"]


def _para(n: int, seed: int) -> str:
    return " ".join(WORDS[(i * 7 + seed) % len(WORDS)] + str(seed) for i in range(n))


def _page(paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<html><head><title>Ferry</title></head><body><article>{body}</article></body></html>"


def _candidate(text: str) -> Candidate:
    return Candidate("trafilatura", etree.Element("div"), text)


def test_missed_share_counts_long_paragraphs_absent_from_the_body() -> None:
    paras = [_para(40, i) for i in range(4)]
    doc = parse_document(_page(paras + ["Share this story"]))
    assert missed_share(doc, _candidate("\n".join(paras))) == 0.0
    # text nodes split differently (inline markup) still count as present
    assert missed_share(doc, _candidate("\n".join(" \n".join(p.split(" ", 3)) for p in paras))) == 0.0
    # half the article missing: 80 missing words against a body of 80
    assert missed_share(doc, _candidate("\n".join(paras[:2]))) == pytest.approx(1.0)
    assert missed_share(doc, _candidate("\n".join(paras[:2]))) > MISSED_DOUBT


def test_missed_share_leaves_out_a_paragraph_the_page_repeats() -> None:
    paras = [_para(40, i) for i in range(2)]
    banner = "Free standard shipping on qualifying orders over forty dollars, for more information " \
             "on shipping rates and timelines please visit our international page today"
    doc = parse_document(_page(paras + [banner] * 3 + [_para(30, 9)]))
    body = _candidate("\n".join(paras))
    # the repeated banner (three times) is not article text the body missed;
    # the paragraph written once is (30 missing words against a body of 80)
    assert missed_share(doc, body) == pytest.approx(30 / 80)
    doc = parse_document(_page(paras + [banner] * 2))  # written twice: still counted
    assert missed_share(doc, body) == pytest.approx(2 * len(banner.split()) / 80)


def test_missed_inside_counts_dropped_blocks_of_the_body_container_only() -> None:
    paras = [_para(30, i) for i in range(4)]
    items = [_para(8, 10 + i) for i in range(6)]
    nav = "".join(f"<li>{_para(8, 20 + i)}</li>" for i in range(6))
    html = (f"<html><body><nav><ul>{nav}</ul></nav><article>"
            + "".join(f"<p>{p}</p>" for p in paras[:2])
            + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
            + "".join(f"<p>{p}</p>" for p in paras[2:]) + "</article></body></html>")
    doc = parse_document(html)
    whole = _candidate("\n".join(paras + items))
    assert missed_inside(doc, whole) == 0.0  # the navigation list is outside the article
    assert not doubtful(doc, whole)
    no_list = _candidate("\n".join(paras))
    assert missed_inside(doc, no_list) == pytest.approx(48 / 120)
    assert doubtful(doc, no_list)


def test_readability_is_asked_only_when_trafilatura_is_doubtful(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = page.from_readability

    def counting(html: object, url: str | None) -> Candidate | None:
        calls.append("readability")
        return real(html, url)  # type: ignore[arg-type]

    monkeypatch.setattr(page, "from_readability", counting)
    paras = [_para(40, i) for i in range(6)]
    ex = extract_page(_page(paras).encode(), url="https://news.example.org/a")
    assert ex.chosen == "trafilatura" and calls == []
    assert all(p in ex.text for p in paras)

    # trafilatura missing most of the article: readability is asked and its fuller body wins
    monkeypatch.setattr(page, "from_trafilatura", lambda *a, **k: _candidate(paras[0]))
    ex = extract_page(_page(paras).encode(), url="https://news.example.org/a")
    assert calls == ["readability"]
    assert ex.chosen == "readability" and all(p in ex.text for p in paras)


def test_chinese_pages_keep_the_readability_first_path() -> None:
    zh = "居民代表表示新公園的設計圖已經公布並會在下月展開諮詢工作" * 4
    html = f"<html><head><meta charset='utf-8'><title>公園</title></head><body><article>{'<p>' + zh + '</p>' * 1}" \
           f"{''.join('<p>' + zh + str(i) + '</p>' for i in range(5))}</article></body></html>"
    ex = extract_page(html.encode("utf-8"))
    assert ex.chosen == "readability"
    assert "居民代表表示" in ex.text


def _body_of(html: str) -> Candidate:
    el = etree.fromstring(f"<body>{html}</body>")
    return Candidate("trafilatura", el, " ".join(el.itertext()))


def test_a_menu_or_link_list_taken_for_the_body_is_doubtful() -> None:
    paras = [_para(40, i) for i in range(3)]
    doc = parse_document(_page(paras))
    prose = _body_of("".join(f"<p>{p} <a href='/x'>a link</a> inside.</p>" for p in paras))
    assert link_share(prose) < 0.1 and short_line_share(prose) == 0.0
    assert not doubtful(doc, prose)
    # trafilatura's last resort: the page's whole text in one paragraph, a line per menu entry
    menu = "\n".join(["Home", "News", "Sport", "City council", "Contact us", "Sign in"] * 30)
    dump = _body_of(f"<p>{menu}\n{paras[0]}\n{paras[1]}\n{paras[2]}</p>")
    assert short_line_share(dump) > SHORT_LINES_DOUBT
    assert doubtful(doc, dump)
    # a list of headlines, each a link
    links = _body_of("".join(f"<p><a href='/s{i}'>{_para(8, i)}</a></p>" for i in range(12)) + f"<p>{paras[0]}</p>")
    assert link_share(links) > LINKS_DOUBT
    assert doubtful(doc, links)


def _story_page(other_class: str) -> str:
    story = "".join(f"<p>{_para(40, i)}</p>" for i in range(4))
    others = "".join(f"<article class='{other_class}'><p>{_para(45, 10 + i)}</p></article>" for i in range(3))
    return f"<html><body><article class='story'><h1>Ferry</h1>{story}{others}</article></body></html>"


def test_paragraphs_of_other_stories_are_not_missed_text() -> None:
    body = _candidate("\n".join(_para(40, i) for i in range(4)))
    # teaser posts nested in the story's <article>: other stories, not part of this one
    doc = parse_document(_story_page("teaser post"))
    assert missed_share(doc, body) == 0.0
    assert not doubtful(doc, body)
    # <article> sections classed as the story itself are parts of it the body missed
    doc = parse_document(_story_page("story"))
    assert missed_share(doc, body) > MISSED_DOUBT
    assert doubtful(doc, body)


def test_no_third_opinion_when_readability_holds_trafilaturas_body_beyond_doubt() -> None:
    paras = [_para(40, i) for i in range(6)]
    doc = parse_document(_page(paras))
    traf = _candidate("\n".join(paras[:2]))  # a fragment of the article
    read = Candidate("readability", etree.Element("div"), "\n".join(paras))  # all of it
    asked: list[str] = []

    def full() -> Candidate | None:
        asked.append("full")
        return None

    got, why = choose(traf, read, full, doc)
    assert got is read and asked == [] and "no doubt" in why
    # without the page, or when readability's body is itself doubtful, the third opinion is asked
    got, _ = choose(traf, read, full)
    assert got is read and asked == ["full"]
    half = Candidate("readability", etree.Element("div"), "\n".join(paras[:3]))
    assert doubtful(doc, half)
    choose(traf, half, full, doc)
    assert asked == ["full", "full"]


def test_blocks_are_found_in_the_body_as_a_search_through_it_finds_them() -> None:
    from newsark.extract.choose import _blocks, page_blocks

    # a body that opens lines with some blocks, holds others mid-line (joined, split by
    # inline markup) or shortened, and lacks the rest
    paras = [_para(12 + i % 9, i) for i in range(40)]
    short = ["one two three four five", "alpha beta gamma delta epsilon zeta"]
    doc = parse_document(_page(paras + short))
    body_lines = [paras[0] + " " + paras[1], *paras[2:20], " \n".join(paras[20].split(" ", 2)),
                  paras[21][:30], short[0], "prefix " + short[1]]
    body = _candidate("\n".join(body_lines))
    have = "".join(body.text.split())
    expected = [(el, n, key in have) for el, n, key in page_blocks(doc) if el.tag == "p"]
    got = _blocks(doc, body)
    assert [(el, n, f) for el, n, f in got] == expected
    found = [f for _, _, f in got]
    assert any(found) and not all(found)  # both kinds are there


def test_past_the_search_budget_blocks_are_looked_up_at_word_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsark.extract import choose as choose_module
    from newsark.extract.choose import _blocks

    paras = [_para(24, i) for i in range(12)]  # (longer than KEY_CHARS without white space)
    comments = [_para(25, 100 + i) for i in range(6)]  # on the page, not in the body
    doc = parse_document(_page(paras + comments))
    # two paragraphs per line: every second one is found mid-line, at a word start
    body = _candidate("\n".join(f"{a} {b}" for a, b in zip(paras[::2], paras[1::2])))
    normal = [f for _, _, f in _blocks(doc, body)]
    monkeypatch.setattr(choose_module, "SEARCH_BUDGET", 0)
    assert [f for _, _, f in _blocks(doc, body)] == normal == [True] * 12 + [False] * 6


def test_body_keys_answer_as_a_search_through_the_body_does() -> None:
    from newsark.extract.choose import BodyKeys

    text = "First line of the body, long enough to pass the key length of sixty.\nshort one\nmid text here and more"
    keys = BodyKeys(text)
    have = "".join(text.split())
    probes = [have[:60], have[5:65], "shortone", "short", "midtexthere", "textherean", "absent", have[-20:]]
    assert [p in keys for p in probes] == [p in have for p in probes]


def test_a_grid_of_pictures_is_not_taken_for_the_article() -> None:
    # trafilatura, asked for pictures, takes the first container pattern that yields
    # content: here a portfolio grid (a picture and a title each) before the story
    items = "".join(f"<div class='item'><img src='/work/{i}.jpg' alt=''><h3>Harbour client number {i} of the north"
                    " coast</h3></div>" for i in range(10))
    story = "".join(f"<p>{en_para(50, i)}</p>" for i in range(5))
    html = (f"<html><head><title>Our work</title></head><body><div class='entry-content'>{items}</div>"
            f"<div class='story'>{story}</div></body></html>")
    doc = parse_document(html)
    grid = from_trafilatura(doc, None)
    assert grid is not None and picture_grid(grid)
    assert en_para(50, 0) not in grid.text
    body = text_instead_of_grid(doc, None, grid)
    assert body is not None and all(en_para(50, i) in body.text for i in range(5))
    out = extract_page(html.encode())
    assert all(en_para(50, i) in out.text for i in range(5))


def test_a_body_with_pictures_and_its_text_is_no_grid() -> None:
    paras = "".join(f"<p>{en_para(40, i)}</p><img src='/p/{i}.jpg' alt=''>" for i in range(5))
    doc = parse_document(f"<html><body><article>{paras}</article></body></html>")
    body = from_trafilatura(doc, None)
    assert body is not None and not picture_grid(body)
    assert text_instead_of_grid(doc, None, body) is body


def test_readability_wins_when_it_found_the_article_and_trafilatura_a_header() -> None:
    # WCXB 0384: trafilatura's body, with or without its fallbacks, was the page's header
    # line; readability's, ten times longer, was the article, and nothing doubted it.
    paras = [_para(40, i) for i in range(6)]
    doc = parse_document(_page(paras))
    header = _candidate("This website requires javascript to properly function. Log in. Frontpage 94")
    read = Candidate("readability", etree.Element("div"), "\n".join(paras))
    got, why = choose(header, read, lambda: header, doc)
    assert got is read and "many times more" in why
    # a longer readability body that is itself doubtful (half the article) does not win so
    half = Candidate("readability", etree.Element("div"), "\n".join(paras[:3]))
    assert doubtful(doc, half)
    got, _ = choose(header, half, lambda: header, doc)
    assert got is header
