"""The writers' own state now is no omission in the incident (bl43 class 2,
``omission._our_status_now``): "we have not <upkeep verb> ... since" with nothing told as
its consequence, and "we do not ..." in the present. Our own step denied in the past, a
stretch of neglect ("in three years"), a state told with what it led to, and another
party's lapse keep PM103 (first-person omissions are flagged: research note b.3). Every
sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(sentence: str) -> str:
    return f"# Depot outage\n\n## Follow-up questions answered\n\n{sentence}\n"


def _pm103(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM103"]).diagnostics
    return [text[d.start : d.end] for d in diags]


@pytest.mark.parametrize(
    "sentence",
    [
        "We have not revisited the routing rule since.",
        "We haven't rotated the dock scanner keys since the outage.",
        "I have not renewed the courier token since then.",
        "We have not audited the pallet limits since April.",
        "We've not updated the fallback table since the vendor changed its format.",
        "We do not count the replayed orders as lost.",
        "We don't consider the late manifest a missed step.",
    ],
)
def test_our_state_now_stays_clean(lint_text: LintFn, sentence: str) -> None:
    assert _pm103(lint_text, _doc(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("We did not check the scanner firmware before the cutover.", "We did not check"),
        ("We never verified the courier token before the weekend.", "We never verified"),
        ("We have not audited the pallet limits in three years.", "We have not audited"),
        (
            "We haven't tested the restore since the move, and the restore failed.",
            "We haven't tested",
        ),
        (
            "We have not reviewed the dock alarms since the migration, so nobody was paged.",
            "We have not reviewed",
        ),
        ("Nobody has reviewed the routing rule since the reorganisation.", None),
        ("The platform team has not tested the fallback since the spring.", None),
    ],
)
def test_a_lapse_keeps_its_finding(lint_text: LintFn, sentence: str, span: str | None) -> None:
    found = _pm103(lint_text, _doc(sentence))
    assert found, sentence
    if span is not None:
        assert span in found, found


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    kept = _doc("倉庫 🚚 We did not check the scanner firmware.").replace("\n", "\r\n")
    assert _pm103(lint_text, kept) == ["We did not check"]
    clean = _doc("倉庫 🚚 We have not revisited the routing rule since.").replace("\n", "\r\n")
    assert _pm103(lint_text, clean) == []
