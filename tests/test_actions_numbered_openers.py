"""Action items written as numbered paragraphs ("6.2. Retrain …") in an action section: each
paragraph that proposes work is an item, whatever verb it opens with, so the counts on the
section's heading ("N of M without an owner") cover them all. Besides the item verbs, an
instruction opens with a verb aimed at people ("Retrain", "Coach"), a base form that looks
past ("Put", "Set"), "Keep"/"Continue", or a verb no item list holds ("Be more careful",
"Have the vendor …", "Look into …"); a duty given to a party in the minutes' style ("Store
IT to be more careful", "Finance to review …") is one too. Look-alikes that stay prose:
numbered paragraphs of an Impact or Cause section, statements of fact under the actions
heading ("Access to review tools was restored", "The spare key was cut on 3 May"), a
paragraph opening with a time or a lower-case word after a number."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.actions.items import action_items

STANDARD = load_template("standard")

REPORT = """# Review: ledger export stall

Status: Final

## 3. Impact

3.1. Finance received the nightly ledger export four hours late.

3.2. Retrain jobs for the fraud model were delayed by one cycle.

## 4. Cause

4.1. Keep-alive probes on the export host were switched off in March.

4.2. Put simply, the exporter waited on a lock that nothing released.

## 7. Follow-up actions

The review board asked for the following:

7.1. Coach the night operators on reading the export dashboard.

7.2. Put a lock timeout on the exporter's database session. Owner: Ledger team. Due 2026-11-30.

7.3. Be more careful when copying probe settings between shared hosts.

7.4. Have the database vendor confirm the lock behaviour in writing.

7.5. Look into the export host's maintenance calendar.

7.6. Platform Ops to be consulted before probes are switched off again.

7.7. Keep the old export path warm for one more quarter.

7.8. Access to review tools was restored on 4 October.

7.9. The spare export key was cut on 3 May and is stored in the vault.

8.30 the backfill job finished and the export caught up.
"""


def _items(text: str) -> list[str]:
    return [text[i.start : i.end] for i in action_items(parse(text, STANDARD), builtin_pack())]


def test_every_proposing_numbered_paragraph_of_the_actions_section_is_an_item() -> None:
    items = _items(REPORT)
    assert [i[:22] for i in items] == [
        "Coach the night operat",
        "Put a lock timeout on ",
        "Be more careful when c",
        "Have the database vend",
        "Look into the export h",
        "Platform Ops to be con",
        "Keep the old export pa",
    ]
    assert items[1].endswith("Due 2026-11-30.")  # the fields after the action are its own


def test_the_owner_count_covers_every_numbered_item(lint_text: LintFn) -> None:
    diags = lint_text(REPORT, select=["PM302"]).diagnostics
    heading = [d for d in diags if REPORT[d.start : d.end] == "7. Follow-up actions"]
    assert len(heading) == 1
    assert heading[0].message.startswith("Action items without an owner: 6 of 7")


@pytest.mark.parametrize(
    "para",
    [
        "3.1. Finance received the nightly ledger export four hours late.",
        "3.2. Retrain jobs for the fraud model were delayed by one cycle.",
        "4.1. Keep-alive probes on the export host were switched off in March.",
        "4.2. Put simply, the exporter waited on a lock that nothing released.",
        "7.8. Access to review tools was restored on 4 October.",
        "7.9. The spare export key was cut on 3 May and is stored in the vault.",
        "8.30 the backfill job finished and the export caught up.",
    ],
)
def test_look_alikes_are_no_items(para: str) -> None:
    start = REPORT.index(para)
    items = action_items(parse(REPORT, STANDARD), builtin_pack())
    assert not any(start <= i.start < start + len(para) for i in items)


@pytest.mark.parametrize(
    "para",
    [
        "Calls to add capacity were declined by the vendor.",
        "Changes to enable the cache have been rolled back.",
        "Requests to review the budget are handled by Finance.",
    ],
)
def test_a_subject_with_to_and_a_verb_that_states_a_fact_is_no_duty(para: str) -> None:
    text = REPORT.replace("7.6. Platform Ops to be consulted", f"7.6. {para} Platform Ops")
    start = text.index(para)
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert not any(start <= i.start < start + len(para) for i in items)


def test_a_lone_numbered_duty_outside_actions_is_prose() -> None:
    """The same paragraphs under a Cause heading are no items: only an action region's."""
    text = REPORT.replace("## 7. Follow-up actions", "## 7. Contributing factors")
    assert _items(text) == []
