"""PM104 for competence judged as a shortfall or as what a role ought to know (class 1 of
bl29a), each told apart from its look-alike on the parse:

* knowing expected better: "the night dispatcher really ought to know the radio protocol
  better", "the release engineer should understand the tooling better by now" (one of
  ``expected-knowing`` under "should" or "ought to", with "better" after it, a person, a
  role or a team its subject). "Every on-call engineer should know the paging tool" (no
  "better": a requirement), "we ought to know the failover path better" (our own), "the
  new hire is still learning the system" and a thing's stay clean;
* work found short of a competent person's: "the index tuning fell a long way short of
  what a competent DBA would have done", "... of what anyone would expect of a seasoned
  DBA" (one of ``shortfall-words`` above a "what" clause whose subject, or whose
  "of"/"from", is a person marked by one of ``competence-words``, with "would", said with
  one of ``shortfall-verbs``). "The design fell short of the 99.9% target" (a number), "...
  of what a competent design would need" (a thing) and our own work stay clean;
* foresight denied: "whoever set up the backoff plainly never planned beyond the
  first failure" (one of ``foresight-verbs``, negated, with one of ``foresight-limits``
  after it, a person its subject). Our own and a reason given stay clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _supposed
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _negated,
    _question,
    _quoted,
    _rationale,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODALS = frozenset({"should", "ought"})
_WOULD = frozenset({"would", "'d", "’d", "could"})
_OURS = frozenset({"our", "my", *FIRST_PERSON})
_HAVE = frozenset({"have", "'ve", "’ve"})


def judge(ctx: _Ctx, tok: Token) -> None:
    """The three constructions, each started from its own word."""
    lex = ctx.lex
    low = tok.lemma_.lower()
    if tok.pos_ == "VERB" and low in lex.expected_knowing:
        _know_better(ctx, tok)
    if tok.pos_ == "VERB" and low in lex.foresight_verbs:
        _not_thought_past(ctx, tok)
    if tok.lower_ in lex.competence_words and tok.dep_ == "amod":
        _short_of_competent(ctx, tok)


def _party(ctx: _Ctx, subj: Token | None) -> str | None:
    """Who ``subj`` names, if a person, a role or a team that is not the writers."""
    if subj is None or subj.lower_ in _OURS or subj.text in ctx.systems:
        return None
    if any(c.dep_ == "poss" and c.lower_ in _OURS for c in subj.children):
        return None
    return None if _quoted(ctx, subj) else person_name(subj, ctx.lex)


def _report(ctx: _Ctx, first: Token, last: Token, who: str) -> None:
    phrase = ctx.words(first, last)
    ctx.add(specs.judgment.code, ctx.off(first), ctx.end(last), "unfit", phrase=phrase, who=who)


def _know_better(ctx: _Ctx, verb: Token) -> None:
    """ "The night dispatcher really ought to know the radio protocol better"."""
    modal = verb.head if verb.dep_ == "xcomp" and verb.head.lower_ == "ought" else verb
    if not any(c.lower_ in _MODALS for c in (modal, *modal.children)):
        return
    better = next(
        (t for t in verb.subtree if t.lower_ == "better" and verb.i < t.i <= verb.i + 8), None
    )
    if better is None or _negated(verb) or _negated(modal) or _supposed(modal):
        return
    if any(c.dep_ == "aux" and c.lower_ in _HAVE for c in verb.children) or _quoted(ctx, verb):
        return  # "should have known better": hindsight, the hindsight judges' (PM103)
    subj = next((c for c in modal.children if c.dep_ == "nsubj"), None)
    who = _party(ctx, subj)
    if who is None or subj is None or _question(ctx):
        return
    if _compared(better, ctx):
        return  # "should know the system better than the vendor does": a comparison
    _report(ctx, subj.left_edge, better, who)


def _compared(better: Token, ctx: _Ctx) -> bool:
    """ "better than the vendor does", "better than the new hires": measured against
    another party, not the rebuke "better than that" or "better than to merge on a red
    build" (what the rebuke says they should have known not to do)."""
    doc = better.doc
    if better.i + 1 >= len(doc) or doc[better.i + 1].lower_ != "than":
        return False
    if better.i + 2 < len(doc) and doc[better.i + 2].lower_ == "to":
        return False
    after = []
    for t in doc[better.i + 2 : better.sent.end]:
        if t.is_punct:
            break
        after.append(t)
    return any(t.pos_ in ("VERB", "AUX") or person_name(t, ctx.lex) for t in after)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or "whoever" in a clause as its subject ("whoever wrote the
    entry didn't think past ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    clause = next((c for c in verb.children if c.dep_ == "csubj"), None)
    kids = clause.children if clause is not None else ()
    return next((c for c in kids if c.dep_ == "nsubj" and c.lower_ == "whoever"), None)


def _not_thought_past(ctx: _Ctx, verb: Token) -> None:
    """ "The person who wrote the retry loop clearly didn't think past the first failure"."""
    lex = ctx.lex
    limit = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.foresight_limits), None
    )
    if limit is None or not _negated(verb) or _hypothetical(verb) or _question(ctx):
        return
    subj = _subject(verb)
    who = _party(ctx, subj)
    if who is None or subj is None or _rationale(verb, lex, ctx.stext):
        return
    last = next((g for g in limit.children if g.dep_ == "pobj"), limit)
    _report(ctx, subj.left_edge, last.right_edge, who)


def _short_of_competent(ctx: _Ctx, adj: Token) -> None:
    """ "The index tuning fell a long way short of what a competent DBA would have done"."""
    lex = ctx.lex
    role = adj.head
    verb = role.head
    if role.dep_ == "pobj" and verb.lower_ in ("of", "from"):
        verb = verb.head  # "what one would expect of a competent electrician"
    elif role.dep_ != "nsubj":
        return
    if person_name(role, lex) is None:
        return  # "what a competent design would need": a thing
    if not any(c.dep_ == "aux" and c.lower_ in _WOULD for c in verb.children):
        return
    if not any(c.lower_ == "what" for c in verb.children):
        return
    short = next((a for a in verb.ancestors if a.lower_ in lex.shortfall_words), None)
    if short is None:
        return
    main = short.head
    if main.lemma_.lower() not in lex.shortfall_verbs:
        return  # "stayed well below what a seasoned tester would flag": a good result
    work = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if work is None or work.lower_ in _OURS or work.text in ctx.systems:
        return
    if any(c.dep_ == "poss" and c.lower_ in _OURS for c in work.children):
        return  # "our review fell short of ...": the writers' own
    if _negated(main) or _hypothetical(main) or _question(ctx) or _quoted(ctx, adj):
        return
    _report(ctx, short, role if role.i > verb.i else verb, work.text)


__all__ = ["judge"]
