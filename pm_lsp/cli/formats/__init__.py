"""Output formats. Each takes the same :class:`FileReport` list and writes one document.

Offsets become positions here and only here: lines and columns are 1-based and columns count
Unicode code points (JSON, SARIF with ``columnKind: unicodeCodePoints``, GitHub, text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from pm_lsp.model.positions import LineIndex
from pm_lsp.rules.spec import Diagnostic


@dataclass
class FileReport:
    path: str  #: as given or relative to the working directory, with forward slashes
    text: str | None  #: None when the file was skipped
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text or "")
        return self._lines

    def pos(self, offset: int) -> tuple[int, int]:
        """1-based (line, column in code points)."""
        line, col = self.lines.position(offset)
        return line + 1, col + 1


Renderer = Callable[[Sequence[FileReport], TextIO, bool], None]


def renderers() -> dict[str, Renderer]:
    from pm_lsp.cli.formats import github, gitlab, json_format, json_lines, junit, sarif, text

    return {
        "text": text.render,
        "json": json_format.render,
        "json-lines": json_lines.render,
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
        "gitlab": gitlab.render,
    }


FORMATS = ("text", "json", "json-lines", "sarif", "github", "junit", "gitlab")
