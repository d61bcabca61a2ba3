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
import fcntl
import io
import os
import select
import struct
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

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
        return encode(spacing.pipe(nlp, texts, disable))

    return start(work)


def encode(docs: Sequence[Doc]) -> bytes:
    """``docs`` as a copy sends them back: every attribute a rule reads (:data:`ATTRS`)."""
    from spacy.tokens import DocBin

    return bytes(DocBin(attrs=list(ATTRS), docs=docs).to_bytes())


class Line:
    """Framed messages between a forked copy and the process that forked it, while the
    copy works: each is its length (:data:`_HEADER`) and its bytes. A side whose other
    end has gone (exited, closed) reads None and its sends fail quietly."""

    __slots__ = ("_in", "_out")

    def __init__(self, inbox: BinaryIO, outbox: BinaryIO | None) -> None:
        self._in = inbox
        self._out = outbox

    def send(self, data: bytes) -> bool:
        """Send ``data``; False when the other side is gone."""
        if self._out is None:
            return False
        try:
            self._out.write(_HEADER.pack(len(data)))
            self._out.write(data)
            self._out.flush()
        except (OSError, ValueError):  # a broken pipe, or this side closed already
            return False
        return True

    def ready(self) -> bool:
        """Has a message (or the end) arrived? Without waiting: a side with other work
        goes on with it until then. Asks the pipe, not the reader's buffer: meant for before
        the first :meth:`receive`, which may read ahead into that buffer."""
        try:
            return bool(select.select([self._in], [], [], 0)[0])
        except (OSError, ValueError):
            return True  # what receive() will say is "gone"

    def receive(self) -> bytes | None:
        """The next message, or None when the other side is gone or sent a torn one."""
        try:
            head = self._in.read(_HEADER.size)
            if len(head) < _HEADER.size:
                return None
            (size,) = _HEADER.unpack(head)
            data = self._in.read(size)
        except (OSError, ValueError):
            return None
        return data if len(data) == size else None


class _Child:
    """A forked copy as its parent holds it: the process, the pipe it replies on, and the
    line to it when the two talk while it works (:func:`talking`)."""

    __slots__ = ("line", "pid", "reply", "to_copy")

    def __init__(self, pid: int, reply: BinaryIO, to_copy: BinaryIO | None) -> None:
        self.pid = pid
        self.reply = reply
        self.to_copy = to_copy
        self.line = Line(reply, to_copy)

    def close_line(self) -> None:
        """No more messages to the copy: one waiting for one reads None."""
        if self.to_copy is not None:
            with contextlib.suppress(OSError):
                self.to_copy.close()
            self.to_copy = None


#: a forked copy, or None when it could not be started
Copy = _Child | None

#: how much each pipe of a talking copy holds (Linux's limit for a user is 1 MiB by
#: default): a side sending a message while the other is busy goes on with its work
#: instead of waiting for the other to read it
_PIPE_BYTES = 1 << 20


def start(work: Callable[[], bytes]) -> Copy:
    """A copy of this process running ``work`` and sending back the bytes it returns, or
    None when it cannot be started. The copy leaves without running anything of the
    parent's (no ``atexit``, no ``finally`` of the caller's frames): it exits 0 after
    sending, 1 on any failure, and the parent reads that as "do it yourself"."""
    return _spawn(lambda line: work(), talk=False)


def talking(work: Callable[[Line], bytes]) -> Copy:
    """:func:`start`, with a :class:`Line` between the two while the copy works: ``work``
    gets the copy's end, and the parent talks through ``copy.line``. Messages come before
    the reply (:func:`result`, which closes the parent's end first, so that a copy still
    waiting for a message reads None instead of waiting for ever)."""
    return _spawn(work, talk=True)


def _spawn(work: Callable[[Line], bytes], *, talk: bool) -> Copy:
    try:
        read, write = os.pipe()
    except OSError:
        return None
    down: tuple[int, int] | None = None
    if talk:
        try:
            down = os.pipe()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        for fd in (write, down[1]):
            with contextlib.suppress(OSError, AttributeError):  # a smaller pipe waits more
                fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    try:
        pid = os.fork()
    except OSError:
        for fd in (read, write, *(down or ())):
            os.close(fd)
        return None
    if pid == 0:
        code = 1
        try:
            os.close(read)
            out = os.fdopen(write, "wb")
            inbox: BinaryIO = io.BytesIO()  # a copy that does not talk hears nothing
            if down is not None:
                os.close(down[1])
                inbox = os.fdopen(down[0], "rb")
            regex_cache.forked()
            data = work(Line(inbox, out))
            learnt = regex_cache.handoff()
            out.write(_HEADER.pack(len(learnt)))
            out.write(learnt)
            out.write(data)
            out.close()
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    to_copy = None
    if down is not None:
        os.close(down[0])
        to_copy = os.fdopen(down[1], "wb")
    return _Child(pid, os.fdopen(read, "rb"), to_copy)


#: a reply starts with the length of the copy's :func:`pm_lsp.regex_cache.handoff`, and
#: every message on a :class:`Line` with its own length
_HEADER = struct.Struct("<Q")


def result(copy: Copy) -> bytes | None:
    """The bytes a copy sent back, or None when it failed (or was never started). What
    the copy added to the compiled-pattern table comes back with them and joins this
    process's table (:func:`pm_lsp.regex_cache.adopt`), which this process saves."""
    if copy is None:
        return None
    copy.close_line()
    with copy.reply as pipe_in:
        reply = pipe_in.read()
    _, status = os.waitpid(copy.pid, 0)
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


def abandon(copy: _Child) -> None:
    """Stop and reap a copy whose work is no longer wanted (this process is failing)."""
    with contextlib.suppress(OSError):
        os.kill(copy.pid, 9)
    copy.close_line()
    with contextlib.suppress(OSError):
        copy.reply.close()
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(copy.pid, 0)
