"""``newsark report --archive DIR [--json]``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsark.archive.report import build_report, format_text
from newsark.commands._common import archive_option, open_archive


@click.command("report")
@archive_option
@click.option("--json", "as_json", is_flag=True, help="The report as JSON.")
def report_command(archive_dir: Path, as_json: bool) -> None:
    """What the archive holds: files, stories, aliases, dates, id gaps, defects."""
    with open_archive(archive_dir) as archive:
        report = build_report(archive)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(report))
