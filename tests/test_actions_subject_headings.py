"""A heading that explains the incident's subject when that subject is a queue's
backlog ("Why the backlog grew", "How the backlog formed", "Causes of the backlog") is no
action-items section: its bullets are discussion, not items missing an owner, a due date
or a priority. Headings that name a team's backlog of follow-up work ("Backlog",
"Follow-up backlog", "Action backlog", "Engineering backlog", "How we will work off the
action backlog") stay action sections. So does a look back at work filed before the
incident ("Backlog check", "Review of the backlog"): its bullets are past tickets."""

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


# Atlassian's "Backlog check" section asks whether work already filed before the incident
# would have prevented it: its bullets are those past tickets, not new action items.
_PAST_TICKETS = (
    "- RLY-204, a lag alert for the relay queue, was filed in August and never scheduled.\n"
    "- RLY-188 (raise the consumer cap) was closed as a duplicate in June.\n"
    "- Nothing else in the backlog touched the relay consumers.\n"
)


def _ticket_codes(lint_text: LintFn, heading: str) -> set[str]:
    text = (
        "# Relay queue outage\n\n## Summary\n\nThe relay queue stalled for 50 minutes on "
        f"2026-11-20 and 4,000 events waited.\n\n## {heading}\n\n{_PAST_TICKETS}"
    )
    a = text.index(f"## {heading}")
    codes = ["PM301", "PM302", "PM303", "PM304", "PM305"]
    return {d.code for d in lint_text(text, select=codes).diagnostics if d.start >= a}


@pytest.mark.parametrize(
    "heading",
    [
        "Backlog check",
        "Backlog Check",
        "5. Backlog review",
        "Review of the backlog",
        "Backlog check: was this already filed?",
        "Was the backlog checked?",
    ],
)
def test_a_look_back_at_the_backlog_holds_no_action_items(lint_text: LintFn, heading: str) -> None:
    assert _ticket_codes(lint_text, heading) == set()


def test_every_look_back_word_keeps_a_backlog_heading_out() -> None:
    """Each ``look-back-heading-words`` entry, after "Backlog", makes no action heading."""
    from pm_lsp.policy.rulepack import builtin_pack
    from pm_lsp.rules.actions.items import _words

    pack = builtin_pack()
    words = _words(pack)
    found = [w for w in pack.words("actions", "look-back-heading-words")]
    assert found
    assert [w for w in found if words.is_action_title(f"Backlog {w}")] == []


@pytest.mark.parametrize(
    "heading",
    [
        "Action items",
        "Follow-ups",
        "Remediation",
        "Next steps",
        "Backlog",
        "Backlog of new items",
        "Backlog check and action items",
        "Follow-up review items",
    ],
)
def test_action_headings_beside_a_look_back_stay_action_headings(
    lint_text: LintFn, heading: str
) -> None:
    assert {"PM302", "PM303"} <= _ticket_codes(lint_text, heading)
