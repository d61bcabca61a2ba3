"""A big parse batch shared with forked copies of this process.

``pm-lint --jobs`` runs files in a pool of processes only when there is enough work to
repay one; below that, one process parses a group's sentences (or a long document's) in one
``nlp.pipe`` call, on one core, while the other cores idle. When the command line allows
more than one process (:func:`allowing`), a batch of at least :data:`MIN_TEXTS` texts is cut
into parts. Copies of this process are forked with the model already loaded (they share its
memory pages and load nothing). Each copy parses one part and sends its parses back
serialised (spaCy's ``DocBin``, every attribute a rule reads). This process parses the first
part meanwhile.

The same fork, send and collect (:func:`start`, :func:`result`) serve
:mod:`pm_lsp.shared`, which gives a copy a share of a long document's rules instead.

Only the command line allows it, and only where forking is safe: Linux, one thread in the
process (the language server has several and never forks). A copy that fails (killed,
crashed, a garbled reply) costs only time: its part is parsed here instead. Tests compare
every token attribute of the parses with an in-process parse.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from pm_lsp import regex_cache
from pm_lsp.nlp import spacing

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: below this many texts a batch is parsed here: a fork, the serialising and the reading
#: back cost ~0.05 s, what ~100 sentences take to parse
MIN_TEXTS = 200
#: the token attributes sent back: everything the pipeline writes (``NORM`` included:
#: tokenizer exceptions set it per token, "n't" -> "not")
ATTRS = (
    "ORTH",
    "NORM",
    "TAG",
    "POS",
    "MORPH",
    "LEMMA",
    "HEAD",
    "DEP",
    "SENT_START",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "ENT_ID",
)

_processes = 1


@contextlib.contextmanager
def allowing(processes: int) -> Iterator[None]:
    """Within this block a batch may be shared by up to ``processes`` processes (1: never
    fork): the command line's ``--jobs`` when it lints in one process. The setting before
    comes back after, so a command run inside another process (a test calling ``main``)
    leaves nothing behind."""
    global _processes
    before, _processes = _processes, max(1, processes)
    try:
        yield
    finally:
        _processes = before


#: a forked copy: its process id and the read end of its pipe
Copy = tuple[int, int] | None


def allowed() -> int:
    """How many processes may share work right now: the setting of :func:`allowing`, or 1
    where forking is unsafe (not Linux, or another thread that may hold a lock the copy
    would inherit held)."""
    if _processes < 2 or sys.platform != "linux" or threading.active_count() != 1:
        return 1
    return _processes


def _parts(n: int) -> int:
    """How many processes parse a batch of ``n`` texts: each part at least half the
    minimum batch, at most the processes allowed."""
    if n < MIN_TEXTS:
        return 1
    return max(1, min(allowed(), n // (MIN_TEXTS // 2)))


def pipe(
    nlp: Language, texts: Sequence[str], disable: Sequence[str], *, shareable: bool = True
) -> list[Doc]:
    """``nlp.pipe(texts)`` as a list (through :func:`pm_lsp.nlp.spacing.pipe`), the work
    shared when allowed (see the module doc). ``shareable=False``: the caller keeps what
    neither a copy nor a collapsed twin gives back (``doc.tensor``)."""
    parts = _parts(len(texts)) if shareable else 1
    if parts == 1:
        return spacing.pipe(nlp, texts, disable, collapse=shareable)
    size = -(-len(texts) // parts)
    chunks = [texts[k : k + size] for k in range(0, len(texts), size)]
    copies: list[Copy] = [_fork(nlp, chunk, disable) for chunk in chunks[1:]]
    try:
        docs = spacing.pipe(nlp, chunks[0], disable)
        for i, chunk in enumerate(chunks[1:]):
            got = _collect(copies[i], nlp, len(chunk))
            copies[i] = None
            if got is None:
                got = spacing.pipe(nlp, chunk, disable)
            docs += got
    finally:
        for copy in copies:
            if copy is not None:
                abandon(copy)
    return docs


def _fork(nlp: Language, texts: Sequence[str], disable: Sequence[str]) -> Copy:
    """A copy of this process parsing ``texts``, or None when it cannot be started."""

    def work() -> bytes:
        from spacy.tokens import DocBin

        docs = spacing.pipe(nlp, texts, disable)
        return bytes(DocBin(attrs=list(ATTRS), docs=docs).to_bytes())

    return start(work)


def start(work: Callable[[], bytes]) -> Copy:
    """A copy of this process running ``work`` and sending back the bytes it returns, or
    None when it cannot be started. The copy leaves without running anything of the
    parent's (no ``atexit``, no ``finally`` of the caller's frames): it exits 0 after
    sending, 1 on any failure, and the parent reads that as "do it yourself"."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:
        code = 1
        try:
            os.close(read)
            regex_cache.forked()
            data = work()
            learnt = regex_cache.handoff()
            with os.fdopen(write, "wb") as out:
                out.write(_HEADER.pack(len(learnt)))
                out.write(learnt)
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


#: a reply starts with the length of the copy's :func:`pm_lsp.regex_cache.handoff`
_HEADER = struct.Struct("<Q")


def result(copy: Copy) -> bytes | None:
    """The bytes a copy sent back, or None when it failed (or was never started). What
    the copy added to the compiled-pattern table comes back with them and joins this
    process's table (:func:`pm_lsp.regex_cache.adopt`), which this process saves."""
    if copy is None:
        return None
    pid, read = copy
    with os.fdopen(read, "rb") as pipe_in:
        reply = pipe_in.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or len(reply) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack_from(reply)
    end = _HEADER.size + size
    if end > len(reply):
        return None
    regex_cache.adopt(reply[_HEADER.size : end])
    return reply[end:] or None


def _collect(copy: Copy, nlp: Language, expected: int) -> list[Doc] | None:
    """The copy's parses, or None when it failed."""
    data = result(copy)
    return None if data is None else decode(data, nlp, expected)


def decode(data: bytes, nlp: Language, expected: int) -> list[Doc] | None:
    """Parses serialised by a copy, or None when ``data`` is not ``expected`` of them."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except Exception:  # whatever garbled bytes raise, the part is parsed here
        return None
    return docs if len(docs) == expected else None


def abandon(copy: tuple[int, int]) -> None:
    """Stop and reap a copy whose parses are no longer wanted (this process is failing)."""
    pid, read = copy
    with contextlib.suppress(OSError):
        os.kill(pid, 9)
    with contextlib.suppress(OSError):
        os.close(read)
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, 0)
