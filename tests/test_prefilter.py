"""The cheap lexical prefilters of the blame, action and impact rules drop no finding:
linting with the prefilter gives exactly the diagnostics of a run that parses and judges
every sentence, on the team's fixtures, the examples, and the real postmortems of the corpus
(read at run time, never copied). Uses the real spaCy pipeline. (The blame family's own
fixture sentences and challenge set are compared in ``test_blame_prefilter.py``.)

The same holds for the other saving: texts parsed without the entity recogniser (the action
and impact judges never read entities: PM401 reads its amounts from the text) give the
diagnostics of a pipeline that runs every component on every text, and a parse whose
entities are added later is the full-pipeline parse, attribute for attribute."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import CORPUS, FIXTURES, ROOT

from pm_lsp.engine import lint
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.impact import checks as impact

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the families behind a prefilter: blame (every code: its prefilter and its lazy entities
#: decide which sentences are parsed), vague actions, people-fixing actions, vague impact
CODES = ["PM1", "PM301", "PM306", "PM401"]


def _documents() -> list[Path]:
    docs = sorted(FIXTURES.glob("*/*.md")) + sorted((ROOT / "examples").glob("*.md"))
    docs += sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")
    return docs


@pytest.fixture
def no_prefilter() -> Iterator[None]:
    """Switch the prefilters off for the duration of a test."""
    with full_parse():
        yield


def _run(nlp: NLP, docs: list[Path]) -> dict[str, list[tuple[object, ...]]]:
    config = resolve([Settings(), validate({"select": CODES}, "test", None)])
    return {
        p.name: [
            (d.code, d.start, d.end, d.severity.label, d.message, d.fix)
            for d in lint(p.read_text(encoding="utf-8"), config, nlp=nlp).diagnostics
        ]
        for p in docs
    }


@pytest.fixture(scope="module")
def full_nlp() -> NLP:
    """A second real pipeline that runs every component (entities too) on every text."""
    model = NLP(lazy_entities=False)
    model.load()
    return model


@pytest.mark.slow
def test_prefilter_gives_the_same_diagnostics_as_a_full_parse(nlp: NLP, full_nlp: NLP) -> None:
    docs = _documents()
    if not any(p.parent == CORPUS for p in docs):
        pytest.skip("corpus not present")
    nlp.clear()
    before, ner_before = nlp.parsed_texts, nlp.ner_texts
    filtered = _run(nlp, docs)
    parsed_filtered = nlp.parsed_texts - before
    ner_filtered = nlp.ner_texts - ner_before
    with full_parse():
        full = _run(full_nlp, docs)
    assert {k: v for k, v in full.items() if v != filtered[k]} == {}
    assert sum(len(v) for v in full.values()) > 50  # the comparison is not vacuous
    assert any(k[0].startswith("PM1") for v in full.values() for k in v)  # blame is in it
    assert full_nlp.parsed_texts > parsed_filtered  # the full run really parsed more sentences
    assert full_nlp.ner_texts == full_nlp.parsed_texts
    assert ner_filtered < parsed_filtered / 2  # most texts really skipped the recogniser


def _signature(doc: Doc) -> tuple[object, ...]:
    return (
        tuple(
            (
                t.text,
                t.tag_,
                t.pos_,
                t.dep_,
                t.head.i,
                t.lemma_,
                str(t.morph),
                t.ent_iob_,
                t.ent_type_,
                t.is_sent_start,
            )
            for t in doc
        ),
        tuple((e.start, e.end, e.label_) for e in doc.ents),
    )


def _sentences(paths: list[Path]) -> list[str]:
    config = resolve([Settings()])
    out: list[str] = []
    for p in paths:
        d = parse(p.read_text(encoding="utf-8"), config.template)
        out += [b.text[a:e] for b in d.blocks for a, e in sentence_spans(b.text)]
    return list(dict.fromkeys(out))


def test_entities_added_later_equal_a_full_pipeline_parse(full_nlp: NLP) -> None:
    paths = sorted(FIXTURES.glob("*/*.md")) + sorted((ROOT / "examples").glob("*.md"))
    paths += sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")[:8]
    texts = _sentences(paths)
    assert len(texts) > 300
    lazy = NLP()
    lazy.load()
    bare = lazy.parse_many(texts, entities=False)
    assert lazy.ner_texts == 0 and not any(d.ents for d in bare)
    assert lazy.parse_many(texts, entities=False) == bare  # served from the cache, as is
    parsed = lazy.parsed_texts
    # a later request with entities re-uses the cached parses and only adds entities
    upgraded = lazy.parse_many(texts[::-1], entities=True)[::-1]
    assert lazy.parsed_texts == parsed and lazy.ner_texts == len(texts)
    assert all(a is b for a, b in zip(bare, upgraded, strict=True))
    reference = full_nlp.parse_many(texts)
    diffs = [
        t
        for t, a, b in zip(texts, upgraded, reference, strict=True)
        if _signature(a) != _signature(b)
    ]
    assert diffs == []
    assert sum(len(d.ents) for d in upgraded) > 100  # entities were really there to compare


def test_switch_really_parses_more(nlp: NLP, no_prefilter: None) -> None:
    """With the prefilter off, a trigger-free sentence outside any impact section is parsed."""
    config = resolve([Settings(), validate({"select": ["PM401"]}, "test", None)])
    text = "# T\n\n## Background\n\nThe gateway forwards each call to the billing service.\n"
    before = nlp.parsed_texts
    assert lint(text, config, nlp=nlp).diagnostics == []
    assert nlp.parsed_texts - before == 1


def test_lemma_forms_in_the_impact_pack_match_the_model(nlp: NLP) -> None:
    """The PM401 prefilter finds the nouns a quantifier counts by the word forms spaCy's
    lemmatiser could map to them; its suffix rules and irregular forms are pack data, which
    must cover what the loaded model really does."""
    from pm_lsp.policy.rulepack import builtin_pack

    pack = builtin_pack()
    lex = impact.lexicon(pack)
    lemmatizer = nlp.load().get_pipe("lemmatizer")
    tables = lemmatizer.lookups  # type: ignore[attr-defined]
    declared = {tuple(r) for r in pack.get("impact", "lemma-suffix-rules", [])}
    pos_rules = tables.get_table("lemma_rules")
    for pos in ("noun", "verb", "adj"):
        assert {tuple(r) for r in pos_rules[pos]} <= declared, pos
    nouns = lex.units | lex.amounts
    exceptions = tables.get_table("lemma_exc")
    irregular = [
        w for table in exceptions.values() for w, lemmas in table.items() if set(lemmas) & nouns
    ]
    assert irregular  # the table really has some ("built" -> "build")
    missing = [w for w in irregular if not lex.unit_form.fullmatch(w)]
    assert missing == []
    # and the real lemmatiser, on sentences: every token whose lemma is a unit noun is found
    text = (
        "The queries timed out while builds were built and paging went down; "
        "users, repositories and latencies suffered, and shares dropped."
    )
    for tok in nlp.parse(text, entities=False):
        if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
            assert lex.unit_form.fullmatch(tok.text), tok.text


def test_word_alternation_matches_like_a_longest_first_alternation() -> None:
    """The prefilters' word lists are tries now; they must find exactly what the plain
    ``a|b|c`` (longest first) found, at the same places, longer words preferred."""
    import re

    from pm_lsp.nlp.words import word_alternation

    words = [
        "a while",
        "for a while",
        "for a period",
        "some",
        "some time",
        "so",
        "for",
        "period",
        "a bit",
        "a",
        "we'll",
        "re-run",
        "c++",
        "time",
        "times",
        "timed",
    ]
    plain = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    texts = [
        "For a  while, some time passed; so for a period we'll re-run c++ times.",
        "Sometimes forward: a bit of time, timed out, a  bit",
        "nothing here",
        "",
    ]
    for wrap in ("{}", r"(?<![\w-])(?:{})(?![\w-])"):
        ref = re.compile("(?i)" + wrap.format(plain))
        trie = re.compile("(?i)" + wrap.format(word_alternation(words)))
        for t in texts:
            assert [m.span() for m in trie.finditer(t)] == [m.span() for m in ref.finditer(t)]
    assert re.search(word_alternation([]), "anything") is None


def test_hyphenated_trigger_words_reach_the_judge(nlp: NLP, full_nlp: NLP) -> None:
    """The tokenizer splits "high-latency" into "high", "-", "latency", and PM401 judges
    tokens: the prefilter must not require a trigger word to stand apart from hyphens."""
    config = resolve([Settings(), validate({"select": ["PM401"]}, "test", None)])
    sentences = [
        "Customers saw high-latency requests during the failover.",
        "A brief-but-total outage hit users in two regions.",
        "Most-affected customers could not pay.",
        "The long-running import job finished late.",
    ]
    flagged = 0
    for sentence in sentences:
        text = f"# T\n\n## Impact\n\n{sentence}\n"
        fast = [(d.code, d.start, d.end) for d in lint(text, config, nlp=nlp).diagnostics]
        with full_parse():
            full = [(d.code, d.start, d.end) for d in lint(text, config, nlp=full_nlp).diagnostics]
        assert fast == full, sentence
        flagged += bool(fast)
    assert flagged >= 2


def test_lessons_proposals_the_judge_accepts_pass_the_prefilter(nlp: NLP, full_nlp: NLP) -> None:
    """Lessons sentences read as proposals by the judge's own gates: a leading comparative
    ("Faster ..."), a verb after leading punctuation, a people phrase inside a leading
    condition. All were dropped by the earlier prefilter; now both modes agree."""
    config = resolve([Settings(), validate({"select": ["PM301", "PM306"]}, "test", None)])
    sentences = [
        "Faster rollbacks are needed for the payment service.",
        "Tighter limits on retries.",
        "(Improve) monitoring of queues.",
        "When you double-check a config change, ask a second reviewer.",
        "Users were informed through the status page.",
    ]
    text = "# T\n\n## Lessons Learned\n\n" + "\n\n".join(sentences) + "\n"
    fast = [(d.code, d.start, d.end) for d in lint(text, config, nlp=nlp).diagnostics]
    with full_parse():
        full = [(d.code, d.start, d.end) for d in lint(text, config, nlp=full_nlp).diagnostics]
    assert fast == full
    assert len(fast) >= 4
