"""A verdict noun said of people's handling (bl42 class 2): "the handover was a mess", "the
escalation was something of a circus", often framed by a frankness opener ("I'll be
blunt:", "To be honest,"). Tone (PM106, info). A mess of things, a disaster for a region,
an API's response and candour about what is known stay clean. Every sentence here is
written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.spec import Severity


def _doc(sentence: str, heading: str = "What happened") -> str:
    return f"# Depot outage\n\n## {heading}\n\n{sentence}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str, Severity]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end], d.severity) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("I'll be blunt: the shift handover was a mess.", "handover was a mess"),
        (
            "To be honest, the escalation was something of a circus.",
            "escalation was something of a circus",
        ),
        (
            "Honestly, the coordination between the desks was a disaster.",
            "coordination between the desks was a disaster",
        ),
        (
            "If I am honest, the comms during the first hour were a complete farce.",
            "comms during the first hour were a complete farce",
        ),
        ("The hand-off to the night shift was kind of a joke.", None),
        ("Let me be frank: the triage had been a total shambles.", None),
    ],
)
def test_a_verdict_on_the_handling_is_tone(
    lint_text: LintFn, sentence: str, span: str | None
) -> None:
    found = _found(lint_text, _doc(sentence))
    tone = [(s, v) for c, s, v in found if c == "PM106"]
    assert tone, found
    assert all(v == Severity.INFO for _s, v in tone), found
    if span is not None:
        assert span in [s for s, _v in tone], found


@pytest.mark.parametrize(
    "sentence",
    [
        "The data was a mess of duplicate rows.",
        "To be honest about what we know: the cause is not confirmed.",
        "The storm was a disaster for the region.",
        "The API response was a mess.",
        "The response was a mess of nested nulls.",
        "The escalation path was a mess of stale aliases.",
        "The handover was a model of clarity.",
        "Honestly, the coordination with the carrier was excellent.",
    ],
)
def test_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _found(lint_text, _doc(sentence)) == []


def test_crlf_and_wide_text_keep_the_range(lint_text: LintFn) -> None:
    text = _doc("配送 🚚 To be blunt, the handover was a shambles.").replace("\n", "\r\n")
    found = _found(lint_text, text)
    assert ("PM106", "handover was a shambles") in [(c, s) for c, s, _v in found], found
