"""Owners written as a committee's motion ("That the Head of Estates renew …") or as a
department before a link ("Finance to reconcile …"), PM301/PM302, with the real spaCy
pipeline. A committee numbers its recommendations and writes each as "That <office>
<bare verb> …": the office owns the work, the bare verb is the action, and the item has a
verb. A department's name alone ("Treasury", "Head office IT") owns work as a named team
does. The hard negatives keep their findings: a thing, a passive, the pronoun "It".
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.items import extract_fields


def _owners(item: str) -> list[str]:
    fields = extract_fields(item, 0, pack=builtin_pack())
    return [f.value for f in fields if f.name == "owner"]


MOTIONS = [
    ("That the Head of Estates renew the cooling contract by 3 March 2027.", "the Head of Estates"),
    (
        "That the Facilities Manager test the standby generator every quarter.",
        "the Facilities Manager",
    ),
    ("That Treasury publish a daily cash-position report to the board.", "Treasury"),
    (
        "that the Director of Digital Services approve a second hosting region.",
        "the Director of Digital Services",
    ),
    ("That Priya Raman draft the supplier exit plan (due 2027-01-15).", "Priya Raman"),
]

UNITS = [
    ("Head office IT to replace the expired till certificates.", "Head office IT"),
    ("Payroll will add a dry-run step before each monthly export.", "Payroll"),
    ("Group Treasury to reconcile the suspense account every Friday.", "Group Treasury"),
    ("HR to remove leavers from the badge system within one day.", "HR"),
    ("Legal to confirm the notice period in the hosting contract.", "Legal"),
]


@pytest.mark.parametrize(("item", "owner"), MOTIONS + UNITS, ids=[o for _, o in MOTIONS + UNITS])
def test_a_motion_or_a_department_names_the_owner(item: str, owner: str) -> None:
    assert _owners(item) == [owner]


NO_OWNER = [
    # the pronoun, a passive, a unit written in lower case, a report with "That"
    "It to be decided at the next review.",
    "Security to be tightened on the admin portal.",
    "finance to reconcile the suspense account every Friday.",
    "That the Head of Estates is consulted about the rack move.",
    "That change fixed the leak in the session cache.",
    "That alert should page the on-call rota.",
    "Ledger exports to include the batch number.",
]


@pytest.mark.parametrize("item", NO_OWNER)
def test_look_alikes_name_no_owner(item: str) -> None:
    assert _owners(item) == []


_REPORT = """# Payroll export outage

## Recommendations

The Board is asked to approve these recommendations.

7.1 That the Head of Payroll Operations move the export job to the resilient scheduler
by 30 April 2027 (priority: high; reference PAY-77).

7.2 That the Finance Manager add a manual fallback payment file to the bank portal by
31 May 2027 (priority: medium; reference PAY-78).

7.3 That the Directorate considers its approach to supplier oversight.
"""


def test_numbered_motions_are_items_with_owners(lint_text: LintFn) -> None:
    diags = lint_text(_REPORT, select=["PM301", "PM302"]).diagnostics
    found = [(d.code, _REPORT.count("\n", 0, d.start), d.message) for d in diags]
    lines = {line for _, line, _ in found}
    assert 6 not in lines and 9 not in lines  # owned, with a verb: no "has no verb"
    assert ("PM302", 12, "Action item has no owner") in found
    assert any(code == "PM301" and line == 12 for code, line, _ in found)  # still vague


def test_every_pack_word_of_the_motion_keys_is_read() -> None:
    """Each of ``owner-units``, ``owner-role-heads`` and ``committee-openers`` does its
    work: a unit as the subject of a link, an office by what it heads, a motion's opener."""
    fields = builtin_pack().family("actions")["fields"]
    for unit in fields["owner-units"]:
        name = unit.upper() if len(unit) <= 2 else unit.capitalize()
        assert _owners(f"{name} to add a check on the export size.") == [name]
    for head in fields["owner-role-heads"]:
        office = f"{head.capitalize()} Payments"
        assert _owners(f"Owner: {office}. Add a check on the export size.") == [office]
    for opener in fields["committee-openers"]:
        item = f"{opener.capitalize()} the Payments Manager add a check on the export size."
        assert _owners(item) == ["the Payments Manager"]
