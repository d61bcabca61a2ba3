"""Configuration: discovery, validation, merging (defaults < file < CLI/LSP settings).

One config for the editor and CI: ``.pm-lint.toml`` or ``[tool.pm-lint]`` in
``pyproject.toml``, the nearest one above each file (``.pm-lint.toml`` wins in the same
directory). The language server accepts the same keys (camelCase or kebab-case) from
``workspace/configuration``. Unknown keys and wrong types are errors that name the file, the
key and what was expected; they never surface as tracebacks.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pm_lsp.policy.rulepack import PackError, RulePack, load_pack
from pm_lsp.policy.schema import (
    CODE_PATTERN,
    CONFIG_KEYS,
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_SELECT,
    DEFAULT_TEMPLATE,
    Key,
    Kind,
    camel_to_kebab,
)
from pm_lsp.policy.templates import Template, load_template
from pm_lsp.rules.spec import Rule, Severity

CONFIG_FILE = ".pm-lint.toml"
#: the shape of a code or prefix (``ALL`` is turned into ``PM`` before it is matched)
_CODE_PREFIX = re.compile(CODE_PATTERN)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {
    "b": 1,
    "kb": 1000,
    "kib": 1024,
    "mb": 1000**2,
    "mib": 1024**2,
    "gb": 1000**3,
    "gib": 1024**3,
}


class ConfigError(Exception):
    """A configuration problem, phrased for the user: file, key, what was expected."""


@dataclass(frozen=True)
class Settings:
    """Validated settings from one source; ``None`` means "not set here".

    One field per linter key of :data:`pm_lsp.policy.schema.CONFIG_KEYS` (``Key.attr``),
    typed for the code that merges them; tests/test_schema.py checks that the two agree.
    """

    template: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    rule_packs: tuple[Path, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    max_file_size: int | None = None
    cache_dir: Path | None = None
    model: str | None = None
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: directory that relative paths and globs in this source are relative to
    root: Path | None = None
    source: str = "defaults"


@dataclass(frozen=True)
class _Source:
    """Where the values being checked come from: named in every error message."""

    name: str
    root: Path | None
    camel_case: bool


def _err(source: str, key: str, expected: str, got: object = None) -> ConfigError:
    suffix = f", got {type(got).__name__} {got!r}" if got is not None else ""
    return ConfigError(f"{source}: '{key}' must be {expected}{suffix}")


def _string(src: _Source, key: Key, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _err(src.name, key.name, key.expectation, value)
    return value


def _strings(src: _Source, where: str, expected: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(src.name, where, expected, value)
    return value


def _codes(src: _Source, where: str, value: object, expected: str | None = None) -> tuple[str, ...]:
    """Rule codes or prefixes, upper-cased (``ALL`` is ``PM``); each must name some rule."""
    raw = _strings(src, where, expected or "a list of rule codes (strings)", value)
    out = []
    for v in raw:
        code = v.strip().upper()
        if code == "ALL":
            code = "PM"
        if not _CODE_PREFIX.match(code):
            raise ConfigError(
                f"{src.name}: '{where}' has {v!r}, which is not a rule code or prefix "
                "(expected PM followed by up to three digits, e.g. PM1 or PM101)"
            )
        if not any(c.startswith(code) for c in _rule_codes()):
            raise ConfigError(
                f"{src.name}: '{where}' has {v!r}, which matches no rule{_hint(code)}"
            )
        out.append(code)
    return tuple(out)


def _rule_codes() -> tuple[str, ...]:
    from pm_lsp.rules.registry import all_rules

    return tuple(r.code for r in all_rules())


def _hint(code: str) -> str:
    """A did-you-mean for a code or prefix that matches no rule, else the families."""
    from pm_lsp.rules.registry import all_rules

    codes = _rule_codes()
    same_length = sorted({c[: len(code)] for c in codes if len(c) >= len(code)})
    close = difflib.get_close_matches(code, same_length, n=1, cutoff=0.75)
    if close:
        return f" (did you mean '{close[0]}'?)"
    families = {r.code[:3]: r.spec.category for r in all_rules()}
    listed = ", ".join(f"{prefix} {name}" for prefix, name in sorted(families.items()))
    return f"; the rule families are {listed}"


def _code_key(src: _Source, key: Key, value: object) -> tuple[str, ...]:
    return _codes(src, key.name, value, key.expectation)


def _globs(src: _Source, key: Key, value: object) -> tuple[str, ...]:
    return tuple(_strings(src, key.name, key.expectation, value))


def _paths(src: _Source, key: Key, value: object) -> tuple[Path, ...]:
    """Files that must exist, relative to the directory of the config file."""
    resolved = []
    for p in _strings(src, key.name, key.expectation, value):
        path = Path(p).expanduser()
        if not path.is_absolute() and src.root is not None:
            path = src.root / path
        if not path.is_file():
            raise ConfigError(f"{src.name}: '{key.name}' entry {p!r}: no such file ({path})")
        resolved.append(path)
    return tuple(resolved)


def _levels(src: _Source, key: Key, value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise _err(src.name, key.name, key.expectation, value)
    checked: dict[str, str] = {}
    for code, level in value.items():
        where = f"{key.name}.{code}"
        c = _codes(src, where, [code])[0]
        if not isinstance(level, str) or level.lower() not in key.choices:
            choices = ", ".join(f'"{v}"' for v in key.choices)
            raise _err(src.name, where, f"one of {choices}", level)
        checked[c] = level.lower()
    return checked


def _code_lists(src: _Source, key: Key, value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise _err(src.name, key.name, key.expectation, value)
    return {str(g): _codes(src, f"{key.name}.{g}", codes) for g, codes in value.items()}


def _folder(src: _Source, key: Key, value: object) -> Path:
    """A folder, relative to the directory of the config file; created when first used."""
    path = Path(_string(src, key, value)).expanduser()
    return src.root / path if not path.is_absolute() and src.root is not None else path


def parse_size(source: str, key: str, value: object) -> int:
    expected = CONFIG_KEYS["max-file-size"].expectation
    if isinstance(value, bool):
        raise _err(source, key, expected, value)
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str):
        m = _SIZE.match(value)
        if m:
            return int(float(m.group(1)) * _SIZE_UNITS[(m.group(2) or "b").lower()])
    raise _err(source, key, expected, value)


def _size(src: _Source, key: Key, value: object) -> int:
    return parse_size(src.name, key.name, value)


def _rules(src: _Source, key: Key, value: object) -> dict[str, dict[str, Any]]:
    """``[rules.<code or name>]`` tables, each checked against the rule's options."""
    from pm_lsp.rules.registry import rules_by_code, rules_by_name

    if not isinstance(value, Mapping):
        raise _err(src.name, key.name, key.expectation, value)
    by_code, by_name = rules_by_code(), rules_by_name()
    opts: dict[str, dict[str, Any]] = {}
    for ref, options in value.items():
        where = f"{key.name}.{ref}"
        r = by_code.get(str(ref).upper()) or by_name.get(str(ref))
        if r is None:
            raise ConfigError(f"{src.name}: '{where}': no rule has that code or name")
        if not isinstance(options, Mapping):
            raise _err(src.name, where, "a table of options", options)
        opts[r.code] = _rule_options(src, where, r, options)
    return opts


def _rule_options(src: _Source, where: str, r: Rule, options: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in options.items():
        k = camel_to_kebab(key) if src.camel_case else key
        spec = r.spec.options.get(k)
        if spec is None:
            known = ", ".join(sorted(r.spec.options)) or "none"
            close = difflib.get_close_matches(k, list(r.spec.options), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(
                f"{src.name}: '{where}.{key}' is not an option of {r.code} "
                f"({r.spec.name}){hint}; its options: {known}"
            )
        problem = spec.problem(value)
        if problem is not None:
            raise ConfigError(f"{src.name}: '{where}.{key}' {problem}")
        out[k] = value
    return out


#: how each value type of a linter key is checked and converted
_CHECKS: dict[Kind, Callable[[_Source, Key, object], object]] = {
    "string": _string,
    "codes": _code_key,
    "levels": _levels,
    "code-lists": _code_lists,
    "globs": _globs,
    "paths": _paths,
    "size": _size,
    "folder": _folder,
    "rule-options": _rules,
}


def validate(
    raw: Mapping[str, Any], source: str, root: Path | None, *, camel_case: bool = False
) -> Settings:
    """Check every key and value of one config table and return :class:`Settings`.

    Keys are looked up in the schema (camelCase ones first turned into kebab-case, for
    editor settings); an unknown key is reported before any value, with a did-you-mean.
    ``root`` anchors relative paths (rule packs).
    """
    values: dict[str, Any] = {}
    for key, value in raw.items():
        k = camel_to_kebab(key) if camel_case else key
        if k not in CONFIG_KEYS:
            close = difflib.get_close_matches(k, list(CONFIG_KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            known = ", ".join(sorted(CONFIG_KEYS))
            raise ConfigError(f"{source}: unknown key '{key}'{hint}; known keys: {known}")
        values[k] = value
    src = _Source(source, root, camel_case)
    kw: dict[str, Any] = {"root": root, "source": source}
    for name, spec in CONFIG_KEYS.items():
        if name in values:
            kw[spec.attr] = _CHECKS[spec.type](src, spec, values[name])
    return Settings(**kw)


def read_config_file(path: Path) -> Settings:
    """Settings from a ``.pm-lint.toml`` or a ``pyproject.toml``'s ``[tool.pm-lint]``."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: config file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}); TOML files are UTF-8") from exc
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("pm-lint", {}) if isinstance(tool, Mapping) else {}
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: [tool.pm-lint] must be a table")
    return validate(data, str(path), path.parent)


def _has_pm_lint_table(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml without our table is not our business; with it, it is
        # reported when read. Only a quick textual check decides here.
        try:
            return "[tool.pm-lint" in pyproject.read_text(errors="replace")
        except OSError:
            return False
    tool = data.get("tool")
    return isinstance(tool, Mapping) and "pm-lint" in tool


def find_config_file(start: Path) -> Path | None:
    """The nearest ``.pm-lint.toml`` or ``pyproject.toml`` with ``[tool.pm-lint]``."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for d in (directory, *directory.parents):
        candidate = d / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_pm_lint_table(pyproject):
            return pyproject
    return None


@dataclass(frozen=True)
class Config:
    """Settings merged and resolved: the template, the pack and the rule selection."""

    template: Template
    pack: RulePack
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: Mapping[str, str]
    per_file_ignores: Mapping[str, tuple[str, ...]]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    max_file_size: int
    model: str | None
    rule_options: Mapping[str, Mapping[str, Any]]
    root: Path | None
    sources: tuple[str, ...]
    #: whether some layer set ``template`` (a config file or the command line): without
    #: it the structure rules run in adoption mode
    template_configured: bool = False
    #: where ``pm-lint`` keeps its results between runs (None: the default place, see
    #: :mod:`pm_lsp.diskcache`); not part of the result cache's key
    cache_dir: Path | None = None

    def is_enabled(self, code: str, path: Path | None = None) -> bool:
        """ruff's rule: the most specific matching prefix decides; ties go to ignore."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if path is not None and self.per_file_ignores:
            for glob, codes in self.per_file_ignores.items():
                if self._glob_match(path, glob):
                    ign = max(ign, *(len(p) for p in codes if code.startswith(p)), -1)
        if self.severity.get(code) == "off":
            return False
        return sel >= 0 and sel > ign

    def severity_for(self, code: str, default: Severity) -> Severity:
        level = self.severity.get(code)
        if level is None:
            # a prefix entry such as PM6 = "warning"
            matches = [(len(p), v) for p, v in self.severity.items() if code.startswith(p)]
            if matches:
                level = max(matches)[1]
        if level is None or level == "off":
            return default
        return Severity.parse(level)

    def options_for(self, r: Rule) -> dict[str, Any]:
        opts = {k: o.default for k, o in r.spec.options.items()}
        opts.update(self.rule_options.get(r.code, {}))
        return opts

    def relative(self, path: Path) -> str:
        try:
            p = path.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop: match the link where it is
            p = path.absolute()
        if self.root is not None:
            try:
                return PurePosixPath(p.relative_to(self.root.resolve())).as_posix()
            except ValueError:
                pass
        return p.as_posix()

    def _glob_match(self, path: Path, glob: str) -> bool:
        rel = self.relative(path)
        return (
            fnmatch.fnmatch(rel, glob)
            or fnmatch.fnmatch(path.name, glob)
            or (glob.endswith("/**") and rel.startswith(glob[:-3] + "/"))
        )

    def is_excluded(self, path: Path) -> bool:
        rel = self.relative(path)
        parts = PurePosixPath(rel).parts
        for glob in self.exclude:
            if fnmatch.fnmatch(rel, glob) or any(fnmatch.fnmatch(p, glob) for p in parts):
                return True
        return False

    def is_included(self, path: Path) -> bool:
        rel = self.relative(path)
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g) for g in self.include)


def resolve(layers: Sequence[Settings]) -> Config:
    """Merge settings, later layers winning, and load the template and rule packs.

    One loop over the layers with one statement per key (replace, extend or update): it is
    longer than most functions here, but the precedence of every key reads in one place.

    Kept in one piece: the precedence of every key reads in one place.
    """
    template_name = DEFAULT_TEMPLATE
    template_root: Path | None = None
    template_source = "defaults"
    select: tuple[str, ...] = DEFAULT_SELECT
    ignore: tuple[str, ...] = ()
    extend_select: list[str] = []
    extend_ignore: list[str] = []
    severity: dict[str, str] = {}
    packs: list[Path] = []
    pfi: dict[str, tuple[str, ...]] = {}
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: list[str] = []
    max_size = DEFAULT_MAX_FILE_SIZE
    model: str | None = None
    cache_dir: Path | None = None
    rule_opts: dict[str, dict[str, Any]] = {}
    root: Path | None = None
    sources: list[str] = []
    selected_by = "defaults"
    for s in layers:
        sources.append(s.source)
        if s.select is not None or s.ignore is not None or s.extend_select or s.extend_ignore:
            selected_by = s.source
        if s.root is not None and s.source != "defaults":
            root = root or s.root
        if s.template is not None:
            template_name, template_root, template_source = s.template, s.root, s.source
        if s.select is not None:
            select, extend_select = s.select, []
        if s.ignore is not None:
            ignore, extend_ignore = s.ignore, []
        extend_select.extend(s.extend_select)
        extend_ignore.extend(s.extend_ignore)
        severity.update(s.severity)
        packs.extend(p for p in s.rule_packs if p not in packs)
        pfi.update(s.per_file_ignores)
        if s.include is not None:
            include = s.include
        if s.exclude is not None:
            exclude = s.exclude
        extend_exclude.extend(s.extend_exclude)
        if s.max_file_size is not None:
            max_size = s.max_file_size
        if s.model is not None:
            model = s.model
        if s.cache_dir is not None:
            cache_dir = s.cache_dir
        for code, opts in s.rules.items():
            rule_opts.setdefault(code, {}).update(opts)
    pack, template = _policy(tuple(packs), template_name, template_root, template_source)
    config = Config(
        template=template,
        pack=pack,
        select=select + tuple(extend_select),
        ignore=ignore + tuple(extend_ignore),
        severity=severity,
        per_file_ignores=pfi,
        include=include,
        exclude=exclude + tuple(extend_exclude),
        max_file_size=max_size,
        model=model,
        rule_options=rule_opts,
        root=root,
        sources=tuple(sources),
        template_configured=template_source != "defaults",
        cache_dir=cache_dir,
    )
    _check_selection(config, selected_by)
    return config


def _policy(
    packs: tuple[Path, ...], template: str, template_root: Path | None, template_source: str
) -> tuple[RulePack, Template]:
    """The merged rule pack, and the template built with that pack's vocabulary."""
    try:
        pack = load_pack(packs)
    except PackError as exc:
        raise ConfigError(f"'rule-packs': {exc}") from exc
    try:
        # without user packs the vocabulary is the built-in one: share the template that
        # every other caller of load_template(name) gets
        return pack, load_template(template, template_root, pack if packs else None)
    except PackError as exc:
        raise ConfigError(f"{template_source}: 'template': {exc}") from exc


def _check_selection(config: Config, source: str) -> None:
    """A selection that leaves no rule enabled is a mistake (``--select ''``, an ignore of
    every prefix), not a reason to report "All checks passed"."""
    if any(config.is_enabled(code) for code in _rule_codes()):
        return
    select = ", ".join(config.select) or "nothing"
    ignore = ", ".join(config.ignore) or "nothing"
    raise ConfigError(
        f"{source}: select matches no rule (select: {select}; ignore: {ignore}), "
        "so nothing would be checked"
    )


class ConfigResolver:
    """Finds and caches the config for each file (nearest ancestor), plus overrides."""

    def __init__(
        self,
        overrides: Settings | None = None,
        explicit: Path | None = None,
        isolated: bool = False,
    ) -> None:
        self.overrides = overrides or Settings(source="command line")
        self.explicit = explicit
        self.isolated = isolated
        self._by_file: dict[Path | None, Config] = {}
        self._explicit_settings = read_config_file(explicit) if explicit else None

    def config_file_for(self, path: Path | None) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        if self.isolated:
            return None
        return find_config_file(path if path is not None else Path.cwd())

    def for_path(self, path: Path | None) -> Config:
        cfg_file = self.config_file_for(path)
        if cfg_file in self._by_file:
            return self._by_file[cfg_file]
        layers: list[Settings] = [Settings()]
        if self._explicit_settings is not None:
            layers.append(self._explicit_settings)
        elif cfg_file is not None:
            layers.append(read_config_file(cfg_file))
        layers.append(self.overrides)
        config = resolve(layers)
        self._by_file[cfg_file] = config
        return config

    def with_overrides(self, overrides: Settings) -> ConfigResolver:
        return ConfigResolver(replace(overrides), self.explicit, self.isolated)
