"""``newsark rescue SITE`` and ``newsark ingest FILE…`` (library code in newsark.sources)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsark.commands._common import opened_pool, pool_options
from newsark.sources import rescue as R
from newsark.sources.progress import RichProgress


@click.command("rescue")
@click.argument("site")
@click.option("--archive", "archive_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Archive folder to fill (created if needed). Not needed with --dry-run.")
@click.option("--wayback", default=R.DEFAULT_WAYBACK, show_default=True,
              help="Base URL of the Wayback server (CDX at /cdx/search/cdx, replay at /web/).")
@click.option("--cdx-rate", type=float, default=R.DEFAULT_CDX_RATE, show_default=True,
              help="CDX requests per minute.")
@click.option("--replay-rate", type=float, default=R.DEFAULT_REPLAY_RATE, show_default=True,
              help="Replay requests per second.")
@click.option("--pause-429", type=float, default=60.0, show_default=True,
              help="Seconds to pause everything after a 429 (doubles on repeats).")
@click.option("--pause-refused", type=float, default=3600.0, show_default=True,
              help="Seconds to sleep when connections are refused (firewall block).")
@click.option("--from", "date_from", help="Only captures from this timestamp (e.g. 2017 or 20170401).")
@click.option("--to", "date_to", help="Only captures up to this timestamp.")
@click.option("--profile", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Site profile (YAML: article_path regex with (?P<id>...), selectors).")
@click.option("--parallel", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Replay requests in flight at once, all under --replay-rate (faster on a "
                   "slow archive; after a kill up to 2N requests may be asked again).")
@click.option("--window-days", type=float, default=365.0, show_default=True,
              help="Follow archived redirects only to captures within this many days.")
@click.option("--dry-run", is_flag=True, help="List and print what would be fetched; write nothing.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
@click.option("--log-json", type=click.Path(dir_okay=False, path_type=Path),
              help="Append one JSON event per HTTP request to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def rescue_command(site: str, archive_dir: Path | None, wayback: str, cdx_rate: float,
                   replay_rate: float, pause_429: float, pause_refused: float,
                   date_from: str | None, date_to: str | None, profile: Path | None,
                   parallel: int, window_days: float, dry_run: bool, quiet: bool, log_json: Path | None,
                   as_json: bool) -> None:
    """Rescue SITE (e.g. www.example-news.com) from the Wayback Machine into an archive."""
    if archive_dir is None and not dry_run:
        raise click.UsageError("--archive DIR is required (or use --dry-run)")
    opts = R.RescueOptions(
        wayback=wayback.rstrip("/"), cdx_rate=cdx_rate, replay_rate=replay_rate,
        pause_429=pause_429, pause_refused=pause_refused, date_from=date_from, date_to=date_to,
        profile=profile, window_days=window_days, log_json=log_json, parallel=parallel,
    )
    try:
        with RichProgress(enabled=not quiet and not as_json) as bars:
            summary = R.rescue(site, archive_dir, opts, dry_run=dry_run, progress=bars.callbacks())
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    except RuntimeError as exc:  # blocked / network / CDX errors: resumable, say so
        raise click.ClickException(f"{exc} (progress is saved; run the same command again)") from exc
    _print(summary.as_dict(), as_json)


@click.command("ingest")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--archive", "archive_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path), help="Archive folder to fill.")
@click.option("--profile", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Site profile (YAML: article_path regex with (?P<id>...)).")
@click.option("--site", help="The site to take articles from (default: the most captured host).")
@click.option("--capture-base", default=R.DEFAULT_WAYBACK, show_default=True,
              help="Base of the capture URLs written into articles (when the WARC has none).")
@pool_options
@click.option("--quiet", is_flag=True, help="No progress bars.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest_command(files: tuple[Path, ...], archive_dir: Path, profile: Path | None,
                   site: str | None, capture_base: str, workers: int, cluster: str | None,
                   quiet: bool, as_json: bool) -> None:
    """Ingest local WARC / WACZ files (e.g. a crawl, or rescue's own DIR/warcs) into an archive.

    The archive is the same whether pages are extracted here, with --workers or on a
    --cluster; only this process writes it, so a killed ingest resumes as usual."""
    from newsark.sources.ingest import ingest

    with opened_pool(workers, cluster) as pool, RichProgress(enabled=not quiet and not as_json) as bars:
        try:
            tally, shape = ingest(list(files), archive_dir, profile=profile, site=site,
                                  public_base=capture_base.rstrip("/"), pool=pool,
                                  progress=bars.callbacks())
        except (ValueError, FileNotFoundError) as exc:
            raise click.UsageError(str(exc)) from exc
        where = pool.where if pool else None
    out: dict[str, object] = {
        "shape": shape, "stories": tally.stories, "written": tally.written,
        "aliased": tally.aliased, "failed": tally.failed, "skipped": tally.skipped,
        "rejected": dict(sorted(tally.reasons.items()))}
    if where:
        out["extracted_on"] = {"pool": where, "pages": tally.pool_pages}
    if tally.damaged:  # records before and after each damaged stretch were read
        out["damaged"] = [f"{path}: {note}" for path, notes in tally.damaged.items() for note in notes]
    _print(out, as_json)


def _print(data: dict[str, object], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
        elif isinstance(value, list):
            value = "\n    " + "\n    ".join(str(v) for v in value) if value else "-"
        click.echo(f"{key}: {value}")
