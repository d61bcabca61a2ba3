"""Capitalised words a document uses as a system or product somewhere.

A proper noun that the name list and the entity recogniser do not know may still be the
agent of a blame claim ("Pinkiebell ignored the warning"), but a product written with a
capital is just as often the subject of the same verbs ("Nginx ignored the header"). What
separates them is how the rest of the document uses the word: a product appears in a
code span (`` `nginx -s reload` ``), with a version number ("Nginx 1.25"), before a system
noun ("the Nginx proxy") or as the object of an operation ("we upgraded Nginx"). A word
used that way anywhere in the document is not read as a person anywhere in it. The nouns
that are also verbs count in the singular only: "ACME releases v2 at noon" narrates an
organisation's act, "the ACME release" names a product.
"""

from __future__ import annotations

import re

from pm_lsp.cache import Memo

_CODE = re.compile(r"(?<!`)`++([^`\n]+)`")
_WORD = re.compile(r"[A-Za-z][\w.-]*")
_VERSIONED = re.compile(r"(?<![\w-])([A-Z][\w-]*+)\s+v?\d+(?:\.\d+)+")
_SYSTEM_NOUN = re.compile(
    r"(?<![\w-])([A-Z][\w-]*+)\s+(?:cluster|service|server|node|bot|daemon|job|instance|operator|"
    r"controller|chart|api|sdk|client|library|database|pod|agent|proxy|app|plugin|container|"
    r"image|version|binary|validator|deployment)s?\b|(?<![\w-])([A-Z][\w-]*+)\s+"
    r"(?:release|upgrade|process|host)\b"
)
_OPERATED = re.compile(
    r"\b(?:upgrad|deploy|install|restart|configur|reboot|downgrad|patch|redeploy|uninstall|"
    r"migrat)\w*\s+(?:the\s+|our\s+)?([A-Z][\w-]*)"
)


def system_words(text: str, memo: Memo[frozenset[str]] | None = None) -> frozenset[str]:
    """The capitalised words ``text`` uses as a system.

    Read once per lint (a document analysis), but on a long document the patterns' scan
    of the whole text was a large part of an edit's cost. The text is cut where no match
    can cross (:func:`segments`) and each segment's words are kept in ``memo`` by its
    text, so an edit scans only the segment it changed; the answer is the union, the
    same as one scan of the whole text (:func:`words_in`)."""
    if memo is None:
        return frozenset().union(*map(words_in, segments(text)))
    parts: list[frozenset[str]] = []
    for seg in segments(text):
        got = memo.get(seg)
        parts.append(memo.put(seg, words_in(seg)) if got is None else got)
    return frozenset().union(*parts)


def words_in(text: str) -> frozenset[str]:
    """The capitalised words ``text`` uses as a system, by one scan of the patterns."""
    out: set[str] = set()
    for m in _CODE.finditer(text):
        for w in _WORD.findall(m.group(1)):
            out.add(w)
            out.add(w[:1].upper() + w[1:])
    for rx in (_VERSIONED, _SYSTEM_NOUN, _OPERATED):
        out.update(m.group(m.lastindex or 1) for m in rx.finditer(text))
    return frozenset(out)


def _wordlike(c: str) -> bool:
    """``c`` matches ``[\\w-]`` (the regex engine's ``\\w`` is ``isalnum`` or ``_``)."""
    return c.isalnum() or c in "_-"


def segments(text: str) -> list[str]:
    """``text`` cut at blank lines that no match of the patterns can cross.

    Only a whitespace run (``\\s+``) in a pattern can hold a line break, and each such run
    stands between a ``[\\w-]`` character (the end of a name, verb or "the") and a ``\\w``
    one (a version, a noun, a name), so a match holds the whole run between two such
    characters. A blank line in a run with anything else on either side (a sentence's
    full stop, a list marker, a table's pipe) is a cut, made between its two line breaks:
    every match lies within one segment, and the lookbehinds and ``\\b`` at a segment's
    edge see what they saw in the whole text (a line break or nothing, neither a word
    character). The pieces join back into ``text``. Cut at blank lines (paragraphs), not
    at every line break: the text is split by one C call, and the loop runs once per
    paragraph.
    """
    out: list[str] = []
    blank = "\r\n\r\n" if "\r\n" in text else "\n\n"  # a blank line between paragraphs
    half = len(blank) // 2  # a cut falls between its two line breaks
    start = 0  # of the current segment
    pos = 0  # where the current paragraph starts
    before = ""  # the last character before it that is not whitespace
    for para in text.split(blank):
        body = para.lstrip()
        if body:
            if before and not (_wordlike(before) and (body[0].isalnum() or body[0] == "_")):
                out.append(text[start : pos - half])
                start = pos - half
            before = para.rstrip()[-1]
        pos += len(para) + len(blank)
    out.append(text[start:])
    return out
