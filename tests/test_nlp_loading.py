"""Loading the pipeline without the work a lint throws away changes nothing it uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from pm_lsp.nlp.blas import one_thread
from pm_lsp.nlp.loading import _saved_tokenizer_is_complete, model_folder
from pm_lsp.nlp.pipeline import NLP, resolve_model


def _settings(tokenizer: Tokenizer) -> dict[str, object]:
    def pattern(fn: object) -> object:
        owner = getattr(fn, "__self__", None)
        return getattr(owner, "pattern", fn)

    return {
        "prefix": pattern(tokenizer.prefix_search),
        "suffix": pattern(tokenizer.suffix_search),
        "infix": pattern(tokenizer.infix_finditer),
        "token_match": pattern(tokenizer.token_match),
        "url_match": pattern(tokenizer.url_match),
        "rules": tokenizer.rules,
        "faster_heuristics": tokenizer.faster_heuristics,
    }


def test_the_tokenizer_built_once_is_the_stock_tokenizer() -> None:
    name = resolve_model()
    assert name is not None and _saved_tokenizer_is_complete(name)
    stock = spacy.load(name, exclude=["ner"])
    ours = NLP().load()
    assert isinstance(ours, Language)
    mine, theirs = _settings(ours.tokenizer), _settings(stock.tokenizer)
    assert mine == theirs
    assert len(theirs["rules"]) > 1000  # type: ignore[arg-type]
    text = "Don't page on-call at 3am: e.g. https://status.example.com said 99.9% :)"
    assert [t.text for t in ours(text)] == [t.text for t in stock(text)]


def test_a_model_folder_without_a_saved_tokenizer_keeps_the_default(tmp_path: Path) -> None:
    assert model_folder(str(tmp_path)) is None
    (tmp_path / "config.cfg").write_text('[nlp]\nlang = "en"\n', encoding="utf-8")
    assert model_folder(str(tmp_path)) == tmp_path
    assert not _saved_tokenizer_is_complete(str(tmp_path))


_CHILD = """
import sys
from pm_lsp.nlp.pipeline import NLP

NLP().load()
print("cli imported:", "spacy.cli" in sys.modules, "typer" in sys.modules)
import spacy
print("info:", sorted(spacy.info(silent=True))[:2])
import spacy.cli
print("real cli:", callable(spacy.cli.download), spacy.cli.info.__module__)
"""


def test_spacy_is_imported_without_its_command_line_interface_which_still_works() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [
        "cli imported: False False",
        "info: ['location', 'pipelines']",
        "real cli: True spacy.cli.info",
    ]


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_the_model_multiplies_with_numpy_one_blas_thread_per_batch() -> None:
    """Every layer of every component is built on numpy's matrix products (the parses are
    the same as the stock pipeline's: tests/test_nlp_attribute_rules.py compares every token
    attribute over the fixtures and the corpus), and a batch runs BLAS on one thread, the
    process's own setting back afterwards."""
    model = NLP()
    model.parse_many(["The cache filled up."], entities=True)  # the recogniser too
    pipeline = model.load()
    assert "ner" in pipeline.pipe_names
    blis = [
        (name, layer.name)
        for name, component in pipeline.pipeline
        if isinstance(getattr(component, "model", None), Model)
        for layer in component.model.walk()
        if not isinstance(layer.ops, NumpyOps) or layer.ops.use_blis
    ]
    # spaCy builds the parser's and recogniser's output layer on its own CPU backend
    # (``use_ops("cpu")`` in spacy.ml.models.parser); it is small, the rest is not
    assert set(blis) <= {("parser", "linear"), ("ner", "linear")}
    assert sum(1 for _ in pipeline.get_pipe("tok2vec").model.walk()) > 50
    before = _blas_threads()
    assert before, "numpy ships a BLAS"
    with one_thread():
        assert set(_blas_threads()) == {1}
    assert _blas_threads() == before
