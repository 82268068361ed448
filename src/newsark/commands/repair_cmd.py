"""``newsark repair``: list the repairs made to an archive, undo or redo them per article."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsark.archive.importer import rematerialize
from newsark.archive.materialize import UNDOABLE
from newsark.archive.store import now
from newsark.commands._common import archive_option, kept_message, open_archive

KINDS = (*UNDOABLE, "all")


@click.group("repair")
def repair_command() -> None:
    """Repairs are recorded and reversible; the original bytes are always kept."""


@repair_command.command("list")
@click.argument("article_id", type=int, required=False)
@archive_option
@click.option("--json", "as_json", is_flag=True)
def list_repairs(article_id: int | None, archive_dir: Path, as_json: bool) -> None:
    """Repairs of one article (or counts per kind for the archive)."""
    with open_archive(archive_dir) as archive:
        db = archive.db
        if article_id is None:
            rows = [dict(r) for r in db.execute(
                "SELECT kind, COUNT(DISTINCT article_id) AS articles, SUM(count) AS changes FROM repairs GROUP BY kind")]
            rows += [dict(r) for r in db.execute(
                "SELECT kind || ' (' || (SELECT 'moved out') || ')' AS kind, COUNT(DISTINCT article_id) AS articles, "
                "COUNT(*) AS changes FROM boilerplate GROUP BY kind")]
        else:
            rows = [dict(r) for r in db.execute(
                "SELECT id, kind, field, count, before, after, at FROM repairs WHERE article_id=?", (article_id,))]
            rows += [dict(r, kind="boilerplate:" + r["kind"]) for r in db.execute(
                "SELECT position, kind, author, text FROM boilerplate WHERE article_id=? ORDER BY position",
                (article_id,))]
            rows += [dict(r, undone=True) for r in db.execute(
                "SELECT kind, at FROM repairs_undone WHERE article_id=?", (article_id,))]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo("  ".join(f"{k}={str(v)[:80]!r}" for k, v in r.items()))


@repair_command.command("undo")
@click.argument("article_id", type=int)
@archive_option
@click.option("--kind", type=click.Choice(KINDS), default="all", show_default=True)
def undo(article_id: int, archive_dir: Path, kind: str) -> None:
    """Undo a repair of one article; --kind all restores the original bytes exactly."""
    with open_archive(archive_dir) as archive:
        _exists(archive, article_id)
        _refuse_hand_edit(archive, article_id)
        archive.db.execute("INSERT OR REPLACE INTO repairs_undone VALUES (?, ?, ?)", (article_id, kind, now()))
        stats = rematerialize(archive, [article_id])
    if stats.kept_edits:
        raise click.ClickException(kept_message(stats.kept_edits))
    click.echo(f"undid {kind} for {article_id}")


@repair_command.command("redo")
@click.argument("article_id", type=int)
@archive_option
@click.option("--kind", type=click.Choice(KINDS), default="all", show_default=True)
def redo(article_id: int, archive_dir: Path, kind: str) -> None:
    """Apply again a repair that was undone."""
    with open_archive(archive_dir) as archive:
        _exists(archive, article_id)
        _refuse_hand_edit(archive, article_id)
        if kind == "all":
            archive.db.execute("DELETE FROM repairs_undone WHERE article_id=?", (article_id,))
        else:
            archive.db.execute("DELETE FROM repairs_undone WHERE article_id=? AND kind=?", (article_id, kind))
        stats = rematerialize(archive, [article_id])
    if stats.kept_edits:
        raise click.ClickException(kept_message(stats.kept_edits))
    click.echo(f"redid {kind} for {article_id}")


def _exists(archive, article_id: int) -> None:  # type: ignore[no-untyped-def]
    if archive.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is None:
        raise click.ClickException(f"no article {article_id} in {archive.root}")


def _refuse_hand_edit(archive, article_id: int) -> None:  # type: ignore[no-untyped-def]
    """Undo and redo rewrite the file from its original: not over a person's edit."""
    if archive.hand_edited(article_id):
        raise click.ClickException(kept_message([article_id]))
