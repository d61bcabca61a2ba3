/**
 * End-to-end: the real pm-lsp server, started exactly as the extension starts it
 * (`serverExecutable` from launch.ts), driven over stdio by Microsoft's
 * vscode-languageserver-protocol, the library inside vscode-languageclient. VS Code itself
 * cannot be downloaded in CI, so this is the closest honest stand-in: the same wire library,
 * client capabilities shaped like VS Code's (UTF-16 only, pull diagnostics, code action
 * resolve), and `workspace/configuration` answered by the extension's own settings code.
 *
 * The server command comes from PM_LINT_SERVER_PATH / PM_LINT_SERVER_PYTHON (the
 * pmLint.server.path / pmLint.server.python settings), else `pm-lsp` on PATH.
 */

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";

import * as rpc from "vscode-languageserver-protocol/node";

import { type Executable, type ServerSettings, serverExecutable } from "../launch";
import { type Inspected, type LintKey, lintSettings } from "../settings";

const TIMEOUT_MS = 120_000;

// A postmortem written for this test. Line 12 (index 11) has an emoji before the vague
// quantifier, so its UTF-16 column differs from its code-point column; line 37 (index 36) is
// an empty section whose quick fix inserts the template's skeleton.
const POSTMORTEM = `# Checkout errors 🛒

**Date**: 2025-03-14
**Authors**: Dana Reyes, Tomás Ortega
**Status**: Draft
**Severity**: SEV2
**Duration**: 47 minutes

## Executive Summary

A cache node ran out of memory and checkout returned errors from 14:02 to 14:49 UTC.
🔥 During that window many users saw failed payments (東京 and Osaka stores included).

## Impact

1,240 orders failed, about 3% of the day's checkouts. No data was lost.

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 14:02 | Payment errors begin |
| 14:06 | The error-rate alert pages the on-call engineer |
| 14:31 | Traffic moved to the standby cache; impact mitigated |
| 14:49 | Error rate back to baseline; incident resolved |

## Root Cause Analysis

The cache node had no memory limit, so a burst of large carts exhausted its memory.

### Contributing Factors

- The memory alert threshold was set above the node's physical memory.

## Detection

## Response and Recovery

The on-call engineer moved traffic to the standby cache at 14:31.

## Action Items

| Action | Owner | Priority | Due | Ticket |
|---|---|---|---|---|
| Set a 12 GB memory limit on every cache node | @dana | P1 | 2025-03-28 | OPS-412 |

## Lessons Learned

### What went well

- The alert paged within four minutes.

### What went wrong

- The standby cache took 25 minutes to warm up.

### Where we got lucky

- The burst happened outside the evening peak.
`;

/** Capabilities as vscode-languageclient 11 announces them (the parts pm-lsp looks at). */
const VSCODE_CAPABILITIES: rpc.ClientCapabilities = {
  general: { positionEncodings: ["utf-16"] },
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: false,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ["edit"] },
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ["", "quickfix", "refactor", "source", "source.fixAll"] },
      },
    },
    hover: { contentFormat: ["markdown", "plaintext"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
  },
  window: { workDoneProgress: true },
};

function serverSettingsFromEnv(): ServerSettings {
  return {
    path: process.env.PM_LINT_SERVER_PATH ?? "pm-lsp",
    python: process.env.PM_LINT_SERVER_PYTHON ?? "",
    args: [],
  };
}

/** One server process and a protocol connection to it, as the extension would hold. */
class Session {
  readonly shown: rpc.ShowMessageParams[] = [];
  readonly pushed = new Map<string, rpc.PublishDiagnosticsParams>();
  refreshes = 0;
  stderr = "";
  exitCode: number | null | undefined = undefined;
  serverCapabilities: rpc.ServerCapabilities | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly exe: Executable,
    readonly proc: ChildProcess,
    readonly conn: rpc.ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => {
      proc.on("exit", (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
    proc.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  /**
   * Start the server in `folder` with the given user settings (as if in settings.json):
   * the same command line and the same `pmLint` answers as the extension.
   */
  static async start(folder: string, userSettings: Partial<Record<LintKey, unknown>>): Promise<Session> {
    const exe = serverExecutable(serverSettingsFromEnv(), { workspaceFolder: folder });
    const proc = spawn(exe.command, exe.args, {
      cwd: exe.options.cwd,
      env: exe.options.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const spawned = new Promise<void>((resolve, reject) => {
      proc.once("spawn", () => resolve());
      proc.once("error", (err) => reject(new Error(`cannot start ${exe.command}: ${err.message}`)));
    });
    await spawned;
    const conn = rpc.createProtocolConnection(
      new rpc.StreamMessageReader(proc.stdout!),
      new rpc.StreamMessageWriter(proc.stdin!),
    );
    const s = new Session(exe, proc, conn);
    const inspect = (key: LintKey): Inspected | undefined =>
      key in userSettings ? { globalValue: userSettings[key] } : undefined;
    conn.onRequest(rpc.ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === "pmLint" ? lintSettings(inspect, folder) : null)),
    );
    conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
    conn.onRequest(rpc.UnregistrationRequest.type, () => undefined);
    conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
    conn.onRequest(rpc.DiagnosticRefreshRequest.type, () => {
      s.refreshes += 1;
    });
    conn.onNotification(rpc.ShowMessageNotification.type, (p) => {
      s.shown.push(p);
    });
    conn.onNotification(rpc.LogMessageNotification.type, () => undefined);
    conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
      s.pushed.set(p.uri, p);
    });
    conn.listen();
    const init = await conn.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: "pm-lint protocol test (vscode-languageserver-protocol)" },
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
      capabilities: VSCODE_CAPABILITIES,
      initializationOptions: lintSettings(inspect, folder),
    });
    s.serverCapabilities = init.capabilities;
    await conn.sendNotification(rpc.InitializedNotification.type, {});
    return s;
  }

  async open(uri: string, text: string): Promise<void> {
    await this.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "markdown", version: 1, text },
    });
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /**
   * The document's diagnostics the way VS Code gets them: a `textDocument/diagnostic` pull
   * when the server offers pull diagnostics, else the latest `publishDiagnostics` push.
   */
  async diagnostics(uri: string, version: number): Promise<rpc.Diagnostic[]> {
    if (this.serverCapabilities?.diagnosticProvider !== undefined) {
      const report = await this.conn.sendRequest(rpc.DocumentDiagnosticRequest.type, {
        textDocument: { uri },
      });
      assert.equal(report.kind, "full");
      return (report as rpc.FullDocumentDiagnosticReport).items;
    }
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const p = this.pushed.get(uri);
      if (p !== undefined && (p.version === undefined || p.version === version)) {
        return p.diagnostics;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no diagnostics for ${uri} version ${version}; server stderr:\n${this.stderr}`);
  }

  async close(): Promise<void> {
    await this.conn.sendRequest(rpc.ShutdownRequest.type);
    await this.conn.sendNotification(rpc.ExitNotification.type);
    const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000).unref());
    const result = await Promise.race([this.exited, timer]);
    this.conn.dispose();
    if (result === "timeout") {
      this.proc.kill();
      assert.fail("the server did not exit within 15 s of shutdown/exit");
    }
  }
}

/** Apply LSP text edits (UTF-16 positions, which JavaScript strings index natively). */
function applyEdits(text: string, edits: rpc.TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") {
      starts.push(i + 1);
    }
  }
  const offset = (p: rpc.Position): number => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

/** The edits a workspace edit makes to one document (changes or documentChanges form). */
function editsFor(edit: rpc.WorkspaceEdit, uri: string): rpc.TextEdit[] {
  const out: rpc.TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ("textDocument" in dc && dc.textDocument.uri === uri) {
      out.push(...dc.edits.filter((e): e is rpc.TextEdit => "range" in e));
    }
  }
  return out;
}

describe("pm-lsp over stdio, launched as the VS Code extension launches it", { timeout: TIMEOUT_MS }, () => {
  let folder: string;
  let uri: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "pm-lint-vscode-"));
    fs.mkdirSync(path.join(folder, "postmortems"));
    const file = path.join(folder, "postmortems", "2025-03-14-checkout.md");
    fs.writeFileSync(file, POSTMORTEM);
    // The project's config file: the editor must honour it as the CLI does.
    fs.writeFileSync(path.join(folder, ".pm-lint.toml"), '[severity]\nPM202 = "error"\n');
    uri = pathToFileURL(file).href;
  });

  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("initialize, open, diagnostics at UTF-16 positions, quick fix, re-lint", async () => {
    const s = await Session.start(folder, {});
    try {
      assert.equal(s.serverCapabilities?.positionEncoding ?? "utf-16", "utf-16");
      await s.open(uri, POSTMORTEM);
      const diags = await s.diagnostics(uri, 1);
      const codes = diags.map((d) => String(d.code)).sort();
      assert.deepEqual(codes, ["PM202", "PM401"], `diagnostics: ${JSON.stringify(diags, null, 1)}`);

      // PM401 on "many users": JavaScript string indices are UTF-16 code units, the unit
      // VS Code counts in; the emoji before it is two units, one code point.
      const vague = diags.find((d) => d.code === "PM401")!;
      const line = POSTMORTEM.split("\n")[11];
      const col = line.indexOf("many users");
      assert.deepEqual(vague.range, {
        start: { line: 11, character: col },
        end: { line: 11, character: col + "many users".length },
      });
      assert.equal(vague.severity, rpc.DiagnosticSeverity.Warning);
      assert.match(typeof vague.message === "string" ? vague.message : vague.message.value, /many/);

      // PM202 on the empty "Detection" heading, raised to an error by .pm-lint.toml.
      const empty = diags.find((d) => d.code === "PM202")!;
      const detLine = POSTMORTEM.split("\n").indexOf("## Detection");
      assert.deepEqual(empty.range, {
        start: { line: detLine, character: 3 },
        end: { line: detLine, character: "## Detection".length },
      });
      assert.equal(empty.severity, rpc.DiagnosticSeverity.Error, "the project's [severity] applies");

      // Ask for code actions where the empty section is, with its diagnostic as context.
      const actions = (await s.conn.sendRequest(rpc.CodeActionRequest.type, {
        textDocument: { uri },
        range: empty.range,
        context: { diagnostics: [empty], triggerKind: rpc.CodeActionTriggerKind.Invoked },
      })) ?? [];
      const fixes = actions.filter(
        (a): a is rpc.CodeAction =>
          "kind" in a && a.kind === rpc.CodeActionKind.QuickFix &&
          (a.diagnostics ?? []).some((d) => d.code === "PM202") && !/disable/i.test(a.title),
      );
      assert.ok(fixes.length >= 1, `no PM202 quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      let fix = fixes[0];
      if (fix.edit === undefined) {
        fix = await s.conn.sendRequest(rpc.CodeActionResolveRequest.type, fix);
      }
      assert.ok(fix.edit !== undefined, "the quick fix has an edit (directly or after resolve)");
      const edits = editsFor(fix.edit, uri);
      assert.ok(edits.length >= 1);
      const fixed = applyEdits(POSTMORTEM, edits);
      assert.notEqual(fixed, POSTMORTEM);
      // Everything outside the edited section is untouched.
      const before = POSTMORTEM.split("## Detection")[0];
      assert.ok(fixed.startsWith(before + "## Detection"));
      assert.ok(fixed.endsWith(POSTMORTEM.split("## Response and Recovery")[1]));

      // The edited document is linted again: the "is empty" finding is gone.
      await s.change(uri, 2, fixed);
      const after = await s.diagnostics(uri, 2);
      assert.ok(
        !after.some((d) => d.code === "PM202" && d.message === empty.message),
        JSON.stringify(after, null, 1),
      );
      assert.ok(after.some((d) => d.code === "PM401"), "unrelated findings stay");
      assert.deepEqual(s.shown.filter((m) => m.type === rpc.MessageType.Error), []);
    } finally {
      await s.close();
    }
    assert.equal(s.exitCode, 0, `server exit code; stderr:\n${s.stderr}`);
  });

  test("pmLint settings from the extension reach the server", async () => {
    // As if the user set "pmLint.ignore": ["PM4"] in settings.json.
    const s = await Session.start(folder, { ignore: ["PM4"] });
    try {
      await s.open(uri, POSTMORTEM);
      const codes = (await s.diagnostics(uri, 1)).map((d) => String(d.code));
      assert.deepEqual(codes, ["PM202"]);
      assert.deepEqual(s.shown.filter((m) => m.type === rpc.MessageType.Error), []);
    } finally {
      await s.close();
    }
  });
});
