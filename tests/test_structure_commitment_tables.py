"""act42: a table that tracks the work with an Owner and a Due column is the document's
action list whatever its heading ("Our promises", "What we will do") or the name of its
first column ("Commitment"): PM201 does not call the Action Items part missing, and
PM302/PM303 read its rows. Look-alikes: a table of service levels promised to customers
(no owner, no due date) and a timeline table naming who did what. Every sentence is our
own."""

from __future__ import annotations

import pytest
from conftest import LintFn
from test_structure_forms import missing

_HEAD = (
    "# Ferry booking site refused payments\n\n**Date:** 2026-03-04\n**Authors:** Noor Aziz\n"
    "**Status:** Final\n**Severity:** SEV-2\n**Duration:** 2 hours\n\n"
    "## Summary\n\nCard payments failed for two hours after a certificate expired.\n\n"
    "## Impact\n\n1,240 bookings could not be paid for.\n\n"
    "## Root Cause\n\nThe payment gateway certificate expired on a Sunday.\n\n"
)


@pytest.mark.parametrize(
    ("heading", "column"),
    [
        ("What we will do", "Commitment"),
        ("Our promises", "Commitments"),
        ("Looking ahead", "Action"),
    ],
)
def test_a_table_with_owner_and_due_is_the_action_items_part(heading: str, column: str) -> None:
    doc = (
        f"{_HEAD}## {heading}\n\n| {column} | Owner | Due |\n|---|---|---|\n"
        "| Alert 30 days before any gateway certificate expires | Noor Aziz | 2026-04-01 |\n"
        "| Move certificate renewal into the deploy pipeline | Tom Becker | 2026-05-15 |\n"
    )
    assert "action-items" not in missing(doc)


@pytest.mark.parametrize(
    "body",
    [
        # promises to customers: no owner, no due date
        "## Our commitments\n\n| Service | Commitment |\n|---|---|\n"
        "| Bookings | 99.9% monthly availability |\n| Refunds | Paid within 5 days |\n",
        # a timeline table naming who did what is no action list
        "## Timeline\n\n| Time | Event | Who |\n|---|---|---|\n"
        "| 09:10 | Payments start failing | - |\n| 09:40 | Certificate renewed | Tom |\n",
    ],
)
def test_tables_without_tracked_work_leave_the_part_missing(body: str) -> None:
    assert "action-items" in missing(f"{_HEAD}{body}")


def test_a_commitment_table_rows_are_read_for_owner_and_due(lint_text: LintFn) -> None:
    text = (
        f"{_HEAD}## What we will do\n\n| Commitment | Owner | Due |\n|---|---|---|\n"
        "| Alert 30 days before any gateway certificate expires | Noor Aziz | 2026-04-01 |\n"
        "| Move certificate renewal into the deploy pipeline | Tom Becker | |\n"
    )
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [
        ("PM303", "Move certificate renewal into the deploy pipeline")
    ]
