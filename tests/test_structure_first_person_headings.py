"""The plan and the lessons headed in a small team's everyday first-person words: "Stuff
we'll do", "Things we will fix before the next launch" name the action items; "What I took
away", "Things we learnt" name the lessons. Look-alikes name neither: "Stuff we did" and
"Things we tried" tell the response, "What I took out" is no lesson."""

from __future__ import annotations

import pytest

from pm_lsp.policy.templates import load_template

_T = load_template("standard")


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Stuff we'll do", "action-items"),
        ("Stuff we will do next season", "action-items"),
        ("Things we will fix before the next launch", "action-items"),
        ("Things we're going to do", "action-items"),
        ("What I took away", "lessons"),
        ("What we took away from the night", "lessons"),
        ("Things we learnt", "lessons"),
        ("What I learned", "lessons"),
    ],
)
def test_first_person_headings_name_their_part(heading: str, part: str) -> None:
    assert part in _T.concepts_in(heading)


@pytest.mark.parametrize("heading", ["Stuff we did", "Things we tried", "What I took out"])
def test_look_alikes_name_no_plan_and_no_lessons(heading: str) -> None:
    found = _T.concepts_in(heading)
    assert "action-items" not in found
    assert "lessons" not in found
