"""One configuration schema: the files derived from pm_lsp/policy/schema.py are in sync.

The key tables of docs/configuration.md, the VS Code ``contributes.configuration`` block and
the list of settings the VS Code middleware forwards are regenerated in memory and compared
with the files on disk; the validator, the Settings fields and the server's split of editor
settings are checked against the same declarations.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from pm_lsp.lsp.settings import CLIENT_KEYS, SERVER_KEYS, split_settings
from pm_lsp.policy import config, schema
from pm_lsp.policy.config import Settings, validate
from pm_lsp.policy.schema import CONFIG_KEYS, GENERATED, KEYS, stale_files


def test_generated_files_are_fresh() -> None:
    assert stale_files(ROOT) == [], "run `python -m pm_lsp.policy.schema --write`"


def test_package_json_settings_are_the_schema() -> None:
    pkg = json.loads((ROOT / "editors/vscode/package.json").read_text(encoding="utf-8"))
    props = pkg["contributes"]["configuration"]["properties"]
    assert list(props) == [k.setting for k in KEYS]
    for key in KEYS:
        assert props[key.setting] == schema.vscode_setting(key)


def test_docs_table_has_one_row_per_key() -> None:
    doc = (ROOT / "docs/configuration.md").read_text(encoding="utf-8")
    for key in KEYS:
        row = f"| `{key.name}` |" if key.reader == "linter" else f"| `{key.setting}` |"
        assert doc.count(row) == 1, key.name


def test_check_and_write_on_a_stale_copy(tmp_path: Path) -> None:
    """The command that regenerates the files: --check fails on a stale file, --write
    repairs it and leaves the other files untouched."""
    for rel in GENERATED:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, tmp_path / rel)
    docs = tmp_path / "docs/configuration.md"
    docs.write_text(docs.read_text(encoding="utf-8").replace("`extend-ignore`", "`x`", 1))
    settings_ts = (tmp_path / "editors/vscode/src/settings.ts").read_bytes()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "pm_lsp.policy.schema", "--root", str(tmp_path), *args]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=120, check=False
        )

    check = run("--check")
    assert check.returncode == 1 and "docs/configuration.md is stale" in check.stderr
    assert run("--write").stdout == "rewrote docs/configuration.md\n"
    assert run("--check").returncode == 0
    assert docs.read_text(encoding="utf-8") == (ROOT / "docs/configuration.md").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "editors/vscode/src/settings.ts").read_bytes() == settings_ts


def test_missing_markers_are_reported() -> None:
    with pytest.raises(ValueError, match="markers"):
        schema.render_docs("# Configuration\n\nno table here\n")


def test_settings_fields_are_the_linter_keys() -> None:
    fields = {f.name for f in dataclasses.fields(Settings)} - {"root", "source"}
    assert fields == {k.attr for k in CONFIG_KEYS.values()}


def test_every_linter_type_has_a_checker() -> None:
    assert {k.type for k in CONFIG_KEYS.values()} <= set(config._CHECKS)


def test_every_editor_default_is_a_valid_setting() -> None:
    """What VS Code would send for an untouched setting (null is never sent) validates."""
    for key in CONFIG_KEYS.values():
        default = schema.vscode_setting(key)["default"]
        if default is not None:
            settings = validate({key.camel: default}, "editor", None, camel_case=True)
            assert getattr(settings, key.attr) == type(getattr(settings, key.attr))(default)


def test_server_splits_editor_settings_by_reader() -> None:
    raw = {
        "debounceMs": 40,
        "server": {"path": "pm-lsp"},
        "trace": {"server": "verbose"},
        "activationGlobs": ["**/pm/**"],
        "extendSelect": ["PM2"],
        "maxFileSize": "1MB",
    }
    options, lint_keys = split_settings(raw)
    assert options.debounce_ms == 40
    assert lint_keys == {"extendSelect": ["PM2"], "maxFileSize": "1MB"}
    assert set(SERVER_KEYS) == {"debounceMs", "debounce-ms"}
    assert {"server", "trace", "activationGlobs"} <= CLIENT_KEYS
    assert not CLIENT_KEYS & {k.camel for k in CONFIG_KEYS.values()}
