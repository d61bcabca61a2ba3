"""PM301's unmeasured comparative and the names of things in -er that the tagger calls
comparatives: "run every new multiplier through the simulator", "put a limiter on the
export" name one component (a determiner introduces the word as the object), while "a
bigger buffer", "a faster one", "make the retries smarter" give a direction with no
measure and stay vague. Not handled: a name in -er after a noun the parser makes the
object ("check every bonus multiplier", read as an adverb), which "set the timeout
longer" shares. Every item is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Leaderboard overflow\n\n## Summary\n\n"
    "Scores overflowed on 12 June; 3,100 players saw wrong ranks for five hours.\n\n"
    "## Action items\n\n| Action | Owner | Due | Ticket | Priority |\n|---|---|---|---|---|\n"
)


def _row(item: str) -> str:
    return f"{_HEAD}| {item} | Aino | 2026-06-28 | PD-15 | P1 |\n"


NAMED = [
    "Run every new multiplier through the payout simulator",
    "Write down the top score one round allows and clamp each multiplier to it",
    "Send every payout through the limiter before the rewards job runs",
]


@pytest.mark.parametrize("item", NAMED)
def test_a_thing_in_er_introduced_by_a_determiner_is_no_comparative(
    lint_text: LintFn, item: str
) -> None:
    diags = lint_text(_row(item), select=["PM301"]).diagnostics
    assert diags == [], [d.message for d in diags]


VAGUE = [
    ("Add a bigger buffer to the ingest queue", "bigger"),
    ("Replace the router with a faster one", "faster"),
    ("Make the retries smarter", "smarter"),
    ("Use a larger disk for the poller", "larger"),
]


@pytest.mark.parametrize(("item", "word"), VAGUE)
def test_an_unmeasured_comparative_stays_vague(lint_text: LintFn, item: str, word: str) -> None:
    text = _row(item)
    [d] = lint_text(text, select=["PM301"]).diagnostics
    assert f"'{word}' cannot be verified" in d.message
    assert text[d.start : d.end] == item
