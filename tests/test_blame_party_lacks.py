"""A trait of conduct found lacking in a party (bl41 class 2, ``lacking.party_lack``): the
lack is tied to a person, a role or a team by its possessor, "on <party>'s part", "from",
"among" or a subject that "showed" it. A lack of a thing, a party's part with no lack in
it, a system's, our own and a denied lack stay clean."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


def _doc(sentence: str) -> str:
    return f"# Incident\n\n## Timeline notes\n\n{sentence}\n"


@pytest.mark.parametrize(
    ("sentence", "lack"),
    [
        ("We noted a worrying lack of judgment on the electrician's part.", "lack of judgment"),
        ("The review found a lack of urgency from the evening desk.", "lack of urgency"),
        ("The supplier's lack of rigor in packaging left the drives loose.", "lack of rigor"),
        ("Tomasz displayed a striking lack of foresight during the handover.", "lack of foresight"),
        (
            "There was an absence of professionalism among the field crew.",
            "absence of professionalism",
        ),
        ("His lack of thoroughness meant the second rack was skipped.", "lack of thoroughness"),
    ],
)
def test_a_trait_lacking_in_a_party(lint_text: LintFn, sentence: str, lack: str) -> None:
    found = _found(_doc(sentence), lint_text)
    assert ("PM104", lack) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "There was a lack of alerting on the disk queue.",
        "The lack of a runbook slowed the restore.",
        "The night engineer's lack of console access cost twenty minutes.",
        "On the carrier's part, the API answered with errors for an hour.",
        "The drill showed a lack of rigour in the runbooks.",
        "Our lack of urgency on the first page is ours to fix.",
        "There was no lack of effort from the evening desk.",
        "The queue's lack of backpressure let it grow.",
        "A lack of judgement on the scheduler's part evicted the pod.",
        "Did the rota show a lack of urgency from the desk?",
    ],
)
def test_lack_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    found = _found(_doc(sentence), lint_text)
    assert [f for f in found if f[1].lower().startswith(("lack", "absence"))] == [], found


def test_one_finding_where_a_judgment_phrase_holds_the_lack(lint_text: LintFn) -> None:
    found = _found(_doc("We saw a lack of care from the relief crew."), lint_text)
    assert [f for f in found if "lack" in f[1]] == [("PM104", "lack of care")], found


def test_range_in_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = "# 事故 🚨\r\n\r\n## Notes\r\n\r\n🚚 The electrician's lack of urgency stalled it.\r\n"
    assert ("PM104", "lack of urgency") in _found(text, lint_text)


def test_words_are_in_the_pack() -> None:
    pack = builtin_pack()
    assert "lack" in pack.words("blame", "lack-nouns")
    assert "judgement" in pack.words("blame", "party-lacks")
    assert "ownership" not in pack.words("blame", "party-lacks")
    assert "show" in pack.words("blame", "shown-verbs")
