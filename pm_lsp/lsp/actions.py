"""Code actions: quick fixes, suppression comments, and fix-all.

* A **quick fix** comes straight from the fix of the current analysis' diagnostic that the
  client's diagnostic matches (code, range, message); there is none for a diagnostic of an
  older version. Safe fixes are marked preferred; unsafe ones say so in the title, because they
  may change what the sentence means.
* **Disable PMxxx for this line** (built by :mod:`pm_lsp.suppression.placement`, which ``pm-lint
  --add-noqa`` uses too) inserts ``<!-- pm-lint-disable-next-line PMxxx -->`` above
  the diagnostic's first line, with that line's indentation and the document's own line
  ending, or adds the code to such a comment that is already there (two comments in a row
  would leave the first one suppressing nothing). Inside a table a comment line would split
  the table, so there the action brackets the table with ``pm-lint-disable``/``enable``.
* **Disable PMxxx for this file** adds ``<!-- pm-lint-disable-file PMxxx -->`` at the top
  (after front matter), or extends an existing file-level comment.
* **Fix all** (``source.fixAll.pm-lint``) applies every safe fix to a fixed point with
  :func:`pm_lsp.fixes.fix_text`, exactly as ``pm-lint --fix`` does. It re-lints, so it is
  computed lazily through ``codeAction/resolve`` when the client supports that.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from lsprotocol import types as T

from pm_lsp.lsp.analysis import Analysis
from pm_lsp.lsp.convert import SOURCE, Positions, same_range
from pm_lsp.rules.spec import Diagnostic, Edit
from pm_lsp.suppression import placement as suppress

FIX_ALL_KIND = "source.fixAll.pm-lint"


def kind_allowed(kind: str, only: Sequence[str] | None) -> bool:
    """LSP kinds are hierarchical: asking for ``source`` includes ``source.fixAll.pm-lint``."""
    if not only:
        return True
    return any(kind == o or kind.startswith(o + ".") for o in only)


def workspace_edit(
    uri: str, version: int | None, edits: list[T.TextEdit], versioned: bool
) -> T.WorkspaceEdit:
    """Versioned ``documentChanges`` when the client supports them, so stale edits fail."""
    if versioned:
        return T.WorkspaceEdit(
            document_changes=[
                T.TextDocumentEdit(
                    text_document=T.OptionalVersionedTextDocumentIdentifier(
                        uri=uri, version=version
                    ),
                    edits=list(edits),
                )
            ]
        )
    return T.WorkspaceEdit(changes={uri: list(edits)})


def matching(
    analysis: Analysis, sent: Sequence[T.Diagnostic]
) -> list[tuple[Diagnostic, T.Diagnostic]]:
    """The current analysis' diagnostics that the client's ``sent`` ones refer to.

    The client echoes diagnostics it was given, perhaps for an older version; a diagnostic
    whose code and range no longer match the current analysis gets no action.
    """
    out: list[tuple[Diagnostic, T.Diagnostic]] = []
    for s in sent:
        if s.source != SOURCE:
            continue
        for d, ld in zip(analysis.diagnostics, analysis.lsp, strict=True):
            if ld.code == s.code and same_range(ld.range, s.range) and ld.message == s.message:
                out.append((d, ld))
                break
    return out


def overlapping(analysis: Analysis, rng: T.Range) -> list[tuple[Diagnostic, T.Diagnostic]]:
    """Diagnostics touching ``rng`` (for clients that send no context diagnostics)."""
    lo = (rng.start.line, rng.start.character)
    hi = (rng.end.line, rng.end.character)
    out = []
    for d, ld in zip(analysis.diagnostics, analysis.lsp, strict=True):
        a = (ld.range.start.line, ld.range.start.character)
        b = (ld.range.end.line, ld.range.end.character)
        if a <= hi and lo <= b:
            out.append((d, ld))
    return out


def quick_fix(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, versioned: bool
) -> T.CodeAction | None:
    if d.fix is None:
        return None
    edits = [analysis.positions.text_edit(e) for e in d.fix.edits]
    if d.fix.safe:
        title = f"{d.fix.title} ({d.code})"
    else:
        title = f"{d.fix.title} ({d.code}; unsafe: may change the meaning, review it)"
    return T.CodeAction(
        title=title,
        kind=T.CodeActionKind.QuickFix,
        diagnostics=[ld],
        is_preferred=d.fix.safe,
        edit=workspace_edit(uri, analysis.version, edits, versioned),
    )


def other_fixes(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, versioned: bool
) -> list[T.CodeAction]:
    """The further unsafe fixes a finding offers besides its own (an ambiguous date's
    second reading), listed in its data as ``other-fixes``: ``{title, start, end, text}``."""
    raw = (d.data or {}).get("other-fixes")
    out: list[T.CodeAction] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        edit = Edit(int(item["start"]), int(item["end"]), str(item["text"]))
        title = f"{item['title']} ({d.code}; unsafe: may change the meaning, review it)"
        found = _action(uri, analysis, ld, title, [edit], versioned)
        if found is not None:
            out.append(found)
    return out


def _action(
    uri: str,
    analysis: Analysis,
    ld: T.Diagnostic,
    title: str,
    edits: list[Edit],
    versioned: bool,
) -> T.CodeAction | None:
    """A quick fix made of ``edits``; None when there is nothing to do."""
    if not edits:
        return None
    text_edits = [analysis.positions.text_edit(e) for e in edits]
    return T.CodeAction(
        title=title,
        kind=T.CodeActionKind.QuickFix,
        diagnostics=[ld],
        edit=workspace_edit(uri, analysis.version, text_edits, versioned),
    )


def disable_line(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, versioned: bool
) -> T.CodeAction | None:
    """ "Disable PMxxx for this line" (or "for this table"): placement is decided by
    :func:`pm_lsp.suppression.placement.disable_for_line`, shared with ``pm-lint --add-noqa``."""
    found = suppress.disable_for_line(analysis.text, analysis.doc, d)
    return _action(
        uri, analysis, ld, f"Disable {d.code} for this {found.scope}", found.edits, versioned
    )


def disable_file(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, versioned: bool
) -> T.CodeAction | None:
    """ "Disable PMxxx for this file", through :func:`pm_lsp.suppression.placement.disable_file`."""
    edits = suppress.disable_file(analysis.text, analysis.doc, [d.code])
    return _action(uri, analysis, ld, f"Disable {d.code} for this file", edits, versioned)


def fix_all_action(uri: str, analysis: Analysis) -> T.CodeAction | None:
    """The unresolved fix-all action, offered only when some safe fix exists."""
    if not any(d.fix is not None and d.fix.safe for d in analysis.diagnostics):
        return None
    return T.CodeAction(
        title="Fix all safe pm-lint problems",
        kind=FIX_ALL_KIND,
        data={"uri": uri, "version": analysis.version, "fixAll": True},
    )


def minimal_edit(old: str, new: str, pos: Positions) -> T.TextEdit | None:
    """One edit replacing only the changed middle of ``old`` (keeps the cursor in place)."""
    if old == new:
        return None
    n = min(len(old), len(new))
    a = 0
    while a < n and old[a] == new[a]:
        a += 1
    b = 0
    while b < n - a and old[len(old) - 1 - b] == new[len(new) - 1 - b]:
        b += 1
    # Never leave an edit boundary between the \r and \n of one line break: move the
    # boundary so the pair is wholly kept or wholly replaced.
    if 0 < a < len(old) and old[a - 1] == "\r" and old[a] == "\n":
        a -= 1
    end = len(old) - b
    if b and 0 < end < len(old) and old[end - 1] == "\r" and old[end] == "\n":
        b -= 1
    return T.TextEdit(range=pos.range(a, len(old) - b), new_text=new[a : len(new) - b])


def fix_all_text(analysis: Analysis, lint_fn: Callable[[str], Sequence[Diagnostic]]) -> str:
    """The text after applying every safe fix, as ``pm-lint --fix`` would."""
    from pm_lsp.fixes import fix_text

    def lint(current: str) -> Sequence[Diagnostic]:
        if current == analysis.text:
            return analysis.diagnostics
        return lint_fn(current)

    return fix_text(analysis.text, lint, unsafe=False).text


def is_fix_all(data: Any) -> bool:
    return (
        isinstance(data, dict) and data.get("fixAll") is True and isinstance(data.get("uri"), str)
    )
