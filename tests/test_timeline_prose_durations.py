"""PM503 on the incident's duration stated in prose: a Summary sentence that gives it in
words or with an estimate ("for about an hour", "lasted roughly four hours", "a 40-minute
outage"), an Impact sentence that names the incident itself ("the outage lasted",
"70 minutes of downtime"). Estimates and whole hours get a wider tolerance, bounds ("more
than two hours") are contradicted from one side only, and durations of other things (a
step of the response, a baseline, a retry period, a sub-period in the Impact section) are
no statement of the incident's length.

The fixture's timeline runs from 21:10 (impact begins) to 23:25 (resolved): 2h 15m.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

TEXT = (FIXTURES / "timeline" / "duration-prose.md").read_text(encoding="utf-8")
NEUTRAL_SUMMARY = "Product search failed for shoppers."
NEUTRAL_IMPACT = "Shoppers saw empty result pages."


def _doc(summary: str = NEUTRAL_SUMMARY, impact: str = NEUTRAL_IMPACT) -> str:
    return TEXT.replace("SUMMARY_SENTENCE", summary).replace("IMPACT_SENTENCE", impact)


def _pm503(lint_text: LintFn, text: str) -> list[str]:
    return [text[d.start : d.end] for d in lint_text(text, select=["PM503"]).diagnostics]


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("Search was unavailable for about an hour.", "an hour"),
        ("For 50 minutes, searches failed for most shoppers.", "50 minutes"),
        ("The outage lasted roughly four hours.", "four hours"),
        ("Shoppers could not search for approximately 1 hour and 30 minutes.",
         "1 hour and 30 minutes"),
        ("It was a 40-minute outage of search.", "40-minute"),
        ("Search was down for less than an hour.", "an hour"),
        ("Over about six hours, product searches were rejected.", "six hours"),
        ("Search stayed offline for an hour and a half.", "an hour and a half"),
        ("🔍 検索 was unavailable for about an hour.", "an hour"),
    ],
)  # fmt: skip
def test_a_summary_sentence_that_disagrees_is_reported(
    lint_text: LintFn, summary: str, stated: str
) -> None:
    assert _pm503(lint_text, _doc(summary)) == [stated]


@pytest.mark.parametrize(
    "summary",
    [
        # estimates and whole hours close to 2h 15m
        "Search was unavailable for about two hours.",
        "Search was degraded for roughly 2 hours and 10 minutes.",
        "The outage lasted more than two hours.",
        "Search was down for under three hours.",
        # durations of other things
        "During the outage, the index rebuild took 40 minutes.",
        "The outage was compared against a 30-day baseline.",
        "Throughout the outage, clients retried every 5 minutes.",
        "The outage ended once the failover, which ran for 12 minutes, was done.",
    ],
)
def test_a_consistent_or_unrelated_summary_duration_is_clean(
    lint_text: LintFn, summary: str
) -> None:
    assert _pm503(lint_text, _doc(summary)) == []


@pytest.mark.parametrize(
    ("impact", "stated"),
    [
        ("The outage lasted about 50 minutes for shoppers in every region.", "50 minutes"),
        ("Shoppers had 70 minutes of downtime.", "70 minutes"),
        ("Customer impact continued for 50 minutes.", "50 minutes"),
    ],
)
def test_an_impact_sentence_about_the_whole_incident_is_reported(
    lint_text: LintFn, impact: str, stated: str
) -> None:
    assert _pm503(lint_text, _doc(impact=impact)) == [stated]


@pytest.mark.parametrize(
    "impact",
    [
        # a sub-period of the incident, told in the Impact section
        "For about 40 minutes, some search pages were slow.",
        "Around 2,000 shoppers were affected for 30 minutes in the EU region.",
        "Search was down for 50 minutes.",
        "The outage lasted about two hours.",
    ],
)
def test_an_impact_sub_period_or_a_consistent_length_is_clean(
    lint_text: LintFn, impact: str
) -> None:
    assert _pm503(lint_text, _doc(impact=impact)) == []


def test_a_timeline_without_an_end_is_not_judged(lint_text: LintFn) -> None:
    text = _doc("Search was unavailable for about an hour.").replace(
        "Search latency back to normal, resolved", "Engineers keep watching the latency"
    )
    assert _pm503(lint_text, text) == []


def test_the_message_names_the_stated_and_the_measured_duration(lint_text: LintFn) -> None:
    text = _doc("The outage lasted roughly four hours.")
    (d,) = lint_text(text, select=["PM503"]).diagnostics
    assert d.message == (
        "Stated duration four hours disagrees with the timeline: impact start 21:10 to "
        "resolution 23:25 is 2h 15m"
    )


def test_crlf_keeps_the_range(lint_text: LintFn) -> None:
    text = _doc("Search was unavailable for about an hour.").replace("\n", "\r\n")
    assert _pm503(lint_text, text) == ["an hour"]
