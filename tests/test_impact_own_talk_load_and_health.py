"""PM401 and PM403 on what the writers say of their own work and of a healthy-looking
system, with the look-alikes that still owe an amount. Every sentence here is written for
this file; each list is judged in one lint.

1. How long the responders weighed a question among themselves ("we argued about the
   severity for a while"): their talk, not anyone's harm. People affected who argued or
   waited, and a service down "for a while", are still read.
2. The responders' load told as the circumstance they worked in ("buried under a pile of
   tickets, we ..."), outside the Impact section: tickets sent or received are still read.
3. "how many" opening a clause that describes or asks ("the push is how many parents
   confirm ..."): no vague count; "many parents never got the push" still is.
4. A system said to be free of errors ("running and error-free") tells no harm; a page
   "full of errors" does. Nor does an outage of no particular time weighed in the present
   ("the one week when an outage matters most"); "the outage hurt riders most" does.
5. "further" meaning "another" ("a further update will follow") is no vague amount.
6. PM403: a denial of lost data with a determiner before the data's name ("did not lose
   any card payment data") answers the data question wherever it stands.
"""

from __future__ import annotations

from conftest import LintFn, lines_reported

_reported = lines_reported("PM401", "Ferry booking review")

_TALK_CLEAN = [
    "Severity: SEV-3 (the room debated SEV-2 for some time before agreeing).",
    "We went back and forth over the severity for a while.",
    "The team argued about whether to roll back for a while.",
    "On the bridge we discussed paging the database team for quite some time.",
    "The incident managers deliberated over a full failover for a long time, then chose a restart.",
]

_TALK_OWED = [
    "Customers waited for a while before the page loaded.",
    "Customers argued with the agents for a while about refunds.",
    "The site went down for a while.",
    "Drivers went back and forth between the two apps for a while.",
    "We discussed how customers waited for a while at the gates.",
]

_LOAD_CLEAN = [
    "It is easy to say that now; at midnight with a heap of tickets, a broken caption looks"
    " like a player bug.",
    "Buried under a pile of tickets, we looked at the wrong dashboard first.",
]

_LOAD_OWED = [
    "Customers sent a pile of tickets about missing receipts.",
    "Support received a pile of tickets about missing receipts.",
    "A pile of tickets came in from riders.",
]

_HOW_MANY_CLEAN = [
    "Riders lost the push at night, where the arrived push is how many parents confirm"
    " their child got home; 3,100 parents had it switched on.",
    "The seat map is how many travellers pick where to sit.",
    "The status page is how most customers learn about delays.",
]

_HOW_MANY_OWED = [
    "Many parents never got the arrived push.",
    "Riders lost the push, and many parents could not confirm their child got home.",
    "Several landlords may have missed the rent alert.",
]

_HEALTH_CLEAN = [
    "The booking service reported healthy because it was running and error-free.",
    "The fare worker passed its health check since it was alive and free of exceptions.",
    "The replica looked fine to the probe: it stayed up and clear of failures.",
]

_HEALTH_OWED = [
    "Checkout failed with errors for riders.",
    "The error-prone booking page turned away riders.",
]

_WEIGHED_CLEAN = [
    "Ticket sales week is the one week when downtime hurts most, and nobody planned around it.",
    "Our freeze calendar treated the busiest week like any other, although an outage then costs"
    " the most.",
    "Match days are when any outage matters most.",
]

_WEIGHED_OWED = [
    "The outage hurt riders most in the evening.",
    "Downtime hurts riders most on match days.",
    "The outage mattered most to riders at the north depot.",
    "Downtime cost the ferry company its busiest evening.",
]

_FURTHER_CLEAN = [
    "A further update will follow once the refund figures are confirmed.",
    "We will publish a further report next week.",
    "A further review of the payment logs is planned for Friday.",
]


def test_the_writers_weighing_a_question_owes_no_amount(lint_text: LintFn) -> None:
    lines = _TALK_CLEAN + _TALK_OWED
    assert _reported(lint_text, lines, "Summary") == _TALK_OWED
    assert _reported(lint_text, lines, "Why it took so long") == _TALK_OWED


def test_the_responders_load_as_a_circumstance_owes_no_amount(lint_text: LintFn) -> None:
    lines = _LOAD_CLEAN + _LOAD_OWED
    assert _reported(lint_text, lines, "Why it took so long") == _LOAD_OWED
    assert _reported(lint_text, _LOAD_CLEAN, "Impact") == _LOAD_CLEAN


def test_how_many_describing_a_habit_is_no_vague_count(lint_text: LintFn) -> None:
    lines = _HOW_MANY_CLEAN + _HOW_MANY_OWED
    assert _reported(lint_text, lines, "Impact") == _HOW_MANY_OWED


def test_a_system_free_of_errors_tells_no_harm(lint_text: LintFn) -> None:
    lines = _HEALTH_CLEAN + _HEALTH_OWED
    assert _reported(lint_text, lines, "What was hard") == _HEALTH_OWED


def test_an_outage_weighed_in_general_tells_no_harm(lint_text: LintFn) -> None:
    lines = _WEIGHED_CLEAN + _WEIGHED_OWED
    assert _reported(lint_text, lines, "What was hard") == _WEIGHED_OWED
    assert _reported(lint_text, lines, "Impact") == _WEIGHED_OWED


def test_further_meaning_another_is_no_amount(lint_text: LintFn) -> None:
    assert _reported(lint_text, _FURTHER_CLEAN, "Summary") == []
    assert _reported(lint_text, _FURTHER_CLEAN, "Impact") == []


_DATA_DOC = (
    "# Ferry booking outage\n\n## Impact\n\nBookings failed for 4,200 riders between 10:00 and"
    " 11:05.\n\n## Lessons\n\n{statement}\n"
)


def test_lost_data_denied_with_a_determiner_answers_pm403(lint_text: LintFn) -> None:
    answered = [
        "We did not lose any card payment data; every abandoned basket ended before payment.",
        "Our team lost none of the order history records.",
        "The clinic did not lose their patient intake records.",
    ]
    unanswered = [
        "Customers lost access to their saved playlists for an hour.",
        "We lost any chance of an early fix.",
        "The rollback lost our whole afternoon of work.",
    ]
    for statement, want in [(s, []) for s in answered] + [(s, ["PM403"]) for s in unanswered]:
        text = _DATA_DOC.format(statement=statement)
        got = [d.code for d in lint_text(text, select=["PM403"]).diagnostics]
        assert got == want, statement
