"""Competence judged as a state a person is in (``competence._unfit_state``
and two ``judgment-phrases``): one of ``unfit-states`` said of a person or a role, one of
``fit-states`` denied, "lacked the experience to", a better person's quality held up as what
would have caught it. A staffing fact, a training gap we own, a thing's lack, a state not
reached yet and a careful plan stay clean."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


def _doc(sentence: str) -> str:
    return f"# Incident\n\n## What happened\n\n{sentence}\n"


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "Hugo is junior and not particularly experienced with database failovers.",
            "not particularly experienced with database failovers",
        ),
        ("The rotation engineer that night was inexperienced.", "inexperienced"),
        (
            "The shift supervisor was not equipped to deal with a failover of this size.",
            "not equipped to deal with a failover of this size",
        ),
        (
            "Honestly, the weekend lead is not equipped to run escalations like this one.",
            "not equipped to run escalations like this one",
        ),
        (
            "Lena was too inexperienced to recognise the pattern.",
            "too inexperienced to recognise the pattern",
        ),
        (
            "The contractors were unqualified for the switch work.",
            "unqualified for the switch work",
        ),
        (
            "The vendor's engineer lacked the experience to judge the risk.",
            "lacked the experience to",
        ),
        (
            "A more diligent approach by the on-call engineer would have found the queue.",
            "A more diligent approach by the on-call engineer would have",
        ),
        (
            "A more vigilant eye on the queue graph would have caught the growth.",
            "A more vigilant eye on the queue graph would have",
        ),
    ],
)
def test_competence_judged_as_a_state(lint_text: LintFn, sentence: str, span: str) -> None:
    assert ("PM104", span) in _found(_doc(sentence), lint_text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The night rota had no senior engineer assigned.",
        "We had not trained anyone on the new failover console.",
        "The engineer on call had not been trained on the new console; the course was cancelled.",
        "Hugo joined two weeks ago and is still learning the ledger service.",
        "The new tooling is not equipped to handle batches of this size.",
        "Kim was not yet qualified to approve production changes, so the approval went to Ana.",
        "An experienced engineer was paired with Hugo for the restart.",
        "A more careful approach to rollout sequencing would have limited the blast radius.",
        "Even a more diligent review would not have surfaced the flag, since nothing logged it.",
        "We were not experienced with this failure mode, and said so in the channel.",
        "Was the duty manager experienced enough to make that call?",
        "Both responders are experienced with the ledger service.",
        "The new parser is incapable of reading the legacy format.",
    ],
)
def test_staffing_and_training_facts_stay_clean(lint_text: LintFn, sentence: str) -> None:
    found = [f for f in _found(_doc(sentence), lint_text) if f[0] == "PM104"]
    assert found == [], found
