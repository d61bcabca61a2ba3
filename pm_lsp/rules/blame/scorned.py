"""A group's habit of neglect told as self-evident.

"Nobody checked the queue" is an omission in the incident's past, and PM103 reads it so; in
the present, "nobody reads the digest" usually states a fact about a thing's use and stays
clean. Said with a scornful "Obviously," or "Clearly," before it and of the people of a
named group ("Obviously, nobody on that desk reads their queue", "Clearly, no one in
support looks at the alerts"), the present is a habit held against the group: the same
omission framing. Not when the writers act on it in the same sentence ("..., so we will stop
sending it"), nor a possibility ("nobody could have seen the alert"), nor a state done to
the group ("nobody on the desk was told").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def scorned_habit(verb: Token, subj: Token, lex: BlameLexicon) -> bool:
    """Is the present ``verb`` of "nobody" (``subj``) a group's habit held up with scorn:
    the sentence opened by one of ``habit-scorn-adverbs`` set off by a comma, "nobody"
    narrowed to a group by "on/in/at ...", and no first-person subject after the verb?"""
    if verb.tag_ != "VBZ" or not any(
        c.dep_ == "prep" and c.lower_ in ("on", "in", "at") for c in subj.children
    ):
        return False
    sent = verb.sent
    words = [t for t in sent if (not t.is_space and not t.is_punct) or t.text == ","]
    if len(words) < 3 or words[0].lower_ not in lex.habit_scorn_adverbs:
        return False
    if words[1].text != "," and words[1].i != subj.left_edge.i:
        return False  # "Clearly nobody ..." or "Clearly, nobody ...": set off at the start
    return not any(
        t.dep_ == "nsubj" and t.lower_ in FIRST_PERSON and t.i > verb.i for t in sent
    )  # "..., so we will stop sending it": the writers act on a fact
