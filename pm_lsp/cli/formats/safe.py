"""Text from documents made safe for each output: a terminal, XML, JSON.

Messages quote the document (a heading, a flagged word) and the text report shows its source
line, so whatever a document holds reaches the output: an ESC that recolours the terminal or
moves the cursor, a vertical tab that XML 1.0 forbids, a file name with undecodable bytes
(Python carries those as lone surrogates, which no UTF-8 stream can write). Each format
escapes what it cannot carry, visibly and in the same spelling everywhere: a byte or control
character as ``\\x1b``, any other code point as ``\\u202e``, so a reader sees that something
was there and what it was.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

#: Bidirectional embedding, override and isolate controls: they reorder what a terminal
#: shows ("Trojan Source"), so the text report shows them as escapes. Right-to-left
#: letters themselves are text and are left alone.
_BIDI = "\u202a-\u202e\u2066-\u2069"
#: lone surrogates: no UTF-8 output can carry them
_SURROGATES = "\ud800-\udfff"

#: what a terminal must not receive: C0 and C1 controls and DEL (tab is kept: the text
#: report expands it), line and paragraph separators, bidi controls, lone surrogates
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_SURROGATES}]")
#: what XML 1.0 cannot hold at all, even as a character reference
_XML_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff{_SURROGATES}]")
#: in serialised JSON (``ensure_ascii=False``): lone surrogates, and the characters that
#: JSON allows raw in a string but line-based readers split on (NEL, LS, PS)
_JSON_UNSAFE = re.compile(f"[\x85\u2028\u2029{_SURROGATES}]")


def escape_char(ch: str) -> str:
    """``\\x1b`` for a control character; for an undecodable byte carried as a surrogate
    (``surrogateescape``), that byte; ``\\uXXXX`` otherwise."""
    cp = ord(ch)
    if 0xDC80 <= cp <= 0xDCFF:
        return f"\\x{cp - 0xDC00:02x}"
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def for_terminal(s: str, keep: str = "") -> str:
    """``s`` with every character a terminal would act on shown as an escape; ``keep`` names
    characters that the caller handles itself (GitHub's ``%0A`` for a newline)."""

    def sub(m: re.Match[str]) -> str:
        return m.group() if m.group() in keep else escape_char(m.group())

    return _TERMINAL_UNSAFE.sub(sub, s)


def for_xml(s: str) -> str:
    """``s`` with what XML 1.0 forbids shown as escapes; the rest is escaped by the writer."""
    return _XML_UNSAFE.sub(lambda m: escape_char(m.group()), s)


def _json_char(m: re.Match[str]) -> str:
    ch = m.group()
    if "\ud800" <= ch <= "\udfff":
        return "\\" + escape_char(ch)  # the escape's backslash, itself escaped for JSON
    return f"\\u{ord(ch):04x}"  # a JSON escape: parsed back to the same character


def dumps(obj: Any, indent: int | None = None) -> str:
    """JSON for any input: UTF-8 encodable, one line per record when ``indent`` is None."""
    return _JSON_UNSAFE.sub(_json_char, json.dumps(obj, ensure_ascii=False, indent=indent))


def dump(obj: Any, out: TextIO, indent: int | None = 2) -> None:
    out.write(dumps(obj, indent) + "\n")
