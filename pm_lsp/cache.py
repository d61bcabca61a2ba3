"""One cache policy for the whole process: what may be cached, under which key, and how
every cache is emptied by one call.

Incremental by construction: an edit changes one block, so the work that depends only on a
block's or a sentence's text (and the little context that changes its verdict) is done once
and reused by every later lint, and what several rules derive from one parsed document is
derived once per document.

What may be cached
    Only a **pure function of the key**. The key holds everything the value reads: the
    text (masked *and* original where both are read), the context that changes the verdict
    (the section it sits in, whether a sentence is a root-cause statement), and the rule
    pack, template and rule options it reads. A pack, a template, a compiled lexicon or an
    NLP object stands in a key by identity: none is changed once built, so its identity
    stands for its words. Whatever depends on other parts of the document (a section being
    empty, a timeline's order) is computed on each lint and, where needed, passed in the
    key.

    Values are **immutable** (tuples, frozensets, frozen dataclasses): a caller that could
    change a stored value would change every later answer. Offsets in values stored by
    text are **relative** to the block, sentence or window that is part of the key, and
    shifted on reuse, so a paragraph that moves keeps its entry.

The four kinds of cache
    1. :class:`Memo` tables: thread-safe LRUs bounded by entry count, for text-keyed work
       (prefilter verdicts, judgments, timestamps, milestone classes). Named tables live on
       the NLP object (``nlp.memo(name)``), shared by the CLI's, the server's and the tests'
       lints; a table on a pack's compiled words (``pack.derived``) needs no pack in its key.
    2. :func:`lru`: ``functools.lru_cache`` for a pure module-level function of small
       inputs (inline masking, heading normalisation, a date at an offset).
    3. The parse caches: spaCy parses on each NLP object (by text) and the built Markdown
       chunks of :mod:`pm_lsp.parse.markdown` (by chunk text and template).
    4. Per-document analyses (:class:`DocAnalyses`): what several rules, or a rule and the
       language server, derive from one parsed document (labelled regions, action items,
       the timeline, the readability cuts, the suppression checker). A rule asks
       ``ctx.analysis(build, *inputs)`` (anyone else ``doc.analysis(build, *inputs)``):
       ``build(doc, *inputs)`` runs once per document and inputs, so the key is exactly
       what the function is given: a second pack or template on the same parsed document
       gets its own answer, and an input the function reads cannot be left out of the key
       without being left out of its arguments. They live and die with the parsed document
       (one lint, then the server's hover and outline on it).

    Not caches, and not cleared: a pack's compiled lexicons (``RulePack.derived``; the pack
    is immutable, so they cannot go stale, and the memo tables on them are registered like
    any other) and the loaders of packs, templates and rules, which the language server
    reloads when its configuration changes.

How to clear
    Every :class:`Memo`, every :func:`lru` function, each NLP object and the chunk cache
    register here when they are created; :func:`clear_all` empties all of them at once
    (``pm-lint --no-cache`` calls it before every lint, and the tests call it for a lint
    "as a fresh process would compute it"). Per-document analyses go with their document.

``tests/test_memo.py`` proves the claim: after each of a sequence of edits, a lint through
warm tables equals a lint after :func:`clear_all`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import sys
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar

V = TypeVar("V")
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")
D = TypeVar("D")
P = ParamSpec("P")

#: entries per table: above the sentence count of the largest documents the language
#: server handles (a 10,000-word postmortem has ~1,500 sentences), times a few open
#: documents, so that re-linting one document never cycles through an LRU too small for it
#: (a cyclic scan over a too-small LRU hits nothing)
DEFAULT_SIZE = 16_384


# -- the registry ------------------------------------------------------------------------------


class Clearable(Protocol):
    """A cache object :func:`clear_all` can empty."""

    def clear(self) -> None: ...


#: cache objects (memo tables, NLP objects), held weakly: a table goes with its owner
_OBJECTS: weakref.WeakSet[Clearable] = weakref.WeakSet()
#: module-level caches by name: (empty it, how many entries it holds)
_FUNCTIONS: dict[str, tuple[Callable[[], None], Callable[[], int]]] = {}
_REGISTRY_LOCK = threading.Lock()
#: the names of the :func:`lru` functions among ``_FUNCTIONS``
_LRU_NAMES: set[str] = set()


def register(obj: Clearable) -> None:
    """Have :func:`clear_all` empty ``obj`` for as long as it lives (held weakly)."""
    with _REGISTRY_LOCK:
        _OBJECTS.add(obj)


def register_function(name: str, clear: Callable[[], None], size: Callable[[], int]) -> None:
    """Have :func:`clear_all` call ``clear`` (a module-level cache, such as the chunk
    cache); ``size`` tells :func:`entries` how many entries it holds."""
    with _REGISTRY_LOCK:
        _FUNCTIONS[name] = (clear, size)


def lru(maxsize: int) -> Callable[[Callable[..., T]], functools._lru_cache_wrapper[T]]:
    """``functools.lru_cache(maxsize)``, registered: for a pure function of small hashable
    inputs whose answer is immutable."""

    def wrap(fn: Callable[..., T]) -> functools._lru_cache_wrapper[T]:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        name = f"{fn.__module__}.{fn.__qualname__}"
        register_function(name, cached.cache_clear, lambda: cached.cache_info().currsize)
        _LRU_NAMES.add(name)
        return cached

    return wrap


def trim_functions(limit: int) -> list[str]:
    """Empty each registered :func:`lru` function holding more than ``limit`` entries;
    their names. For a long-running process (the language server): these functions are
    cheap to recompute, and ``functools.lru_cache`` can be bounded by entries only, which
    for block-long keys is far more memory than its size suggests."""
    with _REGISTRY_LOCK:
        over = [
            (n, clear)
            for n, (clear, size) in _FUNCTIONS.items()
            if n in _LRU_NAMES and size() > limit
        ]
    for _name, clear in over:
        clear()
    return [n for n, _clear in over]


def clear_all() -> None:
    """Empty every registered cache in the process: memo tables, parse caches, the chunk
    cache and the :func:`lru` functions. Answers after it are what a new process would
    compute (only slower)."""
    with _REGISTRY_LOCK:
        objects = list(_OBJECTS)
        functions = [clear for clear, _size in _FUNCTIONS.values()]
    for obj in objects:
        obj.clear()
    for clear in functions:
        clear()


def entries() -> dict[str, int]:
    """Entries held per registered cache: module-level caches by name, memo tables summed
    under ``"memo tables"`` (for tests and benchmarks)."""
    with _REGISTRY_LOCK:
        objects = list(_OBJECTS)
        out = {name: size() for name, (_clear, size) in _FUNCTIONS.items()}
    out["memo tables"] = sum(len(o) for o in objects if isinstance(o, Memo))
    return out


# -- memo tables -------------------------------------------------------------------------------


#: text a :class:`Memo` table's keys may hold in all (characters; outside ASCII, bytes:
#: :func:`text_size`): entries keyed by long
#: blocks would otherwise hold far more memory than entries keyed by short sentences, and an
#: editing session (one new key per edited block per lint) would grow for hours before the
#: entry bound is reached. ~3 versions of a 10,000-word postmortem's text per table: the
#: current version's keys are all used by every lint, so they stay, and the rest is churn.
#: (400,000 took 6,000 edits of a language-server session to fill: 13 tables of keys
#: that grew by ~10 MB after the soak's warm-up.)
MEMO_CHARS = 250_000

#: the text bound of a table keyed by every block's source and masked text (the structure
#: rules' block facts): such keys hold a document's prose twice, so at :data:`MEMO_CHARS`
#: a 12,000-word postmortem's current keys alone filled the table, and a longer one would
#: have evicted its own blocks on every lint; an edit adds one block's text
BLOCK_CHARS = 4 * MEMO_CHARS


_HOLD_LOCK = threading.Lock()
_holds = 0


@contextlib.contextmanager
def holding() -> Iterator[None]:
    """While a lint runs, memo tables keep what it stores, over their bounds if need be.

    A lint asks for the same entries twice: once in the engine's collecting pass and once
    after the parse batch (:meth:`pm_lsp.nlp.pipeline.NLP.collecting`). A document whose
    sentences hold more text than a table's bound would otherwise evict its own first-pass
    entries before the second pass reads them (a least-recently-used table scanned by more
    than it holds keeps nothing), and pay every prefilter twice. So eviction waits until
    no lint is running, and the tables are then trimmed back: a table holds at most its
    bound plus what the lints in progress use."""
    global _holds
    with _HOLD_LOCK:
        _holds += 1
    try:
        yield
    finally:
        with _HOLD_LOCK:
            _holds -= 1
            done = _holds == 0
        if done:
            with _REGISTRY_LOCK:
                held = [o for o in _OBJECTS if hasattr(o, "trim")]
            for o in held:
                o.trim()


def held() -> bool:
    """Is a lint running (:func:`holding`)? Then bounded caches evict nothing yet."""
    return _holds > 0


def text_size(s: str) -> int:
    """What a string's text costs to keep: its length when it is ASCII (one byte a
    character), else the bytes the string object takes (Python stores a string with one
    emoji or CJK character at four or two bytes per character, all of it). The text bounds
    count this, not characters: over a long editing session that inserts such characters,
    tables bounded by characters held twice the memory for the same bound."""
    return len(s) if s.isascii() else sys.getsizeof(s)


def _chars(key: Hashable, depth: int = 3) -> int:
    """Text in a key (:func:`text_size`): its strings, inside tuples and frozensets up to
    three levels deep. (One level was not enough: readability's long-sentence table is keyed
    by ``((masked block, cuts), limit)``, counted as no text at all, and grew to its entry
    bound, ~3 KB an entry, over a long editing session.)"""
    if isinstance(key, str):
        return len(key) if key.isascii() else sys.getsizeof(key)
    if not depth or not isinstance(key, (tuple, frozenset)):
        return 0
    # a loop, not a generator of calls, and text_size written out: keys are sized on every
    # store (tens of thousands on a big document's lint), and most of their members are
    # strings or objects that hold no text
    n = 0
    for k in key:
        if isinstance(k, str):
            n += len(k) if k.isascii() else sys.getsizeof(k)
        elif depth > 1 and isinstance(k, (tuple, frozenset)):
            n += _chars(k, depth - 1)
    return n


class Memo(Generic[V]):
    """A thread-safe LRU from hashable keys to values. ``None`` is not a storable value.

    Bounded by entries (``size``) and by the characters of text in its keys
    (:data:`MEMO_CHARS`), whichever is reached first.
    """

    def __init__(self, size: int = DEFAULT_SIZE, chars: int = MEMO_CHARS) -> None:
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self._size = size
        self._limit = chars  #: the text its keys may hold
        self._chars = 0
        self._lock = threading.Lock()
        self.hits = 0  #: for tests and benchmarks
        self.misses = 0
        register(self)

    def __getstate__(self) -> dict[str, int]:
        """Pickled (with a template, for ``pm-lint --jobs`` workers) as an empty table of
        the same size: entries are for this process, and a lock does not pickle."""
        return {"size": self._size, "chars": self._limit}

    def __setstate__(self, state: dict[str, int]) -> None:
        Memo.__init__(self, state["size"], state.get("chars", MEMO_CHARS))

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
            data = self._data
            if key not in data:
                self._chars += _chars(key)
            data[key] = value
            data.move_to_end(key)
            if not _holds:
                self._evict()  # else at the end of the lints (holding)
        return value

    def each(self, keys: Iterable[K], step: Callable[[K], V]) -> tuple[V, ...]:
        """``step(key)`` for each of ``keys``, from this table where it holds the key.

        The memoised step of a fold over a document's parts (blocks, sections): a rule
        that walks every block on every lint asks each block's answer here, keyed on the
        block's text (and whatever else the answer reads), and combines the answers; after
        an edit only the blocks it changed are computed again. ``step`` receives nothing
        but the key, so the answer cannot read what the key leaves out (the table's owner,
        a pack's compiled words, is the rest of it)."""
        out: list[V] = []
        for key in keys:
            value = self.get(key)
            out.append(value if value is not None else self.put(key, step(key)))
        return tuple(out)

    def trim(self) -> None:
        """Evict down to the bounds (after the lints that held entries over them)."""
        with self._lock:
            self._evict()

    def _evict(self) -> None:
        data = self._data
        while len(data) > 1 and (len(data) > self._size or self._chars > self._limit):
            self._chars -= _chars(data.popitem(last=False)[0])

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._chars = 0

    def __len__(self) -> int:
        return len(self._data)


class MemoSet:
    """Named :class:`Memo` tables, created on first use (one set per NLP object)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._tables: dict[str, Memo[Any]] = {}
        self._size = size
        self._lock = threading.Lock()

    def table(self, name: str, chars: int = MEMO_CHARS) -> Memo[Any]:
        """The table ``name``; ``chars`` bounds the text of its keys when it is created."""
        table = self._tables.get(name)
        if table is None:
            with self._lock:
                table = self._tables.setdefault(name, Memo(self._size, chars))
        return table

    def clear(self) -> None:
        with self._lock:
            for t in self._tables.values():
                t.clear()

    def stats(self) -> dict[str, tuple[int, int, int]]:
        """Per table: (entries, hits, misses)."""
        return {n: (len(t), t.hits, t.misses) for n, t in sorted(self._tables.items())}


# -- per-document analyses ---------------------------------------------------------------------

#: inputs that stand in a key by value; any other object stands by identity
_BY_VALUE = (str, int, float, bool, type(None), bytes, frozenset)


class Identity:
    """An object standing in a memo key for another by identity (:func:`identity`): a pack,
    a template, an NLP object (none is changed once built, and a template is not hashable).
    The per-document analyses key their inputs with it, and the rule families' per-part
    memo keys hold what they read through it."""

    __slots__ = ("__weakref__", "obj")

    def __init__(self, obj: object) -> None:
        self.obj = obj  #: held, so its ``id`` cannot be reused while a key holds this


#: the live token of each object, by the object's id
_TOKENS: weakref.WeakValueDictionary[int, Identity] = weakref.WeakValueDictionary()


def identity(obj: object) -> Identity:
    """A token that stands for ``obj`` in memo keys (a template: not hashable by value,
    and never changed once built), hashed and compared by identity in C: a key holding a
    wrapper with Python ``__hash__`` and ``__eq__`` paid for both on every lookup of every
    part. The same token while any key holds it; a new one once none does, which no stored
    key can equal."""
    token = _TOKENS.get(id(obj))
    if token is None or token.obj is not obj:
        token = Identity(obj)
        _TOKENS[id(obj)] = token
    return token


def _keyed(value: object) -> Hashable:
    if isinstance(value, _BY_VALUE):
        return value
    if isinstance(value, tuple):
        return tuple(_keyed(v) for v in value)
    return identity(value)


def _immutable(value: object) -> bool:
    """Shallow: a tuple, frozenset, string, number, None or frozen dataclass."""
    if isinstance(value, (tuple, *_BY_VALUE)):
        return True
    params = getattr(type(value), "__dataclass_params__", None)
    return dataclasses.is_dataclass(value) and params is not None and bool(params.frozen)


class Postponed(BaseException):
    """A build that stopped until a batch of work it asked for is done
    (:class:`pm_lsp.nlp.pipeline.Deferred`: a parse noted for the lint's one ``nlp.pipe``
    call). ``batch`` says which batch; it is ``open`` until that batch runs.

    A ``BaseException``, so that no rule's ``except Exception`` mistakes it for a crash."""

    def __init__(self, batch: Batch) -> None:
        super().__init__()
        self.batch = batch


class Batch(Protocol):
    """What :class:`Postponed` waits for: open while its work is still being collected."""

    open: bool


class DocAnalyses(Generic[D]):
    """What is derived from one parsed document, once per build function and inputs.

    ``get(doc, build, *inputs)`` returns ``build(doc, *inputs)``, computed on the first
    call and stored under ``(build, *inputs)``. The inputs are the key: the rule pack,
    the template, an NLP object, a switch. A value must be immutable (checked, shallowly),
    because every later caller receives the same object. Lives on the document
    (:meth:`pm_lsp.model.document.PostmortemDoc.analysis`).

    A build stopped by :class:`Postponed` is not run again while its batch is open: the
    seven blame rules share one analysis, and each of them asking for it during the
    engine's collecting pass would otherwise redo the whole selection (the prefilter over
    every sentence) only to stop at the same parse. The same inputs note the same work, so
    the later askers stop at once.
    """

    __slots__ = ("_values", "_waiting")

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._waiting: dict[Hashable, Postponed] = {}

    def get(
        self,
        doc: D,
        build: Callable[Concatenate[D, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        key: Hashable = (build, *map(_keyed, args))
        if kwargs:
            key = (key, *sorted((k, _keyed(v)) for k, v in kwargs.items()))
        try:
            got: T = self._values[key]
            return got
        except KeyError:
            pass
        waiting = self._waiting.get(key)
        if waiting is not None and waiting.batch.open:
            raise type(waiting)(waiting.batch)
        try:
            value = build(doc, *args, **kwargs)
        except Postponed as stop:
            self._waiting[key] = stop
            raise
        self._waiting.pop(key, None)
        if not _immutable(value):
            raise TypeError(
                f"{getattr(build, '__qualname__', build)} returned a mutable "
                f"{type(value).__name__}: per-document analyses must be immutable"
            )
        # two threads may build at once (the server's hover next to a lint): both get the
        # first value stored
        stored: T = self._values.setdefault(key, value)
        return stored

    def __len__(self) -> int:
        return len(self._values)


# -- the heap ----------------------------------------------------------------------------------


def settle_heap() -> None:
    """Collect garbage, then move every object alive now into the garbage collector's
    permanent generation (``gc.freeze``), where full collections no longer traverse it.

    Called once after each big one-time load of tracked objects that stays for the life of
    the process: the spaCy pipeline (~80,000 objects). Without it every full collection
    walks them all, ~170 ms on a warm language server, and one in every dozen or so edits
    paid that on top of its lint. (The readability syllable table, a dictionary of strings
    and integers, is not tracked by the collector at all and is not settled.) Objects
    frozen here are still freed by reference counting when released; only reference
    cycles among them stay for good: at most what was alive besides the load itself, once
    per process.
    """
    gc.collect()
    gc.freeze()
