"""PM301 in a section of questions with their answers ("Q&A", "FAQ", "Questions and
answers"): an answer explains a choice, a cost or what is still unknown, so a hedge or a
need there ("We would need a second dispatcher for that", "We need the vendor's trace
before we can say") is no follow-up work. Only the writers' firm plan counts ("We will
look into the relay firmware", "We plan to improve the alarms"), and it is still judged
for vagueness. Look-alikes that keep their PM301: the same hedges and needs in a
Discussion section, where only the writers' commitment is asked. Every sentence is our
own."""

from __future__ import annotations

import pytest
from conftest import LintFn, findings_by_paragraph

_HEAD = (
    "# Ferry dispatch screens blank\n\n## Summary\n\n"
    "The dispatch screens at two piers went blank for 25 minutes on 2026-06-03;"
    " 9 sailings left late.\n\n"
)

_ACTIONS = (
    "\n## Action items\n\n- Add a screen heartbeat alarm. Owner: @noor. Due: 2026-07-01."
    " Priority: P1. Ticket: FRY-21\n"
)

EXPLAINING = [
    "We would need a second dispatcher on each pier to do that.",
    "We need the vendor's trace before we can say for sure.",
    "We should probably revisit that trade-off one day, but it was sound at the time.",
    "We could switch to the backup feed by hand, though it takes a minute.",
    "We might need a different display vendor if it happens again.",
    "We have not reopened that choice since the 2023 refit.",
]


def _pm301(lint_text: LintFn, heading: str, body: str) -> list[tuple[int, str]]:
    text = f"{_HEAD}## {heading}\n\n{body}{_ACTIONS}"
    diags = lint_text(text, select=["PM301"]).diagnostics
    return [(d.start, d.message) for d in diags]


@pytest.mark.parametrize("answer", EXPLAINING)
@pytest.mark.parametrize("heading", ["Q&A", "FAQ", "Questions and answers", "Reader Q & A"])
def test_an_answer_that_explains_is_no_action(lint_text: LintFn, heading: str, answer: str) -> None:
    body = f"**Why were the screens not switched to the backup feed?**\n{answer}\n"
    assert _pm301(lint_text, heading, body) == []
    assert _pm301(lint_text, heading, f"Q: Could this happen again?\nA: {answer}\n") == []


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        ("We will look into the relay firmware with the vendor.", "look into"),
        ("We plan to improve the screen alarms.", "improve"),
        ("Yes. We will follow up on the driver fault with the vendor.", "follow up"),
    ],
)
@pytest.mark.parametrize("heading", ["Q&A", "FAQ"])
def test_a_firm_but_vague_plan_in_an_answer_stays_vague(
    lint_text: LintFn, heading: str, answer: str, word: str
) -> None:
    body = f"**Will this happen again?**\n{answer}\n"
    found = _pm301(lint_text, heading, body)
    assert len(found) == 1 and word in found[0][1].lower(), found


def test_a_firm_concrete_plan_in_an_answer_is_clean(lint_text: LintFn) -> None:
    body = (
        "**Will this happen again?**\nWe will add a heartbeat alarm to the dispatch"
        " screens by 2026-07-01.\n"
    )
    assert _pm301(lint_text, "Q&A", body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We should probably revisit the display firmware more closely.",
        "We need better alerting on the dispatch screens.",
    ],
)
def test_hedges_and_needs_outside_a_qa_section_are_still_read(
    lint_text: LintFn, sentence: str
) -> None:
    assert len(_pm301(lint_text, "Discussion", f"{sentence}\n")) == 1


#: how soon the writers answer the reader's own contact: a service the reader can count on,
#: in an FAQ answer, a contact note or advice to customers, no follow-up work
REPLY_PROMISES = [
    ("FAQ", "Send the pier code to the help desk. We aim to reply within three working days."),
    ("FAQ", "Our dispatch desk will get back to you within a day of your request."),
    ("Getting help", "We will try to answer every message within four hours."),
    ("Getting help", "We endeavour to respond to your question before the next sailing."),
    ("Contact", "Our agents will try to call you back within the hour."),
]
#: look-alikes that stay judged: a reply to something of the writers', an effort verb
#: governing another verb, and a vague plan in the same answer sections
STILL_VAGUE = [
    ("Discussion", "We aim to respond to the inspector's audit findings properly."),
    ("Discussion", "We will try to improve our reply times at the piers."),
    ("Discussion", "We aim to answer the open design questions somehow."),
    ("FAQ", "We will improve monitoring of the dispatch screens."),
]


def test_a_promise_to_answer_the_reader_is_no_action_but_look_alikes_stay(
    lint_text: LintFn,
) -> None:
    sections: dict[str, list[str]] = {}
    for heading, sentence in REPLY_PROMISES + STILL_VAGUE:
        sections.setdefault(heading, []).append(sentence)
    found = findings_by_paragraph(lint_text, list(sections.items()), select=["PM301"])
    for _heading, sentence in REPLY_PROMISES:
        assert found[sentence] == [], (sentence, found[sentence])
    for _heading, sentence in STILL_VAGUE:
        assert len(found[sentence]) == 1, (sentence, found[sentence])


#: the writers weigh the reader's own case: a service told to the reader, no follow-up work
CASE_PROMISES = [
    (
        "FAQ",
        "If a missed sailing cost you a hotel night, write to the pier office and we'll"
        " look at it case by case.",
    ),
    ("FAQ", "We will look at each claim individually."),
    ("FAQ", "Send us your ticket number and we'll review your claim within a week."),
    ("Getting help", "We'll handle every complaint about the blank screens case by case."),
]
#: look-alikes that stay judged: no reader and no reader's message, or the writers' own work
CASE_LOOK_ALIKES = [
    ("FAQ", "We will review every screen alarm case by case."),
    ("FAQ", "We will look at that case by case."),
    ("FAQ", "We will look into the relay firmware individually with each vendor."),
    ("Discussion", "We will look into the pier display drivers."),
]


def test_a_promise_to_weigh_the_readers_case_is_no_action(lint_text: LintFn) -> None:
    sections: dict[str, list[str]] = {}
    for heading, sentence in CASE_PROMISES + CASE_LOOK_ALIKES:
        sections.setdefault(heading, []).append(sentence)
    found = findings_by_paragraph(lint_text, list(sections.items()), select=["PM301"])
    for _heading, sentence in CASE_PROMISES:
        assert found[sentence] == [], (sentence, found[sentence])
    for _heading, sentence in CASE_LOOK_ALIKES:
        assert len(found[sentence]) == 1, (sentence, found[sentence])
