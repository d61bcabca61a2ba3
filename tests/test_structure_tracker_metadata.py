"""Metadata a postmortem kept as an issue tracker's issue gives in the tracker's own forms.

A GitLab-style review sets its Severity and Status with scoped labels (a ``~"scope::value"``
label in its head, on a "Labels:" line, or in a ``/label`` quick action): PM203 must not
call those fields missing. Look-alikes: the same label in a code block, in prose further
down that speaks of another issue, or with a placeholder value gives nothing. Every
sentence is our own.
"""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing

_TITLE = "# Review: nightly export wrote empty files\n\n"


def _doc(head: str, tail: str = "") -> str:
    return f"{_TITLE}{head}\n\n{BODY}{tail}"


@pytest.mark.parametrize(
    ("head", "given"),
    [
        ('**Labels:** ~review ~"severity::2" ~"incident::closed"', {"severity", "status"}),
        ("Labels: ~team::exports ~severity::3 ~incident::mitigated", {"severity", "status"}),
        ('Filed 4 May 2025\n\n/label ~"sev::1"\n/label ~"status::draft"', {"severity", "status"}),
        ('| Labels | ~"priority::2" |\n|---|---|\n| Milestone | Q2 |', {"severity"}),
        ("Tracked with ~exports ~INCIDENT::Resolved", {"status"}),
    ],
)
def test_a_scoped_label_in_the_head_gives_the_field(head: str, given: set[str]) -> None:
    found = missing(_doc(head))
    assert not given & found.keys()
    assert {"severity", "status"} - given <= found.keys()


def test_a_quick_action_at_the_end_gives_the_field() -> None:
    text = _doc(
        "Owner: @mlind",
        '\n## Notes\n\nKept open until the backfill runs.\n\n/label ~"severity::4"\n',
    )
    assert "severity" not in missing(text)


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        # in a code block: an example, not this labels
        ('```\n/label ~"severity::1" ~"incident::resolved"\n```', ""),
        ("", '\n## Notes\n\n```text\n/label ~"severity::1"\n```\n'),
        # prose further down about another issue
        (
            "",
            '\n## Related\n\nLast spring\'s export stall was tagged ~"severity::1" and '
            '~"incident::resolved" within a day.\n',
        ),
        # a placeholder value, an unscoped label, a scope that names no field
        ('Labels: ~"severity::TBD" ~incident ~"team::exports"', ""),
        # no tilde: a double colon in a path or a C++ name
        ("Touches severity::level in the scorer and incident::State", ""),
    ],
)
def test_a_label_outside_the_documents_own_labels_gives_nothing(head: str, tail: str) -> None:
    found = missing(_doc(head, tail))
    assert {"severity", "status"} <= found.keys()
