"""What an edit left alone: the chunks of the last parsed versions a new text still holds.

The chunk cache (:mod:`pm_lsp.parse.markdown`) finds a chunk by its text, but finding the
chunks needs the whole text scanned for heading lines, every cut looked up, and the line
starts found: on a long document that is most of what a parse costs after an edit. An edit
changes one place; the chunks before it are the previous version's, at the same offsets,
and the chunks after it are the previous version's, shifted by the change in length. So
the last few versions are kept with their chunks, and a new text is compared with them
chunk by chunk (``str.startswith`` at an offset: no copy). Only the region between the
chunks found again is scanned and cut.

Why a chunk found again is right without a parse: a chunk's piece depends on its text and
the two lines after it (the probe that proves the cut at its end, see
:mod:`pm_lsp.parse.chunks`), and its start is a proven cut when the chunk before it is found
again or is proven to end there. Both are checked. Front matter and a BOM are blanked in
the text markdown-it reads, always inside the first chunk: a version is compared only with
texts blanked at the same place, and its first chunk is never found again further down.
Texts with old Mac line breaks (a lone ``\r``) take the whole scan: their lines do not all
end in ``\n``.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import deque
from dataclasses import dataclass
from typing import Generic, TypeVar

from pm_lsp.model.positions import LineIndex

_P = TypeVar("_P")

#: versions kept: the documents being edited in turn (a few open files, the server's
#: model-free first paint and full lint of one version)
KEPT = 4

_LF = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class Chunk(Generic[_P]):
    """One chunk of a parsed version, wherever it stands: its text, the lines after it,
    its piece. Shared by the versions that hold it (only their offsets differ)."""

    text: str
    tail: str  #: the two lines after it, as the probe read them ("" for the last chunk)
    piece: _P


@dataclass(frozen=True, slots=True)
class Version(Generic[_P]):
    """A parsed text and its chunks, for one vocabulary (held, so its ``id`` is its own)."""

    vocab: object
    text: str
    #: the part of the text markdown-it read blanked (front matter, a BOM), if any
    blanked: tuple[int, int] | None
    lines: LineIndex
    chunks: list[Chunk[_P]]
    starts: list[int]  #: each chunk's offset


@dataclass(frozen=True, slots=True)
class Change(Generic[_P]):
    """A new text against a kept version: chunks before and after the changed region."""

    lines: LineIndex  #: the new text's line starts
    before: list[tuple[int, int, Chunk[_P]]]  #: (first line, offset, chunk) in the new text
    after: list[tuple[int, int, Chunk[_P]]]  #: the same, after the changed region
    start: int  #: where the changed region starts in the new text (a cut)
    stop: int  #: where it ends (the first chunk of ``after``, or the end of the text)


def tail(text: str, end: int) -> str:
    """The two lines from ``end`` (a line start) on, line breaks included, or to the end of
    the text if it has fewer: what :func:`~pm_lsp.parse.chunks.tokens_before_cut` reads
    after a chunk that ends at ``end``."""
    first = text.find("\n", end)
    second = text.find("\n", first + 1) if first >= 0 else -1
    return text[end : second + 1] if second >= 0 else text[end:]


class Versions(Generic[_P]):
    """The last :data:`KEPT` versions parsed, newest first."""

    def __init__(self) -> None:
        self._kept: deque[Version[_P]] = deque(maxlen=KEPT)
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)

    def remember(self, version: Version[_P]) -> None:
        with self._lock:
            self._kept.appendleft(version)

    def change(
        self, text: str, vocab: object, blanked: tuple[int, int] | None = None
    ) -> Change[_P]:
        """``text`` (``blanked`` as :attr:`Version.blanked`) against the kept version of
        ``vocab`` it shares the most chunks with (none: the whole text is the changed
        region)."""
        with self._lock:
            kept = [v for v in self._kept if v.vocab is vocab and v.blanked == blanked]
        best: tuple[int, int] | None = None
        best_v: Version[_P] | None = None
        for v in kept:
            ends = _shared(v, text)
            if best is None or ends[0] + ends[1] > best[0] + best[1]:
                best, best_v = ends, v
            if ends[0] + ends[1] >= len(v.chunks) - 1:
                break
        if best is None or best_v is None:
            return Change(LineIndex(text), [], [], 0, len(text))
        return _change(best_v, text, *best)


def _shared(v: Version[_P], text: str) -> tuple[int, int]:
    """How many chunks of ``v`` open and close ``text`` unchanged, with the lines after
    them: the ones before the change at their offsets, the ones after it shifted."""
    chunks, offsets = v.chunks, v.starts
    n = len(chunks)
    size = len(text)
    head = 0
    while head < n:
        c, at = chunks[head], offsets[head]
        if not text.startswith(c.text, at):
            break
        end = at + len(c.text)
        if head == n - 1 and end != size:
            break
        if head < n - 1 and tail(text, end) != c.tail:
            break
        head += 1
    if head == n:
        return head, 0
    delta = size - len(v.text)
    floor = offsets[head]  # the changed region starts there in both texts
    back = 0
    # a first chunk built from blanked text is the first chunk's, never found further down
    while back < n - head - (v.blanked is not None and head == 0):
        k = n - 1 - back
        c, at = chunks[k], offsets[k] + delta
        # a chunk starts a line (the empty document's one chunk would be found anywhere)
        if at < floor or not c.text or (at and text[at - 1] != "\n"):
            break
        if not text.startswith(c.text, at):
            break
        back += 1  # the lines after it are the next chunks', found already (or none)
    return head, back


def _change(v: Version[_P], text: str, head: int, back: int) -> Change[_P]:
    n = len(v.chunks)
    old = v.lines.starts
    delta = len(text) - len(v.text)
    start = v.starts[head] if head < n else len(text)
    stop = v.starts[n - back] + delta if back else len(text)
    # line starts: the unchanged head, the changed region scanned, the tail shifted
    starts = old[: bisect.bisect_right(old, start)]
    starts += [m.end() for m in _LF.finditer(text, start, stop)]
    starts += [s + delta for s in old[bisect.bisect_left(old, stop - delta + 1) :]]
    line_delta = len(starts) - len(old)
    before = [
        (bisect.bisect_left(old, at), at, c)
        for at, c in zip(v.starts[:head], v.chunks[:head], strict=True)
    ]
    after = [
        (bisect.bisect_left(old, at) + line_delta, at + delta, c)
        for at, c in zip(v.starts[n - back :], v.chunks[n - back :], strict=True)
    ]
    return Change(LineIndex.with_starts(text, starts), before, after, start, stop)
