"""Policy as data: loading ``rules/*.toml`` and user rule packs.

Python checks implement rule *kinds*; the words they look for (lexicons, role nouns, messages,
rewrite templates, thresholds) live in TOML so an organisation can extend them without
Python. A user pack is merged over the built-in pack: tables merge key by key, lists are
extended (duplicates dropped), scalars are replaced. A pack may also remove entries with a
``remove`` table mirroring the structure (``[remove.blame] judgment-words = ["sloppy"]``).
Each user pack is checked against the built-in pack's shape before it is merged
(:mod:`pm_lsp.policy.packschema`): a misspelt table or key is an error, never a no-op.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

from pm_lsp.data import data_dir
from pm_lsp.policy.packschema import PackSchemaError, Shape, check_pack, check_removal, shape_of


class PackError(Exception):
    """A rule pack or template that cannot be used; the message names the file."""


def rules_dir() -> Path:
    return data_dir() / "rules"


def load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise PackError(f"{path}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: not UTF-8 (byte {exc.start}); TOML files are UTF-8") from exc
    except RecursionError:
        raise PackError(f"{path}: not valid TOML: nested too deeply") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror}") from exc


def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def _remove(base: Mapping[str, Any], removal: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(base)
    for key, value in removal.items():
        old = out.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            out[key] = _remove(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = [v for v in old if v not in value]
    return out


T = TypeVar("T")


#: a line break with the spaces around it, or a run of spaces and tabs: one space in a
#: quote (other control characters are kept, for the output formats to escape)
_ONE_LINE = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*|[ \t]{2,}")


class RulePack:
    """The merged policy data, one top-level table per rule family (file stem)."""

    def __init__(self, data: Mapping[str, Any], sources: tuple[str, ...] = ()) -> None:
        self._data = dict(data)
        self.sources = sources
        self._derived: dict[Callable[[RulePack], Any], Any] = {}
        self._derived_lock = threading.RLock()  # a lexicon may build on another one

    def __getstate__(self) -> dict[str, Any]:
        """Pickled for ``pm-lint --jobs`` workers: the words travel, derived objects are
        rebuilt on the other side (they hold compiled regexes and a lock)."""
        return {"_data": self._data, "sources": self.sources}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state["_data"]
        self.sources = state["sources"]
        self._derived = {}
        self._derived_lock = threading.RLock()

    def derived(self, build: Callable[[RulePack], T]) -> T:
        """``build(self)``, computed once per pack: a family's compiled lexicon or regexes.

        A pack is never changed once loaded (``with_packs`` makes a new one), so what is
        built from its words stays valid for its lifetime, and it is freed with the pack: a
        language server that reloads its configuration does not accumulate old lexicons.
        """
        with self._derived_lock:
            if build not in self._derived:
                self._derived[build] = build(self)
            return cast(T, self._derived[build])

    def family(self, name: str) -> Mapping[str, Any]:
        value = self._data.get(name, {})
        return value if isinstance(value, Mapping) else {}

    def words(self, family: str, key: str) -> list[str]:
        """A list of strings from ``family.key`` (empty when absent)."""
        value = self.family(family).get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    def get(self, family: str, key: str, default: Any = None) -> Any:
        return self.family(family).get(key, default)

    def message(self, family: str, key: str, **fields: object) -> str:
        """The message ``family.messages.key`` with ``fields`` filled in. Text quoted from the
        document is quoted on one line: a phrase that a line break splits ("for a" at the
        end of a line, "while" on the next) reads as written on one."""
        template = self.family(family).get("messages", {}).get(key)
        if not isinstance(template, str):
            raise KeyError(f"no message {family}.messages.{key}")
        flat = {k: _ONE_LINE.sub(" ", v) if isinstance(v, str) else v for k, v in fields.items()}
        return template.format(**flat)

    def with_packs(self, paths: Iterable[Path]) -> RulePack:
        data: Mapping[str, Any] = self._data
        sources = list(self.sources)
        for path in paths:
            extra = load_toml(path)
            removal = extra.pop("remove", None)
            if removal is not None and not isinstance(removal, Mapping):
                raise PackError(f"{path}: 'remove' must be a table")
            try:
                check_pack(extra, builtin_shape())
                check_removal(removal or {}, builtin_shape())
            except PackSchemaError as exc:
                raise PackError(f"{path}: {exc}") from exc
            data = merge(data, extra)
            if removal:
                data = _remove(data, removal)
            sources.append(str(path))
        return RulePack(data, tuple(sources))


@lru_cache(maxsize=1)
def builtin_pack() -> RulePack:
    """All ``rules/*.toml`` files, keyed by file stem (``rules/blame.toml`` -> ``blame``)."""
    data: dict[str, Any] = {}
    for path in sorted(rules_dir().glob("*.toml")):
        data[path.stem] = load_toml(path)
    return RulePack(data, tuple(str(p) for p in sorted(rules_dir().glob("*.toml"))))


@lru_cache(maxsize=1)
def builtin_shape() -> Shape:
    """What a user pack may contain: the shape of the built-in pack."""
    return shape_of(builtin_pack()._data)


def load_pack(paths: tuple[Path, ...]) -> RulePack:
    """The built-in pack with the user packs ``paths`` merged over it, built once per set
    of files as they are now: cached by the files' paths and their size and modification
    time, so a process that lives on (the language server, ``pm-lint --daemon``) uses an
    edited pack from its next lint, and every other lint gets the same object (the
    per-pack memo tables rely on that)."""
    return _load_pack(paths, file_stamps(paths))


def file_stamps(paths: Iterable[Path]) -> tuple[tuple[int, int] | None, ...]:
    """Size and modification time (ns) of each file, None for one that cannot be read."""
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            out.append(None)
            continue
        out.append((st.st_size, st.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=32)
def _load_pack(paths: tuple[Path, ...], _stamps: tuple[tuple[int, int] | None, ...]) -> RulePack:
    return builtin_pack().with_packs(paths)


def forget_packs() -> None:
    """Drop every cached user pack (a client said files changed)."""
    _load_pack.cache_clear()
