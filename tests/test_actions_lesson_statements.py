"""A Lessons sentence that states what part of a group of things does ("Some of our
nightly exports assume the ledger is closed", "Several of the pier scripts depend on one
disk") is an observation, not a vague action item (PM301): its first word is the subject,
a part of the group, and the verb tells what the things do. The lead word once read as a
leading "Some …"/"Several …" wish. Look-alikes still judged: a wish with a modal ("Some of
our alerts should page the pier crew"), a bare noun phrase ("More alerts on the gate
queue"), and the same statement written as an item of an action list, where every item is
asked for its end state. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Ferry ticket gates stuck closed\n\n## Summary\n\nThe ticket gates at the north pier"
    " stayed closed from 06:05 to 06:50.\n\n"
)

STATEMENTS = [
    "Some of our nightly exports assume the ledger is closed by midnight.",
    "Several of the pier scripts depend on a single shared disk.",
    "Some of the gate controllers retry far too quickly after a timeout.",
    "Some of our crews need a second radio channel during storms.",
    "Most of the gate alarms fire only after a queue has formed.",
    "Some of our older kiosks still read the fare table from a file.",
]


@pytest.mark.parametrize("form", ["prose", "list"])
@pytest.mark.parametrize("sentence", STATEMENTS)
def test_a_lesson_about_part_of_a_group_is_no_action(
    lint_text: LintFn, sentence: str, form: str
) -> None:
    body = f"- {sentence}\n" if form == "list" else f"{sentence}\n"
    text = f"{_HEAD}## Lessons learned\n\n{body}"
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert diags == [], [(d.code, d.message) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Some of our alerts should page the pier crew.", "Some"),
        ("More alerts on the gate queue.", "More"),
    ],
)
def test_a_wish_in_lessons_is_still_judged(lint_text: LintFn, sentence: str, word: str) -> None:
    text = f"{_HEAD}## Lessons learned\n\n{sentence}\n"
    a = text.index(sentence)
    diags = [d for d in lint_text(text, select=["PM301"]).diagnostics if d.code == "PM301"]
    assert [text[d.start : d.end] for d in diags] == [sentence], [
        (text[d.start : d.end], d.message) for d in diags
    ]
    assert diags[0].start == a
    assert f"'{word}'" in diags[0].message


def test_the_same_statement_in_an_action_list_is_judged(lint_text: LintFn) -> None:
    item = "Some of our nightly exports assume the ledger is closed by midnight."
    text = f"{_HEAD}## Action items\n\n- {item}\n- Add a gate-lock alert (@ana, due 2026-12-01)\n"
    a = text.index(item)
    diags = [d for d in lint_text(text, select=["PM301"]).diagnostics if d.code == "PM301"]
    assert [d.start for d in diags] == [a]
