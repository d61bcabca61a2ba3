"""When documents are linted: debounce, one analysis thread, and never a stale answer.

1. An edit cancels the document's pending job and schedules a new one after the debounce
   delay (150 ms by default; ``debounceMs`` in the ``pmLint`` settings).
2. The job waits for the configuration pull that follows ``initialized`` (requests can
   overtake that notification), then runs :meth:`~pm_lsp.lsp.analysis.Analyzer.analyze` on
   the scheduler's own single-thread executor. It never uses pygls' ``thread_pool``, which
   also reads stdin, and never a fork-started process (a forked child deadlocks on pygls'
   stdin lock).
3. A job whose version is no longer the document's current version is dropped before it
   starts and again before it is delivered: stale diagnostics never reach the client.

Requests that need the analysis of the current text (pull diagnostics, code actions, hover)
wait for it with :meth:`Scheduler.fresh`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from pm_lsp.lsp.analysis import Analysis
from pm_lsp.lsp.convert import uri_to_path

if TYPE_CHECKING:
    from pm_lsp.lsp.server_state import PmLanguageServer

log = logging.getLogger("pm_lsp.lsp.server")

_R = TypeVar("_R")

#: how many superseding edits :meth:`Scheduler.fresh` follows before answering with the
#: newest analysis there is
_FOLLOW = 50


class Scheduler:
    """The pending analysis of each document and the latest result of each."""

    def __init__(self, ls: PmLanguageServer) -> None:
        self.ls = ls
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pm-lsp-analysis")
        #: the latest delivered analysis of each open document
        self.results: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task[Analysis | None]] = {}
        self._config_ready: asyncio.Event | None = None

    @property
    def config_ready(self) -> asyncio.Event:
        """Set once the first configuration pull is over (created on the event loop)."""
        if self._config_ready is None:
            self._config_ready = asyncio.Event()
        return self._config_ready

    async def run_in_worker(self, fn: Callable[..., _R], *args: object) -> _R:
        """``fn(*args)`` on the analysis thread (the NLP instances live there)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    def schedule(self, uri: str, delay_s: float | None = None) -> None:
        """(Re)start the document's job; ``None`` waits the debounce delay."""
        old = self.pending.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        delay = self.ls.scopes.options.debounce_ms / 1000 if delay_s is None else delay_s
        self.pending[uri] = asyncio.get_running_loop().create_task(self._run(uri, delay))

    async def _run(self, uri: str, delay: float) -> Analysis | None:
        if delay > 0:
            await asyncio.sleep(delay)
        await self.config_ready.wait()
        ls = self.ls
        cur = ls.current(uri)
        if cur is None or ls.analyzer is None:
            return None
        version, text = cur
        analyzer = ls.analyzer
        path = uri_to_path(uri)

        def job() -> Analysis | None:
            now = ls.current(uri)
            if now is None or now[0] != version:
                return None  # superseded while queued
            return analyzer.analyze(uri, version, text, path)

        result = await self.run_in_worker(job)
        if result is None:
            return None
        now = ls.current(uri)
        if now is None or now[0] != version or now[1] != text:
            return None  # a newer edit arrived while we worked: never publish stale results
        self.results[uri] = result
        for err in result.errors:
            log.warning("%s: %s", uri, err)
        ls.deliver(result)
        return result

    async def fresh(self, uri: str) -> Analysis | None:
        """The analysis of the document's current version, waiting for it if needed.

        If edits keep superseding the pending job, follow them (a bounded number of times),
        then answer with the newest analysis there is.
        """
        for _ in range(_FOLLOW):
            cur = self.ls.current(uri)
            if cur is None:
                return None
            res = self.results.get(uri)
            if res is not None and res.version == cur[0] and res.text == cur[1]:
                return res
            task = self.pending.get(uri)
            if task is None or task.done():
                self.schedule(uri, 0)
                task = self.pending[uri]
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if not task.cancelled():
                    raise  # it is this request that was cancelled
        return self.results.get(uri)

    def forget(self, uri: str) -> None:
        """The document was closed: drop its job and its result."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.results.pop(uri, None)

    def relint(self, uris: list[str]) -> None:
        """Re-lint these documents now (the configuration changed).

        Results for an unchanged version are now stale too: they are dropped so pull
        requests and code actions wait for the new analysis instead of answering with the
        old one.
        """
        self.results.clear()
        for uri in uris:
            self.schedule(uri, 0)

    def stop(self) -> None:
        """Cancel every job and stop the analysis thread (``shutdown``)."""
        for uri in list(self.pending):
            self.forget(uri)
        self.executor.shutdown(wait=False, cancel_futures=True)
