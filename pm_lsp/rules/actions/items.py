"""Action items as data: where they are, what they say, and who/when/which ticket/priority.

Postmortems write follow-up work in two shapes: a table (any column order, many header
spellings) and a bullet or checkbox list with the details inline ("- [ ] Add alert …
(@amara, P1, due 2025-03-28, OPS-881)"). Rules PM301-PM306 and the language server (outline,
hover, code actions) need the same answer to "which items, with which fields", so the
extraction lives here, once, and runs once per parsed document and rule pack
(``doc.analysis``, see :mod:`pm_lsp.cache`); items and groups are frozen, since every
caller receives the same objects.

Which lists are action items is decided by structure, not by wording: lists and tables in an
Action Items section (any synonym, any nesting depth), lists under a heading or a bold label
line whose words say they are follow-up work ("Short-term improvements", "**Review
actions**:"), any table whose header has an Action column next to an Owner, Due, Ticket or
Priority column, and task lists ("- [ ]", "- [x]") wherever they stand. The words come
from ``rules/actions.toml`` (``heading-cues``, ``columns``, ``fields``), so a team can teach
it its own template. Nothing here needs spaCy.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, NamedTuple

from pm_lsp.cache import Memo, lru
from pm_lsp.model.document import Block, Cell, PostmortemDoc, Section, Span, Table
from pm_lsp.model.parts import union
from pm_lsp.parse.values import parse_date
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.policy.templates import normalise_heading
from pm_lsp.rules.actions.owners import OwnerWords

FAMILY = "actions"
#: the fields an action item may carry, in the order fixes append them
FIELD_NAMES = ("owner", "priority", "due", "ticket", "type", "status")
ItemSource = Literal["table", "list"]
#: a label line's text, the region it opens, and the section it sits in
LabelledRegion = tuple[str, Span, "Section | None"]
_NO_FIELDS: Mapping[str, ItemField] = MappingProxyType({})


@dataclass(frozen=True)
class ItemField:
    """One field of an action item as written. ``missing`` is true for placeholders
    ("TBD", "?", "-", "ASAP") and for empty table cells: written, but not filled in."""

    name: str
    value: str
    start: int
    end: int
    missing: bool


@dataclass(frozen=True, eq=False)
class ActionItem:
    """One action item: its text span (the Action cell, or the list item's own paragraph)
    and the fields found for it (a read-only mapping)."""

    start: int
    end: int
    text: str  #: masked text of the action (``doc.masked[start:end]``)
    source: ItemSource
    section: Section | None
    depth: int = 0  #: list nesting below the group's top level (0 for table rows)
    checkbox: bool | None = None  #: None: no checkbox; False: "[ ]"; True: "[x]"
    fields: Mapping[str, ItemField] = field(default_factory=lambda: _NO_FIELDS)
    table: Table | None = None
    row: int | None = None  #: index into ``table.rows``
    #: where a list item's placeholder fields are appended (end of its first paragraph)
    insert_at: int = 0
    #: the item opens with a verb in the past tense, or states its work done in the passive
    #: past with a time or date: work reported as done ("Revoked the leaked key at 09:40",
    #: "Rotated every key", "The old key was revoked at 09:40"), not work to do
    #: (:meth:`_Words.reported`)
    reported: bool = False
    #: the item is marked finished: a done mark or label at its start or end ("✅ Add …",
    #: "Done: add …", "Add … (done)"), or a row cell holding only one
    #: (:meth:`_Words.marked_done`)
    finished: bool = False

    def get(self, name: str) -> ItemField | None:
        return self.fields.get(name)

    def has(self, name: str) -> bool:
        """The field is present and filled in."""
        f = self.fields.get(name)
        return f is not None and not f.missing

    @property
    def owner(self) -> ItemField | None:
        return self.fields.get("owner")

    @property
    def due(self) -> ItemField | None:
        return self.fields.get("due")

    @property
    def ticket(self) -> ItemField | None:
        return self.fields.get("ticket")

    @property
    def priority(self) -> ItemField | None:
        return self.fields.get("priority")

    @property
    def type(self) -> ItemField | None:
        return self.fields.get("type")

    @property
    def done(self) -> bool:
        """Checked checkbox, a Status cell/field saying the work is finished, a done mark or
        label on the item, or the work reported in the past tense."""
        if self.checkbox or self.reported or self.finished:
            return True
        st = self.fields.get("status")
        return st is not None and bool(
            re.match(r"(?i)\s*(done|complete|completed|fixed|closed|resolved|shipped)\b", st.value)
        )


@dataclass(frozen=True, eq=False)
class ActionGroup:
    """Items that belong together: one table, or the lists of one section or label region."""

    kind: ItemSource
    items: tuple[ActionItem, ...]
    section: Section | None
    table: Table | None = None
    #: table only: field name -> column index (read-only)
    columns: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    #: list only: the region (section content or label region) the lists were found in
    region: Span | None = None


# -- configuration from the pack ---------------------------------------------------------------


#: an outline number before a heading's words ("3.", "2.1", "iv)")
_OUTLINE_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w@?/ -]+", " ", s.lower())).strip()


#: titles (and item texts, :func:`extract_fields`) remembered per pack (LRU)
_TITLE_MEMO_SIZE = 4096


def _past_forms(pack: RulePack) -> tuple[frozenset[str], frozenset[str]]:
    """The irregular past forms that tell work reported as done, and the base forms that
    end in -ed: an irregular past that is also its base form ("set", "cut") reads as an
    instruction, and "need" or "embed" are no past."""
    past = frozenset(pack.words(FAMILY, "irregular-past"))
    return past - frozenset(pack.words(FAMILY, "past-like-base")), frozenset(
        pack.words(FAMILY, "base-forms-in-ed")
    )


def _heading_phrases_of(words: Iterable[str]) -> list[str]:
    """Heading words normalised like the titles they are compared with."""
    return [_norm(normalise_heading(w) or w) for w in words]


def _ing(verb: str) -> str:
    """The -ing form of a regular verb of change: "change" -> "changing", "fix" -> "fixing"."""
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def _longest_first(word: str) -> tuple[int, str]:
    return (-len(word), word)


def _heading_phrases(pack: RulePack, key: str) -> list[str]:
    """The pack's heading words under ``key``, normalised like the titles they are
    compared with ("Follow-ups" -> "follow ups")."""
    return [_norm(normalise_heading(w) or w) for w in pack.words(FAMILY, key)]


class _Words:
    """The pack's words, compiled once per pack."""

    def __init__(self, pack: RulePack) -> None:
        fam = self._family = pack.family(FAMILY)
        # normalised like the titles they are compared with ("Follow-ups" -> "follow ups")
        self.cues = _heading_phrases(pack, "heading-cues")
        self.stops = _heading_phrases(pack, "heading-stops")
        self.subject_cues = frozenset(_heading_phrases(pack, "subject-heading-cues"))
        self.explaining = _heading_phrases(pack, "explanation-heading-words")
        self.looking_back = _heading_phrases(pack, "look-back-heading-words")
        self.questions = _heading_phrases(pack, "question-headings")
        cols = fam.get("columns", {})
        self.columns: dict[str, set[str]] = {
            k: {_norm(str(v)) for v in vs} for k, vs in cols.items() if isinstance(vs, list)
        }
        flds = self._fields = fam.get("fields", {})
        self.keys: dict[str, list[str]] = {
            k: [str(v) for v in flds.get(k, [])]
            for k in ("owner", "priority", "due", "ticket", "type")
        }
        self.priority_words = [str(v).lower() for v in flds.get("priority-words", [])]
        self.priority_keys = tuple(k.lower() for k in self.keys["priority"])
        self.types = [str(v).lower() for v in flds.get("types", [])]
        self.done_by_id = _done_by_id([str(v) for v in flds.get("done-words", [])])
        self.placeholders = {str(p).lower() for p in flds.get("placeholders", [])}
        self.placeholder_note = _placeholder_note(list(map(str, flds.get("placeholder-notes", []))))
        self.owners = OwnerWords(
            flds, pack.words("blame", "product-names"), pack.words("readability", "known-acronyms")
        )
        self.past, self.not_past = _past_forms(pack)
        self.prefixes = frozenset(w.lower() for w in pack.words(FAMILY, "verb-prefixes"))
        self.relative_due = _relative_due([str(v) for v in flds.get("relative-dues", [])])
        #: a due date written as a placeholder without a colon ("— due TBD —", "due ASAP")
        self.due_placeholder = _due_placeholder(self.keys["due"], self.placeholders)
        #: a due date given with "on"/"for" a few words after a delivery word ("Shipping
        #: with patch 2.14 on December 17"; see ``delivery-words``)
        self.due_on = _due_on([str(v) for v in flds.get("delivery-words", [])])
        #: a ticket given as a number after the name of its kind ("work order 4471")
        self.ticket_cue = _ticket_cue([str(v) for v in flds.get("ticket-cues", [])])
        #: a future marker ("will", "'ll", "going to"): work still to do
        self.future = _pack_future(pack)
        self._titles: Memo[bool] = Memo(_TITLE_MEMO_SIZE)

        #: :func:`extract_fields` per item text, offsets relative to the text
        self.fields: Memo[tuple[ItemField, ...]] = Memo(_TITLE_MEMO_SIZE)
        key_alt = "|".join(
            re.escape(k) for ks in self.keys.values() for k in sorted(ks, key=len, reverse=True)
        )
        self.kv = (
            re.compile(
                rf"(?i)(?<![\w@])(?P<key>{key_alt})\s*[:=]\s*"
                r"(?P<val>[^,;|()\n\u2014\u2013\u00b7\u2022]*?)\s*(?=$|[,;|()\n\u2014\u2013\u00b7\u2022]|\s-\s|\.\s|\.$)"
            )
            if key_alt
            else None
        )
        self.priority_re = _priority_pattern(self.keys["priority"], self.priority_words)
        self.type_re = (
            re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, self.types))})\b")
            if self.types
            else None
        )

    def reported(self, text: str) -> bool:
        """Does an item's text open with a verb in the past tense ("Revoked the key at
        09:40", "Rebuilt the index"), or does a later sentence of it report the work done
        (:meth:`_done_later`), or does its first sentence say in the passive past when
        the work was done (:meth:`_passive_done`)? Then it reports work done, which needs
        no due date, priority, owner or ticket of its own. Read from the words alone (items are read
        without spaCy): a word in -ed that is no base form, or a listed irregular past.
        Memoised by the words and the text: every item of a document is asked on every
        lint, and an edit changes one of them."""
        return _reported(self, text)

    @functools.cached_property
    def _done_later(self) -> re.Pattern[str] | None:
        """A sentence after an item's first that reports the item's own work done, as a
        paragraph-long item in a blog post does ("Every deploy now waits for the canary.
        Priya shipped this on Monday; it's live."): a pronoun standing for the work
        ("it", "this", "that") that is done (``done-words`` or ``done-states`` after
        "is", "was", "has been", "'s", optionally "now", "already" or "fully": "it's
        live", "this is written into the release handbook"), or a past form of work done
        with the pronoun as its object ("Priya built this on Friday", "we merged it"), or
        "already" or "now" opening a sentence of its own before one ("Already merged.").
        "It will be live next week", "this is not yet deployed" and "Extend the check
        already deployed in staging" report nothing done."""
        done = [str(v) for v in self._fields.get("done-words", [])]
        done += [str(v) for v in self._fields.get("done-states", [])]
        if not done:
            return None
        alt = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(done, key=len, reverse=True)
        )
        # in one order in every process (ties by their text), so that the pattern is the
        # same text each time and served compiled from pm_lsp.regex_cache's table
        past = sorted({w for w in done if w.endswith("ed")} | set(self.past))
        past.sort(key=len, reverse=True)
        verbs = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in past) or r"(?!x)x"
        pron = r"(?:it|this|that)"
        state = (
            rf"{pron}(?:\s+(?:is|was|has\s+been)|['’]s)\s+(?:(?:now|already|fully)\s+)?"
            rf"(?:{alt})"
        )
        made = rf"(?:[A-Z][a-z]+|we|I)\s+(?:(?:already|just)\s+)?(?:{verbs})\s+{pron}"
        lone = rf"(?:already|now)\s+(?:{alt})"
        return re.compile(
            rf"[.;!]\s+(?:\w+\s+)?(?:(?i:{state}|{lone})|{made})(?![\w'’-])"
            r"(?!\s+(?:next|tomorrow|soon|later)\b)"
        )

    def _reported(self, text: str) -> bool:
        later = self._done_later
        if later is not None and later.search(text) is not None:
            return True
        label = _LEAD_LABEL.match(text)
        if label is not None and self.future.search(text[label.end() :].replace("’", "'")):
            return False  # "Ranked points restore: we will restore …": the label is a topic
        m = _PREFIXED_FIRST.match(text)  # "Re-ran the job", "Re-enabled the export"
        if m is None or m.group(1).lower() not in self.prefixes:
            m = _FIRST_WORD.match(text)
        if m is not None:
            word = m.group(m.lastindex or 1).lower()
            if word in self.past or self._past_in_ed(word):
                # "Improved liaison between the agencies shall be pursued": the participle
                # is an adjective of the work to do, the future passive its verb
                return _FUTURE_PASSIVE.search(_first_sentence(text)) is None
        return self._passive_done(text)

    def _past_in_ed(self, word: str) -> bool:
        return len(word) > 4 and word.endswith("ed") and word not in self.not_past

    @functools.cached_property
    def _event_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """``event-nouns``, the particles a phrasal verb may end in (``event-particles``)
        and the delivery words, which tell when work is to be done, lower-case."""

        def lower(key: str) -> frozenset[str]:
            return frozenset(str(v).lower() for v in self._fields.get(key, []))

        delivery = frozenset(w for v in lower("delivery-words") for w in v.split())
        return lower("event-nouns"), lower("event-particles"), delivery

    def happened_on(self, text: str, at: int) -> bool:
        """Is the date at ``at`` in ``text`` written in brackets right after words that
        say something happened then: a past form ("the job we rolled back (Nov 3)", "the
        key that leaked (Nov 3)") or an incident noun ("the outage (Nov 3)",
        ``event-nouns``)? Such a date is the day of an event, not a due date. A delivery
        word ("scheduled (Nov 20)", ``delivery-words``) says when work is to be done."""
        head = text[:at].rstrip()
        if not head.endswith(("(", "[")):
            return False
        before = _WORD_BEFORE.findall(head[:-1].rstrip()[-60:].lower())
        nouns, particles, delivery = self._event_words
        if len(before) > 1 and before[-1] in particles:
            before.pop()  # "rolled back", "failed over"
        if not before or before[-1] in delivery:
            return False
        last = before[-1]
        return (
            last in nouns or last in self.past or last in self.participles or self._past_in_ed(last)
        )

    def _passive_done(self, text: str) -> bool:
        """Does the item's first sentence report work done in the passive past with the
        time or date it was done ("The routing table was restored at 03:02", "All relays
        were reset between 04:10 and 04:40", "The old keys have been revoked as of 12
        May")? Not when it proposes work (a modal, a future marker, an opening verb in
        the imperative, a field with its key: :meth:`proposes`): "Alert when the table
        was changed after 18:00" is work to do."""
        first = _FIRST_SENTENCE.match(text)
        head = first.group(0) if first is not None else text
        m = _PASSIVE_PAST.search(head)
        if m is None:
            return False
        v = m.group(1).lower()
        if not (v in self.participles or v in self.past or self._past_in_ed(v)):
            return False
        if _CLOCK.search(head) is None and _DATE_RE.search(head) is None:
            return False
        return not self.proposes(head)

    @functools.cached_property
    def done_mark(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """:func:`_done_marks` of the pack's ``done-marks`` and ``done-labels``."""
        return _done_marks(
            [str(v) for v in self._fields.get("done-marks", [])],
            [str(v) for v in self._fields.get("done-labels", [])],
        )

    @functools.cached_property
    def _done_needles(self) -> tuple[str, ...]:
        """The marks and labels :meth:`marked_done` looks for, lower-case."""
        keys = ("done-marks", "done-labels")
        return tuple(str(v).lower() for k in keys for v in self._fields.get(k, []))

    def _pack_words(self, key: str) -> list[str]:
        return [str(v) for v in self._family.get(key, [])]

    @functools.cached_property
    def _proposal(self) -> tuple[re.Pattern[str], frozenset[str]]:
        """:meth:`proposes`' words: a modal of commitment that is no perfect ("should add",
        not "should have added"), a future marker or a proposal opener; and the verbs an
        item opens with in the imperative (``concrete-verbs``, ``vague-verbs``,
        ``weak-verbs``, ``improvement-verbs``)."""
        ability = set(self._pack_words("ability-modals"))
        modals = [w for w in self._pack_words("commitment-modals") if w not in ability]
        # "on 3 May", "May 3rd": a month's name, no modal
        alt = [
            rf"(?<![\w'’])(?<!\d[ \t])(?<!\d\w\w[ \t]){re.escape(w)}(?![\w'’])"
            rf"(?!\s+(?:not\s+)?have\b)(?![ \t]+\d)"
            for w in modals
        ]
        alt += [future_marker(w) for w in self._pack_words("future-markers")]
        duty = duty_passive(self._pack_words)
        alt += [duty] if duty else []
        openers = self._pack_words("proposal-openers")
        alt += [rf"(?<![\w'’])(?:{_spaced(openers)})(?![\w'’])"] if openers else []
        verbs = frozenset(w.lower() for k in _ITEM_VERB_KEYS for w in self._pack_words(k))
        more = frozenset(w.lower() for k in _OPENER_KEYS for w in self._pack_words(k))
        return re.compile("(?i)" + ("|".join(alt) or r"(?!x)x")), verbs | more

    @functools.cached_property
    def _duty_infinitive(
        self,
    ) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
        """:meth:`proposes`' duty given to a party in the minutes' style: a subject of at
        most four words, "to" and ``duty-infinitive-verbs`` or an item verb ("Store IT to
        be more careful …", "Finance to review the refund queue"), in a first sentence with
        none of ``duty-infinitive-stops`` before a clause of its own (``imperative-clause-
        marks``, ``condition-words``): "Access to review tools was restored" states a fact,
        "Ops to be consulted before probes are switched off" gives a duty. None without
        its words."""
        stops = self._pack_words("duty-infinitive-stops")
        verbs = self._pack_words("duty-infinitive-verbs")
        verbs += [w for k in _ITEM_VERB_KEYS for w in self._pack_words(k)]
        if not stops or not verbs:
            return None
        duty = re.compile(
            rf"(?i)[ \t]*(?:[\w&'’./-]+[ \t]+){{1,4}}to[ \t]+(?:{_spaced(verbs)})(?![\w'’-])"
        )
        marks = self._pack_words("imperative-clause-marks") + self._pack_words("condition-words")
        return (
            duty,
            re.compile(rf"(?i)(?<![\w'’])(?:{_spaced(stops)})(?![\w'’])"),
            re.compile(rf"(?i)(?<![\w'’])(?:{_spaced(marks) or '(?!x)x'})(?![\w'’])"),
        )

    def _duty_given(self, text: str) -> bool:
        """Does ``text`` open with a duty in the minutes' style (:meth:`_duty_infinitive`)?"""
        pats = self._duty_infinitive
        m = pats[0].match(text) if pats is not None else None
        if pats is None or m is None:
            return False
        head = _first_sentence(text)
        clause = pats[2].search(head, m.end())  # "… before probes are switched off"
        return pats[1].search(head[: clause.start() if clause else len(head)]) is None

    def proposes(self, text: str) -> bool:
        """Does a numbered paragraph of a report (``text``, after its number) propose work,
        rather than state a fact? A report numbers every paragraph, its findings and its
        account of what was done as well as its recommendations: "6.1 Refunds were
        processed within a week" and "6.4 The company has adopted these actions:" are
        statements, "6.3 The company should add a hash check", "7.1. The loader team SHALL
        add …" and "(1) Add a dedup window …" are work to do. Work to do is told by a modal
        of commitment or a future marker (:meth:`_proposal`), an opening verb in the
        imperative, or an item's field written with its key ("Owner: …", "Due: …"; a loose
        "by 3 March" also dates what was done). Read from the words alone, as every item
        is."""
        pattern, verbs = self._proposal
        if self.notes_to_readers(text):
            return False  # "Any queries about this report should go to …"
        first = _FIRST_WORD.match(text)
        if first is not None and first.group(1).lower() in verbs:
            return True
        if self._moves(text, verbs):
            return True
        if self._duty_given(text):
            return True
        if pattern.search(text) is not None:
            return True
        if self.kv is None:
            return False
        return any(m.group("key").lower() not in self._type_keys for m in self.kv.finditer(text))

    def field_line(self, text: str) -> bool:
        """Is ``text`` nothing but ``Key: value`` fields ("owner: @dana", "**Due:**
        2025-12-13", "priority: P1; ticket: OPS-12")?"""
        if self.kv is None or self.kv.search(text) is None:
            return False
        return self.kv.sub("", text).strip(" \t*_,;.") == ""

    def _moves(self, text: str, verbs: frozenset[str]) -> bool:
        """Is ``text`` a committee's motion: a ``committee-openers`` word, its subject and
        a verb an item opens with, bare or with an "-s" ("That the Directorate review its
        monitoring", "That Finance publishes …"), within the next six words? "That change
        fixed the leak" reports what was done."""
        m = _FIRST_WORD.match(text)
        if m is None or m.group(1).lower() not in self._committee:
            return False
        passive = self._passive_motion(_MOTION_WORDS.findall(_first_sentence(text), m.end()))
        if passive is not None:
            return passive
        for w in _MOTION_WORDS.findall(text, m.end())[1:7]:
            low = w.lower()
            if low in verbs or (low.endswith("s") and low[:-1] in verbs):
                return True
        return False

    def _passive_motion(self, words: list[str]) -> bool | None:
        """Is a motion's subject followed by a bare ``committee-passives`` word and a
        participle, the subjunctive a committee proposes work in without naming who does it
        ("That the triage rota be reviewed", "That thought be put into …")? The bare
        "be" after a modal or "to" ("That it could be done shows …") is no subjunctive, and
        a participle in ``duty-statements`` ("be noted") asks for no work. A finite verb
        of ``committee-passive-stops`` after it makes the motion a subject clause that
        reports ("That the spares be tested was agreed in 2024"). None when the motion has
        no bare "be": its verb is read as a bare verb is."""
        marks, stops = self._motion_passive
        for i in range(1, min(len(words) - 1, 8)):
            if words[i].lower() not in marks or words[i - 1].lower() in stops:
                continue
            part = words[i + 1].lower()
            if part in self._statement_participles or any(
                w.lower() in self._passive_motion_stops for w in words[i + 2 :]
            ):
                return False
            return part.endswith(("ed", "en")) or part in self._irregular_participles
        return None

    @functools.cached_property
    def _passive_motion_stops(self) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self._fields.get("committee-passive-stops", []))

    @functools.cached_property
    def _motion_passive(self) -> tuple[frozenset[str], frozenset[str]]:
        """The bare "be" of a motion's passive, and the words before it that make it no
        subjunctive (the modals, "to", "not" after a modal)."""
        marks = frozenset(str(w).lower() for w in self._fields.get("committee-passives", []))
        modals = self._pack_words("commitment-modals") + self._pack_words("future-markers")
        return marks, frozenset([w.lower() for w in modals] + ["to"])

    @functools.cached_property
    def _statement_participles(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._pack_words("duty-statements"))

    @functools.cached_property
    def _irregular_participles(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._pack_words("duty-participles"))

    @functools.cached_property
    def _committee(self) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self._fields.get("committee-openers", []))

    def notes_to_readers(self, text: str) -> bool:
        """Does a paragraph of a report (``text``) tell its readers what to do with the
        report itself, where to send questions about it or how to cite it ("Please send
        questions on this review to the reliability office", "This document should be cited
        as PIR-2024-07")? That is a note to them, no recommendation, whatever its
        modal; a paragraph with an item's field ("Owner: …") is an item all the same."""
        note = self._reader_note
        if note is None or len(text) > _NOTE_CHARS:
            return False
        low = text.lower()  # the cheap test first: a query word near the opening, or
        # "this" and a query or citing word anywhere (what the pattern asks for)
        queries, words = self._note_words
        if not (
            any(q in low[:_NOTE_OPENING] for q in queries)
            or ("this" in low and any(w in low for w in words))
        ):
            return False
        if note.match(text) is None:
            return False
        return self.kv is None or self.kv.search(text) is None

    @functools.cached_property
    def _note_words(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The query words (``reader-queries``), and those with the citing verbs
        (``citing-verbs``), lower-cased: the cheap test before :attr:`_reader_note`."""
        queries = tuple(sorted({w.lower() for w in self._pack_words("reader-queries")}))
        citing = {w.lower() for w in self._pack_words("citing-verbs")}
        return queries, tuple(sorted({*queries, *citing}))

    @functools.cached_property
    def _reader_note(self) -> re.Pattern[str] | None:
        """:meth:`proposes`' test for a note to the report's readers (``reader-queries``,
        ``reader-routing``, ``citing-verbs``): a query at the opening ("Any queries …",
        "For questions, …", "Please direct any comments …") with a way to send it, or the
        report itself named ("this report") with a query or a citing verb."""
        queries = _spaced(self._pack_words("reader-queries"))
        if not queries:
            return None
        ways = self._pack_words("reader-routing") + self._pack_words("reader-contact-verbs")
        sending = _spaced(ways) or "(?!x)x"
        citing = _spaced(self._pack_words("citing-verbs")) or "(?!x)x"
        report = _spaced(self._pack_words("document-nouns")) or "(?!x)x"
        w = r"(?<![\w'-])"
        e = r"(?![\w'-])"
        within = r"[^.!?]*?"  # in the first sentence, after the paragraph's number
        opening = (
            rf"(?={within}{w}(?:{sending}){e})(?:(?:please|kindly)\s+\w+\s+)?"
            rf"(?:(?:any|all|further|other|more|for)\s+){{0,3}}(?:{queries})s?{e}"
        )
        this = rf"{w}this\s+(?:{report}){e}"
        named = rf"(?={within}{this})(?={within}{w}(?:(?:{queries})s?|{citing}){e})"
        return re.compile(rf"(?is)^[\W\d_]*(?:{opening}|{named})")

    @functools.cached_property
    def _type_keys(self) -> frozenset[str]:
        """The keys of an item's type ("Type: prevent"): no field of work to do alone."""
        return frozenset(k.lower() for k in self.keys["type"])

    @functools.cached_property
    def _reader_guidance(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """:meth:`guides_reader`'s patterns: the opening, and a writer's word anywhere."""
        reader = "|".join(re.escape(w) for w in self._pack_words("reader-words"))
        contact = "|".join(re.escape(w) for w in self._pack_words("reader-contact-verbs"))
        writer = "|".join(re.escape(w) for w in self._pack_words("writer-words"))
        if not reader:
            return None
        contact = contact or "(?!x)x"
        edge = r"(?![\w'])"
        aud = "|".join(re.escape(w) for w in self._pack_words("reader-audiences"))
        advised = _advised(aud, self._pack_words)
        opening = (
            rf"(?i)[^\w]*(?:please\b|(?:if\s+|when\s+)?(?:{reader}){edge}"
            rf"|(?:{contact}){edge}(?=.*?(?<![\w'])(?:{reader}|us){edge}){advised})"
        )
        writers = rf"(?i)(?<![\w'])(?:{writer or '(?!x)x'}){edge}"
        return re.compile(opening), re.compile(writers + self._team_clause)

    @functools.cached_property
    def _team_clause(self) -> str:
        """An alternative for :meth:`_reader_guidance`'s writer pattern: a later clause
        that is the team's own imperative ("Tenants must confirm large sends; make the
        step clearer", "Users must re-enter it, so improve the flow"). After ";", ", so",
        ", then" or ", and", a verb of the team's work (``concrete-verbs``, ``vague-verbs``,
        ``improvement-verbs``, ``causative-verbs``) that is no verb the reader does
        (``reader-advice-verbs``: "…; update the app too" is still advice)."""
        keys = ("concrete-verbs", "vague-verbs", "improvement-verbs", "causative-verbs")
        reader = {w.lower() for w in self._pack_words("reader-advice-verbs")}
        team = sorted({w.lower() for k in keys for w in self._pack_words(k)} - reader)
        if not team:
            return ""
        verbs = "|".join(map(re.escape, team))
        joint = r"(?:;|,\s*(?:so|then|and)(?:\s+then)?|\s+so)"
        return rf"|{joint}\s+(?:also\s+|please\s+)?(?:{verbs})(?![\w'-])"

    @functools.cached_property
    def scoped_actions(self) -> frozenset[str]:
        """Headers that name the Action column only in a follow-up section or beside a
        Priority column (``scoped-action-columns``: "Change", "Fix", "Step")."""
        return frozenset(_norm(w) for w in self._pack_words("scoped-action-columns"))

    @functools.cached_property
    def row_references(self) -> frozenset[str]:
        """Ticket headers that may name a row's own reference (``row-reference-columns``)."""
        return frozenset(_norm(w) for w in self._pack_words("row-reference-columns"))

    @functools.cached_property
    def _readers_heading(self) -> re.Pattern[str] | None:
        """:meth:`addresses_readers`' pattern, matched against the whole title: the
        audience before a noun of advice ("customer actions"), that noun for the
        audience ("recommendations for customers"), the audience alone ("For
        customers"), or what the audience can do ("what you can do"). The audience is
        the whole object: a title where it modifies a noun ("Actions for
        customer-facing services", "Recommendations for client libraries"), is one
        part of a pair ("Next steps for our users and the team") or where the advice
        is one part of the team's own list ("Action items (internal and customer
        actions)", "Customer action items") is the team's work."""
        aud = "|".join(map(re.escape, self._pack_words("reader-audiences")))
        advice = "|".join(map(re.escape, self._pack_words("reader-advice")))
        if not aud or not advice:
            return None
        who = rf"(?:our\s+|all\s+|affected\s+)?(?:{aud})"
        mods = _spaced(self._pack_words("reader-advice-modifiers"))
        tails = _spaced(self._pack_words("reader-advice-tails"))
        mod = rf"(?:(?:{mods})\s+)?" if mods else ""  # "Recommended actions for …"
        tail = rf"(?:\s+(?:{tails}))?" if tails else ""  # "… for customers to take"
        return re.compile(
            rf"(?i)^(?:{mod}(?:(?:{who})\s+(?:{advice})|(?:{advice})\s+(?:for|to)\s+{who})"
            rf"{tail}|(?:for|to)\s+{who}"
            rf"|what\s+{who}\s+(?:can|should|could|must|may|need\s+to)\s+do{tail})\s*\??$"
        )

    @functools.cached_property
    def _reader_titles(self) -> Memo[bool]:
        return Memo(_TITLE_MEMO_SIZE)

    def addresses_readers(self, title: str) -> bool:
        """Is a heading addressed to the organisation's customers ("Customer actions",
        "Recommendations for customers", "What you can do")? Its lists are advice to
        them, not the team's follow-up work. Memoised per title, as
        :meth:`is_action_title` is: the scope walk asks it for every section and its
        ancestors on every lint."""
        memo = self._reader_titles
        hit = memo.get(title)
        if hit is None:
            pat = self._readers_heading
            t = _norm(_OUTLINE_NUMBER.sub("", title))  # "4. Recommendations for users"
            hit = memo.put(title, pat is not None and pat.match(t) is not None)
        return hit

    def guides_reader(self, text: str) -> bool:
        """Does a list item speak to the reader ("Contact support if you still see late
        pushes", "If your pushes are late, retry them", "Please reach out to us with
        questions") and not of the writers? It is guidance for customers, no work item
        of the team's, whatever section it stands in; an item that only mentions the
        reader in passing ("Add a setting so you can pause relays") is still one."""
        return _guides_reader(self, text)

    def _guides_reader(self, text: str) -> bool:
        pats = self._reader_guidance
        if pats is None:
            return False
        text = text.replace("\u2019", "'")
        return pats[0].match(text) is not None and pats[1].search(text) is None

    def marked_done(self, text: str) -> bool:
        """Is an item's text, or a cell of its row, marked finished ("✅ Add …", "Done: add
        …", "Add … — done", "[done]", a Status or Notes cell of "✔")? A mark or label stands
        at the start or the end, set apart: "Add a check that the job is done" is open.
        Memoised like :meth:`reported`: every item is asked on every lint."""
        return _marked_done(self, text)

    def _marked_done(self, text: str) -> bool:
        if self.done_mark is None:
            return False
        start, end = self.done_mark
        if start.match(text) is not None:
            return True
        tail = text[-60:]
        low = tail.lower()  # the cheap test before the search: most end with no mark
        if any(n in low for n in self._done_needles) and end.search(tail) is not None:
            return True
        if "," in tail and self._done_after_comma.search(tail) is not None:
            return True
        dated = self._done_dated
        return (
            dated is not None
            and _DIGIT.search(text) is not None
            and any(n in text.lower() for n in self._done_needles)
            and dated.search(text) is not None
        )

    @functools.cached_property
    def _done_after_comma(self) -> re.Pattern[str]:
        """A clause after the item's last comma that reports its work finished: a done
        label ("…, completed."), or "already" or "now" and a label or a word of work
        delivered (``done-after-already``: "…, already sent on Sunday", "…, now
        refunded"), with at most the day it happened (a weekday, a date, "yesterday",
        "last week"). Conservative on purpose: nothing else may follow, so "…, already
        requested by Omar", "…, already planned for May" and "…, already deployed in
        staging" (partly done) stay open items."""
        labels = [str(v) for v in self._fields.get("done-labels", [])]
        delivered = [str(v) for v in self._fields.get("done-after-already", [])]
        if not labels:
            return re.compile(r"(?!x)x")

        def alt(words: list[str]) -> str:
            ordered = sorted(words, key=len, reverse=True)
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)

        return re.compile(
            rf"(?i),\s*(?:(?:already|now)\s+(?:{alt(labels + delivered)})|(?:{alt(labels)}))"
            rf"(?:\s+(?:on\s+)?(?:{_DATE}|{_DAY_MONTH}|[a-z]*day\b|last\s+(?:week|night|month)))?"
            r"[\s.!*_~)\]]*$"
        )

    @functools.cached_property
    def _done_dated(self) -> re.Pattern[str] | None:
        """A done label and the day the work was finished, as a field of its own among
        the item's fields ("Owner: Ines, done 10 December, ticket OPS-7", "— completed
        2026-11-30 —", "(closed nov 28)", "(done, 4 Nov)"): the item reports work
        finished. "done by 10 December" (a target) and "marks runs done 10 times" stay
        open."""
        labels = [str(v) for v in self._fields.get("done-labels", [])]
        if not labels:
            return None
        label = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
        return re.compile(
            r"(?:^|(?<=[,;(\[|\u2013\u2014\u00b7\u2022])|(?<=\s-))\s*"
            rf"(?i:{label})\s*[:,]?\s+(?:on\s+)?(?:{_DATE}|{_DAY_MONTH})"
            r"(?=\s*(?:[,;)\]|\u2013\u2014\u00b7\u2022]|\s-\s|\.?\s*$|\.\s))"
        )

    def without_leading_marks(self, text: str) -> str:
        """``text`` without the pack's done marks (check-mark emoji) it opens with."""
        marks = tuple(str(m) for m in self._fields.get("done-marks", []))
        text = text.strip()
        while marks and text.startswith(marks):
            text = text[next(len(m) for m in marks if text.startswith(m)) :].lstrip()
        return text

    def is_placeholder(self, value: str) -> bool:
        """A value that stands for one not written yet ("TBD", "?", "-", "ASAP")."""
        v = value.strip().strip("*_`").strip().lower()
        return not v or v in self.placeholders

    def unfilled(self, name: str, value: str) -> bool:
        """A field's value that leaves it unfilled: a placeholder, or for the owner, a
        collective one that names no one in particular ("everyone", "all engineers",
        "the whole team": ``collective-owners``) or a guess ("platform?")."""
        return self.is_placeholder(value) or (
            name == "owner" and (self.owners.names_no_one(value) or guessed(value))
        )

    def column_of(self, header: str) -> str | None:
        """The field a header cell names: the whole cell, else the field of a cell split on
        "/" that is written in two languages ("対策 / Action", "Owner / 担当", "Maßnahme /
        Action"): every part that names a field names the same one, and every other part is
        in another script. "Target / Metric" or "Who / Where" is one English header about
        two things, and names no column."""
        h = _norm(header.replace("\uff0f", "/"))  # a full-width slash ("対策／Action")
        found = self._column(h)
        if found is None and "/" in h:
            parts = [p.strip() for p in h.split("/")]
            # a team and an owner name one field ("Team / Owner")
            fields = {"owner" if (f := self._column(p)) == "team" else f for p in parts}
            named = fields - {None}
            if len(named) == 1 and all(
                self._column(p) is not None or _other_script(p) for p in parts
            ):
                found = named.pop()
        return found

    def _column(self, h: str) -> str | None:
        for name, syns in self.columns.items():
            if h in syns:
                return name
        return None

    @functools.cached_property
    def line_labels(self) -> frozenset[str]:
        """Labels that open an action item's line in minutes ("AI:", "Action:"), lower-case
        (``item-line-labels``)."""
        return frozenset(" ".join(w.lower().split()) for w in self._pack_words("item-line-labels"))

    @functools.cached_property
    def no_item(self) -> re.Pattern[str] | None:
        """A labelled line's opening that says there is no work ("Action: none needed";
        ``no-item-openers``), or None without such words."""
        openers = sorted(self._pack_words("no-item-openers"), key=len, reverse=True)
        return re.compile(rf"(?i)\s*(?:{_spaced(openers)})(?![\w/])") if openers else None

    def is_line_label(self, label: str) -> bool:
        """Is ``label`` (the words before a line's colon) one of ``item-line-labels``?"""
        return " ".join(label.lower().split()) in self.line_labels

    def is_action_title(self, title: str) -> bool:
        """Memoised per title: a pure function of the title and this pack's words (the
        scope walk asks it for every section and its ancestors on every lint)."""
        hit = self._titles.get(title)
        if hit is None:
            t = " " + _norm(normalise_heading(title) or title) + " "
            cues = [c for c in self.cues if f" {c} " in t]
            planned = self._plan_heading is not None and self._plan_heading.search(t)
            hit = self._titles.put(
                title,
                not any(f" {s} " in t for s in self.stops)
                and not self._says_done(t)
                and (bool(planned) or (bool(cues) and not self._explains_subject(t, cues)))
                and not self.addresses_readers(title),
            )
        return hit

    @functools.cached_property
    def _plan_heading(self) -> re.Pattern[str] | None:
        """:meth:`is_action_title`'s test for a heading of the writers' planned change
        ("Things we're changing", "What we are fixing"), on the normalised title: an
        opener, the writers with a progressive or a future, one adverb at most, and a verb
        of change (``plan-heading-*``) in its base or -ing form."""
        keys = ("plan-heading-openers", "plan-heading-subjects", "plan-heading-verbs")
        openers, subjects, verbs = (_heading_phrases_of(self._pack_words(k)) for k in keys)
        if not (openers and subjects and verbs):
            return None
        forms = sorted({f for v in verbs for f in (v, _ing(v))}, key=_longest_first)
        alt = ["|".join(map(re.escape, ws)) for ws in (sorted(openers), sorted(subjects), forms)]
        return re.compile(rf" (?:{alt[0]}) (?:{alt[1]}) (?:[a-z]+ )?(?:{alt[2]}) ")

    def _explains_subject(self, t: str, cues: list[str]) -> bool:
        """Is a padded, normalised title an explanation of the incident's subject ("Why
        the backlog grew", "How the backlog formed") or a look back at work filed before it
        ("Backlog check", "Review of the backlog": whether an earlier ticket would have
        prevented it; its items are past tickets): its only cues may name that subject
        (``subject-heading-cues``) and it asks, explains (``explanation-heading-words``)
        or looks back (``look-back-heading-words``)? "Backlog", "Follow-up backlog" and
        "How we will work off the action backlog" (an "action" cue) stay action headings."""
        return all(c in self.subject_cues for c in cues) and any(
            f" {w} " in t for w in (*self.explaining, *self.looking_back)
        )

    @functools.cached_property
    def done_headings(self) -> tuple[list[str], list[str]]:
        """Headings of work done, and the words of work still open that undo one."""
        done, still_open = (
            [_norm(normalise_heading(w) or w) for w in self._pack_words(key)]
            for key in ("done-headings", "done-heading-open-words")
        )
        return done, still_open

    @functools.cached_property
    def participles(self) -> frozenset[str]:
        """Past participles that do not end in -ed ("reset", "taken"): with "was"/"were"
        before them they report work done (:meth:`_passive_done`)."""
        return frozenset(w.lower() for w in self._pack_words("irregular-participles"))

    def says_done(self, title: str) -> bool:
        """Does a heading say its list is work already done ("Remediation performed",
        "Completed actions", "Mitigations applied")? See ``done-headings``."""
        return self._says_done(" " + _norm(normalise_heading(title) or title) + " ")

    def _says_done(self, t: str) -> bool:
        """:meth:`says_done` of a normalised title padded with spaces: a done-heading word
        not after "be", "to", "not" or "yet" ("Fixes to be applied"), and no word of work
        still open beside it ("Actions completed and planned")."""
        done, still_open = self.done_headings
        if any(f" {w} " in t for w in still_open):
            return False
        for w in done:
            i = t.find(f" {w} ")
            while i >= 0:
                if not t[: i + 1].endswith((" be ", " to ", " not ", " yet ")):
                    return True
                i = t.find(f" {w} ", i + 1)
        return False

    def is_question_title(self, title: str) -> bool:
        """Does a heading announce questions still to answer ("Open questions")?"""
        return _question_title(self, title)

    @functools.cached_property
    def _comment_heading(self) -> re.Pattern[str] | None:
        """:meth:`is_comment_title`'s pattern on the whole title: a handle or a capitalised
        name of up to three words and a verb of commenting, or a noun of one, "by" or
        "from" and such a name; a date or time may follow either (``comment-heading-*``)."""
        verbs = _spaced(self._pack_words("comment-heading-verbs"))
        nouns = _spaced(self._pack_words("comment-heading-nouns"))
        if not verbs or not nouns:
            return None
        who = r"(?:@[\w.-]*\w|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})"
        tail = r"(?:\s*(?:\b(?:on|at)\b|[-\u2013\u2014\u00b7,(|])[^\n]*)?"
        return re.compile(
            rf"^\s*(?:{who}\s+(?:{verbs})|(?i:{nouns})\s+(?i:by|from)\s+{who}){tail}\s*:?\s*$"
        )

    def is_comment_title(self, title: str) -> bool:
        """Does a heading open one person's comment in a discussion thread ("@dana
        commented", "Comment from Li Wei")? What follows it is that person's remark, not
        part of the section above it (``comment-heading-verbs``)."""
        pat = self._comment_heading
        return pat is not None and pat.match(title) is not None

    @functools.cached_property
    def _checklists(self) -> tuple[list[str], frozenset[str]]:
        """``checklist-headings`` normalised like titles, and ``checklist-record-sections``."""
        heads = _heading_phrases_of(self._pack_words("checklist-headings"))
        return heads, frozenset(self._pack_words("checklist-record-sections"))

    def is_checklist_title(self, title: str) -> bool:
        """Does a heading name a checklist about the write-up or its review ("Checklist
        before closing", "Definition of done") rather than follow-up work?"""
        t = " " + _norm(normalise_heading(title) or title) + " "
        heads = self._checklists[0]
        return any(f" {c} " in t for c in heads) and not self.is_action_title(title)

    def holds_a_checklist(self, s: Section | None) -> bool:
        """Is a run of checkboxes in ``s`` a checklist of something other than follow-up
        work: under a checklist heading, or in a section of the incident's facts (the
        nearest section the template names: Impact, Summary, Timeline ...)?"""
        named = next((n for n in _path_up(s) if n.canonical is not None), None)
        if named is not None and named.canonical in self._checklists[1]:
            return True
        return any(self.is_checklist_title(n.title) for n in _path_up(s))


#: the words of a committee's motion after its opener (:meth:`_Words._moves`)
_MOTION_WORDS = re.compile(r"[A-Za-z][\w'-]*")


def _path_up(s: Section | None) -> Iterator[Section]:
    """``s`` and the sections above it, innermost first."""
    while s is not None:
        yield s
        s = s.parent


def _other_script(text: str) -> bool:
    """Does ``text`` hold a letter outside the Latin script ("担当", "期限", "Срок")?"""
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in text)


@lru(_TITLE_MEMO_SIZE)
def _question_title(words: _Words, title: str) -> bool:
    """:meth:`_Words.is_question_title`, memoised per pack's words and title (the scope
    walk asks it for every section and its ancestors on every lint)."""
    t = " " + _norm(normalise_heading(title) or title) + " "
    return any(f" {q} " in t for q in words.questions)


@lru(16_384)
def _marked_done(words: _Words, text: str) -> bool:
    """:meth:`_Words.marked_done`, memoised (a pure function of the pack's words and the text)."""
    return words._marked_done(text)


def _spaced(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _advised(aud: str, pack_words: Callable[[str], list[str]]) -> str:
    """The "advised" branch of :meth:`_Words._reader_guidance`'s opening: the audience
    as the subject of advice. A framing is advice whatever follows ("Affected users are
    advised to …"); a plain modal only before a verb the reader does, in the active
    voice ("Customers should rotate …"). "Users should get better errors", "Customers
    should be told sooner" and "Clients must retry with backoff" are what the team owes
    them: its own items."""
    modals = _spaced(pack_words("reader-advice-modals"))
    framings = _spaced(pack_words("reader-advice-framings"))
    verbs = _spaced(pack_words("reader-advice-verbs"))
    if not aud or not (framings or (modals and verbs)):
        return ""
    edge = r"(?![\w'])"
    said = [f"(?:{framings}){edge}"] if framings else []
    if modals and verbs:
        said.append(rf"(?:{modals})\s+(?:{verbs}){edge}")
    return rf"|(?:all\s+|affected\s+)?(?:{aud})\s+(?:{'|'.join(said)})"


@lru(16_384)
def _guides_reader(words: _Words, text: str) -> bool:
    """:meth:`_Words.guides_reader`, memoised (a pure function of the words and the text)."""
    return words._guides_reader(text)


@lru(16_384)
def _reported(words: _Words, text: str) -> bool:
    """:meth:`_Words.reported`, memoised (a pure function of the pack's words and the text)."""
    return words._reported(text)


#: a future or obligatory passive: "shall be pursued", "will be implemented", "is to be
#: reviewed"; "an alert that will page on-call" is no passive
_FUTURE_PASSIVE = re.compile(
    r"(?i)(?<![\w'’])(?:shall|will|must|should|is\s+to|are\s+to)\s+(?:not\s+)?be\s+"
    r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b"
)


def _first_sentence(text: str) -> str:
    """The item's first sentence (up to a sentence end or a semicolon)."""
    m = _FIRST_SENTENCE.match(text)
    return m.group(0) if m is not None else text


#: a label opening an item's text ("Ranked points restore: …", masked bold included)
#: the first sentence of an item: up to a sentence end or a semicolon
_FIRST_SENTENCE = re.compile(r".*?(?:[.;!?](?=\s|$)|$)", re.S)
#: a passive (or perfect passive) in the past: "was restored", "were all reset", "has been
#: fully rolled back"; "was not restored" says nothing done
_PASSIVE_PAST = re.compile(
    r"(?i)(?<![\w'’])(?:was|were|(?:has|have|had)\s+been)\s+(?:(?:[a-z]+ly|all|both|then|also)\s+){0,2}"
    r"([a-z]+)\b(?![-'’])"
)
_LEAD_LABEL = re.compile(r"[^\w\n]*[\w][^:.!?\n]{0,60}:\s+(?=\S)")


def _future_markers(words: list[str], duty: str | None = None) -> re.Pattern[str]:
    """Any of the future markers ``words``, in any case (:func:`future_marker`), or a duty
    in the passive (:func:`duty_passive`); never matches without either."""
    alts = [future_marker(w) for w in words] + ([duty] if duty else [])
    if not alts:
        return re.compile(r"(?!x)x")
    return re.compile("(?i)" + "|".join(alts))


def _pack_future(pack: RulePack) -> re.Pattern[str]:
    """The pack's future markers and its duty in the passive, as one pattern."""
    words = pack.words(FAMILY, "future-markers")
    return _future_markers(words, duty_passive(lambda k: pack.words(FAMILY, k)))


def future_marker(m: str) -> str:
    """A future marker as a pattern: a clitic ("'ll") follows its word, with either
    apostrophe; any other marker stands alone (no letter, digit or apostrophe before it,
    no word character after it).

    Every alternative opens with a literal character and tests "stands alone" only after
    it (a two-character lookbehind over the character before the marker and its first
    letter): a pattern whose alternatives all open with a literal is searched by skipping
    to the next place one of those characters occurs, while a pattern opening with a
    lookbehind is tried at every position of every sentence the prefilters ask about
    (ten times slower). The markers found are the same."""
    if m.startswith("'"):
        return "|".join(q + re.escape(m[1:]) + r"(?!\w)" for q in "'’")
    rest = re.escape(m[1:]).replace("'", "['’]")
    return re.escape(m[0]) + r"(?<![\w'’].)" + rest + r"(?!\w)"


def duty_passive(words: Callable[[str], list[str]]) -> str | None:
    """A pattern for a duty stated in the passive ("the feed is to be rerouted"): one of
    ``duty-openers``, then a participle (in -ed or -en, or one of ``duty-participles``) that
    is none of ``duty-statements`` ("is to be expected"); None without openers (misc36)."""
    openers = words("duty-openers")
    if not openers:
        return None
    irregular = words("duty-participles")
    stops = words("duty-statements")
    no_stop = rf"(?!(?:{_spaced(stops)})\b)" if stops else ""
    forms = r"[a-z]+(?:ed|en)" + (rf"|{_spaced(irregular)}" if irregular else "")
    return rf"(?<![\w'’])(?:{_spaced(openers)})\s+{no_stop}(?:{forms})\b"


def _ticket_cue(cues: list[str]) -> re.Pattern[str] | None:
    """A ticket written as a plain number of three or more digits after the name of its
    kind ("work order 4471", "change request no. 812", ``ticket-cues``), or None."""
    if not cues:
        return None
    alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    return re.compile(
        rf"(?i)(?<![\w-])(?:{alt})\s*(?:no\.?|number|nr\.?|#)?\s*(?P<t>\d{{3,}})(?![\w.,:/-]\d)(?![\w-])"
    )


def _relative_due(relative: list[str]) -> re.Pattern[str] | None:
    """A deadline relative to something the postmortem does not fix ("by next sprint"),
    or None without such words (``relative-dues``). Also one written bare as a field of
    its own between an item's separators ("(Jake, end of month, BRD-3)", "— Ana — next
    sprint"), where nothing else follows it: "…, end of month reports included"
    names reports, no deadline. "By the end of …" is read as "by end of …"."""
    if not relative:
        return None
    alt = "|".join(map(re.escape, sorted(relative, key=len, reverse=True)))
    return re.compile(
        rf"(?i)(?:\b(?:due|by|before|target|until)\b\s*:?\s*(?:the\s+(?=end\b))?"
        rf"|(?<=[,(;\u2014\u2013\u00b7\u2022])[ \t]*(?P<bare>))"
        rf"(?P<d>(?:{alt})(?![\w-]))(?(bare)(?=[ \t]*(?:[,;)\u2014\u2013\u00b7\u2022]|\.?[ \t]*$)))"
    )


#: an item's identifier: "PCA-1", "CA-4", "A7", "AI-12" (capitals, then a number)
_ITEM_ID = r"[A-Z][A-Z0-9]{0,5}-?\d{1,3}"
#: an item text that opens with its identifier ("PCA-1: Replace …", "**A3** Add …")
_LEAD_ID = re.compile(rf"[^\w\n]{{0,8}}(?P<id>{_ITEM_ID})(?![\w-])")
#: a table cell that is only an identifier (an ID or # column)
_CELL_ID = re.compile(rf"[^\w\n]{{0,4}}(?P<id>{_ITEM_ID})[^\w\n]{{0,4}}")


def _done_by_id(words: list[str]) -> re.Pattern[str] | None:
    """One or more item ids, then a report that they are done (``done-words``): "PCA-1
    was implemented", "A2 and A3 have been completed", or None without such words."""
    if not words:
        return None
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    one = rf"(?<![\w-]){_ITEM_ID}(?![\w-])"
    return re.compile(
        rf"(?P<ids>{one}(?:\s*(?:,|and|&)\s*{one})*)\s+"
        r"(?:was|were|is|are|has\s+been|have\s+been)\s+"
        r"(?:(?:now|already|fully|successfully)\s+)?"
        rf"(?i:{alt})(?![\w-])"
    )


def _done_marks(
    marks: list[str], labels: list[str]
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The patterns of :meth:`_Words.marked_done`: a mark or a label at the start of an
    item (a label set off by a colon, dash or brackets: "Done:", "[Done]", "DONE -"), or
    at its end after a dash, colon, bar or bracket ("… — done", "… (completed in 4.2)",
    "… ✅", "… — already merged", "… (shipped last week)", "… (fixed yesterday)"). A cell
    that holds only one matches both."""
    if not marks and not labels:
        return None
    mark = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)) or r"(?!x)x"
    label = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True)) or r"(?!x)x"
    lead = (
        rf"[\s*_~]*(?:{mark}|[\[(]\s*(?:{label})\s*[\])]"
        rf"|(?:{label})\s*(?:[:\u2014\u2013|]|\s-\s|\s*$))"
    )
    tail = (
        rf"(?:[\[(]?\s*(?:{mark})\s*[\])]?|(?:[\u2014\u2013|:\[(]|\s-)\s*"
        rf"(?:(?:already|now|fully)\s+)?(?:{label})"
        rf"(?:\s+(?:(?:on|in|at|since|last|this|as\s+of)\s[^()\[\]\n]{{1,30}}"
        r"|yesterday|today))?\s*[\])]?)"
        r"[\s.!*_~]*$"
    )
    return re.compile(rf"(?i){lead}"), re.compile(rf"(?i){tail}")


def _placeholder_note(notes: list[str]) -> re.Pattern[str] | None:
    """A list line opening with a placeholder word of ``notes``, maybe in brackets, then a
    colon, a dash, the closing bracket or the line's end ("[TODO: link the graph]", "TBD:
    raise a ticket", "TODO - confirm the owner"): the writers' note to fill in, no action
    item. Without a colon the word must be written in capitals ("Todo app - add retries"
    names a thing)."""
    if not notes:
        return None
    alt = "|".join(map(re.escape, sorted(notes, key=len, reverse=True)))
    upper = alt.upper()
    return re.compile(rf"^\[?\s*(?:(?i:{alt})\s*:|(?:{upper})(?:\s+[-\u2013\u2014]\s|\s*\]|\s*$))")


def _due_placeholder(keys: list[str], placeholders: set[str]) -> re.Pattern[str] | None:
    """A due key and a placeholder with no colon between them, standing as a detail of
    its own ("— due TBD —", "due ASAP, P2", "(eta unknown)"): the item's due date written
    but not filled in, as "Due: TBD" is. Only placeholders with a letter or a question
    mark: after a bare key a dash separates details ("due — P1" names no value), and the
    placeholder must end the detail ("target none of the hosts" is a sentence)."""
    values = sorted(
        (p for p in sorted(placeholders) if any(c.isalpha() or c == "?" for c in p)),
        key=len,
        reverse=True,
    )
    if not keys or not values:
        return None
    key_alt = "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)
    )
    val_alt = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in values)
    return re.compile(
        rf"(?i)(?<![\w@-])(?:{key_alt})\s+(?P<d>{val_alt})(?![\w/@-])"
        r"(?=\s*(?:$|[,;|()\n\u2014\u2013\u00b7\u2022]|-\s|\.(?:\s|$)))"
    )


#: a weekday written before a date ("Tuesday 11 June", "Tue 11 June")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"


def _due_on(delivery: list[str]) -> re.Pattern[str] | None:
    """A date after "on"/"for" up to four words after one of ``delivery`` (a version number
    such as "2.14" is one word), or right after the word, a weekday allowed between ("goes
    out Tuesday 11 June", "ships 14 June"); None without such words."""
    if not delivery:
        return None
    alt = "|".join(map(re.escape, sorted(delivery, key=len, reverse=True)))
    return re.compile(
        rf"(?i:\b(?:{alt})\b)(?:(?:\s+[^\s.;:()]+(?:\.\d+)*){{0,4}}?\s+(?i:on|for)"
        rf"|,?(?:\s+(?i:{_WEEKDAY}),?)?)\s+(?P<d>{_DATE})"
    )


def _priority_pattern(keys: list[str], levels: list[str]) -> re.Pattern[str]:
    """A priority written loose: a code ("P1"), a level before the word ("high priority"),
    or a key and its level with no colon as a field of its own, after a comma, dash or
    bracket ("…, priority high, ticket …", "(prio p2)"): "Set the queue priority high for
    batch jobs" sets a priority, it gives the item none."""
    alt = [r"(?<![\w-])[Pp][0-4](?![\w-])"]
    if levels:
        level = "|".join(map(re.escape, levels))
        alt.append(rf"(?i:\b(?:{level})[ -]priority\b)")
    if keys:
        key = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        value = "|".join([r"p?[0-4]", *map(re.escape, levels)])
        alt.append(
            r"(?:(?<=[,;(\[|\u2013\u2014\u00b7\u2022])|(?<=[,;(\[|\u2013\u2014\u00b7\u2022]\s)|(?<=\s-\s))"
            rf"(?i:(?:{key})\s+(?:{value}))(?![\w-])"
            r"(?=\s*(?:[,;)\]|\u2013\u2014\u00b7\u2022]|\s-\s|\.?\s*$))"
        )
    return re.compile("|".join(alt))


def _words(pack: RulePack) -> _Words:
    return pack.derived(_Words)


# -- scope -------------------------------------------------------------------------------------

#: a label line: a short name, then an optional "?" and an optional ":" among white space.
#: The tail after the name is written so that each character has one place to go (white
#: space, then "?" and its white space, then ":" and its white space): with three free
#: runs of white space in a row, a line of a word, sixty spaces (a masked link) and a
#: full stop took milliseconds to refuse, once for every length of the name tried.
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][^.!\n:]{0,60}?)\s*(?:\?\s*)?(?::\s*)?$")


def label_of(doc: PostmortemDoc, b: Block) -> str | None:
    """A block that is only a label ("**Review actions**:", "Next steps:"), else None."""
    label = _masked_label(b.text)
    if label is None:
        return None
    raw = doc.text[b.start : b.end].strip()
    if not (raw.endswith(":") or raw.startswith(("**", "__"))):
        return None
    return label


@lru(16_384)
def _masked_label(text: str) -> str | None:
    """What :func:`label_of` reads of a block's masked text: the label it would be, if
    its source text also looks like a label line. A pure function of the text, asked for
    most blocks by several rule families on every lint, so memoised."""
    masked = text.strip()
    if not masked or len(masked) > 70 or "\n" in masked:
        return None
    m = _LABEL.match(masked)
    return m.group("label") if m else None


def _section_in_scope(s: Section | None, words: _Words) -> bool:
    """Whether ``s`` or a section above it holds follow-up work (:func:`_scope_of`)."""
    return _scope_of(s, words) == "actions"


HeadingScope = Literal["actions", "questions", "readers", "comment"]


def heading_scope(s: Section | None, pack: RulePack) -> HeadingScope | None:
    """What the nearest heading over ``s`` that says so announces: follow-up work
    ("actions"), questions still to answer ("questions"), advice to the customers
    ("readers", :meth:`_Words.addresses_readers`) or one person's comment in a discussion
    thread ("comment", :meth:`_Words.is_comment_title`); None when no heading says any. The
    one precedence the action regions and the prose modes (candidates.py) share: see
    :func:`_scope_of`."""
    return _scope_of(s, _words(pack))


def _scope_of(s: Section | None, words: _Words) -> HeadingScope | None:
    """:func:`heading_scope`. The nearest such heading wins, and on one heading follow-up
    work wins over questions: "Follow-ups and open questions" holds work items, "###
    Open questions" under the action items holds none. The document's title (a top
    heading with the other sections under it) names the incident, not a part: "Queue
    backlog" must not make every section an action list."""
    node = s
    while node is not None:
        if _is_document_title(node):
            pass
        elif words.is_comment_title(node.title):
            return "comment"  # "### @dana commented" under the action items: a remark
        elif words.addresses_readers(node.title):
            return "readers"  # "### Customer actions" under the action items: advice
        elif node.canonical == "action-items" or words.is_action_title(node.title):
            return "actions"  # "Action items and open questions" too: its lists are items
        elif words.is_question_title(node.title):
            return "questions"  # "### Open questions" under the action items: no work
        elif words.is_checklist_title(node.title):
            return None  # "### Checklist before closing" under the action items: no work
        node = node.parent
    return None


def says_done_over(s: Section | None, pack: RulePack) -> bool:
    """Does ``s`` or a section above it, up to the nearest that announces follow-up work,
    say its lists tell work already done ("What we did", "Remediation performed",
    :func:`_done_section`)? "### What we did" under the document's title counts; under
    "## Action items" a "### Completed" heading is the action groups' business."""
    words = _words(pack)
    node = s
    while node is not None and not _is_document_title(node):
        if _done_section(node, words):
            return True
        if node.canonical == "action-items" or words.is_action_title(node.title):
            return False
        node = node.parent
    return False


def _is_document_title(s: Section) -> bool:
    return s.parent is None and s.level == 1 and bool(s.children)


def labelled_regions(doc: PostmortemDoc) -> tuple[LabelledRegion, ...]:
    """Label lines ("- **Impact**:", "**Review actions**:") with the region each opens: up to
    the next label line or the end of the section's own content. Some postmortem templates
    use these instead of headings; the impact rules read them too.

    A function of the document alone, asked by four rule families on every lint, so it is
    computed once per parsed document."""
    return doc.analysis(_labelled_regions)


def _labelled_regions(doc: PostmortemDoc) -> tuple[LabelledRegion, ...]:
    blocks = [b for b in doc.blocks if b.kind in ("paragraph", "list_item")]
    labels = [(b, lab) for b in blocks if (lab := label_of(doc, b)) is not None]
    out: list[LabelledRegion] = []
    for i, (b, lab) in enumerate(labels):
        sec = b.section
        limit = sec.content.end if sec is not None else len(doc.text)
        nxt = labels[i + 1][0].start if i + 1 < len(labels) else limit
        end = min(nxt, limit)
        if end > b.end:
            out.append((lab, Span(b.end, end), sec))
    return tuple(out)


class SpanCover:
    """``offset in cover``: is ``offset`` inside any of some spans (label regions, action
    regions, impact regions)? The spans' union as sorted disjoint intervals, bisected:
    rules ask it for every block on every lint, and a scan of every span per block was
    O(blocks x spans)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self._starts, self._ends = union((s.start, s.end) for s in spans)

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def intervals(self) -> list[tuple[int, int]]:
        """The union as sorted disjoint ``(start, end)`` intervals: what a walk by parts of
        the document cuts to each part (:mod:`pm_lsp.rules.actions.parts`)."""
        return list(zip(self._starts, self._ends, strict=True))


def is_placeholder(value: str, pack: RulePack) -> bool:
    """Is a field's written value a placeholder ("TBD", "?") rather than a value that could
    not be read (a due date "next sprint")?"""
    return _words(pack).is_placeholder(value)


def placeholder_note(text: str, pack: RulePack) -> bool:
    """Is a list line of an action list a note to fill in ("[TODO: link the graph]"), no
    action item (:func:`_placeholder_note`)?"""
    pattern = _words(pack).placeholder_note
    return pattern is not None and pattern.match(text) is not None


def notes_to_readers(text: str, pack: RulePack) -> bool:
    """:meth:`_Words.notes_to_readers`: a paragraph telling the report's readers where to
    send questions about it or how to cite it."""
    return _words(pack).notes_to_readers(text)


def is_action_label(label: str, pack: RulePack) -> bool:
    """Does a heading or label ("Short-term improvements", "Review actions") announce
    follow-up work?"""
    return _words(pack).is_action_title(label)


def tracks_a_list(doc: PostmortemDoc, pack: RulePack) -> bool:
    """Does ``doc`` hold a list the writers visibly track outside any follow-up section
    (:func:`_tracked_list_regions`: items with a labelled owner and due date, under "Where
    we go from here" or any heading)? It is the document's action list, so the structure
    rules count the Action Items part as written (misc36). Read from the walk the actions
    rules make on every lint (:func:`found`); a run of checkbox items (a task list, the
    other region found by its form) is not asked about here. A table with an Owner and a
    Due column beside the work ("| Commitment | Owner | Due |" under "## What we will
    do") is that list too, whatever its heading (act42)."""
    f = found(doc, pack)
    if any({"owner", "due"} <= g.columns.keys() for g in f.groups[0] if g.columns):
        return True
    forms = f.regions[2]
    if not forms:
        return False
    starts = [b.start for b in doc.blocks]
    for span, _ in forms:
        i = bisect.bisect_left(starts, span.start)
        if i < len(starts) and doc.blocks[i].checkbox is None:
            return True
    return False


def action_regions(doc: PostmortemDoc, pack: RulePack) -> tuple[tuple[Span, Section | None], ...]:
    """Spans whose lists are action items: action sections' own content, and label regions.

    Each section contributes its *content* (up to the next heading of any level), so a
    nested "Short-term" subsection is its own region; a label line opens a region that runs
    to the next label line or heading. Computed once per parsed document and pack (PM301
    and the action-group extraction both ask on every lint).
    """
    return doc.analysis(_action_regions, pack)


def _action_regions(doc: PostmortemDoc, pack: RulePack) -> tuple[tuple[Span, Section | None], ...]:
    return tuple(r for kind in found(doc, pack).regions for r in kind)


#: the regions of one walk by kind, each in document order: action sections' content,
#: label regions, task lists (:func:`action_regions` holds them in this order)
Regions = tuple[
    tuple[tuple[Span, Section | None], ...],
    tuple[tuple[Span, Section | None], ...],
    tuple[tuple[Span, Section | None], ...],
]


def _regions_in(
    words: _Words,
    blocks: Sequence[Block],
    sections: Iterable[Section],
    labels: Iterable[LabelledRegion],
) -> Regions:
    """The action regions of a walk over ``blocks`` (:func:`walk`), by kind."""
    own = tuple((s.content, s) for s in sections if _section_in_scope(s, words))
    labelled = tuple(
        (span, sec)
        for lab, span, sec in labels
        # not follow-up work, or already covered by its section
        if words.is_action_title(lab) and not _section_in_scope(sec, words)
    )
    forms = sorted(
        [*_task_list_regions(blocks, words), *_tracked_list_regions(blocks, words)],
        key=lambda r: r[0].start,
    )
    return own, labelled, tuple(forms)


#: a run of checkbox items is a task list from this many items on
_TASK_LIST_MIN = 2


def _task_list_regions(blocks: Sequence[Block], words: _Words) -> list[tuple[Span, Section | None]]:
    """Runs of checkbox items ("- [ ]", "- [x]") outside follow-up sections: a task list is
    follow-up work by its form, whatever the heading says ("### long term", "### immediate
    (completed)"). Only the run itself is a region, not the lists around it. A checklist
    about something else is none (:meth:`_Words.holds_a_checklist`): an Impact section
    ticking off what was assessed, a "Checklist before closing" of the write-up."""
    runs: list[list[Block]] = []
    open_run = False
    for b in blocks:
        if b.kind == "list_item" and b.checkbox is not None:
            if open_run and runs[-1][-1].section is b.section:
                runs[-1].append(b)
            else:
                runs.append([b])
            open_run = True
        elif b.kind != "list_item" or b.item_start is None or b.item_start == b.start:
            open_run = open_run and b.kind == "list_item" and b.list_depth > 0
    return [
        (Span(run[0].start, run[-1].end), run[0].section)
        for run in runs
        if len(run) >= _TASK_LIST_MIN
        and not _section_in_scope(run[0].section, words)
        and not words.holds_a_checklist(run[0].section)
    ]


#: a list is tracked work by its form from this many items that carry both an owner and a
#: due date (act35 class 2)
_TRACKED_MIN = 2


def list_runs(blocks: Sequence[Block]) -> list[list[Block]]:
    """The document's lists as runs of their items' first blocks: neighbouring items of one
    section at one depth (a later paragraph of an item is skipped; any other block ends the
    run). The unit the list-level judgments read: a tracked list, a list of work."""
    runs: list[list[Block]] = []
    last: Block | None = None
    seen: set[int] = set()
    for b in blocks:
        if b.kind != "list_item":
            last = None
            continue
        item = b.item_start if b.item_start is not None else b.start
        if item in seen:
            continue  # a later paragraph of the same item
        seen.add(item)
        if last is not None and last.section is b.section and last.list_depth == b.list_depth:
            runs[-1].append(b)
        else:
            runs.append([b])
        last = b
    return runs


def _tracked_list_regions(
    blocks: Sequence[Block], words: _Words
) -> list[tuple[Span, Section | None]]:
    """Lists outside follow-up sections whose items the writers track: at least
    :data:`_TRACKED_MIN` items of one list (one section, one depth) each name an owner
    and a due date as labelled fields ("2. Move the route into the build. Owner: Ines.
    Due: 2026-11-20.").
    Such a list is the document's action list whatever its heading ("## Where we go from
    here", "## Suggestions"), so its untracked items get PM302-PM305 as the proposals
    PM301/PM306 read there already do. A list in a timeline, under a heading of work done
    or with checkboxes (a task list's own region) is none; a list whose items carry no
    such fields stays proposals, judged for their wording only."""
    out: list[tuple[Span, Section | None]] = []
    for run in list_runs(blocks):
        labelled = [b for b in run if _two_labels(b.text, words)]
        if len(labelled) < _TRACKED_MIN:
            continue  # the cheap test first: most lists hold no labelled fields at all
        sec = run[0].section
        if (
            any(b.checkbox is not None for b in run)
            or _section_in_scope(sec, words)
            or (sec is not None and "timeline" in sec.canonical_path())
            or _done_section(sec, words)
        ):
            continue
        tracked = 0
        for b in labelled:
            names = {f.name for f in extract_fields(b.text, b.start, words) if not f.missing}
            tracked += {"owner", "due"} <= names
        if tracked >= _TRACKED_MIN:
            out.append((Span(run[0].start, run[-1].end), sec))
    return out


def _two_labels(text: str, words: _Words) -> bool:
    """Does ``text`` hold two ``Key: value`` fields or more ("Owner: Ines. Due: 2026-11-20")?"""
    if words.kv is None or text.count(":") + text.count("=") < 2:
        return False
    return sum(1 for _ in zip(range(2), words.kv.finditer(text), strict=False)) >= 2


# -- extraction --------------------------------------------------------------------------------


def action_groups(doc: PostmortemDoc, pack: RulePack) -> tuple[ActionGroup, ...]:
    """Every action-item table and list group in ``doc``, in document order: computed once
    per parsed document and pack (the pack's words decide which lists and tables are
    action items and what their fields are)."""
    return doc.analysis(_action_groups, pack)


def action_items(doc: PostmortemDoc, pack: RulePack) -> tuple[ActionItem, ...]:
    """Every action item in ``doc`` in document order (once per document and pack)."""
    return doc.analysis(_action_items, pack)


def _action_items(doc: PostmortemDoc, pack: RulePack) -> tuple[ActionItem, ...]:
    return tuple(it for g in action_groups(doc, pack) for it in g.items)


class Found(NamedTuple):
    """What the walk for action items finds in a run of the document's blocks (the whole
    document, or one part of it: :mod:`pm_lsp.rules.actions.itemparts`), in document
    offsets, by kind, each kind in document order. The whole document's is its parts'
    joined kind by kind, as long as nothing it groups spans two parts."""

    regions: Regions
    inline: tuple[tuple[Block, tuple[Span, ...]], ...]  #: :func:`inline_enumerations`
    numbered: tuple[tuple[Block, Span], ...]  #: :func:`numbered_paragraphs`
    lines: tuple[LabelledLine, ...]  #: :func:`labelled_lines`
    #: by kind (tables, the lists of each kind of region, inline enumerations, runs of
    #: numbered paragraphs, labelled lines), before :func:`_action_groups` sorts them
    groups: tuple[tuple[ActionGroup, ...], ...]
    #: the items' ids by start where the walk by parts has them (None: found anew)
    ids: Mapping[int, str] | None = None
    #: the walk by parts' groups of each part that have items, in document order
    by_part: tuple[tuple[ActionGroup, ...], ...] | None = None


def found(doc: PostmortemDoc, pack: RulePack) -> Found:
    """What :func:`walk` finds in the whole document, once per parsed document and pack:
    part by part where the document cuts into parts (an unchanged part is one lookup,
    :func:`pm_lsp.rules.actions.itemparts.found_by_parts`), else in one walk."""
    return doc.analysis(_found, pack)


def _found(doc: PostmortemDoc, pack: RulePack) -> Found:
    # imported here: that module builds on this one
    from pm_lsp.rules.actions.itemparts import found_by_parts

    by_parts = found_by_parts(doc, pack)
    if by_parts is not None:
        return by_parts
    return walk(doc, _words(pack), doc.blocks, doc.tables, doc.sections, labelled_regions(doc))


def walk(
    doc: PostmortemDoc,
    words: _Words,
    blocks: Sequence[Block],
    tables: Sequence[Table],
    sections: Sequence[Section],
    labels: Sequence[LabelledRegion],
) -> Found:
    """The action regions, inline and numbered items, labelled lines and action groups
    among ``blocks`` and ``tables`` (a run of the document's, in order), the action
    sections among ``sections`` and the label regions ``labels``. It reads of the
    document only the texts of these blocks and cells and the sections they are in."""
    regions = _regions_in(words, blocks, sections, labels)
    cover = SpanCover([r for kind in regions for r, _ in kind])
    inline = _inline_in(blocks, cover)
    numbered = _numbered_in(doc, words, blocks, cover, {b.start for b, _ in inline})
    lines = _lines_in(doc, words, blocks, cover)
    groups = (
        _table_groups(doc, words, tables, regions),
        *(
            tuple(g for span, sec in kind if (g := _list_group(doc, span, sec, words)) is not None)
            for kind in regions
        ),
        tuple(_inline_group(doc, b, spans, words) for b, spans in inline),
        tuple(
            _inline_group(doc, run[0][0], [sp for _, sp in run], words)
            for run in _numbered_runs(numbered)
        ),
        tuple(_line_groups(doc, lines, words)),
    )
    return Found(regions, inline, numbered, lines, groups)


def _table_groups(
    doc: PostmortemDoc, words: _Words, tables: Sequence[Table], regions: Regions
) -> tuple[ActionGroup, ...]:
    groups: list[ActionGroup] = []
    for t in tables:
        in_scope = any(r.start <= t.start < r.end for kind in regions for r, _ in kind)
        if _is_record(t, words, in_scope):
            continue
        g = _table_group(doc, t, words, in_scope)
        if g is not None:
            groups.append(g)
    return tuple(groups)


def _action_groups(doc: PostmortemDoc, pack: RulePack) -> tuple[ActionGroup, ...]:
    words = _words(pack)
    f = found(doc, pack)
    groups = sorted(
        (g for kind in f.groups for g in kind), key=lambda g: g.items[0].start if g.items else 0
    )
    ids = f.ids
    by_parts = ids is not None
    if ids is None:
        ids = {it.start: i for g in groups for it in g.items if (i := item_id(doc, it)) is not None}
    if not ids:
        done: frozenset[str] = frozenset()
    elif by_parts:
        # imported here: that module builds on this one
        from pm_lsp.rules.actions.itemparts import reported_by_parts

        done = reported_by_parts(doc, pack) & frozenset(ids.values())
    else:
        done = _ids_reported_done(doc, words, set(ids.values()))
    if done:
        groups = [_with_done(g, ids, done) for g in groups]
    day = reference_day(doc)
    if day is not None:
        groups = [_without_past_dues(doc, g, day) for g in groups]
    return tuple(groups)


def reference_day(doc: PostmortemDoc) -> dt.date | None:
    """The day the document dates its incident by (its Date field), else the day it was
    published (Published), else None: a bracketed date in an item on or before it is no
    due date (:func:`_without_past_dues`). Part of the key of every part with items
    (parts.py). Two metadata look-ups: cheaper than a memo."""
    for name in ("date", "published"):
        f = doc.field(name)
        day = parse_date(f.value) if f is not None else None
        if day is not None:
            return day
    return None


def _without_past_dues(doc: PostmortemDoc, g: ActionGroup, day: dt.date) -> ActionGroup:
    """``g`` with no due date on the items whose due date is a date in brackets, with no
    due word, on or before ``day`` (:func:`reference_day`): "Add the lag alert the relays
    lacked (Nov 3)" in a postmortem of the incident of 3 November dates the event, not
    the work. A date after it ("(Nov 20)") stays the due date."""
    items = tuple(_past_due_dropped(doc, it, day) for it in g.items)
    if all(a is b for a, b in zip(items, g.items, strict=True)):
        return g
    return dataclasses.replace(g, items=items)


def _past_due_dropped(doc: PostmortemDoc, it: ActionItem, day: dt.date) -> ActionItem:
    f = it.fields.get("due")
    if (
        f is None
        or f.missing
        or not doc.text[max(0, f.start - 8) : f.start].rstrip().endswith(("(", "["))
        or not doc.text[f.end : f.end + 8].lstrip().startswith((")", "]"))
        or not _on_or_before(f.value, day)
    ):
        return it
    fields = {k: v for k, v in it.fields.items() if k != "due"}
    return dataclasses.replace(it, fields=MappingProxyType(fields))


#: how far back a date written without a year may lie and still be read in the reference
#: day's year: "(Jan 15)" in a postmortem of 20 December is next year's due date
_YEARLESS_BACK = dt.timedelta(days=183)


def _on_or_before(value: str, day: dt.date) -> bool:
    """Is the date ``value`` (a year or not: then ``day``'s) on or before ``day``?"""
    when = parse_date(value)
    if when is not None:
        return when <= day
    when = parse_date(f"{value.rstrip(',. ')} {day.year}")
    return when is not None and dt.timedelta(0) <= day - when <= _YEARLESS_BACK


def _ids_reported_done(doc: PostmortemDoc, words: _Words, ids: set[str]) -> frozenset[str]:
    """Those of the items' ``ids`` that a paragraph or list item of the document reports
    done ("PCA-1 was implemented in 4.12.1 …", ``done-words``); only blocks that name one
    of them are searched."""
    pattern = words.done_by_id
    if pattern is None:
        return frozenset()
    found: set[str] = set()
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item") or not any(i in b.text for i in ids):
            continue
        found.update(_reported_in(b.text, pattern))
    return frozenset(found & ids)


def reported_ids(blocks: Iterable[Block], words: _Words) -> frozenset[str]:
    """Every id a paragraph or list item among ``blocks`` reports done: the walk by parts
    keeps them by part, and the document's items whose ids any part reports are done
    (the same as :func:`_ids_reported_done`: an id found is written in its block)."""
    pattern = words.done_by_id
    if pattern is None:
        return frozenset()
    found: set[str] = set()
    for b in blocks:
        if b.kind in ("paragraph", "list_item") and _ANY_ID.search(b.text) is not None:
            found.update(_reported_in(b.text, pattern))
    return frozenset(found)


#: an id anywhere in a text: a block without one reports no id done
_ANY_ID = re.compile(rf"(?<![\w-]){_ITEM_ID}(?![\w-])")


def _reported_in(text: str, pattern: re.Pattern[str]) -> list[str]:
    return [
        i
        for m in pattern.finditer(text)
        for i in re.findall(rf"(?<![\w-]){_ITEM_ID}(?![\w-])", m.group("ids"))
    ]


def _with_done(g: ActionGroup, ids: Mapping[int, str], done: frozenset[str]) -> ActionGroup:
    """``g`` with the items whose id (``ids``, by item start) is reported done elsewhere
    marked as work reported done (:attr:`ActionItem.reported`): the D5 corrective actions
    of an 8D report that D6 reports implemented are no open items."""
    items = tuple(
        dataclasses.replace(it, reported=True)
        if not it.reported and ids.get(it.start) in done
        else it
        for it in g.items
    )
    return dataclasses.replace(g, items=items)


def item_id(doc: PostmortemDoc, it: ActionItem) -> str | None:
    """The identifier an item opens with ("PCA-1: …"), or, in a table, the identifier
    that fills a cell of its row on its own (an ID or # column)."""
    m = _LEAD_ID.match(doc.text, it.start, it.end)
    if m is not None:
        return m.group("id")
    if it.table is not None and it.row is not None:
        for c in it.table.rows[it.row]:
            m = _CELL_ID.fullmatch(doc.text, c.start, c.end)
            if m is not None:
                return m.group("id")
    return None


#: a clock time in a table cell: "16:20", "09:05:30", "4:05 pm", "11am", "2 p.m."
_CLOCK = re.compile(
    r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
    r"|(?<![\w:.])(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?i:[ap]\.?m\b\.?)"
)


def _is_record(t: Table, words: _Words, in_scope: bool) -> bool:
    """Is ``t`` a record of what happened rather than work to do? "| When | What |" reads
    as Due and Action by its header alone, but a table whose column of times holds clock
    times ("13 Nov 16:20") logs events (a due date has no time of day), and a table in a
    Timeline section (or under a heading that says the list is a record: "Actions
    taken") logs them whatever its cells say, unless an action section holds it."""
    if not in_scope and _in_record_section(t.section, words):
        return True
    for i, head in enumerate(t.header):
        if words.column_of(head.value) == "action":
            continue  # an action may name a time ("page before 09:00")
        cells = [r[i].value for r in t.rows if i < len(r) and r[i].value.strip()]
        if cells and sum(1 for c in cells if _CLOCK.search(c)) * 2 > len(cells):
            return True
    return False


def _in_record_section(s: Section | None, words: _Words) -> bool:
    """The nearest section (up from ``s``) that says what its lists are is a timeline or a
    record of responders' work ("Timeline", "Actions taken"), not follow-up work."""
    node = s
    while node is not None:
        if _is_document_title(node):
            return False
        if node.canonical == "action-items" or words.is_action_title(node.title):
            return False
        t = " " + _norm(normalise_heading(node.title) or node.title) + " "
        if node.canonical == "timeline" or any(f" {w} " in t for w in words.stops):
            return True
        node = node.parent
    return False


def _table_columns(
    t: Table, words: _Words, in_scope: bool
) -> tuple[dict[str, int], frozenset[str]] | None:
    """Which column holds which field, and which fields are read from inside a cell that
    holds more (None for a table that holds no action items). A table is an action table
    by an Action column (any synonym: "Task", "Recommendation") next to a detail column
    (Owner, Due, Ticket, Priority), or by any Action column in an action section. In an
    action section a table may name its work in its ticket column: a tracker's export
    leads with "Issue" ("#4121 Add leader election …"), and when most of that column's
    cells are titled references it is the action's column too (:func:`_ticket_titles`),
    given an Owner, Due or Priority column beside it. A Labels column stands in for a
    missing Priority column (a tracker writes the priority as a label:
    ``~"priority::1"``). An Accountable column (a RACI table's "A") is the Owner column
    when the table has none; beside one it is read by :func:`_table_group` for the rows
    whose Responsible cell is empty."""
    if not t.header:
        found = _columns_by_cells(t, words) if in_scope else None
        return None if found is None else (found, frozenset())
    columns = _named_columns(t, words, in_scope)
    team = columns.pop("team", None)
    if "owner" not in columns and team is not None:
        columns["owner"] = team  # "| Action | Team | Due |": the team owns it
    if "owner" not in columns and "accountable" in columns:
        columns["owner"] = columns.pop("accountable")
    inline: set[str] = set()
    detail = {"owner", "due", "ticket", "priority"} & set(columns)
    if "action" not in columns:
        if not in_scope or not {"owner", "due", "priority"} & detail:
            return None
        if "ticket" not in columns or not _ticket_titles(t, columns["ticket"]):
            return None
        columns["action"] = columns["ticket"]
        inline.add("ticket")
    elif not detail and not in_scope:
        return None
    labels = columns.pop("labels", None)
    if "priority" not in columns and labels is not None:
        columns["priority"] = labels
        inline.add("priority")
    return columns, frozenset(inline)


def _named_columns(t: Table, words: _Words, in_scope: bool) -> dict[str, int]:
    """The fields ``t``'s header cells name, by column: a header that names the work only
    in its place (:attr:`_Words.scoped_actions`: "| Change | Owner | Priority |") is the
    Action column in a follow-up section or beside a Priority column; a ticket column the
    header does not name is found by its cells (:func:`_ticket_cells`)."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(t.header):
        name = words.column_of(cell.value)
        if name == "ticket" and "ticket" in columns and _row_reference(t, columns["ticket"], words):
            columns["ticket"] = i  # "| Ref | Action | … | Tracking |": the ticket is the later
        elif name is not None and name not in columns:
            columns[name] = i
    if "action" not in columns:
        scoped = [i for i, c in enumerate(t.header) if _norm(c.value) in words.scoped_actions]
        if scoped and (in_scope or "priority" in columns):
            columns["action"] = scoped[0]
    if "ticket" in columns and _row_numbers(t, columns["ticket"], words):
        del columns["ticket"]  # "| Ref | …" holding 1, 2, 3: the rows' numbers, no ticket
    if "ticket" not in columns and "action" in columns:
        named = set(columns.values())
        found = next(
            (i for i in range(len(t.header)) if i not in named and _ticket_cells(t, i)), None
        )
        if found is not None:
            columns["ticket"] = found
    return columns


def _ticket_cells(t: Table, ci: int) -> bool:
    """Do most rows of column ``ci`` hold a ticket reference and nothing else ("WO-26-5510",
    "OPS-12", "#4121"), each row its own? A column of such cells tracks the rows whatever
    its header says ("| Tracking ref. |", "| Change no. |"); one reference repeated on
    every row ("INC-2291") names the incident, not each item's ticket, and "#1", "#2" in
    turn number the rows."""
    cells = [r[ci].value.strip() for r in t.rows if ci < len(r) and r[ci].value.strip()]
    refs = [c for c in cells if _TICKET.fullmatch(c) is not None]
    if refs == [f"#{n}" for n in range(1, len(refs) + 1)]:
        return False
    return len(refs) * 2 > len(t.rows) and len(set(refs)) * 2 > len(refs)


def _row_reference(t: Table, ci: int, words: _Words) -> bool:
    """Is column ``ci`` headed by a word that may name a row's own reference ("Ref",
    ``row-reference-columns``) rather than a tracker's? Another ticket column beside it
    ("Tracking", "Jira") then holds the ticket."""
    return _norm(t.header[ci].value) in words.row_references


def _row_numbers(t: Table, ci: int, words: _Words) -> bool:
    """Does a row-reference column (:func:`_row_reference`) hold only the rows' numbers
    ("1", "2", "4.")? They number the rows and track nothing."""
    if not _row_reference(t, ci, words):
        return False
    cells = [r[ci].value.strip() for r in t.rows if ci < len(r) and r[ci].value.strip()]
    return bool(cells) and all(re.fullmatch(r"#?\d{1,3}\.?", c) for c in cells)


#: the most words a detail cell (a date, a name) of a table without a header holds
_DETAIL_WORDS = 4
#: the fewest words, on average, in the cells of such a table's Action column
_ACTION_WORDS = 3


def _columns_by_cells(t: Table, words: _Words) -> dict[str, int] | None:
    """The columns of an action table without a header row (an HTML table may have none:
    :meth:`pm_lsp.parse.htmltables.HtmlTable.layout`), read from what their cells hold:
    most of a column's filled cells (placeholders aside) a date, a ticket, a priority code
    or a person's name or handle make it the Due, Ticket, Priority or Owner column, and
    the column of the longest cells (three words or more on average) is the Action
    column. None unless the Action column and an Owner, Due or Ticket column are found:
    what cannot be told is not checked (nor reported missing: ``_missing_findings``)."""
    width = max((len(r) for r in t.rows), default=0)
    columns: dict[str, int] = {}
    mean: dict[int, float] = {}
    for i in range(width):
        cells = [r[i].value for r in t.rows if i < len(r) and r[i].value]
        kind = _cell_kind(cells, words)
        if kind is not None and kind not in columns:
            columns[kind] = i
        elif kind is None and cells:
            mean[i] = sum(len(c.split()) for c in cells) / len(cells)
    action = max(mean, key=lambda i: mean[i], default=None)
    if (
        action is None
        or mean[action] < _ACTION_WORDS
        or not {"owner", "due", "ticket"} & set(columns)
    ):
        return None
    columns["action"] = action
    return columns


def _cell_kind(cells: list[str], words: _Words) -> str | None:
    """What most of a header-less column's filled cells (placeholders aside) hold."""
    real = [c for c in cells if not words.unfilled("owner", c)]
    if not real or any(len(c.split()) > _DETAIL_WORDS for c in real):
        return None
    tests = (
        ("due", _has_date),
        ("ticket", lambda c: _TICKET.fullmatch(c) is not None),
        ("priority", lambda c: _PRIORITY_CODE.fullmatch(c) is not None),
        ("owner", lambda c: words.owners.name_at(c, 0, loose=False) == len(c)),
    )
    for name, test in tests:
        if sum(1 for c in real if test(c)) * 2 > len(real):
            return name
    return None


#: a ticket reference that opens a cell, with what joins it to the title that follows
#: ("#4121 Add …", "OPS-12: Add …", "[#7](…) — Add …")
_LEAD_TICKET = re.compile(
    r"\s*(?P<ref>#\d+|[A-Z][A-Z0-9]{1,9}-\d+|\[[^\]\n]*\]\([^)\s]+\))[\s:\u2014\u2013-]*"
)
#: a priority written as a tracker's label: ``~"priority::1"``, ``priority/P2``,
#: ``prio:high`` (the value is the field)
_LABEL_PRIORITY = re.compile(r"(?i)\bprio(?:rity)?\s*(?:::|:|/|=)\s*(?P<v>[\w-]+)")


def _ticket_titles(t: Table, ci: int) -> bool:
    """Do most filled cells of column ``ci`` open with a ticket reference and go on with a
    title ("#4124 Improve monitoring")? Then the column names the work as well as its
    ticket."""
    cells = [r[ci].value for r in t.rows if ci < len(r) and r[ci].value.strip()]
    titled = 0
    for c in cells:
        m = _LEAD_TICKET.match(c)
        if m is not None and re.search(r"[^\W\d_]{2}", c[m.end() :]):
            titled += 1
    return bool(cells) and titled * 2 > len(cells)


def _inline_field(doc: PostmortemDoc, name: str, start: int, end: int, words: _Words) -> ItemField:
    """The ticket that opens an action cell, or the priority among a cell's labels; an
    empty value (missing) at the cell's start when the cell names none."""
    text = doc.text[start:end]
    if name == "ticket":
        m = _LEAD_TICKET.match(text)
        if m is not None:
            return ItemField(
                name, m.group("ref"), start + m.start("ref"), start + m.end("ref"), False
            )
    else:
        m = _LABEL_PRIORITY.search(text) or words.priority_re.search(text)
        if m is not None:
            g = "v" if "v" in m.groupdict() else 0
            return ItemField(name, m.group(g), start + m.start(g), start + m.end(g), False)
    return ItemField(name, "", start, start, True)


def _table_group(doc: PostmortemDoc, t: Table, words: _Words, in_scope: bool) -> ActionGroup | None:
    found = _table_columns(t, words, in_scope)
    if found is None:
        return None
    columns, inline = found
    accountable = columns.pop("accountable", None)
    items: list[ActionItem] = []
    ai = columns["action"]
    done_here = _done_section(t.section, words)
    for r, row in enumerate(t.rows):
        if ai >= len(row) or not row[ai].value or _blank_row(row, ai, columns):
            continue
        cell = row[ai]
        start = cell.start
        fields: dict[str, ItemField] = {}
        for name, ci in columns.items():
            if name == "action":
                continue
            if name in inline and ci < len(row) and row[ci].value:
                f = _inline_field(doc, name, row[ci].start, row[ci].end, words)
                fields[name] = f
                if ci == ai and not f.missing:  # the title follows the ticket
                    m = _LEAD_TICKET.match(doc.text[cell.start : cell.end])
                    start = cell.start + (m.end() if m is not None else 0)
            elif ci < len(row):
                c = row[ci]
                raw = doc.text[c.start : c.end].strip()
                fields[name] = ItemField(
                    name, raw, c.start, c.end, words.unfilled(name, raw) or _no_due(name, raw)
                )
            else:
                end = t.row_spans[r].end if r < len(t.row_spans) else cell.end
                fields[name] = ItemField(name, "", end, end, True)
        if accountable is not None:
            _accountable_owner(doc, row, fields, accountable, words)
        items.append(
            ActionItem(
                start=start,
                end=cell.end,
                text=doc.masked[start : cell.end],
                source="table",
                section=t.section,
                fields=MappingProxyType(fields),
                table=t,
                row=r,
                insert_at=cell.end,
                reported=words.reported(doc.masked[start : cell.end]),
                finished=done_here
                or any(words.marked_done(c.value) for c in row if c.value.strip()),
            )
        )
    if not items:
        return None
    return ActionGroup("table", tuple(items), t.section, table=t, columns=MappingProxyType(columns))


def _blank_row(row: Sequence[Cell], ai: int, columns: Mapping[str, int]) -> bool:
    """Is a row's action cell, and every field cell it has, empty or only a dash ("| 7 |
    — | — | — | — |")? A row left blank in the table, as one with no cells written is: no
    item, so no owner, due date, ticket and priority each reported missing on it. A row
    with a word in any cell ("TBD", an owner's name) is an item."""
    cells = [row[ci].value for ci in (ai, *columns.values()) if ci < len(row)]
    return not any(ch.isalnum() for c in cells for ch in c)


def _done_section(s: Section | None, words: _Words) -> bool:
    """Does the heading right above the items mark them all finished ("Immediate actions
    (completed)", "Follow-ups [done]", "Done"), or says so in words ("Remediation
    performed", :meth:`_Words.says_done`)? The normalised title drops its
    parenthetical, so the title as written is read. A check mark opening a heading is a
    decoration ("## ✅ Follow-ups" in a page whose every heading opens with an emoji), not
    a status (one after the title is: "Finished [✅]"), and an item's own open box ("- [ ]
    ...") is never finished by its heading (the caller's test)."""
    return s is not None and (
        words.marked_done(words.without_leading_marks(s.title)) or words.says_done(s.title)
    )


def _accountable_owner(
    doc: PostmortemDoc, row: Sequence[Cell], fields: dict[str, ItemField], ci: int, words: _Words
) -> None:
    """In a RACI table, a row whose Responsible cell is empty names its owner in the
    Accountable cell: the one person answerable for the work, whom the follow-up review
    asks. A Responsible cell with a placeholder ("TBD") stays a placeholder: the writers
    say the doer is still to be found."""
    own = fields.get("owner")
    if own is None or own.value or ci >= len(row) or not row[ci].value.strip():
        return
    c = row[ci]
    raw = doc.text[c.start : c.end].strip()
    if not words.is_placeholder(raw):
        fields["owner"] = ItemField("owner", raw, c.start, c.end, words.unfilled("owner", raw))


def _item_blocks(doc: PostmortemDoc, span: Span) -> list[list[Block]]:
    """List-item paragraphs inside ``span``, grouped by list item (first paragraph first)."""
    by_item: dict[int, list[Block]] = {}
    for b in doc.blocks_between(span.start, span.end):
        if b.kind != "list_item":
            continue
        key = b.item_start if b.item_start is not None else b.start
        by_item.setdefault(key, []).append(b)
    return [by_item[k] for k in sorted(by_item)]


def _with_field_lines(
    doc: PostmortemDoc, blocks: list[list[Block]], words: _Words
) -> list[tuple[list[Block], dict[str, ItemField]]]:
    """Each list item's paragraphs with the fields written in them; a sub-item that is only
    fields ("- [ ] Remove the fallback path" over "  - owner: @dana", "  - due: 2025-12-13")
    gives them to the item above it and is no item of its own. A sub-item with words of its
    own ("  - someone from platform?", "  - Ana to draft the runbook by Friday") stays a
    sub-point, its fields its own."""
    out: list[tuple[list[Block], dict[str, ItemField]]] = []
    for bs in blocks:
        fields: dict[str, ItemField] = {}
        for b in bs:
            for f in extract_fields(doc.text[b.start : b.end], b.start, words):
                fields.setdefault(f.name, f)
        depth = bs[0].list_depth
        above = next((o for o in reversed(out) if o[0][0].list_depth < depth), None)
        if above is not None and fields and len(bs) == 1 and words.field_line(bs[0].text):
            for name, f in fields.items():
                above[1].setdefault(name, f)
            continue
        out.append((bs, fields))
    return out


def _list_group(
    doc: PostmortemDoc, span: Span, sec: Section | None, words: _Words
) -> ActionGroup | None:
    blocks = _item_blocks(doc, span)
    blocks = [bs for bs in blocks if label_of(doc, bs[0]) is None]
    if not blocks:
        return None
    top = min(bs[0].list_depth for bs in blocks)
    items: list[ActionItem] = []
    for bs, fields in _with_field_lines(doc, blocks, words):
        first = bs[0]
        if "owner" not in fields and words.guides_reader(first.text):
            continue  # "Contact support if you still see late pushes": not the writers' work
        if words.notes_to_readers(first.text):
            continue  # "9. Queries about this report should go to …": a note to readers
        if words.placeholder_note is not None and words.placeholder_note.match(first.text):
            continue  # "[TODO: link the graph]": a placeholder (PM202), no item (act42)
        items.append(
            ActionItem(
                start=first.start,
                end=first.end,
                text=first.text,
                source="list",
                section=first.section,
                depth=first.list_depth - top,
                checkbox=first.checkbox,
                fields=MappingProxyType(fields),
                insert_at=first.end,
                reported=words.reported(first.text),
                finished=words.marked_done(first.text)
                or (first.checkbox is not False and _done_section(first.section, words)),
            )
        )
    return ActionGroup("list", tuple(items), sec, region=span)


#: an enumeration marker written inside a paragraph: "1)" or "(1)", after the paragraph's
#: start, white space or one of ",;:", before white space ("1." is left out: versions
#: and decimals are written so)
_INLINE_MARK = re.compile(r"(?:^|(?<=[\s,;:]))\(?(?P<n>[1-9]\d?)\)(?=\s+\S)")
#: an enumeration in a paragraph holds this many numbered items from "1)" on
_INLINE_MIN = 2
#: where the last item of an inline enumeration ends: the end of its sentence
_SENTENCE_END = re.compile(r"[.!?](?=\s+[^a-z\s]|\s*$)")
#: a word that joins one inline item to the next marker: "…; and 7)", "…, then 3)"
_JOIN_WORD = re.compile(r"(?<![\w-])(?:and|or|then)$")
#: the characters that join them: white space and ",;:"
_JOIN_CHARS = " \t\r\n,;:"


def inline_enumerations(
    doc: PostmortemDoc, pack: RulePack
) -> tuple[tuple[Block, tuple[Span, ...]], ...]:
    """Action items written inline in a paragraph of an action region, as an enumeration
    "1) … 2) … 3) …": each paragraph with the spans of its items (from after a marker to
    the next marker, the last to the end of its sentence). A mailing-list postmortem
    writes its follow-up work so ("What happens next: … 1) Tomasz will add an alert …
    by 4 December (HPC-881); 2) we will improve monitoring in general; …"); each item is
    then checked, credited and reported on its own, like a list item. Only in an action
    region (the list rules' own scope), only numbers in order from 1, at least
    :data:`_INLINE_MIN` of them: a "(2)" that refers to a footnote or a step elsewhere
    starts no run. Computed once per parsed document and pack."""
    return doc.analysis(_inline_enumerations, pack)


def _inline_enumerations(
    doc: PostmortemDoc, pack: RulePack
) -> tuple[tuple[Block, tuple[Span, ...]], ...]:
    return found(doc, pack).inline


def _inline_in(
    blocks: Iterable[Block], cover: SpanCover
) -> tuple[tuple[Block, tuple[Span, ...]], ...]:
    """:func:`inline_enumerations` among ``blocks``, ``cover`` the action regions."""
    out: list[tuple[Block, tuple[Span, ...]]] = []
    for b in blocks:
        if b.kind != "paragraph" or ")" not in b.text or b.start not in cover:
            continue
        spans = _enumerated(b.text)
        if spans:
            out.append((b, tuple(Span(b.start + a, b.start + e) for a, e in spans)))
    return tuple(out)


def _enumerated(text: str) -> list[tuple[int, int]]:
    """The items of the first run of markers numbered 1, 2, 3, … in ``text`` (a
    paragraph's masked text), as offsets into it; empty when there is no such run of
    :data:`_INLINE_MIN` markers."""
    run: list[re.Match[str]] = []
    for m in _INLINE_MARK.finditer(text):
        n = int(m.group("n"))
        if n == len(run) + 1:
            run.append(m)
    if len(run) < _INLINE_MIN:
        return []
    out: list[tuple[int, int]] = []
    for i, m in enumerate(run):
        a = m.end()
        while a < len(text) and text[a].isspace():
            a += 1
        if i + 1 < len(run):
            e = _before_join(text, a, run[i + 1].start())
        else:
            stop = _SENTENCE_END.search(text, a)
            e = stop.end() if stop is not None else len(text.rstrip())
        if e > a:
            out.append((a, e))
    return out if len(out) >= _INLINE_MIN else []


#: a section number opening a paragraph: "6.4. The team SHOULD …", "6.4 Add …", "(4) …"
#: (a plain "4." or "4)" there is a Markdown list marker already), before a capital: "2.5
#: million rows were rewritten" opens with a quantity, not a number of a clause. A decimal
#: with no closing dot is a section number only before a word written as a sentence starts
#: (a capital, then small letters, or "A"/"I" before a word): "3.5 TB of old exports were
#: deleted", "1.8 GB of traces …" open with a quantity and its unit (units are written in
#: capitals: TB, GB, K), while "6.4 The export job MUST …" opens a clause
_SECTION_NUMBER = re.compile(
    r"[ \t*_]*(?:\d{1,3}(?:\.\d{1,3})+\.[ \t*_]+(?=[A-Z])"
    r"|\((?:\d{1,3}|[a-z]|[ivx]{2,4})\)[ \t*_]+(?=[A-Z])"
    r"|R\d{1,2}[.:)][ \t*_]+(?=[A-Z])"
    r"|\d{1,3}(?:\.\d{1,3})+[ \t*_]+(?=[A-Z][a-z]|[AI][ \t]+[a-z]))"
)
#: the pack's lists of the verbs an item opens with in the imperative
_ITEM_VERB_KEYS = ("concrete-verbs", "vague-verbs", "weak-verbs", "improvement-verbs")
#: lists of more verbs that open an instruction, read by :meth:`_Words.proposes` only
#: (``numbered-openers``)
_OPENER_KEYS = ("role-verbs", "past-like-base", "continuation-verbs", "numbered-openers")
#: a note to the report's readers (:meth:`_Words.notes_to_readers`) is a sentence or two
_NOTE_CHARS = 400
#: how far into a note its query word may stand ("Please direct any further questions")
_NOTE_OPENING = 60
#: numbered paragraphs are items from this many in one section on
_NUMBERED_MIN = 2


def numbered_paragraphs(doc: PostmortemDoc, pack: RulePack) -> tuple[tuple[Block, Span], ...]:
    """Action items written as numbered paragraphs in an action region ("6.4. The team
    SHOULD add a freshness alert. Owner: ML Platform. Priority: P2."), as a formal
    report numbers its clauses: each paragraph with its item's span (after the number, to
    the paragraph's end, so that the fields written after the action are the item's).
    Only in an action region, and only where a section holds at least
    :data:`_NUMBERED_MIN` of them: a numbered paragraph in a Root cause section, or one
    paragraph opening with a decimal ("2.5 million rows …"), is prose. They are the same
    action items for PM301/PM306 and for the field checks (PM302-PM305). Computed once
    per parsed document and pack."""
    return doc.analysis(_numbered_paragraphs, pack)


def _numbered_paragraphs(doc: PostmortemDoc, pack: RulePack) -> tuple[tuple[Block, Span], ...]:
    return found(doc, pack).numbered


def _numbered_in(
    doc: PostmortemDoc, words: _Words, blocks: Iterable[Block], cover: SpanCover, inline: set[int]
) -> tuple[tuple[Block, Span], ...]:
    """:func:`numbered_paragraphs` among ``blocks``, ``cover`` the action regions,
    ``inline`` the starts of the paragraphs holding an inline enumeration ("(1) … (2) …")."""
    found: list[tuple[Block, Span]] = []
    for b in blocks:
        if b.kind != "paragraph" or b.start in inline:
            continue
        m = _SECTION_NUMBER.match(b.text)
        if m is None or b.start not in cover:
            continue
        end = len(b.text.rstrip())
        if end > m.end() and words.proposes(doc.text[b.start + m.end() : b.start + end]):
            found.append((b, Span(b.start + m.end(), b.start + end)))
    counts: dict[int, int] = {}
    for b, _ in found:
        counts[id(b.section)] = counts.get(id(b.section), 0) + 1
    return tuple((b, sp) for b, sp in found if counts[id(b.section)] >= _NUMBERED_MIN)


#: a line that opens with an item label and a colon, as meeting minutes write action items
#: ("AI: Dana - add a lag alert …", "ACTION: …"): the label, then the line's text
_LINE_LABEL = re.compile(r"^[ \t]*(?P<label>[A-Za-z][A-Za-z -]{0,18}?)[ \t]*:[ \t]*(?=\S)", re.M)
#: a report's numbered item written as a bold label that opens its paragraph
#: ("**Recommendation 3.** The team should …", "**Action 2:** …"): the label's word, then
#: the paragraph's text; an item only in an action region
_BOLD_LABEL = re.compile(
    r"[ \t]*(?:\*\*|__)(?P<label>[A-Za-z][A-Za-z -]{0,18}?)[ \t]+(?:\d{1,3}|[A-Z])[.:)]?"
    r"[ \t]*(?:\*\*|__)[ \t]*[.:\u2013\u2014-]?[ \t]*(?=[A-Z])"
)
#: the dash after the owner that opens such a line ("Dana - …", "??? — …")
_OWNER_DASH = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+")
#: how many words the owner before that dash may have ("Data Eng", "the payments team")
_OWNER_WORDS = 4


#: a labelled line (:func:`labelled_lines`): its paragraph, where its label starts, and
#: the item's span
LabelledLine = tuple[Block, int, Span]


def labelled_lines(doc: PostmortemDoc, pack: RulePack) -> tuple[LabelledLine, ...]:
    """Action items written as lines of a paragraph that open with an item label
    (``item-line-labels``: "AI: Rahul - look into …", "Action: …", "ACTION: …"), as
    meeting minutes record them, wherever they stand but in a timeline: each line's
    paragraph, where its label starts and the item's span, from after the label to the
    next such line or the paragraph's end. Outside an action region only a line in the
    minutes' shape, an owner and a dash after the label ("AI: Omar - cap …"), is one:
    "AI: the anomaly model flagged the spike" in a Detection section is a note. The
    owner is read by :func:`_line_groups`. Computed once per parsed document and pack."""
    return doc.analysis(_labelled_lines, pack)


def _labelled_lines(doc: PostmortemDoc, pack: RulePack) -> tuple[LabelledLine, ...]:
    return found(doc, pack).lines


def _lines_in(
    doc: PostmortemDoc, words: _Words, blocks: Iterable[Block], cover: SpanCover
) -> tuple[LabelledLine, ...]:
    """:func:`labelled_lines` among ``blocks``, ``cover`` the action regions."""
    if not words.line_labels:
        return ()
    found: list[LabelledLine] = []
    for b in blocks:
        # the bold marks are masked in the block's text: read the source
        bold = (
            _BOLD_LABEL.match(doc.text[b.start : b.end])
            if b.kind == "paragraph" and doc.text.startswith(("**", "__"), b.start)
            else None
        )
        if b.kind != "paragraph" or (":" not in b.text and bold is None):
            continue
        if b.section is not None and b.section.canonical == "timeline":
            continue
        heads = [m for m in _LINE_LABEL.finditer(b.text) if words.is_line_label(m.group("label"))]
        if not heads and bold is not None and words.is_line_label(bold.group("label")):
            heads = [bold]  # "**Recommendation 3.** …": in an action region only (below)
        if not heads:
            continue
        in_region = b.start in cover
        if heads[0] is bold and not in_region:
            continue
        for k, m in enumerate(heads):
            end = heads[k + 1].start() if k + 1 < len(heads) else len(b.text)
            end = len(b.text[:end].rstrip())
            # outside follow-up sections, only the minutes' shape: an owner and a dash
            shaped = in_region or _line_owner(b.text[m.end() : end], words) is not None
            if words.no_item is not None and words.no_item.match(b.text, m.end()) is not None:
                continue  # "Action: none needed"
            if end > m.end() and shaped:
                found.append(
                    (b, b.start + m.start("label"), Span(b.start + m.end(), b.start + end))
                )
    return tuple(found)


def _line_owner(text: str, words: _Words) -> tuple[int, int, int] | None:
    """The owner written before a dash at the start of a labelled line ("Rahul - look
    into …", "??? - canary stage …", "@dana — add …"): its start, its end and where the
    action starts, else None. A placeholder ("???", "TBD") is an owner not filled in."""
    m = _OWNER_DASH.search(text, 0, 60)
    if m is None:
        return None
    head = text[: m.start()].strip()
    if not head or len(head.split()) > _OWNER_WORDS:
        return None
    a = text.index(head)
    named = words.owners.name_at(text, a, loose=True) == a + len(head)
    if not (named or words.is_placeholder(head) or set(head) == {"?"}):
        return None
    return a, a + len(head), m.end()


def _line_groups(
    doc: PostmortemDoc, lines: Sequence[LabelledLine], words: _Words
) -> list[ActionGroup]:
    """The items of :func:`labelled_lines`, one group per section: the owner before the
    dash is the item's owner; its other fields are read from its text as a list item's."""
    groups: list[ActionGroup] = []
    items: list[ActionItem] = []
    for k, (b, _, sp) in enumerate(lines):
        raw = doc.text[sp.start : sp.end]
        owner = _line_owner(raw, words)
        a = sp.start + (owner[2] if owner is not None else 0)
        fields = {f.name: f for f in extract_fields(doc.text[a : sp.end], a, words)}
        if owner is not None:
            who = raw[owner[0] : owner[1]]
            missing = words.unfilled("owner", who) or set(who) == {"?"}
            fields["owner"] = ItemField(
                "owner", who, sp.start + owner[0], sp.start + owner[1], missing
            )
        text = doc.masked[a : sp.end]
        items.append(
            ActionItem(
                start=a,
                end=sp.end,
                text=text,
                source="list",
                section=b.section,
                fields=MappingProxyType(fields),
                insert_at=sp.end,
                reported=words.reported(text),
                finished=words.marked_done(doc.text[a : sp.end]),
            )
        )
        last = k + 1 == len(lines) or lines[k + 1][0].section is not b.section
        if last:
            region = Span(items[0].start, items[-1].end)
            groups.append(ActionGroup("list", tuple(items), b.section, region=region))
            items = []
    return groups


def _numbered_runs(
    found: Sequence[tuple[Block, Span]],
) -> list[list[tuple[Block, Span]]]:
    """Numbered paragraphs (:func:`numbered_paragraphs`) grouped by section, in order:
    one group of items per section."""
    runs: list[list[tuple[Block, Span]]] = []
    for b, sp in found:
        if runs and runs[-1][0][0].section is b.section:
            runs[-1].append((b, sp))
        else:
            runs.append([(b, sp)])
    return runs


def _before_join(text: str, a: int, e: int) -> int:
    """The end of the inline item ``text[a:e]`` without what joins it to the next marker
    (white space, ",;:" and a last "and", "or" or "then"), stripped from the right."""
    for _ in range(2):
        while e > a and text[e - 1] in _JOIN_CHARS:
            e -= 1
        m = _JOIN_WORD.search(text, max(a, e - 4), e)
        if m is None or m.start() <= a:
            break
        e = m.start()
    return e


def _inline_group(
    doc: PostmortemDoc, b: Block, spans: Sequence[Span], words: _Words
) -> ActionGroup:
    """The items of an inline enumeration (:func:`inline_enumerations`) as a list group."""
    items = []
    for sp in spans:
        text = doc.masked[sp.start : sp.end]
        items.append(
            ActionItem(
                start=sp.start,
                end=sp.end,
                text=text,
                source="list",
                section=b.section,
                fields=MappingProxyType(
                    {
                        f.name: f
                        for f in extract_fields(doc.text[sp.start : sp.end], sp.start, words)
                    }
                ),
                insert_at=sp.end,
                reported=words.reported(text),
            )
        )
    return ActionGroup("list", tuple(items), b.section, region=Span(spans[0].start, spans[-1].end))


#: the first word of an item, after a checkbox, markup and a leading emoji or mark
_FIRST_WORD = re.compile(r"[^A-Za-z]{0,12}?([A-Za-z]+)\b(?![-'’])")
#: the same, when it is a verb with a hyphenated prefix ("Re-ran"): prefix and verb
_PREFIXED_FIRST = re.compile(r"[^A-Za-z]{0,12}?([A-Za-z]+)-([A-Za-z]+)\b(?![-'’])")
_OWNER_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9][\w.-]*[\w]|(?<![\w.@/])@[A-Za-z0-9]")
#: a month's name, or its abbreviation ("Mar", "Mar. 20")
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.(?=\s*\d))?)(?![a-z])"
)
#: A due date: ISO, a day and a month with or without a year, a month and a year, a
#: quarter or half-year (also after its year, as trackers write it: "2027-Q1", "2026 H2").
#: With no year ("by March 20", "by end of Q2") the year is the postmortem's own: a
#: review can still tell when the item slipped, so it is a date (the written-out year
#: forms come first, so that a year is part of the value when there is one).
_DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
    rf"|{_MONTH}\s+\d{{4}}(?!\d)"
    r"|(?<![\w-])\d{4}[-/ ]?(?:Q[1-4]|H[12])(?![\w-])"
    r"|(?:(?:the\s+)?end of\s+)?Q[1-4](?:\s*'?\d{2,4}(?!\d))?(?![\w-])"
    r"|(?:(?:the\s+)?end of\s+)?(?:H[12])(?:\s+\d{4})?(?![\w-])"
)
_DATE_RE = re.compile(_DATE)
#: a month's name in any case ("nov", "Dec.", "december"), for a day and month read where
#: the place already says it is a date: after a due word, as a field of its own, as the
#: value of a Due key. Elsewhere a lower-case "may" or "mar" is a word, not a month.
_ANY_CASE_MONTH = (
    r"(?i:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.(?=\s*\d))?)"
    r"(?![A-Za-z])"
)
#: a day and a month in any case, either way round, with an optional year ("nov 26",
#: "19 december", "Dec 3, 2026"); a clock time, a decimal or a longer number is no day
_DAY_MONTH = (
    rf"(?:{_ANY_CASE_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:]|\.\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_ANY_CASE_MONTH})(?:,?\s+\d{{4}}(?!\d))?"
)
_DUE = re.compile(rf"(?i:\b(?:due|by|before|target|until)\b)\s*:?\s*(?P<d>{_DATE}|{_DAY_MONTH})")
#: a day and a month written as a field of its own, between the separators that part an
#: item's fields (a dash, a comma, a bracket, a bar) or at its end ("— @sam — nov 26 —
#: P1", "(@lee, Dec 3)"): "Prepare the May release" and "v3.12" name no due date
_FIELD_DAY_MONTH = re.compile(
    r"(?:(?<=[,;(\[|\u2013\u2014\u00b7\u2022])|(?<=\s-))\s*"
    rf"(?P<d>{_DAY_MONTH})"
    r"(?=\s*(?:[,;)\]|\u2013\u2014\u00b7\u2022]|\s-\s|\.?\s*$))"
)
_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
#: the words of a text, for the few before a bracketed date (:meth:`_Words.happened_on`)
_WORD_BEFORE = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
#: a quarter or half-year written as a field of its own, with no "due" or "by" before it:
#: after a comma, semicolon, bracket or dash and before the next or the end ("— @dev.lead,
#: Q1", "(P2, end of Q3)", "— 2027 H1"); "Migrate the Q1 reports" names no due date
_FIELD_QUARTER = re.compile(
    r"(?:(?<=[,;(\[\u2013\u2014])|(?<=\s-))\s*"
    r"(?P<d>(?i:(?:the\s+)?end\s+of\s+)?(?:\d{4}[-/ ]?)?(?:Q[1-4]|H[12])(?:\s*'?\d{2,4})?)"
    r"(?![\w-])(?=\s*(?:[,;)\]\u2013\u2014]|\s-\s|\.?\s*$))"
)
#: a month or a part of one, written after a due word or as a field of its own ("(by end of
#: November)", "by the end of March", "before mid-June", "(Ravi, end of January)"): a
#: month in the postmortem's year bounds the work as a quarter does ("by end of Q1"), and a
#: Due cell's "End of March" is read so already (:func:`_no_due`). A month alone after
#: "by" stays unread ("reviewed by June" may name a person); so does a month part that
#: names something ("the end of November reports"), with no due word and no separators.
_MONTH_DUE = re.compile(
    r"(?:(?i:\b(?:due|by|before|until|till|target|no\s+later\s+than)\b)\s*:?\s*"
    r"|(?:(?<=[,;(\[\u2013\u2014])|(?<=\s-))\s*(?P<bare>))"
    r"(?P<d>(?i:(?:the\s+)?(?:early|mid|late|start|beginning|middle|end)(?:\s*-\s*|\s+)"
    rf"(?:of\s+)?){_MONTH}(?:,?\s+\d{{4}}(?!\d))?)"
    r"(?(bare)(?=\s*(?:[,;)\]\u2013\u2014]|\s-\s|\.?\s*$)))"
)
_TICKET = re.compile(
    r"(?<![\w-])(?!(?:SEV|P|UTC|GMT|ISO|RFC|HTTP|TLS|CVE|ASAP|TBD)-)[A-Z][A-Z0-9]{1,9}-\d+"
    r"(?:-\d+)?(?![\w-])"
    r"|(?<![\w/&#])#\d+\b|\[[^\]\n]*\]\([^)\s]+\)|\[[^\]\n]+\]\[[^\]\n]*\]|<?\bhttps?://[^\s>)]+>?"
    r"|\b(?:b|bugs?)/\d+\b"
)


def extract_fields(
    text: str, base: int, words: _Words | None = None, pack: RulePack | None = None
) -> list[ItemField]:
    """Owner, due date, ticket, priority and type written inline in ``text``.

    ``text`` is source text (links and URLs intact) starting at offset ``base``. Explicit
    ``Key: value`` pairs win over loose cues (an @handle, a P1, a bare ticket id); a value
    that is a placeholder is returned with ``missing=True``.
    """
    if words is None:
        if pack is None:
            raise ValueError("extract_fields needs words or a pack")
        words = _words(pack)
    rel = words.fields.get(text)
    if rel is None:
        rel = words.fields.put(text, tuple(_extract_fields(text, words)))
    return [ItemField(f.name, f.value, base + f.start, base + f.end, f.missing) for f in rel]


def _extract_fields(text: str, words: _Words) -> list[ItemField]:
    """:func:`extract_fields` with offsets relative to ``text``: a pure function of the text
    and the pack's words, memoised per text on the words (every list item, every lint).

    Kept in one piece: one scan over the item's text, each field pattern tried in the order that
    resolves overlaps (a date inside a ticket id, an owner inside a link)."""
    base = 0
    found: dict[str, ItemField] = {}
    taken: list[tuple[int, int]] = []
    if words.kv is not None and (":" in text or "=" in text):
        for m in words.kv.finditer(text):
            key = m.group("key").lower()
            name = next((n for n, ks in words.keys.items() if key in (k.lower() for k in ks)), None)
            if name is None or name in found:
                continue
            val = m.group("val")
            vs, ve = m.start("val"), m.end("val")
            found[name] = ItemField(
                name,
                val.strip(),
                base + vs,
                base + ve,
                words.unfilled(name, val)
                or (name == "due" and not _has_date(val) and not _month_value(val)),
            )
            taken.append((m.start(), m.end()))

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    if "owner" not in found and "@" in text:
        for m in _OWNER_HANDLE.finditer(text):
            if free(m.start(), m.end()):
                found["owner"] = ItemField(
                    "owner",
                    m.group(0),
                    base + m.start(),
                    base + m.end(),
                    words.is_placeholder(m.group(0)),
                )
                break
    if "due" not in found and _DIGIT.search(text):
        m2 = (
            _DUE.search(text)
            or (words.due_on.search(text) if words.due_on is not None else None)
            or _ISO_DATE.search(text)
        )
        if m2 is not None and m2.re is _ISO_DATE and words.happened_on(text, m2.start()):
            m2 = None  # "the relays we restarted (2026-11-03)": when it happened
        if m2 is not None and free(m2.start(), m2.end()):
            g = "d" if "d" in m2.groupdict() else 0
            found["due"] = ItemField(
                "due", m2.group(g), base + m2.start(g), base + m2.end(g), False
            )
    if "due" not in found and _DIGIT.search(text):  # "— @dev.lead, Q1", "(end of H2)"
        m6 = _FIELD_QUARTER.search(text) or _FIELD_DAY_MONTH.search(text)
        if m6 is not None and words.happened_on(text, m6.start("d")):
            m6 = None  # "the job we rolled back (Nov 3)", "the outage (Nov 3)"
        if m6 is not None and free(m6.start("d"), m6.end("d")):
            found["due"] = ItemField(
                "due", m6.group("d"), base + m6.start("d"), base + m6.end("d"), False
            )
    if "due" not in found and _MAY_NAME_MONTH.search(text):  # "(by end of November)"
        m8 = _MONTH_DUE.search(text)
        if m8 is not None and m8.group("bare") is not None and words.happened_on(text, m8.start()):
            m8 = None  # "the audit we ran (end of March)": when it happened
        if m8 is not None and free(m8.start("d"), m8.end("d")):
            found["due"] = ItemField(
                "due", m8.group("d"), base + m8.start("d"), base + m8.end("d"), False
            )
    if "due" not in found and words.due_placeholder is not None:  # "— due TBD —"
        m5 = words.due_placeholder.search(text)
        if m5 is not None and free(m5.start(), m5.end()):
            found["due"] = ItemField(
                "due", m5.group("d"), base + m5.start("d"), base + m5.end("d"), True
            )
    if "due" not in found and words.relative_due is not None:  # "by next sprint"
        m4 = words.relative_due.search(text)
        if m4 is not None and free(m4.start(), m4.end()):
            found["due"] = ItemField(
                "due", m4.group("d"), base + m4.start("d"), base + m4.end("d"), True
            )
    if "ticket" not in found and _may_hold_ticket(text):
        for m in _TICKET.finditer(text):
            if free(m.start(), m.end()):
                found["ticket"] = ItemField(
                    "ticket", m.group(0), base + m.start(), base + m.end(), False
                )
                break
    if "ticket" not in found and words.ticket_cue is not None and _DIGIT.search(text):
        m7 = words.ticket_cue.search(text)  # "(work order 4471)", "change request no. 812"
        if m7 is not None and free(m7.start("t"), m7.end("t")):
            found["ticket"] = ItemField(
                "ticket", m7.group("t"), base + m7.start("t"), base + m7.end("t"), False
            )
    if "priority" not in found and _may_hold_priority(text, words.priority_keys):
        for m in words.priority_re.finditer(text):
            if free(m.start(), m.end()):
                found["priority"] = ItemField(
                    "priority", m.group(0), base + m.start(), base + m.end(), False
                )
                break
    if "owner" not in found:  # "Dana will add …", "(owner Sato Ken, …)", "(Dana, P1)"
        span = words.owners.find(text, [(f.start, f.end) for f in found.values()])
        if span is not None and free(*span):
            who = text[span[0] : span[1]]
            found["owner"] = ItemField(
                "owner", who, base + span[0], base + span[1], words.unfilled("owner", who)
            )
    if "type" not in found and words.type_re is not None:
        for paren in re.finditer(r"\(([^()]*)\)", text):
            m3 = words.type_re.search(paren.group(1))
            if m3 is not None:
                s = paren.start(1) + m3.start()
                found["type"] = ItemField(
                    "type", m3.group(0), base + s, base + s + len(m3.group(0)), False
                )
                break
    return list(found.values())


#: What the loose fields cannot be written without, tested before their patterns
#: (:func:`_extract_fields`): a key-value pair holds ":" or "=", a handle "@", a date a
#: digit; a ticket "#", "/", a link's "](" or "][", or a key's "-" and digit ("OPS-12"); a
#: priority "P0"-"P4", the word "priority" or a Priority key. Most items hold none, and
#: the patterns, opening with lookbehinds and word boundaries, are otherwise tried at
#: every position.
_DIGIT = re.compile(r"\d")
#: a month part's leading word (:data:`_MONTH_DUE`), which such a due date cannot be
#: written without
_MAY_NAME_MONTH = re.compile(r"(?i)\b(?:end|mid|early|late|start|beginning|middle)\b")
_TICKET_MARKS = ("#", "/", "](", "][")
_TICKET_KEY = re.compile(r"-\d")
_PRIORITY_CODE = re.compile(r"[Pp][0-4]")


def _may_hold_ticket(text: str) -> bool:
    return any(mark in text for mark in _TICKET_MARKS) or _TICKET_KEY.search(text) is not None


def _may_hold_priority(text: str, keys: Iterable[str] = ("prio",)) -> bool:
    """``keys``: the pack's Priority keys, lower-cased (a key and its level may be written
    without a colon). (A text outside ASCII is always searched: the pattern's
    case-insensitive "priority" may match letters that lower-casing does not turn into its
    own.)"""
    if not text.isascii() or _PRIORITY_CODE.search(text) is not None:
        return True
    low = text.lower()
    return "priority" in low or any(k in low for k in keys)


def guessed(value: str) -> bool:
    """A value written as a guess: a word with a question mark after it ("platform?",
    "ops team?"); a bare "?" is a placeholder."""
    v = value.strip().strip("*_`").strip()
    return len(v) > 1 and v.endswith("?") and any(ch.isalpha() for ch in v)


def _month_value(value: str) -> bool:
    """Is a Due value written after its key a month or a part of one ("Due: end of
    November", "due: mid-June")? It is read as a Due cell holding it is (:func:`_no_due`)."""
    return _MONTH_CELL.fullmatch(value.strip().strip("*_`").strip()) is not None


def _has_date(value: str) -> bool:
    return _DATE_RE.search(value) is not None or _DAY_MONTH_RE.search(value) is not None


_DAY_MONTH_RE = re.compile(_DAY_MONTH)


def _no_due(name: str, value: str) -> bool:
    """A Due cell that holds words but no date and no number ("Spring term", "next
    sprint", "later"): no due date, as "due: next sprint" in a list item is none. A cell
    with a number names a milestone the team tracks ("Sprint 42", "v4.2", "Spring 2026")
    and is read as one, since Milestone columns are Due columns too. A month alone or a
    part of one ("June", "End of March", "mid-June", "early Sept") is finer than the
    quarter a reader is offered instead: a date."""
    return (
        name == "due"
        and bool(value)
        and not _has_date(value)
        and not any(ch.isdigit() for ch in value)
        and _MONTH_CELL.fullmatch(value.strip().strip("*_`").strip()) is None
    )


#: a Due cell holding a month, alone or a part of it ("June", "end of March", "mid-June")
_MONTH_PART = (
    rf"(?i:(?:(?:the\s+)?(?:early|mid|late|start|beginning|middle|end)(?:\s*-\s*|\s+)"
    rf"(?:of\s+)?)?){_MONTH}\.?"
)
#: ... with a bound before it ("By June", "Before end of March") or as a range of two
#: ("June/July", "Sept – Oct", "May to June")
_MONTH_CELL = re.compile(
    rf"(?:(?i:by|before|until|till|in|during|no\s+later\s+than)\s+)?{_MONTH_PART}"
    rf"(?:\s*(?:[/\u2013\u2014-]|(?i:to|or))\s*{_MONTH_PART})?"
)


#: the details that make a commitment trackable: someone drives it, something tracks it,
#: or a date bounds it
TRACKING_FIELDS = frozenset({"owner", "ticket", "due"})


def tracked(text: str, pack: RulePack) -> bool:
    """Does ``text`` (source text of an action or a commitment) name an owner, a ticket or a
    due date, filled in? "We should have a canary (SPR-12, owner: Dana, due 2026-12-01)"
    is a commitment someone has taken on, not a wish phrased as "we should"."""
    return any(
        f.name in TRACKING_FIELDS and not f.missing for f in extract_fields(text, 0, pack=pack)
    )


def items_in(groups: Iterable[ActionGroup], span: Span) -> list[ActionItem]:
    """Items whose text starts inside ``span`` (the language server asks per range)."""
    return [it for g in groups for it in g.items if span.start <= it.start < span.end]


def top_level(items: Sequence[ActionItem]) -> list[ActionItem]:
    """Items that are actions in their own right, not sub-points of another item."""
    return [it for it in items if it.depth == 0]


def open_items(items: Sequence[ActionItem]) -> list[ActionItem]:
    """The top-level items the completeness rules (PM302-PM305) ask a field of, one rule
    for all four: open work. An item reported as done ("Revoked the key at 09:40") and a
    finished one (a checked box, a Done status) are asked for no owner, date, ticket or
    priority: the follow-up review chases what is still to do. So the counts of one list
    agree across the four rules ("2 of 6 have no owner" beside "None of the 6 has a
    priority"), and each rule's findings and counts read the same items."""
    return [it for it in top_level(items) if not it.reported and not it.done]
