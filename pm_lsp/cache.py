"""Bounded memo tables for the rules' per-sentence and per-block work.

Incremental by construction: an edit changes one block, so the work
that depends only on a block's or a sentence's text (and the little context that changes
its verdict: the section it sits in, the rule pack, the rule's options) is done once and
reused by every later lint. spaCy parses were already cached by text (:mod:`pm_lsp.nlp.pipeline`);
these tables do the same for the Python work on top of them: prefilter verdicts, judge
results, sentence splits.

Rules of use, because a memo must never serve a stale answer:

* Only a **pure function of the key** may be stored. The key holds everything the value
  reads: the text (masked *and* original where both are read), the context that changes
  the verdict, and the identity of the rule pack (a pack object is immutable once loaded;
  its identity stands for its words). Whatever depends on other parts of the document (a
  section being empty, a timeline's order, the first sentence of a section) is computed
  fresh on each lint and, where needed, passed in the key.
* Offsets in stored values are **relative** to the block or sentence (or to a window of
  text that is part of the key) and shifted on reuse, so a paragraph that moves keeps its
  entry.
* Tables are LRUs bounded by entry count. They live on the :class:`~pm_lsp.nlp.NLP` object
  (``nlp.memo(name)``), so the CLI, the language server and the tests each share them
  across lints, and ``nlp.clear()`` empties them with the parse cache.

``tests/test_memo.py`` proves the claim: after each of a sequence of edits, a lint through
warm tables equals a lint with empty ones.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

V = TypeVar("V")

#: entries per table: above the sentence count of the largest documents the language
#: server handles (a 10,000-word postmortem has ~1,500 sentences), times a few open
#: documents, so that re-linting one document never cycles through an LRU too small for it
#: (a cyclic scan over a too-small LRU hits nothing)
DEFAULT_SIZE = 16_384


class Memo(Generic[V]):
    """A thread-safe LRU from hashable keys to values. ``None`` is not a storable value."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()
        self.hits = 0  #: for tests and benchmarks
        self.misses = 0

    def get(self, key: Hashable) -> V | None:
        """The value under ``key`` (now the most recent), or None.

        Lock-free: the rules ask thousands of times per lint, and the lock was most of the
        cost of a hit. Each of the two dictionary operations is one atomic C call; should
        another thread's ``put`` evict the key between them, the value read is still the
        one stored under the key, and the move is simply skipped (``hits``/``misses`` are
        statistics, and a lost increment under a race is harmless)."""
        data = self._data
        value = data.get(key)
        if value is None:
            self.misses += 1
            return None
        try:  # noqa: SIM105 (contextlib.suppress costs more than the move itself)
            data.move_to_end(key)
        except KeyError:
            pass
        self.hits += 1
        return value

    def put(self, key: Hashable, value: V) -> V:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class MemoSet:
    """Named :class:`Memo` tables, created on first use (one set per NLP object)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._tables: dict[str, Memo[Any]] = {}
        self._size = size
        self._lock = threading.Lock()

    def table(self, name: str) -> Memo[Any]:
        table = self._tables.get(name)
        if table is None:
            with self._lock:
                table = self._tables.setdefault(name, Memo(self._size))
        return table

    def clear(self) -> None:
        with self._lock:
            for t in self._tables.values():
                t.clear()

    def stats(self) -> dict[str, tuple[int, int, int]]:
        """Per table: (entries, hits, misses)."""
        return {n: (len(t), t.hits, t.misses) for n, t in sorted(self._tables.items())}


def settle_heap() -> None:
    """Collect garbage, then move every object alive now into the garbage collector's
    permanent generation (``gc.freeze``), where full collections no longer traverse it.

    Called once after each big one-time load that stays for the life of the process: the
    spaCy pipeline (~80,000 objects) and textstat's pronouncing dictionary (~270,000
    lists, loaded on the first grade). Without it every full collection walks them all,
    ~170 ms on a warm language server, and one in every dozen or so edits paid that on top
    of its lint. Objects frozen here are still freed by reference counting when released;
    only reference cycles among them stay for good: at most what was alive besides the
    load itself (the document being linted when the first grade is computed), once per
    process.
    """
    gc.collect()
    gc.freeze()
