"""PM403: stored things told as left unharmed, the data noun before the denial ("the
ticket data was not affected", "saved drafts were never at risk"), answer the data
question; a service spared or a resource never running short does not."""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = (
    "# Ticket exports stalled at the help desk\n\n## Summary\n\nThe nightly export job "
    "stalled for 40 minutes after a schema change.\n\n## Impact\n\n"
    "{statement}\n\n## Root cause\n\nThe export job read a dropped column.\n"
)


def _pm403(lint_text: LintFn, statement: str) -> list[str]:
    text = _DOC.format(statement=statement)
    return [d.code for d in lint_text(text, select=["PM403"]).diagnostics]


@pytest.mark.parametrize(
    "statement",
    [
        "The ticket data itself was not affected.",
        "Archived conversation records were never at risk; the two lost notes were typed again.",
        "Saved replies and account balances are held in another region and were never at risk.",
        "No one's attachment history or contact data was affected.",
        "The exported files have not been impacted at any point.",
        "None of our subscribers' billing records were touched.",
    ],
)
def test_stored_things_left_unharmed_answer_pm403(lint_text: LintFn, statement: str) -> None:
    assert _pm403(lint_text, statement) == [], statement


@pytest.mark.parametrize(
    "statement",
    [
        "The search service was not affected by the rollback.",
        "The export database was never at risk of running out of disk.",
        "Our backups were never at risk of filling the volume.",
        "No agents were affected outside the night shift.",
        "The data pipeline slowed down; the dashboards were not affected.",
    ],
)
def test_a_service_spared_or_a_resource_never_short_leaves_pm403(
    lint_text: LintFn, statement: str
) -> None:
    assert _pm403(lint_text, statement) == ["PM403"], statement
