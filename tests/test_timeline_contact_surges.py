"""PM504 reads a surge of contacts from the people affected as the detection: the desk that
takes their calls, tickets or complaints sees, gets or is flooded with a surge of them, a
surge of such contacts told noun first, or their volume at the desk growing. Look-alikes
that mark nothing: a surge of sign-ups, visits, traffic or API calls (a launch or a cause,
not people getting in touch), a surge that is expected, staffed for, easing or back to
normal, and a negated one. Every entry is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words

_DOC = """# Meter app outage

## Summary

The smart-meter app showed zero usage for 70 minutes on 9 March.

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 08:05 | Release 3.4 of the usage service goes out. |
| 08:31 | {entry} |
| 08:50 | Release 3.4 rolled back; readings return. |
"""

SURGES = [
    "Support sees a spike in calls about meters reading zero.",
    'The help desk saw a surge of "empty chart" tickets from households.',
    "The contact centre gets a wave of calls from worried customers.",
    "Customer care receives a sudden rush of emails about blank usage graphs.",
    "The service desk is swamped with calls about the app.",
    "Influx of customer chats asking why usage shows zero.",
    "Surge in complaints on the app store about empty charts.",
    "Help desk tickets doubled within twenty minutes.",
    "Call volume to the contact centre tripled.",
    "Ticket volume jumps to five times the usual level.",
]

NOT_CONTACTS = [
    "We saw a spike in sign-ups after the tariff launch.",
    "Traffic spiked at 08:30.",
    "A marketing email drives a surge in visits to the app.",
    "Spike in API calls to the readings service.",
    "API call volume doubled after the retry change.",
    "Support prepared for a surge of calls during the tariff change.",
    "The service desk staffed up ahead of an expected surge of calls.",
    "Support reports the surge of calls has eased.",
    "Support ticket volume returned to baseline.",
    "No spike in support tickets so far.",
    "Support did not see a rise in calls.",
    "Flood of requests to the login service from the mobile clients.",
]


@pytest.mark.parametrize("entry", SURGES)
def test_a_surge_of_contacts_is_the_detection(lint_text: LintFn, entry: str) -> None:
    assert "detection" in words(builtin_pack()).classify(entry)
    assert lint_text(_DOC.format(entry=entry), select=["PM504"]).diagnostics == []


@pytest.mark.parametrize("entry", NOT_CONTACTS)
def test_a_surge_of_anything_else_or_none_marks_no_detection(lint_text: LintFn, entry: str) -> None:
    assert "detection" not in words(builtin_pack()).classify(entry)
    text = _DOC.format(entry=entry)
    [d] = lint_text(text, select=["PM504"]).diagnostics
    assert text[d.start : d.end] == "Timeline"
    assert "detect" in d.message.lower()
