"""Milestones told in everyday words, and a timeline's own closing total (PM503, PM504).

Detection on a routine duty: someone on a round, a patrol, an inspection or a vehicle's run
meets a symptom ("the porter on his hourly walk-round finds the freezer alarm silent").
Look-alikes: a round that finds all in order or nothing amiss, a round merely done, a test
or follow-up run.

Recovery told as the harmed thing reappearing or doing its job again ("vehicle icons start
showing up again on the map", "season passes scan again at the turnstiles"). Look-alikes:
the fault or the harm reappearing, a return that stops, is hoped for or is brief.

A diagnosis ("the desk finds the routing problem") is the cause found, never the detection:
an earlier report stays the detection, and a timeline with only a diagnosis still lacks one.

The total written under the timeline ("the kiosks were unavailable for a little over two
hours in total") is the stated duration, whatever the clock (12-hour times included); a
figure there without "in total" is a step's. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


@pytest.mark.parametrize(
    "event",
    [
        "The night porter on his hourly walk-round finds the freezer alarm silent",
        "A bus driver on the first run sees that the stop displays are blank",
        "During the 05:00 patrol a guard sees the car park barrier stuck open",
        "On her morning inspection the plant operator finds pump 2 tripped",
        "Care assistant doing the night round finds a resident needing help; bell not ringing",
        "Conductor on the 07:40 run hears the validators beeping with a fault",
        "The dawn inspection finds the chiller offline",
    ],
)
def test_a_symptom_met_on_a_routine_duty_is_detection(event: str) -> None:
    assert "detection" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Scheduled round finds nothing amiss",
        "Night rounds completed as normal",
        "The 03:00 patrol finds everything in order",
        "Porter on his hourly walk-round finds no faults",
        "During her rounds the nurse noticed nothing unusual",
        "A driver on the first run reports all displays working",
        "The night round found the ward quiet and all residents asleep",
        "On the next run the import job finds no missing rows",
        "Engineer on a test run of the failover script sees it fail at step 3",
        "The caretaker starts his evening rounds",
        "On the follow-up round the nurse finds the bells ringing normally",
    ],
)
def test_a_round_that_meets_no_fault_detects_nothing(event: str) -> None:
    assert "detection" not in _milestones(event)


_ENDS = {"mitigation", "resolution"}


@pytest.mark.parametrize(
    "event",
    [
        "Vehicle icons start showing up again on the map",
        "Season passes scan again at the turnstiles",
        "Platform departure times showing again on every screen",
        "Delivery slots reappear on the checkout page",
        "Orders begin to appear again in the kitchen display",
        "Train times reappear in the app after the feed restart",
    ],
)
def test_the_harmed_thing_back_in_plain_words_ends_the_harm(event: str) -> None:
    assert _milestones(event) & _ENDS


@pytest.mark.parametrize(
    "event",
    [
        "Timeouts appear again after the second restart",
        "Stale fares start appearing again on the kiosk",
        "The same warnings reappear on the console",
        "Duplicate receipts show up again for some shoppers",
        "Vehicle icons stop appearing on the map",
        "Season passes fail to scan again at the turnstiles",
        "Passes scan again at the turnstiles, then fail after five minutes",
        "Hoping the departure times show up again after the restart",
        "Hoping the ward bells work again after the reboot",
        "We scanned again for the rogue process",
        "The 502 page appears again for some shoppers",
    ],
)
def test_a_fault_or_a_hoped_return_reappearing_ends_nothing(event: str) -> None:
    assert not (_milestones(event) & _ENDS)


@pytest.mark.parametrize(
    "event",
    [
        "The service desk finds the routing problem",
        "On-call located the misconfiguration in the zone file",
        "Tracked down the relay fault on the east ring",
    ],
)
def test_the_fault_found_is_a_diagnosis_not_a_detection(event: str) -> None:
    got = _milestones(event)
    assert "diagnosis" in got and "detection" not in got


@pytest.mark.parametrize(
    "event",
    ["We have not found the problem yet", "Found the problem was a red herring; disks fine"],
)
def test_a_problem_not_found_is_no_diagnosis(event: str) -> None:
    assert "diagnosis" not in _milestones(event)


_AMPM = (
    "# Turnstiles refused season passes\n\n## Timeline\n\nAll times Pacific.\n\n"
    "- 6:40 AM: Turnstiles at the east entrance start rejecting season passes.\n"
    "- 7:05 AM: {detect}\n"
    "- 8:20 AM: {diagnose}\n"
    "- 10:10 AM: Pass list reloaded. {recover}\n\n"
    "{total}\n"
)
_DETECT = "The attendant on her 07:00 round sees the gate lights flashing red."
_DIAGNOSE = "The ticketing desk finds the pass list problem."
_RECOVER = "Season passes scan again at every gate."


@pytest.mark.parametrize(
    ("total", "flagged"),
    [
        # first detection 7:05 AM to the recovery at 10:10 AM is 3h 05m
        ("The turnstiles were down for a little over two hours all told.", "two hours"),
        ("Altogether the turnstiles were unavailable for three hours in total.", None),
        ("The card readers were down for twenty minutes after the reload.", None),
    ],
)
def test_pm503_reads_the_closing_total_of_a_twelve_hour_timeline(
    lint_text: LintFn, total: str, flagged: str | None
) -> None:
    text = _AMPM.format(detect=_DETECT, diagnose=_DIAGNOSE, recover=_RECOVER, total=total)
    diags = lint_text(text, select=["PM503", "PM504"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == (
        [("PM503", flagged)] if flagged else []
    )


def test_pm503_measures_from_the_report_not_from_the_diagnosis(lint_text: LintFn) -> None:
    # measured from the diagnosis (8:20 AM) the stated hour and 50 minutes would agree
    total = "The turnstiles were unavailable for one hour and 50 minutes in total."
    text = _AMPM.format(detect=_DETECT, diagnose=_DIAGNOSE, recover=_RECOVER, total=total)
    diags = lint_text(text, select=["PM503"]).diagnostics
    assert ["7:05 AM" in d.message for d in diags] == [True]


def test_pm504_asks_for_a_detection_when_only_a_diagnosis_is_told(lint_text: LintFn) -> None:
    text = _AMPM.format(
        detect="Ticket office opens.", diagnose=_DIAGNOSE, recover=_RECOVER, total=""
    )
    diags = lint_text(text, select=["PM504"]).diagnostics
    assert len(diags) == 1 and "detection" in diags[0].message
    assert "mitigation" not in diags[0].message
