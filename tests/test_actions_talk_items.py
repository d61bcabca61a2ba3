"""PM306 on an action item that is a talk with a person (act39): an idiom of a talk about
conduct ("Have a word with <name>", "Have a quiet chat with the night shift", "Sit down
with <name> and ..."), a plain verb of talking with a person named and nothing more, or
only their own doing ("Talk to <name>", "Speak with <name> about her deploy"), and a
reminder or coaching aimed at a person by name ("Remind <name> to ..."). Look-alikes that
are no people-fixing: talking to a vendor or a company, coordination about a system
("Talk to <name> about moving the cron job": PM301's 'talk to' as before), a task handed
to a named person ("Ask <name> to add ..."). Every item is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Booking engine double bookings\n\n## Summary\n\n"
    "Rooms were double-booked from 16:10 to 03:45; 212 guests were affected.\n\n"
    "## Action items\n\n| Action | Ticket | Priority | Due | Owner |\n|---|---|---|---|---|\n"
)


def _findings(lint_text: LintFn, item: str) -> list[tuple[str, str]]:
    text = f"{_HEAD}| {item} | OPS-7 | P2 | 2026-04-01 | Gareth Pryce |\n"
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    assert all(text[d.start : d.end] == item for d in diags)
    return [(d.code, d.message.split("'")[1]) for d in diags]


@pytest.mark.parametrize(
    ("item", "quoted"),
    [
        ("Have a word with Dmitri", "Have a word with"),
        ("Have a quiet word with Priya about the Friday deploy", "Have a quiet word with"),
        ("Have a serious conversation with the night shift", "Have a serious conversation with"),
        ("Sit down with Aoife and go through the rollback steps", "Sit down with"),
        ("Talk to Marco", "Talk to"),
        ("Speak with Aoife Byrne about her deploy", "Speak with"),
        ("Remind Dmitri to run the staging suite before merging", "Remind …"),
        ("Coach Priya on reading the lock graphs", "Coach …"),
    ],
)
def test_a_talk_with_a_person_is_people_fixing(lint_text: LintFn, item: str, quoted: str) -> None:
    assert ("PM306", quoted) in _findings(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Have a chat with Stripe support about the webhook retries",
        "Ask Dana to add a lock-expiry alert to the booking dashboard",
        "Remind the scheduler to retry a failed sync after 30 seconds",
    ],
)
def test_vendors_tasks_and_things_are_no_people_fixing(lint_text: LintFn, item: str) -> None:
    assert [c for c, _ in _findings(lint_text, item) if c == "PM306"] == []


@pytest.mark.parametrize(
    "item",
    [
        "Talk to the payment vendor about raising the rate limit to 500 rps",
        "Talk to Priya about moving the sync cron job to the new host",
    ],
)
def test_coordination_stays_a_vague_talk(lint_text: LintFn, item: str) -> None:
    assert _findings(lint_text, item) == [("PM301", "talk to")]


def test_a_talk_told_in_prose_is_no_item(lint_text: LintFn) -> None:
    text = (
        "# Booking engine double bookings\n\n## What happened\n\n"
        "At 17:00 the manager had a word with Dmitri about the deploy.\n"
    )
    assert lint_text(text, select=["PM306"]).diagnostics == []
