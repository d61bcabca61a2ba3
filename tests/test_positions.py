"""Offsets <-> line/column in code points, UTF-16 and UTF-8 units, on awkward text.

Expected values are computed by hand from the characters involved (an astral-plane emoji is
one code point, two UTF-16 units and four UTF-8 bytes; a CJK character is one, one and
three), never by calling the code under test a second way.
"""

from __future__ import annotations

import pytest

from pm_lsp.model.positions import Encoding, LineIndex, units
from pm_lsp.parse.markdown import parse

FIRE = "\U0001f525"  # 🔥: astral plane
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧: 5 code points
TOKYO = "東京"


def test_units_of_each_kind_of_character() -> None:
    assert [units("a", e) for e in ("utf-32", "utf-16", "utf-8")] == [1, 1, 1]
    assert [units("é", e) for e in ("utf-32", "utf-16", "utf-8")] == [1, 1, 2]
    assert [units(TOKYO, e) for e in ("utf-32", "utf-16", "utf-8")] == [2, 2, 6]
    assert [units(FIRE, e) for e in ("utf-32", "utf-16", "utf-8")] == [1, 2, 4]
    # man, ZWJ, woman, ZWJ, girl: three astral characters and two 3-byte joiners
    assert [units(FAMILY, e) for e in ("utf-32", "utf-16", "utf-8")] == [5, 8, 18]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_starts_for_each_line_break(newline: str) -> None:
    text = newline.join(["one", "", "three"]) + newline
    idx = LineIndex(text)
    width = len(newline)
    assert idx.starts == [0, 3 + width, 3 + 2 * width, 8 + 3 * width]
    assert idx.line_count == 4
    assert [idx.line_text(n) for n in range(4)] == ["one", "", "three", ""]
    assert idx.line_end(0) == 3
    assert idx.line_end(0, include_newline=True) == 3 + width
    assert idx.position(text.index("three") + 2) == (2, 2)


def test_only_cr_lf_and_crlf_end_lines() -> None:
    """Form feed, vertical tab, NEL and U+2028 are characters, not line breaks (LSP rule)."""
    text = "a\x0cb\x0bc\x85d\u2028e\u2029f\nnext"
    idx = LineIndex(text)
    assert idx.line_count == 2
    assert idx.position(text.index("f")) == (0, 10)
    assert idx.position(text.index("next")) == (1, 0)


def test_crlf_is_one_break_and_the_gap_is_on_the_first_line() -> None:
    text = "ab\r\ncd"
    idx = LineIndex(text)
    assert idx.position(2) == (0, 2)  # the \r
    assert idx.position(3) == (0, 3)  # between \r and \n
    assert idx.position(4) == (1, 0)


LINE = f"{FIRE} {TOKYO} {FAMILY} end"
#: code-point offset of each landmark on LINE, with its column in each encoding
LANDMARKS = {
    # offset: (utf-32, utf-16, utf-8)
    0: (0, 0, 0),
    1: (1, 2, 4),  # after the fire emoji
    2: (2, 3, 5),  # at 東
    3: (3, 4, 8),  # at 京
    5: (5, 6, 12),  # at the family's first code point
    10: (10, 14, 30),  # after the family
    11: (11, 15, 31),  # at "end"
    14: (14, 18, 34),  # end of line
}


@pytest.mark.parametrize("prefix", ["", "first line\n", "first line\r\n", "\r", "x\r\n\r\n"])
@pytest.mark.parametrize("offset", sorted(LANDMARKS))
def test_position_and_back_in_every_encoding(prefix: str, offset: int) -> None:
    text = prefix + LINE + "\n"
    idx = LineIndex(text)
    line = LineIndex(prefix).line_count - 1
    for enc, col in zip(("utf-32", "utf-16", "utf-8"), LANDMARKS[offset], strict=True):
        encoding: Encoding = enc  # type: ignore[assignment]
        assert idx.position(len(prefix) + offset, encoding) == (line, col), enc
        assert idx.offset(line, col, encoding) == len(prefix) + offset, enc


def test_columns_inside_a_character_snap_forward() -> None:
    text = f"a{FIRE}b"
    idx = LineIndex(text)
    # UTF-16 column 2 is between the two surrogates of the emoji
    assert idx.offset(0, 2, "utf-16") == 2
    # UTF-8 columns 2..4 are inside the emoji's four bytes
    assert [idx.offset(0, c, "utf-8") for c in range(1, 7)] == [1, 2, 2, 2, 2, 3]


def test_out_of_range_positions_are_clamped() -> None:
    text = "ab\ncd"
    idx = LineIndex(text)
    assert idx.offset(0, 99) == 2  # past the end of a line: the end of that line
    assert idx.offset(0, 99, "utf-16") == 2
    assert idx.offset(7, 0) == len(text)  # past the last line: the end of the text
    assert idx.offset(-1, 5) == 0
    assert idx.offset(1, -3) == 3
    assert idx.position(-5) == (0, 0)
    assert idx.position(999) == (1, 2)
    assert idx.line_of(999) == 1


def test_empty_text_and_trailing_newline() -> None:
    assert LineIndex("").position(0) == (0, 0)
    assert LineIndex("").offset(0, 0) == 0
    idx = LineIndex("x\n")
    assert idx.line_count == 2
    assert idx.position(2) == (1, 0)
    assert idx.line_text(1) == ""


def test_tabs_are_one_column() -> None:
    text = "\tindented\tword"
    idx = LineIndex(text)
    assert idx.position(text.index("word")) == (0, 10)
    assert idx.position(text.index("word"), "utf-8") == (0, 10)


def test_document_spans_to_lsp_ranges_with_cjk_and_emoji() -> None:
    """The document's offsets become the columns an editor expects in each encoding."""
    text = f"# {FIRE} 障害報告\r\n\r\n**Status**: {FAMILY} 下書き\r\n"
    doc = parse(text)
    (field,) = doc.metadata
    start, end = field.value_span.start, field.value_span.end
    assert text[start:end] == f"{FAMILY} 下書き"
    prefix = len("**Status**: ")
    assert doc.lines.position(start) == (2, prefix)
    assert doc.lines.position(end) == (2, prefix + 5 + 1 + 3)
    assert doc.lines.position(end, "utf-16") == (2, prefix + 8 + 1 + 3)
    assert doc.lines.position(end, "utf-8") == (2, prefix + 18 + 1 + 9)
    assert doc.title_span is not None
    assert doc.lines.position(doc.title_span.end, "utf-16") == (0, 2 + 2 + 1 + 4)


def test_bom_is_one_code_point_of_the_first_line() -> None:
    text = "\ufeff# Title\n"
    idx = LineIndex(text)
    assert idx.position(text.index("Title")) == (0, 3)
    assert idx.position(text.index("Title"), "utf-16") == (0, 3)
    assert idx.position(text.index("Title"), "utf-8") == (0, 5)  # the BOM is 3 bytes


def test_lone_surrogates_do_not_crash() -> None:
    """Text decoded with surrogateescape may hold lone surrogates."""
    text = "a\udcffb"
    idx = LineIndex(text)
    assert idx.position(2, "utf-8") == (0, 4)
    assert idx.offset(0, 4, "utf-8") == 2
