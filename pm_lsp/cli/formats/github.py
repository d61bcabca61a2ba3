"""``--format github``: workflow commands that GitHub Actions turns into annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.rules.spec import Severity

_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
    Severity.HINT: "notice",
}


def _data(s: str) -> str:
    s = safe.for_terminal(s, keep="\r\n")  # the log viewer renders ANSI escapes
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    for r in reports:
        for d in r.diagnostics:
            line, col = r.pos(d.start)
            end_line, end_col = r.pos(d.end)
            out.write(
                f"::{_LEVEL[d.severity]} file={_prop(r.path)},line={line},col={col},"
                f"endLine={end_line},endColumn={end_col},title={_prop(d.code)}::"
                f"{_data(d.message)}\n"
            )
