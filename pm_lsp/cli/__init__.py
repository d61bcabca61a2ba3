"""``pm-lint``: the command-line adapter (arguments, files, output formats) around the engine.

:func:`main` imports the command line only when it runs in this process: with ``--daemon``
the arguments go to a warm daemon (:mod:`pm_lsp.cli.daemon`), and that path starts with
the standard library alone. A run here compiles its regular expressions through
:mod:`pm_lsp.regex_cache`."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["daemon"]:
        from pm_lsp.cli.daemon.client import control

        return control(args[1:])
    if "--daemon" in args[: args.index("--") if "--" in args else len(args)]:
        from pm_lsp.cli.daemon.client import run

        return run(args)
    from pm_lsp import regex_cache

    regex_cache.install()  # before the rules are imported: their patterns come from the table
    try:
        from pm_lsp.cli.command import main as run_here

        return run_here(args)
    finally:
        regex_cache.save()


__all__ = ["main"]
