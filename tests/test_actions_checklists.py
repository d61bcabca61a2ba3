"""A run of checkboxes is follow-up work by its form, except where the document says it is a
checklist of something else: an Impact, Summary or Timeline section ticking off what was
assessed, or a checklist about the write-up under its own heading ("Closing checklist",
"Definition of done", "Sign-off"), even inside an action section. Such lines draw no
PM301-PM305 and do not count in the owner summary, while their placeholders stay the
structure family's (PM202). Look-alikes that stay items: the same boxes under an action
heading, under a heading that names the work ("Remediation checklist"), or under a heading
of no known kind ("### Long term"). Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_CODES = ["PM301", "PM302", "PM303", "PM304", "PM305", "PM306"]

_HEAD = (
    "# Parcel locker doors jammed\n\n"
    "**Severity:** SEV2\n\n"
    "## Summary\n\nA firmware push left 140 parcel lockers with jammed doors from 07:10 to"
    " 09:40 UTC; 2,300 pickups were delayed. No parcels were lost.\n\n"
)

_ACTIONS = (
    "## Action items\n\n"
    "- [ ] Add a door-motor self-test to the firmware canary. Owner: @ines."
    " Due: 2026-05-02. Priority: P1. Ticket: LCK-310\n"
    "- [ ] Better testing for older lockers\n"
)

_PROCESS = (
    "- [x] Locker operators notified\n"
    "- [ ] Refund totals confirmed by finance\n"
    "- [ ] Lessons section written\n"
    "- [x] Root cause agreed in the review\n"
)


def _codes_on(text: str, diags: list, words: str) -> set[str]:
    at = text.index(words)
    return {d.code for d in diags if at <= d.start < at + len(words)}


@pytest.mark.parametrize(
    "heading",
    [
        "## Checklist before closing",
        "## Closing checklist",
        "## Review checklist",
        "## Definition of done",
        "## Sign-off",
        "## Action items\n\n- [ ] Add a door-motor alarm. Owner: @kofi. Due: 2026-05-09."
        " Priority: P2. Ticket: LCK-311\n\n### Definition of done",
    ],
)
def test_a_checklist_of_the_write_up_holds_no_action_items(lint_text: LintFn, heading: str) -> None:
    text = f"{_HEAD}{_ACTIONS}\n{heading}\n\n{_PROCESS}"
    diags = list(lint_text(text, select=_CODES).diagnostics)
    for line in _PROCESS.splitlines():
        assert _codes_on(text, diags, line) == set(), line
    # the real action list still counts its own items only
    summary = [d.message for d in diags if d.code == "PM302" and "without an owner" in d.message]
    assert summary == [] or all("of 2" in m or "of 3" in m for m in summary)
    assert {"PM301", "PM302", "PM303"} <= _codes_on(text, diags, "Better testing for older")


@pytest.mark.parametrize("section", ["Impact", "Summary of impact", "Timeline", "Detection"])
def test_a_checklist_among_the_incident_facts_holds_no_action_items(
    lint_text: LintFn, section: str
) -> None:
    facts = (
        "- [x] Lockers affected: 140, all in the north depot\n"
        "- [x] Pickups delayed: 2,300\n"
        "- [ ] Refund cost: TBD\n"
    )
    text = f"{_HEAD}## {section}\n\n{facts}\n{_ACTIONS}"
    diags = list(lint_text(text, select=_CODES).diagnostics)
    for line in facts.splitlines():
        assert _codes_on(text, diags, line) == set(), line
    owners = [d.message for d in diags if d.code == "PM302" and "without an owner" in d.message]
    assert all("1 of 2" in m for m in owners), owners


def test_the_placeholder_in_an_impact_checklist_is_still_found(lint_text: LintFn) -> None:
    text = f"{_HEAD}## Impact\n\n- [x] Lockers affected: 140\n- [ ] Refund cost: TODO\n\n{_ACTIONS}"
    diags = list(lint_text(text, select=["PM202", *_CODES]).diagnostics)
    at = text.index("TODO")
    assert [(d.code, d.start, d.end) for d in diags if d.start <= at < d.end] == [
        ("PM202", at, at + 4)
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "## Corrective actions",
        "## Remediation checklist",
        "## Follow-up checklist",
        "## Corrective actions\n\n### Long term",
    ],
)
def test_checkboxes_of_follow_up_work_stay_action_items(lint_text: LintFn, heading: str) -> None:
    items = (
        "- [ ] Add a door-motor alarm. Owner: @kofi. Due: 2026-05-09. Priority: P2.\n"
        "- [ ] Better testing for older lockers\n- [ ] Spare door motors at each depot\n"
    )
    text = f"{_HEAD}{heading}\n\n{items}"
    diags = list(lint_text(text, select=_CODES).diagnostics)
    assert {"PM301", "PM302", "PM303"} <= _codes_on(text, diags, "Better testing for older")
    assert {"PM302", "PM303"} <= _codes_on(text, diags, "Spare door motors")


def test_a_task_list_under_a_heading_of_no_known_kind_stays_follow_up_work(
    lint_text: LintFn,
) -> None:
    items = (
        "- [ ] Add a door-motor alarm. Owner: @kofi. Due: 2026-05-09. Priority: P2.\n"
        "- [ ] Better testing for older lockers\n- [ ] Spare door motors at each depot\n"
    )
    text = f"{_HEAD}## What we will do\n\n### Long term\n\n{items}"
    diags = list(lint_text(text, select=_CODES).diagnostics)
    assert {"PM302", "PM303"} <= _codes_on(text, diags, "Spare door motors")
