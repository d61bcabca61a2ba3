"""Deadpan sarcasm and rhetorical questions aimed at whoever was told, and a person's habit
or motive told as the cause (PM106, info). Questions that expect no answer: a tag question
after "you'd think", "how many nudges does one engineer need?", "how many times does the
squad have to be warned?". Deadpan remarks: "surprised precisely nobody", weariness at
writing up the same trouble again. Habits and motives: a repeat offence as its own remark,
a hurry or busyness put on a party with a stance adverb, a task "just let sit". Questions
that count, surprise to a named party, a thing's habits, experience, plans and workload told
as facts stay clean. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.spec import Severity

_BEFORE = "The export job wrote rows in the wrong order."
_AFTER = "The sync job retried for an hour after that."


def _doc(block: str) -> str:
    return f"# Billing export outage\n\n## Root cause\n\n{_BEFORE}\n\n{block}\n\n{_AFTER}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str, Severity]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end], d.severity) for d in diags]


@pytest.mark.parametrize(
    ("block", "span"),
    [
        (
            "You would think one page in the channel would do, wouldn't you?",
            "You would think one page in the channel would do, wouldn't you?",
        ),
        (
            "You'd have thought the release crew had learned by now, wouldn't you?",
            "You'd have thought the release crew had learned by now, wouldn't you?",
        ),
        ("How many nudges does one engineer need?", "How many nudges does one engineer need"),
        (
            "Honestly, how many warnings does a single team really need?",
            "Honestly, how many warnings does a single team really need",
        ),
        (
            "How many times does the night squad have to be warned?",
            "How many times does the night squad have to be warned",
        ),
        (
            "The token lapsed on Friday, which surprised precisely nobody.",
            "surprised precisely nobody",
        ),
        ("The rollout slipped, news to absolutely no one.", "news to absolutely no one"),
        (
            "This is the fifth postmortem we've had to write this quarter.",
            "fifth postmortem we've had to write",
        ),
        (
            "It is the third retro I have had to write about the same squad.",
            "third retro I have had to write",
        ),
    ],
)
def test_a_deadpan_remark_or_a_question_expecting_no_answer_is_tone(
    lint_text: LintFn, block: str, span: str
) -> None:
    found = _found(lint_text, _doc(block))
    assert ("PM106", span, Severity.INFO) in found, found


@pytest.mark.parametrize(
    "block",
    [
        "How many reminders were sent before the cutoff?",
        "How many warnings does the checker emit for one bad row?",
        "How many replicas does the cluster need?",
        "How many times was the job retried?",
        "You'd think the cache would warm quickly, but it took an hour.",
        "The token expiry came as a surprise to the vendor.",
        "The drop came as a surprise to nobody at the time, since it was announced.",
        "This is the second postmortem I have written about the export job.",
        "The third section we had to rewrite was the glossary.",
    ],
)
def test_a_question_that_counts_or_a_plain_remark_stays_clean(
    lint_text: LintFn, block: str
) -> None:
    found = _found(lint_text, _doc(block))
    assert [f for f in found if f[0] == "PM106"] == [], found


@pytest.mark.parametrize(
    ("block", "span"),
    [
        ("Marco pushed the flag again. He's done this kind of thing before.", "done this kind"),
        ("Ines has done that sort of thing before.", "done that sort"),
        ("She's pulled this stunt before.", "pulled this stunt"),
        (
            "The limits were set by the vendor engineers, who were obviously rushing to close it.",
            "obviously rushing to",
        ),
        (
            "The schema was set by the platform team, who were clearly in such a hurry.",
            "clearly in such a hurry",
        ),
        (
            "Clearly, the on-call team was too busy to check.",
            "Clearly, the on-call team was too busy",
        ),
        ("Priya saw the page and simply let it sit.", "simply let it sit"),
        ("Tomas had the ticket and just left it languishing.", "just left it languishing"),
    ],
)
def test_a_persons_habit_or_motive_told_as_the_cause_is_tone(
    lint_text: LintFn, block: str, span: str
) -> None:
    found = _found(lint_text, _doc(block))
    assert any(c == "PM106" and s.startswith(span) for c, s, _v in found), found


@pytest.mark.parametrize(
    "block",
    [
        "The scheduler has done that sort of thing before.",
        "The scheduler's done the same sort of thing before.",
        "She has handled this alert before.",
        "She has done this kind of thing before, so she knew the steps.",
        "We've done that sort of thing before.",
        "Ana tried the same trick on the second node.",
        "We let the migration run overnight as planned.",
        "Priya let the backfill run to completion before the restart.",
        "The team had three incidents open at the time.",
        "The team was busy with a second incident, so the page went to the backup.",
        "The queue was obviously too busy to drain.",
        "We were clearly in a hurry to restore the feed.",
    ],
)
def test_a_things_habit_experience_and_plain_workload_stay_clean(
    lint_text: LintFn, block: str
) -> None:
    found = _found(lint_text, _doc(block))
    assert [f for f in found if f[0] == "PM106"] == [], found


def test_crlf_and_wide_text_keep_the_range(lint_text: LintFn) -> None:
    block = (
        "請求 🧾 Priya saw the page and simply let it sit. How many nudges does one engineer need?"
    )
    text = _doc(block).replace("\n", "\r\n")
    found = {(c, s) for c, s, _v in _found(lint_text, text)}
    assert ("PM106", "simply let it sit") in found, found
    assert ("PM106", "How many nudges does one engineer need") in found, found
