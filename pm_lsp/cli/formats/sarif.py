"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers.

Rule metadata (short and full description, help text and URI) comes from the rule
declarations, so code scanning shows the same explanation as ``--explain``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from pm_lsp import __version__
from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.rules.explain import doc_url, explain_markdown
from pm_lsp.rules.registry import all_rules
from pm_lsp.rules.spec import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.HINT: "note",
}


def _rules() -> list[dict[str, Any]]:
    out = []
    for r in all_rules():
        s = r.spec
        out.append(
            {
                "id": s.code,
                "name": s.name,
                "shortDescription": {"text": s.summary},
                "fullDescription": {"text": s.rationale},
                "help": {
                    "text": f"{s.rationale}\n\nFlagged:\n{s.bad}\n\nBetter:\n{s.good}",
                    "markdown": explain_markdown(s),
                },
                "helpUri": doc_url(s),
                "defaultConfiguration": {"level": _LEVEL[s.severity]},
                "properties": {"category": s.category, "tags": ["postmortem", s.category]},
            }
        )
    return out


def document(reports: Sequence[FileReport]) -> dict[str, Any]:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for rep in reports:
        for d in rep.diagnostics:
            line, col = rep.pos(d.start)
            end_line, end_col = rep.pos(d.end)
            result: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": rep.path},
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col,
                            },
                        }
                    }
                ],
            }
            if d.fix is not None:
                result["properties"] = {"fix": d.fix.title, "fixSafe": d.fix.safe}
            results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pm-lint",
                        "version": __version__,
                        "informationUri": "https://github.com/pm-lsp/pm-lsp",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    safe.dump(document(reports), out)
