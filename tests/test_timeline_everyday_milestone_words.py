"""Detection, mitigation and resolution told in everyday operational words (PM504).

* Detection: someone who does the users' work, or the place where it is done, reports a
  symptom to the team or calls the desk ("the night sister says the bed board is empty",
  "Store 802 phones the service desk: every till has gone offline"), or a desk reports an
  unusual volume of contacts. A report of recovery, of no symptom or of no further harm,
  and a call back with news, are none.
* Mitigation: a protection against overload switched on, or the change that carries it
  ("throttling turned on for bulk uploads", "flag flipped to turn on client backoff"), and
  a restart of a part named by its kind ("restarted the sync agent"). One proposed, made
  by mistake, in a test, long before, or that itself does the harm is none.
* Resolution: a confirmation that the harm is undone or every part is right ("finance
  confirms every duplicate debit has been refunded"), a measure of success back at its
  level, the whole system stable or all green. A confirmation of the fault or of harm, a
  measure falling, a harm measure back above its bound, "stable" in another sense, or a
  system stable before or throughout the incident, are none.

One sentence per pattern and more look-alikes are in tests/fixtures/timeline/
milestones.txt and milestones-clean.txt; the sentences here are written for these tests.
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
        "Bakery supervisor reports the ovens' scheduling tablet shows an error screen",
        "The night sister on the maternity ward says the bed board is empty",
        "Store 802 phones the service desk: every till has gone offline",
        "Two cashiers at Branch Kelso report receipts printing twice",
        "Reception reports the check-in kiosks are stuck on a spinner",
        "A parent reports that the school payments page will not load",
        "The warehouse reports pickers cannot scan totes",
        "Night receptionist says the key-card encoder keeps rejecting new cards",
        "Call center sees an unexpected number of calls about blocked cards",
        "Heavy volume of calls about duplicate direct debits",
    ],
)
def test_a_report_reaching_the_team_is_detection(event: str) -> None:
    assert "detection" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Branch Kelso reports takings for the week to finance",
        "The ward sister says the board is fine now",
        "Store 802 phones the service desk back with the till count",
        "The duty manager reports the rollback finished",
        "Pharmacist reports no further missing doses since 06:00",
        "Lab reports were missing from the overnight batch",
        "Night porter reports for duty at 22:00",
        "The head teacher emails the service desk to confirm the fix",
        "Contact centre reports normal call volumes for a Monday",
    ],
)
def test_news_of_recovery_or_no_symptom_is_no_detection(event: str) -> None:
    assert "detection" not in _milestones(event)


def test_a_frontline_report_of_harm_is_detection_not_the_impact_start() -> None:
    got = _milestones("Gate staff report riders unable to tap in")
    assert "detection" in got and "impact-start" not in got


@pytest.mark.parametrize(
    "event",
    [
        "Switched on load shedding for the free tier",
        "Enabled the kill switch for the recommendations widget",
        "Flag flipped to turn on client backoff for all Android builds",
        "A rate limit was put in place for the export API",
        "Throttling turned on for bulk uploads",
        "Waiting room turned on for the ticket sale page",
        "Read-only mode enabled for the wiki",
        "restarts the sync agent on every till",
        "Restarted the print spooler",
    ],
)
def test_a_protection_switched_on_or_a_part_restarted_is_mitigation(event: str) -> None:
    assert "mitigation" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Load shedding was switched on in staging for the drill",
        "Rate limiting enabled by mistake on the partner API",
        "We discussed enabling a waiting room for the next launch",
        "Rate limiter turned on during the migration caused the 429s",
        "A config push at 09:02 switched on the new pricing engine",
        "Circuit breaker was enabled months earlier and never tripped",
        "Rate limiting to be enabled after the review",
        "Backoff disabled in the client config",
    ],
)
def test_a_protection_planned_mistaken_or_harmful_is_no_mitigation(event: str) -> None:
    assert "mitigation" not in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Finance confirms every duplicate direct debit has been refunded",
        "Each mailbox verified as synced with the archive",
        "Ward staff confirm all pumps are syncing",
        "Ops verifies that each replica is in sync",
        "Pharmacy confirms every pump reflects the current prescriptions",
        "Checkout conversion back to normal by 16:40",
        "Booking success rate recovered back above 99%",
        "Conversion rate climbs back to its usual 3%",
        "Everything looks stable now",
        "Systems stable; bridge closed",
        "Everything stable. The team stands down.",
        "All green, standing down",
        "All green on the dashboards.",
    ],
)
def test_a_confirmation_a_measure_back_or_all_stable_is_resolution(event: str) -> None:
    assert "resolution" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Ops confirms the fault affects two regions",
        "Bank confirmed every collection was taken twice",
        "Finance confirms all refunds are still pending",
        "Confirmed all refunds failed",
        "Conversion rate dips to 1.2%",
        "Success rate back to 70% then falls again",
        "Sign-in rate climbs back above 90% briefly, then falls again",
        "Latency back above 3 s on the EU edge",
        "The stable tag of the client is 4.1",
        "Patient stable after the second dose",
        "The cluster was stable before the 10:00 deploy",
        "Queue depth stable at 12,000",
        "Everything stable except the EU checkout",
        "Systems stable but checkout still failing",
        "All green lights on the rack went dark",
    ],
)
def test_a_confirmed_fault_a_falling_measure_or_another_stable_is_no_resolution(
    event: str,
) -> None:
    assert "resolution" not in _milestones(event)


_DOC = """# Parcel lockers unreachable

## Timeline

All times UTC.

- 07:40 Locker firmware 3.2 pushed to the estate
- 08:05 {detection}
- 08:30 On-call finds the lockers retrying their check-in without pause
- 09:10 {mitigation}
- 10:20 {resolution}
"""


def test_a_timeline_in_everyday_words_marks_its_milestones(lint_text: LintFn) -> None:
    text = _DOC.format(
        detection="Courier at depot 6 reports the lockers will not open",
        mitigation="Config pushed to switch on check-in backoff across the estate",
        resolution="Locker availability back above 99%",
    )
    assert lint_text(text, select=["PM504"]).diagnostics == []


def test_look_alikes_leave_detection_and_the_end_missing(lint_text: LintFn) -> None:
    text = _DOC.format(
        detection="Courier at depot 6 reports for the early shift",
        mitigation="Config pushed to switch on the new check-in schedule",
        resolution="Locker availability down to 61%",
    )
    (d,) = lint_text(text, select=["PM504"]).diagnostics
    assert d.data["missing"] == ["detection|declared", "mitigation|resolution"]
    assert text[d.start : d.end] == "Timeline"
