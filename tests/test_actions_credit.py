"""PM301 on credit and stances written in the story or the lessons (act43, blind round 42).

Thanks and recognition given to people ("we want to commend the night crew for the
restore", "I want to single her out for that") and a preference whose rejected alternative
is blaming or punishing people ("I'd much rather we improve our tooling than punish an
engineer") are no work to track, however "want" or "would" reads. Look-alikes that keep
their PM301: a verb of credit with no person as its object ("we want to recognise stuck
queues faster"), a particle verb of credit that names a thing ("call out breaking changes
… in the release notes"), and a preference between two pieces of work ("we would rather
move the exporter to its own queue"). Every sentence is our own.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_DOC = (
    "# Relay outage\n\n**Date**: 2025-03-04 · **Status**: Draft · **Severity**: SEV-3 · "
    "**Authors**: Rui Tan\n\n## Summary\n\nRelays failed for 35 minutes.\n\n## {section}\n\n"
    "{sentence}\n\n## Action items\n\n"
    "- Add a relay error-rate alert at 2% (owner: @rui, due 2025-04-01, P2, FER-9)\n"
)
_SECTIONS = ["What happened", "Lessons learned"]


def _pm301(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = _DOC.format(section=section, sentence=sentence)
    a = text.index(sentence)
    return [
        d.message
        for d in lint_text(text, select=["PM301"]).diagnostics
        if a <= d.start < a + len(sentence)
    ]


CREDIT = [
    "The on-call lead spotted the loop early, and I want to single her out for that.",
    "I want to recognise the weekend crew, who stayed on the bridge until the queue drained.",
    "We want to recognise the support desk for keeping customers informed all afternoon.",
    "Kenji rolled the change back within minutes, and we want to commend him for it.",
    "That rollback saved the evening, and I want to call it out.",
    "I want to give a shout-out to the vendor's engineer who joined at midnight.",
    "We'd like to congratulate the storage team on a clean restore.",
]

STANCES = [
    "I would rather we repair the process than look for someone to blame.",
    "I'd much rather we improve our tooling than punish an engineer for a typo.",
    "We would sooner change the deploy tooling than discipline anyone over this.",
]


@pytest.mark.parametrize("section", _SECTIONS)
@pytest.mark.parametrize("sentence", CREDIT + STANCES)
def test_credit_and_a_stance_against_blame_are_no_commitment(
    lint_text: LintFn, section: str, sentence: str
) -> None:
    assert _pm301(lint_text, section, sentence) == []


@pytest.mark.parametrize("section", _SECTIONS)
@pytest.mark.parametrize(
    ("sentence", "needle"),
    [
        ("We want to recognise stuck queues faster.", "'faster'"),
        ("We want to call out breaking changes more clearly in the release notes.", "'more'"),
        ("We would rather move the exporter to its own queue.", "Hedged commitment ('would')"),
        ("I would rather we split the exporter than keep patching it.", "Hedged commitment"),
    ],
)
def test_work_written_with_a_verb_of_credit_or_a_preference_stays_flagged(
    lint_text: LintFn, section: str, sentence: str, needle: str
) -> None:
    [message] = _pm301(lint_text, section, sentence)
    assert needle in message


def test_every_credit_verb_and_stance_word_is_a_pack_word() -> None:
    pack = builtin_pack()
    verbs = pack.words("actions", "credit-verbs")
    assert {"recognise", "commend", "congratulate"} <= set(verbs)
    stances = pack.words("actions", "stance-alternatives")
    for word in ("blame", "punish", "discipline"):
        assert word in stances
        assert any(word in s for s in STANCES)
