/**
 * Which `pmLint.*` settings reach the server, and which documents the client handles.
 *
 * No `vscode` import, so the protocol test answers `workspace/configuration` with exactly
 * what the extension would send.
 *
 * Why only explicitly set values are sent: the server layers editor settings *over* the
 * project's `.pm-lint.toml` (defaults < file < editor). If the extension sent every setting
 * with its default, an untouched `pmLint.select` would silently replace the project's
 * `select`, and the editor and CI would disagree. So a setting is sent only when the user set
 * it somewhere (user, workspace or folder settings); otherwise the project file decides.
 */

import * as os from "node:os";
import * as path from "node:path";

/**
 * Settings the server reads: the `.pm-lint.toml` keys (camelCase here, kebab-case there), plus
 * `debounceMs`, an option of the server itself. Generated from the configuration schema
 * (pm_lsp/policy/schema.py) by `python -m pm_lsp.policy.schema --write`; do not edit by hand.
 */
// BEGIN generated
export const LINT_KEYS = [
  "template",
  "select",
  "ignore",
  "extendSelect",
  "extendIgnore",
  "severity",
  "rulePacks",
  "perFileIgnores",
  "include",
  "exclude",
  "extendExclude",
  "maxFileSize",
  "cacheDir",
  "model",
  "rules",
  "debounceMs",
] as const;
// END generated

export type LintKey = (typeof LINT_KEYS)[number];

/** The `WorkspaceConfiguration.inspect()` result, reduced to what is used here. */
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/** The most specific value the user set, or `undefined` when only the default applies. */
export function explicitValue(i: Inspected | undefined): unknown {
  if (i === undefined) {
    return undefined;
  }
  const order = [
    i.workspaceFolderLanguageValue,
    i.workspaceFolderValue,
    i.workspaceLanguageValue,
    i.workspaceValue,
    i.globalLanguageValue,
    i.globalValue,
  ];
  return order.find((v) => v !== undefined);
}

function expandUserPath(p: string, folder: string | undefined): string {
  let out = folder === undefined ? p : p.split("${workspaceFolder}").join(folder);
  if (out === "~" || out.startsWith("~/")) {
    out = path.join(os.homedir(), out.slice(1));
  }
  return out;
}

/**
 * The `pmLint` section as the server should see it: the lint keys the user set, with `null`
 * treated as unset and `${workspaceFolder}`/`~` expanded in path-valued keys. Extension-only
 * settings (`server.*`, `activationGlobs`, `trace.server`) never go to the server.
 */
export function lintSettings(
  inspect: (key: LintKey) => Inspected | undefined,
  workspaceFolder?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of LINT_KEYS) {
    const value = explicitValue(inspect(key));
    if (value === undefined || value === null) {
      continue;
    }
    if (key === "rulePacks" && Array.isArray(value)) {
      out[key] = value.map((v) => (typeof v === "string" ? expandUserPath(v, workspaceFolder) : v));
    } else if (key === "template" && typeof value === "string" && /[\\/]/.test(value)) {
      out[key] = expandUserPath(value, workspaceFolder);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** A document filter as vscode-languageclient takes it. */
export interface DocumentFilter {
  language: string;
  scheme?: string;
  pattern?: string;
}

/**
 * Every Markdown file (saved or untitled) by default; with `pmLint.activationGlobs`, only
 * saved Markdown files whose path matches one of the globs (such as every file below a
 * `postmortems` folder).
 */
export function documentSelector(activationGlobs: readonly string[]): DocumentFilter[] {
  const globs = activationGlobs.map((g) => g.trim()).filter((g) => g !== "");
  if (globs.length === 0) {
    return [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ];
  }
  return globs.map((pattern) => ({ scheme: "file", language: "markdown", pattern }));
}
