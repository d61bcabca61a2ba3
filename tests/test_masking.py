"""Equal-length masking of inline Markdown: what is kept as prose, what becomes blank."""

from __future__ import annotations

import pytest

from pm_lsp.parse.masking import (
    CODE_PLACEHOLDER,
    blank,
    container_prefix_length,
    mask_code_spans,
    mask_inline,
)


def expect(source: str, *blanked: str, code: tuple[str, ...] = ()) -> str:
    """``source`` with each ``blanked`` piece turned to spaces and each ``code`` piece to
    the placeholder letter: the expectation, spelled as what is removed."""
    out = source
    for piece in blanked:
        assert piece in out, piece
        out = out.replace(piece, " " * len(piece), 1)
    for piece in code:
        assert piece in out, piece
        out = out.replace(piece, CODE_PLACEHOLDER * len(piece), 1)
    return out


CASES = [
    # (source, masked)
    ("plain words stay", "plain words stay"),
    ("run `make deploy` first", expect("run `make deploy` first", code=("`make deploy`",))),
    (
        "a ``code with ` tick`` b",
        expect("a ``code with ` tick`` b", code=("``code with ` tick``",)),
    ),
    ("an unmatched ` tick stays", "an unmatched ` tick stays"),
    ("x <!-- a note --> y", expect("x <!-- a note --> y", "<!-- a note -->")),
    (
        'x <span class="k">key</span> y',
        expect('x <span class="k">key</span> y', '<span class="k">', "</span>"),
    ),
    (
        "mail <ops@example.org> or <https://example.org/x>",
        expect(
            "mail <ops@example.org> or <https://example.org/x>",
            "<ops@example.org>",
            "<https://example.org/x>",
        ),
    ),
    (
        "![a graph](graph.png) showed it",
        expect("![a graph](graph.png) showed it", "![a graph](graph.png)"),
    ),
    (
        "see [the runbook](https://w.example/rb_(v2)) now",
        expect(
            "see [the runbook](https://w.example/rb_(v2)) now", "[", "](https://w.example/rb_(v2))"
        ),
    ),
    (
        "per [our policy][pol] and a note[^1].",
        expect("per [our policy][pol] and a note[^1].", "[", "][pol]", "[^1]"),
    ),
    (
        "logs at https://logs.example/q?a=1&b=2, then",
        expect("logs at https://logs.example/q?a=1&b=2, then", "https://logs.example/q?a=1&b=2"),
    ),
    ("(see http://a.example/b)", expect("(see http://a.example/b)", "http://a.example/b")),
    (
        "visit www.status.example/page.",
        expect("visit www.status.example/page.", "www.status.example/page"),
    ),
    (
        "**bold** and *em* and ~~struck~~",
        expect("**bold** and *em* and ~~struck~~", "**", "**", "*", "*", "~~", "~~"),
    ),
    # intraword underscores are part of the name; only the emphasis markers go
    ("snake_case_name and _emphasis_", "snake_case_name and " + " emphasis "),
    ("an escaped \\[bracket\\]", expect("an escaped \\[bracket\\]", "\\", "\\")),
    ("café 🔥 *東京*", expect("café 🔥 *東京*", "*", "*")),
]


@pytest.mark.parametrize(("source", "masked"), CASES)
def test_mask_inline(source: str, masked: str) -> None:
    got = mask_inline(source)
    assert got == masked
    assert len(got) == len(source)


def test_code_placeholder_is_a_letter_run() -> None:
    got = mask_code_spans("a `b` c")
    assert got == "a " + CODE_PLACEHOLDER * 3 + " c"
    assert CODE_PLACEHOLDER.isalpha()


def test_masking_keeps_line_breaks_inside_spans() -> None:
    source = "the `multi\nline` span and <!-- a\r\ncomment --> and **bold\nacross**"
    got = mask_inline(source)
    assert len(got) == len(source)
    assert [i for i, c in enumerate(got) if c in "\r\n"] == [
        i for i, c in enumerate(source) if c in "\r\n"
    ]
    assert "multi" not in got and "comment" not in got
    assert "bold" in got and "across" in got


def test_blank_keeps_line_breaks() -> None:
    assert blank("ab\r\ncd\ne") == "  \r\n  \n "


@pytest.mark.parametrize(
    ("line", "first_line", "in_list", "expected"),
    [
        ("- item", True, True, 2),
        ("  * item", True, True, 4),
        ("10. item", True, True, 4),
        ("3) item", True, True, 3),
        ("- [ ] task", True, True, 6),
        ("- [x] done", True, True, 6),
        ("> - quoted item", True, True, 4),
        ("- continuation that starts with a dash", False, True, 0),
        ("   continuation", False, True, 3),
        ("> quoted line", False, False, 2),
        ("> > deeper", False, False, 4),
        (">\tquote with tab", False, False, 2),
        ("plain", False, False, 0),
        ("-", True, True, 1),
    ],
)
def test_container_prefix_length(line: str, first_line: bool, in_list: bool, expected: int) -> None:
    assert container_prefix_length(line, first_line=first_line, in_list=in_list) == expected
