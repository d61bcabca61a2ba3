"""The cheap lexical prefilters of the action and impact rules drop no finding: linting with
the prefilter gives exactly the diagnostics of a run that parses and judges every sentence,
on the team's fixtures, the examples, and the real postmortems of the corpus (read at run
time, never copied). Uses the real spaCy pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, ROOT

from pm_lsp.checks import actions, impact
from pm_lsp.config import Settings, resolve, validate
from pm_lsp.engine import lint
from pm_lsp.nlp import NLP

CODES = ["PM301", "PM306", "PM401"]


def _documents() -> list[Path]:
    docs = sorted(FIXTURES.glob("*/*.md")) + sorted((ROOT / "examples").glob("*.md"))
    docs += sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")
    return docs


@pytest.fixture
def full_parse() -> Iterator[None]:
    """Switch both prefilters off for the duration of a test."""
    saved = actions.PREFILTER, impact.PREFILTER
    actions.PREFILTER = impact.PREFILTER = False
    try:
        yield
    finally:
        actions.PREFILTER, impact.PREFILTER = saved


def _run(nlp: NLP, docs: list[Path]) -> dict[str, list[tuple[str, int, int, str]]]:
    config = resolve([Settings(), validate({"select": CODES}, "test", None)])
    return {p.name: [(d.code, d.start, d.end, d.message)
                     for d in lint(p.read_text(encoding="utf-8"), config, nlp=nlp).diagnostics]
            for p in docs}


def test_prefilter_gives_the_same_diagnostics_as_a_full_parse(nlp: NLP) -> None:
    docs = _documents()
    if not any(p.parent == CORPUS for p in docs):
        pytest.skip("corpus not present")
    before = nlp.parsed_texts
    filtered = _run(nlp, docs)
    parsed_filtered = nlp.parsed_texts - before
    saved = actions.PREFILTER, impact.PREFILTER
    actions.PREFILTER = impact.PREFILTER = False
    try:
        full = _run(nlp, docs)
    finally:
        actions.PREFILTER, impact.PREFILTER = saved
    parsed_extra = nlp.parsed_texts - before - parsed_filtered
    assert {k: v for k, v in full.items() if v != filtered[k]} == {}
    assert sum(len(v) for v in full.values()) > 50  # the comparison is not vacuous
    assert parsed_extra > parsed_filtered  # the full run really parsed more sentences


def test_switch_really_parses_more(nlp: NLP, full_parse: None) -> None:
    """With the prefilter off, a trigger-free sentence outside any impact section is parsed."""
    config = resolve([Settings(), validate({"select": ["PM401"]}, "test", None)])
    text = "# T\n\n## Background\n\nThe gateway forwards each call to the billing service.\n"
    before = nlp.parsed_texts
    assert lint(text, config, nlp=nlp).diagnostics == []
    assert nlp.parsed_texts - before == 1
