"""Precision classes of the timeline rules found by writers testing pm-lint on postmortems of
their own, each with true positives and hard negatives on fixture documents written for them:

* PM501, a zone stated where the timeline is introduced: on a label line that opens the
  timeline ("Timeline (UTC):", "Timeline, in CET:"), on a lead-in sentence ending with a
  colon, in a sentence saying the times are "in Pacific time". A timeline with no zone
  anywhere is still reported, and so is one whose "zone" is a region ("the Central region").
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

HERE = FIXTURES / "timeline"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _pm501(lint_text: LintFn, text: str) -> list[str]:
    return [text[d.start : d.end] for d in lint_text(text, select=["PM501"]).diagnostics]


# -- PM501: the zone on the line that introduces the timeline ---------------------------------

LABEL = "Timeline (UTC):"


@pytest.mark.parametrize(
    "lead",
    [
        LABEL,
        "Timeline (CET):",
        "Timeline, in CET:",
        "Timeline, Berlin time (CET):",
        "Timeline (Pacific):",
        "Timeline-ish (JST, since the team was in Tokyo):",
        "All times are in UTC:",
        "Times below are Pacific time (PT).",
    ],
)
def test_a_zone_on_the_timeline_label_line_is_a_zone(lint_text: LintFn, lead: str) -> None:
    text = _read("zone-lead-in.md").replace(LABEL, lead)
    assert _pm501(lint_text, text) == []


@pytest.mark.parametrize(
    ("lead", "anchor"),
    [
        ("Timeline:", "Timeline"),
        ("Timeline of the EU region outage:", "Timeline of the EU region outage"),
        ("Timeline of the Central region outage:", "Timeline of the Central region outage"),
        ("Timeline (Eastern Europe tenants):", "Timeline (Eastern Europe tenants)"),
    ],
)
def test_a_label_line_without_a_zone_is_still_reported(
    lint_text: LintFn, lead: str, anchor: str
) -> None:
    text = _read("zone-lead-in.md").replace(LABEL, lead)
    assert _pm501(lint_text, text) == [anchor]


SENTENCE = "We rebuilt this from the scheduler log and the chat channel (CET):"


@pytest.mark.parametrize(
    "lead",
    [
        SENTENCE,
        "Everything below is in Pacific time, as read off the laptops of the team in Seattle.",
        "Here is the order of events, in UTC, as the scheduler recorded them:",
    ],
)
def test_a_lead_in_sentence_states_the_zone(lint_text: LintFn, lead: str) -> None:
    text = _read("zone-lead-in-section.md").replace(SENTENCE, lead)
    assert _pm501(lint_text, text) == []


@pytest.mark.parametrize(
    "lead",
    [
        "We rebuilt this from the scheduler log and the chat channel:",
        "Below is what we know about the failure of the Central region cluster:",
        "We rebuilt this from the scheduler log (the one in the Pacific region) and chat.",
    ],
)
def test_a_lead_in_sentence_without_a_zone_is_still_reported(lint_text: LintFn, lead: str) -> None:
    text = _read("zone-lead-in-section.md").replace(SENTENCE, lead)
    assert _pm501(lint_text, text) == ["Timeline"]


def test_a_zone_in_the_time_column_header_is_a_zone(lint_text: LintFn) -> None:
    table = (
        "| Time (UTC) | Event |\n|---|---|\n| 09:00 | Export job starts |\n"
        "| 09:14 | Finance reports errors |\n| 10:02 | Incident resolved |\n"
    )
    text = "# Ledger export\n\n## Timeline\n\n" + table
    assert _pm501(lint_text, text) == []
    assert _pm501(lint_text, text.replace("Time (UTC)", "Time")) == ["Timeline"]
