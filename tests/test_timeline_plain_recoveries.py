"""A timeline entry that tells the recovery in everyday words is the timeline's mitigation
or resolution milestone, and the stated total that names the incident's length is read
(PM503, PM504).

Recovery in plain words: a part told recovering or recovered of itself ("the kiosks
recover one by one"), the work users wait on resuming ("label printing resumed"), a backlog
draining or replicas catching up, the faulty setting corrected, what users look at visible
again, every dashboard green. Look-alikes: a recovery hoped for, planned, waited on or
tried; the responders' own work, the harm or the risky rollout resuming; data retrieved
from a backup; a correction of the write-up or one still to come; secrets visible again.

The stated length: "the total duration of the outage was about five hours" names the
incident's own length; the duration of a step, of another incident, of an expected outage
or of a part of this one does not. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


_ENDS = {"mitigation", "resolution"}


@pytest.mark.parametrize(
    "event",
    [
        "Roughly two thirds of the handheld scanners recovered after the relay restart",
        "The ticket gates recover one by one",
        "Ingest workers are recovering slowly",
        "The kiosks all recovered without a restart",
        "Parcel sorting resumed at the east hub",
        "The booking engine resumes normally after the cache flush",
        "Outbound SMS backlog draining steadily",
        "Search replicas caught up with the primary",
        "Gateway configuration corrected; errors fall",
        "Corrected the routing table on both edge routers",
        "The DNS record was corrected at the registrar",
        "Discharge letters viewable again on every clinic desktop",
        "Everything green on the status dashboards",
    ],
)
def test_recovery_in_plain_words_ends_the_harm(event: str) -> None:
    assert _milestones(event) & _ENDS


@pytest.mark.parametrize(
    "event",
    [
        "Tried a restart of the gates, no effect",
        "Recovery ETA still unknown",
        "Hoping the scanners recover after the firmware push",
        "Plan to resume parcel sorting once the patch is reviewed",
        "Bookings expected to resume by 15:00",
        "Holding the deploy until the SMS backlog drains",
        "Triage resumed after the shift handover",
        "Timeouts resumed shortly after the first restart",
        "The staged rollout resumed at 14:00",
        "The missing invoices were recovered from the nightly backup",
        "We recovered the audit logs from the replica",
        "The lost disk space has been recovered after the purge",
        "Gates recovered briefly, then crashed again",
        "Gateway config to be corrected in the morning change window",
        "Incident title corrected in the ticket",
        "The session tokens were visible again in the debug log",
        "Everything green on the dashboards, but checkout still failing",
        "The scanners did not recover after the restart",
        "Once replication catches up we can fail back",
    ],
)
def test_hoped_tried_or_other_recoveries_end_nothing(event: str) -> None:
    assert not (_milestones(event) & _ENDS)


_TIMELINE = (
    "# Ferry ticket gates offline\n\n## Timeline\n\nAll times UTC.\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 05:40 | Ticket gates stop responding at the north pier |\n"
    "| 05:52 | Alert fires for gate heartbeats |\n"
    "| 06:30 | Relay host restarted |\n"
    "| 07:15 | {event} |\n"
)


@pytest.mark.parametrize(
    ("event", "reported"),
    [
        ("Most gates recovered; two needed a power cycle", False),
        ("Gate scanning resumed on all piers", False),
        ("Relay configuration corrected; the gate queue drains", False),
        ("Gate recovery ETA unknown", True),
        ("Hoping the gates recover after lunch", True),
        ("Attempted to restart the gates again, no change", True),
    ],
)
def test_pm504_reads_the_plain_recovery(lint_text: LintFn, event: str, reported: bool) -> None:
    diags = lint_text(_TIMELINE.format(event=event), select=["PM504"]).diagnostics
    assert any("mitigat" in d.message for d in diags) is reported


_DOC = (
    "# Pharmacy label printers down\n\n## Summary\n\n"
    "Label printers in the outpatient pharmacy stopped printing.\n\n"
    "## Timeline\n\nAll times UTC.\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 08:05 | Label print jobs start failing in the outpatient pharmacy |\n"
    "| 08:12 | Print queue alert fires for the pharmacy |\n"
    "| 09:40 | Print server configuration corrected |\n"
    "| 11:20 | Label printers back online on every counter |\n\n"
    "{sentence}\n"
)


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # 08:05 to the mitigation at 09:40 is 1h 35m, to the resolution 3h 15m
        ("The total duration of the outage was about 40 minutes.", "40 minutes"),
        ("In all, the length of the disruption was roughly one hour.", "one hour"),
        ("The total duration of the disruption was about three hours.", None),
        ("The duration of the rollback was about 20 minutes.", None),
        ("The duration of the previous outage was four hours.", None),
        ("The expected duration of the outage was 30 minutes.", None),
    ],
)
def test_pm503_reads_the_duration_of_the_incident(
    lint_text: LintFn, sentence: str, flagged: str | None
) -> None:
    text = _DOC.format(sentence=sentence)
    diags = lint_text(text, select=["PM503"]).diagnostics
    spans = [text[d.start : d.end] for d in diags]
    assert spans == ([flagged] if flagged else [])
