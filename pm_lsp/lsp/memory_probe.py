"""What the server's memory is made of, asked over the protocol (a debugging aid).

With ``PM_LSP_DEBUG_MEMORY=1`` in its environment the server answers the request
:data:`METHOD` with the sizes of everything a long session could grow: the process RSS,
Python objects by type (and, with ``PM_LSP_DEBUG_MEMORY=trace``, tracemalloc's top
allocation sites since the previous probe), every registered cache, the spaCy vocabulary
and string store, the parse cache, the memo tables, and the server's own tables (pygls'
futures, open documents, results). ``bench/lsp_soak.py --probe`` prints it at each RSS
sample: memory growth is then read off the figures instead of guessed.

Without the variable the method is not registered (a client asking gets MethodNotFound):
the probe walks every object in the process, far too slow for a normal session.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pm_lsp import cache
from pm_lsp.lsp.heap import heap_stats, release_free_memory

if TYPE_CHECKING:
    from pm_lsp.lsp.server_state import PmLanguageServer

#: the environment variable that enables the probe ("1", or "trace" for tracemalloc too)
ENV = "PM_LSP_DEBUG_MEMORY"
#: the request answered ("$/": implementation dependent, by the protocol's naming rule)
METHOD = "$/pm-lsp/memory"


def enabled() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def start() -> None:
    """Start tracing allocations now if asked (before the model loads, so its allocations
    are attributed)."""
    if os.environ.get(ENV) == "trace" and not tracemalloc.is_tracing():
        tracemalloc.start(8)


class Probe:
    """The previous counts, so that each answer shows what grew since the last one."""

    def __init__(self) -> None:
        self.types: Counter[str] = Counter()
        self.snapshot: tracemalloc.Snapshot | None = None

    def __call__(self, ls: PmLanguageServer, params: Any) -> dict[str, Any]:
        gc.collect()
        types = Counter(type(o).__name__ for o in gc.get_objects())
        grew = {k: v - self.types[k] for k, v in (types - self.types).most_common(12)}
        self.types = types
        rss = _rss_mib()
        heap = heap_stats()
        trimmed = release_free_memory()  # RSS before and after: in use vs kept
        return {
            "rss_mib": rss,
            "rss_after_trim_mib": _rss_mib() if trimmed else None,
            "heap": heap,
            "pymalloc": _pymalloc_stats(),
            "gc_objects": sum(types.values()),
            "pymalloc_blocks": sys.getallocatedblocks(),
            # parses alive, to compare with the parse cache's entries: more means
            # something beyond the cache keeps them
            "spacy_docs": types["Doc"],
            "gc_frozen": gc.get_freeze_count(),
            "types_grown": grew,
            "caches": cache.entries(),
            "nlp": _nlp_sizes(ls),
            "server": _server_sizes(ls),
            "traced": self._traced(),
        }

    def _traced(self) -> dict[str, Any]:
        if not tracemalloc.is_tracing():
            return {}
        snap = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)]
        )
        current, peak = tracemalloc.get_traced_memory()
        out: dict[str, Any] = {"current_mib": current / 2**20, "peak_mib": peak / 2**20}
        if self.snapshot is not None:
            top = snap.compare_to(self.snapshot, "traceback")[:8]
            out["grown"] = [
                {"kib": s.size_diff / 1024, "count": s.count_diff, "where": _where(s.traceback)}
                for s in top
            ]
        self.snapshot = snap
        return out


_PROBE = Probe()


def answer(ls: PmLanguageServer, params: Any) -> str:
    """The handler of :data:`METHOD`: sizes now, and what grew since the last call, as a
    JSON text (a client library would turn a nested object's keys, such as cache names
    with dots, into attribute names)."""
    return json.dumps(_PROBE(ls, params))


def _where(tb: tracemalloc.Traceback) -> list[str]:
    """The allocation site first, then its callers (a traceback lists the oldest frame
    first)."""
    return [f"{Path(f.filename).name}:{f.lineno}" for f in list(tb)[::-1][:6]]


#: the lines of ``sys._debugmallocstats`` kept, and their names in the answer
_PYMALLOC_LINES = {
    "# arenas allocated current": "arenas",
    "# bytes in allocated blocks": "in_use",
    "# bytes in available blocks": "free_blocks",
}


def _pymalloc_stats() -> dict[str, int]:
    """Python's small-object allocator: arenas held (1 MiB each since Python 3.10) and the
    bytes of their blocks in use and free. An arena goes back to the system only when all
    its blocks are free, so many arenas for few bytes in use is fragmentation that no C-heap
    trim returns. ``sys._debugmallocstats`` writes to the C stream ``stderr``: file
    descriptor 2 is pointed at a temporary file meanwhile (a debugging aid: a log line
    written by another thread in that instant lands there)."""
    import tempfile

    with tempfile.TemporaryFile() as tmp:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(tmp.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode("ascii", "replace")
    out: dict[str, int] = {}
    for line in text.splitlines():
        head, _, value = line.partition("=")
        name = _PYMALLOC_LINES.get(head.strip())
        if name is not None and name not in out:
            out[name] = int(value.strip().replace(",", ""))
    return out


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _nlp_sizes(ls: PmLanguageServer) -> dict[str, Any]:
    analyzer = ls.analyzer
    if analyzer is None:
        return {}
    out: dict[str, Any] = {}
    for model, nlp in list(analyzer._nlps.items()):
        out[str(model)] = nlp.sizes()
    return out


def _server_sizes(ls: PmLanguageServer) -> dict[str, int]:
    proto = ls.pm_protocol
    return {
        "request_futures": len(proto._request_futures),
        "result_types": len(proto._result_types),
        "open_documents": len(ls.workspace.text_documents),
        "results": len(ls.scheduler.results),
        "pending": len(ls.scheduler.pending),
        "running": len(ls.scheduler.running),
        "uris": len(ls.uris),
        "modules": len(sys.modules),
    }
