"""Pack entries of bl38's blame classes each exercised by an own true positive
(tests/fixtures/blame/positives.txt): the verdict nouns a person's act is named by
(``misstep-nouns``, class 2), the harms a reason may tell (the ``harm-events`` bl38 added)
and the jibes at an unnamed person (``nameless-jibes``, class 3)."""

from __future__ import annotations

import re

from conftest import FIXTURES

from pm_lsp.policy.rulepack import builtin_pack


def _positives() -> str:
    return (FIXTURES / "blame" / "positives.txt").read_text(encoding="utf-8")


def test_every_misstep_noun_has_a_positive() -> None:
    positives = _positives()
    for noun in builtin_pack().words("blame", "misstep-nouns"):
        assert re.search(rf"\bwas (?:the |a )?(?:real )?{noun}\b", positives), noun


def test_bl38_harm_events_have_a_positive() -> None:
    positives = _positives()
    for state in ("were exposed", "were vulnerable", "overflowed"):
        assert re.search(rf"\b(?:reason|why) (?:we |the queue ){state}\b", positives), state


def test_every_nameless_jibe_has_a_positive() -> None:
    positives = _positives()
    for jibe in builtin_pack().words("blame", "nameless-jibes"):
        assert re.search(jibe, positives, re.IGNORECASE), jibe


def test_every_left_blank_word_has_a_positive() -> None:
    positives = _positives()
    for word in builtin_pack().words("blame", "left-blank-words"):
        assert re.search(rf"\bWhy[^?\n]* leave [^?\n]*\b{word}\?", positives), word


def test_every_trailing_verdict_has_a_positive() -> None:
    positives = _positives()
    for verdict in builtin_pack().words("blame", "trailing-verdicts"):
        assert re.search(verdict, positives, re.IGNORECASE), verdict


def test_every_kept_habit_verdict_has_a_positive() -> None:
    positives = _positives()
    for verdict in builtin_pack().words("blame", "kept-habit-verdicts"):
        assert re.search(rf"\bk(?:eeps|ept) \w+ing\b.*{verdict}", positives, re.IGNORECASE), verdict
