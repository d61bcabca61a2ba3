"""A harm drawn out by a party, told in the passive.

"The downtime was made longer by the support desk", "the disruption was dragged out by the
night shift": the party after "by" is held to be why the harm lasted, as "the outage was
prolonged by the night shift" is (PM101 on the "by" agent, reported by the cause judge).
"Made worse" is a harm whatever it is said of (``worse-words``); "made longer", "made
slower" and "extended" are a harm only when what they draw out is one (``incident-nouns``,
``lengthened-harms``): "the timeout was made longer by Ana" and "the change window was
extended by the lead" are settings changed on purpose. A thing as the agent ("made longer
by the retry storm") is no party, and stays clean in the judge that reads the agent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame.grammar import _in_lex

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def lengthened(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` a passive that draws out a harm: "was made longer", "was made slower",
    "was extended" or "was dragged out", its passive subject a harm?"""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    harmed = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if harmed is None:
        return False
    word = harmed.lemma_.lower()
    if word not in lex.incident_nouns and word not in lex.lengthened_harms:
        return False
    if verb.lemma_.lower() == "make":
        return any(
            c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lower_ in lex.lengthening_words
            for c in verb.children
        )
    return _in_lex(verb, lex.lengthening_verbs, lex)
