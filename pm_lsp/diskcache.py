"""The on-disk result cache: a file linted once is not linted again until something it
depends on changes (like ruff's ``.ruff_cache``).

A lint's diagnostics are a function of the file's text, its resolved configuration (the
rule selection, severities, rule options, the template and every rule pack's words), the
code of pm-lint and the spaCy model, and, only through ``per-file-ignores``, of its path.
:func:`entry_key` hashes exactly those, so an entry can never answer for anything else:

* the code is identified by the package version and the size and modification time of every
  module of the package (an editable install that is being edited never serves results of
  the code before the edit);
* the configuration by a canonical form of the resolved :class:`~pm_lsp.policy.config.Config`
  (its template and rule pack included, so editing a pack's TOML file changes the key);
* the model by its resolved name and installed version.

A run in which every file hits reads one small JSON file per file and never imports spaCy
or textstat. Entries are written atomically (a temporary file renamed into place), so
concurrent runs (two pre-commit hooks, a CI matrix sharing a folder) at worst compute the
same entry twice; an unreadable or damaged entry is a miss. The folder is bounded: after a
run that wrote entries, the oldest are removed once it holds more than
:data:`MAX_BYTES`. Lints that did not complete (a rule crashed, the model is missing) are
never stored.

Where: ``--cache-dir``, else the ``PM_LINT_CACHE_DIR`` environment variable, else the
``cache-dir`` configuration key (relative to its config file), else ``.pm-lint-cache`` next
to the configuration file that applies (the working directory when there is none). The
folder holds a ``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, so it is never committed or
backed up. ``--no-cache`` neither reads nor writes it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from pm_lsp import __version__
from pm_lsp.data import tree_stamps
from pm_lsp.policy.config import Config
from pm_lsp.rules.spec import Diagnostic, Edit, Fix, Severity

#: the folder's default name
DEFAULT_DIR = ".pm-lint-cache"
#: the environment variable that moves it (``--cache-dir`` wins over it)
ENV_DIR = "PM_LINT_CACHE_DIR"
#: bumped whenever an entry's layout changes
FORMAT = 1
#: the folder is pruned back to 3/4 of this after a run that wrote to it when larger
MAX_BYTES = 64 * 1024 * 1024

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# pm-lint's result cache\n"


def canonical(value: Any) -> Any:
    """``value`` as plain JSON data that is the same in every process (set order and
    object identities do not leak in): what the configuration part of a key is made of."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, Mapping):
        return {str(k): canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, re.Pattern):
        return [value.pattern, value.flags]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    state = getattr(value, "__getstate__", None)  # e.g. the rule pack: its data and sources
    if state is not None and not isinstance(value, type):
        got = state()
        if got is not None and not (isinstance(got, tuple) and not got):
            return canonical(got)
    return repr(value)


def _digest(*parts: Any) -> str:
    h = hashlib.sha256()
    for p in parts:
        data = p if isinstance(p, bytes) else json.dumps(p, sort_keys=True).encode()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


_CODE: list[str] = []


def code_fingerprint() -> str:
    """The package version and the size and mtime of every module (computed once)."""
    if not _CODE:
        root = str(Path(__file__).resolve().parent)
        stats = tree_stamps(root, (".py", ".gz", ".txt", ".toml"))
        _CODE.append(_digest(__version__, stats))
    return _CODE[0]


def model_fingerprint(model: str | None) -> list[str]:
    """The pipeline that would be loaded, where it is installed and when its files were
    written (neither spaCy nor package metadata is imported: this runs on every hit)."""
    import importlib.util

    from pm_lsp.nlp.pipeline import resolve_model

    name = resolve_model(model)
    if name is None:
        return ["none"]
    where: str | None = name
    if "/" not in name and "\\" not in name:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        where = spec.origin if spec is not None else None
    if where is None:
        return [name, "?"]
    folder = Path(where) if Path(where).is_dir() else Path(where).parent
    stamps = [name, str(folder)]
    for marker in ("meta.json", "__init__.py", "config.cfg"):
        with contextlib.suppress(OSError):
            st = os.stat(folder / marker)
            stamps.append(f"{marker}:{st.st_size}:{st.st_mtime_ns}")
    return stamps


_CONFIG_KEYS: dict[int, tuple[Config, str]] = {}


def config_fingerprint(config: Config) -> str:
    """A digest of everything in the configuration that findings depend on (memoised per
    object: a run resolves one Config per configuration file)."""
    got = _CONFIG_KEYS.get(id(config))
    if got is not None and got[0] is config:
        return got[1]
    data = canonical(config)
    for unread in ("include", "exclude", "max_file_size", "sources", "root", "cache_dir"):
        data.pop(unread, None)  # which files are linted, not what is found in them
    digest = _digest(data, model_fingerprint(config.model))
    _CONFIG_KEYS[id(config)] = (config, digest)
    return digest


def entry_key(text: str, config: Config, path: Path | None) -> str:
    """The key of the lint of ``text`` at ``path`` under ``config``. The file's name takes
    part (the structure rules may read the incident date from it); the rest of the path only
    when ``per-file-ignores`` can make it matter, so a file moved to another folder still
    hits."""
    where = config.relative(path) if path is not None and config.per_file_ignores else ""
    name = path.name if path is not None else ""
    return _digest(
        FORMAT,
        code_fingerprint(),
        config_fingerprint(config),
        where,
        name,
        text.encode("utf-8", "surrogateescape"),
    )


# -- entries --------------------------------------------------------------------------------


def _encode(d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "title": d.fix.title,
            "safe": d.fix.safe,
            "edits": [[e.start, e.end, e.new_text] for e in d.fix.edits],
        }
    return {
        "code": d.code,
        "name": d.name,
        "category": d.category,
        "severity": d.severity.value,
        "message": d.message,
        "start": d.start,
        "end": d.end,
        "fix": fix,
        "data": d.data,
    }


def _decode(raw: Mapping[str, Any]) -> Diagnostic:
    f = raw["fix"]
    fix = None
    if f is not None:
        edits = tuple(Edit(int(a), int(b), str(t)) for a, b, t in f["edits"])
        fix = Fix(str(f["title"]), edits, bool(f["safe"]))
    return Diagnostic(
        code=str(raw["code"]),
        name=str(raw["name"]),
        category=str(raw["category"]),
        severity=Severity(int(raw["severity"])),
        message=str(raw["message"]),
        start=int(raw["start"]),
        end=int(raw["end"]),
        fix=fix,
        data=raw["data"],
    )


class ResultCache:
    """One cache folder. Every operation is best effort: a folder that cannot be created,
    read or written makes the cache a miss, never an error."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.entries = directory / f"v{FORMAT}"
        self.hits = 0
        self.misses = 0
        self.written = 0
        self._ready = False

    def get(self, key: str) -> list[Diagnostic] | None:
        path = self.entries / f"{key}.json"
        try:
            with open(path, "rb") as fh:
                raw = json.loads(fh.read())
            diags = [_decode(d) for d in raw["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):  # pruning removes the least recently used
            os.utime(path)
        return diags

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        data = json.dumps(
            {"diagnostics": [_encode(d) for d in diagnostics]}, ensure_ascii=False
        ).encode("utf-8", "surrogateescape")
        try:
            self._prepare()
            fd, tmp = tempfile.mkstemp(dir=self.entries, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, self.entries / f"{key}.json")
            except BaseException:
                _unlink(tmp)
                raise
        except (OSError, ValueError):
            return
        self.written += 1

    def _prepare(self) -> None:
        """Create the folder with its .gitignore and CACHEDIR.TAG (once per run)."""
        if self._ready:
            return
        self.entries.mkdir(parents=True, exist_ok=True)
        for name, content in ((".gitignore", "*\n"), ("CACHEDIR.TAG", _TAG)):
            marker = self.directory / name
            if not marker.exists():
                marker.write_text(content, encoding="utf-8")
        self._ready = True

    def prune(self, max_bytes: int = MAX_BYTES) -> int:
        """Remove the oldest entries until the folder holds at most 3/4 of ``max_bytes``,
        when it holds more than ``max_bytes``; how many were removed."""
        try:
            found = []
            total = 0
            with os.scandir(self.entries) as it:
                for e in it:
                    if e.name.endswith(".json"):
                        st = e.stat()
                        found.append((st.st_mtime_ns, st.st_size, e.path))
                        total += st.st_size
        except OSError:
            return 0
        if total <= max_bytes:
            return 0
        removed = 0
        for _mtime, size, path in sorted(found):
            if total <= max_bytes * 3 // 4:
                break
            if _unlink(path):
                total -= size
                removed += 1
        return removed


def _unlink(path: str) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    return True


def default_directory(config: Config) -> Path:
    """Where a file governed by ``config`` keeps its results without ``--cache-dir``."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    if config.cache_dir is not None:
        return config.cache_dir
    return (config.root if config.root is not None else Path.cwd()) / DEFAULT_DIR


class CacheSet:
    """The cache folders of one run, by the configuration that chooses them: one folder
    for all files with ``--cache-dir`` (``directory``), else each configuration's own; no
    cache at all when ``enabled`` is false (``--no-cache``)."""

    def __init__(self, directory: Path | None = None, *, enabled: bool = True) -> None:
        self.directory = directory
        self.enabled = enabled
        self._by_dir: dict[Path, ResultCache] = {}

    def for_config(self, config: Config) -> ResultCache | None:
        if not self.enabled:
            return None
        where = self.directory if self.directory is not None else default_directory(config)
        cache = self._by_dir.get(where)
        if cache is None:
            cache = self._by_dir[where] = ResultCache(where)
        return cache

    def caches(self) -> list[ResultCache]:
        return list(self._by_dir.values())

    def prune(self) -> None:
        """Bound every folder that this run may have written to."""
        for cache in self._by_dir.values():
            if cache.misses or cache.written:
                cache.prune()


__all__ = [
    "DEFAULT_DIR",
    "ENV_DIR",
    "MAX_BYTES",
    "CacheSet",
    "ResultCache",
    "canonical",
    "config_fingerprint",
    "default_directory",
    "entry_key",
]
