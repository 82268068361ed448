from __future__ import annotations

import json

from click.testing import CliRunner

from newsark.archive.store import Archive
from newsark.cli import main


def test_index_then_search_json_and_text(archive: Archive) -> None:
    root = str(archive.root)
    runner = CliRunner()
    out = runner.invoke(main, ["index", "--archive", root])
    assert out.exit_code == 0, out.output
    assert "indexed 6 stories" in out.output
    again = runner.invoke(main, ["index", "--archive", root])
    assert "indexed 0 stories" in again.output  # incremental: nothing changed
    rebuilt = runner.invoke(main, ["index", "--archive", root, "--rebuild"])
    assert "indexed 6 stories" in rebuilt.output

    res = runner.invoke(main, ["search", "科兴", "--archive", root, "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    for key in ("id", "aliases", "title", "date", "category", "score", "snippet"):
        assert key in row
    assert row["id"] == 104 and row["aliases"] == [105]
    assert "<mark>科興</mark>" in row["snippet"]

    text = runner.invoke(main, ["search", "倫敦", "--archive", root, "--from", "2021",
                                "--category", "眾議", "--limit", "5"])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("1 stories")
    assert "[107]" in text.output and "[106]" not in text.output


def test_bad_input_is_a_clear_error(archive: Archive, tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    res = runner.invoke(main, ["search", "x", "--archive", str(tmp_path / "nope")])
    assert res.exit_code != 0 and "not a newsark archive" in res.output
    res = runner.invoke(main, ["search", "x", "--archive", str(archive.root)])
    assert res.exit_code != 0 and "newsark index" in res.output
    runner.invoke(main, ["index", "--archive", str(archive.root)])
    res = runner.invoke(main, ["search", "x", "--archive", str(archive.root), "--to", "May"])
    assert res.exit_code != 0 and "not a date" in res.output
