"""What the extractor's body-tail steps take off the Citizen News corpus's bodies.

The corpus in ``../shared/corpora/`` was extracted by hand: 83.6 % of its files end with the
site's subscription appeal and 40.9 % with the writer's box (its README). Its bodies are
the Markdown newsark writes, so the steps that tidy the end of an extracted body can be
read over them as they are: ``drop_furniture`` (labels, prompts, appeals), then
``drop_author_box`` with the file's own ``author``. For each file the script counts what
changed, and reads what the box step cut: a cut that does not start at the box (its rule
``---``, the avatar, the bold heading) or at an English bio is printed, to be read by hand.
It measures the rules, not a rescue: a rescue also learns the site's template.

    .venv/bin/python benchmarks/corpus_tails.py [--limit 8000] [--show 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from newsark.archive.article import FormatError, load_bytes
from newsark.archive.sources import iter_source
from newsark.extract.authorbox import drop_author_box
from newsark.extract.furniture import drop_furniture

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "hkcnews-article-archive.tar.xz"
BOX_STARTS = ("---", "![", "**")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=8000, help="files read (the tarball's order)")
    ap.add_argument("--show", type=int, default=10, help="cuts of another kind printed")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    files = furniture = boxes = 0
    starts: Counter[str] = Counter()
    other: list[tuple[str, str]] = []
    # (the importer's own reading: members streamed from the tarball, front matter parsed)
    for member in iter_source(str(CORPUS)):
        if member.data is None:
            continue
        try:
            article = load_bytes(member.data)
        except FormatError:
            continue  # (the corpus's 12 files without valid front matter)
        author = article.meta.get("author")
        if not isinstance(author, str):
            continue
        files += 1
        body = article.body.strip()
        tidied = drop_furniture(body)
        furniture += tidied != body
        without_box = drop_author_box(tidied, author)
        if without_box != tidied:
            boxes += 1
            cut = tidied[len(without_box):].strip()
            first = cut.split("\n", 1)[0]
            kind = next((s for s in BOX_STARTS if first.startswith(s)), "")
            if not kind and first.startswith(author):
                kind = "bio"
            starts[kind or "other"] += 1
            if not kind:
                other.append((member.name, cut[:160]))
        if files >= args.limit:
            break
    print(f"{files} files with an author, {time.perf_counter() - t0:.1f} s")
    print(f"  drop_furniture changed {furniture} ({furniture / max(files, 1):.1%})")
    print(f"  drop_author_box cut {boxes} ({boxes / max(files, 1):.1%}), starting at: "
          + ", ".join(f"{k} {v}" for k, v in starts.most_common()))
    for name, cut in other[: args.show]:
        print(f"  other: {name}: {cut!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
