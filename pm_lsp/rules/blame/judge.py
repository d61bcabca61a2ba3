"""The judges: one parsed sentence in, blame findings out (PM101-PM107).

Each judge looks for one construction of blame-oriented writing and checks the
grammatical facts that separate it from its look-alikes:

* PM101 person-as-cause: a person is the subject of a failure verb (broke, ignored, missed),
  the possessor or "by"-agent of a change that broke something, or is called responsible.
  Not negated, not in a relative clause ("a sign we missed"), not explained by local
  rationality ("... because it had fired falsely all week").
* PM102 human error: the phrase, unless it is what an action prevents ("remove the risk of
  human error") or is denied.
* PM103 counterfactual: modal + perfect with a person subject ("should have run"; "could
  have" only with catch/prevent/notice...), "failed/neglected/forgot to" + a human action,
  "if we had ... we could have", a procedure that "was not followed", "nobody checked", and
  negated omissions ("we did not take into account").
* PM104 judgment: character words (careless, sloppy, negligent), person-only words (lazy,
  stupid: "lazy loading" is fine), verdicts as predicates ("... is unacceptable"), and
  minimisers in the constructions that imply triviality ("all she had to do was").
* PM105 hindsight phrases; PM106 animated language; PM107 a root-cause statement whose
  subject is a named person or role.

This module wires them into the shared sentence-judging helper (:func:`blame_judgment`) and
runs them over one parse (:func:`judge_sentence`); the judges live by job:
:mod:`.grammar` (the per-sentence state and the tests they all ask), :mod:`.cause` (PM101),
:mod:`.human_error` (PM102), :mod:`.omission` (PM103), :mod:`.verdicts` (PM104),
:mod:`.tone` (PM105-PM107), :mod:`.acts` (the act classes that need no trigger adjective:
destructive acts, conduct in a negated frame, review, inaction, fault, inverted conditionals)
:mod:`.hyphenated` (hyphenated destructive acts, read in word order), :mod:`.trust` (a
party's competence judged through lost trust), :mod:`.antecedent` (a change blamed in the
sentence after the one naming who made it), :mod:`.awareness` (not foreseeing the harm of
one's own act) and :mod:`.refusal` (a party's refusal told as its conduct) and :mod:`.expected` (an
expectation held against a party in hindsight) and :mod:`.slights` (contempt for people
through a descriptor).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from pm_lsp.nlp.judge import Judgment
from pm_lsp.nlp.pipeline import text_of
from pm_lsp.rules.blame import (
    acts,
    approval,
    attention,
    awareness,
    competence,
    consequent,
    ellipsis,
    evident,
    expected,
    heedless,
    hurried,
    hyphenated,
    inverted,
    kept,
    lacking,
    misstep,
    owed,
    placed,
    questions,
    refusal,
    rhetoric,
    shortfall,
    slights,
    slowness,
    specs,
    standards,
    trailing,
    trust,
)
from pm_lsp.rules.blame.antecedent import Antecedent, inherited, relative_change
from pm_lsp.rules.blame.cause import (
    _failure_verb,
    _responsibility,
    cleft_cause,
    costly_act,
    damaging_act,
    deferred_by,
    failing_cause,
    guilt_named,
    harm_because,
    harm_because_of,
    let_through,
    owed_to_party,
    possessed_reason,
    possessed_why,
    unfit_relative,
    withheld_by,
    wrong_object,
)
from pm_lsp.rules.blame.extract import Sentence
from pm_lsp.rules.blame.grammar import BlameHit, _Ctx
from pm_lsp.rules.blame.human_error import _human_error
from pm_lsp.rules.blame.lexicon import BlameLexicon
from pm_lsp.rules.blame.omission import (
    _modal_perfect,
    care_from,
    failure_to,
    omissions,
)
from pm_lsp.rules.blame.reported import without_reported
from pm_lsp.rules.blame.tone import _animated, _hindsight, _rca, stance_tone
from pm_lsp.rules.blame.verdicts import _judgment, clumsy, concept_gap, disposition
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["BlameHit", "InWindow", "blame_judgment", "judge_sentence", "shifted"]


def shifted(hit: BlameHit, delta: int) -> BlameHit:
    """``hit`` with every offset (its span and its fix's edits) moved by ``delta``."""
    if not delta:
        return hit
    fix = hit.fix
    if fix is not None:
        fix = replace(
            fix, edits=tuple(Edit(e.start + delta, e.end + delta, e.new_text) for e in fix.edits)
        )
    # built field by field: ``dataclasses.replace`` looks each field up by name, several
    # times the cost, and every finding is shifted on every lint
    return BlameHit(
        hit.code,
        hit.start + delta,
        hit.end + delta,
        hit.key,
        hit.fields,
        fix,
        hit.person,
        hit.where,
        hit.secondary,
    )


class InWindow(NamedTuple):
    """What a blame judgment reads besides the parse (a tuple: part of a memo key, built
    for every candidate sentence on every lint)."""

    base: int  #: where the sentence starts in the window
    where: frozenset[str]  #: see :class:`pm_lsp.rules.blame.extract.Sentence`
    rca_statement: bool
    #: the window of original text around the sentence
    #: (:func:`pm_lsp.rules.blame.extract.judge_window`)
    window: str
    #: the sentence's capitalised words that the document uses as a system elsewhere
    systems: frozenset[str] = frozenset()
    #: who made the change that the sentence before named, when this sentence points back
    #: at a change ("this fix"): :mod:`pm_lsp.rules.blame.antecedent`
    antecedent: Antecedent | None = None
    #: the sentence is a question that asks, read around it in its part
    #: (:func:`pm_lsp.rules.blame.questions.asking`)
    asking: bool = False


def blame_judgment(lex: BlameLexicon) -> Judgment[None, InWindow, BlameHit]:
    """PM101-PM107 as a sentence judgment (:mod:`pm_lsp.nlp.judge`) for one lexicon.

    The entities are read in two places: whether a proper noun is a PERSON
    (:func:`pm_lsp.rules.blame.extract.person_name`, which says so), and whether a
    rewrite's object names a PERSON (:func:`pm_lsp.rules.blame.rewrite.passive_fix`), which
    happens only while a finding is made: so a sentence that found something is judged
    again with its entities too."""

    def prefilter(text: str, _context: None) -> bool:
        return lex.candidate(text)

    def judge(parsed: Doc, at: InWindow) -> list[BlameHit]:
        sentence = Sentence(at.base, text_of(parsed), at.where, at.rca_statement)
        return judge_sentence(
            parsed, sentence, lex, at.window, at.systems, at.antecedent, asking=at.asking
        )

    return Judgment("blame", lex, prefilter, judge, shifted, rejudge_findings=True)


def judge_sentence(
    sdoc: Doc,
    sent: Sentence,
    lex: BlameLexicon,
    text: str,
    systems: frozenset[str] = frozenset(),
    antecedent: Antecedent | None = None,
    *,
    asking: bool = False,
) -> list[BlameHit]:
    """All blame findings in one parsed sentence; ``systems``: its words that the document
    uses as a system elsewhere, never a person here; ``antecedent``: who made the change the
    sentence before named; ``asking``: the sentence is a question that asks."""
    ctx = _Ctx(sdoc, sent, lex, text)
    ctx.systems = systems
    ctx.asking = asking
    if not len(sdoc):
        return []
    if antecedent is not None:
        inherited(ctx, antecedent)
    _human_error(ctx)
    _hindsight(ctx)
    evident.judge(ctx)  # "it was entirely foreseeable that ...", "... was obviously wrong"
    _animated(ctx)
    _judgment(ctx)
    acts.conduct(ctx)
    acts.pace(ctx)
    acts.inaction(ctx)
    acts.fault(ctx)
    acts.had_inverted(ctx)
    acts.had_trailing(ctx)  # class 3 of bl33: "... would have caught it had Kim run it"
    inverted.were_inverted(ctx)  # bl39 class 4: "Were the lead to have paged, ..."
    questions.why_nobody(ctx)
    questions.did_nobody(ctx)  # class 2 of bl34: "Didn't anyone think to ring ...?"
    questions.had_question(ctx)
    questions.if_had_question(ctx)
    questions.why_keep(ctx)
    rhetoric.judge(ctx)
    trailing.judge(ctx)  # class 5 of bl38: "..., which shows a lack of care by <party>"
    kept.habits(ctx)  # class 6 of bl38: "the team keeps patching ... again and again"
    trust.lost_trust(ctx)
    awareness.unforeseen(ctx)
    for tok in sdoc:
        _judge_token(ctx, tok)
    if sent.rca_statement:
        _rca(ctx)
    stance_tone(ctx)  # after the judges: it reads their findings
    return _merge_judgments(_one_conditional(without_reported(ctx, ctx.hits)))


def _judge_token(ctx: _Ctx, tok: Token) -> None:
    """The judges that start from one token of the sentence: a verb, a noun, a modal."""
    lex = ctx.lex
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lower_ in lex.past_lemma:
        _judge_verb(ctx, tok)
    if tok.lower_ == "failure":
        failure_to(ctx, tok)
    if tok.pos_ == "NOUN":
        harm_because_of(ctx, tok)
        possessed_reason(ctx, tok)
        misstep.judge(ctx, tok)  # class 2 of bl38: "Noor pushing the flag was the mistake"
        disposition(ctx, tok)
        failing_cause(ctx, tok)
        costly_act(ctx, tok)
        damaging_act(ctx, tok)
        attention.inattention(ctx, tok)
    if tok.lower_ == "why":
        possessed_why(ctx, tok)
        consequent.act_is_why(ctx, tok)
    if tok.dep_ == "pobj" and tok.head.lower_ == "to":
        owed_to_party(ctx, tok)
    competence.judge(ctx, tok)
    placed.judge(ctx, tok)
    shortfall.judge(ctx, tok)
    slights.judge(ctx, tok)
    if tok.lower_ in lex.hindsight_knowing:
        awareness.owed_awareness(ctx, tok)
    if tok.tag_ == "MD":
        _modal_perfect(ctx, tok)
        care_from(ctx, tok)
    _responsibility(ctx, tok)
    guilt_named(ctx, tok)
    _approval_and_ellipsis(ctx, tok)


def _judge_verb(ctx: _Ctx, tok: Token) -> None:
    """The judges that start from a verb (or a past form the tagger missed)."""
    _failure_verb(ctx, tok)
    cleft_cause(ctx, tok)
    let_through(ctx, tok)
    deferred_by(ctx, tok)
    withheld_by(ctx, tok)
    unfit_relative(ctx, tok)
    clumsy(ctx, tok)
    harm_because(ctx, tok)
    wrong_object(ctx, tok)
    relative_change(ctx, tok)
    acts.destructive(ctx, tok)
    hyphenated.act(ctx, tok)
    acts.without_diligence(ctx, tok)
    acts.deemed(ctx, tok)
    acts.not_caught(ctx, tok)
    acts.never_tested(ctx, tok)
    acts.delayed_response(ctx, tok)
    acts.consequence(ctx, tok)
    acts.credential_lapse(ctx, tok)
    acts.poor_work(ctx, tok)
    acts.participial_lapse(ctx, tok)
    acts.passive_lapse(ctx, tok)  # class 3 of bl37: "left unattended by the operator"
    refusal.refused(ctx, tok)
    concept_gap(ctx, tok)
    omissions(ctx, tok)
    owed.owed_undone(ctx, tok)
    owed.skipped_relative(ctx, tok)
    owed.role_unheeded(ctx, tok)
    hurried.hurried_by(ctx, tok)
    heedless.despite_sign(ctx, tok)  # "promoted by the lead despite a spike in errors"
    standards.short_of_standard(ctx, tok)  # "... is not what we expect from a shift lead"
    expected.held_expectation(ctx, tok)
    slowness.judge(ctx, tok)  # a person's delay named the reason for a harm


def _approval_and_ellipsis(ctx: _Ctx, tok: Token) -> None:
    """bl39's judges that start from one token: "..., and so should the vendor" (class 2),
    "reviewed it and waved it through" (class 6), "read without due care" (class 7)."""
    if tok.tag_ == "MD":
        ellipsis.so_should(ctx, tok)
    if tok.tag_.startswith("VB"):
        approval.waved_through(ctx, tok)
        approval.blind_approver(ctx, tok)  # bl41 class 1
    if tok.pos_ == "NOUN":
        approval.care_short(ctx, tok)
        lacking.party_lack(ctx, tok)  # bl41 class 2


def _one_conditional(hits: list[BlameHit]) -> list[BlameHit]:
    """ "Had the auditor compared the ledger totals, this would have been spotted": the
    conditional is reported whole (its if-clause names who would have acted); its main
    clause's "would have been caught" is the same counterfactual, not a second one."""
    if not any(h.key == "if-had" or h.key == "if-acted" for h in hits):
        return hits  # (bl39: the inverted "were/should" conditional is "if-acted" too)
    return [h for h in hits if h.key != "passive-should"]


def _merge_judgments(hits: list[BlameHit]) -> list[BlameHit]:
    """Several judgment words in one sentence are one judgment: one finding listing them,
    whose fix (offered only when every word can be deleted) deletes them all."""
    words = [h for h in hits if h.code == specs.judgment.code and h.key == "judgment"]
    if len(words) < 2:
        return hits
    words.sort(key=lambda h: h.start)
    edits = tuple(e for h in words if h.fix is not None for e in h.fix.edits)
    fix = (
        Fix("Delete the judgment words", tuple(sorted(edits, key=lambda e: e.start)), safe=True)
        if all(h.fix is not None for h in words)
        else None
    )
    listed = "', '".join(dict(h.fields)["word"] for h in words)
    merged = BlameHit(
        specs.judgment.code,
        words[0].start,
        words[-1].end,
        "judgment",
        (("word", listed),),
        fix,
        False,
        words[0].where,
    )
    return [h for h in hits if h not in words] + [merged]
