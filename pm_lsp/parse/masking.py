"""Equal-length masking of Markdown markup inside prose.

Rules and spaCy read prose, but diagnostics must point into the original file. Instead of
rendering Markdown into a new string (whose offsets differ), every character that is not
prose is replaced in place: markup and link targets by spaces, inline code by a neutral
placeholder word, so ``masked[i]`` is always the character at ``text[i]`` or a stand-in.
Line breaks are never masked, so line numbers survive as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: Stand-in character for inline code: a letter keeps the sentence parseable ("Run xxxxx in
#: CI") while matching no lexicon entry.
CODE_PLACEHOLDER = "x"

#: any character or word that can start inline markup; without one, nothing is masked
_MARKUP_HINT = re.compile(r"[`<>\[\]*_~\\]|https?:|ftp:|www\.")
_TICK_RUN = re.compile(r"`+")
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_WWW_URL = re.compile(r"\bwww\.[A-Za-z0-9-]+\.[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_STAR_RUN = re.compile(r"\*+")
_TILDE_RUN = re.compile(r"~~+")
_UNDERSCORE_RUN = re.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")

# Stop sets of the image scan: where its alt text, its target or its label ends.
_CLOSE_BRACKET = re.compile(r"[\]\n]")
_CLOSE_PAREN = re.compile(r"[)\n]")


def blank(s: str) -> str:
    """Spaces of the same length as ``s``, keeping its line breaks."""
    return _NOT_NEWLINE.sub(" ", s)


def _sub_blank(pattern: re.Pattern[str], s: str) -> str:
    return pattern.sub(lambda m: blank(m.group(0)), s)


class _Stops:
    """The next character of one class at or after a position, for scans that move forward.

    A search that found the next stop at ``r`` from ``p`` answers every later question from
    between ``p`` and ``r`` without reading the text again, so a pass that asks from each
    opener in turn reads each character about once.
    """

    def __init__(self, s: str, pattern: re.Pattern[str]) -> None:
        self.s = s
        self.pattern = pattern
        self.asked = 0
        self.found = -1

    def next(self, p: int) -> int:
        """The first stop at or after ``p``; the text's length if there is none."""
        if not self.asked <= p <= self.found:
            m = self.pattern.search(self.s, p)
            self.asked, self.found = p, m.start() if m else len(self.s)
        return self.found


def _replace(s: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``s`` with each ``(start, end, replacement)`` applied (in order, not overlapping)."""
    out: list[str] = []
    pos = 0
    for start, end, repl in spans:
        out.append(s[pos:start])
        out.append(repl)
        pos = end
    if not out:
        return s
    out.append(s[pos:])
    return "".join(out)


def mask_code_spans(s: str) -> str:
    """Replace each inline code span (backticks included) by the placeholder.

    A span opens at a backtick run and closes at the next run of the same length; a run
    with no such partner is literal text. Runs are listed once and grouped by length, so
    finding the partner is a lookup (searching the rest of the text from every unmatched
    run was quadratic on text of many different runs).
    """
    if "`" not in s:
        return s
    runs = [(m.start(), m.end()) for m in _TICK_RUN.finditer(s)]
    by_length: dict[int, list[int]] = {}
    rank: list[int] = []  # place of each run among the runs of its length
    for idx, (a, b) in enumerate(runs):
        same = by_length.setdefault(b - a, [])
        rank.append(len(same))
        same.append(idx)
    spans: list[tuple[int, int, str]] = []
    idx = 0
    while idx < len(runs):
        a, b = runs[idx]
        same = by_length[b - a]
        if rank[idx] + 1 < len(same):
            close = same[rank[idx] + 1]
            end = runs[close][1]
            spans.append((a, end, _NOT_NEWLINE.sub(CODE_PLACEHOLDER, s[a:end])))
            idx = close + 1
        else:
            idx += 1  # an unmatched run is literal text
    return _replace(s, spans)


def html_comments(s: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each ``<!-- ... -->`` in ``s``, as ``<!--.*?-->`` (dot-all) finds
    them: each opener takes the first closer after it.

    Once no closer follows an opener, none follows a later one either, so the scan stops
    there instead of searching to the end of the text again from every opener.
    """
    pos = 0
    while True:
        start = s.find("<!--", pos)
        if start < 0:
            return
        close = s.find("-->", start + 4)
        if close < 0:
            return
        pos = close + 3
        yield start, pos


def _mask_comments(s: str) -> str:
    return _replace(s, ((a, b, blank(s[a:b])) for a, b in html_comments(s)))


# Link syntax is read from each opener the way a regex reads it, with one difference in cost:
# every opener between two stops (``]`` or a line break) reaches the same ``]`` and the same
# continuation after it, so when one fails they all do, and the scan moves on to that stop.
# A pattern tried from each ``[`` in turn re-read the rest of the line every time (100 KB of
# ``[`` took minutes); this reads each stretch of text a bounded number of times.


def _mask_images(s: str) -> str:
    """Blank ``![alt](target)`` and ``![alt][label]`` (alt, target and label on one line)."""
    if "![" not in s or ("](" not in s and "][" not in s):
        return s
    alt = _Stops(s, _CLOSE_BRACKET)
    target = _Stops(s, _CLOSE_PAREN)
    label = _Stops(s, _CLOSE_BRACKET)
    spans: list[tuple[int, int, str]] = []
    i = s.find("![")
    while i >= 0:
        k = alt.next(i + 2)
        close = len(s)
        if k + 1 < len(s) and s[k] == "]":
            if s[k + 1] == "(":
                close = target.next(k + 2)
            elif s[k + 1] == "[":
                close = label.next(k + 2)
        if close < len(s) and s[close] != "\n":
            spans.append((i, close + 1, blank(s[i : close + 1])))
            i = s.find("![", close + 1)
        else:
            i = s.find("![", k)
    return _replace(s, spans)


# Inline links, reference links and footnote references are one pattern each, with a last
# alternative that takes a failed opener up to its stop: that is where every later opener
# before the stop would fail in the same way, so the search resumes there instead of trying
# each of them (and re-reading the line from each). The fallback is replaced by itself.
_INLINE_LINK = re.compile(r"(\[)([^\]\n]*)(\]\((?:[^()\n]|\([^()\n]*\))*\))|\[[^\]\n]*")
_REF_LINK = re.compile(r"(\[)([^\]\n]+)(\]\[[^\]\n]*\])|\[[^\]\n]*")
_FOOTNOTE_REF = re.compile(r"(\[\^[^\]\s]+\])|\[\^[^\]\s]*")


def _link_texts(pattern: re.Pattern[str], s: str) -> Iterator[tuple[int, int, str]]:
    for m in pattern.finditer(s):
        if m.group(1) is not None:  # a link, not a failed opener
            yield m.start(), m.end(), " " + m.group(2) + blank(m.group(3))


def _mask_links(s: str) -> str:
    """Keep the text of ``[text](target)`` and ``[text][label]``, blank the rest: inline links
    first over the whole text, then reference links over the result."""
    if "](" in s:
        s = _replace(s, _link_texts(_INLINE_LINK, s))
    if "][" in s:
        s = _replace(s, _link_texts(_REF_LINK, s))
    return s


def _mask_footnote_refs(s: str) -> str:
    """Blank ``[^name]`` (a name without spaces)."""
    if "[^" not in s:
        return s
    found = (m.span(1) for m in _FOOTNOTE_REF.finditer(s) if m.group(1) is not None)
    return _replace(s, ((a, b, " " * (b - a)) for a, b in found))


def mask_inline(s: str) -> str:
    """Mask inline Markdown in ``s`` to an equal-length prose string.

    Order matters: code spans first (their contents are opaque), then comments and HTML,
    then link targets and URLs, and emphasis delimiters last. Every step takes time linear
    in the length of ``s``, whatever it holds (tests/test_linear_time.py).
    """
    if not _MARKUP_HINT.search(s):
        return s  # plain prose: the common case, and the hot path on long documents
    s = mask_code_spans(s)
    s = _mask_comments(s)
    s = _sub_blank(_AUTOLINK, s)
    s = _sub_blank(_HTML_TAG, s)
    s = _mask_images(s)
    s = _mask_links(s)
    s = _mask_footnote_refs(s)
    s = _sub_blank(_BARE_URL, s)
    s = _sub_blank(_WWW_URL, s)
    s = _ESCAPE.sub(" ", s)
    s = _sub_blank(_STAR_RUN, s)
    s = _sub_blank(_TILDE_RUN, s)
    s = _sub_blank(_UNDERSCORE_RUN, s)
    return s


_CONTAINER_PREFIX = re.compile(
    r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?(?:\[[ xX]\](?:[ \t]+|$))?"
)
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_INDENT = re.compile(r"^[ \t]+")


def container_prefix_length(line: str, *, first_line: bool, in_list: bool) -> int:
    """Length of the blockquote/list-marker/indent prefix that opens ``line``.

    A list marker is only taken on the first line of a list paragraph: on continuation
    lines a leading "-" is text ("- 3 hosts" cannot start a nested item without a blank
    line being a list of its own, which markdown-it would have split off).
    """
    if first_line and in_list:
        m = _CONTAINER_PREFIX.match(line)
        return m.end() if m else 0
    m = _QUOTE_PREFIX.match(line) or _INDENT.match(line)
    if m and _QUOTE_PREFIX.match(line):
        rest = line[m.end() :]
        ind = _INDENT.match(rest)
        return m.end() + (ind.end() if ind else 0)
    return m.end() if m else 0
