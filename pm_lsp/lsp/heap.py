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

The interpreter's own heap is paced too (:func:`pace_collector`): a keystroke's analysis
leaves ~12,000 new container objects alive, so the collector's default pace ran a young
collection ~17 times and a full one every few edits, each walking every cache entry.
"""

from __future__ import annotations

import ctypes
import gc
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
_MALLINFO2 = _c_function("mallinfo2")
#: glibc's ``mallopt`` parameters: the number of arenas, the size from which a block is
#: mapped on its own
_M_ARENA_MAX = -8
_M_MMAP_THRESHOLD = -3
#: blocks of this size and over are mapped on their own (glibc's initial threshold)
MMAP_THRESHOLD = 128 * 1024


def limit_arenas(count: int) -> bool:
    """Let the C heap use at most ``count`` arenas (glibc; before threads start).

    glibc gives each thread that allocates its own arena, up to eight per core, and memory
    freed in one arena is reused by that arena only. The server's analysis, model and
    reader threads each grew one with their peaks, and the process kept all of them; the
    interpreter lock already serialises most allocation, so few arenas cost no waiting."""
    if _MALLOPT is None:
        return False
    return bool(_MALLOPT(_M_ARENA_MAX, count))


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Map every block of ``size`` bytes or more on its own, for good (glibc).

    glibc starts with this threshold but raises it each time a mapped block is freed, to
    that block's size: after the first few document versions (a 10,000-word text with one
    emoji is 370 KB as a Python string, and each version has several such strings) every
    big string and parse array is carved from the heap instead, between small long-lived
    blocks, and the heap keeps the pages they leave behind. Setting the threshold turns the
    raising off: a big block is returned to the system the moment it is freed."""
    if _MALLOPT is None:
        return False
    return bool(_MALLOPT(_M_MMAP_THRESHOLD, size))


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; whether the C library could."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2`` (2.33 and later): sizes in bytes, over all arenas."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in [
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        ]
    ]


if _MALLINFO2 is not None:
    _MALLINFO2.restype = _MallInfo2


def heap_stats() -> dict[str, int]:
    """What the C heap holds, in bytes (glibc's ``mallinfo2``; empty elsewhere): ``in_use``
    (allocated by the program), ``free`` (kept by the allocator inside its arenas: what
    fragmentation costs, and what :func:`release_free_memory` can only partly return),
    ``top`` (free at the top of the main heap, the part a trim always returns) and
    ``mmapped`` (large blocks mapped one by one, returned as soon as they are freed). For
    the memory probe: it tells a growing program from a fragmenting heap."""
    if _MALLINFO2 is None:
        return {}
    m = _MALLINFO2()
    return {
        "in_use": int(m.uordblks),
        "free": int(m.fordblks),
        "top": int(m.keepcost),
        "mmapped": int(m.hblkhd),
        "heap": int(m.arena),
    }


#: allocations between young collections, young collections per middle one, middle
#: collections per full one (CPython's defaults: 700, 10, 10)
COLLECTOR_PACE = (50_000, 20, 100)


def pace_collector(pace: tuple[int, int, int] = COLLECTOR_PACE) -> None:
    """Collect reference cycles less often than CPython's default pace.

    Measured on the 11.9k-word corpus document (engine alone, 60 edits after the heap was
    settled, CPU per edit): the defaults cost median 29.5 ms, mean 32.5 ms, p95 50 ms, of
    which full collections (~20 ms each: they walk every memo-table entry alive) made the
    tail; this pace gives 27.1 / 27.6 / 33 ms with the same peak memory. Cycles still die
    young: the only cyclic garbage an edit leaves (the old version's sections and their
    spans, ~900 objects) is in the youngest generation when its collection comes, every
    few edits. The price is a little memory over a long session: ``bench/lsp_soak.py``
    (10,000 edits) measured RSS from edit 2,000 rising 8.2-9.9% at this pace and 7.2-7.9%
    at the defaults (two runs each; its limit is 10%)."""
    gc.set_threshold(*pace)
