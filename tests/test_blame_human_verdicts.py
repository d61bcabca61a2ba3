"""Human error said the other way round (``human-error-phrases``): the fault
named first and "human" given as its verdict ("the slip was a human one", "the cause of
the outage was human") is PM102; "human" before a noun or a hyphen ("human review",
"human-readable") and a denied verdict are clean. Also the contracted counterfactual modals
(class 5), which the tokenizer splits as the full forms are read."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


def _doc(sentence: str) -> str:
    return f"# Incident\n\n## Root cause\n\nThe queue filled first.\n\n{sentence}\n"


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The failure was, in the end, a human one.", "failure was, in the end, a human one"),
        (
            "At bottom the slip was a human one, and the tooling played a small part.",
            "slip was a human one",
        ),
        ("Ultimately the cause of the outage was human.", "cause of the outage was human"),
        ("The panel found that the errors were human ones.", "errors were human ones"),
    ],
)
def test_human_given_as_the_faults_verdict(lint_text: LintFn, sentence: str, span: str) -> None:
    assert ("PM102", span) in _found(_doc(sentence), lint_text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The tool prints a human-readable error when the lock is held.",
        "Human review caught the second bad flag before release.",
        "The cause was not human: the scheduler raced with the compaction job.",
        "The problem was human review being skipped under time pressure.",
        "The fault was in the human-facing dashboard, which hid the queue depth.",
        "The issue is human factors in the console design, covered below.",
        "The mistake was a one-off in the parser.",
    ],
)
def test_human_as_a_modifier_stays_clean(lint_text: LintFn, sentence: str) -> None:
    found = [f for f in _found(_doc(sentence), lint_text) if f[0] == "PM102"]
    assert found == [], found


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("She should've kept a copy of the signing key.", "should've kept"),
        ("The reviewer shouldn't've approved the schema change.", "shouldn't've approved"),
        ("they could've noticed the alert sooner.", "could've noticed"),
        ("Sure enough, he should’ve paused the encoder first.", "should’ve paused"),
    ],
)
def test_contracted_counterfactuals(lint_text: LintFn, sentence: str, span: str) -> None:
    found = [(c, s) for c, s in _found(_doc(sentence), lint_text) if c == "PM103"]
    assert found and span in found[0][1], found


@pytest.mark.parametrize(
    "sentence",
    [
        "We could've used a larger instance, but the budget ruled it out.",
        "The on-call would've been paged if the alert had been routed.",
    ],
)
def test_contracted_modals_of_capability_stay_clean(lint_text: LintFn, sentence: str) -> None:
    found = [f for f in _found(_doc(sentence), lint_text) if f[0] == "PM103"]
    assert found == [], found
