"""One long document's rules shared between this process and a forked copy of it.

A 50,000-word postmortem is one file, so ``pm-lint --jobs`` has no second file to give the
other core, and sharing its parse batch (:mod:`pm_lsp.nlp.forked`) leaves the rules, about
two thirds of the lint's CPU, on one core. When the command line allows more than one
process (:func:`pm_lsp.nlp.forked.allowing`) and the document is long (:func:`worth`), the
rule families are cut into two shares (:data:`COPY_FAMILIES` and the rest). A copy of this
process is forked after the Markdown parse and the model load, so it starts with both and
loads nothing. Each process runs its share's two passes with its own parse batch; the copy
sends its outcomes back pickled, and this process puts them in rule order and finishes the
lint as one process would (severities, suppressions, order).

Each rule's outcome depends only on the document, its options and the parses, so the
diagnostics are the ones a single process gives (a test compares them). What the two shares
both need is parsed twice, and each process's parse batch is shared further only with the
processes left over (none on two cores: both are busy already). A copy that fails (killed,
crashed, a garbled reply) costs only time: its rules run here afterwards, as rules that
have not run yet always do in the engine's finish.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pm_lsp.nlp import forked
from pm_lsp.nlp.pipeline import ModelError

if TYPE_CHECKING:
    from pm_lsp.engine import _Run

log = logging.getLogger(__name__)

#: below this many characters (~3,000 words) one process lints the document: the fork and
#: the parses both shares need cost about what the shared rules save (measured on two cores:
#: 15,000 characters 1.29 -> 1.20 s wall for +0.15 s CPU; 60,000: 1.92 -> 1.48 s; the
#: 50,000-word file: 4.6 -> 3.6 s)
MIN_CHARS = 20_000
#: the rules (code prefixes) the copy runs: blame, and readability but for PM603, which
#: measured (``bench/rule_cpu.py`` and lints of one share alone on the 50,000-word file) as
#: close to half of a long lint's CPU as any cut tried. Rules that share an analysis stay in
#: one process: PM603 asks which zone of the document an acronym is in, from the timeline
#: model the timeline rules build here (in the copy it built the model again, ~0.3 s of
#: the copy's ~2.3 s share; moved here, the 50,000-word file's CPU fell ~0.2 s)
COPY_FAMILIES = ("PM1", "PM601", "PM602")


def worth(text: str) -> bool:
    """Share the rules of ``text`` with a copy: it is long (:data:`MIN_CHARS`, read at call
    time) and more processes are allowed."""
    return len(text) >= MIN_CHARS and forked.allowed() > 1


def shares(codes: Sequence[str]) -> tuple[list[int], list[int]]:
    """The indexes of ``codes`` this process runs, and the copy's."""
    here = [i for i, c in enumerate(codes) if not c.startswith(COPY_FAMILIES)]
    there = [i for i, c in enumerate(codes) if c.startswith(COPY_FAMILIES)]
    return here, there


def run_shared(run: _Run, own_rules: Callable[[_Run, Sequence[int]], None]) -> None:
    """Fill ``run.outcomes`` for both shares: ``own_rules(run, which)`` runs rules
    ``which`` here and in the copy. Outcomes the copy does not send back stay None (the
    engine's finish runs those rules)."""
    here, there = shares([r.code for r in run.active])
    if not here or not there:
        own_rules(run, range(len(run.active)))
        return
    if any(r.spec.uses_nlp for r in run.active):  # what one process would load anyway
        with contextlib.suppress(ModelError):
            run.nlp.load()  # before the fork: the copy shares the loaded model's pages

    half = max(1, forked.allowed() // 2)  # each share's parse batch may use its half

    def work() -> bytes:
        with forked.allowing(half):
            own_rules(run, there)
        return pickle.dumps([(i, run.outcomes[i]) for i in there])

    copy = forked.start(work)
    try:
        with forked.allowing(half):
            own_rules(run, here)
        got = _outcomes(forked.result(copy), there)
        copy = None
    finally:
        if copy is not None:
            forked.abandon(copy)
    for i, outcome in got:
        run.outcomes[i] = outcome


def _outcomes(data: bytes | None, expected: Sequence[int]) -> list[tuple[int, Any]]:
    """The copy's outcomes, or none when it failed or sent something else."""
    if data is None:
        return []
    try:
        got = pickle.loads(data)
    except Exception:  # garbled bytes: the copy's rules run here instead
        log.debug("a shared lint's copy sent an unreadable reply")
        return []
    if not isinstance(got, list) or [i for i, _ in got] != list(expected):
        return []
    return got
