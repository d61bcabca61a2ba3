"""A party's habit judged (PM104; class 6 of bl38): "the storage team keeps rebooting the
arrays in the busiest hour of the week, and no one ever learns", "the vendor keeps pushing
firmware mid-peak, again and again": a person, a role or a team as the subject of "keep"
with an "-ing" act, in a sentence that holds one of ``kept-habit-verdicts``.

"Keeps ignoring" is read by the failure-verb judge (``kept-lapses``); any other act kept up
was judged only by a stance word. Clean: a thing ("the controller keeps retrying at the
worst possible moment"), a thing kept ("the team keeps a spare on the shelf"), the writers
("we keep rebooting it again and again"), no verdict ("the DBA team keeps patching the
replicas on Tuesdays"), a lapse of attention (judged elsewhere), denied, asked, supposed,
explained ("... again and again because the alert flaps") or quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _supposed
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _negated,
    _person_subject,
    _question,
    _quoted,
    _rationale,
    quoted_span,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


#: the forms of "keep" a sentence must hold before its tokens are read
_KEEP = frozenset({"keep", "keeps", "kept", "keeping"})


def habits(ctx: _Ctx) -> None:
    """Judge each "keep" of the sentence (asked of the sentence's words once)."""
    if ctx.lowers.isdisjoint(_KEEP):
        return
    for tok in ctx.sdoc:
        if tok.lower_ in _KEEP:
            judge(ctx, tok)


def judge(ctx: _Ctx, keep: Token) -> None:
    """``keep`` is a form of "keep" whose ``xcomp`` is an "-ing" act of a party."""
    lex = ctx.lex
    if keep.lemma_.lower() != "keep" or _question(ctx):
        return
    act = next((c for c in keep.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if act is None or act.lemma_.lower() in lex.kept_lapses:
        return
    m = lex.kept_habit_verdicts.search(ctx.stext)
    if m is None or quoted_span(ctx.stext, m.start(), m.end()):
        return
    if _negated(keep) or _hypothetical(keep) or _supposed(keep) or _quoted(ctx, keep):
        return
    if _rationale(act, lex, ctx.stext) or _rationale(keep, lex, ctx.stext):
        return
    got = _person_subject(ctx, keep)
    if got is None or got[0].lower_ in FIRST_PERSON or got[0].dep_ != "nsubj":
        return
    subj, who = got
    first = subj.left_edge
    ctx.add(
        specs.judgment.code,
        ctx.off(first),
        ctx.end(act),
        "kept-habit",
        person=True,
        phrase=ctx.words(first, act),
        who=who,
    )
