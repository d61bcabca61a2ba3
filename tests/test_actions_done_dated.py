"""An item that reports its work finished with a done label and the day, as a field of
its own among its fields ("Owner: Ines Roth, done 30 November, ticket OPS-7", "—
completed nov 28 —", "(closed 2026-11-30)"), is done: no due date or priority is asked of
it, as of "… — done" at its end. Look-alikes that stay open: a target ("done by 10
December"), the label inside the action's words ("… marks runs done 10 times …"), and
"to be done 3 December"."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _asked(lint_text: LintFn, item: str) -> set[str]:
    """The PM303/PM305 codes the item gets (the second item has every field)."""
    text = (
        f"# Relay certificate outage\n\n## Action items\n\n1. {item}\n"
        "2. Add a CPU alert on the relays. Owner: @ana, due 2026-12-01, P1, ticket OPS-1.\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM303", "PM305"]).diagnostics
    return {d.code for d in diags if a <= d.start < a + len(item)}


@pytest.mark.parametrize(
    "item",
    [
        "Relay certificates now renew from the pipeline within 5 minutes of issue. "
        "Owner: Ines Roth, done 30 November, ticket OPS-7.",
        "Pin the relay image digest — @ines — completed nov 28 — OPS-10",
        "Move the relay cron into the scheduler (@omar, closed 2026-11-30, OPS-11)",
        # the label and its day set apart by a comma
        "Drop the expiry rule from the relay log bucket (done, 4 Nov).",
        "Restore the relay configs from the nightly backup (completed, 2026-11-06)",
        "Rotate the relay signing keys — finished, 5 Nov",
    ],
)
def test_a_done_label_with_its_day_marks_the_item_done(lint_text: LintFn, item: str) -> None:
    assert _asked(lint_text, item) == set()


@pytest.mark.parametrize(
    "item",
    [
        "Alert when the relay cron marks runs done 10 times in a row. Owner: Omar Haddad, "
        "ticket OPS-9.",
        "Add a relay disk alert; it is to be done 3 December. Owner: Omar Haddad, OPS-12.",
        "Rotate the relay keys. Owner: Omar Haddad, done by 10 December, ticket OPS-8.",
        "Add a check that the relay sync is done, 4 times a day.",
        "Mark relay runs done, 12 Nov is the last day for it.",
    ],
)
def test_a_done_word_that_reports_nothing_done(lint_text: LintFn, item: str) -> None:
    assert "PM305" in _asked(lint_text, item)


# -- the clause after the last comma reports the work finished ----------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "Credit every affected reseller one month of hosting, already sent on Tuesday.",
        "Rotate the signing keys of the kiosk fleet, already rotated last week.",
        "Publish the maintenance notice to the status page, completed.",
        "Pin the resolver version in the base image, already merged.",
        "Restore the archived invoices from cold storage, now restored.",
        "Swap the failed fan tray in rack 12, already replaced yesterday.",
        "Revert the cache TTL change, already reverted on 2026-11-02.",
    ],
)
def test_a_last_clause_that_reports_the_work_done_finishes_the_item(
    lint_text: LintFn, item: str
) -> None:
    assert _asked(lint_text, item) == set()


@pytest.mark.parametrize(
    "item",
    [
        # more than the day after the done word: who asked, a plan, a partial rollout
        "Add a lag alert to the replica dashboard, already requested by the DBAs.",
        "Move the nightly backups to the new bucket, already planned for March.",
        "Ship the quota guard to every region, already deployed in staging.",
        "Raise the pool limit on the edge proxies, already exhausted twice on Monday.",
        # the word inside the action, or no comma to set the clause apart
        "Page the on-call when a refund is already sent twice.",
        "Alert when the export is completed late",
        "Email the tenants once the credits are sent, then close the case.",
    ],
)
def test_a_last_clause_that_reports_nothing_finished_leaves_the_item_open(
    lint_text: LintFn, item: str
) -> None:
    assert "PM305" in _asked(lint_text, item)


@pytest.mark.parametrize("word", builtin_pack().family("actions")["fields"]["done-after-already"])
def test_every_delivered_word_after_already_finishes_an_item(lint_text: LintFn, word: str) -> None:
    item = f"Handle the refunds for the stalled orders, already {word} on Friday."
    assert _asked(lint_text, item) == set()
