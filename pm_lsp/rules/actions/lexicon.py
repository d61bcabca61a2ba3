"""The words of ``rules/actions.toml`` that the action-item judgments read, compiled once
per rule pack (``pack.derived``): vague and weak verbs, modifiers, openers, the commitment
and hedge words, and the cheap lexical tests (prefilters) built from them. Judging lives in
:mod:`pm_lsp.rules.actions.checks`; this module only holds the words and the patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from pm_lsp.cache import BLOCK_CHARS, Memo
from pm_lsp.nlp.patterns import Gated, Standalone
from pm_lsp.nlp.words import at_word_start, word_alternation
from pm_lsp.policy.names import given_names
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions.commitments import CommitmentWords
from pm_lsp.rules.actions.items import FAMILY, duty_passive, future_marker, tracked
from pm_lsp.rules.actions.owners import item_label_re

#: clauses remembered per lexicon (a bounded LRU)
_CLAUSE_MEMO_SIZE = 16_384


def _longest_first(word: str) -> tuple[int, str]:
    return (-len(word), word)


def _item_label(pack: RulePack) -> re.Pattern[str] | None:
    fields = pack.family(FAMILY).get("fields", {})
    labels = fields.get("item-labels", []) if isinstance(fields, dict) else []
    return item_label_re(str(w) for w in labels) if isinstance(labels, list) else None


def _fields_after(fields: object) -> re.Pattern[str] | None:
    """The opening of an item's inline fields after its text: a dash, comma or bracket,
    then an owner, due date, priority or ticket label and its colon (" - owner: …",
    "(due: …"), from ``[fields]`` of the pack."""
    if not isinstance(fields, dict):
        return None
    labels = [
        str(w)
        for name in ("owner", "due", "priority", "ticket")
        for w in (fields.get(name) or [])
        if isinstance(fields.get(name), list)
    ]
    if not labels:
        return None
    ordered = sorted(labels, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"[\s*_]*[-\u2013\u2014,(\[|·]?\s*(?i:{alt})\s*:", re.ASCII)


def _commitment_words(ws: Callable[[str], list[str]]) -> CommitmentWords:
    """The words :func:`~pm_lsp.rules.actions.commitments.find_commitment` reads."""
    return CommitmentWords(
        modals=frozenset(ws("commitment-modals")),
        verbs=frozenset(ws("commitment-verbs")),
        writers=frozenset(ws("writer-subjects")),
        hedges=frozenset(ws("hedges")),
        negations=frozenset(ws("end-state-negations")),
        proposals=frozenset(ws("proposal-nouns")),
        praise=frozenset(ws("praise-words")),
        forecasts=frozenset(ws("forecast-verbs")),
        groups=frozenset(ws("people-nouns")),
        preferences=frozenset(ws("preference-adverbs")),
        audiences=frozenset(ws("reader-audiences")),
        addressed=frozenset(ws("reader-words")),
        speech_acts=frozenset(ws("polite-speech-verbs")),
        stances=frozenset(ws("stance-alternatives")),
        results=frozenset(ws("result-connectives")),
        needs=frozenset(ws("needless-verbs")),
        nobodies=frozenset(ws("needless-subjects")),
        comments=frozenset(ws("comment-verbs")),
    )


class Lexicon:
    """The words of ``rules/actions.toml`` used by the judges, lower-cased and compiled."""

    def __init__(self, pack: RulePack) -> None:
        """Kept in one piece: one assignment per word list of the pack, read once per pack;
        splitting it would only scatter the lists the class documents in one place."""

        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.vague_verbs = set(ws("vague-verbs"))
        self.vague_phrases = ws("vague-phrases")
        self.target_bounded = frozenset(ws("target-bounded-phrases"))
        self.vague_nouns = set(ws("vague-nouns"))
        self.weak_verbs = set(ws("weak-verbs"))
        self.weak_phrases = ws("weak-phrases")
        self.bounding = set(ws("bounding-words"))
        self.modifiers = set(ws("vague-modifiers"))
        #: comparatives that pick out which thing, never a direction ("the older model")
        self.identifying_comparatives = frozenset(ws("identifying-comparatives"))
        #: general nouns that head a heading-like lead-in ("Some areas we could do better.")
        self.lead_in_nouns = frozenset(ws("lead-in-nouns"))
        self.placeholder_topics = frozenset(ws("placeholder-topics"))
        self.announcement_nouns = frozenset(ws("announcement-nouns"))
        self.announcement_modifiers = frozenset(ws("announcement-modifiers"))
        #: words that make a "more" after them a ban ("no more Friday deploys")
        self.ban_words = set(ws("ban-words"))
        self.ban_outcomes = frozenset(ws("ban-outcomes"))
        self.quality = set(ws("quality-modifiers"))
        self.state_verbs = ws("state-verbs")
        self.abstract = set(ws("abstract-objects"))
        self.wish_nouns = frozenset(ws("wish-nouns"))
        self.generic_objects = frozenset(ws("generic-objects"))
        self.documenting = set(ws("documenting-verbs"))
        #: "make the build fail on …": a thing made to behave a named way
        self.causative = frozenset(ws("causative-verbs"))
        self.regarding = frozenset(ws("regarding-verbs"))
        self.idle_roles = frozenset(ws("idle-roles"))
        self.improvement_verbs = frozenset(ws("improvement-verbs"))
        self.becoming_verbs = frozenset(ws("becoming-verbs"))
        self.open_choices = frozenset(ws("open-choices"))
        self.incident_nouns = frozenset(ws("incident-nouns"))
        self.future = ws("future-markers")
        # any marker, not inside a word: one pass instead of one search per marker
        self.future_re = re.compile(
            "|".join(
                [future_marker(m) for m in self.future]
                + ([duty] if (duty := duty_passive(lambda k: [w.lower() for w in ws(k)])) else [])
            )
            or r"(?!x)x"
        )
        self.future_sections = set(ws("future-sections"))
        self._expressions = Standalone(ws("vague-expressions"), spaces=True)
        self._repair_verbs = tuple(ws("repair-verbs"))
        self._bare_repair = _bare_repair(list(self._repair_verbs), ws("broad-areas"))
        self.openers = sorted(ws("proposal-openers"), key=len, reverse=True)
        self.vague_openers = set(ws("vague-openers"))
        self.conditions = ws("condition-words")
        self.concrete = set(ws("concrete-verbs"))
        self.negative_quantifiers = frozenset(ws("negative-quantifiers"))
        self.adoption_verbs = frozenset(ws("adoption-verbs"))
        self._item_handover = _item_handover(
            ws("item-links"), ws("item-nouns"), ws("item-id-prefixes")
        )
        #: "alert on the pause": verbs whose own noun is the artefact they make (act35)
        self.signal_verbs = frozenset(ws("signal-verbs"))
        self.artifacts = set(ws("artifact-nouns"))
        #: "agree" + a document: an agreed document is an end state
        self.agreement_verbs = frozenset(ws("agreement-verbs"))
        self.agreed_documents = frozenset(ws("agreed-documents"))
        self.units = set(ws("threshold-units"))
        self.comparators = set(ws("comparators"))
        self._read_people_and_prevention(ws)
        #: roles that own work ("the shift leads", "SREs"): people, as objects of a role verb
        fields = pack.family(FAMILY).get("fields", {})
        self._fields_after = _fields_after(fields)
        roles = fields.get("owner-roles", []) if isinstance(fields, dict) else []
        self.owner_roles = frozenset(str(w).lower() for w in roles)
        #: given names a person may be written by (software named after people excluded)
        self.given_names = given_names() - frozenset(pack.words("blame", "product-names"))
        #: a people-verb in the passive ("be reminded", "been retrained", "be told"): the
        #: prose prefilter's test for a people-fixing proposal with people as the subject
        self.people_passive = _people_passive(self.people_verbs, ws("people-participles"))
        self.proposal_sections = set(ws("proposal-sections"))
        self._behaviour = _behaviour_re(ws("behaviour-verbs"))
        units = fields.get("owner-units", []) if isinstance(fields, dict) else []
        self.behaviour_subjects = (
            self.people_nouns
            | self.owner_roles
            | frozenset(str(w).lower() for w in units)
            | frozenset(ws("behaviour-pronouns"))
        )
        self.behaviour_after = frozenset(ws("behaviour-after"))
        #: a meeting's action label, owner included ("AI (JF): ", "ACTION: "): not the action
        self.item_label = _item_label(pack)
        self._read_commitments(ws)
        self._read_replies(ws)
        self._read_verb_cues(ws)
        self._read_bounds(ws)
        #: An item making a person take care (:meth:`care_demand`)
        self._care = _care_pattern(
            ws, sorted(self.people_nouns | self.owner_roles | self.role_nouns)
        )
        #: does an action's source text name an owner, a ticket or a due date?
        self.tracked: Callable[[str], bool] = functools.partial(tracked, pack=pack)
        self.all_verbs = self.vague_verbs | self.weak_verbs | self.concrete | self.people_verbs
        # one of those verbs in a regular inflection (the verb minus a final e or y, then
        # "ing", "es", "ed", "ied", a doubled consonant: "stopped"), as a whole word: the
        # prose prefilter's test for a leading action verb ("because" is not "be")
        stems = {
            v[:-1] if len(v) > 2 and v[-1] in "ey" else v
            for v in self.all_verbs
            | {p.split()[0] for p in self.vague_phrases + self.weak_phrases + self.state_verbs}
        }
        ends = r"(?:[bdgklmnprtz]?(?:ed|ing)|e|es|s|d|ies|ied|y|ys)?"
        self.verb_word = re.compile(rf"(?:{word_alternation(stems)}){ends}")
        self._people = Standalone(self.people_phrases, spaces=True)
        self._conditions = Standalone(sorted(self.conditions, key=len, reverse=True), spaces=False)
        #: :func:`_clause` per (source text, masked text) of an item, offsets relative to it,
        #: held in a 1-tuple (a Memo cannot store None)
        self.clauses: Memo[tuple[tuple[int, int] | None]] = Memo(_CLAUSE_MEMO_SIZE)
        #: the completeness rules' findings per part of a document, relative to the part
        #: (:func:`pm_lsp.rules.actions.parts.findings_by_parts`); keys hold a part's text
        #: twice, so bounded like the block tables
        self.part_findings: Memo[tuple[Any, ...]] = Memo(chars=BLOCK_CHARS)
        #: PM301/PM306 messages by (message key, the word they quote): every verdict of
        #: every lint is told again, and filling a message in costs more than finding it
        self.messages: Memo[str] = Memo()

    def _read_errands(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a technical errand asked of a party outside the organisation ("Ask
        the mirror operators to switch their feeds to …"), no people-fixing, for
        :func:`~pm_lsp.rules.actions.checks._asks_a_change`."""
        self.asked_changes = frozenset(ws("asked-change-verbs"))
        self.outside_parties = frozenset(ws("outside-party-words"))

    def _read_people_and_prevention(self, ws: Callable[[str], list[str]]) -> None:
        """The words for people-fixing actions (PM306) and for prevention told with no
        means ("Prevent this from happening again")."""
        self.people_verbs = set(ws("people-verbs"))
        self.people_nouns = set(ws("people-nouns"))
        self.role_verbs = frozenset(ws("role-verbs"))
        self.people_only_verbs = frozenset(ws("people-only-verbs"))
        self._read_errands(ws)
        self.conversation_re = _openers_re(ws("conversation-openers"))
        self.talk_re = _openers_re(ws("talk-openers"))
        self.role_nouns = frozenset(ws("role-nouns"))
        self.role_suffixes = tuple(ws("role-suffixes"))
        self.system_agents = frozenset(ws("system-agents"))
        #: a duty laid on people in the passive (:func:`checks._people_duty`)
        self.duty_links = tuple(tuple(w.split()) for w in ws("people-duty-links"))
        self.duty_phrases = tuple(tuple(w.split()) for w in ws("people-duty-phrases"))
        self.duty_automation = frozenset(ws("people-duty-automation"))
        self.done_scope = frozenset(ws("done-scope-words"))
        self.sweep_verbs = frozenset(ws("sweep-verbs"))
        self.sweep_sets = frozenset(ws("sweep-set-words"))
        self.open_findings = frozenset(ws("open-findings"))
        self.broad_areas = frozenset(ws("broad-areas"))

        self.people_phrases = sorted(ws("people-phrases"), key=len, reverse=True)
        self.founding_verbs = frozenset(ws("founding-verbs"))
        self._rejections = _rejections_re(ws("mention-rejections"))
        self.people_nominals = frozenset(ws("people-nominals"))
        self.model_words = frozenset(ws("model-words"))
        self.feature_modifiers = frozenset(ws("feature-modifiers"))
        self.feature_switches = frozenset(ws("feature-switches"))
        self.unaddressed_nominals = frozenset(ws("unaddressed-nominals"))
        self.habit_verbs = frozenset(ws("habit-verbs"))
        self.habit_adverbs = frozenset(ws("habit-adverbs"))
        self.routine_conjunctions = frozenset(ws("routine-conjunctions"))
        self.served_people = frozenset(ws("served-people"))
        self.people_formats = frozenset(ws("people-formats"))
        self.prevention_verbs = frozenset(ws("prevention-verbs"))
        self.recurrence = Standalone(
            sorted(ws("recurrence-pointers"), key=len, reverse=True), spaces=True
        )
        self.time_pointers = Standalone(
            sorted(ws("time-pointers"), key=len, reverse=True), spaces=True
        )
        self.recurrence_events = frozenset(ws("recurrence-events"))
        self.prevention_means = frozenset(ws("prevention-means"))
        self._means_phrases = Standalone(
            sorted((w for w in ws("prevention-means") if " " in w), key=len, reverse=True),
            spaces=True,
        )
        self.safeguard_nouns = frozenset(ws("safeguard-nouns"))
        self._read_prose_asides(ws)
        self.safeguard_verbs = frozenset(ws("safeguard-verbs"))
        self._prevention = Standalone(
            sorted(
                sorted({f for v in self.prevention_verbs for f in _inflections(v)} | {"against"}),
                key=len,
                reverse=True,
            ),
            spaces=False,
        )

    def _read_prose_asides(self, ws: Callable[[str], list[str]]) -> None:
        """The words of prose that reads like follow-up work and is not: the writers'
        care over their own account ("we want to be careful here"), a rhetorical
        question ("how many more exports have to stall before …?") and a promise to
        follow the listed items ("I will review them weekly")."""
        self.account_tails = Standalone(
            sorted(ws("account-care-tails"), key=len, reverse=True), spaces=True
        )
        self.rhetorical_openers = tuple(ws("rhetorical-question-openers"))
        self.rhetorical_turns = Standalone(ws("rhetorical-question-turns"), spaces=False)
        self.list_objects = frozenset(ws("listed-work-objects"))
        self._claim_guard = _claim_guard_re(ws("account-claim-verbs"), ws("account-claim-gerunds"))

    def fields_follow(self, raw: str, at: int) -> bool:
        """Do the item's inline fields open at ``at`` of ``raw`` (" - owner: …", "(due:
        …")? After a bold label, nothing else of the item is left to say what it does."""
        return self._fields_after is not None and self._fields_after.match(raw, at) is not None

    def cares_for_account(self, text: str, m: re.Match[str]) -> bool:
        """Is the people phrase ``m`` (a plain "be careful", no "more") the writers'
        care over what they write: "be careful here", "be careful in this section",
        "be careful not to overstate …"? The tail must follow it directly."""
        if m.group(0).lower() != "be careful":
            return False
        rest = text[m.end() :].lstrip()
        tail = self.account_tails.search(rest)
        return tail is not None and tail.start() == 0

    def checks_a_claim(self, text: str, m: re.Match[str]) -> bool:
        """Is the people phrase ``m`` ("double-check") a check of what the writers are about
        to state, not a habit asked of anyone: "before we say that in writing", "before
        publishing the figure" after it (``account-claim-verbs``, ``-gerunds``)? One fact
        is verified for the account; no one is asked to behave differently."""
        guard = self._claim_guard
        return guard is not None and guard.search(text, m.end()) is not None

    def mentioned(self, text: str, start: int, end: int) -> bool:
        """Is ``text[start:end]`` (a people phrase) quoted to be turned down rather than
        asked: inside quotation marks, with a word of ``mention-rejections`` outside them
        ("'Be more careful' is no fix", "we stopped writing 'double-check' items")? A
        negated infinitive ("not to") asks a behaviour, so it does not count."""
        quote = _quote_around(text, start, end)
        if quote is None or self._rejections is None:
            return False
        rest = f"{text[: quote[0]]} \x00 {text[quote[1] :]}".replace("\u2019", "'")
        return any(not rest.startswith(" to", m.end()) for m in self._rejections.finditer(rest))

    def rhetorical(self, text: str) -> bool:
        """A question whose last clause opens with a rhetorical opener and turns on a
        later word ("how many more nights … before …?", after a lead-in up to a colon):
        an outburst, not an open item."""
        body = text.rstrip()
        if not body.endswith("?"):
            return False
        clause = body.rsplit(":", 1)[-1].lstrip(" *_\"'“‘").lower()
        return any(
            clause.startswith(o)
            and not clause[len(o) : len(o) + 1].isalnum()
            and self.rhetorical_turns.search(clause[len(o) :]) is not None
            for o in self.rhetorical_openers
        )

    def _read_account_order(self, ws: Callable[[str], list[str]]) -> None:
        """The words that say in which order the account is told ("I want to start with
        the apology"), for :func:`~pm_lsp.rules.actions.checks._orders_account`."""
        self.account_order = frozenset(ws("account-order-verbs"))
        self.account_parts = frozenset(ws("account-parts")) | frozenset(
            ws("information-nouns") + ws("incident-nouns") + ws("document-nouns")
        )
        # misc30: "we'd like to walk everyone through the night the belt stopped": the reader
        # led through the account
        self.guide_verbs = frozenset(ws("guide-verbs"))
        self.talking_verbs = frozenset(ws("talking-verbs"))
        self.candour_adverbs = frozenset(ws("candour-adverbs"))
        self.guided_readers = frozenset(ws("guided-readers") + ws("reader-words"))
        # the review's own focus set against people ("we are looking at the tooling, not at
        # individuals"), for :func:`~pm_lsp.rules.actions.checks._review_focus`
        self.review_focus_verbs = frozenset(ws("review-focus-verbs"))
        self.review_focus_people = frozenset(ws("review-focus-people") + ws("stance-alternatives"))

    def _read_credit(self, ws: Callable[[str], list[str]]) -> None:
        """The words of credit given to people ("we want to commend the desk for
        …", "I want to single her out"), for
        :func:`~pm_lsp.rules.actions.checks._gives_credit`, and the headings of what went
        well (:meth:`is_observation_heading`): both tell praise, no work."""
        self.credit_verbs = frozenset(ws("credit-verbs"))
        self.credit_particles = frozenset(ws("credit-particle-verbs"))
        self.credit_nouns = frozenset(ws("credit-nouns"))
        # and the headings of what went well, whose bullets are observations
        self.observation_headings = [_heading_words(w) for w in ws("observation-headings")]
        self._observation_titles: Memo[bool] = Memo()

    def _read_verb_cues(self, ws: Callable[[str], list[str]]) -> None:
        """What tells an item's first word, read as a noun, for the verb it is, and a
        wish of the writers in a Lessons section for a reflection."""
        #: a person or desk that work is sent to, as a whole word ("the payments on-call")
        self.recipient = re.compile(rf"(?i)\b(?:{word_alternation(ws('routing-recipients'))})s?\b")
        self.searching_verbs = frozenset(ws("searching-verbs"))
        self.wish_verbs = frozenset(ws("reflective-wish-verbs"))
        self.polite_wish_verbs = frozenset(ws("polite-wish-verbs"))

    def _read_bounds(self, ws: Callable[[str], list[str]]) -> None:
        """What ends work that a vague or open-ended word would leave open: a check made
        at every occurrence of an event, and a thing's own clause after an intensifier."""
        self.gate_preps = frozenset(ws("gate-prepositions"))
        self.intensifiers = frozenset(ws("intensifier-qualities"))

    def _read_replies(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a promise to answer the reader's own contact ("we aim to reply
        within two days"), for :func:`~pm_lsp.rules.actions.checks._answers_reader`: a
        service told to the reader, no follow-up work."""
        self.reply_verbs = frozenset(ws("reply-verbs"))
        self.reply_efforts = frozenset(ws("reply-effort-verbs"))
        self.reply_readers = frozenset(ws("reply-readers"))
        self.reply_messages = frozenset(ws("reply-messages"))
        self.reply_determiners = frozenset(ws("reply-determiners"))
        self.case_verbs = frozenset(ws("case-verbs"))
        self.per_case = _phrase_re(ws("per-case-phrases"))

    def _read_commitments(self, ws: Callable[[str], list[str]]) -> None:
        """The words for proposals in prose: proposal headings, commitments, hedges."""
        self.proposal_headings = [_heading_words(w) for w in ws("proposal-headings")]
        self.question_headings = [_heading_words(w) for w in ws("question-headings")]
        self.answer_headings = [_heading_words(w) for w in ws("answer-headings")]
        self._answer_titles: Memo[bool] = Memo()
        self.answer_firm = frozenset(ws("answer-firm-words"))
        self._question_titles: Memo[bool] = Memo()
        #: :meth:`is_proposal_heading` per title (every section and its ancestors, each lint)
        self._proposal_titles: Memo[bool] = Memo()
        self.commitment = _commitment_words(ws)
        self.discourse = sorted(ws("discourse-openers"), key=len, reverse=True)
        self.ability_modals = frozenset(ws("ability-modals"))
        self.value_hedges = frozenset(ws("value-hedges"))
        self.courtesy_verbs = frozenset(ws("courtesy-verbs"))
        self._read_credit(ws)
        self.courtesy_adjectives = frozenset(ws("courtesy-adjectives"))
        self.framing_adjectives = frozenset(ws("framing-adjectives"))
        self.telling_verbs = frozenset(ws("telling-verbs"))
        self.information_nouns = frozenset(ws("information-nouns"))
        self.document_nouns = frozenset(ws("document-nouns"))
        self.document_purpose_verbs = frozenset(ws("document-purpose-verbs"))
        self._read_account_order(ws)
        self.expository_adverbs = frozenset(ws("expository-adverbs"))
        self.reader_words = frozenset(ws("reader-words"))
        self.record_idioms = tuple(ws("record-idioms"))
        self.vague_modals = frozenset({"should", "must", "need", "shall", "ought"})
        self.light_verbs = frozenset(ws("light-verbs"))
        self.continuation_verbs = frozenset(ws("continuation-verbs"))
        self.open_searches = sorted(ws("open-searches"), key=len, reverse=True)
        self.irregular_past = frozenset(ws("irregular-past"))
        self.verb_prefixes = frozenset(ws("verb-prefixes"))
        self.imperative_complements = frozenset(ws("imperative-complements"))
        self.imperative_clause_marks = frozenset(ws("imperative-clause-marks"))
        self.arranging_preps = frozenset(ws("arranging-prepositions"))
        self.purpose_marks = frozenset(ws("imperative-purpose-marks"))
        self.weak_nouns = frozenset(ws("weak-nouns"))
        # the prefilter's test for a commitment: a modal or intent verb after the writers, or
        # any modal or hedge word (the parse decides whose commitment it is)
        # longest first; words of one length (never both matching at one place) in
        # alphabetical order, so the pattern is the same text in every process (a set's
        # order follows string hashing, which differs per process)
        commit_words = sorted(
            {*ws("commitment-modals"), *ws("commitment-verbs"), *ws("hedges")} - {"'ll"},
            key=_longest_first,
        )
        # each word whole or in a regular inflection ("needed", "planning", "wouldn't"), not
        # any word it starts ("worm" and "working" start like "wo", "expectation" like
        # "expect")
        self._commit_re = re.compile(
            r"(?i)(?:'ll\b|\b(?:"
            + "|".join(map(re.escape, commit_words))
            + r")(?:[bdgklmnprtz]?(?:ed|ing)|es|s|d|n|ly)?\b)"
        )
        self._read_demands(ws, commit_words)
        self.modelling = frozenset(ws("modelling-objects"))
        self._item_reference = _item_reference(ws("item-nouns"), ws("item-pointers"))
        self._list_review = _list_review(ws("reviewed-list-nouns"), ws("reviewed-list-pointers"))
        self._watch = _watch_patterns(ws)
        self._read_writers(ws)

    def _read_demands(self, ws: Callable[[str], list[str]], commit_words: list[str]) -> None:
        """The prefilter's tests for a demand that people change a habit ("needs to start
        testing") or keep a practice ("need to actually read", "… before merging")."""
        self._habit_re = _habit_demand_re(ws("habit-verbs"), commit_words)
        # only the words of a demand (_demand in checks.py): "will"/"could"/a hedge is none
        demands = ["should", "must", "need", "ought", "has to", "have to"]
        self._practice_re = _practice_demand_re(
            ws("habit-adverbs"), ws("routine-conjunctions"), demands
        )

    def _read_writers(self, ws: Callable[[str], list[str]]) -> None:
        """The tests for the writers' own commitment or a reported deliberation, plain
        and in the lower-case forms :meth:`writers_may_commit` searches."""
        #: modifiers that make an abstract object a document ("a written recovery plan")
        self.written_forms = frozenset(ws("written-forms"))
        self.rate_periods = frozenset(ws("rate-periods"))
        self.unindexed_verbs = frozenset(ws("unindexed-verbs"))
        self.quantity_adjectives = frozenset(ws("quantity-adjectives"))
        self.adjective_imperatives = frozenset(ws("adjective-imperatives"))
        self.imperative_scope = frozenset(ws("imperative-scope-words"))
        self.gerund_subject_verbs = frozenset(ws("gerund-subject-verbs"))
        self.imperative_cadence = frozenset(ws("imperative-cadence-adverbs"))
        self.numbered_labels = frozenset(ws("numbered-labels"))
        self.document_like = frozenset(ws("document-like-objects"))
        self.following = frozenset(ws("following-verbs"))
        #: what a sentence about the list calls its entries ("several of the items below")
        self.item_nouns = frozenset(ws("item-nouns"))
        writers = "|".join(map(re.escape, sorted(ws("writer-subjects"), key=len, reverse=True)))
        value = "|".join(map(re.escape, ws("value-hedges")))
        modal_words = sorted(
            {*ws("commitment-modals"), *ws("commitment-verbs")} - {"'ll", *ws("ability-modals")},
            key=_longest_first,
        )
        modal = "|".join(map(re.escape, modal_words))
        self._writers_re = re.compile(
            rf"(?i)\b(?:{writers})(?:['’]ll\b|['’]re\s+|['’]d\s+|\s+)(?:\w+\s+){{0,2}}(?:{modal})"
            rf"|\bideally\b|\b(?:{value})\b|^\W*needs?\b|\bis to\b"
            rf"|\b(?:{writers})\s+(?:\w+\s+)?(?:can|could)\s+(?:\w+\s+)?(?:likely|probably)"
            rf"|\bwe\s+could\s+(?!not\b|n['’]t)|\bcould\s+be\s+\w+ed\b"
        )
        stems = sorted({v[:-1] if v.endswith("e") else v for v in ws("vague-verbs")})
        self._deliberation_re = re.compile(r"(?i)\bwe" + _after_we(stems))
        self._lower = _lower_forms(ws("writer-subjects"), ws("value-hedges"), modal_words, stems)
        # the writers' present progressive of an activity with no end ("we are looking into
        # ways to …", "we're exploring …"): an ongoing vague action (checks._ongoing)
        heads = {*ws("vague-verbs"), *(p.split()[0] for p in ws("vague-phrases"))} - {"be"}
        ings = "|".join(sorted({f for v in heads if v.isalpha() for f in _ing_forms(v)}))
        self._ongoing_re = (
            re.compile(
                "".join(
                    at_word_start(
                        ["we"],
                        rf"(?:['’]re|\s+are|['’]ve\s+been|\s+have\s+been)\s+(?:\w+\s+)?(?:{ings})\b",
                    )
                )
            )
            if ings
            else None
        )

    def writers_may_commit(self, text: str) -> bool:
        """The stricter cheap test for prose outside follow-up sections, where only the
        writers' commitment, a hedged wish or a fragment counts (most narrative sentences
        hold a "could" or a "will" of their own): the writers before a commitment word, a
        hedge that weighs a wish, or an opening "Need(s)"; or a reported deliberation.

        An ASCII sentence is searched in lower case with :func:`_lower_forms`' patterns,
        without reading its words for gates first: the writers' words ("we", "our", "I")
        are in nearly every sentence, so the gate of :attr:`_writers_re` ruled out almost
        none, and reading the words cost as much as the searches it was to save. Any
        other sentence is searched with the plain patterns, through their gates."""
        fast = self._lower
        if fast is not None and text.isascii():
            low = text.lower()
            return (
                fast.writers.search(low) is not None
                or fast.needs.match(low) is not None
                or fast.deliberation.search(low) is not None
                or self._ongoing(low)
            )
        r = self._gated.read(text)
        return (
            r.search(self._writers_re) is not None
            or r.search(self._deliberation_re) is not None
            or self._ongoing(text.lower())
        )

    def _ongoing(self, low: str) -> bool:
        """ "we are looking into …", "we've been exploring …" in a lower-cased sentence:
        the writers' progressive of a vague activity (``checks._ongoing``), searched only
        when the sentence holds "we" and an "-ing"."""
        return (
            self._ongoing_re is not None
            and "ing" in low
            and "we" in low
            and self._ongoing_re.search(low) is not None
        )

    def may_commit(self, text: str) -> bool:
        """Cheap test before parsing: could :func:`find_commitment` (or a reported
        deliberation, "we discussed …") find anything here?"""
        r = self._gated.read(text)
        return r.search(self._commit_re) is not None or r.search(self._deliberation_re) is not None

    @functools.cached_property
    def _gated(self) -> Gated:
        """The commitment tests searched through one reading of a sentence's words
        (:class:`~pm_lsp.nlp.patterns.Gated`): every prose sentence of a document is asked,
        and each regex is skipped where the sentence lacks a word it cannot match without."""
        return Gated([self._writers_re, self._deliberation_re, self._commit_re])

    def may_prevent(self, text: str) -> bool:
        """Cheap test before parsing: a prevention verb (any inflection) or "against", and
        a pointer back at the incident ("again", "a repeat", "like this")."""
        return self._prevention.search(text) is not None and (
            self.recurrence.search(text) is not None or self.time_pointers.search(text) is not None
        )

    def names_means_phrase(self, text: str) -> bool:
        """A means written as a phrase of several words ("thanks to")."""
        return self._means_phrases.search(text) is not None

    def discourse_opener(self, low: str, start: int) -> bool:
        """Does ``low`` (lower-cased) open at ``start`` with a framing phrase ("more
        specifically")?"""
        return any(
            low.startswith(d, start)
            and (len(low) == start + len(d) or not low[start + len(d)].isalnum())
            for d in self.discourse
        )

    def is_proposal_heading(self, title: str) -> bool:
        """A heading whose section mixes proposals with observations ("What could have gone
        better", "Opportunities", "Recommendations")."""
        return _titled(self._proposal_titles, title, self.proposal_headings)

    def is_question_heading(self, title: str) -> bool:
        """A heading whose section holds questions still to answer ("Open questions",
        "Unresolved"); memoised per title, as :meth:`is_proposal_heading` is."""
        return _titled(self._question_titles, title, self.question_headings)

    def is_observation_heading(self, title: str) -> bool:
        """A heading whose list tells what went well or helped ("What went well",
        "Things that helped"): observations, never work items by their content."""
        return _titled(self._observation_titles, title, self.observation_headings)

    def is_answer_heading(self, title: str) -> bool:
        """A heading whose section holds questions with their answers ("Q&A", "FAQ"): its
        prose explains, and only a firm commitment is follow-up work there."""
        return _titled(self._answer_titles, title, self.answer_headings)

    def reviews_the_list(self, obj: str, sentence: str) -> bool:
        """act42: is ``obj`` the document's list itself ("these commitments", "our action
        items"), in a ``sentence`` that names the day it is reviewed ("at the board on 25
        September", "in the 2026-10-01 review")? A dated review of the list is a plan for
        the list, whose items are judged on their own, no vague item. Without a date ("we
        will revisit these actions later") it stays one, as does any other object ("revisit
        the alert thresholds on 4 May")."""
        return (
            self._list_review is not None
            and self._list_review.fullmatch(obj.strip()) is not None
            and _DAY.search(sentence) is not None
        )

    def watch_phrase(self, text: str, *, listed: bool) -> str | None:
        """act42: watchfulness demanded of people (``watch-phrases``), the phrase as
        written: after a verb that asks someone ("Ask drivers to remain watchful"), or
        after a people subject and a demand word ("Operators should stay alert", in a
        ``listed`` item also "Operators to stay alert"); an item opening with it ("Keep an
        eye on the spooler") is a vague item (PM301). Not in a negated sentence ("nobody
        had to stay alert"), and never after a thing ("Add a dashboard to keep an eye on
        the queue")."""
        if self._watch is None or _NEGATED.search(text) is not None:
            return None
        asked, demanded = self._watch
        if (m := asked.search(text)) is not None:
            return m.group("phrase")
        for m in demanded.finditer(text):
            if (listed or m.group("demand").lower() != "to") and (
                m.group("who").lower() in self.behaviour_subjects
            ):
                return m.group("phrase")
        return None

    def care_demand(self, text: str) -> str | None:
        """An item that makes a named person or a role take care (``care-causatives``,
        the person, a care act: see the pack): "Make sure Ines rereads the failover guide",
        "Have the duty manager pay closer attention to the calendar". The care act as
        written, else None. A capitalised person is one only by a given name ("Have Billing
        double-check …" is a team's check of the work, left to the other tests); real work
        given to the person ("Have Ines add a lint rule") is no care act."""
        if self._care is None:
            return None
        m = self._care.match(text)
        if m is None:
            return None
        name = m.group("name")
        if name is not None and name not in self.given_names:
            return None
        return m.group("act")

    def refers_to_items(self, text: str) -> bool:
        """Does ``text`` point at the listed follow-up items ("as part of item 1", "the
        actions below")? Then what it proposes is tracked through them."""
        return self._item_reference is not None and self._item_reference.search(text) is not None

    def hands_to_item(self, text: str) -> bool:
        """Does ``text`` hand its work to one listed item by its id ("as part of A2",
        "under action 4")? Then a plan told in prose is that item's, tracked with it."""
        return self._item_handover is not None and self._item_handover.search(text) is not None

    def may_demand_habit(self, text: str) -> bool:
        """Cheap test before parsing: a demand that someone start, stop or keep up an
        activity ("the billing team needs to start testing …")."""
        if self._habit_re is not None and self._habit_re.search(text) is not None:
            return True
        return self._practice_re is not None and self._practice_re.search(text) is not None

    def people_phrase(self, text: str, *, loose: bool = False) -> re.Match[str] | None:
        """A phrase that asks people to behave better (``people-phrases``: "be more
        careful"), or a group of people told to behave better (:meth:`_behaviour_ask`).
        ``loose`` (a prefilter on lower-cased text) takes any subject of the latter."""
        return self._people.search(text) or self._behaviour_ask(text, loose=loose)

    def _behaviour_ask(self, text: str, *, loose: bool) -> re.Match[str] | None:
        """ "Support needs to communicate better", "the shift leads must coordinate
        more", "We should collaborate better": a team, a role or the writers as subject,
        then need/must/should, a verb of how people work together (``behaviour-verbs``)
        and "better" or "more". The subject is the word before the modal: a capitalised
        word (a team's name), a people noun, a listed role or a pronoun of people
        (``behaviour-pronouns``) or a unit; a capitalised word opening the text only as
        part of a longer name ("Field Operations"), so "Clients should …" is not read as
        a team. After "better"/"more" only the end, an adverb in -ly or a word of
        ``behaviour-after`` may follow ("more with QA"), not an object ("more retries");
        "the exporter needs to communicate better" is a thing's."""
        if self._behaviour is None:
            return None
        for m in self._behaviour.finditer(text):
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt is not None and not (
                nxt.group(1).endswith("ly") or nxt.group(1).lower() in self.behaviour_after
            ):
                continue  # "should engage more retries": an object, not a way of working
            before = re.search(r"(\S*?)\s*([\w'-]+)\W*$", text[: m.start()])
            if before is None:
                continue
            word = before.group(2)
            if loose or word.lower() in self.behaviour_subjects:
                return m
            # a team's name: capitalised, after another capitalised word or inside the text
            named = before.group(1)[:1].isupper() or before.start(2) > 0
            if word[0].isupper() and named:
                return m
        return None

    def vague_expression(self, text: str) -> re.Match[str] | None:
        return self._expressions.search(text)

    def bare_repair(self, text: str) -> re.Match[str] | None:
        """A repair of a whole area and nothing more ("Fix monitoring.", "we need to fix
        our alerting and paging"): group ``what`` is the words to quote."""
        low = text.lower()
        if self._bare_repair is None or not any(v in low for v in self._repair_verbs):
            return None  # the cheap test first: most sentences repair nothing
        return self._bare_repair.search(text)

    def condition_at(self, text: str) -> int:
        """Offset where the first condition clause starts in ``text`` (or its length)."""
        m = self._conditions.search(text)
        return m.start() if m else len(text)


def _openers_re(phrases: list[str]) -> re.Pattern[str] | None:
    """Any of ``phrases`` at the start of an item, spaces read as any white space, then
    the white space after it."""
    if not phrases:
        return None
    alts = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len)[::-1])
    return re.compile(rf"(?i)(?:{alts})\s+")


def _phrase_re(phrases: list[str]) -> re.Pattern[str] | None:
    """Any of ``phrases`` as whole words anywhere, spaces read as any white space."""
    if not phrases:
        return None
    alts = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len)[::-1])
    return re.compile(rf"(?i)(?<![\w-])(?:{alts})(?![\w-])")


def _bare_repair(verbs: list[str], areas: list[str]) -> re.Pattern[str] | None:
    """``repair-verbs`` then only ``broad-areas`` (with "the"/"our", joined by "and" or
    commas) up to the end of the clause or a parenthesis of fields: no scope names which
    part is broken or what it will do once fixed."""
    if not verbs or not areas:
        return None
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(areas, key=len, reverse=True)
    )
    area = rf"(?:(?:the|our|all|its|their)\s+)?(?:{alt})"
    verb = "|".join(re.escape(w) for w in sorted(verbs, key=len, reverse=True))
    return re.compile(
        rf"(?i)(?:^|(?<=\bto\s)|(?<=\bshould\s)|(?<=\bmust\s)|(?<=\bwill\s)|(?<='ll\s))\s*"
        rf"(?P<what>(?:{verb})(?:\s+up)?\s+{area}(?:\s*(?:,|and|&|/)\s*{area})*)"
        r"\s*(?=$|[.;:!(\[\u2014\u2013]|\s-\s)"
    )


class _LowerForms(NamedTuple):
    """:meth:`Lexicon.writers_may_commit`'s patterns for a lower-cased ASCII text, searched
    without re.IGNORECASE (:func:`_lower_forms`)."""

    #: :attr:`Lexicon._writers_re` but its opening "Need(s)", every alternative opening
    #: with a literal character (searched)
    writers: re.Pattern[str]
    #: the opening "Need(s)" (matched at the start)
    needs: re.Pattern[str]
    #: :attr:`Lexicon._deliberation_re`, opening with its literal "w" (searched)
    deliberation: re.Pattern[str]


def _inflections(verb: str) -> set[str]:
    """A regular verb's forms: "stop", "stops", "stopped", "stopping"; "prevent",
    "prevents", "prevented", "preventing"; "eliminate", "eliminated", "eliminating"."""
    stem = verb[:-1] if verb.endswith("e") else verb
    doubled = verb + verb[-1] if re.search(r"[^aeiou][aeiou][bdgkmnpt]$", verb) else verb
    return {verb, verb + "s", stem + "ed", stem + "ing", doubled + "ed", doubled + "ing"}


def _ing_forms(verb: str) -> set[str]:
    """The "-ing" forms a verb may take ("look" -> "looking", "explore" -> "exploring",
    "chat" -> "chatting", "agree" -> "agreeing"); a form that is no word matches nothing."""
    forms = {verb + "ing", verb + verb[-1] + "ing"}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    return forms


def _habit_demand_re(habit_verbs: list[str], commit_words: list[str]) -> re.Pattern[str] | None:
    """A commitment word (any inflection, or "has"/"have"), an optional "to" and adverb, a
    habit verb and an "-ing" word ("needs to start testing", "should stop pushing"): the
    cheap test for a demand that people change a habit; the parse decides whose. None
    without habit verbs."""
    habits = "|".join(re.escape(f) for v in sorted(habit_verbs) for f in sorted(_inflections(v)))
    if not habits:
        return None
    return re.compile(
        r"(?i)\b(?:"
        + "|".join(map(re.escape, commit_words))
        + r"|has|have)\w*\s+(?:to\s+)?(?:\w+ly\s+)?(?:"
        + habits
        + r")\s+\w+ing\b"
    )


def _practice_demand_re(
    adverbs: list[str], conjunctions: list[str], commit_words: list[str]
) -> re.Pattern[str] | None:
    """A word of demand ("must", "needs", "has to"), then within a few words an adverb of habit
    ("need to actually read") or, later in the sentence, a routine time clause ("… before
    merging", "… whenever they rebase"): the cheap test for a practice demanded of people;
    the parse decides whose and of which verb. None without either list."""
    habit = "|".join(map(re.escape, adverbs))
    routine = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in conjunctions)
    alts = [
        rf"(?:\w+\W+){{0,2}}(?:{habit})\b" if adverbs else "",
        rf"[^.;:]{{0,80}}?\b(?:{routine})\s+(?:\w+ing|they|we|you|someone|anyone|people|he|she)\b"
        if conjunctions
        else "",
    ]
    alts = [a for a in alts if a]
    if not alts:
        return None
    return re.compile(
        r"(?i)\b(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in commit_words)
        + r")\w*\s+(?:to\s+)?(?:"
        + "|".join(alts)
        + ")"
    )


def _after_we(stems: list[str]) -> str:
    """:attr:`Lexicon._deliberation_re` after its "we": "we('ve| have| did( not)?)? (one
    word)?" then a vague verb's stem ("we discussed", "we have considered")."""
    return (
        r"(?:['’]ve|\s+have|\s+did(?:\s+not|n['’]t)?)?\s+(?:\w+\s+)?(?:"
        + "|".join(map(re.escape, stems))
        + r")"
    )


def _lower_forms(
    writers: list[str], value: list[str], modal_words: list[str], stems: list[str]
) -> _LowerForms | None:
    """:attr:`Lexicon._writers_re` and :attr:`Lexicon._deliberation_re` (its vague verbs'
    ``stems``) for a lower-cased ASCII text, without re.IGNORECASE.

    Python's ``re`` skips ahead to the next place a search can start only when every
    alternative opens with a literal (case-insensitive letters and word boundaries do
    not count), so the plain patterns are tried at every position of every prose sentence
    of a document (the prefilter asks them of every sentence outside follow-up sections);
    these forms find the same sentences about three times faster. None when a word list
    is empty or holds an empty word (the plain pattern then means something this form
    does not), or a word outside ASCII (re.IGNORECASE matches some such letters to ASCII
    ones, which a lower-case search without it does not)."""
    words = [*writers, *value, *modal_words]
    if not writers or not value or not modal_words or not all(words):
        return None
    if not all(w.isascii() for w in [*words, *stems]):
        return None
    modal = "|".join(map(re.escape, modal_words))
    alternatives = [
        *at_word_start(
            writers, rf"(?:['’]ll\b|['’]re\s+|['’]d\s+|\s+)(?:\w+\s+){{0,2}}(?:{modal})"
        ),
        *at_word_start(["ideally", *value, "is to"], r"\b"),
        *at_word_start(writers, r"\s+(?:\w+\s+)?(?:can|could)\s+(?:\w+\s+)?(?:likely|probably)"),
        *at_word_start(["we"], r"\s+could\s+(?!not\b|n['’]t)"),
        *at_word_start(["could"], r"\s+be\s+\w+ed\b"),
    ]
    return _LowerForms(
        re.compile("|".join(alternatives)),
        re.compile(r"\W*needs?\b"),
        re.compile("|".join(at_word_start(["we"], _after_we(stems)))),
    )


#: a negation in a sentence: what it says nobody must do is no demand
_NEGATED = re.compile(r"(?i)\b(?:not|never|nobody|no one|no longer)\b|n[’']t\b")


def _claim_guard_re(verbs: list[str], gerunds: list[str]) -> re.Pattern[str] | None:
    """:meth:`Lexicon.checks_a_claim`'s pattern: "before", then the writers ("we", "I")
    and a verb of stating, or a gerund of stating."""
    if not verbs and not gerunds:
        return None
    said = "|".join(map(re.escape, verbs)) or r"(?!x)x"
    saying = "|".join(map(re.escape, gerunds)) or r"(?!x)x"
    return re.compile(rf"(?i)\bbefore\s+(?:(?:we|i)\s+(?:{said})|(?:{saying}))\b")


def _watch_patterns(
    ws: Callable[[str], list[str]],
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """:meth:`Lexicon.watch_phrase`' patterns: the phrase (``watch-phrases``) after a verb
    that asks someone (``watch-askers``), and after a subject (group ``who``) and a
    demand word (``watch-demands``). A degree word (``watch-degrees``) may stand after the
    phrase's first word ("remain more vigilant", "stay even more alert")."""
    phrases, demands, askers, degrees = (
        ws(f"watch-{k}") for k in ("phrases", "demands", "askers", "degrees")
    )
    if not phrases:
        return None

    def alt(ws: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len)[::-1])

    degree = rf"(?:\s+(?:{alt(degrees)}))?" if degrees else ""

    def graded(w: str) -> str:
        first, _, rest = w.partition(" ")
        tail = re.escape(rest).replace(r"\ ", r"\s+")
        return re.escape(first) + (rf"{degree}\s+{tail}" if rest else "")

    ordered = sorted(phrases, key=len)[::-1]
    phrase = rf"(?P<phrase>{'|'.join(map(graded, ordered))})\b"
    adverb = r"(?:(?:all|always|also|really|still|now|each|every)\s+)?"
    return (
        re.compile(rf"(?i)\b(?:{alt(askers)})s?\s+(?:[\w'’-]+\s+){{1,4}}?to\s+{adverb}{phrase}"),
        re.compile(
            rf"(?i)\b(?P<who>[\w'’-]+)\s+(?P<demand>{alt([*demands, 'to'])})\s+{adverb}{phrase}"
        ),
    )


def _inflected(phrase: str) -> str:
    """``phrase`` as a pattern whose first word may take a third-person ending ("pays
    closer attention", "double-checks"), "be" also as "is"/"are"."""
    first, _, rest = phrase.partition(" ")
    head = r"(?:be|is|are)" if first == "be" else re.escape(first) + r"(?:e?s)?"
    return head + ("" if not rest else r"\s+" + re.escape(rest).replace(r"\ ", r"\s+"))


def _care_pattern(ws: Callable[[str], list[str]], people: list[str]) -> re.Pattern[str] | None:
    """:meth:`Lexicon.care_demand`'s pattern, anchored at the item's start: a causative, the
    person (group ``name``, a capitalised word, or a people word with a determiner), an
    optional "to" and the care act (group ``act``)."""
    causes, people_acts = ws("care-causatives"), [*ws("people-phrases"), *ws("watch-phrases")]
    if not causes or not people:
        return None

    def alt(words: Iterable[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True)) or "(?!x)x"

    objects = alt(re.escape(w).replace(r"\ ", r"\s+") for w in ws("care-objects"))
    tails = alt(re.escape(w).replace(r"\ ", r"\s+") for w in ws("care-tails"))
    reading = alt(_inflected(w) for w in ws("care-reading-verbs"))
    acts = [
        alt(_inflected(w) for w in [*people_acts, *ws("care-verbs")]),
        rf"(?:{reading})\s+(?:the|our|their|his|her|its|every|each|all)\s+(?:[\w-]+\s+)?"
        rf"(?:{objects})(?=\s*(?:[.,;:!)]|$)|\s+(?:{tails})\b)",
    ]
    person = (
        r"(?P<name>[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?"
        r"|(?:(?:the|our|all|every|each|any|new)\s+)?(?:[\w'-]+\s+){0,2}?"
        rf"(?:{alt(re.escape(w) for w in people)})s?"
    )
    cause = alt(re.escape(c).replace(r"\ ", r"\s+") for c in causes)
    return re.compile(
        rf"[^A-Za-z]{{0,12}}(?i:{cause})"
        rf"\s+(?:{person})\s+(?:to\s+)?(?:always\s+|actually\s+|also\s+)?"
        rf"(?i:(?P<act>{'|'.join(acts)}))(?![\w'-])"
    )


#: a day written out: "2026-10-01", "25 September", "September 25", "Sept. 25th"
_DAY = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?[A-Z][a-z]{2,8}"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?\b)"
)


def _list_review(nouns: list[str], pointers: list[str]) -> re.Pattern[str] | None:
    """:meth:`Lexicon.reviews_the_list`' pattern: a pointer at the list and a noun for its
    entries, the whole object ("these commitments", "all of our action items")."""
    if not nouns or not pointers:
        return None
    noun = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len)[::-1])
    point = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(pointers, key=len)[::-1])
    return re.compile(rf"(?i)(?:all\s+(?:of\s+)?)?(?:{point})\s+(?:{noun})")


def _item_reference(nouns: list[str], pointers: list[str]) -> re.Pattern[str] | None:
    """:meth:`Lexicon.refers_to_items`' pattern: an item noun with a number after it
    ("item 2", "items 2 and 3", "step #4"), after "following"/"listed" ("the following
    steps") or before a pointer ("the actions below", "the items listed above")."""
    if not nouns or not pointers:
        return None
    noun = "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True)
    )
    point = "|".join(map(re.escape, sorted(pointers, key=len, reverse=True)))
    return re.compile(
        rf"(?i)\b(?:{noun})\s+#?\d+\b(?![.:,]\d)"
        rf"|\b(?:{point})\s+(?:\w+\s+)?(?:{noun})\b"
        rf"|\b(?:{noun})\s+(?:\w+\s+)?(?:{point})\b"
    )


def _item_handover(
    links: list[str], nouns: list[str], prefixes: list[str]
) -> re.Pattern[str] | None:
    """:meth:`Lexicon.hands_to_item`'s pattern: a linking phrase, then "the" or an item
    noun at will, then an item id: a prefix (in capitals, as ids are written) and a number ("A2",
    "AI-3"), or, after an item noun, a number alone ("action 4", "item #2")."""
    if not links or not nouns or not prefixes:
        return None

    def alt(words: list[str]) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
        )

    noun, pre = alt(nouns), alt([p.upper() for p in prefixes])
    return re.compile(
        rf"\b(?i:{alt(links)})\s+(?:(?i:the)\s+)?"
        rf"(?:(?:(?i:{noun})\s+)?(?:{pre})-?\d{{1,3}}|(?i:{noun})\s+#?\d{{1,3}})\b(?![.:,]\d)"
    )


def _heading_words(title: str) -> str:
    """A heading as space-padded lower-case words, for whole-word phrase tests."""
    return " " + " ".join(re.findall(r"[a-z0-9']+", title.lower().replace("’", "'"))) + " "


def _titled(memo: Memo[bool], title: str, phrases: Iterable[str]) -> bool:
    """Does ``title`` hold one of ``phrases`` (space-padded, :func:`_heading_words`) as whole
    words? Memoised per title in ``memo``: the rules ask of every heading, often."""
    got = memo.get(title)
    if got is None:
        words = _heading_words(title)
        got = memo.put(title, any(w and w in words for w in phrases))
    return got


def lexicon(pack: RulePack) -> Lexicon:
    return pack.derived(Lexicon)


def _people_passive(verbs: Iterable[str], irregular: Iterable[str]) -> re.Pattern[str]:
    """ "be"/"get" and the past participle of a people-verb: the regular ones from the
    verbs ("reminded", "retrained"), the others as listed ("told", "taught")."""
    participles = {v + "d" if v.endswith("e") else v + "ed" for v in verbs} | set(irregular)
    return re.compile(
        r"(?i)\b(?:be|been|being|get|gets|got)\s+(?:\w+ly\s+)?(?:"
        + "|".join(map(re.escape, sorted(participles)))
        + r")\b"
    )


#: the word after "better"/"more", if any (a punctuation mark or the end is no word)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'-]*)")


def _behaviour_re(verbs: list[str]) -> re.Pattern[str] | None:
    """:meth:`Lexicon._behaviour_ask`'s pattern: a modal of obligation, one of ``verbs``,
    then "better" or "more" ("needs to communicate better", "must coordinate more")."""
    if not verbs:
        return None
    return re.compile(
        r"(?i)\b(?:needs?\s+to|must|should|ha(?:s|ve)\s+to|ought\s+to)\s+"
        rf"(?:try\s+to\s+)?(?:{word_alternation(verbs)})\s+(?:better|more)\b"
    )


#: a quoted stretch on one line: double quotes, curly quotes, or single quotes that open
#: after a space or bracket and close before a non-letter (not an apostrophe)
_QUOTED = re.compile(
    '"[^"\n]{1,160}"|\u201c[^\u201d\n]{1,160}\u201d'
    "|(?<![\\w])['\u2018][^'\u2018\u2019\n]{1,160}['\u2019](?![\\w])"
)


def _quote_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quoted stretch of ``text`` holding ``[start, end)``, quotation marks included."""
    for m in _QUOTED.finditer(text):
        if m.start() < start and end < m.end():
            return m.start(), m.end()
        if m.start() >= end:
            break
    return None


def _rejections_re(words: list[str]) -> re.Pattern[str] | None:
    """``mention-rejections`` as one case-blind pattern of whole words ("n't" after a verb)."""
    if not words:
        return None
    longest = sorted(words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest)
    return re.compile(rf"(?i)(?:(?<![\w'])|(?<=\w)(?=n't))(?:{alt})(?![\w'])")
