"""A lapse met with exasperation (PM106) or a slip called junior (PM104): "as has become a
pattern with ...", a shrug closing the sentence ("..., but here we are"), being told last
"once again", "a junior mistake". Their innocent look-alikes (a practice that became
standard, "here we are" opening a summary, a junior engineer) stay clean. Every sentence
here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(sentence: str) -> str:
    return f"# Kiln outage\n\n## What happened\n\n{sentence}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "code", "span"),
    [
        (
            "The kiln log broke again, as has become a pattern with the glazing team.",
            "PM106",
            "as has become a pattern",
        ),
        (
            "The operators were asked to log each firing, but here we are.",
            "PM106",
            "but here we are",
        ),
        (
            "Everyone was reminded to rotate the badges last quarter, and yet here we are.",
            "PM106",
            "and yet here we are",
        ),
        (
            "Once again, the crew who wired the kiln were the last to hear of it.",
            "PM106",
            "Once again, the crew who wired the kiln were the last to hear",
        ),
        ("Leaving the vent shut was a junior mistake.", "PM104", "junior mistake"),
        ("Skipping the test firing was a rather junior error.", "PM104", "junior error"),
    ],
)
def test_the_tone_is_found(lint_text: LintFn, sentence: str, code: str, span: str) -> None:
    assert (code, span) in _found(lint_text, _doc(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The firing skipped the preheat, as has become standard practice for small loads.",
        "As has become common, the supplier shipped the clay overnight.",
        "A junior engineer paired with a senior potter on the new kiln profile.",
        "The junior error-budget owner signed off the change.",
        "So here we are at the end of the review, with three actions open.",
        "Here we are, six weeks later, with the new controller installed.",
        "Once again, the kiln reached temperature within an hour.",
        "The customers were the last to know about the price change.",
    ],
)
def test_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _found(lint_text, _doc(sentence)) == []
