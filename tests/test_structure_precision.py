"""Precision classes of the structure rules found by writers testing pm-lint on postmortems
of their own, with true positives and hard negatives on fixture documents written for them:

* the Timeline skeleton that PM201 and PM202 insert states the zone the document already
  writes its times in ("... 10:25 AM Pacific" -> "All times in Pacific time."), and leaves
  a placeholder for the writer when the document names no zone or several: it never states
  "UTC" for a document told in another zone.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.fixes import apply_edits

HERE = FIXTURES / "structure" / "skeletons"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _timeline_skeleton(lint_text: LintFn, text: str, code: str = "PM201") -> str:
    """The document after the fix that inserts the Timeline skeleton."""
    (d,) = [
        d
        for d in lint_text(text, select=[code]).diagnostics
        if d.fix is not None and "Timeline" in d.fix.title
    ]
    assert d.fix is not None and not d.fix.safe  # a skeleton is placeholder text
    return apply_edits(text, d.fix.edits)


# -- the zone of the Timeline skeleton -------------------------------------------------------

PACIFIC = "10:25 AM Pacific"


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (PACIFIC, PACIFIC, "All times in Pacific time."),
        (PACIFIC, "10:25 AM PDT", "All times in PDT."),
        (PACIFIC, "10:25 AM", "All times in TODO (time zone)."),  # no zone: the writer's
        (PACIFIC, "10:25 AM EDT", "All times in TODO (time zone)."),  # two: the writer's
        (PACIFIC, "10:25 AM in the Pacific region", "All times in TODO (time zone)."),
    ],
)
def test_the_timeline_skeleton_uses_the_documents_zone(
    lint_text: LintFn, old: str, new: str, line: str
) -> None:
    text = _read("no-timeline-pacific.md").replace(old, new)
    if new.endswith("EDT"):
        text = text.replace("9:10 AM", "9:10 AM PDT")
    fixed = _timeline_skeleton(lint_text, text)
    assert f"## Timeline\n\n{line}\n\n| Time | Event |" in fixed
    assert "UTC" not in fixed


def test_an_empty_timeline_heading_gets_the_documents_zone(lint_text: LintFn) -> None:
    text = _read("no-timeline-pacific.md").replace("## Root cause", "## Timeline\n\n## Root cause")
    fixed = _timeline_skeleton(lint_text, text, "PM202")
    assert "## Timeline\n\nAll times in Pacific time.\n\n| Time | Event |" in fixed
