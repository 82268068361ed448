"""Helpers shared by the command modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsark.archive.store import Archive

if TYPE_CHECKING:
    from newsark.scale.workers import Pool

archive_option = click.option(
    "--archive", "archive_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
    help="The archive folder.",
)


def open_archive(archive_dir: Path, *, create: bool = False) -> Archive:
    try:
        return Archive(archive_dir, create=create)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


def pool_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--workers N / --cluster ADDRESS: where pages are extracted (newsark.scale)."""
    func = click.option(
        "--cluster", metavar="ADDRESS",
        help="Extract pages on a Dask cluster: its scheduler's address (tcp://HOST:8786). "
             "Every worker needs the same newsark installed.")(func)
    return click.option(
        "--workers", type=click.IntRange(0, 512), default=0, show_default=True,
        help="Extract pages in this many local processes (0: in this one).")(func)


@contextmanager
def opened_pool(workers: int, cluster: str | None) -> Iterator[Pool | None]:
    """``newsark.scale.workers.open_pool`` with its errors as click errors."""
    from newsark.scale.workers import ClusterError, open_pool

    with ExitStack() as stack:
        try:
            pool = stack.enter_context(open_pool(workers, cluster))
        except ClusterError as exc:
            raise click.ClickException(str(exc)) from exc
        except ValueError as exc:  # --workers with --cluster
            raise click.UsageError(str(exc)) from exc
        yield pool


def id_list(ids: list[int], most: int = 20) -> str:
    """Article ids for a message: the first ``most``, and '…' when there are more."""
    return ", ".join(str(i) for i in ids[:most]) + (" …" if len(ids) > most else "")


def kept_message(ids: list[int]) -> str:
    """What a command says of the article files it left alone because a person edited them."""
    return (f"kept {len(ids):,} article file(s) edited by hand as they are ({id_list(ids)}): newsark "
            "does not overwrite a person's edit (`newsark index` takes edits into the catalog)")
