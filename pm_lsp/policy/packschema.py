"""What a rule pack may contain: the keys and value types of the built-in ``rules/*.toml``.

A user pack is merged over the built-in pack (:mod:`pm_lsp.policy.rulepack`), so the
built-in files *are* its schema: a pack's top-level tables are the stems of the built-in
files (the rule families and the shared ``vocabulary``), and it may only use keys the
built-in file has, with a value of the same type. Deriving the schema from the data keeps
one source of truth: a family that starts reading a new word list adds it to its TOML file
and packs may use it at once, where a second declaration in Python would have to be kept in
step by hand (and could be read only by importing the family, and with it spaCy).

A few tables are keyed by names the user chooses rather than names the code reads: a verb
and its irregular forms, a time zone's abbreviation, a section or metadata field id. They
are listed in :data:`OPEN_TABLES`: any key is accepted there, and its value must have the
shape of the built-in entries (the union of their keys and value types).

A ``[remove.<table>]`` part mirrors the same structure and may only name lists.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: tables whose keys are the user's own names (see the module docstring)
OPEN_TABLES = frozenset(
    {
        ("blame", "irregular"),
        ("blame", "irregular-past"),
        ("timeline", "zones"),
        ("timeline", "zone-seasons"),
        ("timeline", "zone-tz"),
        ("vocabulary", "sections"),
        ("vocabulary", "fields"),
    }
)


class PackSchemaError(ValueError):
    """A pack uses a table, key or value type the built-in pack does not have."""


@dataclass(frozen=True)
class Shape:
    """The values one place of a pack accepts, learnt from the built-in pack."""

    #: "string", "number", "boolean", "list", "table"
    types: frozenset[str] = frozenset()
    #: the shape of a list's items (None: the built-in list is empty, anything goes)
    items: Shape | None = None
    #: a table's keys; None for an open table
    keys: Mapping[str, Shape] | None = field(default=None, compare=False)
    #: the shape of every value of an open table
    values: Shape | None = None


def _type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, Mapping):
        return "table"
    return type(value).__name__


def _union(a: Shape | None, b: Shape | None) -> Shape | None:
    if a is None or b is None:
        return a or b
    keys: dict[str, Shape] | None = None
    if a.keys is not None or b.keys is not None:
        keys = dict(a.keys or {})
        for k, s in (b.keys or {}).items():
            keys[k] = _union(keys.get(k), s) or s
    return Shape(a.types | b.types, _union(a.items, b.items), keys, _union(a.values, b.values))


def _union_all(shapes: Iterable[Shape]) -> Shape | None:
    out: Shape | None = None
    for s in shapes:
        out = _union(out, s)
    return out


def shape_of(value: object, path: tuple[str, ...] = ()) -> Shape:
    """The shape of a built-in value; ``path`` decides whether a table is open."""
    kind = _type(value)
    if isinstance(value, list):
        return Shape(frozenset({kind}), items=_union_all(shape_of(v) for v in value))
    if isinstance(value, Mapping):
        if path in OPEN_TABLES:
            entries = _union_all(shape_of(v, (*path, "*")) for v in value.values())
            return Shape(frozenset({kind}), values=entries)
        keys = {str(k): shape_of(v, (*path, str(k))) for k, v in value.items()}
        return Shape(frozenset({kind}), keys=keys)
    return Shape(frozenset({kind}))


def describe(shape: Shape) -> str:
    """``a list of strings``, ``a number or a string``, ``a table``."""
    parts = []
    for kind in sorted(shape.types):
        if kind == "list" and shape.items is not None:
            parts.append("a list of " + _plural(describe(shape.items)))
        else:
            parts.append(("an " if kind[0] in "aeiou" else "a ") + kind)
    return " or ".join(parts)


def _plural(described: str) -> str:
    """``a string or a number`` -> ``strings or numbers``."""
    words = [w.split(" ", 1)[1] for w in described.split(" or ")]
    return " or ".join("lists" + w[4:] if w.startswith("list") else w + "s" for w in words)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_pack(data: Mapping[str, Any], schema: Shape) -> None:
    """Raise :class:`PackSchemaError` for the first place where ``data`` (a pack file, its
    ``remove`` table already split off) leaves ``schema`` (the built-in pack's shape)."""
    assert schema.keys is not None
    for name, table in data.items():
        if name not in schema.keys:
            raise _unknown_table(name, name, schema)
        if not isinstance(table, Mapping):
            raise PackSchemaError(
                f"top-level '{name}' must be a table, got {_type(table)} {_short(table)}"
            )
        _check(table, schema.keys[name], (name,))


def _unknown_table(shown: str, name: str, schema: Shape) -> PackSchemaError:
    known = sorted(schema.keys or {})
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" (did you mean [{close[0]}]?)" if close else ""
    return PackSchemaError(
        f"unknown table [{shown}]{hint}; a rule pack's tables are those of the built-in "
        f"files in rules/: {', '.join(known)}"
    )


def _where(path: tuple[str, ...]) -> str:
    """``("impact", "lemma-suffix-rules", "[1]")`` -> ``impact.lemma-suffix-rules[1]``."""
    return "".join(p if p.startswith("[") or i == 0 else "." + p for i, p in enumerate(path))


def _check(value: object, shape: Shape, path: tuple[str, ...]) -> None:
    kind = _type(value)
    if kind not in shape.types:
        raise PackSchemaError(
            f"'{_where(path)}' must be {describe(shape)}, got {kind} {_short(value)}"
            f" (as in the built-in rules/{path[0]}.toml)"
        )
    if isinstance(value, list) and shape.items is not None:
        for i, item in enumerate(value):
            _check(item, shape.items, (*path, f"[{i}]"))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check(item, _entry(shape, str(key), path), (*path, str(key)))


def _entry(shape: Shape, key: str, path: tuple[str, ...]) -> Shape:
    """The shape of ``key`` in a table of ``shape``; an error for an unknown key."""
    if shape.values is not None:
        return shape.values
    keys = shape.keys or {}
    if key in keys:
        return keys[key]
    table = _where(path)
    family = path[1] if path[0] == "remove" else path[0]
    raise PackSchemaError(
        f"unknown key '{key}' in [{table}]{_did_you_mean(key, keys)}; a rule pack may only "
        f"use the keys of the built-in rules/{family}.toml"
    )


def check_removal(removal: Mapping[str, Any], schema: Shape) -> None:
    """``[remove.<table>]`` names lists of the built-in pack, and gives lists of entries."""
    assert schema.keys is not None
    for name, table in removal.items():
        if name not in schema.keys:
            raise _unknown_table(f"remove.{name}", name, schema)
        if not isinstance(table, Mapping):
            raise PackSchemaError(f"'remove.{name}' must be a table, got {_type(table)}")
        _check_removal(table, schema.keys[name], ("remove", name))


def _check_removal(table: Mapping[str, Any], shape: Shape, path: tuple[str, ...]) -> None:
    for key, value in table.items():
        inner = _entry(shape, str(key), path)
        where = (*path, str(key))
        if isinstance(value, Mapping) and "table" in inner.types:
            _check_removal(value, inner, where)
        elif "list" not in inner.types:
            raise PackSchemaError(
                f"'{_where(where)}' is {describe(inner)} in the built-in rules/{path[1]}.toml; "
                "only entries of a list can be removed"
            )
        elif not isinstance(value, list):
            raise PackSchemaError(
                f"'{_where(where)}' must be a list of the entries to remove, "
                f"got {_type(value)} {_short(value)}"
            )


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
