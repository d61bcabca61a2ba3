"""The Severity as writers give it outside a clean ``Severity: SEV2`` line: told in a
sentence ("Severity: the duty manager is treating it as a SEV-2"), graded by the harm it
did under a label that does not say "severity" ("Classification | Low harm", as a
clinical-safety review grades an incident), or on an italic line whose closing marker
follows the value ("*Status: Draft. Severity: SEV-2*"). Look-alikes that keep their
finding: a sentence that denies the level, names two or none, a label that is no grade
("Classification: Confidential", "Category: Hardware fault"). No model is loaded: the
structure rules need none. Every sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing, run

from pm_lsp.rules.spec import Diagnostic

_HEAD = "# Ferry ticket gates froze\n\n**Date:** 2026-05-04\n**Authors:** Noor Haddad\n"


def _pm204(line: str, newline: str = "\n") -> list[Diagnostic]:
    text = f"{_HEAD}**Status:** Final\n{line}\n\n{BODY}".replace("\n", newline)
    return [d for d in run(text, template=None) if d.code == "PM204"]


@pytest.mark.parametrize(
    "line",
    [
        "Severity: the duty manager is treating it as a SEV-2 for now",
        "Severity: declared SEV1 by the on-call lead at 14:02",
        "*Severity: we are calling it a Sev 3 for the moment.*",
        "Severity: SEV-1 (customer data exposed)",
    ],
)
def test_a_level_told_in_a_sentence_is_the_severity(line: str) -> None:
    assert _pm204(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "Severity: not a SEV-1 yet, pending the review",
        "Severity: we are calling it rough",
        "Severity: SEV9 as far as the desk knows",
        "Severity: Sev 1 - low",
        "Severity: banana",
    ],
)
def test_a_sentence_that_denies_or_names_no_level_is_still_reported(line: str) -> None:
    assert len(_pm204(line)) == 1


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("line", "span"),
    [
        ("*Status: Final. Severity: SEV7 for now*", "SEV7 for now"),
        ("_Severity: SEV7_", "SEV7"),
        ("*Severity: SEV7 🚢*", "SEV7 🚢"),
        ("Severity: SEV7", "SEV7"),
    ],
)
def test_the_closing_italic_marker_is_no_part_of_the_value(
    line: str, span: str, newline: str
) -> None:
    text = f"{_HEAD}{line}\n\n{BODY}".replace("\n", newline)
    (d,) = [d for d in run(text, template=None) if d.code == "PM204"]
    assert text[d.start : d.end] == span


def _doc(line: str) -> str:
    return f"{_HEAD}**Status:** Final\n**Duration:** 50 minutes\n{line}\n\n{BODY}"


@pytest.mark.parametrize(
    "line",
    [
        "| Field | Value |\n|---|---|\n| Classification | Moderate patient harm (draft) |",
        "Classification: Low harm",
        "Incident category: Severe harm to one rider",
    ],
)
def test_a_grade_of_harm_gives_the_severity(line: str) -> None:
    assert "severity" not in missing(_doc(line), template=None)


@pytest.mark.parametrize(
    "line",
    [
        "Classification: Confidential",
        "Category: Hardware fault",
        "Classification: Harmful content filter",
    ],
)
def test_a_label_that_grades_nothing_gives_no_severity(line: str) -> None:
    assert "severity" in missing(_doc(line), template=None)
