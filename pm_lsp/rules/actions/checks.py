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
that judgment; :mod:`pm_lsp.nlp.judge` runs it (memo tables, parse batches). Which texts
are judged (items, verb-led lists, prose commitments) is :mod:`.candidates`; the words are
:mod:`.lexicon`; how a sentence commits to work (modal, intent verb, hedge) is
:mod:`.commitments`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pm_lsp.model.document import PostmortemDoc, Span
from pm_lsp.nlp.judge import Judgment, Unit, judge_units, prefiltering
from pm_lsp.nlp.lemmas import is_adjective, is_verb_base
from pm_lsp.nlp.pipeline import text_of
from pm_lsp.policy.names import is_given_name
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions import specs
from pm_lsp.rules.actions.candidates import (
    _COMPARATIVES,
    _LEAD_WORD,
    _LEADING_CONDITION,
    _PROHIBITION,
    _WORDS_HYPHEN,
    ActionText,
    Candidate,
    ProseMode,
    _has_future,
    _may_be_proposal,
    _units,
)
from pm_lsp.rules.actions.commitments import (
    Commitment,
    by_writers,
    denies_need,
    find_commitment,
    has_counterfactual,
    is_praise,
    stated_verb,
    subject_of,
)
from pm_lsp.rules.actions.completeness import list_anchor, summarised
from pm_lsp.rules.actions.items import (
    FAMILY,
    ActionGroup,
    ActionItem,
    action_groups,
    guessed,
    is_placeholder,
    open_items,
)
from pm_lsp.rules.actions.lexicon import Lexicon, lexicon
from pm_lsp.rules.actions.parts import findings_by_parts, judged_by_parts
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
    from spacy.tokens import Span as TokenSpan

    from pm_lsp.nlp.pipeline import NLP

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
    forms = _forms(tok.lower_) | {tok.lemma_.lower()}
    pre = _prefix_of(tok)
    if pre is not None:  # "re-think": "rethink" too ("re", "-", "think" as tokens)
        forms |= _forms(pre.lower_ + tok.lower_)
    return forms


def _prefix_of(tok: Token) -> Token | None:
    """The word joined to ``tok`` by a hyphen before it ("re" in "re-think"), if any."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or tok.idx != doc[tok.i - 1].idx + 1:
        return None
    pre = doc[tok.i - 2]
    return pre if pre.is_alpha and pre.idx + len(pre.text) == doc[tok.i - 1].idx else None


def _conjuncts(verb: Token) -> list[Token]:
    """The words joined to ``verb`` by a conjunction. A verb whose hyphenated prefix the
    tagger split off ("Re-check the seat count at payment and cancel the order if it
    moved") often has its second verb hung on the prefix or the hyphen, not on it: those
    count as its conjuncts too."""
    pre = _prefix_of(verb)
    heads = [verb] if pre is None else [verb, pre, verb.doc[pre.i + 1]]
    return [c for h in heads for c in h.children if c.dep_ == "conj" and c.i != verb.i]


def _as_written(tok: Token) -> str:
    """A verb as the item writes it: "Re-think", not the "think" the tokenizer split off."""
    pre = _prefix_of(tok)
    return f"{pre.text}-{tok.text}" if pre is not None else tok.text


def _forms(w: str) -> set[str]:
    """:func:`word_forms` of a lower-cased word read from its letters alone."""
    forms = {w}
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


_STATUS_CLASS = re.compile(r"\d[xX]{2}$")
_NUM_UNIT = re.compile(r"^\d+(?:[.,]\d+)?(?:ms|s|m|h|d|%|k|gb|mb)$", re.IGNORECASE)
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_EXTENSIONS = r"(?:ya?ml|json|toml|py|js|ts|go|md|sh|tf|conf|ini|cfg|out|log|txt)\b"
_IDENT = re.compile(
    r"`[^`]+`|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|\b\w+_\w+\b"
    rf"|\b[\w-]+\.{_EXTENSIONS}"
    r"|\"[^\"]{2,60}\"|“[^”]{2,60}”"
)
#: what every kind of identifier :data:`_IDENT` finds holds: a backtick, a quotation mark or
#: an underscore; a file extension after a dot; a lower-case letter or digit before a capital
_IDENT_MARKS = ("`", '"', "“", "_")
_EXTENSION = re.compile(rf"\.{_EXTENSIONS}")
_CASE_CHANGE = re.compile(r"[a-z0-9][A-Z]")
#: code, a path or a snake_case name: what makes "ensure …" checkable
_CODE = re.compile(
    r"`[^`]+`|\b\w+_\w+\b|(?:^|\s)/?[\w.-]+/[\w./-]+"
    r"|\b[\w-]+\.(?:ya?ml|json|toml|py|js|ts|go|sh|tf|conf|ini|cfg)\b"
)


def has_threshold(sent: Sequence[Token], lex: Lexicon) -> bool:
    """A number with a unit or a comparator: "to 5 minutes", "80%", "above 3 retries"."""
    for t in sent:
        if not (t.like_num or t.text[:1].isdigit()) or _STATUS_CLASS.match(t.text):
            continue  # a number, not a name with a digit ("n0", "bkk04") nor a class ("5xx")
        if _NUM_UNIT.match(t.text):
            return True
        nxt = sent[t.i + 1] if t.i + 1 < len(sent) else None
        prev = sent[t.i - 1] if t.i > 0 else None
        if nxt is not None and (nxt.lower_ in lex.units or nxt.text == "%"):
            return True
        if prev is not None and prev.lower_ in lex.comparators:
            if prev.lower_ in ("to", "at") and not t.text[:1].isdigit():
                continue  # "reducing to one group": a count in words, not a bound
            return True
    return False


def has_identifier(raw: str) -> bool:
    """Code, a file name, a CamelCase or snake_case name, a quoted name: a named thing.

    Most texts hold none of the marks every such name holds (:data:`_IDENT_MARKS`, a file
    extension, a change of case), which ``in`` and two patterns opening with a literal or
    a character set find at once; only the others are searched with :data:`_IDENT`, whose
    alternatives open with word boundaries and so are tried at every position."""
    if not (
        any(mark in raw for mark in _IDENT_MARKS)
        or _EXTENSION.search(raw)
        or _CASE_CHANGE.search(raw)
    ):
        return False
    return _IDENT.search(raw) is not None


def _phrase_at(text: str, phrases: Sequence[str], first_forms: set[str]) -> str | None:
    """The phrase that ``text`` starts with, allowing any form of its first word, and a
    hyphen for the space after it ("Follow-up on …" is "follow up on")."""
    low = text.lower()
    for ph in phrases:
        head, _, rest = ph.partition(" ")
        if head not in first_forms:
            continue
        word = re.match(r"[\w'-]+", low)
        if word is None:
            continue
        end = word.end()
        before, dash, after = word.group(0).partition("-")
        if dash and " " in rest and after == rest.partition(" ")[0]:
            # "Follow-up on …" is "follow up on"; a bare "Follow-up ticket" is a noun
            end = len(before) + 1
        tail = low[end:].lstrip()
        if not rest or (
            tail.startswith(rest) and (len(tail) == len(rest) or not tail[len(rest)].isalnum())
        ):
            return ph
    return None


def _mandated(toks: Sequence[Token]) -> Token | None:
    """The verb of a clause in the mandative subjunctive, a few words in: "monitoring be
    reviewed and strengthened", "staff be reminded of …" (after "it is recommended that"):
    a bare "be" with no modal before it, then the participle, which is the action. A note's
    "to be" after a bare noun phrase is the same task ("Dashboards to be reworked", "Alerting
    on the ingest queue to be improved"); after a verb it is that verb's complement ("need
    alerting to be improved", which the root's xcomp reaches)."""
    for k, t in enumerate(toks[:9]):
        if t.lower_ != "be" or t.tag_ != "VB" or k == 0:
            continue
        infinitive = toks[k - 1].lower_ == "to"
        if k >= 6 and not infinitive:
            return None
        if any(x.tag_ == "MD" for x in toks[:k]) or (
            infinitive and any(x.tag_ in _FINITE_OR_BASE for x in toks[: k - 1])
        ):
            return None
        if not infinitive and any(x.lower_ == "to" for x in toks[:k]):
            return None
        nxt = next((x for x in toks[k + 1 :] if x.tag_ not in ("RB", "RBR")), None)
        return nxt if nxt is not None and nxt.tag_ == "VBN" else None
    return None


def _passive_subject(first: Token) -> bool:
    """The item's first word is the subject of the sentence's passive root, in the future
    or under a modal ("Paging for the queue will be reviewed"), and no base-form verb: the
    small model hangs a long imperative item on a later passive too ("Write a test that
    … to ensure behaviour is maintained": "Write" read as its clausal subject)."""
    head = first.head
    return (
        first.dep_ in ("nsubjpass", "csubjpass")
        and first.tag_ not in ("VB", "VBP")
        and head.dep_ == "ROOT"
        and head.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in head.children)
        and any(c.tag_ == "MD" for c in head.children)
    )


def _main_verb(
    sent: Sequence[Token], start: int, lex: Lexicon, *, trust_first: bool = False
) -> Token | None:
    """The verb the action hangs on: the first word when it is a known action verb (spaCy's
    small model often tags imperatives as nouns), else the parse root when it is a verb,
    following "need to X"/"plan to X"/"continue to X" to X."""
    toks = [t for t in sent if t.idx >= start and not t.is_space]
    first = next((t for t in toks if t.is_alpha), None)
    if first is None:
        return None
    if (wanted := _mandated(toks)) is not None:  # "monitoring be reviewed": "reviewed"
        return wanted
    nxt = sent[first.i + 1] if first.i + 1 < len(sent) else None
    if nxt is not None and nxt.text == "-" and nxt.idx == first.idx + len(first.text):
        # "Re-submit …" is a verb, "Debug-level logging …" a compound modifier
        tail = _prefixed_verb(sent, first, lex) or _compound_verb(sent, first, lex)
        if tail is not None:
            return tail
        first_is_verb = False
    else:
        first_is_verb = bool(word_forms(first) & lex.all_verbs) and (
            trust_first
            or (
                first.dep_ not in _SUBJECTS
                and not (first.tag_ == "VBG" and first.head.i != first.i)
            )
        )
    if first_is_verb and (task := _passive_task(first)) is not None:
        # "Alerting on the queue will be improved", "Checks on the feed are to be tightened":
        # the first word is what the passive acts on, the participle the task
        return task
    if first_is_verb:
        return first
    owned = _owner_to_verb(toks)
    if owned is not None:
        return owned  # "ICL to open an issue …": an owner, then the action
    if trust_first and _misread_imperative(first, nxt, lex):
        return first
    if trust_first and (sent_on := _imperative_sending_object(toks, lex)) is not None:
        return sent_on  # "Route build failures to the release pager"
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is not None and (split := _prefixed_verb(sent, root, lex)) is not None:
        return split  # "Mira re-enabled …" with "re" taken for the root
    if root is None or root.pos_ not in ("VERB", "AUX"):
        if _imperative_in_noun_phrase(first, root):
            return first
        return _subject_then_prefixed_verb(toks, sent, lex)
    verb = stated_verb(root)
    verb = _duty_passive(verb) or verb  # "the runbook is to be revised": the participle
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


def _duty_passive(verb: Token) -> Token | None:
    """The participle of a duty stated in the passive ("the gauges are to be recalibrated",
    "the runbook is to be revised"): a form of "be" governing "to be" + participle, which
    the small model hangs on "is"/"are" as an open complement (misc36)."""
    if verb.lemma_ != "be":
        return None
    for c in verb.children:
        if (
            c.dep_ == "xcomp"
            and c.tag_ == "VBN"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and any(a.dep_ == "auxpass" for a in c.children)
        ):
            return c
    return None


def _passive_task(first: Token) -> Token | None:
    """The participle of a passive whose subject opens the item (:func:`_passive_subject`,
    :func:`_duty_of_subject`), or None."""
    return first.head if _passive_subject(first) else _duty_of_subject(first)


def _duty_of_subject(first: Token) -> Token | None:
    """The participle of a duty in the passive (:func:`_duty_passive`) whose subject is the
    item's first word or the noun it modifies ("Monitoring coverage is to be reviewed")."""
    subj = first.head if first.dep_ == "compound" else first
    if subj.dep_ != "nsubj" or first.tag_ in ("VB", "VBP") or subj.head.dep_ != "ROOT":
        return None
    return _duty_passive(subj.head)


def _imperative_in_noun_phrase(first: Token, root: Token | None) -> bool:
    """The item's first word is an English verb in its base form (the lemmatizer's index)
    that the parse hangs in a noun phrase, and the tagger marks it as a verb ("Exercise
    HSM failover quarterly": "Exercise" a compound of "HSM", the root) or the phrase's
    head is joined to a second imperative ("Exercise relay failover quarterly and send the
    result …"): an imperative, not an item with no verb. "Exercise schedule for Q3", a
    noun by its tag with nothing joined, stays a noun phrase. The second imperative may
    hang lower in the phrase, right after "and"/"or" ("Display payout windows on the ops
    calendar and block rebuilds …": "block" joined to "calendar")."""
    if not is_verb_base(first):
        return False
    return first.tag_ == "VB" or (
        root is not None
        and root.i != first.i
        and (
            any(c.dep_ == "conj" and c.tag_ in ("VB", "VBP") for c in root.children)
            or any(_second_imperative(t) for t in root.subtree)
        )
    )


def _second_imperative(t: Token) -> bool:
    """A base-form verb joined by "and"/"or" right before it ("… and block …")."""
    return (
        t.dep_ == "conj" and t.tag_ == "VB" and t.i > 0 and t.doc[t.i - 1].lower_ in ("and", "or")
    )


def _misread_imperative(first: Token, nxt: Token | None, lex: Lexicon) -> bool:
    """Is an item's first word an imperative the tagger read as a noun or an adjective
    (:func:`_imperative_read_as_noun`, :func:`_counted_object`,
    :func:`_imperative_read_as_adjective`, :func:`_searching_for`)?"""
    return (
        _imperative_read_as_noun(first, nxt)
        or _counted_object(first, lex)
        or _imperative_read_as_adjective(first, nxt)
        or _scoped_adjective_imperative(first, nxt, lex)
        or _searching_for(first, nxt, lex)  # "Lint for removed config keys in CI"
    )


def _imperative_read_as_noun(first: Token, nxt: Token | None) -> bool:
    """An item's first word is an imperative the tagger read as a (singular) noun:
    followed by a determiner ("Snapshot the volume …") or joined to a second imperative
    ("Vendor 2.1 and publish 2.2")."""
    if first.pos_ not in ("NOUN", "PROPN", "ADJ") or first.tag_ in ("NNS", "NNPS"):
        return False
    return (nxt is not None and nxt.tag_ in ("DT", "PRP$", "PDT")) or any(
        c.dep_ == "conj" and c.tag_ in ("VB", "VBP") for c in first.children
    )


def _imperative_read_as_adjective(first: Token, nxt: Token | None) -> bool:
    """An item's first word is a verb the tagger read as an adjective though English has
    no such adjective ("Refresh staging data from production", "Rebuild test fixtures
    nightly"): the lemmatizer's index knows it as a verb and no adjective of that
    spelling ("Clean", "Open", "Secure" are both, and stay as the parse reads them). A
    word must follow it, as an object does."""
    return (
        first.tag_ == "JJ"
        and nxt is not None
        and nxt.is_alpha
        and is_verb_base(first)
        and not is_adjective(first)
    )


def _scoped_adjective_imperative(first: Token, nxt: Token | None, lex: Lexicon) -> bool:
    """An item's first word is both an adjective and a verb of work
    (``adjective-imperatives``: "Complete", "Empty", "Free", "Correct"), read by the tagger
    as the adjective of the noun after it (or as an adjective taking that noun as its
    object), and that noun's phrase says how far or how often the work goes, as a task
    does and a thing's name does not: a whole set reached by a preposition other than
    "of" (``imperative-scope-words``: "Complete badge migration for every contractor"), a
    cadence after the noun (``imperative-cadence-adverbs``: "Empty retry folders on the
    shared drives weekly"), or a means told by "by" and an -ing verb ("Free disk space on
    the log hosts by rotating archives"). An imperative, not a noun phrase. "Complete list
    of affected tenants", "Secure storage of the signing keys" and "Complete coverage of
    all payment paths" (the set after "of" is what the noun covers) keep "has no verb"."""
    if first.tag_ != "JJ" or first.lower_ not in lex.adjective_imperatives:
        return False
    if nxt is None or not nxt.is_alpha:
        return False
    if first.dep_ == "amod":
        noun: Token | None = first.head
    else:  # "Correct" the root, "timestamps" its object
        noun = next((c for c in first.children if c.dep_ == "dobj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    for t in noun.subtree:
        if t.dep_ == "prep" and t.lower_ != "of":
            objs = [c for c in t.children if c.dep_ in ("pobj", "pcomp")]
            if any(d.lower_ in lex.imperative_scope for o in objs for d in o.children):
                return True  # "… for all warehouse pickers"
            if t.lower_ == "by" and any(o.tag_ == "VBG" for o in objs):
                return True  # "… by rotating archives"
        if t.lower_ in lex.imperative_cadence and t.i > noun.i:
            return True  # "… weekly", after the noun ("weekly reports" names a kind)
    return False


#: what may follow a hyphenated verb for it to read as one: a determiner or a possessive
_OBJECT_OPENERS = frozenset({"DT", "PRP$", "PDT"})


def _compound_verb(sent: Sequence[Token], first: Token, lex: Lexicon) -> Token | None:
    """The verb of a compound imperative written with a hyphen ("Load-test any change",
    "Smoke-test the exporter", "Spot-check a sample", "Back-fill the gaps"): the word after
    the hyphen is a verb the lexicon knows, and a determiner or possessive opens its
    object. The small model reads the pair as a noun; "Load-test results for the queue"
    (no determiner after it) stays a noun phrase."""
    if first.i + 3 >= len(sent):
        return None
    dash, tail, after = sent[first.i + 1], sent[first.i + 2], sent[first.i + 3]
    if not (
        dash.text == "-"
        and tail.idx == dash.idx + 1
        and tail.is_alpha
        and first.is_alpha
        and after.tag_ in _OBJECT_OPENERS
    ):
        return None
    return tail if word_forms(tail) & lex.all_verbs else None


def _counted_object(first: Token, lex: Lexicon) -> bool:
    """An item's first word is a verb in its base form (the lemmatizer's index) the tagger
    read as a singular noun, and what follows is an amount of things: a number and a plural
    noun ("Stock 300 spare radios at each garage", "Budget two more engineers for the
    rota"), or an adjective of amount (``quantity-adjectives``) and a noun ("Staff extra
    operators on the night desk"). An imperative with its object, not a noun phrase. A
    noun that numbers its kind ("Phase 2 tests", ``numbered-labels``), a year ("Budget
    2024 review") or a count of one thing ("Staff 1 desk") leaves the noun phrase as it
    is; so does a noun with its own modifier ("Stock levels at the depots")."""
    if not is_verb_base(first) or first.tag_ not in ("NN", "NNP", "JJ"):
        return False
    if first.lower_ in lex.numbered_labels or first.i + 2 >= len(first.doc):
        return False
    amount, after = first.doc[first.i + 1], first.doc[first.i + 2]
    if amount.lower_ in lex.quantity_adjectives:
        return after.pos_ in ("NOUN", "PROPN") or after.lower_ in lex.quantity_adjectives
    if amount.tag_ != "CD" or not amount.like_num or _YEAR.fullmatch(amount.text):
        return False
    if amount.lower_ in ("1", "one"):
        return False
    n = amount.i + 1
    doc = first.doc
    while n + 1 < len(doc) and doc[n].pos_ in ("ADJ", "NOUN", "PROPN") and doc[n].tag_ != "NNS":
        n += 1
    return doc[n].tag_ == "NNS"


#: a number that reads as a year ("Budget 2024 review")
_YEAR = re.compile(r"(?:19|20)\d\d")


#: the tags a verb in its base form may carry when the tagger reads it as a singular noun,
#: a name or an adjective ("Route" NN, "Gate" NNP), or as the verb it is
_READ_AS_NOUN = ("NN", "NNP", "JJ", "VB", "VBP")


def _imperative_sending_object(toks: Sequence[Token], lex: Lexicon) -> Token | None:
    """The verb of an item opening with a word that is both a verb and a noun, then a
    plural noun phrase, then a preposition that sends it somewhere (``imperative-
    complements``): "Route build failures to the release pager", "Gate schema changes
    behind the dry-run job", "Rate-limit partner webhooks through the gateway" (the word
    after a hyphen). The tagger reads the first word as a modifier of the noun phrase, so
    the parse has no verb; a verb's base form (the lemmatizer's index) taking an object and
    a destination or a bound ("… login attempts to ten a minute") is an imperative. A
    singular head ("Queue depth on the relays", "Route table cleanup in the EU region") or
    another preposition ("Fence posts for the cage") leaves the noun phrase as it is; a
    compound noun with a plural head ("Route maps to the new routers") reads as the
    imperative too, the one reading the words cannot tell apart. "Per" hands the object
    to each holder ("Scope deploy tokens per repository") unless a period follows it."""
    k = next((i for i, t in enumerate(toks) if t.is_alpha), None)
    if k is None:
        return None
    if k + 2 < len(toks) and toks[k + 1].text == "-" and toks[k + 2].is_alpha:
        k += 2  # "Rate-limit …": the verb after the hyphen
    verb = toks[k]
    known = is_verb_base(verb) or verb.lower_ in lex.unindexed_verbs
    if not known or verb.tag_ not in _READ_AS_NOUN:
        return None
    n = k + 1
    while n < len(toks) and (toks[n].pos_ in ("NOUN", "PROPN", "ADJ") or toks[n].text == "-"):
        n += 1
    if n == k + 1 or n + 1 >= len(toks):  # no object, or nothing after the preposition
        return None
    head, link = toks[n - 1], toks[n]
    if _deferring_clause(link, lex):
        return verb  # "Table schema changes until the audit closes"
    if head.tag_ in ("NNS", "NNPS") and _arranged_for_a_purpose(link, lex):
        return verb  # "Group batches by provider so one slow provider cannot stall the rest"
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    if link.lower_ not in lex.imperative_complements:
        return verb if _sent_past_a_phrase(head, link, lex) else None
    if link.lower_ == "per" and toks[n + 1].lower_ in lex.rate_periods:
        return None  # "Page views per day": a rate, not a destination
    return verb


def _searching_for(first: Token, nxt: Token | None, lex: Lexicon) -> bool:
    """An item's first word is a verb of looking for something (``searching-verbs``) the
    tagger read as a noun, with "for" right after it and an object that is plural or
    modified with no determiner ("Lint for removed config keys", "Screen for duplicate
    invoices before the monthly run"): the search itself, not a noun phrase. "Scan for
    the new office" and "Lint for the monorepo" (a determiner) keep the noun."""
    if first.lower_ not in lex.searching_verbs or first.tag_ not in _READ_AS_NOUN:
        return False
    if nxt is None or nxt.lower_ != "for":
        return False
    obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if obj is None or any(c.dep_ in ("det", "poss") for c in obj.children):
        return False
    return obj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "amod" for c in obj.children)


def _sent_past_a_phrase(head: Token, link: Token, lex: Lexicon) -> bool:
    """Is the plural object ``head`` narrowed by a phrase hung on it (opened by ``link``:
    "… for the EU shards", "… from one depot") and then sent to a recipient, a person or
    a desk that takes work (``routing-recipients``), by a preposition of
    ``imperative-complements`` hung on the object or on the narrowing phrase's noun
    ("Route timeout alerts for the EU shards to the payments on-call", "Route scan
    failures from one depot to the hub supervisor")? A recipient makes the first word
    the imperative, as a destination right after the object does. A range or an end
    point keeps the noun phrase ("Route changes from March to June", "Stage results for
    the pilot to date", "Queue lengths from the edge to the core")."""
    if link.dep_ != "prep" or link.head.i != head.i:
        return False
    narrowed = {head.i} | {c.i for c in link.children if c.dep_ == "pobj"}
    for t in head.doc[link.i + 1 :]:
        if not (
            t.dep_ == "prep" and t.head.i in narrowed and t.lower_ in lex.imperative_complements
        ):
            continue
        if t.lower_ != "per" and lex.recipient.search(_destination(t).text):
            return True
    return False


def _destination(prep: Token) -> TokenSpan:
    """The words after ``prep`` up to the next preposition, conjunction or stop, at most
    six: its object as written, a hyphenated word whole ("to the pricing on-call", which
    the parse may cut after "pricing")."""
    doc = prep.doc
    end = prep.i + 1
    while end < len(doc) and end - prep.i <= 6:
        tok = doc[end]
        joined = end + 1 < len(doc) and doc[end + 1].text == "-" and not tok.whitespace_
        if (tok.is_punct and tok.text != "-") or (tok.tag_ in ("IN", "CC", "TO") and not joined):
            break
        end += 1
    return doc[prep.i + 1 : end]


#: the tags of a finite or base-form verb
_FINITE = ("VB", "VBD", "VBP", "VBZ")


def _arranged_for_a_purpose(link: Token, lex: Lexicon) -> bool:
    """Does ``link`` arrange the object by a key (``arranging-prepositions``: "Group
    batches by provider", "Sort retries by age") and is that phrase followed by a clause
    with a finite verb of its own, of purpose or of time (``imperative-purpose-marks``,
    ``imperative-clause-marks``: "… so one slow provider cannot stall the rest", "… before
    the nightly run starts")? A breakdown written as a noun phrase takes no such clause
    ("Page views by country", "Alert counts by team for the quarterly review")."""
    if link.lower_ not in lex.arranging_preps:
        return False
    obj = next((c for c in link.children if c.dep_ == "pobj"), None)
    doc = link.doc
    after = obj.right_edge.i + 1 if obj is not None else link.i + 2
    if after >= len(doc):
        return False
    mark = doc[after]
    if mark.lower_ in lex.purpose_marks:
        rest = doc[mark.i + 1 : min(len(doc), mark.i + 7)]
        return any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in rest)
    return _deferring_clause(mark, lex)


def _deferring_clause(link: Token, lex: Lexicon) -> bool:
    """Does ``link`` (the word after an item's opening verb and its object) open a clause
    with a finite verb of its own that puts the work off to a time or a condition
    (``imperative-clause-marks``: "… until the audit closes", "… before the depot
    reopens")? A noun phrase takes no such clause; its verb is the clause's head, or a
    verb in the few words after the mark."""
    if link.lower_ not in lex.imperative_clause_marks:
        return False
    doc = link.doc
    after = doc[link.i + 1 : min(len(doc), link.i + 6)]
    return any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in after)


def _prefixed_verb(sent: Sequence[Token], pre: Token, lex: Lexicon) -> Token | None:
    """The verb of "re-ran", "re-enable", "de-duplicated", "pre-warm" when ``pre`` is its
    prefix: the small model splits such a word into three tokens and takes the prefix for a
    noun or the root. The word after the hyphen is a verb when the lexicon knows it (alone,
    joined to its prefix: "deduplicate", or hyphenated: "re-submit"), when it is a past
    form ("ran"), when the tagger read it as a finite verb, or when a determiner follows
    it ("Pre-warm the cache"); "Re-architecture of …" and "pre-existing connections"
    stay nouns and modifiers."""
    if pre.lower_ not in lex.verb_prefixes or pre.i + 2 >= len(sent):
        return None
    dash, tail = sent[pre.i + 1], sent[pre.i + 2]
    if not (
        dash.text == "-"
        and dash.idx == pre.idx + len(pre.text)
        and tail.idx == dash.idx + 1
        and tail.is_alpha
    ):
        return None
    after = sent[tail.i + 1] if tail.i + 1 < len(sent) else None
    known = (word_forms(tail) | _forms(pre.lower_ + tail.lower_)) & lex.all_verbs
    if (
        known
        or f"{pre.lower_}-{tail.lower_}" in lex.all_verbs
        or tail.lower_ in lex.irregular_past
        or tail.tag_ in _FINITE
        or (after is not None and after.tag_ in ("DT", "PRP$", "PDT"))
        # "Pre-print 500 labels", "Pre-stage spare disks": an English verb after the
        # prefix (the lemmatizer's index), not followed by "of" ("Re-design of the API")
        or (is_verb_base(tail) and (after is None or after.pos_ != "ADP"))
    ):
        return tail
    return None


#: how many words a subject before a prefixed verb may have ("The on-call engineer re-ran")
_SUBJECT_WORDS = 5


def _subject_then_prefixed_verb(
    toks: Sequence[Token], sent: Sequence[Token], lex: Lexicon
) -> Token | None:
    """ "Marco re-ran the corrected job": a short subject, then a verb with a hyphenated
    prefix that the tagger split (taking "re" for the root). Only a subject may stand
    before it: in "Portal for re-enabled accounts" the prefixed word follows a
    preposition and modifies a noun."""
    for k, t in enumerate(toks[: _SUBJECT_WORDS + 1]):
        verb = _prefixed_verb(sent, t, lex)
        if verb is not None:
            return verb if k > 0 else None
        if t.pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT", "X"):
            return None
    return None


def _owner_to_verb(toks: Sequence[Token]) -> Token | None:
    """The verb of "<owner> to <verb> …" ("Platform team to add …", "AI-4: someone to
    look at …"): after an item id (words with no letters-only token before the owner),
    up to three name or noun words, or an indefinite pronoun standing for an owner not
    yet found ("someone", "somebody": a noun by its tag), then "to" and a base-form verb."""
    lead = next((k for k, t in enumerate(toks[:4]) if t.is_alpha), 0)
    toks = toks[lead:]
    for k, t in enumerate(toks[:4]):
        if t.lower_ == "to" and k > 0 and k + 1 < len(toks):
            owner = toks[:k]
            verb = toks[k + 1]
            if all(_owner_word(o) for o in owner) and verb.tag_ == "VB":
                return verb
            return None
    return None


def _owner_word(t: Token) -> bool:
    """A word of an owner before "to <verb>": a name or a noun, or an indefinite pronoun the
    tagger reads as a noun ("someone", "somebody"; not "it" or "they")."""
    return t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "PRON" and t.tag_ == "NN")


def judge(
    sent: Doc,
    raw: str,
    lex: Lexicon,
    *,
    proposal: bool = False,
    anywhere: bool = False,
    writers_only: bool = False,
    listed: bool = False,
    tracked: bool = False,
    done: bool = False,
    stepped: bool = False,
    narrative: bool = False,
    firm_only: bool = False,
) -> Verdict | None:
    """Judge one action text (``sent`` is its parse, ``raw`` its source text).

    ``proposal`` is set for sentences found in prose (a Lessons section): they are judged
    only when they read as proposals (an opener such as "we need to", an imperative verb, a
    leading "More …"/"Better …", or a commitment anywhere in the sentence: "Likewise, we
    should …", "the monitor should alert …"), since most Lessons sentences are observations.
    ``anywhere`` (prose outside follow-up sections) asks for a commitment, and
    ``writers_only`` (there and in Lessons) that it be the writers' own ("we will …", "our
    team should …") or a hedged wish ("ideally it would …"), see :func:`_accepted`.
    A hedged commitment ("we may need to …", "ideally …") is vague whatever it names.
    ``tracked`` (an item whose row or text names an owner, ticket or due date) makes a
    "we should …" a commitment someone has taken on, as a ticket id in ``raw`` does.
    ``done`` (an item marked done) is still judged for a vague verb, which tells no
    reader what was changed ("[x] Improve the docs"), and for an open-ended one unless it
    names its whole scope (:func:`_whole_scope`); a noun phrase there is a record
    of the work, not an item with no verb ("[x] Queue-depth alert on the relays"); so is
    one whose step follows it after a semicolon or dash (``stepped``: "No schema changes in
    peak week; add it to the release checklist"). ``narrative`` (prose of a section that
    tells the incident, a Response or a Summary, not follow-up work or lessons): a
    deliberation there ("we weighed a failover") is the story of the response, no open idea.
    ``firm_only`` (an answer in a Q&A section) asks more of ``anywhere``: the writers'
    unhedged plan ("we will add …"), since an answer explains ("we would need …").

    Kept in one piece: each test is one reason an item is vague or people-fixing, tried in the
    order that decides between them on the same parse, and an early return is the verdict; split
    up, that order would be spread over several functions.
    """
    text = text_of(sent)
    toks = list(sent)  # each iteration of a parsed text builds its tokens anew: build once
    low = text.lower()
    prose = proposal or anywhere
    if prose and lex.rhetorical(text):
        return None  # "how many more exports have to stall before …?": an outburst
    pm = lex.people_phrase(text)
    if pm is not None and prose and lex.cares_for_account(text, pm):
        return None  # "we want to be careful here": care over the writers' own account
    if pm is not None and lex.checks_a_claim(text, pm):
        if prose:
            return None  # "I'd want the ledger team to double-check the sum first": a remark
        pm = None  # "Double-check the figure before we confirm it": one fact, no habit
    if pm is not None and lex.mentioned(text, pm.start(), pm.end()):
        pm = None  # "'Be more careful' is no fix": the phrase turned down, not asked
    if pm is not None and firm_only and not _firmly_planned(toks, lex):
        pm = None  # a thread's comment or a Q&A answer argues: only a firm plan is one
    if pm is not None:
        return Verdict(specs.people_fixing.code, "people-fixing", pm.group(0), Severity.WARNING)
    watch = lex.watch_phrase(text, listed=not prose)
    if watch is not None:  # "Operators to stay alert to gate warnings" (act42)
        return Verdict(specs.people_fixing.code, "people-fixing", watch, Severity.WARNING)
    lead = re.match(r"[^A-Za-z]*", text)
    start = lead.end() if lead else 0
    cond = _LEADING_CONDITION.match(text[start:])
    if cond is not None:  # "When creating dashboards, think about …": judge the main clause
        start += cond.end()
    start, labelled = _after_component_label(toks, text, start, lex)
    opener: str | None = None
    for op in lex.openers:
        if low.startswith(op, start) and (
            len(low) == start + len(op) or not low[start + len(op)].isalnum()
        ):
            opener = op
            start += len(op)
            break
    if (
        opener is not None
        and denies_need(toks, lex.commitment)
        and find_commitment(toks, lex.commitment) is None
    ):
        return None  # "We should never need a second person to …": how things should work
    if proposal and has_counterfactual(toks):
        return None  # "we should have paged sooner": about the past (the blame rules' case)
    if opener is not None and is_praise(toks, lex.commitment):
        return None  # "we should be proud of the restore": praise, no wish for a change
    if proposal and _benefit(toks):
        return None  # "It will be easier to roll back": what a change brings, not a task
    if lex.discourse_opener(low, start):
        return None  # "More specifically, …": framing, not a proposal
    verb = labelled or _main_verb(toks, start, lex, trust_first=not proposal)
    if _announces(toks, verb, lex):
        return None  # "One more note on this.", "We want to be clear about one thing."
    first = next((t for t in toks if t.idx >= start and t.is_alpha), None)
    if prose and first is not None and _gerund_subject(first, lex):
        return None  # "Checking the totals matters, but …": what an activity is worth
    opening = next((t for t in toks if t.is_alpha), None)  # before any opener
    if not (proposal or tracked) and opening is not None and _hedged_item(opening, toks, lex):
        # "maybe a staging test for the rotation", "perhaps add a second proxy"
        return Verdict(specs.vague_action.code, "vague-hedge", opening.text, Severity.WARNING)
    if lex.may_prevent(text):  # "Prevent this from happening again": no means named
        unmeasured = _prevention_without_means(
            toks, text, lex, verb, prose=proposal, anywhere=anywhere
        )
        if unmeasured is not None:
            severity = Severity.INFO if proposal else Severity.WARNING
            return Verdict(specs.vague_action.code, "vague-prevention", unmeasured, severity)
    commit = None
    if anywhere or (
        (opener is None or opener not in lex.vague_openers)
        and not (verb is not None and first is not None and verb.i == first.i)
    ):
        commit = find_commitment(toks, lex.commitment)
        if commit is not None and not proposal and not commit.main:
            commit = None  # an item's modal inside a condition or a relative clause
    passive = commit or find_commitment(toks, lex.commitment)
    if (
        passive is not None
        and passive.main
        and _people_passive(passive.verb, lex)
        and not _automated(passive.verb, lex)
        # in narrative prose only a behaviour asked of them ("be reminded to …"), not news
        # given to them ("users will be told about the credit")
        and (not anywhere or any(c.dep_ == "xcomp" for c in passive.verb.children))
    ):
        # "Staff should be reminded to …": people-fixing, whoever is to remind them
        return Verdict(
            specs.people_fixing.code, "people-fixing", f"{passive.verb.text} …", Severity.WARNING
        )
    duty = None if anywhere else _people_duty(toks, start, lex)
    if duty is not None:  # "Line cooks on the late shift are to be reminded of …"
        return Verdict(specs.people_fixing.code, "people-fixing", duty, Severity.WARNING)
    habit = _habit_demand(toks, lex)
    if habit is not None:  # "the billing team needs to start testing their changes"
        return Verdict(specs.people_fixing.code, "people-fixing", habit, Severity.WARNING)
    care = None if prose else lex.care_demand(text)
    if care is not None:  # "Make sure Ines rereads the failover guide"
        return Verdict(specs.people_fixing.code, "people-fixing", care, Severity.WARNING)
    talk = None if prose else _talk_with_person(text, start, lex)
    if talk is not None:  # "Have a word with Dmitri", "Talk to Marco"
        return Verdict(specs.people_fixing.code, "people-fixing", talk, Severity.WARNING)
    if (anywhere or writers_only) and lex.hands_to_item(raw):
        # "we will also audit the spare relays as part of A2", among lessons or narrative:
        # that item's work (in a follow-up section the sentence is itself an item, judged)
        return None
    if proposal and not narrative and (commit is None or not commit.main) and opener is None:
        undecided = _deliberation(toks, lex)
        if undecided is not None:  # "we discussed wrapper scripts …": an idea, no decision
            return Verdict(specs.vague_action.code, "vague-verb", undecided, Severity.WARNING)
    ongoing = _ongoing(toks, text, lex, prose=anywhere) if commit is None else None
    if ongoing is not None:  # "we are looking into ways to reduce retries"
        return Verdict(specs.vague_action.code, "vague-verb", ongoing, Severity.WARNING)
    if anywhere:
        if commit is None or not _accepted(commit, True, lex, anywhere=True):
            return None  # outside follow-up sections only the writers' commitment counts
        if firm_only and not _firm(commit, lex):
            return None  # "we would need a second operator": an answer explains
        if _answers_reader(commit.verb, lex) or _weighs_readers_case(commit.verb, text, lex):
            return None  # "we aim to reply inside three business days": a service, no work
        if text.rstrip().endswith("?"):
            return None  # "Do I need to restart anything?" in a FAQ: a reader's question
            # (a question is an open item only where follow-up work is listed)
    elif proposal and opener is None:
        leading_modifier = (
            first is not None
            and not _told_of_subject(first)  # "Some people have said …": a statement
            and (
                first.lower_ in lex.modifiers | {"better"}
                or first.tag_ in ("JJR", "RBR")
                or _wished_way(toks, lex) is not None
            )
        )
        imperative = (
            verb is not None
            and first is not None
            and verb.i == first.i
            and first.tag_ not in ("VBD", "VBN", "VBZ")
        ) or _PROHIBITION.match(text, start) is not None
        if commit is not None and not _accepted(commit, writers_only, lex):
            commit = None
        if leading_modifier and _lead_in(toks, lex):
            return None  # "Some areas we could do better.": announces what follows
        asks = _asks(text) and not _asked_of_the_past(toks)
        if commit is None and (
            _past_root(toks)
            or not (leading_modifier or imperative or asks or _has_future(low, lex))
            # "Dashboards fed from a stale table will agree with it": a lesson told as a
            # fact about things, no one's plan
            or (
                writers_only
                and not (leading_modifier or imperative or asks)
                and _foretells(toks, low, lex)
            )
        ):
            return None
    if commit is not None and _for_the_record(commit.verb, lex):
        # "I want it noted that we should rethink …": the plan put on the record is judged
        commit = _recorded_plan(toks, commit.verb, lex)
        if commit is None:
            return None  # "I want this on the record"
    if commit is not None and (
        (
            _tells_reader(commit.verb, commit.modal, lex)
            or _guides_reader(commit.verb, lex)
            or _talks_about(commit.verb, commit.modal, lex)
        )
        and (anywhere or _frames_incident(toks, lex))
    ):
        return None  # "we would like to give you more detail …", "I want to talk about …"
    if (
        commit is not None
        and commit.subject in ("writers", "none")
        and _orders_account(commit.verb, lex, alone=anywhere and _one_writer(commit.verb))
    ):
        return None  # "I want to start with the apology": the order of the telling
    if commit is not None and _courtesy(
        commit.verb, commit.modal, lex, item=not (proposal or anywhere)
    ):
        framed, commit = commit.verb, None  # "we want to thank …", "we would like to inform …"
        if anywhere or (proposal and passive is not None and passive.verb.lemma_ in _CANDOUR):
            return None  # prose that frames the account ("and we want to be candid about
            # each") is no item, even in a follow-up section; "we want to share a better
            # explanation on the wiki" there is still read for what it shares
        if _placeholder_stance(framed, lex):
            return None  # "we want to be clear about one thing", written as an item
    if commit is not None and _document_purpose(commit.verb, lex):
        return None  # "we want this write-up to be useful to other teams": its own aim
    if commit is not None and anywhere and _review_focus(commit.verb, lex):
        return None  # "we will study which guard was missing rather than who was on shift"
    if commit is not None and prose and _gives_credit(commit.verb, commit.modal, lex):
        return None  # "I want to recognise the night crew, who …": credit, no work
    if commit is not None:
        if commit.end_state:
            return None  # "there will be no more manual restarts"
        verb, opener, start = commit.verb, commit.opener, max(start, commit.start)
        if commit.hedge is not None:
            quoted = commit.quoted or commit.hedge
            return Verdict(specs.vague_action.code, "vague-hedge", quoted, Severity.WARNING)
    if verb is not None and _modelling(toks, verb, lex):
        return None  # "Consider a hypothetical attacker who …"
    if (
        proposal
        and verb is not None
        and _keeps_practice(verb, text, toks[0].idx, lex)
        and not _softened(toks, passive, lex)
    ):
        return None  # "we should keep using canary deploys for every ledger release"
    forms = word_forms(verb) if verb is not None else set()
    # PM306: a people-verb whose object is people ("train engineers", "remind the team").
    if (
        forms & lex.people_verbs
        and verb is not None
        and not _news_to_writers(verb, lex)
        and not _automated(verb, lex)
        and not _asks_a_change(verb, lex)
    ):
        # the people after the verb (up to a bracket or colon: "(owner: @ana)" is a field,
        # not whom the verb is aimed at), or its passive subject ("staff be reminded of …")
        # and never past an infinitive's "to": "Ask the vendor to send us the change list"
        # asks the vendor, whatever the errand names
        aimed = list(
            itertools.takewhile(
                lambda o: o.text not in _FIELD_OPENERS and o.tag_ != "TO",
                toks[verb.i + 1 : verb.i + 7],
            )
        )
        objs = [*aimed, *(c for c in verb.children if c.dep_ == "nsubjpass")]
        stop = aimed[-1].idx + len(aimed[-1].text) if aimed else verb.idx + len(verb.text)
        after = _WORDS_HYPHEN.findall(
            text[verb.idx - toks[0].idx + len(verb.text) : stop - toks[0].idx].lower()
        )
        if (
            any(
                o.lower_ in lex.people_nouns
                or o.lemma_.lower() in lex.people_nouns
                # "Remind Dmitri to run the suite", "Coach Aoife on the rollback"
                or (
                    forms & lex.role_verbs
                    and o.pos_ == "PROPN"
                    and is_given_name(o.text, lex.given_names)
                )
                for o in objs
                if o.pos_ in ("NOUN", "PROPN", "PRON")
            )
            or any(w in lex.people_nouns and "-" in w for w in after[:4])
            or (
                forms & lex.role_verbs
                and _role_object(objs, lex, by_suffix=bool(forms & lex.people_only_verbs))
            )
        ):
            return Verdict(
                specs.people_fixing.code, "people-fixing", f"{verb.text} …", Severity.WARNING
            )
    taught = _people_object(verb, lex) if verb is not None else None
    if taught is not None:  # "Improve security awareness training", "Run refresher sessions"
        return Verdict(specs.people_fixing.code, "people-fixing", taught, Severity.WARNING)
    if not proposal and (not (forms & lex.all_verbs) or (verb is not None and verb.dep_ == "amod")):
        # "Security awareness training for developers"; "Better training for …", where the
        # vague word is an adjective of the nominal, not a verb (PM301 is kept beside it)
        nominal = _people_nominal(toks, lex)
        if nominal is not None:
            return Verdict(specs.people_fixing.code, "people-fixing", nominal, Severity.WARNING)
    if text.rstrip().endswith("?"):
        return Verdict(specs.vague_action.code, "vague-question", "?", Severity.WARNING)
    threshold = has_threshold(toks, lex)
    ident = has_identifier(raw)
    base = toks[0].idx
    strong: str | None = None
    verbs = [verb] if verb is not None else []
    if verb is not None:
        verbs += [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and not _reported_clause(c)
            and not _adopts_change(verb, c, lex)
        ]
    if commit is not None:  # "we pledge to use this to strengthen …": what it is for
        verbs += [  # and the verbs it passes through: "we will continue to look …"
            a for a in commit.verb.ancestors if a.pos_ == "VERB" and a.idx - base >= commit.start
        ]
        verbs += [
            t
            for t in commit.verb.subtree
            if t.i > commit.verb.i
            and t.dep_ in ("xcomp", "advcl", "acl")
            and t.pos_ == "VERB"
            and not _as_reference(t)
        ]
    for v in verbs:
        if _completed_passive(v):
            continue  # "Incident has been dealt with": a state reached, not an activity
        vf = word_forms(v)
        strong = _phrase_at(text[v.idx - base :], lex.vague_phrases, vf)
        if (
            strong is None
            and vf & lex.vague_verbs
            and not _agrees_document(v, lex)
            and not _points_at_items(v, lex)
        ):
            strong = _as_written(v)
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
                for t in toks
                if t.idx >= base + start and t.pos_ == "NOUN" and t.lower_ in lex.vague_nouns
            ),
            None,
        )
    if strong is not None:
        if threshold and (" " not in strong or strong in lex.target_bounded):
            return None  # "improve p99 latency to 200 ms"; never "look into the 502 errors"
        return Verdict(specs.vague_action.code, "vague-verb", strong, Severity.WARNING)
    if verb is not None:
        vtext = text[verb.idx - base :]
        state = _phrase_at(vtext, lex.state_verbs, forms)
        weak = state or _phrase_at(vtext, lex.weak_phrases, forms)
        if _declarative(verb, lex) or (commit is not None and commit.negated):
            weak = None  # "two paths ensure …", "upgrades will not start on Mondays"
        if weak is None and forms & lex.weak_verbs and not _declarative(verb, lex):
            weak = _as_written(verb)
        if (
            commit is not None
            and _a_things_duty(commit, lex)
            and any(c.dep_ == "ccomp" for c in verb.children)
        ):
            weak = None  # "the smoke test should verify that the page renders": a check
            # a thing must run, with the condition it checks
        if weak is not None and proposal and _follows_the_list(verb, lex):
            weak = None  # "I will review them weekly until they close": the list, followed
        if weak is None and forms & lex.light_verbs:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in lex.weak_nouns:
                weak = f"{verb.text} … {obj.text}"  # "Perform an audit"
        if weak is not None:
            bounded = (
                threshold
                or (state is not None and _CODE.search(raw) is not None)
                or any(
                    t.lemma_.lower() in lex.bounding
                    and (t.lower_ != "by" or _date_follows(sent, t))
                    and not _names_the_object(t, toks)
                    for t in toks
                )
                or (
                    not verb.lower_.endswith("ing")
                    and any(word_forms(c) & lex.concrete for c in _conjuncts(verb))
                )
                or _second_task(verb, toks, lex)
                or _bounded_sweep(verb, lex)
                or _gated_check(verb, lex)
                or stepped  # "Review the default with Finance; document the decision"
                or (
                    state is not None
                    and any(
                        t.pos_ == "VERB"
                        # "make sure it is documented": a state, unless it states how
                        and (
                            t.tag_ != "VBN"
                            or any(c.dep_ in ("xcomp", "advcl", "prep") for c in t.children)
                        )
                        and word_forms(t) & lex.concrete
                        and t.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl")
                        and not any(a.lemma_ == "know" for a in t.ancestors)
                        for t in verb.subtree
                        if t.i > verb.i
                    )
                )
            )
            if not bounded and not (done and _whole_scope(verb, lex)):
                return Verdict(specs.vague_action.code, "vague-weak", weak, Severity.WARNING)
    expr = lex.vague_expression(text[start:])
    if expr is not None:
        return Verdict(specs.vague_action.code, "vague-modifier", expr.group(0), Severity.WARNING)
    record = not proposal and _is_record(toks, text, start, lex)
    mod = _vague_modifier(
        toks,
        text,
        start,
        lex,
        allow_quality=ident or record or _names_deliverable(sent, verb, lex),
        allow_comparative=record,
        skip=verb,
    )
    if mod is None:
        # "Increased vigilance during releases": a way of working with a direction tells,
        # as a vague verb does, nothing that was or will be changed, even read as done
        mod = _wished_way(toks, lex)
    if mod is not None and not threshold:
        return Verdict(specs.vague_action.code, "vague-modifier", mod, Severity.WARNING)
    repair = lex.bare_repair(text[start:])
    if repair is not None and not threshold:  # "Fix monitoring.": which part, to do what?
        return Verdict(
            specs.vague_action.code,
            "vague-verb",
            " ".join(repair["what"].split()),
            Severity.WARNING,
        )
    abstract = _abstract_object(toks, verb, lex)
    if abstract is not None and not (threshold or _names_deliverable(sent, verb, lex)):
        return Verdict(specs.vague_action.code, "vague-abstract", abstract, Severity.INFO)
    # a ticket, an owner or a date makes a "we should …" a commitment someone has taken on
    named = (
        threshold
        or ident
        or _LINK.search(raw) is not None
        or lex.tracked(raw)
        or lex.refers_to_items(raw)  # "we will track that as part of item 1"
        or tracked  # its row or its text names an owner, a ticket or a due date
    )
    if (
        opener is not None
        and opener in lex.vague_openers
        and not named
        # "we should add an alert for queue depth": a wish that names its change, unless
        # softened ("we should possibly move …", "…, maybe a shared terminal")
        and not (_specific_change(verb, lex) and not _softened(toks, passive, lex))
    ):
        return Verdict(
            specs.vague_action.code, "vague-commitment", _as_opened(text, opener), Severity.INFO
        )
    if (
        commit is not None
        and not commit.future
        and not (named or _names_artifact(sent, commit.verb, lex))
        and not (
            commit.subject in ("writers", "other")
            and _specific_change(commit.verb, lex)
            and not _softened(toks, commit, lex)
        )
        and not _a_things_duty(commit, lex)
    ):
        return Verdict(
            specs.vague_action.code,
            "vague-commitment",
            _commitment_as_written(text, commit),
            Severity.INFO,
        )
    if verb is None and not (
        proposal
        or listed
        or done
        or stepped
        or threshold
        or ident
        or _LINK.search(raw)
        or _a_ban(toks, lex)
    ):
        lead_word = _LEAD_WORD.match(text, start)
        if lead_word is not None and lead_word.group(1).lower().endswith("ed"):
            return None  # "Restarted the relays", "Re-enabled …": a record of work done
        root = next((t for t in toks if t.dep_ == "ROOT"), None)
        heads = {t.lemma_.lower() for t in toks if t.pos_ in ("NOUN", "PROPN")}
        if (
            root is not None
            and root.pos_ in ("NOUN", "PROPN", "ADJ")
            and not (heads & lex.artifacts)
            and not _finite_clause(root)
            and not (tracked and _states_its_trigger(root))
        ):
            return Verdict(specs.vague_action.code, "vague-noun-phrase", root.text, Severity.INFO)
    return None


#: the clauses hung on a noun-phrase item's head that may tell when or how it acts
_TRIGGER_CLAUSES = frozenset({"acl", "advcl", "relcl"})


def _states_its_trigger(root: Token) -> bool:
    """Does a noun-phrase item's head carry a clause telling when the thing acts or what
    it does, with the clause's own subject or object ("Hourly alert when a store's stock
    count drops below its reorder level", "Nightly comparison of shelf counts with the
    supplier feed, paging on any gap")? Such an item names a checkable end state, and with
    an owner, a ticket or a due date beside it someone has taken it on: "has no verb" is
    only a matter of style there (the caller asks for a tracked item). A purpose told
    with "to" ("Load testing to catch regressions") names an aim, not a trigger; a bare
    noun phrase ("Ledger metrics and alerts") names neither, and both keep the note."""
    for c in root.children:
        if c.dep_ not in _TRIGGER_CLAUSES or c.pos_ not in ("VERB", "AUX"):
            continue
        deps = {g.dep_ for g in c.children}
        if "aux" in deps and any(g.lower_ == "to" for g in c.children):
            continue  # "… to catch regressions": an aim
        if c.tag_ in ("VBZ", "VBP", "VBD") and deps & {"nsubj", "nsubjpass"}:
            return True  # "… when a store's stock count drops below …"
        if c.tag_ == "VBG" and deps & {"dobj", "prep"}:
            return True  # "…, paging on any gap"
    return False


def _a_ban(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the item a ban told without a verb ("No more Friday deploys", ``ban-words``)?
    It says what will stop, a policy one can check: not a verbless wish. "No more than
    three retries" is a bound; "no more outages" (the banned noun an outcome:
    ``recurrence-events``, ``incident-nouns``, ``ban-outcomes``) is a wish, not a ban."""
    return any(banned(t, lex) for t in toks)


def banned(more: Token, lex: Lexicon) -> bool:
    """Is ``more`` the "more" of a ban ("no more hand edits to the zone file")? See
    :func:`_a_ban`."""
    doc, i = more.doc, more.i
    if more.lower_ != "more" or i == 0 or doc[i - 1].lower_ not in lex.ban_words:
        return False
    after = doc[i + 1 : i + 5]
    if after and after[0].lower_ == "than":
        return False
    noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN")), None)
    return noun is not None and not (
        {noun.lower_, noun.lemma_.lower()} & (lex.recurrence_events | lex.ban_outcomes)
        or noun.lower_ in lex.incident_nouns
    )


def _follows_the_list(verb: Token, lex: Lexicon) -> bool:
    """In prose, an open-ended verb whose object is the listed work itself ("review them
    weekly", "check these items at each stand-up", ``listed-work-objects``): the writers
    say how the list will be followed, which is no item of it; so does a dated review of
    the list ("review all of our follow-ups on 20 May", :meth:`Lexicon.reviews_the_list`)."""
    return any(
        c.dep_ == "dobj"
        and (
            c.lower_ in lex.list_objects
            or c.lemma_.lower() in lex.list_objects
            or lex.reviews_the_list(_phrase_of(c), verb.sent.text)
        )
        for c in verb.children
    )


def _finite_clause(root: Token) -> bool:
    """Is the root a clause's head with its subject and auxiliary, a verb the tagger
    took for an adjective or noun ("All line cards were reset between shifts": "reset"
    tagged JJ)? Or a root that takes a direct object after a clause mark, a committee's
    bare verb the tagger took for a noun ("That the Head of Operations route all alerts
    …": "route" tagged NN)? Then the item has a verb, and "has no verb" would be wrong."""
    deps = {c.dep_ for c in root.children}
    if "mark" in deps and "dobj" in deps:
        return True
    return bool(deps & {"auxpass", "aux"}) and bool(deps & {"nsubjpass", "nsubj"})


#: the dependencies a prevention is carried through, from its verb up to the main verb:
#: "to prevent …" (xcomp, advcl), "committed to preventing …" (pcomp, prep, acomp)
_CARRIERS = frozenset({"xcomp", "advcl", "acl", "prep", "pcomp", "acomp", "relcl"})
#: objects that stand for the incident itself: "prevent this from happening"
_INCIDENT_PRONOUNS = frozenset({"this", "it", "that", "them", "these", "those"})


#: verb tags that make the words before a colon a clause, not a label ("Maybe add alerts
#: for these queues: …"); a participle may stand in a label ("Hopefully done already: …")
_FINITE_OR_BASE = frozenset({"VB", "VBP", "VBZ", "VBD"})
#: what such a verb acts on or with: an object, a particle, a phrase ("add alerts",
#: "look into the spool"); a lone word mistagged as a verb ("Probably moot now:") has none
_VERB_ARGS = frozenset({"dobj", "prep", "prt", "dative", "xcomp"})


def _acts_on(tok: Token) -> bool:
    """Is ``tok`` a verb in a clause of its own, acting on something (:data:`_VERB_ARGS`)?"""
    return tok.tag_ in _FINITE_OR_BASE and any(c.dep_ in _VERB_ARGS for c in tok.children)


def _hedged_item(first: Token, toks: Sequence[Token], lex: Lexicon) -> bool:
    """An item that opens with a hedging adverb (``hedges``: "maybe", "perhaps",
    "possibly"): a thought about work, not a commitment to it, whatever follows. The
    adverb must hedge the item itself, modifying its verb or heading it ("Maybe a
    staging test for …", "Perhaps look into …"); not one hyphenated into a noun
    ("Possibly-broken replicas: rebuild …") nor one inside a lead label before a colon
    ("Likely the cheapest fix: cap …"). A tracked item (owner, ticket or date) is
    skipped by the caller: someone has taken it on."""
    if first.tag_ != "RB" or first.lower_ not in lex.commitment.hedges:
        return False
    after = first.i + 1
    if after < len(toks) and toks[after].text == "-" and not first.whitespace_:
        return False  # "Possibly-stale shards"
    colon = next((t.i for t in toks[after + 1 : after + 8] if t.text == ":"), None)
    if colon is not None and not any(_acts_on(t) for t in toks[after:colon]):
        return False  # "Hopefully done already: remove …": the adverb is in the label
    head = first.head
    return head.i == first.i or head.dep_ == "ROOT" or head.pos_ in ("VERB", "AUX")


def _prevention_without_means(
    toks: Sequence[Token],
    text: str,
    lex: Lexicon,
    verb: Token | None,
    *,
    prose: bool,
    anywhere: bool,
) -> str | None:
    """An item or sentence whose goal is only that the incident does not repeat, with no
    means: "Prevent the export job from failing like this in the future", "Stop this kind
    of mistake from happening again", "We have put measures in place to prevent this from
    happening again", "we now have protections in place against a repeat".

    The prevention (a ``prevention-verbs`` verb, or "against") is the main verb, or is
    carried to it (:data:`_CARRIERS`) by a ``safeguard-verbs`` verb whose object, if any,
    is an unnamed safeguard ("measures", "protections"); its goal points back at the
    incident (``recurrence-pointers``, or "this"/"it" as its object); and nothing names
    how: no ``prevention-means`` word ("by checking …", "with a lock file"), colon or
    parenthesis after it (``verb`` is the item's main verb, a prevention verb however it
    is tagged). In prose the writers must be the subject, or (in a section of
    proposals, not ``anywhere``) no one, as in an imperative. What is reported: the
    prevention word and the pointer ("prevent … again"), or None."""
    for p in toks:
        is_verb = bool(word_forms(p) & lex.prevention_verbs) and (
            p.pos_ in ("VERB", "AUX") or (verb is not None and p.i == verb.i)
        )  # the item's verb, however tagged: "Prevent `cog-publish` from …"
        if not (is_verb or (p.lower_ == "against" and p.dep_ == "prep")):
            continue
        # the item's own verb is its main verb, however the rest was parsed
        own = verb is not None and p.i == verb.i
        main = p if own else _carried_to_main(p, lex)
        if main is None or (prose and not _subject_ok(main, lex, anywhere=anywhere)):
            continue
        goal = [t for t in (toks[p.i + 1 :] if own else p.subtree) if t.i > p.i]
        pointer = _recurrence_pointer(p, goal, is_verb, lex)
        if pointer is None:
            continue
        after = text[p.idx - toks[0].idx :]
        if (
            any(t.lower_ in lex.prevention_means for t in toks if not t.is_space)
            or lex.names_means_phrase(text)
            or any(mark in after for mark in (":", "(", " - ", " – ", " — "))
        ):
            return None
        return f"{p.text} … {pointer}" if pointer else f"{p.text} …"
    return None


def _recurrence_pointer(p: Token, goal: Sequence[Token], is_verb: bool, lex: Lexicon) -> str | None:
    """How the goal of prevention ``p`` points back at the incident: a pointer phrase ("like
    this", "a repeat", "similar"), or a time ("again", "in the future") when what is
    prevented is the incident itself ("this", "it") or an event or incident noun
    (``recurrence-events``: "from failing in the future", "outages going forward"); an
    empty string for "prevent this" alone; None when the goal names something else
    ("avoid creating tokens in the future"). ``goal``: the words after ``p`` it governs."""
    said = " ".join(t.text for t in goal)
    m = lex.recurrence.search(said)
    if m is not None:
        return m.group(0)
    incident = is_verb and any(
        c.dep_ == "dobj" and c.lower_ in _INCIDENT_PRONOUNS for c in p.children
    )
    if not incident:
        incident = any(
            t.pos_ in ("VERB", "NOUN")
            and (t.lemma_.lower() in lex.recurrence_events or t.lower_ in lex.recurrence_events)
            for t in goal
            if p.i in (t.head.i, t.head.head.i)
        )
    if not incident:
        return None
    when = lex.time_pointers.search(said)
    return when.group(0) if when is not None else ""


def _carried_to_main(p: Token, lex: Lexicon) -> Token | None:
    """The main verb a prevention hangs on: itself (the sentence's root, or the action of
    a commitment: "we will prevent …"), or a safeguard verb it is carried to whose object,
    if any, names no mechanism ("put measures in place to prevent …"); else None."""
    node = p
    for _ in range(5):
        if node.dep_ == "ROOT" or (node.dep_ == "conj" and node.head.dep_ == "ROOT"):
            break  # the main verb, or one joined to it ("… is fixed and we have …")
        safeguard = node.dep_ == "dobj" and node.lower_ in lex.safeguard_nouns
        if node.dep_ not in _CARRIERS and not safeguard:
            return None  # "protections in place to prevent …": carried by the object
        node = node.head
    else:
        return None
    if node.i == p.i:
        return p
    carriers = [node, *(c for c in node.children if c.dep_ == "acomp")]
    if not any(word_forms(c) & lex.safeguard_verbs for c in carriers):
        return None
    for obj in (c for c in node.children if c.dep_ == "dobj"):
        if obj.lower_ not in lex.safeguard_nouns and obj.lemma_.lower() not in lex.safeguard_nouns:
            return None  # "we added a lock file to prevent …": the lock file is the means
        if any(
            c.dep_ in ("compound", "relcl", "acl", "appos") and not c.is_ancestor(p) and c.i != p.i
            for c in obj.children
        ):
            return None  # "rate-limit measures", "measures that block …": named
    return node


def _subject_ok(verb: Token, lex: Lexicon, *, anywhere: bool) -> bool:
    """The subject of a prose prevention's main verb: the writers ("we", "our team"), or,
    outside ``anywhere`` prose, none (an imperative: "Prevent … again")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return not anywhere
    return subj.lower_ in lex.commitment.writers


#: a short plain label opening an item ("Live-ops tool: ", "Billing API: "): up to four
#: words, then a colon and white space
_COMPONENT_LABEL = re.compile(r"[A-Za-z][\w'’&/.+-]*(?:[ \t][\w'’&/.()+-]+){0,3}?:[ \t]+")


def _after_component_label(
    toks: Sequence[Token], text: str, start: int, lex: Lexicon
) -> tuple[int, Token | None]:
    """Where the action starts when the item opens with a short component label and a
    verb ("Live-ops tool: block publish when …", "Billing API: reject duplicate
    refunds"): the verb after the label is the item's verb, as after a bold label. The
    word after the colon is a verb when the lexicon knows it or the tagger reads it as a
    base-form verb; before a noun phrase ("Billing API: duplicate refunds") the label
    stays part of a verbless item. The action's start and its verb, or ``start`` and
    None."""
    m = _COMPONENT_LABEL.match(text, start)
    if m is None:
        return start, None
    base = toks[0].idx
    nxt = next((t for t in toks if t.idx - base >= m.end() and not t.is_space), None)
    if nxt is None or nxt.idx - base != m.end() or not nxt.is_alpha or nxt.i + 1 >= len(toks):
        return start, None
    if nxt.tag_ == "VB" or (nxt.tag_ != "VBG" and word_forms(nxt) & lex.all_verbs):
        return m.end(), nxt
    return start, None


#: the dependents that make a noun name one thing rather than a kind of work: "an alert
#: on boot-failure rate", "the canary stage", "two replicas", "a check that fails …"
_SPECIFIERS = ("compound", "amod", "prep", "nummod", "acl", "relcl", "appos")


#: prepositions that name whom a training or a reminder is for ("for developers", "of the
#: support staff", "to engineers")
_TRAINEE_PREPS = frozenset({"for", "of", "to"})


#: a capitalised word (a given name is looked up), and what may follow a named person
_NAME = re.compile(r"[^\W\d_][\w'’-]*")
_SURNAME = re.compile(r"[ \t]+[A-Z][\w'’-]*")
_ABOUT_OWN = re.compile(r"(?i)\s*(?:[.;!]?\s*$|about\s+(?:his|her|their|them|him)\b)")


def _talk_with_person(text: str, start: int, lex: Lexicon) -> str | None:
    """The opener of an item that is a talk with a person (PM306): a talk that by its idiom
    concerns conduct (``conversation-openers``: "Have a word with Dmitri", "Have a quiet word
    with the night shift") with a person named by a given name or a people noun; or a plain
    verb of talking (``talk-openers``) with a given name and nothing else, or only the
    person's own doing ("Talk to Marco", "Speak with Aoife about her deploy"). The text
    quoted is the opener as written. "Talk to the vendor about the rate limit", "Have a chat
    with Stripe support" and "Talk to Priya about moving the cron job" are no such item."""
    for pattern, strict in ((lex.conversation_re, False), (lex.talk_re, True)):
        m = pattern.match(text, start) if pattern is not None else None
        if m is None:
            continue
        name = _NAME.match(text, m.end())
        if name is None:
            return None
        named = is_given_name(name.group(0), lex.given_names)
        if strict:
            sur = _SURNAME.match(text, name.end())
            rest = text[sur.end() if sur is not None else name.end() :]
            return text[start : m.end()].strip() if named and _ABOUT_OWN.match(rest) else None
        words = _WORDS_HYPHEN.findall(text[m.end() :].lower())[:3]
        if named or any(w in lex.people_nouns for w in words):
            return text[start : m.end()].strip()
        return None
    return None


def _people_nominal(toks: Sequence[Token], lex: Lexicon) -> str | None:
    """An item with no action verb that asks for training or reminders, written as a noun
    phrase ("Security awareness training for developers", "Refresher training for the
    on-call rota", "Phishing awareness sessions for the finance team"): the same ask as
    "train developers", so PM306, not a verbless item. Its head is a people nominal
    (``people-nominals``), or a format noun (``people-formats``) that one modifies; it is
    people-fixing when the item names people, or when it names no one it is for ("Security
    awareness training"). "Training of the fraud model" is for a thing; "Training data for
    the classifier" and "Reminder emails for …" are headed by another noun. The phrase as
    written ("Refresher training"), or None."""
    for t in toks:
        if t.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue
        low, lemma = t.lower_, t.lemma_.lower()
        head = t
        if low in lex.people_nominals or lemma in lex.people_nominals:
            if _product_feature(t, lex):
                continue  # "Turn off automatic reminders": the system's, no one's behaviour
            if t.dep_ in ("compound", "amod") and t.head.pos_ in ("NOUN", "PROPN"):
                if t.head.lower_ not in lex.people_formats:
                    continue  # "Training data", "Reminder emails", "retraining time"
                head = t.head
        elif not (
            (low in lex.people_formats or lemma in lex.people_formats)
            and any(
                c.dep_ in ("compound", "amod") and c.lower_ in lex.people_nominals
                for c in t.children
            )
        ):
            continue
        if any(x.lower_ in lex.people_nouns or x.lemma_.lower() in lex.people_nouns for x in toks):
            return _phrase_up_to(head)
        if _trains_a_thing(head, t, lex):
            return None
        trainees = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in _TRAINEE_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return None if trainees else _phrase_up_to(head)
    return None


def _product_feature(nominal: Token, lex: Lexicon) -> bool:
    """Is a people nominal ("reminders") a feature of the product, sent by a system: one
    a ``feature-modifiers`` word modifies ("automatic reminders", "SMS reminders"), or the
    subject or object of a ``feature-switches`` verb ("Disable reminders over the clock
    change", "page the rota lead if the reminders get switched off")? A reminder a system sends
    is a system change, as "Remind on-call automatically" is (:func:`_automated`)."""
    mods = [c for x in (nominal, nominal.head) for c in x.children if c.dep_ in _MODIFIERS]
    if any(m.lower_ in lex.feature_modifiers for m in mods if m is not nominal):
        return True
    verb = nominal.head
    if nominal.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    parts = [p.lower_ for p in verb.children if p.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    return lemma in lex.feature_switches or any(
        f"{lemma} {p}" in lex.feature_switches for p in parts
    )


_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def _trains_a_thing(head: Token, nominal: Token, lex: Lexicon) -> bool:
    """Is the nominal, in an item that names no people, the training of a thing: modified
    by a ``model-words`` word ("model training", "ranking retraining"), or a bare
    ``unaddressed-nominals`` noun that no modifier ties to people ("Extend training to
    cover holiday traffic")?"""
    mods = [
        c
        for x in {head, nominal}
        for c in x.children
        if c.dep_ in ("compound", "amod", "nmod") and c is not nominal
    ]
    if any(m.lower_ in lex.model_words or m.lemma_.lower() in lex.model_words for m in mods):
        return True
    return head is nominal and head.lemma_.lower() in lex.unaddressed_nominals and not mods


def _people_object(verb: Token, lex: Lexicon) -> str | None:
    """The verb's object is training or reminders for people (:func:`_people_nominal` read
    over the object's words): "Improve security awareness training", "Add refresher
    training for operators", "Schedule phishing awareness sessions for the finance team"
    ask people to behave differently whatever the verb. "Improve the model training
    pipeline", "Update the training data" (headed by another noun), "Improve training
    of the ranking model" and "Add reminders to the rollback runbook" (for a thing, or put
    in one) are not. "Review staff awareness of …" read as one noun phrase is the verb and
    its object."""
    heads = [verb]  # "Improve phishing awareness training": the parser may take the
    # modifier right after the verb for a verb of its own, with the object its object
    heads += [
        c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1
    ]
    obj = next((c for h in heads for c in h.children if c.dep_ == "dobj"), None)
    # "Review staff awareness of …", "Raise staff awareness …": the parser may read the
    # imperative as a modifier of its object, the whole item as one noun phrase
    misread = obj is None and verb.dep_ in ("compound", "amod") and verb.head.i > verb.i
    if misread:
        obj = verb.head  # up to the head of the noun phrase: "Review | staff | awareness"
        while obj.dep_ in ("compound", "amod") and obj.head.i > obj.i:
            obj = obj.head
    if obj is None or not (
        obj.lower_ in lex.people_nominals
        or obj.lemma_.lower() in lex.people_nominals
        or obj.lower_ in lex.people_formats
        or obj.lemma_.lower() in lex.people_formats
    ):
        return None
    words = list(obj.subtree)
    for c in verb.children:  # "Add refresher sessions | for the night shift"
        if c.dep_ == "prep" and c.lower_ in _TRAINEE_PREPS:
            if not any(_is_people(g, lex) for g in c.children if g.dep_ == "pobj"):
                return None  # "Add reminders to the rollback runbook"
            words += c.subtree
    found = _people_nominal([w for w in words if w.i != verb.i], lex)
    if found is not None and misread and found.startswith(verb.text):
        return found[len(verb.text) :].lstrip()  # the phrase without the verb
    return found


def _is_people(t: Token, lex: Lexicon) -> bool:
    """People by a people noun ("staff", "operators") or a role ("the shift leads")."""
    return (
        t.lower_ in lex.people_nouns
        or t.lemma_.lower() in lex.people_nouns
        or _role_noun(t, lex, by_suffix=True)
    )


def _habit_demand(toks: Sequence[Token], lex: Lexicon) -> str | None:
    """ "The billing team needs to start testing their changes", "engineers should stop
    pushing on Fridays": the sentence demands that other people start, stop or keep up an
    activity (``habit-verbs`` with an "-ing" verb after it), in its main clause, as a wish
    ("should", "must", "need(s) to", "has to"), not a plan ("will") or the past ("needed
    to"). That asks people to behave differently, wherever it is written; the writers' own
    "we need to start …" and a thing's "the scheduler should stop evicting pods" are not
    such demands (:func:`_demanded_of`). Returns the habit as written ("start testing")."""
    for t in toks:
        if t.pos_ != "VERB":
            continue
        if t.lemma_.lower() not in lex.habit_verbs:
            practice = _practice(t, lex)
            if practice is not None and (demand := _demand(t, lex)) is not None:
                subj = subject_of(demand)
                at_large = _people_at_large(subj, lex)  # "everyone" too, a pronoun
                if (at_large or _demanded_of(subj, lex)) and (practice[1] or at_large):
                    return practice[0]
            continue
        gerund = _next_word(toks, t)
        if gerund is None or gerund.tag_ != "VBG":
            continue  # the activity right after the verb (an adverb between allowed)
        demand = _demand(t, lex)
        if demand is not None and _demanded_of(subject_of(demand), lex):
            return f"{t.text} {gerund.text}"
    return None


def _demand(t: Token, lex: Lexicon) -> Token | None:
    """The word that demands verb ``t`` in the sentence's main clause, as a wish
    ("should", "must": ``t`` itself; "need(s) to", "has to": the "need"/"have"), not a plan
    or the past ("needed to"); None otherwise."""
    demand: Token | None = None
    if any(c.dep_ == "aux" and c.lower_ in lex.vague_modals for c in t.children):
        demand = t  # "engineers should stop pushing …"
    elif (
        t.dep_ == "xcomp"
        and t.head.lemma_.lower() in ("need", "have")
        and t.head.tag_ not in ("VBD", "VBN")
    ):
        demand = t.head  # "the team needs to start testing …", "has to keep checking"
    if demand is None or not (
        demand.dep_ == "ROOT" or (demand.dep_ in ("conj", "ccomp") and demand.head.dep_ == "ROOT")
    ):
        return None
    if any(c.dep_ == "neg" for c in demand.children) and (
        demand is not t or any(c.dep_ == "auxpass" for c in t.children)
    ):
        return None  # "crews shouldn't have to be retrained whenever …": a stance, no demand
    return demand


def _practice(verb: Token, lex: Lexicon) -> tuple[str, bool] | None:
    """Verb ``verb`` told as a practice to keep: with an adverb of habit (``habit-adverbs``:
    "actually read", "always check"; returned as written with True) or a routine time clause
    after it (``routine-conjunctions`` with an "-ing" verb or a clause: "read … before
    merging", "rerun … whenever they rebase"; returned with False: only people at large are
    asked a routine); None otherwise."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in lex.habit_adverbs and c.i < verb.i:
            return f"{c.text} {verb.text}", True
    # the clause may hang on "need"/"have" ("needs to rerun … whenever they rebase")
    heads = (verb, verb.head) if verb.dep_ == "xcomp" else (verb,)
    for c in (c for h in heads for c in h.children):
        if c.i < verb.i:
            continue
        if (
            c.dep_ == "prep"
            and c.lower_ in lex.routine_conjunctions
            and any(g.tag_ == "VBG" for g in c.children)
        ):
            return verb.text, False  # "before merging"
        if c.dep_ == "advcl" and c.tag_ in ("VBP", "VBZ", "VBG"):
            mark = " ".join(
                m.lower_ for m in c.children if m.dep_ in ("mark", "advmod") and m.i < c.i
            )
            if mark in lex.routine_conjunctions:  # "whenever they rebase", "every time …"
                return verb.text, False
    return None


def _people_at_large(subj: Token | None, lex: Lexicon) -> bool:
    """``subj`` is people in general ("people", "engineers", "everyone"): a people noun (or
    pronoun) with no name or possessive before it (not "the billing team", "Platform
    engineers", "our reviewers"); not the writers ("we", "us")."""
    if subj is None:
        return False
    if not (subj.lemma_.lower() in lex.people_nouns or subj.lower_ in lex.people_nouns):
        return False
    if subj.lower_ in lex.commitment.writers or subj.lemma_.lower() in lex.commitment.writers:
        return False
    return not any(c.dep_ in ("compound", "poss", "nmod") for c in subj.children)


def _next_word(toks: Sequence[Token], t: Token) -> Token | None:
    """The word after ``t``, over white space and one adverb ("stop quietly pushing"): read
    by position, since the small model often attaches the "-ing" verb after "begin" or
    "quit" to the noun that follows ("begin escalating card declines")."""
    rest = [x for x in toks[t.i - toks[0].i + 1 :] if not x.is_space][:2]
    if rest and rest[0].tag_ == "RB" and len(rest) > 1:
        return rest[1]
    return rest[0] if rest else None


def _news_to_writers(verb: Token, lex: Lexicon) -> bool:
    """Is a people-verb ("warn", "tell", "ask") said by someone other than the writers in a
    way that asks no one to behave differently: a thing's duty ("the scheduler must warn us
    when …", "the bot should remind the rota": the system is asked, see
    :func:`_thing_does`) or a past report by others ("many of you told us that …", "the
    vendor warned the team last spring")? A subject that is the writers ("we told staff
    to …") and an imperative (no subject) stay as they are."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in lex.commitment.writers:
        return False
    return _thing_does(verb, lex) or (verb.tag_ == "VBD" and not _demanded_of(subj, lex))


def _demanded_of(subj: Token | None, lex: Lexicon) -> bool:
    """Is ``subj`` other people the writers make a demand of: people (``people-nouns``),
    a named team ("the billing team", "Platform team": a team noun with a name, not "the
    team" or "our team", who are the writers), or a person by given name; not the writers
    ("we", "I"), a pronoun, the people the service serves (``served-people``) or a thing."""
    if subj is None or subj.pos_ == "PRON":
        return False
    low = subj.lemma_.lower()
    if low in lex.served_people or subj.lower_ in lex.served_people:
        return False
    writers = lex.commitment.writers
    if low in writers or subj.lower_ in writers:  # "team": whose team?
        return any(
            c.dep_ in ("compound", "amod", "nmod") or (c.dep_ == "poss" and c.lower_ not in writers)
            for c in subj.children
        )
    if low in lex.people_nouns or subj.lower_ in lex.people_nouns:
        return True
    return subj.pos_ == "PROPN" and is_given_name(subj.text, lex.given_names)


def _phrase_up_to(head: Token) -> str:
    """The text from the head's leftmost modifier to the head itself, as written."""
    first = min((c for c in head.subtree if c.i <= head.i), key=lambda c: c.i)
    return head.doc.text[first.idx : head.idx + len(head.text)]


def _people_passive(verb: Token, lex: Lexicon) -> bool:
    """A people-verb in the passive whose subject is people: "staff should be reminded to
    follow the runbook", "the night shift must be retrained", "dispatch leads must be
    reminded to …" (a role, with a role verb: :func:`_role_noun`). The people are to
    behave differently, which no system change makes so."""
    forms = word_forms(verb)
    if not forms & lex.people_verbs:
        return False
    for c in verb.children:
        if c.dep_ != "nsubjpass":
            continue
        if c.lower_ in lex.people_nouns or c.lemma_.lower() in lex.people_nouns:
            return True
        if forms & lex.role_verbs and _role_noun(
            c, lex, by_suffix=bool(forms & lex.people_only_verbs)
        ):
            return True
    return False


_DUTY_NEGATIONS = frozenset({"not", "n't", "never"})


def _people_duty(toks: Sequence[Token], start: int, lex: Lexicon) -> str | None:
    """A duty laid on people in the passive, read from the words rather than the parse
    (``people-duty-links``): "The pickers on the late rota should be retrained on …",
    "Line cooks are to be reminded …", "Payroll clerks need to be made aware of …". The
    small model hangs a long subject anywhere ("handling" as a verb of "Ground handling
    agents"; "are" as the root, "reminded" its complement), so :func:`_people_passive`
    finds no passive subject there. The participle (or phrase) after "be" is the task;
    the first run of nouns of the words before the link is whom it is laid on. Returns
    the task as the message quotes it, or None."""
    words = [t for t in toks if t.idx >= start and not t.is_space]
    for i, t in enumerate(words):
        if t.lower_ != "be" or i < 2:
            continue
        link = _duty_link(words, i, lex)
        if link is None:
            return None  # the first "be" decides: "… is to be reviewed so that staff be …"
        task, only_people = _duty_task(words, i + 1, lex)
        if task is None or not _self_done(words[i + 1 :], lex):
            return None
        head = _subject_head(words[:link])
        if head is None or head.lemma_.lower() in lex.served_people:
            return None  # "Passengers are to be made aware of …": a notice to those served
        if (
            head.lower_ in lex.people_nouns
            or head.lemma_.lower() in lex.people_nouns
            or _role_noun(head, lex, by_suffix=only_people)
            or _named_role(head, lex)  # "The night porter has to be reminded …"
        ):
            return f"{task} …"
        return None
    return None


def _duty_link(words: Sequence[Token], be: int, lex: Lexicon) -> int | None:
    """Where the words linking a subject to "be" as a duty start ("should", "are to",
    "need to"; "to" alone after a noun: "Staff to be retrained"), or None: no such link,
    or a negated one ("should not need to be reminded")."""
    for link in sorted(lex.duty_links, key=len, reverse=True):
        at = be - len(link)
        if at < 1 or tuple(w.lower_ for w in words[at:be]) != link:
            continue
        before = words[at - 1]
        if before.lower_ in _DUTY_NEGATIONS or before.tag_ == "MD":
            return None  # "should not be", "would need to be": no duty
        if link == ("to",) and before.pos_ not in ("NOUN", "PROPN"):
            return None  # "… staff is expected to be briefed", "have yet to be …"
        return at
    return None


def _duty_task(words: Sequence[Token], at: int, lex: Lexicon) -> tuple[str | None, bool]:
    """The task after "be" (adverbs in -ly skipped): a role verb's participle
    ("retrained", "re-briefed") or a phrase of ``people-duty-phrases`` ("made aware"),
    with whether only people take it (a model is retrained too, never reminded)."""
    while at < len(words) and words[at].tag_ == "RB" and words[at].lower_.endswith("ly"):
        at += 1
    rest = tuple(w.lower_ for w in words[at : at + 3])
    for phrase in lex.duty_phrases:
        if rest[: len(phrase)] == phrase:
            return " ".join(w.text for w in words[at : at + len(phrase)]), True
    if at + 2 < len(words) and words[at + 1].text == "-" and _prefix_of(words[at + 2]):
        at += 2  # "re-trained": the tokenizer split the prefix off
    if at >= len(words) or not words[at].lower_.endswith(("ed", "ght")):
        return None, False
    forms = word_forms(words[at]) & lex.role_verbs
    if not forms:
        return None, False
    return _as_written(words[at]), bool(forms & lex.people_only_verbs)


def _self_done(after: Sequence[Token], lex: Lexicon) -> bool:
    """Is the duty left to people, not done for them by a thing: no agent or means after
    "by" that is no person ("reminded by the billing system", "by email"), and no word of
    ``people-duty-automation`` ("reminded automatically")?"""
    for i, w in enumerate(after):
        if w.lower_ in lex.duty_automation:
            return False
        if w.lower_ == "by":
            head = _subject_head(after[i + 1 :])
            if head is None or not _is_people(head, lex):
                return False
    return True


def _second_task(verb: Token, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does a concrete second task follow the open-ended verb, though the parse hangs it on
    a participle that qualifies the object ("Re-check all invoices issued during the freeze
    and notify the buyers": "notify" joined to "issued")? A bare form with an object
    of its own cannot share a past form's subject: it is the item's second verb, as
    "Review the alerts and notify the team" is, and bounds the first one. A participle
    joined to a participle ("orders placed and shipped late") is still the object's."""
    if verb.lower_.endswith("ing"):
        return False
    return any(
        t.i > verb.i
        and t.dep_ == "conj"
        and t.tag_ == "VB"
        and t.head.tag_ in ("VBN", "VBD")  # "tickets closed …" is read as a clause too
        and t.head.dep_ in ("acl", "amod", "relcl", "ccomp")
        and any(c.dep_ == "dobj" for c in t.children)
        and bool(word_forms(t) & lex.concrete)
        for t in toks
    )


def _whole_scope(verb: Token, lex: Lexicon) -> bool:
    """Does the open-ended verb of an item reported done cover a known set: a word of
    ``done-scope-words`` or a count in its object ("Audit the valve modes on every standby
    chiller", "Review all 12 pump drives")? Such an audit or review has ended with the set;
    one with no scope ("Perform an audit to find any further exposure") never says what
    it covered, done or not."""
    return any(
        t.lower_ in lex.done_scope or (t.pos_ == "NUM" and t.dep_ == "nummod")
        for t in verb.doc[verb.i + 1 : verb.sent.end]  # the parse may hang the
        # scope's phrase on the object's noun or anywhere after it
    )


def _named_role(t: Token, lex: Lexicon) -> bool:
    """A person by a role of ``role-nouns``, in the singular too ("the shift supervisor",
    "the night porter"; the word before read with it: "the ramp agent"). Only the listed
    roles: a singular noun that merely ends like one is more often a component."""
    lemma = t.lemma_.lower()
    before = t.nbor(-1).lower_ if t.i > 0 else ""
    return lemma in lex.role_nouns or f"{before} {lemma}" in lex.role_nouns


def _automated(verb: Token, lex: Lexicon) -> bool:
    """Is the people-verb done by a machine ("Operators will be reminded automatically",
    "Remind on-call automatically when the freeze starts")? A reminder a system sends is a
    system change, not people asked to try harder."""
    return any(c.lower_ in lex.duty_automation for c in verb.children)


def _subject_head(words: Sequence[Token]) -> Token | None:
    """The head of the noun phrase the words open: the last noun of their first run of
    nouns, adjectives and hyphenated words ("crew" in "Ground crew on the night shift",
    "engineers" in "The on-call engineers", "agents" in "Ground handling agents at …").
    None when the words open with no noun phrase ("After the move, …") or the run ends in
    a possessive ("the night shift's model"): whom it names is not the subject."""
    head: Token | None = None
    for j, w in enumerate(words):
        nxt = words[j + 1] if j + 1 < len(words) else None
        joined = w.text == "-" or (nxt is not None and nxt.text == "-" and not w.whitespace_)
        if w.pos_ in ("NOUN", "PROPN") or w.tag_ in ("NNS", "VBZ"):
            head = w
        elif w.pos_ in ("DET", "ADJ", "NUM") or w.tag_ == "PDT" or joined:
            pass
        elif w.tag_ == "VBG" and nxt is not None and nxt.pos_ == "NOUN":
            pass  # "handling" in "ground handling agents"
        elif w.tag_ == "POS":
            return None
        elif w.tag_ != "HYPH" and (j == 0 or words[j - 1].text != "-"):
            break
    return head


def _role_object(objs: Sequence[Token], lex: Lexicon, *, by_suffix: bool) -> bool:
    """Is the object of a role verb (the words after it, or its passive subject) people
    by their role ("Remind supervisors to …", "Train support agents on …", "Coach the
    dispatchers …")? The last noun of the first run of nouns is read: the others modify
    it ("support" in "support agents", "night" in "the night wardens", however the small
    model attaches them). ``by_suffix``: see :func:`_role_noun`."""
    head: Token | None = None
    for o in objs:
        if o.is_space:
            continue
        if o.pos_ in ("NOUN", "PROPN"):
            head = o
        elif head is not None and o.tag_ == "VBZ" and o.lower_.endswith("s"):
            head = o  # "Remind night controllers to …": the plural read as a verb
            break
        elif head is not None:
            break
    return head is not None and _role_noun(head, lex, by_suffix=by_suffix)


def _role_noun(t: Token, lex: Lexicon, *, by_suffix: bool) -> bool:
    """People named by their role: a role that owns work ("leads", "SREs", "the on-call
    engineer") or a known role (``role-nouns``: "cashiers", "cabin attendants", "support
    agents", the word before the role read with it); with ``by_suffix`` (a verb that only
    people take: "remind", "coach"), also a plural noun whose ending names a person's role
    ("supervisors", "dispatchers", "pharmacists", "trainees") and that names no software
    (``system-agents``: "classifiers", "schedulers", "workers"). A model is trained too:
    "Retrain the rankers", "Train the taggers" name software by the same endings. A
    singular noun with such an ending is more often a component ("the scheduler", "the
    classifier"), and a singular thing ("the anomaly model") is none."""
    low, lemma = t.lower_, t.lemma_.lower()
    if low in lex.owner_roles or lemma in lex.owner_roles:
        return True
    if t.tag_ not in ("NNS", "NNPS", "VBZ"):
        return False
    if t.i > 0 and f"{t.nbor(-1).lower_} {lemma}" in lex.role_nouns:
        return True  # "night controllers", "support agents": the word before names people
    if lemma in lex.system_agents:
        return False
    if lemma in lex.role_nouns:
        return True
    return by_suffix and lemma.endswith(lex.role_suffixes) and lemma not in lex.commitment.writers


def _commitment_as_written(text: str, commit: Commitment) -> str:
    """The commitment's subject and modal or intent verb as the text writes them, with the
    words between ("We are working", not "We working"); the joined words when the text
    puts more than a few words between them, with an ellipsis where words were left out
    ("We … should"): a message quotes only words the sentence has, in its order."""
    words = commit.opener.split()
    last = words[-1]
    at = text.find(last, commit.start)
    said = text[commit.start : at + len(last)] if at >= 0 else ""
    if not said:
        return commit.opener
    if len(said.split()) > len(words) + 3:
        return " … ".join(words) if len(words) == 2 else commit.opener
    return " ".join(said.split())


def _as_opened(text: str, opener: str) -> str:
    """An opener as the text writes it ("We should", not the lexicon's "we should")."""
    m = re.search(re.escape(opener), text, re.IGNORECASE)
    return m.group(0) if m is not None else opener


def _specific_change(verb: Token | None, lex: Lexicon) -> bool:
    """A proposal that names a concrete change ("We should add an alert on boot-failure rate per
    firmware version", "we should expand the approver group to the release team"): a verb with
    an end state (not a documenting verb, whose output needs a place) and an object or target
    that names one thing. Writers phrase proposals with "we should" in Lessons, in narrative and
    in follow-up sections alike; once every vagueness test has passed, the phrasing alone is no
    vague action anywhere. A formal report words the same commitment with its organisation, or
    the party it asks, as the subject ("The clinic should send a text alert to every on-call
    nurse …"): it names its change as well (writer I's blind test, session 23). "We should add
    monitoring", "we should add a check for this", "we should do that" and "we need to have
    access" name nothing of the kind. A documenting verb names a change when it says where the
    text goes or what it is written as ("write the duplicate check as a dbt test", "document the
    replica promotion in the storage runbook"; not "we should write down how we recover so …"); a
    verb of regarding, by the role after "as" (:func:`_regarded_as`)."""
    if verb is None or not (word_forms(verb) & (lex.concrete | lex.regarding)):
        return False
    if word_forms(verb) & lex.regarding:
        return _regarded_as(verb, lex)
    if word_forms(verb) & lex.causative:
        if any(c.lower_ == "sure" and c.i == verb.i + 1 for c in verb.children) or (
            verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "sure"
        ):
            return False  # "make sure …" is "ensure": a weak verb, no change named
        comp = _complement_verb(verb)
        if comp is not None:
            return _made_to_behave(verb, comp, lex)
        # no verb made to act ("make the alerts actionable", or "make the backup job
        # page …" read as one noun phrase): judged as any other verb's object
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "the check as a test"
    places = [
        g
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if word_forms(verb) & lex.documenting:
        return any(_names_one(t, lex, adjectives=True) for t in places)
    targets = [c for c in verb.children if c.dep_ == "dobj"]
    targets += [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    targets += _passive_target(verb, lex)
    if word_forms(verb) & lex.signal_verbs and verb.tag_ == "VB":
        # "we should alert on the gate lock", "page on the retry count": the verb names the
        # artefact (an alert, a page) and the object of "on" what it fires on, a thing
        # named once in the sentence before; "alert on this", "page on issues" name
        # nothing, and "have paging for stale tables" wants a practice, no signal
        fires_on = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(_names_object(t, lex) for t in fires_on):
            return True
    return any(_names_one(t, lex) for t in targets)


def _passive_target(verb: Token, lex: Lexicon) -> list[Token]:
    """The thing a passive proposal changes, its subject: "The retention rule should be
    restored and covered by a regression test" proposes what "we should restore the
    retention rule" does, and names its change the same way (a formal report's
    recommendations are often written so). People as the subject are no thing to change
    ("the desk should be retrained" is PM306's)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubjpass" and not _word_in(c, lex.people_nouns)]


def _regarded_as(verb: Token, lex: Lexicon) -> bool:
    """Does a verb of regarding (``regarding-verbs``) name the role its object takes on
    after "as": one thing, named by a modifier of its own, a gerund among them ("treat the
    supplier's totals as a paging signal", "classify a missed backup as a sev-2 incident"),
    and no abstraction or judgment (``abstract-objects``, ``idle-roles``: "as a priority",
    "as a learning opportunity")?"""
    roles = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(
        (_names_one(g, lex) or any(c.dep_ == "amod" and c.tag_ == "VBG" for c in g.children))
        and not {g.lemma_.lower(), g.lower_} & (lex.abstract | lex.idle_roles)
        for g in roles
    )


def _complement_verb(verb: Token) -> Token | None:
    """The verb a causative makes act ("make the build | fail …"); None when its
    complement is no verb ("make deploys safe", "make the alerts actionable"). The
    parser often tags a bare verb after its subject as a noun ("the build | fail"):
    a complement clause with its own subject counts, unless it is an adjective."""
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    if comp is None or comp.pos_ in ("ADJ", "ADV") or comp.tag_.startswith("JJ"):
        return None
    if comp.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in comp.children):
        return comp
    return None


def _made_to_behave(verb: Token, comp: Token, lex: Lexicon) -> bool:
    """A causative verb names its change when a thing (a noun, no generic one) is made to
    do something stated, with its own object or modifier ("make the nightly build fail
    on a missing column", "make the scheduler refuse jobs that have no owner"); "make it
    work", "make things fail less" and "make the team review …" name no change."""
    if word_forms(comp) & (lex.vague_verbs | lex.weak_verbs):
        return False
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.pos_ in ("NOUN", "PROPN")
        and subj.lemma_.lower() not in lex.generic_objects
        and subj.lower_ not in lex.generic_objects
        and not (subj.lemma_.lower() in lex.people_nouns or subj.lower_ in lex.people_nouns)
        # what it does, or when: on the complement or, as the parser often hangs it, on
        # the causative verb after the complement ("make the job fail | when …")
        and any(
            c.dep_ in ("dobj", "prep", "advcl")
            for c in (*comp.children, *(c for c in verb.children if c.i > comp.i))
        )
    )


def _keeps_practice(verb: Token, text: str, base: int, lex: Lexicon) -> bool:
    """The sentence keeps a named practice (:func:`_continued_practice`): as its verb, or
    as the writers' clause after a lesson stated as a fact ("the canary caught the build in
    minutes; we should keep using canary deploys for …", parsed as a clause joined to
    the observation). An instruction joined to it ("Improve the alerting and keep using
    …") is judged on its own verb."""
    if _continued_practice(verb, text, base, lex):
        return True
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    joined = [c for c in verb.children if c.dep_ in _JOINED]
    if verb.dep_ in _JOINED:  # the small model may take the writers' clause for the root
        joined.append(verb.head)
    return any(
        by_writers(c, lex.commitment) and _continued_practice(c, text, base, lex) for c in joined
    )


#: how a clause is joined to another in one sentence ("A; we should B")
_JOINED = frozenset({"conj", "parataxis", "ccomp"})


def _continued_practice(verb: Token, text: str, base: int, lex: Lexicon) -> bool:
    """A lesson that carries on a current practice, named with its scope: "we should keep
    using canary deploys for every ledger release", "we should continue pairing on
    database failovers", "keep relying on flags for risky exporter changes". ``verb`` is
    the continuation verb or the practice it governs (a commitment is followed through
    "continue" to the verb it governs). The practice must be no vague, weak, light or
    people verb or phrase ("keep monitoring the lag", "continue to improve our tooling",
    "keep looking into it", "continue to look for weak spots": a search has no end) and
    must name one thing ("keep using our judgement" names none)."""
    if word_forms(verb) & lex.continuation_verbs:
        practice = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    elif verb.dep_ == "xcomp" and word_forms(verb.head) & lex.continuation_verbs:
        practice = verb
    else:
        return False
    if practice is None:
        return False
    forms = word_forms(practice)
    if forms & (lex.vague_verbs | lex.weak_verbs | lex.light_verbs | lex.people_verbs):
        return False
    rest = text[practice.idx - base :]
    if any(
        _phrase_at(rest, p, forms) for p in (lex.vague_phrases, lex.weak_phrases, lex.open_searches)
    ):
        return False
    targets = [c for c in practice.children if c.dep_ == "dobj"]
    targets += [
        g for c in practice.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    return any(_names_one(t, lex) for t in targets)


def _softened(toks: Sequence[Token], commit: Commitment | None, lex: Lexicon) -> bool:
    """A hedge near the commitment, or a hedging adverb anywhere in the sentence ("we
    should add a panel for the hit rate, perhaps on the storage board"): the wish is not
    settled, whatever it names."""
    if commit is not None and commit.hedge is not None:
        return True
    return any(t.pos_ in ("ADV", "INTJ") and t.lower_ in lex.commitment.hedges for t in toks)


#: what opens an item's fields after its action: "Retrain the ranking model (owner: @ana)"
_FIELD_OPENERS = frozenset({"(", "[", ":", ";"})
#: prepositions that say where a written text goes or what it is written as
_PLACE_PREPS = frozenset({"as", "in", "into", "to", "on"})
#: the dependents that make a changed thing one thing: a noun modifier ("a status banner"),
#: a number, a clause ("a banner that the desk can switch on"), an apposition, a
#: prepositional phrase other than "of" ("an alert on relay restarts"; "the number of
#: open connections" is a quantity, not a thing). An adjective alone names a quality ("a
#: safe, inclusive environment").
_CHANGE_SPECIFIERS = frozenset({"compound", "nummod", "acl", "relcl", "appos"})
#: what a prepositional phrase must name to specify a thing: "an alert for queue depth",
#: "a panel on the billing board"; "a check for this", "alerts for everything" name nothing
_NAMING = frozenset({"NOUN", "PROPN", "NUM"})


#: how the tagger hangs an imperative it misread as a noun on its object ("Audit
#: remaining templates …": "Audit" a modifier of "templates")
_MISREAD_LEADS = frozenset({"npadvmod", "compound", "amod", "nmod"})


def _bounded_sweep(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a sweep of a named set for one named thing (``sweep-verbs``: "Audit the
    remaining gateway templates for the retry setting", "Check every escalation rota for
    the retired phone number")? It ends when the set has been gone through: its end state
    is the list checked. The set must be a set (plural, or counted: "every", "all",
    "remaining") of things, not a way of working or an area
    (``generic-objects``, ``abstract-objects``, ``broad-areas``: "Audit our processes for
    the retry setting"), and what is looked for one named thing, not findings still to be
    found or a quality (``open-findings``: "for security issues", "for accuracy")."""
    if not word_forms(verb) & lex.sweep_verbs:
        return False
    # "Audit remaining templates …" may be read with "remaining" as a verb of its own
    # (its object's, or the verb read as a name modifying it: "Audit" over "remaining")
    heads = [verb, *(c for c in verb.children if _word_in(c, lex.sweep_sets))]
    if verb.dep_ in _MISREAD_LEADS and _word_in(verb.head, lex.sweep_sets):
        heads.append(verb.head)
    swept = next((c for h in heads for c in h.children if c.dep_ == "dobj" and _nominal(c)), None)
    if swept is None and verb.head.i > verb.i and verb.dep_ in _MISREAD_LEADS:
        # "Audit remaining templates for …": "Audit" read as a modifier of its object
        # (or of the object's own modifier, "remaining")
        swept = verb.head if verb.head.dep_ != "amod" else verb.head.head
        swept = swept if _nominal(swept) else None
    if swept is None or _word_in(swept, lex.generic_objects | lex.abstract | lex.broad_areas):
        return False
    if not (
        swept.tag_ in ("NNS", "NNPS")
        or len(heads) > 1
        # "each cron manifest": the parse may hang "each" on the noun before it
        or any(_word_in(w, lex.done_scope | lex.sweep_sets) for w in swept.subtree if w.i < swept.i)
    ):
        return False  # "Review the proposal template for …": one thing, "for" its use
    sought = [
        g
        for h in (verb, swept)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(
        _names_one(g, lex) and not _word_in(g, lex.generic_objects | lex.open_findings)
        for g in sought
    )


def _gated_check(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a check of one named thing made at every occurrence of an event
    (``sweep-verbs``, ``gate-prepositions`` with a word of ``done-scope-words``: "Review
    the driver compatibility table before every firmware push", "Check the expiry list
    after each rotation")? Each occurrence ends it: the thing checked, the event passed.
    The thing must be named (:func:`_names_one`) and no way of working or area
    (``generic-objects``, ``abstract-objects``, ``broad-areas``, also as a modifier: "the
    alerting setup"); "Review the firmware process", "Review monitoring before every
    deploy" and "Review alerting" stay open-ended."""
    if not word_forms(verb) & lex.sweep_verbs:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and _nominal(c)), None)
    broad = lex.generic_objects | lex.abstract | lex.broad_areas
    if obj is None or not _names_one(obj, lex):
        return False
    if any(_word_in(w, broad) for w in (obj, *(c for c in obj.children if c.dep_ == "compound"))):
        return False
    return any(
        m.dep_ == "prep"
        and m.lower_ in lex.gate_preps
        and any(w.lower_ in lex.done_scope and w.tag_ == "DT" for w in m.subtree)
        for h in (verb, obj)
        for m in h.children
    )


def _word_in(t: Token, words: Collection[str]) -> bool:
    """Is ``t``, as written or by its lemma, one of ``words``?"""
    return t.lower_ in words or t.lemma_.lower() in words


def _names_one(t: Token, lex: Lexicon, *, adjectives: bool = False) -> bool:
    """A noun that names one thing to change: a listed artefact ("runbook"), or a noun
    with one of :data:`_CHANGE_SPECIFIERS` or a prepositional phrase other than "of"
    ("a dbt test", "the storage runbook", "an alert on relay restarts per region"). With
    ``adjectives``, where a text is written or what as, a modifier names the form too ("as
    a pytest fixture", the tagger reading "pytest" as an adjective). An object with a
    determiner is a noun whatever its tag ("send a text alert to …", "alert" read as an
    adjective)."""
    return _nominal(t) and (
        t.lemma_.lower() in lex.artifacts
        or t.lower_ in lex.artifacts
        or any(
            c.dep_ in _CHANGE_SPECIFIERS
            or (
                c.dep_ == "prep"
                and c.lower_ != "of"
                and any(g.dep_ == "pobj" and _names_object(g, lex) for g in c.children)
            )
            or (adjectives and c.dep_ == "amod")
            or _noun_led_participle(c, lex)
            for c in t.children
        )
    )


def _noun_led_participle(c: Token, lex: Lexicon) -> bool:
    """A hyphenated modifier that a noun leads and a participle heads ("hardware-revision-
    weighted sampling", "latency-based routing", "tenant-scoped limits") names the thing as
    a noun compound does ("revision sampling"). An adjective that evaluates ("user-friendly
    tooling", "well-tested code") names none."""
    return (
        c.dep_ == "amod"
        and c.tag_ in ("VBN", "VBG")
        and any(g.tag_ == "HYPH" for g in c.children)
        and any(g.dep_ in ("npadvmod", "compound") and _names_object(g, lex) for g in c.children)
    )


def _nominal(t: Token) -> bool:
    """A noun, or an object with a determiner that the tagger read as an adjective."""
    return t.pos_ in ("NOUN", "PROPN") or (
        t.pos_ == "ADJ"
        and t.dep_ in ("dobj", "pobj")
        and any(c.dep_ == "det" and c.i < t.i for c in t.children)
    )


def _names_object(g: Token, lex: Lexicon) -> bool:
    """Does the object of a preposition name a thing: a noun or a number ("an alert for
    queue depth", "a panel on the billing board"), but not a generic noun standing alone
    (``generic-objects``: "a check for stuff", "alerts for the team", "a step to the
    process"; with a modifier of its own, "the payments team", it names one)."""
    if g.pos_ not in _NAMING:
        return False
    if g.lemma_.lower() not in lex.generic_objects and g.lower_ not in lex.generic_objects:
        return True
    return any(c.dep_ in _CHANGE_SPECIFIERS for c in g.children)


def _completed_passive(verb: Token) -> bool:
    """ "has been dealt with", "was looked into": a passive in the perfect or the past,
    with no modal ("should be improved" is a wish), reports that the work is done."""
    kids = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in kids)
        and not any(c.tag_ == "MD" or c.lower_ == "to" for c in kids)
        and any(
            c.lower_ in ("has", "have", "had", "was", "were", "'s", "'ve")
            for c in kids
            if c.dep_ in ("aux", "auxpass")
        )
    )


def _reported_clause(verb: Token) -> bool:
    """ "…, and the actions below have been agreed with the council": a coordinated clause
    with a subject of its own whose verb is a past form reports what happened; it is no
    second action of the item ("Add a canary and review its alerts" has none)."""
    return (
        verb.tag_ in ("VBD", "VBN")
        and any(c.dep_ in _SUBJECTS for c in verb.children)
        and not any(c.tag_ == "MD" for c in verb.children)  # "… should be improved"
    )


def _as_reference(verb: Token) -> bool:
    """ "(as discussed on …)", "as agreed in the review": a clause that points at where
    the work was talked about, not work of its own."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _adopts_change(verb: Token, joined: Token, lex: Lexicon) -> bool:
    """Is ``joined``, a verb joined after an item's first verb, how a concrete change is
    agreed or shared (``adoption-verbs``) once made: "Publish one status page for every
    depot and agree its use with the control room", "Add a lag alert and discuss its
    threshold with operations"? The first verb, concrete with its object, carries the
    item; a second piece of vague work ("… and improve monitoring", "… and look into the
    warnings") is still judged."""
    return (
        verb.pos_ == "VERB"
        and bool(word_forms(verb) & lex.concrete)
        and not word_forms(verb) & lex.vague_verbs
        and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
        and bool(word_forms(joined) & lex.adoption_verbs)
    )


def _denied(commit: Commitment, lex: Lexicon) -> bool:
    """Does the subject of the committed verb deny that anyone or anything did it
    (``negative-quantifiers``: "nothing could be written", "no new orders could be
    placed", "not one replica could be added")? With a hedging modal such a sentence
    tells what was impossible; no one proposes a change in that shape."""
    words = lex.negative_quantifiers
    own = [c for c in commit.verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # every subject the parse hangs on the verb: a misread clause before it may add one
    subjects = own or [s for s in (subject_of(commit.verb),) if s is not None]
    return any(
        subj.lower_ in words
        or any(c.dep_ in ("det", "neg", "preconj") and c.lower_ in words for c in subj.children)
        for subj in subjects
    )


def _offers_change(commit: Commitment, lex: Lexicon) -> bool:
    """ "Could" offering a change rather than stating an ability: the writers "could have"
    something ("a policy of …") or add one, or something "could be used/added" (a
    concrete verb in the passive)."""
    v = commit.verb
    if commit.subject == "writers":
        if v.lemma_ == "have":
            return any(c.dep_ == "dobj" for c in v.children)
        return bool(word_forms(v) & lex.concrete) and v.lemma_ not in ("restore", "run", "stop")
    return (
        commit.subject == "other"
        and any(c.dep_ == "auxpass" for c in v.children)
        and bool(word_forms(v) & lex.concrete)
    )


def _deliberation(sent: Sequence[Token], lex: Lexicon) -> str | None:
    """The writers report talking about an idea without deciding it: a past-tense main verb
    that is a vague verb ("we discussed …", "we considered …", "we didn't explore yet …")."""
    for t in sent:
        if t.dep_ != "ROOT" or t.tag_ not in ("VBD", "VBN", "VB"):
            continue
        if (
            not (word_forms(t) & lex.vague_verbs)
            or any(c.dep_ == "conj" and word_forms(c) & lex.bounding for c in t.children)
            or _points_at_items(t, lex)  # "we have settled the fixes below": the list
        ):
            return None  # not a deliberation, or one that ended in a decision
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        past = t.tag_ != "VB" or any(c.lower_ in ("did", "have") for c in t.children)
        if past and subj is not None and subj.lower_ in lex.commitment.writers:
            return t.text
        return None
    return None


def _asks(text: str) -> bool:
    """A question from the writers ("How do we decide …?"): an open item in prose."""
    return text.rstrip().endswith("?") and _WE.search(text) is not None


_WE = re.compile(r"(?i)\bwe\b")


#: the tags the small model gives a verb of worth after an -ing subject: the verb it is,
#: or a plural noun closing the -ing verb's object ("Checking the totals matters")
_WORTH_TAGS = frozenset({"VBZ", "VBD", "VBN", "NNS"})
#: what may close the object before that verb: its noun, a name, a pronoun, a number
_OBJECT_ENDS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADV"})
#: what may follow that verb: a clause break, "more"/"less", "off" ("pays off")
_AFTER_WORTH = frozenset({"RBR", "JJR", "RB", "RP", "CC", ",", ".", ":"})


def _gerund_subject(first: Token, lex: Lexicon) -> bool:
    """Does the sentence open with an -ing phrase as the subject of a verb that says what
    the activity is worth (``gerund-subject-verbs``: "Checking the totals matters, but the
    deeper lesson is …", "Auditing vendor risk helps, yet …")? A statement in Lessons
    prose, not an open-ended action, though the small model often reads the verb as a
    plural noun ending the object and takes the -ing word for the sentence's verb. The
    verb must close the object (after its noun, not after a determiner or an adjective:
    "Reviewing legal matters") and end its clause ("Checking these matters with legal"
    goes on)."""
    if first.tag_ != "VBG":
        return False
    doc = first.doc
    for t in doc[first.i + 2 :]:
        if t.is_punct or t.dep_ == "cc":
            return False  # the -ing phrase ended with no verb of worth
        low = t.lower_
        forms = {low, t.lemma_.lower(), low[:-1], *_forms(low)}
        if t.tag_ not in _WORTH_TAGS or not forms & lex.gerund_subject_verbs:
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        return doc[t.i - 1].pos_ in _OBJECT_ENDS and (
            after is None or after.tag_ in _AFTER_WORTH or after.dep_ == "cc"
        )
    return False


def _asked_of_the_past(toks: Sequence[Token]) -> bool:
    """A question about what happened ("Was anyone watching the graphs, or did we just
    assume …?", "Why did nobody page the owner?"): its main verb is in the past tense or
    carried by a past auxiliary, with no modal. The writers look back at the incident,
    often rhetorically; no question is left open for follow-up work, as in "How do we
    stop …?" or "Should we page on …?"."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    return root.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)


def _told_of_subject(first: Token) -> bool:
    """Is the sentence's first word ("Some", "Many", "More") the determiner or modifier
    of a subject whose verb tells what happened or what people hold ("Some people have
    said the data team were lazy; I don't agree", "Many customers wrote in about the
    banner")? Then it opens a statement, no wished-for change ("Some monitoring for the
    queue", "More dry runs before a migration"). A verb in the passive ("More tests are
    needed"), "be" ("Better alerting is the fix") or with a modal ("More checks would
    help") keeps the sentence a wish, except "can"/"may"/"might" after a part of a kind
    ("Some retries can hide a fault for hours": what may happen, unless the verb wants a
    change, "Some alerts may need tuning"). The first word may be the subject itself, a
    part of a group ("Some of our nightly jobs assume UTC", "Several of the scripts
    depend on …"): a lesson about what things do, the same statement."""
    if first.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in first.children):
        verb = first.head  # "Some of our jobs assume …"
    elif first.dep_ in ("det", "amod", "advmod", "nummod") and first.head.dep_ == "nsubj":
        verb = first.head.head
    else:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if (
        first.lower_ in _SOME
        and verb.lemma_ not in _WANTING
        and any(c.lower_ in _MAY for c in aux)
        and not any(c.dep_ == "auxpass" for c in aux)
    ):
        return True  # "Some retries can hide a fault for hours": what may happen
    if verb.lemma_ == "be" or any(c.tag_ == "MD" or c.dep_ == "auxpass" for c in aux):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.lower_ in _PERFECT for c in aux)


#: determiners of a part of a kind ("Some retries", "Many caches"), not of more of it
_SOME = frozenset({"some", "many", "several", "few", "certain"})
#: modals of what may happen ("can hide", "may mask"), not of what should
_MAY = frozenset({"can", "may", "might"})
#: verbs that want a change even after "can" ("Some alerts can use tuning")
_WANTING = frozenset({"need", "require", "use", "benefit", "deserve", "want"})

#: the auxiliaries of a perfect ("have said")
_PERFECT = frozenset({"have", "has", "had", "'ve"})


#: what stands for a change just described, as the subject of its benefit
_ANAPHORS = frozenset({"it", "this", "that"})


def _benefit(toks: Sequence[Token]) -> bool:
    """Is the sentence the benefit of a change told in prose ("It will be easier to identify
    the schema", "This will make rollbacks faster")? "it"/"this"/"that" with "will" and
    "be"/"make" and a comparative: an outcome of what was done or planned before it, no
    task of its own (a task is "Make it easier to …": no subject; "It would be simpler to
    …" is a hedged suggestion, judged as one)."""
    for t in toks:
        if t.tag_ != "MD" or t.lower_ not in ("will", "'ll"):
            continue
        verb = t.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.lower_ in _ANAPHORS
            and verb.lemma_ in ("be", "make")
            and any(g.tag_ in ("JJR", "RBR") for c in verb.children for g in (c, *c.children))
        ):
            return True
    return False


def _firmly_planned(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence hold the writers' firm plan (:func:`_firm`)? A people phrase in a
    comment of a discussion thread or in a Q&A answer ("we should be more careful about
    that") is a remark unless it is one ("we will double-check every rotation")."""
    commit = find_commitment(toks, lex.commitment)
    return commit is not None and _firm(commit, lex)


def _answers_reader(verb: Token, lex: Lexicon) -> bool:
    """Does a commitment in prose promise how the writers answer the reader's own contact
    ("we aim to reply inside three business days", "we will try to answer every message
    within an hour", "our desk will get back to you")? A reply verb (``reply-verbs``, after
    an effort verb: "try to answer") with no object, or with the reader or their message as
    its object (``reply-objects``), is a service the reader can count on, told in an FAQ,
    a contact note or advice to customers: no follow-up work of the incident, whatever its
    hedge. A reply to something else ("respond to the auditor's findings") is read as
    before."""
    while verb.lemma_.lower() in lex.reply_efforts:
        governed = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if governed is None:
            return False
        verb = governed
    lemma = verb.lemma_.lower()
    if lemma not in lex.reply_verbs and not any(
        f"{lemma} {c.lower_}" in lex.reply_verbs
        for c in verb.children
        if c.dep_ in ("prt", "advmod")
    ):
        return False  # "get back to you": the verb with its particle
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return all(_the_readers(o, lex) for o in objects)


def _weighs_readers_case(verb: Token, text: str, lex: Lexicon) -> bool:
    """Does a commitment in prose promise to weigh the reader's own case ("we'll review
    your claim", "we will look at each request individually", "if a late refund cost you a
    fee, write to the help desk and we'll look at it case by case")? Like a reply
    (:func:`_answers_reader`), it is a service told to the reader, no follow-up work. The
    verb (``case-verbs``, after an effort verb) takes the reader's message as its object,
    one the reader owns ("your claim") or one of each reader's with a case-by-case phrase
    (``per-case-phrases``); or the sentence weighs cases one at a time and speaks to the
    reader (``reader-words``).
    "We will review every alert case by case" names no reader and is still read."""
    while verb.lemma_.lower() in lex.reply_efforts:
        governed = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if governed is None:
            return False
        verb = governed
    preps = [c for c in verb.children if c.dep_ in ("prep", "prt")]
    lemma = verb.lemma_.lower()
    if lemma not in lex.case_verbs and not any(
        f"{lemma} {p.lower_}" in lex.case_verbs for p in preps
    ):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for p in preps for g in p.children if g.dep_ == "pobj"]
    message = [
        o
        for o in objects
        if o.lemma_.lower() in lex.reply_messages
        and _the_readers(o, lex)
        and not any(c.dep_ in ("prep", "acl", "relcl") for c in o.children)
    ]
    per_case = lex.per_case is not None and lex.per_case.search(text) is not None
    if any(c.dep_ == "poss" and c.lower_ in lex.reader_words for o in message for c in o.children):
        return True  # "we'll review your claim"
    speaks = any(t.lower_ in lex.reader_words for t in verb.doc)
    return per_case and (bool(message) or speaks)


def _the_readers(obj: Token, lex: Lexicon) -> bool:
    """Is a reply's object the reader ("you") or the reader's own message ("your question",
    "every message", "requests"), not a thing of the writers' ("the open questions")?"""
    if obj.lower_ in lex.reply_readers:
        return True
    if obj.lemma_.lower() not in lex.reply_messages:
        return False
    mods = [c for c in obj.children if c.dep_ in ("det", "poss", "amod", "compound", "nummod")]
    return all(c.dep_ in ("det", "poss") and c.lower_ in lex.reply_determiners for c in mods)


def _firm(commit: Commitment, lex: Lexicon) -> bool:
    """Is a commitment the writers' firm plan ("we will add …", "we plan to …"), not a
    hedge or a need? What an answer in a Q&A section must say to be follow-up work."""
    return (
        commit.subject == "writers"
        and commit.hedge is None
        and not commit.negated
        and (commit.future or commit.modal in lex.answer_firm)
    )


def _accepted(
    commit: Commitment, writers_only: bool, lex: Lexicon, *, anywhere: bool = False
) -> bool:
    """Is a commitment found in prose a proposal? It must govern the sentence and not be
    a negated hedge ("we could not reach …" states an ability). Where proposals are mixed
    with narrative (Lessons, anywhere: ``writers_only``) the writers must be its subject,
    or an expletive with a hedge ("it would be useful to …", "ideally …"); in a follow-up
    section any subject commits ("the monitor should page …")."""
    if not commit.main:
        return False
    hedge = commit.hedge.lower() if commit.hedge is not None else None
    if hedge is not None and hedge == commit.modal and (commit.negated or _denied(commit, lex)):
        return False  # "we could not reach the host", "no new orders could be placed"
    if hedge is not None and (hedge in lex.value_hedges or commit.verb.lemma_ == "help"):
        return True  # "playbooks would be beneficial", "a test suite could help …"
    if commit.modal == "could" and not commit.negated and _offers_change(commit, lex):
        return True  # "we could have a policy of …", "alerting could be used to …"
    if commit.modal in lex.ability_modals and (hedge is None or hedge == commit.modal):
        return False  # "we can see …": ability, unless softened ("we can likely …")
    if commit.subject == "writers":
        return True
    if commit.modal == "be":
        return True  # "the lesson is to …", "an idea we floated is to …"
    if commit.subject == "none" and commit.modal in lex.commitment.verbs:
        return True  # "Needs further investigation.", "Need to …": the writers, elided
    if commit.subject in ("it", "none") and hedge is not None and hedge != commit.modal:
        return True  # "ideally it would …"
    if commit.subject == "there" and commit.modal not in lex.commitment.hedges:
        return not anywhere  # "there should be an alert …" (not "there may be …")
    if commit.modal in ("may", "might"):
        return False  # "these factors may cancel out": a possibility
    return not writers_only


#: the verbs that take an adjective of candour: "be clear that …", "make it clear that …"
_CANDOUR = frozenset({"be", "make"})
#: words that open the clause a framing verb introduces ("be clear that …", "about what …")
_CLAUSE_OPENERS = frozenset({"that", "what", "how", "why", "where", "when", "whether", "this"})


def _courtesy(verb: Token, modal: str, lex: Lexicon, *, item: bool = False) -> bool:
    """The committed verb frames what the sentence says rather than committing to work: a
    verb of courtesy, emphasis or invitation ("we want to thank …", "I want to stress
    that …", "we want to hear about it"; not after a modal of obligation: "we need to
    clarify the runbook" is work), or "be"/"make" with an adjective of candour introducing
    a clause ("we want to be clear that no data was lost", "to make it clear that …", "to
    be open about what went wrong"), whatever the modal: "I must be frank with the board
    about how …" is the author's stance. Without a clause the adjective is a wish: "we
    want to be more transparent with users" is still judged. In an action ``item`` only a
    clause frames: "we want to be upfront about our quota page" written as an item is a
    policy the team commits to, and is judged."""
    if verb.lemma_.lower() in lex.courtesy_verbs:
        return modal not in lex.vague_modals
    adj = _candour_adjective(verb, lex)
    if adj is None:
        return False
    # "honest and specific", "candid and precise about what broke": read as one
    adjs = [adj, *(c for c in adj.children if c.dep_ == "conj" and c.pos_ == "ADJ")]
    if any(c.dep_ == "advmod" and c.tag_ in ("RBR", "JJR") for a in adjs for c in a.children):
        return False  # "we want to be more open with users": a wish
    if any(a.lower_ in lex.framing_adjectives for a in adjs) or _introduces(verb):
        return True  # "we want to be fair to everyone here", "to be honest with you here:"
    said = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]  # "I want to be clear"
    if any(c.dep_ == "nsubj" and c.lower_ == "i" for v in said for c in v.children):
        return True  # "I must be honest with the board about our part in this": the
        # author's stance, whatever follows; no one person commits the team to work
    return _clause_after(adjs[-1], lex, topics=not item)


def _gives_credit(verb: Token, modal: str, lex: Lexicon) -> bool:
    """The committed verb gives credit to people ("we want to commend the desk for
    the restore", "I want to single her out", "to give a shout-out to the vendor's
    engineer"): thanks and recognition written in the story or the lessons, no work to
    track. A verb of credit (``credit-verbs``) or a particle verb of credit
    (``credit-particle-verbs``) whose object is a person or with "for" the deed, or "give"
    with a noun of credit (``credit-nouns``) to someone. After a modal of obligation it is
    read as a change ("we should recognise on-call work in reviews"), and an object that is
    no person ("recognise stuck queues faster") leaves it judged."""
    if modal in lex.vague_modals:
        return False
    kids = list(verb.children)
    low = verb.lemma_.lower()
    if low == "give":
        gift = next((c for c in kids if c.dep_ == "dobj"), None)
        if gift is None:
            return False
        return any(w in _phrase_of(gift).lower().split() for w in lex.credit_nouns) and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in (*kids, *gift.children)
        )
    prt = next((c for c in kids if c.dep_ == "prt"), None)
    particle = prt is not None and f"{low} {prt.lower_}" in lex.credit_particles
    if not (particle or low in lex.credit_verbs):
        return False
    objs = [c for c in kids if c.dep_ == "dobj"]
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids) and objs:
        return True  # "recognise the desk for …", "single her out for that"
    if particle and any(o.lower_ in ("it", "this", "that") for o in objs):
        return not any(c.dep_ == "prep" for c in kids)  # "call it out" (not "… in the notes")
    return any(_credited_person(o, lex) for o in objs)


def _credited_person(o: Token, lex: Lexicon) -> bool:
    """Is the object of a verb of credit a person: a personal pronoun, a name, a people or
    role noun, or a noun a "who" clause describes ("the weekend crew, who stayed on")?"""
    return (
        (o.tag_ == "PRP" and o.lower_ not in ("it", "this", "that"))
        or o.pos_ == "PROPN"
        or _is_people(o, lex)
        or any(
            c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children)
            for c in o.children
        )
    )


def _candour_adjective(verb: Token, lex: Lexicon) -> Token | None:
    """The adjective of candour or framing "be"/"make" takes ("be clear", "make it
    plain"), or None for any other verb."""
    if verb.lemma_.lower() not in _CANDOUR:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("acomp", "ccomp", "oprd", "xcomp", "attr")
            and c.lower_ in lex.courtesy_adjectives | lex.framing_adjectives
        ),
        None,
    )


def _placeholder_stance(verb: Token, lex: Lexicon) -> bool:
    """act38: candour promised about a placeholder ("we want to be clear about one thing",
    "to be upfront about something", :func:`_placeholder_topic`): the sentence announces
    what the writers say next and names no work, so it is no action item even in a list."""
    adj = _candour_adjective(verb, lex)
    if adj is None:
        return False
    after = [t for t in adj.doc[adj.i + 1 : adj.i + 4] if not t.is_space]
    return bool(after) and after[0].lower_ in ("about", "on") and _placeholder_topic(after[0], lex)


#: prepositions that name whom something is told to ("to you", "with you", "for you")
_RECIPIENT_PREPS = frozenset({"to", "with", "for"})
#: prepositions that name what is told about ("about the outage", "on how …")
_TOPIC_PREPS = frozenset({"about", "on", "regarding", "concerning", "of", "into", "behind"})
#: prepositions that place it in a document ("in this post", "below")
_DOCUMENT_PREPS = frozenset({"in", "within", "below"})
#: words that open a clause told about ("how the scheduler works", "what happened")
_WH_WORDS = frozenset({"how", "what", "why", "where", "when", "which", "who", "whether"})


def _tells_reader(verb: Token, modal: str, lex: Lexicon) -> bool:
    """The committed verb tells the reader what follows ("we would like to give you more
    detail about the outage", "to explain this, we need to share some background on how
    the scheduler works"): a verb of telling (``telling-verbs``) with information
    (``information-nouns``) or a "how …" clause as its object, told to the reader or to no
    one named, about a topic or in this document, and at no other time or place. After a
    modal of obligation the sentence must say that it explains (:func:`_expository`):
    "we need to share the runbook with support" and "we should give customers more detail
    during outages" are work."""
    if verb.lemma_.lower() not in lex.telling_verbs:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and _wh_clause(c)), None)
    if obj is not None and obj.lower_ not in lex.information_nouns:
        if obj.lemma_.lower() not in lex.information_nouns and not _wh_clause(obj):
            return False  # "share the runbook", "provide a status page"
    elif obj is None and clause is None:
        return False
    cue = clause is not None
    for m in (*verb.children, *(obj.children if obj is not None else ())):
        told = _told_part(m, lex)
        if told is None:
            return False  # "with support", "during outages", "in our alerts"
        cue = cue or told
    if verb.dep_ in ("xcomp", "ccomp"):  # "First, we need to explain …": the adverb of "need"
        cue = cue or any(
            c.dep_ == "advmod" and c.lower_ in lex.expository_adverbs for c in verb.head.children
        )
    return modal not in lex.vague_modals or cue or _purpose_lead(verb)


def _guides_reader(verb: Token, lex: Lexicon) -> bool:
    """The committed verb leads the reader through the account ("I want to walk you
    through what happened", "we'd like to take readers through the timeline"): a verb of
    guiding (``guide-verbs``) whose object is the reader (``guided-readers``) with
    "through" what is told, at no other time or place. "Walk the new hires through the
    runbook" or "take everyone through the drill at the next review" is work, still judged."""
    if verb.lemma_.lower() not in lex.guide_verbs:
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if len(objs) != 1 or objs[0].lower_ not in lex.guided_readers:
        return False
    through = False
    for m in verb.children:
        if m.dep_ == "prep" and m.lower_ == "through":
            through = any(g.dep_ in ("pobj", "pcomp") for g in m.children)
        elif m.dep_ in ("prep", "npadvmod", "tmod", "agent") and _told_part(m, lex) is None:
            return False  # "at the next review", "next month"
    return through


def _talks_about(verb: Token, modal: str, lex: Lexicon) -> bool:
    """Does the committed verb talk about a topic to the reader, the act the text itself
    performs ("I want to talk plainly about Saturday", "we'd like to speak about what went
    wrong")? A verb of talking (``talking-verbs``) with no object, "about" or "on" a topic,
    the reader as the only one talked to ("with you") and a manner of candour
    (``candour-adverbs``) or an expository adverb at most. After a modal of obligation it is
    a meeting to hold ("we need to talk about how pages are routed"), and talked to someone
    else, at another time or in another place it is work ("we want to talk to the vendor
    about a refund", "… at the next review"): still judged."""
    if verb.lemma_.lower() not in lex.talking_verbs or modal in lex.vague_modals:
        return False
    topic = False
    for m in verb.children:
        if m.dep_ in ("dobj", "dative"):
            return False
        if m.dep_ == "advmod" and m.lower_ in lex.candour_adverbs:
            continue
        if m.dep_ == "prep" and m.lower_ in ("about", "on"):
            topic = topic or any(g.dep_ in ("pobj", "pcomp") for g in m.children)
            continue
        if _told_part(m, lex) is None:
            return False  # "to the vendor", "at the next review", "next week"
    return topic


def _orders_account(verb: Token, lex: Lexicon, *, alone: bool = False) -> bool:
    """Does the writers' committed verb say in which order the account is told ("I want
    to start with the apology", "we want to begin by apologising", "let me start with
    what happened")? A verb of order (``account-order-verbs``) with "with" a part of the
    account (:attr:`Lexicon.account_parts`, or a "what …" clause) or "by" a verb of
    telling or courtesy. "Start with the payment retries" orders the work, still judged.
    ``alone``: one writer speaks ("I", "let me") in prose outside follow-up sections, where
    the order they start with is the order of their account whatever it names ("I want to
    start with the customers who were hit"); no one person commits the team there."""
    if not (word_forms(verb) & lex.account_order):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for g in prep.children:
            if alone and prep.lower_ in ("with", "by") and g.dep_ in ("pobj", "pcomp"):
                return True
            if prep.lower_ == "with" and g.dep_ in ("pobj", "pcomp"):
                if g.lemma_.lower() in lex.account_parts or g.lower_ in lex.account_parts:
                    return True
                if _wh_clause(g):
                    return True
            telling = lex.telling_verbs | lex.courtesy_verbs
            if prep.lower_ == "by" and g.dep_ == "pcomp" and word_forms(g) & telling:
                return True
    return False


def _one_writer(verb: Token) -> bool:
    """The committed verb's subject is one writer: "I" of the verb or of the intent verb
    that governs it ("I want to start …", "I'd like to begin …"), or "me" after "let"
    ("let me start with …")."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return False
        for c in node.children:
            if c.dep_ == "nsubj" and c.lower_ == "i":
                return True
            if node.lemma_.lower() == "let" and c.lower_ == "me":
                return True
        node = node.head if node.dep_ in ("xcomp", "ccomp") and node.head is not node else None
    return False


def _recorded_plan(toks: Sequence[Token], verb: Token, lex: Lexicon) -> Commitment | None:
    """The writers' own commitment in the clause that an idiom of the record puts on the
    record ("I want it noted that we should rethink the retry budget": "we should
    rethink"), its offset read from the sentence's start; None when the record holds no
    plan of theirs ("I want it noted that the vendor was told")."""
    for t in verb.subtree:
        if t.dep_ != "ccomp" or t.i <= verb.i:
            continue
        k = t.left_edge.i - toks[0].i
        found = find_commitment(toks[k : t.right_edge.i - toks[0].i + 1], lex.commitment)
        if found is not None and found.writers:
            return dataclasses.replace(found, start=found.start + toks[k].idx - toks[0].idx)
    return None


#: the pronouns an idiom of the record takes: "I want this on the record", "want it noted"
_RECORD_PRONOUNS = frozenset({"this", "it", "that"})


def _for_the_record(verb: Token, lex: Lexicon) -> bool:
    """The committed verb puts a statement on the record (``record-idioms``): "I want this
    on the record", "I'd like it noted that …", "I want to say for the record that …". The
    idiom is that verb ("noted") or follows it, after at most a pronoun; a named object
    ("keep every approval on record in the change log") is a practice, still judged. The
    verbs above the committed one are read too: in "I want it on the record that the vendor
    was told", "told" is committed and the idiom follows "want"."""
    if verb.lower_ in lex.record_idioms:
        return True
    for v in (verb, *verb.ancestors):
        words = [t.lower_ for t in v.doc[v.i + 1 : v.i + 6] if not t.is_space]
        if words and words[0] in _RECORD_PRONOUNS:
            words = words[1:]
        said = " ".join(words) + " "
        if any(said.startswith(f"{idiom} ") for idiom in lex.record_idioms):
            return True
    return False


def _told_part(m: Token, lex: Lexicon) -> bool | None:
    """A modifier of a verb of telling or of what it tells: None when it names someone
    other than the reader, a time or a place outside this document (the telling is then
    work); else whether it marks the sentence as an explanation (the reader as recipient,
    a topic that is a clause or one thing, this document, an expository adverb)."""
    if m.dep_ == "dative":
        return True if m.lower_ in lex.reader_words else None
    if m.dep_ == "advmod":  # "here", "briefly"; "how" of a clause the parser split
        return True if m.lower_ in lex.expository_adverbs or m.lower_ in _WH_WORDS else None
    if m.dep_ in ("npadvmod", "advcl", "tmod", "agent"):
        return None
    if m.dep_ != "prep":
        return False
    low = m.lower_
    pobj = next((g for g in m.children if g.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return True if low in _DOCUMENT_PREPS else None
    if low in _TOPIC_PREPS:
        return pobj.dep_ == "pcomp" or _wh_clause(pobj) or _one_thing(pobj)
    if low in _RECIPIENT_PREPS and pobj.lower_ in lex.reader_words:
        return True
    if low in _DOCUMENT_PREPS and pobj.lemma_.lower() in lex.document_nouns:
        return True
    return None


def _frames_incident(sent: Sequence[Token], lex: Lexicon) -> bool:
    """In a follow-up or lessons section, is a telling about the incident itself
    (``incident-nouns``: "more detail about the outage") or placed in this document ("in
    this post, …"), with no artefact to write (``artifact-nouns``: "an overview in the
    wiki")? "A clearer overview of the billing system" there is work."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & lex.artifacts:
        return False
    return bool(lemmas & lex.incident_nouns) or any(_in_document(t, lex) for t in sent)


def _wh_clause(t: Token) -> bool:
    """Is ``t`` a clause opened by "how", "what", "why" …, or such a word itself?"""
    return t.lower_ in _WH_WORDS or any(
        c.lower_ in _WH_WORDS and c.dep_ in ("advmod", "nsubj", "dobj", "mark", "attr")
        for c in t.children
    )


def _one_thing(t: Token) -> bool:
    """A singular noun with a definite or demonstrative determiner: "the outage", "this
    event" (a topic this document is about; "outages" in general is not)."""
    return t.tag_ in ("NN", "NNP") and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "our") for c in t.children
    )


def _purpose_lead(verb: Token) -> bool:
    """Does the sentence open with a purpose clause ("To explain this, …", "To understand
    what went wrong, …") before the verb of telling?"""
    return any(
        t.dep_ == "advcl"
        and t.i < verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i == t.i - 1 for c in t.children)
        and t.left_edge.i == t.sent.start
        for t in verb.sent
    )


def _clause_after(adj: Token, lex: Lexicon, *, topics: bool = True) -> bool:
    """Does a clause follow the adjective of candour ("clear that …", "open about what
    …"), after the audience it is owed to, if named ("honest with the board about how
    …", "frank to our readers about why …"), or a topic this account is about: a pronoun
    or one thing ("candid about each", "upfront about our part")? "Open about incidents"
    in general is a policy, still judged. A topic that only holds the place of what comes
    next (:func:`_placeholder_topic`: "clear about one thing") frames even in an item."""
    doc, i = adj.doc, adj.i + 1
    while i < len(doc) and (doc[i].is_space or doc[i].is_punct or doc[i].tag_ == "RB"):
        i += 1  # an aside between: "clear, frankly, about what broke"
    if i < len(doc) and doc[i].lower_ in ("with", "to") and doc[i].head.i in (adj.i, adj.head.i):
        # the audience, up to its noun ("with the board"; an "about …" the parser hangs
        # on that noun still follows it)
        i = max((c.i for c in doc[i].children if c.dep_ == "pobj"), default=i) + 1
    after = [t for t in doc[i : i + 4] if not t.is_space]
    if after and after[0].lower_ in ("about", "on") and _placeholder_topic(after[0], lex):
        return True  # "clear about one thing", "upfront about something": no topic named
    if after and after[0].lower_ in ("about", "on") and len(after) > 1:
        topic = next((c for c in after[0].children if c.dep_ == "pobj"), None)
        if topics and topic is not None and (topic.tag_ in ("PRP", "DT") or _one_thing(topic)):
            return True  # "honest about both", "candid about it", "open about our part"
        after = after[1:]
    return bool(after) and after[0].lower_ in _CLAUSE_OPENERS


def _placeholder_topic(prep: Token, lex: Lexicon) -> bool:
    """Is the object of ``prep`` ("about", "on") a word that holds the place of what the
    writers will say next, and names nothing (``placeholder-topics``: "about one thing",
    "about a couple of points", "about something")? "About our retry policy" names a
    topic, and the candour promised about it may be a policy."""
    doc = prep.doc
    for t in doc[prep.i + 1 : prep.i + 6]:
        if t.is_space or t.tag_ in ("DT", "CD", "PDT") or t.lower_ in ("of", "few"):
            continue
        if t.lemma_.lower() == "couple" or t.lower_ == "couple":
            continue  # "a couple of things": the placeholder follows
        return t.lemma_.lower() in lex.placeholder_topics or t.lower_ in lex.placeholder_topics
    return False


def _introduces(tok: Token) -> bool:
    """Does the sentence of ``tok`` end in a colon, introducing the text that follows
    ("… and we want to be honest with you here:")? It frames that text, it asks for no
    work."""
    last = next((t for t in reversed(tok.sent) if not t.is_space), None)
    return last is not None and last.text == ":"


def _declarative(verb: Token, lex: Lexicon) -> bool:
    """The verb states a fact about something (a subject that is not the writers, in the
    present or past: "two paths ensure …"), so it is not an instruction."""
    if verb.tag_ not in ("VBZ", "VBP", "VBD") and not (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
    ):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ not in lex.commitment.writers


#: the future markers a statement of fact uses: "will", "'ll" (not "going forward", "plan to")
_PLAIN_FUTURE = frozenset({"will", "'ll", "\u2019ll"})


def _foretells(sent: Sequence[Token], low: str, lex: Lexicon) -> bool:
    """The sentence's only sign of the future is "will" in the active voice with a thing as
    its subject: "metrics computed on the same stale data will agree with it", "retries
    will amplify any outage of the token service" state what things do, a lesson, not a
    plan. Someone's plan names the writers or people ("the on-call rota will add a second
    engineer"), is passive ("deploys will be gated on the canary": someone gates them), or
    says when ("from now on", "going forward", ``future-markers``). A thing that will get
    better ("alerting will improve", "the tooling will get faster": ``improvement-verbs`` or
    a comparative after the verb) is a wish for a change, judged like any other."""
    if any(m.group(0) not in _PLAIN_FUTURE for m in lex.future_re.finditer(low)):
        return False
    wills = [t for t in sent if t.tag_ == "MD" and t.lower_ in _PLAIN_FUTURE]
    return bool(wills) and all(
        _thing_does(t.head, lex) and not _improves(t.head, lex) for t in wills
    )


def _improves(verb: Token, lex: Lexicon) -> bool:
    """Does ``verb`` say that its subject gets better, naming nothing it acts on: an
    ``improvement-verbs`` verb with no object ("alerting will improve over time"), a
    comparative as its complement ("get better", ``becoming-verbs``: "become more
    reliable", "get faster"), or one in the
    clause an improvement verb governs ("help us spot stalls sooner")? "A second replica
    will improve read latency" states an effect on something named: a lesson; "sooner or
    later" is an idiom, no comparison."""
    improving = bool(word_forms(verb) & lex.improvement_verbs)
    if improving and not any(
        c.i > verb.i and (c.dep_ in _OBJECT_DEPS or c.pos_ in ("NOUN", "PROPN", "PRON"))
        for c in verb.children
    ):
        return True
    heads: list[tuple[Token, tuple[str, ...]]] = [(verb, ("acomp", "oprd", "attr"))]
    if word_forms(verb) & lex.becoming_verbs:  # "get faster" is parsed as an adverb
        heads.append((verb, ("advmod",)))
    if improving:
        heads += [(c, ("acomp", "advmod")) for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    return any(
        c.i > h.i
        and c.dep_ in deps
        and not any(g.dep_ == "cc" for g in c.children)
        and (c.tag_ in ("JJR", "RBR") or any(g.tag_ in ("JJR", "RBR") for g in c.children))
        for h, deps in heads
        for c in h.children
    )


#: what a verb acts on, as the parser reads it (a clause too: "improve read latency" is
#: sometimes parsed as "improve" + a clause "read latency")
_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "npadvmod", "attr", "oprd"})


def _thing_does(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` active with a subject that is a thing, not the writers, people, a role
    or a name ("the retries", "metrics computed on it", "this")?"""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("auxpass", "expl") for c in verb.children):
        return False  # "deploys will be gated …": someone gates them
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is not None and subj.dep_ == "csubj":  # "metrics computed on X will …"
        subj = next((c for c in subj.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    low, lemma = subj.lower_, subj.lemma_.lower()
    if subj.pos_ == "PRON":
        return low in ("it", "this", "that")
    # people, and the planned work itself ("the improvements underway will provide …",
    # "these changes will stop …"), are no thing whose behaviour a lesson states
    others = (
        lex.commitment.writers,
        lex.people_nouns,
        lex.owner_roles,
        lex.vague_nouns,
        lex.safeguard_nouns,
        lex.weak_nouns,
        lex.commitment.proposals,
    )
    return (
        subj.pos_ == "NOUN"
        and not any(low in ws or lemma in ws for ws in others)
        and not _role_noun(subj, lex, by_suffix=False)
    )


#: the present forms of "be" before an "-ing" verb: "we are looking", "we're exploring"
_PRESENT_BE = frozenset({"are", "'re", "\u2019re", "am", "'m", "\u2019m"})
#: ... and of "have" before "been": "we have been exploring", "we've been looking into"
_PRESENT_HAVE = frozenset({"have", "'ve", "\u2019ve"})


def _ongoing(sent: Sequence[Token], text: str, lex: Lexicon, *, prose: bool) -> str | None:
    """The writers report an activity with no end as under way, in the present progressive
    of the sentence's main verb: "we are looking into ways to reduce retries", "we're
    exploring other stores", "we are still revisiting the limits", "we've been looking into
    a second provider". It is the same vague
    action as "we will look into …" (what will exist when it is done?). Not in a clause
    ("while we are looking into it, …"), negated, with a measure ("we are improving p99 to
    200 ms"), or in the past ("we were looking into …"). In ``prose`` outside follow-up
    sections, not when it describes (:func:`_describes`). The vague verb or phrase as
    written, or None."""
    base = sent[0].idx if sent else 0
    for t in sent:
        if t.dep_ != "ROOT" or t.tag_ != "VBG" or stated_verb(t) is not t:
            continue
        aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if not (aux & _PRESENT_BE or ("been" in aux and aux & _PRESENT_HAVE)):
            return None  # "we were looking into …", "we had been exploring …": the story
        if any(c.dep_ == "neg" for c in t.children) or not by_writers(t, lex.commitment):
            return None
        forms = word_forms(t)
        found = _phrase_at(text[t.idx - base :], lex.vague_phrases, forms)
        if found is None and forms & lex.vague_verbs:
            found = _as_written(t)
        if (
            found is not None
            and (" " not in found or found in lex.target_bounded)
            and has_threshold(sent, lex)
        ):
            return None
        if found is not None and prose and _describes(t, lex):
            return None
        return found
    return None


def _in_document(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` a place in this document after "in"/"below" ("this write-up", "the next
    section"), its name read with its hyphenated parts ("write-up" is parsed as "up")?"""
    if t.dep_ != "pobj" or t.head.lower_ not in _DOCUMENT_PREPS:
        return False
    name = "".join(w.text for w in t.subtree if w.i <= t.i and w.dep_ in ("compound", "punct"))
    return t.lemma_.lower() in lex.document_nouns or (name + t.text).lower() in lex.document_nouns


def _this_document(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` this document itself ("this write-up", "this review"), its name read with
    its hyphenated parts ("write-up" is parsed as "up")?"""
    if not any(c.dep_ == "det" and c.lower_ in ("this", "these") for c in t.children):
        return False
    name = "".join(w.text for w in t.subtree if w.i <= t.i and w.dep_ in ("compound", "punct"))
    return t.lemma_.lower() in lex.document_nouns or (name + t.text).lower() in lex.document_nouns


def _document_purpose(verb: Token, lex: Lexicon) -> bool:
    """Is the committed clause the aim of this document itself, its subject ("we want this
    write-up to be useful to other teams", "we'd like this review to serve as a reference")
    with a verb of being or serving (``document-purpose-verbs``)? The writers say what
    they mean the text to be, its tone or its use: nothing is left to do once it is
    written. "We want this report published on the status page" (a passive: someone
    publishes it) and "we want this dashboard to be useful" (no document) are still read."""
    if verb.lemma_.lower() not in lex.document_purpose_verbs:
        return False
    if verb.lemma_.lower() == "be" and verb.dep_ in ("aux", "auxpass"):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    return subj is not None and _this_document(subj, lex)


def _asks_a_change(verb: Token, lex: Lexicon) -> bool:
    """Does the asking verb (not one of ``role-verbs``: "ask", "tell", "request") hand a
    party outside the organisation (:func:`_outside_party`: "the mirror operators") a
    change to its own setup: an asked verb of ``asked-change-verbs`` with what it changes,
    an object or a "to"/"onto"/"from" ("Ask the mirror operators to switch their feeds to
    the signed endpoint", "Request that downstream maintainers pin the client to 3.1")?
    That is a technical errand whose end state is a mechanism they run, no behaviour. Our
    own people asked ("all contributors"), or an adverb of manner or habit on the asked
    verb ("upgrade more carefully", "always rotate"), is still people-fixing."""
    if word_forms(verb) & lex.role_verbs:
        return False
    for act in verb.children:
        if act.dep_ not in ("xcomp", "ccomp") or act.lemma_.lower() not in lex.asked_changes:
            continue
        party = next((c for c in verb.children if c.dep_ == "dobj"), None)
        party = party or next((c for c in act.children if c.dep_ == "nsubj"), None)
        kids = list(act.children)
        if (
            party is None
            or not _outside_party(party, lex)
            or any(
                c.dep_ == "advmod"
                and (c.tag_ == "RBR" or c.lower_.endswith("ly") or c.lower_ in lex.habit_adverbs)
                for c in kids
            )
        ):
            return False
        if any(
            (c.dep_ == "dobj" and c.lower_ not in lex.people_nouns)
            or (
                c.dep_ == "prep"
                and c.lower_ in ("to", "onto", "from")
                and any(g.dep_ == "pobj" for g in c.children)
            )
            for c in kids
        ):
            return True
    return False


def _outside_party(party: Token, lex: Lexicon) -> bool:
    """Do the words before the asked party name it as outside the organisation
    (``outside-party-words``: "mirror operators", "third-party developers", "customer
    admins")? Read as written, hyphenated words whole."""
    before = party.doc.text[party.left_edge.idx : party.idx].lower()
    return any(w in lex.outside_parties for w in _WORDS_HYPHEN.findall(before))


#: the words that set one thing against another after a verb: "not at …", "rather than
#: …", "instead of …"
_CONTRAST = frozenset({"not", "n't", "than", "instead"})


def _review_focus(verb: Token, lex: Lexicon) -> bool:
    """Does the writers' look (``review-focus-verbs``: "we are examining the guard the
    deploy path lacked") turn from people later in its sentence ("not at one person",
    "rather than who pressed the button", "instead of at anyone": a contrast word within
    four words of ``review-focus-people`` or ``stance-alternatives``)? The review says how
    it reads the incident, the blameless stance it takes, and leaves nothing to finish.
    "We're looking at how to speed up failover, not at a rebuild" sets work against work
    and is still judged."""
    if verb.lemma_.lower() not in lex.review_focus_verbs:
        return False
    after = [t for t in verb.sent if t.i > verb.i and not t.is_space]
    for n, t in enumerate(after):
        if t.lower_ in _CONTRAST and any(
            w.lower_ in lex.review_focus_people or w.lemma_.lower() in lex.review_focus_people
            for w in after[n + 1 : n + 5]
        ):
            return True
    return False


def _describes(verb: Token, lex: Lexicon) -> bool:
    """Does the writers' "we are looking at/into …" describe rather than plan: placed in
    this document ("in this write-up", "in the section below"), sizing an amount ("about
    2,300 delayed orders"), going through what happened ("why the queue stalled"), or, for
    "look at", about anything but the choices still open (``open-choices``, a "how"/
    "whether" clause): "we're looking at the same thresholds in staging"?"""
    if any(_in_document(t, lex) for t in verb.sent) or _review_focus(verb, lex):
        return True
    objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
    objs += [
        g
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    for o in objs:
        if any(w.tag_ == "CD" for w in o.subtree):
            return True
        if _wh_clause(o) and any(w.tag_ == "VBD" for w in o.subtree):
            return True  # "what went wrong", "why the queue stalled": the story
    looks_at = verb.lemma_.lower() == "look" and any(
        c.dep_ == "prep" and c.lower_ == "at" for c in verb.children
    )
    return looks_at and not any(
        o.lemma_.lower() in lex.open_choices
        or o.lower_ in lex.open_choices
        or any(w.lower_ in ("how", "whether") for w in o.subtree)
        for o in objs
    )


def _past_root(sent: Sequence[Token]) -> bool:
    """The sentence's main verb is in the past: a record ("Some nodes stopped …"; not a
    present passive, "faster rollbacks are needed")."""
    return any(
        t.dep_ == "ROOT"
        and (
            t.tag_ == "VBD"
            or (
                t.tag_ == "VBN"
                and not any(c.lower_ in ("are", "is", "am", "be", "'re") for c in t.children)
            )
        )
        for t in sent
    )


def _modelling(sent: Sequence[Token], verb: Token, lex: Lexicon) -> bool:
    """Modelling prose: "Consider a hypothetical …", "consider the case where …"."""
    if verb.lemma_.lower() != "consider" and verb.lower_ != "consider":
        return False
    return any(t.lower_ in lex.modelling for t in sent[verb.i + 1 : verb.i + 4])


_LINK = re.compile(r"\]\([^)\s]+\)|https?://")


def _agrees_document(verb: Token, lex: Lexicon) -> bool:
    """An agreement that produces a document: "agree" (``agreement-verbs``) with an
    object, or the object of its "on", that names one (``agreed-documents``,
    ``artifact-nouns``, or any noun written down: "a written idempotency specification",
    "a signed data-sharing agreement"). The agreed document is the end state; "agree on
    next steps", "agree priorities" and "agree an approach" name none."""
    if not (word_forms(verb) & lex.agreement_verbs):
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    documents = lex.agreed_documents | lex.artifacts
    return any(
        o.pos_ in ("NOUN", "PROPN")
        and (
            o.lower_ in documents
            or o.lemma_.lower() in documents
            or any(c.dep_ == "amod" and c.lower_ in lex.written_forms for c in o.children)
        )
        for o in objs
    )


def _lead_in(toks: Sequence[Token], lex: Lexicon) -> bool:
    """act33: the sentence is a heading-like lead-in, a noun phrase with no verb of its own
    headed by a general noun (``lead-in-nouns``: "Some areas we could do better.", "A few
    points where we fell short."); a verb may stand only in a clause on that noun."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    return (
        root is not None
        and root.pos_ == "NOUN"
        and root.lemma_.lower() in lex.lead_in_nouns
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "cop") for c in root.children)
    )


def _announces(toks: Sequence[Token], verb: Token | None, lex: Lexicon) -> bool:
    """act38: the sentence announces what the writers say next and names no work: a
    verbless remark (:func:`_announcement`) or candour promised about a placeholder
    (:func:`_placeholder_stance`), whatever opener comes before it ("we must be honest
    about something")."""
    if verb is not None:
        return _placeholder_stance(verb, lex)
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    return root is not None and root.pos_ == "NOUN" and _announcement(root, lex)


def _announcement(root: Token, lex: Lexicon) -> bool:
    """act38: a verbless sentence that announces a remark of the writers' ("One more note
    on this.", "A final word on ownership.", "Another caveat about these dates."): its head
    is a word for a remark (``announcement-nouns``) placed in the telling by a word of
    order or size (``announcement-modifiers``), with at most a topic after it. It is a
    comment among the items, no item with a verb missing. "Release note for the fix" (a
    compound: a thing to write), "A short note to support" (sent to someone) and "Point
    of contact for the vendor" (no word of order) keep "has no verb"."""
    if root.lemma_.lower() not in lex.announcement_nouns:
        return False
    ordered = False
    for c in root.children:
        if c.is_punct or c.is_space:
            continue
        if c.lower_ in lex.announcement_modifiers:
            ordered = True
        elif not (
            (c.dep_ in ("det", "nummod") and c.tag_ in ("DT", "CD"))
            or (c.dep_ == "prep" and c.lower_ in _ANNOUNCED_TOPICS)
        ):
            return False  # "Handover note …", "A note for the night shift": a thing to write
    return ordered


#: the prepositions that name what a remark is about ("a note on …", "a word about …")
_ANNOUNCED_TOPICS = frozenset({"on", "about", "regarding", "concerning"})


def _points_at_items(verb: Token, lex: Lexicon) -> bool:
    """act33: the object of a vague verb is the listed items themselves ("we have settled
    the following changes", "we will prioritise the fixes below"): the sentence announces
    the list, whose items are judged on their own, and is no item of its own; so does a
    dated review of the list itself ("we go over these commitments again on 2 March",
    :meth:`Lexicon.reviews_the_list`)."""
    return any(
        c.dep_ == "dobj"
        and (
            lex.refers_to_items(" ".join(t.text for t in c.subtree))
            or lex.reviews_the_list(_phrase_of(c), verb.sent.text)
        )
        for c in verb.children
    )


def _phrase_of(t: Token) -> str:
    """The words ``t`` heads, as written ("all of our follow-ups": a hyphenated word whole)."""
    return t.doc[t.left_edge.i : t.right_edge.i + 1].text


_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass")
#: the modals that state a duty ("our canaries must confirm ...")
_DUTY_MODALS = frozenset({"must", "should", "shall"})


def _a_things_duty(commit: Commitment, lex: Lexicon) -> bool:
    """Is the commitment a duty laid on a thing, unhedged, with the condition it must meet
    ("Our canaries must confirm that the queue actually drains", "the alerts must fire
    before the disk fills"): what a system must do, stated as a lesson, no vague item for
    anyone (a vague verb or modifier in it is judged before this). "We must improve our
    canaries" and "the on-call should keep an eye on it" are people's."""
    subj = subject_of(commit.verb)
    return (
        commit.subject == "other"
        and commit.hedge is None
        and not commit.negated
        and commit.modal in _DUTY_MODALS
        and subj is not None
        and subj.pos_ == "NOUN"
        and subj.dep_ == "nsubj"  # "the runbook must be reviewed": work for people
        and not {subj.lower_, subj.lemma_.lower()} & lex.people_nouns
        and any(  # the condition it must meet, a clause of its own ("… that the queue
            # empties", "… before the disk fills"); "the clinic should act on these
            # findings" asks a party for work
            c.dep_ in ("ccomp", "advcl") and any(g.dep_ in _CLAUSE_SUBJECTS for g in c.children)
            for c in commit.verb.children
        )
    )


def _names_artifact(sent: Doc, verb: Token, lex: Lexicon) -> bool:
    """Something the committed verb governs is a named artefact: "we should have a
    monitoring bot that …", "make sure the cron job runs", "a runbook for …"."""
    for t in verb.subtree:
        if t.i > verb.i and t.pos_ in ("NOUN", "PROPN"):
            if t.lemma_.lower() in lex.artifacts or t.lower_ in lex.artifacts:
                return True
            if t.pos_ == "PROPN" and t.dep_ == "dobj" and t.head.i == verb.i:
                return True  # "we should enable Dependabot"
    return False


def _abstract_object(sent: Sequence[Token], verb: Token | None, lex: Lexicon) -> str | None:
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
        if (o.lemma_.lower() in lex.abstract or o.lower_ in lex.abstract) and not _written_down(
            o, verb, lex
        ):
            return o.text
    return None


def _written_read_as_verb(o: Token, lex: Lexicon) -> bool:
    """ "Require a staging window and written fallback plan": the parse joins "written" to the
    main verb as a second verb with the plan for its object, though it modifies the plan
    (a bare participle, tagged VBN or VBD, before an object with no determiner: "… and
    have written a plan" and "… and documented the plan" are not this)."""
    head = o.head
    return (
        o.dep_ == "dobj"
        and head.lower_ in lex.written_forms
        and head.tag_ in ("VBN", "VBD")
        and head.dep_ == "conj"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in head.children)
        and not any(c.dep_ in ("det", "poss") for c in o.children)
    )


#: prepositions that place a document somewhere ("in the wiki", "with each ticket")
_PLACING_PREPS = frozenset({"in", "with", "on", "to", "into", "inside"})


def _written_down(o: Token, verb: Token | None, lex: Lexicon) -> bool:
    """The abstract noun names a document, not a way of working: written down ("a written
    recovery plan", "a signed-off test plan", ``written-forms``) or kept with an artefact
    ("a plan attached to every change ticket", "store the failover plan in the ops
    wiki"). "Have a plan for the dashboard" and "plan better" are still ways of working,
    and so are a written-down way of working ("a documented process", "a recorded
    approach": only ``document-like-objects`` can be documents) and one to keep to
    ("follow the plan in the runbook", "keep to the published plan": ``following-verbs``)."""
    if not (o.lemma_.lower() in lex.document_like or o.lower_ in lex.document_like):
        return False
    if verb is not None and _follows(verb, lex):
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.written_forms for c in o.children):
        return True
    if _written_read_as_verb(o, lex) or _named_document(o, verb, lex):
        return True
    holders = [c for c in o.children if c.dep_ in ("acl", "relcl")]
    holders += [c for c in o.children if c.dep_ == "prep" and c.lower_ in _PLACING_PREPS]
    if verb is not None:
        holders += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PLACING_PREPS]
    return any(
        t.pos_ in ("NOUN", "PROPN")
        and (t.lemma_.lower() in lex.artifacts or t.lower_ in lex.artifacts)
        for h in holders
        for t in h.subtree
    )


def _named_document(o: Token, verb: Token | None, lex: Lexicon) -> bool:
    """Is a document-like noun one document the team already keeps, named by what it is
    for and pointed at ("Update the capacity plan with …", "add the step to our rollback
    plan", "Publish the incident-review guidelines"): a definite determiner, a possessive
    or, in an item written in note style, none at all ("Extend gateway test plan"), and a
    noun before it, and no verb of founding it (``founding-verbs``: "Establish the
    escalation plan")? "Create a plan", "have a better plan" and "the plan" name none."""
    if verb is not None and verb.lemma_.lower() in lex.founding_verbs:
        return False
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
        or c.dep_ == "poss"
        for c in o.children
    )
    # an item written in note style drops its articles ("Extend gateway test plan to
    # include …", "Update rollback plan with …"): with no determiner at all, after a verb
    # that changes an artefact (``concrete-verbs``; "Need test plan" still wishes for one)
    bare = (
        verb is not None
        and bool(word_forms(verb) & lex.concrete)
        and not any(c.dep_ in ("det", "poss", "nummod") for c in o.children)
    )
    return (definite or bare) and any(
        c.dep_ in ("compound", "nmod")
        and c.pos_ in ("NOUN", "PROPN")
        and (verb is None or c.i > verb.i)  # "Update plans" read as one noun phrase
        for c in o.children
    )


def _follows(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` one of keeping to a way of working ("follow", "adhere to", "keep to")?"""
    lemma = verb.lemma_.lower()
    if lemma in lex.following or verb.lower_ in lex.following:
        return True
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    return any(f"{lemma} {p}" in lex.following for p in preps)


def _names_the_object(t: Token, toks: Sequence[Token]) -> bool:
    """Is a bounding noun part of the name of what is reviewed, not the output of the
    review: a noun before another content word ("Review the recommendations widget",
    "Review the decision log", "the proposal template")? "Review the cache and make a
    recommendation", "a proposal for …", "a report back to …", "a decision whether …"
    end with one. The small parser often reads the second noun as a verb ("widget" as
    VBP): only a base, past or -ing form after it is a verb of the output's own."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    nxt = next((x for x in toks if x.i > t.i and not x.is_space), None)
    return (
        nxt is not None
        and nxt.is_alpha
        and not nxt.is_stop
        and nxt.tag_ not in ("VB", "VBD", "VBN", "VBG", "MD")
    )


def _date_follows(sent: Doc, tok: Token) -> bool:
    rest = text_of(sent)[tok.idx - sent[0].idx + len(tok.text) :][:24]
    return (
        re.match(
            r"\s*(?:\d{4}-\d{2}-\d{2}|Q[1-4]|[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+|"
            r"end of|the end of)",
            rest,
        )
        is not None
    )


def _is_record(sent: Sequence[Token], text: str, start: int, lex: Lexicon) -> bool:
    """The item records work done: it opens with a past form ("Migrated …", "Made …") or
    its main verb is a past participle with "now" or "have" ("validators now configured
    …", "we've tightened …")."""
    w = _LEAD_WORD.match(text, start)
    if w is not None:
        word, at = w.group(1).lower(), w.start(1)
        pre, _, rest = word.partition("-")
        if rest and pre in lex.verb_prefixes:
            word, at = rest, at + len(pre) + 1  # "Re-ran the job": "ran"
        if len(word) > 4 and word.endswith("ed"):
            return True
        if word in lex.irregular_past:  # "Cut the build time" is an imperative, "Made" is not
            first = next((t for t in sent if t.idx >= at + sent[0].idx), None)
            return first is not None and first.tag_ in ("VBD", "VBN")
    return any(
        t.dep_ == "ROOT"
        and t.tag_ in ("VBN", "VBD")
        and any(c.lower_ in ("now", "have", "'ve", "has") for c in t.children)
        for t in sent
    )


def _names_deliverable(sent: Doc, verb: Token | None, lex: Lexicon) -> bool:
    """The item lists several deliverables, one of them a named artefact ("clear escalation
    policies, on-call rotations and pager tooling"): a quality word there describes
    checkable things ("a sustainable rotation" alone is still a wish)."""
    if verb is None:
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objs += [g for o in objs for g in o.conjuncts]
    return len(objs) > 1 and any(
        o.lemma_.lower() in lex.artifacts or o.lower_ in lex.artifacts for o in objs
    )


def _vague_modifier(
    sent: Sequence[Token],
    text: str,
    start: int,
    lex: Lexicon,
    *,
    allow_quality: bool,
    allow_comparative: bool = False,
    skip: Token | None = None,
) -> str | None:
    """A vague modifier in the action part of the text (conditions cut off): a quantity word
    or an unmeasured comparative, or (unless ``allow_quality``) a quality word."""
    base = sent[0].idx
    cut = base + lex.condition_at(text[start:]) + start
    for t in sent:
        if t.idx < base + start or t.idx >= cut or (skip is not None and t.i == skip.i):
            continue
        low = t.lower_
        comparative = (
            not allow_comparative
            and t.tag_ in ("JJR", "RBR")
            and low.endswith("er")
            and low not in _NOT_COMPARATIVES
            and low not in lex.identifying_comparatives  # "the older model": which one
            and not _noun_read_as_comparative(t)
        )
        if not (low in lex.modifiers or comparative or (low in lex.quality and not allow_quality)):
            continue
        if allow_comparative and t.pos_ == "ADV" and low not in _COMPARATIVES:
            continue  # a record's intensity ("we've significantly tightened …") happened
        nxt = sent[t.i + 1] if t.i + 1 < len(sent) else None
        if nxt is not None and nxt.text == "-" and nxt.idx == t.idx + len(t.text):
            continue  # "a higher-capacity server": a named kind, not a direction
        if nxt is not None and nxt.lower_ in ("term", "run"):
            continue  # "the longer term fix", "in the longer run": when, not how much
        if t.i > 0 and sent[t.i - 1].like_num:
            continue  # "two more engineers", "3 more replicas": counted
        if _counts_the_list(t, lex):
            continue  # "some of these are done; some will take weeks": about the list
        if lex.mentioned(text, t.idx - base, t.idx - base + len(t.text)):
            continue  # "stop adding 'be more careful' items": a quote turned down
        if low == "more" and t.i > 0 and sent[t.i - 1].lower_ == "any":
            continue  # "does not page anyone any more": no longer, not a quantity
        if banned(t, lex):
            continue  # "no more Friday deploys": a ban, a policy, not an amount
        if low in lex.intensifiers and _defined_by_clause(t):
            continue  # "a proper smoke test that loads the checkout page": what it does
        if (
            nxt is not None
            and nxt.lower_ in ("than", "of")
            and (nxt.lower_ == "than" or any(x.like_num for x in sent[t.i + 2 : t.i + 4]))
        ):
            continue
        return t.text
    return None


#: the relative words that open a clause saying what a thing does ("a test that loads …")
_RELATIVES = frozenset({"that", "which"})


def _defined_by_clause(t: Token) -> bool:
    """Is ``t`` (an intensifier: ``intensifier-qualities``) an adjective of a thing whose
    own clause says what it does, to something named: a relative clause with the thing as
    its subject and an object of its own ("a proper smoke test that loads the checkout
    page from three regions"), or a participle with an object ("a proper soak test
    running a week of recorded orders through staging")? The clause is the end state and
    "proper" only stresses it; "set up proper monitoring", "write a proper runbook" and "a
    proper guide that engineers read" (the thing the clause's object) stay vague."""
    if t.dep_ != "amod":
        return False
    for c in t.head.children:
        if c.pos_ != "VERB" or not any(g.dep_ == "dobj" and g.pos_ == "NOUN" for g in c.children):
            continue
        if c.dep_ == "acl" and c.tag_ == "VBG":
            return True
        if c.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.lower_ in _RELATIVES for g in c.children
        ):
            return True
    return False


#: where a word in -er the tagger calls a comparative stands as a noun phrase's head
_NOUN_SLOTS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos"})


def _noun_read_as_comparative(t: Token) -> bool:
    """Is ``t``, tagged a comparative, a thing's name in -er that heads a noun phrase
    with a determiner of its own ("run every new multiplier through the simulator", "put a
    limiter on the export")? A direction modifies a noun or completes a verb ("a bigger
    buffer", "make the retries smarter"); an object that a determiner introduces is the
    thing changed, one named component."""
    return (
        t.tag_ == "JJR"
        and t.dep_ in _NOUN_SLOTS
        # "each" may be parsed as an adverb of it; a possessive ("our limiter") is one too
        and any((c.dep_ in ("det", "poss") or c.tag_ == "DT") and c.i < t.i for c in t.children)
    )


#: words in -er that are no unmeasured comparative ("fewer" counts, "later" says when)
_NOT_COMPARATIVES = frozenset(
    {"fewer", "later", "other", "under", "over", "after", "inner", "outer", "upper", "former"}
)


def _unmeasured(t: Token, lex: Lexicon) -> bool:
    """Does ``t`` give a direction with no measure: a vague modifier ("more", "better"), a
    comparative ("greater", "stronger"), or the comparative of a quality word, which the
    tagger may take for a name when it opens an item ("Clearer ownership of …")?"""
    low = t.lower_
    if low in lex.modifiers:
        return True
    if not low.endswith("er") or low in _NOT_COMPARATIVES or low in lex.identifying_comparatives:
        return False
    # "Stricter discipline": the tagger may read a capitalised comparative as a plain adjective
    return t.tag_ in ("JJR", "RBR", "JJ") or low[:-2] in lex.quality or low[:-1] in lex.quality


def _leads_noun_phrase(first: Token) -> bool:
    """Does ``first`` modify (directly or through another modifier) the head of an item
    that is one noun phrase ("More careful reviews", "Better security awareness")? A
    gerund the parser took for the head counts ("Better | phishing awareness …")."""
    t = first
    for _ in range(4):
        if t.dep_ == "ROOT":
            return t is not first and (t.pos_ in ("NOUN", "PROPN") or t.tag_ == "VBG")
        if t.dep_ not in ("amod", "advmod", "compound", "nmod") or t.head.i <= t.i:
            return False
        t = t.head
    return False


def _wished_way(sent: Sequence[Token], lex: Lexicon) -> str | None:
    """The leading word of a noun phrase that wishes for a way of working with a direction
    and no measure ("Increased vigilance during releases", "Clearer ownership of the export
    job": ``wish-nouns``), or None. The direction may be a participle ("Heightened
    caution"), unless it says the way is written down ("Documented ownership …")."""
    first = next((t for t in sent if t.is_alpha), None)
    root = next((t for t in sent if t.dep_ == "ROOT"), None)
    if first is None or root is None or not _leads_noun_phrase(first):
        return None
    if root.lemma_.lower() not in lex.wish_nouns and root.lower_ not in lex.wish_nouns:
        return None
    low = first.lower_
    participle = (
        low.endswith("ed") and first.tag_ in ("VBN", "VBD", "JJ") and low not in lex.written_forms
    )
    return first.text if participle or _unmeasured(first, lex) else None


def _counts_the_list(t: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``t`` a subject standing for entries of the list, not a vague
    amount of something named: bare ("some will take weeks") or over a pronoun or the
    items ("some of these", "several of the items below")? "Some of the alerts should be
    deleted" and "some dashboards" quantify a thing, still vague."""
    if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ not in ("DET", "PRON", "ADJ"):
        return False
    of = next((c for c in t.children if c.dep_ == "prep"), None)
    if of is None:
        return not any(c.dep_ in ("amod", "compound") for c in t.children)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    return (
        of.lower_ == "of"
        and pobj is not None
        and (pobj.tag_ in ("PRP", "DT") or pobj.lower_ in lex.item_nouns)
    )


#: prose modes of sections that tell what happened (:data:`ProseMode`): a deliberation
#: reported there ("we weighed a rollback but kept the primary") is part of the story
_NARRATIVE = frozenset({"anywhere", "future", "answers"})


def action_judgment(lex: Lexicon) -> Judgment[ProseMode, ActionText, Verdict]:
    """PM301/PM306 as a sentence judgment (:mod:`pm_lsp.nlp.judge`) for one lexicon.

    The prefilter's context says whether only sentences about the future count (a
    future-work section); the judges read tags, lemmas and the dependency parse, never
    named entities, so no text goes through the entity recogniser. Verdicts hold no
    offsets."""

    def prefilter(text: str, mode: ProseMode) -> bool:
        if mode in ("questions", "answers"):
            if text.rstrip().endswith("?"):
                return False  # an open question (or one of a Q&A) is asked, not proposed
            mode = "anywhere"
        if lex.may_prevent(text):  # "we have put measures in place to prevent a repeat"
            return True
        if lex.may_demand_habit(text):  # "the billing team needs to start testing …"
            return True
        if mode == "anywhere":
            return lex.writers_may_commit(text) or lex.people_passive.search(text) is not None
        if mode == "lessons":
            return (
                lex.writers_may_commit(text)
                or _has_future(text.lower(), lex)
                or _may_be_proposal(text, lex)
                or _asks(text)
                or lex.people_passive.search(text) is not None
            )
        if mode == "future":
            return _has_future(text.lower(), lex) or lex.writers_may_commit(text)
        return (
            _has_future(text.lower(), lex)
            or lex.may_commit(text)
            or _may_be_proposal(text, lex)
            or _asks(text)
            or lex.people_passive.search(text) is not None
        )

    def judge_text(parsed: Doc, at: ActionText) -> tuple[Verdict, ...]:
        if at.selected is not None and not prefilter(text_of(parsed), at.selected):
            return ()  # what the prefilter drops is never a finding, parsed or not
        v = judge(
            parsed,
            at.raw,
            lex,
            proposal=at.proposal,
            anywhere=at.anywhere,
            writers_only=at.writers_only,
            listed=at.listed,
            tracked=at.tracked,
            done=at.done,
            stepped=at.stepped,
            narrative=at.selected in _NARRATIVE,
            firm_only=at.firm_only,
        )
        if v is None:
            return ()
        return _with_companion(parsed, v, lex, lessons=at.selected == "lessons")

    return Judgment("actions", lex, prefilter, judge_text)


def _with_companion(sent: Doc, v: Verdict, lex: Lexicon, *, lessons: bool) -> tuple[Verdict, ...]:
    """``v`` and its companion (:func:`_companion`); in a Lessons section, without PM301
    when the writers wish for a thing to behave (:func:`_writers_reflect`): "we want our
    schema changes to fail loudly" reflects, while "we want staff to be more careful"
    still asks people to behave better (PM306)."""
    also = _companion(sent, v, lex)
    found = (v, also) if also is not None else (v,)
    if lessons and _writers_reflect(sent, lex):
        return tuple(f for f in found if f.code != specs.vague_action.code)
    return found


def _writers_reflect(sent: Doc, lex: Lexicon) -> bool:
    """Does a sentence of a Lessons or What-went-well section say how the writers wish a
    thing to behave, with no plan beside it ("will", "shall")? The wish
    (``reflective-wish-verbs``: "we want …"; ``polite-wish-verbs`` after "would": "we
    would like …") is the main clause's verb, or one joined to it, with the writers as
    its subject, and its clause has a thing of its own doing an infinitive ("we want
    label changes like this to fail the build", "we would like the nightly report to flag
    late scans"): a requirement learned, whose work is in the action items. The writers'
    own wish to act ("we want to be clearer in our updates") stays a vague commitment,
    and one for people ("we want staff to be more careful") is PM306's."""
    if any(t.tag_ == "MD" and t.lower_ in ("will", "'ll", "shall") for t in sent):
        return False
    for t in sent:
        if not (t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in lex.commitment.writers:
            continue
        lemma = t.lemma_.lower()
        polite = lemma in lex.polite_wish_verbs and any(
            c.lower_ in ("would", "'d") for c in t.children
        )
        if (lemma in lex.wish_verbs or polite) and any(_thing_to_do(c, lex) for c in t.children):
            return True
    return False


def _thing_to_do(c: Token, lex: Lexicon) -> bool:
    """Is ``c`` (a child of a wish) a thing with an infinitive of its own: a clause with
    "to" and a subject ("changes … to fail"), or an object with one ("the report to
    flag …")? Not a pronoun nor people (``behaviour-subjects``: "staff", "engineers")."""
    if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
        who = next((a for a in c.children if a.dep_ == "nsubj"), None)
    elif c.dep_ == "dobj" and any(a.dep_ in ("acl", "xcomp") for a in c.children):
        who = c
    else:
        return False
    return (
        who is not None
        and who.tag_ not in ("PRP", "PRP$")
        and not {who.lower_, who.lemma_.lower()} & lex.behaviour_subjects
    )


def _companion(sent: Doc, v: Verdict, lex: Lexicon) -> Verdict | None:
    """The second verdict an item may carry beside ``v``: PM301 beside a PM306
    (:func:`_vague_lead`), PM306 beside a PM301 (:func:`_people_done_to`)."""
    if v.code == specs.people_fixing.code:
        return _vague_lead(sent, lex)
    return _people_done_to(sent, v, lex)


def _people_done_to(sent: Doc, v: Verdict, lex: Lexicon) -> Verdict | None:
    """PM306 beside the PM301 of an item whose vague participle acts on training or
    awareness of people ("Dispatcher awareness of the rota is to be improved", "Refresher
    training for pilots will be enhanced"): the passive asks what "Improve dispatcher
    awareness …" asks (misc36). The subject is the participle's own, or that of the "is" a
    duty hangs on (:func:`_duty_passive`)."""
    if v.key != "vague-verb":
        return None
    verb = next((t for t in sent if t.text == v.word and t.tag_ == "VBN"), None)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    duty = _duty_passive(verb.head) if verb.dep_ == "xcomp" else None
    if subj is None and duty is not None and duty.i == verb.i:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    found = _people_nominal(list(subj.subtree), lex) if subj is not None else None
    if found is None:
        return None
    return Verdict(specs.people_fixing.code, "people-fixing", found, Severity.WARNING)


def _vague_lead(sent: Doc, lex: Lexicon) -> Verdict | None:
    """The vague verb an item that asks people to behave differently opens with ("Improve
    onboarding training"), or the unmeasured modifier that opens it when it is a noun
    phrase ("Better security awareness"): vague as well, whatever it is aimed at, so PM301
    is kept beside the PM306 of the same item."""
    first = next((t for t in sent if t.is_alpha), None)
    if first is None:
        return None
    if word_forms(first) & lex.vague_verbs and (
        first.pos_ in ("VERB", "NOUN") or _leads_noun_phrase(first)  # "Improved coaching …"
    ):
        return Verdict(specs.vague_action.code, "vague-verb", first.text, Severity.WARNING)
    if _unmeasured(first, lex) and _leads_noun_phrase(first):
        # "Better security awareness", "More training for …": a noun phrase opened by a
        # direction with no measure is vague as "More robust monitoring" is
        return Verdict(specs.vague_action.code, "vague-modifier", first.text, Severity.WARNING)
    return None


def judged(ctx: RuleContext) -> tuple[tuple[Candidate, Verdict], ...]:
    """Verdicts for every candidate, once per document (PM301 and PM306 share them)."""
    return ctx.analysis(_judged, ctx.pack, ctx.nlp, prefiltering())


def _judged(
    doc: PostmortemDoc, pack: RulePack, nlp: NLP, prefiltered: bool
) -> tuple[tuple[Candidate, Verdict], ...]:
    """The verdicts behind :func:`judged` (``prefiltered`` keys the two parse modes apart;
    the judging helper reads the switch itself): by parts of the document
    (:mod:`pm_lsp.rules.actions.parts`), or, where the document does not cut into parts,
    by a walk of the whole."""
    judgment = action_judgment(lexicon(pack))
    by_parts = judged_by_parts(doc, pack, nlp, action_judgment, prefiltered)
    if by_parts is not None:
        return by_parts
    units = doc.analysis(_selected, pack, nlp, prefiltered)
    return tuple(
        (Candidate(u.offset, u.offset + len(u.text), u.context.proposal), v)
        for u, found in zip(units, judge_units(nlp, judgment, units), strict=True)
        for v in found
    )


def _selected(
    doc: PostmortemDoc, pack: RulePack, nlp: NLP, prefiltered: bool
) -> tuple[Unit[ActionText], ...]:
    """The candidates of :func:`_judged`, as a document analysis of their own: the
    judging stops for the lint's one parse batch and runs again after it, and the
    selection is then not redone."""
    return tuple(_units(doc, pack, nlp, action_judgment(lexicon(pack))))


# -- PM301 / PM306 ---------------------------------------------------------------------------


def _told(pack: RulePack, v: Verdict) -> str:
    """The message of verdict ``v``, from the lexicon's table when it was told before (a
    pure function of the pack's words, the message key and the word it quotes)."""
    memo = lexicon(pack).messages
    key = (v.code, v.key, v.word)
    got = memo.get(key)
    if got is None:
        if v.code == specs.vague_action.code:
            got = pack.message(FAMILY, v.key, verb=v.word, word=v.word, opener=v.word)
        else:
            got = pack.message(FAMILY, v.key, phrase=v.word)
        memo.put(key, got)
    return got


@rule(vague_action)
def check_vague_action(ctx: RuleContext) -> Iterator[Finding]:
    for c, v in judged(ctx):
        if v.code != specs.vague_action.code:
            continue
        yield Finding(c.start, c.end, _told(ctx.pack, v), severity=v.severity, data={"kind": v.key})


@rule(people_fixing)
def check_people_fixing(ctx: RuleContext) -> Iterator[Finding]:
    for c, v in judged(ctx):
        if v.code != specs.people_fixing.code:
            continue
        yield Finding(c.start, c.end, _told(ctx.pack, v), severity=v.severity)


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
    if t is None or t.html:  # an HTML table's rows take no "| cell |"
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
    if t is None or t.html or r is None or r >= len(t.row_spans):
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


def _unfilled(pack: RulePack, name: str, value: str, **fields: str) -> str:
    """The message for a field written but not filled in: a placeholder ("TBD", "?"), a
    due date that is no date ("next sprint") or an owner that names no one in particular
    ("everyone", "all engineers"), which are not placeholders and are not told they were
    left empty."""
    if name == "due" and value and not is_placeholder(value, pack):
        return pack.message(FAMILY, "unreadable-due", value=value, **fields)
    if name == "owner" and value and guessed(value) and not is_placeholder(_unasked(value), pack):
        return pack.message(FAMILY, "guessed-owner", value=value, **fields)  # "platform?"
    if name == "owner" and value and not is_placeholder(_unasked(value), pack):
        return pack.message(FAMILY, "collective-owner", value=value, **fields)  # "everyone"
    return pack.message(FAMILY, f"placeholder-{name}", value=value, **fields)


def _unasked(value: str) -> str:
    """A value without the question marks after it: "TBD?" and "Who?" ask about an owner
    not filled in, they guess no one."""
    return value.strip().strip("*_`").strip().rstrip("?").strip()


def _missing_findings(
    ctx: RuleContext, name: str, *, extra: dict[str, str] | None = None
) -> Iterator[Finding]:
    """Findings for one field over every group: a missing column, empty or placeholder
    cells, and list items without the field (aggregated when no item in a list has it).
    Found part by part (:func:`~pm_lsp.rules.actions.parts.findings_by_parts`): a group's
    findings read its part of the document, the pack, the field and ``extra``."""
    what = ("missing", name, tuple(sorted((extra or {}).items())))
    found = findings_by_parts(
        ctx.doc, ctx.pack, what, lambda groups: _missing_in(ctx, name, groups, extra)
    )
    if found is None:
        found = list(_missing_in(ctx, name, action_groups(ctx.doc, ctx.pack), extra))
    yield from found


def _missing_in(
    ctx: RuleContext,
    name: str,
    groups: Sequence[ActionGroup],
    extra: dict[str, str] | None = None,
) -> Iterator[Finding]:
    """:func:`_missing_findings` over ``groups``.

    Kept in one piece: column, cell and list-item findings for a field are aggregated together
    (one finding for a list where no item has the field), which needs all three in view."""
    pack = ctx.pack
    fields = extra or {}
    label = _LABELS[name]
    placeholder = _placeholder(pack, name)  # the pack's words: the same for every item
    field_text = f" ({label}: {placeholder})"  # appended to a list item that lacks it
    #: lists where no item has the field, by the title they are reported on
    whole: dict[tuple[int, int], list[ActionItem]] = {}
    #: sections holding an item that has the field: there a list without it is reported item
    #: by item, not as "None of the 2 action items ..." on a heading over items that have it
    holding = {id(it.section) for g in groups for it in open_items(g.items) if it.has(name)}
    for g in groups:
        # work done (reported so, a checked box, a Done status) is asked for no field
        items = open_items(g.items)
        if not items:
            continue
        if g.kind == "table" and g.table is not None:
            if name not in g.columns and not g.table.header:
                continue  # a column no header names may hold it (items._columns_by_cells)
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
                    yield Finding(f.start, f.end, _unfilled(pack, name, f.value, **fields))
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
                    f.start, max(f.end, f.start), _unfilled(pack, name, f.value, **fields)
                )
        if not absent:
            continue
        if len(absent) == len(items) and len(items) > 1 and id(items[0].section) not in holding:
            first = absent[0]
            # the heading over the list (completeness.list_anchor)
            anchor = list_anchor(ctx.doc, pack, items, first) or Span(first.start, first.end)
            whole.setdefault((anchor.start, anchor.end), []).extend(absent)
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
    yield from _whole_lists(ctx, name, whole, field_text, fields)


def _whole_lists(
    ctx: RuleContext,
    name: str,
    whole: dict[tuple[int, int], list[ActionItem]],
    field_text: str,
    fields: dict[str, str],
) -> Iterator[Finding]:
    """One finding per title for the lists under it where no item has the field ("None of
    the 5 action items has a due date"): a list and a run of numbered paragraphs under one
    heading are two groups, and two findings on the heading with two counts ("None of the
    2 …", "None of the 3 …") would contradict each other. Its fix fills every item."""
    pack = ctx.pack
    label, placeholder = _LABELS[name], _placeholder(pack, name)
    title = pack.message(FAMILY, "fix-add-fields-all", label=label, placeholder=placeholder)
    for (start, end), items in whole.items():
        at = sorted(it.insert_at for it in items)
        edits = tuple(Edit(i, i, field_text) for i in at)
        yield Finding(
            start,
            end,
            pack.message(FAMILY, f"missing-{name}-all", count=len(items), **fields),
            fix=Fix(title, edits, PLACEHOLDER_SAFE),
            data={"field": name},
        )


@rule(missing_owner)
def check_missing_owner(ctx: RuleContext) -> Iterator[Finding]:
    findings = _missing_findings(ctx, "owner")
    yield from summarised(ctx, "owner", findings)


@rule(missing_due)
def check_missing_due(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing_findings(ctx, "due")


@rule(missing_ticket)
def check_missing_ticket(ctx: RuleContext) -> Iterator[Finding]:
    status = _status(ctx)
    when = str(ctx.option("when")).lower()
    if when != "always" and (status is None or not ctx.template.is_final(status)):
        return
    # the status word only: "Final", not "Final, action items in progress"; a common word
    # for a status is told with the status it states: "'Done', read as Complete"
    word = ctx.template.status_word(status) if status else "final"
    meant = ctx.template.synonym_of(status) if status else None
    if meant is not None and meant.lower() != word.lower():
        word = f"'{word}', read as {meant}"
    yield from _missing_findings(ctx, "ticket", extra={"status": word})


@rule(missing_priority)
def check_missing_priority(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing_findings(ctx, "priority")


RULES = (
    check_vague_action,
    check_missing_owner,
    check_missing_due,
    check_missing_ticket,
    check_missing_priority,
    check_people_fixing,
)
