"""Code actions: quick fixes, suppression comments, and fix-all.

* A **quick fix** comes straight from the diagnostic's fix, whose edits travel in the
  diagnostic's ``data`` in LSP coordinates, tagged with the document version they were
  computed for. Safe fixes are marked preferred; unsafe ones say so in the title, because they
  may change what the sentence means.
* **Disable PMxxx for this line** inserts ``<!-- pm-lint-disable-next-line PMxxx -->`` above
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

import re
from collections.abc import Callable, Sequence
from typing import Any

from lsprotocol import types as T

from pm_lsp.document import PostmortemDoc
from pm_lsp.engine import Suppression, parse_suppressions
from pm_lsp.lsp.analysis import Analysis
from pm_lsp.lsp.convert import SOURCE, Positions, fix_edits_from_json, same_range
from pm_lsp.rule import Diagnostic

FIX_ALL_KIND = "source.fixAll.pm-lint"
_EOL = re.compile(r"\r\n|\r|\n")
_INDENT = re.compile(r"[ \t]*")


def kind_allowed(kind: str, only: Sequence[str] | None) -> bool:
    """LSP kinds are hierarchical: asking for ``source`` includes ``source.fixAll.pm-lint``."""
    if not only:
        return True
    return any(kind == o or kind.startswith(o + ".") for o in only)


def line_ending(text: str, near: int = 0) -> str:
    """The line ending used at ``near`` (else the document's first one, else ``\\n``)."""
    m = _EOL.search(text, near) or _EOL.search(text)
    return m.group(0) if m else "\n"


def workspace_edit(
    uri: str, version: int | None, edits: list[T.TextEdit], versioned: bool
) -> T.WorkspaceEdit:
    """Versioned ``documentChanges`` when the client supports them, so stale edits fail."""
    if versioned:
        return T.WorkspaceEdit(document_changes=[T.TextDocumentEdit(
            text_document=T.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=list(edits))])
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
    data = ld.data if isinstance(ld.data, dict) else {}
    edits = fix_edits_from_json(data.get("fix"))
    if edits is None:
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


def _comment_code_edit(
    text: str, comment_start: int, comment_end: int, code: str
) -> tuple[int, int, str] | None:
    """Append ``code`` to a directive comment ``<!-- pm-lint-... CODES -->``."""
    body = text[comment_start:comment_end]
    close = body.rfind("-->")
    if close < 0:
        return None
    inner = body[:close].rstrip()
    if re.search(rf"(?<![\w]){re.escape(code)}(?![\w])", inner):
        return None
    return comment_start, comment_start + close, f"{inner} {code} "


def _extend_directive(
    uri: str, analysis: Analysis, s: Suppression, d: Diagnostic, ld: T.Diagnostic, title: str,
    versioned: bool,
) -> T.CodeAction | None:
    """Add ``d.code`` to an existing suppression comment rather than writing a second one;
    None when it already covers the code (no codes: it suppresses everything)."""
    if not s.codes:
        return None
    change = _comment_code_edit(analysis.text, s.start, s.end, d.code)
    if change is None:
        return None
    edit = T.TextEdit(range=analysis.positions.range(change[0], change[1]),
                      new_text=change[2])
    return T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix, diagnostics=[ld],
                        edit=workspace_edit(uri, analysis.version, [edit], versioned))


def disable_line(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, versioned: bool
) -> T.CodeAction | None:
    text, pos = analysis.text, analysis.positions
    idx = pos.index
    line = idx.line_of(d.start)
    doc = analysis.doc
    title = f"Disable {d.code} for this line"
    table = _table_at(doc, d.start) if doc is not None else None
    if table is not None and idx.line_of(table[0]) != line:
        return _disable_table(uri, analysis, d, ld, table, versioned)
    if doc is not None and line > 0:
        for s in parse_suppressions(doc)[0]:
            if s.kind == "disable-next-line" and s.region[0] == idx.starts[line]:
                if idx.line_of(s.end) != line - 1:
                    continue
                return _extend_directive(uri, analysis, s, d, ld, title, versioned)
    start = idx.starts[line]
    indent = _INDENT.match(text, start)
    prefix = indent.group(0) if indent else ""
    eol = line_ending(text, start)
    new = f"{prefix}<!-- pm-lint-disable-next-line {d.code} -->{eol}"
    edit = T.TextEdit(range=pos.range(start, start), new_text=new)
    return T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix, diagnostics=[ld],
                        edit=workspace_edit(uri, analysis.version, [edit], versioned))


def _table_at(doc: PostmortemDoc, offset: int) -> tuple[int, int] | None:
    for t in doc.tables:
        if t.start <= offset < t.end:
            return t.start, t.end
    return None


def _disable_table(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, table: tuple[int, int],
    versioned: bool,
) -> T.CodeAction:
    text, pos, idx = analysis.text, analysis.positions, analysis.positions.index
    first = idx.starts[idx.line_of(table[0])]
    last_line = idx.line_of(max(table[0], table[1] - 1))
    after = idx.line_end(last_line, include_newline=True)
    eol = line_ending(text, first)
    indent = _INDENT.match(text, first)
    prefix = indent.group(0) if indent else ""
    tail_eol = "" if after > idx.line_end(last_line) else eol
    edits = [
        T.TextEdit(range=pos.range(first, first),
                   new_text=f"{prefix}<!-- pm-lint-disable {d.code} -->{eol}"),
        T.TextEdit(range=pos.range(after, after),
                   new_text=f"{tail_eol}{prefix}<!-- pm-lint-enable {d.code} -->{eol}"),
    ]
    return T.CodeAction(title=f"Disable {d.code} for this table", kind=T.CodeActionKind.QuickFix,
                        diagnostics=[ld],
                        edit=workspace_edit(uri, analysis.version, edits, versioned))


def disable_file(
    uri: str, analysis: Analysis, d: Diagnostic, ld: T.Diagnostic, versioned: bool
) -> T.CodeAction | None:
    text, pos = analysis.text, analysis.positions
    doc = analysis.doc
    title = f"Disable {d.code} for this file"
    if doc is not None:
        for s in parse_suppressions(doc)[0]:
            if s.kind == "disable-file":
                return _extend_directive(uri, analysis, s, d, ld, title, versioned)
    at = 0
    if doc is not None and doc.front_matter is not None:
        idx = pos.index
        at = idx.line_end(idx.line_of(max(0, doc.front_matter.end - 1)), include_newline=True)
    elif text.startswith("\ufeff"):
        at = 1
    eol = line_ending(text)
    lead = eol if at == len(text) and at > 0 and not text.endswith(("\n", "\r")) else ""
    edit = T.TextEdit(range=pos.range(at, at),
                      new_text=f"{lead}<!-- pm-lint-disable-file {d.code} -->{eol}")
    return T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix, diagnostics=[ld],
                        edit=workspace_edit(uri, analysis.version, [edit], versioned))


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
    return isinstance(data, dict) and data.get("fixAll") is True and isinstance(
        data.get("uri"), str)
