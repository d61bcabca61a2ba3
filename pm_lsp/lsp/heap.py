"""Giving the C heap's free memory back to the system, for a process that runs for days.

A long editing session allocates and frees many short-lived objects (parses, document
models, diagnostics) on several threads. glibc's allocator keeps what is freed inside its
arenas for reuse, and a fragmented arena is rarely handed back: the server's resident size
then creeps up although the memory in use is level (the memory probe of
:mod:`pm_lsp.lsp.memory_probe` showed 10-20 MB held that way over a few thousand edits).
``malloc_trim(0)`` returns those free pages; it takes a few milliseconds the first time
and well under one afterwards, so the scheduler calls it with its periodic cache trim and
after documents are closed. On a C library without it (musl, macOS) nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        fn: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    return fn


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; whether the C library could."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
