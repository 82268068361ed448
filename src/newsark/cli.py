"""The ``newsark`` command: a thin click group; each command lives in newsark.commands.*.

Commands are imported lazily so ``newsark --help`` stays fast and one broken optional
dependency does not take every command down.
"""

from __future__ import annotations

import importlib

import click

# command name -> "module:attribute" of a click.Command
COMMANDS: dict[str, str] = {
    "import": "newsark.commands.import_cmd:import_command",
    "show": "newsark.commands.show_cmd:show_command",
    "report": "newsark.commands.report_cmd:report_command",
    "repair": "newsark.commands.repair_cmd:repair_command",
    "extract": "newsark.commands.extract_cmd:extract_command",
    "search": "newsark.commands.search_cmd:search_command",
    "index": "newsark.commands.search_cmd:index_command",
    "serve": "newsark.commands.serve_cmd:serve_command",
    "rescue": "newsark.commands.rescue_cmd:rescue_command",
    "ingest": "newsark.commands.rescue_cmd:ingest_command",
    "export": "newsark.commands.export_cmd:export_command",
    "publish": "newsark.commands.publish_cmd:publish_command",
}

SUMMARIES: dict[str, str] = {
    "import": "Import existing Markdown archives (folders, files, tar/zip) into an archive.",
    "show": "Print one article (or its original bytes) by id or alias.",
    "report": "Coverage and defect report of an archive.",
    "repair": "List or undo the repairs made to an archive's files.",
    "extract": "Extract one archived HTML page (or a site of pages) into the archive format.",
    "search": "Full-text search an archive (Chinese and English).",
    "index": "Build or rebuild an archive's search index.",
    "serve": "Run the local web reader.",
    "rescue": "Rescue a site from the Wayback Machine into an archive.",
    "ingest": "Ingest local WARC/WACZ files into an archive.",
    "export": "Export an archive as JSON Lines, Parquet or one WARC file.",
    "publish": "Publish an archive as a static website with search (Hugo, Pagefind).",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attr = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("newsark.commands"):
                return None  # command not built yet
            raise
        command = getattr(module, attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="newsark")
def main() -> None:
    """Rescue a vanished news site from web archives into a clean, searchable archive."""


if __name__ == "__main__":  # pragma: no cover
    main()
