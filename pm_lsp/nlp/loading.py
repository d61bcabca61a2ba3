"""``spacy.load`` without the work a lint throws away.

A one-file ``pm-lint`` run spends most of its CPU importing spaCy and loading the model, and
part of the load is work whose result is discarded or repeated:

* **the tokenizer is built twice**: the ``Language`` object first builds the language's
  default tokenizer (some 2,700 special cases, each compiled in), then the model's saved
  tokenizer replaces every one of its settings. When the model's saved tokenizer holds every
  setting, :func:`load` starts from a bare tokenizer instead (~0.06 s of CPU);
* **spaCy's command-line interface is imported with the library**: ``import spacy`` runs
  ``from .cli.info import info``, which imports every ``spacy`` command and its
  dependencies (typer, weasel, ...), about a third of the import's CPU, none of it used by a
  lint. :func:`import_spacy` imports the library with a stand-in for those two modules, then
  takes the stand-ins out again: ``spacy.info`` imports the real command when called, and
  any other use of ``spacy.cli`` imports the real package (~0.15-0.2 s less);
* **the matrix products** run on numpy's BLAS instead of thinc's BLIS build
  (:mod:`pm_lsp.nlp.blas`: the same parses in about 60% of the time);
* **the attribute ruler** is swapped for :class:`pm_lsp.nlp.attribute_rules.FastAttributeRuler`
  (the same rules and results at parse time).

Tests compare every token attribute with a stock ``spacy.load`` of the same model.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

#: the registered name of the bare tokenizer factory
BARE_TOKENIZER = "pm_lsp_bare_tokenizer.v1"
#: what a saved tokenizer must hold for a bare one to become the same tokenizer
_SAVED_SETTINGS = frozenset(
    {
        "prefix_search",
        "suffix_search",
        "infix_finditer",
        "token_match",
        "url_match",
        "exceptions",
        "faster_heuristics",
    }
)


def load(name: str, exclude: Sequence[str] = (), *, fast_rules: bool = True) -> Language:
    """The pipeline ``name`` (a package or a folder) without the components ``exclude``;
    ``fast_rules=False`` keeps spaCy's stock attribute ruler and lemmatizer."""
    spacy = import_spacy()

    from spacy.language import Language

    from pm_lsp.nlp import lemmas
    from pm_lsp.nlp.attribute_rules import install
    from pm_lsp.nlp.blas import model_ops

    overrides: dict[str, Any] = {}
    if _saved_tokenizer_is_complete(name):
        _register_bare_tokenizer()
        overrides = {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}
    with model_ops():
        nlp = spacy.load(name, exclude=list(exclude), config=overrides)
    assert isinstance(nlp, Language)
    lemmas.remember_verbs(nlp)
    if fast_rules:
        install(nlp)
        lemmas.install(nlp)
    return nlp


#: the modules ``import spacy`` imports only for ``spacy.info`` (see :func:`import_spacy`)
_CLI, _CLI_INFO = "spacy.cli", "spacy.cli.info"


class _StandIn(types.ModuleType):
    """A stand-in for a ``spacy.cli`` module while spaCy is imported: any attribute asked
    of it (other than ``info``) imports the real module and answers from it. Special names
    are the import system's questions (``__path__``: is it a package?): not answered."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> types.ModuleType:
    for stub in (_CLI_INFO, _CLI):
        if isinstance(sys.modules.get(stub), _StandIn):
            del sys.modules[stub]
    return importlib.import_module(name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real command, imported when it is first called."""
    return _real(_CLI_INFO).info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """``import spacy`` without importing spaCy's command-line interface (see the module
    doc). When spaCy is already imported, or not where expected, a plain import."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None or not spec.submodule_search_locations:
        return importlib.import_module("spacy")
    package = _StandIn(_CLI)
    package.__path__ = [str(Path(spec.origin).parent / "cli")]
    info = _StandIn(_CLI_INFO)
    info.info = _info  # type: ignore[attr-defined]
    sys.modules[_CLI], sys.modules[_CLI_INFO] = package, info
    try:
        spacy = importlib.import_module("spacy")
    finally:
        for name, stub in ((_CLI_INFO, info), (_CLI, package)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if spacy.__dict__.get("cli") is package:
        del spacy.cli  # the next ``import spacy.cli`` imports the real package
    return spacy


def model_folder(name: str) -> Path | None:
    """The folder holding the pipeline's ``config.cfg`` (a package's data folder or the
    path given), or None when it cannot be found without loading."""
    from spacy import util

    if "/" in name or "\\" in name:
        folder = Path(name)
    else:
        try:
            package = Path(util.get_package_path(name))
        except (ImportError, ModuleNotFoundError, AttributeError):
            return None
        folders = sorted(p.parent for p in package.glob("*/config.cfg"))
        folder = folders[0] if len(folders) == 1 else package
    return folder if (folder / "config.cfg").is_file() else None


def _saved_tokenizer_is_complete(name: str) -> bool:
    """Whether the model uses spaCy's standard tokenizer and saved every one of its
    settings (then a bare tokenizer loaded from it is the same tokenizer)."""
    import srsly  # type: ignore[import-untyped]
    from spacy import util

    folder = model_folder(name)
    if folder is None or not (folder / "tokenizer").is_file():
        return False
    try:
        config = util.load_config(folder / "config.cfg", interpolate=False)
        saved = srsly.msgpack_loads((folder / "tokenizer").read_bytes())
    except (OSError, ValueError):
        return False
    factory = config.get("nlp", {}).get("tokenizer", {}).get("@tokenizers")
    return (
        factory == "spacy.Tokenizer.v1"
        and isinstance(saved, dict)
        and set(saved) >= _SAVED_SETTINGS
    )


def _register_bare_tokenizer() -> None:
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    if BARE_TOKENIZER in registry.tokenizers:
        return

    def bare() -> Any:
        def make(nlp: Language) -> Tokenizer:
            return Tokenizer(nlp.vocab)

        return make

    registry.tokenizers.register(BARE_TOKENIZER, func=bare)
