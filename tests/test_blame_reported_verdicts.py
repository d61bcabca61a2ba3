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
        ("The staging setup let us down, not the people on shift.", False),
    ],
)
def test_let_down_faults_a_party_only(lint_text: LintFn, sentence: str, flagged: bool) -> None:
    text = _doc(sentence)
    found = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM106"]
    assert bool(found) is flagged, [(d.code, text[d.start : d.end]) for d in found]
