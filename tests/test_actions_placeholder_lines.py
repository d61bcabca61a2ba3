"""act42: a line of an action list that is the writers' note to fill in ("[TODO: …]",
"TBD: …", "TODO - …") is a placeholder, reported by PM202, and no action item missing its
owner, due date and priority. Look-alikes: an item whose owner is written "TBD" stays an
item missing its owner; an item naming a to-do app is an item. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Label printer queue stalled\n\n**Status:** Draft\n\n## Summary\n\n"
    "Shipping labels stopped printing for 40 minutes on 2026-08-12.\n\n## Action items\n\n"
    "- Alert when the print queue holds jobs for 5 minutes. Owner: Mara. Due: 2026-09-01. P2\n"
)


def _codes(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM202", "PM302", "PM303", "PM305"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    "line",
    [
        "[TODO: attach the spooler graph]",
        "TBD: open a ticket with the vendor",
        "TODO - confirm who owns the spooler",
        "FIXME",
    ],
)
def test_a_note_to_fill_in_is_a_placeholder_not_an_item(lint_text: LintFn, line: str) -> None:
    codes = _codes(lint_text, f"{_HEAD}- {line}\n")
    word = next(w for w in ("TODO", "TBD", "FIXME") if w in line)
    assert codes == [("PM202", word)]


def test_a_lower_case_note_is_no_item(lint_text: LintFn) -> None:
    assert _codes(lint_text, f"{_HEAD}- todo: ask finance about the courier fees\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "Restart the spooler nightly. Owner: TBD. Due: 2026-09-10. P3",
        "Move the Todo app's reminders off the print host. Owner: TBD. Due: 2026-09-10. P3",
    ],
)
def test_an_item_with_a_placeholder_field_stays_an_item(lint_text: LintFn, line: str) -> None:
    codes = _codes(lint_text, f"{_HEAD}- {line}\n")
    assert [c for c, _ in codes] == ["PM302"]
