"""PM401 on sentences that deny a harm, pick cases out, or tell one case with its outcome,
and their look-alikes that still owe an amount. Every sentence here is written for this
file; each list is judged in one lint.

1. A wrong thing denied as handed out ("the desk did not quote incorrect fares to anyone"):
   the harm is denied; a wrong thing handed out, or a remedy denied, stays read.
2. A harm told only as what no evidence points to ("we have no indication that any parcels
   were misrouted", "we do not think any refunds were lost"); not evidence of it.
3. "the most" / "the least" before a grade word ("the most significant outages were:"): it
   picks cases out, often to open a list; "a significant number of riders" still counts.
4. The cause named as the subject of "be" ("the root of it was a lookup table that never
   got the new prices"); not a source database that went down.
5. One case told with its outcome, a person named with "the" and told unharmed ("the
   dosing slip was caught at the next round and the resident came to no harm"); plural
   people, or a quantifier on them, stay read.
"""

from __future__ import annotations

from conftest import LintFn, lines_reported

_reported = lines_reported("PM401", "Ward pharmacy sync review")

_CLEAN = [
    "The desk did not quote incorrect fares to anyone on the line.",
    "Night nurses never dispensed the wrong tablets to a resident.",
    "It is worth recording that counter staff did not give wrong directions to visitors.",
    "The cashiers did not hand any shopper the wrong receipt.",
    "We have no indication that any parcels were misrouted.",
    "There is no sign that tickets were voided during the window.",
    "We do not think any refunds were lost in the replay.",
    "Nothing suggests that any uploads were overwritten.",
    "Four depots were affected; the most significant outages were these:",
    "The least serious errors were corrected by the ward clerks.",
    "The root of it was a lookup table that never got the new prices.",
    "The source of the fault was a routing bundle that did not reach the edge nodes.",
    "The dosing slip was caught at the next round and the resident came to no harm.",
    "The mislabel was noticed within the hour and the caller was unharmed.",
]

_STILL_OWED = [
    "The clerks gave wrong change to shoppers.",
    "The kiosks showed the wrong fares to travellers.",
    "Our logs show that records were deleted.",
    "There is evidence that bookings were lost.",
    "A significant number of riders were turned away.",
    "The source database went offline and shoppers could not check out.",
    "The residents came to no harm, but their doses were delayed.",
    "Several residents were given the wrong dose and came to no harm.",
    "Some shoppers could not pay for their baskets.",
]


def test_denials_selectors_causes_and_single_cases_owe_no_amount(lint_text: LintFn) -> None:
    assert _reported(lint_text, _CLEAN, "Impact") == []


def test_look_alikes_still_owe_an_amount(lint_text: LintFn) -> None:
    assert _reported(lint_text, _STILL_OWED, "Impact") == _STILL_OWED


def test_the_cause_named_in_a_summary_owes_no_amount(lint_text: LintFn) -> None:
    lines = [_CLEAN[10], "Some shoppers could not pay for their baskets."]
    assert _reported(lint_text, lines, "Summary") == lines[1:]


def test_people_losing_time_are_asked_for_a_count(lint_text: LintFn) -> None:
    """A quantifier for people before a past verb of harm that the parser hangs on the
    time lost ("many lost exam time"): the finding is the quantifier, asking how many
    people; a noun phrase with a quantifier ("many lost parcels were found") keeps its noun."""
    text = (
        "# Exam sign-in review\n\n## Summary\n\nStudents could sign back in, but many lost"
        " exam time while signing in again.\n\nMany lost parcels were found the next day.\n"
    )
    found = [
        (text[d.start : d.end], d.message) for d in lint_text(text, select=["PM401"]).diagnostics
    ]
    assert [span for span, _ in found] == ["many", "Many lost parcels"]
    assert "how many people" in found[0][1] and "duration" not in found[0][1]
    assert "how many parcels" in found[1][1]
