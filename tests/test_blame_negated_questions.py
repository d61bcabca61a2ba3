"""Blind round 32 classes of the blame family (bl34): a negated yes/no question that asks
an act of nobody, read in context (class 2)."""

from __future__ import annotations

from conftest import LintFn

CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")

_ASKED = "Did nobody at the freight broker see the customs notice before the weekend?"


def _found(lint_text: LintFn, heading: str, body: str) -> list[str]:
    text = f"# Incident\n\n## {heading}\n\n{body}\n"
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [text[d.start : d.end] for d in diags if d.code in CODES]


def test_negated_question_blames_in_running_text(lint_text: LintFn) -> None:
    assert _found(lint_text, "Contributing Factors", _ASKED) == [
        "Did nobody at the freight broker see"
    ]


def test_yes_no_question_in_a_section_of_questions_asks(lint_text: LintFn) -> None:
    """Listed as still open, the same question asks; so does one in a bullet list."""
    assert _found(lint_text, "Open questions", _ASKED) == []
    assert _found(lint_text, "Open questions", f"- {_ASKED}\n- Who owns the broker contract?") == []


def test_negated_question_answered_next_asks(lint_text: LintFn) -> None:
    body = f"{_ASKED} The notice went to a shared inbox that the broker had closed in May."
    assert _found(lint_text, "Contributing Factors", body) == []
