"""Who analysed the incident, as a root-cause sentence's subject (PM107): "the panel has
named four factors that fed in", "our reviewers found two causes". The subject is
the analysts naming causes, not a person whose act the causal chain ends at."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def names_findings(verb: Token, lex: BlameLexicon) -> bool:
    """Does ``verb`` report what an analysis found: a verb of finding (``finding-verbs``)
    whose object is a cause, factor or condition (``finding-nouns``: "identified three
    contributing factors"), or a concluding verb with a "that" clause ("the reviewers
    concluded that two conditions combined")? "The duty engineer identified the wrong host
    and rebooted it" finds a host, an act of the response: still read as the chain's end, and
    so is a finding followed by an act ("found the cause and then deleted the volume")."""
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in lex.finding_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.finding_nouns for c in verb.children
    ):
        return True
    return lemma in lex.concluding_verbs and any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in verb.children
    )
