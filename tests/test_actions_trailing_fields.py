"""Fields written after an item's last dash with no key: an owner ("— platform team",
"- billing team, Q2", "– Dana Ito, P2") and a quarter or half-year as its due date ("—
@dev.lead, Q1", "(P2, end of Q3)", "— 2027 H1"), read as "— @dana" and "by Q1" already
are. Look-alikes: "— everyone" (no one), a clause after the dash ("— the payments team
asked for it"), a word that names no one ("— Kafka") and a quarter inside the action's
words ("Migrate the Q1 reports")."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


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


#: items written as fields between dashes, the owner after the text and before the fields
#: of priority, date and ticket: a handle without "@", a team named without "team", a
#: person, a role, and a dash inside the text itself
DASH_FIELDS = [
    "Enforce signed spool configs in CI — k.moreau — P1 — due 2026-11-20 — SPL-310",
    "Add a consumer lag panel — Spool tooling — P2 — due 2026-12-04 — SPL-311",
    "Split the spool workers per tenant — Priya Raman — P2 — 2026-12-10",
    "Cap spool retries at five – dana_ito – P3 – SPL-312",
    "Drop the legacy spool API - Payments SRE - P1 - due 2026-10-30",
    "Add a spool disk alert — the old one never fired — @omar — P1 — due 2026-11-02",
]


@pytest.mark.parametrize("item", DASH_FIELDS)
def test_an_owner_in_a_dash_separated_field(lint_text: LintFn, item: str) -> None:
    assert "PM302" not in _fields(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        # a status, a tool, a clause, no one in particular, a placeholder (reported as
        # not filled in), and a last field with no detail after it
        "Add a spool alert — Blocked — P1 — due 2026-11-20",
        "Add a spool lag alert — Jira — P2 — SPL-314",
        "Rework the spool scheduler — needs a design review — P2 — SPL-315",
        "Retire the old spool hosts — everyone — P1 — SPL-316",
        "Mirror spool writes to the standby — TBD — P2 — SPL-313",
        "Move spool hosts — P2 — due 2026-12-01 — spool tooling",
    ],
)
def test_a_dash_field_that_names_no_owner(lint_text: LintFn, item: str) -> None:
    assert "PM302" in _fields(lint_text, item)


def test_every_status_word_in_the_owner_field_names_no_one(lint_text: LintFn) -> None:
    """Each of ``owner-field-non-names``, written where the owner goes, leaves the item
    without one."""
    fields = builtin_pack().family("actions")["fields"]
    words = [str(w) for w in fields["owner-field-non-names"]]
    assert words
    owned = [
        w
        for w in words
        if "PM302" not in _fields(lint_text, f"Add a spool alert — {w.title()} — P1 — SPL-9")
    ]
    assert owned == []
