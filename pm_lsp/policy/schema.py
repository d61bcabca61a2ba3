"""The configuration keys, declared once.

Every key of ``.pm-lint.toml`` (or ``[tool.pm-lint]``) and every ``pmLint.*`` editor setting
is one :class:`Key` in :data:`KEYS`: its name, the type of its value, its default, its help
text and who reads it (the linter, the language server itself, or only the editor
extension). Everything else is derived from this list:

* the validator: :func:`pm_lsp.policy.config.validate` looks each key up here and lets the
  checker of its value type (:data:`Kind`) check and convert the value;
* the key tables in ``docs/configuration.md`` (between ``<!-- BEGIN generated ... -->``
  markers);
* the ``contributes.configuration`` block of ``editors/vscode/package.json`` and the list of
  settings the VS Code middleware forwards (``LINT_KEYS`` in ``editors/vscode/src/settings.ts``);
* the server's split of an editor's ``pmLint`` object (:mod:`pm_lsp.lsp.settings`).

``python -m pm_lsp.policy.schema --write`` regenerates the three files and ``--check`` fails
when one is stale (tests/test_schema.py does the same in memory). This module is data and
text only: it imports neither the rule registry nor spaCy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pm_lsp.policy.templates import builtin_template_names

#: the value types; pm_lsp.policy.config has one checker per type a linter key uses
Kind = Literal[
    "string",  # a non-empty string
    "codes",  # a list of rule codes or prefixes
    "levels",  # a table: rule code or prefix -> severity level
    "code-lists",  # a table: glob -> list of rule codes or prefixes
    "globs",  # a list of glob patterns
    "paths",  # a list of paths to files, relative to the config file
    "folder",  # a path to a folder, relative to the config file (need not exist)
    "size",  # bytes, or a string such as "2MB"
    "rule-options",  # a table: rule code or name -> table of options
    "integer",
    "strings",
    "choice",
]
#: ``linter``: a ``.pm-lint.toml`` key, also accepted under ``pmLint`` in camelCase;
#: ``server``: an option of the language server itself, under ``pmLint`` only;
#: ``editor``: a setting of the VS Code extension that never reaches the server
Reader = Literal["linter", "server", "editor"]
#: VS Code's setting scopes (where a setting may be set)
Scope = Literal["resource", "window", "machine-overridable"]

DEFAULT_TEMPLATE = "standard"
DEFAULT_SELECT = ("PM",)
DEFAULT_INCLUDE = ("*.md", "*.markdown")
DEFAULT_EXCLUDE = (
    ".git",
    "node_modules",
    ".venv",
    "venv",
    ".tox",
    "__pycache__",
    "build",
    "dist",
    ".mypy_cache",
    ".ruff_cache",
)
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
DEFAULT_DEBOUNCE_MS = 150
#: what ``severity`` accepts for a code or prefix
LEVELS = ("error", "warning", "info", "hint", "off")
#: the shape of a rule code or prefix, as the VS Code settings editor checks it (the
#: validator also accepts lower case, and checks that some rule has the code)
CODE_PATTERN = r"^(PM\d{0,3}|ALL)$"


@dataclass(frozen=True)
class _KindInfo:
    docs: str  #: the Type column of docs/configuration.md
    expected: str  #: how an error message says what was expected
    json: Mapping[str, Any]  #: the JSON schema of a VS Code setting (without null)


_CODE_ITEMS = {"type": "string", "pattern": CODE_PATTERN}
_KINDS: dict[Kind, _KindInfo] = {
    "string": _KindInfo("string", "a non-empty string", {"type": "string"}),
    "codes": _KindInfo(
        "list of codes/prefixes",
        'a list of rule codes or prefixes such as "PM1" (strings)',
        {"type": "array", "items": _CODE_ITEMS},
    ),
    "levels": _KindInfo(
        "table code/prefix → level",
        "a table of rule code = {choices}",
        {"type": "object", "additionalProperties": False},
    ),
    "code-lists": _KindInfo(
        "table glob → list of codes",
        "a table of glob = list of rule codes or prefixes",
        {"type": "object", "additionalProperties": {"type": "array", "items": _CODE_ITEMS}},
    ),
    "globs": _KindInfo(
        "list of globs",
        "a list of glob patterns (strings)",
        {"type": "array", "items": {"type": "string"}},
    ),
    "paths": _KindInfo(
        "list of paths",
        "a list of paths to rule pack TOML files (strings)",
        {"type": "array", "items": {"type": "string"}},
    ),
    "folder": _KindInfo(
        "path",
        "a path to a folder (string)",
        {"type": "string"},
    ),
    "size": _KindInfo(
        'integer bytes or `"2MB"`',
        'a size in bytes (integer) or a string such as "2MB"',
        {"type": ["integer", "string"]},
    ),
    "rule-options": _KindInfo(
        "table of tables",
        "a table of per-rule option tables, e.g. [rules.PM601] max-words = 40",
        {"type": "object", "additionalProperties": {"type": "object"}},
    ),
    "integer": _KindInfo("integer", "an integer", {"type": "integer"}),
    "strings": _KindInfo(
        "list of strings", "a list of strings", {"type": "array", "items": {"type": "string"}}
    ),
    "choice": _KindInfo("string", "one of {choices}", {"type": "string"}),
}


@dataclass(frozen=True)
class Key:
    """One configuration key or editor setting."""

    #: kebab-case, as in .pm-lint.toml; dotted for a nested editor setting (server.path)
    name: str
    type: Kind
    #: Markdown, one or two sentences: the docs' Meaning column and the VS Code description
    help: str
    #: Markdown: the default as the docs show it
    default: str
    reader: Reader = "linter"
    #: a value replaces the one from a lower layer (editor < file < defaults); in VS Code
    #: such a setting defaults to null, "unset", so an untouched setting never hides the
    #: project's value. Other linter keys add to the lower layers' value.
    replaces: bool = False
    #: what an error message says was expected (default: the type's phrase)
    expected: str = ""
    scope: Scope = "resource"
    #: the VS Code default of a server or editor setting (linter keys: null or empty)
    editor_default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None

    @property
    def attr(self) -> str:
        """The field of :class:`pm_lsp.policy.config.Settings` that holds the value."""
        return self.name.replace("-", "_")

    @property
    def camel(self) -> str:
        return ".".join(kebab_to_camel(part) for part in self.name.split("."))

    @property
    def setting(self) -> str:
        return f"pmLint.{self.camel}"

    @property
    def expectation(self) -> str:
        """What an error message says was expected."""
        choices = " | ".join(f'"{c}"' for c in self.choices)
        return self.expected or _KINDS[self.type].expected.format(choices=choices)


def kebab_to_camel(key: str) -> str:
    head, *rest = key.split("-")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def camel_to_kebab(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "-" + m.group(1).lower(), key)


def _inline(values: tuple[str, ...]) -> str:
    return "`[" + ", ".join(f'"{v}"' for v in values) + "]`"


def _code_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"`{v}`" for v in values)


KEYS: tuple[Key, ...] = (
    Key(
        "server.path",
        "string",
        "The `pm-lsp` executable: a name looked up on `PATH` or a path (`~` and "
        "`${workspaceFolder}` are expanded), e.g. `${workspaceFolder}/.venv/bin/pm-lsp`. "
        "Ignored when `pmLint.server.python` is set.",
        '`"pm-lsp"`',
        reader="editor",
        scope="machine-overridable",
        editor_default="pm-lsp",
    ),
    Key(
        "server.python",
        "string",
        "A Python interpreter that has pm-lsp installed; when set, the server is started as "
        "`<python> -m pm_lsp` instead of `pmLint.server.path`.",
        '`""`',
        reader="editor",
        scope="machine-overridable",
        editor_default="",
    ),
    Key(
        "server.args",
        "strings",
        "Extra command-line arguments for the server.",
        "`[]`",
        reader="editor",
        scope="machine-overridable",
        editor_default=[],
    ),
    Key(
        "activation-globs",
        "strings",
        "Lint only Markdown files whose path matches one of these globs, e.g. "
        "`**/postmortems/**`. Empty: every Markdown file. Restart the server after changing it.",
        "`[]`",
        reader="editor",
        scope="window",
        editor_default=[],
    ),
    Key(
        "template",
        "string",
        "Template the postmortem must follow: "
        + ", ".join(f"`{n}`" for n in builtin_template_names())
        + ", or a path to a template TOML file (relative to the config file).",
        f'`"{DEFAULT_TEMPLATE}"`',
        replaces=True,
        expected="a template name or a path to a template TOML file (string)",
    ),
    Key(
        "select",
        "codes",
        "Rule codes or prefixes to enable, replacing a selection of lower precedence "
        "(`PM1` selects PM101–PM107, `ALL` every rule).",
        _inline(DEFAULT_SELECT) + ", every rule",
        replaces=True,
    ),
    Key(
        "ignore",
        "codes",
        "Rule codes or prefixes to disable, replacing an `ignore` of lower precedence.",
        "`[]`",
        replaces=True,
    ),
    Key(
        "extend-select",
        "codes",
        "Rule codes or prefixes to enable in addition to `select`.",
        "`[]`",
    ),
    Key(
        "extend-ignore",
        "codes",
        "Rule codes or prefixes to disable in addition to `ignore`.",
        "`[]`",
    ),
    Key(
        "severity",
        "levels",
        "Severity per rule code or prefix: " + ", ".join(f'`"{v}"`' for v in LEVELS) + ".",
        "rule defaults",
        choices=LEVELS,
    ),
    Key(
        "rule-packs",
        "paths",
        "Rule packs (TOML files, relative to the config file) merged over the built-in "
        "`rules/`: your organisation's words and sections.",
        "`[]`",
    ),
    Key(
        "per-file-ignores",
        "code-lists",
        "Rule codes or prefixes to ignore in files matching a glob (relative to the config "
        'file), e.g. `"drafts/*.md" = ["PM2"]`.',
        "`{}`",
    ),
    Key(
        "include",
        "globs",
        "Glob patterns of the files a directory walk lints.",
        _inline(DEFAULT_INCLUDE),
        replaces=True,
    ),
    Key(
        "exclude",
        "globs",
        "Glob patterns of files and directories a directory walk skips, replacing the defaults.",
        _code_list(DEFAULT_EXCLUDE),
        replaces=True,
    ),
    Key(
        "extend-exclude",
        "globs",
        "Glob patterns to skip in addition to `exclude`.",
        "`[]`",
    ),
    Key(
        "max-file-size",
        "size",
        "Larger documents get one PM002 diagnostic instead of analysis: bytes, or a string "
        'such as `"2MB"`.',
        f"`{DEFAULT_MAX_FILE_SIZE}` (2 MiB)",
        replaces=True,
    ),
    Key(
        "cache-dir",
        "folder",
        "Where `pm-lint` keeps its results between runs (relative to the config file); "
        "`--cache-dir` and the `PM_LINT_CACHE_DIR` environment variable override it. The "
        "language server keeps its results in memory and does not read it.",
        '`".pm-lint-cache"` next to the config file (else in the working directory)',
        replaces=True,
        scope="machine-overridable",
    ),
    Key(
        "model",
        "string",
        "Name or path of the spaCy pipeline to use.",
        "the bundled small English pipeline",
        replaces=True,
        expected="the name or path of a spaCy pipeline (string)",
        scope="machine-overridable",
    ),
    Key(
        "rules",
        "rule-options",
        "Options per rule, named by code or name, e.g. `[rules.PM601] max-words = 40`; "
        "`pm-lint --explain CODE` lists a rule's options.",
        "`{}`",
    ),
    Key(
        "debounce-ms",
        "integer",
        "How long the server waits after a keystroke before re-linting, in milliseconds.",
        f"`{DEFAULT_DEBOUNCE_MS}`",
        reader="server",
        scope="window",
        editor_default=DEFAULT_DEBOUNCE_MS,
        minimum=0,
    ),
    Key(
        "trace.server",
        "choice",
        "Log the messages between VS Code and the server to the pm-lint output channel (set "
        "the channel's log level to Trace as well).",
        '`"off"`',
        reader="editor",
        scope="window",
        editor_default="off",
        choices=("off", "messages", "verbose"),
    ),
)

#: the .pm-lint.toml keys by name, in declaration order
CONFIG_KEYS: dict[str, Key] = {k.name: k for k in KEYS if k.reader == "linter"}


# -- generated files --------------------------------------------------------------------------


def vscode_setting(key: Key) -> dict[str, Any]:
    """The JSON schema of ``pmLint.<key>`` in the VS Code settings editor."""
    spec: dict[str, Any] = dict(_KINDS[key.type].json)
    if key.type == "choice":
        spec["enum"] = list(key.choices)
    elif key.type == "levels":
        spec["patternProperties"] = {CODE_PATTERN: {"type": "string", "enum": list(key.choices)}}
    if key.minimum is not None:
        spec["minimum"] = key.minimum
    if key.reader == "linter":
        if key.replaces:
            types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
            spec["type"] = [*types, "null"]
            default: Any = None
        else:
            default = [] if spec["type"] == "array" else {}
    else:
        default = key.editor_default
    spec["default"] = default
    spec["scope"] = key.scope
    spec["markdownDescription"] = _vscode_description(key)
    return spec


def _vscode_description(key: Key) -> str:
    """The help text, linked to the other settings it names (VS Code turns `#name#` into a
    link), plus for a linter key its ``.pm-lint.toml`` name and default."""
    text = key.help
    for other in KEYS:
        text = text.replace(f"`{other.setting}`", f"`#{other.setting}#`")
    if key.reader == "server":
        return f"{text} A server setting with no `.pm-lint.toml` equivalent."
    if key.reader == "editor":
        return text
    text = f"{text} `.pm-lint.toml` key: `{key.name}`. Default: {key.default}."
    if key.replaces:
        text += " Unset (null): the project's configuration file decides, else the default."
    return text


def vscode_configuration() -> dict[str, Any]:
    """The ``contributes.configuration`` block of editors/vscode/package.json."""
    return {"title": "pm-lint", "properties": {k.setting: vscode_setting(k) for k in KEYS}}


def render_package_json(current: str) -> str:
    data = json.loads(current)
    data["contributes"]["configuration"] = vscode_configuration()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def forwarded_settings() -> list[str]:
    """The ``pmLint`` settings the VS Code middleware sends to the server: every linter and
    server key (camelCase), never the extension's own."""
    return [k.camel for k in KEYS if k.reader != "editor"]


def render_settings_ts(current: str) -> str:
    body = "".join(f'  "{name}",\n' for name in forwarded_settings())
    block = f"export const LINT_KEYS = [\n{body}] as const;\n"
    return _between(current, "// BEGIN generated", "// END generated", block, "settings.ts")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def docs_key_table() -> str:
    rows = [
        "| Key | Type | Default | Meaning | Editor setting |",
        "|---|---|---|---|---|",
    ]
    for k in CONFIG_KEYS.values():
        info = _KINDS[k.type]
        cells = (f"`{k.name}`", info.docs, k.default, k.help, f"`{k.setting}`")
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


def docs_editor_table() -> str:
    rows = ["| Setting | Read by | Type | Default | Meaning |", "|---|---|---|---|---|"]
    for k in KEYS:
        if k.reader == "linter":
            continue
        kind = (
            " or ".join(f"`{c}`" for c in k.choices) if k.type == "choice" else _KINDS[k.type].docs
        )
        reader = "the server" if k.reader == "server" else "the VS Code extension"
        cells = (f"`{k.setting}`", reader, kind, k.default, k.help)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


_DOCS_MARK = "<!-- {} generated: {} (python -m pm_lsp.policy.schema --write; do not edit) -->"


def render_docs(current: str) -> str:
    for name, table in (("keys", docs_key_table()), ("editor settings", docs_editor_table())):
        begin, end = _DOCS_MARK.format("BEGIN", name), _DOCS_MARK.format("END", name)
        current = _between(current, begin, end, table, "docs/configuration.md")
    return current


def _between(text: str, begin: str, end: str, block: str, where: str) -> str:
    """``text`` with the lines between the ``begin`` and ``end`` marker lines replaced."""
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        raise ValueError(f"{where}: markers {begin!r} ... {end!r} not found")
    head = text[: text.index("\n", start) + 1]
    return head + block + text[stop:]


#: the generated files, relative to the checkout, and how each is rendered from its text
GENERATED: dict[str, Callable[[str], str]] = {
    "docs/configuration.md": render_docs,
    "editors/vscode/package.json": render_package_json,
    "editors/vscode/src/settings.ts": render_settings_ts,
}


def stale_files(root: Path) -> list[str]:
    """The generated files under ``root`` whose text differs from a fresh rendering."""
    stale = []
    for rel, render in GENERATED.items():
        text = (root / rel).read_text(encoding="utf-8")
        if render(text) != text:
            stale.append(rel)
    return stale


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m pm_lsp.policy.schema",
        description="Regenerate (or check) the files derived from the configuration schema.",
    )
    p.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the stale files")
    mode.add_argument("--check", action="store_true", help="exit 1 when a file is stale")
    args = p.parse_args(argv)
    stale = stale_files(args.root)
    for rel in stale:
        if args.write:
            path = args.root / rel
            path.write_text(GENERATED[rel](path.read_text(encoding="utf-8")), encoding="utf-8")
            print(f"rewrote {rel}")
        else:
            print(f"{rel} is stale: run python -m pm_lsp.policy.schema --write", file=sys.stderr)
    return 1 if stale and args.check else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
