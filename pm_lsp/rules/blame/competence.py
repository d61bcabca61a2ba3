"""Competence judged without the usual markers (PM104), found by blind round 25.

Three constructions that judge what a person or a team can do, each told apart from its
look-alike on the parse:

* a grasp found short of a standard: "a colleague whose grasp of capacity planning was not
  what the role requires", "Kim's understanding of the ledger is not up to the job" (one of
  ``grasp-nouns``, possessed by a person, negated "be" with "up to" or a "what" of one of
  ``standard-verbs`` or a modal after it); "not what the runbook assumes" (a mismatch),
  "whose grasp of the system is excellent" and a thing's are clean;
* a mistake of the kind expected from a lesser person: "the kind of slip you would expect
  from somebody who has never restored a backup" (one of ``kind-nouns`` of one of
  ``error-nouns``, "expect from" a person); "the sort of failure you'd expect from a full
  disk" is a thing's;
* an incapacity held against a party as a habit: "the planning team's chronic inability to
  book a window" (one of ``incapacity-nouns`` with one of ``habit-adjectives``, possessed
  by a person or a team); "the parser's inability to read UTF-16" and "our inability to
  reproduce it" are clean;
* the hypothetical competent person (bl26a): "a reviewer who had actually opened the diff
  would never have approved it", "an engineer who understood replication wouldn't have
  restarted both nodes" (a person with a relative clause of one of ``knowing-acts``, then a
  negated "would have" of an act); a
  thing's ("a client that retried with backoff would never have flooded the queue"), what
  befell the reader (one of ``undergone-verbs``: "anyone who read the notice would not have
  lost data") and an act not about knowing ("anyone who upgraded ...") are clean;
* knowing expected of the competent (bl26a): "a seasoned DBA shouldn't need a checklist
  to know that a full disk stops writes", "an experienced DBA should not need to be told
  that ..." (a person marked by one of ``competence-words``, a negated "should"/"ought to"
  with "need" or "have to", then one of ``expected-knowing`` or a passive of one of
  ``reminding-verbs``); "users shouldn't need to restart the app" (a requirement, no
  competence), "the deploy shouldn't need manual approval" (a thing's) and "a senior
  engineer shouldn't need to read three dashboards to find the node" (a task) are clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _hypothetical, _negated, _question, _quoted
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon

_NOT_OURS = frozenset({"its", "their", *FIRST_PERSON})


def judge(ctx: _Ctx, tok: Token) -> None:
    """The three constructions, each started from its own word."""
    lex = ctx.lex
    low = tok.lemma_.lower()
    if low in lex.grasp_nouns:
        _short_grasp(ctx, tok)
    elif low == "expect":
        _expected_from(ctx, tok)
    elif low in lex.incapacity_nouns:
        _habitual_incapacity(ctx, tok)
    if tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN", "PRON"):
        _knowing_person(ctx, tok)
        _duty_unknowing(ctx, tok)
    if low in ("need", "have") and tok.pos_ in ("VERB", "AUX"):
        _expected_knowing(ctx, tok)
    if tok.lower_ in lex.unfit_states or tok.lower_ in lex.fit_states:
        _unfit_state(ctx, tok)


def _unfit_state(ctx: _Ctx, state: Token) -> None:
    """ "Hugo is junior and not particularly experienced with failovers", "the supervisor
    was not equipped to deal with it", "Lena was too inexperienced to see it": a person's
    or a role's ability judged as a state they are in (PM104), one of
    ``unfit-states`` affirmed or one of ``fit-states`` denied. The state may be a conjunct
    of another ("junior and not ...") or a passive participle ("was not equipped"). A
    thing's ("the tooling is not equipped"), the writers' own, a state not reached yet
    ("not yet qualified"), asked or supposed: clean."""
    lex = ctx.lex
    base = state
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    verb = base.head if base.dep_ in ("acomp", "attr") else base
    if verb.lemma_.lower() != "be" and not any(c.dep_ == "auxpass" for c in verb.children):
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in FIRST_PERSON or subj.lower_ == "you":
        return
    who = person_name(subj, lex)
    if who is None or subj.text in ctx.systems:
        return
    if _hypothetical(verb) or _question(ctx) or _quoted(ctx, state):
        return
    near = [*state.children, *(verb.children if base is state else ())]
    if any(c.lower_ in lex.not_yet_words for c in near):
        return  # "not yet qualified to approve changes": a matter of time, not ability
    denied = any(c.dep_ == "neg" for c in near)
    if denied == (state.lower_ in lex.unfit_states):
        return
    marks = [c for c in near if c.dep_ == "neg"] if denied else []
    marks += [c for c in state.children if c.dep_ == "advmod" and subj.i < c.i < state.i]
    first = min(marks, default=state, key=lambda t: t.i)
    kept = [c for c in state.children if c.dep_ not in ("conj", "cc", "punct") and c.i > state.i]
    last = max((c.right_edge for c in kept), default=state, key=lambda t: t.i)
    ctx.add(
        specs.judgment.code,
        ctx.off(first),
        ctx.end(last),
        "unfit",
        phrase=ctx.words(first, last),
        who=who,
    )


def _owner(ctx: _Ctx, noun: Token) -> tuple[Token, str] | None:
    """Who the noun is of: its possessor, or for "whose" the person the clause is on."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ in _NOT_OURS or poss.text in ctx.systems:
        return None
    if poss.lower_ == "whose":
        clause = noun.head
        poss = clause.head if clause.dep_ == "relcl" else poss
    who = person_name(poss, ctx.lex)
    return (poss, who) if who is not None and poss.lower_ not in _NOT_OURS else None


def _report(ctx: _Ctx, first: Token, last: Token, who: str) -> None:
    phrase = ctx.words(first, last)
    ctx.add(specs.judgment.code, ctx.off(first), ctx.end(last), "unfit", phrase=phrase, who=who)


def _short_grasp(ctx: _Ctx, noun: Token) -> None:
    """ "whose grasp of capacity planning was not what the role requires"."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be" or not _negated(be) or _hypothetical(be):
        return
    after = [t for t in be.subtree if t.i > be.i and not t.is_punct and not t.is_space]
    got = _owner(ctx, noun)
    if not _standard(ctx, after) or got is None or _question(ctx) or _quoted(ctx, noun):
        return
    owner, who = got
    start = owner.left_edge if owner.i < noun.i else noun.left_edge
    _report(ctx, start, after[-1], who)


def _standard(ctx: _Ctx, after: list[Token]) -> bool:
    """Is what follows the negated "be" a standard: "up to (the job)", or "what" with one of
    ``standard-verbs`` or an obligation modal ("what the role requires", "what it should
    be"), not a mismatch told as a fact ("not what the runbook assumes")?"""
    if any(t.lower_ == "up" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "to" for t in after):
        return True
    if not any(t.lower_ == "what" for t in after):
        return False
    lex = ctx.lex
    return any(
        t.lemma_.lower() in lex.standard_verbs or t.lower_ in lex.hindsight_modals for t in after
    )


def _expected_from(ctx: _Ctx, verb: Token) -> None:
    """ "the kind of slip you would expect from somebody who has never restored a backup"."""
    lex = ctx.lex
    kind = verb.head
    if verb.dep_ != "relcl" or kind.lemma_.lower() not in lex.kind_nouns:
        return
    of = [g for c in kind.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not any(g.lemma_.lower() in lex.error_nouns for g in of):
        return
    source = [g for c in verb.children if c.lower_ == "from" for g in c.children]
    person = next((g for g in source if g.dep_ == "pobj"), None)
    if person is None or _quoted(ctx, verb) or _question(ctx):
        return
    who = person.text if person.lower_ in lex.indefinite else person_name(person, lex)
    if who is None or any(c.dep_ == "neg" for c in (*kind.head.children, *verb.children)):
        return  # "not the kind of mistake you would expect from a senior engineer"
    _report(ctx, kind.left_edge, person, who)


def _habitual_incapacity(ctx: _Ctx, noun: Token) -> None:
    """ "the planning team's chronic inability to book a window"."""
    lex = ctx.lex
    if not any(c.dep_ == "amod" and c.lower_ in lex.habit_adjectives for c in noun.children):
        return
    got = _owner(ctx, noun)
    if got is None or _quoted(ctx, noun) or _question(ctx):
        return
    owner, who = got
    _report(ctx, owner.left_edge, noun, who)


_WOULD = frozenset({"would", "'d", "’d"})
_HAVE = frozenset({"have", "'ve", "’ve"})


def _knowing_person(ctx: _Ctx, noun: Token) -> None:
    """ "A reviewer who had actually opened the diff would never have approved it"."""
    lex = ctx.lex
    rel = next((c for c in noun.children if c.dep_ == "relcl"), None)
    if rel is None or rel.lemma_.lower() not in lex.knowing_acts or _negated(rel):
        return
    verb = noun.head
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not (aux & _WOULD and aux & _HAVE) or verb.i < noun.i or verb.tag_ != "VBN":
        return
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "auxpass" for c in verb.children) or lemma in lex.undergone_verbs:
        return  # "would not have been paged", "would not have lost any data"
    if not _negated(verb):
        return  # "anyone who read it would have restarted the pod": what to do, not a lapse
        # ("... would have caught it" is PM103's hindsight modal)
    if noun.lower_ in FIRST_PERSON or noun.lemma_.lower() in lex.singular_roles:
        return  # the customers ("a user who ..."), and our own
    who = noun.text if noun.lower_ in lex.indefinite else person_name(noun, lex)
    if who is None or noun.text in ctx.systems or _quoted(ctx, noun) or _question(ctx):
        return
    _report(ctx, noun.left_edge, verb, who)


_UNKNOWN = frozenset({"know", "understand", "realise", "realize", "grasp"})


def _duty_unknowing(ctx: _Ctx, noun: Token) -> None:
    """ "Someone whose job is the DNS setup did not know how it failed over" (class 3 of
    bl33): a person's duty named in a "whose <job> is" clause, then a denied knowing."""
    lex = ctx.lex
    verb = noun.head
    if verb.lemma_.lower() not in _UNKNOWN or not _negated(verb) or _hypothetical(verb):
        return
    if not any(_duty_clause(c, lex) for c in noun.children if c.dep_ == "relcl"):
        return
    if noun.lower_ in FIRST_PERSON or noun.text in ctx.systems:
        return
    who = noun.text if noun.lower_ in lex.indefinite else person_name(noun, lex)
    if who is None or _quoted(ctx, noun) or _question(ctx):
        return
    _report(ctx, noun.left_edge, verb, who)


def _duty_clause(rel: Token, lex: BlameLexicon) -> bool:
    """ "whose (whole) job is ...": a copula whose subject is one of ``duty-job-nouns``
    possessed by "whose"."""
    return rel.lemma_ == "be" and any(
        c.dep_ == "nsubj"
        and c.lemma_.lower() in lex.duty_job_nouns
        and any(g.lower_ == "whose" for g in c.children)
        for c in rel.children
    )


_SHOULD = frozenset({"should", "ought"})


def _expected_knowing(ctx: _Ctx, need: Token) -> None:
    """ "A seasoned DBA shouldn't need a checklist to know that a full disk stops
    writes": the modal on "need" itself, or "ought" above it ("ought not to need")."""
    lex = ctx.lex
    modal = need if need.dep_ != "xcomp" else need.head
    if not any(c.lower_ in _SHOULD for c in (modal, *modal.children)):
        return
    if not (_negated(need) or _negated(modal)):
        return
    if need.lemma_ == "have" and not any(c.dep_ == "xcomp" for c in need.children):
        return  # "should not have ..." without "to": an auxiliary
    subj = next((c for c in modal.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(c.lower_ in lex.competence_words for c in subj.children):
        return  # "users shouldn't need to restart the app": a requirement
    known = next((t for t in need.subtree if t.i > need.i and _known(t, lex)), None)
    if known is None or subj.lower_ in FIRST_PERSON or _quoted(ctx, subj) or _question(ctx):
        return
    who = person_name(subj, lex)
    if who is not None and subj.text not in ctx.systems:
        _report(ctx, subj.left_edge, known, who)


def _known(t: Token, lex: BlameLexicon) -> bool:
    """ "to know", "to spot"; "to be told", "to be reminded"."""
    if t.i < 1 or t.pos_ != "VERB":
        return False
    lemma = t.lemma_.lower()
    if t.nbor(-1).lower_ == "to":
        return lemma in lex.expected_knowing
    passive = any(c.dep_ == "auxpass" for c in t.children)
    return passive and t.nbor(-1).lower_ == "be" and lemma in lex.reminding_verbs


__all__ = ["judge"]
