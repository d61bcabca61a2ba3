"""misc36: the lessons part headed in everyday words, as the writers judge how they did
("What we did well; where we slipped", "What we got wrong", "What worked, what didn't",
"The good and the bad"): PM201 must not call Lessons Learned missing. Look-alikes: "What
worked" alone (a Detection or Response subsection in some templates), "What worked for
paging", "The good news", "Restoring the good replica" and "What we did" (the response).
Every heading is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing

from pm_lsp.policy.templates import load_template

_T = load_template("standard")


@pytest.mark.parametrize(
    "heading",
    [
        "What we did well; where we slipped",
        "What we did well",
        "Things we did well (and a few we did not)",
        "What we didn't do well",
        "What we got right and what we got wrong",
        "What we got wrong",
        "What worked, what didn't",
        "What worked and what failed",
        "The good and the bad",
        "The good, the bad and the lucky breaks",
    ],
)
def test_a_heading_judging_how_we_did_is_the_lessons_part(heading: str) -> None:
    assert "lessons" in _T.concepts_in(heading)
    doc = f"# Tram signals went dark\n\n{BODY}\n## {heading}\n\n- The depot spare saved an hour.\n"
    assert "lessons" not in missing(doc)


@pytest.mark.parametrize(
    "heading",
    [
        "What worked",
        "What worked for paging",
        "The good news",
        "Restoring the good replica",
        "What we did",
        "What we did next",
    ],
)
def test_look_alikes_name_no_lessons(heading: str) -> None:
    assert "lessons" not in _T.concepts_in(heading)
