"""PM401's "Impact stated without an amount" on sentences that are no impact claim: a
system failing on a part of its mechanism, what the monitoring looks at, a design told in
general, a class an incident falls in, a search that found nobody (an explicit zero), the
operators not telling the failure apart, and what became of stored things after a
data-loss answer. Each class stands beside look-alikes that state harm and stay reported.
Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn, lines_reported

#: the lines PM401 reports when each stands as its own paragraph under a heading
_reported = lines_reported("PM401", "Ferry booking outage")


_MECHANISM = (
    "The ledger worker failed to acquire the lock after its restart and did not raise an error.",
    "The scheduler failed to renew its lease, so a second copy of the job started.",
    "The replica failed to release the lock it held on the table.",
    "Our probes measure response time and error rate, and by that measure the service looked fine.",
    "The probe checks for timeouts only.",
    "The kiosk app is designed to fall back to a cached timetable when the API fails.",
    "The router was meant to drop stale sessions when an upstream breaks.",
    "The outage crossed our bar for a notifiable incident affecting a regulated business service.",
    "The fault met the criteria for an incident affecting a critical public service.",
)

_MECHANISM_HARM = (
    "The ledger worker failed to acquire the lock, so the booking page went down for travellers.",
    "Passengers could not check in at the terminal kiosks.",
    "An error triggered a crash of the booking app for passengers.",
    "The timetable app crashed for riders when the API failed.",
    "The kiosk app was built in a hurry and failed for passengers all morning.",
)


@pytest.mark.parametrize("heading", ["Root cause", "Background"])
def test_a_mechanism_or_a_design_is_no_claim(lint_text: LintFn, heading: str) -> None:
    assert _reported(lint_text, _MECHANISM, heading) == []


def test_harm_beside_a_mechanism_stays_reported(lint_text: LintFn) -> None:
    assert _reported(lint_text, _MECHANISM_HARM, "Summary") == list(_MECHANISM_HARM)


_FOUND_NONE = (
    "We did not identify any passenger whose booking was cancelled because of the outage.",
    "The review found no traveller who missed a sailing during the window.",
    "We have not found any agent whose commission was delayed.",
    "The duty technicians could not readily tell real alarms from link noise on the console.",
    "The dispatchers did not notice the drift in the feed.",
)

_FOUND_SOME = (
    "We identified passengers whose bookings were cancelled because of the outage.",
    "Travellers could not distinguish real tickets from duplicates in the app.",
    "Passengers did not receive their boarding passes.",
)


def test_a_search_that_found_none_and_the_staff_not_seeing_are_no_claim(
    lint_text: LintFn,
) -> None:
    assert _reported(lint_text, _FOUND_NONE, "Impact") == []


def test_harm_found_or_not_seen_by_customers_stays_reported(lint_text: LintFn) -> None:
    assert _reported(lint_text, _FOUND_SOME, "Impact") == list(_FOUND_SOME)


def test_what_became_of_stored_things_after_a_data_loss_answer(lint_text: LintFn) -> None:
    clean = [
        "- **Data loss:** none. Lookups that failed were not saved to any fare "
        "record; each record held its previous value.",
        "- No manifests were lost. Messages the relay could not deliver were held back and "
        "sent again on a later retry.",
    ]
    harm = [
        "- No data was lost. The booking page was down for passengers.",
        "- No data was lost. Passengers could not pay.",
        "- Messages the relay could not deliver were held back and sent again on a later retry.",
    ]
    assert _reported(lint_text, clean, "Impact") == []
    assert _reported(lint_text, harm, "Impact") == harm


def test_the_span_of_a_statement_after_a_loss_answer_with_crlf(lint_text: LintFn) -> None:
    text = (
        "# Ferry outage 🚢\r\n\r\n## Impact\r\n\r\n"
        "- No data was lost. Passengers could not pay.\r\n"
        "- Data loss: none. Lookups that failed were not saved to any record.\r\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Passengers could not pay."]
