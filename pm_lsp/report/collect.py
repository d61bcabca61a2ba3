"""Records for many files: in this process, or streamed from ``--jobs`` worker processes.

Memory stays bounded by the records: each worker reads, lints and reduces one file at a
time (:func:`pm_lsp.report.extract.extract`) and sends back only its record; the parent
receives them as they finish (``imap_unordered``) and keeps nothing else. The caches that
make the editor fast (parses, memo tables, all bounded by entry count) are emptied every
:data:`CLEAR_EVERY` files: a report reads each file once, so across files they hold
little but boilerplate, and full they would be most of a worker's memory. Workers are
started with ``spawn`` (a forked copy of a loaded spaCy pipeline is unsafe), and each loads
the model once and resolves configurations through its own resolver, so a task is a path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import ConfigResolver, Settings
from pm_lsp.report.extract import IncidentRecord, extract

#: parses kept per pipeline: a report reads each file once, so the parse cache only serves
#: the rules re-reading one document's blocks; the editor's 4,096 would hold thousands of
#: parses (spaCy docs with their tensors) that no later file asks for
PARSE_CACHE = 512
#: files read between two emptyings of the process's caches (see the module)
CLEAR_EVERY = 200
#: files handed to a worker at a time: few enough that the progress bar moves smoothly,
#: enough that the queue round trips do not show
CHUNK = 4


@dataclass(frozen=True)
class Source:
    """How to find every file's configuration (what a worker needs to build a resolver)."""

    overrides: Settings
    config: Path | None = None
    isolated: bool = False

    def resolver(self) -> ConfigResolver:
        return ConfigResolver(self.overrides, self.config, self.isolated)


Task = tuple[Path, str]  #: a file and the name the report shows for it

_worker: tuple[ConfigResolver, dict[str | None, NLP]] | None = None
_read = 0  #: files this process has read since its caches were last emptied


def _init_worker(source: Source) -> None:
    global _worker
    _worker = (source.resolver(), {})


def _one(task: Task) -> IncidentRecord:
    assert _worker is not None, "worker not initialised"
    resolver, nlps = _worker
    return _extract(task, resolver, nlps)


def _extract(task: Task, resolver: ConfigResolver, nlps: dict[str | None, NLP]) -> IncidentRecord:
    global _read
    _read += 1
    if _read > CLEAR_EVERY:
        from pm_lsp.cache import clear_all

        clear_all()
        _read = 1
    path, display = task
    config = resolver.for_path(path)
    nlp = nlps.get(config.model)
    if nlp is None:
        nlp = nlps[config.model] = NLP(config.model, PARSE_CACHE)
    return extract(path, display, config, nlp)


def records(
    tasks: Sequence[Task],
    source: Source,
    jobs: int = 1,
    on_record: Callable[[IncidentRecord], None] | None = None,
    nlp: NLP | None = None,
) -> list[IncidentRecord]:
    """Every task's record, sorted by path; ``on_record`` is told of each as it arrives
    (the progress bar). ``nlp``: a loaded pipeline to use in this process for files of
    the default model (the tests share theirs); workers load their own."""
    out: list[IncidentRecord] = []
    for rec in _stream(tasks, source, jobs, nlp):
        out.append(rec)
        if on_record is not None:
            on_record(rec)
    out.sort(key=lambda r: r.path)
    return out


def _stream(
    tasks: Sequence[Task], source: Source, jobs: int, nlp: NLP | None
) -> Iterator[IncidentRecord]:
    if jobs > 1 and len(tasks) > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(min(jobs, len(tasks)), _init_worker, (source,)) as pool:
            yield from pool.imap_unordered(_one, tasks, chunksize=CHUNK)
        return
    resolver = source.resolver()
    nlps: dict[str | None, NLP] = {} if nlp is None else {nlp.model_name: nlp}
    for task in tasks:
        yield _extract(task, resolver, nlps)
