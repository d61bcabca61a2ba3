"""A named weather or earth event is no person (bl42 class 4, ``hazard-titles``): "Storm
Oisin caused ..." names a storm. A person's name before "caused", a surname that is a
hazard word after a given name, and a team named after weather stay people. Every sentence
here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(lint_text: LintFn, sentence: str) -> list[tuple[str, str]]:
    text = f"# Depot outage\n\n## Contributing factors\n\n{sentence}\n"
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    "sentence",
    [
        "Storm Oisin flooded the yard and caused a week of closures at the depot.",
        "Hurricane Delia caused the power loss at the coastal site.",
        "Winter Storm Petra caused the road closures that stranded the night crew.",
        "Typhoon Kenji caused a two-day outage of the undersea link.",
        "Tropical Storm Ines knocked out the generator at the north yard.",
        "The site lost power after Cyclone Marlene caused the substation to trip.",
    ],
)
def test_a_named_storm_is_no_person(lint_text: LintFn, sentence: str) -> None:
    assert [f for f in _found(lint_text, sentence) if f[0] == "PM101"] == []


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Marek caused the outage by deleting the routing table.", "Marek"),
        ("Harriet Flood caused the outage by deleting the routing table.", "Flood"),
        ("During the storm, Priya caused the outage by deleting the routing table.", "Priya"),
    ],
)
def test_a_person_before_caused_stays(lint_text: LintFn, sentence: str, who: str) -> None:
    found = _found(lint_text, sentence)
    assert any(c == "PM101" and who in s for c, s in found), found
