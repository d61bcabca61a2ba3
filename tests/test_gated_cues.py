"""Cue searches that read a block's words once (:class:`pm_lsp.nlp.patterns.Gated`) decide as
their plain searches: the structure cues (parts told in prose), the field cues, the
action-item commitment tests, and :func:`find_date`'s cheap test. Gates are read from the
first text on here (a lint reads them only once enough text was asked), so every test
exercises them; texts are every corpus block (read at run time, when present), every
challenge sentence, and hostile ones of our own."""

from __future__ import annotations

import pytest
from conftest import CORPUS, challenge_texts

from pm_lsp.nlp import patterns
from pm_lsp.parse.values import _ANY_DATE, find_date
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.lexicon import Lexicon
from pm_lsp.rules.structure.concepts import load_words
from pm_lsp.rules.structure.fields import _cues, _told_in
from pm_lsp.rules.timeline.model import _ACTS, Words

#: our own texts: case that folds oddly (a long s, a Kelvin sign, a dotted capital I), markup
#: debris, and look-alikes of each kind of cue
_OWN = [
    "We will add an alert on queue depth by Friday.",
    "WE WILL ADD AN ALERT ON QUEUE DEPTH.",
    "The root cause was a retry storm after the ſeptember deploy.",
    "Detected by a customer report at 14:02; the \u212aafka lag alert never fired.",
    "İmpact: checkout errors for 40 minutes.",
    "1:" * 500,
    "**x**:" * 300,
    "[x]" * 300 + " we should",
    "Severity: SEV2 · Owner: @dana · Date: 3 Sept 2025",
    "Next steps: need a runbook; ideally the pager escalates after ten minutes.",
    "",
]


def _texts(every: int = 1) -> list[str]:
    """Our own texts, the corpus documents' paragraphs (every ``every``-th document, when
    a proof is too slow for all of them) and the challenge sentences."""
    texts = list(_OWN)
    for path in sorted(CORPUS.glob("*.md"))[::every]:
        texts += path.read_text(encoding="utf-8").split("\n\n")
    return texts + challenge_texts()


@pytest.fixture(autouse=True)
def gated_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "GATE_AFTER", 0)


def test_structure_cues_decide_as_their_plain_searches() -> None:
    words = load_words(builtin_pack())  # a fresh object: gates not yet read

    def plain(cid: str, text: str) -> bool:
        cue = words.cues[cid]
        if not cue.search(text):
            return False
        exception = words.exceptions.get(cid)
        if exception is None or not exception.search(text):
            return True
        strong = words.strong.get(cid)
        return strong is not None and strong.search(text) is not None

    for text in _texts():
        for cid in words.cues:
            assert words.tells(cid, text) == plain(cid, text), (cid, text[:200])


def test_field_cues_decide_as_their_plain_searches() -> None:
    cues = _cues(builtin_pack())
    texts = _texts()
    for k in range(0, len(texts), 7):  # documents of seven blocks, in turn
        chunk = texts[k : k + 7]
        plain = {f for f, cue in cues.patterns.items() if any(cue.search(t) for t in chunk)}
        assert _told_in(chunk, cues, list(cues.patterns)) == plain, chunk
        first = next(iter(cues.patterns))  # a field not asked about is never told
        assert _told_in(chunk, cues, [f for f in cues.patterns if f != first]) == plain - {first}


def test_commitment_tests_decide_as_their_plain_searches() -> None:
    lex = Lexicon(builtin_pack())
    for text in _texts():
        deliberation = lex._deliberation_re.search(text) is not None
        ongoing = lex._ongoing_re is not None and lex._ongoing_re.search(text.lower()) is not None
        assert lex.writers_may_commit(text) == (
            lex._writers_re.search(text) is not None or deliberation or ongoing
        ), text[:200]
        assert lex.may_commit(text) == (lex._commit_re.search(text) is not None or deliberation), (
            text[:200]
        )


@pytest.mark.parametrize("text", ["Sept 3", "ſeptember 3", "2025/03/14", "3 de mayo", "no date"])
def test_find_date_equals_the_pattern_on_own_texts(text: str) -> None:
    m = _ANY_DATE.search(text)
    assert find_date(text) == (m.group(0) if m else None)


def test_find_date_equals_the_pattern_everywhere() -> None:
    for text in _texts():
        m = _ANY_DATE.search(text)
        assert find_date(text) == (m.group(0) if m else None), text[:200]


def _plain_milestones(words: Words, text: str) -> set[str]:
    """The milestones of ``text`` by every pattern run on it, no gate asked: a match not
    negated, not a person's own state, and for an act not merely intended ("decision
    to roll back"); an onset that only eases is a mitigation."""
    found: set[str] = set()
    for name, pats in words.milestones.items():
        for p in pats:
            told = [
                m
                for m in p.finditer(text)
                if not words._negated(text, m.start())
                and not words._person_subject(text, m)
                and not (name in _ACTS and words._negated(text, m.start(), words.intention))
            ]
            if name == "impact-start" and told and all(words._eases(text, m.end()) for m in told):
                found.add("mitigation")
            elif told:
                found.add(name)
                break
    return found | words.labelled(text)  # and the labels an entry gives its own milestone


def test_timeline_milestones_decide_as_their_plain_searches() -> None:
    words = Words(builtin_pack())  # a fresh object: gates not yet read
    # every line of every second corpus document (both halves, every organisation): the
    # plain searches over all of them took ~20 s of the suite
    lines = {ln.strip() for t in _texts(every=2) for ln in t.splitlines()}
    named = 0
    for text in lines:
        plain = _plain_milestones(words, text)
        assert words._classify(text) == plain, text[:200]
        named += bool(plain)
    assert named > 100
