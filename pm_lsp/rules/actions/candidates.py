"""What PM301/PM306 judge: the texts of a document that may state follow-up work.

Every action item's clause (:mod:`pm_lsp.rules.actions.items` finds them), paragraphs that
open with an inline action label, items of lists that read as work by their content, and
the sentences of prose that may be proposals, each with the mode it is read in: a
follow-up section, Lessons, a future-work section, or anywhere else (where only the
writers' own commitment counts). The cheap lexical prefilters for prose live here too, so
that only those sentences are parsed; the verdicts are :mod:`pm_lsp.rules.actions.checks`'.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from pm_lsp.model.document import Block, PostmortemDoc, Section
from pm_lsp.nlp.judge import Judgment, Unit, prefiltering, select
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions.items import (
    TRACKING_FIELDS,
    ActionItem,
    SpanCover,
    action_groups,
    action_regions,
    heading_scope,
    inline_enumerations,
    is_action_label,
    label_of,
    labelled_lines,
    list_runs,
    notes_to_readers,
    numbered_paragraphs,
    says_done_over,
)
from pm_lsp.rules.actions.lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    from pm_lsp.nlp.pipeline import NLP

F = TypeVar("F")

#: "Do not rely on …", "Don't …", "Never …": an imperative, however it is tagged
_PROHIBITION = re.compile(r"(?i)(?:do\s+not|don['’]t|never)\s+[a-z]")

_LEADING_CONDITION = re.compile(
    r"(?i)(?:if|when|whenever|in case|once|before|after)\b[^,]{1,80},\s*"
)


def _has_future(low: str, lex: Lexicon) -> bool:
    return lex.future_re.search(low) is not None


# -- what to judge ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    start: int  #: document offsets of the judged text
    end: int
    proposal: bool


_LABEL_PREFIX = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*:?\s*|^[^\w\n]*")
_WORDS_HYPHEN = re.compile(r"[\w]+(?:-[\w]+)*")
#: a finished item names the change that closed it: a merged pull request or commit
_MERGED = re.compile(
    r"(?i)\b(?:merged|landed|shipped|fixed (?:in|by)|done in|closed by)\b|\bPRs?\b\s*#?\d*"
    r"|/pull/\d+|/merge_requests/\d+|/commit/[0-9a-f]{7,}"
)
_LEAD_WORD = re.compile(r"[^A-Za-z]*([A-Za-z][A-Za-z-]*)")
_TAG_PREFIX = re.compile(r"\s*\([^()\n]{1,40}\)\s*(?=[A-Za-z])")
_SPLIT = re.compile(r"\s[-\u2013\u2014]\s|;\s")
_LEAD = re.compile(r"[^\w]*")
#: an item that names its owner first: "@priya: fix the retry loop", "@li - add a check"
_OWNER_PREFIX = re.compile(r"[^\w@]*@[\w.-]*\w\s*[:\-\u2013\u2014]\s*")
#: an item whose fields come before its text, set off by a dash ("P2 · @omar · 2026-03-02 ·
#: OPS-77 — cap the retry budget", "P1 | @li — add a check"): a priority, an owner's
#: handle, a date or a ticket key, joined by a middle dot, bar, slash or comma
_FIELD = r"(?:P[0-4]|SEV-?[0-4]|@[\w.-]*\w|\d{4}-\d{2}-\d{2}|[A-Z][A-Z0-9]{1,9}-\d+|#\d+)"
_FIELDS_PREFIX = re.compile(
    rf"[^\w@#]*{_FIELD}(?:\s*[\u00b7\u2022|/,]\s*{_FIELD})*\s+[-\u2013\u2014]\s+"
)
_WORDS = re.compile(r"\w+")
_BOLD_MARK = re.compile(r"\*\*|__")


def _clause(doc: PostmortemDoc, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The part of an item that states the action: after a bold label ("**Retry limits**:"),
    its first sentence, up to a dash or semicolon that starts an elaboration.

    It reads only ``doc.text[start:end]`` and ``doc.masked[start:end]`` (and the pack's
    words), so its answer, relative to ``start``, is memoised per lexicon under those two
    strings: every action item is clipped on every lint."""
    raw = doc.text[start:end]
    masked_all = doc.masked[start:end]
    key = (raw, masked_all)
    got = lex.clauses.get(key)
    if got is None:
        got = lex.clauses.put(key, (_clause_of(raw, masked_all, lex),))
    rel = got[0]
    return None if rel is None else (start + rel[0], start + rel[1])


def _clause_of(raw: str, masked_all: str, lex: Lexicon) -> tuple[int, int] | None:
    """:func:`_clause` with offsets relative to the item: ``raw`` and ``masked_all`` are
    its source and masked text."""
    start, end = 0, len(raw)
    m = _LABEL_PREFIX.match(raw)
    off = m.end() if m else 0
    lead = _LEAD.match(raw)
    label_start = lead.end() if lead else 0
    owner = _OWNER_PREFIX.match(raw)
    if owner is not None and owner.end() > off:  # "@priya: fix …": the owner named first
        off = label_start = owner.end()
    fields = _FIELDS_PREFIX.match(raw)
    if fields is not None and fields.end() > off and len(_WORDS.findall(raw[fields.end() :])) > 1:
        off = label_start = fields.end()  # "P2 · @omar · OPS-77 — cap …": the text after
    item_label = lex.item_label.match(raw) if lex.item_label is not None else None
    if item_label is not None and item_label.end() > off:  # "AI (JF): add …", "ACTION: …"
        off = label_start = item_label.end()
    if len(_WORDS.findall(raw[off:])) < 2 or (
        m is not None
        and off > label_start
        and (_may_propose(raw[label_start:off], lex) or lex.fields_follow(raw, off))
    ):
        # "**Add an alert for X**: because …": the bold label is the action itself, as it
        # is when only the item's fields follow it ("**Key the cache on …** - owner: …")
        off = label_start
        if raw[:label_start].rstrip().endswith(("**", "__")):
            lab_end = _BOLD_MARK.search(raw[label_start:])
            if lab_end is not None:
                end = start + label_start + lab_end.start()
    tag = _TAG_PREFIX.match(masked_all, start + label_start - (label_start > 0), end)
    if tag is not None and tag.end() - start > off:  # "(Already planned) Set up …"
        off = tag.end() - start
    masked = masked_all[start + off : end]
    spans = sentence_spans(masked)
    if not spans:
        return None
    a, b = spans[0]
    piece = masked[a:b]
    cut = _SPLIT.search(piece)
    if cut is not None and cut.start() > 8:
        b = a + cut.start()
    b = min(b, a + 300)
    while b > a and masked[b - 1] in " \t\r\n":
        b -= 1
    if b <= a:
        return None
    return start + off + a, start + off + b


class ActionText(NamedTuple):
    """What a verdict on one action text reads besides its parse (the masked text); a
    tuple, part of a memo key."""

    raw: str  #: the source text
    #: found in prose (or a nested item): judged only if it reads as a proposal
    proposal: bool
    #: in a future-work section: only a sentence about the future is a proposal there
    future_only: bool = False
    #: outside follow-up sections: only a commitment is a proposal there
    anywhere: bool = False
    #: there and in Lessons: only the writers' own or a hedged commitment counts
    writers_only: bool = False
    #: an item of a list found by its content (most items open with a verb), not by its
    #: heading: a noun phrase there is a heading-like entry, not a verbless action
    listed: bool = False
    #: the mode a prose sentence was selected in (its prefilter's context), or None for an
    #: item: the judge applies the same test, so a full parse finds what the prefilter lets
    #: through and nothing else
    selected: ProseMode | None = None
    #: an item whose row or text names an owner, a ticket or a due date, filled in: a
    #: commitment someone has taken on, however it is phrased ("We should have a bot
    #: that …" in a row with its owner and issue)
    tracked: bool = False
    #: an item marked done: a noun phrase there records the work, it lacks no verb
    done: bool = False
    #: the clause is followed, after a semicolon or a dash, by a step opening with an
    #: action verb ("No schema changes in peak week; add it to the release checklist"):
    #: a noun phrase before it names a policy whose step is written, and lacks no verb
    stepped: bool = False
    #: in an answer of a Q&A section: only the writers' firm commitment counts ("we will
    #: …"), not a hedge or a need ("we would need a second operator for that")
    firm_only: bool = False


def _units(
    doc: PostmortemDoc,
    pack: RulePack,
    nlp: NLP,
    judgment: Judgment[ProseMode, ActionText, F],
) -> list[Unit[ActionText]]:
    """Texts PM301/PM306 judge, in this order: every action item (its clause), paragraphs
    opening with an inline action label, and the sentences of Lessons and future-work
    sections and of paragraphs in action regions that ``judgment``'s prefilter selects.

    The walk over the whole document at once: the reference the walk by parts
    (:mod:`pm_lsp.rules.actions.parts`) equals, and what runs where parts cannot be
    told apart."""
    scope = Scope(
        SpanCover([r for r, _ in action_regions(doc, pack)]).__contains__,
        enumerated_items(doc, pack),
    )
    found = select_units(doc, pack, nlp, judgment, doc.blocks, False, item_facts(doc, pack), scope)
    return [u for units in found for u in units]


#: what :func:`_item_clauses` reads of one action item: its start and end, whether it is
#: nested, tracked (:func:`is_tracked`) and marked done
ItemFact = tuple[int, int, bool, bool, bool]


def item_facts(doc: PostmortemDoc, pack: RulePack) -> list[ItemFact]:
    """:data:`ItemFact` of every action item, in the order of their groups."""
    return [
        (it.start, it.end, it.depth > 0, is_tracked(it), it.done)
        for g in action_groups(doc, pack)
        for it in g.items
    ]


class Scope(NamedTuple):
    """What the prose walk reads of the document around the blocks it is given."""

    #: is a paragraph starting at this offset in an action region?
    in_regions: Callable[[int], bool]
    #: paragraphs holding inline enumerated or numbered items, by start: the items' run
    inline: dict[int, tuple[int, int]]


def enumerated_items(doc: PostmortemDoc, pack: RulePack) -> dict[int, tuple[int, int]]:
    """:attr:`Scope.inline`: paragraphs holding inline enumerated items (their items are
    judged as items, the text before and after the run as prose) and numbered paragraphs
    ("6.4. The team SHOULD …", items too, not prose), by start."""
    inline = {
        b.start: (spans[0].start, spans[-1].end) for b, spans in inline_enumerations(doc, pack)
    }
    inline.update((b.start, (sp.start, sp.end)) for b, sp in numbered_paragraphs(doc, pack))
    for b, label, sp in labelled_lines(doc, pack):  # "AI: Dana - add …": from the label on
        inline[b.start] = (inline.get(b.start, (label, sp.end))[0], sp.end)
    return inline


#: the units of one walk by kind: action items, items of lists read as work by their
#: content, paragraphs opening with an action label, prose sentences
Selection = tuple[
    list[Unit[ActionText]], list[Unit[ActionText]], list[Unit[ActionText]], list[Unit[ActionText]]
]


def select_units(
    doc: PostmortemDoc,
    pack: RulePack,
    nlp: NLP,
    judgment: Judgment[ProseMode, ActionText, F],
    blocks: Sequence[Block],
    after_item: bool,
    items: Iterable[ItemFact],
    scope: Scope,
) -> Selection:
    """The units :func:`_units` selects among ``blocks`` (a run of the document's blocks
    in order, each starting no run of list items, label region or section the run does
    not hold; ``after_item``: the block after the run is a list item), whose items are
    ``items``, by kind. It reads the texts of these blocks and items, their sections and
    ``scope``, nothing else."""
    lex = lexicon(pack)
    masked, text = doc.masked, doc.text
    kinds: Selection = ([], [], [], [])
    add = functools.partial(_add, doc)
    seen: set[int] = set()
    for a, e, nested, tracked, done, stepped in _item_clauses(doc, lex, judgment, items, seen):
        add(kinds[0], a, e, nested, prose=nested, tracked=tracked, done=done, stepped=stepped)
    for b in _content_lists(blocks, lex, seen, pack):
        c = _clause(doc, b.start, b.end, lex)
        if c is not None:
            kinds[1].append(
                Unit(masked[c[0] : c[1]], c[0], ActionText(text[c[0] : c[1]], False, listed=True))
            )
            seen.add(b.start)
    labelled, prose = _prose(doc, blocks, after_item, pack, lex, seen, scope)
    for a, e in labelled:
        add(kinds[2], a, e, False)
    picked = select(nlp, judgment, [(b.text, mode) for b, mode in prose])
    for (b, mode), spans in zip(prose, picked, strict=True):
        for a, e in spans:
            add(kinds[3], b.start + a, b.start + e, True, mode, prose=True)
    return kinds


def _add(
    doc: PostmortemDoc,
    out: list[Unit[ActionText]],
    start: int,
    end: int,
    proposal: bool,
    mode: ProseMode = "proposal",
    prose: bool = False,
    tracked: bool = False,
    done: bool = False,
    stepped: bool = False,
) -> None:
    """Append to ``out`` the unit ``[start, end)``, read in ``mode`` (a prose sentence's,
    when ``prose``)."""
    out.append(
        Unit(
            doc.masked[start:end],
            start,
            ActionText(
                doc.text[start:end],
                proposal,
                mode == "future",
                mode in ("anywhere", "questions", "answers"),
                mode in ("anywhere", "lessons", "questions", "answers"),
                selected=mode if prose else None,
                tracked=tracked,
                done=done,
                stepped=stepped,
                firm_only=mode == "answers",
            ),
        )
    )


def _item_clauses(
    doc: PostmortemDoc,
    lex: Lexicon,
    judgment: Judgment[ProseMode, ActionText, F],
    items: Iterable[ItemFact],
    seen: set[int],
) -> Iterator[tuple[int, int, bool, bool, bool, bool]]:
    """The clause of every action item still to judge, whether it is nested, whether
    it is tracked (an owner, ticket or due date filled in, :data:`TRACKING_FIELDS`),
    whether it is marked done and whether a step follows it (:func:`_step_follows`); each
    item's start goes into ``seen``. A finished item that names the change it merged has
    nothing left to judge, and a nested item is a detail of its parent ("File size",
    "Tokens in CI") unless it reads as a proposal: it is selected, and judged, as prose in a
    follow-up section is (the ``"proposal"`` mode of ``judgment``'s prefilter)."""
    for start, end, nested, tracked, done in items:
        if done and _MERGED.search(doc.text[start:end]) is not None:
            seen.add(start)
            continue
        c = _clause(doc, start, end, lex)
        if c is None:
            continue
        seen.add(start)
        if (
            not nested
            or not prefiltering()
            or judgment.prefilter(doc.masked[c[0] : c[1]], "proposal")
        ):
            yield c[0], c[1], nested, tracked, done, _step_follows(doc.masked[c[1] : end], lex)


#: what sets a step apart after an item's first clause: a semicolon or a dash, then a word
_STEP = re.compile(r"\s*(?:;|[-\u2013\u2014])\s*([A-Za-z][a-z]*)")


def _step_follows(rest: str, lex: Lexicon) -> bool:
    """Does the text after an item's clause (``rest``, from where the clause was cut) open,
    after a semicolon or a dash, with a concrete action verb (``concrete-verbs``: "…; add it to the
    release checklist", "… - document it in the runbook")? The item then states a verb
    and its change, whatever the clause before it is."""
    m = _STEP.match(rest)
    return m is not None and m.group(1).lower() in lex.concrete


def is_tracked(it: ActionItem) -> bool:
    """An owner, a ticket or a due date filled in for the item. A link in a list item's
    text is a ticket only when it is not a plain web link: "a password manager like
    [1Password](…) can help" points at a product, while a Ticket column's
    "[#6777](…)" tracks the item."""
    for name in TRACKING_FIELDS:
        f = it.get(name)
        if f is None or f.missing:
            continue
        if name != "ticket" or it.source == "table" or not f.value.startswith(("[", "<", "http")):
            return True
    return False


#: where a prose sentence was found, which decides what makes it a proposal there:
#: a follow-up section (an opener, an imperative or a commitment), a Lessons section
#: (the same, but only the writers' or a hedged commitment), a
#: future-work section (a sentence about the future), anywhere else (the writers' own
#: commitment or a hedged one), a section of open questions (a question there is none; its
#: other sentences are read as anywhere else), or one of questions with their answers
#: (read as anywhere else, but only a firm commitment counts)
ProseMode = Literal["proposal", "lessons", "future", "anywhere", "questions", "answers"]


#: heading scopes whose lists are no work of the writers, whatever they open with: advice
#: to the customers, one person's comment in a discussion thread
_NOT_WORK = frozenset({"readers", "comment"})

#: a list found by its content needs this many items, most opening with a verb
_CONTENT_LIST_MIN = 3


def _content_lists(
    blocks: Sequence[Block], lex: Lexicon, seen: set[int], pack: RulePack
) -> list[Block]:
    """First paragraphs of list items in lists that read as work items by their content:
    at least :data:`_CONTENT_LIST_MIN` items at one depth in one section, two thirds of
    them opening with an action verb the lexicon knows, in any inflection ("Added …",
    "Migrate …"). Timelines are records, never work items; lists already read as action
    items (``seen``) are left to their group, and so are the steps of a response, work a
    heading reports done (:func:`says_done_over`: "What we did"), the observations of a
    What went well section ("Clear single owner on the bridge") and advice to the
    customers under a heading addressed to them ("Customer actions", "What you should
    do": :func:`heading_scope`). Items left out are read as prose of their section, where
    only a commitment counts, and so is a question answered in its own item. A list of
    past steps under a heading that says nothing of them stays judged: "Started mapping
    out a path" after an incident is vague work."""
    out: list[Block] = []
    for run in list_runs(blocks):
        if len(run) < _CONTENT_LIST_MIN or any(b.start in seen for b in run):
            continue
        sec = run[0].section
        path = set(sec.canonical_path()) if sec is not None else set()
        if "timeline" in path or path & lex.future_sections:
            continue  # a record of the response, not follow-up work
        if _under(sec, lex.is_question_heading) or heading_scope(sec, pack) in _NOT_WORK:
            continue  # "Open questions", "Customer actions", "@dana commented": no work
            # of the writers
        if says_done_over(sec, pack):
            continue  # "What we did", "Remediation performed": the story of the response
        if _under(sec, lex.is_observation_heading):
            continue  # "What went well", "Things that helped": observations, read as
            # prose of the section, where an imperative is still judged as a proposal
        verbs = sum(1 for b in run if _opens_with_verb(b.text, lex))
        if verbs * 3 >= len(run) * 2:
            # a question answered at once among them ("Did the replica catch up? Yes, …")
            # is a note, no item; one left open ("Should we shard it?") is still judged
            out.extend(b for b in run if not _ANSWERED.match(b.text))
    return out


def _under(sec: Section | None, names_it: Callable[[str], bool]) -> bool:
    """Is ``sec`` or a section above it one whose title ``names_it`` (a section of questions
    with their answers, "Q&A"; one of open questions)?"""
    node = sec
    while node is not None:
        if names_it(node.title):
            return True
        node = node.parent
    return False


def _opens_with_verb(text: str, lex: Lexicon) -> bool:
    """Does an item open (after a bold label) with a verb the lexicon knows? Not when its
    first sentence is a question ("Did we lose any orders? No, …", "Was the cache
    warm?"): the "did" or "was" that opens it asks, and a list of remarks that asks and
    answers reads as notes, no work to track."""
    m = _LABEL_PREFIX.match(text)
    if _QUESTION_FIRST.match(text, m.end() if m else 0):
        return False
    w = _FIRST_WORD.match(text.lower(), m.end() if m else 0)
    if w is None:
        return False
    word = w.group(1)
    return (
        lex.verb_word.fullmatch(word) is not None
        or (len(word) > 4 and word.endswith("ed"))
        or word in lex.irregular_past
    )


def _prose(
    doc: PostmortemDoc,
    blocks: Sequence[Block],
    after_item: bool,
    pack: RulePack,
    lex: Lexicon,
    seen: set[int],
    scope: Scope,
) -> tuple[list[tuple[int, int]], list[tuple[Block, ProseMode]]]:
    """The clauses of the paragraphs among ``blocks`` that open with an inline action
    label ("**Action item:** ...", judged whole), and the other blocks (not in ``seen``,
    the items' starts) whose sentences may be proposals, with the mode they are read in.
    Headings inside an action section ("### 4) We likely need a bigger cache") are read as
    proposals; timelines are never read (a plan at the time is not a follow-up).
    ``after_item``: the block after the last of ``blocks`` is a list item."""
    labelled: list[tuple[int, int]] = []
    prose: list[tuple[Block, ProseMode]] = []
    in_regions, inline = scope
    lessons = lex.proposal_sections - {"action-items"}
    #: per section (by id): its mode, or None (a timeline), computed once
    kinds: dict[int, ProseMode | None] = {}
    text = doc.text
    last = len(blocks) - 1
    for i, b in enumerate(blocks):
        read = _past_a_preface(
            doc, b, blocks[i + 1].kind == "list_item" if i < last else after_item, inline
        )
        if read is None:
            continue  # "What I want:": the items below are judged, the lead-in is not one
        b, bk, start = read, read.kind, read.start
        if bk == "heading":
            parent = b.section.parent if b.section is not None else None
            if parent is not None and (
                parent.canonical == "action-items" or is_action_label(parent.title, pack)
            ):
                prose.append((b, "proposal"))
            continue
        if (bk != "paragraph" and bk != "list_item") or start in seen:
            continue
        # the label pattern opens with spaces or tabs, then "**" or "__"
        if start < b.end and text[start] in " \t*_":
            c = _labelled_clause(doc, b, pack, lex)
            if c is not None:
                labelled.append(c)
                continue  # judged whole: its sentences are not prose
        sec = b.section
        key = id(sec)
        if key not in kinds:
            kinds[key] = _section_mode(sec, lex, lessons, pack)
        if (kind := kinds[key]) is None:
            continue
        if kind == "anywhere" and bk == "paragraph" and in_regions(start):
            kind = "proposal"
        if kind == "proposal" and notes_to_readers(b.text, pack):
            continue  # "Questions about this report should go to …": a note to readers
        if start in inline:
            prose.extend((piece, kind) for piece in _around(doc, b, *inline[start]))
            continue
        prose.append((b, kind))
    return labelled, prose


def _labelled_clause(
    doc: PostmortemDoc, b: Block, pack: RulePack, lex: Lexicon
) -> tuple[int, int] | None:
    """The clause of a paragraph that opens with an inline action label ("**Action
    item:** Start incidents earlier."), else None."""
    m = _ACTION_LABEL.match(doc.text, b.start, b.end)
    if m is None or not is_action_label(m.group("label"), pack):
        return None
    return _clause(doc, m.end(), b.end, lex)


def _around(doc: PostmortemDoc, b: Block, a: int, e: int) -> list[Block]:
    """The parts of paragraph ``b`` before and after ``[a, e)`` (a run of inline items),
    as blocks of their own; those with no words are left out."""
    pieces = [dataclasses.replace(b, end=a, text=doc.masked[b.start : a])]
    pieces.append(dataclasses.replace(b, start=e, text=doc.masked[e : b.end]))
    return [p for p in pieces if any(c.isalpha() for c in p.text)]


def _leads_a_list(doc: PostmortemDoc, b: Block, before_item: bool) -> bool:
    """``b`` is a short lead-in line ending in a colon ("What I want:", "Things we will
    change:") with a list right after it (``before_item``: the next block is a list
    item): it announces the items, each judged on its own, and commits to nothing by
    itself."""
    return (
        before_item
        and doc.text[b.start : b.end].rstrip().endswith(":")
        and label_of(doc, b) is not None
    )


#: the most sentences a paragraph that introduces a list may hold: a preface is short
_PREFACE_SENTENCES = 2
#: the end of a sentence inside a paragraph: a stop, then white space and a capital
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z])")


def _past_a_preface(
    doc: PostmortemDoc, b: Block, before_item: bool, inline: dict[int, tuple[int, int]]
) -> Block | None:
    """What of block ``b`` the prose walk reads when a list follows it (``before_item``):
    nothing of a lead-in label line (:func:`_leads_a_list`), the announcing sentence of a
    short preface (:func:`_announcing_sentence`); ``b`` as it is otherwise, and always
    for a paragraph holding inline items (``inline``)."""
    if b.kind != "paragraph":
        return b
    if _leads_a_list(doc, b, before_item):
        return None
    return b if b.start in inline else _announcing_sentence(doc, b, before_item)


def _announcing_sentence(doc: PostmortemDoc, b: Block, before_item: bool) -> Block:
    """The last sentence of ``b`` when ``b`` is a preface: a paragraph of
    :data:`_PREFACE_SENTENCES` sentences at most whose last ends in a colon, with a list
    right after it ("We take reliability seriously. The steps below were agreed:"). The
    sentence before the announcing one frames the items, each judged on its own ("we are
    committed to doing better"), and is no item; the announcing sentence may commit by
    itself ("we are putting measures in place to stop a repeat:") and is still read. Any
    other paragraph is ``b`` as it is: a vague paragraph in a section with no list, or a
    longer one, is read whole."""
    raw = doc.text[b.start : b.end].rstrip()
    if not before_item or not raw.endswith(":"):
        return b
    ends = [m.end() for m in _SENTENCE_END.finditer(raw)]
    if len(ends) != _PREFACE_SENTENCES - 1:
        return b
    cut = b.start + ends[-1]
    return dataclasses.replace(b, start=cut, text=doc.masked[cut : b.end])


def _section_mode(
    sec: Section | None, lex: Lexicon, lessons: set[str], pack: RulePack
) -> ProseMode | None:
    """How prose in ``sec`` is read (:data:`ProseMode`); None for a timeline. Questions
    by the precedence of the action regions (:func:`heading_scope`): "Open questions",
    under a follow-up heading or not, but not "Follow-ups and open questions", whose
    prose is follow-up work as its lists are."""
    if sec is None:
        return "anywhere"
    path = set(sec.canonical_path())
    if "timeline" in path:
        return None
    scope = heading_scope(sec, pack)
    if scope != "actions" and _under(sec, lex.is_answer_heading):
        return "answers"  # "Q&A", "FAQ": answers explain; only a firm commitment counts
    if scope == "questions":
        return "questions"
    if scope == "comment":
        return "answers"  # a thread's comment argues and asks: only a firm commitment counts
    if scope == "readers":
        return "anywhere"  # advice to customers: only the writers' own commitment counts
    node: Section | None = sec
    while node is not None:
        if lex.is_proposal_heading(node.title):
            return "proposal"
        node = node.parent
    if path & lessons:
        return "lessons"
    if path & lex.future_sections:
        return "future"
    return "anywhere"


#: ``**Action item:** Start incidents earlier.``: an inline label opening a paragraph
_ACTION_LABEL = re.compile(r"[ \t]*(?:\*\*|__)(?P<label>[^*_\n]{1,40}?):?(?:\*\*|__):?[ \t]*(?=\S)")


def _may_propose(text: str, lex: Lexicon) -> bool:
    """Cheap test before parsing: an opener, a leading action verb or modifier, a people
    phrase."""
    low = text.lower().lstrip(" *_-✅❌>")
    low = re.sub(r"^(?:if|when|whenever|in case|once|before|after)\b[^,]{1,80},\s*", "", low)
    if lex.people_phrase(low, loose=True) or lex.watch_phrase(low, listed=True):
        return True
    if any(low.startswith(op + " ") for op in lex.openers):
        return True
    w = re.match(r"[a-z'-]+", low)
    if w is None:
        return False
    word = w.group(0)
    stem = word[:-3] if word.endswith("ing") else word
    forms = {word, stem, stem + "e", word.rstrip("s")}  # "improving" -> "improve"
    return bool(forms & (lex.all_verbs | lex.modifiers | {"better"})) or any(
        low.startswith(p) for p in lex.vague_phrases + lex.weak_phrases
    )


_NOT_LETTERS = re.compile(r"[^A-Za-z]*")
_FIRST_WORD = re.compile(r"[\W\d_]*([^\W\d_]+)")
#: an item whose first sentence is a question: up to its first "?" with no sentence end
_QUESTION_FIRST = re.compile(r"[^.!?\n]*\?")
#: ... and answered in the same item: words follow the "?"
_ANSWERED = re.compile(r"[^.!?\n]*\?[\s*_]+\w")
#: comparatives that do not end in "-er" (the tagger's JJR/RBR)
_COMPARATIVES = frozenset(
    {"more", "less", "better", "worse", "further", "farther", "fewer", "lesser"}
)


def _may_be_proposal(text: str, lex: Lexicon) -> bool:
    """The prefilter for prose sentences (:func:`action_judgment`): can :func:`judge`, called
    with ``proposal=True``, return a verdict? It mirrors the judge's gates on the masked
    text: a people phrase anywhere (PM306 needs nothing else); after leading non-letters
    and a leading condition clause, an opener ("we need to", "should", ...), or a first
    word that could be a leading modifier (a vague modifier, "better", any comparative) or
    an action verb the lexicon knows in any inflection (the word starts with the verb's
    stem: "improving", "fixes", "set-up"). A future marker is tested by the caller.

    Not covered (by design of the judge, not of this test): an imperative whose verb is in
    no list ("Provide clear communication ..."); the judge would weigh it, but only parsing
    every Lessons sentence would find it.
    """
    if lex.people_phrase(text) or lex.watch_phrase(text, listed=False):
        return True
    low = text.lower()
    start = _NOT_LETTERS.match(text).end()  # type: ignore[union-attr]
    if _PROHIBITION.match(text, start):
        return True
    cond = _LEADING_CONDITION.match(text, start)
    if cond is not None:
        start = cond.end()
    for op in lex.openers:
        if low.startswith(op, start) and (
            len(low) == start + len(op) or not low[start + len(op)].isalnum()
        ):
            return True
    m = _FIRST_WORD.match(low, start)
    if m is None:
        return False
    word = m.group(1)
    if word in lex.modifiers or word in _COMPARATIVES or (len(word) > 3 and word.endswith("er")):
        return True
    return lex.verb_word.fullmatch(word) is not None
