"""Hindsight told as what was evident then (PM105): "it was entirely foreseeable that the
spool would run dry" (an outcome called foreseeable in an extraposed clause), "the decision to
skip the canary was obviously wrong" (a stance adverb on a choice called wrong).

Clean: the same denied ("it was not foreseeable that ..."), asked, in the present or the
future ("it is foreseeable that traffic will double": a forecast), an embedded question
("whether it was foreseeable that ..."), a thing's value or reading called wrong ("the
sensor value was clearly wrong": what the system saw), "the obvious next step was ...".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import subject_of
from pm_lsp.rules.blame.grammar import _Ctx, _denied, _hypothetical, _question

if TYPE_CHECKING:
    from spacy.tokens import Token


def judge(ctx: _Ctx) -> None:
    """PM105 on "it was foreseeable that ..." and on "<choice> was obviously wrong"."""
    lex = ctx.lex
    if ctx.lowers.isdisjoint(lex.hindsight_adjectives) and ctx.lowers.isdisjoint(
        lex.stance_adverbs
    ):
        return
    if _question(ctx):
        return
    for tok in ctx.sdoc:
        if tok.dep_ != "acomp" or not _past_claim(tok.head):
            continue
        subj = subject_of(tok.head)
        if subj is None:
            continue
        if tok.lower_ in lex.hindsight_adjectives and _extraposed(tok.head, subj):
            first = subj
        elif tok.lower_ in lex.wrong_words and _choice(subj, lex.costly_acts | lex.act_nouns):
            said = (*tok.children, *tok.head.children)  # "was obviously wrong": on "was"
            if not any(c.lower_ in lex.stance_adverbs for c in said):
                continue
            first = subj.left_edge
        else:
            continue
        if _denied(tok):
            continue
        ctx.add(
            specs.hindsight.code,
            ctx.off(first),
            ctx.end(tok),
            "hindsight",
            phrase=ctx.words(first, tok),
        )
        return


def _past_claim(cop: Token) -> bool:
    """A past copula that claims: "was", not "is" (a forecast), not supposed ("would
    have been") and not an embedded question ("whether it was ...")."""
    if cop.lemma_ != "be" or cop.tag_ != "VBD" or _hypothetical(cop):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in cop.children)


def _extraposed(cop: Token, subj: Token) -> bool:
    """ "It was foreseeable that ...": the subject "it" and a that-clause after the
    adjective."""
    if subj.lower_ != "it":
        return False
    near = [*cop.children, *(g for a in cop.children if a.dep_ == "acomp" for g in a.children)]
    return any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in near
    )


def _choice(subj: Token, nouns: set[str]) -> bool:
    """Is the subject a choice someone made ("the decision to skip the canary", "the call
    to fail over")?"""
    return subj.lemma_.lower() in nouns
