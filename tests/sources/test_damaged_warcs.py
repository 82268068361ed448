"""Damaged WARC files: a damaged record loses itself, not the rest of the file."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from _fakeia import FakeIA
from click.testing import CliRunner
from sitegen import HOST, build_site
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsark.commands.rescue_cmd import ingest_command
from newsark.sources.ingest import scan_warc
from newsark.sources.rescue import RescueOptions, rescue
from newsark.sources.warcnotes import warcio_notes
from newsark.sources.warcstore import read_response


@pytest.fixture(scope="module")
def rescued(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small site rescued once; its WARC files are copied and damaged by each test."""
    server: FakeIA = build_site().start()
    root = tmp_path_factory.mktemp("rescued")
    try:
        rescue(HOST, root / "a", RescueOptions(wayback=server.base, cdx_rate=6000, replay_rate=200,
                                               pause_429=0.05, pause_refused=0.05, cdx_limit=10))
    finally:
        server.stop()
    yield root / "a" / "warcs"


def ingest_json(files: list[Path], archive: Path) -> tuple[dict[str, object], str]:
    r = CliRunner().invoke(ingest_command, [*map(str, files), "--archive", str(archive), "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout), r.stderr


def biggest(warcs: Path) -> Path:
    return max(sorted(warcs.glob("*.warc.gz")), key=lambda p: p.stat().st_size)


def test_a_byte_flipped_inside_a_record_loses_that_record_only(rescued: Path, tmp_path: Path) -> None:
    original = biggest(rescued)
    whole = scan_warc(original)
    assert whole.damaged == [] and len(whole.captures) > 6
    first, _ = ingest_json([original], tmp_path / "whole")
    # a response in the middle of the file: one byte of its gzip member's data changed
    offsets = sorted({c.warc_offset for c in whole.captures if c.warc_offset is not None})
    hit = offsets[len(offsets) // 2]
    after = offsets[offsets.index(hit) + 1]
    data = bytearray(original.read_bytes())
    data[(hit + after) // 2] ^= 0xFF
    damaged_file = tmp_path / original.name
    damaged_file.write_bytes(bytes(data))

    scan = scan_warc(damaged_file)
    assert len(scan.damaged) == 1 and scan.damaged[0].startswith(f"offset {hit}:")
    assert f"read again from offset {after}" in scan.damaged[0]
    assert {c.warc_offset for c in scan.captures} >= set(offsets) - {hit}  # every other record read
    with pytest.raises(ValueError, match="damaged WARC record"):
        read_response(damaged_file, hit)
    assert read_response(damaged_file, after).status  # the next record reads as before

    out, err = ingest_json([damaged_file], tmp_path / "damaged")
    assert out["damaged"] == [f"{damaged_file.resolve()}: {scan.damaged[0]}"]
    assert "Error -3" not in err  # warcio's complaint, once per block read, is not printed
    assert isinstance(out["written"], int) and isinstance(first["written"], int)
    assert first["written"] - 1 <= out["written"] <= first["written"]


def test_a_byte_flipped_in_any_record_is_an_error_not_an_empty_page(rescued: Path, tmp_path: Path) -> None:
    # A member that no longer inflates could be read as raw bytes: a "record" of nothing,
    # which passed for an empty response (no URL, status 0, no payload) instead of an
    # error. On one rescue's WARC, every changed byte of 8 of its 44 records did that.
    original = biggest(rescued)
    offsets = sorted({c.warc_offset for c in scan_warc(original).captures if c.warc_offset is not None})
    data = original.read_bytes()
    damaged_file = tmp_path / original.name
    for hit, after in zip(offsets, [*offsets[1:], len(data)]):
        for share in (0.25, 0.5, 0.75):
            pos = hit + int(share * (after - hit))
            damaged_file.write_bytes(data[:pos] + bytes([data[pos] ^ 0xFF]) + data[pos + 1 :])
            with pytest.raises(ValueError, match="damaged WARC record"):
                read_response(damaged_file, hit)


def test_a_record_whose_header_is_broken_is_skipped_and_reading_goes_on(rescued: Path, tmp_path: Path) -> None:
    original = biggest(rescued)
    whole = scan_warc(original)
    offsets = sorted({c.warc_offset for c in whole.captures if c.warc_offset is not None})
    hit = offsets[2]
    data = bytearray(original.read_bytes())
    data[hit : hit + 3] = b"XXX"  # its gzip member's magic bytes gone: no member starts there
    damaged_file = tmp_path / original.name
    damaged_file.write_bytes(bytes(data))
    scan = scan_warc(damaged_file)
    assert len(scan.damaged) == 1
    assert {c.warc_offset for c in scan.captures} >= set(offsets) - {hit}


def _plain_warc(path: Path, n: int) -> list[int]:
    """An uncompressed WARC of n responses; the offsets of their records."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    offsets = []
    for i in range(n):
        offsets.append(buf.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = f"<html><body><p>Story {i} with some words in it.</p></body></html>".encode()
        writer.write_record(writer.create_warc_record(f"https://news.example.org/article/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    path.write_bytes(buf.getvalue())
    return offsets


def test_an_uncompressed_warc_is_read_again_at_the_next_record(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc"
    offsets = _plain_warc(path, 4)
    data = path.read_bytes()
    # the second record's header line garbled: it is no WARC record any more
    broken = data[: offsets[1]] + b"GARBAGE" + data[offsets[1] + 4 :]
    path.write_bytes(broken)
    scan = scan_warc(path)
    urls = [c.original for c in scan.captures]
    assert urls == [f"https://news.example.org/article/{i}" for i in (0, 2, 3)]
    assert len(scan.damaged) == 1 and "read again from offset" in scan.damaged[0]
    assert read_response(path, scan.captures[1].warc_offset or 0).payload.endswith(b"Story 2 with some words in it.</p></body></html>")


def test_a_byte_changed_in_an_uncompressed_record_is_caught_by_its_block_digest(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc"
    offsets = _plain_warc(path, 3)
    data = bytearray(path.read_bytes())
    at = data.index(b"Story 1 with")
    data[at : at + 5] = b"Story"[::-1]  # no gzip check to fail: only the record's digest tells
    path.write_bytes(bytes(data))
    assert read_response(path, offsets[0]).payload.endswith(b"Story 0 with some words in it.</p></body></html>")
    with pytest.raises(ValueError, match="damaged WARC record .*block digest failed"):
        read_response(path, offsets[1])
    assert read_response(path, offsets[2]).status == 200


def test_a_record_without_digests_or_with_another_tools_payload_digest_still_reads(tmp_path: Path) -> None:
    # (tools disagree on the payload digest of a chunked response: only the block's is checked)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    body = b"<html><body><p>A story.</p></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record("https://news.example.org/article/9", "response",
                                       payload=io.BytesIO(body), http_headers=headers)
    record.rec_headers.replace_header("WARC-Payload-Digest", "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
    writer.write_record(record)
    path = tmp_path / "other.warc"
    path.write_bytes(buf.getvalue())
    assert read_response(path, 0).payload == body


def test_an_intact_file_has_no_damage_and_warcio_notes_are_per_thread(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc"
    _plain_warc(path, 3)
    assert scan_warc(path).damaged == []
    import threading

    import warcio.bufferedreaders as br

    seen: list[list[str]] = []

    def other() -> None:  # another thread's warcio output is not taken by this one's notes
        with warcio_notes() as notes:
            seen.append(notes)

    with warcio_notes() as mine:
        br.sys.stderr.write("Error -3 while decompressing data\n")
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert mine == ["Error -3 while decompressing data"] and seen == [[]]


def _undigested_member(n: int) -> tuple[bytes, bytes]:
    """A gzip member holding one response record without a WARC-Block-Digest (as some tools
    write them), and the page it holds."""
    import gzip

    body = ("<html><body>" + "".join(f"<p>Paragraph {i} of story {n}, with some words.</p>" for i in range(30))
            + "</body></html>").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
              b"WARC-Date: 2021-01-03T10:00:00Z\r\nWARC-Target-URI: https://news.example.org/article/%d\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
              % (n, n, len(http)) + http + b"\r\n\r\n")
    return gzip.compress(record, mtime=0), body


def test_a_changed_member_of_a_record_without_digest_is_never_read_as_another_page(tmp_path: Path) -> None:
    # A member with one bit changed may inflate to as many other bytes as the record says
    # it holds; its deflate stream then runs past the member's end, where it is caught.
    member, body = _undigested_member(1)
    after, _ = _undigested_member(2)
    path = tmp_path / "undigested.warc.gz"
    read_wrong = refused = 0
    for last in (False, True):  # followed by another record, and the file's last
        for i in range(10, len(member) - 8):  # (past the gzip header, before its trailer)
            for bit in (0x01, 0x10, 0x80):
                changed = bytearray(member)
                changed[i] ^= bit
                path.write_bytes(bytes(changed) + (b"" if last else after))
                try:
                    payload = read_response(path, 0).payload
                except ValueError:
                    refused += 1
                    continue
                read_wrong += payload != body
    assert read_wrong == 0 and refused > 0
    path.write_bytes(member + after)
    assert read_response(path, 0).payload == body
    assert read_response(path, len(member)).payload.startswith(b"<html><body><p>Paragraph 0 of story 2")


def test_a_warc_compressed_whole_is_said_to_need_recompressing(tmp_path: Path) -> None:
    # one gzip stream for the whole file: warcio reads its first record only; the note says
    # what to do, and the record read is not taken for a damaged one
    import gzip
    import subprocess
    import sys

    plain = tmp_path / "plain.warc"
    _plain_warc(plain, 3)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    scan = scan_warc(whole)
    assert len(scan.captures) == 1 and len(scan.damaged) == 1
    assert "compressed as one gzip stream" in scan.damaged[0] and "warcio recompress" in scan.damaged[0]
    assert read_response(whole, 0).payload.endswith(b"Story 0 with some words in it.</p></body></html>")
    r = CliRunner().invoke(ingest_command, [str(whole), "--archive", str(tmp_path / "a")])
    assert r.exit_code != 0 and "warcio recompress" in r.output  # (not 'no article URL shape')
    fixed = tmp_path / "fixed.warc.gz"  # the fix the note names works
    subprocess.run([sys.executable, "-m", "warcio.cli", "recompress", str(whole), str(fixed)],
                   check=True, capture_output=True, timeout=60)
    again = scan_warc(fixed)
    assert again.damaged == [] and len(again.captures) == 3
