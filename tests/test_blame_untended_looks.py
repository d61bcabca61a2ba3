"""Attention left off a thing over a stretch of time (``omission._left_untended`` with
"look" and "inspect" among ``neglect-verbs``): "no one has looked at the retention settings
in three years". A sign-in, an untouched file and a page not sent stay clean. Every sentence
here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _codes(lint_text: LintFn, sentence: str) -> list[str]:
    text = f"# Disk outage\n\n## What happened\n\n{sentence}\n"
    return [d.code for d in lint_text(text, select=["PM1"]).diagnostics]


@pytest.mark.parametrize(
    "sentence",
    [
        "No one has looked at the retention settings in three years.",
        "Nobody had looked at the quota file since the migration.",
        "The storage team had not inspected the cooling loop for months.",
    ],
)
def test_attention_left_off_for_a_stretch(lint_text: LintFn, sentence: str) -> None:
    assert "PM103" in _codes(lint_text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody has logged in since Friday.",
        "Nobody had touched the config since the last release.",
        "Nobody was paged because the rota was empty.",
        "The probe had not connected to the replica since the restart.",
    ],
)
def test_other_facts_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _codes(lint_text, sentence) == []
