"""A long document's rules shared with a forked copy (``pm_lsp.shared``) find what one
process finds, and a copy that fails costs only time."""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Sequence

import pytest
from conftest import FIXTURES

from pm_lsp import engine, shared
from pm_lsp.engine import LintInput, lint
from pm_lsp.nlp import forked
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.spec import Diagnostic


@pytest.fixture(scope="module")
def long_text() -> str:
    """Every fixture postmortem joined: long enough to be shared, with findings of every
    family."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.md"))]
    return "\n\n".join(texts)


@pytest.fixture
def forking() -> None:
    """These tests fork in this process, which :func:`forked.allowed` refuses while another
    thread runs (one left by an earlier test in the same worker would hold locks)."""
    if threading.active_count() != 1:
        pytest.skip("another thread runs in this test process; forking is refused here")


def _key(diags: Sequence[Diagnostic]) -> list[tuple[object, ...]]:
    return [(d.code, d.start, d.end, d.message, d.severity, d.fix, d.data) for d in diags]


def test_only_a_long_document_with_processes_to_spare_is_shared(
    long_text: str, forking: None
) -> None:
    assert len(long_text) >= shared.MIN_CHARS
    with forked.allowing(1):
        assert not shared.worth(long_text)  # one process allowed: the command line's default
    with forked.allowing(2):
        assert shared.worth(long_text)
        assert not shared.worth(long_text[: shared.MIN_CHARS - 1])


def test_the_shares_cut_along_the_declared_prefixes() -> None:
    """Blame stays whole in the copy; PM603 stays with the timeline rules whose model it
    reads, apart from the rest of readability."""
    codes = ["PM001", "PM101", "PM102", "PM201", "PM301", "PM501", "PM601", "PM602", "PM603"]
    here, there = shared.shares(codes)
    assert [codes[i] for i in there] == ["PM101", "PM102", "PM601", "PM602"]
    assert [codes[i] for i in here] == ["PM001", "PM201", "PM301", "PM501", "PM603"]
    assert sorted(here + there) == list(range(len(codes)))


@pytest.mark.slow
def test_a_shared_lint_finds_what_one_process_finds(long_text: str, forking: None) -> None:
    config = resolve([Settings()])
    alone, split = NLP(), NLP()
    with forked.allowing(1):
        reference = lint(long_text, config, nlp=alone)
    with forked.allowing(2):
        got = lint(long_text, config, nlp=split)
    assert {d.code[:3] for d in reference.diagnostics} >= {"PM1", "PM3", "PM4", "PM6"}
    assert _key(got.diagnostics) == _key(reference.diagnostics)
    assert got.errors == reference.errors == []
    # the copy parsed the blame family's sentences: this process parsed fewer
    assert 0 < split.parsed_texts < alone.parsed_texts


@pytest.mark.slow
def test_a_failing_copy_leaves_its_rules_to_this_process(long_text: str, forking: None) -> None:
    config = resolve([Settings()])
    reference = lint(long_text, config, nlp=NLP())
    parent = os.getpid()

    def dies_in_the_copy(run: engine._Run, which: Sequence[int]) -> None:
        if os.getpid() != parent:
            os._exit(3)
        engine._own_rules(run, which)

    run = engine._prepare(LintInput(long_text, config), NLP(), None)
    with forked.allowing(2):
        shared.run_shared(run, dies_in_the_copy)
    _, there = shared.shares([r.code for r in run.active])
    assert there and all(run.outcomes[i] is None for i in there)  # nothing came back
    assert _key(engine._finish(run).diagnostics) == _key(reference.diagnostics)


def test_a_garbled_or_foreign_reply_is_no_outcome() -> None:
    assert shared._outcomes(None, [1]) == []
    assert shared._outcomes(b"not a pickle", [1]) == []
    assert shared._outcomes(pickle.dumps({"a": 1}), [1]) == []
    assert shared._outcomes(pickle.dumps([(2, None)]), [1]) == []  # another rule's outcome
    assert shared._outcomes(pickle.dumps([(1, None)]), [1]) == [(1, None)]
