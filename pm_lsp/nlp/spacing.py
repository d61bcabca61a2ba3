"""Parses that line breaks and runs of spaces cannot change.

A sentence reaches the model as it is written: wrapped at 72 columns ("He should have\\n
checked the logs"), indented under a list item, with Windows line ends, or with markup
masked to spaces ("the **primary** failed" is read as "the   primary   failed"). spaCy
makes every such run of white space a token of its own (``_SP``), and the small model
reads those tokens as words: next to one, tags and heads change ("worker logs" becomes a
subject and a verb), so a sentence wrapped at one column is judged differently from the
same sentence wrapped at another, and a Windows file differently from a Unix one.

So a text with such a run is parsed as its *collapsed twin*: the same tokens, each run of
white space between them written as one space (the tokenizer splits a text at spaces
first, so the twin's tokens are the original's words, and that is checked). The pipeline
runs on the twin; its annotations are copied onto the tokens of the original text, whose
offsets the rules need. The white-space tokens get what the model gives a space token
(tag ``_SP``, part of speech ``SPACE``, attached to the word before it with ``dep``),
inside an entity when the words on both sides of them are. Every word token of the result
then carries exactly what a parse of the collapsed text gives it (tests prove it), however
the sentence was wrapped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import TrainablePipe
    from spacy.tokens import Doc
    from thinc.types import Ints2d

#: white space that is not a single space between two words: a line break, a tab, two
#: spaces, a space at either end
_LOOSE = re.compile(r"[^\S ]|  |^ | $")

#: what a twin's annotations are copied through, by name (``spacy.attrs``)
_PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


class Twin:
    """A text's tokens (``source``, not annotated yet) and its collapsed twin (``clean``):
    ``words[j]`` is the index in ``source`` of the twin's token ``j``."""

    __slots__ = ("clean", "source", "words")

    def __init__(self, source: Doc, clean: Doc, words: list[int]) -> None:
        self.source = source
        self.clean = clean
        self.words = words


def twin_of(nlp: Language, text: str) -> Twin | None:
    """The collapsed twin of ``text``, or None when it has no run of white space to
    collapse (or, never seen, when its twin does not tokenize into the same words)."""
    if not _LOOSE.search(text):
        return None
    return _twin(nlp, nlp.make_doc(text))


def _twin(nlp: Language, source: Doc) -> Twin | None:
    words = [t.i for t in source if not t.is_space]
    if not words or len(words) == len(source):
        return None
    parts: list[str] = []
    for n, k in enumerate(words):
        tok = source[k]
        parts.append(tok.text)
        if n + 1 < len(words) and (tok.whitespace_ or words[n + 1] != k + 1):
            parts.append(" ")
    clean = nlp.make_doc("".join(parts))
    if len(clean) != len(words) or any(
        c.text != source[k].text for c, k in zip(clean, words, strict=True)
    ):
        return None
    return Twin(source, clean, words)


def pipe(
    nlp: Language, texts: Sequence[str], disable: Sequence[str], *, collapse: bool = True
) -> list[Doc]:
    """``list(nlp.pipe(texts))`` where every text with a run of white space is parsed as its
    collapsed twin (see the module docstring). ``collapse=False``: as written, for a caller
    that keeps the shared token-to-vector output (``doc.tensor``), which stays on a twin."""
    twins: dict[int, Twin] = {}
    inputs: list[str | Doc] = []
    for i, text in enumerate(texts):
        twin = twin_of(nlp, text) if collapse else None
        if twin is None:
            inputs.append(text)
        else:
            twins[i] = twin
            inputs.append(twin.clean)
    docs = list(nlp.pipe(inputs, batch_size=64, disable=list(disable)))
    for i, twin in twins.items():
        _copy_parse(twin)
        if twin.clean.has_annotation("ENT_IOB"):
            _copy_entities(twin)
        docs[i] = twin.source
    return docs


def add_entities(
    nlp: Language, ner: TrainablePipe, docs: Sequence[Doc], *, collapse: bool = True
) -> None:
    """Run the entity recogniser on parsed ``docs`` in place, each through its collapsed
    twin when it has one (the recogniser reads nothing the other components write);
    ``collapse=False``: as written (see :func:`pipe`)."""
    plain: list[Doc] = []
    twins: list[Twin] = []
    for doc in docs:
        twin = _twin(nlp, doc) if collapse and any(t.is_space for t in doc) else None
        if twin is None:
            plain.append(doc)
        else:
            twins.append(twin)
    if plain:
        list(ner.pipe(plain, batch_size=64))
    if twins:
        list(ner.pipe([t.clean for t in twins], batch_size=64))
        for twin in twins:
            _copy_entities(twin)


def _copy_parse(twin: Twin) -> None:
    """The twin's tags, lemmas and dependency tree onto the source's tokens; each
    white-space token as the model marks one, hung on the word before it."""
    import numpy
    from spacy import attrs
    from spacy.parts_of_speech import SPACE

    ids = [getattr(attrs, name) for name in _PARSE_ATTRS]
    got = twin.clean.to_array(ids)  # string hashes: unsigned 64-bit
    source = twin.source
    words = numpy.array(twin.words, dtype="int64")
    out = numpy.zeros((len(source), len(ids)), dtype="uint64")
    out[words] = got
    head = _PARSE_ATTRS.index("HEAD")
    heads = out[:, head].view("int64")  # relative heads are signed
    # a relative head in the twin, as a relative head between the source's words
    heads[words] = words[numpy.arange(len(words)) + got[:, head].view("int64")] - words
    strings = source.vocab.strings
    space_row = {
        "TAG": strings.add("_SP"),
        "POS": SPACE,
        "MORPH": 0,
        "DEP": strings.add("dep"),
    }
    for tok in source:
        if not tok.is_space:
            continue
        for n, name in enumerate(_PARSE_ATTRS):
            if name == "HEAD":
                heads[tok.i] = _word_before(twin, tok.i) - tok.i
            elif name == "LEMMA":
                out[tok.i, n] = tok.orth
            else:
                out[tok.i, n] = space_row[name]
    source.from_array(ids, cast("Ints2d", out))


def _copy_entities(twin: Twin) -> None:
    """The twin's entities onto the source: a white-space token is inside an entity when
    the words on both sides of it are ("New\\nYork")."""
    import numpy
    from spacy import attrs

    ids = [attrs.ENT_IOB, attrs.ENT_TYPE]
    got = twin.clean.to_array(ids)
    source = twin.source
    out = numpy.zeros((len(source), 2), dtype="uint64")
    out[:, 0] = 2  # outside
    out[numpy.array(twin.words, dtype="int64")] = got
    for tok in source:
        if tok.is_space:
            after = tok.i + 1
            while after < len(source) and source[after].is_space:
                after += 1
            if tok.i > 0 and after < len(source) and out[after, 0] == 1:  # I: inside
                out[tok.i] = (1, out[after, 1])
    source.from_array(ids, cast("Ints2d", out))


def _word_before(twin: Twin, i: int) -> int:
    """The index of the last word before white-space token ``i`` (the first word when the
    text opens with white space)."""
    n = bisect.bisect_left(twin.words, i)
    return twin.words[n - 1] if n else twin.words[0]


__all__ = ["Twin", "add_entities", "pipe", "twin_of"]
