"""act42 (PM306): asking people to watch more closely ("stay alert", "be vigilant", "keep
an eye on", "remain watchful", "pay close attention") is people-fixing, in a listed item
or demanded in prose. Look-alikes that stay clean: a thing set to watch ("an alert that
keeps an eye on the error rate", "a dashboard to keep an eye on the queue"), a
notification sent to people ("Alert staff when the robot stalls"), and the same words
describing what happened or what a tool allows. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Cold store door alarm ignored\n\n**Status:** Final\n\n## Summary\n\n"
    "A freezer door stayed open for 50 minutes on 2026-07-02 and 80 cases of fish thawed.\n\n"
)
_FIELDS = " Owner: Tariq. Due: 2026-08-01. P2"


def _pm306(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM306"]).diagnostics
    return [d.message.split("'")[1].lower() for d in diags]


@pytest.mark.parametrize(
    ("item", "phrase"),
    [
        ("Warehouse operators to stay alert to the door buzzer.", "stay alert"),
        ("Warehouse staff must pay closer attention to the freezer panel.", "pay closer attention"),
        ("Ask forklift drivers to remain watchful near the freezer doors.", "remain watchful"),
        ("The loading staff will stay vigilant during the evening unload.", "stay vigilant"),
        # a degree word after the phrase's first word
        ("Yard crews to remain more vigilant on late shifts.", "remain more vigilant"),
        ("Ask the porters to stay even more alert near the blast freezer.", "stay even more alert"),
        ("Cold store operators must be extra watchful on hot days.", "be extra watchful"),
        # a trait of care asked of people, not a quality of a thing
        ("Freezer crews must be more attentive near the doors.", "be more attentive"),
        ("Night operators need to be more thorough when shutting doors.", "be more thorough"),
    ],
)
def test_watchfulness_asked_in_an_item_is_people_fixing(
    lint_text: LintFn, item: str, phrase: str
) -> None:
    text = f"{_HEAD}## Action items\n\n- {item}{_FIELDS}\n"
    assert _pm306(lint_text, text) == [phrase]


@pytest.mark.parametrize(
    "item",
    [
        "Add an alert that keeps an eye on the freezer door sensor.",
        "Build a dashboard to keep an eye on freezer temperatures.",
        "Alert staff when a freezer door stays open for 2 minutes.",
        "Page the duty manager when the door buzzer sounds for 5 minutes.",
        # the same trait said of a thing is a quality it should have: PM301's
        "The freezer door checks must be more thorough.",
        # an item that opens with the phrase has no end state: PM301's (tests/test_actions.py)
        "Keep an eye on the freezer temperature graph during deliveries.",
    ],
)
def test_things_set_to_watch_are_no_people_fixing(lint_text: LintFn, item: str) -> None:
    assert _pm306(lint_text, f"{_HEAD}## Action items\n\n- {item}{_FIELDS}\n") == []


def test_watchfulness_demanded_in_prose_is_people_fixing(lint_text: LintFn) -> None:
    text = f"{_HEAD}## Lessons\n\nOur operators should stay alert to the door buzzer.\n"
    assert _pm306(lint_text, text) == ["stay alert"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new panel lets us keep an eye on every door from the office.",
        "The night porters stayed alert and closed the second door quickly.",
        "Thanks to the buzzer, nobody has to stay alert all night.",
        "The porter kept an eye on the temperature graph until it recovered.",
        "The dock staff remained more vigilant for a week after the alarm.",
        "With the new buzzer, porters no longer need to stay more alert at night.",
    ],
)
def test_watchfulness_described_in_prose_is_clean(lint_text: LintFn, sentence: str) -> None:
    assert _pm306(lint_text, f"{_HEAD}## What went well\n\n{sentence}\n") == []
