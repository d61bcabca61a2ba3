"""Rhetorical questions that say nobody does what they should, sarcastic praise of a party,
and a harm drawn out by a party in the passive. Rhetorical questions without a
loaded word: "what's the point of X if nobody ...?", "who even opens ...?", "who checks
... these days, though?", a tag question on nobody's or an obvious neglect (PM106, info).
Mock praise: "in its boundless wisdom", praise put on a role held in scare quotes (PM106,
info). A harm "made longer", "made worse", "extended" or "dragged out" by a person, a role
or a team (PM101 on the "by" agent). Questions that ask (answered next, listed among open
questions, quoted, about a thing), sincere thanks, product names in quotes, things as the
agent and settings changed on purpose stay clean. Every sentence here is written for this
file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.spec import Severity

_AFTER = "The sync job retried for an hour after that."


def _doc(block: str, heading: str = "Root cause") -> str:
    # a statement after the block, so that a question is not one of a list of questions
    return f"# Ledger sync outage\n\n## {heading}\n\n{block}\n\n{_AFTER}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str, Severity]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end], d.severity) for d in diags]


@pytest.mark.parametrize(
    ("block", "span"),
    [
        (
            "The reconciliation steps were in the handbook all along. Who even opens the handbook?",
            "Who even opens",
        ),
        (
            "The lag showed on the board for an hour. Who checks the graphs these days, though?",
            "Who checks the graphs these days, though?",
        ),
        ("Who actually reads the escalation policy?", "Who actually reads"),
        (
            "What's the point of an on-call rota if nobody answers the pager?",
            "What's the point of an on-call rota if nobody",
        ),
        (
            "Honestly, what was the use of the staging soak if the squad never looked at it?",
            None,
        ),
        (
            "The alert was muted during the freeze, because nobody reads alert emails anyway, "
            "right?",
            "nobody reads alert emails anyway, right?",
        ),
        (
            "The replica was left unpatched, since patching is obviously optional, right?",
            "obviously optional, right?",
        ),
    ],
)
def test_a_rhetorical_question_of_neglect_is_tone(
    lint_text: LintFn, block: str, span: str | None
) -> None:
    found = _found(lint_text, _doc(block))
    assert ("PM106", Severity.INFO) in {(c, v) for c, _s, v in found}, found
    if span is not None:
        assert ("PM106", span) in {(c, s) for c, s, _v in found}, found


@pytest.mark.parametrize(
    "block",
    [
        # answered by the next sentence
        "Why did the queue stall? The broker ran out of file handles after the upgrade.",
        "What is the point of the second gate? It catches schema drift before the deploy.",
        "Who reads the audit log each morning? The security rota does.",
        # about a system
        "What is the point at which the pool grows? It grows once the wait passes two seconds.",
        "What is the point at which the pool grows?",
        "What is the point of retrying if the broker is down?",
        # a genuine check, with no neglect in it
        "The cache was cold after the restart, right? The hit rate confirms it.",
        "Who reviews the schema change before the deploy?",
        # quoted from a customer
        'A customer wrote: "What is the point of the app if nobody answers support, right?"',
        'One reader asked us "who even reads these status pages?" and we took the point.',
    ],
)
def test_a_question_that_asks_stays_clean(lint_text: LintFn, block: str) -> None:
    found = _found(lint_text, _doc(block))
    assert [f for f in found if f[0] == "PM106" or f[2] > Severity.INFO] == [], found


@pytest.mark.parametrize("heading", ["Open questions", "Questions we asked"])
@pytest.mark.parametrize(
    "question",
    [
        "Who even reviews the nightly import?",
        "What is the point of a second approval if nobody reads the diff?",
        "Who checks the replica lag these days?",
    ],
)
def test_a_question_listed_in_a_section_of_questions_stays_clean(
    lint_text: LintFn, heading: str, question: str
) -> None:
    text = f"# Ledger sync outage\n\n## {heading}\n\n- {question}\n"
    assert _found(lint_text, text) == []


@pytest.mark.parametrize(
    ("block", "span"),
    [
        (
            "The board, in its boundless wisdom, moved the cutoff to midnight.",
            "in its boundless wisdom",
        ),
        (
            "Procurement, in their infinite wisdom, cancelled the support contract.",
            "in their infinite wisdom",
        ),
        (
            'Our brilliant "storage wizard" set the pool size to four.',
            'Our brilliant "storage wizard"',
        ),
        ("Their so-called “experts” signed off on the plan.", "Their so-called “experts”"),
    ],
)
def test_mock_praise_of_a_party_is_tone(lint_text: LintFn, block: str, span: str) -> None:
    found = _found(lint_text, _doc(block))
    assert ("PM106", span, Severity.INFO) in found, found


@pytest.mark.parametrize(
    "block",
    [
        "Huge thanks to our brilliant network team for tracing the packet loss.",
        'We moved traffic to our trusty "Smart Router" appliance during the failover.',
        'The fix shipped in the "Pro" plan first.',
        "The wisdom of the old runbook held up under load.",
        "Our resident expert on the ledger walked the bridge through the replay.",
    ],
)
def test_sincere_praise_and_product_names_stay_clean(lint_text: LintFn, block: str) -> None:
    found = _found(lint_text, _doc(block))
    assert [f for f in found if f[0] == "PM106"] == [], found


@pytest.mark.parametrize(
    ("block", "span"),
    [
        ("The incident was made longer by the service desk.", "by the service desk"),
        ("The downtime was made worse by the support desk.", "by the support desk"),
        (
            "The disruption had been dragged out by the night shift, who reopened every ticket.",
            "by the night shift, who reopened every ticket",
        ),
        ("Recovery was made much slower by the on-call engineer.", "by the on-call engineer"),
        ("The outage was extended by the database team.", "by the database team"),
        ("The incident was made longer by Dana's rollback.", "Dana's"),
    ],
)
def test_a_harm_drawn_out_by_a_party_is_found(lint_text: LintFn, block: str, span: str) -> None:
    found = _found(lint_text, _doc(block))
    assert ("PM101", span) in {(c, s) for c, s, _v in found}, found


@pytest.mark.parametrize(
    "block",
    [
        "The incident was made longer by the retry storm.",
        "The downtime was made worse by the cache stampede.",
        "Recovery was slowed by the backlog of queued writes.",
        "The outage was extended by two hours.",
        "The timeout was made longer by Ana after the review.",
        "The change window was extended by the release lead.",
        "The recovery was made faster by the help desk.",
        "The fix was written by Ana and reviewed by the platform team.",
        "The regression was introduced by the 4.1 release.",
    ],
)
def test_a_thing_or_a_setting_drawn_out_stays_clean(lint_text: LintFn, block: str) -> None:
    found = _found(lint_text, _doc(block))
    assert [f for f in found if f[0] == "PM101"] == [], found


def test_crlf_and_wide_text_keep_the_range(lint_text: LintFn) -> None:
    block = "台帳 📒 The incident was made longer by the service desk. Who even opens the handbook?"
    text = _doc(block).replace("\n", "\r\n")
    found = {(c, s) for c, s, _v in _found(lint_text, text)}
    assert ("PM101", "by the service desk") in found, found
    assert ("PM106", "Who even opens") in found, found
