"""PM301's "names a way of working" on a document-like noun ("plan", "guidelines") that is
one document the team keeps: definite and named by what it is for ("Update the capacity
plan with a 3x headroom target", "add the step to our rollback plan"). Such an item
changes an artefact. Look-alikes that stay vague: a plan being founded ("Create a plan
for capacity", "Establish the escalation plan": ``founding-verbs``), "Have a plan"."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _abstract(lint_text: LintFn, item: str) -> bool:
    fields = "(@kofi, due 2026-06-01, P2, DEP-9)"
    text = f"# Depot scanner outage\n\n## Action items\n\n- {item} {fields}\n"
    a = text.index(item)
    diags = lint_text(text, select=["PM301"]).diagnostics
    return any(a <= d.start < a + len(item) and "way of working" in d.message for d in diags)


@pytest.mark.parametrize(
    "item",
    [
        "Update the capacity plan with a 3x headroom target for the depot scanners",
        "Add a scanner swap step to our rollback plan",
        "Extend the depot continuity plan to cover the night shift",
    ],
)
def test_a_named_document_is_an_artefact(lint_text: LintFn, item: str) -> None:
    assert not _abstract(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Create a plan for scanner capacity",
        "Have a plan for the depot scanners",
        "Establish the escalation plan",
        "Make the plan for depot scanners",
    ],
)
def test_a_way_of_working_stays_vague(lint_text: LintFn, item: str) -> None:
    assert _abstract(lint_text, item)


#: items written in note style, with no article: a named document after a verb that
#: changes one is that document; a founding verb, a wish and a bare noun are still vague
NOTE_STYLE = [
    ("Extend kiosk test plan to include a cold-start case", False),
    ("Update depot rollback plan with the scanner swap step", False),
    ("Add the night-shift case to depot recovery plan", False),
    ("Establish escalation plan", True),
    ("Create scanner test plan for the depots", True),
    ("Need scanner test plan for the depots", True),
    ("Extend plan", True),
    ("Update plans", True),
]


def test_a_named_document_written_without_an_article(lint_text: LintFn) -> None:
    fields = "(@kofi, due 2026-06-01, P2, DEP-9)"
    items = "".join(f"- {item} {fields}\n" for item, _ in NOTE_STYLE)
    text = f"# Depot scanner outage\n\n## Action items\n\n{items}"
    diags = lint_text(text, select=["PM301"]).diagnostics
    for item, vague in NOTE_STYLE:
        a = text.index(item)
        found = any(a <= d.start < a + len(item) and "way of working" in d.message for d in diags)
        assert found == vague, item
