"""Lost trust in a party (PM104): "our confidence in ACME's ability to patch was eroded",
"the lack of trust we could place in the vendor".

Saying that a partner, a vendor or a colleague has lost one's confidence is a verdict on
their competence, not a finding: it names no act, no time and no condition that could be
changed. The construction is a trust noun ("confidence", "trust", "faith") worn away (the
subject or object of an erosion verb, or after "lack of" / "loss of") whose object is a
party: a person, a role or team noun, an @handle or a bare organisation acronym, through
"in" or "to", directly or as the possessor ("in ACME's ability"). Clean when what is
trusted is a thing ("eroded our confidence in the test suite"), when it is ourselves
("customers lost trust in us": an impact, not a verdict), when the loss is a third party's,
reported ("stakeholders lost trust in the data team"), or when the loss is denied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _negated, _organisation_acronym, _quoted

if TYPE_CHECKING:
    from spacy.tokens import Token

_OURSELVES = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself"})


def lost_trust(ctx: _Ctx) -> None:
    """PM104 on each worn-away trust noun whose object is a party (see the module)."""
    lex = ctx.lex
    if ctx.lemmas.isdisjoint(lex.trust_nouns):
        return
    for tok in ctx.sdoc:
        if tok.lemma_.lower() not in lex.trust_nouns or _quoted(ctx, tok):
            continue
        worn = _worn_by(tok, lex.erosion_words)
        if worn is None or _negated(worn) or _reported(worn, tok):
            continue
        party = _party(ctx, worn if worn.i < tok.i else tok)
        if party is None:
            continue
        first, last = min(tok, worn, key=lambda t: t.i), max(tok, worn, key=lambda t: t.i)
        ctx.add(
            specs.judgment.code,
            ctx.off(first),
            ctx.end(last),
            "lost-trust",
            phrase=ctx.words(first, last),
            who=party,
        )


def _worn_by(noun: Token, erosion: set[str]) -> Token | None:
    """The word that wears the trust away: the verb it is the subject or object of ("was
    eroded", "lost our trust") or the noun it follows ("lack of confidence")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in erosion:
        return head
    if head.lower_ == "of" and head.head.lemma_.lower() in erosion:
        return head.head
    return None


def _reported(worn: Token, noun: Token) -> bool:
    """Is the loss someone else's, reported ("a number of stakeholders lost trust in the
    data team")? Then it is a consequence told, not the writers' verdict: the verb's subject
    holds the trust ("lose", "lack"; with "the slips undermined trust" it is the cause)
    and is a third party, not the writers."""
    if worn.lemma_.lower() not in _HELD:
        return False
    subj = next((c for c in worn.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i != noun.i and subj.lower_ not in _OURSELVES


#: erosion verbs whose subject is the one who held the trust ("stakeholders lost trust")
_HELD = frozenset({"lose", "lack"})


def _party(ctx: _Ctx, scope: Token) -> str | None:
    """How the party trusted is named, in ``scope``'s subtree: the object of "in"/"to" or
    its possessor, when it names a person, a role, a team or an organisation."""
    for tok in scope.subtree:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "to"):
            continue
        for cand in (tok, *(c for c in tok.children if c.dep_ == "poss")):
            if cand.lower_ in _OURSELVES or cand.text in ctx.systems:
                continue
            name = person_name(cand, ctx.lex)
            if name is not None:
                return name
            if _organisation_acronym(cand):
                return cand.text
    return None
