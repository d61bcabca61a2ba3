"""An act held back that would itself have been wrong (bl44 class 1).

PM103 reads "the vendor did not read the change notice" as a lapse: a party left undone
what its job asked. The same words about a thing the party had no business holding tell
the opposite: "the clerk did not open the misdirected parcel", "the temp who was sent the
wrong export confirmed she did not read it, as it was not meant for her". Holding back
there is correct conduct, and a security all-clear besides. The judge asks two things of a
negated act of taking in or using (``abstained-acts``): is its object marked as out of its
place (``abstained-marks`` on the object, or on an "of" noun after it), or does the sentence
say the thing was not the party's (``not-theirs``), or deny a use of it in the same breath
(``misuse-acts``: "did not read or copy the records")? Upkeep on such a thing ("nobody rotated
the exposed keys") is not one of these acts, so it stays a lapse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame.grammar import _lemma

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def rightly_abstained(verb: Token, lex: BlameLexicon, stext: str) -> bool:
    """Is the denied ``verb`` the party keeping its hands off what was not its own? Read
    on the verb and on the verbs coordinated with it ("did not open or copy the folder":
    the object hangs on "use")."""
    if _lemma(verb, lex) not in lex.abstained_acts:
        return False
    if lex.not_theirs.search(stext):
        return True
    acts = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if any(_lemma(act, lex) in lex.misuse_acts for act in acts[1:]):
        return True  # "did not read or copy the records": an attestation of handling
    return any(_marked(noun, lex) for act in acts for noun in _held_things(act))


def _held_things(act: Token) -> Iterator[Token]:
    """The things ``act`` takes in: its object, the noun after a preposition on it ("looked
    at the export"), and each "of" noun after those ("the contents of the archive")."""
    todo = [c for c in act.children if c.dep_ == "dobj"]
    todo += [g for c in act.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    while todo:
        noun = todo.pop()
        yield noun
        todo += [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]


def marked_out(noun: Token, lex: BlameLexicon) -> bool:
    """``noun`` is marked as out of its place: a passive's subject ("the misdirected email
    was not read by the clerk") as an object is for :func:`rightly_abstained`."""
    return _marked(noun, lex)


def _marked(noun: Token, lex: BlameLexicon) -> bool:
    """Does a word right on ``noun`` mark it as out of its place ("the leaked ledger", "the
    records exposed in the breach")? Not a word deeper in a clause on it: "the notice that
    warned of leaked keys" is still a notice to read."""
    return any(
        c.dep_ in ("amod", "compound", "acl") and c.lower_ in lex.abstained_marks
        for c in noun.children
    )
