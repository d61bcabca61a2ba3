"""A denial that any one person's error caused the incident (``human_error._no_culprit``):
the possessor names no one ("no single operator's typo"), or the outcome traced to the
error is denied ("none of this was down to ...", "nothing came down to ..."). That is the
blameless stance and stays clean; the same error asserted, or an error nobody noticed,
is still PM102. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


def _doc(sentence: str) -> str:
    return f"# Queue outage\n\n## Root cause\n\n{sentence}\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "None of the delay was down to one responder's slip.",
        "No single operator's typo brought the queue down.",
        "Nothing in this outage came down to a single reviewer's error.",
        "None of it traced back to any individual engineer's mistake.",
        "Neither failure was down to one person's blunder.",
        "The stall was not down to one on-call engineer's mistake.",
        "This was not any one developer's fault.",
    ],
)
def test_a_denial_of_individual_error_is_clean(lint_text: LintFn, sentence: str) -> None:
    assert [c for c, _ in _found(_doc(sentence), lint_text) if c in ("PM101", "PM102")] == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The stall was down to Omar's mistake with the flag.", "Omar's mistake"),
        ("It all came down to one engineer's slip.", "one engineer's slip"),
        ("Nobody was aware of Leni's typo until the morning.", "Leni's typo"),
        ("The outage came down to the contractor's error.", "the contractor's error"),
    ],
)
def test_an_asserted_error_stays_a_finding(lint_text: LintFn, sentence: str, span: str) -> None:
    assert ("PM102", span) in _found(_doc(sentence), lint_text)
