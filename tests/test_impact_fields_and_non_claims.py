"""PM401 on writing that claims no impact, beside look-alikes that do and stay reported.
Every sentence here is written for this file.

1. The fields of a document's head: its channel, people, class, and the list of what was
   affected ("Systems impacted: ledger, payouts"). They name; they claim nothing, so only
   a vague value ("Riders affected: several") is read. "Impact: riders could not pay" in
   the head is still a statement, and a label of people owes their count.
2. A judgment of what people did ("nobody on the desk did anything wrong"): conduct, the
   no-blame line of a review, not harm. "Something went wrong with riders' passes" stays.
3. A grade of the harm ("severe slowdown", "significantly slower") whose next sentence
   measures it in figures (a duration, a window, a share). A next sentence that gives a
   time of day, a count of responders or no figure leaves the grade reported.
"""

from __future__ import annotations

from conftest import LintFn


def _flagged(lint_text: LintFn, text: str) -> list[tuple[int, str]]:
    """(line, text) of each PM401 finding of ``text``, in order."""
    diags = lint_text(text, select=["PM401"]).diagnostics
    return [(text.count("\n", 0, d.start) + 1, text[d.start : d.end]) for d in diags]


# -- class 1: the fields of the head ---------------------------------------------------------

_HEAD = """\
# Tram ticketing outage

| Field | Value |
|---|---|
| Severity | SEV-2 |
| Systems impacted | fare-gateway, validator sync, the journey planner |
| Riders affected | several |
| Users affected | yes, on every line |

- **Status:** Final
- **War room:** #inc-0704-validators-crashed
- **Comms channel:** #incident-fare-outage
- **Affected components:** ticket API, card reader firmware
- **Passengers affected:** a lot
- **Impact:** riders could not pay at the validators
- **Customers impacted:** those on the harbour line

## Summary

On Friday 3,100 riders could not pay for 35 minutes; no fare data was lost.

## Impact

- Services affected: fare-gateway, validator sync.
"""


def test_head_fields_name_and_claim_nothing(lint_text: LintFn) -> None:
    got = _flagged(lint_text, _HEAD)
    assert got == [
        (7, "Riders affected"),
        (8, "Users affected"),
        (14, "a lot"),
        (15, "riders could not pay at the validators"),
        (16, "those on the harbour line"),
        (24, "Services affected: fare-gateway, validator sync."),
    ]


# -- class 2: conduct judged -----------------------------------------------------------------

_CONDUCT = """\
# Tram ticketing outage

## Summary

On Friday 3,100 riders could not pay for 35 minutes; no fare data was lost.

## Background

Nobody in finance or on the fares team did anything wrong.

The depot crew did nothing wrong that night; the firmware never checked the date.

None of the engineers on the platform team did anything wrong, and the review says so.

## What happened

Something went wrong with riders' season passes at the gates.

The validators showed riders the wrong balance.
"""


def test_conduct_judged_is_no_claim(lint_text: LintFn) -> None:
    assert [line for line, _ in _flagged(lint_text, _CONDUCT)] == [17, 19]


# -- class 3: a grade measured by the next sentence ------------------------------------------

_GRADES = """\
# Tram ticketing outage

## Summary

The fare system suffered a severe slowdown. Card taps took 8 to 40 seconds each.

Top-ups were significantly slower. About 30% of top-ups took more than ten seconds.

Journey searches slowed considerably in the storm. Each search took six to twenty seconds.

The card readers had severe delays. The trouble began at 18:02 on Friday.

The fare site saw a major slowdown. We paged 3 engineers to look at it.

The ticket machines had significant delays. It was very bad for everyone.

The gates suffered substantial delays.

Card taps took 8 to 40 seconds each. The fare system suffered a severe slowdown.
"""


def test_a_grade_the_next_sentence_measures_is_settled(lint_text: LintFn) -> None:
    assert _flagged(lint_text, _GRADES) == [
        (11, "severe delays"),
        (13, "major slowdown"),
        (15, "significant delays"),
        (17, "substantial delays"),
        (19, "severe slowdown"),
    ]
