"""The sentence-judging helper (pm_lsp/nlp/judge.py) on its own, with the real pipeline.

A small judgment written for these tests ("who broke what": the subject of "break", a
person if the entity recogniser says so) goes through the helper the way the rule families
do. The tests prove what the families rely on: unchanged blocks and sentences are served
from the memo tables (nothing parsed, nothing judged), the entity recogniser runs only for
the texts whose judgment asked for it (or found something, when the judgment says so),
offsets stored relative are shifted when a block moves, a whole block's findings are
served in one lookup where the judgment allows it, and the one switch really turns every
prefilter off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pm_lsp.nlp.judge import (
    Judgment,
    Unit,
    entities_pending,
    full_parse,
    judge_passages,
    judge_units,
    needs_entities,
    select,
)
from pm_lsp.nlp.pipeline import NLP

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    who: str  #: "person" or "thing"


class Breakage:
    """A judgment that records its calls: prefilter and judge are pure, the counts are
    the test's."""

    def __init__(self, *, rejudge_findings: bool = False) -> None:
        self.prefiltered: list[str] = []
        self.judged: list[tuple[str, bool]] = []  # (text, on a parse without entities)
        self.judgment: Judgment[str, str, Hit] = Judgment(
            "test.breakage",
            "words",
            self._prefilter,
            self._judge,
            lambda h, d: replace(h, start=h.start + d, end=h.end + d),
            rejudge_findings=rejudge_findings,
        )

    def _prefilter(self, text: str, _context: str) -> bool:
        self.prefiltered.append(text)
        return "broke" in text

    def _judge(self, parsed: Doc, _context: str) -> Sequence[Hit]:
        self.judged.append((parsed.text, entities_pending()))
        out = []
        for tok in parsed:
            if tok.lemma_ != "break":
                continue
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                who = "thing"
                if subj.pos_ == "PROPN":
                    needs_entities()
                    if subj.ent_type_ == "PERSON":
                        who = "person"
                out.append(Hit(subj.idx, tok.idx + len(tok.text), who))
        return out


BLOCK = "The deploy went out at noon. Kim broke the session store. Nobody noticed."


def _run(
    nlp: NLP, b: Breakage, blocks: Sequence[tuple[int, str]], context: str = "prose"
) -> list[tuple[Hit, ...]]:
    """Select and judge ``blocks`` (document offset, text) the way a family does."""
    picked = select(nlp, b.judgment, [(text, context) for _, text in blocks])
    units = [
        Unit(text[a:e], start + a, context)
        for (start, text), spans in zip(blocks, picked, strict=True)
        for a, e in spans
    ]
    return judge_units(nlp, b.judgment, units)


def test_a_rerun_is_served_from_the_tables(nlp: NLP) -> None:
    warm = nlp.sibling()
    b = Breakage()
    first = _run(warm, b, [(0, BLOCK)])
    assert first == [(Hit(29, 38, "person"),)]
    parsed, judged, filtered = warm.parsed_texts, len(b.judged), len(b.prefiltered)
    assert parsed == 1 and filtered == 3  # only the candidate sentence was parsed
    again = _run(warm, b, [(0, BLOCK)])
    assert again == first
    assert (warm.parsed_texts, len(b.judged), len(b.prefiltered)) == (parsed, judged, filtered)
    stats = warm.memos.stats()
    assert stats["test.breakage.prefilter.block"][1] == 1
    assert stats["test.breakage.judge"][1] == 1
    # a changed block re-splits, but only its new sentence goes through the prefilter
    _run(warm, b, [(0, BLOCK + " Then it rained.")])
    assert b.prefiltered[filtered:] == ["Then it rained."]
    assert warm.parsed_texts == parsed
    # the context is part of every key
    _run(warm, b, [(0, BLOCK)], context="elsewhere")
    assert len(b.prefiltered) == filtered + 4 and warm.parsed_texts == parsed


def test_entities_only_for_the_judgments_that_ask(nlp: NLP) -> None:
    cases = [
        # (sentence, its findings, entity passes)
        ("The cache broke the session store.", (Hit(4, 15, "thing"),), 0),
        ("Kim broke the session store.", (Hit(0, 9, "person"),), 1),
        ("The migration went through review.", (), 0),
    ]
    for sentence, hits, ner in cases:
        fresh = nlp.sibling()
        b = Breakage()
        got = judge_units(fresh, b.judgment, [Unit(sentence, 0, "prose")])
        assert got == [hits], sentence
        assert fresh.parsed_texts == 1 and fresh.ner_texts == ner, sentence
        # a provisional judgment first; a second one, on the full parse, where it asked
        assert b.judged == [(sentence, True)] + [(sentence, False)] * ner, sentence
        # the judgment on a parse with entities (added now where they were skipped)
        assert tuple(Breakage()._judge(fresh.parse(sentence), "prose")) == got[0], sentence
    # a judgment whose findings read entities is judged again wherever it found something
    fresh = nlp.sibling()
    b = Breakage(rejudge_findings=True)
    sentences = ["The cache broke the session store.", "The migration went through review."]
    judge_units(fresh, b.judgment, [Unit(s, 0, "prose") for s in sentences])
    assert fresh.ner_texts == 1 and b.judged[-1] == (sentences[0], False)


def test_relative_offsets_are_shifted_when_a_block_moves(nlp: NLP) -> None:
    warm = nlp.sibling()
    b = Breakage()
    intro = "# Title\n\n"
    before = _run(warm, b, [(len(intro), BLOCK)])
    parsed = warm.parsed_texts
    moved = _run(warm, b, [(len(intro) + 500, BLOCK)])
    assert warm.parsed_texts == parsed  # served from the tables ...
    assert moved == [tuple(replace(h, start=h.start + 500, end=h.end + 500) for h in before[0])]
    assert moved[0][0].start == len(intro) + 500 + BLOCK.index("Kim")  # ... at the new place


def test_full_parse_turns_every_prefilter_off(nlp: NLP) -> None:
    warm = nlp.sibling()
    b = Breakage()
    with full_parse():
        spans = select(warm, b.judgment, [(BLOCK, "prose")])
    assert len(spans[0]) == 3 and b.prefiltered == []
    assert "test.breakage.prefilter.block" not in warm.memos.stats()  # no table consulted
    assert select(warm, b.judgment, [(BLOCK, "prose")]) == [((29, 57),)]
    # the findings do not depend on the switch
    with full_parse():
        everything = _run(warm, b, [(0, BLOCK)])
    assert [h for found in everything for h in found] == [Hit(29, 38, "person")]
    assert warm.parsed_texts == 3


def test_whole_blocks_from_one_lookup(nlp: NLP) -> None:
    """``judge_passages``: the findings of an unchanged block, at any offset, come from the
    block table without splitting or filtering it again; they equal the sentence path's."""
    warm = nlp.sibling()
    b = Breakage()
    other = "The cache broke twice. It was fine after."
    blocks = [(10, BLOCK, "prose"), (200, other, "prose")]
    first = judge_passages(warm, b.judgment, blocks)
    assert first == _run(nlp.sibling(), Breakage(), [(10, BLOCK), (200, other)])
    filtered, parsed = len(b.prefiltered), warm.parsed_texts
    moved = judge_passages(warm, b.judgment, [(0, other, "prose"), (90, BLOCK, "prose")])
    assert moved == [
        tuple(replace(h, start=h.start - 200, end=h.end - 200) for h in first[1]),
        tuple(replace(h, start=h.start + 80, end=h.end + 80) for h in first[0]),
    ]
    assert (len(b.prefiltered), warm.parsed_texts) == (filtered, parsed)
    assert warm.memos.stats()["test.breakage.judge.block"][1] == 2
    # under the switch the block table is neither read nor filled
    with full_parse():
        assert judge_passages(warm, b.judgment, [(0, BLOCK + " Done.", "prose")])
    assert warm.memos.stats()["test.breakage.judge.block"][0] == 2
