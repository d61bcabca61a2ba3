"""The date a timeline's lead-in declares ("All times UTC, 3 June 2024 unless noted", "Times
are UTC on 2024-06-03") is the date of every entry written without one. An entry dated
otherwise (the change shipped two days before) is an exception: the undated entries after
it are back on the declared date, not a midnight rollover from the exception's day. Entries
after midnight that follow entries on the declared date still roll over to the next day.
Hard negatives: a date in a paragraph after the entries began declares nothing; a timeline
without a lead-in date keeps the rollover from its dated first row."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.timeline.model import timeline_of

STANDARD = load_template("standard")

DOC = """# Ledger export stall

## Summary

Nightly ledger exports to partner banks stalled. SUMMARY

## Timeline

LEAD

| Time | Event |
|---|---|
| 2024-06-01 16:40 | Exporter 5.2 rolled out to all regions |
| 00:00 | Nightly export job starts |
| 00:06 | Export errors begin; partner files stay empty |
| 01:20 | On-call paged by the partner desk |
| 01:55 | Exporter rolled back to 5.1 |
| 02:10 | Exports recovered; partner files complete again |
"""


def _days(lead: str) -> list[dt.date]:
    doc = parse(DOC.replace("LEAD", lead).replace("SUMMARY", ""), STANDARD)
    return [e.when.date() for e in timeline_of(doc).entries]


@pytest.mark.parametrize(
    "lead",
    [
        "All times UTC, 3 June 2024 unless noted.",
        "Times are UTC on 2024-06-03.",
        "All times are in UTC on 3 Jun 2024 unless a date is given.",
        "Times below: UTC, 2024-06-03 (except where marked).",
    ],
)
def test_a_declared_date_is_the_day_of_undated_entries(lead: str) -> None:
    assert _days(lead) == [dt.date(2024, 6, 1)] + [dt.date(2024, 6, 3)] * 5


def test_without_a_declared_date_the_rollover_from_the_dated_row_stands() -> None:
    assert _days("All times UTC.") == [dt.date(2024, 6, 1)] + [dt.date(2024, 6, 2)] * 5


def test_entries_after_midnight_roll_over_from_the_declared_date() -> None:
    text = """# Queue backlog

## Timeline

All times UTC, 3 June 2024 unless noted.

- 2024-06-01 09:00 - Broker upgrade rolled out
- 23:10 - Consumer lag starts to climb
- 23:45 - Errors begin on order intake
- 00:20 - Consumers restarted
- 00:35 - Intake recovered
"""
    days = [e.when.date() for e in timeline_of(parse(text, STANDARD)).entries]
    assert days == [dt.date(2024, 6, 1)] + [dt.date(2024, 6, 3)] * 2 + [dt.date(2024, 6, 4)] * 2


def test_a_date_in_a_paragraph_among_the_entries_declares_no_default() -> None:
    text = """# Queue backlog

## Timeline

All times UTC.

- 2024-06-02 23:10 - Consumer lag starts to climb

Follow-up work, 2024-06-05:

- 2024-06-04 08:00 - Broker patched
- 09:00 - Lag back to zero
"""
    days = [e.when.date() for e in timeline_of(parse(text, STANDARD)).entries]
    assert days[-1] == dt.date(2024, 6, 4)


def _pm503(lint_text: LintFn, summary: str, lead: str) -> list[str]:
    text = DOC.replace("LEAD", lead).replace("SUMMARY", summary)
    return [text[d.start : d.end] for d in lint_text(text, select=["PM503"]).diagnostics]


def test_a_stated_total_agrees_across_the_declared_date(lint_text: LintFn) -> None:
    # 00:06 to 02:10 on the declared day: 2h 04m
    lead = "All times UTC, 3 June 2024 unless noted."
    assert _pm503(lint_text, "Total outage: 2 hours 4 minutes.", lead) == []
    assert _pm503(lint_text, "Total outage: 55 minutes.", lead) == ["55 minutes"]


def test_a_title_naming_a_day_is_no_default_for_earlier_entries() -> None:
    text = """# Warehouse cutover

## Timeline

Cutover weekend, ending with the 2024-06-03 go-live:

- 2024-06-01 22:00 - Freeze on stock moves begins
- 23:30 - Final stock count exported
- 2024-06-03 06:00 - New system live
"""
    days = [e.when.date() for e in timeline_of(parse(text, STANDARD)).entries]
    assert days == [dt.date(2024, 6, 1), dt.date(2024, 6, 1), dt.date(2024, 6, 3)]
