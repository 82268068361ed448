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
