"""A long document's rules shared with a forked copy (``pm_lsp.shared``) find what one
process finds, and a copy that fails costs only time."""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections.abc import Callable, Sequence

import pytest
from conftest import FIXTURES
from spacy.tokens import Doc

from pm_lsp import engine, shared
from pm_lsp.engine import LintInput, lint
from pm_lsp.nlp import forked
from pm_lsp.nlp.pipeline import NLP, Pending
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
    # the copy parsed the blame family's sentences, and sent over its parses of the texts
    # both shares want: this process parsed fewer, and nothing twice
    assert 0 < split.parsed_texts < alone.parsed_texts
    assert split.adopted_texts > 0
    assert split.parsed_texts + split.adopted_texts <= alone.parsed_texts


@pytest.mark.slow
def test_a_failing_copy_leaves_its_rules_to_this_process(long_text: str, forking: None) -> None:
    config = resolve([Settings()])
    reference = lint(long_text, config, nlp=NLP())
    parent = os.getpid()

    def dies_in_the_copy(run: engine._Run, which: Sequence[int]) -> None:
        if os.getpid() != parent:
            os._exit(3)
        engine._second_pass(run, which)

    run = engine._prepare(LintInput(long_text, config), NLP(), None)
    passes = shared.Passes(engine._first_pass, engine._parse_one, dies_in_the_copy)
    with forked.allowing(2):
        shared.run_shared(run, passes)
    _, there = shared.shares([r.code for r in run.active])
    assert there and all(run.outcomes[i] is None for i in there)  # nothing came back
    assert _key(engine._finish(run).diagnostics) == _key(reference.diagnostics)


@pytest.mark.slow
def test_a_copy_that_fails_before_handing_over_leaves_the_parses_here(
    long_text: str, forking: None
) -> None:
    """The copy dies in its first pass, before it has said which parses it makes for both
    shares: this process parses all its share wants and runs the copy's rules after."""
    config = resolve([Settings()])
    reference = lint(long_text, config, nlp=NLP())
    parent = os.getpid()

    def dies_in_the_copy(run: engine._Run, which: Sequence[int]) -> Pending:
        if os.getpid() != parent:
            os._exit(3)
        return engine._first_pass(run, which)

    nlp = NLP()
    run = engine._prepare(LintInput(long_text, config), nlp, None)
    passes = shared.Passes(dies_in_the_copy, engine._parse_one, engine._second_pass)
    with forked.allowing(2):
        shared.run_shared(run, passes)
    assert nlp.adopted_texts == 0
    assert _key(engine._finish(run).diagnostics) == _key(reference.diagnostics)


_TEXTS = [
    "The database failover took eleven minutes.",
    "Nobody was paged because the alert had been muted.",
    "We will add a check to the deploy script.",
    "Orders queued   for twenty minutes\nand were then replayed.",
]


def _signature(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.whitespace_, t.tag_, t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def loaded() -> NLP:
    """One loaded pipeline; each test takes a :meth:`NLP.sibling` with empty caches."""
    nlp = NLP()
    nlp.load()
    return nlp


def _taken_over(nlp: NLP, work: Callable[[forked.Line], bytes]) -> Pending:
    """Run this process's side of the hand-over against a copy running ``work``, then the
    share's own batch; the pending texts come back."""
    pending = Pending(nlp)
    pending.plain = dict.fromkeys(_TEXTS)
    copy = forked.talking(work)
    assert copy is not None
    passes = shared.Passes(engine._first_pass, engine._parse_one, engine._second_pass)
    shared._take_over(nlp, pending, copy.line, passes)
    engine._parse_one(pending)
    forked.result(copy)
    return pending


def _fresh(pipeline: NLP) -> list[list[tuple[object, ...]]]:
    return [_signature(d) for d in pipeline.parse_many(_TEXTS, entities=False)]


def _copy_side(nlp: NLP, wants: list[str]) -> Callable[[forked.Line], bytes]:
    """A copy whose share wants ``wants`` parsed, and that hears this process's list before
    it parses any (so what it takes over does not depend on timing)."""

    def work(line: forked.Line) -> bytes:
        while not line.ready():
            time.sleep(0.001)
        pending = Pending(nlp)
        pending.plain = dict.fromkeys(wants)
        shared._hand_over(nlp, pending, line)
        return b"done"

    return work


def test_the_copys_parses_of_shared_texts_serve_here(loaded: NLP, forking: None) -> None:
    """A real copy hears what this process wants parsed and takes the two texts it wants
    too (its own parsing left is longer than this process's): their parses are taken, the
    others parsed here, and every parse equals one made here."""
    nlp = loaded.sibling()
    _taken_over(nlp, _copy_side(nlp, [_TEXTS[3], "A sentence only the copy wants.", _TEXTS[1]]))
    assert nlp.adopted_texts == 2 and nlp.parsed_texts == 2
    assert _fresh(nlp) == _fresh(loaded.sibling())
    assert nlp.parsed_texts == 2  # all four were in the cache


def test_a_copy_with_less_to_parse_takes_over_some_of_this_process_s(
    loaded: NLP, forking: None
) -> None:
    """The copy wants one of the four texts (50 characters); the other three (141) are this
    process's alone: the copy takes the last of them too (58), which leaves the two about
    even, and this process parses the first two."""
    nlp = loaded.sibling()
    _taken_over(nlp, _copy_side(nlp, [_TEXTS[1]]))
    assert nlp.adopted_texts == 2 and nlp.parsed_texts == 2
    assert _fresh(nlp) == _fresh(loaded.sibling())


@pytest.mark.parametrize(
    "replies",
    [
        [],  # gone before answering
        [b"\x07\x00\x00\x00"],  # a place past the end of the list
        [b"\x01\x00\x00\x00\x01\x00\x00\x00"],  # the same place twice
        [b"\x01\x00\x00"],  # a torn place
        [b"\x01\x00\x00\x00", b"not a DocBin"],
        [b"\x01\x00\x00\x00", b""],  # the copy could not parse
    ],
)
def test_a_hand_over_that_does_not_fit_is_parsed_here(
    replies: list[bytes], loaded: NLP, forking: None
) -> None:
    nlp = loaded.sibling()

    def copy_side(line: forked.Line) -> bytes:
        line.receive()
        for reply in replies:
            line.send(reply)
        return b"done"

    _taken_over(nlp, copy_side)
    assert nlp.adopted_texts == 0 and nlp.parsed_texts == len(_TEXTS)
    assert _fresh(nlp) == _fresh(loaded.sibling())


def test_parses_of_other_texts_are_not_taken(loaded: NLP) -> None:
    """A parse whose words end elsewhere than the text it is sent for is not cached."""
    nlp = loaded.sibling()
    docs = nlp.parse_many(["Short one.", _TEXTS[0]], entities=False)
    assert nlp.adopt([_TEXTS[1], "Another text."], docs) == 0
    assert nlp.adopt(["Short one!"], docs[:1]) == 1  # same length: the digest guards that


def test_a_garbled_or_foreign_reply_is_no_outcome() -> None:
    assert shared._outcomes(None, [1]) == []
    assert shared._outcomes(b"not a pickle", [1]) == []
    assert shared._outcomes(pickle.dumps({"a": 1}), [1]) == []
    assert shared._outcomes(pickle.dumps([(2, None)]), [1]) == []  # another rule's outcome
    assert shared._outcomes(pickle.dumps([(1, None)]), [1]) == [(1, None)]
