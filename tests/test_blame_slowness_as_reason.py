"""A person's slowness named as the reason for a harm (PM101, blame/slowness.py): "took
<a length> to <answer a signal>" with a person as the subject, then ", which is the main
reason <harm>" or ", and that is why <harm>". A thing's delay, a firm's pace, our own, an
act that fixes things, a reason that tells no harm, a delay explained and a question stay
clean. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.spec import Severity


def _doc(block: str) -> str:
    return f"# Payroll feed outage\n\n## What happened\n\n{block}\n\nThe feed resumed at noon.\n"


def _pm101(lint_text: LintFn, text: str) -> list[tuple[str, Severity]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(text[d.start : d.end], d.severity) for d in diags if d.code == "PM101"]


@pytest.mark.parametrize(
    ("block", "span"),
    [
        (
            "The rota engineer took thirty-five minutes to acknowledge the alert, which is the "
            "main reason the inbox overflowed.",
            "The rota engineer took thirty-five minutes to acknowledge",
        ),
        (
            "Sam took two hours to approve the rollback, which is why the outage ran so long.",
            "Sam took two hours to approve",
        ),
        (
            "The night lead took a full hour and a quarter to answer the alarm, and that is the "
            "main reason the backlog overflowed.",
            "The night lead took a full hour and a quarter to answer",
        ),
        (
            "The on-call DBA took twenty minutes to join the bridge, which was the reason the "
            "failover stalled.",
            "The on-call DBA took twenty minutes to join",
        ),
        (
            "Noor took half an hour to pick up the call, which is the main reason the run stalled.",
            "Noor took half an hour to pick up",
        ),
    ],
)
def test_a_persons_delay_named_the_reason_is_found(
    lint_text: LintFn, block: str, span: str
) -> None:
    assert (span, Severity.WARNING) in _pm101(lint_text, _doc(block))


@pytest.mark.parametrize(
    "block",
    [
        "The broker took an hour to fail over, which is why the queue grew.",
        "The replica took forty minutes to catch up, which is the main reason the reports "
        "were late.",
        "Sam took ten minutes to roll back the change, which is why the outage ended early.",
        "The duty engineer took forty minutes to restore the feed, which is the main reason "
        "the outage stayed short.",
        "The vendor took two days to answer the ticket, which is why the fix slipped.",
        "We took an hour to acknowledge the alert, which is why the inbox overflowed.",
        "The rota engineer took five minutes to acknowledge the alert, which is why the outage "
        "stayed short.",
        "The duty engineer took forty minutes to acknowledge the page because the pager was "
        "on silent.",
        "The on-call engineer took twenty minutes to acknowledge the alert, which is about "
        "what the runbook allows.",
        "Did the rota engineer take thirty-five minutes to acknowledge the alert, which is why the "
        "inbox overflowed?",
    ],
)
def test_a_things_delay_a_fix_or_a_plain_delay_stays_clean(lint_text: LintFn, block: str) -> None:
    assert _pm101(lint_text, _doc(block)) == []


def test_crlf_and_wide_text_keep_the_range(lint_text: LintFn) -> None:
    block = (
        "給与 💸 Sam took two hours to approve the rollback, which is why the outage ran so long."
    )
    text = _doc(block).replace("\n", "\r\n")
    assert ("Sam took two hours to approve", Severity.WARNING) in _pm101(lint_text, text)
