"""A personal quality found lacking in a party (bl41 class 2, PM104).

"A troubling lack of judgement on the contractor's part", "a real lack of urgency from the
weekend shift", "the vendor's lack of rigour", "the contractor showed a lack of discipline":
one of ``lack-nouns`` whose "of" names one of ``party-lacks`` (a trait of conduct, not a
thing), tied to a person, a role or a team: as its possessor, through "on <party>'s part",
after one of "from", "by", "among", "in", "within", or as the subject of one of
``shown-verbs`` that takes the lack as its object. The lack is a verdict on the party.
Clean: a lack of a thing ("a lack of alerting on the queue", "the lack of a runbook", "the
on-call engineer's lack of console access"), a party's part with no lack in it ("on the
vendor's part, the API returned errors"), a system's ("the drill showed a lack of rigour in
the runbooks"), our own, denied, asked, supposed or quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _hypothetical, _negated, _question, _quoted
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

#: prepositions that tie a lack to whoever showed it ("from the night shift")
_TIED_BY = frozenset({"from", "by", "among", "in", "within"})


def party_lack(ctx: _Ctx, noun: Token) -> None:
    """``noun``: any noun; a finding when it is a lack of a trait held against a party."""
    lex = ctx.lex
    if noun.lemma_.lower() not in lex.lack_nouns:
        return
    trait = _trait(noun, lex.party_lacks)
    if trait is None or _question(ctx) or _quoted(ctx, noun):
        return
    if any(c.lower_ == "no" for c in noun.children) or _negated(noun.head):
        return  # "there was no lack of urgency from the shift": denied
    if _hypothetical(noun.head):
        return
    party = _party(ctx, noun)
    if party is None:
        return
    start, end = ctx.off(noun), ctx.end(trait)
    if any(h.start < end and start < h.end for h in ctx.hits):
        return  # "lack of care" is a judgment phrase already: one finding, not two
    ctx.add(
        specs.judgment.code,
        start,
        end,
        "party-lack",
        person=True,
        phrase=ctx.words(noun, trait),
        who=ctx.words(party.left_edge, party),
    )


def _trait(noun: Token, traits: set[str]) -> Token | None:
    """The trait after "of" ("lack of judgement"), when it is one of ``traits``."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.lower_ in traits or obj.lemma_.lower() in traits):
                return obj
    return None


def _party(ctx: _Ctx, noun: Token) -> Token | None:
    """The person, role or team the lack is told of, or None (a thing's, our own)."""
    found = [c for c in noun.children if c.dep_ == "poss"]
    for prep in noun.subtree:
        if prep.dep_ != "prep" or prep.head.i < noun.i:
            continue
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "on":
            found += [p for o in objs if o.lower_ == "part" for p in o.children if p.dep_ == "poss"]
        elif prep.lower_ in _TIED_BY and prep.head == noun:
            found += objs
    verb = noun.head
    shown = noun.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.shown_verbs
    if shown and not _negated(verb) and not _hypothetical(verb):
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    for party in found:
        if party.lower_ not in FIRST_PERSON and person_name(party, ctx.lex) is not None:
            return party
    return None
