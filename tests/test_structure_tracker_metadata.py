"""Metadata a postmortem kept as an issue tracker's issue gives in the tracker's own forms.

A GitLab-style review sets its Severity and Status with scoped labels (a ``~"scope::value"``
label in its head, on a "Labels:" line, or in a ``/label`` quick action): PM203 must not
call those fields missing. Look-alikes: the same label in a code block, in prose further
down that speaks of another issue, or with a placeholder value gives nothing. Every
sentence is our own.

Who opened or created the issue is its author, a byline like "Posted on ... by ...";
who reported the incident is not ("Reported by @x" at the head, rules/structure.toml).
"""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing, run

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
        # in a code block: an example, not this issue's labels
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


# -- who opened the issue is its author ----------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "**Opened:** 2025-05-04 by @mlind (Maja Lind, exports lead)",
        "Opened 4 May 2025 by @mlind",
        "Created: 2025-05-04 by Maja Lind",
        "~exports · opened by @mlind · 2025-05-04",
        "**Assignee:** @okoro\n**Opened:** 2025-05-04 by @mlind",
    ],
)
def test_who_opened_the_issue_is_the_author(head: str) -> None:
    """A byline, like "Posted on ... by ...": not reported in adoption mode; with a template,
    told in the text (at info), not missing."""
    assert "authors" not in missing(_doc(head), None)
    (d,) = [d for d in run(_doc(head)) if (d.data or {}).get("field") == "authors"]
    assert d.message.startswith("Metadata 'Authors' is only told in the text")


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        # who reported the incident is not who wrote the review
        ("Reported by @okoro from the help desk", ""),
        ("Reported 4 May 2025 by a customer over chat", ""),
        # an opener that is no person, or an issue opened by someone in the story
        ("Opened by mistake in the wrong project, moved on 5 May", ""),
        ("", "\n## Timeline\n\nOpened by @okoro at 09:14 after the first empty file.\n"),
        # a ticket opened is an event, not a byline
        ("A follow-up ticket was opened by @okoro for the backfill.", ""),
    ],
)
def test_other_openers_and_reporters_name_no_author(head: str, tail: str) -> None:
    assert "authors" in missing(_doc(head, tail), None)
    (d,) = [d for d in run(_doc(head, tail)) if (d.data or {}).get("field") == "authors"]
    assert d.message == "Missing metadata: Authors"
