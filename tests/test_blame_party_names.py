"""misc34 class 5: a message names the party its finding underlines whole: a team named
in two capitalised words, of which the recogniser took only the last for a person, is
named in full ("(Tickets Gateway)", not "(Gateway)")."""

from __future__ import annotations

import pytest
from conftest import LintFn


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        (
            "Root cause: Tickets Gateway released a schema change without a word to the kiosk"
            " teams.",
            "Tickets Gateway",
        ),
        (
            "Our root cause was simple: Payments Gateway released a schema change without a"
            " word to the kiosk teams.",
            "Payments Gateway",
        ),
    ],
)
def test_a_two_word_team_is_named_whole(lint_text: LintFn, sentence: str, party: str) -> None:
    text = f"# Sync outage\n\n## Root cause\n\n{sentence}\n"
    diags = [d for d in lint_text(text, select=["PM107"]).diagnostics]
    assert diags, sentence
    for d in diags:
        assert text[d.start : d.end] == party
        assert f"({party})" in d.message, d.message


def test_a_name_the_recogniser_took_whole_is_unchanged(lint_text: LintFn) -> None:
    text = (
        "# Sync outage\n\n## Root cause\n\nThe root cause is that Marta Lind pushed a bad config.\n"
    )
    msgs = [d.message for d in lint_text(text, select=["PM107"]).diagnostics]
    assert msgs and all("(Marta Lind)" in m for m in msgs), msgs
