"""PM201: a Timeline named by the pace or the order of its telling ("What happened, step by
step", "Minute by minute", "Order of events", "How it unfolded") is the Timeline part.
Look-alikes that name no timeline: the same pace before other words ("Step-by-step
recovery guide", "Hour by hour costs"), and a procedure under "### Step by step" draws no
timeline finding. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Ferry ticket gates stuck\n\n**Severity:** SEV3\n\n## Summary\n\n"
    "Ticket gates at two piers stayed shut for 35 minutes on 2026-04-09; 420 passengers"
    " queued.\n\n"
)
#: day before month ("9 Apr 07:02"): rows the content test does not count, so the heading
#: alone must name the part
_TIMES = (
    "| Time (UTC) | Event |\n|---|---|\n| 9 Apr 07:02 | Gates stop reading passes |\n"
    "| 9 Apr 07:15 | Pier staff open the side gate by hand |\n"
    "| 9 Apr 07:37 | Gate firmware rolled back |\n"
)


def _timeline_missing(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM201"]).diagnostics
    return [d.message for d in diags if "Timeline" in d.message]


@pytest.mark.parametrize(
    "heading",
    [
        "What happened, step by step",
        "Step-by-step",
        "The morning, minute by minute",
        "Hour by hour",
        "Order of events",
        "Course of events",
        "How it unfolded",
        "Sequence of events",
        "Chronology",
    ],
)
def test_a_timeline_named_by_its_telling_is_the_timeline(lint_text: LintFn, heading: str) -> None:
    text = f"{_HEAD}## {heading}\n\n{_TIMES}"
    assert _timeline_missing(lint_text, text) == []


@pytest.mark.parametrize("heading", ["Step-by-step recovery guide", "Hour by hour costs"])
def test_a_pace_before_other_words_names_no_timeline(lint_text: LintFn, heading: str) -> None:
    text = f"{_HEAD}## {heading}\n\nThe gates were reset one pier at a time.\n"
    assert len(_timeline_missing(lint_text, text)) == 1


def test_a_procedure_headed_step_by_step_draws_no_timeline_finding(lint_text: LintFn) -> None:
    base = f"{_HEAD}## Timeline\n\n{_TIMES}\n## Resetting a gate\n\n"
    steps = "1. Hold the service key to the reader.\n2. Wait for the green light.\n"

    def found(text: str) -> list[tuple[str, str]]:
        diags = lint_text(text, select=["PM201", "PM5"]).diagnostics
        return [(d.code, d.message) for d in diags]

    assert found(f"{base}### Step by step\n\n{steps}") == found(f"{base}### The steps\n\n{steps}")


#: act42: entries stamped with the day before the month, in a table or a list, under a
#: heading that names no timeline, are read by their content
_DAY_MONTH = [
    "| When | What |\n|---|---|\n| 9 Apr 07:02 | Gates stop reading passes |\n"
    "| 9 Apr 07:15 | Pier staff open the side gate by hand |\n"
    "| 9 Apr 07:37 | Gate firmware rolled back |\n",
    "- 9 April 07:02 - gates stop reading passes\n"
    "- 9 April 07:15 - pier staff open the side gate by hand\n"
    "- 9 April 2026, 07:37 - gate firmware rolled back\n",
    "- 9 Apr. 07:02 gates stop reading passes\n- 9 Apr. 07:15 side gate opened by hand\n"
    "- 9 Apr. 07:37 gate firmware rolled back\n",
]


@pytest.mark.parametrize("entries", _DAY_MONTH)
def test_entries_stamped_day_before_month_are_the_timeline(lint_text: LintFn, entries: str) -> None:
    assert _timeline_missing(lint_text, f"{_HEAD}## Gate notes\n\n{entries}") == []


@pytest.mark.parametrize(
    "entries",
    [
        # counts and units before a clock-like number are no stamps
        "- 3 Gates 07:02 firmware\n- 4 Gates 07:15 firmware\n- 5 Gates 07:37 firmware\n",
        # dates without a time of day: a list of due dates, no sequence of events
        "- 9 April: renew the pass certificates\n- 12 April: patch the gate firmware\n"
        "- 20 April: drill the manual opening\n",
    ],
)
def test_numbers_and_bare_dates_are_no_timeline(lint_text: LintFn, entries: str) -> None:
    assert _timeline_missing(lint_text, f"{_HEAD}## Gate notes\n\n{entries}") != []
