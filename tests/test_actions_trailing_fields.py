"""Fields written after an item's last dash with no key: an owner ("— platform team",
"- billing team, Q2", "– Dana Ito, P2") and a quarter or half-year as its due date ("—
@dev.lead, Q1", "(P2, end of Q3)", "— 2027 H1"), read as "— @dana" and "by Q1" already
are. Look-alikes: "— everyone" (no one), a clause after the dash ("— the payments team
asked for it"), a word that names no one ("— Kafka") and a quarter inside the action's
words ("Migrate the Q1 reports")."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _fields(lint_text: LintFn, item: str) -> set[str]:
    """The codes PM302/PM303 give the item (the second item fills every field)."""
    text = (
        f"# Queue backlog\n\n## Action items\n\n- [ ] {item}\n"
        "- [ ] Add a CPU alert on the relays — @ana, due 2026-12-01, P1, OPS-1\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    return {d.code for d in diags if a <= d.start < a + len(item)}


@pytest.mark.parametrize(
    "item",
    [
        "Fix the spool chart defaults — platform team",
        "Add a disk alert on the spool hosts — SRE",
        "Rotate the signing keys - billing team, Q2",
        "Cap the upload retries at three – Dana Ito, P2",
    ],
)
def test_an_owner_after_the_last_dash(lint_text: LintFn, item: str) -> None:
    assert "PM302" not in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Be more careful with the spool limits — everyone",
        "Add a lag alert on the replicas — the payments team asked for it",
        "Add a disk alert on the spool hosts — Kafka",
    ],
)
def test_no_owner_after_a_dash_that_names_no_one(lint_text: LintFn, item: str) -> None:
    assert "PM302" in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Add a spool alert to the deploy gate — @dev.lead, Q1",
        "Move the cron into the pipeline (P2, end of Q3)",
        "Add a disk alert — 2027 H1",
        "Rotate the signing keys - billing team, Q2",
    ],
)
def test_a_quarter_written_as_a_field_is_a_due_date(lint_text: LintFn, item: str) -> None:
    assert "PM303" not in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    ["Migrate the Q1 reports to the new bucket", "Split the H2 budget export by region"],
)
def test_a_quarter_in_the_action_words_is_no_due_date(lint_text: LintFn, item: str) -> None:
    assert "PM303" in _fields(lint_text, item)
