"""A heading that explains the incident's subject when that subject is a queue's
backlog ("Why the backlog grew", "How the backlog formed", "Causes of the backlog") is no
action-items section: its bullets are discussion, not items missing an owner, a due date
or a priority. Headings that name a team's backlog of follow-up work ("Backlog",
"Follow-up backlog", "Action backlog", "Engineering backlog", "How we will work off the
action backlog") stay action sections."""

from __future__ import annotations

import pytest
from conftest import LintFn

_BULLETS = (
    "- The relay consumer pool was capped at four workers.\n"
    "- Retries went back to the head of the relay queue.\n"
    "- Add a lag alert on the relay queue\n"
)


def _codes(lint_text: LintFn, heading: str) -> set[str]:
    text = (
        "# Relay queue outage\n\n## Summary\n\nThe relay queue stalled for 50 minutes on "
        f"2026-11-20 and 4,000 events waited.\n\n## {heading}\n\n{_BULLETS}"
    )
    a = text.index(f"## {heading}")
    codes = ["PM301", "PM302", "PM303", "PM305"]
    return {d.code for d in lint_text(text, select=codes).diagnostics if d.start >= a}


@pytest.mark.parametrize(
    "heading",
    ["3. Why the backlog grew", "How the backlog formed", "Causes of the relay backlog"],
)
def test_a_heading_that_explains_a_queue_backlog(lint_text: LintFn, heading: str) -> None:
    assert _codes(lint_text, heading) == set()


@pytest.mark.parametrize(
    "heading",
    [
        "Backlog",
        "Follow-up backlog",
        "Action backlog",
        "Engineering backlog",
        "How we will work off the action backlog",
    ],
)
def test_a_heading_that_names_a_backlog_of_work(lint_text: LintFn, heading: str) -> None:
    assert {"PM302", "PM303"} <= _codes(lint_text, heading)
