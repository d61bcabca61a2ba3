"""The VS Code extension (editors/vscode): its settings match the config keys, it builds,
its node tests drive the real server over stdio, and it packages into a .vsix.

The settings check needs no node. The npm steps run the real toolchain (``npm ci`` needs the
npm registry) and are skipped, with the reason, where node or npm is missing. VS Code itself
cannot be downloaded here; ``npm test`` starts the server with the extension's own launch code
and talks to it with vscode-languageserver-protocol, the library inside vscode-languageclient.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from pm_lsp.policy.schema import CONFIG_KEYS

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "editors" / "vscode"
VENV_BIN = Path(sys.executable).parent
#: settings of the extension itself, never sent to the server
EXTENSION_ONLY = {"server.path", "server.python", "server.args", "activationGlobs", "trace.server"}
#: settings of the server itself with no .pm-lint.toml equivalent
SERVER_ONLY = {"debounceMs"}


def _kebab(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "-" + m.group(1).lower(), key)


def _package() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXT / "package.json").read_text(encoding="utf-8"))
    return data


def _settings_ts_keys() -> list[str]:
    src = (EXT / "src" / "settings.ts").read_text(encoding="utf-8")
    m = re.search(r"export const LINT_KEYS = \[(.*?)\] as const;", src, re.S)
    assert m, "LINT_KEYS not found in settings.ts"
    return re.findall(r'"([A-Za-z.]+)"', m.group(1))


def test_settings_are_the_config_keys() -> None:
    """Every .pm-lint.toml key is a pmLint.* setting (camelCase), with a description."""
    props: dict[str, dict[str, Any]] = _package()["contributes"]["configuration"]["properties"]
    names = {k.removeprefix("pmLint.") for k in props}
    assert all(k.startswith("pmLint.") for k in props)
    lint = names - EXTENSION_ONLY - SERVER_ONLY
    assert {_kebab(k) for k in lint} == set(CONFIG_KEYS)
    assert names >= EXTENSION_ONLY | SERVER_ONLY
    for key, spec in props.items():
        assert spec.get("description") or spec.get("markdownDescription"), key
        assert "default" in spec, key
    # Settings that replace the project's value default to null (unset), so an untouched
    # setting never overrides .pm-lint.toml.
    for key in ("template", "select", "ignore", "include", "exclude", "maxFileSize", "model"):
        assert props[f"pmLint.{key}"]["default"] is None, key


def test_middleware_forwards_exactly_the_server_keys() -> None:
    keys = _settings_ts_keys()
    assert len(keys) == len(set(keys))
    assert set(keys) == {_kebab_to_camel(k) for k in CONFIG_KEYS} | SERVER_ONLY


def _kebab_to_camel(key: str) -> str:
    head, *rest = key.split("-")
    return head + "".join(p.capitalize() for p in rest)


def test_commands_and_activation() -> None:
    pkg = _package()
    assert "onLanguage:markdown" in pkg["activationEvents"]
    commands = {c["command"] for c in pkg["contributes"]["commands"]}
    assert "pmLint.restartServer" in commands
    src = (EXT / "src" / "extension.ts").read_text(encoding="utf-8")
    for command in commands:
        assert f'registerCommand("{command}"' in src, command
    launch = (EXT / "src" / "launch.ts").read_text(encoding="utf-8")
    assert "vscode" not in re.findall(r'from "([^"]+)"', launch), "launch.ts must not import vscode"
    assert (EXT / "package-lock.json").is_file()
    ignored = (EXT / ".gitignore").read_text().split()
    assert {"node_modules/", "out/", "*.vsix"} <= set(ignored)


# -- the real toolchain -----------------------------------------------------------------------


def _npm() -> str:
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        pytest.skip(
            "node and npm are not installed; the extension's build and node tests "
            "need them (install nodejs >= 20)"
        )
    return npm


def _env() -> dict[str, str]:
    """The test environment's pm-lsp first on PATH: the default `pm-lsp` resolves to it."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", "")])
    for var in ("PM_LINT_SERVER_PATH", "PM_LINT_SERVER_PYTHON"):
        env.pop(var, None)
    return env


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    p = subprocess.run(
        cmd, cwd=EXT, env=_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    assert p.returncode == 0, f"{' '.join(cmd)} exited {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p


@pytest.fixture(scope="module")
def npm_installed() -> str:
    npm = _npm()
    if not (VENV_BIN / "pm-lsp").exists() and shutil.which("pm-lsp") is None:
        pytest.fail("pm-lsp is not installed in the test environment")
    _run([npm, "ci", "--no-audit", "--no-fund"], timeout=600)
    return npm


@pytest.mark.slow
def test_npm_test_drives_the_real_server(npm_installed: str) -> None:
    p = _run([npm_installed, "test"], timeout=600)
    out = p.stdout + p.stderr
    # node's test runner: every test passed, none skipped or cancelled.
    assert re.search(r"ℹ fail 0\b", out), out
    assert re.search(r"ℹ cancelled 0\b", out), out
    passed = int(re.search(r"ℹ pass (\d+)", out).group(1))  # type: ignore[union-attr]
    assert passed >= 10, out
    assert "initialize, open, diagnostics at UTF-16 positions, quick fix, re-lint" in out


@pytest.mark.slow
def test_npm_package_builds_a_vsix(npm_installed: str, capsys: pytest.CaptureFixture[str]) -> None:
    vsix = EXT / "pm-lint.vsix"
    vsix.unlink(missing_ok=True)
    _run([npm_installed, "run", "package"], timeout=600)
    assert vsix.is_file()
    names = set(zipfile.ZipFile(vsix).namelist())
    for required in (
        "extension/package.json",
        "extension/out/extension.js",
        "extension/out/launch.js",
        "extension/out/settings.js",
        "extension/node_modules/vscode-languageclient/package.json",
    ):
        assert required in names, required
    assert not any(n.startswith(("extension/src/", "extension/out/test/")) for n in names)
    assert not any("/typescript/" in n or "/@vscode/vsce" in n for n in names)
    with capsys.disabled():
        print(f"\n{vsix.name}: {vsix.stat().st_size / 1024:.0f} KiB, {len(names)} files")
