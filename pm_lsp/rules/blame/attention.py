"""Inattention told of a person: "the reviewer wasn't paying attention", "the on-call paid
no attention to the page" (PM104, as "inattentive" is).

"Inattentive" and "asleep at the wheel" were judged; the plain statement was not, and it is
the commoner form (a blind-round-30 sentence of that shape, a relative clause naming
reviewers as the subject, drew nothing). A person, a role or a team as the subject of
"pay" whose object is "attention", denied ("not", "never") or given none ("no", "little",
"scant" attention).
Clean: a thing ("the parser does not pay attention to the byte-order mark"), an instruction
("pay attention to the queue depth during a deploy"), a reason given ("... because the
alert went to an old channel"), a supposition, a question (asked, or rhetorical ones judged
elsewhere), a quote. The writers' own inattention is judged as their other judgments of
themselves are ("we were careless" is a warning too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _person_subject,
    _question,
    _quoted,
    _rationale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the amount words that give no attention ("paid little attention to the alert")
_NONE_GIVEN = frozenset({"no", "little", "scant", "scarcely", "hardly"})


def inattention(ctx: _Ctx, tok: Token) -> None:
    """``tok`` is "attention", the object of a denied "pay" whose subject is a person."""
    if tok.lemma_.lower() != "attention" or tok.dep_ != "dobj":
        return
    verb = tok.head
    if verb.lemma_.lower() != "pay" or _question(ctx) or _quoted(ctx, tok):
        return
    denied = any(c.dep_ == "neg" for c in verb.children) or any(
        c.lower_ in _NONE_GIVEN for c in tok.children
    )
    if not denied or _hypothetical(verb) or _rationale(verb, ctx.lex, ctx.stext):
        return
    split = _split_progressive(verb)
    if _person_subject(ctx, verb if split is None else split) is None:
        return
    first = min(
        (c for c in verb.children if c.dep_ in ("aux", "neg")), key=lambda c: c.i, default=verb
    )
    first = first if split is None else split
    ctx.add(
        specs.judgment.code,
        ctx.off(first),
        ctx.end(tok),
        "inattention",
        phrase=ctx.words(first, tok),
    )


def _split_progressive(verb: Token) -> Token | None:
    """The "was" of a progressive that an aside set off by commas split from its participle
    ("the reviewer was, regrettably, not paying attention"): the small model then makes
    "was" the root and hangs "paying" under it as a clause, so the subject is the root's.
    Only adverbs may stand between ("was busy, not paying ..." is a state, then a clause)."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or head.lemma_ != "be" or head.i > verb.i:
        return None
    between = verb.doc[head.i + 1 : verb.i]
    aside = all(t.text == "," or t.dep_ in ("advmod", "neg") or t.is_space for t in between)
    return head if aside and any(t.text == "," for t in between) else None
