"""Where a postmortem tells each part the template asks for: section concepts, not headings.

A part (summary, impact, root cause...) is *written* when a heading names it (a synonym
anywhere in the heading, so a combined heading names each part it lists), when a bold or
plain label opens a paragraph or list item with it (``**Impact**:`` followed by text or a
list, also inside another section), when a table row's first cell names it, or when a
front-matter key does; a run of time-stamped entries is a timeline. A heading or label with
nothing under it, or only a template prompt, writes nothing. A part is *told in prose*
when no such form names it but a sentence does (the cues of ``rules/structure.toml``;
a block matching a part's cue-exception, such as a reason for noticing late, counts only
through its strong cues): the rules do not call that part missing, and say so when a
template asks for a section. A document opening with a fact sheet of labelled entries whose
headline entries tell how it came about tells its summary there.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from pm_lsp.cache import BLOCK_CHARS, Memo, lru
from pm_lsp.model.document import Block, PostmortemDoc, Section
from pm_lsp.nlp.patterns import Gated
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.policy.templates import Template, is_statement
from pm_lsp.rules.actions.items import is_action_label, tracks_a_list
from pm_lsp.rules.structure.blanks import placeholder_notes
from pm_lsp.rules.timeline.chat import chat_header, chat_lines

if TYPE_CHECKING:
    from pm_lsp.rules.structure.parts import PartFacts, Parts

#: a label opening a block, on masked text (markup is blanked, a footnote's "[^1]" too):
#: an optional emoji or symbol, a key of at most eight words not ending in a digit, a
#: colon not followed by one ("At 4:11" is a time); or a key alone on its line when the
#: source opens it in bold ("**Key events**" over a list)
_LABEL = re.compile(
    r"[ \t]*(?::[ \t]+)?(?:[^\w\s]{1,3}[ \t]*)?"
    r"(?P<key>[^\W\d_](?:[\w '’/&();?-]{0,70}?(?:[^\W\d_]|[)?]))?)[ \t]*:(?!\d)"
)
_BOLD_OPEN = re.compile(r"[ \t]*(?:\*\*|__)")

#: a time stamp opening an entry: "14:23", "2021-07-12 15:44", "**21:36**", "Jan 5 10:02",
#: the day before the month ("4 Feb 06:15", "27 October 2025 23:40"; act42)
_STAMP = re.compile(
    r"[ \t]*(?:\d{4}-\d{2}-\d{2}[ T]?|[A-Z][a-z]{2,8}\.? \d{1,2},? "
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?(?: \d{4})?,? )?"
    r"\d{1,2}:\d{2}\b"
    r"|[ \t]*\d{4}-\d{2}-\d{2}\b"
)

#: a placeholder opening a block; "TODO-42" is a ticket key
_TODO = re.compile(r"(?:TODO|TBD|FIXME)(?![-\w])")

#: a label is a name, not a clause: at most this many words before its colon
_LABEL_WORDS = 8

#: a block written wholly in italics (one emphasis run, single marks)
_ITALIC_ONLY = re.compile(r"(?s)(?:_(?!_)[^_]+_|\*(?!\*)[^*]+\*)")

#: how many time-stamped entries make a timeline
_TIMELINE_ENTRIES = 3


@dataclass(frozen=True)
class Presence:
    """The parts a document writes (id -> the form: heading, label, table, front-matter,
    entries), the parts it tells only in prose, and those it has only empty headings for."""

    written: Mapping[str, str]
    in_prose: frozenset[str]
    #: parts named only by headings with nothing of the author's under them: PM202
    #: reports those headings (empty, or placeholders and prompts only)
    unfilled: frozenset[str] = frozenset()

    def has(self, ids: Iterable[str]) -> str | None:
        """The form in which the first of ``ids`` is written, else None."""
        return next((self.written[i] for i in ids if i in self.written), None)


@dataclass(frozen=True)
class Words:
    prompts: re.Pattern[str]
    #: the first word of an italic template prompt
    italic_prompt: re.Pattern[str]
    placeholders: frozenset[str]
    cues: Mapping[str, re.Pattern[str]]
    #: blocks whose cue words tell something else (a reason for late detection is not a
    #: cause): they count for the part only through its strong cues
    exceptions: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    strong: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    #: per masked block text: :func:`is_filler`'s answer
    _filler: Memo[bool] = field(default_factory=Memo, compare=False, repr=False)
    #: per text: the parts asked about so far and whether the text tells each
    #: (:meth:`told`)
    _told: Memo[tuple[tuple[str, bool], ...]] = field(
        default_factory=Memo, compare=False, repr=False
    )
    #: the placeholder words as written (a whole block equal to one is unwritten)
    placeholder_words: frozenset[str] = frozenset()
    #: a blank left in brackets (:func:`~pm_lsp.rules.structure.blanks.placeholder_notes`)
    fill_in_note: re.Pattern[str] | None = None
    #: whole answers that say the part is still to be written ("None yet": lower case,
    #: ``pending-answers``): filler, and a placeholder in any section
    pending: frozenset[str] = frozenset()
    #: whole answers that say nothing applies ("N/A": lower case, ``not-applicable``): a
    #: real answer, except as the whole body of a part every incident has
    not_applicable: frozenset[str] = frozenset()
    #: a letter's salutation as a whole block ("Hi all,"; ``greetings`` and ``addressees``)
    salutation: re.Pattern[str] = re.compile(r"(?!)")
    #: per (source, masked) block text: :func:`block_facts`' answer
    _facts: Memo[BlockFacts] = field(
        default_factory=lambda: Memo(chars=BLOCK_CHARS), compare=False, repr=False
    )
    #: per part of a document (its source and masked text, the template): what PM201 and
    #: PM202 read of it (:func:`pm_lsp.rules.structure.parts.structure_parts`)
    _parts: Memo[PartFacts] = field(
        default_factory=lambda: Memo(chars=BLOCK_CHARS), compare=False, repr=False
    )
    #: per part and the parts asked about: those its prose tells (:func:`parts.told`)
    _part_told: Memo[frozenset[str]] = field(
        default_factory=lambda: Memo(chars=BLOCK_CHARS), compare=False, repr=False
    )
    #: per part and the fields asked about: those its text tells (PM203, ``fields``)
    _part_fields: Memo[frozenset[str]] = field(
        default_factory=lambda: Memo(chars=BLOCK_CHARS), compare=False, repr=False
    )
    #: the cues, exceptions and strong cues, searched through one reading of a block: a cue
    #: runs only where the block holds a word it cannot match without, so a huge block of
    #: markup debris does not cost a full search per part
    _gated: Gated = field(default_factory=lambda: Gated([]), compare=False, repr=False)

    def told(self, cid: str, text: str) -> bool:
        """:meth:`tells`, memoised per text. A cue is a long alternation (some microseconds
        a block), and :func:`presence` asks about every block of a long document for each
        part no form writes; after an edit only the changed block is read again. The parts
        are asked about lazily, as before: a text's entry grows by one answer at a time, so
        a document read once costs what it did."""
        known = self._told.get(text)
        if known is not None:
            for c, answer in known:
                if c == cid:
                    return answer
        answer = self.tells(cid, text)
        self._told.put(text, (*(known or ()), (cid, answer)))
        return answer

    def tells(self, cid: str, text: str) -> bool:
        """Whether a prose block tells part ``cid`` in passing."""
        cue = self.cues.get(cid)
        if cue is None:
            return False
        reading = self._gated.read(text)
        if reading.search(cue) is None:
            return False
        exception = self.exceptions.get(cid)
        if exception is None or reading.search(exception) is None:
            return True
        strong = self.strong.get(cid)
        return strong is not None and reading.search(strong) is not None


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def _patterns(pack: RulePack, table: str) -> dict[str, re.Pattern[str]]:
    """A table of ``rules/structure.toml`` mapping part ids to regular expressions,
    each list compiled into one case-insensitive alternation."""
    value = pack.get("structure", table, {})
    return {
        cid: re.compile(_alternation([str(p) for p in pats]), re.IGNORECASE)
        for cid, pats in (value.items() if isinstance(value, Mapping) else ())
        if isinstance(pats, list) and pats
    }


def load_words(pack: RulePack) -> Words:
    """The structure words of a pack, compiled (once per pack: ``pack.derived``)."""
    cues = _patterns(pack, "cues")
    exceptions = _patterns(pack, "cue-exceptions")
    strong = _patterns(pack, "strong-cues")
    return Words(
        prompts=re.compile(_alternation(pack.words("structure", "prompts")), re.IGNORECASE),
        italic_prompt=re.compile(
            rf"(?:{_alternation(pack.words('structure', 'italic-prompt-starts'))})\b",
            re.IGNORECASE,
        ),
        placeholders=frozenset(p.lower() for p in pack.words("structure", "placeholders")),
        placeholder_words=frozenset(pack.words("structure", "placeholders")),
        salutation=_salutation(pack),
        pending=frozenset(w.lower() for w in pack.words("structure", "pending-answers")),
        not_applicable=frozenset(w.lower() for w in pack.words("structure", "not-applicable")),
        fill_in_note=pack.derived(placeholder_notes),
        cues=cues,
        exceptions=exceptions,
        strong=strong,
        _gated=Gated([*cues.values(), *exceptions.values(), *strong.values()]),
    )


def _salutation(pack: RulePack) -> re.Pattern[str]:
    """A whole block that greets: a greeting and up to four words of whom ("Hi all,",
    "Good morning Priya and Tom:", "Hey @oncall,": a chat mention), or an addressee alone
    ("Team -", "All and everyone,"), then a comma, a colon, a dash or "!"."""

    def alt(key: str) -> str:
        words = pack.words("structure", key)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"

    greet, addr = alt("greetings"), alt("addressees")
    return re.compile(
        rf"(?i)\s*(?:(?:{greet})(?:\s+@?[\w'\u2019.-]+){{0,4}}?|(?:{addr})(?:\s+(?:and|&)\s+(?:{addr}))?)"
        r"\s*[,:!\u2013\u2014-]\s*"
    )


def is_filler(text: str, words: Words) -> bool:
    """Whether a block's masked text says nothing of the author's own: empty, a placeholder
    word or a template prompt. Memoised per text: the structure rules ask it of most blocks
    of the document, some several times, on every lint."""
    got = words._filler.get(text)
    if got is None:
        got = words._filler.put(text, _is_filler(text, words))
    return got


def _is_filler(text: str, words: Words) -> bool:
    t = text.strip().strip("*_").strip()
    if not t or t.lower() in words.placeholders or _answer(t) in words.pending:
        return True
    if _TODO.match(t):
        return True
    if words.fill_in_note is not None and words.fill_in_note.fullmatch(t):
        return True  # the whole block a blank left in brackets: "[To be completed]", "(TBC)"
    return words.prompts.match(t) is not None


#: "TODO", "TBD: ask the DBA", "todo:"; not "Todo-list sync failed" (a product name) nor
#: "TODO-42" (a ticket key)
_PLACEHOLDER_START = re.compile(r"^(?:TODO|TBD|FIXME)(?![-\w])|^(?i:todo|tbd|fixme)[ \t]*(?::|$)")

#: a placeholder word left anywhere in a block ("| TODO | Impact starts |", "Scribe: TODO");
#: upper case only, so prose about a to-do list stays clean; "TODO-42" is a ticket key.
#: Each word opens its alternative and is then checked to stand alone (a lookbehind over
#: the character before it and its first letter): ``re`` skips to the next "T" or "F"
#: instead of trying a lookbehind at every position of every block.
_PLACEHOLDER_WORD = re.compile(r"T(?<![\w-]T)(?:ODO|BD)(?![\w-])|F(?<![\w-]F)IXME(?![\w-])")

#: a quotation in prose: straight or curly double quotes, guillemets, corner brackets, and
#: single quotes that open after a space and close before one (not an apostrophe:
#: "the team's TBD list"); at most one paragraph's length, no blank line inside
_QUOTATION = re.compile(
    r'"[^"\n]{1,300}(?:\n[^"\n]{1,300}){0,3}"'
    r"|\u201c[^\u201c\u201d]{1,600}\u201d|\u201e[^\u201c\u201d\u201e]{1,600}[\u201c\u201d]"
    r"|\u00ab[^\u00ab\u00bb]{1,600}\u00bb|\u300c[^\u300c\u300d]{1,600}\u300d"
    r"|\u300e[^\u300e\u300f]{1,600}\u300f"
    r"|(?<![\w\u2019\x27])\u2018[^\u2018\n]{1,300}?\u2019(?![\w\u2019])"
    r"|(?<![\w\x27\u2019])\x27[^\x27\n]{1,300}?\x27(?![\w\x27])"
)

#: a block that is a placeholder note and nothing else: "TBD", "TODO: add the graph"
_PLACEHOLDER_NOTE = re.compile(
    r"[\s*_]*(?:TODO|TBD|FIXME|(?i:todo|tbd|fixme)(?=[ \t]*:))[ \t]*(?::|[\s*_.]*$)"
)

#: the longest whole-block answer compared with the pack's short answers ("N/A", "None
#: yet"): a longer block is not lower-cased to be compared with them
_SHORT_ANSWER_CHARS = 40


def _answer(text: str) -> str:
    """A short block as it is compared with the pack's whole answers: lower case, without
    markup and a closing full stop ("**None yet.**" is "none yet")."""
    if len(text) > _SHORT_ANSWER_CHARS:
        return ""
    return text.strip().strip("*_").strip().rstrip(".!").strip().lower()


def _speaker(raw: str) -> str | None:
    """Who posted the block, when it is a chat message under its speaker's name and time."""
    head = chat_header(raw)
    return head[0] if head else None


class BlockFacts(NamedTuple):
    """What the structure rules read of one block: a pure function of its source and
    masked text (and the pack's words), so it is computed once per block text
    (:func:`block_facts`) and every lint after an edit reads the unchanged blocks' facts
    instead of testing them again. A named tuple, immutable like a frozen dataclass but
    built at a third of the cost: a long document's first lint builds one per block."""

    #: says nothing of the author's own (:func:`is_filler`)
    filler: bool
    #: its source is one run of italics (:func:`italic_only`)
    italic: bool
    #: the label opening it and the text after that (:func:`block_label`)
    label: tuple[str, str] | None
    #: the text after the label is the author's own
    label_filled: bool
    #: bold labels opening later lines (:func:`_inner_labels`): key, the line's text after
    #: it is the author's own, the line is the last
    inner: tuple[tuple[str, bool, bool], ...]
    #: opens with a time stamp (an entry of a timeline)
    stamped: bool
    #: its lines that open with a time and a speaker (a pasted chat thread's entries:
    #: :mod:`pm_lsp.rules.timeline.chat`)
    chat: int
    #: the speaker of a chat message told under its speaker's name and time
    #: (:func:`~pm_lsp.rules.timeline.chat.chat_header`)
    speaker: str | None
    #: not written by the author: a placeholder, a ``TODO:`` line, a prompt
    placeholder: bool
    #: a template prompt's tell: a question, a filler text, an italic prompt's first word
    prompt: bool
    #: the first placeholder word left in it ("TODO") outside quotation marks, and where it
    #: starts in the block, if any (:func:`_placeholder_word`)
    placeholder_word: tuple[int, str] | None
    #: it is a whole answer that nothing applies ("N/A": ``not-applicable``)
    not_applicable: bool = False


@dataclass(frozen=True)
class Facts:
    """:class:`BlockFacts` of every block of a document, in ``doc.blocks`` order."""

    facts: tuple[BlockFacts, ...]
    starts: tuple[int, ...]  #: the blocks' start offsets, for :meth:`between`
    ordered: bool  #: are they in document order (the parser makes them so)?

    def indices(self, start: int, end: int) -> Iterable[int]:
        """The indices (into ``doc.blocks``) of the blocks starting in ``[start, end)``, in
        the order ``doc.blocks_between`` gives those blocks."""
        starts = self.starts
        if self.ordered:
            return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
        return [i for i, a in enumerate(starts) if start <= a < end]

    def between(self, start: int, end: int) -> tuple[BlockFacts, ...]:
        """The facts of the blocks starting in ``[start, end)``, in the order
        ``doc.blocks_between`` gives those blocks (bisected, as it does, when the blocks
        are in document order)."""
        starts = self.starts
        if self.ordered:
            return self.facts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        return tuple(f for f, a in zip(self.facts, starts, strict=True) if start <= a < end)


def block_facts(doc: PostmortemDoc, pack: RulePack) -> Facts:
    """The :class:`BlockFacts` of ``doc``'s blocks (a document analysis: PM201, PM202 and
    the field rules read them; ``doc.analysis(block_facts, pack)``), each memoised under
    its source and masked text on the pack's words."""
    words = pack.derived(load_words)
    text = doc.text
    blocks = doc.blocks
    facts = words._facts.each(
        [(text[b.start : b.end], b.text) for b in blocks], lambda k: _facts_of(k[0], k[1], words)
    )
    starts = tuple(b.start for b in blocks)
    return Facts(facts, starts, all(a <= b for a, b in itertools.pairwise(starts)))


def _facts_of(raw: str, masked: str, words: Words) -> BlockFacts:
    """The facts of one block. Whether the block's own text is filler is computed here, not
    asked of :func:`is_filler`'s memo: the answer is memoised with the block's other facts
    under the same text, and a second table keyed by every block's text cost more (storing
    the key) than the test it saves."""
    label = _label_of(masked, _BOLD_OPEN.match(raw) is not None)
    filler = _is_filler(masked, words)
    stripped = raw.strip()
    italic = italic_only(stripped)
    return BlockFacts(
        filler=filler,
        italic=italic,
        label=label,
        label_filled=label is not None and not is_filler(label[1], words),
        inner=tuple(
            (key, not is_filler(rest, words), last)
            for key, rest, last in _inner_labels(raw, masked)
        ),
        stamped=_STAMP.match(masked) is not None,
        chat=chat_lines(raw),
        speaker=_speaker(raw),
        placeholder=_is_placeholder(raw, masked, words, filler),
        prompt=(
            stripped.rstrip("_*").endswith("?")
            or filler
            or words.italic_prompt.match(masked.strip()) is not None
        ),
        placeholder_word=_placeholder_word(masked, words.fill_in_note),
        not_applicable=_answer(masked) in words.not_applicable,
    )


def _is_placeholder(raw: str, masked: str, words: Words, filler: bool) -> bool:
    """A block the author has not written: a placeholder word, a ``TODO:`` line, a
    template prompt, lorem ipsum. A block whose prose is masked away (a bare link, an
    image) holds real content. ``filler`` is :func:`is_filler` of ``masked`` (the same
    answer as of its stripped text, which that test strips first)."""
    t = masked.strip()
    if not t:
        return not raw.strip()
    if _answer(t) in words.not_applicable:
        return False  # a real answer, save under a part every incident has (_section_facts)
    return t in words.placeholder_words or starts_as_placeholder(t) or filler


def starts_as_placeholder(text: str) -> bool:
    """Does ``text`` open with a placeholder ("TODO", "TBD: ask the DBA", "todo:")?"""
    return bool(_PLACEHOLDER_START.match(text.strip()))


def _placeholder_word(text: str, note: re.Pattern[str] | None) -> tuple[int, str] | None:
    """The first placeholder word in a block's text, or note to fill in in brackets
    (``note``: "[insert the refund total]"), and where it starts, leaving out those
    inside quotation marks: a quoted note or message ('the handoff note said "filters
    TBD"', "the ticket still read “owner TBD”") mentions someone else's placeholder;
    it is no field of this document left unfilled. The quotations are looked for only in a
    block that holds a placeholder."""
    found = [_first_unquoted(text, _PLACEHOLDER_WORD)]
    if note is not None and ("[" in text or "(" in text or ":" in text):
        found.append(_first_unquoted(text, note))
    return min((f for f in found if f is not None), default=None)


def _first_unquoted(text: str, pattern: re.Pattern[str]) -> tuple[int, str] | None:
    """The first match of ``pattern`` in ``text`` outside quotation marks, and where."""
    m = pattern.search(text)
    if m is None:
        return None
    quoted = [q.span() for q in _QUOTATION.finditer(text)]
    while m is not None:
        if not any(a < m.start() and m.end() < b for a, b in quoted):
            return m.start(), m.group(0)
        m = pattern.search(text, m.end())
    return None


def placeholder_note(text: str) -> bool:
    """Is a block's text a note of the author's to fill in ("TBD", "TODO: add the graph"),
    a placeholder and nothing else or a placeholder and its colon? Inside a quote (someone
    else's words) only such a block is a placeholder: "filters TBD" in a quoted handoff
    note, or "TBD on the filters, will check" in a quoted chat message, mentions one."""
    return _PLACEHOLDER_NOTE.match(text) is not None


def presence(doc: PostmortemDoc, template: Template, pack: RulePack) -> Presence:
    """Every part ``doc`` writes, and those it tells only in prose (memoise it with
    ``ctx.analysis(presence, ctx.template, ctx.pack)``). What each part of the document
    (:mod:`pm_lsp.rules.structure.parts`) says is read from its memoised facts; only their
    combination, and what depends on the whole document (which sections have content, the
    front matter, the opening), is done on every lint."""
    from pm_lsp.rules.structure.parts import structure_parts, told

    words = pack.derived(load_words)
    parts = doc.analysis(structure_parts, template, pack)
    written: dict[str, str] = {}
    unfilled: set[str] = set()
    titles: list[str] = []  # of headings with content: "A costly mistake" tells a cause

    def note(ids: Iterable[str], form: str) -> None:
        for cid in ids:
            written.setdefault(cid, form)

    content = has_content(doc, parts)
    for s, facts, has in zip(doc.sections, parts.sections, content, strict=True):
        if s.level == 1 and s.title == doc.title and s is doc.sections[0]:
            continue  # the title names the incident, not a part
        if has:
            note(facts.named, "heading")
            titles.append(s.title)
        elif s.title.strip():
            unfilled.update(facts.concepts)
    for p in parts.parts:
        for ids in p.facts.labels:
            note(ids, "label")
    for p in parts.parts:
        for ids in p.facts.tables:
            note(ids, "table")
    for fm in doc.metadata:
        if fm.source == "front-matter" and not is_filler(fm.value, words):
            note(template.concepts_in(fm.key), "front-matter")
    if max((p.facts.stamped for p in parts.parts), default=0) >= _TIMELINE_ENTRIES:
        note(("timeline",), "entries")
    if "action-items" not in written and tracks_a_list(doc, pack):
        note(("action-items",), "tracked list")  # "## Where we go from here" (misc36)
    asked = tuple(cid for cid in words.cues if cid not in written)
    prose = told(parts, asked, words) if asked else frozenset()
    prose |= {c for c in asked if c not in prose and any(words.told(c, t) for t in titles)}
    if "summary" not in written:
        blocks = _opening_blocks(doc)
        if _opening_paragraph(doc, blocks, words) or _opening_fact_sheet(
            doc, blocks, template, words
        ):
            prose = prose | {"summary"}
    return Presence(written, frozenset(prose), frozenset(unfilled - written.keys()))


def has_content(doc: PostmortemDoc, parts: Parts) -> list[bool]:
    """Per section of ``doc`` (``parts``: its :func:`~parts.structure_parts`): a heading
    with something of the author's under it (its own text, a table with a filled row, code,
    an image, or a subsection with content). Text that is all in italics is the template's
    prompt when nothing else is there ("_Which steps brought the service back?_").
    Folded from the last section up: a section has an author's block when its own content
    or one of its subsections has one."""
    from pm_lsp.rules.structure.parts import subtree_any

    found = subtree_any(parts, [f.author for f in parts.sections])
    for i, s in enumerate(doc.sections):
        if not found[i]:
            found[i] = _other_content(doc, s)
    return found


def _opening_blocks(doc: PostmortemDoc) -> list[Block]:
    """The paragraphs, list items and quotes :func:`_opening_paragraph` and
    :func:`_opening_fact_sheet` may read: its first six, and those before the first
    heading after the title, and one after them."""
    first = doc.sections[0] if doc.sections else None
    opening = doc.title is not None and first is not None and first.title == doc.title
    heads = doc.sections[1:] if opening else doc.sections
    stop = heads[0].heading.start if heads else len(doc.text)
    out: list[Block] = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item", "blockquote"):
            continue
        out.append(b)
        if len(out) > _OPENING_BLOCKS and b.start >= stop:
            break
    return out


#: how many blocks :func:`_opening_paragraph` reads
_OPENING_BLOCKS = 6


def _named(title: str, template: Template, pack: RulePack) -> tuple[str, ...]:
    """The parts a heading or label names: its synonyms in the template, and the Action
    Items when the action-item rules read the lists under it as follow-up work (the
    ``heading-cues`` of ``rules/actions.toml``: "Long-term fix", "Planned changes"). One
    answer for both families: a section whose items PM302-PM305 check is never a missing
    Action Items section. A checklist under another heading is follow-up work by its form,
    not a section: it names nothing here; and a heading written as a statement ("Our
    safeguards can be improved") names only what its own words name, as in the template."""
    named = template.concepts_in(title)
    if "action-items" not in named and not is_statement(title) and is_action_label(title, pack):
        return (*named, "action-items")
    return named


def italic_only(raw: str) -> bool:
    """Whether a block's source text is one run of italics ("_Describe the impact_")."""
    return _ITALIC_ONLY.fullmatch(raw) is not None


def _other_content(doc: PostmortemDoc, s: Section) -> bool:
    """Code, an image or an HTML table in the body of a section with no block of the
    author's own (:func:`has_content`)."""
    body = s.body
    text = doc.text[body.start : body.end]
    return any(r.start >= body.start and r.end <= body.end for r in doc.code_regions) or (
        "![" in text or "<img" in text or "<table" in text
    )


def block_label(doc: PostmortemDoc, b: Block) -> tuple[str, str] | None:
    """The label opening a block and the block's text after it, or None."""
    return _label_of(b.text, _BOLD_OPEN.match(doc.text, b.start) is not None)


@lru(16_384)
def _label_of(text: str, bold: bool) -> tuple[str, str] | None:
    """:func:`block_label` of a block's masked text, ``bold`` when its source opens with
    bold marks: a pure function of the two, asked for every block on every lint, so
    memoised (an edit re-reads only the blocks it changed). A label lies on the block's first
    line (nothing in :data:`_LABEL` matches a line break) and ends in a colon: a block
    without one there is not matched at all (two thirds of a long document's blocks)."""
    line_end = text.find("\n")
    has_colon = text.find(":", 0, line_end if line_end >= 0 else len(text)) >= 0
    m = _LABEL.match(text) if has_colon else None
    if m is not None and len(m.group("key").split()) <= _LABEL_WORDS:
        return m.group("key"), text[m.end() :]
    if bold and "\n" not in text.strip():
        key = text.strip()
        if key and len(key.split()) <= _LABEL_WORDS:
            return key, ""
    return None


def _inner_labels(raw: str, masked: str) -> Iterator[tuple[str, str, bool]]:
    """Bold labels opening a later line of a paragraph (a label written on the line after
    the text, with no blank line, continues the paragraph), from the block's source and
    masked text: key, the line's text after it, and whether it is the paragraph's last
    line."""
    lines = masked.split("\n")
    offset = 0
    for n, line in enumerate(lines):
        if n > 0 and _BOLD_OPEN.match(raw, offset):
            m = _LABEL.match(line)
            if m is not None and len(m.group("key").split()) <= _LABEL_WORDS:
                yield m.group("key"), line[m.end() :], n == len(lines) - 1
        offset += len(line) + 1


def _feeds(label: Block, following: tuple[Block, BlockFacts] | None) -> bool:
    """Whether the block after a label with no text of its own is the label's content: it
    comes before the next heading, and is not a label itself."""
    if following is None:
        return False
    block, facts = following
    if block.section is not label.section:
        return False
    if facts.label is not None and block.list_depth <= label.list_depth:
        return False
    return not facts.filler


#: an opening paragraph long enough to be a summary
_SUMMARY_WORDS = 12


def _opening_paragraph(doc: PostmortemDoc, blocks: list[Block], words: Words) -> bool:
    """Whether the document opens (after its title and metadata) with a paragraph that
    tells the story: the summary without a heading. A postmortem written as an email or
    a letter opens with its header lines ("Subject: ...", labels) and a salutation ("Hi
    all,", :func:`_salutation`) before that paragraph: both are stepped over, as the title
    is."""
    fields = {f.key_span.start for f in doc.metadata}
    for b in blocks[:_OPENING_BLOCKS]:
        if any(b.start <= k < b.end for k in fields) or block_label(doc, b) is not None:
            continue
        if _ITALIC_ONLY.fullmatch(doc.text[b.start : b.end].strip()):
            continue  # a template prompt, or a note in italics
        if b.kind == "paragraph" and _under_title(doc, b) and words.salutation.fullmatch(b.text):
            continue  # "Hi all," before the letter's first paragraph
        return b.kind == "paragraph" and len(b.text.split()) >= _SUMMARY_WORDS
    return False


def _under_title(doc: PostmortemDoc, b: Block) -> bool:
    """Does ``b`` stand before the first heading after the document's title?"""
    first = doc.sections[0] if doc.sections else None
    return b.section is None or (
        b.section is first and first.level == 1 and first.title == doc.title
    )


#: labels in a document's opening run that make it a fact sheet, and how many of them
#: must name parts of the postmortem
_SHEET_LABELS = 4
_SHEET_PARTS = 2
#: the entries of a fact sheet that head it: what was noticed and what it did
_HEADLINE = frozenset({"detection", "impact"})


def _opening_fact_sheet(
    doc: PostmortemDoc, blocks: list[Block], template: Template, words: Words
) -> bool:
    """Whether the document opens (before any heading after its title) with a run of
    labelled entries that together tell the incident ("Key events", "Identified",
    "Impact", "Resolution"...) and one entry says how it came about: such a fact sheet is
    the summary, and asking for another one above it would repeat the sheet. A run of
    labels under a heading is a section's content; a sheet must name at least two parts
    to be more than metadata; and a sheet whose entries only tell when it was noticed and
    what it affected lacks the story a summary tells: the story is looked for in the
    headline entries (what was noticed, what it did), not in the context and resolution
    entries that are the timeline and the response."""
    first = doc.sections[0] if doc.sections else None
    opening = doc.title is not None and first is not None and first.title == doc.title
    labels = parts = 0
    story = False
    for i, b in enumerate(blocks):
        if b.section is not None and not (opening and b.section is first):
            break
        label = block_label(doc, b) if b.list_depth <= 1 else None
        if label is None:
            continue
        labels += 1
        named = template.concepts_in(label[0])
        parts += bool(named)
        if not _HEADLINE.intersection(named):
            continue  # context and resolution entries are the timeline and the response
        told = label[1] if label[1].strip() or i + 1 >= len(blocks) else blocks[i + 1].text
        story = story or words.tells("root-cause", told)
    return labels >= _SHEET_LABELS and parts >= _SHEET_PARTS and story
