"""Judging prose one sentence at a time: prefilter, memo, parse, lazy entities, in one place.

Three rule families (blame, actions, impact) judge sentences on their dependency parse. What
makes that cheap is the same for each of them and lives here; a family states only its
judgment, as a :class:`Judgment`: a pure prefilter (can the judge find anything in this
sentence?), a pure judge (the findings in one parsed text, offsets relative to it) and how
its findings move.

* **Selection** (:func:`select`): a block's text is split into sentences (spaCy-free, see
  :func:`pm_lsp.nlp.sentences.sentence_spans`) and each sentence is offered to the prefilter
  with the block's context. The spans that pass are memoised per block in the
  ``<name>.prefilter.block`` table, each sentence's answer in ``<name>.prefilter``: an
  unchanged block costs one lookup, a changed one filters only its changed sentences.
* **Judgment** (:func:`judge_units`): a verdict is memoised in ``<name>.judge`` under everything
  it reads: the family's words (its lexicon, immutable once loaded), the text that is parsed
  and the unit's context (which the family builds to hold whatever else the judge reads).
  The texts not found are parsed in one batch. Offsets in a stored verdict are relative to
  the unit and shifted on reuse, so a paragraph that moves keeps its entries. Where the
  verdicts read nothing but a sentence and its block's context, :func:`judge_passages`
  memoises a whole block's findings as well (``<name>.judge.block``).
* **Lazy entities**: the entity recogniser is about half the cost of a parse and few
  verdicts read it. Every text is parsed and judged without it first, with a probe set; a
  judge calls :func:`needs_entities` before it reads an entity attribute (``ent_type_``,
  ``doc.ents``), and only the texts whose judgment did, or, for a family whose findings read
  entities while they are made (:attr:`Judgment.rejudge_findings`), that found something,
  get their entities added to the cached parse and are judged again. The recogniser runs
  last and reads nothing the other components write, so that second judgment is the one a
  full-pipeline parse gives (``tests/test_prefilter.py`` proves it on the corpus).
* **One switch** (:func:`full_parse`): inside it no prefilter is consulted and every
  sentence is parsed and judged; the tests and ``bench/throughput.py`` use it to prove that
  the prefilters drop no finding.

Rules of the memo tables (:mod:`pm_lsp.cache`) hold: a family keeps its prefilter and judge
pure functions of their arguments, puts in a unit's context everything else the judge
reads, and returns immutable findings.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from pm_lsp.nlp.sentences import sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pm_lsp.nlp.pipeline import NLP

#: what the prefilter reads about a block besides its text (``None`` when nothing)
P = TypeVar("P", bound=Hashable)
#: what the judge reads about a unit besides its parse
C = TypeVar("C", bound=Hashable)
#: one finding
F = TypeVar("F")

Spans = tuple[tuple[int, int], ...]


# -- the switch -----------------------------------------------------------------------------

_FULL_PARSE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "pm_lsp_full_parse", default=False
)


@contextlib.contextmanager
def full_parse() -> Iterator[None]:
    """Within this block every sentence is parsed and judged: no prefilter is consulted.

    Per thread of control (a context variable), so a test that switches it does not change
    what a language server running in the same process does."""
    token = _FULL_PARSE.set(True)
    try:
        yield
    finally:
        _FULL_PARSE.reset(token)


def prefiltering() -> bool:
    """Are the prefilters consulted (False inside :func:`full_parse`)?"""
    return not _FULL_PARSE.get()


# -- the entity probe -----------------------------------------------------------------------


class _Probe:
    """Set while a text is judged on a parse without named entities."""

    __slots__ = ("asked",)

    def __init__(self) -> None:
        self.asked = False


_PROBE: contextvars.ContextVar[_Probe | None] = contextvars.ContextVar(
    "pm_lsp_entity_probe", default=None
)


def needs_entities() -> None:
    """Note that the judgment being made reads named entities (call it before the read).

    While the text is judged on a parse without entities, this makes that judgment
    provisional: it is discarded and the text judged again once its entities are there.
    Anywhere else it does nothing."""
    probe = _PROBE.get()
    if probe is not None:
        probe.asked = True


def entities_pending() -> bool:
    """Is the judgment being made the provisional one, on a parse without named entities?

    For a judge that can tell whether the entities would change its verdict (it may
    compute the verdict both ways, and call :func:`needs_entities` only if they differ)."""
    return _PROBE.get() is not None


# -- what a family supplies -----------------------------------------------------------------


#: a block of prose to choose sentences from: its (masked) text and the context that the
#: prefilter reads along with each of its sentences (a plain tuple: one is made for every
#: block on every lint)
Passage = tuple[str, P]


@dataclass(slots=True)
class Unit(Generic[C]):
    """One text to judge (slotted, not frozen: one is made for every candidate on every
    lint, and a frozen dataclass costs four times as much to build; it is never stored)."""

    text: str  #: what is parsed (masked text)
    offset: int  #: the document offset the verdict's relative offsets are shifted by
    context: C  #: everything else the verdict reads; part of the memo key


@dataclass(frozen=True)
class Judgment(Generic[P, C, F]):
    """A family's sentence judgment: what it reads and how, with no caching of its own."""

    #: names the memo tables (``<name>.judge``, ``<name>.prefilter``, ...)
    name: str
    #: the words the prefilter and the judge read (the family's lexicon for one rule pack):
    #: part of every key, so a second pack never sees the first one's verdicts
    words: Hashable
    #: pure: False only if the judge can find nothing in this sentence with this context
    prefilter: Callable[[str, P], bool]
    #: pure: the findings in one parsed text, offsets relative to that text's unit
    judge: Callable[[Doc, C], Sequence[F]]
    #: ``shift(finding, delta)``: the finding with its offsets moved; None when findings
    #: hold no offsets
    shift: Callable[[F, int], F] | None = None
    #: judge again with entities every text that produced a finding, not only those whose
    #: judgment asked: for a family whose findings (rewrites, say) read entities as they
    #: are made
    rejudge_findings: bool = False


# -- the pipeline ---------------------------------------------------------------------------


def select(nlp: NLP, judgment: Judgment[P, C, F], passages: Sequence[Passage[P]]) -> list[Spans]:
    """For each passage, the spans (relative to its text) of the sentences worth judging:
    those its prefilter passes, or every sentence inside :func:`full_parse`."""
    if not prefiltering():
        return [tuple(sentence_spans(text)) for text, _context in passages]
    words = judgment.words
    test = judgment.prefilter
    blocks = nlp.memo(f"{judgment.name}.prefilter.block")
    sentences = nlp.memo(f"{judgment.name}.prefilter")
    out: list[Spans] = []
    for text, context in passages:
        key = (words, text, context)
        spans: Spans | None = blocks.get(key)
        if spans is None:
            taken: list[tuple[int, int]] = []
            for a, e in sentence_spans(text):
                piece = text[a:e]
                skey = (words, piece, context)
                passed: bool | None = sentences.get(skey)
                if passed is None:
                    passed = sentences.put(skey, test(piece, context))
                if passed:
                    taken.append((a, e))
            spans = blocks.put(key, tuple(taken))
        out.append(spans)
    return out


def judge_units(
    nlp: NLP, judgment: Judgment[P, C, F], units: Sequence[Unit[C]]
) -> list[tuple[F, ...]]:
    """The findings in each unit, in document offsets (from the memo, else parsed and
    judged in one batch)."""
    memo = nlp.memo(f"{judgment.name}.judge")
    words = judgment.words
    keys = [(words, u.text, u.context) for u in units]
    found: list[tuple[F, ...] | None] = [memo.get(k) for k in keys]
    todo = [i for i, f in enumerate(found) if f is None]
    if todo:
        for i, verdict in _judge_fresh(nlp, judgment, [units[i] for i in todo]):
            found[todo[i]] = memo.put(keys[todo[i]], verdict)
    shift = judgment.shift
    out: list[tuple[F, ...]] = []
    for u, got in zip(units, found, strict=True):
        assert got is not None
        if shift is not None and got and u.offset:
            got = tuple(shift(x, u.offset) for x in got)
        out.append(got)
    return out


def unjudged(nlp: NLP, judgment: Judgment[P, C, F], units: Sequence[Unit[C]]) -> list[str]:
    """The texts of ``units`` that :func:`judge_units` would parse: those with no verdict
    in the memo. For a family that stops for another parse before it judges, to have these
    parsed in the same batch (:meth:`NLP.expect`) instead of in one of their own."""
    memo = nlp.memo(f"{judgment.name}.judge")
    words = judgment.words
    return [u.text for u in units if memo.get((words, u.text, u.context)) is None]


def judge_passages(
    nlp: NLP, judgment: Judgment[P, P, F], passages: Sequence[tuple[int, str, P]]
) -> list[tuple[F, ...]]:
    """The findings in each passage ``(document offset, text, context)``, in document
    offsets, for a judgment whose verdict on a sentence reads nothing but the sentence and
    the passage's context.

    Then a passage's findings are a function of its text and context as a whole, and they
    are memoised per passage too (``<name>.judge.block``, offsets relative to the passage):
    an unchanged block costs one lookup, and a changed one is selected and judged sentence
    by sentence through the other tables. Inside :func:`full_parse` that table is neither
    read nor filled (it holds what the prefilter selected)."""
    memo = nlp.memo(f"{judgment.name}.judge.block") if prefiltering() else None
    words = judgment.words
    keys = [(words, text, context) for _start, text, context in passages]
    found: list[tuple[F, ...] | None] = (
        [memo.get(k) for k in keys] if memo is not None else [None] * len(keys)
    )
    todo = [i for i, f in enumerate(found) if f is None]
    if todo:
        picked = select(nlp, judgment, [(passages[i][1], passages[i][2]) for i in todo])
        units: list[Unit[P]] = []
        owners: list[int] = []
        for i, spans in zip(todo, picked, strict=True):
            _start, text, context = passages[i]
            for a, e in spans:
                units.append(Unit(text[a:e], a, context))  # offsets relative to the passage
                owners.append(i)
        per: dict[int, list[F]] = {i: [] for i in todo}
        for i, f in zip(owners, judge_units(nlp, judgment, units), strict=True):
            per[i].extend(f)
        for i in todo:
            block = tuple(per[i])
            found[i] = memo.put(keys[i], block) if memo is not None else block
    shift = judgment.shift
    out: list[tuple[F, ...]] = []
    for (start, _text, _context), got in zip(passages, found, strict=True):
        assert got is not None
        if shift is not None and got and start:
            got = tuple(shift(x, start) for x in got)
        out.append(got)
    return out


def _judge_fresh(
    nlp: NLP, judgment: Judgment[P, C, F], units: Sequence[Unit[C]]
) -> Iterator[tuple[int, tuple[F, ...]]]:
    """(index, relative verdict) for each of ``units``: judged on a parse without entities,
    and again on the full parse where that judgment read entities (or found something, when
    the family asks for that)."""
    texts = [u.text for u in units]
    again: list[int] = []
    for i, parsed in enumerate(nlp.parse_many(texts, entities=False)):
        probe = _Probe()
        token = _PROBE.set(probe)
        try:
            verdict = tuple(judgment.judge(parsed, units[i].context))
        finally:
            _PROBE.reset(token)
        if probe.asked or (verdict and judgment.rejudge_findings):
            again.append(i)
        else:
            yield i, verdict
    if again:
        full = nlp.parse_many([texts[i] for i in again], entities=True)
        for i, parsed in zip(again, full, strict=True):
            yield i, tuple(judgment.judge(parsed, units[i].context))


__all__ = [
    "Judgment",
    "Passage",
    "Unit",
    "entities_pending",
    "full_parse",
    "judge_passages",
    "judge_units",
    "needs_entities",
    "prefiltering",
    "select",
    "unjudged",
]
