"""Byline normalisation: roles (記者／攝影／撰文／文／圖, By, Photo) apart from names."""

from __future__ import annotations

import re
import unicodedata

ROLES = {
    "記者": "記者", "记者": "記者", "特約記者": "記者", "實習記者": "記者", "见习记者": "記者",
    "撰文": "撰文", "文字": "撰文", "文": "撰文", "作者": "撰文", "by": "撰文", "written by": "撰文",
    "攝影": "攝影", "摄影": "攝影", "圖": "圖", "图": "圖", "photo": "攝影", "photos": "攝影",
    "編輯": "編輯", "编辑": "編輯", "責任編輯": "編輯", "责任编辑": "編輯",
}
_ROLE_RE = re.compile(
    r"(特約記者|實習記者|见习记者|責任編輯|责任编辑|記者|记者|撰文|文字|作者|攝影|摄影|編輯|编辑|"
    r"written by|photos?|by|文|圖|图)\s*[:：/／|｜]?\s*",
    re.I,
)
_SPLIT_RE = re.compile(r"\s*(?:[、,，;；/／|｜&]|\band\b|\s和\s|及|與|与)\s*")
_NOT_NAME_RE = re.compile(
    r"(https?:|www\.|\.com|@|新聞網|新闻网|日報|日报|時報|时报|網站|网站|通讯社|通訊社|"
    r"來源|来源|責任|责任|分享|評論|评论|点击|點擊|订阅|訂閱|广告|廣告|\d{3,}|staff|admin|"
    r"reporter$|contributor$|editor$)",
    re.I,
)
_TRAIL_RE = re.compile(r"(報導|报道|報道|综合报道|綜合報導|整理|攝|摄|編譯|编译|/.*)$")


def split_byline(text: str) -> list[tuple[str, str]]:
    """[(role, name)] of a byline such as '記者王小明、李大華／台北報導' or 'By A and B'."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    text = re.sub(r"^(本報|本报|中央社|[A-Za-z]+ ?News)\s*", "", text)
    text = re.sub(r"[（(\[【].*?[)）\]】]", " ", text)
    out: list[tuple[str, str]] = []
    # Split into role-tagged segments: the role applies to the names after it.
    pieces = _ROLE_RE.split(text)
    role = "撰文"
    # re.split with one group yields [before, role, after, role, after...]
    for i, piece in enumerate(pieces):
        if i % 2 == 1:
            role = ROLES.get(piece.strip().lower(), "撰文")
            continue
        piece = _TRAIL_RE.sub("", piece.strip()).strip(" :：-—–/／")
        if not piece:
            continue
        for name in _SPLIT_RE.split(piece):
            name = _TRAIL_RE.sub("", name.strip(" .:：-—–")).strip()
            # A Chinese name followed by a place ('王小明 台北') keeps the name.
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}\s+[\u4e00-\u9fff]{2,}", name):
                name = name.split()[0]
            if name:
                out.append((role, name))
    return out


def looks_like_name(name: str) -> bool:
    if not name or _NOT_NAME_RE.search(name):
        return False
    if re.search(r"[\u4e00-\u9fff]", name):
        return 2 <= len(name.replace(" ", "")) <= 12
    words = name.split()
    return 1 <= len(words) <= 5 and len(name) <= 50 and not any(c.isdigit() for c in name)
