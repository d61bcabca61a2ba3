"""The dictionary attribute ruler and the memo lemmatizer give exactly what spaCy's stock
components give.

The stock pipeline is a plain ``spacy.load`` of the same model (not our modified object);
every token attribute the pipeline writes is compared: TAG, POS, MORPH, LEMMA, DEP, HEAD and
the entities.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from conftest import CORPUS, FIXTURES, ROOT
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from pm_lsp.nlp import spacing
from pm_lsp.nlp.attribute_rules import FastAttributeRuler, compile_rules, install
from pm_lsp.nlp.lemmas import MemoLemmatizer
from pm_lsp.nlp.pipeline import NLP, resolve_model
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve

#: the components before the attribute ruler, so both rulers see the same input
_AFTER_RULER = ["attribute_ruler", "lemmatizer", "ner"]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy loads it, nothing swapped."""
    name = resolve_model()
    assert name is not None
    return spacy.load(name)


def _signature(doc: Doc) -> tuple[object, ...]:
    tokens = tuple(
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    )
    return tokens, tuple((e.start, e.end, e.label_) for e in doc.ents)


def _prose(paths: list[Path]) -> list[str]:
    template = resolve([Settings()]).template
    out: list[str] = []
    for p in paths:
        doc = parse(p.read_text(encoding="utf-8"), template)
        out += [b.text for b in doc.prose_blocks() if b.text.strip()]
    return list(dict.fromkeys(out))


def _differences(stock: Language, texts: list[str]) -> list[str]:
    """Texts whose parse by our loaded pipeline (entities added later, as a lint does)
    differs in any token attribute from the stock pipeline's; both read a text with runs
    of white space through its collapsed twin (:mod:`pm_lsp.nlp.spacing`), as a lint
    does, so what is compared is the pipelines."""
    ours = NLP()
    ours.load()
    mine = ours.parse_many(texts, entities=True)
    theirs = spacing.pipe(stock, texts, [])
    return [
        t for t, a, b in zip(texts, mine, theirs, strict=True) if _signature(a) != _signature(b)
    ]


def test_the_loaded_pipeline_uses_the_dictionary_ruler_with_every_stock_rule(
    stock: Language,
) -> None:
    model = NLP()
    ruler = model.load().get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler) and ruler.plan is not None
    assert model.load().pipe_names == [n for n in stock.pipe_names if n != "ner"]
    stock_ruler = stock.get_pipe("attribute_ruler")
    assert len(ruler.plan.attrs) == len(stock_ruler.patterns) > 100
    # the lemmatizer answers from its table too, so the comparisons below cover it: a
    # parse goes through it (nlp.pipe calls its own pipe, not the stock component's)
    lemmatizer = model.load().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, MemoLemmatizer)
    model.parse_many(["The engineers were deleting the databases."], entities=False)
    assert len(lemmatizer._lemma) >= 3


_HARD = ["I ain't gonna do it, y'all.", "Let's go; c'm on, gotta run.", "Nothin' was done."]


def _fixture_prose() -> list[str]:
    paths = sorted(FIXTURES.glob("*/*.md")) + sorted((ROOT / "examples").glob("*.md"))
    texts = _prose(paths)
    assert len(texts) > 200
    return texts


def test_some_fixture_prose_is_tagged_exactly_as_by_the_stock_pipeline(stock: Language) -> None:
    assert _differences(stock, _fixture_prose()[::6] + _HARD) == []


@pytest.mark.slow
def test_all_fixture_prose_is_tagged_exactly_as_by_the_stock_pipeline(stock: Language) -> None:
    assert _differences(stock, _fixture_prose()) == []


@pytest.mark.slow
def test_half_the_corpus_prose_is_tagged_exactly_as_by_the_stock_pipeline(
    stock: Language,
) -> None:
    # every second document, alternating through both halves and every organisation: the
    # whole corpus took ~40 s of the suite's 10-minute budget for the same proof
    paths = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")[::2]
    if not paths:
        pytest.skip("corpus not present")
    texts = _prose(paths)
    assert len(texts) > 500
    assert _differences(stock, texts) == []


def _rulers(stock: Language, extra: list[dict[str, Any]]) -> tuple[AttributeRuler, Any]:
    """A stock ruler holding the model's rules plus ``extra``, and its dictionary twin."""
    ruler = AttributeRuler(stock.vocab)
    ruler.add_patterns([*stock.get_pipe("attribute_ruler").patterns, *extra])
    fast = FastAttributeRuler(stock.vocab)
    fast.plan = compile_rules(ruler, stock.vocab)
    assert fast.plan is not None
    return ruler, fast


def test_rules_it_cannot_file_are_matched_by_a_matcher_with_the_same_result(
    stock: Language,
) -> None:
    extra = [  # an operator, a negative index, an attribute it does not read, a comparison
        {"patterns": [[{"LOWER": "data"}, {"IS_PUNCT": True, "OP": "?"}]], "attrs": {"LEMMA": "D"}},
        {"patterns": [[{"TAG": "NN"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "compound"}, "index": -1},
        {
            "patterns": [[{"LOWER": "the"}, {"LENGTH": {">=": 8}}]],
            "attrs": {"POS": "X"},
            "index": 1,
        },
    ]
    ruler, fast = _rulers(stock, extra)
    assert fast.plan.matcher is not None and len(fast.plan.matcher) == 2  # the operator, LENGTH
    texts = ["The data, as stored, was lost.", "The database server ran out of disk space."]
    before = list(stock.pipe(texts, disable=_AFTER_RULER))
    twins = [Doc(stock.vocab).from_bytes(d.to_bytes()) for d in before]
    expected = [_signature(ruler(d)) for d in before]
    assert [_signature(fast(d)) for d in twins] == expected
    lemmas = {t.lemma_ for d in twins for t in d}
    assert {"D", "compound"} <= lemmas  # the added rules really wrote something
    assert any(t.pos_ == "X" for d in twins for t in d)


def test_every_rule_is_matched_before_any_is_applied_and_later_rules_win(
    stock: Language,
) -> None:
    extra = [
        {"patterns": [[{"LOWER": "outage"}]], "attrs": {"TAG": "XX", "LEMMA": "first"}},
        {"patterns": [[{"TAG": "XX"}]], "attrs": {"LEMMA": "never"}},  # sees TAG before
        {"patterns": [[{"LOWER": "outage"}]], "attrs": {"LEMMA": "second"}},
    ]
    ruler, fast = _rulers(stock, extra)
    before = list(stock.pipe(["The outage ended."], disable=_AFTER_RULER))
    twin = Doc(stock.vocab).from_bytes(before[0].to_bytes())
    expected = _signature(ruler(before[0]))
    assert _signature(fast(twin)) == expected
    assert (twin[1].tag_, twin[1].lemma_) == ("XX", "second")


def test_a_ruler_writing_what_it_cannot_merge_is_left_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "sev1"}]], {"NORM": "severity one"})
    assert compile_rules(ruler, nlp.vocab) is None
    assert not install(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler

    plain = spacy.blank("en")
    plain.add_pipe("attribute_ruler").add([[{"LOWER": "sev1"}]], {"LEMMA": "sev"})
    assert install(plain)
    assert isinstance(plain.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert [t.lemma_ for t in plain("a sev1 page")] == ["", "sev", ""]
