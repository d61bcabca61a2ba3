"""A wait a person kept on purpose, not a delay pinned on them.

PM103 reads "Ulla did not fail over the primary until 04:15" as a delay laid on a person:
the negation makes the wait hers. The same frame tells careful conduct when what it waited
for is a condition to be met before acting safely ("the DBA did not drop the old table
until the backup was verified", "Mei did not promote the build until the canary checks had
passed"), or when the sentence praises the wait (``endorsed-acts``: "..., which was the
right call", "..., which we consider correct"). A wait ended by a time, a prompt or a harm
("until the customer complained", "until the second alert fired", "until the outage was
confirmed") or by a person's confirmation ("confirmed by a customer") stays a finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame.extract import person_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def deliberate_wait(act: Token, until: Token, lex: BlameLexicon, stext: str) -> bool:
    """Is the wait that ``until`` (the "until" preposition or the verb of the clause it
    marks, as ``omission._until`` gives it) bounds on ``act`` one the person kept on
    purpose: praised after it, or ended by a precondition met? A response held back
    (``answering-acts``: "did not escalate until the deploy was done") waits on nothing
    that makes it safe."""
    if lex.endorsed.search(stext, until.idx):
        return True
    if until.lower_ == "until" or act.lemma_.lower() in lex.answering_acts:
        return False
    return _precondition_met(until, lex)


def _precondition_met(verb: Token, lex: BlameLexicon) -> bool:
    """ "until the backup was verified", "until the drain had finished", "until the test
    was complete": the clause's verb (with its particle: "caught up", "signed off") one of
    ``awaited-preconditions``, or "be" with one of ``awaited-states``; its subject no harm
    ("until the outage was confirmed" waits on the harm) and no person confirming it."""
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    said = {lemma, f"{lemma} {prt}"} if prt else {lemma}
    if lemma == "be":
        met = any(c.dep_ == "acomp" and c.lower_ in lex.awaited_states for c in verb.children)
    else:
        met = bool(said & lex.awaited_preconditions)
    if not met:
        return False
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            word = c.lemma_.lower()
            if word in lex.harm_words or word in lex.incident_nouns:
                return False  # "until the outage was confirmed": waited on the harm itself
            if person_name(c, lex) is not None:
                return False  # "until the customer confirmed it": a prompt from outside
        if c.dep_ == "agent" and any(person_name(g, lex) for g in c.children):
            return False  # "confirmed by a customer"
    return True
