"""How a timeline entry that stops or undoes the harmful process, or that raises the fault
with the team that fixes it by a ticket or a query, is read (PM504).

Responders contain harm with verbs the stock list lacks: they suspend the process that does
it ("suspends automated invoice runs"), switch off a part named in code ("`dedupe-cron`
disabled"), pin a component back to the version before the faulty one ("moved back to
4.1.3"), reverse what went out wrong ("the charges were reversed") or redo the work for
those it hit ("stranded passengers re-booked"). Each is a mitigation; the same verbs told of
the fault's doing ("suspended by the outage"), of the faulty version ("pinned to v3"), of an
order or a sort ("reversed the order of the queue") or of the harm ("disabled accounts") are
not.

The fault often reaches the team as a record someone opens ("the shift lead opens a ticket
with IT", "logs a fault report"), a front-line query to the desk ("a driver questions the
restriction with the signaller") or a responder confirming a measure over its limit: each is
a detection. A ticket opened to track the follow-ups, one opened with a vendor's support,
the ticket queue opened, or a measure confirmed back under its limit are not. Sentences are
written for these tests.
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
        "The duty manager suspends automated invoice runs for all regions.",
        "Ops suspended the nightly export jobs pending a fix.",
        "Halted the overnight payment batch.",
        "Automated timetable publication suspended at the depot's request.",
        "The SMS notifications were suspended by the on-call engineer.",
        "Mo disables xxxxxxxx to stop the duplicate sends.",
        "xxxxxxx disabled",
        "xxxxxxxx moved back to 4.1.3 on every node.",
        "The gateway was redeployed back onto version 7.",
        "Finance reverses the duplicate debits.",
        "The charges were reversed within the hour.",
        "Grade publication reversed by the exams office.",
        "Re-booked every stranded passenger onto the evening ferry.",
        "Failed orders re-shipped from the north warehouse.",
        "The remaining cancelled lessons re-rostered to cover staff.",
    ],
)
def test_stopping_or_undoing_the_harmful_process_is_mitigation(event: str) -> None:
    assert "mitigation" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Timetable publication suspended by the outage.",
        "The outage suspended publication of the rosters.",
        "Payouts suspended by the bank for review.",
        "The nightly sync was suspended as planned for the upgrade.",
        "We decided to suspend the export jobs once the vendor confirms.",
        "Suspending publication was discussed but rejected.",
        "A deadlock halted replication in the EU cluster.",
        "xxxxxxx pinned to v3 across the fleet.",
        "Timeout set back to 2.5 seconds.",
        "The config change reversed the sort order of the queue.",
        "Reversed the order of the queue to drain the oldest first.",
        "The migration reversed the charges on 40 accounts.",
        "Accounts disabled after the sync.",
        "Disabled accounts could not sign in.",
        "xxxxxxx disabled by the deploy.",
        "xxxxxxx disabled by mistake during the cleanup.",
        "The affected tickets reassigned to the DB team.",
        "We plan to re-book the stranded passengers tomorrow.",
    ],
)
def test_the_faults_doing_a_version_pin_or_an_order_reversed_is_no_mitigation(
    event: str,
) -> None:
    assert "mitigation" not in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "supervisor opens ticket.",
        "A ticket is raised with the service desk by the ward clerk.",
        "The shift lead opened a ticket with IT about blank labels.",
        "The controller logs a fault report with the signalling team.",
        "Ops confirmed the pool was above its cap.",
        "The duty officer confirms the shift appears over the legal limit.",
        "A driver questions the speed restriction with the signaller.",
        "Captain of flight 22 queries her rest period with crew control.",
    ],
)
def test_a_ticket_a_query_to_the_desk_or_a_limit_breach_confirmed_is_detection(
    event: str,
) -> None:
    assert "detection" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Ticket opened to track the follow-ups.",
        "A ticket was raised to track the cleanup work.",
        "Opens the ticket queue to look for duplicates.",
        "Opened a change ticket for the config rollout.",
        "Opens a ticket with the vendor requesting a quota increase.",
        "Raised a support case with the CDN's premium desk.",
        "Ops confirms the pool is back under the limit.",
        "Confirms no pairing is over the limit.",
        "The analyst queries the database with the Athena console.",
    ],
)
def test_a_follow_up_ticket_a_vendor_ticket_or_a_bound_kept_is_no_detection(event: str) -> None:
    assert "detection" not in _milestones(event)


_ROSTER = """# Crew sheets published with wrong rest times

## Timeline

All times UTC.

| Time | Event |
|------|-------|
| 04:10 | Crew sheets for the morning wave published with rest times one hour short. |
| 05:25 | {report} |
| 06:05 | {act} |
| 09:40 | Morning wave complete. |
"""


def test_a_ticket_and_a_suspension_mark_the_timeline(lint_text: LintFn) -> None:
    text = _ROSTER.format(
        report="Base supervisor opens a ticket with crew control.",
        act="Duty manager suspends automated sheet publication.",
    )
    assert lint_text(text, select=["PM504"]).diagnostics == []
    quiet = _ROSTER.format(
        report="Base supervisor opens the ticket queue.",
        act="Sheet publication suspended by the outage.",
    )
    (d,) = lint_text(quiet, select=["PM504"]).diagnostics
    assert d.data["missing"] == ["detection|declared", "mitigation|resolution"]


def test_a_part_named_in_code_switched_off_is_the_mitigation(lint_text: LintFn) -> None:
    text = """# Duplicate reminder texts

## Timeline

All times UTC.

- 10:02 Reminder sender starts sending every text twice
- 10:15 Support notices duplicate texts in the outbox
- 10:21 `reminder-resender` disabled.
- 10:40 `sms-gateway` pinned back to v4 for the reminder service.
"""
    assert lint_text(text, select=["PM504"]).diagnostics == []
    cause = text.replace("disabled.", "disabled by the deploy.").replace(
        "pinned back to v4", "pinned to v5"
    )
    (d,) = lint_text(cause, select=["PM504"]).diagnostics
    assert d.data["missing"] == ["mitigation|resolution"]
