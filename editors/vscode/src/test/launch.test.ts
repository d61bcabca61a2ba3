/**
 * The pure parts of the extension: the server command line, the settings sent to the server
 * and the document selector. These decide what VS Code runs and what the server sees, so
 * they are tested on their own as well as end to end (protocol.test.ts).
 */

import assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

import { DEFAULT_SERVER_SETTINGS, expandPath, serverExecutable } from "../launch";
import { documentSelector, explicitValue, type Inspected, type LintKey, lintSettings } from "../settings";

const folder = path.join(os.tmpdir(), "pm-ws");

test("default: pm-lsp looked up on PATH, cwd = workspace folder", () => {
  const exe = serverExecutable(DEFAULT_SERVER_SETTINGS, { workspaceFolder: folder, env: { A: "1" } });
  assert.equal(exe.command, "pm-lsp");
  assert.deepEqual(exe.args, []);
  assert.equal(exe.options.cwd, folder);
  assert.deepEqual(exe.options.env, { A: "1" });
});

test("server.python wins over server.path and runs the module", () => {
  const exe = serverExecutable(
    { path: "/opt/pm/bin/pm-lsp", python: "${workspaceFolder}/.venv/bin/python", args: ["--log-level", "info"] },
    { workspaceFolder: folder },
  );
  assert.equal(exe.command, path.join(folder, ".venv/bin/python"));
  assert.deepEqual(exe.args, ["-m", "pm_lsp", "--log-level", "info"]);
});

test("an empty server.path falls back to pm-lsp", () => {
  assert.equal(serverExecutable({ path: "  ", python: "", args: [] }).command, "pm-lsp");
});

test("paths: ~ expands, relative paths with a separator anchor at the folder, bare names stay", () => {
  assert.equal(expandPath("~/bin/pm-lsp", {}), path.join(os.homedir(), "bin/pm-lsp"));
  assert.equal(expandPath(".venv/bin/pm-lsp", { workspaceFolder: folder }), path.join(folder, ".venv/bin/pm-lsp"));
  assert.equal(expandPath("python3", { workspaceFolder: folder }), "python3");
  assert.equal(expandPath("/usr/bin/python3", { workspaceFolder: folder }), "/usr/bin/python3");
});

test("explicitValue: the most specific scope the user set; defaults are not values", () => {
  assert.equal(explicitValue(undefined), undefined);
  assert.equal(explicitValue({}), undefined);
  assert.deepEqual(explicitValue({ globalValue: ["PM1"], workspaceValue: ["PM2"] }), ["PM2"]);
  assert.deepEqual(
    explicitValue({ globalValue: 1, workspaceValue: 2, workspaceFolderValue: 3 }),
    3,
  );
  assert.deepEqual(explicitValue({ workspaceValue: 2, workspaceFolderLanguageValue: 4 }), 4);
});

test("lintSettings sends only what the user set, never null, with paths expanded", () => {
  const user: Partial<Record<LintKey, Inspected>> = {
    select: { globalValue: null },
    ignore: { workspaceValue: ["PM4"] },
    severity: { globalValue: { PM101: "error" } },
    rulePacks: { workspaceValue: ["${workspaceFolder}/policy/pack.toml", "~/pack.toml"] },
    template: { workspaceValue: "google-sre" },
    debounceMs: { globalValue: 0 },
  };
  const out = lintSettings((k) => user[k], folder);
  assert.deepEqual(out, {
    ignore: ["PM4"],
    severity: { PM101: "error" },
    rulePacks: [path.join(folder, "policy/pack.toml"), path.join(os.homedir(), "pack.toml")],
    template: "google-sre",
    debounceMs: 0,
  });
  assert.ok(!("select" in out), "an explicit null means unset: the project file decides");
});

test("lintSettings never forwards extension-only keys", () => {
  const seen: string[] = [];
  lintSettings((k) => {
    seen.push(k);
    return undefined;
  });
  for (const k of seen) {
    assert.ok(!k.startsWith("server") && k !== "activationGlobs" && !k.startsWith("trace"), k);
  }
  assert.ok(seen.includes("perFileIgnores") && seen.includes("extendSelect"));
});

test("documentSelector: all Markdown by default, globs restrict to saved files", () => {
  assert.deepEqual(documentSelector([]), [
    { scheme: "file", language: "markdown" },
    { scheme: "untitled", language: "markdown" },
  ]);
  assert.deepEqual(documentSelector(["**/postmortems/**", " "]), [
    { scheme: "file", language: "markdown", pattern: "**/postmortems/**" },
  ]);
});
