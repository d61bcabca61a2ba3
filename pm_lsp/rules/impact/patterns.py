"""Can a statement pattern see across the newline that joins two blocks?

PM403 looks for a data-loss statement in the document's prose: the blocks' masked texts
joined by newlines. It scans block by block, memoised per block, only when every statement
pattern finds in the joined text exactly the matches it finds in each block alone, which
holds when the pattern cannot match a newline (no match crosses a join, and a match in one
block cannot shadow one in the next), its only anchors are word boundaries (which read a
newline and the edge of the text alike), and it cannot match the empty string.

:func:`block_local` decides that from the pattern's source, reading a small subset of
Python's regular-expression syntax: literal characters, escaped punctuation, ``\\w``,
``\\d``, ``\\S``, ``\\b``, classes that hold no newline (a negated one must list it:
``[^.;\\n]``), groups (plain, named, non-capturing, atomic, with scoped flags),
lookarounds, back-references, alternation and quantifiers. Anything else answers "not
proven" (the rule then scans the joined text), so the answer is conservative; the bundled
patterns are all inside the subset.
"""

from __future__ import annotations

import re

#: a repetition count: ``{m}``, ``{m,}``, ``{m,n}`` or ``{,n}`` (group 1 or 3: the minimum)
_COUNT = re.compile(r"\{(\d+)(?:,\d*)?\}|\{,\d+\}")
_DIGITS = frozenset("0123456789")
#: escapes of one character that is never a newline
_SAFE_CLASSES = frozenset("wdS")
#: the inline flags that change nothing here (``x`` changes what whitespace means)
_FLAGS = frozenset("aiLmsu")


class _NotProven(Exception):
    """The pattern uses syntax outside the subset, or may match a newline."""


def block_local(pat: re.Pattern[str]) -> bool:
    """True if ``pat`` is proven to find, in blocks joined by newlines, exactly the matches
    it finds in each block alone (see the module's docstring)."""
    if pat.flags & re.VERBOSE:
        return False
    try:
        return _Reader(pat.pattern).min_width() > 0
    except _NotProven:
        return False


class _Reader:
    """A recursive-descent reader of the subset; each method returns the minimum width of
    what it read and raises :class:`_NotProven` on anything outside the subset."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0

    def min_width(self) -> int:
        width = self._alternation()
        if self.i != len(self.src):
            raise _NotProven
        return width

    def _peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.src[j] if j < len(self.src) else ""

    def _alternation(self) -> int:
        widths = [self._sequence()]
        while self._peek() == "|":
            self.i += 1
            widths.append(self._sequence())
        return min(widths)

    def _sequence(self) -> int:
        total = 0
        while self._peek() not in ("", "|", ")"):
            total += self._repeated(self._atom())
        return total

    def _repeated(self, width: int) -> int:
        c = self._peek()
        if c in ("*", "?"):
            self.i += 1
            width = 0
        elif c == "+":
            self.i += 1
        elif c == "{":
            m = _COUNT.match(self.src, self.i)
            if m is None:
                raise _NotProven  # a literal brace, or a count this reader does not know
            self.i = m.end()
            width *= int(m.group(1) or 0)
        else:
            return width
        if self._peek() in ("?", "+"):  # lazy or possessive
            self.i += 1
        return width

    def _atom(self) -> int:
        c = self._peek()
        if c == "(":
            return self._group()
        if c == "[":
            return self._class()
        if c == "\\":
            return self._escape()
        if c in ".^$*+?{\n":  # any character, anchors, a stray quantifier, a newline
            raise _NotProven
        self.i += 1
        return 1

    def _escape(self) -> int:
        c = self._peek(1)
        self.i += 2
        if c == "b":
            return 0
        if c in _SAFE_CLASSES:
            return 1
        if c and c in "123456789":  # a back-reference repeats a group read above
            while self._peek() in _DIGITS:
                self.i += 1
            if all(d in _DIGITS for d in self.src[self.i - 3 : self.i]):
                raise _NotProven  # three digits: an octal escape
            return 0
        if not c or c.isalnum() or c == "\n":  # \s, \n, \x0a, \B, \A, ...: not proven
            raise _NotProven
        return 1  # escaped punctuation or space: that character

    def _group(self) -> int:
        src, i = self.src, self.i
        zero = False
        if src.startswith("(?P=", i):  # a named back-reference
            self.i = self._close(i)
            return 0
        if src.startswith("(?#", i):
            self.i = self._close(i)
            return 0
        if src.startswith(("(?:", "(?>", "(?=", "(?!"), i):
            zero = src[i + 2] in "=!"
            self.i = i + 3
        elif src.startswith(("(?<=", "(?<!"), i):
            zero = True
            self.i = i + 4
        elif src.startswith("(?P<", i):
            j = src.find(">", i)
            if j < 0:
                raise _NotProven
            self.i = j + 1
        elif src.startswith("(?", i):
            m = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(:|\))").match(src, i)
            if m is None or not set(m.group(1) + (m.group(2) or "")) <= _FLAGS:
                raise _NotProven  # a conditional group, or the verbose flag
            self.i = m.end()
            if m.group(3) == ")":  # global flags: nothing to match
                return 0
        else:
            self.i = i + 1
        width = self._alternation()
        if self._peek() != ")":
            raise _NotProven
        self.i += 1
        return 0 if zero else width

    def _close(self, i: int) -> int:
        j = self.src.find(")", i)
        if j < 0:
            raise _NotProven
        return j + 1

    def _class(self) -> int:
        """A class that holds no newline, or a negated one that lists it (``[^.;\\n]``)."""
        self.i += 1
        negated = self._peek() == "^"
        if negated:
            self.i += 1
        first = True
        newline_listed = False
        while True:
            c = self._peek()
            if not c:
                raise _NotProven
            if c == "]" and not first:
                self.i += 1
                if negated and not newline_listed:
                    raise _NotProven  # a negated class that does not list it: a newline
                return 1
            first = False
            if negated and self.src.startswith("\\n", self.i):
                self.i += 2
                newline_listed = True
                continue
            lo = self._class_item()
            if self._peek() == "-" and self._peek(1) not in ("]", ""):
                self.i += 1
                hi = self._class_item()
                if lo is None or hi is None or lo <= 10 <= hi:
                    raise _NotProven
            elif lo == 10 and not negated:
                raise _NotProven
            elif lo == 10:
                newline_listed = True

    def _class_item(self) -> int | None:
        """The code point of one class item, or None for ``\\w``, ``\\d``, ``\\S``."""
        c = self._peek()
        if c != "\\":
            self.i += 1
            return ord(c)
        e = self._peek(1)
        self.i += 2
        if e in _SAFE_CLASSES:
            return None
        if not e or e.isalnum() or e == "\n":
            raise _NotProven
        return ord(e)
