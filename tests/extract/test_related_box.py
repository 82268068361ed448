"""An editor's box of other stories inside a Chinese article goes whole: its label, the
other story's headline and its summary."""
from __future__ import annotations

import lxml.html

from newsark.extract import extract_page
from newsark.extract.relatedbox import drop_related_boxes

from .fixtures import PARAS

STORY = "\n".join(f"<p>{p.format(n=3)}</p>" for p in PARAS)
SUMMARY = ("近日，另一個社區的居民也要求政府增建公園，區議會將在下月討論有關建議，"
           "居民代表並表示會在會議上提交聯署，要求當局盡快回應。")


def _page(inside: str, after: str = "") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>公園計劃 | 測試新聞網</title></head><body>"
            f"<div class='article'><h1>公園計劃</h1>{STORY}{inside}{after}</div></body></html>").encode()


BOX = (f"<div class='special_tag_wrap'><div class='special_tag_ttl'>延伸 · 推荐</div>"
       f"<div class='special_tag_cnt'><p><a href='https://news.example.cn/19/a.html'>另一社區要求增建公園</a></p>"
       f"<p>{SUMMARY}</p></div></div>")


def test_a_box_of_another_story_inside_the_article_goes_with_its_summary() -> None:
    ex = extract_page(_page(BOX, "<p>本文来源：測試新聞網</p><p>责任编辑：陳大文</p>"),
                      url="https://news.example.cn/19/b.html")
    assert "延伸" not in ex.markdown and "另一社區" not in ex.markdown and SUMMARY not in ex.markdown
    assert PARAS[3].format(n=3) in ex.markdown and "本文来源：測試新聞網" in ex.markdown


def test_a_label_among_the_articles_own_paragraphs_and_a_label_over_prose_stay_for_the_markdown() -> None:
    # Sina's '相关新闻：' over links in the article's flow: no box of its own (the Markdown's
    # rule takes the label and links); the article's next paragraph stays
    flow = (f"<p><strong>相关新闻：</strong></p><p><a href='https://news.example.cn/19/c.html'>另一社區要求增建公園</a></p>"
            f"<p>{SUMMARY}</p>")
    doc = lxml.html.fromstring(_page(flow))
    assert drop_related_boxes(doc, flow) == 0
    ex = extract_page(_page(flow), url="https://news.example.cn/19/b.html")
    assert SUMMARY in ex.markdown and "另一社區要求增建公園" not in ex.markdown
    # a small element that does not open with the label (a brief that ends with it) stays
    brief = f"<div class='brief'><p>{SUMMARY}</p><p>相關閱讀</p><p><a href='/x'>另一篇</a></p></div>"
    assert drop_related_boxes(lxml.html.fromstring(f"<html><body>{brief}</body></html>"), brief) == 0
    # a box of far more text than headlines and a summary each is no box
    long = f"<div><p>相关阅读</p><p><a href='/x'>另一篇</a></p><p>{SUMMARY * 6}</p></div>"
    assert drop_related_boxes(lxml.html.fromstring(f"<html><body>{long}</body></html>"), long) == 0


def test_an_english_page_is_not_walked() -> None:
    box = "<div><p>Related articles</p><p><a href='/x'>Another park</a></p></div>"
    assert drop_related_boxes(lxml.html.fromstring(f"<html><body>{box}</body></html>"), box) == 0
