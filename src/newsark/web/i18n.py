"""Interface strings: Traditional Chinese (Hong Kong) by default, English on request.

The language comes from ``?lang=`` (which also sets a cookie) or the ``lang`` cookie.
"""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
HTML_LANG = {"zh": "zh-Hant-HK", "en": "en"}

STRINGS: dict[str, dict[str, str]] = {
    "site_name": {"zh": "新聞檔案館", "en": "News archive"},
    "skip": {"zh": "跳到內容", "en": "Skip to content"},
    "home": {"zh": "首頁", "en": "Home"},
    "search": {"zh": "搜尋", "en": "Search"},
    "search_placeholder": {"zh": "搜尋標題、內文、人名…（按 / ）", "en": "Search titles, text, names… (press /)"},
    "browse_dates": {"zh": "按日期", "en": "By date"},
    "categories": {"zh": "分類", "en": "Categories"},
    "tags": {"zh": "標籤", "en": "Tags"},
    "authors": {"zh": "作者", "en": "Authors"},
    "category": {"zh": "分類", "en": "Category"},
    "tag": {"zh": "標籤", "en": "Tag"},
    "author": {"zh": "作者", "en": "Author"},
    "year": {"zh": "年份", "en": "Year"},
    "date": {"zh": "日期", "en": "Date"},
    "from": {"zh": "由", "en": "From"},
    "to": {"zh": "至", "en": "To"},
    "filters": {"zh": "篩選", "en": "Filters"},
    "apply": {"zh": "套用", "en": "Apply"},
    "clear_filters": {"zh": "清除篩選", "en": "Clear filters"},
    "remove_filter": {"zh": "移除篩選", "en": "Remove filter"},
    "archive_holds": {"zh": "檔案館收藏", "en": "This archive holds"},
    "stories_n": {"zh": "{n} 篇報道", "en": "{n} stories"},
    "files_n": {"zh": "{n} 個檔案", "en": "{n} files"},
    "aliases_n": {"zh": "{n} 個重複編號", "en": "{n} duplicate ids"},
    "span": {"zh": "{first} 至 {last}", "en": "{first} to {last}"},
    "from_sites": {"zh": "來源網站", "en": "From"},
    "latest": {"zh": "最新", "en": "Latest"},
    "on_this_day": {"zh": "歷年今日（{md}）", "en": "On this day ({md})"},
    "nothing_on_this_day": {"zh": "往年今日沒有報道。", "en": "No stories on this day in past years."},
    "all_years": {"zh": "所有年份", "en": "All years"},
    "results_n": {"zh": "找到 {n} 篇（{ms} 毫秒）", "en": "{n} results ({ms} ms)"},
    "relaxed": {
        "zh": "沒有報道包含全部字詞，以下是包含部分字詞的結果。",
        "en": "No story has every term; these have some of them.",
    },
    "no_results": {"zh": "沒有找到相關報道。", "en": "Nothing found."},
    "search_help": {
        "zh": "以空格分隔多個字詞（全部須符合）；\"引號\" 搜尋完整詞組；-字詞 排除；亦可用 category:、author:、tag:。簡體、繁體皆可。",
        "en": "Space-separated terms are all required; \"quotes\" for a phrase; -word to exclude; "
              "also category:, author:, tag:. Simplified or Traditional Chinese both work.",
    },
    "search_unavailable": {
        "zh": "此檔案館尚未建立搜尋索引（請執行 newsark index）。",
        "en": "This archive has no search index yet (run newsark index).",
    },
    "prev": {"zh": "上一頁", "en": "Previous"},
    "next": {"zh": "下一頁", "en": "Next"},
    "page_of": {"zh": "第 {page} / {pages} 頁", "en": "Page {page} of {pages}"},
    "count_n": {"zh": "{n} 篇", "en": "{n}"},
    "alias_notice": {
        "zh": "編號 {alias} 是報道 {story} 的重複副本，以下顯示該報道。",
        "en": "Id {alias} is a duplicate copy of story {story}; the story is shown below.",
    },
    "provenance": {"zh": "來源紀錄", "en": "Provenance"},
    "captured": {"zh": "擷取時間", "en": "Captured"},
    "capture_link": {"zh": "網頁封存", "en": "Archived capture"},
    "original_url": {"zh": "原網址", "en": "Original URL"},
    "aliases": {"zh": "重複編號", "en": "Duplicate ids"},
    "last_updated": {"zh": "最後更新", "en": "Last updated"},
    "imported_from": {"zh": "匯入來源", "en": "Imported from"},
    "removed_boilerplate": {"zh": "已移出正文的樣板文字（{n} 段）", "en": "Boilerplate moved out of the text ({n})"},
    "author_bio": {"zh": "作者簡介", "en": "About the author"},
    "video": {"zh": "觀看影片（{host}，網頁封存）", "en": "Watch the video ({host}, archived capture)"},
    "not_found": {"zh": "找不到此頁。", "en": "Page not found."},
    "bad_request": {"zh": "要求無效：{msg}", "en": "Bad request: {msg}"},
    "unreadable": {"zh": "此檔案無法讀取。", "en": "This file cannot be read."},
    "json": {"zh": "JSON", "en": "JSON"},
    "lang_switch": {"zh": "English", "en": "中文"},
    "more": {"zh": "更多…", "en": "More…"},
    "all_categories": {"zh": "所有分類", "en": "All categories"},
    "all_tags": {"zh": "所有標籤", "en": "All tags"},
    "all_authors": {"zh": "所有作者", "en": "All authors"},
    "month_label": {"zh": "{y} 年 {m} 月", "en": "{y}-{m}"},
    "year_label": {"zh": "{y} 年", "en": "{y}"},
    "month_short": {"zh": "{m} 月", "en": "{name}"},
    "day_short": {"zh": "{d} 日", "en": "{d}"},
    "day_label": {"zh": "{y} 年 {m} 月 {d} 日", "en": "{y}-{m}-{d}"},
    "keyboard_help": {"zh": "鍵盤：/ 搜尋", "en": "Keyboard: / search"},
}


def pick_lang(query_lang: str | None, cookie_lang: str | None) -> str:
    for value in (query_lang, cookie_lang):
        if value in LANGS:
            return str(value)
    return DEFAULT_LANG


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **fmt)`` for one language (falls back to the key so a typo shows)."""

    def t(key: str, **fmt: object) -> str:
        entry = STRINGS.get(key)
        text = entry.get(lang, entry[DEFAULT_LANG]) if entry else key
        return text.format(**fmt) if fmt else text

    return t
