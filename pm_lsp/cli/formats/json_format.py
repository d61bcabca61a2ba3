"""``--format json``: a documented contract, stable for other tools."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from pm_lsp import __version__
from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.rules.spec import Diagnostic

SCHEMA_VERSION = 1


def _point(report: FileReport, offset: int) -> dict[str, int]:
    line, column = report.pos(offset)
    return {"line": line, "column": column}


def diagnostic_json(report: FileReport, d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "title": d.fix.title,
            "safe": d.fix.safe,
            "edits": [
                {"start": _point(report, e.start), "end": _point(report, e.end), "text": e.new_text}
                for e in d.fix.edits
            ],
        }
    return {
        "code": d.code,
        "name": d.name,
        "category": d.category,
        "severity": d.severity.label,
        "message": d.message,
        "start": _point(report, d.start),
        "end": _point(report, d.end),
        "fix": fix,
    }


def document(reports: Sequence[FileReport]) -> dict[str, Any]:
    all_diags = [d for r in reports for d in r.diagnostics]
    by_sev = Counter(d.severity.label for d in all_diags)
    return {
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "files": [
            {"path": r.path, "diagnostics": [diagnostic_json(r, d) for d in r.diagnostics]}
            for r in reports
        ],
        "summary": {
            "files": len(reports),
            "diagnostics": len(all_diags),
            "error": by_sev.get("error", 0),
            "warning": by_sev.get("warning", 0),
            "info": by_sev.get("info", 0),
            "hint": by_sev.get("hint", 0),
            "fixable": sum(1 for d in all_diags if d.fix is not None and d.fix.safe),
            "unsafe_fixable": sum(1 for d in all_diags if d.fix is not None and not d.fix.safe),
        },
    }


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    safe.dump(document(reports), out)
