"""PM401 on sentences that tell no harm, and their look-alikes that still owe an amount.
Every sentence here is written for this file.

1. Vague durations that time a machine's own settling (an alerting signal slow to cross
   its line, devices re-linking by themselves after the fix), outside the sections where
   impact is stated; not a page slow for its users, nor a service down for a while.
2. "the most" / "the least" before a grading word: a superlative, not an amount; "most
   users" still is.
3. Harm denied to everyone ("Nobody was billed for a trip they could not begin"); not
   harm told in a clause of its own, nor "nobody could ...".
4. The cost of an option not taken, a gerund the subject of "would have" ("switching it
   off would have hurt ..."); not people the subject, nor harm in another clause.
5. A crowd told by its size as it arrives ("turned up in huge numbers"): the load; not a
   crowd that suffered.
"""

from __future__ import annotations

import pytest
from conftest import LintFn


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Locker bank outage\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


@pytest.mark.parametrize(
    ("section", "sentence"),
    [
        (
            "Detection",
            "With so few rentals at dawn, the failure ratio needed a few minutes to breach the "
            "threshold.",
        ),
        ("Detection", "It takes a while for the monitor to fire when traffic is this quiet."),
        ("Detection", "At night the error rate can take some time to cross the alert line."),
        (
            "Resolution",
            "Once the key was rotated, the lockers re-established their sessions automatically "
            "within a minute or so.",
        ),
        (
            "Resolution",
            "The scanners reconnected on their own after a couple of\nminutes, since their "
            "client backs off and retries.",
        ),
    ],
)
def test_a_machine_settling_owes_no_amount(lint_text: LintFn, section: str, sentence: str) -> None:
    assert _flagged(lint_text, section, sentence) == []


@pytest.mark.parametrize(
    ("section", "sentence", "span"),
    [
        ("Summary", "The locker app took a while to load for renters all morning.", "a while"),
        ("Resolution", "Renters reconnected within a few minutes of the fix.", "a few minutes"),
        ("Summary", "The booking site was down for a while before the alarm fired.", "for a while"),
    ],
)
def test_harm_timed_vaguely_still_owes_an_amount(
    lint_text: LintFn, section: str, sentence: str, span: str
) -> None:
    assert _flagged(lint_text, section, sentence) == [span]


@pytest.mark.parametrize(
    "sentence",
    [
        "We refilled the lockers with the most time-sensitive parcels first.",
        "Couriers started at the least used depots, which had spare bays.",
        "The sites with the most business-critical shipments were called back first.",
    ],
)
def test_a_superlative_is_no_amount(lint_text: LintFn, sentence: str) -> None:
    assert _flagged(lint_text, "Resolution", sentence) == []


def test_most_before_a_noun_still_counts(lint_text: LintFn) -> None:
    sentence = "Most renters could not open their lockers."
    assert _flagged(lint_text, "Impact", sentence) == ["Most renters"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody was billed for a locker they could not open; billing waits for the door.",
        "No one was charged for the rentals that failed to begin.",
    ],
)
def test_harm_denied_to_everyone_is_no_statement(lint_text: LintFn, sentence: str) -> None:
    assert _flagged(lint_text, "Impact", sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody was billed, but renters could not open their lockers.",
        "Nobody could open a locker at the station.",
    ],
)
def test_harm_beside_a_denial_still_owes_an_amount(lint_text: LintFn, sentence: str) -> None:
    assert _flagged(lint_text, "Impact", sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "We weighed pausing rentals, but the app wasn't at fault and switching it off would "
        "have hurt the renters whose lockers worked.",
        "Disabling the cache would have slowed every renter, so we kept it.",
    ],
)
def test_the_cost_of_an_option_not_taken_is_no_statement(lint_text: LintFn, sentence: str) -> None:
    assert _flagged(lint_text, "What we chose not to do", sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Renters trying to pay would have seen an error page.",
        "Renters could not pay, and restarting would have made it worse.",
    ],
)
def test_harm_beside_an_option_not_taken_still_owes_an_amount(
    lint_text: LintFn, sentence: str
) -> None:
    assert _flagged(lint_text, "Summary", sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Renters turned up for the opening in huge numbers, and the lockers did not cope.",
        "Huge numbers of students signed up in the first hour.",
        "Reservations arrived in large numbers once the discount went live.",
    ],
)
def test_a_crowd_arriving_is_the_load_not_the_harm(lint_text: LintFn, sentence: str) -> None:
    assert _flagged(lint_text, "Summary", sentence) == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Huge numbers of renters could not open a locker.", "Huge numbers"),
        ("Renters were locked out in large numbers.", "large numbers"),
    ],
)
def test_a_crowd_that_suffered_still_owes_a_number(
    lint_text: LintFn, sentence: str, span: str
) -> None:
    assert _flagged(lint_text, "Summary", sentence) == [span]
