"""Regexes built from word lists (the lexicons in rule packs)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Literal

from pm_lsp import __version__, regex_cache

#: each character as the trie writes it (a space matches any run of white space)
_ESCAPED: dict[str, str] = {" ": r"\s+"}


def _escaped(ch: str) -> str:
    got = _ESCAPED.get(ch)
    if got is None:
        got = _ESCAPED[ch] = re.escape(ch)
    return got


def _emit(node: dict[str, Any]) -> str:
    """The regex source for a trie node: a run of single letters written in a row (no
    call per letter: the rule packs' lists make tries of tens of thousands of nodes, built
    in every process), then the node's branches, optional where a word ends there."""
    run: list[str] = []
    while len(node) == 1:
        ((ch, sub),) = node.items()
        if not ch:
            break
        run.append(_escaped(ch))
        node = sub
    parts = [_escaped(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not parts:
        return "".join(run)
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if "" in node:
        body = f"(?:{body})?"
    return "".join(run) + body


def _kind(name: str) -> str:
    """The name a derivation of this module is kept under in :mod:`pm_lsp.regex_cache`'s
    table: the package version and this module's size and modification time, so that an
    upgrade or an edit is never served an old result (the process id when the module
    cannot be read: kept for this process only)."""
    stamp = regex_cache.files_stamp([Path(__file__)])
    return f"{name} {__version__} {stamp if stamp is not None else os.getpid()}"


_ALTERNATION = _kind("word alternation")
_BOUNDED = _kind("word bounded")
_SOFT = _kind("soft spaces")


def word_alternation(words: Iterable[str]) -> str:
    """A regex (source) matching any of the literal ``words``, as a trie.

    Same language as ``a|b|c`` sorted longest first (a space matches any run of white space,
    and a longer word is preferred where several match), but the engine follows one branch
    per character instead of trying every word at every position: the prefilters test
    thousands of sentences against lists of hundreds of words, so this is most of their cost.

    The source depends on the set of words alone (not their order), so it is kept from one
    run to the next under that set (:func:`pm_lsp.regex_cache.remembered`): building the
    ~110 tries of the rule packs cost ~0.03 s CPU in every process."""
    unique = sorted({w for w in words if w})
    got = regex_cache.remembered(_ALTERNATION, "\0".join(unique), 0, lambda: _trie(unique))
    return got if isinstance(got, str) and got else _trie(unique)


def _trie(words: Iterable[str]) -> str:
    """:func:`word_alternation`, built."""
    trie: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            nxt = node.get(ch)
            if nxt is None:
                nxt = node[ch] = {}
            node = nxt
        node[""] = {}
    return _emit(trie) or "(?!x)x"


def soft_spaces(pattern: str) -> str:
    r"""``pattern`` (a rule pack's regular expression) with each literal space outside a
    character class matching any run of white space, as a space does in
    :func:`word_alternation`: a sentence wrapped at 72 columns ("I take" at the end of a
    line, "full responsibility" on the next) or masked around markup says the same as one
    written on one line. A run of spaces is one ``\s+``; a space under a quantifier
    (" ?", " +") or inside a lookbehind (which must keep its width) is one ``\s``; a class
    that holds a space ("human[- ]error") also matches a run of white space. Only for a
    pattern searched within one sentence, which never spans two blocks.

    Kept from one run to the next (:func:`pm_lsp.regex_cache.remembered`): the blame
    lexicon rewrites ~300 phrases character by character, ~7 ms CPU in every process."""
    got = regex_cache.remembered(_SOFT, pattern, 0, lambda: _softened(pattern))
    return got if isinstance(got, str) and got else _softened(pattern)


def _softened(pattern: str) -> str:
    """:func:`soft_spaces`, rewritten."""
    out: list[str] = []
    groups: list[bool] = []  #: per open group: is it a lookbehind?
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            end = _class_end(pattern, i)
            cls = pattern[i:end]
            if " " in cls and not cls.startswith("[^") and not any(groups):
                out.append(f"(?:{cls}|\\s+)")  # "human[- ]error" across a line break
                i = end
                continue
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": the first "]" is a member
                out.append("[]")
                i += 2
                continue
        elif ch == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif ch == ")" and groups:
            groups.pop()
        elif ch == " ":
            j = i
            while j + 1 < n and pattern[j + 1] == " ":
                j += 1
            fixed = any(groups) or (j == i and j + 1 < n and pattern[j + 1] in "*+?{")
            out.append(pattern[i : j + 1].replace(" ", r"\s") if fixed else r"\s+")
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opening at ``pattern[i]`` ends (after its "]")."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":  # a "]" first is a member
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def at_word_start(words: Iterable[str], rest: str = "") -> list[str]:
    r"""``(?:w1|w2|…)`` then ``rest``, as one regex alternative per word, each opening
    with the word's first character and testing the word boundary just after it (a
    lookbehind over two characters: no word character before a first character that is
    one, a word character before one that is not).

    Python's regex engine skips ahead to the next possible first character of a pattern
    whose alternatives all open with a literal, but tries a pattern that opens with ````
    or a lookbehind at every position of the text: joined, these alternatives match what
    the plain form matches, several times faster on a long text."""
    out = []
    for w in words:
        before = r"(?<!\w.)" if re.match(r"\w", w[0]) else r"(?<=\w.)"
        out.append(re.escape(w[0]) + before + re.escape(w[1:]) + rest)
    return out


def word_bounded(pattern: str) -> str:
    r"""``pattern`` (a rule pack's phrase) made to start at a word's start when every match of
    it begins with a word character: "her fault" must not match inside "another fault".
    Phrases that may begin with punctuation (",\s*again", "!{2,}") are left as written, and
    so is a pattern Python cannot parse (its compiler reports it)."""
    if _letter_led(pattern):  # most phrases: decided without parsing (~0.1 ms each)
        return rf"(?<!\w)(?:{pattern})"
    # the others parsed once and kept from one run to the next (~150 in the rule packs,
    # ~0.02 s CPU in every process)
    got = regex_cache.remembered(_BOUNDED, pattern, 0, lambda: _bounded_by_parse(pattern))
    return got if isinstance(got, str) and got else _bounded_by_parse(pattern)


def _bounded_by_parse(pattern: str) -> str:
    """:func:`word_bounded` for a pattern that does not open with a word character plainly:
    its syntax tree tells what a match may begin with."""
    try:
        kinds = _first_kinds(list(_parser.parse(pattern)))
    except re.error:
        return pattern
    return rf"(?<!\w)(?:{pattern})" if kinds == {"word"} else pattern


def _letter_led(pattern: str) -> bool:
    """A phrase that opens with a word character that is not optional and has no "|"
    outside its groups: every match begins with that character."""
    if len(pattern) < 2 or not _is_word(pattern[0]) or pattern[1] in "?*{":
        return False
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            return False
        i += 1
    return True


#: what a match can begin with: a word character, another character, or nothing (the
#: pattern can match the empty string there)
_Kind = Literal["word", "other", "empty"]


def _first_kinds(items: list[Any]) -> set[_Kind]:
    for k, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item begins the match
        if op is _c.LITERAL:
            return {"word" if _is_word(chr(av)) else "other"}
        if op is _c.IN:
            return {"word" if all(_word_item(i) for i in av) else "other"}
        if op is _c.BRANCH:
            kinds = set().union(*(_first_kinds(list(b)) for b in av[1]))
        elif op is _c.SUBPATTERN:
            kinds = _first_kinds(list(av[-1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            kinds = _first_kinds(list(av[2])) | ({"empty"} if av[0] == 0 else set())
        else:
            return {"other"}
        if "empty" not in kinds:
            return kinds
        return (kinds - {"empty"}) | _first_kinds(items[k + 1 :])
    return {"empty"}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_item(item: tuple[Any, Any]) -> bool:
    """Is every character this item of a character class matches a word character?"""
    op, av = item
    if op is _c.LITERAL:
        return _is_word(chr(av))
    if op is _c.RANGE:
        return all(_is_word(chr(c)) for c in range(av[0], av[1] + 1))
    return op is _c.CATEGORY and av in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT)
