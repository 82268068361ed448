"""CDX listing of a site: prefix queries per host variant, paged with resume keys.

Each page and the key of the next one are committed together, so an interrupted listing
continues where it stopped. Rows are deduplicated on (original, timestamp) because the
CDX server sometimes repeats identical rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urlsplit

from newsark.sources.client import NetworkError, WaybackClient
from newsark.sources.ledger import Capture, Ledger

FIELDS = "urlkey,timestamp,original,mimetype,statuscode,digest,length"


class CdxError(RuntimeError):
    """The CDX server answered something that is not a CDX page."""


def bare_host(site: str) -> str:
    """``https://www.Example.com/x`` or ``www.example.com`` -> ``example.com``."""
    text = site.strip()
    if not text:
        raise ValueError("empty site name")
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host or "." not in host:
        raise ValueError(f"not a site name: {site!r} (expected e.g. www.example-news.com)")
    return host.removeprefix("www.")


def parse_page(body: bytes) -> tuple[list[list[str]], str | None]:
    """Parse one ``output=json`` page: (data rows without the header, next resume key)."""
    try:
        data = json.loads(body.decode("utf-8", "replace") or "[]")
    except json.JSONDecodeError as exc:
        raise CdxError(f"CDX answer is not JSON: {body[:120]!r}") from exc
    if not isinstance(data, list):
        raise CdxError("CDX answer is not a JSON array")
    if not data:
        return [], None
    key: str | None = None
    # A resume key ends the array as [] then ["<key>"].
    if len(data) >= 2 and data[-2] == [] and isinstance(data[-1], list) and len(data[-1]) == 1:
        key = str(data[-1][0])
        data = data[:-2]
    rows = [r for r in data[1:] if isinstance(r, list) and r]
    header = data[0]
    if not isinstance(header, list) or "original" not in header:
        raise CdxError(f"CDX answer has no header row: {str(header)[:120]}")
    idx = {name: i for i, name in enumerate(header)}
    out = []
    for r in rows:
        if len(r) != len(header):
            continue
        out.append([str(r[idx[f]]) if f in idx else "" for f in FIELDS.split(",")])
    return out, key


def list_site(
    client: WaybackClient,
    ledger: Ledger,
    site: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """List every capture of ``site`` (both host variants) into the ledger. Returns rows."""
    host = bare_host(site)
    total = 0
    for variant in (host, f"www.{host}"):
        query = f"{variant}|{date_from or ''}|{date_to or ''}"
        total += _list_variant(client, ledger, variant, query, date_from, date_to, limit, progress)
        if variant == host and _covers_www(ledger, host):
            break  # the server folds www. into the same SURT key (as the IA does)
    return total


def _covers_www(ledger: Ledger, host: str) -> bool:
    row = ledger.db.execute(
        "SELECT 1 FROM rescue_captures WHERE source='cdx' AND (original LIKE ? OR original LIKE ?) "
        "LIMIT 1",
        (f"http://www.{host}/%", f"https://www.{host}/%"),
    ).fetchone()
    return row is not None


def _list_variant(
    client: WaybackClient,
    ledger: Ledger,
    variant: str,
    query: str,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    progress: Callable[[int], None] | None,
) -> int:
    key, done = ledger.cdx_state(query)
    total = 0
    while not done:
        params = {
            "url": f"{variant}/",
            "matchType": "prefix",
            "output": "json",
            "fl": FIELDS,
            "limit": str(limit),
            "showResumeKey": "true",
        }
        if date_from:
            params["from"] = date_from
        if date_to:
            params["to"] = date_to
        if key:
            params["resumeKey"] = key
        resp = client.get("cdx", f"{client.base}/cdx/search/cdx", params)
        if resp.status != 200:
            raise NetworkError(f"CDX listing of {variant} failed: HTTP {resp.status}")
        rows, next_key = parse_page(_decoded(resp.raw, resp.headers.get("content-encoding", "")))
        caps = [Capture(original=r[2], ts=r[1], mimetype=r[3], status=r[4]) for r in rows]
        if next_key is not None and next_key == key:
            raise CdxError("CDX resume key did not advance")
        ledger.save_cdx_page(query, caps, next_key)
        total += len(caps)
        if progress:
            progress(len(caps))
        key, done = next_key or "", next_key is None
    return total


def _decoded(raw: bytes, encoding: str) -> bytes:
    from newsark.sources.decode import decompress

    return decompress(raw, encoding)
