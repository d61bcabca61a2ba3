"""A heading that says what the writers are about to change ("Things we're changing", "What
we are fixing", "How we will harden the relay") is an action heading, however it is worded:
its list items are action items and get the owner, due date and priority checks
(PM302-PM305) as under "Action items". Look-alikes: what the writers did ("What we
changed", "What we have fixed"), what they observe ("What we are seeing") and how they are
doing ("How we are doing") head no list of work."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.items import is_action_label

#: one heading at least for each opener, subject and verb of ``plan-heading-*``
PLANNED = [
    "Things we're changing",
    "What we are fixing",
    "How we will harden the relay",
    "Fixes we are going to build",
    "Steps we're going to automate",
    "What we plan to improve",
    "What we intend to update",
    "What we shall remove",
    "Things I am adding",
    "What I'm addressing first",
    "What I will strengthen",
    "What I'll implement next",
    "Things we are now adjusting",
    "How we're reworking the relay rota",
    "Changes we'll tighten",
    "What we're changing",
    "Things we will change",
]

#: headings that tell what was done, seen or felt: no list of work under them
NOT_PLANNED = [
    "What we changed",
    "What we have fixed",
    "What we are seeing",
    "How we are doing",
    "Things we fixed on the night",
]


@pytest.mark.parametrize("heading", PLANNED)
def test_a_heading_of_planned_change_is_an_action_heading(heading: str) -> None:
    assert is_action_label(heading, builtin_pack())


@pytest.mark.parametrize("heading", NOT_PLANNED)
def test_a_heading_of_what_was_done_is_no_action_heading(heading: str) -> None:
    assert not is_action_label(heading, builtin_pack())


def test_every_plan_heading_word_has_a_heading() -> None:
    pack = builtin_pack()
    text = " ".join(f" {h.lower()} " for h in PLANNED)
    missing = [
        f"{key}: {w}"
        for key in ("plan-heading-openers", "plan-heading-subjects", "plan-heading-verbs")
        for w in pack.words("actions", key)
        if f" {w.lower()} " not in text
        and f" {w.lower()}ing " not in text
        and f" {w.lower()[:-1]}ing " not in text
    ]
    assert missing == []


@pytest.mark.parametrize("heading", ["Things we're changing", "What we are fixing"])
@pytest.mark.parametrize("form", ["heading", "label"])
def test_items_under_a_planned_change_get_field_checks(
    lint_text: LintFn, heading: str, form: str
) -> None:
    lead = f"## {heading}\n\n" if form == "heading" else f"## Details\n\n{heading}:\n\n"
    text = (
        "# Relay rota outage\n\n## Summary\n\nThe relay rota paged nobody for 40 minutes on"
        f" 2026-11-20.\n\n{lead}"
        "- Add a second pager to the relay rota — Priya Raman — P1 — due 2026-12-01\n"
        "- Move the rota export into the deploy pipeline\n"
    )
    item = "Move the rota export into the deploy pipeline"
    a = text.index(item)
    diags = lint_text(text, select=["PM302", "PM303", "PM305"]).diagnostics
    on_item = {d.code for d in diags if a <= d.start < a + len(item)}
    on_first = {d.code for d in diags if text.index("Add a second") <= d.start < a}
    assert on_item == {"PM302", "PM303", "PM305"}
    assert on_first == set()
