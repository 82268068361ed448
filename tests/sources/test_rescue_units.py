"""Unit tests of the rescue building blocks (no network)."""

from __future__ import annotations

import gzip
import itertools
import json
import zlib

import pytest

from newsark.sources.cdx import CdxError, bare_host, parse_page
from newsark.sources.decode import decompress, to_text
from newsark.sources.discover import is_candidate, learn_shape
from newsark.sources.ledger import Capture
from newsark.sources.pipeline import rank
from newsark.sources.ratelimit import RateLimiter, TokenBucket
from newsark.sources.replay import Hop, parse_location, resolve
from newsark.sources.validate import check_html
from newsark.sources.warcstore import WarcResponse


def test_cdx_page_with_resume_key() -> None:
    header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    row = ["com,x)/a", "20200101000000", "https://x.com/a", "text/html", "200", "D", "9"]
    body = json.dumps([header, row, row, [], ["KEY1"]]).encode()
    rows, key = parse_page(body)
    assert key == "KEY1" and len(rows) == 2 and rows[0][2] == "https://x.com/a"
    assert parse_page(b"[]") == ([], None)
    with pytest.raises(CdxError):
        parse_page(b"<html>Error</html>")


def test_bare_host() -> None:
    assert bare_host("https://www.Example-News.com/path") == "example-news.com"
    assert bare_host("www.hkcnews.com") == "hkcnews.com"
    with pytest.raises(ValueError):
        bare_host("localhost")


def test_decompress_sniffs_blank_encoding() -> None:
    html = b"<html><body>hello</body></html>"
    assert decompress(gzip.compress(html), "") == html
    assert decompress(zlib.compress(html), "") == html
    assert decompress(gzip.compress(gzip.compress(html)), "gzip") == html
    assert decompress(html, "") == html


def test_charset_header_meta_detection() -> None:
    zh = "<html><head><meta charset='big5'></head><body>港島區議會討論邨巴士線</body></html>"
    text, cs = to_text(zh.encode("big5hkscs"), "text/html")
    assert cs == "big5hkscs" and "邨巴士線" in text
    gb = "<html><body>" + "区议会今日开会讨论交通问题，居民表示关注。" * 5 + "</body></html>"
    text, cs = to_text(gb.encode("gbk"), "text/html; charset=gb2312")
    assert cs == "gb18030" and "居民表示关注" in text
    # A wrong header charset falls through to the meta, then to detection.
    text, cs = to_text("<p>居民表示關注</p>".encode(), "text/html; charset=big5")
    assert cs == "utf-8" and "居民表示關注" in text


def test_learn_shape_picks_article_ids() -> None:
    urls = [f"https://www.s.com/article/{i}/slug-{i}" for i in range(100, 130)]
    urls += [f"https://www.s.com/tag/{i}" for i in range(3)]
    urls += ["https://www.s.com/section/news", "https://www.s.com/2019/05/x"]
    prof = learn_shape(urls)
    assert prof is not None
    assert prof.story_id("http://s.com/article/123") == 123
    assert prof.story_id("https://www.s.com/article/77/other-slug?utm=1") == 77
    assert prof.story_id("https://www.s.com/tag/1") is None
    assert prof.story_id("https://www.s.com/article/77/slug/comments/2") is None
    assert learn_shape(["https://s.com/about", "https://s.com/"]) is None


def test_candidates_exclude_assets_and_other_hosts() -> None:
    hosts = {"s.com", "www.s.com"}
    assert is_candidate("https://www.s.com/article/1/x", "text/html", hosts)
    assert not is_candidate("https://www.s.com/a/logo.png", "text/html", hosts)
    assert not is_candidate("https://cdn.s.com/article/1/x", "text/html", hosts)
    assert not is_candidate("https://s.com/article/1/x", "image/jpeg", hosts)
    assert is_candidate("https://s.com/article/1/x", "warc/revisit", hosts)


def test_rank_prefers_200_no_query_newest() -> None:
    caps = [
        Capture("https://s.com/article/1/a", "20190101000000", "text/html", "301"),
        Capture("https://s.com/article/1/a", "20200101000000", "text/html", "200"),
        Capture("https://s.com/article/1/a", "20210101000000", "text/html", "200"),
        Capture("https://s.com/article/1/a?x=1", "20220101000000", "text/html", "200"),
        Capture("https://s.com/article/1/a", "20230101000000", "text/html", "404"),
    ]
    order = [(c.ts, c.status) for c in rank(caps)]
    assert order == [("20210101000000", "200"), ("20200101000000", "200"),
                     ("20220101000000", "200"), ("20190101000000", "301")]


def test_validation_reasons() -> None:
    assert check_html("<html><head><title>Internet Archive: Temporarily Offline</title>") == "outage_page"
    assert check_html("<html><head><title>Just a moment...</title></head></html>") == "outage_page"
    assert check_html("<html><head><title>404 Not Found</title></head><body></body></html>") == "soft_404"
    assert check_html("<html><head><title>找不到頁面</title></head><body></body></html>") == "soft_404"
    assert check_html("<html><head><title>Real</title></head><body><p>cut") == "truncated_html"
    assert check_html("<html><head><title>Real</title></head><body><p>ok</p></body></html>") is None


def test_parse_location() -> None:
    assert parse_location("http://h/web/20200101000000id_/https://s.com/a", "https://s.com/x", "1") == (
        "https://s.com/a", "20200101000000")
    assert parse_location("/b", "https://s.com/a/x", "2020") == ("https://s.com/b", "2020")


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.t

    def sleep(self, s: float) -> None:
        self.sleeps.append(s)
        self.t += s


def test_token_bucket_spacing_and_separate_budgets() -> None:
    fc = FakeClock()
    lim = RateLimiter({"cdx": 0.5, "replay": 4.0}, clock=fc.clock, sleep=fc.sleep)
    stamps = []
    for _ in range(9):
        lim.acquire("replay")
        stamps.append(fc.t)
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    assert min(gaps) == pytest.approx(0.25)
    t0 = fc.t
    lim.acquire("cdx")  # the cdx budget is untouched by replay requests
    assert fc.t == t0
    lim.acquire("cdx")
    assert fc.t - t0 == pytest.approx(2.0)


def test_429_pauses_every_budget_with_backoff() -> None:
    fc = FakeClock()
    lim = RateLimiter({"cdx": 100.0, "replay": 100.0}, pause_429=10, clock=fc.clock, sleep=fc.sleep)
    lim.acquire("replay")
    assert lim.on_429() == 10
    lim.acquire("cdx")
    assert fc.t >= 10
    assert lim.on_429() == 20  # a second 429 in a row doubles
    lim.success()
    assert lim.on_429() == 10
    with pytest.raises(ValueError):
        TokenBucket(0)


class ScriptedFetcher:
    def __init__(self, hops: dict[tuple[str, str], Hop]) -> None:
        self.hops = hops
        self.requests = 0

    def get(self, url: str, ts: str) -> Hop:
        self.requests += 1
        return self.hops.get((url, ts), Hop("missing", status=404))


def _memento(url: str, ts: str, status: int = 200) -> WarcResponse:
    return WarcResponse(url, ts, status, [("Content-Type", "text/html")], b"<html></html>")


def test_resolve_redirects_jumps_and_loops() -> None:
    a, b = "https://s.com/article/1", "https://s.com/article/2/x"
    ts = "20200101000000"
    f = ScriptedFetcher({
        (a, ts): Hop("memento", resp=_memento(a, ts, 301), target=(b, ts), status=301),
        (b, ts): Hop("jump", target=(b, "20200102000000"), status=302),
        (b, "20200102000000"): Hop("memento", resp=_memento(b, "20200102000000"), status=200),
    })
    res = resolve(f, a, ts)
    assert res.final is not None and res.final.resp is not None
    assert res.final.resp.url == b and f.requests == 3 and len(res.mementos) == 2
    loop = ScriptedFetcher({
        (a, ts): Hop("memento", resp=_memento(a, ts, 302), target=(b, ts), status=302),
        (b, ts): Hop("memento", resp=_memento(b, ts, 302), target=(a, ts), status=302),
    })
    assert resolve(loop, a, ts).reason == "redirect_loop"
    far = ScriptedFetcher({(a, ts): Hop("jump", target=(a, "20240101000000"), status=302)})
    assert resolve(far, a, ts, window_days=30).reason == "outside_window"
    assert resolve(ScriptedFetcher({}), a, ts).reason == "not_archived"


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_why_unreachable_reads_the_os_error_under_httpx() -> None:
    import errno
    import socket

    import httpx

    from newsark.sources.client import why_unreachable

    def chained(cause: BaseException) -> httpx.ConnectError:
        try:
            try:
                raise cause
            except OSError as inner:
                raise httpx.ConnectError(str(inner)) from inner
        except httpx.ConnectError as outer:
            return outer

    assert why_unreachable(chained(socket.gaierror(-2, "Name or service not known"))) == "name resolution failed"
    assert why_unreachable(chained(OSError(errno.ENETUNREACH, "Network is unreachable"))) == "no route to the host"
    assert why_unreachable(chained(ConnectionRefusedError(errno.ECONNREFUSED, "refused"))) is None
    assert why_unreachable(httpx.ConnectError("[Errno 111] Connection refused")) is None


def test_a_refused_connection_is_announced_then_waited_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A real refused connection: nothing listens on this loopback port.
    from newsark.sources.client import BlockedError, RequestLog, WaybackClient

    base = f"http://127.0.0.1:{_closed_port()}"
    pauses: list[tuple[str, float]] = []
    slept: list[float] = []
    lim = RateLimiter({"cdx": 1000.0}, pause_refused=0.01, on_pause=lambda why, s: pauses.append((why, s)),
                      sleep=slept.append)
    client = WaybackClient(base, lim, RequestLog(tmp_path / "log.jsonl"), max_refused=2)
    with pytest.raises(BlockedError, match="keep failing"):
        client.get("cdx", base + "/cdx/search/cdx")
    client.close()
    assert [why for why, _ in pauses] == ["refused", "refused"]
    assert [s for _, s in pauses] == [0.01, 0.02]  # doubling
    events = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    assert [e["status"] for e in events] == ["refused"] * 3


def test_an_unresolvable_host_is_a_clear_error_not_an_hour_of_waiting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # No name resolution (an offline machine, a typo in --wayback) cannot be produced on
    # 127.0.0.1 alone: the transport raises what httpx raises then, its OS error chained.
    import socket

    import httpx

    from newsark.sources.client import NetworkError, RequestLog, WaybackClient

    def offline(request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc

    pauses: list[tuple[str, float]] = []
    slept: list[float] = []
    lim = RateLimiter({"cdx": 1000.0}, on_pause=lambda why, s: pauses.append((why, s)), sleep=slept.append)
    client = WaybackClient("https://web.archive.example", lim, RequestLog(tmp_path / "log.jsonl"),
                           transport=httpx.MockTransport(offline))
    with pytest.raises(NetworkError, match=r"cannot reach web\.archive\.example: name resolution failed.*--wayback"):
        client.get("cdx", "https://web.archive.example/cdx/search/cdx")
    client.close()
    assert pauses == []  # not taken for the archive's block
    # (the rest of its sleeps are the token bucket's, under a millisecond: sleep is not real here)
    assert [s for s in slept if s >= 1] == [2.0, 4.0, 8.0]  # a few short retries for a blip
    events = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    assert {(e["status"], e["cause"]) for e in events} == {("error", "name resolution failed")}


def test_pause_notice_says_how_long_until_when_and_why() -> None:
    import datetime as dt

    from newsark.sources.progress import pause_notice

    at = dt.datetime(2026, 12, 4, 17, 0, 0)
    line = pause_notice("refused", 3600, now=at)
    assert line.startswith("paused 60 min, until 18:00:00: the archive refused the connection")
    assert "resumes where it stopped" in line
    assert pause_notice("429", 60, now=at).startswith("paused 60 s, until 17:01:00: the archive answered 429")


@pytest.mark.parametrize(("modified", "updated_at"), [
    ("2021-01-05T09:30:00+08:00", "2021-01-05T09:30:00+08:00"),  # its zone would be lost: kept
    ("2021-01-05T09:30:00", None),  # last_updated says all of it
])
def test_the_archive_keeps_the_pages_stamps_beside_the_corpus_dates(modified: str, updated_at: str | None) -> None:
    from newsark.sources.extraction import extract_response

    paragraphs = "".join(f"<p>Paragraph {i} of the harbour ferry story, with enough words to read.</p>"
                         for i in range(8))
    page = ('<html><head><meta charset="utf-8"><title>Ferry timetable changes</title>'
            '<meta property="article:published_time" content="2021-01-03T10:00:00+08:00">'
            f'<meta property="article:modified_time" content="{modified}"></head>'
            f"<body><article><h1>Ferry timetable changes</h1>{paragraphs}</article></body></html>")
    resp = WarcResponse("https://news.example.org/article/1", "20210106000000", 200,
                        [("Content-Type", "text/html; charset=utf-8")], page.encode())
    got = extract_response(resp, capture_url="https://web.archive.org/web/20210106000000/https://news.example.org/article/1",
                           public_base="https://web.archive.org")
    assert got.article is not None
    meta = got.article.meta
    assert (meta["date"], meta["last_updated"]) == ("2021-01-03", "2021-01-05 09:30:00")
    assert meta["published_at"] == "2021-01-03T10:00:00+08:00" and meta.get("updated_at") == updated_at
    assert list(meta)[-1] in ("published_at", "updated_at")  # after the corpus's keys
