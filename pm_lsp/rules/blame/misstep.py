"""A person's act, told as a gerund clause or a possessed act, named the mistake or the
cause by "be" (PM101; class 2 of bl38): "Noor pushing the flag before the canary finished
was the real mistake", "the duty DBA dropping the index was the error", "Theo's restart of
the broker was the blunder", and a gerund clause as the reason for a harm ("the on-call
restarting the primary is the reason the queue backed up").

The possessed decision as "the reason" (``possessed_reason`` in :mod:`.cause`) read the same
act only when the reason told a harm event; a gerund clause had no judge at all.
Clean: a thing's act ("the job restarting the primary was the trigger"), no one's
("restarting the primary was a mistake"), a good outcome ("Ana restarting the primary ended
the outage": no verdict noun), our own, denied, asked, supposed and quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _cleft_noun, _harm_told, _possessor_blamed, _supposed
from pm_lsp.rules.blame.extract import person_name
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


def judge(ctx: _Ctx, noun: Token) -> None:
    """``noun`` is the predicate noun of "be": one of ``misstep-nouns`` ("the real
    mistake", "the root cause"), or a cause or reason that tells a harm."""
    lex = ctx.lex
    if noun.dep_ != "attr" or not _verdict_noun(noun, ctx):
        return
    be = noun.head
    if be.lemma_ != "be" or _negated(be) or _hypothetical(be) or _question(ctx):
        return
    if not_asserted(be, lex) or _quoted(ctx, be) or _supposed(be):
        return
    gerund = _gerund(be)
    if gerund is None:
        work = next((c for c in be.children if c.dep_ == "nsubj"), None)
        said = noun.lemma_.lower() not in ("cause", "reason")
        if work is not None and said and _cleft_noun(work, lex):
            _possessor_blamed(ctx, work)  # "Theo's restart of the broker was the blunder"
        return
    doer = _doer(ctx, be, gerund)
    if doer is None or _negated(gerund) or _supposed(gerund):
        return
    last = max((c for c in gerund.children if c.dep_ == "prt"), key=lambda c: c.i, default=gerund)
    first = doer.left_edge
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(first),
        ctx.end(last),
        "act-misstep",
        person=True,
        phrase=ctx.words(first, last),
    )


def _verdict_noun(noun: Token, ctx: _Ctx) -> bool:
    word = noun.lemma_.lower()
    rooted = any(c.lower_ == "root" for c in noun.lefts)
    if word in ctx.lex.misstep_nouns or (rooted and f"root {word}" in ctx.lex.misstep_nouns):
        return True
    return word in ("cause", "reason") and _harm_told(noun, ctx.lex)


def _gerund(be: Token) -> Token | None:
    """The gerund clause that is the subject of ``be``: its clausal subject, or the "-ing"
    clause the small model hung on the subject noun ("the night operator promoting the
    replica": "promoting" read as the noun's ``acl``)."""
    for c in be.children:
        if c.dep_ == "csubj" and c.tag_ == "VBG":
            return c
        if c.dep_ == "nsubj":
            return next((g for g in c.rights if g.dep_ == "acl" and g.tag_ == "VBG"), None)
    return None


def _doer(ctx: _Ctx, be: Token, gerund: Token) -> Token | None:
    """Who does the gerund's act: its own subject ("Noor pushing"), a name the small model
    hung on it as an adverb ("Raj/RB pushing"), or the subject of "be" written just before
    it ("the duty DBA dropping": the model made the role the subject of "was"); a person or
    a role, not the writers and not a thing."""
    got = None if gerund.dep_ == "acl" else _person_subject(ctx, gerund)
    if got is not None:
        subj: Token | None = got[0]
    else:
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i + 1 != gerund.i or subj.text in ctx.systems:
            return None
        if person_name(subj, ctx.lex) is None:
            return None
    if subj is None or subj.lower_ in FIRST_PERSON:
        return None
    return subj
