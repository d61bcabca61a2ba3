"""A report's items written as bold paragraph labels in a follow-up section
("**Recommendation 2.** Lock handling should be improved ..."): each paragraph is an
action item, its fields read like a list item's (PM302-PM305), as ``item-line-labels``
already makes "Recommendation: ..." lines items. Look-alikes: the same bold label outside
a follow-up section (a Findings paragraph) and a bold label that is no item word
("**Finding 2.** ...") stay prose."""

from __future__ import annotations

from conftest import LintFn

_HEAD = (
    "# Postmortem: Ledger sync\n\nStatus: Final\n\n## Summary\n\n"
    "The ledger sync stalled for 40 minutes on 3 March and 1,200 invoices were late.\n\n"
)

_RECS = (
    "**Recommendation 1.** A stale-lock alarm shall be added to the scheduler. Owner: Ops"
    " Lead. Due: 2026-04-01. Priority: P1. Reference: OPS-12.\n\n"
    "**Recommendation 2.** Lock handling should be improved across the platform.\n\n"
    "**Action 3:** The retry budget shall be capped at 5 per minute. Owner: Platform Lead."
    " Due: 2026-05-01. Priority: P2. Reference: OPS-13.\n"
)

_FIELDS = ["PM302", "PM303", "PM304", "PM305"]


def _found(lint_text: LintFn, text: str) -> set[tuple[str, str]]:
    diags = lint_text(text, select=_FIELDS).diagnostics
    return {(d.code, text[d.start : d.end].split(".")[0]) for d in diags}


def test_bold_labelled_recommendations_are_items(lint_text: LintFn) -> None:
    text = _HEAD + "## Recommendations\n\n" + _RECS
    got = _found(lint_text, text)
    lock = "Lock handling should be improved across the platform"
    assert {(c, lock) for c in _FIELDS} <= got
    assert not any("stale-lock" in s or "retry budget" in s for _, s in got)


def test_bold_labels_outside_follow_up_sections_stay_prose(lint_text: LintFn) -> None:
    text = _HEAD + "## Findings\n\n" + _RECS.replace("Recommendation", "Finding")
    assert _found(lint_text, text) == set()
    text = _HEAD + "## Root cause\n\n" + _RECS
    assert _found(lint_text, text) == set()
