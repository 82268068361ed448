"""Template learning on the real multi-page Chinese sites of gne-zh-unlabelled (local only)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsark.extract import extract_page, learn_site

GNE = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "extract" / "gne-zh-unlabelled"

pytestmark = pytest.mark.skipif(not GNE.is_dir(), reason=f"development pages absent: {GNE}")


@pytest.mark.slow
@pytest.mark.parametrize("site", ["163", "sina", "thepaper", "ifeng"])
def test_learned_template_keeps_recurring_blocks_out_of_bodies(site: str) -> None:
    pages = [(f.read_bytes(), None) for f in sorted((GNE / "tests" / site).glob("*.html"))]
    profile = learn_site(pages)
    assert profile.body_selectors
    bodies = [extract_page(d, profile=profile) for d, _ in pages]
    assert all(b.is_article and b.text and b.title for b in bodies)
    assert sum(b.path == "learned" for b in bodies) >= len(bodies) // 2
    seen: Counter[str] = Counter()
    for text in dict.fromkeys(b.text for b in bodies):
        seen.update({ln for ln in text.split("\n") if len(ln) >= 8})
    assert [ln for ln, n in seen.items() if n >= 2] == []


@pytest.mark.parametrize("page", ["163/1.html", "163/2.html", "netease_forum/1.html", "tieba/1.html"])
def test_list_pages_are_not_articles(page: str) -> None:
    ex = extract_page((GNE / "test_list_page" / page).read_bytes())
    assert not ex.is_article


@pytest.mark.slow
@pytest.mark.parametrize("site", ["163", "sina"])
def test_learned_metadata_positions_agree_with_the_generic_path(site: str) -> None:
    pages = [(f.read_bytes(), None) for f in sorted((GNE / "tests" / site).glob("*.html"))]
    profile = learn_site(pages)
    assert {"title", "date"} <= set(profile.meta_selectors)
    for data, _ in pages:
        learned, generic = extract_page(data, profile=profile), extract_page(data)
        assert learned.title == generic.title
        assert (learned.date or "")[:10] == (generic.date or "")[:10]
    paths = [extract_page(d, profile=profile).meta_paths for d, _ in pages]
    assert sum(p["title"] == "learned" for p in paths) >= len(pages) // 2


@pytest.mark.parametrize(("page", "least"), [("baijiahao/3.html", 17), ("thepaper/2.html", 8), ("toutiao/5.html", 9)])
def test_a_chinese_storys_pictures_are_kept_without_a_learned_template(page: str, least: int) -> None:
    """Readability keeps none of these stories' pictures (between paragraphs, or between
    runs of text in one <div>); they are put back in place (test_chinese_pictures.py)."""
    ex = extract_page((GNE / "tests" / page).read_bytes())
    assert len(ex.figures) >= least
    assert ex.markdown.count("<figure>") == len(ex.figures)


def test_a_learned_container_loses_its_hidden_parts_and_form_controls_not_its_words() -> None:
    """Sina's tech pages: a player's checkbox label ('自动播放') and its closed playlist ('向前 向后')
    were in the learned body; a word linked in a sentence ('@苹果汇 [微博]，我们') whose text the
    site's menus repeat was cut out of it. (The promotion above the story, '快来[新浪众测]，体验…
    下载客户端还能获得专享福利哦！', had lost its linked word too; it goes whole now, a prompt.)"""
    pages = [(f.read_bytes(), None) for f in sorted((GNE / "tests" / "sina").glob("*.html"))]
    ex = extract_page((GNE / "tests" / "sina" / "4.html").read_bytes(), profile=learn_site(pages))
    assert ex.path == "learned"
    assert "自动播放" not in ex.text and "向前 向后" not in ex.text
    assert "新浪众测" not in ex.text and "专享福利" not in ex.text
    assert "@苹果汇 微博，我们用最新资讯填饱你" in ex.text  # (a stock's link in its own <span>s)
