"""``pm-lint``: the command-line adapter (arguments, files, output formats) around the engine."""

from pm_lsp.cli.command import main

__all__ = ["main"]
