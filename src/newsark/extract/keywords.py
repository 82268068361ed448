"""A Chinese page's tags from its ``<meta name="keywords">``.

Chinese news sites write each article's keywords there (for Baidu): 163.com's '龙湖集团,
龙湖,吴亚军,开发商', thepaper.cn's '共享充电宝', the words the story is filed under, as the
archive's ``tags``. Some write the site's own words on every page instead ('今日头条，头条，
头条网', '山西;山西省;山西省人民政府网站'), or the headline: a list is taken only when most of
its words are written in the story itself (its headline and body), and then only those
words. English sites' keywords meta is left alone: search engines stopped reading it long
ago, and what it holds is mostly stale.
"""

from __future__ import annotations

import re

from .bylines import norm_name
from .reltags import MAX_TAGS

MAX_TAG = 20  # characters: a longer keyword is a headline or a phrase
HEADLINE_PIECE = 8  # characters: a keyword this long written in the headline is a piece of it
_SEP_RE = re.compile(r"\s*[,，、;；|｜]\s*")
# A news site's words for itself, on every page ('新聞,中央社,…').
_SITE_WORDS = frozenset({"新闻", "新聞", "资讯", "資訊", "头条", "頭條", "新闻中心", "新聞中心", "即时", "即時",
                         "最新", "视频", "影音", "图片", "圖片", "首页", "首頁", "新闻网", "新聞網"})


def chinese_keywords(values: list[str], title: str | None, body_text: str | None,
                     site_names: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The keywords of a Chinese page's keywords meta that its story writes, or none when
    most of them are not written there (the site's words, not the story's). A word of the
    site's names (``site_names``, normalised) and the headline's own pieces ('从上海车展看在华布局 现代
    汽车再次提速' for that headline) are no keywords."""
    words: list[str] = []
    for value in values:
        parts = _SEP_RE.split(value.strip())
        if len(parts) == 1:
            parts = value.split()  # a list apart by spaces ('小花 小刚 纸片 眼睛')
        words += [" ".join(p.split()) for p in parts]
    headline = norm_name(title or "")
    words = [w for w in dict.fromkeys(words) if _is_keyword(w, headline, site_names)]
    if not words:
        return []
    story = norm_name(f"{title or ''}{body_text or ''}")
    written = [w for w in words if norm_name(w) in story]
    return written[:MAX_TAGS] if 2 * len(written) >= len(words) else []


def _is_keyword(word: str, headline: str, site_names: set[str] | frozenset[str]) -> bool:
    key = norm_name(word)
    if not key or len(word) > MAX_TAG or key.isdigit():  # ('20190926': a date)
        return False
    if word in _SITE_WORDS or any(key in name for name in site_names):  # ('中央社' of '中央社 CNA')
        return False
    return not (len(key) >= HEADLINE_PIECE and key in headline) and key != headline
