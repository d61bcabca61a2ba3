"""Round 37 (branch misc37): people-verbs that ask no one to behave differently (PM306).

A people-verb ("warn", "tell", "remind", "ask") whose subject is a thing states what the
system is to do ("The paging bot must remind us when a ticket ages past a day"), and one in
the past with others as its subject reports what happened ("Several of you asked us for
a status page"): neither is people-fixing. Look-alikes that stay findings: an imperative
aimed at people, the writers' own demand on staff, a passive demand on people."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Postmortem: Parcel labels missing\n\n## Summary\n\n"
    "Parcel labels were missing for 3 hours on 9 May and 410 parcels shipped late.\n\n"
    "## Action items\n\n| Change | Owner | Due |\n|---|---|---|\n"
    "| Alert when the label export has not run by 05:00 | Ines Moro | 2026-06-01 |\n\n"
)


def _codes(lint_text: LintFn, text: str) -> list[str]:
    return [d.code for d in lint_text(text, select=["PM306"]).diagnostics]


#: a thing's duty, or a past report by others: nothing asked of people
NEWS = [
    "The label printer service must warn us when it drops a batch.",
    "The paging bot should remind the rota when a ticket ages past a day.",
    "The exporter needs to tell operators when its queue is stalled.",
    "Several of you asked us for a status page during the outage, so we will build one.",
    "Most of the depots told us that labels printed by hand were slower.",
    "Customers warned us about the missing labels before our monitors did.",
]

#: people asked to behave differently: still PM306
ASKED = [
    "Remind the packers to check every label before sealing.",
    "We must retrain the night shift on manual labels.",
    "Staff should be reminded to print a spare label.",
    "Tell engineers to check the export before leaving.",
]


@pytest.mark.parametrize("sentence", NEWS)
def test_news_to_writers_is_no_people_fixing(lint_text: LintFn, sentence: str) -> None:
    assert _codes(lint_text, _HEAD + sentence + "\n") == []
    lessons = _HEAD + f"## Lessons learned\n\n- {sentence}\n"
    assert _codes(lint_text, lessons) == []


@pytest.mark.parametrize("sentence", ASKED)
def test_behaviour_asked_of_people_still_fires(lint_text: LintFn, sentence: str) -> None:
    assert _codes(lint_text, _HEAD + f"## Follow-up\n\n- {sentence}\n") == ["PM306"]


# --- PM301: the author's framing with an aside, and "Some …" observations (misc37) ---

_SUMMARY = "# Postmortem: Parcel labels missing\n\n## Summary\n\nParcel labels went missing. "

#: the author's stance, with an aside before what it is about: no work
FRAMING = [
    "I also want to be clear, gently, about two habits we should drop.",
    "I want to be honest, frankly, about a few calls that went badly.",
    "We want to be clear, again, about what the depot saw.",
]

#: observations in Lessons on what a kind of thing may do
MAY_HAPPEN = [
    "Some caches can serve stale prices for a whole day.",
    "Many failovers may look healthy while they drop writes.",
    "Several guard rails might turn against us when the load shifts.",
    "Some safety latches, like skipping a probe, can become hazards under rare load.",
]

#: wishes that stay vague
STILL_VAGUE = [
    "Some alerts may need tuning.",
    "Some dashboards can be trimmed.",
    "Some monitoring for the label queue.",
]


def _vague(lint_text: LintFn, text: str) -> list[str]:
    return [d.code for d in lint_text(text, select=["PM301"]).diagnostics]


@pytest.mark.parametrize("sentence", FRAMING)
def test_framing_with_an_aside_is_no_item(lint_text: LintFn, sentence: str) -> None:
    assert _vague(lint_text, _SUMMARY + sentence + "\n") == []


def test_a_wish_to_be_clearer_still_fires(lint_text: LintFn) -> None:
    text = _HEAD + "## Lessons learned\n\n- We want to be clearer in our status updates.\n"
    assert _vague(lint_text, text) == ["PM301"]


@pytest.mark.parametrize("sentence", MAY_HAPPEN)
def test_some_things_may_happen_is_an_observation(lint_text: LintFn, sentence: str) -> None:
    assert _vague(lint_text, _HEAD + f"## Lessons learned\n\n- {sentence}\n") == []


@pytest.mark.parametrize("sentence", STILL_VAGUE)
def test_some_wishes_still_fire(lint_text: LintFn, sentence: str) -> None:
    assert _vague(lint_text, _HEAD + f"## Lessons learned\n\n- {sentence}\n") == ["PM301"]
