"""PM401 on sentences near an impact statement that state none (the classes a blind test
found), each beside look-alikes in the same shape that state impact and stay reported.
Every sentence here is written for this file."""

from __future__ import annotations

from collections.abc import Sequence

from conftest import LintFn


def _reported(lint_text: LintFn, lines: Sequence[str], heading: str = "Summary") -> list[str]:
    """The lines PM401 reports when each stands as its own paragraph under ``heading``."""
    text = f"# Deploy incident\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    return sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags}, key=lines.index)


def test_the_wrong_thing_chosen_is_the_cause_not_the_harm(lint_text: LintFn) -> None:
    """A defect ("images built against the wrong OpenSSL") or a cause ("because the
    calendar listed the wrong week") names a mistaken choice with "the wrong X" as the
    object of a thing's act; harm is "the wrong X" handed to people."""
    clean = [
        "On Tuesday the 7.1.0 release published container images that were built against "
        "the wrong OpenSSL.",
        "It reached production on Tuesday night because the deploy calendar listed the "
        "wrong week, and the scheduler ran it.",
        "The hotfix went out early because the runbook named the incorrect cluster.",
        "The migration script pointed at the wrong schema.",
    ]
    harm = [
        "Customers were sent the wrong invoice.",
        "The checkout page showed shoppers the wrong price.",
        "The banner displayed the wrong delivery date to buyers.",
        "Members saw the wrong balance on their statements.",
    ]
    assert _reported(lint_text, clean + harm) == harm
