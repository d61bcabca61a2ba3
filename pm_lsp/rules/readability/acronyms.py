"""PM603 undefined-acronym: an acronym the postmortem never spells out.

A postmortem outlives the team that wrote it and is read by people who were not there:
other teams, managers, new hires a year later. The practitioners' guides ask for context
for those readers, and PagerDuty's template says it plainly: define any technical lingo and
acronyms. An acronym is defined when the document spells it out anywhere, in any of the
ways people write that: "Border Gateway Protocol (BGP)", "BGP (Border Gateway Protocol)",
"BGP stands for ...", a glossary line "BGP: ..." (words after the colon: "TTD: 11 min" is a
label and its value) or a glossary table row, or any layout whose words next to the acronym
spell its letters ("the USE method: utilization, saturation and errors", in a footnote:
:mod:`expansions`), or its words written out anywhere in the prose with no acronym beside
them ("the Change Advisory Board met ... CAB rejected it", "point-in-time recovery ...
PITR"; before the first use, or the message says where: :meth:`_Defined.written_out`;
initials across a sentence's end, of people's names or of words that are no noun phrase
spell nothing).

Precision first: only paragraphs, list items, table cells of three words or more and
acronyms alone or after one word in a row's first cell ("DAU", "Marketing DAU") are read
(headings, header cells, other short cells and quotes hold labels, shorthand and other
people's words; a cell such as "pages the on-call QQX", a timeline row or a metrics table's
row label "DAU" is read, and an acronym used only there was missed); a block written mostly
in capitals is a label or a shout, not prose; acronyms every engineer reads without
thinking (HTTP, DNS, UTC, ...) and words that are simply written in capitals (SQL keywords,
log levels) are listed in ``rules/readability.toml`` and never reported, nor are the words
the blame family lists as shouted for emphasis ("JUST", "NEVER"); a team adds its own with
the ``known`` option. A function word or a number in capitals in running prose is emphasis
too ("Come ON", "it took FOUR hours"), unless the document writes it as an acronym
somewhere ("our AS", "AS 64500": :func:`_shouted`). Words in capitals next to each other
are a phrase in capitals ("IS NOT NULL") only when all of them are English words; an error
code's prefix ("ORA" of "ORA-01652") and a word in capitals the prose also writes in lower
case ("TEMP" beside "temp segment") are no acronyms. Each acronym is reported once, at its
first use, as ``info``; a definition in running text after that use does not excuse it (the
message says where it is), a glossary or a footnote does: any definition in a section under
a glossary heading, or a glossary table's row (:class:`_Places`). The initials of an
equipment tag ("UPS" of "UPS-2B") and of a variant named by a letter ("GSM" of "GSM-R") are
a use; a ticket key's or error code's prefix ("OPS-88") is not, nor are a department's
letters before a course number ("CHEM 201"), a DNS record type before "record" ("CAA
records") or a currency code the document writes as a currency (``Shapes``); other capitals
before a number are a use ("QRN 55120", a register's letters, in a metadata cell too), and
so is an element of a compound joined by a hyphen to a number or a small word ("300k-MAU",
"multi-AZ", "CPU-bound"). Capitals before a clock time are its day ("SAT 11:20"); a zone
the document writes its times in, after a clock time (capitals ending in "T": "2:10am
SAST") or declared for its timeline (one of the timeline family's zones: "Porto time,
WEST"), is read like "UTC" everywhere in it; the same letters otherwise are initials ("the
MSK cluster"). A code followed by the name it stands for, capitalised and opened by the
code's first letter ("LEJ (Leipzig)"), is told; a parenthesis after the noun phrase the
acronym modifies spells it when its initials do ("FTL rules table (the flight time
limitation scheme)"). Capitals that are part of a proper name are no use: a capitalised
word right after them in running prose ("the HVL Marisol", "QXB Arena"; not in a block in
title case, nor a given name after a role of ours: "our DBA Ana"), or a carrier's numbered
service ("TPQ flight 1127", :func:`_proper_name`)."""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pm_lsp.cache import BLOCK_CHARS, Memo, identity, lru
from pm_lsp.model.document import Block, Cell, PostmortemDoc
from pm_lsp.model.parts import Cover, Part, parts
from pm_lsp.nlp.reported import quoted_messages
from pm_lsp.policy.names import given_names, is_given_name
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.readability.expansions import (
    glosses,
    initial_pairs,
    initials_before,
    initials_in_parenthesis,
    letter_pairs,
    names,
    plausible_expansion,
    spelled_out,
    written_out,
)
from pm_lsp.rules.readability.grade import table
from pm_lsp.rules.readability.specs import undefined_acronym
from pm_lsp.rules.spec import Finding, RuleContext, rule
from pm_lsp.rules.structure.blanks import placeholder_notes
from pm_lsp.rules.timeline.model import Zones, prose_zones_in, timeline_of

FAMILY = "readability"

#: two to six capitals, an optional plural "s", not glued to a word, path, handle or flag,
#: nor to an ampersand ("TT&C", "QA&T": one abbreviation, not the acronyms "TT" and "QA");
#: the initials of an equipment or unit tag ("UPS-2B", "PDU-A3": a hyphen and a designator
#: of digits and one letter) are a use of them, and so are those of a variant named by one
#: capital after a hyphen ("GSM-R", "LTE-M"); a code's or ticket's prefix ("ORA-01652",
#: "OPS-88", digits only) is not. An element of a compound joined by a hyphen to a number
#: or a word in small letters is a use ("a 300k-MAU peak", "the multi-AZ layout", "a
#: QPU-bound job"); joined to capitals, or to letters and digits after it, it is part of a
#: code ("GDS-INC-7", "eu-WEST-2", "GHSA-4f8x-..."). So is one joined by a slash to one word
#: ("OPA/Gatekeeper", "hostname/IP"; after a slash only after a small letter, so a row of
#: capitals, "VA/SA/VI", is read as before); between two slashes, or before a file's name or
#: a number, it is part of a path or a ratio ("a/QQX/b", "QQX/x.y", "QQX/3").
#: What comes before is tested after the first capital (a lookbehind over it and the
#: character before it), so that the pattern opens with a character set: ``re`` then skips
#: to the next capital instead of trying a lookbehind at every position of every block.
_ACRONYM = re.compile(
    r"([A-Z](?<![\w@#.:\\&].)(?!(?<=-.)(?<![a-z\d]-.))(?!(?<=/.)(?<![a-z]/.)|(?<=/.)[A-Z]{1,5}s?/)"
    r"[A-Z]{1,5})s?"
    r"(?![\w\\&]|/(?![A-Za-z][\w-]*(?![\w/\\]|\.\w))"
    r"|-(?!\d{1,2}[A-Za-z](?![\w/-])|[A-Z]\d{0,2}(?![\w/-])|[a-z]+(?!\w)))"
)
#: what every acronym, use or definition, holds: a block without it defines none
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
#: an error code's or a ticket's prefix written with its number ("ORA-01652", "OPS-88"):
#: that prefix is part of a code wherever the document writes it ("ORA errors"), not an
#: acronym to spell out. With a designator of a digit and a letter it is a tag ("UPS-2B")
_CODE_PREFIX = re.compile(r"\b([A-Z]{2,6})-\d+(?![\dA-Za-z])")
#: a word in capitals just before or after: with it, a run of words in capitals that may be
#: a phrase in capitals ("START OF OUTAGE", "IS NOT NULL"), see :func:`_phrase_in_capitals`
_CAPS_BEFORE = re.compile(r"\b([A-Z]{2,})\W{1,3}$")
_CAPS_AFTER = re.compile(r"\W{1,3}([A-Z]{2,})\b")
#: a word in lower case of three letters or more: a block holding one besides a run of
#: capitalised words is prose, not a label in title case
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{3,}(?![\w’'-])")
#: what may stand before a role's label on its line: blanks, a list's marker, masked markup
_LINE_LEAD = re.compile(r"[ \t>*+•_-]*(?:\d{1,3}[.)][ \t]*)?")
#: a label's colon, then a person: an @handle or a capitalised word, read as a given name
_ROLE_HOLDER = re.compile(r"[ \t*_]*:[ \t*_]+(?:@[\w.-]|(?P<name>[A-Z][a-z][\w’'-]*)\b)")
#: a Markdown link's text ("[chip - #942](...)"): a name, not the word in running prose
_LINK_TEXT = re.compile(r"\[[^\]\n]*\]\(")
#: an amount just before or after three capitals: they are its currency ("EUR 1.2M",
#: "40,000 USD", "NOK 5,000"), an ISO code every reader of a money figure reads as one
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*\s?[kKmMbB]?n?\s?$")
_AMOUNT_AFTER = re.compile(r"\s?[$€£¥]?\d")
#: a clock time ("15:22", "9:05 PM", "2:10am", "1AM"), for the capitals written against it
#: (written as ``(?<![\d:])\d{1,2}...`` with the digit first and the lookbehind after it:
#: ``re`` then skips to the next digit instead of trying the lookbehind at every position,
#: ~3 times faster over the 50,000-word file's parts, the same matches)
_CLOCK = r"\d(?<![\d:]\d)\d?(?::\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?|[ \t]?[AaPp]\.?[Mm]\.?)"
#: capitals ending in "T" just after a clock time are its zone ("15:22 ICT", "2:10am SAST",
#: "09:12 (WEST)": a zone's name ends in "time"), no initials to spell out; other capitals
#: there are a timeline's actor ("14:05 NOC pages the DBA"), a use
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}[ \t]?\(?$")
#: a zone after a clock time anywhere in the document (:class:`_ZonesWritten`)
_ZONE_AFTER_CLOCK = re.compile(rf"{_CLOCK}[ \t]?\(?([A-Z]{{1,4}}T)(?![\w-])")
#: capitals just before a clock time are its day or its zone ("SAT 11:20", "UTC 14:00")
_CLOCK_AFTER = re.compile(r",?[ \t]+(?:@[ \t]?)?\d{1,2}:\d{2}(?![\d])")


#: the ways a document spells an acronym out, each capturing the acronym: "Border Gateway
#: Protocol (BGP)", "BGP (Border Gateway Protocol)", "BGP stands for ...", a variant's
#: letter after a hyphen too ("(GSM-R)")
_DEFINED_IN_TEXT = re.compile(
    r"\(([A-Z]{2,6})s?(?:-[A-Z])?[),;]"
    r"|\b([A-Z]{2,6})s?(?:-[A-Z])? \((?=[A-Za-z])"
    r"|\b([A-Z]{2,6})s?(?:-[A-Z])?,? (?:stands for|means|is short for|short for)\b"
    r"|\b([A-Z]{2,6})s?(?:[ -][a-z][\w-]*){1,3} \((?=[A-Za-z])"
)
#: the way of :data:`_DEFINED_IN_TEXT` that puts words in parentheses after the acronym
#: ("BGP (Border Gateway Protocol)"): a definition only when they spell it
#: (:func:`~pm_lsp.rules.readability.expansions.glosses`)
_GLOSS_FORM = 2
#: the way of :data:`_DEFINED_IN_TEXT` that puts the parenthesis after the noun phrase the
#: acronym modifies ("the QTL limits file (the quota tier limits)"): a
#: definition only when its words' initials are the acronym's letters
#: (:func:`~pm_lsp.rules.readability.expansions.initials_in_parenthesis`)
_PHRASE_GLOSS_FORM = 4
#: a parenthesis that lists the acronym as an item after other content, quoted or not
#: ("advance ship notices (EDI 856, "ASNs")", "load tags (form 12; LTs, v2)"): a
#: definition when the words right before it spell the acronym, the last of them against
#: the parenthesis (:func:`~pm_lsp.rules.readability.expansions.initials_before`)
_LISTED_IN_PARENTHESIS = re.compile(
    r"\([^()\n]{1,80}?[,;][ \t]*[\"“‘']?([A-Z]{2,6})s?[\"”’']?[ \t]*(?=\)|[,;][^()\n]{0,80}\))"
)
#: what each way of :data:`_DEFINED_IN_TEXT` holds: a parenthesis or the phrase
_DEFINITION_MARKS = ("(", "stands for", "means", "short for")
#: a word in CamelCase, each capital opening a run of lower case ("HorizontalPodAutoscaler",
#: "PagerDuty"): its capitals spell the acronym the text may use for it ("HPA")
_CAMEL = re.compile(r"(?<![\w@#/.-])[A-Z][a-z]+(?:[A-Z][a-z]+)+(?![\w/-])")
#: a glossary line or list item: "BGP: ...", "BGP - ..." at the start of a block; words
#: after the mark, not a number: "TTD: 11 min from the alert" is a label and its value
_GLOSSARY_LINE = re.compile(r"\s*([A-Z]{2,6})s?(?:-[A-Z])?\s*(?::|=|-|–|—)\s*[^\W\d_]")


@lru(16_384)
def _uses(text: str, currencies: frozenset[str]) -> tuple[tuple[int, str], ...]:
    """The acronyms used in one prose block, as (offset in the block, acronym), in order;
    none when the block is mostly capitals (a label, a log line or a shout, not prose), and
    not those next to another word in capitals (a phrase in capitals, a label or code) nor
    a currency code (one of ``currencies``) next to an amount ("NOK 5,000"), nor a clock
    time's day or zone ("SAT 11:20", "15:22 ICT"). Other capitals before a number are a
    use: a register's or a reference's letters ("BRN 55120")."""
    if not _ACRONYM.search(text):
        return ()
    if _mostly_capitals(text):
        return ()
    out = []
    for m in _ACRONYM.finditer(text):
        if _phrase_in_capitals(text, m.start(), m.end()):
            continue
        if (
            len(m.group(0)) == 3
            and m.group(1) in currencies
            and (
                _AMOUNT_AFTER.match(text, m.end())
                or _AMOUNT_BEFORE.search(text, max(0, m.start() - 24), m.start())
            )
        ):
            continue  # a currency code with its amount
        if _CLOCK_AFTER.match(text, m.end()) or (
            m.group(1).endswith("T")
            and _CLOCK_BEFORE.search(text, max(0, m.start() - 16), m.start())
        ):
            continue  # "SAT 11:20", "15:22 ICT": a time's day or zone
        out.append((m.start(1), m.group(1)))
    return tuple(out)


@lru(16_384)
def _amount_codes(text: str) -> frozenset[str]:
    """The three capitals a block writes next to an amount ("NOK 5,000", "40,000 USD")."""
    return frozenset(
        m.group(1)
        for m in _ACRONYM.finditer(text)
        if len(m.group(0)) == 3
        and (
            _AMOUNT_AFTER.match(text, m.end())
            or _AMOUNT_BEFORE.search(text, max(0, m.start() - 24), m.start())
        )
    )


def _phrase_in_capitals(text: str, start: int, end: int) -> bool:
    """Is the capitals word at ``text[start:end]`` part of a phrase written in capitals
    ("IS NOT NULL", "START OF OUTAGE", "DO NOT MERGE")? It is when other words in capitals
    stand right next to it and every word of that run is an English word (the syllable
    dictionary shipped for PM602). A run with a word that is none is a row of acronyms or
    names ("No RPKI ROA covers it", "the AWS IAM role"): each of its words is a use."""
    run = [text[start:end].rstrip("s")]
    a = start
    while (m := _CAPS_BEFORE.search(text, max(0, a - 64), a)) is not None:
        run.append(m.group(1))
        a = m.start()
    e = end
    while (m := _CAPS_AFTER.match(text, e)) is not None:
        run.append(m.group(1))
        e = m.end()
    if len(run) == 1:
        return False
    words = table()
    return all(w.lower() in words for w in run)


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


_NONE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def _definitions(text: str, cell: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The acronyms one block spells out, as (plainly, loosely). Plainly: a definition's
    form ("Border Gateway Protocol (BGP)", "BGP (Border Gateway Protocol)", "BGP stands
    for ...") whose words spell the letters. Loosely: any other way, a glossary line
    ("BGP: ...") or row (``cell``: the block is a table cell, where the acronym alone in its
    cell is a glossary table's row), an acronym in parentheses after words that do not
    spell it ("the prime cluster (GKE)"), words that spell it without a definition's form
    ("the USE method: utilization, ..."). Words in parentheses after the acronym that do not
    plausibly spell it ("ECE (calibration)", "AUC (offline)") are a note, no definition at
    all; those that spell it inside their words ("DB (database)") are a plain one
    (:func:`~pm_lsp.rules.readability.expansions.glosses`). Only a plain definition has a
    place a first use can come before (:func:`undefined_acronyms`); a loose one, like a
    glossary, excuses every use. Most blocks hold no two capitals in a row, and so no
    definition: they are not searched; nor is a block searched for the ways of spelling
    out when it holds none of their marks (:data:`_DEFINITION_MARKS`)."""
    if _TWO_CAPITALS.search(text) is None:
        return _NONE
    marked: set[str] = set()
    glossed: set[str] = set()  # "DB (database)": spelled inside its parenthesis
    if any(mark in text for mark in _DEFINITION_MARKS):
        for m in _DEFINED_IN_TEXT.finditer(text):
            acronym = m.group(m.lastindex or 1)
            if m.lastindex == _GLOSS_FORM:
                if glosses(acronym, text, m.end()):
                    glossed.add(acronym)
                elif not names(acronym, text, m.end()):
                    continue  # "ECE (calibration)": a note, not its expansion
            elif m.lastindex == _PHRASE_GLOSS_FORM:
                if not initials_in_parenthesis(acronym, text, m.end()):
                    continue  # "SLA breach report (draft)"
                glossed.add(acronym)
            marked.add(acronym)
        for m in _LISTED_IN_PARENTHESIS.finditer(text):
            if initials_before(m.group(1), text, m.start()):
                marked.add(m.group(1))
                glossed.add(m.group(1))
    spelled = glossed.union(
        spelled_out(text, [(m.start(1), m.group(1)) for m in _ACRONYM.finditer(text)])
    )
    loose = marked.symmetric_difference(spelled)
    g = _GLOSSARY_LINE.match(text)
    if g:
        loose.add(g.group(1))
    if cell:
        loose.update(glossary_terms(text))
    return frozenset(marked & spelled), frozenset(loose)


#: a glossary's term that is several acronyms defined together, joined by a slash, a comma,
#: "&", "and" or "or" ("ANI/ALI", "RPO, RTO", "SLI and SLO"): each is defined by the row
_TERM = r"[A-Z]{2,6}s?(?:-[A-Z])?"
_ONE_TERM = re.compile(r"([A-Z]{2,6})s?(?:-[A-Z])?")
_TERMS = re.compile(rf"{_TERM}(?:[ \t]*(?:/|,|&|\band\b|\bor\b)[ \t]*{_TERM})*")
#: the same terms opening a glossary section's line, before its mark ("ANI / ALI: ...")
_TERMS_LINE = re.compile(rf"\s*({_TERMS.pattern})\s*(?::|=|-|–|—)\s*[^\W\d_]")


def glossary_terms(text: str) -> tuple[str, ...]:
    """The acronyms a glossary table's term cell names: one ("BGP") or several defined
    together ("ANI/ALI", "RPO, RTO"), each without a plural "s"; none when the cell holds
    anything else."""
    stripped = text.strip()
    if _TERMS.fullmatch(stripped) is None:
        return ()
    return tuple(m.group(1) for m in _ONE_TERM.finditer(stripped))


def _glossary_line_terms(text: str) -> tuple[str, ...]:
    """The acronyms a line of a glossary section defines together before its mark ("MTTD /
    MTTR: Mean Time To Detect and ..."); one alone is :data:`_GLOSSARY_LINE`'s."""
    m = _TERMS_LINE.match(text)
    return () if m is None else glossary_terms(m.group(1))


class _PartAcronyms(NamedTuple):
    """What one part of the document (:mod:`~pm_lsp.model.parts`) holds for
    PM603, offsets relative to the part: the first use in it of each acronym that may be
    reported (known words, legal forms, identifiers and format placeholders left out), as
    (offset, acronym, its block's start); the first block that plainly spells each acronym
    out (or its CamelCase word does), as (acronym, block start); the acronyms it spells
    out loosely, in a glossary or a footnote; its error-code prefixes; the acronyms whose
    every use in it is an ordinary word shouted (:func:`_shouted`), whose use above is
    emphasis, not the acronym's: a part that writes it as an acronym has that use instead;
    the zones it writes after clock times."""

    uses: tuple[tuple[int, str, int], ...]
    first_plain: tuple[tuple[str, int], ...]
    anywhere: frozenset[str]
    prefixes: frozenset[str]
    shouted: frozenset[str] = frozenset()
    #: the capitals ending in "T" it writes after a clock time, and the zones of the
    #: timeline family it writes there (:class:`_ZonesWritten`)
    clock_zones: frozenset[str] = frozenset()
    prose_zones: frozenset[str] = frozenset()


#: a part with no two capitals in a word: no use, no definition, no CamelCase word, no
#: error code (each needs two capitals in one word; a block's text is a slice of the part's
#: masked text, so none is found in a part where this finds nothing)
_NO_ACRONYMS = _PartAcronyms((), (), frozenset(), frozenset())
_CAPITALS_IN_A_WORD = re.compile(r"[A-Z][a-z]*[A-Z]")


class _Defined:
    """Where a document spells its acronyms out, merged from its parts' answers when the
    first candidate needs it: the first block that plainly spells each out, and those
    spelled out loosely, in a glossary or in a footnote (a reference the reader turns to,
    wherever it stands). Also the error-code prefixes ("ORA" of "ORA-01652") and the words
    of four letters or more its prose writes in lower case outside link texts: see
    :func:`undefined_acronyms`."""

    def __init__(
        self, doc: PostmortemDoc, found: list[tuple[Part, _PartAcronyms]], tables: _Tables
    ) -> None:
        self.first_plain: dict[str, int] = {}  #: acronym -> the defining block's start
        self.anywhere: set[str] = set()
        self.prefixes: set[str] = set()  #: error-code prefixes ("ORA" of "ORA-01652")
        self._doc = doc
        self._found = found
        self._starts = [part.start for part, _got in found]
        self._tables = tables
        self._currencies: frozenset[str] | None = None
        self._block_starts: list[int] | None = None
        for part, got in found:
            for acronym, at in got.first_plain:
                self.first_plain.setdefault(acronym, part.start + at)
            self.anywhere |= got.anywhere
            self.prefixes |= got.prefixes

    def excuses(self, acronym: str, shapes: Shapes) -> bool:
        """Is every use of ``acronym`` excused: spelled out loosely or in a glossary, an
        error code's prefix, or a currency the document writes as one?"""
        return (
            acronym in self.anywhere
            or acronym in self.prefixes
            or (acronym in shapes.currency_codes and acronym in self.currencies(shapes))
        )

    def currencies(self, shapes: Shapes) -> frozenset[str]:
        """The currency codes the document writes as currencies: in a list of them beside
        money (:func:`_money`), or next to an amount ("NOK 5,000"). Read once, when a
        candidate is a currency code: such a code is then a currency wherever the document
        uses it ("SEK revenue"); one only written otherwise ("MVR=1", a metric) stays an
        acronym. Per part, from its memo entry (a function of its blocks' texts)."""
        if self._currencies is None:
            found: set[str] = set()
            if shapes.currency_list is not None:
                memo = self._tables.currencies
                for part, _got in self._found:
                    got = memo.get(part.key)
                    if got is None:
                        got = memo.put(part.key, _part_currencies(self._doc, part, shapes))
                    found |= got
            self._currencies = frozenset(found)
        return self._currencies

    def written_in_lower_case(self, word: str) -> bool:
        """Does the prose write ``word`` (lower case, four letters or more) outside link
        texts and headings? Asked only for a candidate that is an English word: one search
        of the document's masked text for that word, each place found looked up in its
        part's link texts and heading (a set of every block's words, joined on every lint,
        and the link texts of the whole document, searched on every lint, cost an editor's
        keystroke milliseconds)."""
        for at in _occurrences(self._doc.masked, word, after=_word_end):
            if not self._in_link_or_heading(at):
                return True  # not in a link's text nor in a heading
        return False

    def written_out(self, acronyms: tuple[str, ...]) -> dict[str, int]:
        """Where the document first writes each of ``acronyms``' words out with no acronym
        beside them ("the Change Advisory Board" for CAB, "a point-in-time recovery" for
        PITR, :func:`~pm_lsp.rules.readability.expansions.written_out`), in prose outside
        link texts and headings; an acronym it never writes out is not in the answer.
        Asked once per lint, of the acronyms about to be reported (:func:`_written_out_in`
        answers one part for all of them, memoised by the part's key and the acronyms: an
        edit asks one part again). Asked acronym by acronym, part by part, this was ~1.7 ms
        of an 11,900-word document's edit (21 acronyms times 146 parts, each a gate and
        most a memo lookup): now 146 lookups."""
        first: dict[str, int] = {}
        if not acronyms:
            return first
        memo = self._tables.written_parts
        for part, _got in self._found:
            key = (part.key, acronyms)
            found = memo.get(key)
            if found is None:
                found = memo.put(key, self._written_out_in(part, acronyms))
            for acronym, rel in found:
                first.setdefault(acronym, part.start + rel)  # in the document's order
        return first

    def _written_out_in(self, part: Part, acronyms: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
        """(acronym, where the part first writes its words out, relative to the part) for
        each of ``acronyms`` the part writes out. Only the acronyms whose every pair of
        neighbouring letters is among the part's pairs of neighbouring word initials
        (:func:`initial_pairs`, memoised per part) are searched for; each of those is
        memoised by the part's key and the acronym, so that another set of acronyms asked
        of an unchanged part searches for the new ones only."""
        initials = self._tables.initials
        pairs = initials.get(part.key)
        if pairs is None:
            pairs = initials.put(part.key, initial_pairs(part.key[1]))
        written = self._tables.written
        out: list[tuple[str, int]] = []
        for acronym in acronyms:
            need = letter_pairs(acronym)
            if need is not None and not need <= pairs:
                continue
            key = (part.key, acronym)
            rel = written.get(key)
            if rel is None:
                rel = written.put(key, self._part_written_out(part, acronym))
            if rel >= 0:
                out.append((acronym, rel))
        return tuple(out)

    def _part_written_out(self, part: Part, acronym: str) -> int:
        """Where one part first writes ``acronym``'s words out (relative to it), or -1."""
        best = -1
        for pattern, lower in zip(written_out(acronym), (False, True), strict=True):
            if pattern is None:
                continue
            for m in pattern.finditer(part.key[1]):
                if best >= 0 and m.start() >= best:
                    break
                a, b = part.start + m.start(), part.start + m.end()
                if self._in_prose(a, b, len(acronym)) and plausible_expansion(
                    m.group(0), lower, self._is_name
                ):
                    best = m.start()
                    break
        return best

    @staticmethod
    def _is_name(word: str) -> bool:
        return is_given_name(word, given_names())

    def _in_prose(self, start: int, end: int, letters: int) -> bool:
        """Is ``doc.masked[start:end]`` inside one paragraph, list item or table cell that
        holds words in lower case besides it (a header cell or a label in title case,
        "Action Item", spells nothing), outside its link texts, or inside a heading? A title
        or a heading that writes the words out ("# Change Advisory Board review") spells the
        acronym for the text under it, as a reader has just read them: a title (level 1)
        for any acronym, a lower heading for three letters or more, as a section's name in
        title case spells two letters by accident ("## Customer Impact" is no "CI")."""
        blocks = self._doc.blocks
        if self._block_starts is None:
            self._block_starts = [b.start for b in blocks]
        k = bisect.bisect_right(self._block_starts, start) - 1
        if k < 0 or end > blocks[k].end:
            return False
        b = blocks[k]
        if b.kind == "heading":
            return letters >= 3 or (b.section is not None and b.section.level == 1)
        if b.kind not in ("paragraph", "list_item", "table_cell"):
            return False
        if self._in_link_or_heading(start):
            return False
        rest = b.text[: start - b.start] + " " + b.text[end - b.start :]
        return _LOWER_WORD.search(rest) is not None or _role_label(
            b.text, start - b.start, end - b.start
        )

    def _in_link_or_heading(self, at: int) -> bool:
        """Is ``at`` inside the link text or heading that starts last at or before it? The
        spans are read per part (a link's text holds no line break, a part starts at a
        line's start, and each part's heading is its first block, so the one that starts
        last before a word of a part is the part's own)."""
        part = self._found[bisect.bisect_right(self._starts, at) - 1][0]
        memo = self._tables.links
        spans = memo.get(part.key)
        if spans is None:
            spans = memo.put(part.key, _links_and_heading(self._doc, part))
        rel = at - part.start
        k = bisect.bisect_right(spans, rel, key=lambda s: s[0]) - 1
        return k >= 0 and rel < spans[k][1]


def _role_label(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (capitalised words) the label of a line giving a role to a
    person ("- Incident Commander: Kwame Obi", "Communications Lead: @ines")? A list of
    responders names each role in full beside its holder, and the reader takes the role's
    initials from it ("IC" later in the timeline). Another label in title case ("Action
    Item: restore the backup", "Customer Impact: 40 stores") holds no person's name after
    its colon and spells nothing."""
    if _LINE_LEAD.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is None:
        return False
    m = _ROLE_HOLDER.match(text, end)
    if m is None:
        return False
    return m.group("name") is None or is_given_name(m.group("name"), given_names())


def _part_currencies(doc: PostmortemDoc, part: Part, shapes: Shapes) -> frozenset[str]:
    """The currency codes one part writes as currencies (:meth:`_Defined.currencies`)."""
    found: set[str] = set()
    for d in part.blocks(doc):
        if _TWO_CAPITALS.search(d.text):
            found |= _amount_codes(d.text) & shapes.currency_codes
            found |= _money_lists(d.text, shapes)
    return frozenset(found)


def _links_and_heading(doc: PostmortemDoc, part: Part) -> tuple[tuple[int, int], ...]:
    """The link texts of a part's source and its heading, sorted, relative to the part."""
    a = part.start
    spans = [m.span() for m in _LINK_TEXT.finditer(part.key[0])]
    spans += [(b.start - a, b.end - a) for b in part.blocks(doc) if b.kind == "heading"]
    return tuple(sorted(spans))


class _Tables:
    """PM603's memo tables on the pack's compiled words: per part, its acronyms
    (:class:`_PartAcronyms`, keyed by the part's key, the template, the glossary sections
    reaching into it and the ``known`` option), its currencies and its link texts and
    heading (keyed by the part's key alone: its blocks' texts and bounds do not depend on
    the template), the pairs of word initials that gate the search for an acronym's words
    written out (keyed by the part's key alone), for the parts the gate lets through,
    where they write them out (keyed by the part's key and the acronym) and, per part, the
    acronyms of a lint's question it writes out (keyed by the part's key and the acronyms
    asked: :meth:`_Defined.written_out`)."""

    def __init__(self, _pack: RulePack) -> None:
        self.parts: Memo[_PartAcronyms] = Memo(chars=BLOCK_CHARS)
        self.currencies: Memo[frozenset[str]] = Memo(chars=BLOCK_CHARS)
        self.links: Memo[tuple[tuple[int, int], ...]] = Memo(chars=BLOCK_CHARS)
        #: part key -> the pairs of neighbouring word initials in its masked text
        self.initials: Memo[frozenset[str]] = Memo(chars=BLOCK_CHARS)
        #: (part key, acronym) -> where the part first writes its words out, or -1
        self.written: Memo[int] = Memo(chars=BLOCK_CHARS)
        #: (part key, the acronyms asked) -> those it writes out, with where
        self.written_parts: Memo[tuple[tuple[str, int], ...]] = Memo(chars=BLOCK_CHARS)


def _within(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k][1]


#: a heading's or header cell's words, for comparison with the glossary words
_LABEL_NOISE = re.compile(r"[^\w\s&/-]+")


#: a heading's outline number, as :func:`_label` leaves it ("8 glossary", "2 1 terms",
#: "iv glossary")
_OUTLINE = re.compile(r"^(?:\d+(?: \d+)*|[ivx]+) ")


#: a part of a report, its number or letter and a dash, then what it holds ("appendix b
#: glossary", "annex 2 - abbreviations"), as :func:`_label` leaves a title
_FILED_UNDER = re.compile(r"^(\w+)(?: (?:\d+|[a-z]{1,2}))?(?: -)? (.+)$")


@lru(4096)
def _label(text: str) -> str:
    return " ".join(_LABEL_NOISE.sub(" ", text).lower().split())


class Glossary:
    """The words that say where a document keeps its glossary (``glossary-headings`` and
    ``glossary-columns`` in ``rules/readability.toml``), compiled once per pack."""

    def __init__(self, pack: RulePack | None) -> None:
        words = pack.words if pack is not None else lambda _f, _k: []
        self.headings = frozenset(_label(w) for w in words(FAMILY, "glossary-headings"))
        self.columns = frozenset(_label(w) for w in words(FAMILY, "glossary-columns"))
        self.parts = frozenset(_label(w) for w in words(FAMILY, "glossary-heading-parts"))
        labels = "|".join(re.escape(w) for w in words(FAMILY, "people-labels"))
        #: a line that lists people ("Attendees: R. Tamm, Ben Okafor"): their initials
        #: are the labels the minutes give them (:func:`people_initials`)
        self.people = (
            re.compile(rf"^\W*(?:{labels})\W{{0,3}}:\W*", re.IGNORECASE) if labels else None
        )

    def names(self, title: str) -> bool:
        """Does a section's title name a glossary, after its outline number and a part
        of the report it is filed under ("8. Glossary", "2.1 Terms", "Appendix B:
        Abbreviations")?"""
        label = _OUTLINE.sub("", _label(title))
        if label in self.headings:
            return True
        m = _FILED_UNDER.match(label)
        return m is not None and m.group(1) in self.parts and m.group(2) in self.headings

    @classmethod
    def empty(cls) -> Glossary:
        return cls(None)


class _Places:
    """Where one document keeps its glossary: the sections under a glossary heading, whose
    definitions count wherever they stand, and its glossary tables, where an acronym alone
    in its cell is a row of the glossary. A table of another kind (a metrics table whose
    row reads "DAU | 41,000") is no glossary, unless that row's other cells spell the
    acronym out ("DAU | daily active users"). Only the cells that hold one acronym alone
    are asked about, each found by bisection: a document with large tables pays for its
    short acronym cells, not for every cell."""

    def __init__(self, doc: PostmortemDoc, glossary: Glossary) -> None:
        self.spans: list[tuple[int, int]] = []
        for sec in doc.sections:
            if glossary.names(sec.title) and not (
                self.spans and sec.body.start < self.spans[-1][1]
            ):
                self.spans.append((sec.body.start, sec.body.end))
        self._starts = [a for a, _e in self.spans]
        self._glossary = glossary
        self.people = glossary.people
        self._tables = doc.tables
        self._table_starts = [t.start for t in doc.tables]
        #: per table (by index): (whole table a glossary, its rows, the rows' starts)
        self._read: dict[int, tuple[bool, list[list[Cell]], list[int]]] = {}

    def in_glossary(self, at: int) -> bool:
        """Does the offset lie in a glossary section?"""
        return bool(self.spans) and _within(self.spans, self._starts, at)

    def _cell(self, start: int) -> tuple[bool, list[Cell], Cell] | None:
        """(whole table a glossary, the cell's row, the cell) for the cell at ``start``."""
        k = bisect.bisect_right(self._table_starts, start) - 1
        if k < 0:
            return None
        got = self._read.get(k)
        if got is None:
            t = self._tables[k]
            rows = [r for r in (t.header, *t.rows) if r]
            whole = self.in_glossary(t.start) or any(
                _label(c.text) in self._glossary.columns for c in t.header
            )
            got = self._read[k] = (whole, rows, [r[0].start for r in rows])
        whole, rows, starts = got
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            return None
        cell = next((c for c in rows[i] if c.start == start), None)
        return None if cell is None else (whole, rows[i], cell)

    def glossary_row(self, start: int) -> bool:
        """Is the cell at ``start`` (an acronym alone) a glossary row's acronym? A glossary
        table may have no header of its own: its first row is then the header row."""
        got = self._cell(start)
        return got is not None and (got[0] or _row_spells(got[2], got[1]))

    def row_label(self, start: int) -> bool:
        """Is the cell at ``start`` (an acronym alone) the label of a body row outside a
        glossary ("DAU" of "DAU | 41,000 | 12,500")? Then it is a use the reader meets; a
        value cell ("Team | SN") stays shorthand."""
        got = self._cell(start)
        if got is None:
            return False
        whole, row, cell = got
        return row[0] is cell and not whole and not _row_spells(cell, row)


#: one person's name in a list of people: an initial or a given name, up to two more
#: names or initials, and a surname
_LISTED_NAME = re.compile(
    r"^([A-Z][\w’\x27-]*\.?)(?:[ \t]+[A-Z][\w’\x27-]*\.?){0,2}[ \t]+[A-Z][\w’\x27-]+$"
)


def people_initials(text: str, label: re.Pattern[str] | None) -> frozenset[str]:
    """The initials of the people a block lists after a label of people (``people-labels``:
    "Attendees: R. Tamm, Ben Okafor (facilitator)" gives "RT" and "BO"): minutes label each
    person by them ("BO read the log", "ACTION (RT): ..."), a person, not a term to spell
    out. A name counts when it opens with an initial or a given name, so "Network Operations
    Centre" in the same list spells no initials."""
    head = label.match(text) if label is not None and ":" in text[:40] else None
    if head is None:
        return _NONE[0]
    got: set[str] = set()
    names = given_names()
    for item in re.split(r"[,;]|\band\b|&", re.sub(r"\([^()]*\)", "", text[head.end() :])):
        words = item.strip(" \t.!*_").split()
        if not _LISTED_NAME.match(" ".join(words)):
            continue
        first = words[0].rstrip(".")
        if len(first) > 1 and not is_given_name(first, names):
            continue
        got.add(words[0][0] + words[-1][0])
        got.add("".join(w[0] for w in words))
    return frozenset(got)


def _listed_people(doc: PostmortemDoc, part: Part, label: re.Pattern[str] | None) -> frozenset[str]:
    """The initials of the people a part with no acronym lists (:func:`people_initials`):
    its blocks are read only when a line of it opens with a label of people."""
    if label is None or _PEOPLE_LINE.search(part.key[1]) is None:
        return _NONE[0]
    return frozenset().union(*(people_initials(b.text, label) for b in part.blocks(doc)))


#: a line that may open with a label and its colon (the label is checked per block)
_PEOPLE_LINE = re.compile(r"^\W*[A-Za-z][\w ]{0,30}:", re.MULTILINE)


def _listed_in_metadata(doc: PostmortemDoc, label: re.Pattern[str] | None) -> frozenset[str]:
    """The initials of the people a metadata field lists ("- Attendees: R. Tamm, B. Okafor"
    read as a field, not as a block of prose): :func:`people_initials` of each field."""
    if label is None or not doc.metadata:
        return _NONE[0]
    return frozenset().union(*(people_initials(f"{f.key}: {f.value}", label) for f in doc.metadata))


def _row_spells(cell: Cell, row: list[Cell]) -> bool:
    """Do the other cells of a table row spell out the acronym alone in ``cell`` (the
    first of several defined together, "ANI/ALI")?"""
    terms = glossary_terms(cell.text)
    if not terms:
        return False
    rest = " ".join(c.text.strip() for c in row if c is not cell)
    return _spells_row(terms[0], rest)


@lru(16_384)
def _spells_row(acronym: str, rest: str) -> bool:
    return acronym in spelled_out(f"{acronym} {rest}", [(0, acronym)])


def _word_end(ch: str) -> bool:
    """May ``ch`` follow a whole word: anything but a letter, a digit, "_" or "-"."""
    return not (ch.isalnum() or ch in "_-")


def _occurrences(text: str, word: str, *, after: Callable[[str], bool]) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a word of its own (not after a letter, a digit,
    "_" or "-"), its next character passing ``after`` (the end of the text passes): found
    with ``str.find``, which searches the literal in C (a regex opening with a lookbehind
    was tried at every position: milliseconds per search of a long document)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before_ok = at == 0 or _word_end(text[at - 1])
        if before_ok and (end >= len(text) or after(text[end])):
            yield at
        at = text.find(word, at + 1)


@lru(16_384)
def _block_definitions(
    text: str, cell: bool
) -> tuple[tuple[frozenset[str], frozenset[str]], tuple[str, ...], frozenset[str]]:
    """A block's definitions (:func:`_definitions`), its CamelCase words as the acronyms
    they spell ("HorizontalPodAutoscaler" is "HPA") and its error-code prefixes ("ORA" of
    "ORA-01652"): one memo entry per block, so an edit re-reads one block."""
    camels = tuple("".join(filter(str.isupper, m.group(0))) for m in _CAMEL.finditer(text))
    prefixes = (
        frozenset(m.group(1) for m in _CODE_PREFIX.finditer(text)) if "-" in text else _NONE[0]
    )
    return _definitions(text, cell), camels, prefixes


def format_placeholders(letters: Iterable[str]) -> re.Pattern[str] | None:
    """Two or more of a date or time format's letters joined by ':', '/', '.' or '-'
    ("HH:MM", "YYYY-MM-DD", "DD.MM.YYYY"): a placeholder for a value, not acronyms."""
    alt = "|".join(map(re.escape, sorted(sorted(set(letters)), key=len, reverse=True)))
    if not alt:
        return None
    return re.compile(rf"(?<![\w/.:-])(?:{alt})(?:[:/.-](?:{alt}))+(?![\w/:-])")


def _in_placeholder(text: str, at: int, formats: re.Pattern[str]) -> bool:
    return any(a <= at < e for a, e in _placeholder_spans(text, formats))


@lru(16_384)
def _placeholder_spans(text: str, pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


def undefined_acronyms(
    ctx: RuleContext, known: Iterable[str]
) -> Iterator[tuple[int, str, int | None]]:
    """(offset, acronym, where it is spelled out or None) of the first use of each acronym
    the document does not spell out before it: never (None), or only later in its running
    text (the offset of the block that does). The first use is where a reader needs the
    words; a glossary, wherever it stands, defines the acronym for the whole document.

    Only paragraphs, list items and prose table cells outside quotes are read for uses;
    every block (headings and table cells too) may define one. Not an acronym: an error
    code's prefix the document writes with its number ("ORA" of "ORA-01652"), nor an
    English word of four letters or more written in capitals that the document's prose
    also writes in lower case (the "TEMP" tablespace beside "temp segment"): the capitals
    spell a word, not initials. Shorter words ("WAL" beside "wal-g", "AP", "PVC") are
    initials more often than not, and stay acronyms. Nor are a format placeholder's letters
    ("HH:MM"), a legal form after a name or an identifier's letters (:func:`_no_use`). A
    CamelCase word spells the acronym of its capitals plainly ("HorizontalPodAutoscaler").

    Each part's uses and definitions come from its memo entry (:func:`_parts_acronyms`);
    what is the first use of an acronym, and whether the document defines it, is decided
    here, from those, on every lint."""
    shapes = ctx.pack.derived(Shapes.of)
    tables = ctx.pack.derived(_Tables)
    found = _parts_acronyms(ctx, tables, frozenset(known), shapes)
    defined = _Defined(ctx.doc, found, tables)
    defined.anywhere |= _listed_in_metadata(ctx.doc, ctx.pack.derived(Glossary).people)
    asked = list(_first_uses(found, defined, shapes))  # each acronym once
    written = defined.written_out(tuple(a for _use, a, _at in asked))
    zones = _ZonesWritten(ctx, found)
    for use, acronym, at in asked:
        words = written.get(acronym)
        if words is not None and words < use:
            continue  # "the Change Advisory Board ..." before the first "CAB"
        if zones.holds(acronym):
            continue  # "2:10am SAST", "all times in Porto time, WEST": the clock's zone
        if words is not None:
            at = words if at is None else min(at, words)
        yield use, acronym, at


def _first_uses(
    found: list[tuple[Part, _PartAcronyms]], defined: _Defined, shapes: Shapes
) -> Iterator[tuple[int, str, int | None]]:
    """(offset, acronym, where it is plainly spelled out or None) of the first use of each
    acronym not excused (:func:`undefined_acronyms`) that no plain definition stands
    before, in the document's order. Where their words are written out is asked for all
    of them at once, after this (:meth:`_Defined.written_out`)."""
    seen: set[str] = set()
    for part, got in found:
        for rel, acronym, block in got.uses:
            if acronym in seen or acronym in got.shouted:
                continue  # "Come ON", "FOUR hours": emphasis, in this part
            seen.add(acronym)
            if defined.excuses(acronym, shapes):
                continue
            low = acronym.lower()
            if len(low) >= 4 and low in table() and defined.written_in_lower_case(low):
                continue
            at = defined.first_plain.get(acronym)
            if at is None or at > part.start + block:
                yield part.start + rel, acronym, at


def _parts_acronyms(
    ctx: RuleContext, tables: _Tables, skip: frozenset[str], shapes: Shapes
) -> list[tuple[Part, _PartAcronyms]]:
    """Each part with its acronyms (:class:`_PartAcronyms`): one lookup for an unchanged
    part, keyed by its key, the template, the glossary sections reaching into it (which
    sections are glossaries is read from the headings of the whole document) and the
    ``known`` option (the rest of ``skip`` is the pack's)."""
    doc = ctx.doc
    places = _Places(doc, ctx.pack.derived(Glossary))
    glossaries = Cover(places.spans)
    template = identity(ctx.template)
    option = tuple(ctx.option("known"))
    formats = ctx.pack.derived(_formats)
    memo = tables.parts
    out: list[tuple[Part, _PartAcronyms]] = []
    cut = parts(doc)
    for part, within in zip(cut, glossaries.project((p.start, p.end) for p in cut), strict=True):
        key = (part.key, template, within, option)
        got = memo.get(key)
        if got is None:
            masked = part.key[1]
            zones = _part_clock_zones(masked), prose_zones_in(masked, ctx.pack)
            if _CAPITALS_IN_A_WORD.search(masked) is None:
                got = _NO_ACRONYMS._replace(
                    anywhere=_listed_people(doc, part, places.people),
                    clock_zones=zones[0],
                    prose_zones=zones[1],
                )
            else:
                blocks = part.blocks(doc)
                plain, anywhere, prefixes = _part_definitions(doc, part, blocks, places)
                uses, shouted = _part_uses(doc, part, blocks, places, (skip, formats, shapes))
                got = _PartAcronyms(uses, plain, anywhere, prefixes, shouted, *zones)
            memo.put(key, got)
        out.append((part, got))
    return out


def _part_definitions(
    doc: PostmortemDoc, part: Part, blocks: list[Block], places: _Places
) -> tuple[tuple[tuple[str, int], ...], frozenset[str], frozenset[str]]:
    """A part's definitions (:class:`_PartAcronyms`): every block of it may spell an
    acronym out, headings and table cells too."""
    first_plain: dict[str, int] = {}
    anywhere: set[str] = set()
    prefixes: set[str] = set()
    text, a = part.key[0], part.start
    for d in blocks:
        cell = d.kind == "table_cell" and _term_cell(d.text) and places.glossary_row(d.start)
        (plain, loose), camels, codes = _block_definitions(d.text, cell)
        if places.in_glossary(d.start) and d.kind != "table_cell":
            anywhere.update(_glossary_line_terms(d.text))  # "ANI / ALI: ..."
        prefixes |= codes
        if plain and (
            text.startswith("[^", d.start - a)  # a footnote: "[^1]: USE ..."
            or places.in_glossary(d.start)  # a line of a glossary section
        ):
            anywhere.update(plain)
        else:
            for acronym in (*plain, *camels):
                first_plain.setdefault(acronym, d.start - a)
        anywhere.update(loose)
        anywhere.update(people_initials(d.text, places.people))
    return tuple(first_plain.items()), frozenset(anywhere), frozenset(prefixes)


def _part_uses(
    doc: PostmortemDoc,
    part: Part,
    blocks: list[Block],
    places: _Places,
    words: tuple[frozenset[str], re.Pattern[str] | None, Shapes],
) -> tuple[tuple[tuple[int, str, int], ...], frozenset[str]]:
    """A part's first use of each acronym that may be reported (:class:`_PartAcronyms`):
    in paragraphs, list items and prose table cells outside quotes, and in a body row's
    label cell outside a glossary; not a known word, a legal form, an identifier or a
    format placeholder. With them, the acronyms whose every use in the part is an ordinary
    word shouted in running prose (:func:`_shouted`; an acronym alone in its cell is no
    prose): their later uses are read too, and the first written as an acronym ("the CA",
    "AS 64500") takes the place of the shouted one."""
    skip, formats, shapes = words
    headers = {c.start for t in part.tables(doc) for c in t.header}
    seen: set[str] = set()
    shouted: set[str] = set()
    out: list[tuple[int, str, int]] = []
    for b in blocks:
        if b.kind == "table_cell":
            if b.start in headers:
                continue
            if not _cell_prose(b.text) and not (
                _labelling_acronym(b.text) and places.row_label(b.start)
            ):
                continue
        elif b.kind not in ("paragraph", "list_item") or b.in_quote:
            continue
        codes = shapes.currency_codes
        lone = b.kind == "table_cell" and _lone_acronym(b.text)
        found = _cell_use(b.text, codes) if b.kind == "table_cell" else _uses(b.text, codes)
        quoted = _quoted_messages(b.text) if found else []
        for rel, acronym in found:
            if (
                acronym in skip
                or (acronym in seen and acronym not in shouted)
                or any(a <= rel < z for a, z in quoted)
                or _no_use(b.text, rel, acronym, shapes)
                or (formats is not None and _in_placeholder(b.text, rel, formats))
            ):
                continue
            use = (b.start - part.start + rel, acronym, b.start - part.start)
            if not lone and _shouted(b.text, rel, acronym, shapes):
                if acronym in seen:
                    continue
                shouted.add(acronym)
            elif acronym in shouted:  # the first use written as an acronym stands for it
                shouted.discard(acronym)
                out = [use if u[1] == acronym else u for u in out]
                continue
            seen.add(acronym)
            out.append(use)
    return tuple(sorted(out)), frozenset(shouted)


#: a bracket that holds only quoted values, one or a list ('("FR")', '("DE", "AT" or "CH")')
_QUOTED_EXAMPLES = re.compile(
    r'\((?:[ \t]*(?:"[^"\n]{1,40}"|\u201c[^\u201d\n]{1,40}\u201d)[ \t]*(?:,|\bor\b|\band\b)?)+\)'
)


def _quoted_messages(text: str) -> list[tuple[int, int]]:
    """The spans of the messages ``text`` quotes (:func:`pm_lsp.nlp.reported.quoted_messages`:
    three words or more in double quotes, a customer's chat line, an alert's text, a sign's
    wording). They are someone else's words as written, like a block quote:
    their capitals ("why is QXR frozen at 168.20?") are no acronym the writers chose to use,
    and the writers cannot spell one out inside them. So are values quoted alone in a
    bracket as examples of what the sentence names ('the export switched to three-letter
    codes ("FRA")', 'a status ("HELD" or "VOID")'): the literal strings, not initials. A
    term in quotes in the running text ("the "RTQ" feed") stays a use, and so does the
    same acronym written outside the quotes later; so does a value the writers give a
    markup attribute (a figure's ``caption="..."``)."""
    if '"' not in text and "\u201c" not in text:
        return []
    spans = [
        m.span()
        for m in quoted_messages(text, longest=300)
        if not text[: m.start()].rstrip().endswith("=")  # a markup value: caption="..."
    ]
    spans.extend(m.span() for m in _QUOTED_EXAMPLES.finditer(text))
    return spans


#: a course number after the letters ("CHEM 201", "CS 101", "MATH 2410B"): three or four
#: digits after one space, no decimal, version or time after them ("TLS 1.2" is none)
_COURSE_NUMBER = re.compile(r"s?[ \xa0](\d{3,4})[A-Z]?(?![\w.,:/-]*\d)(?![\w%])")
#: the word after a number ("3100 unit", "201 students")
_NEXT_WORD = re.compile(r"[ \xa0]+([A-Za-z][\w-]*)")
#: the words a DNS record type stands before ("the CAA records", "an NS lookup")
_RECORD_WORD = re.compile(r"s?[ -](?:records?|rrs?|rrsets?|lookups?|quer(?:y|ies)|entry|entries)\b")


@dataclass(frozen=True)
class Shapes:
    """The pack's words for capitals that are no acronym in some places: legal forms after
    a name, DNS record types before "record", currency codes where the document writes
    currencies, course numbers (``rules/readability.toml``), compiled once per pack
    (:meth:`of`)."""

    legal_forms: frozenset[str] = frozenset()
    record_types: frozenset[str] = frozenset()
    currency_codes: frozenset[str] = frozenset()
    #: two or more currency codes in a row ("GBP, SEK and CHF", "EUR/NOK")
    currency_list: re.Pattern[str] | None = None
    #: the codes read as currencies everywhere (in ``known-acronyms``): a list holding one
    #: is a list of currencies
    major_currencies: frozenset[str] = frozenset()
    #: money words: a list of codes in a paragraph with one is a list of currencies
    money: re.Pattern[str] | None = None
    #: words of teaching: a number after capitals is a course number only beside one
    course: re.Pattern[str] | None = None
    #: nouns after a number that make it a model's or a status's number ("3100 unit")
    numbered_nouns: frozenset[str] = frozenset()
    #: the words that set a state, ending just before an English word in capitals: the
    #: state's value as a tool writes it ("set to DRAIN", "marked as IDLE")
    state_setting: re.Pattern[str] | None = None
    #: post-nominal letters (``post-nominals``): a credential after a person's name in a
    #: byline or a signature ("M. Ellison, RN, MSN"), and the line before one that makes it
    #: so (:func:`_credential`)
    post_nominals: frozenset[str] = frozenset()
    byline_name: re.Pattern[str] | None = None
    #: ordinary English words in capitals, read as emphasis in running prose
    #: (:func:`_shouted`): function words (``emphasis-words``), which after a determiner
    #: are a noun, and those that follow one too (``emphasis-modifiers``, the shouted
    #: content words ``emphasis-content-words``, the impact family's ``number-words``), all
    #: in capitals
    emphasis: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    #: a determiner or possessive ending just before the candidate (``noun-markers``)
    noun_marker: re.Pattern[str] | None = None
    #: an e-mail subject's reply and forward markers (``mail-prefixes``: "FW:", "RE:")
    mail_prefixes: frozenset[str] = frozenset()
    #: the nouns after a command's or a control's name in capitals (``command-nouns``):
    #: "sent CLOSE commands", "pressed the RESET button" (:func:`_command_name`)
    command_noun: re.Pattern[str] | None = None
    #: a carrier's numbered service after its letters (``numbered-services``): "KLM flight
    #: 603" (:func:`_proper_name`)
    numbered_service: re.Pattern[str] | None = None
    #: other record types joined before the record word ("SOA and NS records", "A, AAAA or
    #: MX records"): each of them stands before it (:func:`_identifier`)
    record_run: re.Pattern[str] | None = None
    #: a ship's prefix (``vessel-prefixes``), part of the name after it (:func:`_vessel`)
    vessels: frozenset[str] = frozenset()
    #: a blank left in a template's brackets ("[NAME]": structure's ``blank-fields``)
    blanks: re.Pattern[str] | None = None

    @classmethod
    def of(cls, pack: RulePack) -> Shapes:
        codes = frozenset(pack.words(FAMILY, "currency-codes"))
        alt = "|".join(sorted(codes))
        return cls(
            frozenset(pack.words(FAMILY, "legal-forms")),
            frozenset(pack.words(FAMILY, "record-types")),
            codes,
            re.compile(
                rf"\b(?:{alt})(?:(?:\s*[,/]\s*|\s+(?:and|or|to|vs\.?|into)\s+|,\s+and\s+)(?:{alt}))+\b"
            )
            if alt
            else None,
            codes & frozenset(pack.words(FAMILY, "known-acronyms")),
            _any_word(pack.words(FAMILY, "currency-words"), r"|[$€£¥]\s?\d"),
            _any_word(pack.words(FAMILY, "course-words")),
            frozenset(w.lower() for w in pack.words(FAMILY, "numbered-nouns")),
            _words_before(pack.words(FAMILY, "state-setting")),
            frozenset(pack.words(FAMILY, "post-nominals")),
            _byline_name(pack.words(FAMILY, "post-nominals")),
            frozenset(w.upper() for w in pack.words(FAMILY, "emphasis-words")),
            frozenset(
                w.upper()
                for w in (
                    *pack.words(FAMILY, "emphasis-modifiers"),
                    *pack.words(FAMILY, "emphasis-content-words"),
                    *pack.words("impact", "number-words"),
                )
            ),
            _words_before(pack.words(FAMILY, "noun-markers")),
            frozenset(pack.words(FAMILY, "mail-prefixes")),
            _words_after(pack.words(FAMILY, "command-nouns")),
            _numbered(pack.words(FAMILY, "numbered-services")),
            _record_run(pack.words(FAMILY, "record-types")),
            frozenset(pack.words(FAMILY, "vessel-prefixes")),
            pack.derived(placeholder_notes),
        )


def _record_run(types: list[str]) -> re.Pattern[str] | None:
    """Other record types joined after one (by a comma, a slash, "and" or "or"), then the
    record word: the whole run names record types ("the SOA and NS records")."""
    if not types:
        return None
    alt = "|".join(sorted(map(re.escape, types), key=len, reverse=True))
    join = r"(?:[ \t]*[,/][ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
    return re.compile(rf"(?:{join}(?:{alt})(?![\w&-]))+" + _RECORD_WORD.pattern)


#: the part of a byline before a person's name: a label and its colon ("**Prepared by:**",
#: "Author:"), "by", a dash, or nothing (the name opens the line, as a signature does)
_BYLINE_OPENING = (
    r"[ \t>*_-]*(?:(?:[A-Z][\w '’/&()-]{0,40}?[*_]*[ \t]*:[*_]*"
    r"|(?:[A-Z][a-z]+(?:[ \t]+[a-z]+)?[ \t]+)?[Bb]y|—|–|--)[ \t]+)?"
)
#: a person's name: a title ("Dr."), an initial ("M.") or a given name first (``first``:
#: checked against the given-name list, so "Pump Library, PE" is no person), then up to two
#: more given names, initials or particles, and a surname
_PERSON_NAME = (
    r"(?:(?:Dr|Prof|Mr|Ms|Mrs|Mx)\.?[ \t]+(?P<title>))?"
    r"(?P<first>[A-Z][\w’\x27-]*)(?P<initial>\.)?[ \t]+"
    r"(?:(?:[A-Z][\w’\x27-]*\.?|van|von|de|da|del|der|di|du|la|le|bin|ibn|al)[ \t]+){0,2}"
    r"[A-Z][\w’\x27-]+"
)


def _byline_name(letters: Iterable[str]) -> re.Pattern[str] | None:
    """A line up to a post-nominal: its opening (:data:`_BYLINE_OPENING`), a person's
    name, maybe other post-nominals, each after a comma, and the comma before this one."""
    alt = "|".join(map(re.escape, sorted(sorted(set(letters)), key=len, reverse=True)))
    if not alt:
        return None
    return re.compile(rf"{_BYLINE_OPENING}{_PERSON_NAME}(?:,[ \t]*(?:{alt}))*,[ \t]*")


#: how far back a credential's line is read for the name before it
_BYLINE_CHARS = 160


def _credential(text: str, at: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals at ``text[at]`` post-nominal letters after a person's name that
    opens its line or follows a byline's label, "by" or a dash ("Prepared by: M. Ellison,
    RN, MSN", "Omar Haddad, PE")? They tell who the writer is, no term to spell out. The
    same letters in prose ("the RN on shift") are read as usual."""
    pattern = shapes.byline_name
    if pattern is None or acronym not in shapes.post_nominals:
        return False
    start = text.rfind("\n", 0, at) + 1
    if at - start > _BYLINE_CHARS:
        return False
    m = pattern.fullmatch(text, start, at)
    if m is None:
        return False
    first = m.group("first")
    return (
        m.group("title") is not None
        or (m.group("initial") is not None and len(first) == 1)
        or is_given_name(first, given_names())
    )


def _any_word(words: Iterable[str], extra: str = "") -> re.Pattern[str] | None:
    """One of ``words`` as a whole word, any case (a space in a phrase is any run of it)."""
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    if not alt and not extra:
        return None
    return re.compile(rf"(?i)\b(?:{alt or '(?!)'})\b{extra}")


def _words_before(words: Iterable[str]) -> re.Pattern[str] | None:
    """One of ``words`` as a whole word, any case, ending a text with one space or tab
    after it (searched in the few characters before a candidate)."""
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?i)\b(?:{alt})[ \t]+$") if alt else None


def _words_after(words: Iterable[str]) -> re.Pattern[str] | None:
    """One of ``words`` as a whole word, any case, after one space or tab (matched just
    after a candidate)."""
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?i)[ \t]+(?:{alt})\b") if alt else None


def _numbered(words: Iterable[str]) -> re.Pattern[str] | None:
    """One of ``words``, any case, between one space before it and a number after it ("
    flight 603"), matched just after a candidate."""
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?i)[ \t\xa0]+(?:{alt})[ \t\xa0]+\d") if alt else None


#: a capitalised word right after the capitals, one space between: the rest of a name
#: ("MSC Liora", "HSBC Tower"); not a word in capitals, not before a hyphen or a digit
_NAME_WORD_AFTER = re.compile(r"[ \xa0][A-Z][a-z][a-z'’]*(?![\w-])")
#: a possessive just before the capitals ("our DBA Ana"): a role before a person's name
_POSSESSIVE_BEFORE = re.compile(r"(?i)\b(?:our|my|their|your|his|her)[ \t\xa0]+$")
#: a word of a block, for :func:`_title_case`
_BLOCK_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: a block of this many words or more, most of them capitalised, is written in title case
_TITLE_WORDS = 4


@lru(16_384)
def _title_case(text: str) -> bool:
    """Is the block written in title case ("Add QPS Alerting For The Relay"), where a
    capitalised word after capitals says nothing of a name? Memoised per block."""
    words = _BLOCK_WORD.findall(text)
    upper = sum(1 for w in words if w[0].isupper())
    return len(words) >= _TITLE_WORDS and 2 * upper > len(words)


def _proper_name(text: str, at: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals at ``text[at]`` part of a proper name, not initials to spell out:
    a capitalised word follows them in running prose ("the MSC Liora", "the BMW Group
    plant", "HSBC Tower"), or a carrier's numbered service ("KLM flight 603",
    ``numbered-services``)? Not in a block written in title case; "the QQX gateway",
    "ACME's NOC" are read as before."""
    end = at + len(acronym)
    service = shapes.numbered_service
    if service is not None and service.match(text, end) is not None:
        return True
    name = _NAME_WORD_AFTER.match(text, end)
    if name is None or _title_case(text):
        return False
    # "our DBA Ana restored it": a role of ours before a person's given name
    return not (
        _POSSESSIVE_BEFORE.search(text, max(0, at - 8), at) is not None
        and is_given_name(name.group(0)[1:], given_names())
    )


def _command_name(text: str, at: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals at ``text[at]`` a command's or a control's name as the device or
    the protocol writes it, an English word in capitals right before a noun that names
    such a thing ("remote CLOSE commands", "the RESET button", "a HALT instruction")? The
    name is the word itself, no initials to spell out. Capitals that spell no word ("the
    LACP command") or a short one ("an ACK command" is read as before) stay acronyms."""
    pattern = shapes.command_noun
    return (
        pattern is not None
        and len(acronym) >= _STATE_LETTERS
        and pattern.match(text, at + len(acronym)) is not None
        and acronym.lower() in table()
    )


#: a ship's name after its prefix: a capitalised word, maybe set in italics (masked to
#: blanks) or quotes ("MV *Tern Bay*", 'HMS "Valiant"')
_VESSEL_NAME = re.compile(r"[ \xa0]+[\"'“‘]?[A-Z][a-z]")


def _no_use(text: str, at: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals at ``text[at]`` no use of an acronym here: a company's legal form
    after its name (:func:`_legal_form`), a credential after a person's name in a byline
    (:func:`_credential`), an identifier's letters (:func:`_identifier`;
    "AS 1299" is an autonomous system, read as before), a state's value
    (:func:`_state_value`), a ship's prefix before its name or a field's name standing
    for a value still to fill in ("[NAME]")?"""
    if acronym in shapes.legal_forms:
        return _legal_form(text, at, acronym, shapes.legal_forms)
    if _credential(text, at, acronym, shapes):
        return True
    if acronym in shapes.mail_prefixes and _mail_prefix(text, at, acronym):
        return True
    if acronym in shapes.vessels and _VESSEL_NAME.match(text, at + len(acronym)):
        return True  # "the MV *Tern Bay*": a ship's name, whatever the block's case
    if shapes.blanks is not None and "[" in text and _in_placeholder(text, at, shapes.blanks):
        return True  # "Prepared by: [NAME]": a blank to fill, standing for a value
    return (
        _identifier(text, at + len(acronym), acronym, shapes)
        or _state_value(text, at, acronym, shapes)
        or _command_name(text, at, acronym, shapes)
        or _proper_name(text, at, acronym, shapes)
    )


#: what may stand on a line before a subject's prefix: markup and labels with their colon
#: ("Subject: FW: RE: …", "# Fwd: RE: …")
_BEFORE_PREFIX = re.compile(r"[ \t>#*_-]*(?:[A-Za-z]{1,12}[*_]*:[*_]*[ \t]*)*")


def _mail_prefix(text: str, at: int, acronym: str) -> bool:
    """Are the capitals at ``text[at]`` an e-mail subject's reply or forward marker ("FW:",
    "RE:"): right before a colon, with nothing before them on their line but markup and
    other labels ("Subject: FW: RE: Batch overrun")? Anywhere else the letters are read as
    usual ("the RE team", "RE: see below" mid-sentence)."""
    end = at + len(acronym)
    if not text.startswith(":", end):
        return False
    line = text.rfind("\n", 0, at) + 1
    return _BEFORE_PREFIX.fullmatch(text, line, at) is not None


def _shouted(text: str, at: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals at ``text[at]`` an ordinary English word written in capitals for
    emphasis ("Come ON", "we were ONE command away", "it took FOUR hours")? A function
    word or a number in capitals (``emphasis-words``, ``emphasis-modifiers``, the impact
    family's ``number-words``) is, where nothing marks it as an acronym: no plural "s", no
    hyphen or slash joining it to a word ("CA-signed", "multi-AS"), no number after it
    ("AS 64500"), and, for a function word, no article or possessive before it ("the CA",
    "our AS": a noun there, the acronym). The first use written as an acronym, if any, is
    the acronym's first use (:func:`_part_uses`)."""
    modifier = acronym in shapes.modifiers
    if not modifier and acronym not in shapes.emphasis:
        return False
    end = at + len(acronym)
    if text[end : end + 1] in ("s", "-", "/") or text[at - 1 : at] in ("-", "/"):
        return False
    if _NUMBERED.match(text, end) is not None:
        return False
    marker = shapes.noun_marker
    return modifier or marker is None or marker.search(text, max(0, at - 12), at) is None


#: a state's value is a word of this many letters at least: shorter capitals after "set
#: to" are initials as often as not ("set to NAT", "marked as PII")
_STATE_LETTERS = 4


def _state_value(text: str, at: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals at ``text[at]`` a state's value as a tool writes it, an English
    word in capitals right after the words that set a state ("partitions set to DRAIN",
    "the node was marked as IDLE", "jobs stayed in state PENDING")? A tool's states and
    keywords are its own words, no initials to spell out. Capitals that spell no word
    ("set to LACP") or a short one ("set to NAT") are read as before."""
    pattern = shapes.state_setting
    return (
        pattern is not None
        and len(acronym) >= _STATE_LETTERS
        and pattern.search(text, max(0, at - 32), at) is not None
        and acronym.lower() in table()  # the syllable table, read only after the words
    )


@lru(16_384)
def _money_lists(text: str, shapes: Shapes) -> frozenset[str]:
    """The codes of the block's lists that are about money: a major currency among them,
    or money beside the list in its own sentence: a money word just before or after it
    ("payouts in ZAR and KES", "ZAR and KES refunds") or a code next to an amount. A money
    word further off ("the QAR and AOA feeds went stale and the payment queue grew") or
    in another sentence says nothing of the list. Memoised per block."""
    pattern = shapes.currency_list
    if pattern is None:
        return frozenset()
    amounts = _amount_codes(text)
    found: set[str] = set()
    stops = [e.end() for e in _SENTENCE_END.finditer(text)]
    for m in pattern.finditer(text):
        codes = frozenset(re.findall(r"[A-Z]{3}", m.group(0)))
        i = bisect.bisect_right(stops, m.start())
        start = stops[i - 1] if i else 0
        j = bisect.bisect_left(stops, m.end())
        end = stops[j] if j < len(stops) else len(text)
        near = text[max(start, m.start() - 40) : min(end, m.end() + 24)]
        if (
            codes & shapes.major_currencies
            or (shapes.money is not None and shapes.money.search(near) is not None)
            or any(a in text[start:end] for a in amounts)
        ):
            found |= codes
    return frozenset(found)


#: where a sentence ends inside a block
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


@lru(16_384)
def _mentions(text: str, words: re.Pattern[str]) -> bool:
    """Does the block hold one of ``words``? Memoised per block, however many candidates
    ask."""
    return words.search(text) is not None


def _identifier(text: str, end: int, acronym: str, shapes: Shapes) -> bool:
    """Are the capitals ending at ``text[end]`` part of an identifier, not initials to
    spell out: a department's letters with a course number ("CHEM 201": the document may
    still use the letters alone, and that use is reported; :func:`_course`), or a DNS
    record type before "record" or "lookup" ("CAA records")?"""
    if _course(text, end, acronym, shapes):
        return True
    if acronym not in shapes.record_types:
        return False
    if _RECORD_WORD.match(text, end) is not None:
        return True
    return shapes.record_run is not None and shapes.record_run.match(text, end) is not None


def _course(text: str, end: int, acronym: str, shapes: Shapes) -> bool:
    """Is a course number after the letters ending at ``text[end]`` ("PHYS 210")? Two to
    four letters; not a year ("the QQRS 2025 plan"), not a number a model or status noun
    follows ("QX 3100 unit", "LB 503 responses"); only with a word of teaching after it or
    in the paragraph ("students in CS 101", "grades for HIST 1150"). Without one the
    number is a standard's, a form's or a message type's ("EDI 856", "a QRX 8102
    frame"), and the letters before it are a use like any other."""
    m = _COURSE_NUMBER.match(text, end)
    if m is None or not 2 <= len(acronym) <= 4:
        return False
    number = int(m.group(1))
    if 1900 <= number <= 2099:
        return False
    after = _NEXT_WORD.match(text, m.end())
    word = after.group(1).lower() if after else ""
    if word in shapes.numbered_nouns:
        return False
    course = shapes.course
    return course is not None and (course.fullmatch(word) is not None or _mentions(text, course))


#: a capitalised word just before, no determiner: the name a legal form ("AS", "LLC")
#: follows ("Halvorsen Logistics AS", "Brightline Health, LLC")
_AFTER_NAME = re.compile(
    r"(?<![\w&'’.-])(?!(?:The|Our|Their|Your|His|Her|Its|This|That|Each|Every|Any|No|An?|My|"
    r"Which|Whose)\b)[A-Z][a-z][\w&'’.-]*,? $"
)


#: a number after the acronym (a space, a no-break space or a hyphen between): "AS 174" is
#: an autonomous system's number, "SA-2024" an advisory, never a legal form
_NUMBERED = re.compile(r"[ \t\xa0-]?\d")


def _legal_form(text: str, at: int, acronym: str, legal_forms: frozenset[str]) -> bool:
    """Is the acronym at ``text[at]`` a company's legal form after its name ("Halvorsen
    Logistics AS")? Not when a number follows it ("Cogent AS 174")."""
    return (
        acronym in legal_forms
        and _NUMBERED.match(text, at + len(acronym)) is None
        and _AFTER_NAME.search(text, max(0, at - 48), at) is not None
    )


#: a word of a table cell (:func:`_cell_prose`)
_CELL_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: a cell of this many words is a phrase or a sentence ("Marketing QQX by channel",
#: "pages the on-call QQX"), read like prose; a shorter one is a label or shorthand
_CELL_PROSE_WORDS = 3


def _cell_use(text: str, currencies: frozenset[str]) -> tuple[tuple[int, str], ...]:
    """The acronyms used in a table cell: those of its prose, or the one acronym that is
    the whole cell (all capitals, so :func:`_uses` would read it as a label)."""
    m = _ACRONYM.fullmatch(text.strip())
    if m is None:
        return _uses(text, currencies)
    return ((len(text) - len(text.lstrip()), m.group(1)),)


@lru(16_384)
def _term_cell(text: str) -> bool:
    """Is a table cell a glossary term: one acronym or several defined together
    (:func:`glossary_terms`)? Only such a cell may be a glossary row's term."""
    return bool(glossary_terms(text))


@lru(16_384)
def _lone_acronym(text: str) -> bool:
    """Is a table cell one acronym and nothing else (a metrics table's row label "DAU")?
    Outside a glossary, that is a use a reader meets, though the cell is short."""
    return _ACRONYM.fullmatch(text.strip()) is not None


def _labelling_acronym(text: str) -> bool:
    """Is a table cell an acronym alone (:func:`_lone_acronym`) or one word in lower or
    title case and then an acronym, the thing the row measures ("Marketing QQX", "Weekly
    QQX")? As a body row's label outside a glossary, either is a use a reader meets. The
    acronym first ("QQX restart": a step's shorthand), two acronyms ("EU QQX") or a number
    stay shorthand."""
    parts = text.split()
    if len(parts) == 1:
        return _lone_acronym(text)
    if len(parts) != 2:
        return False
    word, acronym = parts
    return (
        word.isalpha()
        and not word.isupper()
        and len(word) > 2
        and _ACRONYM.fullmatch(acronym) is not None
    )


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
        *ctx.pack.words(FAMILY, "product-names"),
        *ctx.option("known"),
        *_emphasis(ctx),
    ]
    lines = ctx.doc.lines
    for offset, acronym, later in undefined_acronyms(ctx, known):
        message = (
            ctx.pack.message(FAMILY, "undefined-acronym", acronym=acronym)
            if later is None
            else ctx.pack.message(
                FAMILY, "acronym-defined-later", acronym=acronym, line=lines.line_of(later) + 1
            )
        )
        yield Finding(offset, offset + len(acronym), message, data={"acronym": acronym})


def _formats(pack: RulePack) -> re.Pattern[str] | None:
    return format_placeholders(pack.words(FAMILY, "format-letters"))


def _emphasis(ctx: RuleContext) -> list[str]:
    """Words written in capitals for emphasis ("we JUST missed it", "it NEVER paged"): the
    blame family's shouting words and minimisers (``rules/blame.toml``), named there once.
    In capitals they are a shout, which PM106 reads, not an acronym."""
    words = [*ctx.pack.words("blame", "shouting-words"), *ctx.pack.words("blame", "minimisers")]
    return [w.upper() for w in words]


RULES = (check_undefined_acronym,)


class _ZonesWritten:
    """The zones the document writes its times in, for the few acronyms about to be
    reported: after a clock time anywhere (capitals ending in "T", "2:10am SAST"), or, for
    a zone the timeline family lists, as its timeline's declared zone ("Porto time, WEST")
    or after a clock time (:func:`~pm_lsp.rules.timeline.model.zones_written`). Then every
    use of it is read like "UTC". Each part's zones come with its memo entry
    (:class:`_PartAcronyms`), joined at most once per lint and only when asked: folding over
    the parts' texts through two caches of their own cost an edit of the 11,900-word
    corpus document ~0.45 ms."""

    def __init__(self, ctx: RuleContext, found: list[tuple[Part, _PartAcronyms]]) -> None:
        self._ctx = ctx
        self._found = found
        self._clock: frozenset[str] | None = None
        self._written: frozenset[str] | None = None

    def holds(self, acronym: str) -> bool:
        """Does the document write its times in the zone ``acronym``?"""
        if acronym.endswith("T"):
            if self._clock is None:
                self._clock = frozenset().union(*(got.clock_zones for _p, got in self._found))
            if acronym in self._clock:
                return True
        ctx = self._ctx
        if acronym not in ctx.pack.derived(Zones).offsets:  # the timeline family's [zones]
            return False
        if self._written is None:
            prose = frozenset().union(*(got.prose_zones for _p, got in self._found))
            zone = timeline_of(ctx.doc, ctx.pack, ctx.template).zone  # as zones_written
            self._written = prose | {zone.strip("() ")} if zone is not None else prose
        return acronym in self._written


def _part_clock_zones(masked: str) -> frozenset[str]:
    """The zones written after a clock time in one part's masked text (a clock and its
    zone stand on one line, never across a heading)."""
    return frozenset(m.group(1) for m in _ZONE_AFTER_CLOCK.finditer(masked))
