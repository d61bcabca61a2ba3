"""Fix safety as an invariant: what a fix may change, checked on its result.

A rule computes its edits from the parsed document, and a parse can be subtly wrong about
where things are (a setext title is two lines, a fence left open reads to the end). Rather
than trust every rule to know every hazard, the fix loop checks each fix's *result* against
the text it was computed from, and drops the fix if

(a) any character outside its edits changed;
(b) the block structure outside its edits changed: a non-blank line outside the edits
    belongs to different blocks afterwards (a heading that became a paragraph, a list split in two,
    lines swallowed by a fence or comment), as markdown-it reads the text; or a fence or
    comment left open is closed by the inserted text, which it then swallows;
(c) the byte order mark moved or a line break of a kind the file does not use appeared;
(d) a rewrite (an edit with new text) replaces a line break, a code span's backtick, a
    link's ``](`` or an HTML comment's opener that its new text does not hold: the rules
    judge masked prose, and a rewrite of a sentence must not take the markup inside it (or
    the next line) with it.

One more condition, that the finding the fix targets is gone, needs a lint of the result
and is checked by the loop (:mod:`pm_lsp.fixes.loop`). Each check returns the reason in the
words the CLI prints after "fix for PM203 skipped: ".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pm_lsp.cache import lru
from pm_lsp.fixes.edits import moved
from pm_lsp.model.positions import LineIndex
from pm_lsp.parse.blocks import Role, line_roles, unclosed
from pm_lsp.rules.spec import Edit

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BREAK_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}

#: how a block kind is named in a skip reason
_KIND_NAMES = {
    "heading": "heading",
    "paragraph": "paragraph",
    "fence": "code block",
    "code_block": "code block",
    "html_block": "HTML block",
    "table": "table",
    "thead": "table",
    "tbody": "table",
    "tr": "table",
    "th": "table",
    "td": "table",
    "bullet_list": "list",
    "ordered_list": "list",
    "list_item": "list",
    "blockquote": "quote",
    "hr": "horizontal rule",
}


def problem(old: str, new: str, edits: Sequence[Edit]) -> str | None:
    """Why ``new`` (``old`` with ``edits`` applied) is not a safe result, or None if it is."""
    return (
        _outside_changed(old, new, edits)
        or _bom_moved(old, new)
        or _foreign_line_break(old, new)
        or _structure_changed(old, new, edits)
        or _closes_unclosed(old, new, edits)
        or _markup_removed(old, edits)
    )


#: what an edit may not drop from the text it replaces: every character Python counts as a
#: line break (a vertical tab ends a line for ``str.splitlines`` too), and inline markup
_KEPT = (
    ("\n", "it would join lines"),
    ("\r", "it would join lines"),
    ("\x0b", "it would join lines"),
    ("\x0c", "it would join lines"),
    ("\x1c", "it would join lines"),
    ("\x1d", "it would join lines"),
    ("\x1e", "it would join lines"),
    ("\x85", "it would join lines"),
    ("\u2028", "it would join lines"),
    ("\u2029", "it would join lines"),
    ("`", "it would remove inline code"),
    ("](", "it would remove a link"),
    ("<!--", "it would remove a comment"),
)


def _markup_removed(old: str, edits: Sequence[Edit]) -> str | None:
    for e in edits:
        replaced = old[e.start : e.end]
        if not replaced or not e.new_text:
            continue  # a deletion of whole lines is judged by the structure check
        for piece, reason in _KEPT:
            if replaced.count(piece) > e.new_text.count(piece):
                return reason
    return None


def _outside_changed(old: str, new: str, edits: Sequence[Edit]) -> str | None:
    """(a): every stretch of ``old`` between edits is found, in order, where it must be."""
    pos_old = pos_new = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        keep = old[pos_old : e.start]
        if new[pos_new : pos_new + len(keep)] != keep:
            return "it would change text outside its edit"
        pos_new += len(keep) + len(e.new_text)
        pos_old = e.end
    if new[pos_new:] != old[pos_old:]:
        return "it would change text outside its edit"
    return None


def _bom_moved(old: str, new: str) -> str | None:
    """(c): a byte order mark stays first, and none appears."""
    if old.startswith("\ufeff") != new.startswith("\ufeff"):
        return "it would move the byte order mark"
    return None


def _foreign_line_break(old: str, new: str) -> str | None:
    """(c): no line break of a kind the file does not already use (a lone CR split from its
    LF counts); a file without line breaks may gain one kind."""
    have = set(_NEWLINE.findall(old))
    got = set(_NEWLINE.findall(new))
    if have and not got <= have:
        style = " and ".join(sorted(_BREAK_NAMES[b] for b in have))
        return f"it would add line breaks other than the file's {style}"
    if not have and len(got) > 1:
        return "it would add mixed line breaks"
    return None


def _structure_changed(old: str, new: str, edits: Sequence[Edit]) -> str | None:
    """(b): every line outside the edits belongs to the same blocks before and after."""
    old_lines, new_lines = LineIndex(old), LineIndex(new)
    before, after = _roles(old), line_roles(new)
    moves = sorted(((e.end, len(e.new_text) - (e.end - e.start)) for e in edits), reverse=True)
    shift = 0
    for line, start in enumerate(old_lines.starts):
        while moves and moves[-1][0] <= start:
            shift += moves.pop()[1]
        stop = old_lines.line_end(line, include_newline=True)
        at = start + shift
        if new[at : at + stop - start] != old[start:stop]:
            continue  # the line was edited
        if not old[start:stop].strip():
            continue  # a blank line holds nothing (a list's extent over one is markdown-it's)
        moved = new_lines.line_of(at)
        if new_lines.starts[moved] != at or new_lines.line_text(moved) != old_lines.line_text(line):
            continue  # text was inserted before it or after it, on the same line
        if before[line] != after[moved]:
            return f"it would change {_describe(before, line, after[moved])}"
    return None


@lru(8)
def _roles(text: str) -> tuple[tuple[Role, ...], ...]:
    """:func:`line_roles` of the text a pass starts from, which every fix of the pass is
    checked against (memoised: only the results differ)."""
    return tuple(line_roles(text))


def _closes_unclosed(old: str, new: str, edits: Sequence[Edit]) -> str | None:
    """(b) for what an edit adds after a fence or comment left open: the open construct
    swallows the inserted text up to a closing marker inside it (a skeleton's own
    ``<!-- hint -->`` ends an open comment), so the inserted heading is never read, though
    no line outside the edit changed."""
    was = unclosed(old)
    if not was:
        return None
    still = {(u.kind, u.start) for u in unclosed(new)}
    for u in was:
        if (u.kind, moved(u.start, edits)) not in still:
            line = LineIndex(old).line_of(u.start) + 1
            return f"it would close the {u.kind} left open on line {line}"
    return None


def _describe(before: Sequence[tuple[Role, ...]], line: int, now: tuple[Role, ...]) -> str:
    """'the title', 'the list on line 7': the outermost block the line no longer belongs to
    the same way."""
    was = before[line]
    if not was:
        kind = _KIND_NAMES.get(now[-1][0], now[-1][0]) if now else "block"
        return f"line {line + 1} into part of a {kind}"
    differs = next((i for i, r in enumerate(was) if i >= len(now) or now[i] != r), len(was) - 1)
    kind, tag, _first = was[differs]
    if kind == "heading" and tag == "h1":
        start = line  # the heading's first line (a setext title has two)
        while start > 0 and not before[start][-1][2]:
            start -= 1
        if not any(r[:2] == ("heading", "h1") for roles in before[:start] for r in roles):
            return "the title"
    return f"the {_KIND_NAMES.get(kind, kind)} on line {line + 1}"
