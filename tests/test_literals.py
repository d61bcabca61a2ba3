"""Gates read from a regex's syntax tree (:mod:`pm_lsp.nlp.literals`) are the same however
the tree is walked: the walk that names the rest of a sequence by a link and remembers its
answers gives, on every regex a lint reads a gate from, the gate of the plain walk that
copies the rest of the sequence into a new list at every group."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from conftest import CORPUS, FIXTURES

from pm_lsp import engine
from pm_lsp.nlp import literals, patterns
from pm_lsp.nlp.literals import _END, _LIMIT, _OPS, Gate, _after, _best, _literals, _union
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.nlp.words import word_alternation
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.policy.rulepack import RulePack, builtin_pack

# -- the plain walk, as the module read trees before it shared the rest of a sequence -------


class _OverBudget(Exception):
    """The plain walk of one regex took more steps than :data:`_STEP_BUDGET`."""


#: steps of the plain walk per regex before it gives up: it copies the rest of a sequence at
#: every group, and a pattern with a long lookahead before a long alternation (the
#: timeline's recovery patterns) costs it ~10^7 steps, most of the suite's time; the linked
#: walk reads the same regex in milliseconds
_STEP_BUDGET = 2_000_000
_steps = [0]


def _plain_starts(items: list[Any], i: int) -> set[str]:
    _steps[0] += 1
    if _steps[0] > _STEP_BUDGET:
        raise _OverBudget
    if i == len(items):
        return {""}
    op, av = items[i]
    out: set[str] = set()
    if op is _OPS.LITERAL:
        ch = chr(av)
        if not ch.isascii():
            return {""}
        out = {ch.lower() + s for s in _plain_starts(items, i + 1)}
    elif op is _OPS.IN and all(o is _OPS.LITERAL for o, _v in av) and len(av) <= 8:
        for _o, v in av:
            out |= _plain_starts([(_OPS.LITERAL, v), *items[i + 1 :]], 0)
    elif op is _OPS.SUBPATTERN:
        out = _plain_starts([*av[3], *items[i + 1 :]], 0)
    elif op is _OPS.BRANCH:
        for branch in av[1]:
            out |= _plain_starts([*branch, *items[i + 1 :]], 0)
            if len(out) > _LIMIT:
                return {""}
    elif op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        out = _plain_starts([*av[2], *items[i + 1 :]], 0) | _plain_starts(items, i + 1)
    elif literals._word_boundary(op, av) and (op is _OPS.AT or av[0] == 1):
        out = {_END + s for s in _plain_starts(items, i + 1)}
    elif op is _OPS.MAX_REPEAT and av[0] >= 1 and literals._separates(av[2]):
        out = {_END}
    elif op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT) and av[0] >= 1:
        out = _plain_starts(list(av[2]), 0)
    elif op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
        out = _plain_starts(items, i + 1)
    else:
        return {""}
    return {""} if len(out) > _LIMIT else out


def _plain_required(items: list[Any], after_boundary: bool) -> Gate | None:
    found: list[Gate | None] = []
    boundary = after_boundary
    for i, (op, av) in enumerate(items):
        follows_letter = i > 0 and items[i - 1][0] is _OPS.LITERAL and not boundary
        starts = {""} if follows_letter else _plain_starts(items, i)
        if "" not in starts:
            found.append(_literals(starts, boundary))
        if op is _OPS.SUBPATTERN:
            found.append(_plain_required(list(av[3]), boundary))
        elif op is _OPS.BRANCH:
            found.append(_union([_plain_required(list(b), boundary) for b in av[1]]))
        elif op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.append(_plain_required(list(av[2]), boundary))
        boundary = _after(op, av, boundary)
    return _best(found)


def _plain_gate(pattern: re.Pattern[str]) -> Gate | None:
    try:
        tree = literals._PARSER.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return None
    if re.search(r"\\[1-9]|\(\?P=|\(\?\(", pattern.pattern):
        return None
    _steps[0] = 0
    return _plain_required(list(tree), False)


# -- the comparison ----------------------------------------------------------------------------

_OWN = [
    r"(?<!\w)(?:forg(?:et|ot)|ignor)\w*|\bnever\b",
    r"\b(?:should|must)(?:\s+have)?\s+(?:known|seen)\b",
    r"(?:x|y)?z{2,}",
    r"(?:!{2,})|(?:yet again)",
    r"^\W*(?:skip|miss)\w*ing\b",
    r"\bif\b[^.;]*\bhad\b|(?:^|[,;:]\s*)had\b",
    r"(?i)\bstra(?:ss|ß)e\b",
    r"[ab]c(?:d|e)?f\b",
    r"\b(ab|cd)(?i:ef|gh)\b",  # groups the parser keeps as groups
    r"\bno[- ]one\b|\bnobody\b",
    rf"(?<![\w-])(?:{word_alternation(['time out', 'timed out', 'outage', 'outages', 'out'])})",
    # more strings than a gate may hold: the walk gives up on the same branch
    rf"\b(?:{word_alternation(f'w{n:03d}x' for n in range(_LIMIT + 5))})\b",
]


@pytest.mark.parametrize("source", _OWN)
def test_the_linked_walk_reads_the_plain_walks_gate(source: str) -> None:
    rx = re.compile(source, re.IGNORECASE)
    assert literals.gate(rx) == _plain_gate(rx)


def test_every_gate_a_lint_reads_is_the_plain_walks(
    nlp: NLP, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lints through a pack of its own (so every lexicon and its gates are built here),
    gates read from the first sentence on, and each regex asked checked against the plain
    walk: the families' prefilters, cue sets and milestone patterns alike. The plain walk
    gives up on the few regexes past its step budget (:data:`_STEP_BUDGET`)."""
    asked: dict[tuple[str, int], re.Pattern[str]] = {}

    def recording(pattern: re.Pattern[str]) -> Gate | None:
        asked[(pattern.pattern, pattern.flags)] = pattern
        return literals.gate(pattern)

    monkeypatch.setattr(patterns, "GATE_AFTER", 0)
    monkeypatch.setattr(patterns, "gate", recording)
    base = builtin_pack()
    config = dataclasses.replace(resolve([Settings()]), pack=RulePack(base._data, base.sources))
    # every fixture and example postmortem: enough on their own to reach every family (a
    # fresh clone has no corpus); a few corpus documents too where it is present
    docs = sorted(FIXTURES.rglob("*.md")) + sorted(
        (FIXTURES.parent.parent / "examples").glob("*.md")
    )
    if CORPUS.is_dir():
        docs += sorted(CORPUS.glob("*.md"))[:4]
    for path in docs:
        engine.lint(path.read_text(encoding="utf-8"), config, nlp=nlp)
    assert len(asked) > 100  # every family's regexes, not a handful
    read = over = 0
    for rx in asked.values():
        got = literals.gate(rx)
        try:
            plain = _plain_gate(rx)
        except _OverBudget:
            over += 1  # the plain walk gave up; the linked walk is checked on the rest
            continue
        assert got == plain, rx.pattern[:80]
        read += got is not None
    assert over <= len(asked) // 100, over  # a handful of the ~600
    assert read > len(asked) // 2


def _passes_as_defined(index: literals.GateIndex, gates: list[Gate], texts: list[str]) -> None:
    """:meth:`GateIndex.passed` on each of ``texts`` (and the first corpus documents' lines)
    is the plain definition: a gate passes when the sentence holds one of its words whole, a
    word starting with one of its stems, or one of its pieces anywhere."""
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.md"))[:3]:
            texts = [*texts, *path.read_text(encoding="utf-8").lower().splitlines()]
    for text in texts:
        words = set(re.findall(r"\w+", text))
        plain = {
            i
            for i, g in enumerate(gates)
            if words & g.words
            or any(w.startswith(st) for w in words for st in g.stems)
            or any(p in text for p in g.pieces)
        }
        assert index.passed(text) == plain, text


def test_an_index_of_many_pieces_finds_them_by_their_openings() -> None:
    """Past :data:`literals._SCANNED` pieces of word characters an index finds the pieces
    in a word by their first two letters (and the one-letter pieces apart): the gates it
    passes are still those whose pieces the sentence holds anywhere in a word."""
    pieces = ["x", "q", "ai", "il", "fail", "ailo", "over", "overs", "rollb", "back", "ck"]
    pieces += ["roll", "ro", "r", "ed", "ledge", "know", "now", "no", "ow", "te", "ted"]
    gates = [Gate(frozenset(), frozenset(), (p,)) for p in pieces]
    gates.append(Gate(frozenset(), frozenset(), tuple(pieces[:9])))
    gates.append(Gate(frozenset({"it"}), frozenset({"fa"}), ("ll", "bb")))
    index = literals.GateIndex(gates)
    assert len(index._word_pieces) > literals._SCANNED  # the look-up by openings
    texts = [
        "the failover was rolled back; nobody knew it",
        "acknowledged, overseen, and quoted twice: xq qx",
        "a b c",
        "",
    ]
    _passes_as_defined(index, gates, texts)


def test_an_index_passes_exactly_the_gates_a_sentence_holds_a_literal_of() -> None:
    """:meth:`GateIndex.passed` is the plain definition, read from the sentence's words in
    one pass: a gate passes when the sentence holds one of its words whole, a word starting
    with one of its stems, or one of its pieces anywhere."""
    sources = [s for s in _OWN if literals.gate(re.compile(s, re.IGNORECASE)) is not None]
    gates = [g for s in sources if (g := literals.gate(re.compile(s, re.IGNORECASE)))]
    gates.append(Gate(frozenset({"ing"}), frozenset({"roll"}), ("d o", "zz")))
    index = literals.GateIndex(gates)
    texts = [
        "we should have known that the rollback failed",
        "nobody ignored the buzzing alarm, and yet again it went off!!",
        "the strasse team said: d o not deploy; w123x is fine",
        "",
    ]
    _passes_as_defined(index, gates, texts)
