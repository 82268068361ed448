"""Is an archived response a usable article page? Every "no" has a named reason.

Outage and challenge pages arrive with status 200; soft 404s are 200 pages that say
"not found"; truncated bodies stop before the end of the document.
"""

from __future__ import annotations

import re

from newsark.sources.warcstore import WarcResponse

_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
OUTAGE = re.compile(
    r"Internet Archive: Temporarily Offline|Just a moment\.\.\.|Attention Required! \| Cloudflare|"
    r"cf-browser-verification|challenge-platform|Checking your browser before|"
    r"DDoS protection by|Access denied \| .* used Cloudflare|Service Temporarily Unavailable|"
    r"Wayback Machine is temporarily|This site can.t be reached|Bad gateway",
    re.IGNORECASE,
)
SOFT_404 = re.compile(
    r"\b404\b|not found|page (?:does not|doesn't) exist|no longer available|"
    r"找不到|頁面不存在|页面不存在|文章不存在|已被刪除|已被删除",
    re.IGNORECASE,
)


def title_of(html: str) -> str:
    m = _TITLE_RE.search(html[:200_000])
    return " ".join(m.group(1).split()) if m else ""


def check_response(resp: WarcResponse) -> str | None:
    """Reasons knowable before decoding the body."""
    if resp.status != 200:
        return f"http_{resp.status}"
    if resp.header("X-Newsark-Truncated"):
        return "truncated"
    ctype = (resp.header("Content-Type") or "").lower()
    if ctype and not any(t in ctype for t in ("html", "xml", "text/plain")):
        return "not_html"
    return None


def check_html(html: str) -> str | None:
    """Reasons from the decoded page: outage/challenge, soft 404, no closing tag."""
    if not html.strip():
        return "empty"
    head = html[:20_000]
    title = title_of(head)
    if OUTAGE.search(title) or (len(html) < 20_000 and OUTAGE.search(head)):
        return "outage_page"
    if SOFT_404.search(title):
        return "soft_404"
    tail = html[-2048:].lower()
    if "<html" in head.lower() and "</html>" not in tail and "</body>" not in tail:
        return "truncated_html"  # soft: used only when no capture is complete
    return None
