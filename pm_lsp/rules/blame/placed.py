"""PM101 for responsibility placed on a party with an idiom, when the sentence tells a
lapse (class 3 of bl29a): "the expiry alert had been on the storage team's plate for
months", "the key rotation was the security desk's problem to solve, and it never got
solved", "that lapse falls squarely on the release manager".

The idiom alone is planning or ownership: "the migration is on the storage team's plate
for Q3", "scaling the queue is the data team's problem to solve next quarter" and "the cost
sits on our plate" stay clean. So it is read only with a lapse told around it: a negation
or "nobody" in another clause of the sentence, the past perfect with a span of time after
"for" (one of ``lapse-spans``: "had been on their plate for months") and no clause after
it that might tell the work done, or, for "squarely",
a lapse or a harm as what was placed ("the blame", "that lapse"). Denied ("does not fall
squarely on any one person"), supposed, asked, quoted, a first person's or a thing's ("the
load sits squarely on the primary node") stay clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _supposed
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _hypothetical, _negated, _question, _quoted
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def judge(ctx: _Ctx, tok: Token) -> None:
    """Started from the idiom's own word: one of ``plate-nouns`` after "on" with a
    possessor, one of ``owned-problems`` with a possessor and "to" one of ``solving-verbs``
    after it, or one of ``placing-adverbs`` on a verb with "on" and a party after it."""
    lex = ctx.lex
    low = tok.lower_
    if low in lex.placing_adverbs:
        _squarely(ctx, tok)
        return
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.plate_nouns | lex.owned_problems:
        return
    party = next((c for c in tok.children if c.dep_ == "poss"), None)
    if party is None:
        return
    if tok.lemma_.lower() in lex.plate_nouns:
        if tok.head.lower_ != "on":
            return
    elif not _to_solve(tok, lex.solving_verbs):
        return
    verb = _clause_verb(tok)
    if verb is not None and _lapse_told(ctx, verb, tok):
        _report(ctx, party, tok)


def _to_solve(noun: Token, verbs: set[str]) -> bool:
    """ "problem to solve": "to" and one of ``solving-verbs`` right after the noun (the
    small model hangs it on the noun or makes the noun its subject)."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "to":
        return False
    verb = doc[noun.i + 2]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in verbs


def _clause_verb(tok: Token) -> Token | None:
    """The verb the idiom is said with ("had been", "sat", "was")."""
    head = tok.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") and head.i != tok.i + 2:  # not its "to solve"
            return head
        head = head.head
    return None


def _lapse_told(ctx: _Ctx, verb: Token, idiom: Token) -> bool:
    """Past, not denied nor supposed, with a lapse told around it: a negation or "nobody"
    outside the idiom's own verb, or the past perfect with "for" one of ``lapse-spans``."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = verb.tag_ in ("VBD", "VBN") and all(a.tag_ != "MD" for a in aux)
    if not past or _negated(verb) or _hypothetical(verb) or _supposed(verb) or _question(ctx):
        return False
    if _quoted(ctx, idiom):
        return False
    lex = ctx.lex
    own = {t.i for t in verb.children} | {verb.i}
    for t in verb.sent:
        if t.i in own:
            continue
        if t.dep_ == "neg" or t.lower_ in lex.nobody:
            return True
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return False  # "... for weeks, and they finished it on Friday": done in the end
    perfect = any(a.lower_ == "had" for a in aux) or verb.lower_ == "had"
    spans = (t for t in verb.subtree if t.lower_ == "for")
    return perfect and any(g.lower_ in lex.lapse_spans for f in spans for g in f.subtree)


def _squarely(ctx: _Ctx, adv: Token) -> None:
    """ "That lapse falls squarely on the release manager"."""
    lex = ctx.lex
    verb = adv.head
    on = next((c for c in verb.children if c.lower_ == "on" and c.dep_ == "prep"), None)
    party = next((g for g in on.children if g.dep_ == "pobj"), None) if on else None
    if party is None or verb.pos_ not in ("VERB", "AUX"):
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    placed = subj is not None and subj.lemma_.lower() in lex.placed_lapses
    if placed and not (_negated(verb) or _hypothetical(verb) or _supposed(verb) or _question(ctx)):
        if not _quoted(ctx, adv):
            _report(ctx, party, party)
    elif _lapse_told(ctx, verb, adv):
        _report(ctx, party, party)


def _report(ctx: _Ctx, party: Token, last: Token) -> None:
    if party.lower_ in FIRST_PERSON or party.text in ctx.systems:
        return
    who = person_name(party, ctx.lex)
    if who is None:
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(party.left_edge),
        ctx.end(last),
        "responsibility",
        person=True,
        who=who,
    )


__all__ = ["judge"]
