"""Damaged WARC files through ``newsark ingest``: records lost, stretches reported, crashes.

A gzipped WARC of 30 dev pages (``../shared/eval/extract/wcxb-dev-articles``, served as
``https://news.example.org/article/N``) is damaged four ways, three files each per seed:
cut short at a random byte; 20 random bytes changed; 500 random bytes inserted; a bogus
record (no URI, a Content-Length past the end) appended. Each file is ingested into a
fresh archive with the CLI. Printed per damage: files, crashes (an exception other than
newsark's clear usage error), clear errors, captures indexed and stories written
(out of 30), and damaged stretches reported.

    .venv/bin/python benchmarks/warc_fuzz.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO.parent / "src"))

from click.testing import CliRunner
from extract_bench import EVAL, load_set
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsark.commands.rescue_cmd import ingest_command
from newsark.sources.ingest import scan_warc

PAGES = 30


def good_warc() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i, (_, data, _) in enumerate(load_set("wcxb-dev-articles", PAGES)):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://news.example.org/article/{1000 + i}", "response", payload=io.BytesIO(data), http_headers=headers))
    return buf.getvalue()


def damage(good: bytes, kind: str, rng: random.Random) -> bytes:
    b = bytearray(good)
    if kind == "cut":
        return bytes(b[: rng.randrange(len(b))])
    if kind == "flip":
        for _ in range(20):
            b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    if kind == "insert":
        i = rng.randrange(len(b))
        return bytes(b[:i]) + bytes(rng.randrange(256) for _ in range(500)) + bytes(b[i:])
    return good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, default=5)
    args = ap.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no development sets at {EVAL}")
    good = good_warc()
    kinds = ("cut", "flip", "insert", "append")
    n, crashed, clear, caps, written, stretches = (Counter[str]() for _ in range(6))
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(1, args.seeds + 1):
            rng = random.Random(seed)
            for k in range(12):
                kind = kinds[k % 4]
                path = Path(tmp) / f"s{seed}-{k}.warc.gz"
                path.write_bytes(damage(good, kind, rng))
                n[kind] += 1
                scan = scan_warc(path)
                caps[kind] += len(scan.captures)
                stretches[kind] += len(scan.damaged)
                r = CliRunner().invoke(ingest_command, [str(path), "--archive", str(Path(tmp) / f"a{seed}-{k}"),
                                                        "--json"])
                if r.exit_code == 0:
                    written[kind] += json.loads(r.stdout)["written"]
                elif r.exit_code == 2 and r.exception is None or isinstance(r.exception, SystemExit):
                    clear[kind] += 1  # a usage error, said clearly (too little left to learn from)
                else:
                    crashed[kind] += 1
                    print(f"CRASH seed {seed} file {k} ({kind}): {r.exception!r}", file=sys.stderr)
    print(f"{'damage':<8} {'files':>5} {'crashed':>7} {'clear':>5} {'captures':>9} {'written':>8} {'stretches':>9}")
    for kind in kinds:
        print(f"{kind:<8} {n[kind]:>5} {crashed[kind]:>7} {clear[kind]:>5} {caps[kind]:>5}/{n[kind] * PAGES:<4}"
              f"{written[kind]:>4}/{n[kind] * PAGES:<4} {stretches[kind]:>9}")


if __name__ == "__main__":
    main()
