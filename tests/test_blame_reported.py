"""Reported speech: a clause in double quotes that a verb of saying gives to someone other
than the writers is recorded, not claimed (pm_lsp/rules/blame/reported.py), as a blockquote
of a responder's words is. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn

SAID_BY_OTHERS = (
    "# School mailer delay\n\n## What happened\n\n"
    'Several parents asked whether "someone simply forgot to send the reminder emails." No '
    "one forgot anything: the mailer stalled on a full queue.\n\n"
    'Two drivers wrote that "someone forgot to unlock the depot gate." No one forgot '
    "anything: the gate controller lost power.\n\n"
    'One reader asked whether "somebody forgot to renew the domain".\n'
)


def _blame(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


def test_blame_quoted_from_others_is_not_judged(lint_text: LintFn) -> None:
    """Parents', drivers' and readers' words, quoted inline after "asked whether" and "wrote that"
    (the quotation closed after its full stop, or before it), draw nothing."""
    assert _blame(lint_text, SAID_BY_OTHERS) == []


def test_what_the_writers_say_is_still_judged(lint_text: LintFn) -> None:
    """A quote the writers give to themselves, a quote with no verb of saying (their own
    guess), a verb of saying whose own clause comes before the quote, and blame outside
    the marks are all judged."""
    text = (
        "# Meter outage\n\n## Contributing factors\n\n"
        'We wrote in the handover note "somebody forgot to verify the meter readings" '
        "before the cause was known.\n\n"
        'The runbook said the flag was optional, and "the operator forgot to set it" was '
        "our first guess.\n\n"
        'Kim forgot to renew the certificate, and the vendor wrote "a classic human error".\n'
    )
    found = _blame(lint_text, text)
    assert [code for code, _ in found] == ["PM103", "PM103", "PM103"]
    assert [words.split()[-1] for _, words in found] == ["verify", "set", "renew"]
