"""``newsark search`` and ``newsark index``: thin wrappers over :mod:`newsark.search`."""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict
from pathlib import Path

import click

from newsark.commands._common import id_list

_MARK_RE = re.compile(r"</?mark>")


def _open(archive_dir: Path):  # type: ignore[no-untyped-def]
    from newsark.archive.store import Archive

    try:
        return Archive(archive_dir, create=False)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


def _terminal(marked: str) -> str:
    """Snippet HTML → terminal text with the matches in bold (click styles)."""
    parts = _MARK_RE.split(marked)
    out = []
    for i, part in enumerate(parts):
        text = html.unescape(part)
        out.append(click.style(text, bold=True, fg="yellow") if i % 2 else text)
    return "".join(out)


@click.command("search")
@click.argument("query")
@click.option("--archive", "archive_dir", required=True, type=click.Path(path_type=Path),
              help="The archive folder.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result line.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--from", "date_from", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", help="Latest date (inclusive).")
@click.option("--category", help="Only this category.")
@click.option("--author", help="Only this author.")
@click.option("--tag", help="Only stories with this tag.")
def search_command(
    query: str, archive_dir: Path, as_json: bool, limit: int, offset: int,
    date_from: str | None, date_to: str | None, category: str | None,
    author: str | None, tag: str | None,
) -> None:
    """Search an archive. QUERY: words (all required), "exact phrase", -exclude,
    and filters such as category:眾聞 author:… tag:… from:2019 to:2020-06."""
    from newsark.search import QueryError, SearchIndexMissing, search

    with _open(archive_dir) as archive:
        try:
            results = search(
                archive, query, date_from=date_from, date_to=date_to, category=category,
                author=author, tag=tag, limit=limit, offset=offset, facets=not as_json,
            )
        except (QueryError, SearchIndexMissing) as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        for hit in results.hits:
            click.echo(json.dumps(asdict(hit), ensure_ascii=False))
        return
    note = " (no story has every term: showing stories with any of them)" if results.relaxed else ""
    click.echo(f"{results.total} stories, {results.took_ms:.1f} ms{note}")
    for n, hit in enumerate(results.hits, start=offset + 1):
        aliases = f"  (+{len(hit.aliases)} copies)" if hit.aliases else ""
        click.echo("")
        click.echo(f"{n:>3}. [{hit.id}] {_terminal(hit.title_html)}{aliases}")
        click.echo(f"     {hit.date or '?'} · {hit.category or '-'} · {hit.author or '-'}")
        click.echo(f"     {_terminal(hit.snippet)}")


@click.command("index")
@click.option("--archive", "archive_dir", required=True, type=click.Path(path_type=Path),
              help="The archive folder.")
@click.option("--rebuild", is_flag=True, help="Drop the index and build it from scratch.")
@click.option("--optimize/--no-optimize", default=True, show_default=True,
              help="Merge the index segments afterwards (smaller, faster queries).")
def index_command(archive_dir: Path, rebuild: bool, optimize: bool) -> None:
    """Bring an archive's search index up to date (only changed stories are re-indexed),
    taking in article files edited by hand first."""
    from newsark.archive.edits import adopt_edits
    from newsark.search import rebuild_index, sync_index
    from newsark.search.index import optimize as optimize_index

    with _open(archive_dir) as archive:
        edits = adopt_edits(archive)  # article files edited by hand since newsark wrote them
        result = rebuild_index(archive) if rebuild else sync_index(archive)
        if optimize and (rebuild or result.get("indexed") or result.get("removed")):
            optimize_index(archive.db)
    if edits.ids:
        click.echo(f"took {len(edits.ids)} article file(s) edited by hand into the catalog: {id_list(edits.ids)}")
    if edits.unreadable:
        click.echo(f"warning: {len(edits.unreadable)} edited file(s) no longer have readable front "
                   f"matter and were left out (the catalog and search keep the last good version): "
                   f"{id_list(edits.unreadable)}", err=True)
    click.echo(
        f"indexed {result['indexed']} stories, removed {result['removed']}, "
        f"{result['stories']} in the index ({result['seconds']} s)"
        + (f"; {result['unreadable']} unreadable files skipped" if result["unreadable"] else "")
    )
