"""PM104's pace judgment ends where the judgment does: at "to <act>" when the act is
theirs ("was slow to answer the page"), at the adjective when a comma sets an aside off
("were slow, to put it gently", where PM106 reads the aside)."""

from __future__ import annotations

import pytest
from conftest import LintFn


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The carrier's engineers were slow to answer the page.", "were slow to answer"),
        ("The carrier's engineers were slow, to put it gently, all night.", "were slow"),
        ("The courier was slow, to be fair, because of the snow on the bridge.", None),
    ],
)
def test_the_pace_judgment_ends_at_the_judgment(
    lint_text: LintFn, sentence: str, phrase: str | None
) -> None:
    text = f"# Depot outage\n\n## Response\n\n{sentence}\n"
    got = [
        text[d.start : d.end]
        for d in lint_text(text, select=["PM104"]).diagnostics
        if "how fast" in d.message
    ]
    assert got == ([phrase] if phrase else [])
