"""PM401 on sentences of careful, quantified write-ups that claim no unmeasured harm; with
their look-alikes that still owe an amount. Every sentence here is written for this file;
each list is judged in one lint.

1. A thing said to work as usual except for a harm told with "the" ("The portal opened
   as usual, save for the stale logos"): the exception points back at a harm counted
   elsewhere. Harm in the main clause stays read.
2. What the fault touched set against what it did not ("changed how prices were shown, not
   how they were charged"): the scope of the harm.
3. A placeholder note left to fill in ("TODO: ..."): PM202 reports it.
4. A labelled statement whose plural the next sentence counts with a figure ("Exposed:
   order notes only. Across 6 renders, 31 notes were shown ...").
5. A safeguard made for a kind of failure ("a fallback, drawn up for just this sort of
   outage, kept the wards safe"); what a responder saw ("she saw the error spike"); a
   background job failing in a clause of reason.
"""

from __future__ import annotations

from conftest import LintFn, lines_reported

_reported = lines_reported("PM401", "Parcel portal review")

_CLEAN_IMPACT = [
    "Invoices came up as normal, save for the wrong totals.",
    "Tickets printed fine, except for the wrong seat numbers.",
    "Invoices displayed correctly, aside from the wrong currency.",
    "The fault affected what riders were shown, not what they were billed.",
    "The bug affected how balances were displayed, but not how they were stored.",
    "3.1 TODO: check whether any uploads were lost in the rollback.",
    "TBD: confirm whether refunds were delayed.",
    "- **Exposed:** order notes only. Across 6 renders, 31 notes were shown to the wrong shop.",
]

_OWED_IMPACT = [
    "Search kept failing, aside from the cached queries.",
    "The portal was down apart from the status page.",
    "Shoppers could not check out; we confirmed this with the vendor.",
    "The bug affected what shoppers had stored.",
]

_CLEAN_NARRATIVE = [
    "The ward's paper fallback, drawn up for just this sort of outage, protected"
    " residents: every urgent order reached a nurse in time.",
    "In fairness, she phoned the vendor, checked the dashboards and saw the refund-request spike.",
    "The fare update never arrived at the booking site because the feed job had been"
    " quietly failing since a key rotation that morning.",
]

_OWED_NARRATIVE = [
    "Customers saw the error spike on every page.",
    "Residents waited for the outage to end.",
    "The feed job had been failing, so riders could not buy tickets.",
]


def test_no_harm_beyond_one_told_owes_no_amount(lint_text: LintFn) -> None:
    got = _reported(lint_text, _CLEAN_IMPACT + _OWED_IMPACT, "Impact")
    assert got == _OWED_IMPACT


def test_safeguards_sightings_and_causes_owe_no_amount(lint_text: LintFn) -> None:
    got = _reported(lint_text, _CLEAN_NARRATIVE + _OWED_NARRATIVE, "Root cause")
    assert got == _OWED_NARRATIVE


def test_what_a_responder_saw_owes_no_amount(lint_text: LintFn) -> None:
    lines = [
        "Lena checked the dashboards and saw the refund-request spike.",
        "Shoppers checked the dashboards and saw the refund-request spike.",
    ]
    assert _reported(lint_text, lines, "How it happened") == lines[1:]


def test_a_person_noticing_a_fault_alone_is_still_read(lint_text: LintFn) -> None:
    """Not a step among others of the response: the person may have met the fault."""
    lines = ["Nina noticed slow pages and timeouts on her laptop."]
    assert _reported(lint_text, lines, "Impact") == lines
