"""``pm-lint new``: every placeholder in a scaffold is flagged by the linter itself.

A scaffold can be committed early (to claim the file, to start the review) and still fail
CI until each TODO is replaced: for each bundled template, every line of the scaffold that
holds a placeholder is either inside a diagnostic's range or in the body of a section that
PM202 reports as holding only placeholder text. The one deliberate exception is the action
items' Ticket cell, which PM304 requires only once the status is final; that is checked too.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LintFn

from pm_lsp.cli.command import main as cli_main
from pm_lsp.engine import LintResult
from pm_lsp.policy.templates import load_template

TEMPLATES = ["standard", "google-sre", "pagerduty", "atlassian"]
PLACEHOLDER = re.compile(r"\bTODO\b|\bTBD\b")
VENV_BIN = Path(sys.executable).parent


def new(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert cli_main(["new", *args]) == 0
    return capsys.readouterr().out


def covered_lines(result: LintResult) -> dict[int, list[str]]:
    """0-based line -> codes of the diagnostics that cover it (PM202 covers its section:
    at its heading, or at the first placeholder left in it, the section stays reported
    until every placeholder in it is replaced)."""
    doc = result.doc
    lines = doc.lines
    out: dict[int, list[str]] = {}
    for d in result.diagnostics:
        first, last = lines.line_of(d.start), lines.line_of(max(d.start, d.end - 1))
        if d.code == "PM202":
            section = [
                s
                for s in doc.sections
                if s.title_span.start == d.start or (s.content.start <= d.start < s.content.end)
            ][-1]
            last = lines.line_of(max(section.body.start, section.body.end - 1))
        for n in range(first, last + 1):
            out.setdefault(n, []).append(d.code)
    return out


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_placeholder_is_flagged(
    template: str, lint_text: LintFn, capsys: pytest.CaptureFixture[str]
) -> None:
    text = new(
        capsys,
        "Checkout latency",
        "--severity",
        "SEV2",
        "--template",
        template,
        "--date",
        "2025-03-14",
    )
    result = lint_text(text, template=template)
    assert not result.errors
    covered = covered_lines(result)
    unflagged = []
    for n, line in enumerate(text.splitlines()):
        if not PLACEHOLDER.search(line) or n in covered:
            continue
        if re.search(r"\|\s*TBD\s*\|\s*$", line):
            continue  # the Ticket cell: required once the status is final (below)
        unflagged.append(f"{n + 1}: {line}")
    assert not unflagged, "placeholders the linter does not flag:\n" + "\n".join(unflagged)
    # What the scaffold filled in itself is valid: no complaint about the date or severity.
    assert not [d for d in result.diagnostics if d.code == "PM204"], result.diagnostics


@pytest.mark.parametrize("template", TEMPLATES)
def test_ticket_placeholder_is_flagged_once_final(
    template: str, lint_text: LintFn, capsys: pytest.CaptureFixture[str]
) -> None:
    text = new(capsys, "Checkout latency", "--severity", "SEV2", "--template", template)
    final_status = load_template(template).final_statuses[0]
    final = re.sub(r"(?m)^(\*\*Status\*\*: )Draft", rf"\g<1>{final_status}", text)
    assert final != text
    ticket_rows = [
        n for n, line in enumerate(final.splitlines()) if re.search(r"\|\s*TBD\s*\|\s*$", line)
    ]
    assert ticket_rows, "the action items table has a Ticket column"
    covered = covered_lines(lint_text(final, template=template))
    for n in ticket_rows:
        assert "PM304" in covered.get(n, []), final.splitlines()[n]


def test_metadata_defaults(lint_text: LintFn, capsys: pytest.CaptureFixture[str]) -> None:
    """Today's date; a severity not given is a placeholder, flagged like the others."""
    import datetime as dt

    text = new(capsys, "  ")
    assert text.startswith("# TODO")
    assert f"**Date**: {dt.date.today().isoformat()}" in text
    result = lint_text(text)
    messages = {d.message for d in result.diagnostics if d.code == "PM203"}
    assert any("Severity" in m for m in messages), messages


def test_scaffold_fails_the_cli_until_filled_in(tmp_path: Path) -> None:
    """The real console scripts: `pm-lint new > file` then `pm-lint file` exits 1."""
    target = tmp_path / "postmortems" / "2025-03-14-checkout.md"
    target.parent.mkdir()
    with target.open("w", encoding="utf-8") as fh:
        p = subprocess.run(
            [str(VENV_BIN / "pm-lint"), "new", "Checkout latency", "--severity", "SEV2"],
            stdout=fh,
            cwd=tmp_path,
            check=False,
        )
    assert p.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Checkout latency\n")
    p2 = subprocess.run(
        [str(VENV_BIN / "pm-lint"), str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert p2.returncode == 1, p2.stdout + p2.stderr
    assert "PM202" in p2.stdout and "PM203" in p2.stdout
