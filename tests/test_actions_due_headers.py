"""An action table's date column named as a question or as the finish ("By when",
"Complete by", "Completion date") is its Due column (PM303): the table-wide "no Due column"
and its fix (a second date column) do not appear, and a row whose cell holds no date is
still asked for one. Look-alikes: a column that says when something happened ("When
discovered", "Date raised", "Last updated") is no Due column."""

from __future__ import annotations

import pytest
from conftest import LintFn

MISSING = "Action-item table has no Due column"


def _table(header: str) -> str:
    return (
        "# Kiosk printer outage\n\n## Action items\n\n"
        f"| Task | Owner | Priority | {header} | Ticket |\n|---|---|---|---|---|\n"
        "| Add a paper-jam alert to the kiosk monitor | Rui Costa | P2 | 2027-02-10 | KSK-41 |\n"
        "| Pin the printer driver version in the image | Mei Tan | P1 | 2027-01-22 | KSK-42 |\n"
    )


@pytest.mark.parametrize(
    "header",
    [
        "By when",
        "By When?",
        "Complete by",
        "Done by",
        "Completion date",
        "Target completion",
        "Due on",
        "Target date",
        "Deadline",
        "ETA",
    ],
)
def test_a_finish_date_column_is_the_due_column(lint_text: LintFn, header: str) -> None:
    diags = lint_text(_table(header), select=["PM303"]).diagnostics
    assert diags == []


def test_a_row_under_by_when_without_a_date_is_still_asked(lint_text: LintFn) -> None:
    row = "| Train the desk staff on the reset | Rui Costa | P3 | soon | KSK-43 |\n"
    text = _table("By when") + row
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert MISSING not in [d.message for d in diags]
    assert [text[d.start : d.end] for d in diags] == ["soon"]


@pytest.mark.parametrize("header", ["When discovered", "Date raised", "Last updated", "When found"])
def test_a_column_of_when_something_happened_is_no_due_column(
    lint_text: LintFn, header: str
) -> None:
    diags = lint_text(_table(header), select=["PM303"]).diagnostics
    assert [d.message for d in diags] == [MISSING]
