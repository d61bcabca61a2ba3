"""Offsets <-> line/column conversion.

Every structure in pm-lsp carries code-point offsets into the original text. Lines and
columns are computed only at the edges (CLI formatters, the language server), and there in
the unit the consumer wants: code points (JSON/SARIF/text output), UTF-16 code units (the LSP
default, VS Code) or UTF-8 bytes (Neovim). Only ``\\r\\n``, ``\\r`` and ``\\n`` end a line, as
in the LSP specification; ``str.splitlines`` would also split on form feeds and U+2028.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

Encoding = Literal["utf-8", "utf-16", "utf-32"]

_NEWLINE = re.compile(r"\r\n|\r|\n")
_LF = re.compile(r"\n")


def units(text: str, encoding: Encoding) -> int:
    """Length of ``text`` in code units of ``encoding`` (utf-32 means code points)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-16":
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
    return len(text.encode("utf-8", "surrogatepass"))


class LineIndex:
    """Line starts of one text, for O(log n) offset <-> position conversion."""

    __slots__ = ("_ascii", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # a pattern that is one literal is found by the regex engine's fast scan: six times
        # quicker than the alternation, paid on every keystroke on the whole document
        breaks = _NEWLINE if "\r" in text else _LF
        self.starts: list[int] = [0] + [m.end() for m in breaks.finditer(text)]
        self._ascii = text.isascii()

    @classmethod
    def with_starts(cls, text: str, starts: list[int]) -> LineIndex:
        """The index of ``text`` whose line starts are already known (spliced from a
        previous version's by :mod:`pm_lsp.parse.versions`)."""
        index = cls.__new__(cls)
        index.text = text
        index.starts = starts
        index._ascii = text.isascii()
        return index

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line holding ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        return bisect.bisect_right(self.starts, offset) - 1

    def line_end(self, line: int, *, include_newline: bool = False) -> int:
        """Offset where ``line`` ends (before its line break unless asked otherwise)."""
        if line + 1 < len(self.starts):
            nxt = self.starts[line + 1]
            if include_newline:
                return nxt
            seg = self.text[self.starts[line] : nxt]
            return nxt - (len(seg) - len(seg.rstrip("\r\n")))
        return len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.starts[line] : self.line_end(line)]

    def position(self, offset: int, encoding: Encoding = "utf-32") -> tuple[int, int]:
        """0-based (line, column) of ``offset``; the column counts ``encoding`` units."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if encoding == "utf-32" or self._ascii:
            return line, offset - start
        return line, units(self.text[start:offset], encoding)

    def offset(self, line: int, column: int, encoding: Encoding = "utf-32") -> int:
        """Code-point offset of a 0-based (line, column) position.

        Out-of-range positions are clamped, as the LSP asks: a column past the end of a
        line means the end of that line, a line past the end means the end of the text.
        A column that falls inside a surrogate pair or a UTF-8 sequence snaps forward to
        the next whole character.
        """
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.line_end(line)
        if column <= 0:
            return start
        if encoding == "utf-32" or self._ascii:
            return min(start + column, end)
        counted = 0
        for i in range(start, end):
            if counted >= column:
                return i
            counted += units(self.text[i], encoding)
        return end


def lf_equivalent(text: str) -> str:
    """``text`` with each lone ``\r`` (old Mac line break) turned into ``\n``.

    Same length, same offsets: line-anchored patterns (``^``, ``$`` with ``re.MULTILINE``)
    only know ``\n``, and ``\r\n`` is already handled by an optional ``\r?`` before ``$``.
    """
    return _LONE_CR.sub("\n", text) if "\r" in text else text


_LONE_CR = re.compile(r"\r(?!\n)")


def lines_end_in_lf(text: str) -> bool:
    """Whether every line break of ``text`` ends with ``\n`` (``\n`` or ``\r\n``, no old
    Mac ``\r``): then the line starts are the offsets after each ``\n``."""
    return "\r" not in text or _LONE_CR.search(text) is None
