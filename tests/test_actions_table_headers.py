"""Action tables known by other header words (act39): a plan's first column headed by
the change it makes ("Change", "Fix", "Step"), named so in a follow-up section or beside a
Priority column, remediation and mitigation steps, and a ticket column named by what it
tracks ("Tracking ref.", "Ticket no.") or found by its cells, each row its own reference
("WO-31-0204"). Look-alikes that stay no action table: a change log in a Root cause
section, a table of deploys in the Timeline, the steps of a recovery procedure; a column
repeating the incident's own id, or numbering the rows "#1", "#2", is no ticket column.
Every table is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Water depot telemetry outage\n\n**Status:** Final\n\n## Summary\n\n"
    "Telemetry from 14 pumping sites stopped from 03:10 to 04:40 UTC on 2 May 2026.\n\n"
)


def _codes(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM304", "PM305"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


PLANS = [
    ("What we're changing", "| Change | Tracking | Priority | Due | Owner |"),
    ("Follow-up work", "| Fix | Ticket | Priority | Due | Owner |"),
    ("Next steps", "| Step | Ticket | Priority | Due | Owner |"),
    ("Remediation", "| Remediation step | Ticket | Priority | Due | Owner |"),
    ("Corrective actions", "| Mitigation | Ticket | Priority | Due | Owner |"),
    ("Background", "| Change | Ticket | Priority | Due | Owner |"),
]


@pytest.mark.parametrize(("section", "header"), PLANS)
def test_a_plan_headed_by_its_change_is_the_action_table(
    lint_text: LintFn, section: str, header: str
) -> None:
    text = (
        f"{_HEAD}## {section}\n\n{header}\n|---|---|---|---|---|\n"
        "| Page the depot desk when a site sends nothing for 10 minutes | OPS-410 | P1 |"
        " 2026-06-01 | Ilse Brandt |\n"
        "| Keep a spare modem at each of the 14 sites | OPS-411 | P2 | | Ilse Brandt |\n"
    )
    assert _codes(lint_text, text) == [("PM303", "Keep a spare modem at each of the 14 sites")]


RECORDS = [
    (
        "Root cause",
        "| When | Change | Who |\n|---|---|---|\n"
        "| 2026-04-28 | Raised the modem keep-alive to 300 s | Ilse Brandt |\n"
        "| 2026-04-30 | Moved the depot gateway to a new VLAN | Omar Haddad |\n",
    ),
    (
        "Timeline",
        "| Date | Change | Ticket |\n|---|---|---|\n"
        "| 2026-04-28 | Raised the modem keep-alive to 300 s | CHG-881 |\n"
        "| 2026-04-30 | Moved the depot gateway to a new VLAN | CHG-884 |\n",
    ),
    (
        "Recovery",
        "| Step | Command | Who |\n|---|---|---|\n"
        "| Restart the gateway service on the depot host | `systemctl restart gw` | Omar |\n"
        "| Confirm that all 14 sites report again | `gwctl sites` | Omar |\n",
    ),
]


@pytest.mark.parametrize(("section", "table"), RECORDS, ids=[s for s, _ in RECORDS])
def test_a_change_log_or_a_procedure_is_no_action_table(
    lint_text: LintFn, section: str, table: str
) -> None:
    assert _codes(lint_text, f"{_HEAD}## {section}\n\n{table}") == []


def _tracked(header: str, refs: tuple[str, str]) -> str:
    return (
        f"{_HEAD}## Corrective actions\n\n| Action | {header} | Priority | Due | Owner |\n"
        "|---|---|---|---|---|\n"
        f"| Page the depot desk when a site sends nothing for 10 minutes | {refs[0]} | P1 |"
        " 2026-06-01 | Ilse Brandt |\n"
        f"| Keep a spare modem at each of the 14 sites | {refs[1]} | P2 | 2026-06-15 |"
        " Ilse Brandt |\n"
    )


@pytest.mark.parametrize(
    ("header", "refs"),
    [
        ("Tracking ref.", ("WO-31-0204", "WO-31-0205")),
        ("Ticket no.", ("OPS-410", "OPS-411")),
        ("Work order no.", ("WO-31-0204", "WO-31-0205")),
        ("Job card", ("WO-31-0204", "WO-31-0205")),
        ("Follow-through", ("#5120", "#5133")),
    ],
)
def test_a_ticket_column_by_another_name_or_by_its_cells(
    lint_text: LintFn, header: str, refs: tuple[str, str]
) -> None:
    assert _codes(lint_text, _tracked(header, refs)) == []


@pytest.mark.parametrize(
    ("header", "refs"),
    [("Incident", ("INC-2291", "INC-2291")), ("Row", ("#1", "#2"))],
)
def test_the_incident_id_or_row_numbers_are_no_ticket_column(
    lint_text: LintFn, header: str, refs: tuple[str, str]
) -> None:
    [(code, span)] = _codes(lint_text, _tracked(header, refs))
    assert code == "PM304"
    assert span.startswith("| Action | ")
