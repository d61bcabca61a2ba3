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
Tone that names no one (the ``tone-kinds`` of ``rules/blame.toml``) is ``info`` anywhere, and
a sentence carries one warning at most: its further findings are ``info``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from pm_lsp.nlp.judge import Unit, judge_units, prefiltering, unjudged
from pm_lsp.nlp.pipeline import Deferred
from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.antecedent import Antecedent, change_actor, previous_sentence
from pm_lsp.rules.blame.extract import candidate_sentences, judge_window
from pm_lsp.rules.blame.judge import BlameHit, InWindow, blame_judgment
from pm_lsp.rules.blame.lexicon import BlameLexicon, lexicon
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


def analyse(
    doc: PostmortemDoc, pack: RulePack, template: Template, nlp: NLP
) -> tuple[BlameHit, ...]:
    """Every blame finding in ``doc``, computed once per document, pack, template and parse
    mode (PM101-PM107 and the hover share it: :meth:`PostmortemDoc.analysis`)."""
    return doc.analysis(_hits, pack, template, nlp, prefiltering())


def _hits(
    doc: PostmortemDoc, pack: RulePack, template: Template, nlp: NLP, prefiltered: bool
) -> tuple[BlameHit, ...]:
    """The findings behind :func:`analyse` (``prefiltered`` is read through the judging
    helper's switch; it is an argument so that the two parse modes are cached apart): the
    units of :func:`_units`, judged. An unchanged sentence in an unchanged context is
    neither parsed nor judged again, wherever it moved."""
    lex = lexicon(pack)
    blame = blame_judgment(lex)
    units = doc.analysis(_units, pack, template, nlp, prefiltered)
    out: list[BlameHit] = []
    for found in judge_units(nlp, blame, units):  # one unit per sentence: no overlap across
        out.extend(_one_warning(_dedupe(list(found)), lex))
    return tuple(sorted(out, key=lambda h: (h.start, h.end, h.code)))


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
) -> tuple[Unit[InWindow], ...]:
    """The candidate sentences of ``doc``, each with what its judgment reads.

    A document analysis of its own, apart from the judging: the judging stops for the
    lint's one parse batch and runs again after it, and the selection (the prefilter over
    every sentence of the document) is then not redone.

    Each candidate sentence is judged on its window of the original text (see
    :func:`pm_lsp.rules.blame.extract.judge_window`), with offsets relative to that window:
    its judgment reads the sentence's masked text, the window, the sentence's place in it,
    its sections and whether it is a root-cause statement, all in the unit's context. The
    last two, and which of the sentence's capitalised words the document uses as a system
    elsewhere (:func:`pm_lsp.rules.blame.systems.system_words`), are decided on the whole
    document each time.
    """
    lex = lexicon(pack)
    units: list[Unit[InWindow]] = []
    systems = system_words(doc.text, nlp.memo("blame.system_words"))
    stopped: Deferred | None = None
    waiting: list[str] = []
    for s in candidate_sentences(doc, lex, template, nlp, blame_judgment(lex)):
        lo, hi = judge_window(doc.text, s.base, s.base + len(s.text))
        # only the system words this sentence holds: the memo key changes with them alone
        held = frozenset(w for w in _CAPITALISED.findall(s.text) if w in systems)
        try:
            ante = _antecedent(doc, s.base, s.text, lex, nlp, systems)
        except Deferred as exc:  # its antecedent is noted for the batch: note the others
            stopped = exc
            waiting.append(s.text)
            continue
        at = InWindow(s.base - lo, s.where, s.rca_statement, doc.text[lo:hi], held, ante)
        units.append(Unit(s.text, lo, at))
    if stopped is not None:
        # what the judging will parse after the batch goes in it too: one batch per lint
        nlp.expect([*waiting, *unjudged(nlp, blame_judgment(lex), units)], entities=False)
        raise stopped
    return tuple(units)


def _antecedent(
    doc: PostmortemDoc,
    base: int,
    text: str,
    lex: BlameLexicon,
    nlp: NLP,
    systems: frozenset[str],
) -> Antecedent | None:
    """Who made the change that the sentence at ``base`` points back at ("this fix"), named
    in the sentence before it (:mod:`pm_lsp.rules.blame.antecedent`); None for the many
    sentences that point at no change (one regex search) or follow no such sentence."""
    if not lex.change_reference.search(text):
        return None
    before = previous_sentence(doc, base)
    if before is None:
        return None
    return change_actor(nlp, lex, before, systems)


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
    fields = dict(h.fields)
    lex = lexicon(ctx.pack)
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
