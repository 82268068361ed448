"""``newsark export --archive DIR OUT [--format jsonl|parquet|warc] [filters]``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsark.commands._common import archive_option, open_archive
from newsark.export import FORMATS, Selection, export_archive, format_for


@click.command("export")
@archive_option
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: from OUT's name (.jsonl[.gz], .parquet, .warc[.gz]).")
@click.option("--aliases", is_flag=True,
              help="Every copy of a story, not only its canonical article.")
@click.option("--since", help="First day to include (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Last day to include (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--site", help="Only articles of this site (host, without www.).")
@click.option("--category", help="Only articles of this category.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many articles.")
@click.option("--captures", is_flag=True,
              help="WARC: also copy the raw captures kept under DIR/warcs/.")
@click.option("--originals", is_flag=True,
              help="WARC: also the files as they were imported, where repairs changed them.")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def export_command(archive_dir: Path, out: Path, fmt: str | None, aliases: bool,
                   since: str | None, until: str | None, site: str | None,
                   category: str | None, limit: int | None, captures: bool, originals: bool,
                   force: bool) -> None:
    """Export an archive's articles as a dataset (JSON Lines, Parquet) or one WARC file.

    One record per story by default; OUT '-' writes JSON Lines to standard output.
    """
    to_stdout = str(out) == "-"
    fmt = fmt or ("jsonl" if to_stdout else format_for(out))
    if fmt is None:
        raise click.UsageError(f"cannot tell the format from {out.name!r}: give --format")
    if to_stdout and fmt != "jsonl":
        raise click.UsageError(f"{fmt} is written to a file, not to standard output")
    for flag, given in (("--captures", captures), ("--originals", originals)):
        if given and fmt != "warc":
            raise click.UsageError(f"{flag} goes with --format warc")
    for flag, day in (("--since", since), ("--until", until)):
        if day:  # (compared as text with the dates: '0' would select everything)
            from newsark.search.query import QueryError, normalize_date

            try:
                normalize_date(day, flag)
            except QueryError as exc:
                raise click.BadParameter(str(exc).removeprefix(f"{flag}: "), param_hint=flag) from exc
    if not to_stdout and out.exists() and not force:
        raise click.ClickException(f"{out} exists: give --force to replace it")
    selection = Selection(aliases=aliases, since=since, until=until, site=site,
                          category=category, limit=limit)
    with open_archive(archive_dir) as archive:
        tally = export_archive(archive, sys.stdout.buffer if to_stdout else out, fmt,
                               selection, captures=captures, originals=originals)
    what = f"{tally.written} articles ({tally.stories} stories)"
    if tally.originals:
        what += f", {tally.originals} files as imported"
    if tally.capture_files:
        what += f" and {tally.capture_files} files of captures"
    click.echo(f"exported {what} to {'stdout' if to_stdout else out} as {fmt}", err=True)
    for why, n in sorted(tally.skipped.items()):
        click.echo(f"left out {n}: {why}", err=True)
