"""``newsark serve``: the local, read-only web reader of an archive."""

from __future__ import annotations

import ipaddress
import threading
from pathlib import Path

import click

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def update_index(archive_dir: Path) -> None:
    """Bring the search index up to date before serving (the reader itself never writes)."""
    try:
        from newsark.search import sync_index
    except ImportError:
        click.echo("search engine not available: the search page will say so", err=True)
        return
    from newsark.archive.edits import adopt_edits
    from newsark.archive.store import Archive

    click.echo("updating the search index (the first time takes a while)…", err=True)
    with Archive(archive_dir, create=False) as archive:
        edits = adopt_edits(archive)  # files edited by hand, as `newsark index` does
        if edits.ids:
            click.echo(f"took {len(edits.ids)} article file(s) edited by hand into the catalog", err=True)
        stats = sync_index(archive)
    click.echo(f"search index: {stats}", err=True)


@click.command("serve")
@click.option("--archive", "archive_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Archive folder (holds catalog.sqlite).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Keep the loopback default unless you mean to share it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-index", is_flag=True, help="Do not update the search index before serving.")
def serve_command(archive_dir: Path, host: str, port: int, no_index: bool) -> None:
    """Run the local web reader of an archive (read-only)."""
    import uvicorn

    from newsark.web import create_app
    from newsark.web.app import warm_up

    if not (archive_dir / "catalog.sqlite").is_file():
        raise click.BadParameter(f"{archive_dir} is not a newsark archive (no catalog.sqlite)",
                                 param_hint="--archive")
    if not no_index:
        update_index(archive_dir)
    loopback = is_loopback(host)
    if not loopback:
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the archive",
                   err=True)
    app = create_app(archive_dir, allowed_hosts=LOOPBACK_NAMES if loopback else None)
    threading.Thread(target=warm_up, args=(app,), name="warm-up", daemon=True).start()
    click.echo(f"newsark reader on http://{'[' + host + ']' if ':' in host else host}:{port}/",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
