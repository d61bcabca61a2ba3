"""Human error named only to be disclaimed as the incident's label (bl43 class 1,
``human_error._disclaimed``): a denied labelling verb with the phrase as its object or
complement, a verb that turns the label down, a verdict that sets it aside. That is the
blameless stance itself (PM102 stays quiet). Human error asserted, a contrast's other half
and a denied act on an error that happened stay findings. Every sentence here is written
for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _doc(sentence: str, heading: str) -> str:
    return f"# Depot outage\n\n## {heading}\n\n{sentence}\n"


def _pm102(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM102"]).diagnostics
    return [text[d.start : d.end] for d in diags]


_HEADINGS = ["Root cause", "What happened"]


@pytest.mark.parametrize("heading", _HEADINGS)
@pytest.mark.parametrize(
    "sentence",
    [
        "This write-up does not attribute the double billing to human error.",
        "Our review did not ascribe the lost manifests to operator error.",
        "We do not treat the mistyped route as user error.",
        "We never classified the stuck export as operator error.",
        "The panel would not describe the misrouted pallets as human error.",
        "It was never a question of human error.",
        "The missed renewal was not a case of operator error at all.",
        "We reject the framing of human error for the depot outage.",
        "The team disputes the label of operator error in the first draft.",
        "It is tempting to blame human error here, yet the form accepted any date.",
        "It would be unfair to put the lost batch down to user error.",
        "No one on the panel called the resend operator error.",
    ],
)
def test_a_disclaimed_label_stays_clean(lint_text: LintFn, sentence: str, heading: str) -> None:
    assert _pm102(lint_text, _doc(sentence, heading)) == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The root cause of the double billing was human error.", "human error"),
        ("The dock was not flooded by rain but by human error.", None),
        ("The audit turned up operator error in the pallet count.", "operator error"),
        ("We consider the lost batch a case of user error.", "user error"),
        ("Nobody doubts that the resend was human error.", "human error"),
        ("The first draft said little, but it was operator error.", "operator error"),
    ],
)
def test_human_error_asserted_is_still_found(
    lint_text: LintFn, sentence: str, span: str | None
) -> None:
    found = _pm102(lint_text, _doc(sentence, "Root cause"))
    assert found, sentence
    if span is not None:
        assert span in found, found


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    kept = _doc("倉庫 🚚 The cause of the outage was operator error.", "Root cause")
    assert _pm102(lint_text, kept.replace("\n", "\r\n")) == ["operator error"]
    clean = _doc("倉庫 🚚 We do not attribute the outage to operator error.", "Root cause")
    assert _pm102(lint_text, clean.replace("\n", "\r\n")) == []


def test_words_are_in_the_pack() -> None:
    pack = builtin_pack()
    assert "attribute" in pack.words("blame", "labelling-verbs")
    assert "reject" in pack.words("blame", "label-rejecting-verbs")
    assert "tempting" in pack.words("blame", "label-set-asides")


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("It was not the scanner but operator error.", "operator error"),
        ("The cause was not the firmware but human error.", "human error"),
        ("This was not a network fault but a human mistake.", "human mistake"),
        ("The stall was not down to the conveyor but to operator error.", "operator error"),
        ("It wasn't the label printer but user error.", "user error"),
    ],
)
def test_the_half_after_not_x_but_is_asserted(lint_text: LintFn, sentence: str, span: str) -> None:
    assert _pm102(lint_text, _doc(sentence, "Root cause")) == [span]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was not human error but a tooling gap.",
        "The cause was not operator error but a missing interlock.",
        "It was not the scanner but a stale firmware image.",
        "The stall was never user error but a sensor fault.",
    ],
)
def test_the_denied_half_stays_clean(lint_text: LintFn, sentence: str) -> None:
    assert _pm102(lint_text, _doc(sentence, "Root cause")) == []
