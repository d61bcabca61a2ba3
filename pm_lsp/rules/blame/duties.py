"""A desk, a department or a person behind a role held to a duty by a counterfactual.

"The night analyst should have phoned the vendor" is PM103: a party judged by what it should
have done. The same judgment went unread when the party was named by its department, bare
("Support should have chased the carrier"), or when the one judged was named after a role,
set off by commas ("our clerk at the Leeds office, Dana, should have caught the double
run"): the role or place before the name may be no listed role at all. Both are read only
in a counterfactual: "support" alone is as often a feature ("Support for TLS 1.0 should
have been dropped"), so it is a party only with an act that only people do
(``desk-duties``); and a name set off by commas must be a listed given name that the
recogniser does not read as a place ("the relay in Frankfurt, Paris, ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.nlp.judge import needs_entities
from pm_lsp.rules.blame.extract import person_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon

#: what a department written bare may carry and still be bare
_BARE = frozenset({"punct", "cc", "conj", "case", "appos"})

#: entity kinds that make a given name a place or a body ("Paris", "Georgia")
_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def department_on_duty(subj: Token, verb: Token, lex: BlameLexicon) -> str | None:
    """The department's name when ``subj`` is one of ``possessor-departments`` written bare
    (no article, no modifier: "Support should have chased ...", "security should have
    warned ...") and ``verb`` is one of ``desk-duties`` or keeps to a procedure ("if
    Security had followed the change process"); else None. "Support for TLS
    should have ..." carries a phrase, and "support should have handled retries" names
    an act a feature does."""
    if subj.lower_ not in lex.possessor_departments or subj.dep_ != "nsubj":
        return None
    if any(c.dep_ not in _BARE for c in subj.children):
        return None
    if verb.lemma_.lower() not in lex.desk_duties and not _kept_to_procedure(verb, lex):
        return None
    return subj.text


def _kept_to_procedure(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` a reading of a procedure written for people (one of ``heeded-reads``
    with one of ``ignored-procedures`` as its object: "followed the change process", "read
    the runbook")? Only people keep to those; a feature follows a redirect."""
    if verb.lemma_.lower() not in lex.heeded_reads:
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.ignored_procedures for c in verb.children
    )


def set_off_name(subj: Token, md: Token, lex: BlameLexicon) -> str | None:
    """The name set off by commas right before the modal, after the subject's role or
    place ("Our dispatcher in Leeds, Omar, should have ...", "the duty clerk, Dana, also
    should have ..."): the person the counterfactual judges, whatever the words before
    it; else None. Only one to three capitalised words between the commas, the first a
    listed given name and none read as a place."""
    doc = md.doc
    i = md.i - 1
    while i > subj.i and (doc[i].tag_ == "RB" or doc[i].is_space):
        i -= 1  # "..., Dana, also should have": an adverb between name and modal
    if i <= subj.i or doc[i].text != ",":
        return None
    end = i
    i -= 1
    while i > subj.i and doc[i].text != "," and end - i <= 3:
        i -= 1
    words = list(doc[i + 1 : end])
    if i <= subj.i or doc[i].text != "," or not words:
        return None
    if not all(w.is_alpha and w.text[:1].isupper() for w in words):
        return None
    if not lex.given_name(words[0].text):
        return None
    needs_entities()  # this answer depends on the named entities
    if any(w.ent_type_ in _PLACES for w in words) or person_name(words[0], lex) is None:
        return None
    return doc[words[0].i : end].text
