"""A party that is no one: "nobody", "none of the agents", "no reviewer", "not one operator",
"not a single nurse".

Such a subject denies its verb for everyone it could name. With a verb that is itself a lapse
("missed", "ignored", "skipped", "failed to") the sentence is a double negation that says the
people did what was asked ("no student missed the deadline", "nobody failed to follow the
checklist"): the blameless finding, not a person as the cause. With a verb of care
("bothered to", "checked") the same subject pins an omission on the group, so the readers
that judge omissions ask this too. The words are the pack's (``denied-parties``,
``denying-words``); "no fewer than three operators" counts people and is no denial."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def denied_party(subj: Token, lex: BlameLexicon) -> bool:
    """``subj`` heads a phrase that names no one: a word of ``denied-parties`` itself, or a
    phrase that opens with one of ``denying-words`` hung on it ("no reviewer", "not a single
    responder") or on the number right after it ("not one operator"); a "no" inside a count
    ("no fewer than four") is left alone."""
    if subj.lower_ in lex.denied_parties:
        return True
    first = subj.left_edge
    if first.lower_ not in lex.denying_words or first.dep_ not in ("det", "neg"):
        return False
    num = first.head  # "not one operator": the denial hangs on the number right after it
    return num == subj or (num.head == subj and num.dep_ == "nummod" and num.i == first.i + 1)
