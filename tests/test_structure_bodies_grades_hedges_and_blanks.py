"""Parts and fields told in a review board's or a small team's own words, and blanks that
are not answers.

- The Authors given as the body that sat on the review ("Committee members", "Review
  convened by", a byline "prepared by the ... committee"); who approved, escalated or
  notified, or who convened a call, names no writer.
- The Severity given as a level under a class label in the head ("Incident class:
  Category B", "Grade: level 3"); a data marking, a category of cause, an action item's
  priority or a class label over no level gives none.
- Action Items headed as a wish list or a fix list ("Wishlist", "Fixes / wish list");
  "Customer wishlist" and a "Wishlist" feature name no part.
- A Timeline whose formal name is hedged ("What happened (timeline-ish)", "How it went:
  rough chronology"); a hedge alone ("What happened (roughly)") names nothing new.
- A field left as "[TBD]" or "(TODO)"; a section that is only "None yet", or only "N/A"
  under a part every incident has (Detection), is a blank; "N/A" under Contributing
  factors and "None" as an answer are answers.

Every sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import _NLP, BODY, _config, missing, run

from pm_lsp.engine import lint
from pm_lsp.policy.templates import load_template

_HEAD = "# Night shift lost the label printers\n\n**Date:** 2026-05-02\n**Status:** Draft\n"


def _doc(head: str, body: str = BODY) -> str:
    return f"{_HEAD}{head}\n**Duration:** 50 minutes\n\n{body}"


# -- Authors: the review's body --------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "**Severity:** SEV-3\n**Committee members:** Head of Quality (chair), two shift leads",
        "**Severity:** SEV-3\n**Review convened by:** Site Safety Committee",
        "**Severity:** SEV-3\n\n| Field | Value |\n|---|---|\n"
        "| Review committee | Plant quality board |",
        "**Severity:** SEV-3\n**Review board:** Operations, Quality and IT leads",
    ],
)
def test_the_body_that_held_the_review_gives_the_authors(head: str) -> None:
    assert "authors" not in missing(_doc(head))


@pytest.mark.parametrize(
    "head",
    [
        "**Severity:** SEV-3\n**Approved by:** Plant director",
        "**Severity:** SEV-3\n**Escalated by:** Night supervisor",
        "**Severity:** SEV-3\n**Customers notified by:** Account desk",
        "**Severity:** SEV-3\n**Bridge convened by:** Duty manager",
        "**Severity:** SEV-3\n\nThe quality committee will meet on Friday.",
    ],
)
def test_approvers_notifiers_and_other_conveners_give_no_authors(head: str) -> None:
    assert "authors" in missing(_doc(head))


def test_a_byline_naming_the_committee_tells_the_authors_in_text() -> None:
    head = "**Severity:** SEV-3\n\nPrepared by the Site Safety Committee"
    assert "authors" not in {
        (d.data or {}).get("field")
        for d in run(_doc(head))
        if d.code == "PM203" and "Missing metadata" in d.message
    }


# -- Severity: a level under a class label ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "**Incident class:** Category B",
        "**Event classification:** Level 2 - reached a customer, no loss",
        "**Grade:** level 3 (minor)",
        "Occurrence category: Class II",
        "| Event grading | 2 - no harm |",
    ],
)
def test_a_level_under_a_class_label_gives_the_severity(line: str) -> None:
    head = "**Authors:** Noor Haddad\n"
    if line.startswith("|"):
        head += "\n| Field | Value |\n|---|---|\n"
    assert "severity" not in missing(_doc(head + line))


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("**Data classification:** Internal", BODY),
        ("**Classification:** Level 2", BODY),  # a protective marking's level
        ("**Incident category:** Network hardware", BODY),
        ("**Event classification:** TBD", BODY),
        ("**Incident class:** 2024-05-02", BODY),
        ("", BODY + "- Patch the spooler (@noor). **Priority:** P2\n"),
        ("", BODY.replace("## Impact", "Grade: Level 2\n\n## Impact")),
    ],
)
def test_no_level_or_no_class_label_in_the_head_gives_no_severity(line: str, body: str) -> None:
    assert "severity" in missing(_doc("**Authors:** Noor Haddad\n" + line, body))


# -- headings: wish lists, fix lists, hedged timelines ---------------------------------------


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("Wishlist", {"action-items"}),
        ("Fixes / wish list", {"action-items"}),
        ("Fix list", {"action-items"}),
        ("Wish list for next quarter", {"action-items"}),
        ("Planned fixes", {"action-items"}),
        ("Fixes still to make", {"action-items"}),
        ("What happened (timeline-ish)", {"summary", "timeline"}),
        ("How it went: rough chronology", {"timeline"}),
        ("What we saw (approximate timeline, all times CET)", {"timeline"}),
        ("Timeline (rough)", {"timeline"}),
        ("Sequence of events, more or less", {"timeline"}),
        # look-alikes
        ("Customer wishlist", set()),
        ("Wishlist sync outage", set()),
        ("Deploy fix list", set()),
        ("Fixes applied overnight", set()),
        ("What happened (roughly)", {"summary"}),
        ("What happened (rough notes)", {"summary"}),
    ],
)
def test_headings_name_their_parts(heading: str, parts: set[str]) -> None:
    assert set(load_template("standard").concepts_in(heading)) == parts


def test_a_wish_list_is_the_action_items_and_its_items_are_checked() -> None:
    body = BODY.split("## Action Items")[0] + (
        "## Fixes / wishlist\n\n- Improve monitoring of the printers.\n"
    )
    text = _doc("**Authors:** Noor Haddad\n**Severity:** SEV-3", body)
    found = lint(text, _config("standard", ("PM201", "PM302")), nlp=_NLP).diagnostics
    assert "action-items" not in {(d.data or {}).get("section") for d in found}
    owners = [d for d in found if d.code == "PM302"]
    assert len(owners) == 1
    assert text[owners[0].start :].startswith("Improve monitoring")


def test_a_hedged_timeline_heading_is_the_timeline() -> None:
    body = BODY + (
        "\n## What happened (timeline-ish)\n\n"
        "At 01:10 the spooler stopped. At 01:40 the shift lead called IT. At 02:00 it ran.\n"
    )
    assert "timeline" not in missing(_doc("**Authors:** Noor Haddad\n**Severity:** SEV-3", body))


# -- blanks: placeholders in brackets, "None yet", "N/A" where something must be said --------


def _pm202(body: str, head: str = "**Authors:** Noor Haddad\n**Severity:** SEV-3") -> set[str]:
    return {d.message for d in run(_doc(head, body)) if d.code == "PM202"}


@pytest.mark.parametrize("value", ["[TBD]", "(TODO)", "<tbd>", "**[TBD]**"])
def test_a_bracketed_placeholder_value_is_not_filled_in(value: str) -> None:
    text = _doc(f"**Authors:** {value}\n**Severity:** SEV-3")
    found = [d for d in run(text) if d.code == "PM203" and "not filled in" in d.message]
    assert len(found) == 1
    assert text[found[0].start : found[0].end].strip("*") == value.strip("*")


@pytest.mark.parametrize("value", ["Noor Haddad [on leave]", "(see the review notes)"])
def test_a_bracketed_value_that_is_no_placeholder_is_filled_in(value: str) -> None:
    text = _doc(f"**Authors:** {value}\n**Severity:** SEV-3")
    assert not [d for d in run(text) if d.code == "PM203" and "not filled in" in d.message]


@pytest.mark.parametrize(
    "section",
    [
        "## Detection\n\nN/A\n",
        "## Detection\n\nn/a.\n",
        "## Lessons learned\n\nNone yet.\n",
        "## Response\n\n**Nothing yet**\n",
    ],
)
def test_a_section_still_to_write_is_reported(section: str) -> None:
    assert any("placeholder" in m for m in _pm202(BODY + "\n" + section))


@pytest.mark.parametrize(
    "section",
    [
        "## Contributing factors\n\nN/A\n",
        "## Where we got lucky\n\nNone.\n",
        "## Detection\n\nData loss: None\n",
        "## Detection\n\n| Check | Result |\n|---|---|\n| Printer alarm | N/A |\n",
        "## Detection\n\nNone of our alerts fired; a shift lead called IT.\n",
    ],
)
def test_an_answer_that_nothing_applies_is_no_blank(section: str) -> None:
    assert _pm202(BODY + "\n" + section) == set()
