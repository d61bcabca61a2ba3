"""PM401 on harm an option not taken would have done, on the writers' own effort and the
spacing of events, and on timeline entries dated with a comma; with their look-alikes that
still owe an amount. Every sentence here is written for this file; each list is judged in
one lint.

1. What an option the team did not take would have done to people, the option the subject
   of a past modal ("a full closure would have stranded many couriers"; "..., which would
   have ..." when the sentence names the choice). People as the subject, or a definite
   thing with no choice named, are read as told: the modal may say what probably happened.
2. The writers' own effort, "take" with the responders as whom it took, or in a lessons
   section with a task as its subject; and the spacing of two events ("a few days apart").
   The time it took to find the fault bounds the harm and is still read.
3. A timeline entry whose day is written before its time with a comma or dashes ("- **Tue
   4 Jun, 09:10 BST** ..."): a timeline entry like "- 09:10 ...", judged for its vague
   words only, never as a statement of impact.
"""

from __future__ import annotations

from conftest import LintFn, lines_reported

_reported = lines_reported("PM401", "Courier depot review")

_OPTIONS_CLEAN = [
    "We weighed closing the depot outright and dropped the idea, since a full closure would"
    " have stranded many couriers overnight.",
    "A hard restart was rejected because it would have logged out most subscribers.",
    "We decided against it: flat fares during the match would have left many fans without a"
    " ride home.",
    "A full rollback would have cost some shoppers their saved baskets, so we patched forward"
    " instead.",
]

_OPTIONS_OWED = [
    "Many couriers were stranded overnight at the depot.",
    "The outage would have left many passengers without a cab.",
    "Some subscribers would have been logged out twice.",
    "The bad push would have logged out many users.",
    "Without the cache, many more shoppers would have failed to check out.",
    "Several shoppers lost their saved baskets.",
]

_EFFORT_CLEAN = [
    "Building the list of affected accounts took most of an afternoon.",
    "The first and second complaints arrived a few days apart.",
    "Pulling the audit trail took us a long time.",
    "We had to query the raw event store by hand, which took most of a day.",
    "Reconciling the exports by hand took the team several evenings.",
]

_EFFORT_OWED = [
    "Many customers waited hours for a reply.",
    "Getting through to the help line took most callers a long time.",
    "Many customers were never called back.",
    "Finding the failing relay took us a long time.",
]


def test_what_an_option_not_taken_would_have_done_owes_no_amount(lint_text: LintFn) -> None:
    assert _reported(lint_text, _OPTIONS_CLEAN, "Response") == []
    assert _reported(lint_text, _OPTIONS_CLEAN[3:], "Impact") == []


def test_harm_told_or_probable_still_owes_an_amount(lint_text: LintFn) -> None:
    assert _reported(lint_text, _OPTIONS_OWED, "Response") == _OPTIONS_OWED


def test_own_effort_and_spacing_owe_no_amount_in_lessons(lint_text: LintFn) -> None:
    assert _reported(lint_text, _EFFORT_CLEAN + _EFFORT_OWED, "What went poorly") == _EFFORT_OWED


def test_a_task_taking_long_outside_lessons_is_still_read(lint_text: LintFn) -> None:
    """Outside a lessons section, a task as the subject of "take" may be what users did
    ("loading the page took a long time"); only the responders as whom it took are the
    writers' own effort."""
    lines = [_EFFORT_CLEAN[2], "Loading the basket page took a long time."]
    assert _reported(lint_text, lines, "Root cause") == lines[1:]


def test_dated_timeline_entries_are_not_impact_statements(lint_text: LintFn) -> None:
    lines = [
        "- **Tue 4 Jun, 09:10 BST** – Restored orders loaded into the shop systems; stores"
        " begin phoning affected shoppers.",
        "- 2025-06-04 09:25 – Shoppers unable to check out.",
        "- **Tue 4 Jun, 10:30 BST** – Many riders stranded at the north depot.",
    ]
    assert _reported(lint_text, lines, "Timeline") == lines[2:]
