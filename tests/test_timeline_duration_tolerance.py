"""PM503's tolerance for a stated duration that is an estimate or a whole number of hours
("about three hours", "two hours", "roughly six hours"): proportionate, 15% of the longer of
the two durations and never less than half an hour for whole hours (ten minutes for an
estimate), so an estimate that is an hour or more short of a multi-hour timeline is
reported, while a rounding of the measured span stays clean. An exact figure keeps the
rule's own tolerance (5 minutes or 10%).

The timeline runs from 10:00 (impact begins) to END (resolved)."""

from __future__ import annotations

import pytest
from conftest import LintFn

DOC = """# Warehouse scanner outage

## Summary

Handheld scanners in the north warehouse could not reach the stock service.

## Impact

STATED

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 10:00 | Scanner requests start failing (impact begins) |
| 10:12 | Error-rate alert pages the on-call engineer |
| 10:40 | Engineer finds the expired client certificate |
| END | Scanners reconnect, service back to normal, resolved |
"""


def _pm503(lint_text: LintFn, stated: str, end: str) -> list[str]:
    text = DOC.replace("STATED", stated).replace("END", end)
    return [text[d.start : d.end] for d in lint_text(text, select=["PM503"]).diagnostics]


@pytest.mark.parametrize(
    ("stated", "end", "span"),
    [
        ("The outage lasted about three hours.", "13:40", "three hours"),
        ("Total downtime: two hours", "12:45", "two hours"),
        ("The disruption ran for roughly six hours.", "17:30", "six hours"),
        ("Scanning was down for a 4-hour outage.", "15:10", "4-hour"),
        ("The outage lasted about 90 minutes.", "12:00", "90 minutes"),
    ],
)
def test_an_estimate_well_short_of_the_timeline_is_reported(
    lint_text: LintFn, stated: str, end: str, span: str
) -> None:
    assert _pm503(lint_text, stated, end) == [span]


@pytest.mark.parametrize(
    ("stated", "end"),
    [
        ("The outage lasted about three hours.", "13:25"),
        ("The outage lasted about three hours.", "12:35"),
        ("Total downtime: two hours", "12:25"),
        ("The disruption ran for roughly six hours.", "16:55"),
        ("The outage lasted nine hours.", "20:15"),
        ("The outage lasted about 90 minutes.", "11:42"),
        # a bound is contradicted from one side only
        ("The outage lasted more than three hours.", "14:30"),
    ],
)
def test_a_rounding_of_the_timeline_is_clean(lint_text: LintFn, stated: str, end: str) -> None:
    assert _pm503(lint_text, stated, end) == []
