"""Reported speech: a quoted clause that a verb of saying gives to someone other than the
writers is recorded, not claimed.

A clause in double quotes that a verb of saying gives to a speaker ("A caller asked
whether "the depot had lost power"", ""the night batch ran twice", one clerk wrote") is
the writers' record of what someone said, whether or not the next sentence rejects it;
the families that judge claims (blame, impact) leave what lies inside it alone. What the
writers say themselves is still theirs: a quote they give to "we" or "I" ("we told the
vendor "your release broke the importer"") is their own claim, and so is everything
outside the quotation marks. Words in scare quotes (no verb of saying before or after
them) are no speech. The verbs of saying are the blame pack's ``reporting-verbs``.

A quotation may wrap over a line break of the source (sentence texts keep the line breaks
as written), and one that ends the sentence is open to its end: the closing mark after
the full stop belongs to no sentence (:func:`pm_lsp.nlp.sentences.sentence_spans`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from pm_lsp.cache import lru

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: a double-quoted stretch of a sentence: straight or curly marks; or open to the
#: sentence's end, where a quotation ends the sentence
QUOTED = re.compile(r"\"([^\"]+)(?:\"|$)|“([^”]+)(?:”|$)")
#: a quoted clause has at least this many words (fewer are a phrase named, not speech)
_CLAUSE_WORDS = 3
#: how many words may stand between the verb of saying and the quotation ("asked on the
#: phone whether", "wrote in the channel that")
_GAP_WORDS = 5
#: the writers as the speaker: a quote they give themselves is their claim
_WRITERS = frozenset({"i", "we"})


def reported_quotes(text: str, sdoc: Doc, saying: Collection[str]) -> Iterator[tuple[int, int]]:
    """The spans (inside the marks, relative to ``text``, the text of the parsed sentence
    ``sdoc``) of the sentence's quoted clauses said by someone other than the writers;
    ``saying`` holds the lemmas of the verbs of saying."""
    if '"' not in text and "“" not in text:
        return
    for m in QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        a, b = m.span(group)
        if len(m.group(group).split()) < _CLAUSE_WORDS:
            continue
        verb = _saying_verb(text, sdoc, saying, m.start(), m.end())
        if verb is not None and not _writers_say(verb):
            yield a, b


def partial_quotes(text: str, sdoc: Doc, saying: Collection[str]) -> Iterator[tuple[int, int]]:
    """The spans (as :func:`reported_quotes` gives them) of quotations of any length that
    sit inside the clause a verb of saying before them governs, said by someone other than
    the writers: part of what was said is quoted, the rest told in the writers' words ("a
    blog wrote that the crew "was careless"", "a paper said the clerk "forgot to file"
    it")."""
    if '"' not in text and "“" not in text:
        return
    for m in QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        a, b = m.span(group)
        verb = _saying_verb(text, sdoc, saying, m.start(), m.end())
        if verb is not None and not _writers_say(verb) and _governs(verb, sdoc, a):
            yield a, b


def _governs(verb: Token, sdoc: Doc, at: int) -> bool:
    """Does ``verb`` come before the quoted word at ``at`` and govern it as what was said,
    not through a clause joined to it by "and" ("a blog reported the outage, and the crew
    "forgot" ...": the crew's part is the writers')?"""
    tok = next((t for t in sdoc if t.idx >= at), None)
    if tok is None or tok.i <= verb.i:
        return False
    node = tok
    while node.i != verb.i:
        if node.dep_ == "conj" or node.head.i == node.i:
            return False
        node = node.head
    return True


def _saying_verb(
    text: str, sdoc: Doc, saying: Collection[str], opened: int, closed: int
) -> Token | None:
    """The verb of saying the quotation belongs to: a few words before its opening mark
    ("asked whether", "wrote in the channel that", "said:") or right after its closing one
    (""...", one reader wrote"), with no other verb between (in "the notes said the field
    was optional, and "..."", what was said is the clause before the quotation)."""
    for tok in sdoc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in saying:
            continue
        end = tok.idx + len(tok.text)
        if end <= opened:
            gap = (end, opened)
        elif tok.idx >= closed:
            gap = (closed, tok.idx)
        else:
            continue
        if len(text[gap[0] : gap[1]].split()) <= _GAP_WORDS and not _verb_in(sdoc, *gap):
            return tok
    return None


def _verb_in(sdoc: Doc, start: int, end: int) -> bool:
    """A verb between the verb of saying and the quotation; an auxiliary of the quoted
    verb ("said the crew had "botched it"") is none."""
    return any(
        start <= t.idx < end and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
        for t in sdoc
    )


def _writers_say(verb: Token) -> bool:
    """Is the speaker the writers ("we asked", "I wrote")? Then the quote is their claim."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _WRITERS for c in verb.children)


#: how many words make a quoted stretch a message cited rather than a term named in quotes
MESSAGE_WORDS = 3


@lru(4)
def _message_pattern(longest: int) -> re.Pattern[str]:
    return re.compile(rf'"([^"]{{1,{longest}}})"|\u201c([^\u201d]{{1,{longest}}})\u201d')


def quoted_messages(text: str, longest: int = 200) -> Iterator[re.Match[str]]:
    """The messages ``text`` quotes, with or without a verb of saying: a stretch of at
    least :data:`MESSAGE_WORDS` words (and at most ``longest`` characters) in double
    quotes, straight or curly ('the banner read "a few customers may see delays"', a
    customer's chat line, a button's label). Someone else's wording as written; a term in
    scare quotes ('a "handful" of users') is none."""
    for m in _message_pattern(longest).finditer(text):
        if len((m.group(1) or m.group(2) or "").split()) >= MESSAGE_WORDS:
            yield m
