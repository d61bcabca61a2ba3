"""The pipeline's rule lemmatizer, answered from a table per (word, POS, morphology).

spaCy's rule lemmatizer walks a doc token by token in Python, and for each token asks
:meth:`~spacy.pipeline.Lemmatizer.rule_lemmatize`, whose own cache leaves out the commonest
case (a word in its base form is answered before the cache is read, every time): about a
tenth of a parse. Its answer is a function of the token's text, coarse tag and morphology
and of the lookup tables, nothing else, so :class:`MemoLemmatizer` reads those three columns
of a doc at once (``Doc.to_array``), asks the stock method only for a combination it has not
met, and writes the lemmas back as one column (``Doc.from_array``). Tokens that already
have a lemma (set by the attribute ruler) keep it, as with the stock component. The stock
method's word index is turned from lists into sets (:func:`_index_as_sets`), the same
answers without a scan of 57,000 words per question.

:func:`install` wraps the loaded pipeline's lemmatizer only when it is spaCy's own class in
``rule`` mode without ``overwrite``; the tests that compare every token attribute with a
stock ``spacy.load`` (``tests/test_nlp_attribute_rules.py``) cover it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: combinations remembered before the table starts over (a few MB at most)
LIMIT = 100_000


class MemoLemmatizer:
    """Calls a rule lemmatizer's method once per (word, POS, morphology) combination."""

    def __init__(self, stock: Any) -> None:
        self._stock = stock
        self._lemma: dict[tuple[int, int, int], int] = {}

    def __getattr__(self, name: str) -> Any:
        """Everything else is the stock component's (its tables, mode, name): code that
        reads the lemmatizer's lookups reads the ones it answers from."""
        if name.startswith("__") or name in ("_stock", "_lemma"):
            raise AttributeError(name)
        return getattr(self._stock, name)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        known = self._lemma
        if len(known) > LIMIT:
            known.clear()
        strings = doc.vocab.strings
        out: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            got = known.get(key)
            if got is None:
                got = known[key] = strings.add(self._stock.lemmatize(doc[i])[0])
            out.append(got)
        column: Any = numpy.array(out, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """What ``nlp.pipe`` calls (else it would find the stock component's ``pipe``
        through :meth:`__getattr__`, which calls the stock ``__call__``)."""
        for doc in docs:
            yield self(doc)


def install(nlp: Language, name: str = "lemmatizer") -> bool:
    """Answer the pipeline's lemmatizer ``name`` from a :class:`MemoLemmatizer` (the
    component keeps its name, its class and its tables; only its ``__call__`` is routed).
    False, with nothing changed, unless it is spaCy's rule lemmatizer as loaded."""
    from spacy.pipeline import Lemmatizer

    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, Lemmatizer) or stock.mode != "rule" or stock.overwrite:
        return False
    _index_as_sets(stock)
    memo = MemoLemmatizer(stock)
    for i, (pipe_name, component) in enumerate(nlp._components):
        if component is stock:
            nlp._components[i] = (pipe_name, memo)  # same name, same place
            break
    return True


def _index_as_sets(stock: Any) -> None:
    """The lemmatizer's word index as sets: ``rule_lemmatize`` asks whether a candidate
    form is a known word with ``in``, and the tables hold lists (57,000 nouns): a scan per
    question, most of the cost of lemmatising a word met for the first time. A set answers
    every ``in`` as the list did; nothing else reads the index."""
    if not stock.lookups.has_table("lemma_index"):
        return
    index = stock.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        words = index[key]
        if isinstance(words, list):
            index[key] = frozenset(words)


#: the name of the vocabulary's table of English verbs in their base form
VERB_TABLE = "pm_lsp_verb_bases"
#: ... and of English adjectives (about 21,000, WordNet's, from the same index)
ADJECTIVE_TABLE = "pm_lsp_adjective_bases"


def remember_verbs(nlp: Language, name: str = "lemmatizer") -> None:
    """Keep the lemmatizer's index of verbs (the base forms it knows, about 8,700 from
    WordNet) and of adjectives as tables of the pipeline's vocabulary, where a rule
    holding a token finds them (:func:`is_verb_base`, :func:`is_adjective`). Nothing is
    kept without a rule lemmatizer and its index."""
    if name not in nlp.pipe_names or nlp.vocab.lookups.has_table(VERB_TABLE):
        return
    lookups = getattr(nlp.get_pipe(name), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    verbs = index.get("verb")
    if verbs:
        nlp.vocab.lookups.add_table(VERB_TABLE, dict.fromkeys(verbs, True))
    adjectives = index.get("adj")
    if adjectives and not nlp.vocab.lookups.has_table(ADJECTIVE_TABLE):
        nlp.vocab.lookups.add_table(ADJECTIVE_TABLE, dict.fromkeys(adjectives, True))


def is_adjective(tok: Token) -> bool:
    """Is the token's word an English adjective by the lemmatizer's index? A verb's base
    form the tagger calls an adjective but the index does not ("Refresh", "Rebuild" at the
    start of an item) is an imperative misread; "Clean", "Clear", "Open" are both."""
    lookups = tok.vocab.lookups
    return lookups.has_table(ADJECTIVE_TABLE) and tok.lower_ in lookups.get_table(ADJECTIVE_TABLE)


def is_verb_base(tok: Token) -> bool:
    """Is the token's word an English verb in its base form ("exercise", "print", "stage")
    by the lemmatizer's index? The tagger often reads an imperative at the start of an item
    as a noun or adjective; a verb's base form is what an imperative is written in. (A
    noun that is also a verb, "test", "load", is one too: callers ask the parse as well.)"""
    lookups = tok.vocab.lookups
    return lookups.has_table(VERB_TABLE) and tok.lower_ in lookups.get_table(VERB_TABLE)
