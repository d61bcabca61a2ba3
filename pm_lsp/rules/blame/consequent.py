"""A person's act given as the reason a harm followed, with "which is why" or "that is why"
(PM101): "Ollie silenced the disk alert on Friday, which is why nobody saw the volume
fill", "the on-call went back to sleep, and that's why the outage lasted until morning",
"the DBA ignored the warning; that is why the replica fell behind".

The failure verbs ("ignored", "skipped") are judged on their own; this reads any act of a
person when the "why" clause after it tells a harm (:func:`.cause._harm_clause`). Clean: a
system's act ("the job skipped the batch, which is why ..."), the writers' own ("we
deferred the upgrade, which is why ..."), a state ("the on-call was asleep, which is why
..."), an act that finds or puts right (``meeting-verbs``, :func:`.credit.credited`), an
act explained, and a clause that tells no harm or shrinks or denies it ("which is why
recovery was quick", "which is why no requests failed")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _harm_clause
from pm_lsp.rules.blame.credit import credited
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _lemma,
    _negated,
    _past,
    _question,
    _quoted,
    _rationale,
    other_actor,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the word that points back at the act: ", which is why", ", and that's why", "; this is why"
_POINTERS = frozenset({"which", "that", "this"})


def act_is_why(ctx: _Ctx, why: Token) -> None:
    """PM101 on the person and act before ", which/that is why <harm>"."""
    clause = why.head
    if why.dep_ != "advmod" or clause.dep_ not in ("ccomp", "advcl") or why.i > clause.i:
        return
    be = clause.head
    pointer = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if be.lemma_ != "be" or pointer is None or pointer.lower_ not in _POINTERS:
        return
    if _negated(be) or _hypothetical(be) or _question(ctx) or _quoted(ctx, why):
        return
    act = _act_before(be)
    if act is None or not _past(act) or _negated(act) or _hypothetical(act):
        return
    lex = ctx.lex
    if _lemma(act, lex) in ("be", "have") or _lemma(act, lex) in lex.meeting_verbs:
        return  # "the on-call was asleep": a state; "Kim spotted the drift": a find
    if credited(act, lex) or _rationale(act, lex, ctx.stext[: pointer.idx - ctx.sdoc[0].idx]):
        return
    if _harm_shrunk(clause, lex.lessened_harms) or not _harm_clause(clause, lex):
        return
    got = other_actor(ctx, act)
    if got is None:
        return
    subj, who = got
    prt = next((c for c in act.children if c.dep_ == "prt" and c.i == act.i + 1), act)
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(prt),  # "Kofi turned off"
        "person-as-cause",
        person=True,
        who=who,
        verb=act.text,
    )


def _act_before(be: Token) -> Token | None:
    """The act "which/that is why" points back at: the verb ", and that is why" is joined
    to, the verb whose object or phrase ", which is why" hangs on (the small model attaches
    it to the last noun), or the clause before "; that is why" that the model hangs under
    the copula."""
    if be.dep_ == "conj":
        return be.head
    if be.dep_ == "relcl":
        node = be.head
        for _ in range(5):
            if node.dep_ not in ("dobj", "pobj", "prep", "pcomp", "npadvmod"):
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        return None
    return next((c for c in be.children if c.dep_ in ("ccomp", "parataxis") and c.i < be.i), None)


def _harm_shrunk(clause: Token, lessened: set[str]) -> bool:
    """Does the "why" clause deny or shrink its harm: "which is why no requests failed",
    "which is why it did not spread", "which is why only two users noticed"?"""
    if _negated(clause):
        return True
    told = (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
    return any(t.lower_ in lessened for c in told for t in c.subtree)
