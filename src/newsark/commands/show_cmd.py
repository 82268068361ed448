"""``newsark show ID --archive DIR [--original] [--json]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsark.commands._common import archive_option, open_archive


@click.command("show")
@click.argument("article_id", type=int)
@archive_option
@click.option("--original", is_flag=True, help="Print the original bytes of this id, unchanged.")
@click.option("--json", "as_json", is_flag=True, help="Catalog record, repairs and provenance as JSON.")
def show_command(article_id: int, archive_dir: Path, original: bool, as_json: bool) -> None:
    """Print one article. An alias prints its story and says so (on stderr)."""
    with open_archive(archive_dir) as archive:
        if original:
            data = archive.original_bytes(article_id)
            if data is None:
                raise click.ClickException(f"no article {article_id} in {archive.root}")
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        story_id, is_alias = archive.resolve(article_id)
        row = archive.db.execute("SELECT * FROM articles WHERE id=?", (story_id,)).fetchone()
        if row is None:
            raise click.ClickException(f"no article {article_id} in {archive.root}")
        if as_json:
            click.echo(json.dumps(_record(archive, article_id, story_id, is_alias), ensure_ascii=False, indent=2))
            return
        if is_alias:
            click.echo(f"note: {article_id} is an alias of story {story_id}", err=True)
        sys.stdout.buffer.write(archive.read_bytes(story_id))
        sys.stdout.buffer.flush()


def _record(archive, article_id: int, story_id: int, is_alias: bool) -> dict:  # type: ignore[no-untyped-def,type-arg]
    db = archive.db
    row = dict(db.execute("SELECT * FROM articles WHERE id=?", (story_id,)).fetchone())
    row["tags"] = json.loads(row["tags"] or "[]")
    return {
        "id": article_id,
        "story_id": story_id,
        "is_alias": is_alias,
        "aliases": archive.aliases_of(story_id),
        "article": row,
        "story": dict(r) if (r := db.execute("SELECT * FROM stories WHERE story_id=?", (story_id,)).fetchone()) else None,
        "defects": [dict(r) for r in db.execute("SELECT kind, status, detail FROM defects WHERE article_id=?", (story_id,))],
        "repairs": [dict(r) for r in db.execute(
            "SELECT id, kind, field, count, at FROM repairs WHERE article_id=?", (story_id,))],
        "boilerplate": [dict(r) for r in db.execute(
            "SELECT position, kind, author, text FROM boilerplate WHERE article_id=? ORDER BY position", (story_id,))],
        "provenance": [dict(r) for r in db.execute(
            "SELECT source, member, sha256, imported_at FROM provenance WHERE article_id=?", (article_id,))],
        "hand_edit": dict(r) if (r := db.execute(
            "SELECT sha256, previous_sha256, previous_title, previous_date, at FROM hand_edits WHERE article_id=?", (story_id,)).fetchone()) else None,
    }
