"""A rule pack's phrase that starts with a letter starts at a word's start
(:func:`pm_lsp.nlp.words.word_bounded`): "her fault" is not found inside "another fault",
while phrases that may start with punctuation keep matching where they did."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pm_lsp.nlp.words import soft_spaces, word_bounded
from pm_lsp.policy.rulepack import builtin_pack

HERE = Path(__file__).resolve().parent / "fixtures" / "blame"
PHRASE_KEYS = (
    "fault-phrases",
    "judgment-phrases",
    "minimiser-phrases",
    "hindsight-phrases",
    "animated-phrases",
    "exasperation-phrases",
    "human-error-phrases",
    "inaction-phrases",
)


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (r"(?:his|her|our)\s+fault\b", "the crew was out on another fault", False),
        (r"(?:his|her|our)\s+fault\b", "it was her fault, she said", True),
        (r"(?:his|her|our)\s+fault\b", "a detour fault list", False),
        (r"(?:his|her|our)\s+fault\b", "(her fault)", True),
        (r"bad call", "a sinbad call", False),
        (r",\s*again\W*$", "it broke, again!", True),  # starts with a comma: as written
        (r"(?:and|,) yet", "it broke, yet nobody looked", True),  # may start with a comma
        (r"x?", "abc", True),  # may match nothing: as written
    ],
)
def test_phrase_starts_a_word(pattern: str, text: str, found: bool) -> None:
    assert bool(re.search(word_bounded(pattern), text, re.IGNORECASE)) is found


def test_unparsable_pattern_is_left_for_the_compiler() -> None:
    assert word_bounded("(unclosed") == "(unclosed"


def _texts() -> list[str]:
    """The blame fixture sentences, each also glued to a word before it ("xKim broke ...")
    and with random words run together, so that phrases meet word characters on their left."""
    rng = random.Random(7)
    lines = [
        ln.split("|", 1)[-1].strip()
        for name in ("positives.txt", "negatives.txt")
        for ln in (HERE / name).read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    glued = []
    for s in lines:
        words = s.split()
        k = rng.randrange(len(words))
        glued.append(
            " ".join(words[:k]) + "".join(words[k : k + 2]) + " " + " ".join(words[k + 2 :])
        )
    return rng.sample(lines + ["x" + s for s in lines] + glued, 400)


@pytest.mark.parametrize("key", PHRASE_KEYS)
def test_bounded_pack_phrases_match_where_a_word_starts(key: str) -> None:
    """At every position the bounded phrase matches exactly what the phrase as written
    matches there, except just after a word character, where a phrase that starts with a
    letter no longer matches at all."""
    texts = _texts()
    for phrase in builtin_pack().words("blame", key):
        plain = re.compile(soft_spaces(phrase), re.IGNORECASE)
        bounded_src = word_bounded(soft_spaces(phrase))
        bounded = re.compile(bounded_src, re.IGNORECASE)
        changed = bounded_src != soft_spaces(phrase)
        for t in texts:
            for i in range(len(t) + 1):
                after_word = i > 0 and (t[i - 1].isalnum() or t[i - 1] == "_")
                want = plain.match(t, i)
                got = bounded.match(t, i)
                if changed and after_word:
                    assert got is None, (phrase, t, i)
                else:
                    assert (want and want.group()) == (got and got.group()), (phrase, t, i)


@pytest.mark.parametrize("key", PHRASE_KEYS)
def test_fast_path_agrees_with_the_parse(key: str) -> None:
    """The shortcut for phrases that open with a plain word character decides as the
    parsed pattern does."""
    from re import _parser  # type: ignore[attr-defined]

    from pm_lsp.nlp.words import _first_kinds, _letter_led

    for phrase in builtin_pack().words("blame", key):
        src = soft_spaces(phrase)
        if _letter_led(src):
            assert _first_kinds(list(_parser.parse(src))) == {"word"}, phrase
