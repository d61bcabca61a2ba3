"""misc36: a list the writers visibly track (items with a labelled owner and due date)
under a heading in their own words ("Where we go from here", "From here on") is the
document's action list for the actions rules (act35), so PM201 must not call the Action
Items part missing. Look-alikes: a list whose items carry no such fields, a single tracked
item, and a timeline whose entries name who did what. Every sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import missing

_HEAD = (
    "# Glasshouse vents stuck shut\n\n**Date:** 2026-06-11\n**Authors:** Ravi Menon\n"
    "**Status:** Final\n**Severity:** SEV-3\n**Duration:** 3 hours\n\n"
    "## Summary\n\nThe vent motors stalled for three hours and two benches of seedlings wilted.\n\n"
    "## Impact\n\nTwo of nine benches lost their seedlings.\n\n"
    "## Root Cause\n\nA firmware update reset the motor current limit to its lowest value.\n\n"
)


@pytest.mark.parametrize("heading", ["Where we go from here", "From here on", "Next season"])
def test_a_tracked_list_under_any_heading_is_the_action_items_part(heading: str) -> None:
    doc = (
        f"{_HEAD}## {heading}\n\n"
        "1. Pin the motor current limit in the vent config. Owner: Ravi. Due: 2026-07-01.\n"
        "2. Add a stall alarm to the greenhouse panel. Owner: Lena. Due: 2026-07-15.\n"
        "3. Ask the vendor about a rollback switch.\n"
    )
    assert "action-items" not in missing(doc)


@pytest.mark.parametrize(
    "body",
    [
        # no labelled fields: ideas, not a tracked list
        "## Where we go from here\n\n- Pin the motor current limit.\n- Add a stall alarm.\n",
        # one tracked item is no tracked list
        "## Where we go from here\n\n"
        "- Pin the motor current limit. Owner: Ravi. Due: 2026-07-01.\n"
        "- Ask the vendor about a rollback switch.\n",
        # a timeline naming who did what is a record, not a list of work
        "## Timeline\n\n"
        "- 08:10 vents stalled. Owner: Ravi. Due: now.\n"
        "- 09:40 firmware rolled back. Owner: Lena. Due: 10:00.\n",
    ],
)
def test_lists_that_are_not_tracked_work_leave_the_part_missing(body: str) -> None:
    assert "action-items" in missing(f"{_HEAD}{body}")
