"""``newsark extract``: one archived page (or a site of pages) to the archive format."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsark.commands._common import opened_pool, pool_options

if TYPE_CHECKING:
    from newsark.scale.workers import Pool


def _read_page(page: str) -> bytes:
    if page == "-":
        return sys.stdin.buffer.read()
    path = Path(page)
    if path.is_dir():
        raise click.BadParameter(f"{page} is a folder: use --site {page} to extract a site's pages",
                                 param_hint="PAGE")
    if not path.is_file():
        raise click.BadParameter(f"no such file: {page}", param_hint="PAGE")
    return path.read_bytes()


def _extract_site(site_dir: Path, profile_path: Path | None, pool: Pool | None) -> None:
    """One JSON line per page; a page that fails is a line with its ``error`` (and a
    warning on stderr), and the others go on. Fails when no page could be extracted."""
    from newsark.extract.profile import check_profile_path
    from newsark.extract.site import extract_site

    if profile_path is not None:
        try:
            check_profile_path(profile_path)  # before learning, not after
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--profile") from exc
    done = failed = 0
    try:
        for name, ex, error in extract_site(site_dir, profile_path=profile_path, pool=pool):
            if ex is None:
                failed += 1
                click.echo(f"warning: {name}: {error}", err=True)
                click.echo(json.dumps({"page": name, "error": error}, ensure_ascii=False))
            else:
                done += 1
                click.echo(json.dumps({"page": name, **ex.to_json()}, ensure_ascii=False))
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if failed:
        click.echo(f"{done} pages extracted, {failed} failed", err=True)
    if not done:
        raise click.ClickException(f"no page of {site_dir} could be extracted")


@click.command("extract")
@click.argument("page", required=False)
@click.option("--url", help="The page's original URL (for links and URL dates).")
@click.option("--capture-url", help="The Wayback capture URL; links then point at captures.")
@click.option("--json", "as_json", is_flag=True, help="Print the extracted fields as JSON.")
@click.option("--site", "site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Learn a site's template from a folder of its pages and extract them all.")
@click.option("--profile", "profile_path", type=click.Path(path_type=Path),
              help="Site profile (.yaml/.toml) to use; with --site, where to save the learned one.")
@pool_options
def extract_command(page: str | None, url: str | None, capture_url: str | None, as_json: bool,
                    site_dir: Path | None, profile_path: Path | None, workers: int,
                    cluster: str | None) -> None:
    """Extract PAGE (a file, or - for stdin bytes) into the archive format on stdout."""
    from newsark.extract import SiteProfile, extract_page
    from newsark.extract.links import original_url

    if site_dir is not None:
        if page:
            raise click.UsageError("give either PAGE or --site DIR, not both")
        with opened_pool(workers, cluster) as pool:
            _extract_site(site_dir, profile_path, pool)
        return
    if workers or cluster:
        raise click.UsageError("--workers and --cluster go with --site")
    if not page:
        raise click.UsageError("missing PAGE (a file, or - for stdin)")
    profile = None
    if profile_path is not None:
        try:
            profile = SiteProfile.from_file(profile_path)
        except (OSError, ValueError) as exc:
            raise click.BadParameter(str(exc), param_hint="--profile") from exc
    data = _read_page(page)
    if not data.strip():
        raise click.ClickException("the page is empty")
    try:
        ex = extract_page(data, url=url, capture_url=capture_url, profile=profile)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(ex.to_json(), ensure_ascii=False, indent=2))
    else:
        # A page saved from the replay names its capture itself (ex.capture_url).
        capture = capture_url or ex.capture_url
        original = (url or original_url(capture)) if capture else None
        click.echo(ex.to_article(url=capture or url, original_url=original).dumps(), nl=False)
    if not ex.is_article:  # the fields say so in --json; the Markdown alone would not
        click.echo(f"note: this page does not look like an article: {ex.reason}", err=True)
