"""Approval told through a party's gap in reading or grasping the work (bl41 class 1,
``approval.blind_approver``): the relative clause on the "by" agent or the subject is the
verdict. Unfamiliarity told as a fact, a bot, our own and a remedy we tell stay clean."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "The failover plan was signed off by a director who never opened the document.",
            "who never opened the document",
        ),
        (
            "The index change was accepted by a data team that didn't understand the lock order.",
            "that didn't understand the lock order",
        ),
        (
            "Both pull requests got approved by reviewers who had not read the design notes.",
            "who had not read the design notes",
        ),
        (
            "The firewall rule was merged by an admin who had no idea what the port served.",
            "who had no idea what the port served",
        ),
        (
            "Leads who never looked at the diff approved the quota change on Monday.",
            "who never looked at the diff",
        ),
        (
            "The retry patch is reviewed by people who do not grasp the billing flow.",
            "who do not grasp the billing flow",
        ),
    ],
)
def test_approval_by_a_party_without_grasp(lint_text: LintFn, sentence: str, clause: str) -> None:
    text = f"# Incident\n\n## Analysis\n\n{sentence}\n"
    found = _found(text, lint_text)
    assert ("PM104", clause) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The change was approved by reviewers who asked for two more tests.",
        "The branch was merged by the release bot once the checks passed.",
        "The flag was reviewed by engineers who had not worked on the ledger before.",
        "The patch was reviewed by people who did not understand the old design, so we "
        "paired them with its author.",
        "The plan was signed off by a manager who read it twice and asked about rollback.",
        "The change was approved by us, though we had not read the vendor notes.",
        "The alarm config was written by a contractor who never opened a ticket about it.",
        "If it is approved by someone who has not read it, the bot will block the merge.",
    ],
)
def test_approval_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    text = f"# Incident\n\n## Analysis\n\n{sentence}\n"
    found = _found(text, lint_text)
    assert [f for f in found if f[0] == "PM104"] == [], found


def test_range_in_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = (
        "# 事故 🚨\r\n\r\n## Analysis\r\n\r\n"
        "The 🚀 rollout was signed off by a lead who never read the runbook.\r\n"
    )
    assert ("PM104", "who never read the runbook") in _found(text, lint_text)


def test_words_are_in_the_pack() -> None:
    pack = builtin_pack()
    assert "sign" in pack.words("blame", "approval-verbs")
    assert "understand" in pack.words("blame", "unread-verbs")
    assert "idea" in pack.words("blame", "no-grasp-nouns")
