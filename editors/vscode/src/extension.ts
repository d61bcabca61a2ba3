/**
 * VS Code extension for pm-lint: starts the `pm-lsp` language server over stdio and connects
 * it to Markdown documents.
 *
 * Everything that decides *what* runs (the command line, which settings the server sees,
 * which documents are linted) lives in `launch.ts` and `settings.ts`, which do not import
 * `vscode`; `npm test` exercises them against the real server. This file only wires them to
 * the VS Code API: the client, the output channel, the restart command and setting changes.
 */

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { notFoundHint, serverExecutable, type ServerSettings } from "./launch";
import { documentSelector, type LintKey, lintSettings } from "./settings";

const SECTION = "pmLint";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function firstFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function folderFor(scopeUri: string | undefined): string | undefined {
  if (scopeUri !== undefined) {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(scopeUri));
    if (folder !== undefined) {
      return folder.uri.fsPath;
    }
  }
  return firstFolder();
}

function readServerSettings(): ServerSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return {
    path: cfg.get<string>("server.path", "pm-lsp"),
    python: cfg.get<string>("server.python", ""),
    args: cfg.get<string[]>("server.args", []),
  };
}

/** The settings the server gets for a document (or the workspace when scopeUri is absent). */
function settingsFor(scopeUri: string | undefined): Record<string, unknown> {
  const scope = scopeUri === undefined ? undefined : vscode.Uri.parse(scopeUri);
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  return lintSettings((key: LintKey) => cfg.inspect(key), folderFor(scopeUri));
}

function createClient(channel: vscode.LogOutputChannel): LanguageClient {
  const exe = serverExecutable(readServerSettings(), { workspaceFolder: firstFolder() });
  channel.info(`Starting ${[exe.command, ...exe.args].join(" ")}`);
  const run = { ...exe, transport: TransportKind.stdio } as const;
  const serverOptions: ServerOptions = { run, debug: run };
  const globs = vscode.workspace.getConfiguration(SECTION).get<string[]>("activationGlobs", []);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(globs),
    outputChannel: channel,
    traceOutputChannel: channel,
    // vscode-languageclient 11 pulls diagnostics only on open by default; pm-lsp answers pulls
    // with fresh results, so pull on every change and save as well.
    diagnosticPullOptions: { onChange: true, onSave: true },
    initializationOptions: settingsFor(undefined),
    middleware: {
      workspace: {
        // Answer the server's workspace/configuration requests for the pmLint section with
        // only what the user set (see settings.ts), resolved for the document's folder.
        configuration: async (params, token, next) => {
          const defaults = await next(params, token);
          if (!Array.isArray(defaults)) {
            return defaults;
          }
          return params.items.map((item, i) =>
            item.section === SECTION ? settingsFor(item.scopeUri) : defaults[i],
          );
        },
      },
    },
  };
  return new LanguageClient(SECTION, "pm-lint", serverOptions, clientOptions);
}

async function startClient(channel: vscode.LogOutputChannel): Promise<void> {
  const next = createClient(channel);
  client = next;
  try {
    await next.start();
  } catch (err) {
    const exe = serverExecutable(readServerSettings(), { workspaceFolder: firstFolder() });
    channel.error(`${String(err)}`);
    client = undefined;
    const choice = await vscode.window.showErrorMessage(notFoundHint(exe), "Open settings", "Show output");
    if (choice === "Open settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "pmLint.server");
    } else if (choice === "Show output") {
      channel.show();
    }
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old !== undefined) {
    try {
      await old.stop();
    } catch (err) {
      output?.warn(`Stopping the server: ${String(err)}`);
    }
  }
}

/** Stop and start again, re-reading the server command (it may have changed). */
async function restart(channel: vscode.LogOutputChannel): Promise<void> {
  await stopClient();
  await startClient(channel);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const channel = vscode.window.createOutputChannel("pm-lint", { log: true });
  output = channel;
  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand("pmLint.restartServer", () => restart(channel)),
    vscode.commands.registerCommand("pmLint.showOutput", () => channel.show()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      const needsRestart = ["server", "activationGlobs"].some((k) =>
        event.affectsConfiguration(`${SECTION}.${k}`),
      );
      if (needsRestart) {
        channel.info("Server settings changed; restarting");
        await restart(channel);
      } else if (client?.isRunning()) {
        // The server re-reads its settings (workspace/configuration) and re-lints open files.
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: settingsFor(undefined) },
        });
      }
    }),
  );
  await startClient(channel);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
