from __future__ import annotations

from pathlib import Path

import pytest

from newsark.extract import SiteProfile, extract_page, learn_site

from .fixtures import zh_article, zh_list_page


def _site() -> list[tuple[bytes, str | None]]:
    pages = [(zh_article(n).encode("utf-8"), f"https://hk.example.org/a/{n}") for n in range(1, 5)]
    pages.append((zh_list_page().encode("utf-8"), "https://hk.example.org/news"))
    return pages


def test_learn_site_finds_template_body_and_list_pages() -> None:
    profile = learn_site(_site())
    assert profile.site == "hk.example.org"
    assert "div.article-content" in profile.body_selectors[0]
    assert any("版權所有" in b for b in profile.template_blocks)
    assert profile.not_articles == ["https://hk.example.org/news"]
    ex = extract_page(zh_article(7).encode("utf-8"), profile=profile)
    assert ex.path == "learned"
    assert "居民代表表示" in ex.text
    for template in ("關於我們", "版權所有", "訂閱我們的電子報", "相關新聞"):
        assert template not in ex.text


def test_page_that_does_not_fit_falls_back_to_generic() -> None:
    profile = learn_site(_site())
    other = zh_article(8, layout="b").encode("utf-8")  # redesigned page: no such selector
    ex = extract_page(other, profile=profile)
    assert ex.path == "generic"
    assert "居民代表表示" in ex.text and "版權所有" not in ex.text


@pytest.mark.parametrize("suffix", [".yaml", ".toml"])
def test_profile_round_trip_and_editable(tmp_path: Path, suffix: str) -> None:
    profile = learn_site(_site())
    path = tmp_path / f"site{suffix}"
    profile.to_file(path)
    again = SiteProfile.from_file(path)
    assert again.to_dict() == profile.to_dict()
    # a person adds a template block by hand
    text = path.read_text(encoding="utf-8")
    assert "body_selectors" in text


def test_bad_profile_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("body_selectors: ['div[[']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad body selector"):
        SiteProfile.from_file(path)
    path.write_text("colour: red\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown keys"):
        SiteProfile.from_file(path)
    with pytest.raises(ValueError):
        learn_site([(b"<html></html>", None)])
    with pytest.raises(ValueError, match="at least 2 readable pages \\(1 of 3\\)"):
        learn_site([_site()[0], (b"", None), (b"%PDF-1.4 ...", None)])


def test_learning_leaves_unreadable_pages_out() -> None:
    site = _site()
    assert learn_site([*site, (b"", None), (b"\x89PNG\r\n\x1a\n", None)]).to_dict() == learn_site(site).to_dict() | {
        "pages_seen": len(site)}


# -- learned metadata positions ---------------------------------------------------------

def _tagged(n: int, *, with_meta: bool = True) -> bytes:
    """A page of the fake site whose category and tags are shown (and, with_meta, also
    given in article:* meta, where the generic path reads them)."""
    meta = ('<meta property="article:section" content="社區">'
            f'<meta property="article:tag" content="公園"><meta property="article:tag" content="第{n}區">'
            if with_meta else "")
    shown = (f'<div class="crumbs"><a href="/">首頁</a> &gt; <a class="cat" href="/c">社區</a></div>'
             f'<div class="tags"><a href="/t/1">公園</a><a href="/t/{n}">第{n}區</a></div>')
    html = zh_article(n, extra_head=meta).replace('<div class="main">', f'<div class="main">{shown}')
    return html.encode("utf-8")


def test_learned_positions_of_title_date_author() -> None:
    profile = learn_site(_site())
    assert profile.meta_selectors["title"] == ["div.main > h1.headline"]
    assert profile.meta_selectors["date"] == ["div.info > span.time"]
    assert profile.meta_selectors["author"] == ["div.info > span.by"]
    # a byline without its role word: the generic path cannot tell it is the author
    page = zh_article(9).replace("記者陳大文、李小明／香港報導", "張志強").encode("utf-8")
    assert extract_page(page).author is None
    ex = extract_page(page, profile=profile)
    assert ex.author == "張志強" and ex.date == "2021-01-09T10:39:00"
    assert ex.meta_paths == {"title": "learned", "date": "learned", "author": "learned",
                             "category": "generic", "tags": "generic"}


def test_learned_position_missing_falls_back_to_generic() -> None:
    profile = learn_site(_site())
    page = zh_article(9).replace('<span class="time">2021年1月9日 10:39</span>', "").encode("utf-8")
    ex = extract_page(page, profile=profile)
    assert ex.meta_paths["date"] == "generic" and ex.meta_paths["title"] == "learned"


def test_learned_category_and_tags_fill_pages_without_meta() -> None:
    pages = [(_tagged(n), f"https://hk.example.org/a/{n}") for n in range(1, 5)]
    profile = learn_site(pages)
    assert profile.meta_selectors["category"] == ["div.crumbs > a.cat"]
    assert profile.meta_selectors["tags"] == ["div.main > div.tags"]
    bare = _tagged(8, with_meta=False)
    assert extract_page(bare).tags == []
    ex = extract_page(bare, profile=profile)
    assert ex.category == "社區" and ex.tags == ["公園", "第8區"]
    assert ex.meta_paths["category"] == ex.meta_paths["tags"] == "learned"


@pytest.mark.parametrize("suffix", [".yaml", ".toml"])
def test_meta_selectors_round_trip_and_old_profiles_load(tmp_path: Path, suffix: str) -> None:
    profile = learn_site(_site())
    path = tmp_path / f"site{suffix}"
    profile.to_file(path)
    assert "meta_selectors" in path.read_text(encoding="utf-8")
    assert SiteProfile.from_file(path).meta_selectors == profile.meta_selectors
    old = tmp_path / "old.yaml"  # saved before metadata positions were learned
    old.write_text("site: hk.example.org\nbody_selectors: ['div.article-content']\n", encoding="utf-8")
    ex = extract_page(zh_article(5).encode("utf-8"), profile=SiteProfile.from_file(old))
    assert ex.path == "learned" and set(ex.meta_paths.values()) == {"generic"}


def test_person_corrected_meta_selector_is_used(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("meta_selectors:\n  category:\n    - div.topnav > a[href='/sport']\n", encoding="utf-8")
    ex = extract_page(zh_article(5).encode("utf-8"), profile=SiteProfile.from_file(path))
    assert ex.category == "體育" and ex.meta_paths["category"] == "learned"


def test_bad_meta_selectors_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("meta_selectors:\n  colour: ['h1']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown metadata field"):
        SiteProfile.from_file(path)
    path.write_text("meta_selectors:\n  date: ['span[[']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad date selector"):
        SiteProfile.from_file(path)
    path.write_text("meta_selectors: ['h1']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="meta_selectors must map"):
        SiteProfile.from_file(path)


def _era_b(n: int) -> bytes:
    """A page of the same site after a redesign: other classes for the title and byline."""
    html = zh_article(n).replace('<h1 class="headline">', '<h1 class="story-title">')
    return html.replace('<div class="info">', '<div class="meta-line">').encode("utf-8")


def test_template_eras_give_one_selector_each() -> None:
    pages = [(zh_article(n).encode("utf-8"), None) for n in range(1, 4)]
    pages += [(_era_b(n), None) for n in range(4, 7)]
    profile = learn_site(pages)
    assert sorted(profile.meta_selectors["title"]) == ["div.main > h1.headline", "div.main > h1.story-title"]
    assert sorted(profile.meta_selectors["date"]) == ["div.info > span.time", "div.meta-line > span.time"]
    for page in (zh_article(8).encode("utf-8"), _era_b(9)):
        ex = extract_page(page.replace("記者陳大文、李小明／香港報導".encode(), "張志強".encode()), profile=profile)
        assert ex.author == "張志強" and ex.meta_paths["author"] == "learned"


def test_the_body_selector_is_the_articles_own_element_not_the_column_around_it() -> None:
    """The element holding the body is measured on the whole body (not the first 300
    characters of it, which every larger container holds as well)."""
    from newsark.extract.page import parse_document
    from newsark.extract.profile import body_element

    story = "".join(f"<p>第{n}段：{'居民代表表示新公園應設置無障礙設施及遮蔭座椅，' * 3}。</p>" for n in range(8))
    side = "<ul>" + "".join(f"<li>另一篇報道的標題第{n}號</li>" for n in range(3)) + "</ul>"
    doc = parse_document(f"<html><body><div id='wrap'><div class='story'>{story}</div>"
                         f"<div class='side'>{side}</div></div></body></html>")
    body = "\n".join(p.text_content() for p in doc.iter("p")) + "\n另一篇報道的標題第0號"
    assert len(body) > 300
    el = body_element(doc, body)
    assert el is not None and el.get("class") == "story"


def test_a_learned_profile_is_the_same_file_every_run(tmp_path: Path) -> None:
    """Template blocks keep the order of the pages, not of a hash that changes per process."""
    import subprocess
    import sys

    for n, (data, _) in enumerate(_site()):
        (tmp_path / f"{n}.html").write_bytes(data)
    code = ("import sys, pathlib; from newsark.extract import learn_site; "
            "p = sorted(pathlib.Path(sys.argv[1]).glob('*.html')); "
            "print(learn_site([(f.read_bytes(), None) for f in p]).to_json())")
    runs = {subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(runs) == 1


def test_a_learned_container_loses_what_no_reader_reads_there() -> None:
    """The learned path takes its container as the page wrote it: a form's controls and
    what the page hides go, as both libraries drop them on the generic path; a lightbox's
    button keeps its picture."""
    import lxml.html

    from newsark.extract.profile import drop_unread

    box = lxml.html.fromstring(
        "<div><p>市議會今日討論新的公園計劃。</p>"
        "<label><input type='checkbox' checked>自动播放</label><span>公園計劃短片</span>"
        "<div style='display: none;'><a href='#'>向前</a><a href='#'>向后</a></div>"
        "<p hidden>舊版本的段落</p><p style='color:red;visibility:hidden'>看不見</p>"
        "<button class='lightbox'><figure><img src='/p.jpg'><figcaption>公園設計圖</figcaption></figure></button>"
        "<button>分享</button><select><option>排序</option></select>"
        "<p>居民代表表示歡迎。</p></div>")
    assert drop_unread(box) == 7
    assert box.text_content() == "市議會今日討論新的公園計劃。公園計劃短片公園設計圖居民代表表示歡迎。"
    assert box.find(".//img") is not None


def test_a_link_inside_a_line_of_text_is_a_word_of_it_a_menus_link_is_not() -> None:
    import lxml.html

    from newsark.extract.profile import _in_running_text

    page = lxml.html.fromstring(
        "<div><p>快来<a id='a'>新浪众测</a>，体验最新產品。</p>"
        "<p>鎖定@新浪科技 <span id='s'><a id='b'>微博</a></span><span></span>，我們用最新資訊填飽你。</p>"
        "<div class='nav'><a id='c'>首頁</a> <a id='d'>新聞</a></div>"
        "<ul><li><a id='e'>體育</a></li></ul></div>")
    found = {el.get("id"): _in_running_text(el) for el in page.iter("a", "span") if el.get("id")}
    assert found == {"a": True, "s": True, "b": True, "c": False, "d": False, "e": False}
