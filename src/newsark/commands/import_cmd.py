"""``newsark import SOURCE... --archive DIR``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsark.archive.importer import import_sources
from newsark.commands._common import archive_option, kept_message, open_archive
from newsark.commands.progress import Progress


@click.command("import")
@click.argument("sources", nargs=-1, required=True)
@archive_option
@click.option("--quiet", is_flag=True, help="No progress bar, no summary.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
@click.option("--no-index", is_flag=True, help="Do not update the search index (run `newsark index` later).")
@click.option("--max-file-mb", type=float, default=20.0, show_default=True,
              help="Files larger than this are refused (reported, not read).")
def import_command(sources: tuple[str, ...], archive_dir: Path, quiet: bool, as_json: bool,
                   no_index: bool, max_file_mb: float) -> None:
    """Import existing Markdown archives: folders, files, .tar(.gz/.xz), .zip.

    Keeps every original byte, repairs what is certain (recorded and reversible),
    flags the rest, folds copies of a story under one id. Running it again changes nothing.
    """
    for source in sources:
        if not Path(source).exists():
            raise click.ClickException(f"{source}: no such file or folder")
    with open_archive(archive_dir, create=True) as archive:
        bar = Progress(enabled=not quiet and not as_json and sys.stderr.isatty())
        with bar:
            stats = import_sources(archive, sources, progress=bar.update,
                                   max_bytes=int(max_file_mb * 1024 * 1024), index=not no_index)
        if not quiet:
            for p in stats.problems[:50]:
                click.echo(f"skipped {p['source']}:{p['member']}: {p['kind']}: {p['message']}", err=True)
            if len(stats.problems) > 50:
                click.echo(f"… and {len(stats.problems) - 50} more (see `newsark report`)", err=True)
        if stats.kept_edits:
            click.echo(kept_message(stats.kept_edits), err=True)
        if as_json:
            click.echo(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2))
        elif not quiet:
            s = stats
            click.echo(
                f"{s.members:,} files read: {s.new:,} new, {s.updated:,} updated, "
                f"{s.unchanged:,} unchanged, {s.rejected:,} not imported; {s.written:,} written."
            )
            if s.stories:
                click.echo(f"{s.stories['stories']:,} stories, {s.stories['aliases']:,} aliases.")
