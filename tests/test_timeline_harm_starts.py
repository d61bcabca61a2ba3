"""The impact's start read from an entry that tells the harm beginning in the words of the
people served ("Shoppers unable to check out", "members could no longer book classes") or
as the service's first wrong output ("first duplicate receipt sent", "first incorrect
payslip generated"): the earliest such entry is where PM503 measures from, not a later one
that names the errors or timeouts behind it. Hard negatives: a change put out earlier, a
warning that turned out harmless, a report of the harm (detection), harm still or again
under way, negated or hypothetical harm, and the responders' own first wrong guess or
duplicate alert."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.timeline.model import timeline_of, words


@pytest.mark.parametrize(
    "event",
    [
        "Shoppers unable to check out",
        "Members could no longer book classes in the app",
        "Passengers cannot download boarding passes",
        "First duplicate receipt sent to a cardholder",
        "First incorrect payslip generated",
        "Tenants were unable to open the portal",
        # the kind of failure given as its quoted message
        'First "Badge not recognised" error at the ward cabinet',
        "First `ECONNRESET` errors in the gateway log",
        "first \u201cAccess denied\u201d failures at the kiosks",
    ],
)
def test_harm_in_the_words_of_those_served_starts_the_impact(event: str) -> None:
    assert "impact-start" in words(builtin_pack()).classify(event)


@pytest.mark.parametrize(
    "event",
    [
        "Payroll service 8.1 deployed",
        "Disk space warning on db-2; turned out to be harmless",
        "Support reports shoppers unable to check out",
        "Help desk takes calls from members who cannot book",
        "Shoppers still unable to check out",
        "Shoppers able to check out again",
        "No tenants unable to log in after the fix",
        "Shoppers would be unable to pay if the cache expired",
        "First duplicate alert silenced",
        "First wrong hypothesis ruled out",
        "Analyst spots the first duplicate receipt in the ledger",
        # a quoted phrase that is no failure of the service
        'First "disk nearly full" alert fires',
        'Engineer reads the first "timeout" log line',
        'First attempt "restart pods" ends with errors',
        'Our first "fix" did not stop the errors',
    ],
)
def test_look_alikes_start_nothing(event: str) -> None:
    assert "impact-start" not in words(builtin_pack()).classify(event)


DOC = """# Duplicate receipts

## Summary

Cardholders received duplicate receipts. Total impact: STATED.

## Timeline

All times UTC.

- 13:50 - Receipt service 2.9 deployed
- 14:02 - First duplicate receipt sent to a cardholder
- 14:09 - Mail gateway timeouts begin
- 14:40 - Support reports cardholders confused by double receipts
- 15:10 - Receipt service rolled back
- 15:32 - Receipts back to normal; no more duplicates
"""


def _pm503(lint_text: LintFn, stated: str) -> list[str]:
    text = DOC.replace("STATED", stated)
    return [text[d.start : d.end] for d in lint_text(text, select=["PM503"]).diagnostics]


def test_the_clock_starts_at_the_earliest_harm(lint_text: LintFn) -> None:
    doc = parse(DOC.replace("STATED", "90 minutes"), load_template("standard"))
    metrics = timeline_of(doc).metrics
    assert metrics.start is not None and metrics.start.label == "14:02"
    assert metrics.start_kind == "impact-start"
    # 14:02 to 15:32 is 1h 30m
    assert _pm503(lint_text, "1 hour 30 minutes") == []
    assert _pm503(lint_text, "2 hours 15 minutes") == ["2 hours 15 minutes"]
