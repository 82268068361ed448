"""Telling copies of one story apart from different stories."""

from __future__ import annotations

from newsark.archive.stories import fingerprint, internal_links, same_story

BODY = ("The council met on Monday. It voted on the budget, the ferry, and the tram. "
        "Members argued for three hours; the chair closed the meeting at nine. "
        "A second vote is due in May, officials said.\n\n市議會週一開會，討論預算、渡輪和電車。")


def test_identical_and_lightly_edited_copies_are_one_story() -> None:
    assert same_story(fingerprint(BODY), fingerprint(BODY))
    edited = BODY.replace("Monday", "Mon day").replace("nine", "ten")
    assert same_story(fingerprint(BODY), fingerprint(edited))


def test_a_capture_cut_short_is_the_same_story() -> None:
    long_body = " ".join(f"Clause number {i} of the report says item {i * 7} matters." for i in range(40))
    # cut mid-clause: the last, partial clause is the only one not in the full copy
    assert same_story(fingerprint(long_body), fingerprint(long_body[: len(long_body) * 2 // 3]))


def test_capture_timestamps_do_not_matter() -> None:
    a = BODY + "\n\n![x](https://web.archive.org/web/20210101000000im_/https://e.org/a.jpg)"
    b = BODY + "\n\n![x](https://web.archive.org/web/20220202000000im_/https://e.org/a.jpg)"
    assert fingerprint(a) == fingerprint(b)


def test_different_bodies_are_different_stories() -> None:
    other = ("A typhoon signal was raised at noon. Schools closed, and ferries stopped, "
             "the observatory said; winds reached 120 km/h on the islands.\n\n颱風訊號中午發出，學校停課。")
    assert not same_story(fingerprint(BODY), fingerprint(other))
    assert not same_story(fingerprint(BODY), fingerprint(""))


def test_internal_links_count_ids_on_the_same_site_only() -> None:
    body = ("[a](https://web.archive.org/web/2021/https://www.e.org/article/12/x) "
            "[b](https://e.org/article/12/y) [c](https://other.org/article/13/z)")
    assert internal_links(body, "e.org") == {12: 2}
