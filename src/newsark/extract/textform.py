"""The one form every rule reads a page's text in: Unicode NFKC (full-width letters and
digits as ASCII, '：' as ':'), with Hong Kong's colon read as a colon too.

Pages typed in Hong Kong may write the colon as '︰' (U+FE30, Big5 0xA14A, beside '：' at
0xA147): 108 of the 4,311 '撰文' labels with a colon in the corpus in ../shared do. NFKC
makes it '..', two characters, which no label pattern ('撰文︰', '記者︰', '更新︰') then
reads; it becomes '：' first, one character for one, so positions found in the normalised
text still fit it. Only what rules read changes: the archive keeps the page's characters.
"""

from __future__ import annotations

import unicodedata

_HK_COLON = str.maketrans({"\ufe30": "\uff1a"})


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_HK_COLON))
