"""The given-name list: a person named in a way the entity recogniser does not know.

The small English model's entity recogniser knows common English names and misses most
others, so "Lucía forgot to renew the certificate" went unflagged where "Kevin forgot to
renew the certificate" was caught. ``rules/given_names.txt`` lists about 20,000 given
names in Latin script from many languages and cultures; its header states where they come
from, how they were filtered (no name that is also an English word) and the licence. It is
read once per process. A name is matched as written or without its diacritics
(:func:`is_given_name`).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from pm_lsp.policy.rulepack import rules_dir

FILE = "given_names.txt"


def plain(word: str) -> str:
    """``word`` without its diacritics ("Siobhán" -> "Siobhan"): the sources write many
    names without the accents their bearers use, and a person's name is theirs either way."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_given_name(word: str, names: frozenset[str]) -> bool:
    """``word`` is in ``names`` as written, or without its diacritics, or it is written
    wholly in another script than Latin (:func:`in_another_script`)."""
    return word in names or (
        not word.isascii() and (plain(word) in names or in_another_script(word))
    )


def in_another_script(word: str) -> bool:
    """``word`` is written wholly in letters of a script other than Latin ("王伟", "김민수",
    "Ольга"). In English prose such a word is a person's name as its bearer writes it:
    "王伟 broke the partitions" names a person as surely as "Wang Wei broke ..." does, and
    no list of names in Latin script can hold it."""
    return bool(word) and all(
        c.isalpha() and not unicodedata.name(c, "LATIN").startswith("LATIN") for c in word
    )


def read_names(path: Path) -> frozenset[str]:
    """The names in ``path``: one per line, '#' lines are comments; kept as written."""
    # one comprehension over the lines: ~20,000 names, read in every process that looks
    # for a person (a loop with a call per line cost ~2x as much)
    lines = map(str.strip, path.read_text(encoding="utf-8").splitlines())
    return frozenset([name for name in lines if name and name[0] != "#"])


@cache
def given_names() -> frozenset[str]:
    """The shipped given names (empty when the file is missing: detection then relies on
    the entity recogniser alone, as before the list existed)."""
    path = rules_dir() / FILE
    return read_names(path) if path.is_file() else frozenset()
