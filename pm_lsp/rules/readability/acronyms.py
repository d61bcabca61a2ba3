"""PM603 undefined-acronym: an acronym the postmortem never spells out.

A postmortem outlives the team that wrote it and is read by people who were not there:
other teams, managers, new hires a year later. The practitioners' guides ask for context
for those readers, and PagerDuty's template says it plainly: define any technical lingo
and acronyms. An acronym is defined when the document spells it out anywhere, in any of
the ways people write that: "Border Gateway Protocol (BGP)", "BGP (Border Gateway
Protocol)", "BGP stands for ...", a glossary line "BGP: ..." or a glossary table row.

Precision first: only paragraphs and list items are read (headings, table cells and
quotes hold labels, shorthand and other people's words); a block written mostly in capitals
is a label or a shout, not prose; acronyms every engineer reads without thinking (HTTP,
DNS, UTC, ...) and words that are simply written in capitals (SQL keywords, log levels)
are listed in ``rules/readability.toml`` and never reported; a team adds its own with the
``known`` option. Each acronym is reported once, at its first use, as ``info``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pm_lsp.model.document import Block, PostmortemDoc
from pm_lsp.rules.readability.specs import undefined_acronym
from pm_lsp.rules.spec import Finding, RuleContext, rule

FAMILY = "readability"

#: two to six capitals, an optional plural "s", not glued to a word, path, handle or flag
_ACRONYM = re.compile(r"(?<![\w@#/.:\\-])([A-Z]{2,6})s?(?![\w/\\-])")
#: a word in capitals just before or after: a phrase in capitals ("START OF OUTAGE", "IS NOT
#: NULL"), a label or code, not an acronym in prose
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}\W{1,3}$")
_CAPS_AFTER = re.compile(r"^\W{1,3}[A-Z]{2,}\b")


def _definitions(acronym: str) -> re.Pattern[str]:
    """The ways a document spells out ``acronym`` (read on the masked text of any block)."""
    a = re.escape(acronym)
    return re.compile(
        rf"\({a}s?[),;]"  # Border Gateway Protocol (BGP)
        rf"|\b{a}s? \((?=[A-Za-z])"  # BGP (Border Gateway Protocol)
        rf"|\b{a}s?,? (?:stands for|means|is short for|short for)\b"
        rf"|^\s*{a}s?\s*(?::|=|-|–|—)\s*\w"  # a glossary line or list item
    )


def _prose(doc: PostmortemDoc) -> Iterator[Block]:
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item") or b.in_quote:
            continue
        letters = [c for c in b.text if c.isalpha()]
        if letters and 2 * sum(c.isupper() for c in letters) > len(letters):
            continue  # a label, a log line or a shout, not prose
        yield b


def _defined(doc: PostmortemDoc, acronym: str) -> bool:
    pattern = _definitions(acronym)
    for b in doc.blocks:
        if b.kind == "table_cell" and b.text.strip() == acronym:
            return True  # a glossary table: the acronym alone in its cell
        if pattern.search(b.text):
            return True
    return False


def undefined_acronyms(doc: PostmortemDoc, known: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(offset, acronym) of the first use of each acronym the document never defines."""
    skip = set(known)
    seen: set[str] = set()
    for b in _prose(doc):
        for m in _ACRONYM.finditer(b.text):
            acronym = m.group(1)
            if acronym in skip or acronym in seen:
                continue
            text = b.text
            if _CAPS_BEFORE.search(text, 0, m.start()) or _CAPS_AFTER.match(text[m.end() :]):
                continue
            seen.add(acronym)
            if not _defined(doc, acronym):
                yield b.start + m.start(1), acronym


@rule(undefined_acronym)
def check_undefined_acronym(ctx: RuleContext) -> Iterator[Finding]:
    known = [*ctx.pack.words(FAMILY, "known-acronyms"), *ctx.option("known")]
    for offset, acronym in undefined_acronyms(ctx.doc, known):
        yield Finding(
            offset,
            offset + len(acronym),
            ctx.pack.message(FAMILY, "undefined-acronym", acronym=acronym),
            data={"acronym": acronym},
        )


RULES = (check_undefined_acronym,)
