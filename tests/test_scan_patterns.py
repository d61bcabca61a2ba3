"""Patterns and helpers rewritten for speed find exactly what their plain forms find.

Each rewrite (a regex reordered so that Python's ``re`` can skip ahead to a literal, a
per-document pass instead of a per-block one) is checked against the plain form it replaced,
on every line and sentence of the team's fixtures, the examples and the corpus (read at
run time, never copied), and on look-alikes written for the purpose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, ROOT, challenge_texts

from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.actions.lexicon import future_marker, lexicon


def _documents() -> list[Path]:
    docs = sorted(FIXTURES.rglob("*.md")) + sorted((ROOT / "examples").glob("*.md"))
    return docs + sorted(CORPUS.glob("*.md"))


def _lines() -> list[str]:
    """Every line of every document, and every challenge sentence."""
    out: list[str] = []
    for p in _documents():
        out += p.read_text(encoding="utf-8").splitlines()
    return out + challenge_texts()


#: look-alikes at the edges of a marker: inside a word, after an apostrophe, at the ends
_FUTURE_EDGES = [
    "will",
    "we'll",
    "we’ll",
    "'ll",
    "willing",
    "goodwill",
    "o'will",
    "o’will",
    "-will",
    "will-",
    "_will",
    "will_",
    "2will",
    "planning to",
    "replanning to",
    "plan toward",
    "in the futures",
    "the near future.",
    "'going to'",
    "we aim",
    "we aimed",
]


def _plain_future(markers: list[str]) -> re.Pattern[str]:
    """The future markers' plain form: a lookbehind, then the marker."""

    def one(m: str) -> str:
        if m.startswith("'"):
            return "['’]" + re.escape(m[1:]) + r"(?![\w])"
        return r"(?<![\w'’])" + re.escape(m).replace("'", "['’]") + r"(?![\w])"

    return re.compile("|".join(one(m) for m in markers))


@pytest.mark.slow
def test_future_markers_match_their_plain_form() -> None:
    lex = lexicon(resolve([Settings()]).pack)
    plain = _plain_future(lex.future)
    assert lex.future_re.pattern == "|".join(future_marker(m) for m in lex.future)
    texts = [t.lower() for t in _lines()] + _FUTURE_EDGES
    found = 0
    for text in texts:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in lex.future_re.finditer(text)] == want, text
        found += bool(want)
    assert found > 50  # the comparison saw markers, not only their absence


def test_future_marker_edges() -> None:
    pattern = re.compile(
        "|".join(future_marker(m) for m in ["will", "'ll", "going to", "near future"])
    )
    for text in _FUTURE_EDGES:
        plain = _plain_future(["will", "'ll", "going to", "near future"])
        assert bool(pattern.search(text)) == bool(plain.search(text)), text
    assert pattern.search("we will") and pattern.search("we’ll see")
    assert not pattern.search("goodwill") and not pattern.search("o'will")
