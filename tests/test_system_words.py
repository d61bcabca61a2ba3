"""The blame family's system words, read segment by segment, equal one scan of the text.

:func:`pm_lsp.rules.blame.systems.system_words` cuts the document where no match of its
patterns can cross and keeps each segment's words by its text, so that an edit rescans one
segment. Whatever the text, the union must be what :func:`words_in` finds on the whole of
it: names split from their version, noun or verb by a line break, blank lines with unusual
whitespace, Windows line breaks, the fixtures and the corpus.
"""

from __future__ import annotations

import re

from conftest import document_paths
from hypothesis import given
from hypothesis import strategies as st
from test_properties import FAST

from pm_lsp.cache import Memo
from pm_lsp.rules.blame import systems
from pm_lsp.rules.blame.systems import segments, system_words, words_in

JOINS = [
    "We upgraded\nQuellbridge on Monday.\n",
    "We upgraded the\n\n  Quellbridge cluster.\n",
    "Marlowtech\n\n2.4.1 shipped.\n",
    "Marlowtech v2.4\n",
    "The Brightvale\nproxy restarted.\n",
    "The Brightvale-\n\u2028\nproxy restarted.\n",
    "A sentence ends.\nBrightvale proxy\n",
    "- item one.\n- Tessaline 3.1 was rolled out\n\n| Quellbridge | 1.2.3 |\n",
    "Run `tessaline --check`\nand `zentrova\nlater`.\n",
    "Deployed\r\nNorthwind 4.5\r\n\r\nThe Northwind\r\nservice\r\n",
    "Ends with a hyphen -\n  1.2.3 follows\n",
    "under_score\n\u00a0\nVersion 1.2\n",
    "",
    "\n\n\n",
    "No line break at the end: upgraded Quellbridge",
]


#: the patterns as first written, each opening with its "not after a word" lookbehind: the
#: module writes them to open with the character they need instead (so the regex engine
#: skips ahead to it), and must match exactly where these do
PLAIN = {
    "_CODE": re.compile(r"(?<!`)`++([^`\n]+)`"),
    "_VERSIONED": re.compile(r"(?<![\w-])([A-Z][\w-]*+)\s+v?\d+(?:\.\d+)+"),
    "_SYSTEM_NOUN": re.compile(
        r"(?<![\w-])([A-Z][\w-]*+)\s+(?:cluster|service|server|node|bot|daemon|job|instance|"
        r"operator|controller|chart|api|sdk|client|library|database|pod|agent|proxy|app|plugin|"
        r"container|image|version|binary|validator|deployment)s?\b|(?<![\w-])([A-Z][\w-]*+)\s+"
        r"(?:release|upgrade|process|host)\b"
    ),
    "_OPERATED": re.compile(
        r"\b(?:upgrad|deploy|install|restart|configur|reboot|downgrad|patch|redeploy|uninstall|"
        r"migrat)\w*\s+(?:the\s+|our\s+)?([A-Z][\w-]*)"
    ),
}


def _as_plain(text: str) -> None:
    """Every pattern matches where its plain form does, with the same name."""
    for name, plain in PLAIN.items():
        fast: re.Pattern[str] = getattr(systems, name)
        assert [(m.span(), m.group(m.lastindex or 1)) for m in plain.finditer(text)] == [
            (m.span(), m.group(1)) for m in fast.finditer(text)
        ], name


def _same(text: str) -> None:
    _as_plain(text)
    assert "".join(segments(text)) == text
    memo: Memo[frozenset[str]] = Memo()
    expected = words_in(text)
    assert system_words(text) == expected
    assert system_words(text, memo) == expected
    assert system_words(text, memo) == expected  # and from the memo


def test_words_split_by_line_breaks_are_found() -> None:
    for text in JOINS:
        _same(text)
    assert {"Quellbridge", "Marlowtech", "Brightvale"} <= system_words("".join(JOINS[:5]))


def test_a_blank_line_after_a_full_stop_is_a_cut() -> None:
    """The segments are paragraphs where a paragraph ends with a sentence."""
    text = "First paragraph.\n\nSecond paragraph.\nThird line\n\nfourth line.\n"
    assert segments(text) == [
        "First paragraph.\n",
        "\nSecond paragraph.\nThird line\n\nfourth line.\n",
    ]


def test_windows_line_breaks_cut_at_blank_lines_too() -> None:
    text = "Deployed\r\nNorthwind 4.5.\r\n\r\nThe Northwind\r\n\r\nservice failed.\r\n"
    assert segments(text) == [
        "Deployed\r\nNorthwind 4.5.\r\n",
        "\r\nThe Northwind\r\n\r\nservice failed.\r\n",
    ]
    _same(text)


def test_fixtures_and_corpus() -> None:
    paths = document_paths()
    assert len(paths) > 20
    for p in paths:
        text = p.read_text(encoding="utf-8", errors="replace")
        _same(text)
        _same(text.replace("\n", "\r\n"))


def test_an_edit_rescans_one_segment() -> None:
    memo: Memo[frozenset[str]] = Memo()
    text = "".join(f"Paragraph {i} mentions the Quellbridge service.\n\n" for i in range(50))
    system_words(text, memo)
    misses = memo.misses
    edited = text.replace("Paragraph 7 mentions", "Paragraph 7 now upgraded Zentrova and mentions")
    assert "Zentrova" in system_words(edited, memo)
    assert memo.misses == misses + 1


_PARTS = st.sampled_from(
    [
        "Quellbridge",
        "Nginx",
        "the",
        "our",
        "upgraded",
        "reupgraded",
        "Deploy",
        "patch",
        "proxy",
        "release",
        "v2",
        "1.25",
        "3.4.5",
        "`",
        "`nginx -s`",
        "``",
        "Service",
        "Host",
        "Servers",
        "node",
        "A",
        "-",
        "_",
        ".",
        ",",
        "|",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u2028",
        "\u00a0",
        "\x85",
        "é",
        "Éclair",
        "x",
    ]
)


@given(st.lists(_PARTS, max_size=40))
@FAST
def test_random_texts(parts: list[str]) -> None:
    _same("".join(parts))


def test_sections_cut_before_headings_and_spare_the_others() -> None:
    """With headings, the words are kept per section: an edit re-reads the section it is
    in (one entry looked up anew), and the answer is the one a scan of the whole text
    gives."""
    from pm_lsp.rules.blame.systems import sections

    text = "".join(
        f"## Part {i}\n\nThe team upgraded the Quellbridge cluster in step {i}.\n\n"
        f"Then it paused.\n\n"
        for i in range(30)
    )
    pieces = sections(text)
    assert "".join(pieces) == text and len(pieces) == 30
    assert all(p.startswith("\n## Part") for p in pieces[1:])
    memo: Memo[frozenset[str]] = Memo()
    assert system_words(text, memo) == words_in(text)
    misses = memo.misses
    edited = text.replace("in step 7.", "in step 7, then restarted Zentrova.")
    assert system_words(edited, memo) == words_in(edited)
    assert "Zentrova" in system_words(edited, memo)
    assert memo.misses == misses + 1
    crlf = text.replace("\n", "\r\n")
    assert "".join(sections(crlf)) == crlf and len(sections(crlf)) == 30
