"""An imagined person of more experience, named by a trade the role list lacks: "a more
experienced dispatcher would have caught it", "a senior planner would have spotted it".

``_modal_perfect`` judges a better person held up against the real one (PM103) only when
the subject names a person, and the role list cannot hold every trade. Experience is had
only by people (``experience-words``), so such a word on a noun that names a doer by its
ending (``doer-suffixes``: "dispatcher", "planner", "therapist") makes the noun a person;
a noun that names no doer ("a more experienced model") and a listed thing with the same
ending (``occupation-things``) stay things. Words that also fit a machine ("careful",
"capable") are left to the role list."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def seasoned_doer(subj: Token, lex: BlameLexicon) -> str | None:
    """The phrase ``subj`` heads when it is a doer noun with one of ``experience-words``
    ("a more seasoned planner"), else None."""
    lemma = subj.lemma_.lower()
    if subj.pos_ != "NOUN" or lemma in lex.occupation_things:
        return None
    if not any(lemma.endswith(s) and len(lemma) > len(s) + 2 for s in lex.doer_suffixes):
        return None
    if not any(c.dep_ == "amod" and c.lower_ in lex.experience_words for c in subj.children):
        return None
    return subj.doc[subj.left_edge.i : subj.i + 1].text
