"""Due dates written as a day and a month with no year, in any case ("nov 26", "Dec 3",
"due 19 december", "by dec 3"), after a due word or as a field of their own between an
item's separators: the year is the postmortem's, as with "by March 20". Look-alikes: a
month that names no date ("the May release", "a March freeze"), a version ("v3.12"), a
lower-case "may" that is a verb, and a day and month inside the action's words."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _fields(lint_text: LintFn, item: str) -> set[str]:
    """The codes PM302/PM303 give the item (the second item fills every field)."""
    text = (
        f"# Relay backlog\n\n## Action items\n\n- [ ] {item}\n"
        "- [ ] Add a CPU alert on the relays — @ana, due 2026-12-01, P1, OPS-1\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    return {d.code for d in diags if a <= d.start < a + len(item)}


@pytest.mark.parametrize(
    "item",
    [
        "pin the relay image digest in the chart — @omar — oct 14 — P1 — RLY-7",
        "Add a lag gauge to the relay board — @omar — Oct 14 — P2 — RLY-8",
        "Write a replay script for parked jobs — @ines — due feb 9 — RLY-9",
        "Route the relay lag alert to paging, @ines, by Feb 9, RLY-10",
        "Document the relay drain steps (@omar, 9 february, RLY-11)",
        "Split the relay pool by tenant | @ines | Sept 30",
        "Cap the relay retries at three (owner: @omar, due: mar 2)",
        "Alert on relay disk use, owner @ines, due dec 3.",
    ],
)
def test_a_day_and_month_without_a_year_is_a_due_date(lint_text: LintFn, item: str) -> None:
    assert "PM303" not in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Prepare the May release notes for the relay fix — @omar — RLY-12",
        "Move the relays to client v3.12 for the retry fix — @ines — RLY-13",
        "Check whether the relay may 2x its pool safely — @omar — RLY-14",
        "Replay the jobs parked on Oct 14 during the outage — @ines — RLY-15",
        "Lift the March freeze on relay changes — @omar — RLY-16",
        "Raise the relay pool to 4 — @ines — jun 2.5x — RLY-17",
    ],
)
def test_a_month_that_names_no_due_date(lint_text: LintFn, item: str) -> None:
    assert "PM303" in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "The make-good credit goes out Tuesday 11 June — @ines, P2, RLY-20",
        "Relay image rebuild ships 14 June, @omar, P1, RLY-21",
        "The new drain tool goes live Fri 3 July, @ines, P2, RLY-22",
    ],
)
def test_a_date_right_after_a_delivery_word_is_the_due_date(lint_text: LintFn, item: str) -> None:
    """A delivery word (``delivery-words``) followed at once by a date, a weekday allowed
    between: the item says when it lands."""
    assert "PM303" not in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Restart 2 relays after each deploy, @omar, P2, RLY-23",
        "The relay fix ships Friday, @ines, P1, RLY-24",
    ],
)
def test_a_count_or_a_bare_weekday_after_a_delivery_word_is_no_date(
    lint_text: LintFn, item: str
) -> None:
    assert "PM303" in _fields(lint_text, item)
