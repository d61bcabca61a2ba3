"""PM503 and a Duration field or a labelled total whose sentence states two periods: a part
and the whole, or two phases ("Duration: 40 minutes of full outage, then 2 hours of slow
pages", "Outage duration: 35 minutes of failed uploads; support follow-ups ran until
Thursday"). Only a figure marked as the total ("Total duration: ...", "Duration: total
...") is compared with the timeline; otherwise it cannot be told which period the writer
measured, and the rule stays silent. Hard negatives that are still checked: a figure with
its own clock span after it ("47 minutes (09:05 to 09:57)", checked against that span), the
same figure said twice, a labelled total followed by a part.

The fixture's timeline runs from 09:05 (errors begin) to 11:35 (recovered): 2h 30m."""

from __future__ import annotations

import pytest
from conftest import LintFn

DOC = """# Upload failures in the photo app

## Summary

Photo uploads failed for app users.

## Impact

- 12,400 uploads were rejected.
- LINE

## Timeline

All times UTC.

- 08:30 - Storage client 3.4 rolled out
- 09:05 - Upload errors begin for all regions
- 09:20 - Alert fires for the upload error rate
- 10:15 - Storage client rolled back to 3.3
- 11:35 - Uploads recovered; error rate back to normal
"""


def _pm503(lint_text: LintFn, line: str) -> list[str]:
    text = DOC.replace("LINE", line)
    return [text[d.start : d.end] for d in lint_text(text, select=["PM503"]).diagnostics]


@pytest.mark.parametrize(
    "line",
    [
        "Duration: 40 minutes of full outage, then 1 hour 50 minutes of slow uploads.",
        "Duration: 70 minutes of rejected uploads; retries from the app\n"
        "  continued until late afternoon.",
        "Duration: about 45 minutes for the first region and 2 hours for the rest.",
        "Outage duration: 70 minutes of failed uploads; support follow-ups ran into\n"
        "  the next day.",
        "Impact window: 20 minutes of hard failures and 2h 10m of partial ones.",
    ],
)  # fmt: skip
def test_two_periods_without_a_total_are_not_compared(lint_text: LintFn, line: str) -> None:
    assert _pm503(lint_text, line) == []


@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("Duration: 50 minutes.", "50 minutes"),
        # its own clock span is no second period; the figure is checked against it
        ("Duration: 50 minutes (09:05 to 10:05 UTC).", "50 minutes"),
        ("Duration: 50 minutes, as the status page said; about 50 minutes in all.",
         "50 minutes"),
        ("Total outage duration: 50 minutes, of which 20 minutes were hard failures.",
         "50 minutes"),
        ("Total duration: 50 minutes; support follow-ups ran until Thursday.", "50 minutes"),
    ],
)  # fmt: skip
def test_one_period_or_a_marked_total_is_still_checked(
    lint_text: LintFn, line: str, stated: str
) -> None:
    assert _pm503(lint_text, line) == [stated]


def test_a_marked_total_that_agrees_stays_clean(lint_text: LintFn) -> None:
    line = "Total outage duration: 2 hours 30 minutes, of which 70 minutes were hard failures."
    assert _pm503(lint_text, line) == []
