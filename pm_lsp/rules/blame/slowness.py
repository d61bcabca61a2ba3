"""A person's slowness named as the reason for a harm (PM101): "the shift lead took
fifty minutes to answer the alert, and that is chiefly why the backlog spilled over",
"Sam took two hours to approve the rollback, and that is why the outage ran long".

The act is plain narrative with no judgment word, so neither the pace judgment (PM104,
"slow", "too late") nor the possessed reason ("Sam's slow approval is why ...") read it;
what makes it blame is the explicit link that puts the person's delay down as the reason.
Clean: a thing's delay ("the broker took an hour to fail over, which is why the queue
grew"), a firm's or a team's pace (``paced-parties``, as PM104 judges no firm's pace), our
own, an act that fixes things (only ``slow-acts``, the acts of answering a signal: "took ten
minutes to roll back the change, which is why the outage ended early"), a reason that tells
no harm, denied, asked, supposed or quoted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _harm_clause, _harm_told, _supposed
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _negated,
    _person_subject,
    _question,
    _quoted,
    not_asserted,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def judge(ctx: _Ctx, verb: Token) -> None:
    """``verb`` is "take" with a length of time and one of ``slow-acts`` ("took forty
    minutes to acknowledge the page"), then a link naming it the reason for a harm."""
    lex = ctx.lex
    if verb.lemma_.lower() != "take" or _quoted(ctx, verb):
        return
    act = next(
        (c for c in verb.children if _infinitive(c) and c.lemma_.lower() in lex.slow_acts), None
    )
    if act is None or not any(
        c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in lex.cost_measures
        for c in verb.children
    ):
        return
    if _negated(verb) or _hypothetical(verb) or _supposed(verb) or _question(ctx):
        return
    if not_asserted(verb, lex) or not _named_the_reason(ctx, act):
        return
    found = _person_subject(ctx, verb)
    if found is None:
        return
    subj = found[0]
    if subj.lower_ in FIRST_PERSON or subj.lemma_.lower() in lex.paced_parties:
        return
    last = max((c for c in act.children if c.dep_ == "prt"), key=lambda c: c.i, default=act)
    first = subj.left_edge
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(first),
        ctx.end(last),
        "slow-act-reason",
        person=True,
        phrase=ctx.words(first, last),
    )


def _infinitive(tok: Token) -> bool:
    """ "to acknowledge" under "took": the small model hangs it as ``xcomp`` or, after a
    longer object, as ``advcl``."""
    return tok.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _named_the_reason(ctx: _Ctx, act: Token) -> bool:
    """Is the delay then named the reason for a harm by a "be" whose subject points back
    at it (``reason-link-subjects``): ", which is the main reason the queue overflowed",
    ", and that is why the outage ran long"?"""
    lex = ctx.lex
    for tok in ctx.sdoc:
        if tok.i <= act.i:
            continue
        if tok.lower_ == "reason" and tok.dep_ == "attr":
            be, harm = tok.head, _harm_told(tok, lex)
        elif tok.lower_ == "why" and tok.head.dep_ == "ccomp":
            be, harm = tok.head.head, _harm_clause(tok.head, lex)
        else:
            continue
        linked = any(
            c.dep_ == "nsubj" and c.lower_ in lex.reason_link_subjects for c in be.children
        )
        if be.lemma_ == "be" and linked and harm and not _negated(be):
            return True
    return False
