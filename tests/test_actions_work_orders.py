"""Tickets kept in operations and facilities trackers (PM304): an id in several parts
("work order RD-2026-0412"), a plain number after the name of its kind ("work request
88012", ``ticket-cues``), and a "Work order" column. Look-alikes that name no ticket: a
count after the same words ("two work orders"), a date, a number without its kind."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.items import extract_fields

FIELDS = "owner @ines, due 2026-12-01, P2"


def _ticket(item: str) -> str | None:
    fields = extract_fields(item, 0, pack=builtin_pack())
    return next((f.value for f in fields if f.name == "ticket"), None)


@pytest.mark.parametrize(
    ("item", "ticket"),
    [
        (
            f"Fit a surge guard to the pump house feed, {FIELDS} (work order RD-2026-0412)",
            "RD-2026-0412",
        ),
        (f"Reflash the crossing controllers, {FIELDS}, raised as FAC-2026-77", "FAC-2026-77"),
        (f"Re-seal the culvert grate, {FIELDS}, work request 88012", "88012"),
        (f"Swap the depot UPS battery, {FIELDS}, change request no. 812", "812"),
        (f"Replace the lift door sensor ({FIELDS}, service request #5531)", "#5531"),
        (f"Trim the verge by the signal mast, {FIELDS}, maintenance request nr. 3307", "3307"),
        (f"Patch the relay firmware, {FIELDS}, change CHG-2291", "CHG-2291"),
        (f"Book a rush-hour change freeze, {FIELDS}, WO-2291", "WO-2291"),
    ],
)
def test_an_operations_ticket_is_a_ticket(item: str, ticket: str) -> None:
    assert _ticket(item) == ticket


@pytest.mark.parametrize(
    "item",
    [
        f"Close the two work orders left open after the storm, {FIELDS}",
        f"Move 250 cones to the depot before the parade, {FIELDS}",
        f"Check the 2025-114 counters at the depot, {FIELDS}",
        f"Raise a change request for the 3 relay cabinets, {FIELDS}",
        f"Count the work orders older than 90 days, {FIELDS}",
        f"Cap each work request at 20 minutes of crew time, {FIELDS}",
    ],
)
def test_a_count_or_a_date_is_no_ticket(item: str) -> None:
    assert _ticket(item) is None


def test_every_ticket_cue_has_a_sentence() -> None:
    cues = builtin_pack().family("actions")["fields"]["ticket-cues"]
    assert cues
    for cue in cues:
        assert _ticket(f"Re-seal the culvert grate, {FIELDS}, {cue} 88012") == "88012", cue


def test_a_work_order_column_holds_the_tickets(lint_text: LintFn) -> None:
    text = (
        "# Depot outage\n\nStatus: Final\n\n## Action items\n\n"
        "| Action | Owner | Due | Priority | Work order |\n|---|---|---|---|---|\n"
        "| Add a spare modem to the depot cabinet | @bo | 2026-07-01 | P2 | 5512 |\n"
        "| Label the depot cabinet fuses | @bo | 2026-07-01 | P2 | |\n"
    )
    diags = lint_text(text, select=["PM304"]).diagnostics
    lines = [text[: d.start].count("\n") for d in diags]
    assert [d.message.startswith("Action item has no tracking ticket") for d in diags] == [True]
    assert lines == [
        text.splitlines().index("| Label the depot cabinet fuses | @bo | 2026-07-01 | P2 | |")
    ]
