"""Blame-oriented language (PM101-PM107): people as the cause instead of conditions.

"A blamelessly written postmortem assumes that everyone involved in an incident had good
intentions and did the right thing with the information they had" (Google SRE book); "an
individual's action should never be considered a root cause" (PagerDuty). The taxonomy, cue
words, rewrite patterns and innocent look-alikes follow those guides.

The detection lives in :mod:`pm_lsp.rules.blame.lexicon` (the words and the prefilter),
:mod:`pm_lsp.rules.blame.extract` (candidate sentences, section context, person detection),
:mod:`pm_lsp.rules.blame.judge` (one judge per construction, on the dependency parse) and
:mod:`pm_lsp.rules.blame.rewrite` (fixes); :mod:`pm_lsp.nlp.judge` runs the judgment. This
module makes the one analysis per document (:func:`analyse`), declares each rule once and
applies the section weighting: naming who did what in a timeline is normal, so there every
finding is at most ``info``; a person as the agent of a failure is a ``warning`` only in the
sections that explain the incident (Summary, Root cause, Contributing factors, Lessons).
Tone (the ``tone-kinds`` of ``rules/blame.toml``) is ``info`` anywhere, a party named or not, and
a sentence carries one warning at most: its further findings are ``info``.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from pm_lsp.cache import BLOCK_CHARS, Identity, identity, lru
from pm_lsp.nlp.judge import Unit, judge_units, prefiltering, unjudged
from pm_lsp.nlp.pipeline import Deferred
from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.antecedent import change_actor, sentence_before
from pm_lsp.rules.blame.extract import (
    Part,
    Sentence,
    document_parts,
    judge_window,
    part_sentences,
)
from pm_lsp.rules.blame.judge import BlameHit, InWindow, blame_judgment, shifted
from pm_lsp.rules.blame.lexicon import BlameLexicon, lexicon
from pm_lsp.rules.blame.questions import asking
from pm_lsp.rules.blame.specs import (
    animated,
    counterfactual,
    hindsight,
    human_error,
    judgment,
    person_as_cause,
    rca_person,
)
from pm_lsp.rules.blame.systems import system_words
from pm_lsp.rules.spec import Finding, RuleContext, RuleSpec, Severity, rule

if TYPE_CHECKING:
    from pm_lsp.model.document import PostmortemDoc
    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.policy.rulepack import RulePack
    from pm_lsp.policy.templates import Template

FAMILY = "blame"

_CAPITALISED = re.compile(r"\b[A-Z][\w-]*")
#: a sentence that ends as a question (most candidates do not: no context is read for them)
_QUESTION = re.compile(r"\?[\W_]*$")


def analyse(
    doc: PostmortemDoc, pack: RulePack, template: Template, nlp: NLP
) -> tuple[BlameHit, ...]:
    """Every blame finding in ``doc``, computed once per document, pack, template and parse
    mode (PM101-PM107 and the hover share it: :meth:`PostmortemDoc.analysis`)."""
    return doc.analysis(_hits, pack, template, nlp, prefiltering())


class _Candidate(NamedTuple):
    """A candidate sentence of a part, with offsets relative to the part's start."""

    sentence: Sentence
    window: tuple[int, int]  #: :func:`pm_lsp.rules.blame.extract.judge_window`'s slice
    #: the sentence before it in its block, when it points back at a change ("this fix")
    before: str | None
    #: a question that asks (:func:`pm_lsp.rules.blame.questions.asking`)
    asking: bool = False


class _Selection(NamedTuple):
    """What a part's walk selects: a function of the part's text and context, memoised
    per part (``blame.select.part``)."""

    candidates: tuple[_Candidate, ...]
    #: the candidates' capitalised words: those the document uses as a system elsewhere
    #: are the part's share of the system words
    capitalised: frozenset[str]
    #: the sentences the candidates point back at (their system words count too)
    befores: tuple[str, ...]


_NOTHING = _Selection((), frozenset(), ())


class _Work(NamedTuple):
    """One part's findings for this lint: memoised, or its units still to judge."""

    lo: int  #: the part's start: its findings' offsets are relative to it
    key: Hashable | None  #: its key in ``blame.hits.part`` (None: not memoised)
    hits: tuple[BlameHit, ...] | None  #: from the memo, relative to ``lo``
    units: tuple[Unit[InWindow], ...]  #: when ``hits`` is None: the units to judge


_ORDER = attrgetter("start", "end", "code")


def _hits(
    doc: PostmortemDoc, pack: RulePack, template: Template, nlp: NLP, prefiltered: bool
) -> tuple[BlameHit, ...]:
    """The findings behind :func:`analyse` (``prefiltered`` is read through the judging
    helper's switch; it is an argument so that the two parse modes are cached apart).

    The document is read in parts (:func:`pm_lsp.rules.blame.extract.document_parts`), and
    a part's findings are memoised under its text, its context and its share of the
    document's system words (``blame.hits.part``, offsets relative to the part): after an
    edit only the part it touched is selected and judged again, in one batch with any
    other; an unchanged sentence in an unchanged context is neither parsed nor judged
    again, wherever it moved."""
    lex = lexicon(pack)
    work = doc.analysis(_units, pack, template, nlp, prefiltered)
    fresh = [u for w in work if w.hits is None for u in w.units]
    verdicts = iter(judge_units(nlp, blame_judgment(lex), fresh) if fresh else ())
    judged = nlp.memos.table("blame.hits.part", BLOCK_CHARS)
    out: list[BlameHit] = []
    for w in work:
        hits = w.hits
        if hits is None:
            found: list[BlameHit] = []
            for _u in w.units:  # one unit per sentence: no overlap across them
                found.extend(_one_warning(_dedupe(list(next(verdicts))), lex))
            hits = tuple(sorted(found, key=_ORDER))
            if w.key is not None:
                judged.put(w.key, hits)
        out.extend(shifted(h, w.lo) for h in hits)
    return tuple(sorted(out, key=_ORDER))


def _one_warning(hits: list[BlameHit], lex: BlameLexicon) -> list[BlameHit]:
    """One sentence's findings (in order), every warning after its first marked secondary
    (shown as info): the sentence is one thing to rewrite, and a second warning on it adds
    noise, not evidence. PM107 stands apart: it judges where the root-cause analysis stops
    (the statement as a whole, once per document), not a claim inside the sentence."""
    warned = False
    out: list[BlameHit] = []
    for h in hits:
        if h.code != specs.rca_person.code and _severity(h, lex) is None:
            if warned:
                h = replace(h, secondary=True)
            warned = True
        out.append(h)
    return out


def _units(
    doc: PostmortemDoc, pack: RulePack, template: Template, nlp: NLP, prefiltered: bool
) -> tuple[_Work, ...]:
    """Each part's memoised findings, or the units (its candidate sentences, each with
    what its judgment reads) still to judge.

    A document analysis of its own, apart from the judging: the judging stops for the
    lint's one parse batch and runs again after it, and the parts are then not walked
    again.

    A part's selection (``blame.select.part``) is keyed by its original text (with the
    character before it and the one after it, which a judgment's window may read) and
    masked text, its :class:`pm_lsp.rules.blame.extract.Part` context, the lexicon, the
    template and the parse mode; its findings (``blame.hits.part``) by that key and the
    part's share of the system words. Each candidate sentence is judged on its window of
    the original text (see :func:`pm_lsp.rules.blame.extract.judge_window`), with offsets
    relative to that window: its judgment reads the sentence's masked text, the window,
    the sentence's place in it, its sections and whether it is a root-cause statement, all
    in the unit's context. The system words
    (:func:`pm_lsp.rules.blame.systems.system_words`) are decided on the whole document
    each time, then projected onto each part.
    """
    lex = lexicon(pack)
    chosen = nlp.memos.table("blame.select.part", BLOCK_CHARS)
    judged = nlp.memos.table("blame.hits.part", BLOCK_CHARS)
    systems: frozenset[str] | None = None
    work: list[_Work] = []
    stopped: Deferred | None = None
    waiting: list[str] = []
    words = _words(lex, identity(template), prefiltered)  # what every part's key holds
    for part in document_parts(doc, lex, template):
        key: Hashable | None = _part_key(doc, part, words)
        sel = chosen.get(key)
        if sel is None:
            sel, keyed = _selection(doc, part, lex, template, nlp)
            if keyed:
                chosen.put(key, sel)
            else:
                key = None
        if not sel.candidates:
            continue
        if systems is None:
            headings = [s.heading.start for s in doc.sections]
            systems = system_words(doc.text, nlp.memo("blame.system_words"), headings)
        held = _held(sel, systems)
        key = (key, held) if key is not None else None
        hits = judged.get(key) if key is not None else None
        if hits is not None:
            work.append(_Work(part.lo, key, hits, ()))
            continue
        units, late, stop = _part_units(doc, part.lo, sel, lex, nlp, held)
        work.append(_Work(part.lo, key, None, units))
        waiting += late
        stopped = stop or stopped
    if stopped is not None:
        # what the judging will parse after the batch goes in it too: one batch per lint
        fresh = [u for w in work for u in w.units]
        nlp.expect([*waiting, *unjudged(nlp, blame_judgment(lex), fresh)], entities=False)
        raise stopped
    return tuple(work)


@lru(64)
def _words(lex: BlameLexicon, template: Identity, prefiltered: bool) -> object:
    """One object standing for a lexicon, a template and a parse mode in the part keys:
    hashed by identity in C, where the tuple of the three hashed the template's wrapper by
    a Python call for each of the ~200 lookups of a lint. A new object after a
    :func:`pm_lsp.cache.clear_all` only misses the entries keyed by the old one, which holds
    nothing and lives as long as they do."""
    del lex, template, prefiltered  # the key of this cache, not read
    return object()


def _part_key(doc: PostmortemDoc, part: Part, words: Hashable) -> Hashable:
    """Everything a part's selection reads (see :func:`_units`; ``words``: the lexicon,
    the template and the parse mode). The opening part (at the document's start) has no
    character before it."""
    lead = 1 if part.lo else 0
    return (
        words,
        lead,
        doc.text[part.lo - lead : part.hi + 1],
        doc.masked[part.lo : part.hi],
        part.context,
        part.regions,
        part.rca,
    )


def _selection(
    doc: PostmortemDoc, part: Part, lex: BlameLexicon, template: Template, nlp: NLP
) -> tuple[_Selection, bool]:
    """The candidates of ``part`` (:func:`pm_lsp.rules.blame.extract.part_sentences`) with
    their windows and the sentences they point back at, and whether the answer may be
    memoised under :func:`_part_key` (every window lies in the keyed text)."""
    found, keyed = part_sentences(doc, part, lex, template, nlp, blame_judgment(lex))
    if not found:
        return _NOTHING, keyed
    text, lo = doc.text, part.lo
    first, last = lo - (1 if lo else 0), min(len(text), part.hi + 1)
    out: list[_Candidate] = []
    words: set[str] = set()
    befores: dict[str, None] = {}
    for b, s in found:
        start = lo + s.base
        wlo, whi = judge_window(text, start, start + len(s.text))
        keyed = keyed and first <= wlo and whi <= last
        before = None
        if lex.change_reference.search(s.text):  # most sentences point at no change
            before = sentence_before(b.text, start - b.start)
            if before is not None:
                befores[before] = None
        words.update(_CAPITALISED.findall(s.text))
        asks = _QUESTION.search(s.text) is not None and asking(
            doc, b, start, (lo, part.hi), lex, listed=part.context.questions
        )
        out.append(_Candidate(s, (wlo - lo, whi - lo), before, asks))
    return _Selection(tuple(out), frozenset(words), tuple(befores)), keyed


def _held(sel: _Selection, systems: frozenset[str]) -> frozenset[str]:
    """The part's share of the document's system words: its candidates' capitalised words
    that are system words, and the system words written in a sentence a candidate points
    back at (:func:`pm_lsp.rules.blame.antecedent.change_actor` reads those)."""
    held = sel.capitalised & systems
    if sel.befores:
        held |= frozenset(w for w in systems if any(w in t for t in sel.befores))
    return held


def _part_units(
    doc: PostmortemDoc,
    lo: int,
    sel: _Selection,
    lex: BlameLexicon,
    nlp: NLP,
    held: frozenset[str],
) -> tuple[tuple[Unit[InWindow], ...], list[str], Deferred | None]:
    """The units to judge for the part at ``lo`` (offsets relative to it), the texts of
    those that wait for their antecedent's parse, and the stop that parse raised."""
    units: list[Unit[InWindow]] = []
    waiting: list[str] = []
    stopped: Deferred | None = None
    for c in sel.candidates:
        s = c.sentence
        ante = None
        if c.before is not None:  # who made the change it points back at ("this fix")
            try:
                ante = change_actor(nlp, lex, c.before, held)
            except Deferred as exc:  # noted for the batch: note the others
                stopped = exc
                waiting.append(s.text)
                continue
        # only the system words this sentence holds: the memo key changes with them alone
        mine = frozenset(w for w in _CAPITALISED.findall(s.text) if w in held)
        wlo, whi = c.window
        window = doc.text[lo + wlo : lo + whi]
        at = InWindow(s.base - wlo, s.where, s.rca_statement, window, mine, ante, c.asking)
        units.append(Unit(s.text, wlo, at))
    return tuple(units), waiting, stopped


#: the blame rules by code, for their overlap facts (``claim`` and ``rank``)
_SPECS = {s.code: s for s in vars(specs).values() if isinstance(s, RuleSpec)}


def _dedupe(hits: list[BlameHit]) -> list[BlameHit]:
    """One finding per claim: a counterfactual is not also a person-as-cause, hindsight
    ("should have known") is not also a counterfactual."""
    out: list[BlameHit] = []
    for h in sorted(hits, key=lambda h: (_SPECS[h.code].rank, h.start)):
        claim = _SPECS[h.code].claim
        clash = any(
            o.start < h.end
            and h.start < o.end
            and (o.code == h.code or (claim is not None and _SPECS[o.code].claim == claim))
            for o in out
        )
        if not clash:
            out.append(h)
    return sorted(out, key=lambda h: (h.start, h.end, h.code))


def _findings(ctx: RuleContext, code: str) -> Iterator[Finding]:
    lex = lexicon(ctx.pack)
    for h in analyse(ctx.doc, ctx.pack, ctx.template, ctx.nlp):
        if h.code != code:
            continue
        yield Finding(
            h.start,
            h.end,
            _message(ctx, h),
            fix=h.fix,
            severity=_severity(h, lex),
            data={"kind": h.key},
        )


def _message(ctx: RuleContext, h: BlameHit) -> str:
    """The message of ``h``: composed once per code, message key, fields and sections for
    the pack (kept on its lexicon), not once per finding per lint."""
    lex = lexicon(ctx.pack)
    key = (h.code, h.key, h.fields, h.where)
    got = lex.messages.get(key)
    return got if got is not None else lex.messages.put(key, _compose(ctx, h, lex))


def _compose(ctx: RuleContext, h: BlameHit, lex: BlameLexicon) -> str:
    """:func:`_message`, composed: it reads the finding's code, message key, fields and
    sections, and the pack's messages and words."""
    fields = dict(h.fields)
    key = h.key
    who = fields.get("who", "")
    words = _WORD.findall(who.lower())
    if (
        h.code == specs.person_as_cause.code
        and h.where & lex.narrative_sections
        and key == "person-as-cause"
        and not any(w in lex.roles for w in words)  # a role is what that message asks for
    ):
        key = "timeline-person"
    # "The vendor's engineers are named", "The SRE is named"
    last = words[-1] if words else ""
    plural = last in _PLURAL_PEOPLE or (
        last.endswith("s") and (last[:-1] in lex.roles or last[:-1] in lex.duty_roles)
    )
    fields["be"] = "are" if plural else "is"
    if who.lower() in lex.pronouns:
        template = str(ctx.pack.family(FAMILY).get("messages", {}).get(key, ""))
        if _QUOTED_WHO.search(template) is None:
            fields["who"] = f"'{who}'"
            fields["be"] = "is"  # "'They' is named": the word the sentence used
    message = ctx.pack.message(FAMILY, key, **fields)
    return message[:1].upper() + message[1:]  # "One of them is named …"


_WORD = re.compile(r"[\w-]+")
#: plural nouns for people that are not a role noun and an "s"
_PLURAL_PEOPLE = frozenset({"people", "folks", "staff"})


#: a message template that already quotes the agent ("'{who}' pins ...", "'by {who}'"). In
#: the others a pronoun agent is quoted as the word the sentence used ("'They' is named as
#: the cause", "the conduct of 'He'"), where a bare "They is named" would not read.
_QUOTED_WHO = re.compile(r"'\{who\}|\{who\}'")


def _severity(h: BlameHit, lex: BlameLexicon) -> Severity | None:
    if h.where & lex.narrative_sections:
        return Severity.INFO
    if h.code == specs.person_as_cause.code and not h.where & lex.analysis_sections:
        return Severity.INFO
    if h.key in lex.tone_kinds or h.secondary:
        return Severity.INFO
    return None


@rule(person_as_cause)
def check_person_as_cause(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.person_as_cause.code)


@rule(human_error)
def check_human_error(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.human_error.code)


@rule(counterfactual)
def check_counterfactual(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.counterfactual.code)


@rule(judgment)
def check_judgment(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.judgment.code)


@rule(hindsight)
def check_hindsight(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.hindsight.code)


@rule(animated)
def check_animated(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.animated.code)


@rule(rca_person)
def check_rca_person(ctx: RuleContext) -> Iterator[Finding]:
    yield from _findings(ctx, specs.rca_person.code)


RULES = (
    check_person_as_cause,
    check_human_error,
    check_counterfactual,
    check_judgment,
    check_hindsight,
    check_animated,
    check_rca_person,
)
