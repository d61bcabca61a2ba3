"""A firm named by its name as the party of a "should have" (bl44 class 2).

"The contractor should have tested the importer" is PM103: a party judged by what it
should have done. Named, the same contractor went unread ("Harwick Logistics should have
checked the manifest"): a capitalised name the person list and the entity recogniser do not
know is as often a tool ("Jenkins should have tested the branch", "Datadog should have
warned us"), and one sentence cannot tell them apart. The last word of a firm's name can
(``firm-words``: Logistics, Consulting, Partners ...; a company suffix too), and then only
with an act people do (``human-actions``). A bare name stays clean by design.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def firm_name(subj: Token, verb: Token, lex: BlameLexicon) -> str | None:
    """The firm's name when ``subj`` is a capitalised name ending in a firm word and ``verb``
    is one of ``human-actions``; else None."""
    if verb.lemma_.lower() not in lex.human_actions:
        return None
    words = [t for t in subj.subtree if t.i <= subj.i and t.dep_ != "det"]
    if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
        return None  # "the Logistics team", "Group" alone: no name before the firm word
    last = words[-1].lower_.rstrip(".")
    if last not in lex.firm_words:
        return None
    return subj.doc[words[0].i : subj.i + 1].text
