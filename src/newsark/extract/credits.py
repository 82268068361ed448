"""Photo credits at the end of figure captions, split from the caption text.

Captions end with who took or supplied the picture: "Photo: Reuters", "(AP Photo/Jane Doe)",
"John Smith/Getty Images", "（圖：美聯社）", "（邢穎琦攝）", "曾港深攝", "網上資料圖片",
"圖片來源：港台". Only a trailing credit is split off; a caption that is all credit becomes
an empty caption and a credit.
"""

from __future__ import annotations

import re

from .media import VIEWER_PROMPT_RE

# A story's source, not a picture's ('来源：新华网' under the text, or under a picture):
# lines that start so are never taken for a photo credit alone.
STORY_SOURCE = ("来源", "來源", "资料来源", "資料來源")

_ROLE_ZH = r"(?:圖|图|圖片|图片|相片|照片|攝影|摄影|攝|摄|圖片來源|图片来源|照片來源|照片来源|相片來源|來源|来源|資料來源|资料来源|圖源|图源)"
_SUFFIX_ZH = r"(?:攝|摄|圖片|图片|照片|相片|截圖|截图|提供|製圖|制图|資料圖|资料图|圖|图)"
_AGENCY = (r"(?:Reuters|AFP|AP|EPA|Getty Images|Shutterstock|Bloomberg|Xinhua|NurPhoto|"
           r"iStock|Alamy|Unsplash|Pexels|SOPA Images|Corbis|PA|AAP|ANI|Kyodo|Yonhap)")
_NAME = r"[A-Z][\w.'’+-]*(?: [A-Z][\w.'’+-]*){0,3}"  # a photographer's or a collection's
_ROLE_EN = r"(?:Photo|Photos|Photograph|Photography|Image|Images|Picture|Illustration|Video|Credit|Photo credit|Image credit|Source)"

_PATTERNS = [
    # Chinese, bracketed: （圖：美聯社） (攝影／王小明) （邢穎琦攝） (蘋果日報圖片)
    re.compile(rf"[（(]\s*{_ROLE_ZH}\s*[：:︰／/]\s*[^（）()]{{1,40}}[）)]$"),
    re.compile(rf"[（(][^（）()]{{1,30}}{_SUFFIX_ZH}[）)]$"),
    # ... taken from elsewhere: （圖翻攝自google map） （图片截取自微博）
    re.compile(r"[（(]\s*(?:圖|图|圖片|图片)\s*(?:翻攝|翻摄|擷取|撷取|截取|取)自[^（）()]{1,40}[）)]$"),
    # Chinese, after the sentence or a gap: 。曾港深攝   程凱欣Facebook圖片   圖片來源：港台
    re.compile(rf"(?:(?<=[。！？；.!?])|(?<=\s)|^)\s*{_ROLE_ZH}\s*[：:︰／/]\s*[^。！？]{{1,40}}$"),
    re.compile(rf"(?:(?<=[。！？；.!?])|(?<=\s{{2}}))\s*[^\s。！？；，,]{{1,24}}{_SUFFIX_ZH}$"),
    # ... the names apart from their 摄: 。城市摄影队 周斌 摄   。通讯员刘娟 摄
    re.compile(r"(?<=[。！？；.!?])\s*[^。！？；，,]{1,24}?\s+(?:攝|摄)$"),
    # English: "Photo: Reuters", "(Photo by Jane Doe/Getty Images)", "Image credit: NASA"
    re.compile(rf"(?:^|(?<=[.!?;|])\s*|\s*(?=\())\(?\b{_ROLE_EN}\s*(?:by|:|courtesy(?: of)?|copyright)\s*[^()\n]{{1,80}}\)?$",
               re.IGNORECASE),
    # "(AP Photo/Jane Doe)", "(Reuters)", "Jane Doe/AFP via Getty Images", "Courtesy of X"
    re.compile(rf"\((?:[^()]{{1,50}}/)?{_AGENCY}(?: Photo)?(?:/[^()]{{1,50}})?(?: via [^()]{{1,30}})?\)$"),
    # ... "(Reuters: Jane Doe)", "(ABC News: Lucy Murray)": the agency, a colon, the photographer
    re.compile(rf"\((?:{_AGENCY}|ABC(?: [A-Z]\w*){{0,2}})\s*:\s*[A-Z][^()]{{1,50}}\)$"),
    # ... and "Morsa Images/DigitalVision via Getty Images", "OsakaWayne Studios//Getty Images"
    re.compile(rf"(?:(?<=[.!?])\s+|^)(?:{_NAME}\s*//?\s*(?:{_NAME}\s+via\s+)?)?{_AGENCY}(?: Photo)?"
               rf"(?:\s*/\s*[A-Z][\w.'’ -]{{1,40}})?(?: via [\w ]{{1,30}})?$"),
    re.compile(r"\(?\bCourtesy(?: of)? [^()\n]{1,60}\)?$", re.IGNORECASE),
]


# The BBC writes the credit first: 'Image copyright Getty Images Image caption Scooter Braun …'.
_CREDIT_FIRST_RE = re.compile(r"^((?:Image|Media) copyright\s+.{1,60}?)\s+(?:Image|Media) caption\s+(\S.*)$")


# A caption under a label for screen readers ('Image: Jose Mourinho has agreed a deal to
# become manager of Tottenham Hotspur', Sky News) is no credit: a credit names someone
# ('Image: Marco Torres', 'Photo Credit: Screenshot from the WayAway website'), a caption
# is a sentence, with several words in lower case that are not a name's particles.
_LABEL_RE = re.compile(r"^(?:Image|Picture|Photo|Video)\s*:\s*(?=\S)", re.IGNORECASE)
_NAME_PARTICLES = frozenset(("of", "by", "via", "and", "for", "the", "from", "courtesy", "in", "at", "on",
                             "de", "del", "da", "di", "du", "la", "le", "van", "von", "der", "y", "e"))
SENTENCE_LOWER_WORDS = 3


def _labelled_caption(text: str) -> str | None:
    """The caption after a screen reader's label, when what follows is a sentence."""
    label = _LABEL_RE.match(text)
    if label is None:
        return None
    rest = text[label.end():]
    lower = sum(1 for w in rest.split() if w[0].islower() and w.lower() not in _NAME_PARTICLES)
    return rest if lower >= SENTENCE_LOWER_WORDS else None


def split_credit(caption: str) -> tuple[str, str]:
    """(caption without its trailing credit, credit); credit is "" when there is none."""
    text = caption.strip()
    first = _CREDIT_FIRST_RE.match(text)
    if first:
        return first.group(2), first.group(1)
    if VIEWER_PROMPT_RE.match(text):  # '（点击看清晰大图）' ends as a credit does ('…图）'): no one's
        return text, ""
    labelled = _labelled_caption(text)
    if labelled is not None:
        return split_credit(labelled)
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m:
            credit = m.group(0).strip()
            rest = text[: m.start()].rstrip(" \u3000-–—|")
            return rest, credit.strip("()（）").strip()
    return text, ""
