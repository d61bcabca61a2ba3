"""Metadata values as people write them (:mod:`pm_lsp.parse.values`): dates, including
ranges of days, which the structure rules validate and the report places in a quarter."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import LintFn

from pm_lsp.parse.values import parse_date, parse_duration, value_end


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2025-02-11", dt.date(2025, 2, 11)),
        ("11 February 2025", dt.date(2025, 2, 11)),
        ("February 11th, 2025", dt.date(2025, 2, 11)),
        ("11th February 2025", dt.date(2025, 2, 11)),
        ("1st of Feb. 2025", dt.date(2025, 2, 1)),
        # a range of days starts the incident
        ("February 11\u201313, 2025", dt.date(2025, 2, 11)),
        ("Feb 11 - Feb 13, 2025", dt.date(2025, 2, 11)),
        ("11-13 February 2025", dt.date(2025, 2, 11)),
        ("Jun 4 to 6, 2024", dt.date(2024, 6, 4)),
        ("Dec 30 \u2013 Jan 2, 2025", dt.date(2024, 12, 30)),  # across the new year
        ("2025-02-11 to 2025-02-13", dt.date(2025, 2, 11)),
        # the first date written wins, range or not
        ("2024-05-01 (follow-up on June 3-4, 2024)", dt.date(2024, 5, 1)),
        ("build 2 - 3, 2024, released March 3, 2023", dt.date(2023, 3, 3)),
    ],
)
def test_dates_and_ranges_of_days(written: str, day: dt.date) -> None:
    assert parse_date(written) == day


@pytest.mark.parametrize(
    "written",
    ["Feb 30-31, 2024", "sometime last week", "v2 - 3, 2024", "the 5th of many 2024 releases"],
)
def test_what_is_no_date(written: str) -> None:
    assert parse_date(written) is None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Final<br>", "Final"),
        ("Final <br/>", "Final"),
        ("2024-03-05<BR />", "2024-03-05"),
        ("47m<br><br>", "47m"),
        ("Ana Ruiz\\", "Ana Ruiz"),  # Markdown's hard line break
        # look-alikes: markup inside the value, a backslash that does not end it
        ("Final<br>approved", "Final<br>approved"),
        ("C:\\temp", "C:\\temp"),
        ("Final", "Final"),
    ],
)
def test_a_value_ends_before_its_line_break_markup(written: str, value: str) -> None:
    text = f"| Status | {written} |"
    start = text.index(written)
    end = value_end(text, start, start + len(written))
    assert text[start:end] == value


def test_metadata_read_without_line_break_markup(lint_text: LintFn) -> None:
    """A metadata table whose cells end in ``<br>`` and a field line ending in a hard line
    break: each value is read without the markup (so the status and date are valid), and a
    finding on a bad value covers the value alone."""
    text = (
        "# Checkout outage\n\n| Field | Value |\n|---|---|\n| Date | 5th March 2024\\ |\n"
        "| Status | Final<br/> |\n| Severity | Very bad<br> |\n\n**Authors**: Ana Ruiz\\\n"
        "**Owner**: @ana\n\n## Summary\n\nCheckout failed for 1,200 shoppers.\n"
    )
    diags = lint_text(text, select=["PM204"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Very bad"]
    assert "<br>" not in diags[0].message


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("1h25m", 85),
        ("2h05m (the queue drained at 11:40)", 125),
        ("1d2h", 1560),
        ("3h 10m", 190),
        ("1 hour and 48 minutes", 108),
        ("95 mins", 95),
        ("02:15", 135),
        ("2 weeks", 20160),
        ("1 week and 3 days", 14400),
        ("3wks", 30240),
    ],
)
def test_durations_written_together_or_apart(written: str, minutes: int) -> None:
    """Parts written without a space count as they do with one ("1h25m" was read as its last
    part, 25 minutes, and made PM503 report a right duration as wrong)."""
    assert parse_duration(written) == dt.timedelta(minutes=minutes)


@pytest.mark.parametrize(
    "written", ["10 ms", "4 hosts", "2 mirrors", "1 hotfix", "3 workers", "2 web nodes"]
)
def test_what_is_no_duration(written: str) -> None:
    assert parse_duration(written) is None
