"""PM503 and the outage named as a label opening an entry: "OUTAGE BEGINS - ...",
"Downtime starts: ...", "Outage over." mark the impact's bounds as "impact start" and
"impact end" do, so a stated total is measured between them, not to an earlier step that
happens to agree with it. Hard negatives: an entry that reports when the outage began
("outage began at 06:50 per the logs"), an outage ending for a part ("outage ends for the
EU stores"), a negated one."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words

DOC = """# Parcel belt stop

## Summary

The parcel belts stopped during the morning shift.

- Total outage: STATED

## Timeline

All times CET.

- 06:00 – START_MARK belt controller halts
- 06:04 – Alarm acknowledged by the control room
- 06:40 – Rolled back to the previous firmware; controller running again
- 07:30 – END_MARK belts back at full speed
"""


def _doc(stated: str, start: str = "**OUTAGE BEGINS** –", end: str = "**OUTAGE ENDS** –") -> str:
    return DOC.replace("STATED", stated).replace("START_MARK", start).replace("END_MARK", end)


@pytest.mark.parametrize(
    "event",
    [
        "OUTAGE BEGINS – belt controller halts",
        "Downtime starts: controller in STOP",
        "  Outage start.",
        "Customer outage began – tills offline",
        "Service downtime started",
    ],
)
def test_an_opening_outage_label_marks_the_start(event: str) -> None:
    assert words(builtin_pack()).marked(event) == frozenset({"impact-start"})


@pytest.mark.parametrize(
    "event",
    ["OUTAGE ENDS – belts at full speed", "Downtime over: all lanes open", "Outage ended."],
)
def test_an_opening_outage_label_marks_the_end(event: str) -> None:
    assert words(builtin_pack()).marked(event) == frozenset({"impact-end"})


@pytest.mark.parametrize(
    "event",
    [
        "Outage began at 06:50 per the controller logs",
        "We learn the outage started an hour earlier",
        "Outage ends for the EU stores; US still down",
        "Downtime starts when the cache expires, so we wait",
        "No outage starts from this alarm",
    ],
)
def test_a_report_about_the_outage_marks_nothing(event: str) -> None:
    assert words(builtin_pack()).marked(event) == frozenset()


def test_a_total_is_measured_to_the_marked_end(lint_text: LintFn) -> None:
    """The rollback at 06:40 agrees with 40 minutes, but the writer marked the end at 07:30."""
    text = _doc("40 minutes")
    diags = lint_text(text, select=["PM503"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["40 minutes"]
    assert "impact start 06:00 to impact end 07:30 is 1h 30m" in diags[0].message


@pytest.mark.parametrize(
    ("stated", "start", "end"),
    [
        ("90 minutes", "**OUTAGE BEGINS** –", "**OUTAGE ENDS** –"),
        ("about an hour and a half", "Downtime starts:", "Downtime over:"),
        # unmarked: the rollback that agrees is an end the writer may have meant
        ("40 minutes", "", ""),
    ],
)
def test_an_agreeing_total_is_clean(lint_text: LintFn, stated: str, start: str, end: str) -> None:
    assert lint_text(_doc(stated, start, end), select=["PM503"]).diagnostics == []
