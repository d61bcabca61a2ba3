"""Detection told as an alert with its name, or as a named person's report.

* An alert whose name stands between the noun and the verb (quoted, as code, a name with a
  digit or sign, or after "for") fired: 'Alert "basket errors > 3%" fire', 'alert for the
  basket error rate fired'. Negated ("the alert for the lag did not fire") it is none.
* A fault logged with the desk that takes users' reports ("raises ticket with the Corvel
  Service Desk"); a case we open with a vendor's desk, or a request for work, is none.
* A report by a named person, a handle or a team in brackets counts as detection when it
  reports a symptom, as "A user reports ..." does: "Ines (Billing) reports the invoice
  totals look wrong", "@kpatel opens #88 reporting a crash on start-up"; a report of progress
  ("Ines reports the fix is deployed") or of a finding with no symptom in it is none.

The sentences of each class and their look-alikes are in tests/fixtures/timeline/
milestones.txt and milestones-clean.txt; here PM504 is checked on whole timelines.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = """# Basket service errors

## Timeline

All times UTC.

- 10:02 Deploy of basket 7.1 to production
- 10:09 {detection}
- 10:20 On-call finds the connection limit at its ceiling
- 10:31 Deploy rolled back
- 10:44 Error rate back to normal, incident resolved
"""


@pytest.mark.parametrize(
    "detection",
    [
        'Alert "basket errors > 3%" fire. Pager go to me.',
        "Alert basket-5xx-rate fired",
        "The alert for the basket error rate fired",
        "Ines (Billing) reports the invoice totals look wrong",
        "@kpatel opens #88 reporting a crash on checkout",
        "Theo reports that the basket page is blank for some shoppers",
        "Vulnerability reported by an outside researcher",
        "Harrow Logistics raises ticket with the Corvel Service Desk",
    ],
)
def test_a_named_alert_or_a_named_report_marks_detection(lint_text: LintFn, detection: str) -> None:
    text = _DOC.format(detection=detection)
    assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "not_detection",
    [
        "The alert for the basket error rate did not fire",
        "Ines reports the fix is deployed to half the stores",
        "Theo reports the failing checks pass now",
        "Priya reports the pool size does not need a change",
        "@kpatel opens #90 with the patch",
        "Corvel raises support case with the vendor's support desk",
        "On-call logs a ticket with the service desk to rotate the key",
    ],
)
def test_progress_reports_and_silent_alerts_mark_no_detection(
    lint_text: LintFn, not_detection: str
) -> None:
    text = _DOC.format(detection=not_detection)
    got = lint_text(text, select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in got] == [["detection|declared"]]


def test_the_hint_names_an_entry_that_mentions_an_alert(lint_text: LintFn) -> None:
    """An entry names an alert but is not read as the detection: the hint says so and
    points at it, instead of asking for words the writer may think they wrote."""
    text = _DOC.format(detection="Basket alert threshold was too high to page anyone")
    (d,) = lint_text(text, select=["PM504"]).diagnostics
    assert d.message.endswith(
        "(10:09 mentions 'alert' but is not read as one: if it marks the moment, "
        "write it plainly, e.g. 'alert fired')"
    )
    # no entry names one: the plain example
    text = _DOC.format(detection="Basket pods restart in a loop")
    (d,) = lint_text(text, select=["PM504"]).diagnostics
    assert d.message.endswith("(write e.g. 'alert fired' in the event text)")


@pytest.mark.parametrize(
    "detection",
    [
        "Pager alert for basket errors, acknowledged by Mei at 10:11",
        "Opsgenie alarm on the basket 5xx rate; Ravi acknowledged it",
        "🚨 Opsgenie alert on basket error rate",
        "📟 Page to the on-call about failed checkouts",
        'First self-checkout shows "basket unavailable"',
        "The first store tablet displayed an error screen",
    ],
)
def test_an_acknowledged_alert_or_a_first_error_on_screen_marks_detection(
    lint_text: LintFn, detection: str
) -> None:
    text = _DOC.format(detection=detection)
    assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "not_detection",
    [
        "The basket alert was never acknowledged",
        "🚨 alert threshold lowered to 2% for the basket",
        "First retry of the checkout returns a 503 error",
        "The first attempt to reproduce showed the same error",
        "First self-checkout shows the welcome screen again",
    ],
)
def test_an_unacknowledged_alert_or_a_responders_first_try_is_no_detection(
    lint_text: LintFn, not_detection: str
) -> None:
    text = _DOC.format(detection=not_detection)
    got = lint_text(text, select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in got] == [["detection|declared"]]


@pytest.mark.parametrize(
    "detection",
    [
        "A shopper rang the help line to say the basket kept emptying itself",
        "Two shop owners told their account manager that orders were missing",
        "Shoppers started posting about basket errors on the forum",
        "A reseller's developer opened an issue about 503 errors on checkout",
    ],
)
def test_a_first_report_from_outside_marks_detection(lint_text: LintFn, detection: str) -> None:
    """People outside the team (an indefinite or plural subject) who tell someone of the
    symptom, or start posting about it, are how the team learnt of it."""
    text = _DOC.format(detection=detection)
    assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "not_detection",
    [
        "A shopper rang the help line to confirm a delivery slot",
        "Shoppers started posting pictures of the new basket page",
        "A shopper wrote in to say the fix worked",
        "We emailed shoppers about the planned maintenance",
    ],
)
def test_a_message_from_outside_with_no_symptom_marks_no_detection(
    lint_text: LintFn, not_detection: str
) -> None:
    text = _DOC.format(detection=not_detection)
    got = lint_text(text, select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in got] == [["detection|declared"]]


_OWN_WORDS = """# Duplicate supplier payments

## Timeline

All times UTC.

- 08:10 Payment run for the week released twice
- 11:05 {detection}
- 11:40 Treasury lead checks the bank portal
- 12:15 {mitigation}
"""


@pytest.mark.parametrize(
    ("detection", "mitigation", "missing"),
    [
        (
            "Supplier writes to accounts payable asking why they were paid twice",
            "Accounts asks the bank to recall the repeated payment run",
            False,
        ),
        (
            "Ops confirms that the ledger is showing duplicate debits",
            "Corrected payment file uploaded to the bank portal",
            False,
        ),
        # our own message out, and a request nobody acted on: neither marks anything
        (
            "Accounts payable emails suppliers about the delay",
            "Asked the bank how to recall a run",
            True,
        ),
    ],
)
def test_a_report_from_outside_and_a_stop_to_the_harm_in_the_domains_words(
    lint_text: LintFn, detection: str, mitigation: str, missing: bool
) -> None:
    """Detection as someone outside writing in with the symptom, or a responder confirming
    it; mitigation as the holder of the harm's lever asked to pull it, or the corrected
    artefact put in place."""
    text = _OWN_WORDS.format(detection=detection, mitigation=mitigation)
    codes = [d.code for d in lint_text(text, select=["PM504"]).diagnostics]
    assert codes == (["PM504"] if missing else [])


@pytest.mark.parametrize(
    "detection",
    [
        "Shopper email received by the help line: why is my basket empty?",
        "A reseller's complaint lands in the partner inbox",
        "First basket tickets arrive at the help desk",
        "First shopper messages describing an empty basket",
        "Store manager emails support: baskets are vanishing at checkout",
    ],
)
def test_a_report_from_outside_told_as_it_reaches_the_team_marks_detection(
    lint_text: LintFn, detection: str
) -> None:
    """The message from the people served, told noun first as it arrives (received, lands,
    arrives, forwarded), or the first of them told by what they say, is how the team
    learnt of the fault."""
    text = _DOC.format(detection=detection)
    assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "not_detection",
    [
        "Shopper notification email received by our test account",
        "Weekly shopper report received from the analytics team",
        "First status emails mentioning the errors go out to shoppers",
        "First bug report filed with the payment vendor",
    ],
)
def test_our_own_notices_scheduled_reports_and_vendor_tickets_mark_no_detection(
    lint_text: LintFn, not_detection: str
) -> None:
    text = _DOC.format(detection=not_detection)
    got = lint_text(text, select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in got] == [["detection|declared"]]
