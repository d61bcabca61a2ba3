"""Accusing questions in the narrative (bl42 class 1): "how" asked of nobody's omission, "how
could <party> <lapse>", "why would anyone ...", "how many times must we say ... before ...",
a "was anyone actually ...?" answered only by a sarcastic denial, "who thought this was a
reasonable plan?". Asked in a section of questions, answered by the next sentence, about a
thing, or quoted, they stay clean. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.spec import Severity

_AFTER = "The first page went out at 04:10."


def _doc(block: str, heading: str = "What happened") -> str:
    # a statement after the question, so that it is not read as one of a list of questions
    return f"# Depot outage\n\n## {heading}\n\n{block}\n\n{_AFTER}\n"


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str, Severity]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end], d.severity) for d in diags]


@pytest.mark.parametrize(
    ("block", "code", "span"),
    [
        (
            "How did no one on the desk notice the backlog for three days?",
            "PM103",
            "How did no one on the desk notice",
        ),
        ("How did nobody check the restore logs all month?", "PM103", "How did nobody check"),
        ("How could the reviewers overlook a default this plain?", "PM104", None),
        ("How could the night desk not notice the alarm?", "PM104", None),
        ("How could the contractor have missed the expiry banner?", "PM104", None),
        ("Why would anybody ship a table rewrite an hour before the weekend?", "PM106", None),
        ("Why would anyone even restart the primary during a sync?", "PM106", None),
        # the same asked of "you", the one who did it
        ("Why would you push a schema change on a Friday evening?", "PM106", "Why would you push"),
        ("Honestly, why would you restart the primary during peak?", "PM106", None),
        ("So why would you ever delete the only copy of the signing key?", "PM106", None),
        (
            "How many times must we remind the desks that staging is shared before someone "
            "listens?",
            "PM106",
            None,
        ),
        (
            "How many more times do we have to flag the disk alarm before the owners act on it?",
            "PM106",
            None,
        ),
        ("Was anybody actually reading the deploy channel? Evidently not.", "PM103", None),
        ("Who thought this was a reasonable plan for a holiday weekend?", "PM106", None),
    ],
)
def test_an_accusing_question_is_found(
    lint_text: LintFn, block: str, code: str, span: str | None
) -> None:
    found = _found(lint_text, _doc(block))
    assert code in {c for c, _s, _v in found}, found
    if span is not None:
        assert (code, span) in {(c, s) for c, s, _v in found}, found


@pytest.mark.parametrize(
    "block",
    [
        # genuine questions, answered by the next sentence
        "Why did the alert not fire? Its threshold sat on the wrong metric.",
        "How did nobody notice the backlog? The queue graph was not on any dashboard.",
        "How could the reviewers have missed it? The diff only showed the generated file.",
        "Why would anyone run the export by hand? The scheduler had been off since March.",
        # about a thing
        "How could the monitor miss the spike?",
        "How many times did the job retry before it gave up?",
        "Why would the cache serve stale entries after a purge?",
        # "you" asked about a design in general, or answered
        "Why would you want a second region?",
        "Why would you need a manual step here at all?",
        "Why would you restart the primary during peak? The replica had already been promoted.",
        # quoted from a customer
        'One caller asked "how could nobody notice the outage for an hour?" and we answered.',
        'A customer wrote "why would you bill me twice?" in the ticket.',
        # a reply that answers
        "Was anybody really following the rollout? Yes, two engineers were on the bridge.",
    ],
)
def test_a_question_that_asks_stays_clean(lint_text: LintFn, block: str) -> None:
    found = _found(lint_text, _doc(block))
    assert [f for f in found if f[2] > Severity.INFO or f[0] == "PM106"] == [], found


@pytest.mark.parametrize("heading", ["Questions we asked", "Open questions", "FAQ"])
@pytest.mark.parametrize(
    "question",
    [
        "How did nobody notice the backlog climbing?",
        "Why did nobody look at the restore logs?",
        "Why would anyone restart the primary during a sync?",
        "Why would you run the migration before the freeze?",
    ],
)
def test_a_question_listed_in_a_section_of_questions_stays_clean(
    lint_text: LintFn, heading: str, question: str
) -> None:
    text = f"# Depot outage\n\n## {heading}\n\n{question}\n"
    assert _found(lint_text, text) == []


def test_crlf_and_wide_text_keep_the_range(lint_text: LintFn) -> None:
    block = "見出し 🚚 How did nobody check the restore logs all month?"
    text = _doc(block).replace("\n", "\r\n")
    found = _found(lint_text, text)
    assert ("PM103", "How did nobody check") in {(c, s) for c, s, _v in found}, found
