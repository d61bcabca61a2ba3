"""The bounds that make a long editing session's memory level off (the language server's
concern; ``bench/lsp_soak.py`` shows the effect on RSS)."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest
from lsp_fixtures.raw import RawServer, notification, request

from pm_lsp import cache
from pm_lsp.cache import MEMO_CHARS, Memo, lru, text_size, trim_functions
from pm_lsp.lsp import memory_probe
from pm_lsp.nlp import pipeline
from pm_lsp.nlp.pipeline import CACHE_CHARS, NLP

if TYPE_CHECKING:
    from spacy.tokens import Doc


def test_a_memo_table_is_bounded_by_the_text_in_its_keys() -> None:
    memo: Memo[int] = Memo(size=1_000_000)
    block = "x" * 10_000
    for i in range(3 * MEMO_CHARS // len(block)):
        memo.put((f"{i}{block}", i), i)
    assert len(memo) <= MEMO_CHARS // len(block) + 1
    last = 3 * MEMO_CHARS // len(block) - 1
    assert memo.get((f"{last}{block}", last)) == last  # the newest entries stay
    assert memo.get((f"0{block}", 0)) is None  # the oldest went
    memo.clear()
    memo.put("short", 1)
    assert memo.get("short") == 1


def test_trim_empties_only_the_lru_functions_over_the_limit() -> None:
    @lru(10_000)
    def big(x: int) -> int:
        return x

    @lru(10_000)
    def small(x: int) -> int:
        return x

    for i in range(50):
        big(i)
    small(1)
    trimmed = trim_functions(20)
    name = f"{big.__module__}.{big.__qualname__}"
    assert name in trimmed
    assert f"{small.__module__}.{small.__qualname__}" not in trimmed
    entries = cache.entries()
    assert entries[name] == 0
    assert entries[f"{small.__module__}.{small.__qualname__}"] == 1
    assert "pm_lsp.parse.markdown.chunks" not in trimmed  # bounded by size on its own


def test_the_parse_cache_is_bounded_by_text_size(nlp: NLP, monkeypatch: pytest.MonkeyPatch) -> None:
    assert CACHE_CHARS >= 100_000  # several versions of a long postmortem's prose
    monkeypatch.setattr(pipeline, "CACHE_CHARS", 5_000)  # the same rule, a smaller bound
    twin = nlp.sibling()
    texts = [f"Sentence number {i} says the queue {'was slow ' * 10}." for i in range(100)]
    twin.parse_many(texts, entities=False)
    assert twin._cached_chars <= 5_000
    assert sum(len(t) for t in twin._cache) == twin._cached_chars
    assert 0 < len(twin._cache) < len(texts)


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, int, str, str]]:
    return [(t.text, t.tag_, t.dep_, t.lemma_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_cached_parses_keep_no_tensor_and_read_the_same(nlp: NLP) -> None:
    """A cached parse drops the shared layer's output (half its weight), and nothing the
    rules read changes: tags, dependencies, lemmas and entities (added later, on the
    cached parse) equal a whole-pipeline parse that kept it."""
    twin = nlp.sibling()
    texts = [
        "On March 3 the billing worker in Frankfurt dropped 40 percent of requests.",
        "Priya Natarajan paged the database team at 10:42 UTC after the second alert.",
        "The Redis 7.2 upgrade was rolled back by the on-call engineer within an hour.",
    ]
    plain = twin.parse_many(texts, entities=False)
    assert all(d.tensor.size == 0 for d in plain)
    with_entities = twin.parse_many(texts, entities=True)
    assert [d.ents for d in with_entities] and any(d.ents for d in with_entities)
    import spacy

    path = twin.load()._path
    whole = spacy.load(path)  # every component in line, the tensor kept
    for text, doc in zip(texts, with_entities, strict=True):
        reference = whole(text)
        assert reference.tensor.size > 0
        assert _annotations(doc) == _annotations(reference)


@pytest.mark.parametrize("enabled", [True, False], ids=["probe-on", "probe-off"])
def test_the_memory_probe_answers_only_when_enabled(enabled: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != memory_probe.ENV}
    if enabled:
        env[memory_probe.ENV] = "1"
    raw = RawServer(env=env)
    try:
        raw.initialize()
        item = {"uri": "file:///tmp/pm-lsp-probe/a.md", "languageId": "markdown", "version": 1}
        item["text"] = "# Title\n\n## Summary\n\nThe queue stalled for an hour.\n"
        raw.send_message(notification("textDocument/didOpen", {"textDocument": item}))
        raw.send_message(request(2, memory_probe.METHOD))
        answer = raw.answer(2)
    finally:
        raw.close()
    if not enabled:
        assert answer["error"]["code"] == -32601  # MethodNotFound: not registered
        return
    sizes = json.loads(answer["result"])
    assert sizes["rss_mib"] > 0 and sizes["gc_objects"] > 0
    assert sizes["server"]["open_documents"] == 1
    assert "memo tables" in sizes["caches"]


def test_text_nested_in_a_memo_key_counts_towards_its_bound() -> None:
    """A key holding its block inside a tuple inside a tuple (as readability's is) is
    bounded by its text like a plain one."""
    memo: Memo[int] = Memo(size=1_000_000)
    block = "y" * 10_000
    for i in range(3 * MEMO_CHARS // len(block)):
        memo.put(((f"{i}{block}", (0, 5)), 25), i)
    assert len(memo) <= MEMO_CHARS // len(block) + 1


def test_the_soak_bench_names_the_probe_as_the_server_does() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    try:
        spec = importlib.util.spec_from_file_location("lsp_soak", bench / "lsp_soak.py")
        assert spec is not None and spec.loader is not None
        soak = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(soak)
    finally:
        sys.path.remove(str(bench))
    assert (soak.ENV, soak.METHOD) == (memory_probe.ENV, memory_probe.METHOD)


def _lint_with(twin: NLP, text: str) -> None:
    from pm_lsp.engine import lint
    from pm_lsp.policy.config import Settings, resolve

    lint(text, resolve([Settings()]), nlp=twin)


def test_a_document_whose_parses_exceed_the_bound_keeps_them_for_its_next_edit(
    nlp: NLP, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parse cache keeps what the lints that just ended read, even over its bound: the
    next lint of the same document parses nothing again. What no recent lint read (another
    document's parses) goes down to the bound."""
    from conftest import FIXTURES

    lines = (FIXTURES / "blame" / "positives.txt").read_text(encoding="utf-8").splitlines()
    sentences = [line.split("|", 1)[1].strip() for line in lines if "|" in line][:60]
    text = "# Outage\n\n## Contributing Factors\n\n" + "\n\n".join(sentences) + "\n"
    bound = 1_000
    monkeypatch.setattr(pipeline, "CACHE_CHARS", bound)  # the same rule, a smaller bound
    twin = nlp.sibling()
    _lint_with(twin, text)
    first = twin.parsed_texts
    assert twin._cached_chars > 2 * bound  # the document's parses are more than the bound
    _lint_with(twin, text)
    assert twin.parsed_texts == first  # every parse found again
    other = "# Title\n\n## Contributing Factors\n\nKim broke the deploy on Friday.\n"
    _lint_with(twin, other)
    _lint_with(twin, other)  # the first document's parses were not read by these lints
    assert twin._cached_chars <= bound
    assert sum(len(t) for t in twin._cache) == twin._cached_chars


def test_big_blocks_freed_go_back_to_the_system() -> None:
    """With the server's fixed mmap threshold, a block of 400 KB (a long document's text as a
    Python string) is mapped on its own and returned when freed; with glibc's sliding
    threshold the freed blocks stay in the heap, under the small blocks allocated after
    them (what made the server's RSS swing and creep)."""
    import subprocess
    import sys

    from pm_lsp.lsp.heap import heap_stats

    if not heap_stats():
        pytest.skip("not glibc: no mallinfo2")
    script = """
import json, sys
from pm_lsp.lsp.heap import fix_mmap_threshold, heap_stats
if sys.argv[1] == "fixed":
    fix_mmap_threshold()
keep = []
for r in range(20):
    big = [bytes(400_000 + r * 1000 + i) for i in range(8)]
    keep.extend(bytes(600 + i) for i in range(50))  # long-lived, above the big blocks
    del big
print(json.dumps(heap_stats()))
"""
    free = {}
    for mode in ("fixed", "sliding"):
        out = subprocess.run(
            [sys.executable, "-c", script, mode], capture_output=True, text=True, check=True
        )
        free[mode] = json.loads(out.stdout)["free"]
    assert free["fixed"] < 1_000_000
    assert free["sliding"] > 2_000_000  # what the fixed threshold prevents


def test_a_vocabulary_grown_past_its_bound_is_loaded_again(
    nlp: NLP, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every new word typed stays in spaCy's vocabulary; past the bound the pipeline is
    loaded again when the lints end: the vocabulary is back to its saved size, the old
    pipeline is freed (nothing else keeps it), and a parse reads the same as before."""
    import gc
    import random
    import string
    import weakref

    from pm_lsp.cache import holding

    monkeypatch.setattr(pipeline, "VOCAB_GROWTH", 500)  # the same rule, a smaller bound
    # the lint's end trims every pipeline: the shared one has met many words in other tests
    monkeypatch.setattr(nlp, "_vocab_base", len(nlp.load().vocab))
    renewed = nlp.renewals  # other tests on this worker may have renewed it already
    own = NLP()  # a pipeline of its own: the session's is shared with the other tests
    sentence = "The on-call engineer restarted the billing worker in Frankfurt."
    before = _annotations(own.parse(sentence, entities=False))
    loaded = own.load()
    base = len(loaded.vocab)
    old = weakref.ref(loaded)
    rng = random.Random(7)
    words = ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(800)]
    with holding():
        own.parse_many([" ".join(words[i : i + 8]) for i in range(0, 800, 8)], entities=False)
        assert own.renewals == 0  # never while a lint runs
    assert own.renewals == 1 and not own._cache
    assert own.loaded and len(own.load().vocab) <= base  # loaded again, as saved
    del loaded
    gc.collect()
    assert old() is None  # the grown vocabulary went with its pipeline
    assert _annotations(own.parse(sentence, entities=False)) == before
    assert nlp.loaded and nlp.renewals == renewed  # a pipeline that met no new word stays


def test_an_edited_document_leaves_at_most_two_whole_token_streams_behind() -> None:
    """Each analysis of a document missing sections inserts skeletons at its end and, the
    document holding an HTML comment, parses the whole text for blocks left open: the
    server keeps two such whole-document token streams, not one per recent version (eight
    of ~1.4 MB each for a 10,000-word postmortem were a step in the soak's memory)."""
    from pm_lsp.rules.structure.specs import missing_section

    missing = missing_section.code  # its fixes insert the skeletons
    env = {**os.environ, memory_probe.ENV: "1"}
    raw = RawServer(env=env)
    uri = "file:///tmp/pm-lsp-probe/tokens.md"
    try:
        raw.initialize()
        for version in range(1, 8):
            text = (
                f"# Outage {version}\n\n<!-- written by the on-call team -->\n\n"
                f"## Summary\n\nThe queue stalled for {version} hours.\n"
            )
            if version == 1:
                item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
                raw.send_message(notification("textDocument/didOpen", {"textDocument": item}))
            else:
                doc = {"uri": uri, "version": version}
                changes = [{"text": text}]
                params = {"textDocument": doc, "contentChanges": changes}
                raw.send_message(notification("textDocument/didChange", params))
            raw.wait_for(
                lambda m, v=version: (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == v
                    and any(d.get("code") == missing for d in m["params"]["diagnostics"])
                )
            )
        raw.send_message(request(2, memory_probe.METHOD))
        sizes = json.loads(raw.answer(2)["result"])
    finally:
        raw.close()
    assert 1 <= sizes["caches"]["pm_lsp.parse.blocks.block_tokens"] <= 2


def test_memo_tables_bound_the_bytes_of_text_outside_ascii() -> None:
    """A key holding one emoji stores every character at four bytes: a table keyed by such
    blocks holds about a quarter of the entries an ASCII-keyed one does, so its memory stays
    within the same bound (an editing session that types emoji or CJK text no longer fills
    tables to four times their memory)."""
    plain, wide = Memo[int](10**6), Memo[int](10**6)
    block = "The queue drained and the workers stopped. " * 50
    for i in range(3 * MEMO_CHARS // len(block)):
        plain.put(f"{i} {block}", i)
        wide.put(f"{i} {block}\U0001f525", i)
    assert text_size(block) == len(block)
    assert text_size(block + "\U0001f525") >= 4 * len(block)
    assert len(wide) <= len(plain) // 3
    assert wide._chars <= MEMO_CHARS
