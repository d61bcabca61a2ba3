"""Reported speech: blame that someone else said, quoted inline, is recorded, not claimed.

A blockquote of a responder's words is not checked at all (the family's note on quoted
speech): the writers record what was said. The same words quoted inline, as a clause in
double quotes that a verb of saying gives to someone, are that record too, whether or not
the next sentence rejects them; which quotes those are is read below the families
(:mod:`pm_lsp.nlp.reported`), as the impact family reads them too. A claim only partly
quoted inside the clause a verb of saying governs (the party told outside the marks, the
act inside them) is the speaker's too (:func:`pm_lsp.nlp.reported.partial_quotes`).
Words in scare quotes (no verb of saying before or after them) stay with the judges that
read them (:func:`pm_lsp.rules.blame.grammar.quoted_span`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.nlp.reported import partial_quotes, reported_quotes
from pm_lsp.rules.blame.grammar import BlameHit, _Ctx

if TYPE_CHECKING:
    from spacy.tokens import Token


def without_reported(ctx: _Ctx, hits: list[BlameHit]) -> list[BlameHit]:
    """``hits`` less those that lie inside a quoted clause someone else is reported to
    have said (see the module doc)."""
    if not hits or ('"' not in ctx.stext and "“" not in ctx.stext):
        return hits
    said = reported_quotes(ctx.stext, ctx.sdoc, ctx.lex.reporting_verbs)
    spans = [(ctx.sent.base + a, ctx.sent.base + b) for a, b in said]
    part = partial_quotes(ctx.stext, ctx.sdoc, ctx.lex.reporting_verbs)
    parts = [(ctx.sent.base + a, ctx.sent.base + b) for a, b in part]
    if not spans and not parts:
        return hits
    return [
        h
        for h in hits
        if not any(a <= h.start and h.end <= b for a, b in spans)
        and not any(_quoted_act(ctx, h, a, b) for a, b in parts)
    ]


def _quoted_act(ctx: _Ctx, hit: BlameHit, a: int, b: int) -> bool:
    """Does ``hit`` lie inside the reported quote ``a``-``b``, or reach into it with its
    act quoted: the first verb of the hit inside the marks, only the party it names
    outside them (a paper wrote that the crew "forgot to lock" the gate)? Blame the
    writers add outside the marks stays theirs."""
    if a <= hit.start and hit.end <= b:
        return True
    if hit.end <= a or hit.start >= b:
        return False
    verb = next((t for t in ctx.sdoc if hit.start <= ctx.off(t) < hit.end and _acts(t)), None)
    return verb is not None and a <= ctx.off(verb) < b


def _acts(tok: Token) -> bool:
    """A verb (not an auxiliary), or a clause's head the tagger took for a noun (a quoted
    "forgot" with a subject of its own)."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok.dep_ not in ("aux", "auxpass")
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
