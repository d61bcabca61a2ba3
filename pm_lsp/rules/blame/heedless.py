"""PM104 for an act of going ahead done by a person "despite" a sign that something was
wrong: "the build was promoted to every store by the release lead despite a spike in
checkout errors", "the migration was approved by the change manager despite two failed
dry runs", "Omar merged the branch despite the red pipeline".

The "despite" phrase holds the act against what was visible at the time, as "without
testing" holds it against a step not taken: a judgment of the person's conduct. Read only
when the act is one of ``heedless-acts`` (going ahead: promote, approve, ship, merge ...),
its doer a person, a role or a team (the subject, or the "by" agent of a passive), and the
"despite" phrase names a sign: one of ``warning-signs`` or ``unheeded-signals`` ("despite
the alarm"), a failed or red trial (``warning-sign-marks``), or a rise (``rise-nouns``) in
a harm or a measure ("despite a spike in latency"). Clean: no person ("was promoted despite
the rise", "promoted by the pipeline despite ..."), weather or hours ("despite the rain",
"despite the late hour"), a remedy going ahead ("the rollback was pushed despite the
alarm"), the writers' own act, a reason given ("... because the rollback path was
broken"), praise, denied, supposed, asked, quoted.
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
    unreal_condition,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def despite_sign(ctx: _Ctx, verb: Token) -> None:
    """``verb``: one of ``heedless-acts`` with a "despite" phrase naming a warning sign and
    a person as its doer; the finding is the "despite" phrase."""
    lex = ctx.lex
    if "despite" not in ctx.lowers or _lemma(verb, lex) not in lex.heedless_acts:
        return
    doer = _doer(verb)
    if doer is None or doer.lower_ in FIRST_PERSON or doer.text in ctx.systems:
        return
    prep = _despite(verb, doer)
    sign = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    if prep is None or sign is None or not _warning(sign, ctx):
        return
    done = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if done is not None and _lemma(done, lex) in lex.remedy_nouns:
        return  # "the rollback was pushed by Ana despite the alarm": the remedy
    if _negated(verb) or _hypothetical(verb) or _supposed(verb):
        return
    if _question(ctx) or _quoted(ctx, verb):
        return
    if _rationale(verb, lex, ctx.stext) or lex.endorsed.search(ctx.stext, prep.idx):
        return  # "... because the rollback path was broken"; "..., the right call"
    if person_name(doer, lex) is None:
        return
    last = sign.right_edge
    ctx.add(
        specs.judgment.code,
        ctx.off(prep),
        ctx.end(last),
        "conduct",
        word=ctx.words(prep, last),
    )


def _supposed(verb: Token) -> bool:
    """Is the act only supposed: a condition ("if the lead promotes it despite ...", "had
    the lead promoted it despite ...")?"""
    if unreal_condition(verb):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _doer(verb: Token) -> Token | None:
    """Who did ``verb``: the "by" agent of a passive, else its subject."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # a passive with nobody named
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _despite(verb: Token, doer: Token) -> Token | None:
    """The "despite" phrase of the act: on the verb, or hung by the small model on the
    agent's noun or the object ("by the release manager despite ...")."""
    holders = [verb, doer, *(c for c in verb.children if c.dep_ in ("dobj", "prep"))]
    return next(
        (c for h in holders for c in h.children if c.lower_ == "despite" and c.dep_ == "prep"),
        None,
    )


def _warning(sign: Token, ctx: _Ctx) -> bool:
    """Does the "despite" object name a sign that something was wrong?"""
    lex = ctx.lex
    head = _lemma(sign, lex)
    if head in lex.warning_signs or head in lex.unheeded_signals:
        return True
    marks = lex.warning_sign_marks
    if any(c.dep_ in ("amod", "compound") and c.lower_ in marks for c in sign.children):
        return True  # "despite two failed dry runs", "despite the red pipeline"
    if head not in lex.rise_nouns:
        return False
    measured = (t for t in sign.subtree if t.i > sign.i)
    return any(
        _lemma(t, lex) in lex.harm_words or _lemma(t, lex) in lex.lowered_measures for t in measured
    )


__all__ = ["despite_sign"]
