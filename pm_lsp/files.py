"""Reading input files safely and finding the postmortems under a directory.

Bad input must never crash a run or hang it: a binary file, invalid UTF-8, UTF-16, a file
over the size limit, a symbolic link loop or a folder that cannot be listed becomes a PM002
"file skipped" diagnostic at that path and the run goes on. Text is decoded without newline
translation so CRLF files keep their line endings through ``--fix``; a UTF-8 BOM is kept in
the text (the document parser handles it) so offsets match the file.

UTF-16 and UTF-32 files (recognised by their byte order mark) are reported, not decoded:
``--fix`` writes UTF-8, so linting them would either turn a fixed file into another
encoding or need a second write path for a rare case; the message says to save the file
as UTF-8, which every editor can do.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pm_lsp.policy.config import Config

ConfigLookup = Callable[[Path], Config]
#: told about each folder that the walk could not list, and why
WalkProblem = Callable[[Path, str], None]

#: bytes read at a time: a limit of many gigabytes never becomes one allocation
CHUNK_BYTES = 1 << 16

#: byte order marks of the encodings that are not UTF-8; UTF-32 first (its little-endian
#: mark begins with UTF-16's)
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


@dataclass(frozen=True)
class SourceText:
    text: str | None
    #: why the file was skipped (PM002), when ``text`` is None
    skipped: str | None = None


def decode(data: bytes, max_size: int) -> SourceText:
    if len(data) > max_size:
        return SourceText(None, _too_big(len(data), max_size))
    return _decode(data)


def _decode(data: bytes) -> SourceText:
    """The text of a file that fits the limit, or why it is not Markdown we can read: a NUL
    anywhere means binary (a Markdown file never holds one)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return SourceText(
                None,
                f"file is {encoding} encoded (it starts with a byte order mark); save it "
                "as UTF-8 to lint it",
            )
    if b"\x00" in data:
        return SourceText(None, "file looks binary (contains NUL bytes)")
    try:
        return SourceText(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return SourceText(None, f"file is not valid UTF-8 (byte {exc.start}: {exc.reason})")


def _too_big(size: int, max_size: int) -> str:
    return f"file is {_human(size)}, over the {_human(max_size)} limit (max-file-size)"


def read_source(path: Path, max_size: int) -> SourceText:
    """The file's text, or why it was skipped. Reads in chunks and stops past ``max_size``,
    so a huge limit costs nothing and a huge file is never read whole."""
    try:
        st = path.stat()
    except OSError as exc:
        return SourceText(None, missing_reason(path, exc))
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block the run, a device never end
        return SourceText(None, f"not a regular file ({_kind(st.st_mode)})")
    if st.st_size > max_size:
        return SourceText(None, _too_big(st.st_size, max_size))
    try:
        with path.open("rb") as fh:
            data = _read_bounded(fh, max_size)
            if data is None:  # it grew since the stat
                return SourceText(None, _too_big(os.fstat(fh.fileno()).st_size, max_size))
    except FileNotFoundError:
        return SourceText(None, "file no longer exists (deleted during the run)")
    except OSError as exc:
        return SourceText(None, f"cannot read file: {exc.strerror or exc}")
    return _decode(data)


def _read_bounded(fh: BinaryIO, max_size: int) -> bytes | None:
    """All of ``fh``, or None as soon as it is longer than ``max_size``."""
    chunks: list[bytes] = []
    total = 0
    while chunk := fh.read(min(CHUNK_BYTES, max_size + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_size:
            return None
    return b"".join(chunks)


def missing_reason(path: Path, exc: OSError) -> str:
    """Why a path that should hold a file does not give one: a deleted file, a dangling or
    looping symbolic link, a name the system refuses; each named as what it is."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long for the file system"
    if exc.errno == errno.ENOENT:
        try:
            return f"broken symbolic link (its target {os.readlink(path)!r} does not exist)"
        except OSError:  # not a link (or no longer there): the file itself is gone
            pass
        return "file no longer exists (deleted during the run)"
    return f"cannot read file: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def discover(
    directory: Path, config_for: ConfigLookup, on_problem: WalkProblem | None = None
) -> Iterator[Path]:
    """Markdown files under ``directory`` that the applicable config includes, sorted.

    A folder that cannot be listed is passed to ``on_problem`` with the reason, in walk
    order, so that it is reported where it is instead of silently missing from the run.
    Symbolic links to folders are not followed (a link loop cannot recurse); a link that
    looks like a Markdown file is yielded, and reading it says what is wrong with it.
    """

    def unreadable(exc: OSError) -> None:
        if on_problem is not None and exc.filename is not None:
            reason = exc.strerror or str(exc)
            on_problem(Path(exc.filename), f"cannot list directory: {reason}")

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        root_path = Path(root)
        config = config_for(root_path / "_")
        dirs[:] = sorted(d for d in dirs if not config.is_excluded(root_path / d))
        for name in sorted(files):
            p = root_path / name
            cfg = config_for(p)
            if cfg.is_included(p) and not cfg.is_excluded(p):
                yield p
