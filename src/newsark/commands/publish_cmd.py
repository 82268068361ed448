"""``newsark publish --archive DIR OUT [--title T] [--base-url URL] [--lang L] [filters]``."""

from __future__ import annotations

from pathlib import Path

import click

from newsark.commands._common import archive_option, open_archive
from newsark.export import Selection
from newsark.publish import SiteOptions, publish_site
from newsark.publish.search_index import PART_SIZE
from newsark.publish.tools import ToolMissing


@click.command("publish")
@archive_option
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", help="The site's title (default: the archive folder's name).")
@click.option("--base-url", default="/", show_default=True,
              help="Where the site will be served from: a path (/hkcnews/) or a full URL.")
@click.option("--lang", default="zh-Hant", show_default=True,
              help="The pages' language (zh… gives Chinese labels, others English ones).")
@click.option("--since", help="First day to include (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Last day to include (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--site", help="Only articles of this site (host, without www.).")
@click.option("--category", help="Only articles of this category.")
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
@click.option("--search-part-size", type=click.IntRange(min=1), default=PART_SIZE, show_default=True,
              help="Stories per part of the search index (Pagefind holds a part in memory "
                   "while it builds it: smaller parts, less memory).")
@click.option("--source-only", is_flag=True, help="Write the Hugo source only; do not build.")
def publish_command(archive_dir: Path, out: Path, title: str | None, base_url: str, lang: str,
                    since: str | None, until: str | None, site: str | None,
                    category: str | None, no_search: bool, search_part_size: int,
                    source_only: bool) -> None:
    """Publish an archive as a static website (Hugo pages, Pagefind search) in OUT/public/.

    OUT/source/ is the Hugo site it was built from, to restyle and rebuild with hugo.
    """
    selection = Selection(since=since, until=until, site=site, category=category)
    with open_archive(archive_dir) as archive:
        options = SiteOptions(title=title or archive.root.name, base_url=base_url, lang=lang)
        try:
            done = publish_site(archive, out, options, selection=selection,
                                search=not no_search, build=not source_only,
                                search_part_size=search_part_size)
        except (ValueError, ToolMissing, RuntimeError) as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{done.stories} stories written to {done.source}", err=True)
    for why, n in sorted(done.tally.skipped.items()):
        click.echo(f"left out {n}: {why}", err=True)
    if not source_only:
        if done.searchable:
            click.echo(f"search index: {done.search_parts_indexed} part(s) indexed, "
                       f"{done.search_parts_reused} unchanged since the last publish", err=True)
        search = "with search" if done.searchable else "without search"
        click.echo(f"site built {search} in {done.public} (serve it with any static server, e.g. "
                   f"python -m http.server -d {done.public})", err=True)
