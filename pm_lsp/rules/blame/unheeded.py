"""PM103 for a signal meant for people told as let pass, with nobody named: "the capacity
alarm was ignored", "the second page was dismissed twice". The passive hides who saw it,
and the sentence still puts the harm on their inattention, as "nobody acted on it" does.

What software does stays clean: a "by" agent that is no person ("was ignored by the parser";
a person agent is PM101's), a reason or a moment given ("... because the flag was off",
"dismissed when the check recovered", "ignored as designed"), a setting or a request (only
``unheeded-signals`` are read), the present ("warnings from staging are ignored"), denied,
asked, supposed and quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _negated,
    _past_passive,
    _question,
    _quoted,
    _rationale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def unheeded_signal(ctx: _Ctx, verb: Token) -> None:
    """``verb``: a past passive participle of one of ``unheeded-signal-verbs`` whose subject
    is one of ``unheeded-signals``, with no agent and no clause of its own."""
    lex = ctx.lex
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.unheeded_signal_verbs:
        return
    if not _past_passive(verb) or _negated(verb) or _hypothetical(verb):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() not in lex.unheeded_signals:
        return
    if any(c.dep_ in ("agent", "advcl", "ccomp", "mark") for c in verb.children):
        return  # "by the parser", "when the check recovered", "if ...": a mechanism or a case
    if any(t.lower_ in lex.system_adverbs for t in verb.subtree):
        return  # "was dismissed automatically"
    if _question(ctx) or _quoted(ctx, verb) or _rationale(verb, lex, ctx.stext):
        return
    first = subj.left_edge
    ctx.add(
        specs.counterfactual.code,
        ctx.off(first),
        ctx.end(verb),
        "unheeded-signal",
        phrase=ctx.words(first, verb),
    )
