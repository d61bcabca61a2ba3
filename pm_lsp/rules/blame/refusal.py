"""A party's refusal told as its conduct (PM101).

"The vendor refused to roll back the firmware"; "ACME management denies"; "the partner
denied that their upgrade caused the halt"; "Kim rejected any responsibility". Partner and
vendor organisations and collective bodies (management, leadership) are named as the cause
in postmortems through what they would not do as often as through what they did: the
sentence judges the party rather than stating what was asked and answered. The frame is
checked on the parse:

* a refusal verb (``refusal-verbs``) in the past or the narrative present, not negated,
  hypothetical, asked or explained;
* refused with no object ("management denies"), an infinitive ("refused to roll back"), a
  that-clause ("denied that ...") or one of the ``refused-claims`` ("denied responsibility"):
  an object that is a request or an artefact ("declined the pull request", "rejected the
  block") is the normal work of a reviewer or a system;
* the subject names a person, a role or a collective body, not a first person and not a
  word the document uses as a system ("the proxy refused to start", "the firewall denied the
  connection" stay clean).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name, subject_of
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _lemma,
    _negated,
    _past,
    _question,
    _rationale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_FIRST_PERSON = frozenset({"i", "we", "us"})


def refused(ctx: _Ctx, verb: Token) -> None:
    """PM101 on a person's, role's or body's refusal (see the module's docstring)."""
    lex = ctx.lex
    if verb.pos_ != "VERB" or _lemma(verb, lex) not in lex.refusal_verbs:
        return
    if verb.dep_ in ("relcl", "amod", "acl", "pcomp") or not _told(verb):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx):
        return
    if not _refused_what(verb, lex.refused_claims) or _rationale(verb, lex, ctx.stext):
        return
    subj = _nearest_subject(verb)
    if subj is None or subj.dep_ != "nsubj" or subj.lower_ in _FIRST_PERSON:
        return
    if subj.text in ctx.systems or subj.lower_ in ("it", "they"):
        return
    who = person_name(subj, lex)
    if who is None:
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "refusal",
        person=True,
        who=who,
        phrase=ctx.words(subj.left_edge, verb),
    )


def _nearest_subject(verb: Token) -> Token | None:
    """The subject nearest before ``verb`` when the small model gave it two ("Patch X such
    that the endpoint refuses": the endpoint refuses, not X), else its one subject."""
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    return before[-1] if before else subject_of(verb)


def _told(verb: Token) -> bool:
    """A refusal that happened: the past, or the narrative present ("management denies",
    "the partner denies that ..."). "The vendor refuses to support version 2" (present, with
    an infinitive) states a policy, not an act."""
    if _past(verb):
        return True
    return (
        verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ == "aux" for c in verb.children)
        and not any(c.dep_ == "xcomp" for c in verb.children)
    )


def _refused_what(verb: Token, claims: set[str]) -> bool:
    """Refused with no object, an infinitive, a that-clause, or a claim of fault."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return not objects
    return all(o.lemma_.lower() in claims or o.lower_ in claims for o in objects)


__all__ = ["refused"]
