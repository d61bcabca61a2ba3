"""``--format json-lines``: one JSON object per diagnostic per line, for streaming tools.

Each line is :func:`pm_lsp.cli.formats.json_format.diagnostic_json` plus the file's ``path``:
``grep``, ``jq -c`` and log shippers can read it a line at a time, without waiting for the
whole report. Skipped files appear as their PM002 diagnostic, like in every format; a clean
run writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.cli.formats.json_format import diagnostic_json


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    for r in reports:
        for d in r.diagnostics:
            out.write(safe.dumps({"path": r.path, **diagnostic_json(r, d)}) + "\n")
