"""The prefilter machinery (:mod:`pm_lsp.nlp.patterns`) changes the work, never a verdict."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, ROOT

from pm_lsp.nlp.patterns import AnyOf, folds_safely
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.blame.lexicon import lexicon


@pytest.mark.parametrize(
    ("pattern", "flags", "safe"),
    [
        (r"\bhuman[- ]errors?\b", re.IGNORECASE, True),
        (r"(?<!\w)(?:forg[oe]t|skipp)\w*\W+\S", re.IGNORECASE, True),  # escapes are not letters
        (r"\b[A-Z][a-z]+ forgot\b", re.IGNORECASE, False),  # [A-Z] would miss the lowered text
        (r"(?-i:may) have", re.IGNORECASE, False),  # a case-sensitive group
        (r"\bhuman error\b", 0, False),  # case-sensitive already: nothing to gain
    ],
)
def test_which_patterns_read_the_lowered_copy(pattern: str, flags: int, safe: bool) -> None:
    assert folds_safely(re.compile(pattern, flags)) is safe


def test_verdicts_equal_the_plain_test_on_hostile_case() -> None:
    """Upper case, title case, a dotted capital I (lower-cases to two characters), a dotless
    i, a long s, a Kelvin sign (all three match ASCII letters case-insensitively) and the
    German sharp s: the gate decides as the plain test does."""
    alternatives = [
        (re.compile(r"\bkelvin\b|\bk\b", re.IGNORECASE),),
        (re.compile(r"stra(?:ss|ß)e", re.IGNORECASE), re.compile(r"\bclosed\b", re.IGNORECASE)),
        (re.compile(r"\b[A-Z]{3,}\b"),),  # case-sensitive: read on the original
        (re.compile(r"\bi\w*stanbul\b", re.IGNORECASE),),
        (re.compile(r"\bstop\b", re.IGNORECASE),),
    ]
    gate = AnyOf(alternatives)
    for text in [
        "KELVIN",
        "the \u212a unit",
        "STRASSE CLOSED",
        "Straße closed",
        "strasse open",
        "LOUD words",
        "quiet words",
        "\u0130stanbul",
        "ISTANBUL",
        "\u0131stanbul",  # dotless i
        "\u017ftop",  # long s
        "STOP",
        "",
    ]:
        plain = any(all(p.search(text) for p in alt) for alt in alternatives)
        assert gate(text) == plain, text


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    for name in ("blame_challenge.tsv", "actions_challenge.tsv", "impact_challenge.tsv"):
        path = ROOT / "tests" / "data" / name
        texts += [ln.split("\t")[-1] for ln in path.read_text(encoding="utf-8").splitlines()]
    out = []
    for text in texts:
        for block in text.split("\n\n"):
            out += [block[a:e] for a, e in sentence_spans(block)]
    return out


def test_the_blame_prefilter_decides_as_its_plain_form() -> None:
    """Every corpus sentence (read at run time, when present) and every challenge sentence."""
    alternatives = lexicon(resolve([Settings()]).pack).prefilter
    gate = AnyOf(alternatives)
    sentences = _sentences()
    assert len(sentences) > 1000
    for s in sentences:
        assert gate(s) == any(all(p.search(s) for p in alt) for alt in alternatives), s
