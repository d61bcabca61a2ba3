"""Milestones told in plain words rather than the usual ones (PM504).

Detection as someone raising an anomaly with another verb than noticing: a desk that
queries, questions or flags an unusual rise or fall, a person who identifies or recognises
the pattern. The harm's own events stopping as the effect of a step ("duplicate invoices
stop"), a measure recovering to its normal level, a rollback told published or live, as
the mitigation or resolution. Look-alikes: an expected or forecast rise, a recovery
hoped for or not reached, a stop waited for, brief or of the logging, alerts that stop, a
rollback plan. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


_ENDS = {"mitigation", "resolution"}


@pytest.mark.parametrize(
    "event",
    [
        "The payroll desk queries an unexpected jump in refunds",
        "A depot clerk flagged an abnormal dip in parcel scans",
        "Finance questioned the unusual increase in chargebacks",
        "Night supervisor identifies the pattern and rings the vendor",
        "The analyst recognised the trend in failed logins",
        "Support picked up on an unusual cluster of password resets",
    ],
)
def test_an_anomaly_raised_in_other_words_is_detection(event: str) -> None:
    assert "detection" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Capacity planning questions the expected rise in traffic",
        "The forecast flags an unusual rise in the coming week",
        "Marketing queries the campaign budget",
        "Nobody flagged the unusual rise in refunds",
    ],
)
def test_a_planned_rise_or_a_plain_query_is_no_detection(event: str) -> None:
    assert "detection" not in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Invoice cron retry switched off; duplicate invoices stop",
        "Flag reverted and the checkout errors stop",
        "Load balancer drained; timeouts ceased after the failover",
        "Card declines stop within a minute of the key swap",
        "Barrier readers reconnect; tap acceptance rate recovers to normal",
        "Throughput recovered to baseline after the rebalance",
        "Rollback published to every edge node",
        "The rollback is live in both regions",
    ],
)
def test_the_harm_stopping_or_back_to_normal_ends_it(event: str) -> None:
    assert _milestones(event) & _ENDS


@pytest.mark.parametrize(
    "event",
    [
        "We wait until the errors stop",
        "Timeouts stop briefly, then return",
        "Errors stop being logged once the disk fills",
        "The alerts stop",
        "Latency should recover to normal by noon",
        "Throughput recovered to normal briefly, then fell",
        "Rollback plan published to the channel",
        "Deploy of 4.2 begins; duplicates stop appearing in staging",
    ],
)
def test_a_stop_waited_for_or_a_plan_is_no_end(event: str) -> None:
    assert not _milestones(event) & _ENDS


_DOC = (
    "# Refund run\n\n## Summary\n\nRefunds were paid twice.\n\n## Timeline\n\n"
    "All times UTC.\n\n"
    "- 09:00 Refund batch job deployed with the new retry\n"
    "- {found}\n"
    "- {ended}\n"
)


def test_a_timeline_told_in_plain_words_marks_its_milestones(lint_text: LintFn) -> None:
    text = _DOC.format(
        found="10:10 The payments clerk queries an unusual rise in refund volume",
        ended="10:40 Batch retry switched off; duplicate refunds stop",
    )
    assert lint_text(text, select=["PM504"]).diagnostics == []


def test_look_alikes_leave_the_milestones_missing(lint_text: LintFn) -> None:
    text = _DOC.format(
        found="10:10 The payments clerk queries the expected rise in refund volume",
        ended="10:40 Batch retry still on; waiting until duplicate refunds stop",
    )
    diags = lint_text(text, select=["PM504"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Timeline"]
    assert "neither detection" in diags[0].message
