"""Inverted conditional counterfactuals opened by "were" or "should" (bl39 class 4, PM103).

"Were the dispatcher to have read the ticket, the truck would have left on time", "should
the engineer have checked the replica lag, the failover would have been clean": the
inverted "had" of :func:`pm_lsp.rules.blame.acts.had_inverted` in its other two forms,
read on the words (the small model parses the opener as it likes). The clause before the
comma has a person or a team as its subject and an act ("to have <participle>", "to
<verb>" after "were"; "have <participle>" after "should"); the clause after it a
"would/could/might ... have". Clean: a thing's ("were the disk to fill, the job would
stop", "should the queue have filled, ..."), a plan ("were we to add a replica, reads would
spread out": no perfect in the main clause), a denial ("were the lead not to have ..."), a
question, the substitution test ("... would have hit the same gap") and a worse path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _question, modal_word, worse_otherwise

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_OPENERS = frozenset({"were", "should"})
_NOT = frozenset({"not", "n't", "never"})


def were_inverted(ctx: _Ctx) -> None:
    """The finding on the inverted clause, from its opener to the comma, or nothing."""
    sdoc = ctx.sdoc
    first = next((t for t in sdoc if not (t.is_punct or t.is_space)), None)
    if first is None or first.lower_ not in _OPENERS or _question(ctx):
        return
    comma = next((t.i for t in sdoc if t.text == "," and t.i > first.i), None)
    if comma is None or comma < first.i + 4:
        return
    clause = sdoc[first.i + 1 : comma]
    if any(t.lower_ in _NOT for t in clause) or not _acted(clause, first.lower_):
        return
    pivot = "to" if first.lower_ == "were" else "have"
    cut = next(t.i for t in clause if t.lower_ == pivot)
    subject = [t for t in sdoc[first.i + 1 : cut] if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not any(person_name(t, ctx.lex) is not None for t in subject):
        return
    rest = [modal_word(t) for t in sdoc[comma + 1 :]]
    if "same" in rest or not _perfect_after(rest):
        return  # "... he would have hit the same gap": the substitution test
    main = next((t for t in sdoc[comma + 1 :] if t.dep_ == "ROOT"), None)
    if main is not None and worse_otherwise(main, ctx.lex):
        return  # the other path was worse, which defends what was done
    modal = next(w for w in rest if w in ("would", "could", "might"))
    ctx.add(
        specs.counterfactual.code,
        ctx.off(first),
        ctx.end(sdoc[comma - 1]),
        "if-acted",  # the message quotes the opener: "were ... would have"
        person=True,
        phrase=f"{first.lower_} ... {modal} have",
    )


def _acted(clause: Span, opener: str) -> bool:
    """An act after the subject: "to have <participle>" or "to <verb>" after "were",
    "have <participle>" after "should"; not a state ("to have been", "to be")."""
    words = [t.lower_ for t in clause]
    for k, w in enumerate(words[1:-1], start=1):
        nxt = clause[k + 1]
        if opener == "were" and w == "to":
            if words[k + 1] == "have" and k + 2 < len(words):
                verb = clause[k + 2]
                return _participle(verb)
            return nxt.tag_ == "VB" and nxt.lower_ not in ("be", "have")
        if opener == "should" and w == "have":
            return _participle(nxt)
    return False


def _participle(verb: Token) -> bool:
    """A participle, or one spelled like its base form that the small model tags as one
    ("to have read the ticket", "have put it back"); not "been"."""
    if verb.lower_ == "been":
        return False
    return verb.tag_ in ("VBN", "VBD") or (verb.tag_ in ("VB", "VBP") and verb.pos_ == "VERB")


def _perfect_after(rest: list[str]) -> bool:
    """A "would/could/might" with "have" a few words after it ("would almost certainly
    have been quicker", "would never have shipped")."""
    return any(
        w in ("would", "could", "might")
        and any(x in ("have", "'ve", "’ve") for x in rest[k + 1 : k + 6])
        for k, w in enumerate(rest)
    )
