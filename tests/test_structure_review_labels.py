"""Metadata labels of other review traditions: an ITIL-style major incident review gives
the incident's level as its "Priority" in the head, a clinical or patient-safety review
grades it by harm ("Harm level", "Degree of harm") and names its writers as the review's
lead and panel. PM203 must not call the Severity or the Authors missing under them.
Look-alikes: an action item's "Priority" further down (the Severity is still missing), a
head "Priority" left as a placeholder, prose that mentions a priority, the harm done or a
review panel, and a dashboard's "Panel" label. Every sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing

_HEAD = "# Ward pumps lost their drug library\n\n**Date:** 2026-03-11\n**Status:** Final\n"


def _doc(head: str, body: str = BODY) -> str:
    return f"{_HEAD}{head}\n**Duration:** 40 minutes\n\n{body}"


@pytest.mark.parametrize(
    "head",
    [
        "**Authors:** Ines Varga\n**Priority:** P2 (Major Incident)",
        "**Authors:** Ines Varga\nIncident priority: 1 - critical",
        "**Authors:** Ines Varga\n\n| Field | Value |\n|---|---|\n| **Priority** | P1 |",
        "**Authors:** Ines Varga\n**Harm level:** Moderate harm (two patients)",
        "**Authors:** Ines Varga\nDegree of harm: none",
        "**Authors:** Ines Varga\n\n| Field | Value |\n|---|---|\n| Level of harm | Low |",
    ],
)
def test_a_head_priority_or_a_harm_grade_gives_the_severity(head: str) -> None:
    assert "severity" not in missing(_doc(head))


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # an action item's priority is the item's, not the incident's
        (
            "**Authors:** Ines Varga",
            BODY + "- Reload the drug library nightly (@ines). **Priority:** P2\n",
        ),
        # a "Priority" line opening a line in a section, not in the head
        ("**Authors:** Ines Varga", BODY.replace("## Impact", "Priority: P1\n\n## Impact")),
        ("**Authors:** Ines Varga\n**Priority:** TBD", BODY),
        ("**Authors:** Ines Varga\n\nPriority went to the wards with the most pumps.", BODY),
        ("**Authors:** Ines Varga\n\nThe harm level was judged low by the pharmacy team.", BODY),
    ],
)
def test_priority_elsewhere_or_unfilled_gives_no_severity(head: str, body: str) -> None:
    assert "severity" in missing(_doc(head, body))


@pytest.mark.parametrize(
    "head",
    [
        "**Severity:** SEV-2\n**Review lead:** Dr Ines Varga, Chief Pharmacist",
        "**Severity:** SEV-2\n\n| Field | Value |\n|---|---|\n"
        "| Review panel | Two ward nurses, a safety officer and a pump engineer |",
        "**Severity:** SEV-2\nLead reviewer: Tomasz Ek",
        "**Severity:** SEV-2\n**Investigation lead:** Wen Liu (Medical Devices)",
    ],
)
def test_the_review_lead_or_panel_gives_the_authors(head: str) -> None:
    assert "authors" not in missing(_doc(head))


@pytest.mark.parametrize(
    "head",
    [
        "**Severity:** SEV-2\n\nThe review panel will sit again on Thursday.",
        "**Severity:** SEV-2\n**Panel:** infusion errors per hour (ward dashboard)",
        "**Severity:** SEV-2\n**Review date:** 2026-03-18",
    ],
)
def test_prose_about_a_panel_gives_no_authors(head: str) -> None:
    assert "authors" in missing(_doc(head))
