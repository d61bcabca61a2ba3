"""PM603 and capitals inside a message the document quotes: a stretch of three words or more
in double quotes (a customer's chat line, a button's label, an alert's text) is someone
else's words as written, like a block quote, and the writers cannot spell an acronym out
inside it; so are values quoted alone in a bracket as examples ('codes ("QW")'). The same
letters written outside the quotes are a use there; a term in quotes ("the "QRT" feed"), a
value given to a markup attribute (``caption="..."``) and prose outside any quote are read
as before."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(text: str, lint_text: LintFn) -> list[tuple[str, int]]:
    diags = lint_text(text, select=["PM603"]).diagnostics
    return [(text[d.start : d.end], d.start) for d in diags]


def _doc(body: str) -> str:
    return "# Price board outage\n\n## Detection\n\n" + body + "\n"


@pytest.mark.parametrize(
    "body",
    [
        'At 09:33 a trader wrote in chat: "why is ZQWL stuck at 168.20 since the open?"',
        "The first report said \u201cthe KRVX tab shows nothing at all\u201d and linked it.",
        'Staff clicked "Open report in QMT" and got a blank page.',
        'The pager text read "PXR latency above budget on two hosts".',
        # values quoted alone in a bracket as examples of what the sentence names
        'The feed moved from two-letter region codes ("QW") to three-letter ones ("QWZ").',
        'Held orders carry a status ("HLD" or "VDX") that the export skipped.',
    ],
)
def test_capitals_inside_a_quoted_message_are_no_use(lint_text: LintFn, body: str) -> None:
    assert _found(_doc(body), lint_text) == []


@pytest.mark.parametrize(
    ("body", "acronym"),
    [
        # a term in quotes is the writers' own use
        ('The "QRT" feed kept serving old prices.', "QRT"),
        # a markup attribute's value is the writers' caption
        ('{{ figure(caption="The QRT feed beside the cache and its two readers") }}', "QRT"),
        # prose around a quote is read
        ('The QRT feed stalled; a trader wrote "prices look frozen to me".', "QRT"),
    ],
)
def test_capitals_outside_a_quoted_message_are_read(
    lint_text: LintFn, body: str, acronym: str
) -> None:
    assert [a for a, _ in _found(_doc(body), lint_text)] == [acronym]


def test_first_use_after_a_quote_is_where_it_is_reported(lint_text: LintFn) -> None:
    """Quoted first, then in the writers' own words: the report points at their use."""
    body = 'A trader wrote "the ZQWL quote is stale again".\n\nThe ZQWL feed lagged by 40 s.'
    text = _doc(body)
    assert _found(text, lint_text) == [("ZQWL", text.index("The ZQWL") + 4)]
