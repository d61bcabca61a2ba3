"""Not foreseeing the harm of one's own act, told as the cause (PM101).

"Hixie submitted the change, unaware that it would remove the mail routes"; "the
contractor did not know that the migration would corrupt the table". The sentence makes a
person's ignorance the reason for the harm: it reads as "they should have known". What
separates it from the writing a blameless review asks for (what people knew at the time)
is the frame, checked on the parse:

* a lack of awareness: "unaware", "not aware", or a negated knowledge verb ("did not know",
  "never realised": ``knowledge-verbs``), with a that-clause;
* the clause holds a consequence: a modal of consequence ("would", "could":
  ``consequence-modals``) and a harm (``harm-words``, a failure, causal or destructive verb,
  an incident noun);
* the one who did not know is a third person: a listed name, handle, role or pronoun, or a
  capitalised name the document does not use as a system (not knowing needs a mind).

"We were not aware of any customer impact" (a detection statement, no clause), "the
engineer was unaware that the cluster was shared" (no consequence: what was known at the
time), "we did not know that the flag would wipe the cache" (a first-person account) and
"monitoring was unaware ..." (a thing) stay clean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name, subject_of
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _in_lex,
    _lemma,
    _negated,
    _question,
    _quoted,
    _unknown_name,
    modal_word,
)
from pm_lsp.rules.blame.tone import _reported

if TYPE_CHECKING:
    from spacy.tokens import Token

_FIRST_PERSON = frozenset({"i", "we", "us"})


def unforeseen(ctx: _Ctx) -> None:
    """PM101 on a third person's lack of awareness of the harm their act would do."""
    if _question(ctx):
        return
    for tok in ctx.sdoc:
        got = _unaware(ctx, tok)
        if got is None:
            continue
        verb, clause = got
        if not _consequence(ctx, clause) or _hypothetical(verb):
            continue
        subj = subject_of(verb)
        who = _who(ctx, subj) if subj is not None else None
        if subj is None or who is None:
            continue
        ctx.add(
            specs.person_as_cause.code,
            ctx.off(subj.left_edge),
            ctx.end(tok),
            "unforeseen",
            person=True,
            who=who,
            phrase=ctx.words(tok, clause),
        )
        return


def _unaware(ctx: _Ctx, tok: Token) -> tuple[Token, Token] | None:
    """(the verb whose subject did not know, the that-clause) when ``tok`` states a lack of
    awareness: "unaware that", "was not aware that", "did not know that"."""
    lex = ctx.lex
    low = tok.lower_
    aware = low in lex.awareness_words and tok.pos_ == "ADJ"
    if not aware and (tok.pos_ != "VERB" or _lemma(tok, lex) not in lex.knowledge_verbs):
        return None  # asked first: the clause is read from the children of every token
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    if aware:
        verb = tok.head  # the copula ("was unaware") or the act ("submitted ..., unaware")
        if tok.dep_ not in ("acomp", "advcl", "oprd", "amod", "conj", "ccomp") or verb is tok:
            return None
        lacking = low.startswith("un") or _negated(tok) or (tok.dep_ == "acomp" and _negated(verb))
        return (verb, clause) if lacking else None
    return (tok, clause) if _negated(tok) else None  # a knowledge verb


def _consequence(ctx: _Ctx, clause: Token) -> bool:
    """The clause says what would follow (a modal of consequence) and that it harms."""
    lex = ctx.lex
    if not any(c.tag_ == "MD" and modal_word(c) in lex.consequence_modals for c in clause.children):
        return False
    harm = (
        lex.harm_words
        | lex.failure_verbs
        | lex.causal_verbs
        | lex.destructive_verbs
        | lex.incident_nouns
    )
    return any(
        (_lemma(t, lex) in harm or t.lower_ in harm or _in_lex(t, harm, lex)) and not _failover(t)
        for t in clause.subtree
    )


def _failover(tok: Token) -> bool:
    """ "would fail over": a failover (an operation), not a failure."""
    return tok.lemma_.lower() == "fail" and any(
        c.lower_ in ("over", "back") and not any(g.dep_ == "pobj" for g in c.children)
        for c in tok.children
    )  # the particle, which the small model may tag as a preposition without an object


def _who(ctx: _Ctx, subj: Token) -> str | None:
    """How ``subj`` names a third person (or an organisation of people), else None."""
    if subj.lower_ in _FIRST_PERSON or subj.text in ctx.systems:
        return None
    who = person_name(subj, ctx.lex)
    if who is None and _unknown_name(subj, ctx.lex):
        who = subj.text  # not knowing needs a mind: "Pinkiebell was unaware that ..."
    return who


def owed_awareness(ctx: _Ctx, tok: Token) -> None:
    """ "The contractor should have been aware of the freeze", "anyone on the desk ought
    reasonably to have been aware", "she must have known": awareness held owed in hindsight,
    an obligation modal in the perfect (PM105). Clean: a thing's ("the scheduler should have
    been aware"), a notice owed to them ("should have been made aware", "should have been
    told"), denied, asked or named to be rejected ("it is easy to say she should have been
    aware"); left to the hindsight phrases where one matches ("should have known")."""
    lex = ctx.lex
    if tok.lower_ not in lex.hindsight_knowing or _question(ctx):
        return
    node = tok.head if tok.dep_ == "acomp" and tok.head.lemma_ == "be" else tok
    perfect = ("have", "'ve", "’ve")
    if node.tag_ != "VBN" or not _has_aux(node, perfect):
        return
    owner = node.head if node.dep_ == "xcomp" else node  # "ought (reasonably) to have ..."
    modal = next((c for c in (owner, *owner.children) if c.tag_ == "MD"), None)
    if modal is None or modal_word(modal) not in lex.hindsight_modals:
        return
    if _negated(node) or _negated(owner) or _quoted(ctx, tok):
        return
    subj = subject_of(owner)
    if subj is None or not (
        subj.lower_ in _FIRST_PERSON or subj.lower_ in lex.indefinite or _who(ctx, subj)
    ):
        return
    if lex.hindsight.search(ctx.stext) or _reported(tok):
        return  # judged by the hindsight phrases; or "it would be easy to say ... aware"
    last = tok
    ctx.add(
        specs.hindsight.code,
        ctx.off(modal),
        ctx.end(last),
        "hindsight",
        phrase=ctx.words(modal, last),
    )


def _has_aux(verb: Token, words: tuple[str, ...]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


__all__ = ["owed_awareness", "unforeseen"]
