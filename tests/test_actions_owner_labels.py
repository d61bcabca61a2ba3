"""act33 (PM302): the owner written under another label than "Owner".

Public-sector and project write-ups name the person answerable for an item as its "Lead:",
"Led by", "Accountable:" or "Point person:", in a list item or as a table column. PM302 said
such items had no owner (and the heading's summary "None of the N items has an owner"),
which is false. Hard negatives: "lead" as an ordinary word ("lead time", "lead the
review"), and a label whose value is a placeholder, keep their findings.
"""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(body: str) -> str:
    return f"# Ledger sync stalled\n\n## Action items\n\n{body}\n"


OWNED = [
    "Page the on-call when replication lags by 10 minutes. Lead: Mira Okafor. Due: "
    "2026-04-01. Priority: P1. Ticket: LED-410.",
    "Add a retry budget to the sync worker (Led by: Tomasz Wirth, due 2026-04-10, P2, LED-411).",
    "Split the nightly batch into chunks of 500 rows, led by Ines Duarte, due 2026-04-15, "
    "P2, LED-412.",
    "Write a runbook for a stalled queue. Accountable: Kofi Mensah. Due: 2026-04-20. "
    "Priority: P3. Ticket: LED-413.",
    "Remove the unused export cron. Point person: Hana Ito. Due: 2026-04-22. Ticket: LED-414.",
    "**Shorter certificate lifetimes.** Issue 30-day certificates for the intake gateway. "
    "Lead: Rosa Lind. Due: 1 May 2026. Priority: medium. Ticket: LED-415.",
]

UNOWNED = [
    "Measure the lead time for ledger fixes. Due: 2026-04-25. Priority: P3. Ticket: LED-416.",
    "Lead the quarterly restore drill for the billing replicas. Due: 2026-05-02. Ticket: LED-417.",
    "Swap the lead-acid batteries in rack 4. Due: 2026-05-03. Priority: P2. Ticket: LED-418.",
    "Rotate the sync credentials. Lead: TBD. Due: 2026-04-25. Priority: P3. Ticket: LED-419.",
    "Move the alert thresholds into config. Due: 2026-05-06. Ticket: LED-420.",
]


@pytest.mark.parametrize("item", OWNED)
def test_an_owner_under_another_label_is_the_owner(lint_text: LintFn, item: str) -> None:
    assert lint_text(_doc(f"1. {item}"), select=["PM302"]).diagnostics == []


@pytest.mark.parametrize("item", UNOWNED)
def test_lead_as_an_ordinary_word_is_no_owner(lint_text: LintFn, item: str) -> None:
    diags = lint_text(_doc(f"1. {item}"), select=["PM302"]).diagnostics
    assert [d.code for d in diags] == ["PM302"]


def test_the_summary_counts_only_items_without_any_owner(lint_text: LintFn) -> None:
    body = "\n".join(f"{i}. {t}" for i, t in enumerate(OWNED[:4] + UNOWNED[:1], 1))
    diags = lint_text(_doc(body), select=["PM302"]).diagnostics
    assert len(diags) == 1
    assert "1 of 5" in diags[0].message or diags[0].message.endswith("no owner")


@pytest.mark.parametrize("header", ["Lead", "Led by", "Point person", "Accountable"])
def test_a_lead_column_is_the_owner_column(lint_text: LintFn, header: str) -> None:
    table = (
        f"| Action | {header} | Due | Priority | Ticket |\n|---|---|---|---|---|\n"
        "| Cap the intake queue at 2,000 rows | Rosa Lind | 2026-05-01 | P2 | LED-430 |\n"
        "| Add a lag panel to the ledger dashboard | | 2026-05-02 | P3 | LED-431 |\n"
    )
    diags = lint_text(_doc(table), select=["PM302"]).diagnostics
    flagged = [d for d in diags if "column" not in d.message]
    assert all("Owner column" not in d.message for d in diags)
    assert len(flagged) == 1


def test_a_name_before_a_colon_owns_a_checklist_line(lint_text: LintFn) -> None:
    """ "[ ] Priya: rotate …": a listed given name or an @handle before a colon, the task
    after it opening with a verb. A label that is no one ("Note:", a component such as
    "Billing:") leaves the line without an owner."""
    owned = [
        "Priya: rotate the ledger signing key by 2026-05-01",
        "Tomasz Wirth: add a lag alert to the sync dashboard by 2026-05-03",
        "@kofi: Write the restore runbook by 2026-05-04",
    ]
    unowned = [
        "Note: the sync worker keeps no retry budget",
        "Billing: add a retry to the export job by 2026-05-05",
        "look into the ledger drift",
    ]
    body = "".join(f"- [ ] {t}\n" for t in owned + unowned)
    text = _doc(body)
    diags = lint_text(text, select=["PM302"]).diagnostics
    summary = [d.message for d in diags if d.message.startswith("Action items without")]
    assert summary == ["Action items without an owner: 3 of 6"], summary
    flagged = {t for t in owned + unowned for d in diags if text.index(t) == d.start}
    assert flagged == set(unowned)
