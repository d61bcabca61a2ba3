"""A passive act told with a manner of fault, its "by" agent a person or a team (bl43
class 3, ``acts._faulted_manner``): "the promo limit was set incorrectly by the campaign
team" names the party as the cause (PM101), as an accident adverb does. No fault, a tool as
the agent, no agent and a question stay clean. A quality word after the verb ("planned
poorly by ...") is PM104's verdict, with its range from the verb to the word. Every
sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _doc(sentence: str) -> str:
    return f"# Depot outage\n\n## What happened\n\n{sentence}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        (
            "The freight rates were set up incorrectly by the pricing team.",
            "by the pricing team",
        ),
        ("The depot schedule was set up improperly by the contractor.", "by the contractor"),
        ("The pallet weights were keyed in wrong by Dana.", "by Dana"),
        ("The manifest was copied inaccurately by an intern.", "by an intern"),
        (
            "The cold-store alarm was wired incorrectly by the contractor.",
            "by the contractor",
        ),
    ],
)
def test_a_party_that_acted_with_fault(lint_text: LintFn, sentence: str, agent: str) -> None:
    assert ("PM101", agent) in _found(lint_text, _doc(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The freight rates were configured by the pricing team.",
        "The freight rates were set up incorrectly by the import script.",
        "The depot schedule was set up incorrectly by the provisioning tool.",
        "The pallet weights were parsed incorrectly by the label printer.",
        "The freight rates were configured incorrectly, and the pricing team fixed them.",
        "The depot schedule was set up correctly by the contractor.",
        "Was the depot schedule set up incorrectly by the contractor?",
    ],
)
def test_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert [f for f in _found(lint_text, _doc(sentence)) if f[0] == "PM101"] == []


def test_a_quality_word_after_the_verb_has_its_range(lint_text: LintFn) -> None:
    text = _doc("The depot rota was planned poorly by the shift lead.")
    assert ("PM104", "planned poorly") in _found(lint_text, text)


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = _doc("倉庫 🚚 The rates were set incorrectly by the pricing team.").replace("\n", "\r\n")
    assert ("PM101", "by the pricing team") in _found(lint_text, text)


def test_words_are_in_the_pack() -> None:
    manners = builtin_pack().words("blame", "fault-manners")
    assert "incorrectly" in manners
    assert "carelessly" not in manners  # a judgment word, PM104's own


@pytest.mark.parametrize(
    "sentence",
    [
        "The valve limits weren't entered wrongly by the operators; the sensor drifted.",
        "The pallet weights were not keyed in wrong by Dana; the scale was out of calibration.",
        "The depot schedule was not set up improperly by the contractor; the template changed.",
    ],
)
def test_a_denied_fault_is_a_clearing_statement(lint_text: LintFn, sentence: str) -> None:
    assert _found(lint_text, _doc(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "The freight rates were not configured by the pricing team before launch.",
            "The freight rates were not configured by the pricing team",
        ),
        (
            "The recall notice was not actioned by anyone.",
            "The recall notice was not actioned by anyone",
        ),
    ],
)
def test_an_act_left_undone_is_still_an_omission(
    lint_text: LintFn, sentence: str, span: str
) -> None:
    assert ("PM103", span) in _found(lint_text, _doc(sentence))
