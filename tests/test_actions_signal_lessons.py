"""act35 class 3: a Lessons sentence whose "we should"/"we need to" clause names a specific
change with its object is no vague commitment (PM301), even after an observation clause
("…; we should alert on the lock, not only on the queue it causes"): "alert on X" and
"page on Y" name the new signal by their verb (``signal-verbs``) and what it fires on by
their object; "we need to add a check for Z" after a clause of its own names its change as
it does alone. Look-alikes that stay PM301: a signal on nothing named ("alert on this",
"page on issues", "on things like that"), comparatives ("alert better", "page more
people") and the vague wishes of old ("We need better coordination with the pier crews", "We
should improve monitoring"). Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_HEAD = (
    "# Ferry ticket gates stuck closed\n\n## Summary\n\nThe ticket gates at the north pier"
    " stayed closed from 06:05 to 06:50; 212 passengers were let through by hand.\n\n"
    "## Lessons learned\n\n"
)

NAMED = [
    "A gate that fails closed without telling anyone is a gate nobody reopens; we should"
    " alert on the closed state, not only on the queue it causes.",
    "A gate lock that holds is an outage to riders all the same; we should alert on the"
    " lock as well as on the queue behind it.",
    "Retries hid the fault from us; we should page on the retry count, not only on failed sales.",
    "We should alert on the lock.",
    "A lock nobody sees is a lock nobody lifts; we should page on the lock itself.",
    "The reboot looked fine; we need to add a check for the gate firmware version.",
    "The queue grew quietly; we should add a check for queue age.",
]

VAGUE = [
    "We should alert on this.",
    "We should page on issues.",
    "The lock hid the fault; we should alert on things like that.",
    "We should alert better.",
    "We should page more people.",
    "We need better coordination with the pier crews.",
    "We should improve monitoring.",
    "The reboot looked fine; we need to be better at this.",
]


@pytest.mark.parametrize("sentence", NAMED)
def test_a_lesson_that_names_its_change_is_no_vague_commitment(
    lint_text: LintFn, sentence: str
) -> None:
    text = f"{_HEAD}- {sentence}\n"
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    assert diags == [], [(d.code, d.message) for d in diags]


@pytest.mark.parametrize("sentence", VAGUE)
def test_a_lesson_that_names_nothing_stays_vague(lint_text: LintFn, sentence: str) -> None:
    text = f"{_HEAD}- {sentence}\n"
    codes = [d.code for d in lint_text(text, select=["PM301"]).diagnostics]
    assert codes == ["PM301"], sentence


def test_every_signal_verb_has_a_fixture_sentence() -> None:
    words = builtin_pack().words("actions", "signal-verbs")
    assert words
    missing = [w for w in words if not any(f" {w} on " in f" {s.lower()}" for s in NAMED)]
    assert missing == []
