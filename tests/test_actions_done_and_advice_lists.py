"""Lists read as work by their content (most items open with a verb) that are no follow-up
work of the writers: the steps the responders already took, under a heading that says so
("What we did", "Remediation performed", "What we've done so far"), and advice to the
customers under a heading addressed to them ("Customer actions", "What you should do",
"Recommendations for customers"). Neither draws PM301/PM306. Look-alikes that stay judged:
the same imperatives under Lessons or a heading of no known kind, vague past steps under a
heading that says nothing of them ("The weeks after"), and the team's own work under a
customer word ("Customer-facing improvements"). Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Tram signals dark on line 4\n\n## Summary\n\n"
    "Signals on line 4 went dark for 50 minutes on 2026-03-02; 31 trams were held.\n\n"
)

_ACTIONS = (
    "\n## Action items\n\n- Add a heartbeat alarm on the interlocking. Owner: @ines."
    " Due: 2026-05-01. Priority: P1. Ticket: TRM-88\n"
)

_CODES = ["PM301", "PM302", "PM303", "PM304", "PM305", "PM306"]


def _found(lint_text: LintFn, heading: str, items: str) -> list[tuple[str, str]]:
    text = f"{_HEAD}## {heading}\n\n{items}{_ACTIONS}"
    diags = lint_text(text, select=_CODES).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


DONE_STEPS = (
    "- Reviewed every interlocking log for the four junctions.\n"
    "- Rotated the radio keys on both depot controllers.\n"
    "- Improved the logging on the trackside units before the restart.\n"
    "- Looked into the vendor's firmware notes with their engineer.\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "What we did",
        "Remediation performed",
        "Steps we took",
        "What we've done so far",
        "What we did to restore service",
    ],
)
def test_steps_already_taken_are_no_action_items(lint_text: LintFn, heading: str) -> None:
    assert _found(lint_text, heading, DONE_STEPS) == []


def test_a_done_heading_covers_steps_not_told_in_the_past(lint_text: LintFn) -> None:
    items = (
        "- Review of every interlocking log for the four junctions.\n"
        "- Look-through of the vendor's firmware notes with their engineer.\n"
        "- Rotate the radio keys on both depot controllers (done at 11:20).\n"
    )
    assert _found(lint_text, "What we did", items) == []


ADVICE = (
    "- Check your journey history for missed check-outs on 2 March.\n"
    "- Consider switching to the app for live service notices.\n"
    "- Look into the refund form on our website if you were delayed.\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "Customer actions",
        "What you should do",
        "What you can do",
        "Recommendations for customers",
        "Recommended steps for users",
    ],
)
def test_advice_to_customers_is_no_action_item(lint_text: LintFn, heading: str) -> None:
    assert _found(lint_text, heading, ADVICE) == []


WISHES = (
    "- Review the interlocking logs more often.\n"
    "- Consider a second radio link for the depot.\n"
    "- Improve the logging on the trackside units.\n"
)


@pytest.mark.parametrize("heading", ["Lessons learned", "Discussion", "Next quarter"])
def test_open_wishes_in_a_list_stay_vague(lint_text: LintFn, heading: str) -> None:
    found = _found(lint_text, heading, WISHES)
    assert {span.split()[0] for code, span in found if code == "PM301"} >= {
        "Consider",
        "Improve",
    }, found


def test_past_steps_under_a_heading_of_no_known_kind_stay_judged(lint_text: LintFn) -> None:
    # work after the incident, told in the past but vague, is still worth a finding
    found = _found(lint_text, "The weeks after", DONE_STEPS)
    assert any(code == "PM301" and span.startswith("Improved") for code, span in found), found


def test_advice_to_our_own_team_under_a_customer_word_stays_work(lint_text: LintFn) -> None:
    found = _found(lint_text, "Customer-facing improvements", WISHES)
    assert any(code == "PM301" for code, _ in found), found


#: act43: what went well, told in bullets that open with a word that is also a verb
#: ("Clear", "Snapshot", "Rotating"): observations, no work items by their content
WENT_WELL = (
    "- Clear single controller on the bridge; nobody pushed changes during recovery.\n"
    "- Snapshot of the interlocking state taken before the restart.\n"
    "- Rotating the radio keys took four minutes, as the runbook says.\n"
)


@pytest.mark.parametrize("heading", ["What went well", "Things that helped"])
def test_observations_of_what_went_well_are_no_work_items(lint_text: LintFn, heading: str) -> None:
    assert _found(lint_text, heading, WENT_WELL) == []


def test_a_vague_imperative_among_what_went_well_is_still_judged(lint_text: LintFn) -> None:
    items = WENT_WELL + "- Improve the trackside logging.\n- Be more careful with key pushes.\n"
    found = _found(lint_text, "What went well", items)
    assert [code for code, _ in found] == ["PM301", "PM306"], found


#: notes after the action items that ask and answer at once ("Did …? No, …") or open with
#: a past participle: no list of work, however many of them open with "did"
ANSWERED_NOTES = (
    "- Did any tram lose its route data? No, every unit reloaded it from the depot at 06:10.\n"
    "- Were the crossing barriers affected? They run on a separate circuit and stayed up.\n"
    "- Estimated number of held departures from the dispatch log: 31.\n"
)
#: work items under the same kind of heading, with a question of each sort among them
WORK_WITH_QUESTIONS = (
    "- Add a dark-signal alarm to the control room board.\n"
    "- Move the interlocking logs to the central store.\n"
    "- Did the spare controller boot? Yes, in four minutes.\n"
    "- Should we page the depot on a single dark junction?\n"
    "- Write a restart runbook for the trackside units.\n"
)


def test_questions_answered_in_notes_are_no_action_items(lint_text: LintFn) -> None:
    assert _found(lint_text, "Notes", ANSWERED_NOTES) == []


def test_a_question_answered_among_work_is_no_item_an_open_one_is(lint_text: LintFn) -> None:
    found = _found(lint_text, "Next quarter", WORK_WITH_QUESTIONS)
    question = "Should we page the depot on a single dark junction?"
    assert [s for c, s in found if c == "PM301"] == [question], found
