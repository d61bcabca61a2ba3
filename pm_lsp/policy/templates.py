"""Postmortem templates: which sections and metadata a document must have, and their synonyms.

The shared vocabulary (``rules/vocabulary.toml``) names the canonical sections and metadata
fields with the heading synonyms seen in the respected guides and in real postmortems; each
template (``rules/templates/*.toml``) picks the sections it requires, may add synonyms, and sets
the allowed Status and Severity values. A user template is a TOML file of the same shape,
selected with ``template = "path/to/file.toml"``.

The vocabulary is a table of the rule pack like any family's words (``[vocabulary.sections.*]``
and ``[vocabulary.fields.*]``), so a user pack extends it: a template is built from the
vocabulary of the pack it is used with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pm_lsp.cache import Memo, lru
from pm_lsp.policy.rulepack import (
    PackError,
    RulePack,
    builtin_pack,
    file_stamps,
    load_toml,
    rules_dir,
)


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    required: bool
    skeleton: str
    parent: str | None = None
    level: int = 2
    #: other section ids whose presence satisfies this one ("Contributing Factors" for
    #: "Root Cause": the blameless framing of the same content)
    satisfied_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldSpec:
    id: str
    label: str
    type: str  # "date" | "status" | "severity" | "duration" | "people" | "text"
    required: bool
    #: normalised words a label of this field may open with and still name it ("Review
    #: facilitators", "Lead author"): ``qualifiers`` of the field in the vocabulary
    qualifiers: tuple[str, ...] = ()
    #: normalised words a label of this field may close with and still name it
    #: ("Severity classification", "Incident severity rating"): ``tails`` in the vocabulary
    tails: tuple[str, ...] = ()


#: an emoji written as a shortcode (":mag_right:", ":ballot_box_with_check:")
_SHORTCODE = re.compile(r":[a-z][a-z0-9_+-]*:")

#: words a field label may open with that do not change the field: "Incident Severity",
#: "Postmortem Owner", "Total Duration" name Severity, Owner and Duration
_FIELD_PREFIXES = ("incident ", "postmortem ", "post mortem ", "total ", "overall ")

#: what joins the names of a field's roles in one label ("Scribe / Author", "Owner & editor",
#: "Facilitator and note taker")
_LABEL_JOINER = re.compile(r"\s*(?:/|&|\band\b)\s*", re.IGNORECASE)


@lru(4096)
def _singular(norm: str) -> str:
    """Each word of a normalised heading without a plural ``s`` ("measures" is "measure",
    "root causes" is "root cause"), so that a synonym and a heading match in either number."""
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in norm.split()
    )


@lru(4096)
def normalise_heading(title: str) -> str:
    """Lower-case a heading and strip numbering, emoji, parentheticals and punctuation.

    A pure function of the string, memoised: the parser and several rule families ask it
    for the same headings, labels and field keys on every lint."""
    t = title.lower().replace("&", " and ").replace("’", "'")
    t = _SHORTCODE.sub(" ", t)
    t = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", t)
    # outline numbers ("3.", "2.1", "iv)") and the steps of an 8D report ("D4 Root cause",
    # "D5: Corrective actions")
    t = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|d[0-8][.):]?)\s+", "", t)
    t = re.sub(r"[^\w' /-]+", " ", t)
    t = re.sub(r"[\s/_-]+", " ", t)
    return t.strip(" '")


def normalise_value(value: str) -> str:
    """``SEV-1``, ``Sev 1`` and ``sev1`` compare equal."""
    return re.sub(r"[^a-z0-9]+", "", value.lower())


@lru(256)
def _status_prefix(allowed: str) -> re.Pattern[str]:
    """``allowed`` at the start of a value, compared like :func:`normalise_value` (case,
    spacing and punctuation ignored: "in-review" is "In Review"), ending at a word end."""
    chars = normalise_value(allowed)
    sep = r"[\W_]*"
    # a hyphen and a letter run on into a longer word as letters do: "done-ish" is no "Done"
    return re.compile(
        sep + sep.join(map(re.escape, chars)) + r"(?![^\W_]|-[^\W\d_])", re.IGNORECASE
    )


#: where a Status value's note begins: "Final, ...", "Draft - ...", "Complete (...)",
#: "Closed/archived", "Approved; ..."
_STATUS_NOTE = re.compile(r"\s*[,;:(\[/|]|\s[-–—]\s|\s[-–—]$")
#: punctuation or markup before a status ("_Final_", "- Final")
_LEADING_MARKS = re.compile(r"^[\W_]+")

#: a part named in parentheses after a heading's own words: "What happens (Timeline)"
_PARENTHETICAL = re.compile(r"\(([^()]+)\)")

#: what sets a heading's formal name off after its everyday words: "What happened:
#: timeline", "What happened — timeline", "What happened, step by step"
_FORMAL_TAIL = re.compile(r"\s*[:—–,]\s+|\s+-\s+")

#: a separator between two names of one heading: "影響 / Impact", "Impact | Auswirkungen"
_HEADING_ALTERNATIVES = re.compile(r"\s+[/|｜]\s+|\s*[｜／]\s*")


#: titles remembered per template (LRU; see Template._section_memo)
_MEMO_SIZE = 4096

#: a heading or label written as a statement or question ("Our safeguards can be
#: improved", "Which mitigations were in place?") names a part only when it is, or starts
#: with, one of the part's synonyms: a synonym inside a clause is what the clause is about
#: (a finding on safeguards, a question on mitigations), not a section name
_CLAUSE = re.compile(
    r"\b(?:can|could|should|must|will|would|may|might|is|are|was|were|been|has|have|had)\b"
)


#: a heading opening with a wh-word: a question ("What are we changing?") or a free
#: relative ("What we are doing next", "How we will prevent this"), which names what the
#: section holds as a noun phrase does
_WH_HEADING = re.compile(r"(?:what|how)\b")


def is_statement(title: str) -> bool:
    """Is a heading or label written as a statement (see ``_CLAUSE``: "Our safeguards can
    be improved")? One that opens with "what" or "how" is not: it names the section's
    content ("What we are doing next"), whatever verb it holds."""
    norm = normalise_heading(title)
    return _CLAUSE.search(norm) is not None and _WH_HEADING.match(norm) is None


@dataclass(frozen=True)
class _SynonymIndex:
    """A template's section synonyms by their words in the singular: a synonym stands in
    a heading as whole words when its words are a run of the heading's words, so
    :meth:`Template.concepts_in` looks up each run of a heading's words (a few dozen
    lookups) instead of testing every synonym of the vocabulary against it (hundreds of
    substring tests, for every heading and label of a long document)."""

    #: a synonym's singular words -> each section it names, and whether it names it only
    #: at the start of a heading (:attr:`Template.start_only`)
    by_words: Mapping[str, tuple[tuple[str, bool], ...]]
    #: a synonym's singular words -> what may follow it (:attr:`Template.followed_by`)
    followed: Mapping[str, re.Pattern[str]]
    longest: int  #: words in the longest synonym
    order: Mapping[str, int]  #: section id -> its place in the template's list

    @classmethod
    def of(cls, template: Template) -> _SynonymIndex:
        by_words: dict[str, tuple[tuple[str, bool], ...]] = {}
        pairs = template.synonym_pairs or tuple(template.section_synonyms.items())
        for syn, cid in pairs:
            key = _singular(syn)
            if key:
                by_words[key] = (*by_words.get(key, ()), (cid, syn in template.start_only))
        return cls(
            by_words,
            {_singular(syn): pat for syn, pat in template.followed_by.items()},
            max((len(k.split()) for k in by_words), default=0),
            {cid: i for i, cid in enumerate(template.section_titles)},
        )


@dataclass
class Template:
    name: str
    description: str
    sections: list[SectionSpec]
    fields: list[FieldSpec]
    status_values: list[str]
    final_statuses: list[str]
    severity_values: list[str]
    #: common words for one of the template's statuses, as written -> that status
    #: ("Done" -> "Complete"): a value opening with one states that status
    status_synonyms: Mapping[str, str] = field(default_factory=dict)
    section_synonyms: dict[str, str] = field(default_factory=dict)  # normalised -> id
    field_synonyms: dict[str, str] = field(default_factory=dict)
    section_titles: dict[str, str] = field(default_factory=dict)  # id -> display title
    skeletons: dict[str, str] = field(default_factory=dict)
    source: str = ""
    #: normalised synonyms that name their section only at the start of a heading or label
    #: ("Analysis" is Root Cause, "Impact analysis" is not); every other synonym names its
    #: section anywhere ("Response timeline" is Response and Timeline)
    start_only: frozenset[str] = frozenset()
    #: normalised synonyms that name their section only when the rest of the heading after
    #: them is what the pattern matches in full ("Consequences" alone or "of the outage";
    #: "Consequences of the rollback plan" is analysis): ``followed-by`` in a section
    followed_by: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    #: every (normalised synonym, section id) pair: a synonym two sections list names
    #: both wherever it stands ("Remediation" is what was done and what will be done)
    synonym_pairs: tuple[tuple[str, str], ...] = ()
    #: lower-cased labels that make a blockquote the author's callout ("note", "tl;dr"):
    #: ``[callouts]`` in rules/vocabulary.toml
    callout_labels: frozenset[str] = frozenset()
    #: lower-cased names of the write-up itself ("postmortem", "write-up"): a Status whose
    #: first words are no status gives the document's in a note that names it ("Resolved
    #: (postmortem final)"): ``[status-notes]`` in rules/vocabulary.toml (act35)
    document_nouns: frozenset[str] = frozenset()
    #: hedge words around a heading's formal name, each as its normalised words ("rough",
    #: "sort of"): "What happened (timeline-ish)" names the Timeline
    #: (``[heading-hedges]`` in rules/vocabulary.toml)
    heading_hedges: tuple[tuple[str, ...], ...] = ()
    #: canonical_section's answers by title, as 1-tuples (None, no section, is an
    #: answer). A template is never changed once built (load_template shares one object
    #: per name, and nothing writes to its tables), so an answer depends on the title
    #: alone; a bounded LRU, so a long editor session cannot grow it without bound
    _section_memo: Memo[tuple[str | None]] = field(
        default_factory=lambda: Memo(_MEMO_SIZE), init=False, repr=False, compare=False
    )
    #: concepts_in's answers by title, like ``_section_memo``
    _concepts_memo: Memo[tuple[str, ...]] = field(
        default_factory=lambda: Memo(_MEMO_SIZE), init=False, repr=False, compare=False
    )

    # -- Vocabulary protocol (see pm_lsp.model.document) ---------------------------------------
    def canonical_section(self, title: str) -> str | None:
        """The canonical section id a heading or label names, or None. Several rule
        families and the parser ask it for every heading, label and field key on each
        lint, and the prefix search walks every synonym, so answers are memoised."""
        found = self._section_memo.get(title)
        if found is None:
            found = self._section_memo.put(title, (self._canonical_section(title),))
        return found[0]

    def _canonical_section(self, title: str) -> str | None:
        norm = normalise_heading(title)
        if not norm:
            return None
        if _WH_HEADING.match(norm) is not None:
            formal = self._formal_name(title)
            if formal is not None:
                return formal
        if norm in self.section_synonyms and self._may_follow(norm, ""):
            return self.section_synonyms[norm]
        # "Lessons learned and future improvements" -> the longest synonym it starts with:
        # the title up to one of its spaces, the last space first (a lookup per word, not
        # a prefix test per synonym of the vocabulary)
        cut = norm.rfind(" ")
        while cut >= 0:
            found = self.section_synonyms.get(norm[:cut])
            if found is not None and self._may_follow(norm[:cut], norm[cut + 1 :]):
                return found
            cut = norm.rfind(" ", 0, cut)
        # A heading in two languages names the section in one of them: "影響 / Impact".
        parts = _HEADING_ALTERNATIVES.split(title)
        if len(parts) > 1:
            for part in parts:
                found = self._canonical_section(part)
                if found is not None:
                    return found
        # A heading in the writer's own words that names the part in parentheses: "What
        # happens (Timeline)", "Working theory (root cause)". Only when the words outside
        # name nothing: "Timeline (UTC)" and "Impact (estimated)" are named by them.
        for inner in _PARENTHETICAL.findall(title):
            found = self._canonical_section(inner)
            if found is not None:
                return found
        return None

    def _formal_name(self, title: str) -> str | None:
        """The section a heading in everyday words gives by its formal name, in
        parentheses or after a separator: "What happened (timeline)", "What happened:
        timeline", "How we got it back, step by step". The everyday words say what the
        section is about; the formal name says what kind of part it is, and a timeline
        told under "What happened" is read as a timeline. Only a part that is a section's
        name in full counts ("What happened (timeline, all times UTC)" is a timeline): "What
        happened (UTC)" and "What happened (as far as we know)" stay what their own words
        name."""
        notes = [
            piece for note in _PARENTHETICAL.findall(title) for piece in _FORMAL_TAIL.split(note)
        ]
        for inner in (*notes, *_FORMAL_TAIL.split(title)[1:]):
            name = inner if self.names_section(inner) else self._unhedged(inner)
            if name is not None and self.names_section(name):
                found = self._canonical_section(name)
                if found is not None:
                    return found
        return None

    def _unhedged(self, name: str) -> str | None:
        """A formal name without the hedge words before or after it ("timeline-ish",
        "rough chronology", "approximate timeline so far": ``[heading-hedges]``), when it
        has some: the hedge says how well the part is kept, not what it is. None when
        nothing is left or no hedge word was there."""
        words = normalise_heading(name).split()
        hedges = self.heading_hedges
        changed = True
        while words and changed:
            changed = False
            for hedge in hedges:
                n = len(hedge)
                if words[:n] == list(hedge):
                    words, changed = words[n:], True
                elif len(words) > n and words[-n:] == list(hedge):
                    words, changed = words[:-n], True
        left = " ".join(words)
        return left if left and left != normalise_heading(name) else None

    def _may_follow(self, synonym: str, rest: str) -> bool:
        """May ``rest`` follow ``synonym`` in a heading that it names (:attr:`followed_by`)?"""
        pattern = self.followed_by.get(synonym)
        return pattern is None or pattern.fullmatch(rest) is not None

    def names_section(self, title: str) -> bool:
        """Is the whole heading a section's name ("Summary", "TL;DR", "2. Timeline"), with
        no words of its own? "Incident summary: login outage" names a section but says
        more: it can be a document's title."""
        return normalise_heading(title) in self.section_synonyms

    def is_callout_label(self, label: str) -> bool:
        """Does ``label`` ("Note", "TL;DR", "Author's note") make the quote it opens the
        author's own callout?"""
        return " ".join(label.lower().replace("’", "'").split()) in self.callout_labels

    def concepts_in(self, title: str) -> tuple[str, ...]:
        """Every section a heading or label names, in the order the template lists them:
        the one :meth:`canonical_section` names, and each section one of whose synonyms
        stands anywhere in it as whole words ("Recovery and Lessons Learned" names Response
        and Lessons; "Response timeline" names Response and Timeline). A synonym of
        :attr:`start_only` counts only where the heading starts with it, and a heading
        written as a statement or question names only what :meth:`canonical_section`
        names. Memoised like :meth:`canonical_section`."""
        found = self._concepts_memo.get(title)
        if found is None:
            found = self._concepts_memo.put(title, self._concepts_in(title))
        return found

    def _concepts_in(self, title: str) -> tuple[str, ...]:
        norm = normalise_heading(title)
        if not norm:
            return ()
        first = self.canonical_section(title)
        named = {first} if first is not None else set()
        if _CLAUSE.search(norm):
            return tuple(named)  # a statement names a part only as its own synonym
        index = self._synonym_index
        words, plain = _singular(norm).split(), norm.split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + index.longest) + 1):
                key = " ".join(words[i:j])
                after = index.followed.get(key)
                if after is not None and after.fullmatch(" ".join(plain[j:])) is None:
                    continue
                for cid, start_only in index.by_words.get(key, ()):
                    if not (start_only and cid != first):
                        named.add(cid)
        order = index.order
        return tuple(sorted(named, key=lambda c: order.get(c, len(order))))

    @functools.cached_property
    def _synonym_index(self) -> _SynonymIndex:
        """The synonyms as :meth:`_concepts_in` looks them up, built on first use (a
        template is never changed once built)."""
        return _SynonymIndex.of(self)

    def canonical_field(self, key: str) -> str | None:
        """The field a label names: a synonym, or one after a prefix that changes nothing
        ("Incident Duration", "Total impact duration" is not one: only "Total Duration")."""
        return self._one_field(normalise_heading(key)) or self._joined_field(key)

    def _one_field(self, norm: str) -> str | None:
        return self._named_field(norm) or self._people_field(norm) or self._tailed_field(norm)

    def _joined_field(self, key: str) -> str | None:
        """The field a label names by joining two or more of its own names ("Scribe /
        Author", "Owner & editor"): one person holding both parts of writing the report.
        Every part must name the same field, so "Reporter / Assignee" (who holds the ticket
        is no writer) and "Status / Severity" (two fields in one cell) name none."""
        parts = [p for p in _LABEL_JOINER.split(key) if p.strip()]
        if len(parts) < 2:
            return None
        found = {self._one_field(normalise_heading(p)) for p in parts}
        return found.pop() if len(found) == 1 and None not in found else None

    def _named_field(self, norm: str) -> str | None:
        """The field a normalised label names as a synonym, after a prefix or not."""
        found = self.field_synonyms.get(norm)
        if found is None:
            for prefix in _FIELD_PREFIXES:
                if norm.startswith(prefix):
                    found = self.field_synonyms.get(norm[len(prefix) :])
                    if found is not None:
                        break
        return found

    def _tailed_field(self, norm: str) -> str | None:
        """A field named before one of its ``tails`` ("Severity classification",
        "Incident severity rating"): the tail says how the value is given, and the rest
        must name the same field. "Severity of the complaints" ends in no tail (misc36)."""
        for spec in self.fields:
            for tail in spec.tails:
                if (
                    norm.endswith(" " + tail)
                    and self._named_field(norm[: -len(tail) - 1]) == spec.id
                ):
                    return spec.id
        return None

    def _people_field(self, norm: str) -> str | None:
        """A field of people named after one of the field's ``qualifiers`` ("Lead author",
        "Retro facilitator", "Review facilitators"): the qualifier names the write-up or
        the person's part in it, and the rest must name the same field, in either number."""
        for spec in self.fields:
            if spec.type != "people":
                continue
            for q in spec.qualifiers:
                if not norm.startswith(q + " "):
                    continue
                rest = norm[len(q) :].strip()
                named = (self.field_synonyms.get(rest), self.field_synonyms.get(_singular(rest)))
                if spec.id in named:
                    return spec.id
        return None

    # -- values --------------------------------------------------------------------------
    def is_valid_status(self, value: str) -> bool:
        """An allowed status, alone or followed by a note ("Final (signed off)",
        "Complete, action items in progress"), but not a longer word ("Draftish"); or an
        incident's state with a note giving the document's own (:meth:`documents_own`)."""
        return self._opens_with_status(value) or self.documents_own(value) is not None

    def _opens_with_status(self, value: str) -> bool:
        return (
            any(_status_prefix(v).match(value) for v in self.status_values if v)
            or self.synonym_of(value) is not None
        )

    def documents_own(self, value: str) -> str | None:
        """The document's status that a note gives after a first word that is none
        ("Resolved (postmortem final)", "Mitigated - write-up approved": the incident's
        state, then the write-up's), from the status on: a note naming the write-up
        (:attr:`document_nouns`) right before an allowed status. A value that opens with a
        status is read by it ("Draft (final review on Monday)" is a draft), and a note
        that names no write-up ("Resolved (final review pending)") gives none."""
        cut = _STATUS_NOTE.search(value)
        if cut is None or not self.document_nouns or self._opens_with_status(value):
            return None
        for m in self._document_note.finditer(value, cut.end()):
            rest = value[m.end() :].strip(" \t)]")
            if rest and self._opens_with_status(rest):
                return rest
        return None

    @functools.cached_property
    def _document_note(self) -> re.Pattern[str]:
        """A name of the write-up in a Status note, with "is" or "now" after it."""
        alt = "|".join(sorted(map(re.escape, self.document_nouns), key=len, reverse=True))
        return re.compile(rf"(?i)(?<![\w-])(?:{alt})(?![\w-])\s*(?:(?:is|now)\s+)?")

    def is_final(self, value: str) -> bool:
        own = self.documents_own(value)
        if own is not None:
            value = own
        meant = self.synonym_of(value)
        return any(
            _status_prefix(v).match(value) or (meant is not None and _status_prefix(v).match(meant))
            for v in self.final_statuses
            if v
        )

    def synonym_of(self, value: str) -> str | None:
        """The template's status that ``value`` states by a common word for it (the
        ``status-synonyms`` of [metadata]: "Done, actions in progress" states "Complete"),
        the longest such word the value opens with; else None."""
        best: tuple[int, str] | None = None
        for word, status in self.status_synonyms.items():
            m = _status_prefix(word).match(value)
            if m is not None and (best is None or m.end() > best[0]):
                best = (m.end(), status)
        return best[1] if best is not None else None

    def status_word(self, value: str) -> str:
        """The status a Status value states, as written: a value that says two things is
        read by its first ("Final" of "Final, action items in progress", "In Review" of "In
        Review – waiting on legal"), as :meth:`is_final` reads it. The longest allowed
        status the value opens with; else its words before the first note ("WIP" of "WIP,
        not reviewed"). What a message quotes: the rest is a note, not the status."""
        text = (self.documents_own(value) or value).strip()
        ends = [
            m.end()
            for v in (*self.status_values, *self.final_statuses, *self.status_synonyms)
            if v and (m := _status_prefix(v).match(text))
        ]
        if ends:
            return _LEADING_MARKS.sub("", text[: max(ends)]).strip() or text
        cut = _STATUS_NOTE.search(text)
        return (text[: cut.start()].strip() if cut else text) or text

    def is_valid_severity(self, value: str) -> bool:
        norm = normalise_value(value)
        return any(norm == normalise_value(v) for v in self.severity_values)

    def title_of(self, section_id: str) -> str:
        return self.section_titles.get(section_id, section_id.replace("-", " ").title())


def _status_synonyms(meta: Mapping[str, Any], where: str) -> dict[str, str]:
    """[metadata] ``status-synonyms``: a table from a common word to one of the template's
    ``status-values`` ("Done" = "Complete"); a word for a status the template does not
    list is an error, so that a synonym never makes a value valid on its own."""
    table = meta.get("status-synonyms", {})
    if not isinstance(table, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise PackError(f"{where}: 'status-synonyms' must be a table of strings")
    allowed = {normalise_value(v) for v in _str_list(meta, "status-values", where)}
    for word, status in table.items():
        if normalise_value(status) not in allowed:
            raise PackError(
                f"{where}: 'status-synonyms': '{word}' names '{status}', "
                "which is not one of 'status-values'"
            )
    return dict(table)


def _str_list(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"{where}: '{key}' must be a list of strings")
    return list(value)


@lru_cache(maxsize=1)
def _builtin_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (rules_dir() / "templates").glob("*.toml")))


def builtin_template_names() -> list[str]:
    return list(_builtin_names())


def load_template(
    name_or_path: str, base_dir: Path | None = None, pack: RulePack | None = None
) -> Template:
    """A built-in template by name, or a TOML file by path (relative to ``base_dir``), with
    the vocabulary of ``pack`` (default: the built-in pack).

    Cached per (file, pack) and the file's size and modification time: packs are shared
    per set of pack files (``load_pack``), so each combination is built once and the same
    object is handed to every lint, which the per-template memos rely on, and a process
    that lives on (the language server, ``pm-lint --daemon``) uses an edited template
    from its next lint."""
    path = _template_path(name_or_path, base_dir)
    return _load_template(path, pack, file_stamps((path,))[0])


def _template_path(name_or_path: str, base_dir: Path | None) -> Path:
    if name_or_path in _builtin_names():  # a plain name, never "../blame"
        return rules_dir() / "templates" / f"{name_or_path}.toml"
    path = Path(name_or_path)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if not path.is_file():
        known = ", ".join(_builtin_names())
        raise PackError(
            f"unknown template '{name_or_path}': not a built-in template ({known}) "
            "and not a TOML file"
        )
    return path


@lru_cache(maxsize=32)
def _load_template(path: Path, pack: RulePack | None, _stamp: tuple[int, int] | None) -> Template:
    vocab = (pack or builtin_pack()).family("vocabulary")
    data = load_toml(path)
    check_shape(data, str(path))
    return _build(data, str(path), vocab)


def forget_templates() -> None:
    """Drop every cached template (a client said files changed)."""
    _load_template.cache_clear()


#: what a template may hold besides what the built-in templates use (see :func:`_allowed`)
_TOP_KEYS = {"name": str, "description": str, "metadata": dict}  # + "sections": see _build
_SECTION_KEYS = {
    "id": str,
    "title": str,
    "required": bool,
    "synonyms": list,
    "skeleton": str,
    "parent": str,
    "level": int,
    "satisfied-by": list,
    "start-only": list,
    "followed-by": list,
}
_METADATA_KEYS = {
    "required": list,
    "status-values": list,
    "final-statuses": list,
    "severity-values": list,
    "status-synonyms": dict,
}
_TYPE_NAMES = {
    str: "a string",
    bool: "true or false",
    int: "a whole number",
    list: "a list of strings",
    dict: "a table",
}


def _allowed() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Keys a template may use at the top, in a section and in [metadata]: the documented
    ones, and whatever the built-in templates use (they are the schema, as the built-in
    packs are for rule packs). Read on each call: only :func:`load_template`, which is
    cached, asks."""
    top = {*_TOP_KEYS, "sections"}
    section, meta = set(_SECTION_KEYS), set(_METADATA_KEYS)
    for name in builtin_template_names():
        data = load_toml(rules_dir() / "templates" / f"{name}.toml")
        top.update(data)
        section.update(k for entry in data.get("sections", []) for k in entry)
        meta.update(data.get("metadata", {}))
    return frozenset(top), frozenset(section), frozenset(meta)


def check_shape(data: Mapping[str, Any], where: str) -> None:
    """A template file holds a template: known keys with values of the right type, so that
    ``required = "no"`` is an error and not true, and a rule pack given as a template is
    named as such, not read as a template without sections."""
    top, section_keys, meta_keys = _allowed()
    unknown = sorted(set(data) - top)
    if unknown:
        named = ", ".join(repr(k) for k in unknown[:3]) + (" ..." if len(unknown) > 3 else "")
        raise PackError(
            f"{where}: not a template (unknown key(s) {named}; a template has name, "
            "description, [metadata] and [[sections]])"
        )
    if "sections" not in data and "metadata" not in data:
        raise PackError(f"{where}: not a template (no [[sections]] and no [metadata])")
    _check_types(data, _TOP_KEYS, where, "")
    sections = data.get("sections", [])
    for entry in sections if isinstance(sections, list) else []:  # else: _build says so
        if isinstance(entry, Mapping):
            _check_keys(entry, section_keys, where, "a [[sections]] entry")
            _check_types(entry, _SECTION_KEYS, where, f"section '{entry.get('id', '?')}': ")
            level = entry.get("level", 2)
            if isinstance(level, int) and not 1 <= level <= 6:
                raise PackError(f"{where}: section '{entry.get('id', '?')}': 'level' must be 1-6")
    meta = data.get("metadata", {})
    _check_keys(meta, meta_keys, where, "[metadata]")
    _check_types(meta, _METADATA_KEYS, where, "[metadata] ")


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str, what: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(f"{where}: unknown key(s) {unknown} in {what}")


def _check_types(table: Mapping[str, Any], types: Mapping[str, type], where: str, at: str) -> None:
    for key, want in types.items():
        value = table.get(key)
        if value is None:
            continue
        # bool is an int to Python; a level of true is not a level
        ok = isinstance(value, want) and (want is bool or not isinstance(value, bool))
        if not ok:
            raise PackError(f"{where}: {at}'{key}' must be {_TYPE_NAMES[want]}, not {value!r}")


@dataclass
class _Names:
    """What the vocabulary and a template say about section names, collected by _build."""

    synonyms: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    skeletons: dict[str, str] = field(default_factory=dict)
    start_only: set[str] = field(default_factory=set)
    pairs: dict[tuple[str, str], None] = field(default_factory=dict)
    followed_by: dict[str, re.Pattern[str]] = field(default_factory=dict)


def _followed_by(spec: Mapping[str, Any], where: str) -> dict[str, re.Pattern[str]]:
    """A section's ``followed-by`` pairs, ``[synonym, pattern]``: the synonym names the
    section only where the rest of the heading after it matches the pattern in full
    (lower case, normalised as headings are)."""
    out: dict[str, re.Pattern[str]] = {}
    for pair in spec.get("followed-by", []):
        pair_of_strings = isinstance(pair, list) and len(pair) == 2
        if not (pair_of_strings and all(isinstance(x, str) for x in pair)):
            raise PackError(f"{where}: 'followed-by' entries are [synonym, pattern] pairs")
        try:
            out[normalise_heading(pair[0])] = re.compile(pair[1])
        except re.error as e:
            raise PackError(f"{where}: 'followed-by' pattern {pair[1]!r}: {e}") from None
    return out


def _vocabulary_names(vsections: Mapping[str, Any]) -> _Names:
    """Titles, skeletons and synonyms of every section of the vocabulary (the first section
    listing a synonym owns it in ``synonyms``; ``pairs`` keeps every owner)."""
    names = _Names()
    for sid, spec in vsections.items():
        names.titles[sid] = str(spec.get("title", sid))
        names.skeletons[sid] = str(spec.get("skeleton", ""))
        for syn in [spec.get("title", sid), *spec.get("synonyms", [])]:
            names.synonyms.setdefault(normalise_heading(str(syn)), sid)
            names.pairs[normalise_heading(str(syn)), sid] = None
        names.start_only.update(normalise_heading(str(x)) for x in spec.get("start-only", []))
        names.followed_by.update(_followed_by(spec, f"vocabulary section '{sid}'"))
    return names


def _callout_labels(vocab: Mapping[str, Any], where: str) -> frozenset[str]:
    """``[callouts] labels`` of the vocabulary, lower-cased with single spaces."""
    labels = _str_list(vocab.get("callouts", {}), "labels", where)
    return frozenset(" ".join(str(x).lower().split()) for x in labels)


def _build(data: Mapping[str, Any], where: str, vocab: Mapping[str, Any]) -> Template:
    vsections: Mapping[str, Any] = vocab.get("sections", {})
    sections: list[SectionSpec] = []
    names = _vocabulary_names(vsections)
    synonyms, titles, skeletons = names.synonyms, names.titles, names.skeletons
    raw_sections = data.get("sections", [])
    if not isinstance(raw_sections, list):
        raise PackError(f"{where}: 'sections' must be an array of tables")
    for entry in raw_sections:
        if not isinstance(entry, Mapping) or "id" not in entry:
            raise PackError(f"{where}: every [[sections]] entry needs an 'id'")
        sid = str(entry["id"])
        if sid not in vsections and "title" not in entry:
            raise PackError(f"{where}: section '{sid}' is not in the vocabulary; give it a title")
        title = str(entry.get("title", titles.get(sid, sid)))
        titles[sid] = title
        if "skeleton" in entry:
            skeletons[sid] = str(entry["skeleton"])
        for syn in [title, *_str_list(entry, "synonyms", where)]:
            synonyms[normalise_heading(syn)] = sid
            names.pairs[normalise_heading(syn), sid] = None
        names.start_only.update(normalise_heading(x) for x in _str_list(entry, "start-only", where))
        names.followed_by.update(_followed_by(entry, where))
        sections.append(
            SectionSpec(
                id=sid,
                title=title,
                required=bool(entry.get("required", True)),
                skeleton=skeletons.get(sid, ""),
                parent=entry.get("parent"),
                level=int(entry.get("level", 3 if entry.get("parent") else 2)),
                satisfied_by=tuple(
                    _str_list(entry, "satisfied-by", where)
                    or _str_list(vsections.get(sid, {}), "satisfied-by", where)
                ),
            )
        )
    meta: Mapping[str, Any] = data.get("metadata", {})
    fields, field_syn = _fields(
        vocab.get("fields", {}), set(_str_list(meta, "required", where)), where
    )
    return Template(
        name=str(data.get("name", Path(where).stem)),
        description=str(data.get("description", "")),
        sections=sections,
        fields=fields,
        status_values=_str_list(meta, "status-values", where),
        final_statuses=_str_list(meta, "final-statuses", where),
        severity_values=_str_list(meta, "severity-values", where),
        status_synonyms=_status_synonyms(meta, where),
        section_synonyms=synonyms,
        field_synonyms=field_syn,
        section_titles=titles,
        skeletons=skeletons,
        source=where,
        start_only=frozenset(names.start_only),
        followed_by=names.followed_by,
        synonym_pairs=tuple(names.pairs),
        **_word_lists(vocab, where),
    )


def _word_lists(vocab: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The vocabulary's word lists a template holds: ``[callouts] labels`` and
    ``[status-notes] documents``, lower-cased; ``[heading-hedges] words`` as normalised
    word tuples."""
    nouns = _str_list(vocab.get("status-notes", {}), "documents", where)
    hedges = _str_list(vocab.get("heading-hedges", {}), "words", where)
    return {
        "callout_labels": _callout_labels(vocab, where),
        "document_nouns": frozenset(w.lower() for w in nouns),
        "heading_hedges": tuple(
            tuple(normalise_heading(h).split()) for h in hedges if normalise_heading(h)
        ),
    }


def _fields(
    vfields: Mapping[str, Any], required: set[str], where: str
) -> tuple[list[FieldSpec], dict[str, str]]:
    """Every metadata field of the vocabulary (``required`` marks the template's), and the
    field id each normalised label or synonym names."""
    fields: list[FieldSpec] = []
    synonyms: dict[str, str] = {}
    for fid, spec in vfields.items():
        for syn in [fid, spec.get("label", fid), *spec.get("synonyms", [])]:
            synonyms[normalise_heading(str(syn))] = fid
        fields.append(
            FieldSpec(
                id=fid,
                label=str(spec.get("label", fid.title())),
                type=str(spec.get("type", "text")),
                required=fid in required,
                qualifiers=tuple(normalise_heading(str(q)) for q in spec.get("qualifiers", [])),
                tails=tuple(normalise_heading(str(q)) for q in spec.get("tails", [])),
            )
        )
    unknown = required - {f.id for f in fields}
    if unknown:
        raise PackError(f"{where}: unknown metadata field(s) {sorted(unknown)}")
    return fields, synonyms
