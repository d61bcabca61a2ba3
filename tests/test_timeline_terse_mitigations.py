"""A mitigation told tersely, a noun and the participle of switching it off or draining it
("Voucher deactivated in the admin panel", "Traffic drained from the Oslo region"), is
the timeline's mitigation milestone: PM504 must not say the timeline never marks one.

The lever switched off is what drives the harm (a code, an offer, a job, a worker, a bot)
or capacity taken out of rotation. Look-alikes: a safeguard switched off (an alert, paging,
a health check, a backup job: the cause, not the cure), a lever switched off by mistake or
for maintenance, a battery or a pool drained (harm), a verb that switches nothing off ("code
review requested"), and a negated one. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


@pytest.mark.parametrize(
    "event",
    [
        "Voucher deactivated in the admin panel",
        "Spring discount code disabled",
        "Nightly sync turned off",
        "Recommendation widget switched off for all users",
        "Bulk importer shut off at the gateway",
        "Cron job was disabled on both hosts",
        "Scraper bots quickly switched off",
        "Traffic drained from the Oslo region",
        "Two storage hosts drained",
        "Drained traffic from the Frankfurt zone",
        "drains the three bad nodes",
    ],
)
def test_a_terse_switch_off_or_drain_is_a_mitigation(event: str) -> None:
    assert "mitigation" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Alert disabled by mistake",
        "Paging disabled during the migration window",
        "Health check disabled",
        "Monitoring turned off",
        "Nightly backup job disabled",
        "Cert renewal cron turned off in March",
        "Export job disabled by mistake",
        "Cooling switched off for maintenance",
        "Spare battery drained",
        "Connection pool drained of connections",
        "Code review requested",
        "Code deployed to production",
        "Voucher code was not disabled until the next day",
    ],
)
def test_look_alikes_are_no_mitigation(event: str) -> None:
    assert "mitigation" not in _milestones(event)


_TIMELINE = (
    "# Gift voucher abuse\n\n## Timeline\n\nAll times UTC.\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 18:05 | Voucher goes live |\n"
    "| 19:40 | Fraud alert fires for the order spike |\n"
    "| 20:10 | {event} |\n"
    "| 21:30 | Finance starts counting the orders |\n"
)


@pytest.mark.parametrize(
    ("event", "reported"),
    [
        ("Voucher deactivated in the admin panel", False),
        ("Order traffic drained to the holding page", False),
        ("Fraud alert disabled by mistake", True),
        ("Code review requested for the voucher change", True),
    ],
)
def test_pm504_reads_the_terse_mitigation(lint_text: LintFn, event: str, reported: bool) -> None:
    diags = lint_text(_TIMELINE.format(event=event), select=["PM504"]).diagnostics
    assert any("mitigat" in d.message for d in diags) is reported
