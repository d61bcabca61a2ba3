"""Blind rounds 30/31 classes of the blame family (bl32): collective and occupational nouns
of people read as a party, and a rhetorical question cleared only by a sentence that
answers it."""

from __future__ import annotations

import re

from conftest import FIXTURES, LintFn

from pm_lsp.policy.rulepack import builtin_pack

HERE = FIXTURES / "blame"
CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def _lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def test_every_occupation_entry_has_a_fixture_sentence() -> None:
    """Each ``occupation-suffixes`` entry ends a word of a true positive; each
    ``occupation-things`` entry is a word of a hard negative."""
    pack = builtin_pack()
    pos = _lines("positives.txt")
    neg = _lines("negatives.txt")
    missing = [
        f"occupation-suffixes: {w}"
        for w in pack.words("blame", "occupation-suffixes")
        if not any(re.search(rf"\w{re.escape(w)}\b", s, re.IGNORECASE) for s in pos)
    ]
    missing += [
        f"occupation-things: {w}"
        for w in pack.words("blame", "occupation-things")
        if not any(re.search(rf"\b{re.escape(w)}\b", s, re.IGNORECASE) for s in neg)
    ]
    assert missing == []


def test_collective_party_in_a_paragraph(lint_text: LintFn) -> None:
    """In running text, the claims desk's lapse is flagged; the desk lamp beside it is not."""
    text = (
        "# Incident\n\n## Contributing Factors\n\n"
        "The desk lamp in the claims room was left on. "
        "The claims desk ought to have escalated the frozen refunds on Monday.\n"
    )
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert [text[d.start : d.end] for d in diags] == ["The claims desk ought to have escalated"]


def test_every_reply_entry_has_a_fixture_sentence() -> None:
    """Each ``unanswering-replies`` pattern matches a true positive; each
    ``asking-frame-words`` entry starts a word of a fixture sentence; each
    ``question-sections`` pattern matches a heading of the section tests below."""
    pack = builtin_pack()
    pos = _lines("positives.txt")
    both = pos + _lines("negatives.txt")
    missing = [
        f"unanswering-replies: {p}"
        for p in pack.words("blame", "unanswering-replies")
        if not any(re.search(p, s.split("? ", 1)[-1], re.IGNORECASE) for s in pos)
    ]
    missing += [
        f"asking-frame-words: {w}"
        for w in pack.words("blame", "asking-frame-words")
        if not any(re.search(rf"\b{re.escape(w)}", s, re.IGNORECASE) for s in both)
    ]
    missing += [
        f"question-sections: {p}"
        for p in pack.words("blame", "question-sections")
        if not any(re.search(p, h, re.IGNORECASE) for h in _LISTED)
    ]
    assert missing == []


#: headings of sections of questions, where a statement after a question answers it
_LISTED = ("Five Whys", "Open questions", "FAQ", "Q&A")
_MOVES_ON = (
    "Why did nobody at the carrier warn us about the maintenance window? "
    "It is a fair question, and one we have put to them.\n"
)


def test_question_in_a_section_of_questions_asks(lint_text: LintFn) -> None:
    """The same question and reply blame under Contributing Factors, and ask under a
    heading that lists questions."""
    text = f"# Incident\n\n## Contributing Factors\n\n{_MOVES_ON}"
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert diags, "a question followed by a remark on it is rhetorical"
    for heading in _LISTED:
        text = f"# Incident\n\n## {heading}\n\n{_MOVES_ON}"
        diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
        assert diags == [], (heading, [text[d.start : d.end] for d in diags])


def test_five_whys_chain_stays_clean(lint_text: LintFn) -> None:
    text = (
        "# Incident\n\n## Root Cause\n\n"
        "1. Why did the picking robots stop? The route server ran out of memory.\n"
        "2. Why did nobody on the floor team notice? The memory alarm fed a retired board.\n"
        "3. Why was the alarm still on the retired board? The migration list missed it.\n"
    )
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert diags == [], [text[d.start : d.end] for d in diags]


def test_question_in_a_rejected_quote_stays_clean(lint_text: LintFn) -> None:
    text = (
        "# Incident\n\n## Contributing Factors\n\n"
        'A reply on the thread asked "who decided to run the purge without a backup?" '
        "We reject that reading; the purge ran from a schedule nobody owned.\n"
    )
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert diags == [], [text[d.start : d.end] for d in diags]


def test_question_with_a_remark_after_it_is_found_in_running_text(lint_text: LintFn) -> None:
    """A rhetorical question followed by another party's act: the question
    is flagged, not only the act after it."""
    text = (
        "# Incident\n\n## Contributing Factors\n\n"
        "Who decided to migrate the ledger on a bank holiday without a dry run? "
        "Ruth's cleanup script then made the duplicates worse.\n"
    )
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert "Who decided" in [text[d.start : d.end] for d in diags]
