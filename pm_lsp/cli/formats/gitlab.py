"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TextIO

from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.rules.spec import Severity

_LEVEL = {
    Severity.ERROR: "critical",
    Severity.WARNING: "major",
    Severity.INFO: "minor",
    Severity.HINT: "info",
}


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    issues = []
    for r in reports:
        seen: dict[str, int] = {}
        for d in r.diagnostics:
            line, _ = r.pos(d.start)
            end_line, _ = r.pos(d.end)
            # Stable across unrelated edits: path, code and the flagged text, not the line.
            # A file name with undecodable bytes holds surrogates: hash them as they are.
            flagged = (r.text or "")[d.start : d.end]
            key = f"{r.path}\0{d.code}\0{flagged}\0{d.message}"
            seen[key] = seen.get(key, 0) + 1
            fingerprint = hashlib.sha256(
                f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass")
            ).hexdigest()
            issues.append(
                {
                    "description": f"{d.code} {d.message}",
                    "check_name": f"{d.code} {d.name}",
                    "fingerprint": fingerprint,
                    "severity": _LEVEL[d.severity],
                    "location": {"path": r.path, "lines": {"begin": line, "end": end_line}},
                }
            )
    safe.dump(issues, out)
