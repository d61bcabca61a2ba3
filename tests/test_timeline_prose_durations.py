"""PM503 on the incident's duration stated in prose: a Summary sentence that gives it in
words or with an estimate ("for about an hour", "lasted roughly four hours", "a 40-minute
outage"), an Impact sentence that names the incident itself ("the outage lasted",
"70 minutes of downtime"). Estimates and whole hours get a wider tolerance, bounds ("more
than two hours") are contradicted from one side only, and durations of other things (a
step of the response, a baseline, a retry period, a sub-period in the Impact section) are
no statement of the incident's length. In every other section (the line after the
timeline's table, Root cause, Response, Detection...) a sentence counts when its subject is the
whole incident ("the outage lasted", "downtime ran for", "the exposure window was ... long"),
never another incident, a part of this one, a phase or a hypothetical. A labelled total on a
line of its own ("Total downtime: 47 minutes", "Time to resolve: 2h") is read like the
Duration field, but not a phase's label ("Time to detect") nor a total of something else.
A timeline that runs across midnight or several days is measured across its dates, and the
message then shows the day of a clock-only label.

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
        ("Shoppers could not search for roughly 1 hour and 30 minutes.",
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


@pytest.mark.parametrize(
    ("summary", "impact", "where", "sentence"),
    [
        # a part of the footprint named: a region, a cluster, a shard, a data center, a
        # country; its duration may be shorter than the whole incident's 2h 15m
        ("Search in the Sydney region was unavailable for 40 minutes.", "", "", ""),
        ("For 25 minutes, one shard of the index rejected every query.", "", "", ""),
        ("Shoppers in two countries could not search for about an hour.", "", "", ""),
        ("", "The outage lasted 30 minutes in the secondary data center.", "", ""),
        ("", "In the APAC region the outage lasted 50 minutes.", "", ""),
        ("", "", "Root cause", "Blue cluster downtime lasted 25 minutes."),
        ("", "Total EU region downtime: 40 minutes", "", ""),
    ],
)  # fmt: skip
def test_a_duration_of_one_part_of_the_footprint_is_not_the_incident_s(
    lint_text: LintFn, summary: str, impact: str, where: str, sentence: str
) -> None:
    text = (
        _elsewhere(where, sentence)
        if where
        else _doc(summary or NEUTRAL_SUMMARY, impact or NEUTRAL_IMPACT)
    )
    assert _pm503(lint_text, text) == []


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        # the part said to be all of them, or no part named: still the incident's length
        ("Search failed in every region for about an hour.", "an hour"),
        ("Across all clusters, searches were rejected for roughly four hours.", "four hours"),
        ("Search was down in both data centers for 50 minutes.", "50 minutes"),
        ("Search in the catalogue was unavailable for 40 minutes.", "40 minutes"),
    ],
)  # fmt: skip
def test_a_duration_over_all_parts_is_still_the_incident_s(
    lint_text: LintFn, summary: str, stated: str
) -> None:
    assert _pm503(lint_text, _doc(summary)) == [stated]


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


ROOT_CAUSE = "An index shard outgrew the memory of its node."


def _elsewhere(where: str, sentence: str) -> str:
    """The fixture with ``sentence`` after the timeline's table, or in place of the Root
    cause's text under the heading ``where``."""
    if where == "timeline":
        return _doc().replace("\n\n## Root cause", f"\n\n{sentence}\n\n## Root cause")
    return _doc().replace("## Root cause", f"## {where}").replace(ROOT_CAUSE, sentence)


@pytest.mark.parametrize(
    ("where", "sentence", "stated"),
    [
        ("timeline", "The outage lasted about 50 minutes from the first timeout to recovery.",
         "50 minutes"),
        ("timeline", "In total, the disruption ran for roughly five hours.", "five hours"),
        ("timeline", "The exposure window was roughly 6 hours long.", "6 hours"),
        ("timeline", "The incident was 5 hours end to end.", "5 hours"),
        ("Root cause", "Downtime lasted 25 minutes, and the cause was a full node.",
         "25 minutes"),
        ("Root cause", "Customer impact continued for about 40 minutes.", "40 minutes"),
        ("Root cause", "The outage lasted 50 minutes in total.", "50 minutes"),
        ("Response", "The whole incident took just under an hour.", "an hour"),
        ("Detection", "From first alarm to recovery, the outage spanned 4 hours 10 minutes.",
         "4 hours 10 minutes"),
        ("Narrative", "We estimate that the outage lasted close to four hours.", "four hours"),
        # a general word for the incident, bare
        ("timeline", "The issue persisted for roughly 50 minutes.", "50 minutes"),
        ("Root cause", "This problem lasted about five hours.", "five hours"),
        ("Narrative", "The fault went on for 40 minutes in total.", "40 minutes"),
        # the harm named by its kind, bare
        ("timeline", "The lockout itself lasted roughly three hours.", "three hours"),
        ("Root cause", "This blackout lasted roughly 50 minutes.", "50 minutes"),
        ("Narrative", "In total, the slowdown ran for five hours.", "five hours"),
    ],
)  # fmt: skip
def test_the_whole_incident_s_length_in_any_section_is_reported(
    lint_text: LintFn, where: str, sentence: str, stated: str
) -> None:
    assert _pm503(lint_text, _elsewhere(where, sentence)) == [stated]


@pytest.mark.parametrize(
    ("where", "sentence"),
    [
        # consistent with 2h 15m
        ("timeline", "The outage lasted about two hours."),
        ("timeline", "The incident lasted 2 hours and 15 minutes."),
        # a window, a step or a phase of the response
        ("timeline", "The rollback window lasted 20 minutes."),
        ("timeline", "The maintenance window lasted 5 hours."),
        ("timeline", "The incident channel was quiet for 40 minutes."),
        ("Root cause", "Recovery from the outage took 5 hours."),
        ("Root cause", "The investigation took 5 hours after the outage ended."),
        ("Root cause", "The incident review took 3 hours."),
        ("Detection", "Detection of the incident took 12 minutes."),
        ("Detection", "The outage lasted 9 minutes before anyone was paged."),
        ("Root cause", "The outage took 40 minutes to detect."),
        # another incident, a hypothetical, a rate, a comparison
        ("Root cause", "A similar outage in 2021 lasted six hours."),
        ("Root cause", "The previous incident lasted 3 hours."),
        ("Root cause", "An outage of this kind would last about four hours."),
        ("Lessons learned", "Our downtime budget is 43 minutes per month."),
        ("Root cause", "The outage lasted 40 minutes longer than the last one."),
        # a part of the incident
        ("Root cause", "The partial outage lasted 40 minutes."),
        ("Root cause", "The first outage lasted 20 minutes and the second one lasted 30 minutes."),
        ("Root cause", "Impact on the EU region lasted 30 minutes."),
        ("Root cause", "Impact lasted 40 minutes in the EU and 2 hours in the US."),
        ("Root cause", "The outage lasted 50 minutes for most shoppers."),
        ("Messaging", "Each outage lasted about ten minutes."),
        ("Root cause", "The outage was 9 minutes old when the alert fired."),
        # a plan for the future
        ("Action items", "Keep any outage under 30 minutes; the outage lasted 40 minutes."),
        # a general word for the incident named as a part, another one, or a phase
        ("Root cause", "The cache issue persisted for 40 minutes."),
        ("Root cause", "The issue with the replica lasted 40 minutes."),
        ("Root cause", "A similar problem lasted five hours last spring."),
        ("Root cause", "The problem persisted for 40 minutes before anyone was paged."),
        ("Root cause", "The issue was 9 minutes old when the alert fired."),
        ("timeline", "The issue lasted about two hours."),  # consistent with 2h 15m
        # a kind of harm named as a mechanism's setting, another one, each one or a part
        ("Root cause", "The account lockout lasted 15 minutes, as the policy sets."),
        ("Root cause", "Each lockout lasted 15 minutes."),
        ("Root cause", "A lockout lasts 15 minutes after five failed attempts."),
        ("Root cause", "The previous blackout lasted six hours."),
        ("Root cause", "The lockout period was 30 minutes."),
        ("Root cause", "The slowdown of the disks took 20 minutes to appear."),
        ("Root cause", "The lockout lasted 15 minutes per user."),
        ("timeline", "The slowdown lasted about two hours."),  # consistent with 2h 15m
    ],
)  # fmt: skip
def test_other_lengths_outside_summary_and_impact_are_clean(
    lint_text: LintFn, where: str, sentence: str
) -> None:
    assert _pm503(lint_text, _elsewhere(where, sentence)) == []


def test_a_number_word_is_a_whole_word(lint_text: LintFn) -> None:
    """ "and" is no "an" ("1") before a "d" (days): the range ends with the duration."""
    text = _elsewhere("Root cause", "Downtime lasted 25 minutes and the cause was a full node.")
    assert _pm503(lint_text, text) == ["25 minutes"]


@pytest.mark.parametrize(
    ("impact", "stated"),
    [
        ("- Total search downtime: 50 minutes.", "50 minutes"),
        ("- Outage duration - 5 hours", "5 hours"),
        ("- **Overall impact window:** roughly six hours", "six hours"),
        ("- Shoppers affected: all of them\n- Downtime: 35 minutes", "35 minutes"),
        ("Time to resolve: 1h 10m", "1h 10m"),
        ("Total time from first timeout to recovery: about 45 minutes.", "45 minutes"),
    ],
)
def test_a_labelled_total_that_disagrees_is_reported(
    lint_text: LintFn, impact: str, stated: str
) -> None:
    assert _pm503(lint_text, _doc(impact=impact)) == [stated]


def test_a_labelled_total_in_another_section_is_read(lint_text: LintFn) -> None:
    text = _elsewhere("timeline", "Total duration: 40 minutes")
    assert _pm503(lint_text, text) == ["40 minutes"]


@pytest.mark.parametrize(
    "impact",
    [
        "- Total search downtime: 2 hours 15 minutes.",
        "- Time to resolve: about two hours",
        # a phase of the response
        "- Time to detect: 9 minutes",
        "- Time to mitigate: 34 minutes",
        "Total time from detection to mitigation: 25 minutes.",
        # a total of something else, a plan, a part, a step
        "- Total refunds: 40 minutes of credit",
        "- Total downtime credit: 40 minutes",
        "- Planned downtime: 30 minutes",
        "- Partial outage: 40 minutes",
        "- Rollback duration: 12 minutes",
        "- Duration of the rebuild: 40 minutes",
        "- Total time on the bridge: 6 hours",
        "- Monthly downtime allowance: 43 minutes",
        "- Error budget spent: 40 minutes",
    ],
)
def test_a_consistent_total_or_another_label_is_clean(lint_text: LintFn, impact: str) -> None:
    assert _pm503(lint_text, _doc(impact=impact)) == []


@pytest.mark.parametrize(
    ("impact", "stated"),
    [
        ("Every query returned an empty page. Total search downtime: 50 minutes.", "50 minutes"),
        ("**Impact:** search failed for all shoppers. Outage duration: 5 hours", "5 hours"),
        ("No order was lost! Total downtime - 35 minutes", "35 minutes"),
        ("Shoppers were annoyed.  Overall outage length: roughly six hours.", "six hours"),
    ],
)
def test_a_labelled_total_closing_a_paragraph_is_read(
    lint_text: LintFn, impact: str, stated: str
) -> None:
    """A label that opens a sentence after the paragraph's others is as plain a statement
    as one on a line of its own."""
    assert _pm503(lint_text, _doc(impact=impact)) == [stated]


@pytest.mark.parametrize(
    "impact",
    [
        "Every query returned an empty page. Total search downtime: 2 hours 15 minutes.",
        "Every query failed. Time to detect: 9 minutes.",
        "Every query failed. Planned downtime: 30 minutes.",
        "Every query failed. Total downtime credit: 40 minutes.",
        "Every query failed. Rollback duration: 12 minutes.",
        # inside a sentence, not opening one
        "The credit note lists the total downtime: 40 minutes.",
        "Shoppers hit errors for a while, and overall downtime: 40 minutes is our guess",
    ],
)
def test_other_labels_in_a_paragraph_are_clean(lint_text: LintFn, impact: str) -> None:
    assert _pm503(lint_text, _doc(impact=impact)) == []


def test_a_label_in_the_action_items_is_a_plan(lint_text: LintFn) -> None:
    text = _doc() + "\n## Action items\n\n- Target outage duration: 15 minutes\n"
    assert _pm503(lint_text, text) == []


def test_a_labelled_total_comes_before_prose(lint_text: LintFn) -> None:
    """A label is as plain as the Duration field: a Summary sentence that gives another
    length (a part of the incident, a step) does not make the document ambiguous."""
    text = _doc("Search was down for about two hours.", "- Total downtime: 50 minutes")
    assert _pm503(lint_text, text) == ["50 minutes"]


EXPORTS = """# Billing export outage

## Summary

Nightly invoice exports failed for customers.

## Timeline

All times UTC.

TIMELINE

STATED

## Root cause

A schema change dropped a column.
"""

DATE_COLUMN = """| Date | Time | Event |
|---|---|---|
| 2025-03-14 | 22:10 | Invoice exports start failing (impact begins) |
| 2025-03-14 | 22:40 | Alert pages the on-call engineer |
| 2025-03-15 | 18:55 | Exports back to normal, resolved |"""

DATE_HEADINGS = """### 2025-03-14

- 22:10 Invoice exports start failing (impact begins)
- 22:40 Alert pages the on-call engineer

### 2025-03-15

- 18:55 Exports back to normal, resolved"""

MONTH_DAYS = """- Mar 14, 22:10: Invoice exports start failing (impact begins)
- Mar 15, 09:00: Alert pages the on-call engineer
- Mar 16, 09:00: Exports back to normal, resolved"""

ROLLOVER = """- 22:10 Invoice exports start failing (impact begins)
- 22:40 Alert pages the on-call engineer
- 01:05 Exports back to normal, resolved"""


def _exports(timeline: str, stated: str) -> str:
    return EXPORTS.replace("TIMELINE", timeline).replace("STATED", stated)


@pytest.mark.parametrize(
    ("timeline", "measured"),
    [
        (DATE_COLUMN, "impact start 22:10 (14 Mar) to resolution 18:55 (15 Mar) is 20h 45m"),
        (DATE_HEADINGS, "impact start 22:10 (14 Mar) to resolution 18:55 (15 Mar) is 20h 45m"),
        (MONTH_DAYS, "impact start Mar 14, 22:10 to resolution Mar 16, 09:00 is 1d 10h 50m"),
    ],
)
def test_a_timeline_across_dates_is_measured_across_them(
    lint_text: LintFn, timeline: str, measured: str
) -> None:
    text = _exports(timeline, "The outage lasted about 3 hours from the first failed export.")
    (d,) = lint_text(text, select=["PM503"]).diagnostics
    assert text[d.start : d.end] == "3 hours"
    assert d.message == f"Stated duration 3 hours disagrees with the timeline: {measured}"


@pytest.mark.parametrize(
    ("timeline", "stated"),
    [
        (DATE_COLUMN, "The outage lasted about 21 hours."),
        (DATE_HEADINGS, "Total downtime: 20 hours 45 minutes"),
        (MONTH_DAYS, "The incident lasted roughly a day and a half."),
        # an undated timeline past midnight: 2h 55m, not a negative span
        (ROLLOVER, "The outage lasted about 3 hours."),
    ],
)
def test_a_span_across_dates_that_agrees_is_clean(
    lint_text: LintFn, timeline: str, stated: str
) -> None:
    assert _pm503(lint_text, _exports(timeline, stated)) == []


def test_a_dated_timeline_without_an_end_is_not_judged(lint_text: LintFn) -> None:
    timeline = DATE_COLUMN.replace("Exports back to normal, resolved", "Engineers keep watching")
    assert _pm503(lint_text, _exports(timeline, "The outage lasted about 3 hours.")) == []


WEEKS = """| Date | Time | Event |
|---|---|---|
| 2025-01-06 | 09:00 | Ledger imports start failing (impact begins) |
| 2025-01-13 | 10:00 | Finance analyst reports missing ledger lines |
| 2025-02-03 | 16:00 | Importer fixed and backlog replayed, resolved |"""


@pytest.mark.parametrize(
    ("stated", "figure"),
    [
        ("The outage lasted about two weeks.", "two weeks"),
        ("In total, the disruption ran for 2 weeks.", "2 weeks"),
        ("The disruption itself lasted one week.", "one week"),
        ("Total downtime: 2 wks", "2 wks"),
    ],
)
def test_a_duration_in_weeks_is_read(lint_text: LintFn, stated: str, figure: str) -> None:
    """The timeline runs four weeks (6 Jan to 3 Feb): a stated figure in weeks is read like
    one in days or hours."""
    assert _pm503(lint_text, _exports(WEEKS, stated)) == [figure]


@pytest.mark.parametrize(
    "stated",
    [
        "The outage lasted about four weeks.",
        "The incident lasted 4 weeks in total.",
        "The rollback of the importer took two weeks.",
        "The outage was measured against a two-week baseline.",
        "We will revisit the importer within two weeks.",
    ],
)
def test_weeks_that_agree_or_measure_something_else_are_clean(
    lint_text: LintFn, stated: str
) -> None:
    assert _pm503(lint_text, _exports(WEEKS, stated)) == []
