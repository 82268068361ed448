"""Helpers shared by the command modules."""

from __future__ import annotations

from pathlib import Path

import click

from newsark.archive.store import Archive

archive_option = click.option(
    "--archive", "archive_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
    help="The archive folder.",
)


def open_archive(archive_dir: Path, *, create: bool = False) -> Archive:
    try:
        return Archive(archive_dir, create=create)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
