"""Reported speech: blame that someone else said, quoted inline, is recorded, not claimed.

A blockquote of a responder's words is not checked at all (the family's note on quoted
speech): the writers record what was said. The same words quoted inline, as a clause in
double quotes that a verb of saying gives to someone, are that record too, whether or not
the next sentence rejects them; which quotes those are is read below the families
(:mod:`pm_lsp.nlp.reported`), as the impact family reads them too. Words in scare quotes
(no verb of saying before or after them) stay with the judges that read them
(:func:`pm_lsp.rules.blame.grammar.quoted_span`).
"""

from __future__ import annotations

from pm_lsp.nlp.reported import reported_quotes
from pm_lsp.rules.blame.grammar import BlameHit, _Ctx


def without_reported(ctx: _Ctx, hits: list[BlameHit]) -> list[BlameHit]:
    """``hits`` less those that lie inside a quoted clause someone else is reported to
    have said (see the module doc)."""
    if not hits or ('"' not in ctx.stext and "“" not in ctx.stext):
        return hits
    said = reported_quotes(ctx.stext, ctx.sdoc, ctx.lex.reporting_verbs)
    spans = [(ctx.sent.base + a, ctx.sent.base + b) for a, b in said]
    if not spans:
        return hits
    return [h for h in hits if not any(a <= h.start and h.end <= b for a, b in spans)]
