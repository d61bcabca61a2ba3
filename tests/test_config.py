"""Configuration: discovery, selection, severities, templates, packs, globs, options, errors.

Real files in temporary directory trees; the CLI runs as a real subprocess for the
error-reporting contract (exit 2, one line naming file, key and expectation, no traceback).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from pm_lsp.engine import lint
from pm_lsp.files import discover
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import (
    DEFAULT_MAX_FILE_SIZE,
    Config,
    ConfigError,
    ConfigResolver,
    Settings,
    find_config_file,
    read_config_file,
    resolve,
    validate,
)
from pm_lsp.rules.spec import Severity

CONFIG_FIXTURES = FIXTURES / "config"
_NO_MODEL = NLP()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cfg(**raw: object) -> Config:
    data = {k.replace("_", "-"): v for k, v in raw.items()}
    return resolve([Settings(), validate(data, "test.toml", None)])


# -- discovery -----------------------------------------------------------------------------


def test_nearest_config_wins(tmp_path: Path) -> None:
    outer = _write(tmp_path / ".pm-lint.toml", 'select = ["PM2"]\n')
    inner = _write(tmp_path / "team" / ".pm-lint.toml", 'select = ["PM3"]\n')
    doc = _write(tmp_path / "team" / "q1" / "pm.md", "# T\n")
    other = _write(tmp_path / "elsewhere" / "pm.md", "# T\n")
    assert find_config_file(doc) == inner.resolve()
    assert find_config_file(other) == outer.resolve()
    resolver = ConfigResolver()
    assert resolver.for_path(doc).select == ("PM3",)
    assert resolver.for_path(other).select == ("PM2",)


def test_pyproject_table_and_precedence_in_one_directory(tmp_path: Path) -> None:
    _write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.pm-lint]\ntemplate = "pagerduty"\n',
    )
    doc = _write(tmp_path / "docs" / "pm.md", "# T\n")
    assert find_config_file(doc) == (tmp_path / "pyproject.toml").resolve()
    assert ConfigResolver().for_path(doc).template.name == "pagerduty"
    # a .pm-lint.toml next to it wins
    _write(tmp_path / ".pm-lint.toml", 'template = "atlassian"\n')
    assert ConfigResolver().for_path(doc).template.name == "atlassian"


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / ".pm-lint.toml", 'template = "google-sre"\n')
    _write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 90\n")
    doc = _write(tmp_path / "pkg" / "pm.md", "# T\n")
    assert find_config_file(doc) == (tmp_path / ".pm-lint.toml").resolve()


def test_explicit_and_isolated(tmp_path: Path) -> None:
    _write(tmp_path / ".pm-lint.toml", 'template = "google-sre"\n')
    explicit = _write(tmp_path / "ci" / "strict.toml", 'template = "atlassian"\n')
    doc = _write(tmp_path / "pm.md", "# T\n")
    assert ConfigResolver(explicit=explicit).for_path(doc).template.name == "atlassian"
    assert ConfigResolver(isolated=True).for_path(doc).template.name == "standard"


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    _write(tmp_path / ".pm-lint.toml", 'select = ["PM2"]\ntemplate = "google-sre"\n')
    doc = _write(tmp_path / "pm.md", "# T\n")
    cli = validate({"select": ["PM1"], "template": "pagerduty"}, "command line", tmp_path)
    config = ConfigResolver(cli).for_path(doc)
    assert config.select == ("PM1",)
    assert config.template.name == "pagerduty"
    assert config.sources == (
        "defaults",
        str((tmp_path / ".pm-lint.toml").resolve()),
        "command line",
    )


# -- selection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "enabled", "disabled"),
    [
        ({}, ["PM101", "PM201", "PM001"], []),
        ({"select": ["PM2"]}, ["PM201", "PM204"], ["PM101", "PM001"]),
        ({"select": ["PM2"], "ignore": ["PM202"]}, ["PM201", "PM203"], ["PM202"]),
        # the most specific entry decides: PM202 is selected although PM2 is ignored
        ({"ignore": ["PM2"], "extend_select": ["PM202"]}, ["PM202", "PM101"], ["PM201"]),
        ({"select": ["PM201"], "extend_select": ["PM3"]}, ["PM201", "PM301"], ["PM202"]),
        # a tie goes to ignore
        ({"select": ["PM2", "PM3"], "ignore": ["PM2"]}, ["PM301"], ["PM201"]),
        ({"select": ["ALL"], "extend_ignore": ["PM1"]}, ["PM201"], ["PM101"]),
        ({"select": ["pm2"]}, ["PM201"], ["PM101"]),  # codes are case-insensitive
        ({"severity": {"PM202": "off"}}, ["PM201"], ["PM202"]),
    ],
)
def test_select_ignore_prefixes(
    settings: dict[str, object], enabled: list[str], disabled: list[str]
) -> None:
    config = _cfg(**settings)
    assert [c for c in enabled if not config.is_enabled(c)] == []
    assert [c for c in disabled if config.is_enabled(c)] == []


def test_later_select_replaces_earlier_extend_select() -> None:
    layers = [
        Settings(),
        validate({"extend-select": ["PM6"]}, "file", None),
        validate({"select": ["PM2"]}, "command line", None),
    ]
    assert resolve(layers).select == ("PM2",)


def test_selection_changes_what_lint_reports() -> None:
    text = "# T\n\n**Status**: unknown-state\n\n## Impact\n"
    everything = {d.code for d in lint(text, _cfg(select=["PM2"]), nlp=_NO_MODEL).diagnostics}
    assert {"PM201", "PM202", "PM203", "PM204"} <= everything
    only = {d.code for d in lint(text, _cfg(select=["PM204"]), nlp=_NO_MODEL).diagnostics}
    assert only == {"PM204"}


# -- severity ------------------------------------------------------------------------------


def test_per_rule_and_prefix_severity() -> None:
    config = _cfg(severity={"PM2": "info", "PM204": "error", "PM1": "hint"})
    assert config.severity_for("PM201", Severity.WARNING) == Severity.INFO
    assert config.severity_for("PM204", Severity.WARNING) == Severity.ERROR
    assert config.severity_for("PM101", Severity.WARNING) == Severity.HINT
    assert config.severity_for("PM301", Severity.WARNING) == Severity.WARNING
    text = "# T\n\n**Status**: unknown-state\n"
    diags = lint(
        text,
        _cfg(select=["PM203", "PM204"], severity={"PM204": "error"}, template="standard"),
        nlp=_NO_MODEL,
    ).diagnostics
    assert {d.code: d.severity for d in diags} == {
        "PM203": Severity.WARNING,
        "PM204": Severity.ERROR,
    }


# -- templates and rule packs --------------------------------------------------------------


def test_template_by_path_relative_to_the_config_file(tmp_path: Path) -> None:
    tpl = (CONFIG_FIXTURES / "subsection-template.toml").read_text(encoding="utf-8")
    _write(tmp_path / "policy" / "ours.toml", tpl)
    _write(tmp_path / ".pm-lint.toml", 'template = "policy/ours.toml"\n')
    doc = _write(tmp_path / "a" / "b" / "pm.md", "# T\n")
    config = ConfigResolver().for_path(doc)
    assert config.template.name == "subsection-template"
    assert [s.id for s in config.template.sections] == ["root-cause", "check-story", "impact"]


def test_user_pack_adds_a_placeholder_phrase(tmp_path: Path) -> None:
    """A team that writes "ask the scribe" as a placeholder teaches PM202 that phrase (one
    no built-in list holds: "to be written", once this test's phrase, is now built in)."""
    _write(tmp_path / "our-words.toml", '[structure]\nplaceholders = ["ask the scribe"]\n')
    _write(tmp_path / ".pm-lint.toml", 'rule-packs = ["our-words.toml"]\nselect = ["PM202"]\n')
    doc = _write(tmp_path / "pm.md", "# T\n\n## Impact\n\nask the scribe\n")
    text = doc.read_text(encoding="utf-8")
    with_pack = ConfigResolver().for_path(doc)
    assert [d.message for d in lint(text, with_pack, nlp=_NO_MODEL).diagnostics] == [
        "Section 'Impact' holds only placeholder text"
    ]
    without = ConfigResolver(
        isolated=True, overrides=validate({"select": ["PM202"]}, "cli", None)
    ).for_path(doc)
    assert lint(text, without, nlp=_NO_MODEL).diagnostics == []
    # the built-in words are still there: the pack extends, it does not replace
    assert "TODO" in with_pack.pack.words("structure", "placeholders")


def test_user_pack_can_remove_a_word(tmp_path: Path) -> None:
    pack = _write(tmp_path / "p.toml", '[remove.structure]\nplaceholders = ["N/A"]\n')
    config = _cfg(rule_packs=[str(pack)], select=["PM202"])
    text = "# T\n\n## Messaging\n\nN/A\n"
    assert lint(text, config, nlp=_NO_MODEL).diagnostics == []


def test_user_template_adds_a_required_section(tmp_path: Path) -> None:
    tpl = _write(
        tmp_path / "t.toml",
        (
            'name = "with-comms"\n[metadata]\nrequired = []\n'
            '[[sections]]\nid = "comms"\ntitle = "Customer Communication Log"\n'
            'synonyms = ["Comms log"]\nskeleton = "TODO: what customers were told, and when."\n'
        ),
    )
    config = _cfg(template=str(tpl), select=["PM201"])
    (d,) = lint("# T\n", config, nlp=_NO_MODEL).diagnostics
    assert d.message == (
        "Missing section 'Customer Communication Log' (required by the 'with-comms' template)"
    )
    assert lint("# T\n\n## Comms log\n\nSent at 10:00.\n", config, nlp=_NO_MODEL).diagnostics == []


# -- per-file ignores and file selection ---------------------------------------------------


def test_per_file_ignores(tmp_path: Path) -> None:
    _write(
        tmp_path / ".pm-lint.toml",
        'select = ["PM2"]\n[per-file-ignores]\n"drafts/*.md" = ["PM2"]\n'
        '"archive/**" = ["PM203"]\n"README.md" = ["PM201", "PM203"]\n',
    )
    text = "# T\n\n## Impact\n"
    resolver = ConfigResolver()

    def codes(rel: str) -> set[str]:
        path = _write(tmp_path / rel, text)
        return {
            d.code
            for d in lint(text, resolver.for_path(path), path=path, nlp=_NO_MODEL).diagnostics
        }

    assert codes("pm.md") == {"PM201", "PM202", "PM203"}
    assert codes("drafts/pm.md") == set()
    assert codes("archive/2023/pm.md") == {"PM201", "PM202"}
    assert codes("sub/README.md") == {"PM202"}  # matched by file name


def test_include_and_exclude_globs_in_a_directory_walk(tmp_path: Path) -> None:
    _write(
        tmp_path / ".pm-lint.toml",
        'include = ["*.md", "*.mdx"]\nexclude = ["vendor", "*.draft.md"]\n'
        'extend-exclude = ["old/**"]\n',
    )
    for rel in (
        "a.md",
        "b.mdx",
        "c.markdown",
        "notes.txt",
        "x.draft.md",
        "vendor/v.md",
        "old/y/z.md",
        "keep/k.md",
    ):
        _write(tmp_path / rel, "# T\n")
    resolver = ConfigResolver()
    found = sorted(
        p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, resolver.for_path)
    )
    assert found == ["a.md", "b.mdx", "keep/k.md"]


def test_default_excludes() -> None:
    config = _cfg()
    assert config.is_excluded(Path("node_modules/x/readme.md"))
    assert config.is_excluded(Path(".git/info.md"))
    assert config.is_included(Path("pm.markdown"))
    assert not config.is_included(Path("pm.txt"))


# -- options -------------------------------------------------------------------------------


def test_per_rule_options_by_code_or_name() -> None:
    from pm_lsp.rules.registry import rules_by_code

    r = rules_by_code()["PM304"]
    assert _cfg().options_for(r) == {"when": "final"}
    assert _cfg(rules={"PM304": {"when": "always"}}).options_for(r) == {"when": "always"}
    by_name = _cfg(rules={r.spec.name: {"when": "always"}})
    assert by_name.options_for(r) == {"when": "always"}


def test_camel_case_keys_from_editor_settings() -> None:
    s = validate(
        {"extendSelect": ["PM2"], "maxFileSize": "1KB", "perFileIgnores": {}},
        "pmLint settings",
        None,
        camel_case=True,
    )
    assert s.extend_select == ("PM2",)
    assert s.max_file_size == 1000


@pytest.mark.parametrize(
    ("value", "size"),
    [(1000, 1000), ("2MB", 2_000_000), ("512 KiB", 524_288), ("1.5kb", 1500), ("10", 10)],
)
def test_max_file_size(value: object, size: int) -> None:
    assert _cfg(max_file_size=value).max_file_size == size


def test_max_file_size_default() -> None:
    assert _cfg().max_file_size == DEFAULT_MAX_FILE_SIZE == 2 * 1024 * 1024


# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('selct = ["PM1"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ('select = "PM1"\n', "'select' must be a list of rule codes"),
        ("select = [1, 2]\n", "'select' must be a list"),
        ('ignore = ["E501"]\n', "'ignore' has 'E501', which is not a rule code or prefix"),
        ("template = 3\n", "'template' must be a template name or a path"),
        ('template = "nope"\n', "unknown template 'nope'"),
        ('[severity]\nPM101 = "fatal"\n', "'severity.PM101' must be one of"),
        ('[severity]\nXX1 = "error"\n', "'severity.XX1' has 'XX1'"),
        ('severity = "error"\n', "'severity' must be a table"),
        ('rule-packs = "p.toml"\n', "'rule-packs' must be a list of paths"),
        ('rule-packs = ["nowhere.toml"]\n', "'rule-packs' entry 'nowhere.toml': no such file"),
        ('per-file-ignores = ["x"]\n', "'per-file-ignores' must be a table"),
        ('[per-file-ignores]\n"*.md" = "PM2"\n', "'per-file-ignores.*.md' must be a list"),
        ('include = "*.md"\n', "'include' must be a list of glob patterns"),
        ("exclude = [true]\n", "'exclude' must be a list of glob patterns"),
        ("max-file-size = true\n", "'max-file-size' must be a size in bytes"),
        ("max-file-size = -5\n", "'max-file-size' must be a size in bytes"),
        ('model = ""\n', "'model' must be the name or path of a spaCy pipeline"),
        ("rules = 3\n", "'rules' must be a table of per-rule option tables"),
        ("[rules.PM999]\nx = 1\n", "'rules.PM999': no rule has that code or name"),
        ("[rules.PM304]\nwhen = 1\n", "'rules.PM304.when' must be of type str"),
        ('[rules.PM304]\nwhenever = "x"\n', "'rules.PM304.whenever' is not an option of PM304"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_config_errors_name_file_key_and_expectation(
    tmp_path: Path, toml: str, expected: str
) -> None:
    path = _write(tmp_path / ".pm-lint.toml", toml)
    with pytest.raises(ConfigError) as info:
        ConfigResolver().for_path(_write(tmp_path / "pm.md", "# T\n"))
    message = str(info.value)
    assert expected in message
    assert str(path.resolve()) in message or str(path) in message
    assert "\n" not in message.strip()
    # read directly, the same error
    with pytest.raises(ConfigError):
        resolve([Settings(), read_config_file(path)])


def test_bad_pyproject_table_type(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[tool]\npm-lint = "strict"\n')
    with pytest.raises(ConfigError, match=r"\[tool.pm-lint\] must be a table"):
        read_config_file(path)


def test_bad_user_pack_is_a_config_error(tmp_path: Path) -> None:
    pack = _write(tmp_path / "p.toml", 'structure = "not a table"\n')
    with pytest.raises(ConfigError, match=r"'rule-packs'.*top-level 'structure' must be a table"):
        _cfg(rule_packs=[str(pack)])


def test_bad_user_template_is_a_config_error(tmp_path: Path) -> None:
    tpl = _write(tmp_path / "t.toml", '[[sections]]\nid = "made-up"\n')
    with pytest.raises(ConfigError, match="section 'made-up' is not in the vocabulary"):
        _cfg(template=str(tpl))


def _pm_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[severity]\nPM101 = "fatal"\n', "'severity.PM101' must be one of"),
        ('[per-file-ignores]\n"*.md" = "PM2"\n', "'per-file-ignores.*.md' must be a list"),
        ("rules = 3\n", "'rules' must be a table"),
    ],
)
def test_cli_reports_config_errors_in_one_line(tmp_path: Path, toml: str, expected: str) -> None:
    cfg = _write(tmp_path / ".pm-lint.toml", toml)
    _write(tmp_path / "pm.md", "# T\n")
    p = _pm_lint("pm.md", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
    assert p.stderr.startswith("pm-lint: error: ")
    assert str(cfg) in p.stderr and expected in p.stderr


def test_cli_explicit_config_file_missing(tmp_path: Path) -> None:
    _write(tmp_path / "pm.md", "# T\n")
    p = _pm_lint("--config", "missing.toml", "pm.md", cwd=tmp_path)
    assert p.returncode == 2
    assert "missing.toml: config file not found" in p.stderr
    assert "Traceback" not in p.stderr and p.stderr.count("\n") == 1
