"""An act held back that would itself have been wrong is no omission (bl44 class 1,
``abstained.rightly_abstained``): a party that did not read, open or use what reached it
out of its place (a marked object, a thing "not meant for" it, or a use denied with the
reading: "did not read or copy") acted correctly. A duty left undone on an ordinary thing
keeps PM103, and so do upkeep and a reading told with a use people owe ("read or follow").
Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(sentence: str) -> str:
    return f"# Mailroom exposure\n\n## What happened\n\n{sentence}\n"


def _pm103(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM103"]).diagnostics
    return [text[d.start : d.end] for d in diags]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody read the exposed documents.",
        "No one looked at the exposed payroll export.",
        "The courier said he did not read the misdelivered letters.",
        "Nobody seems to have opened the misdirected spreadsheet.",
        "The two analysts did not read the contents of the leaked archive.",
        "They did not read the confidential memo once they saw it was not addressed to them.",
        "The paralegal closed the folder once she saw it was not hers and did not read it.",
        "Both agents confirmed that they did not read or copy the customer records.",
        "Nobody read or forwarded the payroll file.",
        "The temp said he never read or kept the stray invoices.",
    ],
)
def test_holding_back_from_what_was_not_theirs_is_clean(lint_text: LintFn, sentence: str) -> None:
    assert _pm103(lint_text, _doc(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The vendor did not read the change notice.", "The vendor did not read"),
        ("Nobody read the handoff note.", "Nobody read"),
        ("The approver did not read the notice that warned of leaked keys.", None),
        ("The reviewer did not read the confidential risk assessment before signing.", None),
        ("The on-call engineer never looked at the dashboard.", None),
        ("Nobody seems to have read the handover note.", "Nobody seems to have read"),
        ("Nobody read or followed the runbook.", "Nobody read"),
    ],
)
def test_a_duty_left_undone_keeps_its_finding(
    lint_text: LintFn, sentence: str, span: str | None
) -> None:
    found = _pm103(lint_text, _doc(sentence))
    assert found, sentence
    if span is not None:
        assert found == [span]
