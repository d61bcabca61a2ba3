"""One long document's rules shared between this process and a forked copy of it.

A 50,000-word postmortem is one file, so ``pm-lint --jobs`` has no second file to give the
other core, and sharing its parse batch (:mod:`pm_lsp.nlp.forked`) leaves the rules, about
two thirds of the lint's CPU, on one core. When the command line allows more than one
process (:func:`pm_lsp.nlp.forked.allowing`) and the document is long (:func:`worth`), the
rule families are cut into two shares (:data:`COPY_FAMILIES` and the rest). A copy of this
process is forked after the Markdown parse and the model load, so it starts with both and
loads nothing. Each process runs its share's two passes with a parse batch between them
(shared as below); the copy sends its outcomes back pickled, and this process puts them in
rule order and finishes the lint as one process would (severities, suppressions, order).

What both shares want parsed (about a fifth of a long postmortem's parse requests: a
sentence that both blame and impact read) is parsed once, by the copy, whose share is the
lighter; the copy also takes over enough of this process's parsing to even the two out.
After its first pass this process sends the copy the texts it wants parsed; the copy, which
has parsed its own meanwhile, answers which of them it parses, and sends those parses
(:func:`_hand_over`, :func:`_take_over`) while this process parses the rest. Each
process's parse batch is shared further only with the processes left over (none on two
cores: both are busy already).

Each rule's outcome depends only on the document, its options and the parses, so the
diagnostics are the ones a single process gives (a test compares them). A copy that fails
(killed, crashed, a garbled reply) costs only time: what it did not send is parsed here,
and its rules run here afterwards, as rules that have not run yet always do in the
engine's finish.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pm_lsp.nlp import forked
from pm_lsp.nlp.pipeline import NLP, ModelError, Pending

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


@dataclass(frozen=True)
class Passes:
    """The engine's steps for one share of a document's rules: the first pass (what it
    stopped for comes back), a parse batch, the second pass."""

    first: Callable[[_Run, Sequence[int]], Pending]
    parse: Callable[[Pending], None]
    second: Callable[[_Run, Sequence[int]], None]


def run_shared(run: _Run, passes: Passes) -> None:
    """Fill ``run.outcomes`` for both shares, each running ``passes`` over its own rules.
    Outcomes the copy does not send back stay None (the engine's finish runs those
    rules)."""
    here, there = shares([r.code for r in run.active])
    if not here or not there:
        _alone(run, passes, range(len(run.active)))
        return
    if any(r.spec.uses_nlp for r in run.active):  # what one process would load anyway
        with contextlib.suppress(ModelError):
            run.nlp.load()  # before the fork: the copy shares the loaded model's pages
    travel = run.nlp.parses_travel
    half = max(1, forked.allowed() // 2)  # each share's parse batch may use its half

    def work(line: forked.Line) -> bytes:
        with forked.allowing(half):
            pending = passes.first(run, there)
            if travel:
                _hand_over(run.nlp, pending, line)
            passes.parse(pending)
            passes.second(run, there)
        return pickle.dumps([(i, run.outcomes[i]) for i in there])

    copy = forked.talking(work)
    try:
        with forked.allowing(half):
            pending = passes.first(run, here)
            if travel and copy is not None:
                _take_over(run.nlp, pending, copy.line, passes)
            passes.parse(pending)
            passes.second(run, here)
        got = _outcomes(forked.result(copy), there)
        copy = None
    finally:
        if copy is not None:
            forked.abandon(copy)
    for i, outcome in got:
        run.outcomes[i] = outcome


def _alone(run: _Run, passes: Passes, which: Sequence[int]) -> None:
    passes.parse(passes.first(run, which))
    passes.second(run, which)


def _hand_over(nlp: NLP, pending: Pending, line: forked.Line) -> None:
    """The copy's side of sharing the parse, after its first pass. Until this process has
    said what its share wants parsed (its first pass is the longer), the copy parses its
    own texts, a few at a time. Then it takes over every text of that list it wants too,
    and, when this process has more of its own left to parse than the copy, as many of
    this process's last ones as halves the difference (by length); it answers which (their
    places in the list), parses them and sends the parses. Its own batch then finds done
    what it did here."""
    mine = nlp.batch(pending)
    done = 0
    while done < len(mine) and not line.ready():
        nlp.parse_many(mine[done : done + _CHUNK], entities=False)
        done += _CHUNK
    wanted = _texts(line.receive())
    if wanted is None:
        return
    own = set(mine)
    theirs = [i for i, t in enumerate(wanted) if t not in own]
    gap = sum(len(wanted[i]) for i in theirs) - sum(len(t) for t in mine[done:])
    taken = [i for i, t in enumerate(wanted) if t in own]
    for i in reversed(theirs):
        if gap <= 0:
            break
        taken.append(i)
        gap -= 2 * len(wanted[i])
    taken.sort()
    if not line.send(array("I", taken).tobytes()) or not taken:
        return
    try:
        data = forked.encode(nlp.parse_many([wanted[i] for i in taken], entities=False))
    except Exception:  # the model failed here: this process parses them itself
        log.debug("a shared lint's copy could not parse the texts it took", exc_info=True)
        data = b""
    line.send(data)


def _take_over(nlp: NLP, pending: Pending, line: forked.Line, passes: Passes) -> None:
    """This process's side of :func:`_hand_over`: send the texts this share wants parsed,
    hear which of them the copy parses, parse the others, then take the copy's parses.
    Whatever does not arrive (a copy that failed, a reply that does not fit) is left to
    this share's own batch."""
    texts = nlp.batch(pending)
    if not line.send(pickle.dumps(texts)):
        return
    reply = line.receive()
    if not reply or len(reply) % _INDEX_BYTES:
        return
    taken = array("I")
    taken.frombytes(reply)
    if any(i >= len(texts) for i in taken) or len(set(taken)) != len(taken):
        return
    skip = set(taken)
    rest = Pending(nlp)
    rest.plain = dict.fromkeys(t for i, t in enumerate(texts) if i not in skip)
    if rest:
        passes.parse(rest)
    data = line.receive()
    docs = forked.decode(data, nlp.load(), len(taken)) if data else None
    if docs is not None:
        nlp.adopt([texts[i] for i in taken], docs)


def _texts(data: bytes | None) -> list[str] | None:
    """The texts this process sent (:func:`_take_over`), or None for anything else."""
    if data is None:
        return None
    try:
        got = pickle.loads(data)
    except Exception:
        return None
    if not isinstance(got, list) or not all(isinstance(t, str) for t in got):
        return None
    return got


#: how many of its own texts a copy parses at a time while it waits (~0.03 s of parsing)
_CHUNK = 24
#: the bytes of one place in the list of texts
_INDEX_BYTES = array("I").itemsize


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
