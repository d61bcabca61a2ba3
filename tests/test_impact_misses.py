"""PM401 on vague amounts a blind test found missed (each class beside look-alikes that
give the amount and stay clean). Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn


def _flagged(lint_text: LintFn, sentence: str) -> list[str]:
    text = f"# Depot outage\n\n## Impact\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def test_a_quantifier_on_a_noun_with_a_pre_modifier_counts_the_noun(lint_text: LintFn) -> None:
    """ "Several B2B customers", "several SaaS tenants": a name with a digit in it is no
    number, and a quantifier the parse hangs on the pre-modifier counts the noun."""
    assert _flagged(lint_text, "Several B2B customers have called the support line.") == [
        "Several B2B customers"
    ]
    assert _flagged(lint_text, "Several SaaS tenants have written in.") == ["Several SaaS tenants"]
    assert _flagged(lint_text, "Many EC2 hosts were unreachable.") == ["Many EC2 hosts"]
    for sentence in (
        "Twelve B2B customers called the support line to complain.",
        "All 40 SaaS tenants could not sign in between 10:05 and 10:50.",
        "14 EC2 hosts were unreachable for 20 minutes.",
    ):
        assert _flagged(lint_text, sentence) == [], sentence
