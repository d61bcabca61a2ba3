"""The Authors field under the labels writers give it: one label joining two of its own
names ("Note taker / Author", "Owner & editor", "Facilitator and scribe", "Author/Editor"),
a formal report's "Report of" line (the officer whose report it is), and the bylines
already in the pack ("Prepared by", "Written by", "Compiled by"). PM203 must not call the
Authors missing under any of them. Look-alikes: a joined label whose parts name other
fields or nobody ("Reporter / Assignee", "Status / Severity", "Reviewer and approver"),
the ticket's "Assignee" alone, and a label with "report" that names no writer ("Report
date"). The field "Reported by" keeps its reading as the tracker's Reporter. Every sentence
is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing

from pm_lsp.policy.templates import load_template

_T = load_template("standard")


def _doc(line: str) -> str:
    return (
        "# Ferry ticket gates froze\n\n**Date:** 2026-05-04\n"
        f"{line}\n**Status:** Final\n**Severity:** SEV-3\n**Duration:** 50 minutes\n\n{BODY}"
    )


@pytest.mark.parametrize(
    "line",
    [
        "**Note taker / Author:** Ines Varga, Transit Systems",
        "**Author/Editor:** Tomasz Ek",
        "**Owner & editor:** @h.okafor",
        "**Facilitator and scribe:** Ruth Amsel (Operations)",
        "Scribe / author: Pavel Dron",
        "**Report of:** Head of Transport Technology",
        "**Prepared by:** Wen Liu",
        "**Written by:** Marta Sowa and Joel Ibe",
        "**Compiled by:** the gates squad",
        "**Reported by:** Kofi Mensah",
        "| Lead author / scribe | Ada Brenner |",
    ],
)
def test_a_label_naming_the_writer_gives_the_authors(line: str) -> None:
    if line.startswith("|"):
        line = f"| Field | Value |\n|---|---|\n{line}"
    assert "authors" not in missing(_doc(line))


@pytest.mark.parametrize(
    "line",
    [
        "**Reporter / Assignee:** Kofi Mensah",
        "**Assignee:** gates-oncall",
        "**Reviewer and approver:** Lena Falk",
        "**Report date:** 2026-05-09",
        "**Incident commander / on-call:** Bo Strand",
        "The report of the station staff: gates froze at 07:10.",
    ],
)
def test_a_label_naming_no_writer_leaves_the_authors_missing(line: str) -> None:
    assert "authors" in missing(_doc(line))


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Scribe / Author", "authors"),
        ("Owner&Scribe", "authors"),
        ("Severity / priority", "severity"),
        ("Status / Severity", None),
        ("Date and severity", None),
        ("Author / reviewer", None),
        ("Sandwich and author", None),
        ("Author", "authors"),
    ],
)
def test_a_joined_label_names_a_field_only_when_every_part_names_it(
    label: str, field: str | None
) -> None:
    assert _T.canonical_field(label) == field
