"""The titles of the fixes that add a missing field to an action-item table."""

from __future__ import annotations

from conftest import LintFn


def test_table_fix_titles_read_as_english(lint_text: LintFn) -> None:
    """The fixes that add an empty table cell or column name the field without an
    article that would have to agree with it ("Add a Owner placeholder" was one)."""
    text = (
        "# Relay queue outage\n\n## Action items\n\n"
        "| Action | Owner | Due |\n|---|---|---|\n"
        "| Add a lag alert on the relay queue | | 2026-12-01 |\n"
        "| Cap relay retries at three | @ines | |\n"
    )
    titles = {d.fix.title for d in lint_text(text).diagnostics if d.fix is not None}
    assert {"Add a placeholder for Owner", "Add a placeholder for Due"} <= titles
    assert not any(" a Owner" in t or " a O" in t for t in titles)
