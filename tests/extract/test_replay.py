"""Pages saved from the Wayback Machine's replay: its toolbar is not the page, and the page
says which capture it is."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from newsark.cli import main
from newsark.extract import extract_page
from newsark.extract.page import parse_document
from newsark.extract.replay import drop_replay_toolbar, is_replayed, replay_capture

from .fixtures import EN_ARTICLE, wayback_replay, zh_article

ORIGINAL = "https://news.example.org/2020/03/04/ferry"
CAPTURE = f"https://web.archive.org/web/20200305000000/{ORIGINAL}"
TOOLBAR_WORDS = ("captures", "COLLECTED BY", "Wayback Machine", "TIMESTAMPS", "Organization")


def test_a_replayed_page_is_read_without_its_toolbar_and_links_point_at_captures() -> None:
    ex = extract_page(wayback_replay(EN_ARTICLE, ORIGINAL).encode())
    assert ex.capture_url == CAPTURE
    assert ex.title == "Harbour ferry timetable changes next month"
    assert ex.date == "2020-03-04T08:15:00+08:00"  # not the toolbar's '04 Mar 2020 - 12 Jan 2023'
    for word in TOOLBAR_WORDS:
        assert word not in ex.markdown
    assert "[fares page](https://web.archive.org/web/20200305000000/https://news.example.org/fares)" in ex.markdown
    assert ex.figures[0]["src"] == "https://web.archive.org/web/20200305000000im_/https://cdn.example.org/ferry.jpg"
    # the same page fetched raw reads the same, once the capture is given
    raw = extract_page(EN_ARTICLE.encode(), capture_url=CAPTURE)
    assert (raw.markdown, raw.title, raw.date, raw.author) == (ex.markdown, ex.title, ex.date, ex.author)


def test_a_replayed_chinese_page_too() -> None:
    page = wayback_replay(zh_article(3), "https://hk.example.org/a/3", ts="20210105000000")
    ex = extract_page(page.encode("utf-8"))
    assert ex.capture_url == "https://web.archive.org/web/20210105000000/https://hk.example.org/a/3"
    assert ex.is_article and "居民代表表示" in ex.text
    for word in TOOLBAR_WORDS:
        assert word not in ex.markdown


def test_toolbar_without_its_end_marker_goes_by_its_ids_and_page_text_stays() -> None:
    doc = parse_document(
        "<html><body><p>Before <!-- BEGIN WAYBACK TOOLBAR INSERT --><span id='wm-ipp-base'>12 captures</span>"
        " after the toolbar.</p><div id='wm-ipp-print'>The Wayback Machine - https://web.archive.org/web/…</div>"
        "<p>The story.</p></body></html>")
    assert drop_replay_toolbar(doc) == 2
    assert [" ".join(p.text_content().split()) for p in doc.iter("p")] == ["Before after the toolbar.", "The story."]
    assert "Wayback" not in etree.tostring(doc, encoding="unicode")


def test_the_replay_is_known_by_either_end_of_the_page() -> None:
    filler = "<p>" + "text " * 20000 + "</p>"
    assert is_replayed(f'<html><head><script>__wm.init("https://web.archive.org/web");</script></head>{filler}')
    assert is_replayed(f"<html>{filler}</html>\n<!--\n     FILE ARCHIVED ON 00:00:00 Mar 05, 2020 AND RETRIEVED -->")
    assert not is_replayed(f"<html>{filler}<p>a story about __wm. and FILE ARCHIVED ON</p>{filler}</html>")


def test_an_ordinary_page_is_not_taken_for_a_replay() -> None:
    assert not is_replayed(EN_ARTICLE)
    assert replay_capture(parse_document(EN_ARTICLE)) is None
    assert extract_page(EN_ARTICLE.encode()).capture_url is None
    # a canonical link to a capture, with nothing else of the replay, still names it
    doc = parse_document(f'<html><head><link rel="canonical" href="{CAPTURE}"></head><body><p>x</p></body></html>')
    assert replay_capture(doc) == CAPTURE


def test_extract_cli_gives_the_capture_it_found(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_bytes(wayback_replay(EN_ARTICLE, ORIGINAL).encode())
    result = CliRunner().invoke(main, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    assert f'url: "{CAPTURE}"' in result.stdout and f'original_url: "{ORIGINAL}"' in result.stdout
    data = CliRunner().invoke(main, ["extract", str(page), "--json"]).stdout
    assert f'"capture_url": "{CAPTURE}"' in data


def test_a_site_saved_from_the_replay_learns_the_sites_template_not_the_toolbars() -> None:
    from newsark.extract import learn_site

    pages = [(wayback_replay(zh_article(n), f"https://hk.example.org/a/{n}").encode("utf-8"), None) for n in range(1, 5)]
    profile = learn_site(pages)
    assert any("版權所有" in b for b in profile.template_blocks)
    for block in profile.template_blocks:
        for word in TOOLBAR_WORDS:
            assert word not in block, block
    ex = extract_page(pages[0][0], profile=profile)
    assert ex.path == "learned" and ex.capture_url is not None
