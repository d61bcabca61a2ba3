"""Blind round 31 classes of the blame family, on whole documents: an imperative that opens
an action item is never read as the person who acted (no finding and no rewrite)."""

from __future__ import annotations

from conftest import LintFn

_ITEMS = """# Incident

## Action Items

| Action | Owner | Due |
|---|---|---|
| Track skipped runs in the nightly dashboard and alert on them. | Ana Ruiz | 2026-06-01 |
| Audit skipped migrations before each release. | Ana Ruiz | 2026-06-01 |
| Graph ignored probes per region. | Ana Ruiz | 2026-06-01 |

## Follow-up

- Log ignored cookies at debug level.
- Report ignored retries to the owning team every Monday.
"""


def test_imperative_item_is_not_a_subject(lint_text: LintFn) -> None:
    diags = lint_text(_ITEMS, select=["PM1"]).diagnostics
    assert diags == [], [(d.code, _ITEMS[d.start : d.end]) for d in diags]


def test_name_with_its_object_keeps_the_rewrite(lint_text: LintFn) -> None:
    text = "# Incident\n\n## Contributing Factors\n\nGrant skipped the review on Friday.\n"
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM101"]
    assert diags and diags[0].fix is not None
