"""Onset or recovery: the verb that follows "start" decides.

An impact-start phrase ("errors start", "impact begins") whose complement is a verb of
decrease or recovery ("errors start to drop", "timeouts began subsiding") tells the recovery
under way: the entry is a mitigation, and the impact start is looked for elsewhere (the
first detection, when no other entry marks it), so PM503 does not measure a stated duration
from the recovery. A rising complement ("errors start climbing") is still the onset, and an
easing verb with an object of its own ("started to drop the queued orders") is harm.

The start such a timeline often opens with is something the service needs lapsing ("the
certificate on the card gateway expires"): that is the impact start (the sentences and
look-alikes are in tests/fixtures/timeline/milestones.txt and milestones-clean.txt).
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words

HERE = FIXTURES / "timeline"


@pytest.mark.parametrize(
    "event",
    [
        "Cache flushed on every edge host; declines start to drop",
        "Error rates begin to fall once the replicas catch up",
        "Timeouts started subsiding after the pool was resized",
        "Checkout errors start decreasing as the old pods drain",
        "5xx start tapering off after the flag flip",
        "Customer impact starts to ease in the EU region",
        "Errors start to slowly come down",
        "Latency begins to level off at 300 ms",
        "Errors start to drop 40% within the first minute",
    ],
)
def test_an_onset_verb_with_an_easing_complement_is_recovery(event: str) -> None:
    got = words(builtin_pack()).classify(event)
    assert "impact-start" not in got and "mitigation" in got


@pytest.mark.parametrize(
    "event",
    [
        "Errors start climbing on the EU shard",
        "Error rates begin to rise after the deploy",
        "Latency starts creeping up on the search tier",
        "Timeouts start to pile up behind the lock",
        # the easing verb acts on something: harm, not recovery
        "The outage started to drop the queued orders",
        # an onset, then a recovery told apart: the onset still counts
        "Timeouts spike, then start to subside after a minute",
    ],
)
def test_an_onset_verb_with_a_rising_complement_stays_the_onset(event: str) -> None:
    assert "impact-start" in words(builtin_pack()).classify(event)


def test_a_start_marker_easing_marks_no_start() -> None:
    w = words(builtin_pack())
    assert "impact-start" not in w.marked("Impact starts to ease as traffic moves")
    assert "impact-start" in w.marked("Impact starts: card payments fail")


def test_the_duration_is_not_measured_from_the_recovery(lint_text: LintFn) -> None:
    text = (HERE / "easing-onset.md").read_text(encoding="utf-8")
    assert lint_text(text, select=["PM503"]).diagnostics == []
    # a stated duration that disagrees is measured from the first detection
    short = text.replace("| Duration | 1h 50m |", "| Duration | 40m |")
    got = [d.message for d in lint_text(short, select=["PM503"]).diagnostics]
    assert got == [
        "Stated duration 40m disagrees with the timeline: first detection 07:46 to "
        "resolution 09:36 is 1h 50m"
    ]


_EXPIRY = """# Gateway certificate lapsed

| Field | Value |
|---|---|
| Duration | {duration} |

## Timeline

All times UTC.

| Time | Event |
|------|-------|
| 07:40 | Certificate on the card gateway expires |
| 07:46 | Payment synthetic probe fails and pages the payments on-call |
| 09:10 | New certificate installed on the gateway; declines start to drop |
| 09:36 | Decline rate back to normal; incident resolved |
"""


def test_a_lapsed_certificate_is_where_the_impact_starts(lint_text: LintFn) -> None:
    """Something the service needs lapsing (a certificate, a domain, a licence) is the
    onset; the easing entry after the fix is not."""
    assert lint_text(_EXPIRY.format(duration="1h 56m"), select=["PM503"]).diagnostics == []
    got = [
        d.message for d in lint_text(_EXPIRY.format(duration="40m"), select=["PM503"]).diagnostics
    ]
    assert got == [
        "Stated duration 40m disagrees with the timeline: impact start 07:40 to "
        "resolution 09:36 is 1h 56m"
    ]
