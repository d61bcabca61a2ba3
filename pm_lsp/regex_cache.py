"""Compiled regular expressions kept from one run to the next, as Python keeps bytecode.

A one-file ``pm-lint`` run compiles ~900 regular expressions: the rule packs' word lists
become long alternations, and spaCy, markdown-it and the timeline add their own. Python
keeps compiled modules in ``__pycache__`` but compiles every regular expression again in
every process, and that costs ~0.25 s of a ~1.1 s run (a quarter of a pre-commit hook's
time; the language server pays it before its first diagnostics too).

What ``re`` builds for a pattern, before its last step, is plain data: the flags, the SRE
code (a list of integers) and the group tables. :func:`install` routes ``re``'s compiler
through a table of that data, read from a file beside this package's bytecode; a pattern
found there skips parsing and code generation and goes straight to ``_sre.compile``, the
call ``re`` itself makes last, so the pattern object is the one ``re`` would have made
(``==`` holds; a test compares every pattern of a lint). :func:`save` writes the table
back when the run compiled something new.

Values derived from a pattern once per process the same way every time (the literal gates
of :mod:`pm_lsp.nlp.literals`, ~0.25 s of a long document's cold lint) are kept in the
same table under their derivation's name (:func:`remembered`).

The table is a per-user cache like pip's: ``$PM_LSP_REGEX_CACHE`` names its file (empty or
``off``: none is read or written), else it is ``pm-lsp/regex-table.<interpreter>.marshal``
under ``$XDG_CACHE_HOME`` or ``~/.cache``. It holds no lint result and cannot make one stale
(a pattern's text is its key and its compiled form is the one ``re`` makes), so
``--no-cache``, which is about results, leaves it alone. Anything unexpected (another
interpreter, changed ``re`` internals, a damaged or foreign file, an entry ``_sre`` rejects,
a folder that cannot be written) means the pattern is compiled the ordinary way; nothing
fails because of it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: a pattern's key: its text and the flags it was compiled with; a value derived from a
#: pattern (:func:`remembered`) is keyed by the derivation's name before them
Key = tuple[str, int] | tuple[str, str, int]
#: what ``_sre.compile`` takes after the pattern text: flags, code, group count, group
#: name -> index, index -> group name
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

#: written into the file: a table made by another interpreter or ``re`` is not read
_FORMAT = 2
#: at most this many patterns kept; and patterns a run did not use are kept only while they
#: are no more than the ones it used, so the table stays near one run's working set (a
#: pattern set changes when pm-lsp or a rule pack does) and its file near 2 MB
MAX_ENTRIES = 5_000

_lock = threading.Lock()
#: each entry marshalled on its own: a run unmarshals only the entries it compiles, so
#: reading the table costs ~5 ms, not the ~40 ms of unmarshalling all of it (the warm-cache
#: path, which compiles few patterns, pays that on every run)
_table: dict[Key, bytes] = {}
_used: set[Key] = set()
_new = False
#: what a forked process had when it was forked (:func:`forked`): the keys it used then,
#: which its parent knows already, and the entries it held; what it learns after that is
#: what :func:`handoff` sends back
_known: set[Key] = set()
_held_at_fork: frozenset[Key] | None = None
_installed: Callable[..., Any] | None = None  # re's own compiler, while ours stands in
#: derivations a run put off that the next run wants kept (:func:`before_save`)
_before_save: list[Callable[[], None]] = []


def _internals() -> Any | None:
    """``re._compiler`` when it is the CPython one this module knows, else None."""
    if sys.implementation.name != "cpython":
        return None
    compiler = getattr(re, "_compiler", None)
    needed = ("compile", "_code", "_parser", "_sre", "SRE_FLAG_DEBUG")
    if compiler is None or not all(hasattr(compiler, n) for n in needed):
        return None
    return compiler


def table_path() -> Path | None:
    """Where the table is kept (see the module doc), or None when it is switched off."""
    named = os.environ.get("PM_LSP_REGEX_CACHE")
    if named is not None:
        return None if named.strip().lower() in ("", "off") else Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pm-lsp" / f"regex-table.{sys.implementation.cache_tag}.marshal"


def _stamp(compiler: Any) -> tuple[int, str, int, int]:
    sre = compiler._sre
    return (_FORMAT, sys.version, int(sre.MAGIC), int(sre.CODESIZE))


def install() -> None:
    """Route ``re``'s compiler through the table for the rest of this process (idempotent).

    Called by the entry points (``pm-lint``, ``pm-lsp``, the daemon) before they import
    the rules, never by the engine: a program that embeds the engine keeps its ``re``."""
    global _installed
    compiler = _internals()
    with _lock:
        if compiler is None or _installed is not None:
            return
        _load(compiler)
        _installed = compiler.compile
        compiler.compile = _compile_with(compiler, _installed)


def uninstall() -> None:
    """Give ``re`` its own compiler back (tests; the table stays in memory)."""
    global _installed
    compiler = _internals()
    with _lock:
        if compiler is not None and _installed is not None:
            compiler.compile = _installed
            _installed = None


def _load(compiler: Any) -> None:
    global _new
    _table.clear()
    _used.clear()
    _new = False
    path = table_path()
    if path is None:
        return
    try:
        stamp, entries = marshal.loads(path.read_bytes())
    except Exception:  # missing, unreadable, damaged or foreign: start empty
        return
    if stamp == _stamp(compiler) and isinstance(entries, dict):
        _table.update((k, v) for k, v in entries.items() if isinstance(v, bytes))


def _compile_with(compiler: Any, original: Callable[..., Any]) -> Callable[..., Any]:
    debug = compiler.SRE_FLAG_DEBUG

    def compile_pattern(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & debug:
            return original(p, flags)
        key = _key(compiler, p, int(flags))
        stored = _table.get(key)
        if stored is not None:
            try:
                made = compiler._sre.compile(p, *marshal.loads(stored))
            except Exception:  # an entry _sre rejects: made the ordinary way below
                pass
            else:
                _used.add(key)
                return made
        entry = _entry(compiler, p, int(flags))
        _remember(key, entry)
        return compiler._sre.compile(p, *entry)

    return compile_pattern


#: a pattern that is one bracketed set of single ASCII characters, each plain or escaped
#: as ``re.escape`` does (a backslash before a character that is no letter or digit): no
#: range, no negation, no class or code escape (``\\d``, ``\\x41``). What
#: ``"[" + re.escape("".join(some_set)) + "]"`` makes
_CHAR_SET = re.compile(r"\[(?:\\[^0-9A-Za-z]|[^\\\[\]^-])+\]", re.DOTALL)
_MEMBER = re.compile(r"\\.|.", re.DOTALL)
#: per set of characters (its sorted text) and flags: does its code not depend on the
#: order of its members? (:func:`_key`)
_order_free: dict[tuple[str, int], bool] = {}


def _key(compiler: Any, pattern: str, flags: int) -> Key:
    """The table key of ``pattern``: its text and flags, except for a set of characters
    whose compiled code is the same in any order of its members: its sorted text.

    Libraries build such sets from Python sets of characters (markdown-it's inline
    terminators), whose order changes from process to process with string hashing. Each
    run then met a pattern text the table did not hold, compiled it, and rewrote the whole
    table for it (a few megabytes after a long document's lint), every run. ``re`` codes
    most sets as a bitmap or as sorted ranges, whatever the order; a small set it may
    keep as written, and that set keeps its own text as key (decided by compiling the
    sorted and the reversed order, once per set and process)."""
    if pattern[:1] != "[" or not pattern.isascii() or not _CHAR_SET.fullmatch(pattern):
        return (pattern, flags)
    members = sorted(_MEMBER.findall(pattern[1:-1]))
    ordered = "[" + "".join(members) + "]"
    free = _order_free.get((ordered, flags))
    if free is None:
        backwards = "[" + "".join(reversed(members)) + "]"
        code = _entry(compiler, ordered, flags)[1]
        free = _order_free[(ordered, flags)] = code == _entry(compiler, backwards, flags)[1]
    return (ordered, flags) if free else (pattern, flags)


def _entry(compiler: Any, pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` computes for ``pattern``, as plain integers and strings
    (the opcodes are int subclasses, which ``marshal`` does not write)."""
    parsed = compiler._parser.parse(pattern, flags)
    code = [int(c) for c in compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _remember(key: Key, entry: Entry) -> None:
    global _new
    with _lock:
        _table[key] = marshal.dumps(entry)
        _used.add(key)
        _new = True


def remembered(kind: str, pattern: str, flags: int, make: Callable[[], Any]) -> Any:
    """A value derived from a pattern (``kind`` names the derivation, e.g. the literal
    gate of :mod:`pm_lsp.nlp.literals`), or from another string the same way in every
    process (Pyphen's syllables of a word, :mod:`pm_lsp.rules.readability.grade`), kept in
    the table beside the compiled patterns so that the next run reads it instead of
    deriving it again; ``kind`` names everything else it is derived from. ``make``
    computes it; it must be plain data ``marshal`` writes (strings, integers, tuples,
    frozensets, None), and the caller checks what it gets back. Only while the table is
    installed: elsewhere ``make`` runs."""
    global _new
    if _installed is None:
        return make()
    key: Key = (kind, pattern, int(flags))
    stored = _table.get(key)
    if stored is not None:
        try:
            value = marshal.loads(stored)
        except Exception:  # damaged: derived again below
            pass
        else:
            _used.add(key)
            return value
    value = make()
    try:
        data = marshal.dumps(value)
    except ValueError:  # not plain data: served, not kept
        return value
    with _lock:
        _table[key] = data
        _used.add(key)
        _new = True
    return value


def holds(kind: str, pattern: str, flags: int) -> bool:
    """Does the table hold the value :func:`remembered` would serve for this derivation of
    ``pattern`` (so that asking for it costs an unmarshalling, not the derivation)? False
    while the table is not installed. An entry asked about counts as used: the run chose
    its way of working by it (a small file that never reads the gates it asked about still
    wants them kept for the next run), so :func:`save` does not drop it as stale."""
    if _installed is None:
        return False
    key: Key = (kind, pattern, int(flags))
    if key not in _table:
        return False
    _used.add(key)
    return True


def before_save(derive: Callable[[], None]) -> None:
    """Have :func:`save` call ``derive`` first: it derives (:func:`remembered`) what this
    run put off but the next run should find kept. The literal gates of a set of patterns
    are read only once a run has asked the set about enough text (a small document costs
    less without them), and are kept only when read; a set whose texts are short (the
    timeline's ~230 milestone patterns, asked of each entry's few words) then never had
    its gates kept, and every run searched all of its patterns in every entry (~0.1 s of
    the editor's first paint on an 11,000-word document). Derived at the end of a run,
    they are kept, and the next run reads them as soon as it asks. ``derive`` must not
    raise."""
    _before_save.append(derive)


def forked() -> None:
    """Called in a process just forked from one that keeps the table (a ``--jobs`` worker,
    a copy sharing a long document's lint): start counting what :func:`handoff` sends."""
    global _held_at_fork
    with _lock:
        _known.clear()
        _known.update(_used)
        _held_at_fork = frozenset(_table)


def handoff() -> bytes:
    """What this forked process learnt of the table since :func:`forked` or the last
    handoff, marshalled for :func:`adopt` in the process it was forked from: the keys it
    used and the entries it made.

    A forked process never saves the table (it leaves with ``os._exit`` or is a pool
    worker), and the parent's :func:`save` keeps the entries the parent used plus at most
    as many it did not. Without the handoff, what a copy compiled or derived was lost
    with it, and what it read was liable to be dropped as unused: the copy sharing a
    50,000-word lint then compiled ~370 patterns and derived ~1,000 values again on every
    run (~0.7 s of its ~1.6 s share)."""
    with _lock:
        fresh = [k for k in _used if k not in _known]
        _known.update(fresh)
        made = {k: _table[k] for k in fresh if _held_at_fork is None or k not in _held_at_fork}
    return marshal.dumps((fresh, made))


def adopt(data: bytes) -> None:
    """Take in a forked process's :func:`handoff`: its keys count as used by this run, its
    entries join the table (saved at the end like this process's own). Anything that is
    not a handoff is ignored: the table only ever loses speed, never a result."""
    global _new
    try:
        fresh, made = marshal.loads(data)
    except Exception:  # damaged bytes: nothing to take
        return
    if not isinstance(fresh, list) or not isinstance(made, dict):
        return
    with _lock:
        for key, entry in made.items():
            if isinstance(key, tuple) and isinstance(entry, bytes) and key not in _table:
                _table[key] = entry
                _new = True
        _used.update(k for k in fresh if isinstance(k, tuple) and k in _table)


def files_stamp(paths: Iterable[Path]) -> str | None:
    """The size and modification time of each of ``paths``, as text: part of the name a
    value derived from those files is kept under (:func:`remembered`), so that a value read
    from other files is never served. None when one cannot be read."""
    try:
        return " ".join(f"{st.st_size}:{st.st_mtime_ns}" for st in map(os.stat, paths))
    except OSError:
        return None


def save() -> None:
    """Write the table if this run compiled a pattern it did not hold (atomically: a
    concurrent run reads the old file or the new one). Never raises."""
    global _new
    compiler = _internals()
    path = table_path()
    if compiler is None or path is None:
        return
    for derive in _before_save if _installed is not None else ():
        with contextlib.suppress(Exception):  # only ever a slower next run
            derive()
    if not _new:
        return
    with _lock:
        used = {k: v for k, v in _table.items() if k in _used}
        room = min(len(used), MAX_ENTRIES - len(used))
        stale = [(k, v) for k, v in _table.items() if k not in _used][:room]
        data = marshal.dumps((_stamp(compiler), {**used, **dict(stale)}))
        _new = False
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
