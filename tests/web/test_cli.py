"""``newsark serve``: options, errors, loopback detection."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from newsark.cli import main
from newsark.commands.serve_cmd import is_loopback


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--archive", "--host", "--port", "127.0.0.1"):
        assert option in result.output


def test_refuses_a_folder_that_is_not_an_archive(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--archive", str(tmp_path), "--no-index"])
    assert result.exit_code == 2 and "not a newsark archive" in result.output


def test_missing_archive_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--archive", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.com", False)])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_runs_a_read_only_server(server: str) -> None:
    """The real command under uvicorn (started by the ``server`` fixture on 127.0.0.1)."""
    assert server.startswith("http://127.0.0.1:")
    r = httpx.get(server + "/article/101.json", timeout=10)
    assert r.status_code == 200 and r.json()["aliases"] == [103]
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert httpx.post(server + "/article/101", timeout=10).status_code == 405
    # on loopback, other Host names are refused (DNS rebinding)
    assert httpx.get(server + "/", headers={"host": "evil.example"}, timeout=10).status_code == 400
    assert httpx.get(server + "/static/app.js", timeout=10).headers["content-type"].startswith(
        ("application/javascript", "text/javascript"))
