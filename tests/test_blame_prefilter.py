"""The blame prefilter loses nothing: diagnostics are identical when every sentence is parsed.

Runs the fixture postmortems and sentences written for the blame tests, the challenge set
and the example postmortems once with the prefilter and once forcing every prose sentence
through spaCy, with a
second pipeline that runs every component on every text: the normal run adds named entities
only to the sentences whose verdict could depend on them, and that must not change a thing.
The real postmortems of the corpus are compared the same way, blame with the other
prefiltered families in one pair of runs, in ``test_prefilter.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, LintFn

from pm_lsp.engine import lint
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Fix

Key = list[tuple[str, int, int, str, str, Fix | None]]


@pytest.fixture(scope="module")
def full_nlp() -> NLP:
    """A second real pipeline that runs every component (entities too) on every text."""
    model = NLP(lazy_entities=False)
    model.load()
    return model


def _key(text: str, nlp: NLP) -> Key:
    config = resolve([Settings(), validate({"select": ["PM1"]}, "test", None)])
    return [
        (d.code, d.start, d.end, d.severity.label, d.message, d.fix)
        for d in lint(text, config, nlp=nlp).diagnostics
    ]


def _both(text: str, nlp: NLP, full_nlp: NLP) -> tuple[Key, Key]:
    """(prefilter and entities only where needed, every sentence with every component)"""
    fast = _key(text, nlp)
    with full_parse():
        full = _key(text, full_nlp)
    return fast, full


def _fixture_texts() -> list[str]:
    here = FIXTURES / "blame"
    texts = [p.read_text(encoding="utf-8") for p in sorted(here.glob("*.md"))]
    for name in ("positives.txt", "negatives.txt"):
        lines = [
            ln.split("|", 1)[-1].strip()
            for ln in (here / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        texts.append("# T\n\n## Contributing Factors\n\n" + "\n\n".join(lines) + "\n")
    challenge = Path(__file__).resolve().parent / "data" / "blame_challenge.tsv"
    rows = [
        ln.split("\t")
        for ln in challenge.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    for label in ("blame", "clean"):  # the challenge set's sentences, one document per label
        lines = [sentence for lab, _kind, sentence in rows if lab == label]
        texts.append("# T\n\n## Contributing Factors\n\n" + "\n\n".join(lines) + "\n")
    texts += [
        (ROOT / "examples" / n).read_text(encoding="utf-8")
        for n in ("bad-postmortem.md", "good-postmortem.md")
    ]
    return texts


def test_prefilter_matches_full_parse_on_fixtures(nlp: NLP, full_nlp: NLP) -> None:
    found = fixed = 0
    nlp.clear()  # earlier tests may have left these sentences, with entities, in the cache
    ner_before = nlp.ner_texts
    for text in _fixture_texts():
        fast, full = _both(text, nlp, full_nlp)
        assert fast == full
        found += len(fast)
        fixed += sum(1 for k in fast if k[-1] is not None)
    assert found > 200 and fixed > 50  # the comparison is not vacuous
    assert nlp.ner_texts > ner_before  # some sentences did need their entities


def test_prefilter_parses_only_candidates(lint_text: LintFn, nlp: NLP) -> None:
    filler = " ".join(f"Step {i} of the rollout went through review." for i in range(40))
    text = f"# T\n\n## Timeline\n\n{filler}\n\n## Summary\n\nKim forgot to renew the cert.\n"
    nlp.clear()
    before = nlp.parsed_texts
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [d.code for d in diags] == ["PM103"]
    assert nlp.parsed_texts - before == 1
    nlp.clear()
    before = nlp.parsed_texts
    with full_parse():
        lint_text(text, select=["PM1"])
    assert nlp.parsed_texts - before >= 41


def test_entities_only_for_sentences_whose_verdict_depends_on_them(
    lint_text: LintFn, nlp: NLP
) -> None:
    """A candidate with no proper noun and no finding is judged without the entity
    recogniser; a proper-noun subject (is it a PERSON?) or a finding gets its entities."""
    cases = [
        ("A stale health check broke the session store during the rollout.", [], 0),
        ("Redis broke the session store during the rollout.", [], 1),
        ("Kim broke the session store during the rollout.", ["PM101"], 1),
        ("We forgot to renew the certificate before it expired.", ["PM103"], 1),
    ]
    for sentence, codes, ner in cases:
        nlp.clear()
        parsed, recognised = nlp.parsed_texts, nlp.ner_texts
        diags = lint_text(f"# T\n\n## Summary\n\n{sentence}\n", select=["PM1"]).diagnostics
        assert [d.code for d in diags] == codes, sentence
        assert nlp.parsed_texts - parsed == 1, sentence
        assert nlp.ner_texts - recognised == ner, sentence


def test_hyphen_attached_trigger_words_reach_the_judges(nlp: NLP, full_nlp: NLP) -> None:
    """The tokenizer splits "accidentally-ignored" and "super-careless"; the judges read
    the tokens, so the prefilter must not require a trigger word to stand apart from a
    hyphen (both sentences were dropped by the prefilter before)."""
    sentences = [
        "Kim accidentally-ignored the alert.",
        "The on-call engineer was super-careless with the flag.",
    ]
    for sentence in sentences:
        fast, full = _both(f"# T\n\n## Summary\n\n{sentence}\n", nlp, full_nlp)
        assert fast == full and fast, sentence
