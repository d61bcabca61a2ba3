"""Giving the C heap's free memory back to the system, for a process that runs for days.

A long editing session allocates and frees many short-lived objects (parses, document
models, diagnostics) on several threads. glibc's allocator keeps what is freed inside its
arenas for reuse, and a fragmented arena is rarely handed back: the server's resident size
then creeps up although the memory in use is level (the memory probe of
:mod:`pm_lsp.lsp.memory_probe` showed 10-20 MB held that way over a few thousand edits).
``malloc_trim(0)`` returns those free pages; it takes a few milliseconds the first time
and well under one afterwards, so the scheduler calls it after analyses (at most once a
second, off the event loop) and after documents are closed; and :func:`limit_arenas`
keeps the threads from spreading the heap over many arenas. On a C library without
these (musl, macOS) nothing happens.
"""

from __future__ import annotations

import ctypes
from typing import Any


def _c_function(name: str) -> Any:
    """``name`` from the C library the process runs on, or None (not glibc)."""
    try:
        return getattr(ctypes.CDLL(None), name, None)
    except OSError:
        return None


#: looked up once, at import (no search on the library path: the running process's own)
_MALLOC_TRIM = _c_function("malloc_trim")
_MALLOPT = _c_function("mallopt")
#: glibc's ``mallopt`` parameter for the number of arenas
_M_ARENA_MAX = -8


def limit_arenas(count: int) -> bool:
    """Let the C heap use at most ``count`` arenas (glibc; before threads start).

    glibc gives each thread that allocates its own arena, up to eight per core, and memory
    freed in one arena is reused by that arena only. The server's analysis, model and
    reader threads each grew one with their peaks, and the process kept all of them; the
    interpreter lock already serialises most allocation, so few arenas cost no waiting."""
    if _MALLOPT is None:
        return False
    return bool(_MALLOPT(_M_ARENA_MAX, count))


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; whether the C library could."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True
