"""The dense-text fallback (dense.py) on Chinese pages that readability and trafilatura miss:
article text in nested ``<section><span>`` runs with no ``<p>``, as WeChat writes it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsark.extract import extract_page
from newsark.extract.candidates import Candidate
from newsark.extract.dense import SHORT, fallback, is_short
from newsark.extract.page import parse_document

from .fixtures import zh_list_page

SENTENCES = [
    "市議會今日討論第{n}項新的公園計劃，多名議員發言支持擴建綠化空間，並要求政府盡快公布詳細的時間表。",
    "居民代表表示，區內長者及兒童一直缺乏休憩地方，希望第{n}座新公園能設置無障礙設施、遮蔭座椅和飲水機。",
    "有環保團體指出，計劃應保留現有的{n}棵大樹，並在設計階段加入公眾諮詢，避免重複過去砍樹的錯誤。",
    "政府發言人回應時說，當局會在{n}月提交方案，並會考慮各方意見，預計整項工程需時兩年，費用約三億元。",
]


def _section_page() -> str:
    """An article whose paragraphs are <section><span> runs (no <p>; images between), after
    a menu of links and a hidden account box, before dialog boxes of short <p> lines — the
    only <p>s of the page."""
    runs = "".join(
        f'<section style="margin:0 16px"><span style="font-size:15px">{s.format(n=n)}</span>'
        f'<span style="font-size:15px">{s.format(n=n + 10)}</span></section>'
        + (f'<section style="text-align:center"><img src="/img/{n}.jpg"></section>' if s is SENTENCES[1] else "")
        for n in range(1, 4) for s in SENTENCES)
    menu = " ".join(f'<a href="/c/{i}">欄目{i}</a>' for i in range(12))
    boxes = "".join(f'<div style="display:none"><div class="dialog"><p class="tip">{t}</p></div></div>'
                    for t in ("已發送", "發送中", "前往“發現”瀏覽“朋友在看”", "掃一掃 關注該公眾號", "已留言", "寫下你的想法", "已同步到看一看", "我知道了",
                              "留言將由公眾號篩選後顯示，你的留言已提交成功", "該內容已被發布者刪除，暫時無法查看",
                              "輕點兩下取消在看", "微信掃一掃，使用小程序"))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>公園計劃 | 測試號</title></head>
<body><div class="top"><div class="menu">{menu}</div></div>
<div class="rich_media"><h2 class="rich_media_title">公園計劃討論</h2>
<div class="meta"><span>測試號</span> <em>2021-01-05</em></div>
<div class="profile" style="display:none"><p class="profile_meta"><label>微信號</label> <span>test_account</span></p>
<p class="profile_meta"><label>功能介紹</label> <span>本地社區新聞，每日更新</span></p></div>
<div class="rich_media_content" id="content"><section style="display:none"><br></section>{runs}</div></div>
{boxes}<div class="footer">版權所有 測試號</div></body></html>"""


def test_section_span_article_is_found() -> None:
    ex = extract_page(_section_page().encode("utf-8"))
    assert ex.is_article, ex.reason
    assert ex.chosen == "dense"
    for n in (1, 13):
        assert SENTENCES[0].format(n=n) in ex.text
    assert SENTENCES[3].format(n=13) in ex.text
    # the menu, the account box and the footer stay out
    for junk in ("欄目", "微信號", "關注該公眾號", "版權所有"):
        assert junk not in ex.text
    assert len(ex.text.split("\n\n")) >= 12  # one paragraph per run, not one blob


def test_fallback_not_taken_over_a_good_body() -> None:
    doc = parse_document(_section_page())
    assert not is_short(Candidate("readability", doc, "字" * (SHORT + 1)))
    assert is_short(Candidate("readability", doc, "字" * (SHORT - 1))) and is_short(None)
    assert fallback(doc, None) is not None
    # a body already longer than half the dense block is kept
    assert fallback(doc, Candidate("readability", doc, "字" * 1000)) is None


def test_short_body_with_a_paragraph_is_kept_unless_the_block_holds_it() -> None:
    doc = parse_document(_section_page())
    other = "這是另一篇很短的報道，內容只有一段，講述區內一間小店結業，店主感謝街坊多年來的支持和照顧。"
    assert fallback(doc, Candidate("trafilatura", doc, other)) is None
    # the same short body as menu lines (no paragraph): the dense block replaces it
    menu = "\n".join(other[i:i + 10] for i in range(0, len(other), 10))
    assert fallback(doc, Candidate("trafilatura", doc, menu)) is not None
    # a fragment of the article: the block holding it replaces it
    part = SENTENCES[2].format(n=2) + SENTENCES[3].format(n=2)
    assert fallback(doc, Candidate("trafilatura", doc, part)) is not None


def test_list_page_stays_a_list() -> None:
    ex = extract_page(zh_list_page().encode("utf-8"))
    assert not ex.is_article
    assert ex.chosen != "dense"


def test_page_of_links_gives_no_dense_body() -> None:
    """A page that is only headlines: the densest block is link text, not a body."""
    links = "".join(f'<li><a href="/n/{i}">第{i}條新聞標題：市議會討論公園計劃</a></li>' for i in range(40))
    html = f'<html><head><meta charset="utf-8"></head><body><ul class="list">{links}</ul></body></html>'
    assert fallback(parse_document(html), None) is None


def test_a_gne_config_file_in_the_working_directory_changes_nothing(tmp_path: Path) -> None:
    # gne reads '.gne' from the working directory at import; this one would take the menu
    # for the body. Run in a fresh interpreter there, so gne is imported afresh.
    (tmp_path / ".gne").write_text('body:\n  xpath: "//div[@class=\'menu\']"\n', encoding="utf-8")
    (tmp_path / "page.html").write_text(_section_page(), encoding="utf-8")
    code = ("import json, sys; from newsark.extract import extract_page; "
            "ex = extract_page(open('page.html', 'rb').read()); print(json.dumps([ex.chosen, ex.text]))")
    run = subprocess.run([sys.executable, "-c", code], check=False, cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    chosen, text = json.loads(run.stdout)
    assert chosen == "dense"
    assert SENTENCES[0].format(n=1) in text and "欄目" not in text
