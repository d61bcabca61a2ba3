"""Code actions: quick fixes, "Disable for this line/file", and fix-all (built in
:mod:`pm_lsp.lsp.actions`).

Actions are answered from the analysis of the document's current version only: a fix
computed for an older text would edit the wrong place. Fix-all re-lints the document up to
ten times, so it is computed lazily through ``codeAction/resolve`` when the client can
resolve an action's edit, and on the analysis thread either way.
"""

from __future__ import annotations

import asyncio
from typing import Any

from lsprotocol import types as T

from pm_lsp.lsp import actions
from pm_lsp.lsp.analysis import Analysis
from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.server_state import PmLanguageServer
from pm_lsp.lsp.uris import canonical
from pm_lsp.rules.spec import Diagnostic


async def code_action(
    ls: PmLanguageServer, params: T.CodeActionParams
) -> list[T.CodeAction] | None:
    uri = params.text_document.uri
    res = await ls.scheduler.fresh(uri)
    cur = ls.current(uri)
    if res is None or cur is None or res.version != cur[0]:
        return None
    only = params.context.only
    out: list[T.CodeAction] = []
    if actions.kind_allowed(T.CodeActionKind.QuickFix, only):
        out.extend(await _quick_fixes(ls, res, params))
    fix_all = actions.fix_all_action(uri, res)
    if fix_all is not None and only and actions.kind_allowed(actions.FIX_ALL_KIND, only):
        if not ls.client.resolve_edit:
            fix_all.edit = await _fix_all_edit(ls, uri, res.version)
        out.append(fix_all)
    elif fix_all is not None and not only and out and ls.client.resolve_edit:
        # offered next to the quick fixes (the lightbulb) only when it can be resolved
        # lazily: computing it re-lints the document up to ten times
        out.append(fix_all)
    return out or None


async def _quick_fixes(
    ls: PmLanguageServer, res: Analysis, params: T.CodeActionParams
) -> list[T.CodeAction]:
    """Each diagnostic's own fix, then "Disable" actions for the first of each code."""
    uri = ls.client_uri(params.text_document.uri)  # the edits name it as the client does
    versioned = ls.client.versioned_edits
    pairs = actions.matching(res, params.context.diagnostics)
    if not pairs and not params.context.diagnostics:
        pairs = actions.overlapping(res, params.range)
    fixes: list[T.CodeAction] = []
    firsts: list[tuple[Diagnostic, T.Diagnostic]] = []
    seen_codes: set[str] = set()
    for d, ld in pairs:
        qf = actions.quick_fix(uri, res, d, ld, versioned)
        if qf is not None:
            fixes.append(qf)
        fixes.extend(actions.other_fixes(uri, res, d, ld, versioned))
        if d.code not in seen_codes:
            seen_codes.add(d.code)
            firsts.append((d, ld))

    def disables() -> list[T.CodeAction]:
        made = (
            make(uri, res, d, ld, versioned)
            for d, ld in firsts
            for make in (actions.disable_line, actions.disable_file)
        )
        return [a for a in made if a is not None]

    # Placing a comment re-reads the Markdown block structure (tens of ms on a very long
    # document): off the event loop, so edits and publishes are not held up.
    return fixes + (await asyncio.to_thread(disables) if firsts else [])


async def code_action_resolve(ls: PmLanguageServer, params: T.CodeAction) -> T.CodeAction:
    data: Any = params.data
    if actions.is_fix_all(data) and params.edit is None:
        params.edit = await _fix_all_edit(ls, canonical(data["uri"]), data.get("version"))
    return params


async def _fix_all_edit(ls: PmLanguageServer, uri: str, version: object) -> T.WorkspaceEdit:
    """The edit of ``source.fixAll.pm-lint``: empty when the document moved on."""
    res = await ls.scheduler.fresh(uri)
    cur = ls.current(uri)
    if res is None or cur is None or res.version != cur[0] or res.version != version:
        return T.WorkspaceEdit(changes={})
    analyzer = ls.analyzer
    config = res.config
    if analyzer is None or config is None:
        return T.WorkspaceEdit(changes={})

    def compute() -> str:
        from pm_lsp.engine import lint

        nlp = analyzer.nlp_for(config.model)
        return actions.fix_all_text(
            res, lambda t: lint(t, config, path=res.path, nlp=nlp).diagnostics
        )

    new_text = await ls.scheduler.run_in_worker(compute)
    edit = actions.minimal_edit(res.text, new_text, res.positions)
    if edit is None:
        return T.WorkspaceEdit(changes={})
    return actions.workspace_edit(
        ls.client_uri(uri), res.version, [edit], ls.client.versioned_edits
    )


FEATURES = (
    Feature(
        T.TEXT_DOCUMENT_CODE_ACTION,
        code_action,
        T.CodeActionOptions(
            code_action_kinds=[
                T.CodeActionKind.QuickFix,
                T.CodeActionKind.SourceFixAll,
                actions.FIX_ALL_KIND,
            ],
            resolve_provider=True,
        ),
    ),
    Feature(T.CODE_ACTION_RESOLVE, code_action_resolve),
)
