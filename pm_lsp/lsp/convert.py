"""Engine results to LSP values, in the negotiated position encoding.

The engine speaks code-point offsets; the client speaks (line, character) in UTF-16 code units
(the LSP default), UTF-8 bytes (Neovim) or code points (UTF-32). Conversion happens here and
nowhere else, through :class:`pm_lsp.model.positions.LineIndex`, which splits lines only on
``\\r\\n``, ``\\r`` and ``\\n`` as the protocol does (pygls' own ``TextDocument.lines`` uses
``str.splitlines`` and would disagree with the editor on form feeds and U+2028).

Each diagnostic carries, in ``data``, the document version it was computed for, the rule's
name and the rule's own data. Fixes do not travel: a code action is answered from the
server's analysis of the current version (matched to the diagnostic the client sends back by
code, range and message), and an action for any other version gets none. Sending each fix as
ready-made LSP edits made a third of every publish of a long postmortem (~50 KB of 155 KB).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types as T

from pm_lsp.lsp.uris import to_path
from pm_lsp.model.positions import Encoding, LineIndex
from pm_lsp.rules.explain import doc_url
from pm_lsp.rules.spec import Diagnostic, Edit, Severity

if TYPE_CHECKING:
    from cattrs import Converter

SOURCE = "pm-lint"

_SEVERITY = {
    Severity.ERROR: T.DiagnosticSeverity.Error,
    Severity.WARNING: T.DiagnosticSeverity.Warning,
    Severity.INFO: T.DiagnosticSeverity.Information,
    Severity.HINT: T.DiagnosticSeverity.Hint,
}


def uri_to_path(uri: str) -> Path | None:
    """The file system path of a ``file:`` URI (percent-decoded); None for ``untitled:``
    and the like (see :mod:`pm_lsp.lsp.uris`)."""
    return to_path(uri)


def encoding_of(kind: object) -> Encoding:
    """Our encoding name for pygls' negotiated ``PositionEncodingKind`` (UTF-16 if unknown)."""
    value = getattr(kind, "value", kind)
    if value == "utf-8":
        return "utf-8"
    if value == "utf-32":
        return "utf-32"
    return "utf-16"


def lsp_severity(severity: Severity) -> T.DiagnosticSeverity:
    return _SEVERITY[severity]


class Positions:
    """Offsets <-> LSP positions for one text in one encoding."""

    __slots__ = ("encoding", "index")

    def __init__(self, index: LineIndex, encoding: Encoding) -> None:
        self.index = index
        self.encoding = encoding

    @classmethod
    def of(cls, text: str, encoding: Encoding) -> Positions:
        return cls(LineIndex(text), encoding)

    @property
    def text(self) -> str:
        return self.index.text

    def line_col(self, offset: int) -> tuple[int, int]:
        """The LSP (line, character) of ``offset``. Same answer as
        :meth:`LineIndex.position`, but a line prefix with non-ASCII text is measured by
        the codec (C) instead of a Python loop over its characters: every diagnostic of a
        real postmortem (curly quotes, dashes) needs two of these on every publish."""
        index, encoding = self.index, self.encoding
        if encoding == "utf-32":
            return index.position(offset, encoding)
        text = index.text
        offset = max(0, min(offset, len(text)))
        line = bisect.bisect_right(index.starts, offset) - 1
        seg = text[index.starts[line] : offset]
        if seg.isascii():
            return line, len(seg)
        if encoding == "utf-16":
            # two bytes per unit; a lone surrogate (surrogatepass) is one unit, as in units()
            return line, len(seg.encode("utf-16-le", "surrogatepass")) // 2
        return line, len(seg.encode("utf-8", "surrogatepass"))

    def position(self, offset: int) -> T.Position:
        line, col = self.line_col(offset)
        return T.Position(line=line, character=col)

    def range_json(self, start: int, end: int) -> dict[str, Any]:
        """The JSON of :meth:`range`, without building the attrs objects."""
        (sl, sc), (el, ec) = self.line_col(start), self.line_col(end)
        return {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}

    def range(self, start: int, end: int) -> T.Range:
        return T.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: T.Position) -> int:
        return self.index.offset(pos.line, pos.character, self.encoding)

    def offsets(self, rng: T.Range) -> tuple[int, int]:
        a, b = self.offset(rng.start), self.offset(rng.end)
        return (a, b) if a <= b else (b, a)

    def text_edit(self, edit: Edit) -> T.TextEdit:
        return T.TextEdit(range=self.range(edit.start, edit.end), new_text=edit.new_text)


def _plain(value: object) -> object:
    """Rule ``data`` reduced to JSON types (it travels to the client and back)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def rewrite_of(d: Diagnostic, text: str) -> str | None:
    """The suggested rewrite for hover: the rule's own, else the flagged line(s) with the fix.

    Only in-line fixes are rendered this way: a fix that inserts a section skeleton or a
    metadata line elsewhere is not a rewrite of the sentence under the cursor.
    """
    if d.data is not None and isinstance(d.data.get("rewrite"), str):
        return str(d.data["rewrite"])
    if d.fix is None or not d.fix.edits:
        return None
    if any("\n" in e.new_text or "\r" in e.new_text for e in d.fix.edits):
        return None
    lo = min(d.start, *(e.start for e in d.fix.edits))
    hi = max(d.end, *(e.end for e in d.fix.edits))
    line_start = max(text.rfind("\n", 0, lo), text.rfind("\r", 0, lo)) + 1
    ends = [i for i in (text.find("\n", hi), text.find("\r", hi)) if i >= 0]
    line_end = min(ends) if ends else len(text)
    if any(e.start < line_start or e.end > line_end for e in d.fix.edits):
        return None
    out = text[line_start:line_end]
    for e in sorted(d.fix.edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start - line_start] + e.new_text + out[e.end - line_start :]
    out = " ".join(out.split())
    return out or None


@functools.cache
def _doc_href(code: str) -> str | None:
    """The link to a rule's documentation (None for a code no rule declares)."""
    from pm_lsp.rules.registry import rules_by_code

    rule = rules_by_code().get(code)
    return doc_url(rule.spec) if rule else None


def diagnostic_item(d: Diagnostic, pos: Positions, version: int | None) -> dict[str, Any]:
    """One engine diagnostic as the JSON the client receives (code, link, severity,
    ``data``): exactly what lsprotocol's converter writes for :func:`from_item` of it
    (tests/test_server_json.py).

    The item, not an lsprotocol object, is what an analysis keeps and publishes: building
    ~260 attrs objects (validated positions, ranges, diagnostics) and walking them back into
    JSON cost ~5 ms of every edit of a long postmortem. Hover, code actions and pull answers
    read :func:`from_item` of the items, built once per analysis when first asked.
    """
    data: dict[str, Any] = {"version": version, "name": d.name}
    if d.data:
        data["rule"] = _plain(d.data)
    out: dict[str, Any] = {
        "range": pos.range_json(d.start, d.end),
        "message": d.message,
        "severity": int(_SEVERITY[d.severity]),
        "code": d.code,
    }
    href = _doc_href(d.code)
    if href is not None:
        out["codeDescription"] = {"href": href}
    out["source"] = SOURCE
    out["data"] = data
    return out


def diagnostic_items(
    diags: Sequence[Diagnostic], pos: Positions, version: int | None
) -> list[dict[str, Any]]:
    return [diagnostic_item(d, pos, version) for d in diags]


def _position(value: Mapping[str, Any]) -> T.Position:
    return T.Position(line=value["line"], character=value["character"])


@functools.cache
def _code_description(href: str) -> T.CodeDescription:
    """One link object per rule, shared (never mutated)."""
    return T.CodeDescription(href=href)


def from_item(item: Mapping[str, Any]) -> T.Diagnostic:
    """The lsprotocol value of a :func:`diagnostic_item`."""
    rng = item["range"]
    link = item.get("codeDescription")
    return T.Diagnostic(
        range=T.Range(start=_position(rng["start"]), end=_position(rng["end"])),
        message=item["message"],
        severity=T.DiagnosticSeverity(item["severity"]),
        code=item["code"],
        code_description=_code_description(link["href"]) if link else None,
        source=item["source"],
        data=item["data"],
    )


@functools.cache
def _lsprotocol_converter() -> Converter:
    """lsprotocol's own converter (not the server's, whose ``Diagnostic`` hook is
    :func:`diagnostic_json` itself)."""
    from lsprotocol.converters import get_converter

    return get_converter()


def diagnostic_json(d: T.Diagnostic) -> dict[str, Any]:
    """``d`` as JSON, as lsprotocol's converter writes it, for the fields
    :func:`from_item` sets.

    Pull answers (``textDocument/diagnostic``) carry lsprotocol diagnostics; for a long
    postmortem with ~180 of them, cattrs' generic walk took ~2 ms per answer, this takes a
    fraction. The server's converter uses it for every ``Diagnostic`` it writes
    (:func:`pm_lsp.lsp.protocol.converter`); tests/test_server_json.py checks it equals
    lsprotocol's output. A diagnostic with fields that pm-lint never sets goes through
    lsprotocol's converter.
    """
    if d.tags is not None or d.related_information is not None:
        return dict(_lsprotocol_converter().unstructure(d, T.Diagnostic))
    r = d.range
    out: dict[str, Any] = {
        "range": {
            "start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character},
        },
        "message": d.message,
    }
    if d.severity is not None:
        out["severity"] = int(d.severity)
    if d.code is not None:
        out["code"] = d.code
    if d.code_description is not None:
        out["codeDescription"] = {"href": d.code_description.href}
    if d.source is not None:
        out["source"] = d.source
    if d.data is not None:
        out["data"] = d.data
    return out


def contains(rng: T.Range, p: T.Position) -> bool:
    """Is ``p`` inside ``rng`` (end inclusive, so a cursor just after a word still counts)?"""
    after_start = (p.line, p.character) >= (rng.start.line, rng.start.character)
    before_end = (p.line, p.character) <= (rng.end.line, rng.end.character)
    return after_start and before_end


def same_range(a: T.Range, b: T.Range) -> bool:
    return (a.start.line, a.start.character, a.end.line, a.end.character) == (
        b.start.line,
        b.start.character,
        b.end.line,
        b.end.character,
    )
