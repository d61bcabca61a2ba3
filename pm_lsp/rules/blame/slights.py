"""Contempt for people through a descriptor (PM104, bl30 class 4): competence or pace judged
by an evaluative word on a group of people or a role, with no judgment word the verdict
judges read.

* a grasp called shallow: "a committee whose grasp of replication was, at best,
  superficial", "engineers whose knowledge of the storage layer was shallow" (one of
  ``grasp-nouns`` of a person or a team, with one of ``shallow-grasp-words`` after "be");
  a thing's ("the scheduler's understanding of time zones is superficial") and our own
  are clean;
* a slight on people: "the courier's sluggish people", "the hapless night crew" (one of
  ``people-slights`` before a noun that names people); "the sluggish disks" and "our
  slow staff" (the writers' own) are clean;
* the people "paid to" watch, told beside a lapse: "the expired certificate went unnoticed by
  the staff paid to monitor it" (a person or people with "paid to" one of
  ``paid-watch-verbs``, and a negation, "nobody" or one of ``lapse-marks`` elsewhere in the
  sentence); "the contractors paid to monitor the site called us at 03:10" is clean.

Denied, asked, supposed and quoted stay clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _denied,
    _hypothetical,
    _negated,
    _question,
    _quoted,
    _rationale,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

_NOT_OURS = frozenset({"its", *FIRST_PERSON})


def judge(ctx: _Ctx, tok: Token) -> None:
    """The three forms, each started from its own word."""
    lex = ctx.lex
    low = tok.lower_
    if low in lex.shallow_grasp_words and tok.dep_ == "acomp":
        _shallow_grasp(ctx, tok)
    elif low in lex.people_slights and tok.dep_ == "amod":
        _slighted(ctx, tok)
    elif low == "paid" and tok.tag_ == "VBN":
        _paid_to_watch(ctx, tok)


def _people(ctx: _Ctx, noun: Token) -> str | None:
    """How ``noun`` names people other than the writers, if it does."""
    if noun.text in ctx.systems or noun.lower_ in FIRST_PERSON:
        return None
    if any(c.dep_ == "poss" and c.lower_ in _NOT_OURS for c in noun.children):
        return None
    lex = ctx.lex
    if noun.lemma_.lower() in lex.people_nouns or noun.lower_ in lex.people_nouns:
        return noun.text
    return person_name(noun, lex)


def _blocked(ctx: _Ctx, tok: Token, verb: Token) -> bool:
    return (
        _question(ctx)
        or _quoted(ctx, tok)
        or _denied(tok)
        or _negated(verb)
        or _hypothetical(verb)
        or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    )


def _report(ctx: _Ctx, first: Token, last: Token, who: str) -> None:
    phrase = ctx.words(first, last)
    ctx.add(specs.judgment.code, ctx.off(first), ctx.end(last), "unfit", phrase=phrase, who=who)


def _shallow_grasp(ctx: _Ctx, adj: Token) -> None:
    """ "whose grasp of replication was, at best, superficial"."""
    be = adj.head
    noun = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if be.lemma_ != "be" or noun is None or noun.lemma_.lower() not in ctx.lex.grasp_nouns:
        return
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or _blocked(ctx, adj, be):
        return
    owner = be.head if poss.lower_ == "whose" and be.dep_ == "relcl" else poss
    who = _people(ctx, owner)
    if who is not None and owner.lower_ not in ("their", "whose"):
        _report(ctx, owner.left_edge if owner.i < adj.i else noun.left_edge, adj, who)


def _slighted(ctx: _Ctx, adj: Token) -> None:
    """ "the courier's sluggish people"."""
    noun = adj.head
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "the hapless night crew"
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i < adj.i:
        return
    who = _people(ctx, noun)
    if who is None or _blocked(ctx, adj, noun.head):
        return
    first = next((c for c in noun.children if c.dep_ == "poss"), adj)
    _report(ctx, first.left_edge if first.i < adj.i else adj, noun, who)


def _paid_to_watch(ctx: _Ctx, paid: Token) -> None:
    """ "went unnoticed by the staff paid to monitor it"."""
    lex = ctx.lex
    act = next((c for c in paid.children if c.dep_ in ("xcomp", "advcl")), None)
    if act is None or act.lemma_.lower() not in lex.paid_watch_verbs:
        return
    noun = paid.head if paid.dep_ in ("acl", "relcl") else None
    if noun is None or (
        paid.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in paid.children)
    ):
        return
    who = _people(ctx, noun)
    own = {t.i for t in paid.subtree}
    lapse = any(
        t.dep_ == "neg" or t.lower_ in lex.nobody or t.lower_ in lex.lapse_marks
        for t in paid.sent
        if t.i not in own
    )
    root = paid.sent.root
    if who is None or not lapse or _question(ctx) or _quoted(ctx, paid) or _hypothetical(root):
        return  # the lapse may be a negation of the root itself: "... did not notice"
    if _rationale(root, lex, ctx.stext) or any(c.lower_ == "if" for c in root.children):
        return
    _report(ctx, noun.left_edge, act, who)


__all__ = ["judge"]
