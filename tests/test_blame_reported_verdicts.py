"""Judgment words under a verb of judging and a party letting us down (bl37, round 34).

Class 1: a judgment word that a verb of judging reports ("the auditor called the change
reckless") stays PM104, but its deleting fix is not safe; with the report denied or said by
no one ("nobody thought the slot was a careless choice") the sentence rejects the judgment
and is clean. Class 2: "let us down" faults a party only ("our monitoring let us down" is
clean). The sentences themselves are in tests/fixtures/blame/.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _doc(sentence: str) -> str:
    return f"# Incident\n\n## Contributing Factors\n\n{sentence}\n"


def _fixture(name: str) -> str:
    return (FIXTURES / "blame" / name).read_text(encoding="utf-8").lower()


#: the past forms of the report verbs that are not the verb plus "d" or "ed"
_PAST = {"think": "thought", "say": "said", "find": "found", "feel": "felt"}


def test_every_report_verb_has_a_denied_sentence() -> None:
    """Each of ``verdict-report-verbs`` is exercised by a hard negative written for it."""
    negatives = _fixture("negatives.txt")
    for verb in builtin_pack().words("blame", "verdict-report-verbs"):
        forms = rf"\b(?:{verb}|{verb}s|{verb}e?d|{_PAST.get(verb, verb)})\b"
        assert re.search(forms, negatives), verb


@pytest.mark.parametrize(
    ("sentence", "safe"),
    [
        ("The rota change was a careless choice by the lead.", True),
        ("Everyone at the retro thought it was a careless choice.", False),
        ("It was not a careless choice, whatever the ticket says.", None),
        ("Nobody but Sam would make such a careless change.", False),
    ],
)
def test_delete_fix_is_safe_only_when_the_sentence_judges(
    lint_text: LintFn, sentence: str, safe: bool | None
) -> None:
    """Deleting the word of a reported or denied judgment changes what the sentence says."""
    text = _doc(sentence)
    found = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM104"]
    if safe is None:
        assert found == []
        return
    assert len(found) == 1 and found[0].fix is not None
    assert found[0].fix.safe is safe


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("The hosting partner let us down during the cutover.", True),
        ("Our alerting let us down during the cutover.", False),
        ("Our staging rig let us down that week, not the crew.", False),
    ],
)
def test_let_down_faults_a_party_only(lint_text: LintFn, sentence: str, flagged: bool) -> None:
    text = _doc(sentence)
    found = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM106"]
    assert bool(found) is flagged, [(d.code, text[d.start : d.end]) for d in found]


def test_every_passive_lapse_word_has_a_positive() -> None:
    """Class 3: each of ``left-lapse-states`` and ``passive-lapse-verbs`` is exercised by a
    true positive written for it ("left unattended by the operator", "neglected by ...")."""
    positives = _fixture("positives.txt")
    pack = builtin_pack()
    for word in pack.words("blame", "left-lapse-states"):
        assert re.search(rf"\bleft (?:the \w+ )?{word}\b", positives), word
    for verb in pack.words("blame", "passive-lapse-verbs"):
        assert re.search(rf"\b{verb}e?d by\b", positives), verb


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The switch room was left unattended by the facilities contractor.", "by the"),
        ("The migration left the replica unattended for an hour.", None),
        ("The shared inbox was left unmonitored by the automation.", None),
    ],
)
def test_passive_lapse_names_the_agent(lint_text: LintFn, sentence: str, span: str | None) -> None:
    text = _doc(sentence)
    found = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM101"]
    if span is None:
        assert found == [], [text[d.start : d.end] for d in found]
    else:
        assert len(found) == 1 and text[found[0].start :].startswith(span)


def test_every_habit_cause_noun_has_a_positive() -> None:
    """Class 4: each of ``habit-cause-nouns`` is exercised by a true positive."""
    positives = _fixture("positives.txt")
    for noun in builtin_pack().words("blame", "habit-cause-nouns"):
        assert re.search(rf"\b{noun}\b", positives), noun


def test_every_record_word_has_a_positive() -> None:
    """Class 6: each of ``record-verbs`` (in the past) and ``record-nouns`` is exercised by
    a true positive, and ``whoever-experience-jibes`` by one too."""
    positives = _fixture("positives.txt")
    pack = builtin_pack()
    past = {"write": "wrote", "leave": "left", "produce": "produced", "share": "shared"}
    for verb in pack.words("blame", "record-verbs"):
        assert re.search(rf"\bnever {past[verb]}\b", positives), verb
    for noun in pack.words("blame", "record-nouns"):
        assert re.search(rf"\b{noun}\b", positives), noun
    for jibe in pack.words("blame", "whoever-experience-jibes"):
        assert re.search(jibe, positives), jibe


def test_every_party_sarcasm_phrase_has_a_positive() -> None:
    """Class 5: each of ``party-sarcasm`` is exercised by a true positive."""
    positives = (FIXTURES / "blame" / "positives.txt").read_text(encoding="utf-8")
    for phrase in builtin_pack().words("blame", "party-sarcasm"):
        assert re.search(phrase, positives, re.IGNORECASE), phrase
