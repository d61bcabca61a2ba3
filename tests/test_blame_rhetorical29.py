"""Blind round 29 (bl29b): an exasperated why aimed at a named party is blame (PM104, a
warning), not only exasperation (info); asked of a thing, or answered next, it stays a
tone note at most. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.spec import Severity


def _doc(block: str) -> str:
    return f"# Renewal outage\n\n## Contributing factors\n\n{block}\n"


@pytest.mark.parametrize(
    "block",
    [
        "Why on earth did Priya let the domain registration lapse?",
        "Why in the world would the night operator restart the primary mid-sync?",
        "How on earth did the vendor's engineer miss the expiry banner?",
    ],
)
def test_an_exasperated_why_at_a_party_is_a_warning(lint_text: LintFn, block: str) -> None:
    text = _doc(block)
    diags = lint_text(text, select=["PM1"]).diagnostics
    found = [(d.code, d.severity) for d in diags if d.code == "PM104"]
    assert found == [("PM104", Severity.WARNING)], [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    "block",
    [
        "Why on earth does the exporter retry forever? Because the default was never overridden.",
        "Why on earth did the sync job run at midday? The batch window had moved in April.",
        "Why on earth did Priya renew it twice? She had two expiry mails from two registrars.",
    ],
)
def test_an_exasperated_why_at_a_thing_or_answered_is_no_blame(
    lint_text: LintFn, block: str
) -> None:
    text = _doc(block)
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [d for d in diags if d.severity > Severity.INFO] == [], [
        (d.code, text[d.start : d.end]) for d in diags
    ]


def test_a_why_after_a_tag_question_is_not_one_of_a_list(lint_text: LintFn) -> None:
    """A tag question ("..., right?") asks nothing: the why after it is judged alone."""
    text = _doc(
        "Oh perfect, another month-end cutover with no rehearsal, right? So why did nobody "
        "on the ledger side bother to say the refunds shared the queue?"
    )
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert "PM103" in {d.code for d in diags}
