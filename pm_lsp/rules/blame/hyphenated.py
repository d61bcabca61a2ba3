"""Hyphenated destructive acts: "Oskar force-pushed over main", "the intern force-deleted
the volume claim" (PM101).

The tokenizer splits a hyphenated verb at its hyphen, and the small model then reads the
first part as a noun: "force" becomes the subject with the name as its compound, or an
adverbial noun with the name as an interjection, or the whole sentence collapses into a
noun phrase ("... force-deleted the volume claim" parsed with "claim" as its root). The
tree cannot be trusted for who did what here, so this judge reads the words in order: the
agent is the word just before the prefix (a listed given name, an @handle, a role noun or
a third-person pronoun, as for :func:`pm_lsp.rules.blame.acts.destructive`), the act is a
listed hyphenated verb ("force-push") or a listed verb after any prefix ("mass-deleted"),
past and not passive. The clean readings of the unhyphenated act are read from the words
after the verb: a purpose ("to update the pull request"), something disposable or the
agent's own ("the stale pods", "his own branch"), a reason, or a restoring verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.acts import _listed_agent
from pm_lsp.rules.blame.extract import hyphen_prefix, person_name
from pm_lsp.rules.blame.grammar import _Ctx, _lemma, _question, _rationale

if TYPE_CHECKING:
    from spacy.tokens import Token

#: words that may stand before the agent inside its noun phrase ("the new intern")
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})
_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?"})


def act(ctx: _Ctx, verb: Token) -> None:
    """A person just before a hyphenated destructive act in the past (see the module)."""
    lex = ctx.lex
    prefix = hyphen_prefix(verb)
    if prefix is None or verb.tag_ not in ("VBD", "VBN") or _question(ctx):
        return
    lemma = _lemma(verb, lex)
    if (
        lemma not in lex.destructive_verbs
        and f"{prefix.lower_}-{lemma}" not in lex.destructive_verbs
    ):
        return
    doc = verb.doc
    at = prefix.i - 1
    accident = at >= 0 and doc[at].lower_ in lex.accident_adverbs
    at -= accident  # "Kevin accidentally force-pushed"
    if at < 0:
        return
    agent = doc[at]
    if agent.text in ctx.systems or person_name(agent, lex) is None:
        return
    if not _listed_agent(agent, lex) or (agent.lower_ in ("we", "i", "us") and not accident):
        return  # a first-person account owns the act; it names no culprit
    if _rationale(verb, lex, ctx.stext) or (not accident and _explained(ctx, verb)):
        return
    start = at
    while start > 0 and doc[start - 1].pos_ in _NP_POS and doc[start - 1].tag_ != "CD":
        start -= 1
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(doc[start]),
        ctx.end(verb),
        "person-as-cause",
        person=True,
        who=doc[start : at + 1].text,
        verb=doc[prefix.i : verb.i + 1].text,
    )


def _explained(ctx: _Ctx, verb: Token) -> bool:
    """The words after the act explain or excuse it: a purpose clause ("to unblock the
    rollout"), a disposable or own object up to the end of the clause ("the stale pods",
    "his own branch"), or a restoring verb later in the sentence ("... and restored it")."""
    lex = ctx.lex
    doc = verb.doc
    in_clause = True
    for i in range(verb.i + 1, len(doc)):
        tok = doc[i]
        if tok.text in _CLAUSE_END:
            in_clause = False
        if tok.lemma_.lower() in lex.restore_verbs:
            return True
        if not in_clause:
            continue
        if tok.lower_ == "to" and i + 1 < len(doc) and doc[i + 1].tag_ == "VB":
            return True
        if tok.lower_ in lex.disposable or tok.lower_ == "own":
            return True
    return False
