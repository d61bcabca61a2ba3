"""Metadata under the labels of formal reports and in a summary's own field line.

An anomaly or investigation report names its writer as its originator or its
investigators ("Originator:", "Investigating officers:"), which give the Authors. It grades
the occurrence under a classification or category label ("Classification | Major
incident"), and a write-up kept as an issue may give its Severity and Status together on
one line of its summary ("Severity: 2 | Status: closed"); both tell the field in the text,
so PM203 does not call it missing (with a template it asks for the field line under the
title). Look-alikes: a protective marking or a kind of cause under the same labels, a
sentence that only names a status, and a Status after a key of an action item. Every
sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, run

_HEAD = "**Date:** 2026-09-14\n**Duration:** 35 minutes\n"


def _pm203(text: str, template: str | None = "standard") -> dict[str, str]:
    """Field id -> "missing" or "in text", from the PM203 findings."""
    out: dict[str, str] = {}
    for d in run(text, template):
        field = (d.data or {}).get("field")
        if d.code == "PM203" and field:
            out[str(field)] = "missing" if d.message.startswith("Missing") else "in text"
    return out


def _doc(head: str, summary_line: str = "") -> str:
    return f"# Tram depot signals went dark\n\n{_HEAD}{head}\n\n" + BODY.replace(
        "The billing job stopped for an hour.\n",
        f"The billing job stopped for an hour.\n\n{summary_line}\n" if summary_line else "",
        1,
    ).replace("## Summary\n\n\n", "## Summary\n\nThe billing job stopped for an hour.\n\n")


_FULL = "**Status:** Final\n**Severity:** SEV-3"


@pytest.mark.parametrize(
    "line",
    [
        "Originator: K. Haraldsen, Depot Systems Engineer",
        "**Investigating officer:** Dr Amara Eze",
        "| Investigating officers | Lene Dahl (Lead), Omar Said |",
        "**Investigators:** the signalling safety group",
        "**Lead investigator:** Petra Novak",
        "Investigated by: Jonas Brink",
    ],
)
def test_an_originator_or_investigator_gives_the_authors(line: str) -> None:
    if line.startswith("|"):
        line = f"| Field | Value |\n|---|---|\n{line}"
    assert "authors" not in _pm203(_doc(f"{_FULL}\n{line}"))


@pytest.mark.parametrize(
    "line",
    [
        "| Classification | Serious depot occurrence |",
        "| Occurrence category | Minor |",
        "**Classification:** Major incident",
        "**Incident category:** Significant service disruption",
    ],
)
def test_a_graded_classification_tells_the_severity(line: str) -> None:
    if line.startswith("|"):
        line = f"| Field | Value |\n|---|---|\n{line}"
    text = _doc(f"**Status:** Final\n**Authors:** Ilse Moor\n{line}")
    assert _pm203(text).get("severity") == "in text"
    assert "severity" not in _pm203(text, None)


@pytest.mark.parametrize(
    "line",
    [
        "**Classification:** Confidential",
        "| Classification | Internal use only |",
        "**Category:** Hardware fault",
        "**Category:** High availability cluster",
        "**Data classification:** Restricted",
    ],
)
def test_a_marking_or_a_kind_of_cause_is_no_severity(line: str) -> None:
    if line.startswith("|"):
        line = f"| Field | Value |\n|---|---|\n{line}"
    text = _doc(f"**Status:** Final\n**Authors:** Ilse Moor\n{line}")
    assert _pm203(text).get("severity") == "missing"


@pytest.mark.parametrize(
    "line",
    [
        "Severity: SEV-2 (fare data withheld). Status: resolved, two follow-ups open.",
        "Severity: 2 | Status: Closed",
        "Severity: high — Status: in review",
        "Sev: 1; Status: mitigated",
    ],
)
def test_a_status_after_the_severity_on_a_summary_line_is_told(line: str) -> None:
    text = _doc("**Authors:** Ilse Moor", line)
    found = _pm203(text)
    assert found.get("status") == "in text"
    assert found.get("severity") == "in text"
    assert "status" not in _pm203(text, None)


@pytest.mark.parametrize(
    "line",
    [
        "Severity: SEV-2; the status page was refreshed at 14:10.",
        "Severity: SEV-2, and we kept the status of the rollback unclear for an hour.",
        "- Priority: P1 | Status: done | Owner: Omar",
        "The status: unclear until the vendor called back.",
    ],
)
def test_a_sentence_naming_a_status_tells_no_status(line: str) -> None:
    text = _doc("**Authors:** Ilse Moor", line)
    assert _pm203(text).get("status") == "missing"
