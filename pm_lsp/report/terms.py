"""Key terms of a cause statement: lemmatised noun phrases, to group incidents by.

The quarterly review asks "what keeps failing?", and two postmortems rarely word one cause
the same way ("the certificates expired", "an expired certificate", "certificate expiry").
Lemmas make the inflections meet, and the noun phrase keeps what the cause is about: for
each spaCy noun chunk, the run of nouns (compound modifiers and the head) is one term
("certificate expiry", "retry policy"), and its head noun is another ("certificate" when
the chunk was "the expired certificate"), and so is every shorter run of two or more of its
nouns ("connection pool" of "connection pool exhaustion"). Determiners, pronouns, adjectives
and stop words are dropped; so are the team's generic words (``rules/report.toml``:
"incident", "issue", "root cause"...), which every postmortem uses and which group nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.rulepack import RulePack

FAMILY = "report"
#: the longest run of nouns kept as one term ("queue depth alert threshold" -> its last
#: three); longer runs are names, not shared causes
MAX_WORDS = 3
_NOUNS = frozenset({"NOUN", "PROPN"})


def generic_terms(pack: RulePack) -> frozenset[str]:
    """The pack's words too general to group by (lower-case lemmas)."""
    return pack.derived(_generic)


def _generic(pack: RulePack) -> frozenset[str]:
    return frozenset(w.lower() for w in pack.words(FAMILY, "generic-terms"))


def key_terms(texts: Iterable[str], nlp: NLP, pack: RulePack) -> tuple[str, ...]:
    """The distinct key terms of ``texts`` (cause statements), sorted. Parses through the
    NLP object's cache, without entities (none are read)."""
    generic = generic_terms(pack)
    found: set[str] = set()
    chunks = [t for t in texts if t.strip()]
    for doc in nlp.parse_many(chunks, entities=False):
        for chunk in doc.noun_chunks:
            found.update(_chunk_terms(chunk, generic))
    return tuple(sorted(found))


def _chunk_terms(chunk: Any, generic: frozenset[str]) -> list[str]:
    """The noun runs ending at the chunk's head, and the head alone (see the module)."""
    root = chunk.root
    if root.pos_ not in _NOUNS:
        return []
    run: list[str] = []
    for tok in reversed(list(chunk)):
        if tok.i > root.i:
            continue
        if tok.pos_ not in _NOUNS or not tok.is_alpha or tok.is_stop:
            break
        run.append(_lemma(tok))
    run.reverse()
    while run and run[0] in generic:
        run.pop(0)
    while run and run[-1] in generic:
        run.pop()
    # one letter, or one letter repeated ("xxxxxx", a redacted name), is no term
    run = [w for w in run if len(set(w)) > 1][-MAX_WORDS:]
    # every run of two or more words in it ("connection pool exhaustion" also gives
    # "connection pool" and "pool exhaustion"), and the head noun alone
    out = [" ".join(run[i:j]) for i in range(len(run)) for j in range(i + 2, len(run) + 1)]
    if run and run[-1] not in generic:
        out.append(run[-1])
    return out


def _lemma(tok: Any) -> str:
    """The lower-case lemma; a proper noun keeps its form (a product name has no
    inflections to fold, and the lemmatiser would cut "AWS" to "aw")."""
    word = tok.text if tok.pos_ == "PROPN" else (tok.lemma_ or tok.text)
    return str(word).lower()
