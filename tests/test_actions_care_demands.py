"""PM306 on an item that makes a named person or a role take care instead of changing the
system: a causative ("make sure", "ensure", "have", "get", "make"), the person (a given
name, or a people noun or role), then a care act in any person ("rereads the failover
guide", "pays closer attention to …", "double-checks …", "to be more careful …"). Without
the name the same items were already people-fixing; with it they were not. Look-alikes:
real work given to a named owner ("Have Ines add a lint rule …", "Ask Tomas to add the
guide's link to the alert"), a thing that reads a document ("Make sure the deploy job
reads the runbook link from the config"), an assignment ("Make sure Ines owns …"), and a
person who is to be able to read ("Ensure on-call engineers can read the runbook
offline": access, a system fix)."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(item: str) -> str:
    return (
        "# Gateway failover stall\n\n## Action items\n\n"
        f"- {item}\n"
        "- Add a failover drill to the quarterly plan (@ines, due 2026-12-01, P2, GW-14)\n"
    )


@pytest.mark.parametrize(
    ("item", "act"),
    [
        ("Make sure Ines rereads the failover guide before her next shift.", "rereads the"),
        ("Ensure Tomas follows the checklist every time he rotates a key.", "follows the"),
        ("Have Ines double-check the gateway config next time.", "double-check"),
        ("Make sure Kofi double-checks each routing change.", "double-checks"),
        ("Have the duty manager pay closer attention to the change calendar.", "pay closer"),
        ("Get Tomas to be more careful with the failover switch.", "be more careful"),
        ("Make sure engineers read the runbook before a failover.", "read the runbook"),
        ("Have Marta read the procedure properly.", "read the procedure"),
    ],
)
def test_making_a_person_take_care_is_people_fixing(lint_text: LintFn, item: str, act: str) -> None:
    text = _doc(item)
    diags = lint_text(text, select=["PM306"]).diagnostics
    a = text.index(item)
    found = [d for d in diags if a <= d.start < a + len(item)]
    assert len(found) == 1, item
    assert f"'{act}" in found[0].message


@pytest.mark.parametrize(
    "item",
    [
        "Have Ines add a lint rule that rejects an empty upstream list.",
        "Ask Tomas to add the failover guide's link to the gateway alert.",
        "Make sure the deploy job reads the runbook link from the config.",
        "Make sure Ines owns the gateway config migration.",
        "Ensure on-call engineers can read the runbook offline.",
        "Have Kofi read the runbook draft and sign it off by Friday.",
        "Get Marta to write the failover checklist.",
        "Make sure Tomas has access to the gateway dashboards.",
    ],
)
def test_real_work_given_to_a_person_is_no_care_demand(lint_text: LintFn, item: str) -> None:
    text = _doc(item)
    diags = lint_text(text, select=["PM306"]).diagnostics
    a = text.index(item)
    assert not [d for d in diags if a <= d.start < a + len(item)], item


def test_care_asked_in_narrative_prose_is_left_to_the_prose_rules(lint_text: LintFn) -> None:
    """Outside an item the causative is story, not an instruction: "we had Ines double-check
    the routes" tells what was done during the response."""
    text = (
        "# Gateway failover stall\n\n## Response\n\n"
        "At 10:20 we made sure Ines reread the failover guide before the switch.\n"
    )
    assert not lint_text(text, select=["PM306"]).diagnostics
