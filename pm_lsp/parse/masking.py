"""Equal-length masking of Markdown markup inside prose.

Rules and spaCy read prose, but diagnostics must point into the original file. Instead of
rendering Markdown into a new string (whose offsets differ), every character that is not
prose is replaced in place: markup and link targets by spaces, inline code by a neutral
placeholder word, so ``masked[i]`` is always the character at ``text[i]`` or a stand-in.
Line breaks are never masked, so line numbers survive as well.
"""

from __future__ import annotations

import re

#: Stand-in character for inline code: a letter keeps the sentence parseable ("Run xxxxx in
#: CI") while matching no lexicon entry.
CODE_PLACEHOLDER = "x"

#: any character or word that can start inline markup; without one, nothing is masked
_MARKUP_HINT = re.compile(r"[`<>\[\]*_~\\]|https?:|ftp:|www\.")
_CODE_SPAN_OPEN = re.compile(r"(?<!`)(`+)(?!`)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_INLINE_LINK = re.compile(r"(\[)([^\]\n]*)(\]\((?:[^()\n]|\([^()\n]*\))*\))")
_REF_LINK = re.compile(r"(\[)([^\]\n]+)(\]\[[^\]\n]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_WWW_URL = re.compile(r"\bwww\.[A-Za-z0-9-]+\.[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_STAR_RUN = re.compile(r"\*+")
_TILDE_RUN = re.compile(r"~~+")
_UNDERSCORE_RUN = re.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")


def blank(s: str) -> str:
    """Spaces of the same length as ``s``, keeping its line breaks."""
    return re.sub(r"[^\r\n]", " ", s)


def _sub_blank(pattern: re.Pattern[str], s: str) -> str:
    return pattern.sub(lambda m: blank(m.group(0)), s)


def mask_code_spans(s: str) -> str:
    """Replace each inline code span (backticks included) by the placeholder."""
    out: list[str] = []
    pos = 0
    while True:
        m = _CODE_SPAN_OPEN.search(s, pos)
        if m is None:
            break
        ticks = m.group(1)
        close = re.compile(r"(?<!`)" + ticks + r"(?!`)").search(s, m.end())
        if close is None:
            # An unmatched run is literal text; skip past it.
            out.append(s[pos : m.end()])
            pos = m.end()
            continue
        out.append(s[pos : m.start()])
        span = s[m.start() : close.end()]
        out.append(re.sub(r"[^\r\n]", CODE_PLACEHOLDER, span))
        pos = close.end()
    out.append(s[pos:])
    return "".join(out)


def mask_inline(s: str) -> str:
    """Mask inline Markdown in ``s`` to an equal-length prose string.

    Order matters: code spans first (their contents are opaque), then comments and HTML,
    then link targets and URLs, and emphasis delimiters last.
    """
    if not _MARKUP_HINT.search(s):
        return s  # plain prose: the common case, and the hot path on long documents
    s = mask_code_spans(s)
    s = _sub_blank(_HTML_COMMENT, s)
    s = _sub_blank(_AUTOLINK, s)
    s = _sub_blank(_HTML_TAG, s)
    s = _sub_blank(_IMAGE, s)
    s = _INLINE_LINK.sub(lambda m: " " + m.group(2) + blank(m.group(3)), s)
    s = _REF_LINK.sub(lambda m: " " + m.group(2) + blank(m.group(3)), s)
    s = _sub_blank(_FOOTNOTE_REF, s)
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
