"""Reading input files safely and finding the postmortems under a directory.

Bad input must never crash a run or hang it: a binary file, invalid UTF-8 or a file over
the size limit becomes a PM002 "file skipped" diagnostic and the run goes on. Text is
decoded without newline translation so CRLF files keep their line endings through ``--fix``;
a UTF-8 BOM is kept in the text (the document parser handles it) so offsets match the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pm_lsp.policy.config import Config

ConfigLookup = Callable[[Path], Config]

#: bytes inspected for NUL when deciding that a file is binary
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceText:
    text: str | None
    #: why the file was skipped (PM002), when ``text`` is None
    skipped: str | None = None


def decode(data: bytes, max_size: int) -> SourceText:
    if len(data) > max_size:
        return SourceText(
            None, f"file is {_human(len(data))}, over the {_human(max_size)} limit (max-file-size)"
        )
    if b"\x00" in data[:SNIFF_BYTES]:
        return SourceText(None, "file looks binary (contains NUL bytes)")
    try:
        return SourceText(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return SourceText(None, f"file is not valid UTF-8 (byte {exc.start}: {exc.reason})")


def read_source(path: Path, max_size: int) -> SourceText:
    """The file's text, or why it was skipped. Never reads more than ``max_size + 1`` bytes."""
    try:
        if not path.is_file():
            return SourceText(None, "not a regular file")
        with path.open("rb") as fh:
            data = fh.read(max_size + 1)
            if len(data) > max_size:
                size = os.fstat(fh.fileno()).st_size
                return SourceText(
                    None,
                    f"file is {_human(size)}, over the {_human(max_size)} limit (max-file-size)",
                )
    except OSError as exc:
        return SourceText(None, f"cannot read file: {exc.strerror or exc}")
    return decode(data, max_size)


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def discover(directory: Path, config_for: ConfigLookup) -> Iterator[Path]:
    """Markdown files under ``directory`` that the applicable config includes, sorted."""
    for root, dirs, files in os.walk(directory):
        root_path = Path(root)
        config = config_for(root_path / "_")
        dirs[:] = sorted(d for d in dirs if not config.is_excluded(root_path / d))
        for name in sorted(files):
            p = root_path / name
            cfg = config_for(p)
            if cfg.is_included(p) and not cfg.is_excluded(p):
                yield p
