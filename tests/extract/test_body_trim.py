"""Trimming the chosen body: trailing blocks from outside the article's container go."""

from __future__ import annotations

import random

import pytest

from newsark.extract.page import parse_document
from newsark.extract.trim import trim_tail

from .fixtures import body_candidate, en_para


def _page(article: str, after: str) -> str:
    return (f"<html><body><main><div class='story'><article><div class='text'>{article}</div></article>"
            f"</div><aside class='more'>{after}</aside></main></body></html>")


def test_a_short_tail_from_outside_the_article_is_cut() -> None:
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(5)]
    bio = f"<p>{en_para(20, 9)}</p>"  # an author card after the story: 20 words beside 200
    doc = parse_document(_page("".join(paras), "<h3>About the author</h3>" + bio))
    body = trim_tail(doc, body_candidate(paras + ["<h3>About the author</h3>", bio]))
    assert body is not None
    assert en_para(20, 9) not in body.text and "About the author" not in body.text
    assert all(en_para(40, i) in body.text for i in range(5))


def test_a_larger_tail_of_links_is_cut() -> None:
    paras = [f"<p>{en_para(30, i)}</p>" for i in range(4)]
    links = [f"<li><a href='/s/{i}'>{en_para(12, 20 + i)}</a></li>" for i in range(4)]  # 48 words beside 120
    doc = parse_document(_page("".join(paras), "<h3>Read next</h3><ul>" + "".join(links) + "</ul>"))
    body = trim_tail(doc, body_candidate(paras + ["<h3>Read next</h3>", "<ul>" + "".join(links) + "</ul>"]))
    assert body is not None
    assert "Read next" not in body.text and en_para(12, 20) not in body.text
    assert en_para(30, 2) in body.text


def test_a_long_prose_tail_in_a_sibling_container_is_kept() -> None:
    # the article continues after an ad in a second container: long prose, few links
    first = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    second = [f"<p>{en_para(40, 10 + i)}</p>" for i in range(2)]
    html = ("<html><body><article><div class='part'>" + "".join(first) + "</div><div class='ad'>Ad</div>"
            "<div class='part2'>" + "".join(second) + "</div></article></body></html>")
    doc = parse_document(html)
    body = trim_tail(doc, body_candidate(first + second))
    assert body is not None and all(en_para(40, 10 + i) in body.text for i in range(2))


def test_blocks_inside_the_container_and_unfound_blocks_stay() -> None:
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(5)]
    doc = parse_document(_page("".join(paras), f"<p>{en_para(20, 9)}</p>"))
    whole = body_candidate(paras)
    assert trim_tail(doc, whole) is whole  # nothing from outside: unchanged
    # a body whose tail is not on the page (rewritten by the extractor) is left alone
    odd = body_candidate(paras + ["<p>text the page does not have in this form at all</p>"])
    assert trim_tail(doc, odd) is odd
    assert trim_tail(doc, None) is None


@pytest.mark.parametrize("heading", ["Read This Next", "Contact Us", "Get in touch with one of our experts"])
def test_a_named_tail_is_cut_even_when_long(heading: str) -> None:
    # "Read this next" followed by other stories' teasers, as long as the article itself;
    # the site's contact box and addresses
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    teasers = [f"<p>{en_para(40, 30 + i)}</p>" for i in range(4)]
    html = ("<html><body><div class='post'><div class='entry'>" + "".join(paras) + "</div></div>"
            f"<section class='more'><h3>{heading}</h3><div class='list'>" + "".join(teasers)
            + "</div></section></body></html>")
    doc = parse_document(html)
    body = trim_tail(doc, body_candidate(paras + [f"<h3>{heading}</h3>"] + teasers))
    assert body is not None
    assert heading not in body.text and en_para(40, 30) not in body.text
    assert all(en_para(40, i) in body.text for i in range(4))


def test_a_found_heading_names_a_tail_unless_it_invites_to_read_on() -> None:
    # a heading long enough to be looked up on the page, found outside the article's
    # container: "Get in touch with …" opens the site's contact box; "Explore …" more often
    # the article's next part in a sibling container
    from newsark.extract.trim import _named_start, _units, find_units

    paras = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    rest = [f"<p>{en_para(40, 30 + i)}</p>" for i in range(2)]
    for heading, cut in (("Get in touch with one of our experts", True),
                         ("Explore online certificate programs by subject", False)):
        html = ("<html><body><div class='post'><div class='entry'>" + "".join(paras) + "</div>"
                f"<div class='part'><h2>{heading}</h2>" + "".join(rest) + "</div></div></body></html>")
        doc = parse_document(html)
        body = body_candidate(paras + [f"<h2>{heading}</h2>"] + rest)
        found = find_units(doc, _units(body.element))
        assert found[4][2] is not None  # the heading is found on the page
        assert _named_start(found) == (4 if cut else None)


def test_a_named_heading_inside_the_article_keeps_what_follows() -> None:
    # the same words as a heading of the article's own section: what follows it is in the
    # article's container, so nothing is cut
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    html = ("<html><body><article>" + "".join(paras[:2]) + "<h2>Related research</h2>"
            + "".join(paras[2:]) + "</article></body></html>")
    doc = parse_document(html)
    whole = body_candidate(paras[:2] + ["<h2>Related research</h2>"] + paras[2:])
    assert trim_tail(doc, whole) is whole


def test_long_unfound_blocks_before_an_outside_tail_stay() -> None:
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(5)]
    rewritten = "<p>a paragraph the extractor joined from pieces of the page in its own way here</p>"
    doc = parse_document(_page("".join(paras), f"<p>{en_para(12, 9)}</p>"))
    body = trim_tail(doc, body_candidate(paras + [rewritten, f"<p>{en_para(12, 9)}</p>"]))
    assert body is not None
    assert "joined from pieces" in body.text and en_para(12, 9) not in body.text


def test_a_named_list_of_links_at_the_end_of_the_article_is_cut() -> None:
    # inside the article's own container: "You might also like:" and a list of links
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    links = "<ul>" + "".join(f"<li><a href='/p/{i}'>{en_para(6, 40 + i)}</a></li>" for i in range(4)) + "</ul>"
    html = "<html><body><article>" + "".join(paras) + "<p>You might also like:</p>" + links + "</article></body></html>"
    doc = parse_document(html)
    body = trim_tail(doc, body_candidate(paras + ["<p>You might also like:</p>", links]))
    assert body is not None
    assert "also like" not in body.text and en_para(6, 40) not in body.text
    assert all(en_para(40, i) in body.text for i in range(4))


def test_an_inline_related_link_inside_the_article_stays() -> None:
    # "Related: <headline>" between paragraphs of the story, prose after it
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    related = "<p><a href='/other'>Related: the ferry timetable explained</a></p>"
    html = "<html><body><article>" + "".join(paras[:3]) + related + paras[3] + "</article></body></html>"
    doc = parse_document(html)
    whole = body_candidate(paras[:3] + [related, paras[3]])
    assert trim_tail(doc, whole) is whole


def test_a_second_rendering_of_the_article_is_dropped() -> None:
    from newsark.extract.trim import drop_repeats

    paras = [f"<p>{en_para(40, i)}</p>" for i in range(5)]
    body = drop_repeats(body_candidate(["<h2>Ferry changes</h2>"] + paras + ["<h2>Ferry changes</h2>"] + paras))
    assert body is not None
    assert all(body.text.count(en_para(40, i)) == 1 for i in range(5))
    assert body.text.count("Ferry changes") == 1


def test_short_repeated_runs_stay() -> None:
    from newsark.extract.trim import drop_repeats

    # the same two instructions on each day of a plan: repeated, but each run is short
    days = []
    for d in range(4):
        days += [f"<h3>Day {d}</h3>", f"<p>{en_para(40, 10 + d)}</p>",
                 "<p>drink water twenty minutes before the walk</p>", "<p>eat a small meal after it</p>"]
    whole = body_candidate(days)
    assert drop_repeats(whole) is whole


def test_a_card_right_after_its_twin_is_dropped() -> None:
    from newsark.extract.trim import drop_repeats

    # each card written twice in a row (its front and its hover side): a reader sees it once
    cards = []
    for i in range(3):
        card = [f"<h3>Project number {i}</h3>", f"<p>{en_para(14, 40 + i)}</p>"]
        cards += card + card
    body = drop_repeats(body_candidate([f"<p>{en_para(40, 1)}</p>"] + cards))
    assert body is not None
    assert all(body.text.count(en_para(14, 40 + i)) == 1 for i in range(3))
    assert body.text.count("Project number 2") == 1
    # a short line right after itself ("Yes." "Yes."), or a card again further down, stays
    short = body_candidate([f"<p>{en_para(40, 1)}</p>", "<p>Pros and cons</p>", "<p>Pros and cons</p>",
                            f"<p>{en_para(14, 40)}</p>", f"<p>{en_para(30, 2)}</p>", f"<p>{en_para(14, 40)}</p>"])
    assert drop_repeats(short) is short


def test_a_prose_tail_outside_the_pages_declared_main_content_is_cut() -> None:
    # a sidebar's author card and teasers after <main>: prose, few links, 40 % of the body
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(5)]
    side = [f"<p>{en_para(40, 20 + i)}</p>" for i in range(2)]
    html = ("<html><body><div class='cols'><main><div class='text'>" + "".join(paras) + "</div></main>"
            "<div class='sidebar'>" + "".join(side) + "</div></div></body></html>")
    body = trim_tail(parse_document(html), body_candidate(paras + side))
    assert body is not None
    assert en_para(40, 20) not in body.text and all(en_para(40, i) in body.text for i in range(5))
    # the same page without a declared main content: the long prose tail stays
    plain = html.replace("<main>", "<div class='content'>").replace("</main>", "</div>")
    whole = body_candidate(paras + side)
    assert trim_tail(parse_document(plain), whole) is whole


def test_a_tail_of_cards_under_linked_headings_is_cut() -> None:
    # "Our services" cards after the story: a linked name over a line of prose each; the
    # prose is no link, 30 % of the body, no heading names the run, no <main> is declared
    paras = [f"<p>{en_para(40, i)}</p>" for i in range(4)]
    cards = []
    for i in range(3):
        cards += [f"<p><a href='/services/{i}'>Service {i} name</a></p>", f"<p>{en_para(16, 30 + i)}</p>"]

    def page(after: list[str]) -> str:
        return (f"<html><body><div class='story'><div class='text'>{''.join(paras)}</div></div>"
                f"<div class='more'>{''.join(after)}</div></body></html>")

    body = trim_tail(parse_document(page(cards)), body_candidate(paras + cards))
    assert body is not None
    assert en_para(16, 30) not in body.text and "Service 2 name" not in body.text
    assert all(en_para(40, i) in body.text for i in range(4))
    # the same prose under headings that are no links: kept (an article part, as far as we know)
    plain = [c.replace("<a href", "<span data-href").replace("</a>", "</span>") for c in cards]
    whole = body_candidate(paras + plain)
    assert trim_tail(parse_document(page(plain)), whole) is whole


def _cards(n: int, href: str = "/guides/{i}") -> list[str]:
    cards = []
    for i in range(n):
        link = href.format(i=i)
        cards += [f"<h3><a href='{link}'>The ultimate guide number {i}</a></h3>", f"<p>{en_para(40, 30 + i)}</p>"]
    return cards


def _one_container(blocks: list[str]) -> str:
    return f"<html><body><div class='story'>{''.join(blocks)}</div></body></html>"


def test_teaser_cards_of_the_site_ending_the_article_inside_its_container_are_cut() -> None:
    # the site's other guides, each a linked title and its summary, after the story in the
    # story's own container (so the container test finds no tail): cut with their heading
    paras = [f"<p>{en_para(60, i)}</p>" for i in range(5)]
    last = ["<h3><a href='https://www.example.com/x'>Last guide of the site</a></h3>", f"<p>{en_para(30, 50)}</p>"]
    blocks = paras + ["<h3>Collect them all!</h3>"] + _cards(4) + last
    body = trim_tail(parse_document(_one_container(blocks)), body_candidate(blocks), "https://example.com/story")
    assert body is not None
    assert "Collect them all" not in body.text and "guide number 0" not in body.text
    assert en_para(40, 33) not in body.text and en_para(30, 50) not in body.text
    assert all(en_para(60, i) in body.text for i in range(5))


@pytest.mark.parametrize("case", ["other site", "footnotes", "two cards", "most of the body", "long summaries"])
def test_card_like_endings_that_are_the_article_stay(case: str) -> None:
    paras = [f"<p>{en_para(60, i)}</p>" for i in range(5)]
    cards = {
        "other site": _cards(4, "https://shop.example.net/item/{i}"),  # a list of products to buy
        "footnotes": _cards(4, "/story#note-{i}"),
        "two cards": _cards(2),
        "most of the body": _cards(9),  # the site's pages are the article: a list of guides
        "long summaries": [c.replace(en_para(40, 30 + i // 2), en_para(90, 30 + i // 2))
                           for i, c in enumerate(_cards(4))],
    }[case]
    whole = body_candidate(paras + cards)
    assert trim_tail(parse_document(_one_container(paras + cards)), whole, "https://example.com/story") is whole



def _repeated_by_the_first_rule(keys: list[str]) -> list[int]:
    """drop_repeats' run search as first written: each run compared and its words counted
    block by block (a stretch of pictures made it grow with the square of their number)."""
    from newsark.extract.trim import (
        REPEAT_ADJACENT_WORDS,
        REPEAT_BLOCKS,
        REPEAT_SHARE,
        REPEAT_WORDS,
    )

    total = sum(len(k.split()) for k in keys)
    first: dict[str, int] = {}
    drop: list[int] = []
    j = 0
    while j < len(keys):
        i = first.get(keys[j])
        if i is None:
            first[keys[j]] = j
            j += 1
            continue
        run = 0
        while j + run < len(keys) and i + run < j and keys[i + run] == keys[j + run]:
            run += 1
        words = sum(len(k.split()) for k in keys[j : j + run])
        if (i + run == j and words >= REPEAT_ADJACENT_WORDS
                or run >= REPEAT_BLOCKS and words >= max(REPEAT_WORDS, REPEAT_SHARE * total)):
            drop.extend(range(j, j + run))
            j += run
        else:
            j += 1
    return drop


def test_repeated_runs_are_found_as_the_first_rule_found_them() -> None:
    from newsark.extract.trim import repeated_blocks

    rng = random.Random(3)
    blocks = ["", "", "a short line", " ".join(["word"] * 12), " ".join(["long"] * 60), "x y"]
    for _ in range(3000):
        keys = [rng.choice(blocks) for _ in range(rng.randint(0, 14))]
        if rng.random() < 0.5:  # a second rendering of the same blocks, pictures among them
            keys += keys[: rng.randint(0, len(keys))]
        assert repeated_blocks(keys) == _repeated_by_the_first_rule(keys), keys
    # a story rendered twice, each time among a thousand pictures (benchmarks/extract_big.py
    # times a page of 10,000)
    twice = (["", " ".join(["story"] * 120)] + [""] * 1000) * 2
    assert repeated_blocks(twice) == _repeated_by_the_first_rule(twice) == list(range(1002, 2004))
