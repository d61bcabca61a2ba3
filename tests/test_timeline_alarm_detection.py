"""PM504 reads alarms and alerts that are raised, received or come in as the detection,
the noun before its verb: "22 alarms raised", "a high-level alert was raised for the
reservoir", "telemetry alarms came in from 14 sites", "alarms start arriving". Look-alikes
that mark nothing: a setting of the alarm changed ("alarm thresholds were raised",
"raises the alarm threshold"), and an alarm that was not raised. Every entry is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = """# Filter gallery outage

## Summary

Filtration stopped for 52 minutes on 2 May.

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 14:12 | {entry} |
| 14:26 | Shift supervisor sends two operators to the gallery. |
| 14:40 | Switch replaced; filters back in service. |
"""


@pytest.mark.parametrize(
    "entry",
    [
        "Nine outstations lose contact; 9 alarms raised.",
        "A high-level alert was raised for reservoir 3.",
        "Telemetry alarms came in from 14 sites.",
        "Low-pressure alarms arrive from three pumping stations.",
        "Alarms were received at the control desk from 9 outstations.",
        "Communication-loss alarms start coming in from the east zone.",
        "The SCADA server raised 22 communication-loss alarms.",
    ],
)
def test_alarms_raised_or_received_mark_detection(lint_text: LintFn, entry: str) -> None:
    assert lint_text(_DOC.format(entry=entry), select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "entry",
    [
        "Alarm thresholds were raised to 95% by the operator.",
        "Maintenance raises the alarm threshold on pump 4.",
        "No alarm was raised at the control desk.",
        "The low-pressure alert was not raised.",
    ],
)
def test_a_setting_or_an_alarm_not_raised_marks_nothing(lint_text: LintFn, entry: str) -> None:
    text = _DOC.format(entry=entry)
    [d] = lint_text(text, select=["PM504"]).diagnostics
    assert text[d.start : d.end] == "Timeline"


_THREAD = """# Ledger sync stall

## Summary

Ledger exports stalled for 40 minutes on 9 May.

## Channel log

**[09:02 UTC] @ana.r:** rolling out exporter 2.4 to the ledger hosts
{entry}
**[09:31 UTC] @ana.r:** rolled back to 2.3, exports draining
**[09:42 UTC] @ana.r:** backlog gone, exports back to normal
"""


@pytest.mark.parametrize(
    "entry",
    [
        "**[09:10 UTC] @opsbot:** ALERT ledger-export-lag p95 > 5m",
        "**[09:10 UTC] alertmanager:** [FIRING:2] ledger export lag",
        "**[09:10 UTC] @grafana:** critical: export queue depth over 8,000",
        "**[09:10 UTC] @lena.k:** the desk says the first tickets are coming in, all on statements",
    ],
)
def test_a_bot_alert_or_first_tickets_in_a_thread_mark_detection(
    lint_text: LintFn, entry: str
) -> None:
    assert lint_text(_THREAD.format(entry=entry), select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "entry",
    [
        "**[09:10 UTC] @deploybot:** exporter 2.4 live on 3 of 3 hosts",
        "**[09:10 UTC] @opsbot:** resolved: ledger-export-lag back under 5m",
        "**[09:10 UTC] @lena.k:** the alert wording for this is confusing, noting for later",
    ],
)
def test_a_bot_deploy_or_resolution_in_a_thread_marks_nothing(
    lint_text: LintFn, entry: str
) -> None:
    text = _THREAD.format(entry=entry)
    assert [d.code for d in lint_text(text, select=["PM504"]).diagnostics] == ["PM504"]
