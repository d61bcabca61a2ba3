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
from collections.abc import Sequence

from pm_lsp.cache import Memo
from pm_lsp.nlp.words import at_word_start

# Each pattern opens with the character it needs (a backquote, a capital), its "not after a
# word" test written just after that character: Python's regex engine skips ahead to such a
# character, where a pattern opening with a lookbehind is tried at every position of the
# text (the scan of a 50,000-word document took 31 ms that way, 14 ms this way).
_CODE = re.compile(r"`(?<!``)`*+([^`\n]+)`")
_WORD = re.compile(r"[A-Za-z][\w.-]*")
_NAME = r"([A-Z](?<![\w-][A-Z])[\w-]*+)"  # a capitalised word, not inside another word
_VERSIONED = re.compile(_NAME + r"\s+v?\d+(?:\.\d+)+")
_SYSTEM_NOUN = re.compile(
    _NAME + r"\s+(?:(?:cluster|service|server|node|bot|daemon|job|instance|operator|"
    r"controller|chart|api|sdk|client|library|database|pod|agent|proxy|app|plugin|container|"
    r"image|version|binary|validator|deployment)s?\b|(?:release|upgrade|process|host)\b)"
)
#: verbs (as stems) whose object is a system: "we upgraded Nginx"
_OPERATIONS = (
    "upgrad deploy install restart configur reboot downgrad patch redeploy uninstall migrat"
)
_OPERATED = re.compile(
    "(?:"
    + "|".join(at_word_start(_OPERATIONS.split(" ")))
    + r")\w*\s+(?:the\s+|our\s+)?([A-Z][\w-]*)"
)


def system_words(
    text: str, memo: Memo[frozenset[str]] | None = None, headings: Sequence[int] = ()
) -> frozenset[str]:
    """The capitalised words ``text`` uses as a system.

    Read once per lint (a document analysis), but on a long document the patterns' scan
    of the whole text was a large part of an edit's cost. The text is cut where no match
    can cross (:func:`segments`) and each segment's words are kept in ``memo`` by its
    text, so an edit scans only the segment it changed; the answer is the union, the
    same as one scan of the whole text (:func:`words_in`). ``headings``: where the parsed
    document's headings start, when the caller has them: the text is then cut before
    those of them that open with ``#`` after a blank line (:func:`cut_before`), without
    a search of the text (on a text with a character outside ASCII, the search for the
    cuts took longer than the rest of the lookup)."""
    if memo is None:
        return frozenset().union(*map(words_in, segments(text)))
    pieces = cut_before(text, headings) if headings else sections(text)
    if len(pieces) == 1:
        return _segment_words(text, memo)
    parts: list[frozenset[str]] = []
    for piece in pieces:
        # a section's words under its text: an unchanged section costs one lookup, without
        # cutting it into paragraphs; a changed one is scanned whole, unless it is long
        # enough for its paragraphs to be worth keeping (then the table holds its text twice)
        got = memo.get(piece)
        if got is None:
            words = words_in(piece) if len(piece) <= _SCAN else _segment_words(piece, memo)
            got = memo.put(piece, words)
        parts.append(got)
    return frozenset().union(*parts)


def cut_before(text: str, starts: Sequence[int]) -> list[str]:
    """``text`` cut before each of ``starts`` (in order) where a ``#`` opens a line after a
    blank line, between the blank line's two line breaks: the cuts of :func:`sections`,
    placed by the caller (a ``#`` that no heading starts is simply not cut at, and no
    match crosses any such cut). The pieces join back into ``text``."""
    out: list[str] = []
    start = 0
    for p in starts:
        if text[p : p + 1] != "#":
            continue  # a Setext heading, or one indented
        if p >= 2 and text[p - 2 : p] == "\n\n":
            cut = p - 1
        elif p >= 4 and text[p - 4 : p] == "\r\n\r\n":
            cut = p - 2
        else:
            continue
        if cut > start:
            out.append(text[start:cut])
            start = cut
    out.append(text[start:])
    return out


#: a section this long or shorter is scanned whole when it changed (some 40 microseconds
#: of the four patterns), a longer one paragraph by paragraph through the memo
_SCAN = 8_000


def _segment_words(text: str, memo: Memo[frozenset[str]]) -> frozenset[str]:
    """:func:`words_in` of ``text``, segment by segment (:func:`segments`) through ``memo``."""
    parts: list[frozenset[str]] = []
    for seg in segments(text):
        got = memo.get(seg)
        parts.append(memo.put(seg, words_in(seg)) if got is None else got)
    return frozenset().union(*parts)


def sections(text: str) -> list[str]:
    """``text`` cut at the blank lines before a line that opens with ``#`` (an ATX
    heading, mostly), between the blank line's two line breaks: cuts of :func:`segments`'
    kind (a ``#`` is not a word character, so no match crosses one), found by ``str.find``
    and placed by the text itself, so an edit changes the one section it is in. The
    pieces join back into ``text``.

    On a long document the cut into paragraphs was most of :func:`system_words`' cost on
    every lint, even when every paragraph's words were in the memo; cut into sections
    first, only the sections an edit changed are cut into paragraphs."""
    blank = "\r\n\r\n#" if "\r\n" in text else "\n\n#"
    half = (len(blank) - 1) // 2
    out: list[str] = []
    start = 0
    i = text.find(blank)
    while i >= 0:
        cut = i + half
        out.append(text[start:cut])
        start = cut
        i = text.find(blank, i + len(blank))
    out.append(text[start:])
    return out


def words_in(text: str) -> frozenset[str]:
    """The capitalised words ``text`` uses as a system, by one scan of the patterns."""
    out: set[str] = set()
    for m in _CODE.finditer(text):
        for w in _WORD.findall(m.group(1)):
            out.add(w)
            out.add(w[:1].upper() + w[1:])
    for rx in (_VERSIONED, _SYSTEM_NOUN, _OPERATED):
        out.update(rx.findall(text))
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
