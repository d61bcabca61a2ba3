"""Regexes built from word lists (the lexicons in rule packs)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


def word_alternation(words: Iterable[str]) -> str:
    """A regex (source) matching any of the literal ``words``, as a trie.

    Same language as ``a|b|c`` sorted longest first (a space matches any run of white space,
    and a longer word is preferred where several match), but the engine follows one branch
    per character instead of trying every word at every position: the prefilters test
    thousands of sentences against lists of hundreds of words, so this is most of their cost.
    """
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
