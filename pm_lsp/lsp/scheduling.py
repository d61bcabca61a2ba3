"""When documents are linted: debounce, analysis threads, first paint, never a stale answer.

1. An edit cancels the document's pending job and schedules a new one after the debounce
   delay (150 ms by default; ``debounceMs`` in the ``pmLint`` settings).
2. The job waits for the configuration pull that follows ``initialized`` (requests can
   overtake that notification), then runs :meth:`~pm_lsp.lsp.analysis.Analyzer.analyze` on
   one of the scheduler's own analysis threads. It never uses pygls' ``thread_pool``, which
   also reads stdin, and never a fork-started process (a forked child deadlocks on pygls'
   stdin lock).
3. **First paint.** While the spaCy model is loading (a few seconds after start, on a
   thread of its own, with ``$/progress`` "Loading language model" for clients that
   support it), a job runs only the rules that need no model (structure, metadata,
   timeline, suppression, the cheap readability checks) and delivers that at once; the full analysis
   follows as soon as the model is in. The load waits for that first delivery (at most
   :data:`PAINT_FIRST_S`): importing spaCy holds the interpreter lock most of the time,
   and a first paint sharing it with the import took twice as long.
4. **No document stalls the others.** There are :data:`LANES` analysis threads and at most
   one job per document in flight (a new job waits for the document's previous one), so
   a huge or pathological document occupies one thread while the other documents keep
   being analysed on the rest. spaCy's pipeline is used from several threads at once
   only then; its results were checked equal to single-threaded parses. An analysis
   still running after :data:`BUDGET_S` seconds gets a PM002 notice on its document
   ("analysis is slow"), replaced by the real diagnostics when it ends.
5. A job whose version is no longer the document's current version is dropped before it
   starts and again before it is delivered: stale diagnostics never reach the client.

Requests that need the analysis of the current text (pull diagnostics, code actions, hover)
wait for it with :meth:`Scheduler.fresh`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from lsprotocol import types as T

from pm_lsp.cache import trim_functions
from pm_lsp.lsp.analysis import Analysis, Analyzer, warm_readability
from pm_lsp.lsp.convert import uri_to_path
from pm_lsp.lsp.heap import release_free_memory
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.spec import Severity

if TYPE_CHECKING:
    from pm_lsp.lsp.server_state import PmLanguageServer

log = logging.getLogger("pm_lsp.lsp.server")

_R = TypeVar("_R")

#: how many superseding edits :meth:`Scheduler.fresh` follows before answering with the
#: newest analysis there is
_FOLLOW = 50
#: analysis threads: one slow document occupies one, the others serve the rest
LANES = 3
#: the environment variable that sets :data:`BUDGET_S` (seconds, a number > 0): a machine
#: where longer analyses are ordinary, and the tests of the notice, which then need a
#: document only a fifth as long to see it
BUDGET_VARIABLE = "PM_LSP_SLOW_NOTICE_S"


def _budget(default: float = 5.0) -> float:
    """:data:`BUDGET_S`: the environment's setting when it is a number > 0, else ``default``
    (a wrong value is logged, not fatal: the server must start)."""
    raw = os.environ.get(BUDGET_VARIABLE)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        log.warning("%s must be a number of seconds > 0, got %r", BUDGET_VARIABLE, raw)
        return default
    return value


#: seconds after which a running analysis is announced on its document
BUDGET_S = _budget()
#: every this many delivered analyses, the cheap text-keyed function caches holding more
#: than :data:`LRU_LIMIT` entries are emptied (and after every analysis, at most once a
#: second, the C heap's free pages are returned: :mod:`pm_lsp.lsp.heap`), so a long
#: editing session's memory levels off. The limit is
#: above the ~700 blocks of the 11.9k-word corpus postmortem (its analyses keep hitting)
#: and low enough that the caches' sawtooth stays small: keyed by whole blocks, an entry
#: weighs ~3 KB, and seven functions filling up to 4,096 entries before each trim swung
#: the server's memory by ~60 MB over a 10,000-edit session.
TRIM_EVERY = 50
LRU_LIMIT = 1024
#: seconds the model load started after ``initialized`` waits for a first delivery (an
#: editor opens its first document right after ``initialized``; without one, load anyway)
PAINT_FIRST_S = 1.0


class Scheduler:
    """The pending analysis of each document and the latest result of each."""

    def __init__(self, ls: PmLanguageServer) -> None:
        self.ls = ls
        self.executor = ThreadPoolExecutor(max_workers=LANES, thread_name_prefix="pm-lsp-analysis")
        #: loads spaCy models, apart from the analysis threads (first paint goes on meanwhile)
        self.loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pm-lsp-model")
        #: the latest delivered analysis of each open document
        self.results: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task[Analysis | None]] = {}
        #: each document's job on an analysis thread, while it runs
        self.running: dict[str, Future[Analysis | None]] = {}
        self._models: dict[str | None, asyncio.Future[None]] = {}
        #: the model load started after ``initialized`` (kept: a task needs an owner)
        self.preload_task: asyncio.Future[None] | None = None
        self._config_ready: asyncio.Event | None = None
        self._painted: asyncio.Event | None = None
        self._release: asyncio.TimerHandle | None = None
        self._released_at = 0.0
        self._analyses = 0

    @property
    def config_ready(self) -> asyncio.Event:
        """Set once the first configuration pull is over (created on the event loop)."""
        if self._config_ready is None:
            self._config_ready = asyncio.Event()
        return self._config_ready

    @property
    def painted(self) -> asyncio.Event:
        """Set once a first analysis has been delivered (created on the event loop)."""
        if self._painted is None:
            self._painted = asyncio.Event()
        return self._painted

    async def run_in_worker(self, fn: Callable[..., _R], *args: object) -> _R:
        """``fn(*args)`` on an analysis thread (the NLP instances live there)."""
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
        cur = self.ls.current(uri)
        if cur is None or self.ls.analyzer is None:
            return None
        version, text = cur
        result = await self._analyze(uri, version, text, first_paint=True)
        if result is not None and result.partial and result.config is not None:
            await self.model_loaded(result.config.model)
            result = await self._analyze(uri, version, text, first_paint=False)
        return result

    async def _analyze(
        self, uri: str, version: int | None, text: str, *, first_paint: bool
    ) -> Analysis | None:
        """One analysis of ``(version, text)`` on an analysis thread, delivered if current."""
        ls = self.ls
        analyzer = ls.analyzer
        if analyzer is None:
            return None
        before = self.running.get(uri)
        if before is not None and not before.done():
            await asyncio.wait([asyncio.wrap_future(before)])  # one job per document
        path = uri_to_path(uri)

        def job() -> Analysis | None:
            now = ls.current(uri)
            if now is None or now[0] != version:
                return None  # superseded while queued
            return analyzer.analyze(uri, version, text, path, model_free_until_loaded=first_paint)

        future = self.executor.submit(job)
        self.running[uri] = future
        loop = asyncio.get_running_loop()
        future.add_done_callback(lambda f: loop.call_soon_threadsafe(self._finished, uri, f))
        waiting = asyncio.wrap_future(future)
        done, _ = await asyncio.wait([waiting], timeout=BUDGET_S)
        if not done:
            self._announce_slow(uri, version, text, analyzer)
        return self._keep(uri, version, text, await waiting)

    def _finished(self, uri: str, future: Future[Analysis | None]) -> None:
        if self.running.get(uri) is future:
            del self.running[uri]

    def _keep(
        self, uri: str, version: int | None, text: str, result: Analysis | None
    ) -> Analysis | None:
        if result is None:
            return None
        now = self.ls.current(uri)
        if now is None or now[0] != version or now[1] != text:
            return None  # a newer edit arrived while we worked: never publish stale results
        # The analysis it replaces is freed after the delivery, not before it: releasing
        # a long document's model and diagnostics object by object took ~1.6 ms, on the
        # path from the keystroke to the editor.
        replaced = self.results.get(uri)
        self.results[uri] = result
        for err in result.errors:
            log.warning("%s: %s", uri, err)
        self.ls.deliver(result)
        self.painted.set()
        self._analyses += 1
        if self._analyses % TRIM_EVERY == 0:
            trim_functions(LRU_LIMIT)
        del replaced
        self._release_now()
        return result

    def _announce_slow(self, uri: str, version: int | None, text: str, analyzer: Analyzer) -> None:
        """The analysis is over budget: say so on the document until it ends."""
        now = self.ls.current(uri)
        if now is None or now[0] != version:
            return
        message = (
            f"Analysis is slow: still running after {BUDGET_S:g} s on this document "
            f"({len(text):,} characters); its diagnostics will replace this notice"
        )
        notice = analyzer.notice(
            uri, version, text, meta_specs.file_skipped.code, message, Severity.INFO
        )
        shown = self.results.get(uri)
        if shown is not None and shown.version == version and shown.text == text:
            # keep what is already shown for this version (the first paint), plus the notice
            notice.diagnostics = shown.diagnostics + notice.diagnostics
            notice.items = shown.items + notice.items
            notice.doc, notice.config = shown.doc, shown.config
        self.results[uri] = notice
        self.ls.deliver(notice)

    def warm_up(self, path: Path | None) -> None:
        """Start the first paint's one-time work on the loader thread (at ``initialize``:
        it overlaps the client's round trips before its first ``didOpen``; the model
        load queues behind it)."""
        analyzer = self.ls.analyzer
        if analyzer is not None:
            self.loader.submit(analyzer.warm, path)

    async def preload(self, path: Path | None) -> None:
        """Load the model the configuration for ``path`` names (after ``initialized``)."""
        await self._until_painted()
        analyzer = self.ls.analyzer
        if analyzer is None:
            return
        loop = asyncio.get_running_loop()
        try:
            config = await loop.run_in_executor(self.loader, analyzer.config_for, path)
        except Exception as exc:  # reported again, per document, when linting
            log.warning("could not preload the spaCy model: %s", exc)
            return
        await self.load_model(config.model)

    async def _until_painted(self) -> None:
        """Wait for a first delivery: at most :data:`PAINT_FIRST_S` when no analysis is in
        flight (no document opened yet), longer while one is, up to :data:`BUDGET_S`."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        while not self.painted.is_set():
            waited = loop.time() - start
            busy = any(not t.done() for t in self.pending.values())
            if waited >= BUDGET_S or (waited >= PAINT_FIRST_S and not busy):
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.painted.wait(), 0.1)

    async def model_loaded(self, model: str | None) -> None:
        """Wait until ``model`` is loaded (or failed to load: the analysis then says why)."""
        await asyncio.shield(self.load_model(model))

    def load_model(self, model: str | None) -> asyncio.Future[None]:
        """Start loading ``model`` on the loader thread (once), with ``$/progress``."""
        fut = self._models.get(model)
        if fut is None:
            fut = self._models[model] = asyncio.ensure_future(self._load(model))
        return fut

    async def _load(self, model: str | None) -> None:
        analyzer = self.ls.analyzer
        if analyzer is None:
            return
        nlp = analyzer.nlp_for(model)
        if nlp.loaded:
            return
        token = await self._progress_begin("Loading language model")
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self.loader, nlp.load)
            await loop.run_in_executor(self.loader, warm_readability)
        except Exception as exc:  # reported by each document's analysis (PM003)
            log.warning("could not load the spaCy model: %s", exc)
        finally:
            self._progress_end(token)

    async def _progress_begin(self, title: str) -> str | None:
        ls = self.ls
        if not ls.client.work_done_progress:
            return None
        token = f"pm-lsp-{uuid.uuid4()}"
        try:
            await asyncio.wait_for(ls.work_done_progress.create_async(token), 5)
        except Exception as exc:
            log.info("no progress report: %s", exc)
            return None
        ls.work_done_progress.begin(token, T.WorkDoneProgressBegin(title=title))
        return token

    def _progress_end(self, token: str | None) -> None:
        if token is not None and not self.ls.shutting_down:
            self.ls.work_done_progress.end(token, T.WorkDoneProgressEnd(message="ready"))

    async def fresh(self, uri: str) -> Analysis | None:
        """The analysis of the document's current version, waiting for it if needed.

        If edits keep superseding the pending job, follow them (a bounded number of times),
        then answer with the newest analysis there is. A partial analysis of the current
        version (first paint, slow notice) is an answer too.
        """
        for _ in range(_FOLLOW):
            cur = self.ls.current(uri)
            if cur is None:
                return None
            res = self.results.get(uri)
            if res is not None and res.version == cur[0] and res.text == cur[1]:
                # a first paint counts: a pull client gets it now, and the full analysis
                # after the refresh that follows it
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
        """The document was closed: drop its job and its result (and, once the closes of a
        burst are over, return the freed memory: :meth:`_release_soon`)."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.results.pop(uri, None)
        self._release_soon()

    def _release_now(self) -> None:
        """Return the C heap's free pages after an analysis, at most once a second, on a
        worker thread (the call releases the interpreter lock)."""
        loop = asyncio.get_running_loop()
        if loop.time() - self._released_at >= 1.0:
            self._released_at = loop.time()
            loop.run_in_executor(None, release_free_memory)

    def _release_soon(self) -> None:
        """Return the C heap's free pages a moment after the last of a burst of closes."""
        if self._release is not None:
            self._release.cancel()
        self._release = asyncio.get_running_loop().call_later(1.0, release_free_memory)

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
        """Cancel every job and stop the analysis threads (``shutdown``)."""
        for uri in list(self.pending):
            self.forget(uri)
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.loader.shutdown(wait=False, cancel_futures=True)
