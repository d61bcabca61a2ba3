"""act35 class 2: the completeness checks (PM302/PM303) and the wording checks (PM301/PM306)
agree on a list the writers track. A list under a heading that names no follow-up part
("Where we go from here", "Suggestions", "What could have gone better") whose items carry
an owner and a due date on two of them or more is the document's action list: its
untracked items get PM302/PM303 as well as the vague-wording findings. Look-alikes: such a
list with one tracked item or none (proposals, judged for their wording only), the same
fields in a timeline, under a heading of work done, or in a checkbox list (its own
region). Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Ferry ticket gates stuck closed, 2026-09-03\n\n"
    "## Summary\n\nThe ticket gates at the north pier stayed closed from 06:05 to 06:50;"
    " 212 passengers were let through by hand. No data was lost.\n\n"
)

_TRACKED = (
    "1. Add a gate-state alarm that pages the pier supervisor after 3 minutes closed."
    " Owner: Maren Solberg. Due: 2026-10-01.\n"
    "2. Keep a spare gate controller at the north pier. Owner: Kofi Mensah."
    " Due: 2026-10-15.\n"
    "3. Pier attendants should be told to watch the gates more closely.\n"
    "4. Put the controller firmware version on the morning checklist.\n"
)

_CODES = ["PM301", "PM302", "PM303", "PM306"]


def _on(text: str, diags: list, words: str) -> set[str]:
    at = text.index(words)
    return {d.code for d in diags if at <= d.start < at + len(words)}


@pytest.mark.parametrize(
    "heading", ["Where we go from here", "Suggestions", "What could have gone better"]
)
def test_a_tracked_list_under_any_heading_gets_the_completeness_checks(
    lint_text: LintFn, heading: str
) -> None:
    text = f"{_HEAD}## {heading}\n\n{_TRACKED}"
    diags = list(lint_text(text, select=_CODES).diagnostics)
    people = _on(text, diags, "Pier attendants should be told")
    assert {"PM302", "PM303"} <= people and people & {"PM301", "PM306"}
    assert {"PM302", "PM303"} <= _on(text, diags, "Put the controller firmware")
    assert _on(text, diags, "Add a gate-state alarm") == set()
    assert _on(text, diags, "Keep a spare gate") == set()


@pytest.mark.parametrize(
    ("heading", "items"),
    [
        # one tracked item only: proposals, not a tracked list
        (
            "Suggestions",
            "- Add a gate-state alarm. Owner: Maren Solberg. Due: 2026-10-01.\n"
            "- Pier attendants should be told to watch the gates more closely.\n"
            "- Put the controller firmware version on the morning checklist.\n",
        ),
        # owners without due dates: a roster, not tracked work
        (
            "Who looks after the gates",
            "- North pier gates. Owner: Maren Solberg.\n"
            "- South pier gates. Owner: Kofi Mensah.\n"
            "- Gate firmware. Owner: Lea Brandt.\n",
        ),
        # work already done, with its owner and the day it was finished
        (
            "Immediate actions (completed)",
            "- Reset the north pier controller. Owner: Maren Solberg. Due: 2026-09-03.\n"
            "- Opened the gates by hand. Owner: Kofi Mensah. Due: 2026-09-03.\n"
            "- Pier attendants should be told to watch the gates more closely.\n",
        ),
        # the timeline records who did what and when
        (
            "Timeline",
            "- 06:05 gates close. Owner: Maren Solberg. Due: 2026-09-03.\n"
            "- 06:20 supervisor paged. Owner: Kofi Mensah. Due: 2026-09-03.\n"
            "- 06:50 gates open again.\n",
        ),
    ],
)
def test_an_untracked_list_gets_no_completeness_checks(
    lint_text: LintFn, heading: str, items: str
) -> None:
    text = f"{_HEAD}## {heading}\n\n{items}"
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    assert diags == [], [(d.code, text[d.start : d.end]) for d in diags]
