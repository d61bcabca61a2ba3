"""Action-item rules (PM301-PM306): vague and people-fixing actions, missing owner/date/ticket/
priority.

The guides agree on what a good action item is (Google SRE, PagerDuty, Atlassian): it starts with a
verb, has a verifiable end state, one owner, a tracking ticket, a priority and a date, and it
changes the system rather than asking people to try harder. PM302-PM305 read the structure
extracted by :mod:`pm_lsp.rules.actions.items` (tables and lists only, never narrative prose).
PM301 and PM306 judge each item on its dependency parse: the head verb ("improve", "look
into"), what modifies its object ("more alerts", "some monitoring"), whether it is a
question or a bare noun phrase, and whether anything in it is verifiable (a threshold, a
named artefact, code, an identifier). Only the short item texts are parsed, plus the few
sentences in Lessons sections that read as proposals (:func:`_may_be_proposal`), and without
the entity recogniser: no judge here reads named entities. :func:`action_judgment` states
that judgment; :mod:`pm_lsp.nlp.judge` runs it (memo tables, parse batches).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from pm_lsp.cache import Memo
from pm_lsp.model.document import Block, PostmortemDoc, Span
from pm_lsp.nlp.judge import Judgment, Unit, judge_units, prefiltering, select
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.nlp.words import word_alternation
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions import specs
from pm_lsp.rules.actions.completeness import summarised
from pm_lsp.rules.actions.items import (
    FAMILY,
    ActionGroup,
    ActionItem,
    SpanCover,
    action_groups,
    action_regions,
    is_action_label,
    top_level,
)
from pm_lsp.rules.actions.specs import (
    missing_due,
    missing_owner,
    missing_priority,
    missing_ticket,
    people_fixing,
    vague_action,
)
from pm_lsp.rules.spec import (
    Edit,
    Finding,
    Fix,
    RuleContext,
    Severity,
    rule,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pm_lsp.nlp.pipeline import NLP

#: clauses remembered per lexicon (a bounded LRU)
_CLAUSE_MEMO_SIZE = 16_384

# -- lexicon ---------------------------------------------------------------------------------


class Lexicon:
    """The words of ``rules/actions.toml`` used by the judges, lower-cased and compiled."""

    def __init__(self, pack: RulePack) -> None:
        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.vague_verbs = set(ws("vague-verbs"))
        self.vague_phrases = ws("vague-phrases")
        self.vague_nouns = set(ws("vague-nouns"))
        self.weak_verbs = set(ws("weak-verbs"))
        self.weak_phrases = ws("weak-phrases")
        self.bounding = set(ws("bounding-words"))
        self.modifiers = set(ws("vague-modifiers"))
        self.quality = set(ws("quality-modifiers"))
        self.state_verbs = ws("state-verbs")
        self.abstract = set(ws("abstract-objects"))
        self.documenting = set(ws("documenting-verbs"))
        self.future = ws("future-markers")
        # any marker, not inside a word: one pass instead of one search per marker
        self.future_re = re.compile(
            r"(?<![\w'])(?:" + "|".join(re.escape(m) for m in self.future) + r")(?![\w])"
            if self.future
            else r"(?!x)x"
        )
        self.future_sections = set(ws("future-sections"))
        exprs = "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ws("vague-expressions"))
        self._expr_re = re.compile(rf"(?i)(?<![\w-])(?:{exprs})(?![\w-])") if exprs else None
        self.openers = sorted(ws("proposal-openers"), key=len, reverse=True)
        self.vague_openers = set(ws("vague-openers"))
        self.conditions = ws("condition-words")
        self.concrete = set(ws("concrete-verbs"))
        self.artifacts = set(ws("artifact-nouns"))
        self.units = set(ws("threshold-units"))
        self.comparators = set(ws("comparators"))
        self.people_verbs = set(ws("people-verbs"))
        self.people_nouns = set(ws("people-nouns"))
        self.people_phrases = sorted(ws("people-phrases"), key=len, reverse=True)
        self.proposal_sections = set(ws("proposal-sections"))
        self.all_verbs = self.vague_verbs | self.weak_verbs | self.concrete | self.people_verbs
        # a word that starts like one of those verbs (any regular inflection starts with the
        # verb minus a final e or y): the prose prefilter's test for a leading action verb
        stems = {
            v[:-1] if len(v) > 2 and v[-1] in "ey" else v
            for v in self.all_verbs
            | {p.split()[0] for p in self.vague_phrases + self.weak_phrases + self.state_verbs}
        }
        self.verb_start = re.compile(word_alternation(stems))
        self._people_re = (
            re.compile(
                r"(?i)(?<![\w-])(?:"
                + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in self.people_phrases)
                + r")(?![\w-])"
            )
            if self.people_phrases
            else None
        )
        cond = "|".join(re.escape(c) for c in sorted(self.conditions, key=len, reverse=True))
        self._cond_re = re.compile(rf"(?i)(?<![\w-])(?:{cond})(?![\w-])") if cond else None
        #: :func:`_clause` per (source text, masked text) of an item, offsets relative to it,
        #: held in a 1-tuple (a Memo cannot store None)
        self.clauses: Memo[tuple[tuple[int, int] | None]] = Memo(_CLAUSE_MEMO_SIZE)

    def people_phrase(self, text: str) -> re.Match[str] | None:
        return self._people_re.search(text) if self._people_re is not None else None

    def vague_expression(self, text: str) -> re.Match[str] | None:
        return self._expr_re.search(text) if self._expr_re is not None else None

    def condition_at(self, text: str) -> int:
        """Offset where the first condition clause starts in ``text`` (or its length)."""
        if self._cond_re is None:
            return len(text)
        m = self._cond_re.search(text)
        return m.start() if m else len(text)


def lexicon(pack: RulePack) -> Lexicon:
    return pack.derived(Lexicon)


# -- the judge -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What is wrong with one action text: the rule, the message key and its fields."""

    code: str  # "PM301" | "PM306"
    key: str
    word: str
    severity: Severity


def word_forms(tok: Token) -> set[str]:
    """The token's possible base forms, robust to the small model mis-tagging imperatives as
    nouns ("Setup more alerts", "Spike usage …") and to gerund or past-tense items
    ("Adding …", "Implemented …")."""
    w = tok.lower_
    forms = {w, tok.lemma_.lower()}
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        forms |= {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.add(stem[:-1])
    if w.endswith("ed") and len(w) > 4:
        forms |= {w[:-2], w[:-1]}
        if w[-3] == w[-4]:
            forms.add(w[:-3])
    if w.endswith("ied"):
        forms.add(w[:-3] + "y")
    if "-" in w:
        forms.add(w.split("-", 1)[1])  # "re-worked" -> "worked"
    return forms


_IDENT = re.compile(
    r"`[^`]+`|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|\b\w+_\w+\b"
    r"|\b[\w-]+\.(?:ya?ml|json|toml|py|js|ts|go|md|sh|tf|conf|ini|cfg|out|log|txt)\b"
    r"|\"[^\"]{2,60}\"|“[^”]{2,60}”"
)
_NUM_UNIT = re.compile(r"^\d+(?:[.,]\d+)?(?:ms|s|m|h|d|%|k|gb|mb)$", re.IGNORECASE)


def has_threshold(sent: Doc, lex: Lexicon) -> bool:
    """A number with a unit or a comparator: "to 5 minutes", "80%", "above 3 retries"."""
    for t in sent:
        if not (t.like_num or any(c.isdigit() for c in t.text)):
            continue  # (_NUM_UNIT needs a digit too)
        if _NUM_UNIT.match(t.text):
            return True
        nxt = sent[t.i + 1] if t.i + 1 < len(sent) else None
        prev = sent[t.i - 1] if t.i > 0 else None
        if nxt is not None and (nxt.lower_ in lex.units or nxt.text == "%"):
            return True
        if prev is not None and prev.lower_ in lex.comparators:
            return True
    return False


def has_identifier(raw: str) -> bool:
    """Code, a file name, a CamelCase or snake_case name, a quoted name: a named thing."""
    return _IDENT.search(raw) is not None


def _phrase_at(text: str, phrases: Sequence[str], first_forms: set[str]) -> str | None:
    """The phrase that ``text`` starts with, allowing any form of its first word."""
    low = text.lower()
    for ph in phrases:
        head, _, rest = ph.partition(" ")
        if head not in first_forms:
            continue
        word = re.match(r"[\w'-]+", low)
        if word is None:
            continue
        tail = low[word.end() :].lstrip()
        if not rest or (
            tail.startswith(rest) and (len(tail) == len(rest) or not tail[len(rest)].isalnum())
        ):
            return ph
    return None


_LEADING_CONDITION = re.compile(
    r"(?i)(?:if|when|whenever|in case|once|before|after)\b[^,]{1,80},\s*"
)
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def _main_verb(sent: Doc, start: int, lex: Lexicon, *, trust_first: bool = False) -> Token | None:
    """The verb the action hangs on: the first word when it is a known action verb (spaCy's
    small model often tags imperatives as nouns), else the parse root when it is a verb,
    following "need to X"/"plan to X"/"continue to X" to X."""
    toks = [t for t in sent if t.idx >= start and not t.is_space]
    first = next((t for t in toks if t.is_alpha), None)
    if first is None:
        return None
    if word_forms(first) & lex.all_verbs and (
        trust_first
        or (first.dep_ not in _SUBJECTS and not (first.tag_ == "VBG" and first.head.i != first.i))
    ):
        return first
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    verb = root
    for _ in range(3):
        nxt = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
        )
        if nxt is None or not (
            word_forms(verb) & {"need", "plan", "want", "continue", "aim", "go", "intend", "have"}
        ):
            break
        verb = nxt
    return verb


def judge(sent: Doc, raw: str, lex: Lexicon, *, proposal: bool = False) -> Verdict | None:
    """Judge one action text (``sent`` is its parse, ``raw`` its source text).

    ``proposal`` is set for sentences found in prose (a Lessons section): they are judged
    only when they read as proposals (an opener such as "we need to", an imperative verb, or
    a leading "More …"/"Better …"), since most Lessons sentences are observations.

    Kept in one piece: each test is one reason an item is vague or people-fixing, tried in the
    order that decides between them on the same parse, and an early return is the verdict; split
    up, that order would be spread over several functions.
    """
    text = sent.text
    low = text.lower()
    pm = lex.people_phrase(text)
    if pm is not None:
        return Verdict(specs.people_fixing.code, "people-fixing", pm.group(0), Severity.WARNING)
    lead = re.match(r"[^A-Za-z]*", text)
    start = lead.end() if lead else 0
    cond = _LEADING_CONDITION.match(text[start:])
    if cond is not None:  # "When creating dashboards, think about …": judge the main clause
        start += cond.end()
    opener: str | None = None
    for op in lex.openers:
        if low.startswith(op, start) and (
            len(low) == start + len(op) or not low[start + len(op)].isalnum()
        ):
            opener = op
            start += len(op)
            break
    verb = _main_verb(sent, start, lex, trust_first=not proposal)
    first = next((t for t in sent if t.idx >= start and t.is_alpha), None)
    if proposal and opener is None:
        leading_modifier = first is not None and (
            first.lower_ in lex.modifiers | {"better"} or first.tag_ in ("JJR", "RBR")
        )
        imperative = (
            verb is not None
            and first is not None
            and verb.i == first.i
            and first.tag_ not in ("VBD", "VBN", "VBZ")
        )
        if not (leading_modifier or imperative or _has_future(low, lex)):
            return None
    forms = word_forms(verb) if verb is not None else set()
    # PM306: a people-verb whose object is people ("train engineers", "remind the team").
    if forms & lex.people_verbs and verb is not None:
        objs = [t for t in sent if t.i > verb.i][:6]
        if any(
            o.lower_ in lex.people_nouns or o.lemma_.lower() in lex.people_nouns
            for o in objs
            if o.pos_ in ("NOUN", "PROPN", "PRON")
        ):
            return Verdict(
                specs.people_fixing.code, "people-fixing", f"{verb.text} …", Severity.WARNING
            )
    if text.rstrip().endswith("?"):
        return Verdict(specs.vague_action.code, "vague-question", "?", Severity.WARNING)
    threshold = has_threshold(sent, lex)
    ident = has_identifier(raw)
    base = sent[0].idx
    strong: str | None = None
    verbs = [verb] if verb is not None else []
    if verb is not None:
        verbs += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for v in verbs:
        vf = word_forms(v)
        strong = _phrase_at(text[v.idx - base :], lex.vague_phrases, vf)
        if strong is None and vf & lex.vague_verbs:
            strong = v.text
        if strong is not None:
            break
    if strong is None and first is not None and (verb is None or verb.i != first.i):
        strong = _phrase_at(text[first.idx - base :], lex.vague_phrases, word_forms(first))
        if strong is None and first.lower_ in lex.vague_verbs:
            strong = first.text
    if strong is None:
        strong = next(
            (
                t.text
                for t in sent
                if t.idx >= base + start and t.pos_ == "NOUN" and t.lower_ in lex.vague_nouns
            ),
            None,
        )
    if strong is not None:
        if threshold:
            return None
        return Verdict(specs.vague_action.code, "vague-verb", strong, Severity.WARNING)
    if verb is not None:
        vtext = text[verb.idx - base :]
        state = _phrase_at(vtext, lex.state_verbs, forms)
        weak = state or _phrase_at(vtext, lex.weak_phrases, forms)
        if weak is None and forms & lex.weak_verbs:
            weak = verb.text
        if weak is not None:
            bounded = (
                threshold
                or any(
                    t.lemma_.lower() in lex.bounding
                    and (t.lower_ != "by" or _date_follows(sent, t))
                    for t in sent
                )
                or any(c.dep_ == "conj" and word_forms(c) & lex.concrete for c in verb.children)
                or (
                    state is not None
                    and any(
                        t.pos_ == "VERB"
                        and word_forms(t) & lex.concrete
                        and t.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl")
                        for t in verb.subtree
                        if t.i > verb.i
                    )
                )
            )
            if not bounded:
                return Verdict(specs.vague_action.code, "vague-weak", weak, Severity.WARNING)
    expr = lex.vague_expression(text[start:])
    if expr is not None:
        return Verdict(specs.vague_action.code, "vague-modifier", expr.group(0), Severity.WARNING)
    mod = _vague_modifier(sent, start, lex, allow_quality=ident)
    if mod is not None and not threshold:
        return Verdict(specs.vague_action.code, "vague-modifier", mod, Severity.WARNING)
    abstract = _abstract_object(sent, verb, lex)
    if abstract is not None and not threshold:
        return Verdict(specs.vague_action.code, "vague-abstract", abstract, Severity.INFO)
    if opener is not None and opener in lex.vague_openers and not (threshold or ident):
        return Verdict(specs.vague_action.code, "vague-modal", opener, Severity.INFO)
    if verb is None and not proposal and not (threshold or ident):
        root = next((t for t in sent if t.dep_ == "ROOT"), None)
        heads = {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN")}
        if (
            root is not None
            and root.pos_ in ("NOUN", "PROPN", "ADJ")
            and not (heads & lex.artifacts)
        ):
            return Verdict(specs.vague_action.code, "vague-noun-phrase", root.text, Severity.INFO)
    return None


def _has_future(low: str, lex: Lexicon) -> bool:
    return lex.future_re.search(low) is not None


def _abstract_object(sent: Doc, verb: Token | None, lex: Lexicon) -> str | None:
    """An abstract object ("a process", "a strategy") of the main verb or, for a noun
    phrase, its head; documenting one ("Document the rollover process") is concrete."""
    if verb is not None:
        if word_forms(verb) & lex.documenting:
            return None
        heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        objs = [c for h in heads for c in h.children if c.dep_ in ("dobj", "attr", "oprd")]
        if not objs:  # "aim at a solution", "work towards a process"
            objs = [
                g
                for h in heads
                for c in h.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        if not objs and verb.dep_ != "ROOT":
            # "Implement rules and guidelines …" parsed as a noun phrase: its head is the object
            objs = [t for t in sent if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]
        objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    else:
        objs = [t for t in sent if t.dep_ == "ROOT"]
        objs += [t for t in sent if t.dep_ == "dobj" and t.head.dep_ == "ROOT"]
    for o in objs:
        if o.lemma_.lower() in lex.abstract or o.lower_ in lex.abstract:
            return o.text
    return None


def _date_follows(sent: Doc, tok: Token) -> bool:
    rest = sent.text[tok.idx - sent[0].idx + len(tok.text) :][:24]
    return (
        re.match(
            r"\s*(?:\d{4}-\d{2}-\d{2}|Q[1-4]|[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+|"
            r"end of|the end of)",
            rest,
        )
        is not None
    )


def _vague_modifier(sent: Doc, start: int, lex: Lexicon, *, allow_quality: bool) -> str | None:
    """A vague modifier in the action part of the text (conditions cut off): a quantity word
    or an unmeasured comparative, or (unless ``allow_quality``) a quality word."""
    base = sent[0].idx
    cut = base + lex.condition_at(sent.text[start:]) + start
    for t in sent:
        if t.idx < base + start or t.idx >= cut:
            continue
        low = t.lower_
        comparative = (
            t.tag_ in ("JJR", "RBR")
            and low.endswith("er")
            and low not in ("fewer", "later", "other", "under", "over", "after")
        )
        if not (low in lex.modifiers or comparative or (low in lex.quality and not allow_quality)):
            continue
        nxt = sent[t.i + 1] if t.i + 1 < len(sent) else None
        if (
            nxt is not None
            and nxt.lower_ in ("than", "of")
            and (nxt.lower_ == "than" or any(x.like_num for x in sent[t.i + 2 : t.i + 4]))
        ):
            continue
        return t.text
    return None


# -- what to judge ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    start: int  #: document offsets of the judged text
    end: int
    proposal: bool


_LABEL_PREFIX = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*:?\s*|^[^\w\n]*")
_SPLIT = re.compile(r"\s[-\u2013\u2014]\s|;\s")
_LEAD = re.compile(r"[^\w]*")
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
    if len(_WORDS.findall(raw[off:])) < 2 or (
        m is not None and off > label_start and _may_propose(raw[label_start:off], lex)
    ):
        # "**Add an alert for X**: because …": the bold label is the action itself.
        off = label_start
        if raw[:label_start].rstrip().endswith(("**", "__")):
            lab_end = _BOLD_MARK.search(raw[label_start:])
            if lab_end is not None:
                end = start + label_start + lab_end.start()
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


def _units(
    doc: PostmortemDoc, pack: RulePack, nlp: NLP, judgment: Judgment[bool, ActionText, Verdict]
) -> list[Unit[ActionText]]:
    """Texts PM301/PM306 judge, in this order: every action item (its clause), paragraphs
    opening with an inline action label, and the sentences of Lessons and future-work
    sections and of paragraphs in action regions that ``judgment``'s prefilter selects."""
    lex = lexicon(pack)
    masked, text = doc.masked, doc.text
    out: list[Unit[ActionText]] = []

    def add(start: int, end: int, proposal: bool, future_only: bool = False) -> None:
        out.append(
            Unit(masked[start:end], start, ActionText(text[start:end], proposal, future_only))
        )

    seen: set[int] = set()
    for g in action_groups(doc, pack):
        for it in g.items:
            c = _clause(doc, it.start, it.end, lex)
            if c is not None:
                add(c[0], c[1], it.depth > 0)
                seen.add(it.start)
    labelled, prose = _prose(doc, pack, lex, seen)
    for a, e in labelled:
        add(a, e, False)
    picked = select(nlp, judgment, [(b.text, f) for b, f in prose])
    for (b, future_only), spans in zip(prose, picked, strict=True):
        for a, e in spans:
            add(b.start + a, b.start + e, True, future_only)
    return out


def _prose(
    doc: PostmortemDoc, pack: RulePack, lex: Lexicon, seen: set[int]
) -> tuple[list[tuple[int, int]], list[tuple[Block, bool]]]:
    """The clauses of the paragraphs that open with an inline action label ("**Action
    item:** ...", judged whole), and the other blocks (not in ``seen``, the items'
    starts) whose sentences may be proposals, with whether only sentences about the future
    count there (a future-work section)."""
    labelled: list[tuple[int, int]] = []
    prose: list[tuple[Block, bool]] = []
    in_regions = SpanCover([r for r, _ in action_regions(doc, pack)])
    lessons = lex.proposal_sections - {"action-items"}
    #: per section (by id): (is it a Lessons section, a future-work section), computed once
    kinds: dict[int, tuple[bool, bool]] = {}
    text = doc.text
    for b in doc.blocks:
        bk = b.kind
        start = b.start
        if (bk != "paragraph" and bk != "list_item") or start in seen:
            continue
        # the label pattern opens with spaces or tabs, then "**" or "__"
        if start < b.end and text[start] in " \t*_":
            m = _ACTION_LABEL.match(text, start, b.end)
            if m is not None and is_action_label(m.group("label"), pack):
                c = _clause(doc, m.end(), b.end, lex)
                if c is not None:
                    labelled.append(c)
                    continue  # judged whole: its sentences are not prose
        sec = b.section
        kind = kinds.get(id(sec))
        if kind is None:
            path = set(sec.canonical_path()) if sec is not None else set()
            kind = kinds[id(sec)] = (bool(path & lessons), bool(path & lex.future_sections))
        in_lessons, in_future = kind
        if in_lessons or (bk == "paragraph" and start in in_regions):
            prose.append((b, False))
        elif in_future:
            prose.append((b, True))
    return labelled, prose


#: ``**Action item:** Start incidents earlier.``: an inline label opening a paragraph
_ACTION_LABEL = re.compile(r"[ \t]*(?:\*\*|__)(?P<label>[^*_\n]{1,40}?):?(?:\*\*|__):?[ \t]*(?=\S)")


def _may_propose(text: str, lex: Lexicon) -> bool:
    """Cheap test before parsing: an opener, a leading action verb or modifier, a people
    phrase."""
    low = text.lower().lstrip(" *_-✅❌>")
    low = re.sub(r"^(?:if|when|whenever|in case|once|before|after)\b[^,]{1,80},\s*", "", low)
    if lex.people_phrase(low):
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
    if lex.people_phrase(text):
        return True
    low = text.lower()
    start = _NOT_LETTERS.match(text).end()  # type: ignore[union-attr]
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
    return lex.verb_start.match(word) is not None


def action_judgment(lex: Lexicon) -> Judgment[bool, ActionText, Verdict]:
    """PM301/PM306 as a sentence judgment (:mod:`pm_lsp.nlp.judge`) for one lexicon.

    The prefilter's context says whether only sentences about the future count (a
    future-work section); the judges read tags, lemmas and the dependency parse, never
    named entities, so no text goes through the entity recogniser. Verdicts hold no
    offsets."""

    def prefilter(text: str, future_only: bool) -> bool:
        return _has_future(text.lower(), lex) or (not future_only and _may_be_proposal(text, lex))

    def judge_text(parsed: Doc, at: ActionText) -> tuple[Verdict, ...]:
        if at.future_only and not _has_future(parsed.text.lower(), lex):
            return ()
        v = judge(parsed, at.raw, lex, proposal=at.proposal)
        return (v,) if v is not None else ()

    return Judgment("actions", lex, prefilter, judge_text)


def judged(ctx: RuleContext) -> tuple[tuple[Candidate, Verdict], ...]:
    """Verdicts for every candidate, once per document (PM301 and PM306 share them)."""
    return ctx.analysis(_judged, ctx.pack, ctx.nlp, prefiltering())


def _judged(
    doc: PostmortemDoc, pack: RulePack, nlp: NLP, prefiltered: bool
) -> tuple[tuple[Candidate, Verdict], ...]:
    """The verdicts behind :func:`judged` (``prefiltered`` keys the two parse modes apart;
    the judging helper reads the switch itself)."""
    judgment = action_judgment(lexicon(pack))
    units = _units(doc, pack, nlp, judgment)
    return tuple(
        (Candidate(u.offset, u.offset + len(u.text), u.context.proposal), found[0])
        for u, found in zip(units, judge_units(nlp, judgment, units), strict=True)
        if found
    )


# -- PM301 / PM306 ---------------------------------------------------------------------------


@rule(vague_action)
def check_vague_action(ctx: RuleContext) -> Iterator[Finding]:
    for c, v in judged(ctx):
        if v.code != specs.vague_action.code:
            continue
        yield Finding(
            c.start,
            c.end,
            ctx.pack.message(FAMILY, v.key, verb=v.word, word=v.word, opener=v.word),
            severity=v.severity,
            data={"kind": v.key},
        )


@rule(people_fixing)
def check_people_fixing(ctx: RuleContext) -> Iterator[Finding]:
    for c, v in judged(ctx):
        if v.code != specs.people_fixing.code:
            continue
        yield Finding(
            c.start, c.end, ctx.pack.message(FAMILY, v.key, phrase=v.word), severity=v.severity
        )


# -- PM302-PM305 -----------------------------------------------------------------------------

_LABELS = {"owner": "Owner", "due": "Due", "ticket": "Ticket", "priority": "Priority"}


def _newline(doc: PostmortemDoc) -> str:
    m = re.search(r"\r\n|\r|\n", doc.text)
    return m.group(0) if m else "\n"


#: fixes that write a placeholder ("@TBD", "TBD") are never safe: a placeholder is not a
#: fix, and it turns a finished table into one that reports a missing value per row
PLACEHOLDER_SAFE = False


def _placeholder(pack: RulePack, name: str) -> str:
    values = pack.get(FAMILY, "placeholder-values", {})
    value = values.get(name) if isinstance(values, dict) else None
    return str(value) if value else "TBD"


def _line_span(doc: PostmortemDoc, offset: int) -> Span:
    line = doc.lines.line_of(offset)
    return Span(doc.lines.starts[line], doc.lines.line_end(line))


def _append_cells(doc: PostmortemDoc, line: Span, cells: Sequence[str]) -> Edit:
    """Append cells to a table line, with or without its trailing pipe."""
    text = doc.text[line.start : line.end]
    stripped = text.rstrip()
    at = line.start + len(stripped)
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        return Edit(at, at, "".join(f" {c} |" for c in cells))
    return Edit(at, at, "".join(f" | {c}" for c in cells))


def _column_fix(ctx: RuleContext, g: ActionGroup, name: str) -> Fix | None:
    t = g.table
    if t is None:
        return None
    doc = ctx.doc
    label = _LABELS[name]
    value = _placeholder(ctx.pack, name)
    header = _line_span(doc, t.start)
    sep_line = doc.lines.line_of(t.start) + 1
    if sep_line >= doc.lines.line_count:
        return None
    sep = Span(doc.lines.starts[sep_line], doc.lines.line_end(sep_line))
    width = len(t.header)
    edits = [_append_cells(doc, header, [label]), _append_cells(doc, sep, ["---"])]
    for r, row in enumerate(t.rows):
        if r >= len(t.row_spans):
            return None
        pad = [""] * max(0, width - len(row))
        edits.append(_append_cells(doc, t.row_spans[r], [*pad, value]))
    return Fix(
        ctx.pack.message(FAMILY, "fix-add-column", label=label), tuple(edits), PLACEHOLDER_SAFE
    )


def _cell_fix(ctx: RuleContext, it: ActionItem, name: str, column: int) -> Fix | None:
    """Fill an empty cell, or append the missing cells of a short row."""
    t, r = it.table, it.row
    if t is None or r is None or r >= len(t.row_spans):
        return None
    doc = ctx.doc
    label = _LABELS[name]
    value = _placeholder(ctx.pack, name)
    row = t.rows[r]
    title = ctx.pack.message(FAMILY, "fix-add-cell", label=label)
    if column < len(row):
        c = row[column]
        if c.end > c.start:
            return None  # a written placeholder: the author fills it in
        a = c.start
        while a > t.row_spans[r].start and doc.text[a - 1] in " \t":
            a -= 1
        if a <= t.row_spans[r].start or doc.text[a - 1] != "|":
            return None
        return Fix(title, (Edit(a, c.start, f" {value} "),), PLACEHOLDER_SAFE)
    pad = [""] * (column - len(row))
    return Fix(title, (_append_cells(doc, t.row_spans[r], [*pad, value]),), PLACEHOLDER_SAFE)


def _status(ctx: RuleContext) -> str | None:
    f = ctx.doc.field("status")
    return f.value if f is not None else None


def _missing_findings(
    ctx: RuleContext, name: str, *, skip_done: bool, extra: dict[str, str] | None = None
) -> Iterator[Finding]:
    """Findings for one field over every group: a missing column, empty or placeholder
    cells, and list items without the field (aggregated when no item in a list has it).

    Kept in one piece: column, cell and list-item findings for a field are aggregated together
    (one finding for a list where no item has the field), which needs all three in view."""
    pack = ctx.pack
    fields = extra or {}
    label = _LABELS[name]
    placeholder = _placeholder(pack, name)  # the pack's words: the same for every item
    field_text = f" ({label}: {placeholder})"  # appended to a list item that lacks it
    for g in action_groups(ctx.doc, pack):
        items = [it for it in top_level(g.items) if not (skip_done and it.done)]
        if not items:
            continue
        if g.kind == "table" and g.table is not None:
            if name not in g.columns:
                hs = _line_span(ctx.doc, g.table.start)
                yield Finding(
                    hs.start,
                    hs.end,
                    pack.message(FAMILY, f"missing-{name}-column", **fields),
                    fix=_column_fix(ctx, g, name),
                    data={"field": name},
                )
                continue
            for it in items:
                f = it.get(name)
                if f is None or not f.missing:
                    continue
                if f.value:
                    yield Finding(
                        f.start,
                        f.end,
                        pack.message(FAMILY, f"placeholder-{name}", value=f.value, **fields),
                    )
                else:
                    yield Finding(
                        it.start,
                        it.end,
                        pack.message(FAMILY, f"missing-{name}", **fields),
                        fix=_cell_fix(ctx, it, name, g.columns[name]),
                        data={"field": name},
                    )
            continue
        absent = [it for it in items if it.get(name) is None]
        for it in items:
            f = it.get(name)
            if f is not None and f.missing:
                yield Finding(
                    f.start,
                    max(f.end, f.start),
                    pack.message(FAMILY, f"placeholder-{name}", value=f.value or "", **fields),
                )
        if not absent:
            continue
        if len(absent) == len(items) and len(items) > 1:
            first = absent[0]
            edits = tuple(Edit(it.insert_at, it.insert_at, field_text) for it in absent)
            title = pack.message(FAMILY, "fix-add-fields-all", label=label, placeholder=placeholder)
            yield Finding(
                first.start,
                first.end,
                pack.message(FAMILY, f"missing-{name}-all", count=len(items), **fields),
                fix=Fix(title, edits, PLACEHOLDER_SAFE),
                data={"field": name},
            )
            continue
        title = pack.message(FAMILY, "fix-add-field", label=label, placeholder=placeholder)
        for it in absent:
            yield Finding(
                it.start,
                it.end,
                pack.message(FAMILY, f"missing-{name}", **fields),
                fix=Fix(title, (Edit(it.insert_at, it.insert_at, field_text),), PLACEHOLDER_SAFE),
                data={"field": name},
            )


@rule(missing_owner)
def check_missing_owner(ctx: RuleContext) -> Iterator[Finding]:
    findings = _missing_findings(ctx, "owner", skip_done=False)
    yield from summarised(ctx, "owner", findings)


@rule(missing_due)
def check_missing_due(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing_findings(ctx, "due", skip_done=True)


@rule(missing_ticket)
def check_missing_ticket(ctx: RuleContext) -> Iterator[Finding]:
    status = _status(ctx)
    when = str(ctx.option("when")).lower()
    if when != "always" and (status is None or not ctx.template.is_final(status)):
        return
    yield from _missing_findings(
        ctx, "ticket", skip_done=False, extra={"status": status or "final"}
    )


@rule(missing_priority)
def check_missing_priority(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing_findings(ctx, "priority", skip_done=True)


RULES = (
    check_vague_action,
    check_missing_owner,
    check_missing_due,
    check_missing_ticket,
    check_missing_priority,
    check_people_fixing,
)
