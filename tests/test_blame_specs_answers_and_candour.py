"""Blind round 37 classes of the blame family (bl40), on whole documents: a component's
wanted behaviour in an action list is no person's failure, a yes/no question standing
alone and answered in the next block asks, "IT" written in capitals is a department, a
"nobody who ..." the small model loses still fails to bother, and an adverb of candour on
the verdict of a judging sentence is tone."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_SPECS = """# Incident

## Contributing Factors

Dana skipped the canary before the rollout.

## Action Items

| Action | Owner | Due |
|---|---|---|
| Indexer ignores documents larger than the shard limit and logs them. | Ana Ruiz | 2026-06-01 |
| Router skips replicas marked as draining. | Ana Ruiz | 2026-06-01 |
| Scheduler ignores paused tenants during the nightly sweep. | Ana Ruiz | 2026-06-01 |

- Compactor overlooks nothing older than the retention window.
- Billing importer dismisses duplicate webhooks by event id.
"""


def _found(text: str, diags: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(d.code, text[d.start : d.end]) for d in diags]


def test_component_behaviour_in_an_action_list_is_no_blame(lint_text: LintFn) -> None:
    diags = lint_text(_SPECS, select=["PM1"]).diagnostics
    found = _found(_SPECS, diags)
    assert [c for c, _t in found] == ["PM101"], found
    assert found[0][1].startswith("Dana skipped"), found


def test_habit_and_past_act_in_an_action_list_stay(lint_text: LintFn) -> None:
    text = (
        "# Incident\n\n## Action Items\n\n"
        "- Kim always skips the canary step; add a gate before the deploy.\n"
        "- Bruno ignored the runbook last time; link the runbook from the page.\n"
    )
    found = _found(text, lint_text(text, select=["PM1"]).diagnostics)
    assert [t.split()[0] for c, t in found if c == "PM101"] == ["Kim", "Bruno"], found


def test_spec_sections_key() -> None:
    assert "action-items" in builtin_pack().words("blame", "spec-sections")


_ASKED = """# Incident

## Questions we asked

**Was anyone at fault?**

Nobody. The pager rota pointed at a retired channel.

**Is someone to blame for the stale certificate?**

No, the renewal job had no alert on failure.

## Discussion

Was the on-call at fault? No: the alert never reached the phone.
"""


def test_yes_no_fault_question_answered_is_clean(lint_text: LintFn) -> None:
    diags = lint_text(_ASKED, select=["PM1"]).diagnostics
    assert diags == [], _found(_ASKED, diags)


def test_unanswered_fault_statement_stays(lint_text: LintFn) -> None:
    text = "# Incident\n\n## Contributing Factors\n\nThe on-call engineer was at fault.\n"
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM101"]
    assert diags, "a statement of fault must stay a finding"


def test_short_answers_key() -> None:
    words = builtin_pack().words("blame", "short-answers")
    assert {"nobody", "no", "yes"} <= set(words)


def test_capital_departments_key() -> None:
    assert "IT" in builtin_pack().words("blame", "capital-departments")


def test_shouted_it_is_no_department(lint_text: LintFn) -> None:
    text = "# Incident\n\n## Contributing Factors\n\nIT DID NOT BOTHER TO RETRY THE UPLOAD.\n"
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == "PM103"]
    assert diags == [], _found(text, diags)
