"""A Chinese story's pictures, which readability drops, are put back in their places.

The steps that find a body's blocks on the page (to put back pictures, a lead, links)
counted a block's words by its spaces: a Chinese paragraph, written without them, was one
"word", too short to be looked up, so none of them was ever found and no picture came back
(Baijiahao, Sina, Toutiao: 0 of 7, 17, 9 pictures). Two ideographs now count as a word.
"""

from __future__ import annotations

import lxml.html

from newsark.extract import extract_page
from newsark.extract.choose import block_size
from newsark.extract.restore import restore_images
from newsark.extract.runs import wrap_text_runs

PARAS = [
    "市議會今日討論新的公園計劃，多名議員發言支持擴建綠化空間，並要求政府盡快公布時間表。",
    "居民代表表示，區內長者及兒童一直缺乏休憩地方，希望新公園能設置無障礙設施及遮蔭座椅。",
    "有環保團體指出，計劃應保留現有樹木，並在設計階段加入公眾諮詢，避免重複過去的錯誤。",
    "政府發言人回應時說，當局會在下月提交詳細方案，並會考慮各方意見，預計工程需時兩年。",
]


def _page(body: str) -> bytes:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>公園計劃討論</title></head><body>'
            '<div class="nav"><a href="/">首頁</a> <a href="/news">新聞</a></div>'
            f'<div id="article">{body}</div><div class="footer">版權所有</div></body></html>').encode()


def test_two_ideographs_count_a_word_and_spaced_words_as_before() -> None:
    assert block_size(["The", "council", "met", "today."]) == 4
    assert block_size([PARAS[0]]) == 20  # 40 ideographs (and three marks of punctuation)
    assert block_size(["相关新闻："]) == 2
    assert block_size(["記者", "陳大文"]) == 3


def test_pictures_between_a_chinese_storys_paragraphs_come_back_in_place() -> None:
    """Baijiahao's '<div class="img-container"><img></div>' between '<p><span class="bjh-p">'
    paragraphs: readability's body keeps the text alone."""
    parts = []
    for i, para in enumerate(PARAS):
        parts.append(f'<p><span class="bjh-p">{para}</span></p>')
        if i < 3:
            parts.append(f'<div class="img-container"><img class="large" src="https://pics.example.org/feed/{i}.jpeg"></div>')
    ex = extract_page(_page('<div class="article-content">' + "".join(parts) + "</div>"))
    assert [f["src"] for f in ex.figures] == [f"https://pics.example.org/feed/{i}.jpeg" for i in range(3)]
    blocks = ex.markdown.split("\n\n")
    assert blocks[0] == PARAS[0] and "feed/0.jpeg" in blocks[1] and blocks[2] == PARAS[1]
    assert blocks[-1] == PARAS[3]


def test_a_subheading_by_its_class_under_a_picture_is_not_its_caption() -> None:
    """On a page that captions its pictures with a short line under each, Baijiahao's
    subheadings ('<p><span class="bjh-h3">') under a picture stayed captions."""
    parts = [f'<p><span class="bjh-p">{PARAS[0]}</span></p>']
    for i, line in enumerate(["新公園設計圖", "居民在現場", "舊公園入口"]):
        parts.append(f'<div class="img-container"><img src="https://pics.example.org/c/{i}.jpeg"></div>'
                     f'<p><span class="bjh-p">{line}</span></p><p><span class="bjh-p">{PARAS[i % 3 + 1]}{i}</span></p>')
    parts.append('<div class="img-container"><img src="https://pics.example.org/c/h.jpeg"></div>'
                 '<p><span class="bjh-h3">第二部分的小標題</span></p>'
                 f'<p><span class="bjh-p">{PARAS[3]}</span></p>')
    ex = extract_page(_page('<div class="article-content">' + "".join(parts) + "</div>"))
    captions = {f["src"].rsplit("/", 1)[1]: f["caption"] for f in ex.figures}
    assert captions["0.jpeg"] == "新公園設計圖"  # the page's habit: a short line under each picture
    assert captions["h.jpeg"] == ""
    assert "第二部分的小標題" in ex.text.split("\n")


def test_chinese_runs_of_bare_text_become_paragraphs_whose_pictures_come_back() -> None:
    """thepaper.cn writes a post as runs of text between '<div><img></div>'s in one <div>:
    the runs are wrapped as paragraphs (as on an English page) so they are found, and the
    pictures between them put back; a 114×12 divider drawn between them is no picture."""
    runs = []
    for i, para in enumerate(PARAS):
        runs.append(f"{para}<br>")
        if i < 3:
            runs.append(f'<div style="text-align:center;"><img src="https://img.example.org/{i}.jpg" height="608" width="1080"></div>'
                        f'<div style="text-align:center;"><img src="https://img.example.org/line{i}.gif" height="12" width="114"></div>')
    doc = lxml.html.document_fromstring(_page('<div class="news_txt">' + "".join(runs) + "</div>").decode())
    assert wrap_text_runs(doc) == 4
    body = lxml.html.fromstring("<div>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>")
    assert restore_images(doc, body) == 3
    assert [el.get("src") or el.text for el in body] == [
        PARAS[0], "https://img.example.org/0.jpg", PARAS[1], "https://img.example.org/1.jpg",
        PARAS[2], "https://img.example.org/2.jpg", PARAS[3]]


def test_a_restored_picture_goes_before_the_short_label_the_page_writes_after_it() -> None:
    """Sina: a picture, then '相关新闻：' over two links, then the story. The label is too short
    to be looked up on the page, so the picture went in after it, between the label and its
    links, and the related links were no longer dropped as such."""
    story = "".join(f"<p>{p}</p>" for p in PARAS)
    doc = lxml.html.document_fromstring(_page(
        '<div class="article"><p>' + PARAS[0] + '</p><div class="img_wrapper"><img src="https://n.example.org/a.jpg"></div>'
        "<p><strong>相关新闻：</strong></p><p><strong><a href='/x'>直播發布會全程(中英文字幕)重溫</a></strong></p>"
        + story[len(f"<p>{PARAS[0]}</p>"):] + "</div>").decode())
    body = lxml.html.fromstring(f"<div><p>{PARAS[0]}</p><p><strong>相关新闻：</strong></p>"
                                "<p><strong><a href='/x'>直播發布會全程(中英文字幕)重溫</a></strong></p>"
                                + story[len(f"<p>{PARAS[0]}</p>"):] + "</div>")
    assert restore_images(doc, body) == 1
    assert [el.tag for el in body][:3] == ["p", "img", "p"]
    assert body[2].text_content() == "相关新闻："


def test_a_picture_drawn_icon_sized_is_not_put_back() -> None:
    """A text-ad box's 54×50 badge between two paragraphs (Yahoo China): no picture of the
    story; a captioned one is, at any size (a testimonial's headshot over its name)."""
    doc = lxml.html.document_fromstring(_page(
        f'<div class="article"><p>{PARAS[0]}</p><table><tr><td><img src="https://cn.example.org/i/text_img.gif" '
        f'width="54" height="50"></td><td><a href="/ad">廣告</a></td></tr></table><p>{PARAS[1]}</p>'
        f'<div><img src="https://cn.example.org/photo.jpg" width="54"></div><p>{PARAS[2]}</p>'
        f'<figure><img src="https://cn.example.org/face.jpg" width="80" height="80"><figcaption>陳大文 園藝師</figcaption>'
        f'</figure><p>{PARAS[3]}</p></div>').decode())
    body = lxml.html.fromstring("<div>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>")
    assert restore_images(doc, body) == 2  # (only one side given: not known to be small)
    assert [img.get("src") for img in body.iter("img")] == ["https://cn.example.org/photo.jpg",
                                                            "https://cn.example.org/face.jpg"]
