"""PM301 on the "could" of a result told in the past (act43, blind round 42).

A clause joined to a past one by a result word ("…, so its locks could be extended without
limit", "… and could therefore be extended for weeks") tells what the situation allowed
during the incident, whatever its subject: no hedged commitment, in the story, the root
cause or the lessons. Look-alikes that keep their PM301: a hedged wish with no past clause
("we could add a cap on lease renewals"), a wish after "but" ("the dashboards were fine, but
we could add a panel"), and a hedging word in the result ("so ideally its locks could be
released by …"). Every sentence is our own.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = (
    "# Relay outage\n\n**Date**: 2025-03-04 · **Status**: Draft · **Severity**: SEV-3 · "
    "**Authors**: Rui Tan\n\n## Summary\n\nRelays failed for 35 minutes.\n\n## {section}\n\n"
    "{sentence}\n\n## Action items\n\n"
    "- Add a relay error-rate alert at 2% (owner: @rui, due 2025-04-01, P2, FER-9)\n"
)
_SECTIONS = ["What happened", "Root cause", "Lessons learned"]


def _pm301(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = _DOC.format(section=section, sentence=sentence)
    a = text.index(sentence)
    return [
        d.message
        for d in lint_text(text, select=["PM301"]).diagnostics
        if a <= d.start < a + len(sentence)
    ]


RESULTS = [
    "A stuck worker counted as alive, so its locks could be extended without limit.",
    "The lease got renewed as long as the worker was busy, and a worker waiting on retries counted"
    " as busy, so leases could be renewed again and again.",
    "Retries were immediate, so one failing host could be hit thousands of times a minute.",
    "The relay sessions were refreshed on every click and could therefore be extended for weeks.",
]


@pytest.mark.parametrize("section", _SECTIONS)
@pytest.mark.parametrize("sentence", RESULTS)
def test_could_of_a_past_result_is_no_hedge(lint_text: LintFn, section: str, sentence: str) -> None:
    assert _pm301(lint_text, section, sentence) == []


@pytest.mark.parametrize("section", _SECTIONS)
@pytest.mark.parametrize(
    "sentence",
    [
        "We could add a cap on how long a relay lease is renewed.",
        "The dashboards were fine, but we could add a panel for declined payments.",
        "The relay worker stalled, so ideally its locks could be released by a watchdog.",
    ],
)
def test_a_hedged_wish_stays_hedged(lint_text: LintFn, section: str, sentence: str) -> None:
    [message] = _pm301(lint_text, section, sentence)
    assert message.startswith("Hedged commitment"), message
