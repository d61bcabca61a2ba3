"""act42 (PM301): the writers' dated review of their own list ("we will revisit these
commitments at the safety board on 14 April") is a plan for the list, whose items are
judged on their own, no vague action item. Look-alikes that stay vague: the same review
with no day named, a review of something else with a day, and work told in prose ("these
changes"). Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Gate outage\n\n**Status:** Final\n\n## Summary\n\n"
    "The ticket gates were shut for 20 minutes on 2026-02-03.\n\n## Closing notes\n\n"
)


def _pm301(lint_text: LintFn, sentence: str) -> list[str]:
    """The flagged spans' texts, each with the vague word its message names."""
    text = f"{_HEAD}{sentence}\n"
    diags = lint_text(text, select=["PM301"]).diagnostics
    return [f"{text[d.start : d.end]} | {d.message.split(chr(39))[1]}" for d in diags]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will revisit all these commitments at the safety board on 14 April.",
        "We'll review all of our follow-ups in the steering meeting on May 20th.",
        "The operations lead will revisit these action items on 2026-05-01.",
        "We are going to go over those actions again at the review on 3 June.",
    ],
)
def test_a_dated_review_of_the_list_is_no_vague_item(lint_text: LintFn, sentence: str) -> None:
    assert _pm301(lint_text, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("We will revisit these actions later.", "revisit"),
        ("We will revisit the alert thresholds on 14 April.", "revisit"),
        ("We will revisit these changes on 14 April.", "revisit"),
        ("We should discuss our commitments at some point.", "discuss"),
    ],
)
def test_undated_or_other_reviews_stay_vague(lint_text: LintFn, sentence: str, word: str) -> None:
    assert _pm301(lint_text, sentence) == [f"{sentence} | {word}"]
