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


#: owners the item-level fields missed: initials and a surname between dashes, a name and
#: its team in brackets before comma fields, a given name that is also an English word,
#: and a name (or its team in brackets) wrapped onto the item's next line
OWNED_LIST = [
    "Move the spool cron into the scheduler - K. Adebayo - P1 - SPL-204 - due 2026-02-10",
    "Alert when the spool queue is an hour old – J.R. Mensah – P2 – SPL-207",
    "Add a failover runbook for the spool job - Dana Whitley (Platform), by 3 March 2026, "
    "ticket SPL-210.",
    "Confirm the spool fix covers daylight saving - Tom Reid, by 15 May 2026, ticket SPL-211.",
    "Add a second spool region, signed off by the platform lead - Mark\n  Osei, by 3 June "
    "2026, ticket SPL-212.",
    "The vendor to confirm the patch covers the spring change - Tom Reid\n  (Northgate), "
    "by 1 April 2026, ticket SPL-213.",
]
#: look-alikes: a lettered item, a product name in the last field, a clause after the dash
UNOWNED_LIST = [
    "A. Add a spool alert on queue depth, P2, SPL-220",
    "Pin the spool client - Postgres 16, by 3 May 2026, SPL-221",
    "Add a lag alert - the vendor asked for it, by 3 May 2026, SPL-222",
    "Add a spool disk alert - P2 - SPL-223",
]


def test_owners_after_dashes_are_counted_in_the_summary(lint_text: LintFn) -> None:
    """One list of both kinds: the items with no owner get PM302, and the section's count
    says how many of all the items lack one."""
    items = OWNED_LIST + UNOWNED_LIST
    text = "# Spool backlog\n\n## Action items\n\n" + "".join(f"- [ ] {i}\n" for i in items)
    diags = lint_text(text, select=["PM302"]).diagnostics
    flagged = [i for i in items if any(d.start == text.index(i) for d in diags)]
    assert flagged == UNOWNED_LIST
    summary = [d.message for d in diags if "of" in d.message and "without" in d.message]
    assert summary == [f"Action items without an owner: {len(UNOWNED_LIST)} of {len(items)}"]


#: a unit in capitals with its person in brackets between dashes, and owners shared by
#: two or three teams, between dashes or after the last one
SHARED_OWNED = [
    "Alert when spool rejects pass 15% in 10 minutes – IT (Roisin) – by 2026-07-01",
    "Rotate the spool signing key — HR (Wendell) — P2 — SPL-230",
    "Write a spool rollover checklist – Box Office + IT.",
    "Split the spool export per region – Payments / Platform – by 2026-07-01",
    "Index spool metadata nightly – Search and Infra – P2 – SPL-231",
    "Add a spool restore drill – Billing team and Platform team, by 3 June 2026, SPL-232",
]
#: two things joined where an owner would stand, a status pair, a day pair, a pronoun
SHARED_UNOWNED = [
    "Pin the spool client versions – Kafka + Zookeeper.",
    "Move the spool cache to its own host – Redis and Postgres – P2 – SPL-233",
    "Raise the spool pool size – Blocked / Open – P2 – SPL-234",
    "Rotate the spool keys – Monday and Tuesday – P1 – SPL-235",
    "Rotate the spool keys – It – P1 – SPL-236",
]


def test_a_unit_with_its_person_and_shared_owners_are_owners(lint_text: LintFn) -> None:
    items = SHARED_OWNED + SHARED_UNOWNED
    text = "# Spool backlog\n\n## Action items\n\n" + "".join(f"- {i}\n" for i in items)
    diags = lint_text(text, select=["PM302"]).diagnostics
    flagged = [i for i in items if any(d.start == text.index(i) for d in diags)]
    assert flagged == SHARED_UNOWNED
