"""Make relative Wayback links absolute.

Archived pages saved from web.archive.org carry links such as
``](/web/20210712025232/https://…)`` which break once the file leaves the archive's site.
They become ``](https://web.archive.org/web/20210712025232/https://…)``, using the host of
the article's own capture URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsark.repair.base import Change

DEFAULT_ARCHIVE = "https://web.archive.org"
# A link target or src/href attribute that starts with /web/<timestamp>.
_REL_RE = re.compile(r"""(\]\(|\b(?:src|href)=["']|<)(/web/\d{1,14}[a-z_]*/)""")


def archive_base(capture_url: str | None) -> str:
    if capture_url:
        parts = urlsplit(capture_url)
        if parts.scheme in ("http", "https") and parts.netloc and parts.path.startswith("/web/"):
            return f"{parts.scheme}://{parts.netloc}"
    return DEFAULT_ARCHIVE


def absolutize(body: str, capture_url: str | None) -> tuple[str, list[Change]]:
    base = archive_base(capture_url)
    new, n = _REL_RE.subn(lambda m: m.group(1) + base + m.group(2), body)
    if not n:
        return body, []
    return new, [Change("relative_wayback_link", "body", "/web/", base + "/web/", n)]
