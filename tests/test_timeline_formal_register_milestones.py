"""Milestones told in the formal register of a compliance or audit report.

Detection: a person in the organisation raises a query, a question or a concern about a
symptom they met in their own work ("An underwriter raised a query about absent
documents"). Mitigation: the rule or policy that does the harm is switched off ("Expiry
policy suspended on the archive bucket").

Look-alikes stay unrecognised: a query about no symptom (a billing or budget query), a
query raised with a vendor, a query run against a database, a concern about missing
documentation, a query not raised or only planned; a safeguard's rule or policy switched
off (alerting, firewall, password, backup retention), an unused or legacy rule tidied
away, one removed by a deploy or by mistake, one not disabled, one disabled as later
follow-up work, and one only planned or decided on. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


@pytest.mark.parametrize(
    ("event", "milestone"),
    [
        ("An underwriter raised a query about absent documents on three policies.", "detection"),
        ("Payroll clerk raised query regarding blank payslips for the night shift.", "detection"),
        ("The payroll clerk queried missing payslips.", "detection"),
        ("Records officer queried why scans were missing from the archive.", "detection"),
        ("Concern logged by the archive team about blank pages in the exports.", "detection"),
        ("A branch manager raised a question over duplicate statements.", "detection"),
        ("Raised a query with the records team about missing scans.", "detection"),
        ("Retention rule disabled.", "mitigation"),
        ("The expiry policy was suspended on the archive bucket.", "mitigation"),
        ("Platform on-call disables the auto-delete rule on the uploads bucket.", "mitigation"),
        ("Mail forwarding rule deleted from the shared inbox.", "mitigation"),
        ("Ops removed the faulty rewrite rule.", "mitigation"),
    ],
)
def test_a_formal_note_is_its_milestone(event: str, milestone: str) -> None:
    assert milestone in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Customer raised a billing query.",
        "Finance raised a question about the budget for the review.",
        "Raised a query with the vendor about the missing licence key.",
        "Engineer queried the database for missing rows.",
        "No query was raised about the missing scans.",
        "Will raise a query about the missing records with the archive team.",
        "Concern raised about missing documentation in the runbook.",
        "Alert rule disabled.",
        "Security policy was disabled during the rollout.",
        "Password policy disabled for the test tenant.",
        "Backup retention policy disabled.",
        "Unused retention policy deleted.",
        "Legacy expiry rule removed as part of the quarterly cleanup.",
        "Redirect rule removed by the deploy.",
        "The validation rule was switched off by mistake.",
        "Retention rule not disabled.",
        "Retention rule disabled as a follow-up three weeks later.",
        "Plan to disable the expiry rule tomorrow.",
        "Decided to disable the expiry rule.",
    ],
)
def test_a_look_alike_is_no_milestone(event: str) -> None:
    assert not {"detection", "mitigation", "resolution"} & _milestones(event)


REGISTER = """# Scanned invoices not kept by the archive

## Timeline

| Date | Event |
|---|---|
| 2025-03-03 | Storage configuration change applied to the archive bucket. |
| 2025-03-04 | First scanned invoices expired by the new retention rule. |
| 2025-03-06 | Accounts payable clerk raised a query about absent invoice scans. |
| 2025-03-07 | Retention rule disabled on the archive bucket. |
| 2025-03-10 | Records officer notified. |
"""


def test_a_timeline_told_in_this_register_lacks_no_milestone(lint_text: LintFn) -> None:
    assert lint_text(REGISTER, select=["PM504"]).diagnostics == []
    unmarked = REGISTER.replace(
        "clerk raised a query about absent invoice scans", "clerk raised a billing query"
    ).replace("Retention rule disabled", "Retention rule not disabled")
    found = lint_text(unmarked, select=["PM504"]).diagnostics
    assert [unmarked[d.start : d.end] for d in found] == ["Timeline"]
    assert "detection" in found[0].message and "mitigation" in found[0].message
