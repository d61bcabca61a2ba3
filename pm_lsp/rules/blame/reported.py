"""Reported speech: blame that someone else said, quoted inline, is recorded, not claimed.

A blockquote of a responder's words is not checked at all (the family's note on quoted
speech): the writers record what was said. The same words quoted inline, as a clause in
double quotes that a verb of saying gives to someone ("Several callers asked whether
"someone forgot to unlock the gate"", ""the night shift dropped it", one reader wrote")
are that record too, whether or not the next sentence rejects them. What the writers say
themselves is still judged: a quote they give to "we" or "I" ("we told the vendor "your
patch broke the cluster"") is their own claim, and so is everything outside the quotation
marks. Words in scare quotes (no verb of saying before or after them) stay with the judges
that read them (:func:`pm_lsp.rules.blame.grammar.quoted_span`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pm_lsp.rules.blame.grammar import BlameHit, _Ctx
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a double-quoted stretch of a sentence: straight or curly marks, on one line; or open to
#: the sentence's end, where a quotation ends the sentence (the closing mark after its full
#: stop belongs to no sentence: :func:`pm_lsp.nlp.sentences.sentence_spans`)
_QUOTED = re.compile(r"\"([^\"\n]+)(?:\"|$)|“([^”\n]+)(?:”|$)")
#: a quoted clause has at least this many words (fewer are a phrase named, not speech)
_CLAUSE_WORDS = 3
#: how many words may stand between the verb of saying and the quotation ("asked on the
#: phone whether", "wrote in the channel that")
_GAP_WORDS = 5


def without_reported(ctx: _Ctx, hits: list[BlameHit]) -> list[BlameHit]:
    """``hits`` less those that lie inside a quoted clause someone else is reported to
    have said (see the module doc)."""
    if not hits or ('"' not in ctx.stext and "“" not in ctx.stext):
        return hits
    spans = [(ctx.sent.base + a, ctx.sent.base + b) for a, b in _reported_quotes(ctx)]
    if not spans:
        return hits
    return [h for h in hits if not any(a <= h.start and h.end <= b for a, b in spans)]


def _reported_quotes(ctx: _Ctx) -> Iterator[tuple[int, int]]:
    """The sentence-relative spans (inside the marks) of its quoted clauses said by
    someone other than the writers."""
    for m in _QUOTED.finditer(ctx.stext):
        group = 1 if m.group(1) is not None else 2
        a, b = m.span(group)
        if len(m.group(group).split()) < _CLAUSE_WORDS:
            continue
        verb = _saying_verb(ctx, m.start(), m.end())
        if verb is not None and not _writers_say(verb):
            yield a, b


def _saying_verb(ctx: _Ctx, opened: int, closed: int) -> Token | None:
    """The verb of saying the quotation belongs to: a few words before its opening mark
    ("asked whether", "wrote in the channel that", "said:") or right after its closing one
    (""...", one reader wrote"), with no other verb between (in "the notes said the field
    was optional, and "..."", what was said is the clause before the quotation)."""
    words = ctx.lex.reporting_verbs
    for tok in ctx.sdoc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in words:
            continue
        end = tok.idx + len(tok.text)
        if end <= opened:
            gap = (end, opened)
        elif tok.idx >= closed:
            gap = (closed, tok.idx)
        else:
            continue
        if len(ctx.stext[gap[0] : gap[1]].split()) <= _GAP_WORDS and not _verb_in(ctx, *gap):
            return tok
    return None


def _verb_in(ctx: _Ctx, start: int, end: int) -> bool:
    return any(start <= t.idx < end and t.pos_ in ("VERB", "AUX") for t in ctx.sdoc)


def _writers_say(verb: Token) -> bool:
    """Is the speaker the writers ("we asked", "I wrote")? Then the quote is their claim."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in verb.children)
