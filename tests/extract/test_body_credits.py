"""Figure credits split from captions (text patterns and credit-marked elements)."""

from __future__ import annotations

import pytest

from newsark.extract import extract_page
from newsark.extract.credits import split_credit


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("A man walks past a shop. Photo: Reuters", ("A man walks past a shop.", "Photo: Reuters")),
        ("Crowds outside parliament. (AP Photo/Jane Doe)", ("Crowds outside parliament.", "AP Photo/Jane Doe")),
        ("The president speaks. Jane Doe/AFP via Getty Images",
         ("The president speaks.", "Jane Doe/AFP via Getty Images")),
        ("A view of the bridge (Photo by John Smith/Getty Images)",
         ("A view of the bridge", "Photo by John Smith/Getty Images")),
        ("Police at the scene on Monday (Reuters)", ("Police at the scene on Monday", "Reuters")),
        # the photographer and the agency's collection before "via" the agency, or a double slash
        ("A phone on the table? Morsa Images/DigitalVision via Getty Images",
         ("A phone on the table?", "Morsa Images/DigitalVision via Getty Images")),
        ("SolStock/E+ via Getty Images", ("", "SolStock/E+ via Getty Images")),
        ("OsakaWayne Studios//Getty Images", ("", "OsakaWayne Studios//Getty Images")),
        # the BBC's credit first, then its caption; or the credit alone
        ("Image copyright Getty Images Image caption Scooter Braun has managed Justin Bieber",
         ("Scooter Braun has managed Justin Bieber", "Image copyright Getty Images")),
        ("Image copyright Getty Images", ("", "Image copyright Getty Images")),
        ("新公園的設計圖。（圖：測試通訊社）", ("新公園的設計圖。", "圖：測試通訊社")),
        ("輪候旁聽的人龍延伸至門外。（陳大文攝）", ("輪候旁聽的人龍延伸至門外。", "陳大文攝")),
        ("街頭吃飯的市民。   李小明攝", ("街頭吃飯的市民。", "李小明攝")),
        ("照片來源：測試觀察計劃", ("", "照片來源：測試觀察計劃")),
        ("下月將法拍的房子。（圖翻攝自google map）", ("下月將法拍的房子。", "圖翻攝自google map")),
        ("雨中游览照样开心。城市摄影队 周小斌 摄", ("雨中游览照样开心。", "城市摄影队 周小斌 摄")),
        ("他說：我今天去拍攝", ("他說：我今天去拍攝", "")),
        # a screen reader's label over a caption that is a sentence: the caption, its credit split after
        ("Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur",
         ("Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur", "")),
        ("Photo: A firefighter battles the blaze near the town. (Reuters: John Smith)",
         ("A firefighter battles the blaze near the town.", "Reuters: John Smith")),
        ("Crowds gather outside. (ABC News: Lucy Murray)", ("Crowds gather outside.", "ABC News: Lucy Murray")),
        # ... and a label over a name, or over what a credit says, is the credit
        ("Image: Marco Torres", ("", "Image: Marco Torres")),
        ("Photo Credit: Screenshot from the WayAway website", ("", "Photo Credit: Screenshot from the WayAway website")),
        ("Photo Credit: Fotografía de eLuVe / Getty Images", ("", "Photo Credit: Fotografía de eLuVe / Getty Images")),
        # 'Photo courtesy X' without 'of' is all credit, as 'Photo courtesy of X' is
        ("Photo courtesy Method Architecture", ("", "Photo courtesy Method Architecture")),
        ("The studio at night. Photo courtesy of Jane Doe", ("The studio at night.", "Photo courtesy of Jane Doe")),
        # a picture viewer's prompt ends as a Chinese credit does, and is none
        ("（点击看清晰大图）", ("（点击看清晰大图）", "")),
    ],
)
def test_trailing_credit_is_split(caption: str, expected: tuple[str, str]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize(
    "caption",
    ["Two people in a photo: one is tall", "A picture of the harbour at dusk",
     "The AP and Reuters both covered it via Getty Images", "Media caption Who is Julian Assange?", "這是他拍的照片", "他手持的圖",
     "新城電台在社交網站上公布指，有一位員工確診。", "The team (left to right: John, Jane)"],
)
def test_caption_without_credit_is_kept_whole(caption: str) -> None:
    assert split_credit(caption) == (caption, "")


def test_credit_element_inside_figcaption() -> None:
    paragraph = "<p>" + "The harbour ferry service will change its timetable next month. " * 4 + "</p>"
    html = (
        "<html><head><title>Ferry</title></head><body><article>" + paragraph * 3
        + '<figure><img src="https://cdn.example.org/a.jpg" alt="The ferry at dusk">'
        '<figcaption>The ferry at dusk <span class="credit">Jane Doe</span></figcaption></figure>'
        + paragraph * 3 + "</article></body></html>"
    )
    ex = extract_page(html.encode(), url="https://news.example.org/ferry")
    assert ex.figures == [{"src": "https://cdn.example.org/a.jpg", "caption": "The ferry at dusk", "credit": "Jane Doe"}]
    # the Markdown shows the caption as the page does, once, and not as alt text
    assert ex.markdown.count("The ferry at dusk") == 1
    assert '<figcaption>The ferry at dusk Jane Doe</figcaption>' in ex.markdown
    assert "Jane Doe" not in ex.text  # captions belong to figures, not to the prose


def test_a_caption_pointing_at_its_picture_from_the_paragraph_beside_it() -> None:
    from .fixtures import PARAS

    paras = "".join(f"<p>{p.format(n=i)}</p>" for i, p in enumerate(PARAS, 1))
    pic = '<p style="text-align:center"><img src="https://cdn.example.org/{0}.jpg" alt="舊圖說明"></p>'
    html = (
        "<html><head><meta charset='utf-8'><title>公園計劃</title></head><body><article><div class='story'>"
        + pic.format("a") + "<p><strong>▲新公園的設計圖。（圖／測試新聞網）</strong></p>" + paras
        + pic.format("b") + "<p>▲▼市民在舊公園休息。</p>" + pic.format("c")
        + "<p>▼下月開放的新入口。</p>" + pic.format("d") + paras.replace("公園", "綠地")
        + pic.format("e") + "<p>居民表示歡迎。</p></div></article></body></html>"
    )
    ex = extract_page(html.encode())
    captions = {f["src"].rsplit("/", 1)[1]: (f.get("caption"), f.get("credit")) for f in ex.figures}
    assert captions == {"a.jpg": ("▲新公園的設計圖。", "圖／測試新聞網"), "b.jpg": ("▲▼市民在舊公園休息。", ""),
                        "c.jpg": ("▲▼市民在舊公園休息。", ""), "d.jpg": ("▼下月開放的新入口。", ""),
                        "e.jpg": ("", "")}  # a paragraph with no arrow is text, not a caption
    assert "▲" not in ex.text and "▼" not in ex.text and "居民表示歡迎。" in ex.text


def test_a_caption_classed_sibling_keeps_its_lines_apart() -> None:
    # the caption beside the picture, its text and credit two blocks ('…isn't easy.' 'Kathrin Ziegler/Getty')
    import lxml.html

    from newsark.extract.figures import image_caption

    box = lxml.html.fromstring(
        "<div><img src='https://cdn.example.org/a.jpg'><div class='image-caption'><p>The road to retiring early"
        " isn't easy.</p><p>Kathrin Ziegler/Getty</p></div></div>")
    assert image_caption(box.find(".//img")) == ("The road to retiring early isn't easy. Kathrin Ziegler/Getty", "")


def test_a_caption_beside_a_picture_elements_wrapper_is_found() -> None:
    """lxml nests an image inside each <source> of its <picture> (HTML's void <source> is
    no void element to it): the caption beside the picture's wrapper is still beside it,
    and one inside the <picture> after the image too."""
    import lxml.html

    from newsark.extract.figures import image_caption
    from newsark.extract.page import parse_document

    box = lxml.html.fromstring(
        "<div><div class='wrap'><picture><source srcset='a.webp'><source srcset='b.webp'><source srcset='c.webp'>"
        "<img src='https://cdn.example.org/a.jpg'></picture></div>"
        "<div class='caption'><p><span>A worker loads trims into his truck.</span><span> (AP Photo/Jo Doe)</span></p>"
        "</div></div>")
    img = box.find(".//img")
    assert [a.tag for a in img.iterancestors()][:3] == ["source", "source", "source"]
    assert image_caption(img) == ("A worker loads trims into his truck. (AP Photo/Jo Doe)", "")
    # as newsark reads the page, the sources emptied: the <picture> of four sources and the
    # image is no container of many blocks
    page = parse_document("<html><body><div><div class='wrap'><picture>" + "<source srcset='a.webp'>" * 4 +
                          "<img src='https://cdn.example.org/a.jpg'></picture></div><div class='caption'>"
                          "A worker loads trims into his truck.</div></div></body></html>")
    img = page.find(".//img")
    assert img.getparent().tag == "picture" and len(img.getparent()) == 5
    assert image_caption(img) == ("A worker loads trims into his truck.", "")
    inside = lxml.html.fromstring(
        "<div><picture><source srcset='a.webp'><source srcset='b.webp'><img src='https://cdn.example.org/b.jpg'>"
        "<figcaption class='caption'>Image Credit: Pexels</figcaption></picture></div>")
    assert image_caption(inside.find(".//img")) == ("Image Credit: Pexels", "")



def test_in_a_larger_block_only_the_pictures_nearest_siblings_caption_it() -> None:
    """In an article of many blocks, a caption-classed block a few paragraphs away is
    another picture's caption or a box's (WCXB 0215's screenshots all took a certificate's
    caption): only the two siblings on either side of the picture's block are looked at."""
    import lxml.html

    from newsark.extract.figures import image_caption

    paras = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(6))
    doc = lxml.html.fromstring(
        f"<article><p><img src='https://cdn.example.org/lead.jpg'></p>{paras}"
        "<p><img src='https://cdn.example.org/near.jpg'></p><p>Text.</p>"
        "<p class='caption'>A certificate, captioned two blocks below it.</p></article>")
    lead, near = doc.findall(".//img")
    assert image_caption(lead) == ("", "")
    assert image_caption(near) == ("A certificate, captioned two blocks below it.", "")
    small = lxml.html.fromstring(
        "<div><p><img src='https://cdn.example.org/a.jpg'></p><p>Text.</p><p>More.</p>"
        "<span class='caption'>A caption three blocks on, in a block of four.</span></div>")
    assert image_caption(small.find(".//img")) == ("A caption three blocks on, in a block of four.", "")

def test_a_figcaption_holding_only_its_credit_is_the_credit_once() -> None:
    """A figcaption whose only text is a credit-marked element, read again as a caption-classed
    element beside the picture (or as its twin for small screens), is the credit, not a caption too."""
    paragraph = "<p>" + "The harbour ferry service will change its timetable next month. " * 4 + "</p>"
    twin = ('<figure><div class="pic"><img src="https://cdn.example.org/a.jpg"></div>'
            '<figcaption class="caption caption--desktop"><span class="credit">Courtesy of the Port</span></figcaption>'
            '<figcaption class="caption caption--mobile"><span class="credit">Courtesy of the Port</span></figcaption>'
            '</figure>')
    html = ("<html><head><title>Ferry</title></head><body><article>" + paragraph * 3 + twin + paragraph * 3
            + "</article></body></html>")
    ex = extract_page(html.encode(), url="https://news.example.org/ferry")
    assert ex.figures == [{"src": "https://cdn.example.org/a.jpg", "caption": "", "credit": "Courtesy of the Port"}]
    assert ex.markdown.count("Courtesy of the Port") == 1


def test_a_caption_of_punctuation_alone_is_no_caption() -> None:
    paragraph = "<p>" + "The harbour ferry service will change its timetable next month. " * 4 + "</p>"
    figure = '<figure><img src="https://cdn.example.org/a.jpg"><figcaption> . </figcaption></figure>'
    html = ("<html><head><title>Ferry</title></head><body><article>" + paragraph * 3 + figure + paragraph * 3
            + "</article></body></html>")
    ex = extract_page(html.encode(), url="https://news.example.org/ferry")
    assert ex.figures == [{"src": "https://cdn.example.org/a.jpg", "caption": "", "credit": ""}]
    assert "<figcaption>" not in ex.markdown


def test_the_chinese_line_under_a_picture_that_is_its_caption() -> None:
    """A line under a picture that credits it, repeats its alt text or is set apart as
    captions are is its caption; a line aligned as the text, a subheading in bold, a
    section's number or a short sentence without any of these is the story's."""
    from .fixtures import PARAS

    paras = "".join(f"<p>{p.format(n=i)}</p>" for i, p in enumerate(PARAS, 1))
    pic = '<p><img src="https://cdn.example.org/{0}.jpg" alt="{1}"></p>'
    html = (
        "<html><head><meta charset='utf-8'><title>公园计划</title></head><body><article><div class='story'>"
        + paras + pic.format("a", "") + "<p>新公园的入口。市园林局供图</p>"
        + paras.replace("公園", "绿地") + pic.format("b", "") + '<p style="text-align:center">开幕仪式</p>'
        + paras.replace("公園", "广场") + pic.format("c", "湖边的长椅") + "<p>湖边的长椅</p>"
        + paras.replace("公園", "河岸") + pic.format("d", "") + '<p style="text-align:justify">开幕仪式之后</p>'
        + paras.replace("公園", "山坡") + pic.format("e", "") + "<p><strong>市民的意见</strong></p>"
        + paras.replace("公園", "街道") + pic.format("f", "") + "<p>居民表示欢迎。</p>"
        + paras.replace("公園", "车站") + "</div></article></body></html>"
    )
    ex = extract_page(html.encode())
    captions = {f["src"].rsplit("/", 1)[1]: (f.get("caption"), f.get("credit")) for f in ex.figures}
    assert captions == {"a.jpg": ("新公园的入口。", "市园林局供图"), "b.jpg": ("开幕仪式", ""),
                        "c.jpg": ("湖边的长椅", ""), "d.jpg": ("", ""), "e.jpg": ("", ""), "f.jpg": ("", "")}
    assert "供图" not in ex.text and "开幕仪式\n" not in ex.text
    assert all(t in ex.text for t in ("开幕仪式之后", "市民的意见", "居民表示欢迎。"))


def test_a_page_that_captions_its_pictures_with_short_lines_has_them_read_so() -> None:
    """Short unmarked lines under three or more pictures of the page, most of its lines
    under pictures, are its captions; a QR code's label in the menu does not count."""
    from .fixtures import PARAS

    paras = "".join(f"<p>{p.format(n=i)}</p>" for i, p in enumerate(PARAS, 1))
    pic = '<p><img src="https://cdn.example.org/{0}.jpg"></p>'
    menu = ("<div class='navTop'><div class='qr'><p><img src='https://cdn.example.org/qr1.png'></p><p>本网微信公众号</p>"
            "<p><img src='https://cdn.example.org/qr2.png'></p><p>本网客户端</p></div></div>")
    body = (paras + pic.format("a") + "<p>小花家。</p>" + paras.replace("公園", "学校") + pic.format("b")
            + "<p>大涧学校。</p>" + paras.replace("公園", "医院") + pic.format("c") + "<p>禹州市人民医院。</p>"
            + paras.replace("公園", "车站"))
    page = f"<html><head><meta charset='utf-8'><title>调查</title></head><body>{menu}<article>{body}</article></body></html>"
    ex = extract_page(page.encode())
    captions = {f["src"].rsplit("/", 1)[1]: f.get("caption") for f in ex.figures}
    assert captions == {"a.jpg": "小花家。", "b.jpg": "大涧学校。", "c.jpg": "禹州市人民医院。"}
    assert "小花家。" not in ex.text
    # two such pictures are no habit: the lines stay the story's
    two = page.replace(pic.format("c") + "<p>禹州市人民医院。</p>", "")
    assert all(not f.get("caption") for f in extract_page(two.encode()).figures)
    # the menu's two labelled QR codes do not make them four; outside a menu they would
    four = two.replace("<div class='navTop'><div class='qr'>", "<div><div>")
    assert {f["src"].rsplit("/", 1)[1]: f.get("caption") for f in extract_page(four.encode()).figures} == {
        "a.jpg": "小花家。", "b.jpg": "大涧学校。"}


def test_a_viewer_prompt_under_a_picture_is_neither_its_caption_nor_its_credit() -> None:
    """'（点击看清晰大图）' under a picture (163.com) asks to open a viewer the archived page
    does not have: the figure has no caption or credit from it, and the body drops it."""
    from .fixtures import PARAS

    paras = "".join(f"<p>{p.format(n=i)}</p>" for i, p in enumerate(PARAS, 1))
    html = ("<html><head><meta charset='utf-8'><title>道路封闭</title></head><body><article><div class='story'>"
            + paras + '<p class="f_center"><img src="https://cdn.example.org/map.jpg"><br></p>'
            + "<p>（点击看清晰大图）</p>" + paras.replace("公園", "大桥") + "</div></article></body></html>")
    ex = extract_page(html.encode())
    fig = next(f for f in ex.figures if f["src"].endswith("map.jpg"))
    assert (fig.get("caption"), fig.get("credit")) == ("", "")
    assert "点击" not in ex.markdown
