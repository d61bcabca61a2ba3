"""act35 class 1: a heading that names follow-up work in the singular or by another name
("Recommendation", as SBAR's fourth part is titled; "Next step", "Corrective action",
"Preventive measure", "Recommended actions", "Proposed changes", "Countermeasures") is the
Action Items part: PM201 finds the part, and its list items get the owner and due date
checks (PM302/PM303) as under "Action items". Look-alikes: a heading where the word names
a system or a story ("Recommendation engine latency", "Next step function timeouts",
"Corrective action taken", "Countermeasures already in place") names no such part. Every
sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.templates import load_template

#: headings of follow-up work that the vocabulary lists since act35 (and the plurals that
#: were there before, for contrast)
FOLLOW_UP = [
    "Recommendation",
    "Recommendations",
    "Recommendation for the depot managers",
    "Recommendation and owners",
    "Next step",
    "Next steps",
    "Corrective action",
    "Corrective actions",
    "Preventive measure",
    "Preventative action",
    "Remedial action",
    "Corrective measure",
    "Followups",
    "Follow-up items",
    "Recommended actions",
    "Recommended next steps",
    "Proposed changes",
    "Planned actions",
    "Countermeasures",
    "4. Recommendation",
]

#: headings that only hold one of those words: a system, a story or defences in place
NOT_FOLLOW_UP = [
    "Recommendation engine latency",
    "Recommendation service",
    "Recommendation API errors",
    "Next step function timeouts",
    "Corrective action taken",
    "Preventive action taken",
    "Countermeasures already in place",
    "DDoS countermeasures",
]


@pytest.mark.parametrize("heading", FOLLOW_UP)
def test_a_follow_up_heading_names_the_action_items(heading: str) -> None:
    assert load_template("standard").canonical_section(heading) == "action-items", heading


@pytest.mark.parametrize("heading", NOT_FOLLOW_UP)
def test_a_heading_holding_the_word_otherwise_is_no_action_items(heading: str) -> None:
    template = load_template("standard")
    assert template.canonical_section(heading) != "action-items", heading
    assert "action-items" not in template.concepts_in(heading), heading


_HANDOVER = (
    "# Depot handover sheets not printed, 2026-10-14\n\n"
    "## Situation\n\nThe night depot printed no handover sheets between 22:10 and 23:40;"
    " 31 buses left without one. No data was lost.\n\n"
    "## Background\n\nThe print spooler moved to a new host on 2026-10-12.\n\n"
    "## Assessment\n\nThe new host had no route to the depot printer subnet.\n\n"
)

_ITEMS = (
    "1. Add a spooler queue-age alert that pages the depot on-call after 10 minutes."
    " Owner: Tomasz Lewandowski. Due: 2026-11-06. Priority: High.\n"
    "2. Move the printer subnet route into the host build template."
    " Owner: Ines Carvalho. Due: 2026-11-20. Priority: Medium.\n"
    "3. Add a printed-sheet count to the depot shift checklist.\n"
)


@pytest.mark.parametrize(
    "heading", ["Recommendation", "Next step", "Corrective action", "Countermeasures"]
)
def test_an_sbar_recommendation_is_the_action_items_part(lint_text: LintFn, heading: str) -> None:
    """An SBAR write-up's "Recommendation" (and its kin) holds the action items: no
    "Missing part: Action Items", and the untracked third item gets PM302 and PM303."""
    text = f"{_HANDOVER}## {heading}\n\n{_ITEMS}"
    diags = lint_text(text, select=["PM201", "PM302", "PM303"]).diagnostics
    assert not [d for d in diags if d.code == "PM201" and "Action Items" in d.message]
    third = text.index("Add a printed-sheet count")
    on_third = {d.code for d in diags if third <= d.start < third + 40}
    assert on_third == {"PM302", "PM303"}
    first = text.index("Add a spooler")
    assert not [d for d in diags if first <= d.start < third and d.code != "PM302"]


def test_a_recommendation_engine_heading_leaves_the_part_missing(lint_text: LintFn) -> None:
    text = (
        f"{_HANDOVER}## Recommendation engine latency\n\nThe engine answered in 40 ms"
        " throughout; it played no part.\n"
    )
    diags = lint_text(text, select=["PM201"]).diagnostics
    assert [d for d in diags if d.code == "PM201" and "Action Items" in d.message]
