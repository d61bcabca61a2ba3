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
