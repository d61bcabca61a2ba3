"""Where a fix may insert text without being swallowed or breaking what is there.

A rule computes where its skeleton section or metadata line belongs (before the next
section, under the title, at the end); this module moves that point off the few places
where inserted text would corrupt the document or never be read:

- before a byte order mark (the BOM would end up in the middle of the text);
- inside a heading: between a setext title and its ``===`` underline, which would turn the
  title into a paragraph and the inserted line into the heading;
- inside a fence or HTML block that never closes, which reads to the end of the text: the
  inserted section would be code or a comment, the finding would stay, and every fix pass
  would insert it again. There is no safe point then: inserting before the construct would
  move it (and whatever follows it) into the inserted section, so the fix is not offered
  until the fence or comment is closed.

One helper for every rule, so a rule states where its text belongs and not how to avoid
each hazard; :mod:`pm_lsp.fixes.safety` still checks every fix's result.
"""

from __future__ import annotations

import re

from pm_lsp.model.document import PostmortemDoc
from pm_lsp.model.positions import lf_equivalent
from pm_lsp.parse.blocks import unclosed

#: a line that may open an HTML block that runs to the end when unclosed
_HTML_OPENER = re.compile(r"^[ \t>]*<[!?A-Za-z]", re.MULTILINE)


def safe_insertion_point(doc: PostmortemDoc, at: int) -> int | None:
    """``at``, the nearest point after it where an insertion is safe, or None if there is
    none (``at`` lies in a fence or comment that is never closed)."""
    text = doc.text
    if at == 0 and text.startswith("\ufeff"):
        return 1
    for s in doc.sections:
        if s.heading.start < at < s.heading.end:
            return s.heading.end
    if text[at:].strip() == "" and _may_be_unclosed(doc):
        for u in unclosed(text):
            if u.start < at < u.end or (u.start < at and u.end >= len(text)):
                return None
    return at


def _may_be_unclosed(doc: PostmortemDoc) -> bool:
    """Cheap test before a block parse: a code block reaching the end, or an HTML opener."""
    tail = doc.text.rstrip()
    ends_in_code = any(r.end >= len(tail) for r in doc.code_regions[-1:])
    # a line after a lone CR (old Mac line breaks) starts a line too
    return ends_in_code or _HTML_OPENER.search(lf_equivalent(doc.text)) is not None
