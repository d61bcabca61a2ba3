"""Two kinds of writing PM103 must leave alone, beside the lapses they resemble.

Items named by the verdict a system owed them, in a relative clause on one of
``handled-items`` ("the issuer turned away cards that ought to have been authorised"): which
items, not a step someone skipped. A person's duty in the same passive stays PM103 ("the
transfer which should have been approved by a payments clerk", "the schema change should
have been reviewed by another developer").

A duty met: the owed clause is what the main clause says was done ("the head porter did
exactly what he was supposed to do", "did everything it was meant to do", "handled the page
just as she was supposed to handle it"). Praise, not a duty held against anyone; "did not do
what ...", "nobody did what ..." and "failed to do what ..." stay PM103. Every sentence
here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(sentence: str) -> str:
    return f"# Ferry booking outage\n\n## What happened\n\n{sentence}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "The transfer which should have been approved by a payments clerk went out.",
            "should have been approved",
        ),
        (
            "The schema change should have been reviewed by another developer.",
            "should have been reviewed",
        ),
        (
            "The pager alert should have been acknowledged within five minutes.",
            "should have been acknowledged",
        ),
        ("The deckhand did not do what he was supposed to do.", "he was supposed to do"),
        ("Nobody did what they were all supposed to do.", "they were all supposed to do"),
        ("No one on the ramp crew did what they were meant to do.", "they were meant to do"),
        ("The gate agent never did what she was supposed to do.", "she was supposed to do"),
        ("Ines was supposed to check the manifest but left early.", "Ines was supposed to check"),
    ],
)
def test_lapses_stay_found(lint_text: LintFn, sentence: str, span: str) -> None:
    assert ("PM103", span) in _found(lint_text, _doc(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The fare system turned down cards which should have been approved for half the forenoon.",
        "The issuer turned away 4,100 cards that ought to have been authorised.",
        "Purchases which should have been approved at the kiosk were held for manual review.",
        "Transfers that should have been accepted bounced back to the sender.",
        "The head porter did exactly what he was supposed to do.",
        "Every dispatcher did just what they were meant to do, and the queue drained by noon.",
        "Lena handled the page precisely as she was supposed to handle it.",
        "The weekend crew did everything it was supposed to do.",
        "The relief skipper followed what she was meant to follow.",
    ],
)
def test_verdicts_and_duties_met_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _found(lint_text, _doc(sentence)) == []
