"""PM104 for an act held short of what is expected of a person: "skipping the handover
check is not what we expect from a shift lead", "restarting the primary blind is not what
you would expect of a senior engineer".

The negated "be" with a "what" clause of one of ``standard-verbs`` ("expect", "require",
"demand") and a person, a role or an indefinite person after "from" or "of" ("from someone
in that role") holds the act against the standard of the role: a verdict on the person's
conduct, as "careless" is. Clean: a thing held short ("not what we expect from the new
cluster", "from a checkout page"), the standard said without a denial ("reading every alarm
is what we expect from the duty desk"), ourselves or the reader ("not what customers expect
from us"), asked, supposed, quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _hypothetical, _lemma, _question, _quoted
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the clauses a "what" clause stands as after "be"
_COMPLEMENTS = frozenset({"ccomp", "attr", "acomp", "xcomp"})


def short_of_standard(ctx: _Ctx, verb: Token) -> None:
    """``verb``: one of ``standard-verbs`` in a "what" clause after a negated "be", with a
    person after "from" or "of"; the finding runs from the negation to the person."""
    lex = ctx.lex
    if "what" not in ctx.lowers or _lemma(verb, lex) not in lex.standard_verbs:
        return
    if not any(c.lower_ == "what" for c in verb.children):
        return
    be = verb.head
    if verb.dep_ not in _COMPLEMENTS or be.lemma_ != "be" or be.i > verb.i:
        return
    neg = next((c for c in be.children if c.dep_ == "neg"), None)
    if neg is None or _hypothetical(be) or _question(ctx) or _quoted(ctx, verb):
        return
    source = (
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("from", "of")
        for g in c.children
        if g.dep_ == "pobj"
    )
    person = next(source, None)
    if person is None or person.lower_ in FIRST_PERSON or person.lower_ == "you":
        return
    if person.text in ctx.systems:
        return
    who = person.text if person.lower_ in lex.indefinite else person_name(person, lex)
    if who is None:
        return
    last = person.right_edge
    ctx.add(
        specs.judgment.code,
        ctx.off(neg),
        ctx.end(last),
        "conduct",
        word=ctx.words(neg, last),
    )


__all__ = ["short_of_standard"]
