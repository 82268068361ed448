"""``newsark extract``: one archived page (or a site of pages) to the archive format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _read_page(page: str) -> bytes:
    if page == "-":
        return sys.stdin.buffer.read()
    path = Path(page)
    if not path.is_file():
        raise click.BadParameter(f"no such file: {page}", param_hint="PAGE")
    return path.read_bytes()


@click.command("extract")
@click.argument("page", required=False)
@click.option("--url", help="The page's original URL (for links and URL dates).")
@click.option("--capture-url", help="The Wayback capture URL; links then point at captures.")
@click.option("--json", "as_json", is_flag=True, help="Print the extracted fields as JSON.")
@click.option("--site", "site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Learn a site's template from a folder of its pages and extract them all.")
@click.option("--profile", "profile_path", type=click.Path(path_type=Path),
              help="Site profile (.yaml/.toml) to use; with --site, where to save the learned one.")
def extract_command(page: str | None, url: str | None, capture_url: str | None, as_json: bool,
                    site_dir: Path | None, profile_path: Path | None) -> None:
    """Extract PAGE (a file, or - for stdin bytes) into the archive format on stdout."""
    from newsark.extract import SiteProfile, extract_page
    from newsark.extract.site import extract_site

    if site_dir is not None:
        if page:
            raise click.UsageError("give either PAGE or --site DIR, not both")
        for name, ex in extract_site(site_dir, profile_path=profile_path):
            record = {"page": name, **ex.to_json()}
            click.echo(json.dumps(record, ensure_ascii=False))
        return
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
        original = url
        click.echo(ex.to_article(url=capture_url or url, original_url=original if capture_url else None).dumps(), nl=False)
