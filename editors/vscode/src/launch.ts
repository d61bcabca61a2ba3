/**
 * How the extension starts the language server.
 *
 * Kept free of any `vscode` import so that `npm test` can import it and start the server
 * exactly as the extension does, with node alone (VS Code itself cannot be downloaded in CI).
 */

import * as os from "node:os";
import * as path from "node:path";

/** The `pmLint.server.*` settings. */
export interface ServerSettings {
  /** `pmLint.server.path`: the `pm-lsp` executable, a name on PATH or a path. */
  path: string;
  /** `pmLint.server.python`: when non-empty, start `<python> -m pm_lsp` instead. */
  python: string;
  /** `pmLint.server.args`: extra arguments. */
  args: readonly string[];
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = { path: "pm-lsp", python: "", args: [] };

/** Where the server runs: the values that `${workspaceFolder}` and relative paths need. */
export interface LaunchContext {
  /** The first workspace folder's file-system path, if a folder is open. */
  workspaceFolder?: string;
  /** The environment to start the server in (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The same shape as vscode-languageclient's `Executable`, so the extension passes it through
 * unchanged and the test hands the same fields to `child_process.spawn`.
 */
export interface Executable {
  command: string;
  args: string[];
  options: { cwd?: string; env: NodeJS.ProcessEnv };
}

/**
 * Expand `~` and `${workspaceFolder}`, and anchor relative paths (those with a separator, such
 * as `.venv/bin/pm-lsp`) at the workspace folder. A bare name (`pm-lsp`, `python3`) is left
 * alone so that the operating system looks it up on PATH, as a terminal would.
 */
export function expandPath(value: string, ctx: LaunchContext): string {
  let p = value.trim();
  if (ctx.workspaceFolder !== undefined) {
    p = p.split("${workspaceFolder}").join(ctx.workspaceFolder);
  }
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) {
    p = path.join(os.homedir(), p.slice(1));
  }
  const isBareName = !p.includes("/") && !p.includes("\\");
  if (!isBareName && !path.isAbsolute(p) && ctx.workspaceFolder !== undefined) {
    p = path.resolve(ctx.workspaceFolder, p);
  }
  return p;
}

/**
 * The command line for the server: `<python> -m pm_lsp` when `pmLint.server.python` is set
 * (useful when pm-lsp lives in a project virtualenv whose scripts are not on PATH), else the
 * `pmLint.server.path` executable (default `pm-lsp`). Transport is always stdio.
 */
export function serverExecutable(settings: ServerSettings, ctx: LaunchContext = {}): Executable {
  const env = { ...(ctx.env ?? process.env) };
  const extra = settings.args.map((a) => a.split("${workspaceFolder}").join(ctx.workspaceFolder ?? "."));
  const cwd = ctx.workspaceFolder;
  const python = settings.python.trim();
  if (python !== "") {
    return { command: expandPath(python, ctx), args: ["-m", "pm_lsp", ...extra], options: { cwd, env } };
  }
  const command = settings.path.trim() === "" ? DEFAULT_SERVER_SETTINGS.path : settings.path;
  return { command: expandPath(command, ctx), args: extra, options: { cwd, env } };
}

/** What to tell the user when the server cannot be started at all. */
export function notFoundHint(exe: Executable): string {
  return (
    `pm-lint could not start the language server '${[exe.command, ...exe.args].join(" ")}'. ` +
    "Install it (python -m pip install pm-lsp) into an environment on PATH, or set " +
    "'pmLint.server.path' to the pm-lsp executable or 'pmLint.server.python' to an " +
    "interpreter that has pm-lsp installed."
  );
}
