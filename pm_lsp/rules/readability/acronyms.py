"""PM603 undefined-acronym: an acronym the postmortem never spells out.

A postmortem outlives the team that wrote it and is read by people who were not there:
other teams, managers, new hires a year later. The practitioners' guides ask for context
for those readers, and PagerDuty's template says it plainly: define any technical lingo
and acronyms. An acronym is defined when the document spells it out anywhere, in any of
the ways people write that: "Border Gateway Protocol (BGP)", "BGP (Border Gateway
Protocol)", "BGP stands for ...", a glossary line "BGP: ..." or a glossary table row, or
any layout whose words next to the acronym spell its letters ("the USE method:
utilization, saturation and errors", in a footnote: :mod:`expansions`).

Precision first: only paragraphs, list items and table cells of three words or more are
read (headings, header cells, shorter cells and quotes hold labels, shorthand and other
people's words; a cell such as "pages the on-call QQX" or a timeline row is prose, and an
acronym used only there was missed); a block written mostly in capitals
is a label or a shout, not prose; acronyms every engineer reads without thinking (HTTP,
DNS, UTC, ...) and words that are simply written in capitals (SQL keywords, log levels)
are listed in ``rules/readability.toml`` and never reported, nor are the words the blame
family lists as shouted for emphasis ("JUST", "NEVER"); a team adds its own with the
``known`` option. Each acronym is reported once, at its first use, as ``info``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator

from pm_lsp.cache import lru
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.rules.readability.expansions import spelled_out
from pm_lsp.rules.readability.specs import undefined_acronym
from pm_lsp.rules.spec import Finding, RuleContext, rule

FAMILY = "readability"

#: two to six capitals, an optional plural "s", not glued to a word, path, handle or flag.
#: What comes before is tested after the first capital (a lookbehind over it and the
#: character before it), so that the pattern opens with a character set: ``re`` then skips
#: to the next capital instead of trying a lookbehind at every position of every block.
_ACRONYM = re.compile(r"([A-Z](?<![\w@#/.:\\-].)[A-Z]{1,5})s?(?![\w/\\-])")
#: what every acronym, use or definition, holds: a block without it defines none
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
#: a word in capitals just before or after: a phrase in capitals ("START OF OUTAGE", "IS NOT
#: NULL"), a label or code, not an acronym in prose
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}\W{1,3}$")
_CAPS_AFTER = re.compile(r"\W{1,3}[A-Z]{2,}\b")
#: an amount just before or after three capitals: they are its currency ("EUR 1.2M",
#: "40,000 USD", "NOK 5,000"), an ISO code every reader of a money figure reads as one
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*\s?[kKmMbB]?n?\s?$")
_AMOUNT_AFTER = re.compile(r"\s?[$€£¥]?\d")


#: the ways a document spells an acronym out, each capturing the acronym: "Border Gateway
#: Protocol (BGP)", "BGP (Border Gateway Protocol)", "BGP stands for ..."
_DEFINED_IN_TEXT = re.compile(
    r"\(([A-Z]{2,6})s?[),;]"
    r"|\b([A-Z]{2,6})s? \((?=[A-Za-z])"
    r"|\b([A-Z]{2,6})s?,? (?:stands for|means|is short for|short for)\b"
)
#: what each way of :data:`_DEFINED_IN_TEXT` holds: a parenthesis or the phrase
_DEFINITION_MARKS = ("(", "stands for", "means", "short for")
#: a glossary line or list item: "BGP: ...", "BGP - ..." at the start of a block
_GLOSSARY_LINE = re.compile(r"\s*([A-Z]{2,6})s?\s*(?::|=|-|–|—)\s*\w")


@lru(16_384)
def _uses(text: str) -> tuple[tuple[int, str], ...]:
    """The acronyms used in one prose block, as (offset in the block, acronym), in order;
    none when the block is mostly capitals (a label, a log line or a shout, not prose), and
    not those next to another word in capitals (a phrase in capitals, a label or code) nor
    three capitals next to an amount (its currency)."""
    if not _ACRONYM.search(text):
        return ()
    if _mostly_capitals(text):
        return ()
    out = []
    for m in _ACRONYM.finditer(text):
        # a window before the match is enough for "a capitalised word, then 1-3
        # separators"; ``\b`` still sees the character before the window
        if _CAPS_BEFORE.search(text, max(0, m.start() - 64), m.start()):
            continue
        if _CAPS_AFTER.match(text, m.end()):
            continue
        if len(m.group(0)) == 3 and (
            _AMOUNT_AFTER.match(text, m.end())
            or _AMOUNT_BEFORE.search(text, max(0, m.start() - 24), m.start())
        ):
            continue  # a currency code with its amount
        out.append((m.start(1), m.group(1)))
    return tuple(out)


#: ASCII capitals and letters, as bytes to delete (:func:`_mostly_capitals`)
_CAPITALS = string.ascii_uppercase.encode()
_LETTERS = string.ascii_letters.encode()


def _mostly_capitals(text: str) -> bool:
    """Are more than half of a block's letters capitals? Asked of every prose block that
    holds an acronym; an ASCII text is counted by deleting its capitals and its letters
    from its bytes (two calls in C instead of a Python-level test per character: the same
    counts, as an ASCII character is upper-case or a letter exactly when it is one of
    these)."""
    if not text.isascii():
        return 2 * sum(map(str.isupper, text)) > sum(map(str.isalpha, text))
    raw = text.encode("ascii")
    capitals = len(raw) - len(raw.translate(None, _CAPITALS))
    return 2 * capitals > len(raw) - len(raw.translate(None, _LETTERS))


@lru(16_384)
def _definitions(text: str, cell: bool) -> frozenset[str]:
    """The acronyms one block spells out (``cell``: the block is a table cell, where the
    acronym alone in its cell is a glossary table's row). Most blocks hold no two capitals
    in a row, and so no definition: they are not searched; nor is a block searched for the
    ways of spelling out when it holds none of their marks (:data:`_DEFINITION_MARKS`)."""
    if _TWO_CAPITALS.search(text) is None:
        return frozenset()
    out: set[str] = set()
    if any(mark in text for mark in _DEFINITION_MARKS):
        out.update(m.group(m.lastindex or 1) for m in _DEFINED_IN_TEXT.finditer(text))
    g = _GLOSSARY_LINE.match(text)
    if g:
        out.add(g.group(1))
    out.update(spelled_out(text, [(m.start(1), m.group(1)) for m in _ACRONYM.finditer(text)]))
    if cell and _ACRONYM.fullmatch(text.strip()):
        out.add(text.strip())
    return frozenset(out)


def undefined_acronyms(doc: PostmortemDoc, known: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(offset, acronym) of the first use of each acronym the document never defines.

    Only paragraphs and list items outside quotes are read for uses; every block (headings
    and table cells too) may define one."""
    skip = set(known)
    defined: set[str] | None = None  # read once, when the first candidate needs it
    seen: set[str] = set()
    headers: set[int] | None = None  # header cells' starts, read at the first table cell
    for b in doc.blocks:
        if b.kind == "table_cell":
            if headers is None:
                headers = {c.start for t in doc.tables for c in t.header}
            if b.start in headers or not _cell_prose(b.text):
                continue
        elif b.kind not in ("paragraph", "list_item") or b.in_quote:
            continue
        for rel, acronym in _uses(b.text):
            if acronym in skip or acronym in seen:
                continue
            seen.add(acronym)
            if defined is None:
                defined = set().union(
                    *(_definitions(d.text, d.kind == "table_cell") for d in doc.blocks)
                )
            if acronym not in defined:
                yield b.start + rel, acronym


#: a word of a table cell (:func:`_cell_prose`)
_CELL_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: a cell of this many words is a phrase or a sentence ("Marketing QQX by channel",
#: "pages the on-call QQX"), read like prose; a shorter one is a label or shorthand
_CELL_PROSE_WORDS = 3


@lru(16_384)
def _cell_prose(text: str) -> bool:
    """Is a table cell written as words (an event, an action, a report's name) rather
    than a label, a value or shorthand ("QQX restart", "P1", "us-east-1")? Memoised: every
    cell is asked on every lint."""
    return len(_CELL_WORD.findall(text)) >= _CELL_PROSE_WORDS


@rule(undefined_acronym)
def check_undefined_acronym(ctx: RuleContext) -> Iterator[Finding]:
    known = [
        *ctx.pack.words(FAMILY, "known-acronyms"),
        *ctx.option("known"),
        *_emphasis(ctx),
    ]
    for offset, acronym in undefined_acronyms(ctx.doc, known):
        yield Finding(
            offset,
            offset + len(acronym),
            ctx.pack.message(FAMILY, "undefined-acronym", acronym=acronym),
            data={"acronym": acronym},
        )


def _emphasis(ctx: RuleContext) -> list[str]:
    """Words written in capitals for emphasis ("we JUST missed it", "it NEVER paged"): the
    blame family's shouting words and minimisers (``rules/blame.toml``), named there once.
    In capitals they are a shout, which PM106 reads, not an acronym."""
    words = [*ctx.pack.words("blame", "shouting-words"), *ctx.pack.words("blame", "minimisers")]
    return [w.upper() for w in words]


RULES = (check_undefined_acronym,)
