"""An expectation held against a party in hindsight: "the billing team might reasonably have
been expected to notice the duplicate charges", "Kofi could have been expected to spot the
missing index" (PM103, as a duty held undone is: bl30, class 3).

The counterfactual judges read "should have noticed" and "one would expect the lead to have
read ..."; the passive of "expect" after "could" or "might" and the perfect says the same of
a person and drew nothing. One of ``expectation-verbs`` as a past participle under "been",
"have" and one of ``expectation-modals``, with a person, a role or a team as its subject and
an act of theirs after "to". Clean: a thing ("the job might have been expected to finish by
02:00"), the future or a requirement ("will be expected to acknowledge within five
minutes", "we expect the export to finish by 02:00"), a state after "to" ("... expected to
be tired"), cleared ("nobody could have been expected to spot it"), denied, asked, supposed
or quoted. The writers' own is read as "we should have" is (the first-person policy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import word_end
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _negated,
    _person_subject,
    _question,
    _quoted,
    _rationale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: acts that are states, not something a party was expected to do ("expected to be tired")
_STATES = frozenset({"be", "have", "get", "feel", "seem", "remain"})
#: what makes the clause a supposition ("if the lead could have been expected to ...")
_SUPPOSING = frozenset({"if", "unless", "whether"})


def held_expectation(ctx: _Ctx, verb: Token) -> None:
    """``verb``: "expected" under "been", "have" and a modal of ``expectation-modals``."""
    lex = ctx.lex
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.expectation_verbs:
        return
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    md = next((c for c in aux if c.tag_ == "MD"), None)
    if md is None or md.lower_ not in lex.expectation_modals:
        return
    if not any(c.lower_ == "been" for c in aux) or not any(c.lemma_ == "have" for c in aux):
        return
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None or act.lemma_.lower() in _STATES or _negated(verb) or _negated(act):
        return
    if any(c.dep_ == "auxpass" for c in act.children):
        return  # "could have been expected to be paged": done to them, not by them
    if _question(ctx) or _quoted(ctx, verb) or _rationale(verb, lex, ctx.stext):
        return
    if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in verb.children):
        return
    got = _person_subject(ctx, verb)
    if got is None or got[0].lower_ in lex.nobody:
        return
    who = got[1]
    last = word_end(act)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(md),
        ctx.end(last),
        "owed-undone",
        person=True,
        who=who,
        phrase=ctx.words(md, last),
    )
