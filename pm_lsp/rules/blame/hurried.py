"""PM104 for work hurried through by people, told in the passive (class 2 of bl29a): "the
schema change was rushed through by people keen to make the cut-off", "the release was
pushed through by managers eager to hit the launch date".

One of ``hurried-verbs`` ("rush", "hurry") with "through" and a person, a role or a team as
its "by" agent judges their haste; one of ``pressed-verbs`` ("push", "force") only with a
motive held against the agent (one of ``haste-motives`` on it: "managers eager to ..."),
since "the fix was pushed through by Ana at 14:20" is a timeline act. Clean: a tool's or a
bot's ("pushed through by the release bot"), a reason given ("... because the ledger was
losing rows"), denied, supposed, asked, quoted.
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
    _question,
    _quoted,
    _rationale,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def hurried_by(ctx: _Ctx, verb: Token) -> None:
    """``verb``: a past participle of one of ``hurried-verbs`` or ``pressed-verbs``."""
    lex = ctx.lex
    lemma = _lemma(verb, lex)
    pressed = lemma in lex.pressed_verbs
    if verb.tag_ != "VBN" or not (pressed or lemma in lex.hurried_verbs):
        return
    kids = list(verb.children)
    if not any(c.lower_ == "through" for c in kids) or not any(c.dep_ == "nsubjpass" for c in kids):
        return
    by = next((c for c in kids if c.dep_ == "agent"), None)
    who = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
    if who is None or who.lower_ in FIRST_PERSON or who.text in ctx.systems:
        return
    motive = any(c.dep_ == "amod" and c.lower_ in lex.haste_motives for c in who.children)
    if pressed and not motive:
        return  # "the fix was pushed through by Ana at 14:20": a timeline act
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or _quoted(ctx, verb):
        return
    if _rationale(verb, lex, ctx.stext) or person_name(who, lex) is None:
        return
    last = who.right_edge if motive else who
    ctx.add(
        specs.judgment.code,
        ctx.off(verb),
        ctx.end(last),
        "conduct",
        word=ctx.words(verb, last),
    )


__all__ = ["hurried_by"]
