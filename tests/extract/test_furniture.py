from __future__ import annotations

from newsark.extract.furniture import drop_furniture


def test_advertisement_labels_go_anywhere_in_the_body() -> None:
    md = ("First paragraph.\n\nAdvertisement - Continue Reading Below\n\nSecond paragraph.\n\n"
          "**ADVERTISEMENT**\n\nStory continues below advertisement\n\n廣告\n\nLast paragraph.")
    assert drop_furniture(md) == "First paragraph.\n\nSecond paragraph.\n\nLast paragraph."


def test_sentences_about_advertisements_stay() -> None:
    md = "Advertisement revenue fell by half.\n\nSponsored content is labelled as such on the site."
    assert drop_furniture(md) == md


def test_furniture_at_the_end_goes_in_any_number() -> None:
    md = ("The article's last words.\n\n### You may also like:\n\nRelated Posts:\n\n"
          "[Back to top](https://example.org/#top)\n\nComments\n\nTags\n\nLast updated on November 15, 2025")
    assert drop_furniture(md) == "The article's last words."


def test_chinese_furniture_at_the_end() -> None:
    assert drop_furniture("記者報道全文。\n\n相關新聞：\n\n返回頂部") == "記者報道全文。"
    assert drop_furniture("全文。\n\n#[上吊](/Search/a) #[北市](/Search/b)") == "全文。"
    assert drop_furniture("全文。\n\n#大家健康超能团# @大家健康") == "全文。"
    assert drop_furniture("全文。\n\n請看 #大家健康 的討論") == "全文。\n\n請看 #大家健康 的討論"


def test_the_articles_own_ending_stays() -> None:
    for md in (
        "Intro.\n\nThen I use this prompt:",  # a lead-in of five words: maybe the article's
        "Intro.\n\n## Verdict\nIt is good.",  # a heading with its text in the same block
        "Intro.\n\n<figure>\n<img src=\"a.jpg\" alt=\"\">\n</figure>",
        "Intro.\n\n```\nx = 1\n\n# the end\n```",
        "Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        "Intro.\n\nShe said the update was published on time, in 2025",
        "Intro.\n\n他說這是一段很長的話，而且以冒號結束：",
        "Intro.\n\n#1 is the number of the ferry that still runs",  # '#1' without a space is text
    ):
        assert drop_furniture(md) == md, md


def test_a_body_is_never_emptied() -> None:
    assert drop_furniture("Comments") == "Comments"
    assert drop_furniture("## Related\n\nTags") == "## Related"
    assert drop_furniture("") == ""


def test_blocks_of_zero_width_characters_go() -> None:
    assert drop_furniture("One.\n\n\u200d\n\nTwo.\n\n\u200b\ufeff") == "One.\n\nTwo."
