"""The bounds that make a long editing session's memory level off (the language server's
concern; ``bench/lsp_soak.py`` shows the effect on RSS)."""

from __future__ import annotations

import pytest

from pm_lsp import cache
from pm_lsp.cache import MEMO_CHARS, Memo, lru, trim_functions
from pm_lsp.nlp import pipeline
from pm_lsp.nlp.pipeline import CACHE_CHARS, NLP


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
