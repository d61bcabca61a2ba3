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

from pm_lsp.cache import lru

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


@lru(4)
def system_words(text: str) -> frozenset[str]:
    """The capitalised words ``text`` uses as a system (memoised by the document text: read
    once per lint, whatever the number of candidate sentences). A few entries only: each
    key is a whole document version, and the language server makes one per edit (256 of
    them held ~95 MB of old texts of a 10,000-word postmortem)."""
    out: set[str] = set()
    for m in _CODE.finditer(text):
        for w in _WORD.findall(m.group(1)):
            out.add(w)
            out.add(w[:1].upper() + w[1:])
    for rx in (_VERSIONED, _SYSTEM_NOUN, _OPERATED):
        out.update(m.group(m.lastindex or 1) for m in rx.finditer(text))
    return frozenset(out)
