"""Approval waved through and care judged short, told of a party (bl39 classes 6 and 7, PM104).

* "Mirela reviewed the change and waved it through", "the CAB just nodded the migration
  through": one of ``waved-verbs`` with the particle "through" and no place after it, a
  person, a role or a team as its subject or "by" agent. Clean: a thing's ("the gate waved
  the build through"), a place ("the guard waved the van through the gate"), our own,
  denied, supposed, asked, quoted.
* "The checklist was not followed with enough care by those responsible", "the ticket was
  handled without due care", "Dorota handled the export with too little attention": one of
  ``care-nouns`` after "with" and one of ``care-short-words`` ("insufficient", "too little"),
  or after "with" and one of ``care-owed-words`` under a negation ("not ... with sufficient
  care"), or after "without" (bare or with one of ``care-owed-words``), on an act of a
  person (subject or "by" agent) or an agentless passive of one of ``care-acts``. Clean:
  care affirmed ("the disk was handled with care", "with great care"), a thing's
  ("the parser read the file without sufficient attention to locale"), our own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _lemma,
    _negated,
    _person_subject,
    _question,
    _quoted,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def waved_through(ctx: _Ctx, verb: Token) -> None:
    """``verb``: any verb; a finding on "<verb> ... through" when a party waved work past."""
    lex = ctx.lex
    if _lemma(verb, lex) not in lex.waved_verbs:
        return
    through = next((c for c in verb.children if c.lower_ == "through"), None)
    if through is None or any(c.dep_ == "pobj" for c in through.children):
        return  # "waved the van through the gate": a place, not a gate of review
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or _quoted(ctx, verb):
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lower_ not in ("it", "them") and person_name(obj, lex):
        return  # "the desk lead waved the contractors through": people let in, not work
    if _told_to_let_pass(verb, obj, lex) or not _by_party(ctx, verb):
        return
    ctx.add(
        specs.judgment.code,
        ctx.off(verb),
        ctx.end(through),
        "verdict-on-person",
        person=True,
        word=ctx.words(verb, through),
    )


def _told_to_let_pass(verb: Token, obj: Token | None, lex: BlameLexicon) -> bool:
    """ "The supervisor told the gate staff to wave them through": an instruction reported
    (the act as the complement of one of ``directive-verbs``) to let someone pass, its object
    no work item ("it", one of ``work-nouns``). Whoever carried it out did as told; the
    instruction is a fact of the response, not a verdict. "Told the reviewers to wave the
    migration through" still asks for approval without scrutiny."""
    if verb.dep_ != "xcomp" or _lemma(verb.head, lex) not in lex.directive_verbs:
        return False
    return obj is not None and obj.lower_ != "it" and _lemma(obj, lex) not in lex.work_nouns


def _by_party(ctx: _Ctx, verb: Token) -> bool:
    """A person, a role or a team (not the writers) as the subject or the "by" agent."""
    got = _person_subject(ctx, verb)
    if got is not None:
        return got[0].lower_ not in FIRST_PERSON
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = None if agent is None else next((g for g in agent.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    responsible = obj.lower_ == "those" and any(
        c.lower_ in ("responsible", "involved", "concerned") for c in obj.children
    )
    return responsible or (obj.lower_ not in FIRST_PERSON and person_name(obj, ctx.lex) is not None)


def care_short(ctx: _Ctx, noun: Token) -> None:
    """``noun``: one of ``care-nouns`` as the object of "with"/"without" on a verb."""
    lex = ctx.lex
    prep = noun.head
    if noun.lower_ not in lex.care_nouns or noun.dep_ != "pobj":
        return
    verb = prep.head
    if prep.lower_ not in ("with", "without") or not verb.tag_.startswith("VB"):
        return
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "det", "advmod")}
    mods |= {g.lower_ for c in noun.children for g in c.children if g.dep_ == "advmod"}
    owed = bool(mods & lex.care_owed_words)
    if prep.lower_ == "with":
        short = bool(mods & lex.care_short_words) or ("too" in mods and "little" in mods)
        if not (short or (owed and _negated(verb))):
            return  # "handled with care", "with great care": care affirmed
    elif mods - lex.care_owed_words - {"the", "any"} or _negated(verb):
        return  # "without great fuss" is no shortfall; "not without care" affirms it
    if _hypothetical(verb) or _question(ctx) or _quoted(ctx, noun):
        return
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not _by_party(ctx, verb) and not (
        passive
        and not any(c.dep_ == "agent" for c in verb.children)
        and _lemma(verb, lex) in lex.care_acts
    ):
        return
    ctx.add(
        specs.judgment.code,
        ctx.off(prep),
        ctx.end(noun),
        "verdict-on-person",
        person=True,
        word=ctx.words(prep, noun),
    )


def blind_approver(ctx: _Ctx, verb: Token) -> None:
    """``verb``: any verb; bl41 class 1. "The plan was signed off by a manager who never
    opened it", "reviewers who had no idea what it touched approved the patch": work let
    through (one of ``approval-verbs``) by a party whom a relative clause describes by a gap
    in reading or grasping it (a denied one of ``unread-verbs``, or "had no" one of
    ``no-grasp-nouns``). The clause is the verdict, so it is the range (PM104). Clean: a fact
    of unfamiliarity ("people who had not worked on this service before"), a bot, our own, a
    remedy we tell in the same sentence ("..., so we paired them with the owner")."""
    lex = ctx.lex
    if _lemma(verb, lex) not in lex.approval_verbs:
        return
    if _hypothetical(verb) or _question(ctx) or _quoted(ctx, verb) or _supposed_or_remedied(verb):
        return
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    parties = [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
    parties += [c for c in verb.children if c.dep_ == "nsubj"]
    for party in parties:
        clause = _blind_clause(party, lex)
        if clause is None or party.lower_ in FIRST_PERSON:
            continue
        who = person_name(party, lex)
        if who is None:
            continue
        first = min(clause.left_edge, clause, key=lambda t: t.i)
        ctx.add(
            specs.judgment.code,
            ctx.off(first),
            ctx.end(clause.right_edge),
            "blind-approver",
            person=True,
            phrase=ctx.words(first, clause.right_edge),
            who=ctx.words(party.left_edge, party),
        )
        return


def _blind_clause(party: Token, lex: BlameLexicon) -> Token | None:
    """The relative clause on ``party`` that tells a gap in reading or grasping, if any."""
    for clause in party.children:
        if clause.dep_ != "relcl":
            continue
        lemma = clause.lemma_.lower()
        if lemma in lex.unread_verbs and _negated(clause):
            return clause
        if lemma == "have" and any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in lex.no_grasp_nouns
            and any(d.lower_ == "no" for d in c.children)
            for c in clause.children
        ):
            return clause
    return None


def _supposed_or_remedied(verb: Token) -> bool:
    """Supposed ("if it is approved by someone who has not read it"), or told under our own
    remedy ("reviewed by people who had not read the design, so we paired them with its
    owner"): a fact we acted on, not a verdict."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True  # "if it is approved by someone who has not read it, ...": supposed
    head = verb.head
    return verb.dep_ in ("ccomp", "advcl") and any(
        c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.children
    )
