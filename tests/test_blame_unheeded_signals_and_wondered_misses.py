"""A signal meant for people told as let pass with nobody named (PM103: "the capacity
alarm was ignored", "the second page was dismissed twice"), and a miss wondered at in the
generic present with how long it went on (PM104: "how do you miss a full disk for three
hours?"). Their look-alikes stay clean: what a mechanism let pass ("ignored by the
collector", "dismissed when the check recovered", "ignored because ...", "as designed"),
settings and requests, a how-to, our own question, the past ("how did the monitor miss
it ...?" may ask what happened) and a question answered next. Every sentence here is
written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(sentence: str) -> str:
    return (
        f"# Pump station outage\n\n## What happened\n\nThe pumps stopped at noon.\n\n{sentence}\n"
    )


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "code", "span"),
    [
        ("That pressure warning was ignored.", "PM103", "That pressure warning was ignored"),
        ("The second page was dismissed twice.", "PM103", "The second page was dismissed"),
        (
            "Both sump alarms were overlooked on the night shift.",
            "PM103",
            "Both sump alarms were overlooked",
        ),
        (
            "Honestly, how do you miss a flooded sump for an hour?",
            "PM104",
            "how do you miss a flooded sump for an hour",
        ),
        (
            "How does anybody ignore a red board for a whole morning?",
            "PM104",
            "How does anybody ignore a red board for a whole morning",
        ),
    ],
)
def test_the_lapse_is_found(lint_text: LintFn, sentence: str, code: str, span: str) -> None:
    assert (code, span) in _found(lint_text, _doc(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The pressure warning was ignored by the collector.",
        "The retry was ignored because the flag was off.",
        "Duplicate alarms were ignored as designed.",
        "The page was dismissed when the float switch reset.",
        "The alert was dismissed automatically after five minutes.",
        "Warnings from the test rig are ignored.",
        "If the alarm was ignored, the second pump would have started.",
        "The malformed header was ignored.",
        "The duplicate request was ignored.",
        "How do you silence a page for an hour during maintenance?",
        "How do you ignore a noisy alert for a day while the fix ships?",
        "How do we miss a pressure drop for three hours without a page?",
        "How did the monitor miss the pressure drop for three hours?",
        "How did the night crew miss the alarm for three hours?",
        "How do you rotate the signing key for a week-long test?",
    ],
)
def test_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _found(lint_text, _doc(sentence)) == []
