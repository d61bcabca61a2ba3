"""The trie source of a word list (:func:`pm_lsp.nlp.words.word_alternation`) is the same
text as the recursive writer's it replaced, one call per trie node, on every word list of
the built-in pack: so every lexicon regex built from it is unchanged."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pm_lsp.nlp.words import word_alternation
from pm_lsp.policy.rulepack import builtin_pack


def _plain(words: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        parts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(trie) or "(?!x)x"


def _lists(value: object) -> Iterator[list[str]]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _lists(v)
    elif (
        isinstance(value, list)
        and value
        and all(isinstance(v, str) and len(v) < 200 for v in value)  # not long patterns
    ):
        yield value


def test_every_pack_list_gives_the_plain_writers_source() -> None:
    lists = list(_lists(builtin_pack()._data))
    assert len(lists) > 100
    for words in lists:
        assert word_alternation(words) == _plain(words)
        lowered = [w.lower() for w in words]
        assert word_alternation(lowered) == _plain(lowered)


def test_odd_lists_give_the_plain_writers_source() -> None:
    rng = random.Random(7)
    alphabet = "ab c-'.+é"
    cases: list[list[str]] = [
        [],
        [""],
        ["a"],
        ["a", "a"],
        ["abc", "ab", "a"],
        ["abc", "abd", "x"],
        ["long single word"],
        ["c++", "c#", "f(x)", "a.b", "we'll"],
    ]
    for _ in range(300):
        cases.append(
            ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7))) for _ in range(9)]
        )
    for words in cases:
        assert word_alternation(words) == _plain(words), words
