"""Impact rules (PM401-PM403): vague quantifiers, impact without numbers, no data-loss statement.

"If you don't know how to measure it, then you can't know it's fixed" (Google SRE workbook):
the respected guides ask for counts, shares, durations and money in the impact statement,
an estimate rather than nothing, and an explicit word on data loss.

PM401 is judged on the parse, not the word: "some" is vague in "some customers could not
pay" (a quantifier on a people noun) and fine in "some of the retries succeeded" (retries are
not an impact unit). Besides vague quantifiers it finds impact statements by meaning
(:mod:`pm_lsp.rules.impact.claims`: something affected and an effect on it) in every
section but the action items (in the narrative of the response and its causes, timeline
prose, root cause, lessons, only those naming people or the service as a whole: there the
system's parts fail to explain what was seen and done), and reports those that neither they
nor the sentence next to them quantify (:mod:`pm_lsp.rules.impact.amounts`: a number,
share, duration, bounded window or explicit zero, read from the text). Only sentences with
a trigger (a vague word and a noun it could count, an effect word, an inability, a label of
what was affected) are parsed (:func:`may_be_vague`), and never with named entities. PM402
reads the Impact section (or, without one, the Summary's impact paragraphs) for any quantity,
read from the text as PM401 reads one: a number, a percentage, money, a duration, a number
word, or an explicit zero ("no customer was affected"), never a time of day or a date.
PM403 looks for any statement about data loss in the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pm_lsp.cache import BLOCK_CHARS, Memo, identity
from pm_lsp.model.document import Block, Cell, PostmortemDoc, Section, Span, Table
from pm_lsp.model.parts import Cover, Part, covers, parts
from pm_lsp.nlp.judge import Judgment, judge_passages, prefiltering
from pm_lsp.nlp.patterns import Alternation, Gated, Reading
from pm_lsp.nlp.pipeline import text_of
from pm_lsp.nlp.reported import quoted_messages, reported_quotes
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.nlp.words import soft_spaces, word_alternation
from pm_lsp.parse.masking import CODE_PLACEHOLDER, mask_inline
from pm_lsp.policy.names import given_names, is_given_name
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions.items import action_items, labelled_regions
from pm_lsp.rules.impact.amounts import Amounts
from pm_lsp.rules.impact.claims import (
    Claim,
    apologised_for,
    counted,
    impact_claim,
    is_responder_or_alerting,
    named_process,
    passed_on,
    programs_acting,
    readers_relying,
    relying,
    response_step,
    scorned,
    seen_too_late,
    stopgap_act,
    turned_worse,
    verb_above,
    weighing_clauses,
)
from pm_lsp.rules.impact.patterns import block_local
from pm_lsp.rules.impact.specs import impact_without_numbers, missing_data_loss, vague_impact
from pm_lsp.rules.spec import Finding, RuleContext, Severity, rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pm_lsp.policy.templates import Template

FAMILY = "impact"


def _alt(words: Sequence[str]) -> str:
    """Any of ``words`` (a trie: see :func:`pm_lsp.nlp.words.word_alternation`)."""
    return word_alternation(words)


def _softened(phrases: Sequence[str], softeners: Sequence[str], graders: Sequence[str]) -> str:
    """A regex of the idioms with "hit" that open with a verb, a softener after that verb
    ("hit pretty hard", "took quite a hit"): one group of verbs, softeners and the rest
    (a list of every phrase with every softener made the prefilter cost a sixth more); or
    a word of size before the "hit" of "took a hit" (:func:`_graded_hit`)."""
    split = [p.partition(" ") for p in phrases if "hit" in p.split()]
    firsts = sorted({f for f, _, r in split if r and f not in ("a", "the", "hardest")})
    rests = sorted({r for f, _, r in split if r and f in firsts})
    softened = rf"(?:{_alt(firsts)}) (?:{_alt(softeners)}) (?:{_alt(rests)})"
    return f"{softened}|{_graded_hit(phrases, graders)}"


def _graded_hit(phrases: Sequence[str], adjectives: Sequence[str]) -> str:
    """A regex of the idioms "took a hit" with a word of size or force before "hit" ("took
    a real hit", "takes a big hit"): the verbs of the phrases that end in "a hit"."""
    verbs = sorted({p.split()[0] for p in phrases if p.split()[1:] == ["a", "hit"]})
    return rf"(?:{_alt(verbs)}) a (?:{_alt(adjectives)}) hit" if verbs else r"(?!)"


def _joined(patterns: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive pattern of the alternation of ``patterns`` (none: never matches)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


class Lexicon:
    """The words of ``rules/impact.toml``, lower-cased and compiled once per pack."""

    def __init__(self, pack: RulePack) -> None:
        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.quantifiers = set(ws("quantifiers"))
        self.q_phrases = ws("quantifier-phrases")
        self.sizes = set(ws("size-words"))
        self.grades = set(ws("grade-words"))
        self.degrees = set(ws("degree-adverbs"))
        self.phrases = ws("phrases")
        self._read_degrees(pack)
        self.people = set(ws("people-nouns"))
        self.requests = set(ws("request-nouns"))
        self.things = set(ws("thing-nouns"))
        self.money = set(ws("money-nouns")) | set(ws("currency-units"))
        self.domain = set(ws("domain-nouns"))
        self.mass = set(ws("mass-nouns"))
        self.impact_only = set(ws("impact-only-nouns"))
        self.time = set(ws("time-nouns")) | set(ws("day-periods"))
        self.duration_sizes = set(ws("duration-sizes"))
        self.amounts = set(ws("amount-nouns"))
        self.impact_verbs = set(ws("impact-verbs"))
        #: the impact verbs that say what happened to their subject (not "be", "go")
        self.harm_verbs = self.impact_verbs - {"be", "become", "go"}
        self.impact_sections = set(ws("impact-sections"))
        self.investigation_verbs = set(ws("investigation-verbs"))
        self._read_habits(ws)
        self._read_parties_and_references(ws)
        self._read_machine_words(ws)
        self._read_told_forms(ws)
        self._read_people(pack)
        self.skip_sections = set(ws("skip-sections"))
        self.timed_sections = set(ws("timed-sections"))
        self.narrative_sections = set(ws("narrative-sections"))
        #: what a statement in a narrative section must be about to count
        self.narrative_subjects = self.people | set(ws("narrative-subjects"))
        self.reason_marks = set(ws("reason-marks"))
        self.claim_subjects = set(ws("claim-subjects"))
        self.units = (
            self.people
            | self.requests
            | self.things
            | self.money
            | self.time
            | self.domain
            | self.impact_only
        )
        #: what an impact statement can be about (:mod:`pm_lsp.rules.impact.claims`)
        self.entities = (
            self.people | self.requests | self.things | self.domain | self.claim_subjects
        )
        self._read_statement_words(pack)
        self._read_cause_words(pack)
        self._read_standing_down(pack)
        self._build_prefilters(pack)
        self.gated = self._gated()
        self.zero = [re.compile(p, re.IGNORECASE) for p in pack.words(FAMILY, "zero-statements")]
        self.impact_words = re.compile(rf"(?i)(?<![\w-])(?:{_alt(ws('impact-words'))})(?![\w-])")
        self._read_data_loss_statements(pack)
        self._make_part_tables()

    def _read_settling_times(self, pack: RulePack) -> None:
        """How a machine's own settling is told (:func:`_settling_time`), read across line
        breaks as a sentence wrapped in the source is."""
        self.settling_time = [
            re.compile(soft_spaces(p), re.IGNORECASE)
            for p in pack.words(FAMILY, "settling-time-forms")
        ]

    def _make_part_tables(self) -> None:
        """The memo tables of the work done per part of a document and per region."""
        #: per part of a document and NLP object (:func:`_parts_found`): its PM401
        #: findings, relative to the part, messages made; bounded like the structure rules'
        #: block facts (a key holds a part's text twice)
        self.parts: Memo[tuple[_Found, ...]] = Memo(chars=BLOCK_CHARS)
        #: per tuple of block texts: does it state an amount (:func:`has_quantity`), as a
        #: 1-tuple
        self.quantified: Memo[tuple[bool]] = Memo()
        #: per part: its data-loss statements' windows (:func:`_part_statements`)
        self.data_loss_parts: Memo[tuple[_Statement, ...]] = Memo(chars=BLOCK_CHARS)

    def _read_degrees(self, pack: RulePack) -> None:
        """The idioms of degree, also with "hit" softened inside ("took quite a hit", "took
        a real hit"), and what a degree word's sentence measures, kind by kind in the pack's
        order (``degree-measures``): the example its message gives follows the first kind
        found."""

        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.degree_phrases = ws("degree-phrases")
        self.softened = _softened(self.degree_phrases, ws("degree-softeners"), ws("hit-adjectives"))
        self.degree_measures = tuple(
            (str(kind), frozenset(str(w).lower() for w in words))
            for kind, *words in pack.get(FAMILY, "degree-measures", [])
        )

    def _read_data_loss_statements(self, pack: RulePack) -> None:
        """PM403's statements and placeholders, and how a block is searched for them."""
        self._read_non_claims(pack)
        self.data_loss = [
            re.compile(p, re.IGNORECASE)
            for key in ("data-loss-statements", "data-left-unharmed")
            for p in pack.words(FAMILY, key)
        ]
        self.data_loss_placeholder = [
            re.compile(p, re.IGNORECASE) for p in pack.words(FAMILY, "data-loss-placeholders")
        ]
        #: PM403 may scan block by block (memoised) only if no statement pattern can see
        #: across the newline that joins two blocks (:mod:`pm_lsp.rules.impact.patterns`)
        self.data_loss_per_block = all(block_local(p) for p in self.data_loss)
        #: the statements searched through one reading of a block: a statement runs only
        #: where the block holds a word it cannot match without ("lost", "accessed", ...)
        self.data_loss_gated = Gated(self.data_loss)

    def _read_opinion_forms(self, pack: RulePack) -> None:
        """An opinion voiced, as written (:func:`_answered`): the verbs of voicing in any
        form the lemmatiser maps to them."""
        rules = [(str(a), str(b)) for a, b in pack.get(FAMILY, "lemma-suffix-rules", [])]
        irregular = [w.lower() for w in pack.words(FAMILY, "irregular-opinion-forms")]
        self.opinion_form = _form_regex(self.opinion_verbs, rules, irregular)

    def _build_prefilters(self, pack: RulePack) -> None:
        """The regexes of the prefilter (:func:`may_be_vague`) and the phrase finders."""

        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        # The prefilter, split by what each trigger needs to be judged vague: phrases and
        # degree adverbs alone; a quantifier only with a noun it can count (people,
        # requests, things, money, time, amounts); a size word only with an amount, a time
        # noun or an outage; a claim only with a claim subject. Those nouns must then be in
        # the sentence as a word spaCy could lemmatise to them (see _form_regex).
        rules = [(str(a), str(b)) for a, b in pack.get(FAMILY, "lemma-suffix-rules", [])]
        irregular = ws("irregular-noun-forms")

        # Phrases are found in the text by the same regexes as in the judge; single words
        # are judged per token, and the tokenizer splits hyphenated words ("long-running"
        # gives a token "long"), so they are looked for between non-word characters only.
        def phrase(words: Sequence[str]) -> str:
            return rf"(?<![\w-])(?:{_alt(words)})(?![\w-])"

        def word(words: Sequence[str]) -> str:
            return rf"(?<!\w)(?:{_alt(words)})(?!\w)"

        self.free_trigger = re.compile(
            rf"(?i){phrase(self.phrases + self.degree_phrases)}|{word(sorted(self.degrees))}"
            rf"|(?<![\w-])(?:{self.softened})(?![\w-])|{word(self.flood_participles)}"
        )
        self.quantity_trigger = re.compile(
            rf"(?i){word(sorted(self.quantifiers))}|{phrase(self.q_phrases)}"
        )
        self.size_trigger = re.compile(rf"(?i){word(sorted(self.sizes - self.quantifiers))}")
        self.unit_form = _form_regex(self.units | self.amounts, rules, irregular)
        #: nouns a size word is vague on besides amounts and time ("a short outage",
        #: "a temporary halt"): the effect nouns
        self.sized = set(SIZED) | self.effect_nouns
        self.sized_form = _form_regex(
            self.amounts | self.time | self.money | self.sized | self.wait_nouns, rules, irregular
        )
        self.some_extra = re.compile(rf"(?i)\bsome\s+{word(sorted(self.extra_words))}")
        effects = self.effect_verbs | self.effect_nouns | self.harm_to_people
        #: what faces the users, as spaCy could lemmatise it (:attr:`Claim.facing`)
        self.facing_form = _form_regex(self.facing, rules, irregular)
        self.availability_form = _form_regex(self.availability, rules, irregular)
        #: what a statement in a narrative is about, as spaCy could lemmatise it
        self.narrated_form = _form_regex(self.narrative_subjects, rules, irregular)
        #: what a quantifier standing for people needs around it (:func:`_stands_for_people`)
        self.people_pronoun_context = re.compile(
            _form_source(self.effect_verbs | self.harm_verbs, rules, irregular)
            + r"|\b(?:by|not|unable|able)\b|n[\x27’]t\b|\bof (?:them|those)\b"
        )
        self.effect_form = re.compile(
            _form_source(effects, rules, irregular + ws("irregular-effect-forms"))
            + rf"|(?<![\w-])(?:{_alt(sorted(self.effect_adjectives | {'down'}))})(?![\w-])"
            + r"|\btim(?:e|es|ed|ing)\s+out\b"
        )
        self.phrase_re = re.compile(rf"(?i)(?<![\w-])(?:{_alt(self.phrases)})(?![\w-])")
        self.q_phrase_re = re.compile(rf"(?i)(?<![\w-])(?:{_alt(self.q_phrases)})(?![\w-])")
        self.degree_phrase_re = re.compile(
            rf"(?i)(?<![\w-])(?:{_alt(self.degree_phrases)}|{self.softened})(?![\w-])(?!\s+of\b)"
        )

    def _gated(self) -> Gated:
        """The prefilter's regexes (:func:`may_be_vague`), each searched only where the
        sentence holds a literal word it cannot match without. Not the lemma-form regexes:
        they are bounded by letters, not word characters, so no gate is read from them,
        and trying costs more than a process saves."""
        return Gated(
            [
                self.free_trigger,
                self.quantity_trigger,
                self.size_trigger,
                self.unknown_extent,
                self.out_of_service,
                self.inability,
                self.hedged_trigger,
            ]
        )

    def _read_standing_down(self, pack: RulePack) -> None:
        """A safeguard doing its job and advice to the readers: no statement when nothing
        else in the sentence states harm (:func:`pm_lsp.rules.impact.claims.impact_claim`)."""
        self.safeguard = _joined(pack.words(FAMILY, "safeguard-forms"))
        self.advice = _joined(pack.words(FAMILY, "advice-forms"))
        self._read_opinion_forms(pack)  # a view voiced and answered
        self._read_settling_times(pack)  # a machine settling by itself: no harm timed
        self.turnout = [
            re.compile(soft_spaces(p), re.I) for p in pack.words(FAMILY, "turnout-forms")
        ]
        self.superlative_grades = {w.lower() for w in pack.words(FAMILY, "superlative-grades")}
        # an item that limits where the harm fell, in a list of amounts (_judge_parts)
        self.scope_limit = re.compile(str(pack.get(FAMILY, "scope-limit")), re.IGNORECASE)

    def _read_statement_words(self, pack: RulePack) -> None:
        """The words that find an impact statement (:mod:`pm_lsp.rules.impact.claims`) and
        the amount that quantifies it (:mod:`pm_lsp.rules.impact.amounts`)."""

        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.inability = Alternation(pack.words(FAMILY, "inability"))
        self.unknown_extent = Alternation(pack.words(FAMILY, "unknown-extent"))
        #: a system out of service or open to anyone faces the users (``claims``)
        self.out_of_service = Alternation(
            pack.words(FAMILY, "out-of-service") + pack.words(FAMILY, "exposed-phrases")
        )
        self.not_statement = Alternation(pack.words(FAMILY, "not-a-statement"))
        self.quantity = Amounts(
            number_words=ws("number-words"),
            window_words=ws("window-words"),
            recovery_words=ws("recovery-words"),
            status_words=ws("status-words"),
            digit_names=ws("digit-names"),
            bounds=pack.words(FAMILY, "bounds") + pack.words(FAMILY, "zero-statements"),
        )
        self.user_devices = set(ws("user-devices"))
        self.facing = self.people | set(ws("facing-nouns")) | self.user_devices
        self.facing_effects = set(ws("facing-effects"))
        self.availability = set(ws("availability")) | set(ws("exposure"))
        self.effect_verbs = set(ws("effect-verbs"))
        self.consequence_verbs = set(ws("consequence-verbs"))
        self.shared_verbs = set(ws("shared-verbs"))
        self.held_verbs = set(ws("held-verbs"))
        self.absence_words = set(ws("absence-words"))
        self.detection_nouns = set(ws("detection-nouns"))
        self.transitive_actions = set(ws("transitive-actions"))
        self.harm_to_people = set(ws("harm-to-people"))
        self.communication_verbs = set(ws("communication-verbs"))
        self.reaction_verbs = set(ws("reaction-verbs"))
        self.information_nouns = set(ws("information-nouns"))
        self.oversight_verbs = set(ws("oversight-verbs"))
        self.coverage_verbs = set(ws("coverage-verbs"))
        self.coverage_subjects = set(ws("coverage-subjects"))
        self.mechanism_objects = set(ws("mechanism-objects"))
        self.ending_verbs = set(ws("ending-verbs"))
        #: the inability patterns one by one, for where each matched (:func:`_omission`)
        self.inability_res = [re.compile(p, re.IGNORECASE) for p in pack.words(FAMILY, "inability")]
        self.irregular_effects = set(ws("irregular-effect-forms"))
        self.summary_fields = set(ws("summary-fields"))
        self.impact_label = re.compile(str(pack.get(FAMILY, "impact-label")), re.IGNORECASE)
        self.apology = re.compile(str(pack.get(FAMILY, "apology")), re.IGNORECASE)
        self.window_anaphora = re.compile(str(pack.get(FAMILY, "window-anaphora")), re.IGNORECASE)
        self.action_fields = re.compile(str(pack.get(FAMILY, "action-fields")))
        #: per list item text: does it hold an action item's field (:func:`_not_prose`), as
        #: a 1-tuple; asked for every list item on every lint
        self.fielded: Memo[tuple[bool]] = Memo()
        self.effect_adjectives = set(ws("effect-adjectives"))
        self.kind_adjectives = set(ws("kind-adjectives"))
        self.effect_nouns = set(ws("effect-nouns"))
        #: per (block text, where a statement starts in it): does a neighbouring sentence
        #: lend it its extent (:func:`_lent`), as a 1-tuple; a pure function of the two
        #: and these words, asked for every unquantified statement on every lint
        self.lent: Memo[tuple[bool]] = Memo()

    def _read_cause_words(self, pack: RulePack) -> None:
        """The words of a sentence that tells the cause, not harm: upkeep owed, the onset of
        the incident, a status a tool recorded (:mod:`pm_lsp.rules.impact.claims`); a line
        labelled as the cause, a duration told as one stated before, and a statement opening
        on a moment told before it."""
        self.onset_anaphora = re.compile(str(pack.get(FAMILY, "onset-anaphora")), re.IGNORECASE)
        self.cause_label = re.compile(str(pack.get(FAMILY, "cause-label")), re.IGNORECASE)
        self.field_label = re.compile(str(pack.get(FAMILY, "field-label")), re.IGNORECASE)
        self.same_window = re.compile(str(pack.get(FAMILY, "same-window")), re.IGNORECASE)

        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.upkeep_verbs = set(ws("upkeep-verbs"))
        self.onset_verbs = set(ws("onset-verbs"))
        self.labelling_verbs = set(ws("labelling-verbs"))
        self.whether_words = set(ws("whether-words"))
        self.leaked_resources = set(ws("leaked-resources"))
        self.defect_verbs = set(ws("defect-verbs"))
        self.leak_place_verbs = set(ws("leak-place-verbs"))
        self.working_verbs = set(ws("working-verbs"))
        self.unnamed_affected = str(pack.get(FAMILY, "unnamed-affected"))
        self.change_nouns = set(ws("change-nouns"))
        self.work_periods = set(ws("work-periods"))
        self.day_periods = set(ws("day-periods"))
        self.felt_periods = set(ws("felt-periods"))
        #: a fault located ("The fault was in the gateway: it dropped new sessions"):
        #: the mechanism told (class 4 of fix helper imp31)
        self.located_faults = set(ws("located-faults"))
        self.fault_places = set(ws("fault-places"))
        #: a fault denied ("Nobody overlooked the alarm: ...") and people held in contempt
        #: ("the folks who reckon they can ..."): no one reached
        self.rebuttal_verbs = set(ws("rebuttal-verbs"))
        self.belief_verbs = set(ws("belief-verbs"))
        #: a small count hedged around its noun ("a deadline or two"), and a share told
        #: only as a figure of share ("a sizeable share of the ledger", beside counts)
        self.hedged_counts = [
            re.compile(p, re.IGNORECASE) for p in pack.words(FAMILY, "hedged-counts")
        ]
        #: the same, as one regex for the prefilter (gated on its literal words)
        self.hedged_trigger = _joined(
            [p.pattern.replace("(?P<noun>", "(?:") for p in self.hedged_counts]
        )
        self.share_nouns = set(ws("share-nouns"))
        self.share_figure = re.compile(str(pack.get(FAMILY, "share-figure")), re.IGNORECASE)

    def _read_program_kinds(self, pack: RulePack) -> None:
        """The technologies that make a program noun a device ("radio clients"), and the
        forms of a past counterfactual, which states no impact."""
        self.counterfactual = _joined(pack.words(FAMILY, "counterfactual-forms"))
        self.counterfactual_outcome = _joined(pack.words(FAMILY, "counterfactual-outcome-forms"))
        self.option_words = frozenset(pack.words(FAMILY, "option-words"))
        self.deliberation_time_verbs = frozenset(
            pack.words(FAMILY, "deliberation-verbs") + pack.words(FAMILY, "deliberation-time-verbs")
        )
        self.deliberating_groups = frozenset(pack.words(FAMILY, "deliberating-groups"))
        self.work_queue_nouns = frozenset(pack.words(FAMILY, "work-queue-nouns"))
        self.circumstance_preps = frozenset(pack.words(FAMILY, "circumstance-preps"))
        self.program_kinds = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(pack.words(FAMILY, 'program-kinds'))})(?![\w-])"
        )

    def _read_people(self, pack: RulePack) -> None:
        """Given names, less the software named like people (the blame pack's product
        names): a person who noticed is no affected system; its verbs of saying (a quote
        reported); and the blame pack's exasperation ("yet again", "!!"): outside the
        sections where impact is stated, a sentence that carries it is a complaint ("Great
        job everyone, yet again the edge goes down on upgrade day!!!"), tone that PM106
        reads, not a statement of impact."""
        self.person_names = given_names() - frozenset(pack.words("blame", "product-names"))
        self.exasperation = _joined(pack.words("blame", "exasperation-phrases"))
        #: the blame pack's verbs of saying: a quoted clause one gives to someone else is
        #: recorded, not the writers' statement (:mod:`pm_lsp.nlp.reported`)
        self.reporting_verbs = frozenset(w.lower() for w in pack.words("blame", "reporting-verbs"))
        self._read_program_kinds(pack)
        self._read_fields_and_deeds(pack)

    def _read_round36(self, ws: Callable[[str], list[str]]) -> None:
        """The words of blind round 36's classes (fix helper imp36): sections that analyse
        the incident or tell its story, failures kept out of sight, time spent as an age."""
        self.analysis_headings = ws("analysis-headings")
        self.concealment_verbs = set(ws("concealment-verbs"))
        self.spent_hyperboles = frozenset(ws("spent-hyperboles"))
        self.story_headings = frozenset(ws("story-headings"))

    def _read_round29(self, ws: Callable[[str], list[str]]) -> None:
        """The words of blind round 29's classes: news of the incident and a cause put
        down to something (no one reached), informants and readers (no one harmed)."""
        self.news_verbs = set(ws("news-verbs"))
        self.informing_verbs = set(ws("informing-verbs"))
        self.attribution_verbs = set(ws("attribution-verbs"))
        self.view_words = set(ws("view-words"))
        self.reliance_verbs = set(ws("reliance-verbs"))
        self.flood_preps = set(ws("flood-preps"))
        self.contact_points = set(ws("contact-points"))
        self.flood_counted = " or ".join(ws("flood-counted"))
        self.standing_nouns = set(ws("standing-nouns"))
        self.standing_loss_verbs = set(ws("standing-loss-verbs"))
        #: verbs of finding out, each a lemma and its particle ("find out" -> find, out)
        self.finding_out_verbs = {
            (parts[0], " ".join(parts[1:])) for parts in map(str.split, ws("finding-out-verbs"))
        }
        self.finding_out_moments = set(ws("finding-out-moments"))
        self.upset_adjectives = set(ws("upset-adjectives"))
        self.pointers_below = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(ws('pointers-below'))})(?![\w-])"
        )

    def _read_told_forms(self, ws: Callable[[str], list[str]]) -> None:
        """The words that tell harm from a force or a greeting: "hit hard" against
        something, time spent waiting "with us", a broken thing shown to users, a step of
        the response on a thing named after the harm, a rise told as an idiom ("went
        through the roof", not a roof rain came through)."""
        self.rise_idioms = set(ws("rise-idioms"))  # "went through the roof"
        self.rise_verbs = set(ws("rise-verbs"))
        self.waiting_words = set(ws("waiting-words"))
        self.force_preps = set(ws("force-preps"))
        self.force_subjects = set(ws("force-subjects"))
        self.shown_verbs = set(ws("shown-verbs"))
        self.reply_verbs = set(ws("reply-verbs"))
        #: idioms of volume ("support got slammed with tickets")
        self.flood_participles = ws("flood-participles")
        self.response_steps = set(ws("response-steps"))
        self.behaviour_adverbs = set(ws("behaviour-adverbs"))
        self.reading_verbs = set(ws("reading-verbs"))
        self.relocation_verbs = set(ws("relocation-verbs"))
        self.entering_verbs = set(ws("entering-verbs"))
        self.locating_verbs = set(ws("locating-verbs"))
        self.loss_nouns = set(ws("loss-nouns"))
        self.repair_verbs = set(ws("repair-verbs"))
        self.redo_verbs = set(ws("redo-verbs"))
        self.receiving_verbs = set(ws("receiving-verbs"))
        self.message_nouns = set(ws("message-nouns"))
        self._read_round29(ws)
        self._read_round36(ws)

    def _read_machine_words(self, ws: Callable[[str], list[str]]) -> None:
        """People nouns that name a program, and what names them so (fix helper imp33):
        :func:`pm_lsp.rules.impact.claims._machine_sense`; the steps of the response that
        sites and responders take (:func:`pm_lsp.rules.impact.claims.response_step`)."""
        self.machine_senses = set(ws("machine-senses"))
        self.machine_kinds = set(ws("machine-kinds"))
        self.machine_acts = set(ws("machine-acts"))
        self.program_faults = set(ws("program-faults"))  # "a stuck consumer"
        self.program_contexts = set(ws("program-contexts"))  # "... held the partition lease"
        self.takedown_verbs = set(ws("takedown-verbs"))  # "we took the portal offline"
        self.stopgap_verbs = set(ws("stopgap-verbs"))  # "a few branches handed out vouchers"
        self.site_staff = set(ws("site-staff"))  # "staff at a few depots handed out ..."

    def _read_habits(self, ws: Callable[[str], list[str]]) -> None:
        """The words that tell a habit, a setup, a routine or an observer (fix helper
        imp41): sentences that count people or things and state no impact; after the
        other words that tell no harm (:meth:`_read_not_harm`), read first."""
        self._read_not_harm(ws)
        self.habit_adverbs = set(ws("habit-adverbs"))
        self.setup_verbs = set(ws("setup-verbs"))
        self.anyone_words = set(ws("anyone-words"))
        self.routine_verbs, self.ongoing_words = set(ws("routine-verbs")), set(ws("ongoing-words"))
        self._read_trade_losses(ws)  # counted things that do suffer, in a trade's verbs

    def _read_not_harm(self, ws: Callable[[str], list[str]]) -> None:
        """The words of counts that are not the harm: what people knew, a grade word that
        names a declared severity class, and the part that tells what went well."""
        self.program_nouns = set(ws("program-nouns"))  # "players fell back to ..."
        self.program_verbs = set(ws("program-verbs"))
        self.duration_adverbs = set(ws("duration-adverbs"))
        self.extent_adverbs = set(ws("extent-adverbs"))
        self.fine_states = set(ws("fine-states"))
        self.qualitative_kinds = set(ws("qualitative-kinds"))
        self.queue_nouns = set(ws("queue-nouns"))
        self.went_well = ws("went-well-headings")
        self.lucky = ws("lucky-words")
        self.knowledge_verbs = set(ws("knowledge-verbs"))
        self.wish_verbs = set(ws("wish-verbs"))
        self.knowledge_adjectives = set(ws("knowledge-adjectives"))
        self.baseline_adverbs = set(ws("baseline-adverbs"))
        self.showing_verbs, self.helping_verbs = set(ws("showing-verbs")), set(ws("helping-verbs"))
        self.recovery_verbs = set(ws("recovery-verbs"))
        self.perception_verbs = set(ws("perception-verbs"))
        self.greetings = set(ws("greetings"))
        self.writeup_nouns = set(ws("writeup-nouns"))
        self.account_nouns = set(ws("account-nouns"))
        self.idioms = re.compile(rf"(?i)(?<![\w-])(?:{_alt(ws('idioms'))})(?![\w-])")
        self.fault_nouns = set(ws("fault-nouns"))
        self.fault_makers = set(ws("fault-makers"))
        self.harm_bringers = set(ws("harm-bringers"))
        self.link_nouns = set(ws("link-nouns"))
        self.making_verbs = set(ws("making-verbs"))
        self.telling_verbs = set(ws("telling-verbs"))
        self.contents_verbs = set(ws("contents-verbs"))
        self.verification_verbs = set(ws("verification-verbs"))
        self.software_senses = set(ws("software-senses"))
        self.own_senses = set(ws("own-senses"))
        self.fallback_verbs = set(ws("fallback-verbs"))
        self.decision_columns = set(ws("decision-columns"))
        self.declared_classes = set(ws("declared-classes"))
        self.declaration_verbs = set(ws("declaration-verbs"))
        self.class_process_nouns = set(ws("class-process-nouns"))
        self.class_terms = set(ws("class-terms"))
        self.choice_adjectives = set(ws("choice-adjectives"))
        self.delivered = set(ws("delivered-nouns"))
        self.refusal_verbs = set(ws("refusal-verbs"))
        self.preference_words = set(ws("preference-words"))
        self.history_headings = ws("history-headings")
        self.history_marks = set(ws("history-marks"))
        self.access_verbs = set(ws("access-verbs"))
        self.feedback_nouns = set(ws("feedback-nouns"))
        self.mention_verbs = set(ws("mention-verbs"))
        self.exposure = set(ws("exposure"))
        self.entry_verbs = set(ws("entry-verbs"))
        self.vector_preps = set(ws("vector-preps"))
        self.exploit_verbs = set(ws("exploit-verbs"))
        self.tooling_kinds = set(ws("tooling-kinds"))
        self.tooling_heads = set(ws("tooling-heads"))
        self.regret_words = set(ws("regret-words"))
        #: a prefilter for :attr:`regret_words`: a word that opens like one of them
        self.apology_word = re.compile(
            r"(?i)\b(?:" + "|".join(sorted({re.escape(w[:5]) for w in self.regret_words})) + ")"
        )
        self._read_people_not_harm(ws)

    def _read_no_impact_told(self, ws: Callable[[str], list[str]]) -> None:
        """The words of sentences that state no impact: what is normal in general, what a
        system can do, a share of a cause or a motive (:func:`_no_amount_told`)."""
        self.normal_states = set(ws("normal-states"))
        self.capability_verbs = set(ws("capability-verbs"))
        self.reason_nouns = set(ws("reason-nouns"))
        self.motive_marks = set(ws("motive-marks"))
        self.attributing_verbs = set(ws("attributing-verbs"))
        self.delay_nouns = set(ws("delay-nouns"))
        self.alarm_measures = set(ws("alarm-measures"))
        self.onset_preps = set(ws("onset-preps"))
        self.case_nouns = set(ws("case-nouns"))
        self.sustaining_verbs = set(ws("sustaining-verbs"))
        self.sustained_verbs = set(ws("sustained-verbs"))
        self.program_modifiers = set(ws("program-modifiers"))
        self.toil_marks = set(ws("toil-marks"))
        self.question_verbs = set(ws("question-verbs"))  # who asked a quoted question
        self.made_for_verbs = set(ws("made-for-verbs"))  # a safeguard's scenario
        self.turning_verbs = set(ws("turning-verbs"))  # a cause making a fault worse
        self.unseen_verbs = set(ws("unseen-verbs"))  # a gap in detection, owned
        self.system_events = set(ws("system-event-nouns"))  # how long a machine step ran
        self.voicing_verbs = set(ws("voicing-verbs"))
        self.onlooker_nouns = set(ws("onlooker-nouns"))
        self.tone_adjectives = set(ws("tone-adjectives"))
        self.exception_words = set(ws("exception-words"))  # "apart from the wrong logos"
        self.normal_working_words = set(ws("normal-working-words"))
        self.chart_nouns = set(ws("chart-nouns"))  # "the latency graph sat flat for most ..."
        self.chart_state_verbs = set(ws("chart-state-verbs"))
        self.replaced_state_openers = set(ws("replaced-state-openers"))  # "instead of"

    def _read_test_verdicts(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a statistical test's verdict ("a significant subgroup effect" in a
        sentence about an A/B test): a grade word there is no size of harm."""
        self.statistical_grades = set(ws("statistical-grades"))
        self.statistical_nouns = set(ws("statistical-nouns"))
        self.statistical_cue = re.compile(
            rf"(?i)(?<![\w/-])(?:{_alt(ws('statistical-cues'))})(?![\w/-])"
        )

    def _read_parties_and_references(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a party's own act (:func:`claims._partys_own_act`) and the
        headings of a list of references (:func:`_section_kind`)."""
        self.responder_roles = set(ws("responder-roles"))
        self.party_nouns = set(ws("party-nouns"))
        self._read_explanations(ws)

    def _read_explanations(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a sentence that explains the fault or addresses the readers
        (class 1 and 2 of fix helper imp42): a load the fault set in under, the mark of a
        failure's reason, the subjects of a statement of the cause, readers who fielded
        questions, people placed by a clause of "where"."""
        self.load_nouns = set(ws("load-nouns"))
        self.condition_preps = set(ws("condition-preps"))
        self.explanation_marks = set(ws("explanation-marks"))
        self.cause_subjects = set(ws("cause-subjects"))
        self.fielding_verbs = set(ws("fielding-verbs"))
        self.inquiry_nouns = set(ws("inquiry-nouns"))
        self.asking_verbs = set(ws("asking-verbs"))
        self.whereabouts_verbs = set(ws("whereabouts-verbs"))
        self.act_nouns = set(ws("act-nouns"))
        self.check_verbs = set(ws("check-verbs"))
        self.praise_phrases = tuple(ws("praise-phrases"))
        self.reference_headings = set(ws("reference-headings"))

    def _read_non_claims(self, pack: RulePack) -> None:
        """Words of class 1 of fix helper imp39: designs, class frames, what became of
        stored things after a data-loss answer."""

        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        self.design_verbs = set(ws("design-verbs"))
        self.class_frame_words = set(ws("class-frame-words"))
        self.data_fate = re.compile("|".join(ws("data-fate-forms")), re.I)
        self.counterfactual_headings = ws("counterfactual-headings")
        self.rule_modals = set(ws("rule-modals"))
        self.why_steps = [re.compile(p, re.I) for p in pack.words(FAMILY, "why-steps")]
        self.denied_harm_verbs = set(ws("denied-harm-verbs"))
        self.freedom_words = set(ws("freedom-words"))
        self.weight_verbs = set(ws("weight-verbs"))
        self.wrong_thing_adjectives = set(ws("wrong-thing-adjectives"))
        self.handing_verbs = set(ws("handing-verbs"))
        self.evidence_nouns = set(ws("evidence-nouns"))
        self.doubt_verbs = set(ws("doubt-verbs"))
        self.cause_copula_subjects = set(ws("cause-copula-subjects"))
        self.unharmed_outcome = Alternation(pack.words(FAMILY, "unharmed-outcomes"))
        #: a word that makes "than" no comparison with a baseline ("rather than before it")
        self.than_not_compared = re.compile(
            rf"(?i)(?<![\w-])(?:{_alt(ws('than-not-compared'))})\s+$"
        )
        self.counterfactual_modal = re.compile(
            str(pack.get(FAMILY, "counterfactual-modal")), re.IGNORECASE
        )
        labels, codes = "|".join(ws("scale-labels")), "|".join(ws("scale-codes"))
        #: a field whose whole value is a rung of a scale (:func:`_scale_rung`): the label,
        #: the colon, the value up to a field separator or the end of a sentence
        self.scale_field = re.compile(
            rf"(?:^|(?<=[·•|;\n]))\s*(?:[A-Za-z][\w/-]*\s){{0,3}}?[A-Za-z][\w/-]*\s*:\s*"
            rf"(?:(?:{codes})\s*(?:[-–—:]\s*|\(\s*(?=.*\)))?)?(?:{labels})\)?"
            r"\s*(?:[.,;·•|]|\s*$)",
            re.I | re.M,
        )

    def _read_people_not_harm(self, ws: Callable[[str], list[str]]) -> None:
        """The words of sentences about people, not about harm: the response's own work
        slowed, a person's faculty graded, a staff member's deed, an opinion the writer
        rejects, the readers' hopes; and the verbs of a message whose content names the
        outage."""
        self.response_nouns = set(ws("response-nouns"))
        self.faculty_nouns = set(ws("faculty-nouns"))
        self.staff_roles = set(ws("staff-roles"))
        self.doer_pronouns = set(ws("doer-pronouns"))
        self.course_words = set(ws("course-words"))
        self.reach_verbs = set(ws("reach-verbs"))
        self.opinion_verbs = set(ws("opinion-verbs"))
        self.deliberation_verbs = set(ws("deliberation-verbs"))
        self.remark_verbs = set(ws("remark-verbs"))
        self.attendance_verbs = set(ws("attendance-verbs"))
        self.meeting_nouns = set(ws("meeting-nouns"))
        self.participant_nouns = set(ws("participant-nouns"))
        self.audience_verbs = set(ws("audience-verbs"))
        self.audience_hearing_verbs = set(ws("audience-hearing-verbs"))
        self.presence_words = set(ws("presence-words"))
        self.workload_words = set(ws("workload-words"))
        self.foresight_verbs = set(ws("foresight-verbs"))
        self.spread_verbs = set(ws("spread-verbs"))
        self.witness_verbs = set(ws("witness-verbs"))
        self.telling_apart_verbs = set(ws("telling-apart-verbs"))
        self.departure_phrases = set(ws("departure-phrases"))
        #: a label of counted things whose whole value is a vague amount (:func:`_label_line`)
        self.vague_label = re.compile(
            r"(?i)^\W*((?:[\w-]+ ){0,3}[\w-]+s) ?: *"
            rf"((?:{_alt(ws('vague-label-values'))}))(?![\w-]) *[.!]* *$"
        )
        self.faq_headings = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(ws('faq-headings'))})(?![\w-])"
        )
        self.report_verbs = set(ws("report-verbs"))
        self.figure_before = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(ws('figure-before'))})\s+$"
        )
        self.figure_after = re.compile(rf"(?i)^\s+(?:{word_alternation(ws('figure-after'))})\b")
        self.referring_back = set(ws("referring-back"))
        self.ratio_multipliers = set(ws("ratio-multipliers"))
        self.mitigation_verbs = set(ws("mitigation-verbs"))
        self.rejection = re.compile("|".join(f"(?:{p})" for p in ws("rejection-forms")), re.I)
        self.anticipation = set(ws("anticipation-phrases"))
        self.message_verbs = set(ws("message-verbs"))
        self.lesson_sections = set(ws("lesson-sections"))
        self.own_possessives = set(ws("own-possessives"))
        self.paging_nouns = set(ws("paging-nouns"))
        self.paging_verbs = set(ws("paging-verbs"))
        self.alerting_verbs = set(ws("alerting-verbs"))
        self.threshold_marks = set(ws("threshold-marks"))
        self.paged_people = set(ws("paged-people"))
        self.open_questions = ws("open-question-headings")
        self.wait_nouns = set(ws("wait-nouns"))
        self.wait_measures = set(ws("wait-measures"))
        self.impact_headings = re.compile(rf"(?<!\w)(?:{_alt(ws('impact-headings'))})(?!\w)")
        self.extra_words = set(ws("extra-words"))
        self.incurring_verbs = set(ws("incurring-verbs"))
        self._read_test_verdicts(ws)
        self._read_no_impact_told(ws)

    def _read_fields_and_deeds(self, pack: RulePack) -> None:
        """The words of the head's fields that name and claim nothing (:func:`_head_field`)
        and of conduct judged (:func:`pm_lsp.rules.impact.claims._wrong_done`)."""

        def ws(key: str) -> list[str]:
            return [str(w) for w in pack.words(FAMILY, key)]

        self.deed_verbs = set(ws("deed-verbs"))
        self.wrongdoing_words = set(ws("wrongdoing-words"))
        self.listing_label = re.compile(str(pack.get(FAMILY, "listing-label")), re.IGNORECASE)
        #: the words of the vague label values ("a lot", "plenty"), one by one
        self.lots = {w for v in ws("vague-label-values") for w in v.split()} - {"a", "and"}

    def _read_trade_losses(self, ws: Callable[[str], list[str]]) -> None:
        """The verbs of a loss told in a trade's own words, read only of a plural counted
        by a quantifier where impact is stated (:func:`_trade_loss`)."""
        self.slip_verbs = set(ws("slip-verbs"))
        self.slip_leak_preps = set(ws("slip-leak-preps"))
        self.slipped_defects = set(ws("slipped-defects"))
        self.duplicated_verbs = set(ws("duplicated-verbs"))
        self.repeat_marks = set(ws("repeat-marks"))
        self.gone_verbs = set(ws("gone-verbs"))
        self.permanence_marks = set(ws("permanence-marks"))

    def is_unit(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.units or tok.lower_ in self.units

    def is_amount(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.amounts or tok.lower_ in self.amounts

    def kind_of(self, noun: Token, word: Token) -> str:
        """The message key for a vague ``word`` on ``noun``: the kind of number the noun
        takes. A duration for time ("several hours"), money for money, a share or a measured
        value for a mass, a rate or an amount noun ("a large portion", "much of the team's
        time", "heavy traffic", "most of the time": how often), and a count for what comes
        in individuals ("many users", "several epochs", "several teams": a people noun in
        the plural, though "the team" is a mass): never "the duration" of a count, never
        "how many" of a mass; for work waiting ("a significant backlog") both the count and
        the time to clear it. A kind of harm no number sizes ("considerable brand damage",
        ``qualitative-kinds``) asks what it cost or changed, not for its share."""
        lem = noun.lemma_.lower()
        forms = {lem, noun.lower_}
        if lem == "time" and noun.head.lower_ == "of" and word.i < noun.i:
            if not any(c.dep_ in ("det", "poss") for c in noun.children):
                return "vague-duration"  # "a significant amount of time", "quite a bit of
                # time": how long
            return "vague-frequency"  # "most of the time", "some of the time": how often
        if noun.lower_ == "times" and not (
            word.lower_ in self.sizes or any(c.dep_ == "compound" for c in noun.children)
        ):
            return COUNT_KEY  # "retried several times": how many times; "queue times were
            # long" are durations
        if word.lower_ in self.duration_sizes and (
            forms & self.wait_nouns or _wait_measure(noun, self)
        ):
            return "vague-duration"  # "the queues were very long": how long people waited
        if forms & self.queue_nouns and word.lower_ not in self.duration_sizes:
            return "vague-backlog"  # "a significant backlog": how many waited, and how long
        if forms & self.time and not self.is_amount(noun):
            return "vague-duration"
        if word.lower_ in self.duration_sizes and forms & self.effect_nouns:
            return "vague-duration"  # "the outage was brief": how long
        if forms & self.money:
            return "vague-money"
        if forms & self.standing_nouns or any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.qualitative_kinds
            for c in noun.children
        ):
            return "vague-kind"  # "considerable brand damage", "a ton of goodwill": no share
            # of it; what it cost
        if forms & self.change_nouns:
            return "vague-degree"  # "a massive spike": the measured change, not a share
        if (forms & self.mass and not (noun.tag_ == "NNS" and forms & self.people)) or (
            self.is_amount(noun)
        ):
            return "vague-share"
        if (
            noun.tag_ in ("NN", "NNP")
            and word.lower_ not in ("several", "multiple", "few")
            and not forms & self.people
        ):
            # "a major outage", "the incident was major": one event, sized by whom it
            # reached and for how long, never "the share of outage"
            return "vague-size" if forms & (self.effect_nouns | self.class_terms) else "vague-share"
        return COUNT_KEY


#: nouns a size word is vague on besides amounts and time ("a short outage")
SIZED = ("outage", "disruption")


def _form_regex(
    lemmas: set[str], rules: Sequence[tuple[str, str]], irregular: Sequence[str]
) -> re.Pattern[str]:
    """:func:`_form_source`, compiled."""
    return re.compile(_form_source(lemmas, rules, irregular))


def _form_source(
    lemmas: set[str], rules: Sequence[tuple[str, str]], irregular: Sequence[str]
) -> str:
    """Matches, as a whole word, any word spaCy's English lemmatiser could map to one of
    ``lemmas``: the lemma itself (a lemma is the lower-cased word when no rule applies), a
    form that one of its suffix rules ("ies" -> "y": "queries" -> "query") turns into it,
    or an irregular form from its exception table ("built" -> "build"). The rules and the
    irregular forms are listed in the rule pack; a test checks them against the model.
    The tokenizer splits on hyphens, slashes and punctuation, and inside a run of letters
    only for its special cases ("cannot", "gonna"), none of which gives one of these nouns,
    so whole words between letters suffice.
    """
    forms = set(irregular)
    for lemma in lemmas:
        forms.add(lemma)
        for old, new in rules:
            if lemma.endswith(new):
                forms.add(lemma[: len(lemma) - len(new)] + old)
    return rf"(?i)(?<![^\W\d_])(?:{word_alternation(forms)})(?![^\W\d_])"


def lexicon(pack: RulePack) -> Lexicon:
    return pack.derived(Lexicon)


# -- where impact is written -----------------------------------------------------------------


def _path(section: Section | None) -> set[str]:
    return set(section.canonical_path()) if section is not None else set()


def impact_regions(ctx: RuleContext) -> list[tuple[Span, str]]:
    """Impact sections and "Impact:" label regions, with a name for messages (once per
    parsed document and template: PM401, PM402 and an apology's statement ask)."""
    return list(ctx.doc.analysis(_impact_regions, ctx.template))


def _impact_regions(doc: PostmortemDoc, template: Template) -> tuple[tuple[Span, str], ...]:
    out: list[tuple[Span, str]] = []
    for s in doc.sections:
        if s.canonical == "impact" and "impact" not in _path(s.parent):
            out.append((s.body, f"'{_title_as_written(doc, s)}' section"))
    for label, span, _sec in labelled_regions(doc):
        if template.canonical_section(label) == "impact":
            out.append((span, f"'{label}' entry"))
    return tuple(out)


def _title_as_written(doc: PostmortemDoc, s: Section) -> str:
    """A section's title for a message, its inline code as written (:func:`_as_written`:
    "'Impact on ledger-api' section", never the masking stand-in)."""
    source = doc.text[s.title_span.start : s.title_span.end]
    return _as_written(s.title, mask_inline(source), source, 0)


# -- PM401 -----------------------------------------------------------------------------------


#: the message key of a vague quantity counted in individuals ("how many …")
COUNT_KEY = "vague-quantifier"


@dataclass(frozen=True)
class VagueImpact:
    start: int
    end: int
    key: str
    phrase: str
    noun: str
    #: the noun as "how many … were affected?" counts it (a statement's entity,
    #: :func:`pm_lsp.rules.impact.claims.counted`); empty: ``noun``
    counted: str = ""
    #: a statement in an impact section whose effect noun is what an apology or a word of
    #: regret is for (:func:`pm_lsp.rules.impact.claims.apologised_for`)
    owned: bool = False


def _noun_in_phrase(after: Sequence[Token]) -> Token | None:
    """The first noun after a vague amount in its own phrase: a comma, a colon or a dash
    ends the phrase ("quite a few, mostly on the mobile site" counts no sites)."""
    for t in after:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.text in _PHRASE_ENDS:
            return None
    return None


#: marks that end the phrase a vague amount stands in (a hyphen or a slash does not:
#: "quite a few on-call engineers")
_PHRASE_ENDS = frozenset(",;:.!?()\u2013\u2014")


def _counted_noun(tok: Token, lex: Lexicon) -> Token | None:
    """The noun a quantifier token counts: its head ("several users"), the object of "of"
    ("some of the users", "a number of requests"), or the subject it is predicated of
    ("the impact was negligible"). Hung on a pre-modifier of the noun ("several SaaS
    tenants", the small model's reading), it counts the noun the modifier is part of."""
    head = tok.head
    while (
        tok.dep_ in ("det", "amod")
        and tok.lower_ in lex.quantifiers  # not a size: "large transaction volumes"
        and head.dep_ == "compound"
        and head.head.i > head.i
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        head = head.head
    if tok.dep_ in ("det", "amod", "nummod", "quantmod", "advmod", "npadvmod") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        if lex.is_amount(head):
            of = _of_object(head)
            return of if of is not None and lex.is_unit(of) else head
        return head
    if tok.pos_ in ("NOUN", "PRON", "ADJ", "DET") and tok.dep_ in (
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "ROOT",
        "attr",
    ):
        of = _of_object(tok)
        if of is not None:
            return of
    if tok.dep_ in ("ccomp", "oprd"):  # "made the evening queues very long"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    if tok.dep_ in ("acomp", "attr") and head.pos_ in ("AUX", "VERB"):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and head.dep_ == "xcomp":  # "impact is expected to be minimal"
            subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def _subject_read_as_modifier(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` a pronoun for people that the parser read as a modifier,
    the past-tense verb of harm after it taken for an adjective ("and many lost exam time
    while signing in again": "many" and "lost" both hung on "time")? It counts the people
    who suffered, so the finding asks how many, not how long. A noun phrase that is a
    subject ("many lost parcels were found") is left to the other readings."""
    if tok.dep_ not in ("amod", "det") or tok.head.dep_ in ("nsubj", "nsubjpass"):
        return False
    after = [t for t in tok.doc[tok.i + 1 : tok.head.i] if not t.is_space]
    return (
        len(after) >= 2
        and after[0].tag_ == "VBD"
        and after[0].head.i == tok.head.i
        and after[0].lemma_.lower() in lex.effect_verbs | lex.harm_verbs
    )


def _stands_for_people(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` a pronoun for people ("relied on by many", "many could
    not log in", "some were logged out")? It is when it counts nothing after it and is the
    agent of a passive, or the subject of an effect or an inability. A quantifier with an
    "of" counts what follows it, also a clause ("some of what we said was not fair": the
    writers' words, no people)."""
    if tok.pos_ not in ("PRON", "ADJ", "NOUN", "DET") or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    ):
        return False
    head = tok.head
    if tok.dep_ == "pobj":
        return head.lower_ == "by" and head.dep_ == "agent"
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.lemma_.lower()
    return (
        verb in lex.effect_verbs
        or verb in lex.harm_verbs
        or any(c.dep_ == "neg" or c.lower_ in ("unable", "able") for c in head.children)
    )


#: pronouns a partitive quantifier may count ("quite a few of them"); "you" is a people noun
_PARTITIVE_PRONOUNS = frozenset({"them", "those"})


def _some_of_them(tok: Token, noun: Token, lex: Lexicon, *, in_impact: bool) -> bool:
    """Does the quantifier ``tok`` count a pronoun ("some of them could not pay", "quite a
    few of them needed new slots") as the subject of harm: an effect or an inability
    anywhere, and where impact is stated also a consequence, a need or a reaction? The
    pronoun stands for those the sentences before named; "some of them were restarted by
    the team" is told of things, and a verb of neither kind counts nothing."""
    if noun.lower_ not in _PARTITIVE_PRONOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    before = _antecedent(tok)
    if before is not None and (
        is_responder_or_alerting(before, lex) or not (in_impact or _counted_kind(before, lex))
    ):
        return False  # "we paged the team; some of them did not answer"
    verb = tok.head
    lem = verb.lemma_.lower()
    unable = any(c.dep_ == "neg" or c.lower_ in ("unable", "cannot") for c in verb.children)
    if unable and lem in lex.reply_verbs and not _could_not(verb):
        return False  # "we emailed the tenants; some of them never replied": no harm
    if tok.dep_ == "nsubj" and (lem in lex.effect_verbs or lem in lex.harm_verbs or unable):
        return True
    return in_impact and (_consequence(verb, lex) or lem == "need" or lem in lex.reaction_verbs)


def _could_not(verb: Token) -> bool:
    """Is the denial of ``verb`` an inability ("could not reply", "were unable to answer",
    "cannot respond"), not a choice ("did not reply", "never answered")?"""
    return any(
        c.lower_ in ("can", "could", "cannot", "unable") or c.lemma_.lower() == "able"
        for c in (*verb.children, *verb.head.children)
    )


def _antecedent(tok: Token) -> Token | None:
    """The noun the pronoun of a partitive ("some of them") stands for when the sentence
    names it before: the nearest subject or object noun before it ("We paged the database
    team; some of them ...", "we checked the replicas; some of them ...")."""
    sent_start = tok.sent.start
    for i in range(tok.i - 1, max(sent_start, tok.i - 30) - 1, -1):
        t = tok.doc[i]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return t
    return None


def _counted_kind(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` people, something users reach, a request or a unit of impact: what the
    rule counts outside an impact section ("we emailed the merchants; some of them ...")?"""
    forms = {noun.lemma_.lower(), noun.lower_}
    return bool(forms & (lex.facing | lex.requests)) or lex.is_unit(noun)


def _compound_tail(tok: Token) -> bool:
    """Is ``tok`` the part after the hyphen of a hyphenated word ("service-wide")?"""
    doc = tok.doc
    if tok.i < 2:
        return False
    hyphen, first = doc[tok.i - 1], doc[tok.i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not first.whitespace_


def _compound_head(tok: Token) -> bool:
    """Is ``tok`` the part before the hyphen of a hyphenated word ("low-volume window",
    "long-running job")? Then the whole word names a kind of thing."""
    doc = tok.doc
    if tok.i + 2 >= len(doc):
        return False
    hyphen = doc[tok.i + 1]
    return hyphen.text == "-" and not tok.whitespace_ and not hyphen.whitespace_


def _of_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _np_has_number(noun: Token) -> bool:
    """Does the noun phrase of ``noun`` hold a number ("11 hours", "10k users")? A name
    that starts with a letter and holds a digit ("B2B customers", "EC2 hosts", "S3
    buckets") is no number, nor a number hyphened to the word after it ("1-star reviews",
    "5-day builds": a kind, as :mod:`pm_lsp.rules.impact.amounts` reads it)."""
    return any(
        (t.like_num or (any(c.isdigit() for c in t.text) and not t.text[:1].isalpha()))
        and not _outline_number(t)
        and not _hyphened_kind(t)
        for t in noun.subtree
    )


def _hyphened_kind(tok: Token) -> bool:
    """Is the number ``tok`` joined by a hyphen to the word after it ("1-star")?"""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not doc[tok.i + 1].whitespace_
        and not tok.whitespace_
        and doc[tok.i + 2].is_alpha
    )


def _outline_number(tok: Token) -> bool:
    """A paragraph's outline number opening the sentence ("2.3 Many merchants ..."): where
    the text sits in the document, not a count of the noun after it."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.i == 0 and "." in tok.text.rstrip(".") and nxt is not None and nxt.text[:1].isupper()


#: how far (characters between them) a quantifier may stand from the noun it counts: the
#: length of a noun phrase with its modifiers ("many of the long-standing enterprise
#: customers"); farther, the parse has paired words of two phrases (a quantifier on one
#: noun, a unit in another part of the sentence), and the prefilter need not parse such a
#: sentence for it. A predicate ("the number of chains using it was limited") reaches its
#: subject however long that is (:data:`_PREDICATE`).
QUANTIFIER_REACH = 40
#: a quantifier said of a subject: after a copula and up to two words ("was extremely")
_PREDICATE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|seems?|seemed"
    r"|appears?|appeared)\s+(?:\w+\s+){0,2}$"
)


def _is_time(noun: Token, lex: Lexicon) -> bool:
    return noun.lemma_.lower() in lex.time or noun.lower_ in lex.time


def _is_day_period(noun: Token, lex: Lexicon) -> bool:
    return noun.lemma_.lower() in lex.day_periods or noun.lower_ in lex.day_periods


def _felt_period(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` a calendar span named as what someone went through, not as how long
    something lasted: one of ``felt-periods`` after "a", as what someone had or what it
    was ("It was a long day for the desk", "the on-call pair had a long week"), with no
    "of" telling what filled it ("a long day of failed checkouts" stays a duration)? How
    the day felt to the team is no duration of the incident (class 3 of fix helper
    imp38)."""
    if noun.lemma_.lower() not in lex.felt_periods:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "a long day ..., and a long week after that"
    verb = first.head.lemma_.lower()
    return (first.dep_ == "attr" and verb == "be") or (first.dep_ == "dobj" and verb == "have")


def _looking(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` (a span of time) told of a verb of looking for the cause ("For a while
    we suspected DNS", "for several minutes the team debugged the wrong host"), or of
    knowing ("we had known about the limit for a long while", "we have been aware of the
    coupling for some time")? Then the time is the responders' or the organisation's, not
    the impact's (``investigation-verbs``, ``knowledge-verbs``, ``knowledge-adjectives``).
    The verb is the nearest verb above it, at most four steps up."""
    head = verb_above(tok)
    if head.pos_ not in ("VERB", "AUX"):
        return False
    lem = head.lemma_.lower()
    return (
        lem in lex.investigation_verbs
        or lem in lex.knowledge_verbs
        or any(c.dep_ == "acomp" and c.lower_ in lex.knowledge_adjectives for c in head.children)
        or (lem in lex.verification_verbs and _responders_did(head, lex))
    )


def _responders_did(verb: Token, lex: Lexicon) -> bool:
    """Is the subject of ``verb`` (or of the verb it is joined to: "we turned sync back on,
    watched it for a few hours, and ...") the responders: "we", "I", the team, a responder
    or a person's name?"""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:  # "they" may be the users: "they watched the spinner"
            return subj.lower_ != "they" and (
                is_responder_or_alerting(subj, lex) or is_given_name(subj.text, lex.person_names)
            )
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _not_the_outage_time(tok: Token, lex: Lexicon) -> bool:
    """Is the span of time ``tok`` not the impact's: spent looking or knowing
    (:func:`_looking`), how the system usually behaves (:func:`_habitual`), how long a
    recovery attempt held (:func:`_worked_a_while`), a point before or after another ("a
    few minutes later"), or a projection
    of what another course would have taken ("replaying the queue would have taken several
    hours": a verb in the modal perfect)?"""
    if (
        _looking(tok, lex)
        or _habitual(tok, lex)
        or _worked_a_while(tok, lex)
        or _spent_on_response(tok, lex)
        or _onset_or_case(tok, lex)
        or _kept_working(tok, lex)
    ):
        return True
    if (
        tok.dep_ == "npadvmod"
        and tok.head.lower_ in _RELATIVE_POINTS
        and not (tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].lower_ == "for")
    ):  # "a few minutes later, Priya restarted the broker": a point in time; "for some
        # time afterwards" is a span (class 2 of fix helper imp36)
        return True
    verb = verb_above(tok)
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "have" in aux and bool(aux & _PROJECTING)


def _onset_or_case(tok: Token, lex: Lexicon) -> bool:
    """Is the span of time ``tok`` counted from an act each user repeats (after one of
    ``onset-preps``, with "of" and a verb after it: "froze within a few seconds of
    launching") or the condition a design is built for (after "of" on one of
    ``case-nouns``: "right in the usual case of a few seconds of lag")? The first tells how
    the failure behaved, the second how the system was meant to work; neither is how long
    anyone was harmed. "Sales stopped within a few minutes of the release" times the
    incident and stays."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in lex.onset_preps:  # "of" on an act each user repeats, not an event
        return any(
            c.dep_ == "prep" and c.lower_ == "of" and any(_an_act(g) for g in c.children)
            for c in tok.children
        )
    return prep.lower_ == "of" and prep.head.lower_ in lex.case_nouns


def _an_act(tok: Token) -> bool:
    """Is ``tok``, after "of", a verb's "-ing" form: a clause ("of opening the map"), or a
    bare gerund the small model reads as a noun ("of opening", no determiner)? "Of the
    release" names an event."""
    if tok.dep_ == "pcomp":
        return True
    return (
        tok.dep_ == "pobj"
        and tok.lower_.endswith("ing")
        and not any(c.dep_ in ("det", "poss") for c in tok.children)
    )


def _kept_working(tok: Token, lex: Lexicon) -> bool:
    """Is the span of time ``tok`` how long a system went on working (one of
    ``sustained-verbs`` under one of ``sustaining-verbs``: "kept running off its local buffer
    for a bit", "carried on answering from its cache for some time") with no object, no
    manner and no effect told? It tells how the fault stayed hidden; "kept serving stale
    prices for a while", "kept running slowly for a while" and "kept failing" stay."""
    verb = verb_above(tok)
    if verb.lemma_.lower() not in lex.sustained_verbs or any(
        c.dep_ in ("dobj", "advmod", "neg", "acomp") for c in verb.children
    ):
        return False
    if any(
        t.lemma_.lower() in lex.effect_nouns or t.lower_ in lex.effect_adjectives
        for t in verb.subtree
    ):
        return False
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "on":  # "carried on running"
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.lemma_.lower() in lex.sustaining_verbs


#: words that make a span a point before or after another ("a few minutes later",
#: "several hours after the deploy", "some weeks ago")
#: "apart" makes it the spacing of two events ("two complaints a few days apart")
_RELATIVE_POINTS = frozenset({"later", "earlier", "after", "before", "ago", "afterwards", "apart"})


def _spent_on_response(tok: Token, lex: Lexicon) -> bool:
    """Is the span of time ``tok`` what the response took: spent, in the passive with no
    one named ("Most of the morning was spent on the rollback plan"), or by the responders
    ("we spent most of the evening on the rollback"), or gone into a piece of work ("Most of
    that evening went into reading the logs")? "Members spent most of the morning on hold"
    is harm."""
    verb = verb_above(tok)
    if verb.lemma_.lower() == "go" and tok.i < verb.i:
        # "Most of that evening went into reading the logs": the time went into the work
        return any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)
    if verb.lemma_.lower() != "spend" or _toil(verb, lex):
        return False
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return not any(c.dep_ == "agent" for c in verb.children)
    return _responders_did(verb, lex)


def _toil(verb: Token, lex: Lexicon) -> bool:
    """Is the time spent on manual work done in place of a broken system (``toil-marks``
    after the verb: "spent a considerable amount of time on manual refunds", "spent hours
    keying orders by hand")? Staff time lost to the outage, not the response's time."""
    return any(
        t.i > verb.i
        and (t.lower_ in lex.toil_marks or (t.lower_ == "hand" and t.doc[t.i - 1].lower_ == "by"))
        for t in verb.subtree
    )


#: prepositions after a noun of a period of work that make it a change ("a shift in
#: traffic", "a shift towards the backup region")
_CHANGE_PREPS = frozenset({"in", "to", "toward", "towards", "from", "away"})

#: what opens a clause told after a span of working ("... held for a few minutes before
#: the workers crashed again")
_RELAPSE_MARKS = frozenset({"before", "until", "till"})


def _worked_a_while(tok: Token, lex: Lexicon) -> bool:
    """Is the span of time ``tok`` how long a system worked after a recovery attempt
    before it failed again ("each time the conveyor ran for a few minutes and halted
    again": a verb of ``working-verbs`` with a stop or a failure joined after it)? It
    measures the attempt, not the impact; "users could not log in for a few minutes"
    stays."""
    verb = verb_above(tok)
    if verb.lemma_.lower() not in lex.working_verbs:
        return False
    return any(
        (
            c.dep_ == "conj"
            or (c.dep_ == "advcl" and any(m.lower_ in _RELAPSE_MARKS for m in c.children))
        )
        and c.pos_ in ("VERB", "AUX")
        and (c.lemma_.lower() in lex.ending_verbs or c.lemma_.lower() in lex.effect_verbs)
        for c in verb.children
    )


#: the modals of a projection in the perfect ("would have taken")
_PROJECTING = frozenset({"would", "could", "might"})


def _standing(noun: Token, lex: Lexicon, *, in_impact: bool) -> bool:
    """Is the counted ``noun`` in a clause that describes how things stand, not what
    happened: a verb in the simple present that is no verb of impact, with no aux, no
    negation and no effect word in its clause ("the company enables hardware keys for most
    engineers", "the balancer routes some write requests to the other region")? Never read
    in a timeline entry (often written in the present: "10:05 some requests start timing
    out"); where impact is stated, only of an object, since a count of the subject there
    says who is affected ("most users get a blank page")."""
    if in_impact and (
        noun.dep_ in ("nsubj", "nsubjpass")
        or (noun.dep_ == "pobj" and noun.head.head.dep_ in ("nsubj", "nsubjpass"))
    ):
        return False
    verb = verb_above(noun)
    while verb.tag_ in ("VBG", "VB") and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        verb = verb.head  # "turns on audit logging for many customers": the finite verb
    placed = _placed(verb)
    if verb.tag_ not in ("VBZ", "VBP") or not (
        verb.pos_ == "VERB" or _names_a_value(verb, noun) or placed
    ):
        return False
    if in_impact and _brings_harm(verb, lex):
        return False
    lem = verb.lemma_.lower()
    if (lem in lex.impact_verbs and verb.pos_ == "VERB") or (
        _effect_verb(verb, lex) or lem in lex.reaction_verbs
    ):
        return False  # a copula naming a value ("is root") is no impact verb
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    # the verb's own clause: a clause before a semicolon is another statement ("the purge
    # starts deleting files; the atime on most of them is their creation date")
    semi = max((t.i for t in verb.subtree if t.text == ";" and t.i < verb.i), default=-1)
    return not any(
        t.lemma_.lower() in lex.effect_nouns
        or t.lower_ in lex.effect_adjectives
        or (t.pos_ == "VERB" and _effect_verb(t, lex))
        or (t.lemma_.lower() == "time" and any(c.lower_ == "out" for c in t.children))
        # "works on some machines but not others": a part left out; not "some are on the
        # rota and some are not", where the rest of a placement is told
        or (t.dep_ == "neg" and not (placed and t.head.lemma_.lower() == "be"))
        for t in verb.subtree
        if t.i > semi
    )


def _placed(verb: Token) -> bool:
    """Is ``verb`` a copula that tells where the counted things are kept or listed, with a
    prepositional predicate and no state ("some feeds are on the legacy scheduler", "most
    jobs are in the shared calendar")? How things stand, not harm."""
    return (
        verb.lemma_.lower() == "be"
        and any(c.dep_ == "prep" for c in verb.children)
        and not any(c.dep_ in ("acomp", "attr") for c in verb.children)
    )


def _names_a_value(verb: Token, noun: Token) -> bool:
    """Is ``verb`` a copula that names what something of the counted ``noun`` is ("the
    file mode on most uploads is the one the client sent", "the default owner on most
    folders is root"): a noun, not a state ("most pods are unavailable" grades them), and
    the count not in the value ("is a plug-in of many build tools" says how far it
    reaches)?"""
    values = [
        c for c in verb.children if c.dep_ in ("attr", "acomp") and c.pos_ in ("NOUN", "PROPN")
    ]
    return (
        verb.lemma_.lower() == "be"
        and bool(values)
        and not any(v.left_edge.i <= noun.i <= v.right_edge.i for v in values)
    )


def _property_of(noun: Token, lex: Lexicon) -> bool:
    """Is the counted ``noun`` where something else's property or behaviour is told ("the
    mtime of most files equals ...", "the owner on most folders is root", "on most hosts the
    agent starts before the network")? Such a clause tells how a mechanism works, in a
    timeline row as anywhere (:func:`_standing` still asks for the present tense and no
    effect). Not when the things counted, or the subject, are people ("users on most hosts
    see a blank page"), nor when the counted things are the subject ("10:05 most uploads
    fail")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or _a_person(noun, lex):
        return False
    owner = prep.head
    if owner.pos_ == "VERB":  # "on most hosts the agent starts ...": the clause's subject
        owner = next((c for c in owner.children if c.dep_ == "nsubj"), owner)
    return (
        owner.dep_ in ("nsubj", "nsubjpass")
        and owner.pos_ in ("NOUN", "PROPN")
        and not _a_person(owner, lex)
    )


def _a_person(tok: Token, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.people or tok.lower_ in lex.people


def _brings_harm(verb: Token, lex: Lexicon) -> bool:
    """Is the subject of the present-tense ``verb`` the fault or the change that brought
    the incident ("the defect stops some tenants from paying", "this release still hides
    many shipments": ``harm-bringers``)? Then the present tense tells harm still going on,
    not how things are set up ("the gateway sends some read calls to the other zone")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.harm_bringers for c in verb.children)


def _held(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` one of ``held-verbs``, alone ("held", "stranded") or with its particle
    ("left behind", "turned away")?"""
    lem = verb.lemma_.lower()
    return lem in lex.held_verbs or any(
        c.dep_ in ("prt", "advmod") and f"{lem} {c.lower_}" in lex.held_verbs for c in verb.children
    )


def _suffers(noun: Token, lex: Lexicon) -> bool:
    """Is the plural ``noun`` what an effect happened to: the subject of an effect or harm
    verb ("several flights were delayed"), of a verb of being held up in the passive
    ("several trains were held at the platform", ``held-verbs``), of a copula with an
    effect word ("most kiosks were unusable"), of a negated or impossible act ("a lot of
    donations could not go through"), of a consequence forced on it ("some exams had to be
    rescheduled"), or a fragment's noun with such a verb or word on it ("several orders
    cancelled")? Said of a noun no unit list names, only where impact is stated."""
    if _reached(noun, lex):
        return True
    written = noun  # "a handful of app store reviews cite the crash": the reviews
    if noun.tag_ != "NNS" or noun.dep_ not in ("nsubj", "nsubjpass", "pobj", "ROOT"):
        return False
    if noun.dep_ == "pobj":  # "a lot of donations failed": the quantifier is the subject
        noun = noun.head.head if noun.head.lower_ == "of" else noun
        if noun.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            return False
    if noun.dep_ == "ROOT":  # a verbless line: "Several orders cancelled twice."
        return any(
            (c.dep_ == "acl" and _consequence(c, lex)) or c.lower_ in lex.effect_adjectives
            for c in noun.children
        )
    verb = noun.head
    if noun.dep_ == "nsubjpass" and _held(verb, lex):
        # "several trains were held at the platform": held up; "several options were kept
        # open" is a state they were left in
        return not any(c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") for c in verb.children)
    if verb.lemma_.lower() in lex.reaction_verbs:  # "Several utilities complained": the
        # affected, by their reaction; not responders or alerting ("several alerts escalated")
        return not is_responder_or_alerting(noun, lex)
    if _departed(verb, lex):
        return True  # "some borrowers gave up": people lost, whatever the noun
    if _trade_loss(written, verb, lex):
        return True  # "several launches slipped", "many payees were paid twice"
    if _complained_of(written, verb, lex):
        return True  # "a handful of 1-star reviews mention it": the reach, by the feedback
    if _consequence(verb, lex) or _forced_work(noun, verb, lex):
        return not any(c.dep_ == "neg" for c in verb.children)
    unable = any(c.tag_ == "MD" for c in verb.children) and any(
        c.dep_ == "neg" for c in verb.children
    )  # "could not go through"; not "improvements aren't needed"
    return unable or any(
        (c.dep_ in ("acomp", "attr") and (c.lower_ in lex.effect_adjectives or _slowed(c, lex)))
        or c.lower_ in ("unable", "cannot")
        for c in verb.children
    )


def _departed(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a verb of leaving for good (``departure-phrases``: "gave up", "walked
    away", "churned"), with its particle?"""
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    lem = verb.lemma_.lower()
    return (f"{lem} {particle}" if particle else lem) in lex.departure_phrases


def _trade_loss(noun: Token, verb: Token, lex: Lexicon) -> bool:
    """Is the plural ``noun`` (counted by a quantifier, where impact is stated) the subject
    of a loss told in the trade's own verbs, which the effect verbs leave out because
    elsewhere they tell no harm: fallen behind its schedule ("several launches slipped to
    the next window", ``slip-verbs``), handed out again in the passive ("many payees were
    paid twice", ``duplicated-verbs`` with ``repeat-marks``), or gone for good ("a number
    of frames are gone for good", ``gone-verbs`` with ``permanence-marks``)? Not a defect
    or an alert ("a few typos slipped into the docs", ``slipped-defects``), a fault getting
    past a check ("slipped through review"), a denial, nor a repeat done on purpose
    ("several reminders were sent twice to be sure")."""
    if (
        {noun.lemma_.lower(), noun.lower_} & lex.slipped_defects
        or is_responder_or_alerting(noun, lex)
        or any(c.dep_ == "neg" for c in verb.children)
    ):
        return False
    subj = noun.head.head if noun.dep_ == "pobj" else noun  # "a number of invoices were"
    lem = verb.lemma_.lower()
    if lem in lex.slip_verbs:
        return not any(_leaked_past(c, lex) for c in verb.children)
    done = [verb, *(c for c in verb.children if c.dep_ == "acomp" and c.tag_ == "VBN")]
    if any(d.lemma_.lower() in lex.gone_verbs for d in done):  # "are (permanently) gone"
        return any(_permanence(c, lex) for d in done for c in d.children)
    return any(
        d.lemma_.lower() in lex.duplicated_verbs
        and (subj.dep_ == "nsubjpass" or d is not verb)  # "were paid", "were double-paid"
        and any(c.dep_ == "advmod" and c.lower_ in lex.repeat_marks for c in d.children)
        and not any(_purpose(c) for c in (*d.children, *verb.children))
        for d in done
    )


def _leaked_past(child: Token, lex: Lexicon) -> bool:
    """Does ``child`` of a verb of slipping tell a fault getting past a check or into
    something ("slipped into the build", "slipped through review", "slipped in"), not a
    delay ("slipped to Friday", "slipped by two days": a time after "by")?"""
    if child.dep_ not in ("prep", "prt", "advmod") or child.lower_ not in lex.slip_leak_preps:
        return False
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return not (child.lower_ == "by" and objects and all(_is_time(g, lex) for g in objects))


def _permanence(child: Token, lex: Lexicon) -> bool:
    """Is ``child`` of a verb of going a mark of a loss for good ("for good", "forever",
    "permanently")?"""
    if child.dep_ == "prep":
        return any(f"{child.lower_} {g.lower_}" in lex.permanence_marks for g in child.children)
    return child.dep_ == "advmod" and child.lower_ in lex.permanence_marks


def _purpose(clause: Token) -> bool:
    """Is ``clause`` an infinitive of purpose ("... twice to be sure")?"""
    return clause.dep_ in ("advcl", "xcomp") and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in clause.children
    )


def _reached(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` (or the quantifier whose "of" it follows) what outsiders may have seen:
    the passive subject of a verb of access (``access-verbs``) that is hedged or has an
    agent other than the responders ("A lot of sensitive material may have been viewed",
    "much of the archive was downloaded by the intruder")? The amount of data reached is
    the impact of an exposure, mass noun or plural. "A lot of material was reviewed during
    the audit" is no access; "... was read by us" is the team's."""
    if noun.pos_ != "NOUN" or any(c.dep_ == "case" for c in noun.children):
        return False  # "a subset of Spaces' secrets": a name, an owner, not what was reached
    subj = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    verb = subj.head
    if subj.dep_ != "nsubjpass" or verb.lemma_.lower() not in lex.access_verbs:
        return False
    if any(c.tag_ == "MD" for c in verb.children):
        return True  # "may have been viewed"
    return any(
        g.dep_ == "pobj" and g.pos_ != "PRON" and not is_responder_or_alerting(g, lex)
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
    )


def _complained_of(noun: Token, verb: Token, lex: Lexicon) -> bool:
    """Is the plural ``noun`` feedback (``feedback-nouns``: reviews, posts) that tells of
    the harm, the subject of a verb of mentioning (``mention-verbs``) whose object is the
    incident ("it", "this") or names an effect ("some forum posts describe lost progress")?
    How many wrote in sizes the reach; "a few reviews mention the new icon" is no harm."""
    feedback = noun.lemma_.lower() in lex.feedback_nouns
    if not feedback or verb.lemma_.lower() not in lex.mention_verbs:
        return False
    return any(
        c.dep_ == "dobj"
        and (
            c.lower_ in ("it", "this")
            or any(
                t.lemma_.lower() in lex.effect_verbs | lex.effect_nouns
                or t.lower_ in lex.effect_adjectives
                for t in c.subtree
            )
        )
        for c in verb.children
    )


def _forced_work(noun: Token, verb: Token, lex: Lexicon) -> bool:
    """Is the plural ``noun`` made to work around the incident: the subject of "had to" or
    "needed to" with an act of its own ("some cashiers had to take payments by hand",
    "several pharmacists had to re-enter prescriptions"), or shut out by harm done to
    people, in the passive ("many of our support agents were locked out of the console",
    ``harm-to-people``)? Not the responders ("several engineers had to join the call")."""
    if noun.dep_ == "nsubjpass":
        return verb.lemma_.lower() in lex.harm_to_people
    return (
        verb.lemma_.lower() in ("have", "need")
        and any(
            c.dep_ == "xcomp"
            and c.pos_ == "VERB"
            and not any(g.dep_ == "auxpass" for g in c.children)
            for c in verb.children
        )
        and not is_responder_or_alerting(noun, lex)
    )


def _slowed(adj: Token, lex: Lexicon) -> bool:
    """Is the adjective ``adj`` a state an impact verb names ("most dashboards were
    slow", "many exports were delayed": ``impact-verbs``), not a copula's own kind
    ("were ready")?"""
    return adj.pos_ in ("ADJ", "VERB") and adj.lemma_.lower() in lex.harm_verbs


def _effect_verb(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` an effect, a harm or a consequence forced on what it is said of?"""
    lem = verb.lemma_.lower()
    return lem in lex.effect_verbs or lem in lex.harm_verbs or lem in lex.consequence_verbs


def _consequence(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` an effect, or a ``have``/``need`` whose infinitive is one, forced on its
    subject ("had to be rescheduled", "needed to be redone")?"""
    if _effect_verb(verb, lex):
        return True
    return verb.lemma_.lower() in ("have", "need") and any(
        c.dep_ == "xcomp" and _effect_verb(c, lex) for c in verb.children
    )


def _test_verdict(tok: Token, noun: Token, text: str, lex: Lexicon) -> bool:
    """Is the grade word ``tok`` on ``noun`` a statistical test's verdict (see
    ``statistical-grades`` in the pack): a significance said of a test's finding in a
    sentence about a test ("the A/B test was not significant", "a significant subgroup
    effect")? Said of harm ("the drop was statistically significant") it leaves the size
    of the drop untold, and stays."""
    if tok.lower_ not in lex.statistical_grades:
        return False
    said_of = {noun.lemma_.lower(), tok.head.lemma_.lower()}
    return bool(said_of & lex.statistical_nouns) and lex.statistical_cue.search(text) is not None


def _declared_class(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` an incident declared or run as a class ("Major incident declared", "we
    raised a major incident", "the major incident process")? Then a grade word on it names
    the class (``declared-classes``)."""
    if noun.lemma_.lower() in lex.class_process_nouns and any(
        c.dep_ == "compound" and c.lemma_.lower() in lex.declared_classes for c in noun.children
    ):
        return True  # "a major incident bridge": the grade word on the process it names
    if _class_term(noun, lex):
        return True  # "Severity | Major operational incident": the class, not a size
    if noun.lemma_.lower() not in lex.declared_classes:
        return False
    near = [noun.head, *noun.children]
    if any(t.lemma_.lower() in lex.declaration_verbs for t in near if t.pos_ == "VERB"):
        return True
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return after is not None and (
        after.lemma_.lower() in lex.class_process_nouns
        or (after.pos_ == "VERB" and after.lemma_.lower() in lex.declaration_verbs)
    )


def _class_term(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` a class term (``class-terms``: "a major operational incident", a
    metadata value or what a report is filed as) that does no harm in its sentence: not
    the subject of a verb of harm or impact ("a major incident hit the trunk network",
    "the incident was major")?"""
    if noun.lemma_.lower() not in lex.class_terms:
        return False
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return True
    lem = verb.lemma_.lower()
    return not (lem in lex.harm_verbs or lem in lex.impact_verbs or lem in lex.effect_verbs)


#: how often something was done ("sent twice"), not a ratio ("twice as slow", "twice the
#: usual rate")
_FREQUENCY = re.compile(r"(?i)\b(?:once|twice|thrice)\b(?!\s+(?:as|the|that|than|a|an)\b)")


def _only_frequency(text: str, lex: Lexicon) -> bool:
    """Is every amount of ``text`` how often something was done ("A small number of
    reminders were sent twice")? It gives the count of the repeats, not of what a size
    word measures."""
    return _FREQUENCY.search(text) is not None and not lex.quantity.states(
        _FREQUENCY.sub(" ", text)
    )


#: money, a share or a duration in a sentence: what sizes a kind of impact no count sizes
_MEASURE = re.compile(
    r"(?i)[$€£¥]\s?\d|\b\d[\d.,]*\s?(?:k|m|bn|million|billion)?\s?(?:usd|eur|gbp|dollars?"
    r"|euros?|pounds?)\b|%|\bpercent\b|\b\d[\d.,]*\s?(?:minutes?|hours?|days?|weeks?|months?)\b"
)


def _unmeasured_kind(noun: Token, text: str, lex: Lexicon) -> bool:
    """Is the graded ``noun`` a kind of impact that no count sizes ("considerable
    reputational damage with three resellers", ``qualitative-kinds``), in a sentence
    that gives no money, share or duration? The count there says who, not how much."""
    return (
        any(
            c.dep_ in ("amod", "compound") and c.lower_ in lex.qualitative_kinds
            for c in noun.children
        )
        and _MEASURE.search(text) is None
    )


#: a status code written as a plural noun ("lots of 500s", "a few 5xxs"): errors counted
_STATUS_NOUN = re.compile(r"(?i)^(?:[1-5]\d\d|[1-5]xx)[’']?s$")


def _not_harm(
    tok: Token, noun: Token, lex: Lexicon, *, in_impact: bool, settled: bool = False
) -> bool:
    """Is what the quantifier ``tok`` counts (``noun``) no amount of harm: a span of time
    the responders spent looking or that tells how the system usually behaves
    (:func:`_looking`, :func:`_habitual`), people counted by what they knew (:func:`_knowing`)
    or readers by what they noticed, or, outside the Impact and Summary, the part a step of
    the response brought back (:func:`_recovered`)? With ``settled`` (no timeline
    entry), also a fact about how things stand (:func:`_standing`)."""
    if _is_time(noun, lex):
        return (
            _not_the_outage_time(noun, lex)
            or (settled and _standing(noun, lex, in_impact=in_impact))
            or _generic_present(tok, noun, lex)  # "a warning that shows several times a week"
            or (not in_impact and _chart_reading(tok, lex))  # "the panel sat flat for hours"
        )
    if _whereabouts(tok, lex):
        return True  # "the zone where most of our riders live": a place chosen, no harm
    if _knowing(tok, noun, lex) or (
        (settled or _property_of(noun, lex)) and _standing(noun, lex, in_impact=in_impact)
    ):
        return True
    if scorned(noun, lex):
        return True  # "some folks who insist every change is theirs": the people blamed
    if _told_us(tok, noun, lex) or _took_part(tok, noun, lex) or _praised(tok, noun, lex):
        return True
    if _voiced(tok, noun, lex) or _tone_of_messages(tok, noun, lex):
        return True  # "some people on the forum urged users to reinstall": speakers
    subj = tok if tok.dep_ == "nsubj" else noun
    if noun.lower_ == "you" and (
        subj.head.lemma_.lower() in lex.perception_verbs
        or any(  # the small model may hang "noticed" on "many" itself
            c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.perception_verbs
            for c in tok.children
        )
    ):
        return True  # "the delay many of you noticed": the readers, greeted
    if noun.lower_ == "you" and _shared_with_us(subj.head, lex):
        return True  # "many of you lived through Monday with us": the readers, addressed
    if noun.lower_ == "you" and relying(_quantified_subject(tok, subj).head, lex):
        return True  # "many of you rely on the mirror": the readers, addressed
    if noun.lower_ == "you" and _fielded(_quantified_subject(tok, subj).head, lex):
        return True  # "most of you have had partners asking": the readers, who answer
    if not in_impact and (
        _recovered(noun, lex)
        or _programs_at_work(noun, lex)
        or _set_up(noun, lex)
        or _stopgap_by(noun, lex)
    ):
        return True
    if _generic_present(tok, noun, lex):
        return True  # "many growers plan their week around the outlook": a habit
    if _replaced_state(tok, lex) or (not in_impact and _chart_reading(tok, lex)):
        return True  # "instead of a few big batches, ..."; "the graph sat flat for most ..."
    return _spread(tok, noun, lex, in_impact=in_impact)


def _replaced_state(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` inside the object of "instead of" or "rather than"
    (``replaced-state-openers``: "instead of a small number of long-lived carts, shoppers
    opened a new one every few minutes")? It tells the usual shape the incident's own
    replaced, told to explain the mechanism; what happened is told beside it. "Many riders
    waited instead of boarding" counts the riders outside that object."""
    for a in tok.ancestors if tok.dep_ != "pobj" else (tok.head, *tok.head.ancestors):
        if a.dep_ == "prep" and a.i > 0:
            opener = f"{a.doc[a.i - 1].lower_} {a.lower_}"
            if opener in lex.replaced_state_openers:
                return True
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _chart_reading(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` in a clause that reads a chart: its verb a verb of state
    (``chart-state-verbs``) whose subject is a chart (``chart-nouns``: "the queue graph is
    flat for most of the incident", "the error panel stayed near zero for most of the
    night")? The span tells what the chart showed, not how long anyone was harmed; a
    clause the chart reports ("the graph shows that most checkouts failed") is read."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in lex.chart_state_verbs:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in lex.chart_nouns


def _programs_at_work(noun: Token, lex: Lexicon) -> bool:
    """Are the things counted programs (``program-nouns``) doing something to a part of
    the system: the subject of a verb, or the noun a verb's clause hangs on, that takes
    an object and tells no effect on them ("no guard against many consumers claiming
    the same message", "several agents polled the same endpoint")? How the fault worked,
    told outside the Impact and Summary; "many clients lost their sessions" and "many
    clients could not connect" stay."""
    if not {noun.lemma_.lower(), noun.lower_[:-1]} & lex.program_nouns:
        return False
    # the gerund right after the noun (the small model may hang it on the main verb)
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else noun
    verbs = [after] if after.tag_ == "VBG" else []
    if noun.dep_ == "nsubj":
        verbs.append(noun.head)
    return any(
        not _effect_verb(v, lex)
        and not any(c.dep_ in ("neg", "aux") for c in v.children)
        and any(
            c.dep_ == "dobj" and not {c.lemma_.lower(), c.lower_} & (lex.people | lex.facing)
            for c in v.children
        )
        for v in verbs
    )


def _stopgap_by(noun: Token, lex: Lexicon) -> bool:
    """Are the things counted (``noun``: places or things, no people) those that put
    a stop-gap in place (:func:`pm_lsp.rules.impact.claims.stopgap_act`), as its subject
    or as where its subject works ("several depots put up signs", "staff at a few sites
    handed out paper forms")? Told outside the Impact and Summary, a step of the
    response; "several depots turned drivers away" and "many riders printed their own
    tickets" (their extra work) stay read."""
    if {noun.lemma_.lower(), noun.lower_} & lex.people:
        return False
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "nsubj":
        noun = noun.head.head  # "staff at several sites": where the doers work
    return noun.dep_ == "nsubj" and stopgap_act(verb_above(noun), lex)


def _set_up(noun: Token, lex: Lexicon) -> bool:
    """Are the things counted (``noun``, no people nor anything users face) the subject of
    a verb that tells how they were built or set up (``setup-verbs``: "a few older kiosk
    images still pinned the retired certificate", "many of those handsets were built
    before the change")? Told outside the Impact and Summary, it explains the cause; the
    harm they brought is counted where it is stated."""
    if {noun.lemma_.lower(), noun.lower_} & lex.facing:
        return False
    subject = noun.dep_ in ("nsubj", "nsubjpass") or (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.dep_ in ("nsubj", "nsubjpass")
    )
    verb = verb_above(noun)
    return (
        subject
        and verb.lemma_.lower() in lex.setup_verbs
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def _readersrelying(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` "of you", the subject of a verb of relying in the present
    (:func:`_relying`: "plenty of you lean on the mirror")? The readers, addressed."""
    of_you = any(
        c.lower_ == "of" and any(g.lower_ == "you" for g in c.children) for c in tok.children
    )
    return of_you and tok.dep_ == "nsubj" and relying(tok.head, lex)


def _fielded(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` the readers having or getting questions put to them (``fielding-verbs``
    with an object among ``inquiry-nouns``, or people doing one of ``asking-verbs``: "most
    of you have had partners asking about Tuesday")? The
    readers, addressed as those who answer; "some of you had your orders cancelled" is
    harm."""
    if verb.lemma_.lower() not in lex.fielding_verbs:
        return False
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.inquiry_nouns:
            return True  # "many of you got questions from the board"
        asking = c.lemma_.lower() in lex.asking_verbs
        if asking and c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "nsubj" for g in c.children):
            return True  # "had riders or council members asking" ("had to phone" is harm)
        if asking and c.dep_ == "advcl" and any(g.dep_ == "dobj" for g in verb.children):
            return True  # "had shoppers or trustees asking you"
        if c.dep_ == "dobj" and any(
            g.dep_ == "acl" and g.lemma_.lower() in lex.asking_verbs
            for n in (c, *c.conjuncts)
            for g in n.children
        ):
            return True  # "had partners asking about Tuesday"
    return False


def _whereabouts(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier's clause one that says where people are ("the region where most
    of our customers are", "the zone where most riders live": ``whereabouts-verbs`` in a
    clause of "where", with no state told of them)? It explains a choice of place or
    time zone, no one harmed; "the depots where most drivers were stuck" tells a state."""
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok.head.head.head
    return (
        verb.dep_ in ("relcl", "advcl")
        and verb.lemma_.lower() in lex.whereabouts_verbs
        and any(c.lower_ == "where" for c in verb.children)
        and not any(c.dep_ in ("acomp", "attr", "oprd", "xcomp") for c in verb.children)
    )


def _quantified_subject(tok: Token, subj: Token) -> Token:
    """The subject a quantifier phrase stands in: the phrase's head for its last word
    ("plenty of you lean on ...": "Plenty", not "of"), else ``subj``."""
    head = tok.head if tok.lower_ == "of" else tok
    return head if head.dep_ == "nsubj" else subj


def _in_clause_of(tok: Token, verb: Token) -> bool:
    """Does ``tok`` hang on ``verb`` with no other verb between them?"""
    for a in tok.ancestors:
        if a.i == verb.i:
            return True
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _shared_with_us(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` something the readers went through "with us" ("many of you lived through
    the Monday rush with us", "spent the afternoon on the phone with us"), no effect, no
    inability ("were stuck on hold with us" is harm)? A friendly address, not a count. Only
    a verb of going through (``shared-verbs``) is: "cancelled your plans with us" or
    "waited on hold with us" counts the readers, and so does time spent waiting
    (``waiting-words``: "stayed on hold with us", "spent hours on the phone with us")."""
    if verb.lemma_.lower() not in lex.shared_verbs:
        return False
    if any(
        t.dep_ in ("pobj", "dobj", "npadvmod") and t.lemma_.lower() in lex.waiting_words
        for t in verb.subtree
        if _in_clause_of(t, verb)
    ):
        return False  # "stayed on hold with us", "spent hours on the phone with us": waiting
    kids = list(verb.children)
    with_us = any(
        t.lower_ == "with"
        and any(g.lower_ == "us" for g in t.children)
        and _in_clause_of(t, verb)  # "lived through the rush with us": on "rush"
        for t in verb.subtree
    )
    return (
        with_us
        and verb.lemma_.lower() not in lex.effect_verbs
        and not any(
            c.dep_ == "neg" or c.lower_ in lex.effect_adjectives or c.lower_ in ("unable", "able")
            for c in kids
        )
    )


def _habitual(tok: Token, lex: Lexicon) -> bool:
    """Is the time ``tok`` told of a verb that a baseline adverb qualifies, or of a clause
    under one ("the replay had never taken longer than a minute before", "the
    export usually takes a few minutes")? It tells how the system used to behave. An
    adverb of habit (``habit-adverbs``) says so of a verb in the simple present only
    ("parcels sometimes reach the depot a few minutes late"): "refunds sometimes took
    hours" tells the incident."""
    return any(
        c.dep_ in ("neg", "advmod")
        and (
            c.lower_ in lex.baseline_adverbs
            or (
                c.lower_ in lex.habit_adverbs
                and v.tag_ in ("VBP", "VBZ")
                and not any(a.dep_ in ("aux", "auxpass") for a in v.children)
            )
        )
        for v in tok.ancestors
        if v.pos_ in ("VERB", "AUX")
        for c in v.children
    )


def _generic_present(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the things that ``tok`` counts the subject of a clause that tells how things go
    on an ordinary day, not what the incident did: a verb in the simple present, with no
    aux, no negation, no effect and nothing that puts it in the incident (``ongoing-words``:
    "many riders still see the old fare"), that is a verb of routine (``routine-verbs``:
    "many growers plan their week around the outlook"), is qualified by an adverb of habit
    (``habit-adverbs``, ``baseline-adverbs``: "most staff usually print the rota"), or is a
    relative clause on something that is no effect ("the outlook, which most growers read
    on the app")? Why the harm mattered, not a count of it."""
    if tok.lower_ == "of":
        tok = tok.head
    subj = tok if tok.dep_ == "nsubj" else noun
    verb = subj.head  # or how often it recurs: "a warning that shows several times a week"
    if subj.dep_ not in ("nsubj", "npadvmod") or verb.tag_ not in ("VBP", "VBZ"):
        return False
    lem = verb.lemma_.lower()
    if (
        verb.pos_ != "VERB"
        or _effect_verb(verb, lex)
        or lem in lex.impact_verbs
        or lem in lex.reaction_verbs
        or any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)
    ):
        return False
    own = [t for c in verb.children if c.dep_ not in ("conj", "cc") for t in c.subtree]
    if any(
        t.lower_ in lex.ongoing_words
        or t.lemma_.lower() in lex.effect_nouns
        or t.lower_ in lex.effect_adjectives
        or (t.pos_ == "VERB" and _effect_verb(t, lex))
        for t in own
    ):
        return False
    antecedent = verb.head if verb.dep_ == "relcl" else None
    return (
        lem in lex.routine_verbs
        or any(
            c.dep_ == "advmod" and c.lower_ in lex.habit_adverbs | lex.baseline_adverbs
            for c in verb.children
        )
        or (
            antecedent is not None
            and antecedent.lemma_.lower() not in lex.effect_nouns
            and not _a_person(antecedent, lex)
        )
    )


def _recovered(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` what a step of recovery reached ("writes accepted again on some
    connections", "sync resumed for a few tenants")? The verb above it is one of recovery,
    or one that is no impact verb done "again". Only of an adjunct, where the recovery
    reached: what recovered, counted as its subject or object ("Most validators are
    signing again", "restored a significant portion of the data"), is the amount of the
    harm undone."""
    if noun.dep_ != "pobj" or noun.head.lower_ == "of":
        return False  # "a portion of our data": what the quantifier counts
    verb = verb_above(noun)
    if verb.pos_ not in ("VERB", "AUX"):  # a fragment: "10:10 restored service for some
        # merchants", the verb read as a modifier of the noun the line hangs on
        verb = next((c for c in verb.children if c.dep_ == "amod" and c.pos_ == "VERB"), verb)
    lem = verb.lemma_.lower()
    if lem in lex.recovery_verbs:
        return True
    return (
        lem not in lex.impact_verbs
        and lem not in lex.effect_verbs
        and any(c.lower_ == "again" for c in verb.children)
    )


def _wished(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` the subject of a clause under a verb of wishing (``wish-verbs``) whose
    subject is "I" or "we", or that verb's object ("I'd like some people to take ownership",
    "we need several engineers to learn the drill", "I would ask some of you to read the
    runbook")? Conduct the writer asks for, not people harmed."""
    if tok.dep_ == "dobj":
        verb = tok.head
    elif tok.dep_ == "nsubj" and tok.head.dep_ in ("ccomp", "xcomp", "advcl"):
        verb = tok.head.head
    else:
        return False
    return verb.lemma_.lower() in lex.wish_verbs and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children
    )


def _knowing(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the people that ``tok`` counts the subject of a verb of knowing or expecting
    ("few people knew about the convention", "most of the engineers assumed it was DNS"),
    or said to know or be used to something ("some cashiers were not familiar with the
    override": a cause in the response, ``knowledge-adjectives``), of hoping or counting on
    something (``anticipation-phrases``), or of voicing an opinion the writer rejects in
    the same sentence (``opinion-verbs``, ``rejection-forms``), or of weighing a step
    (``deliberation-verbs``: "several operators weighed a failover")?"""
    forms = {noun.lemma_.lower(), noun.lower_}
    if tok.lower_ == "of":  # a quantifier phrase's last word: "a lot of you were hoping"
        tok = tok.head
    if _wished(tok, lex) or _wished(noun, lex):
        return True  # "I'd like some people to take ownership": conduct asked for
    subj = tok if tok.dep_ in ("nsubj", "nsubjpass") else noun
    if subj.dep_ not in ("nsubj", "nsubjpass") or not forms & lex.people:
        return False
    verb = subj.head
    if subj.dep_ == "nsubjpass":  # "some operators were not trained on the tool"
        return verb.lower_ in lex.knowledge_adjectives
    lem = verb.lemma_.lower()
    if lem in lex.opinion_verbs and lex.rejection.search(text_of(verb.doc)):
        return True  # "some people have said the team was lazy; I don't agree"
    if lem in lex.deliberation_verbs and not any(
        c.dep_ == "conj" and _consequence(c, lex) for c in verb.children
    ):  # "a few engineers debated whether to call the carrier": deliberated ("considered
        return True  # the app unusable and cancelled their plans" is still harm)
    if any(
        f"{form} {c.lower_}" in lex.anticipation
        for form in (lem, verb.lower_)
        for c in verb.children
        if c.dep_ in ("prt", "advmod", "prep")
    ):
        return True  # "a few of you had been counting on the sale": hoped, not harmed
    return lem in lex.knowledge_verbs or any(
        c.dep_ in ("acomp", "attr") and c.lower_ in lex.knowledge_adjectives for c in verb.children
    )


def _told_us(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the people that ``tok`` counts the ones who told us something whose content is
    a clause about something else (:func:`passed_on`: "Some of you told us the app showed
    the wrong reading")? A report passed on, not people harmed."""
    forms = {noun.lemma_.lower(), noun.lower_}
    if tok.lower_ == "of":
        tok = tok.head
    subj = tok if tok.dep_ == "nsubj" else noun
    if subj.dep_ != "nsubj" or not (forms & lex.people or noun.lower_ == "you"):
        return False
    return passed_on(subj.head, lex)


#: words of a remark that tell of the speakers' own lot ("said they could not sign in")
_THEIR_OWN = frozenset({"they", "them", "their", "i", "me", "my"})


def _praised(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the people that ``tok`` counts those on the response, counted by what they did
    well (``praise-phrases``, read from the verb's lemma on: "a few of the crew did the
    right thing unprompted", "a few engineers stepped up")? Praise, no people harmed; only of the
    ``participant-nouns``, never denied."""
    if tok.lower_ == "of":
        tok = tok.head
    subj = tok if tok.dep_ == "nsubj" else noun
    if subj.dep_ != "nsubj" or noun.lemma_.lower() not in lex.participant_nouns:
        return False
    verb = subj.head
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    rest = verb.doc[verb.i + 1 : verb.right_edge.i + 1]
    told = " ".join([verb.lemma_.lower(), *(t.lower_ for t in rest if not t.is_space)])
    return told.startswith(lex.praise_phrases)


def _took_part(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the people that ``tok`` counts those at the review or on the response, counted
    by what they remarked (``remark-verbs``: "several people remarked that the graphs were
    unreadable") or by the meeting they took part in (``attendance-verbs`` with
    ``meeting-nouns``: "a few engineers joined the call late")? Only of the
    ``participant-nouns`` or the readers addressed ("you": also ``audience-verbs``, and
    ``audience-hearing-verbs`` whatever was heard); what they voiced tells no effect,
    inability or harm of their own ("several people said they could not sign in" stays)."""
    if tok.lower_ == "of":
        tok = tok.head
    subj = tok if tok.dep_ == "nsubj" else noun
    audience = noun.lower_ == "you"  # the readers addressed: "many of you wrote in"
    if subj.dep_ != "nsubj" or not (audience or noun.lemma_.lower() in lex.participant_nouns):
        return False
    verb = subj.head
    lem = verb.lemma_.lower()
    said = [c for c in verb.children if c.i != subj.i and not _beside_what_was_said(c)]
    if lem in lex.attendance_verbs:
        return any(t.lemma_.lower() in lex.meeting_nouns for c in said for t in c.subtree)
    if not audience and _on_duty(verb, said, lex):
        return True  # "many of the right engineers were online within minutes"
    if audience and lem in lex.audience_hearing_verbs:
        return True  # "a few of you heard a rumour": what reached them, not their harm
    heard = lex.remark_verbs | lex.audience_verbs if audience else lex.remark_verbs
    if lem not in heard or any(c.dep_ == "neg" for c in verb.children):
        return False
    for c in said:
        words = list(c.subtree)
        if any(t.lower_ in _THEIR_OWN or t.lemma_.lower() in lex.requests for t in words):
            return False  # "said they could not sign in", "raised tickets"
        if c.lemma_.lower() in lex.foresight_verbs:
            continue  # "nobody could have spotted the slow climb": hindsight, no one's harm
        if _tells_harm(c, lex):
            return False
    return True


def _beside_what_was_said(child: Token) -> bool:
    """Is ``child`` of a verb of saying no part of what was said: punctuation, an
    auxiliary, a negation, a conjunction, or a clause joined to the verb with a subject of
    its own ("because many of you have asked, and because I want it on the record": the
    writers' own reason beside the readers' question)? A joined verb that shares the
    people's subject ("several of you wrote in and could not log in") is still theirs."""
    if child.dep_ in ("punct", "aux", "neg", "cc"):
        return True
    return child.dep_ == "conj" and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children
    )


def _voiced(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the people that ``tok`` counts (or onlookers: ``onlooker-nouns``) the subject of
    a verb of urging or suggesting (``voicing-verbs``) with what they voiced after it ("some
    people on the forum urged users to reinstall the app", "several customers suggested a
    status page", "a few bloggers speculated that it was a breach")? Speakers counted by
    what they said, not people the outage reached. What they voiced may tell no harm of
    their own nor an effect ("many users claimed they had been charged twice", "a few
    riders warned that the app was down" stay read)."""
    if tok.lower_ == "of":
        tok = tok.head
    subj = tok if tok.dep_ == "nsubj" else noun
    forms = {noun.lemma_.lower(), noun.lower_}
    if subj.dep_ != "nsubj" or not forms & (lex.people | lex.onlooker_nouns):
        return False
    verb = subj.head
    if verb.lemma_.lower() not in lex.voicing_verbs or any(c.dep_ == "neg" for c in verb.children):
        return False
    said = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
    if not any(c.dep_ in ("ccomp", "xcomp") or c.tag_ == "VBG" for c in said):
        return False  # "many users claimed refunds": what they asked for, not a view
    return not any(
        any(t.lower_ in _THEIR_OWN for t in c.subtree) or _tells_harm(c, lex) for c in said
    )


def _tone_of_messages(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the messages that ``tok`` counts (``feedback-nouns``) judged by how their senders
    spoke (``tone-adjectives``: "some of the emails the help desk got were abusive", "most
    replies were patient")? The senders' conduct, not an amount of harm; "many posts were
    angry" (upset at the harm) and "many tickets were about failed payments" stay read."""
    if noun.lemma_.lower() not in lex.feedback_nouns:
        return False
    subj = tok.head if tok.lower_ == "of" else tok
    subj = subj if subj.dep_ == "nsubj" else noun
    verb = subj.head
    if subj.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    told = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    return bool(told) and all(
        t.lower_ in lex.tone_adjectives or t.dep_ in ("cc", "advmod", "punct")
        for c in told
        for t in (c, *c.conjuncts)
    )


def _tells_harm(clause: Token, lex: Lexicon) -> bool:
    """Does ``clause``'s own text ("wouldn't load", not its tokens joined) tell an effect,
    an outage or an inability? What people remarked, or where they were, is then harm."""
    told = clause.doc.text[
        clause.left_edge.idx : clause.right_edge.idx + len(clause.right_edge.text)
    ]
    return bool(
        lex.effect_form.search(told)
        or lex.out_of_service.search(told)
        or lex.inability.search(told)
    )


def _on_duty(verb: Token, said: list[Token], lex: Lexicon) -> bool:
    """Is ``verb`` (of people on the response) "be" with a presence word or a meeting noun
    ("were reachable in 4 minutes", "were on the bridge"), or "be" or "have" with a
    workload word ("had other urgent work that week", "were busy with a migration"),
    with nothing in it telling an effect, an inability or an outage? When they came or
    what else they had to do: no harm."""
    lem = verb.lemma_.lower()
    if lem not in ("be", "have") or any(c.dep_ == "neg" for c in verb.children):
        return False
    words = {t.lemma_.lower() for c in said for t in c.subtree} | {
        t.lower_ for c in said for t in c.subtree
    }
    if not words & lex.workload_words and not (
        lem == "be" and words & (lex.presence_words | lex.meeting_nouns)
    ):
        return False
    return not any(_tells_harm(c, lex) for c in said)


def _spread(tok: Token, noun: Token, lex: Lexicon, *, in_impact: bool) -> bool:
    """Are the things that ``tok`` counts the subject of a verb with a figure in its
    complement, that verb one of spread (``spread-verbs``: "most tenants shifted by only
    0.5%, so the 2% guard passed them", "most workers sat under 40% load"; outside the
    Impact and Summary) or, of things other than people, any verb in the simple present,
    anywhere ("most lookups read fewer than 6 indexes", "most jobs use under 1 GB")? How
    values are distributed over them: the mechanism or a standing fact, not an amount of
    harm."""
    if tok.lower_ == "of":
        tok = tok.head
    subj = tok if tok.dep_ == "nsubj" else noun
    verb = subj.head
    if subj.dep_ != "nsubj" or any(c.dep_ == "neg" for c in verb.children):
        return False
    present = (
        verb.tag_ in ("VBP", "VBZ")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and not {noun.lemma_.lower(), noun.lower_} & lex.people
        and not _effect_verb(verb, lex)
    )  # not of people nor an effect: "most passengers lose 20 minutes", "many requests fail"
    if not (present or (not in_impact and verb.lemma_.lower() in lex.spread_verbs)):
        return False
    return any(
        t.like_num or t.lower_ in ("%", "percent")
        for c in verb.children
        if c.i != subj.i and c.dep_ not in ("conj", "advcl", "punct")
        for t in c.subtree
    )  # tokens are compared by position: spaCy makes a new object on each access


def _absent(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Are the people that ``tok`` counts said to be away ("some of our release engineers
    were unavailable", "a few approvers were on leave")? Of people, those words tell an
    absence, not an effect on them (``absence-words``)."""
    forms = {noun.lemma_.lower(), noun.lower_}
    subj = tok if tok.dep_ in ("nsubj", "nsubjpass") else noun
    if not forms & lex.people or subj.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subj.head
    return any(
        t.lower_ in lex.absence_words
        for c in verb.children
        if c.dep_ in ("acomp", "attr", "prep", "advmod", "prt")
        for t in (c, *c.children)
    )


def _of_a_faculty(tok: Token, lex: Lexicon) -> bool:
    """Does the grade or size word ``tok`` follow, within a few words, a person's faculty
    with its owner (``faculty-nouns``: "whose command of TLS is, to be kind, thin", "her
    knowledge of the tool was minimal")? It judges the person, it sizes no harm; the small
    model may hang the word on the person, so the faculty is looked for before it."""
    doc = tok.doc
    return any(
        t.lemma_.lower() in lex.faculty_nouns and any(c.dep_ == "poss" for c in t.children)
        for t in doc[max(0, tok.i - 9) : tok.i]
    )


def _spent_looking(sent: Doc, span: tuple[int, int], lex: Lexicon) -> bool:
    """:func:`_looking` for the vague duration at ``span`` (offsets in the sentence)."""
    got = sent.char_span(span[0], span[1], alignment_mode="expand")
    if got is None:
        return False
    if " ".join(got.text.lower().split()) in lex.spent_hyperboles:
        # "I spent ages in the console before pausing billing": no measure at all, even of
        # the response; only a search for the cause told after it stays the responders'
        return any(
            c.dep_ in ("xcomp", "advcl", "acl") and c.lemma_.lower() in lex.investigation_verbs
            for t in got
            for c in t.children
        )
    return _not_the_outage_time(got.root, lex)


#: the dependencies of a clause's verb joined to another clause's by a conjunction
_JOINED = frozenset({"conj"})
#: the last words of a vague duration that point back at a window told before it
_BACK = frozenset({"that", "this", "it", "them"})


def _clause_timed(sent: Doc, span: tuple[int, int], text: str, lex: Lexicon) -> bool:
    """Does the clause of the vague duration at ``span`` (offsets in the sentence) state a
    duration or a window? When the sentence joins clauses by "and" ("checkout failed for a
    while, and sales stopped for 40 minutes"), a duration told in another clause bounds
    something else (class 2 of fix helper imp36); otherwise the sentence is read whole, as
    before."""
    if not lex.quantity.times(text):
        return False
    got = sent.char_span(span[0], span[1], alignment_mode="expand")
    if got is None or got[-1].lower_ in _BACK:
        return True  # "for part of that": a share of the window told in the other clause
    verb = got.root
    while verb.head.i != verb.i and not (verb.pos_ in ("VERB", "AUX") and verb.dep_ in _JOINED):
        verb = verb.head  # up to the clause's verb, or the root whatever its tag
    others = [c for c in verb.children if c.dep_ in _JOINED and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ not in _JOINED and not others:
        return True  # one clause: the sentence's duration is its own
    apart = {t.i for c in others for t in c.subtree}
    own = " ".join(t.text for t in verb.subtree if t.i not in apart)
    return lex.quantity.times(own)


def _span_of(tok: Token, base: int) -> tuple[int, int]:
    return tok.idx - base, tok.idx - base + len(tok.text)


def _within_reach(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Are two spans at most :data:`QUANTIFIER_REACH` characters apart (or overlapping)?"""
    gap = b[0] - a[1] if b[0] >= a[1] else a[0] - b[1]
    return gap <= QUANTIFIER_REACH


def _counts(text: str, quantifier: tuple[int, int], noun: tuple[int, int]) -> bool:
    """Can the quantifier at ``quantifier`` count the noun at ``noun`` in ``text``: is it
    near it, or a predicate (then its subject may be anywhere before it)?"""
    return _within_reach(quantifier, noun) or _PREDICATE.search(text, 0, quantifier[0]) is not None


#: a word that may be a plural noun: where impact is stated a quantifier counts any plural
#: that suffers an effect (:func:`_suffers`), whatever unit it names
_PLURAL = re.compile(r"(?<![\w-])[^\W\d_][\w'-]*s(?![\w-])")


def _quantifier_near_unit(text: str, lex: Lexicon, nouns: re.Pattern[str] | None = None) -> bool:
    """The prefilter's form of :func:`_counts`: a quantifier, and a word that could be a
    unit or an amount noun near it (or anywhere, for a predicate); ``nouns``: the words
    that may be counted, else the unit and amount forms."""
    units = [m.span() for m in (nouns or lex.unit_form).finditer(text)]
    return bool(units) and any(
        _counts(text, q.span(), u) for q in lex.quantity_trigger.finditer(text) for u in units
    )


def _figure(text: str, a: int, e: int, lex: Lexicon) -> bool:
    """Is the phrase at ``a``..``e`` of ``text``, one with no "for" ("a blip", "a while"), a
    figure of comparison: a contrast before it (``figure-before``: "more than a blip",
    "not just a blip") or a change after it (``figure-after``: "turned a blip into an
    outage")? It weighs the incident against a small one and measures nothing."""
    if text[a:e].lower().startswith("for "):
        return False
    return (
        lex.figure_before.search(text[max(0, a - 24) : a]) is not None
        or lex.figure_after.match(text[e : e + 12]) is not None
    )


def _figured(text: str, lex: Lexicon) -> bool:
    """Does a phrase of duration in ``text`` stand as a figure (:func:`_figure`)?"""
    return any(_figure(text, *m.span(), lex) for m in lex.phrase_re.finditer(text))


def _measured_difference(sent: Doc, at: int, lex: Lexicon) -> bool:
    """Does the comparison whose "than" starts at ``at`` measure the difference: a measure
    on its comparative ("3 hours and 10 minutes later than normal", "40% slower than usual",
    "an hour later than expected")? The difference is then the amount; "much later than
    usual" and "slower than usual for an hour" (how long, not how much slower) still
    compare with a baseline they do not give."""
    than = next((t for t in sent if t.idx == at), None)
    if than is None:
        return False
    comparative = than.head.head if than.dep_ == "mark" else than.head
    # "pushed 45% less load than normal", "300 fewer parcels than usual": "than" hangs on
    # the noun, and the measure is on its comparative word or on the noun itself
    degrees = [comparative] + [
        c for c in comparative.children if c.dep_ == "amod" and c.tag_ in ("JJR", "RBR")
    ]
    text = text_of(sent)
    return any(
        c.dep_ in ("npadvmod", "nummod", "quantmod")
        and c.i < d.i
        and lex.quantity.states(text[c.left_edge.idx - sent[0].idx : c.idx + len(c.text)])
        for d in degrees
        for c in d.children
    ) or (
        len(degrees) > 1
        and any(c.dep_ == "nummod" and c.i < degrees[1].i for c in comparative.children)
        and lex.quantity.states(text)
    )


#: marks that set off a clause of a sentence that elaborates another
_CLAUSE_MARKS = frozenset({";", ":", "—", "–", "--"})


def _counted_beside(tok: Token, lex: Lexicon) -> bool:
    """Does the next or the previous clause of the sentence, set off by a semicolon, a colon
    or a dash, count in a unit what the quantifier ``tok`` leaves vague ("Pupils signed in
    from several laptops each; we logged 1.8 sessions per pupil", "some parcels went out
    twice: 212 parcels in all")? That clause gives the amount. A number of time units there
    ("refunds took 3 days") counts nothing of the kind."""
    sent = tok.sent
    marks = [t.i for t in sent if t.text in _CLAUSE_MARKS]
    after = [m for m in marks if m > tok.i]
    before = [m for m in marks if m < tok.i]
    sides = []
    if after:
        sides.append(range(after[0] + 1, after[1] if len(after) > 1 else sent.end))
    if before:
        sides.append(range(before[-2] + 1 if len(before) > 1 else sent.start, before[-1]))
    doc = tok.doc
    return any(
        doc[i].like_num
        and doc[i].dep_ == "nummod"
        and lex.is_unit(doc[i].head)
        and not _is_time(doc[i].head, lex)
        for side in sides
        for i in side
    )


def _elided(
    tok: Token, lex: Lexicon, taken: Sequence[tuple[int, int]], base: int
) -> tuple[bool, Token] | None:
    """For a quantifier that counts nothing after it, the noun it leaves out when an
    earlier quantifier of the sentence names it ("Some bins were emptied and some were
    not", "a few feeds updated; a few did not"), if that noun is no person: with whether the
    earlier count was reported (so a bare complement of it shares its verdict)."""
    for t in tok.doc[tok.sent.start : tok.left_edge.i]:
        if t.lower_ not in lex.quantifiers:
            continue
        noun = _counted_noun(t, lex)
        while noun is None and t.dep_ in _PHRASE_DEPS and t.head.i > t.i:
            t = t.head  # "Most nightly jobs": "most" read as grading "nightly"
            noun = t if t.pos_ == "NOUN" else None
        if noun is None or noun.pos_ != "NOUN" or _a_person(noun, lex):
            continue
        at = t.idx - base
        return any(x <= at < y for x, y in taken), noun
    return None


def _bare_complement(tok: Token) -> bool:
    """Is the quantifier the subject of a denial with its predicate left out ("some are
    not", "some did not", "a few haven't")? It says the rest of the count, nothing new."""
    verb = tok.head
    return verb.pos_ == "AUX" and all(
        c.dep_ in ("nsubj", "neg", "punct", "cc", "conj", "advmod") or c.is_space
        for c in verb.children
    )


def _referring_back(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` pointed back at an amount told before by the word before
    it (``referring-back``: "never built for that many clients"), that word modifying it or
    its noun, or after a preposition? Not a conjunction that opens a clause ("saw that many
    people were hit")."""
    prev = tok.doc[tok.i - 1]
    if tok.lower_ not in lex.quantifiers or prev.lower_ not in lex.referring_back:
        return False
    if prev.i > 0 and prev.doc[prev.i - 1].pos_ == "ADP":
        return True  # "built for that many clients resyncing": no clause opens after "for"
    return prev.dep_ in ("det", "advmod", "amod") and prev.head.i in (tok.i, tok.head.i)


def _ratio(tok: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` the "many" or "much" of a ratio ("twice as many logins as
    planned", "four times as much traffic", ``ratio-multipliers``)? The amount is told
    against a known one, so the sentence measures it."""
    if tok.i < 2 or tok.lower_ not in ("many", "much") or tok.doc[tok.i - 1].lower_ != "as":
        return False
    return tok.doc[tok.i - 2].lower_ in lex.ratio_multipliers


def judge_sentence(
    sent: Doc,
    toks: Sequence[Token],
    text: str,
    lex: Lexicon,
    *,
    numbered: bool,
    in_impact: bool = False,
    settled: bool = False,
) -> list[VagueImpact]:
    """Vague quantities in one parsed sentence, with offsets relative to its text.

    ``toks`` and ``text`` are the sentence's tokens and text, made once by the caller (each
    iteration of a parsed text builds its tokens anew, and its text from them).
    ``numbered``: does the sentence state an amount (:mod:`pm_lsp.rules.impact.amounts`)?
    ``in_impact``: does it sit where impact is stated? There a quantifier also counts a
    plural that suffers an effect whatever it names ("Several flights were delayed").
    ``settled``: is it prose where a fact about how things stand may be told (no timeline
    entry: :func:`_standing`)?

    Kept in one piece: each vague-quantity construction is tested on the same parse and the same
    amount answer, in the order that decides between them.
    """
    found: list[VagueImpact] = []
    base = toks[0].idx if toks else 0
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, key: str, phrase: str, noun: str, counts: str = "") -> None:
        if any(a < y and x < b for x, y in taken):
            return
        taken.append((a, b))
        found.append(VagueImpact(a, b, key, phrase, noun, counts))

    for m in lex.phrase_re.finditer(text):
        low = m.group(0).lower()
        key = "vague-comparison" if low.startswith("than") else "vague-duration"
        if key == "vague-duration" and (
            _clause_timed(sent, m.span(), text, lex)
            or _spent_looking(sent, m.span(), lex)
            or lex.not_statement.search(text)
        ):
            continue  # a duration or a window bounds it (a count of something else does
            # not); a condition or a plan ("if all placeholders are pending for a period")
            # states no impact
        if key == "vague-duration" and _figure(text, m.start(), m.end(), lex):
            continue  # "more than a blip", "turned a blip into an outage": a comparison
        if key == "vague-comparison" and _measured_difference(sent, m.start() + base, lex):
            continue  # "ran 2 hours later than usual": the difference is the amount
        if key == "vague-comparison" and lex.than_not_compared.search(text, 0, m.start()):
            continue  # "after the call rather than before it": an order of steps
        add(m.start(), m.end(), key, m.group(0), "time")
    _degree_phrases(sent, text, lex, numbered, add)
    if not numbered:
        _volume_idioms(toks, base, lex, add, in_impact=in_impact)
    _hedged_counts(sent, text, lex, add, in_impact=in_impact, settled=settled)
    for m in lex.q_phrase_re.finditer(text):
        last = sent.char_span(m.start() + base - base, m.end(), alignment_mode="expand")
        if last is None:
            continue
        head = last[-1]
        of = (
            _of_object(head)
            if head.lower_ != "of"
            else next((g for g in head.children if g.dep_ == "pobj"), None)
        )
        if (
            of is None
            and head.lower_ != "of"
            and head.dep_ in ("nsubj", "nsubjpass")
            and (in_impact or _stands_for_people(head, lex))
        ):  # "a handful could not log in", "only a handful saw errors": people
            elided = _elided(head, lex, taken, base)
            if elided is None:
                add(m.start(), m.end(), COUNT_KEY, m.group(0), "people")
            elif elided[0] or not _bare_complement(head):  # "most jobs ..., but a few are not"
                add(m.start(), m.end(), COUNT_KEY, m.group(0), elided[1].text, counted(elided[1]))
            continue
        noun = of if of is not None else (head.head if head.head.pos_ == "NOUN" else None)
        if noun is None:
            noun = _noun_in_phrase(toks[head.i + 1 :])
        if (
            noun is not None
            and (
                _STATUS_NOUN.match(noun.text) is not None  # "lots of 500s": errors
                or _standing_lost(noun, lex, in_impact=in_impact)  # "a ton of goodwill"
                or (in_impact and _upset_feedback(noun, lex))  # "lots of angry posts"
                or (
                    (lex.is_unit(noun) or (in_impact and _suffers(noun, lex)))
                    and not _np_has_number(noun)
                )
            )
            and _counts(text, m.span(), _span_of(noun, base))
            and not _not_harm(head, noun, lex, in_impact=in_impact, settled=settled)
        ):
            key = lex.kind_of(noun, head)  # "quite a bit of traffic": a share, not a count
            # the span runs on to a noun that follows ("quite a bit of time"); one named
            # before ("Affected customers: quite a few") leaves it the phrase's own
            end = max(m.end(), noun.idx - base + len(noun.text))
            add(
                m.start(),
                end,
                key,
                text[m.start() : end] if key == "vague-duration" else m.group(0),
                noun.text,  # a duration quoted whole: "'quite a bit of time'; give the duration"
                counted(noun, plural=key == COUNT_KEY),
            )
    for tok in toks:
        low = tok.lower_
        a = tok.idx - base
        if low in lex.quantifiers or (
            low in lex.sizes
            and (tok.pos_ == "ADJ" or (tok.pos_ == "ADV" and tok.dep_ in ("amod", "ccomp")))
        ):  # "made the queues very long": the small model reads "long" as an adverb
            if _compound_tail(tok) or _compound_head(tok):
                continue  # "service-wide", "low-volume window": part of a compound, not a size
            if low in lex.sizes and (_threshold(tok) or _load_condition(tok, lex)):
                continue  # "once the backlog grew large enough", "under high load": how
                # the fault worked, not how much harm it did
            if tok.i > 0 and (
                tok.doc[tok.i - 1].lower_ in ("how", "every")
                or _superlative(tok, lex)
                or _graded_superlative(tok, lex)
                or _referring_back(tok, lex)
                or _ratio(tok, lex)
            ):
                continue  # "how many visitors the host can handle": a question, not an
                # amount; "every few hours": how often something recurs, not how long
            if _named_by_superlative(tok, lex):
                continue  # "Most frequent departure slot.": which one, no amount
            if _subject_read_as_modifier(tok, lex):
                add(a, a + len(tok.text), COUNT_KEY, tok.text, "people")
                continue  # "many lost exam time": how many people, not how long
            noun = _counted_noun(tok, lex)
            if noun is None and _stands_for_people(tok, lex):
                elided = _elided(tok, lex, taken, base)
                if elided is not None:  # "some jobs ... and some are not": jobs, no people
                    flagged, named = elided
                    if flagged or not _bare_complement(tok):
                        add(a, a + len(tok.text), COUNT_KEY, tok.text, named.text, counted(named))
                elif not _readersrelying(tok, lex):  # "plenty of you rely on the mirror"
                    add(a, a + len(tok.text), COUNT_KEY, tok.text, "people")
                continue
            if noun is not None and _some_of_them(tok, noun, lex, in_impact=in_impact):
                left = tok.left_edge.idx - base  # "Quite a few of them needed new slots"
                phrase = text[left : a + len(tok.text)]
                add(left, noun.idx - base + len(noun.text), COUNT_KEY, phrase, "of them")
                continue
            if noun is None or (
                _np_has_number(noun)
                and not (low in lex.grades and _unmeasured_kind(noun, text, lex))
            ):
                continue  # "a major outage of 11 hours"; not "considerable reputational
                # harm among two distributors" (the two are who, not how much)
            if low in lex.quantifiers and _counted_beside(tok, lex):
                continue  # "several laptops each; 1.8 sessions per pupil": counted there
            size_only = low in lex.sizes and low not in lex.quantifiers
            direct = tok.head
            if size_only and not (
                lex.is_amount(noun)
                or lex.is_amount(direct)
                or (
                    _is_time(noun, lex)
                    and not _is_day_period(noun, lex)
                    and not _felt_period(noun, lex)
                )
                or noun.lemma_.lower() in lex.sized
                # where impact is stated, a size of money ("overtime cost was high");
                # elsewhere a cost is a reason ("we chose it because its cost is low")
                or (in_impact and bool({noun.lemma_.lower(), noun.lower_} & lex.money))
                # ... and the length of a wait ("the evening queues were very long")
                or (in_impact and low in lex.duration_sizes and _a_wait(noun, lex))
            ):
                continue
            if (
                (size_only or low in lex.grades)
                and numbered
                and not _only_frequency(text, lex)
                and not _unmeasured_kind(noun, text, lex)
                and not _share_unmeasured(noun, text, lex)
                and not _labels_only(sent)
            ):
                continue  # "a major outage … 11 hours": the sentence gives the amount
            if low in lex.grades and _declared_class(noun, lex):
                continue  # "Major incident declared": a severity class, not a size
            if _test_verdict(tok, noun, text, lex):
                continue  # "a significant subgroup effect": what a test found
            if _not_harm(tok, noun, lex, in_impact=in_impact, settled=settled):
                continue  # "few people knew about it": a state of mind, not the harm
            if _absent(tok, noun, lex):
                continue  # "some of the approvers were on leave": away, not harmed
            if (low in lex.grades or size_only) and _of_a_faculty(tok, lex):
                continue  # "an admin whose command of TLS is thin": a person judged
            if low == "certain" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("a", "an"):
                continue  # "after a certain number of servers": a threshold, not an amount
            if noun.lemma_.lower() == "case" and noun.head.lower_ == "in":
                continue  # "in most cases": how often, not how many
            if noun.lemma_.lower() in lex.work_periods and any(
                c.dep_ == "prep" and c.lower_ in _CHANGE_PREPS for c in noun.children
            ):
                continue  # "a major shift in traffic": a change, not a period of work
            if (
                low == "big"
                and noun.lower_ == "time"
                and not any(c.dep_ == "det" for c in noun.children)
            ):
                continue  # "dropped the ball big time": an intensifier, not a duration
            if not (
                lex.is_unit(noun)
                or lex.is_amount(noun)
                or _standing_lost(noun, lex, in_impact=in_impact)  # "considerable goodwill"
                or (
                    in_impact
                    and (
                        _suffers(noun, lex)
                        or _upset_feedback(noun, lex)
                        or _more_of(tok, noun, lex)
                        or (low in lex.duration_sizes and _a_wait(noun, lex))
                    )
                )
            ):
                continue
            if low in lex.quantifiers and not _counts(
                text, (a, a + len(tok.text)), _span_of(noun, base)
            ):
                continue  # a quantifier counts what is near it, or what it is said of
            if (
                tok.dep_ == "det"
                and low == "some"
                and noun.tag_ in ("NN", "NNP")
                and not lex.is_amount(noun)
                and not _more_of(tok, noun, lex)  # "some extra chemical use": an amount
                and noun.lemma_.lower() not in lex.time | lex.money | {"data", "traffic"}
            ):
                continue  # "some user" = an unspecified one, not an amount
            b = (
                max(a + len(tok.text), noun.idx - base + len(noun.text))
                if noun.i > tok.i
                else a + len(tok.text)
            )
            start = min(a, noun.idx - base)
            of = _of_object(noun) if lex.is_amount(noun) else None
            # "a small number of reminders": say how many reminders; "a noticeable share of
            # our user base": the share of user base; "some extra chemical use": how much more
            shown = of if of is not None else noun
            extra = _more_of(tok, noun, lex)
            key = "vague-extra" if extra else lex.kind_of(shown, tok)
            if key == "vague-duration" and lex.quantity.measures_time(
                text[:start] + " " * (b - start) + text[b:]
            ):
                continue  # "most of the stall, about 35 minutes, ...": the duration is told
            name = counted(shown, plural=key == COUNT_KEY)
            if extra:
                name = " ".join(
                    [
                        *(
                            c.lower_
                            for c in shown.lefts
                            if c.dep_ in ("compound", "amod") and c.lower_ not in lex.extra_words
                        ),
                        name,
                    ]
                )
            elif of is not None and of.tag_ != "NNS":
                name = " ".join([*(c.lower_ for c in of.lefts if c.dep_ == "compound"), name])
            elif of is None and key == "vague-share" and _bare_amount(shown, lex):
                name = _what_the_amount_is_of(shown, lex)
            lost = _things_lost(shown, lex) if key == "vague-money" else None
            if lost is not None:  # "some limited loss of uploaded data": the data, no money
                key, name = "vague-loss", lost
            # a duration is quoted whole ("'some time'; give the duration"): its quantifier
            # alone ("'some'") names no time (blind round 28)
            phrase = text[start:b] if key == "vague-duration" else tok.text
            add(start, b, key, phrase, shown.text, name)
        elif low in lex.degrees:
            head = tok.head
            if low in lex.extent_adverbs and head.lemma_.lower() == "be":
                # "was mostly fine": the adverb grades the state the copula takes
                head = next((c for c in head.children if c.dep_ == "acomp"), head)
            if _comment_adverb(tok):
                continue  # "Seriously, who reads the notes?": the writer's tone, no amount
            forms = {head.lemma_.lower(), head.lower_}
            graded = head.pos_ == "ADJ" and (
                in_impact or head.tag_ in ("JJR", "JJS") or head.lower_ in lex.effect_adjectives
            )  # outside impact, "a somewhat overdue conversation" grades no effect
            # an adverb of extent grades a state or a harm ("mostly fine", "largely
            # unaffected"), not "be" ("the cause was mostly a config error")
            verbs = lex.harm_verbs if low in lex.extent_adverbs else lex.impact_verbs
            if low in lex.extent_adverbs and graded:  # "mostly fine", "partly unavailable";
                # not "mostly harmless from a compliance view": a verdict, no extent
                graded = head.lower_ in lex.effect_adjectives or head.lower_ in lex.fine_states
            if (forms & verbs or graded) and not numbered:
                key = (
                    "vague-duration"
                    if low in lex.duration_adverbs
                    else "vague-extent"
                    if low in lex.extent_adverbs
                    else "vague-degree"
                )
                reached = _graded_people(head, lex) if key == "vague-degree" else None
                if reached is not None:  # "some departments were badly affected"
                    add(a, a + len(tok.text), "vague-reach", tok.text, head.text, reached)
                    continue
                add(a, a + len(tok.text), key, tok.text, head.text)  # "briefly": how long
    return found


def _superlative(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` ("most", "least": ``superlative-grades``) after "the" the superlative of
    the grading word after it ("the most time-critical orders", "the least used routes")? It
    picks out which things stand out; it is not an amount of them."""
    if tok.lower_ not in lex.superlative_grades or tok.doc[tok.i - 1].lower_ != "the":
        return False
    after = [t for t in tok.doc[tok.i + 1 : tok.i + 7] if not t.is_space][:3]
    if not after:
        return False
    if after[0].tag_ in ("JJ", "VBN", "RB"):
        return True  # "the most critical", "the least used"
    # "the most time-critical", "the most business-critical": a hyphened grading word
    return len(after) == 3 and after[1].text == "-" and after[2].pos_ in ("ADJ", "VERB")


def _things_lost(noun: Token, lex: Lexicon) -> str | None:
    """What a loss noun (``loss-nouns``) is of, when that is no money ("some loss of
    customer photos", "a limited loss of uploaded files"): the amount owed is how many of
    them were lost, not a sum of money. The thing as written with the words that name its
    kind, or None."""
    if noun.lemma_.lower() not in lex.loss_nouns:
        return None
    of = _of_object(noun)
    if of is None or of.pos_ not in ("NOUN", "PROPN"):
        return None
    if {of.lemma_.lower(), of.lower_} & lex.money or lex.is_amount(of):
        return None
    kinds = [c for c in of.lefts if c.dep_ in ("compound", "amod") and c.tag_ != "JJR"]
    first = kinds[0].left_edge.i if kinds else of.i  # "customer-submitted data": whole
    return of.doc[first : of.i + 1].text


def _named_by_superlative(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` ("Most", "Least") the superlative of an adjective in a sentence that has
    no verb and names one thing ("Most frequent departure slot.", "Least used entrance on
    the line.": a row or a label saying which item is meant)? A quantifier counts a plural
    or a mass ("Most regular riders", "Most data"); before an adjective and one thing
    counted in the singular it picks the thing out, no amount."""
    sent = tok.sent
    if tok.lower_ not in lex.superlative_grades or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    after = [t for t in tok.doc[tok.i + 1 : sent.end] if not t.is_space]
    if not after or after[0].tag_ != "JJ":
        return False
    noun = after[0].head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    return (
        noun.tag_ == "NN"
        and noun.i > after[0].i
        and not lex.is_amount(noun)
        # "Most common start time": a mass noun named by the kind of it, one of them
        and (
            noun.lemma_.lower() not in lex.mass or any(c.dep_ == "compound" for c in noun.children)
        )
    )


def _graded_superlative(tok: Token, lex: Lexicon) -> bool:
    """Is the grading word ``tok`` itself under "the most" or "the least" ("the most
    significant cases were:", "the least serious errors")? The superlative picks out the
    cases that stand out, often to introduce a list of them; it is no amount.
    "A significant number of riders" stays read."""
    before = [t for t in tok.doc[max(tok.i - 3, 0) : tok.i] if not t.is_space][-2:]
    return (
        tok.lower_ in lex.grades
        and len(before) == 2
        and before[0].lower_ == "the"
        and before[1].lower_ in lex.superlative_grades
    )


def _threshold(tok: Token) -> bool:
    """Is the size word said of something with "enough" and not before a noun ("once the
    queue grew long enough", "when load was high enough")? A threshold past which the fault
    set in: how it worked, not an amount of harm. "A large enough share of riders" (before
    its noun) still sizes whom it reached."""
    return tok.dep_ != "amod" and any(c.lower_ == "enough" for c in tok.children)


def _load_condition(tok: Token, lex: Lexicon) -> bool:
    """Does the size word grade a load under which the system was working (``load-nouns``
    after one of ``condition-preps``: "under high volume the workers stalled")? That is the
    condition of the fault, not harm; "high error rates" or "a large share of traffic" are
    not a load under which anything ran."""
    noun = tok.head
    return (
        tok.dep_ == "amod"
        and noun.lemma_.lower() in lex.load_nouns
        and noun.dep_ == "pobj"
        and noun.head.lower_ in lex.condition_preps
    )


def _comment_adverb(tok: Token) -> bool:
    """Is the degree adverb the writer's comment on the whole sentence, set off by a comma
    at its opening ("Seriously, how did this pass review?", "Honestly, nobody checked")? It
    tells the writer's tone, not how much anything changed; "seriously degraded" grades."""
    first = next((t for t in tok.sent if not t.is_space), None)
    return (
        first is not None
        and first.i == tok.i
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].text == ","
    )


def _labels_only(sent: Doc) -> bool:
    """Is every figure of the sentence a label right after its noun ("while pier 4 was
    closed", "filter 7", "channel 12"): a name, not an amount? Then "a small number of
    riders" beside it is still unmeasured."""
    figures = [t for t in sent if t.like_num or t.pos_ == "NUM"]
    return bool(figures) and all(
        t.dep_ == "nummod" and t.i == t.head.i + 1 and t.head.pos_ in ("NOUN", "PROPN")
        for t in figures
    )


def _share_unmeasured(noun: Token, text: str, lex: Lexicon) -> bool:
    """Is ``noun`` a share of something ("a sizeable share of the ledger") in a sentence
    whose figures give no share (no percentage, no "N of M": "12 meters were read twice,
    which skews a sizeable share of the ledger")? The counts measure something else."""
    return noun.lemma_.lower() in lex.share_nouns and lex.share_figure.search(text) is None


def _hedged_counts(
    sent: Doc,
    text: str,
    lex: Lexicon,
    add: Callable[..., None],
    *,
    in_impact: bool,
    settled: bool,
) -> None:
    """A small count hedged around the noun it counts ("a deadline or two may have been
    missed", "a store or three", "one or two tenants"): as vague as "a few", and the
    number words in it are no amount. The noun must be one a count is asked of, as for a
    quantifier; "one or two of the 40 stores" counts a told number."""
    for pat in lex.hedged_counts:
        for m in pat.finditer(text):
            span = sent.char_span(*m.span("noun"), alignment_mode="expand")
            if span is None:
                continue
            noun, tok = span[-1], sent.char_span(*m.span(), alignment_mode="expand")
            if tok is None or not (
                lex.is_unit(noun)
                or (in_impact and (_suffers(noun, lex) or noun.dep_ in ("nsubj", "nsubjpass")))
            ):
                continue  # where impact is stated, what the subject counts is reached
            if _not_harm(tok[0], noun, lex, in_impact=in_impact, settled=settled):
                continue
            add(m.start(), m.end(), COUNT_KEY, m.group(0), noun.text, counted(noun))


def _graded_people(head: Token, lex: Lexicon) -> str | None:
    """What a degree word grades the harm of, named for the message ("departments were
    badly affected", "passengers were hit hard"): the subject of a passive of reaching
    (``reach-verbs``), or people as the subject of a passive. Their count and what failed
    for them is the measure there, not a latency ("latency rose sharply", "orders were
    greatly delayed" keep the measured change)."""
    verb = head.head if head.dep_ in ("acomp", "attr") else head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.lemma_.lower() not in lex.reach_verbs and not (
        {subj.lemma_.lower(), subj.lower_} & lex.people
    ):
        return None  # "orders were greatly delayed": how late is the measure
    if subj.dep_ == "nsubjpass" and not lex.is_amount(subj):
        return counted(subj)  # "departments were badly affected": what was reached
    return None  # "checkout latency was severely degraded": a measure


def _more_of(tok: Token, noun: Token, lex: Lexicon) -> bool:
    """Is the quantifier ``tok`` "some" on an extra amount of ``noun`` ("some extra
    chemical use", "some additional cleanup work", ``extra-words``) that the incident
    incurred (the noun is what a verb of ``incurring-verbs`` has, needs or causes: "there
    was", "needed", "caused")? How much more is the amount, whatever the noun names;
    "we added some extra capacity" is a step of the response."""
    return (
        tok.lower_ == "some"
        and any(c.dep_ == "amod" and c.lower_ in lex.extra_words for c in noun.children)
        and noun.dep_ in ("attr", "dobj", "nsubj")
        and noun.head.lemma_.lower() in lex.incurring_verbs
    )


def _a_wait(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` a wait people stood in (``wait-nouns``: "the queues were very long",
    "a long wait at the desk")? Its length is a duration no number gives."""
    if noun.lemma_.lower() in lex.wait_nouns or noun.lower_ in lex.wait_nouns:
        return True
    return _wait_measure(noun, lex)


def _wait_measure(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` a measure of a wait (``wait-measures``) named by a wait noun in front
    of it ("queue lengths were really long", "the line length was huge")?"""
    return (noun.lemma_.lower() in lex.wait_measures or noun.lower_ in lex.wait_measures) and any(
        c.dep_ == "compound" and (c.lemma_.lower() in lex.wait_nouns or c.lower_ in lex.wait_nouns)
        for c in noun.children
    )


def _bare_amount(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` an amount word that names no measure of its own ("a noticeable hit",
    "a high impact", "a large portion": ``amount-nouns`` that are no mass, money or time)?
    A message asking for "the share of hit" names nothing to measure."""
    forms = {noun.lemma_.lower(), noun.lower_}
    return lex.is_amount(noun) and not forms & (lex.mass | lex.money | lex.time)


def _what_the_amount_is_of(noun: Token, lex: Lexicon) -> str:
    """What a bare amount word measures, for its message: what it is on ("impact on users"
    -> "users"), the nouns before it that are no amount themselves ("the revenue hit" ->
    "revenue"), else the pack's words for what was affected (``unnamed-affected``)."""
    on = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
    ]
    if on and (on[0].tag_ in ("NNS", "NNPS") or _measurable(on[0], lex)):
        return counted(on[0], plural=on[0].tag_ in ("NNS", "NNPS"))  # "impact on users
        # was negligible": the share of users; not "some impact on sentiment" (no whole)
    named = [
        c.lower_
        for c in noun.lefts
        if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not lex.is_amount(c)
    ]
    return " ".join(named) if named else lex.unnamed_affected


def _measurable(noun: Token, lex: Lexicon) -> bool:
    """Does the singular ``noun`` name a whole a share can be given of: money or a mass
    ("revenue", "traffic"), not one place or a feeling ("the pharmacy", "sentiment")?"""
    return bool({noun.lemma_.lower(), noun.lower_} & (lex.money | lex.mass))


def _degree_phrases(
    sent: Doc,
    text: str,
    lex: Lexicon,
    numbered: bool,
    add: Callable[..., None],
) -> None:
    """The idioms of degree in a sentence ("dropped quite a bit", "took a hit"): vague when
    they grade an impact verb (one with "hit", or of ``rise-idioms``: "went through the
    roof", always does) and the sentence gives no amount; a plan or a condition states no
    impact."""
    if numbered or lex.not_statement.search(text):
        return
    for m in lex.degree_phrase_re.finditer(text):
        phrase = m.group(0)
        if phrase.lower() in lex.rise_idioms:
            got = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            verb = verb_above(got.root) if got is not None else None
            if verb is None or verb.lemma_.lower() not in lex.rise_verbs:
                continue  # "rain came through the roof": a roof
        elif " hit" not in phrase.lower():
            got = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            verb = verb_above(got.root) if got is not None else None
            if verb is None or verb.lemma_.lower() not in lex.harm_verbs:
                continue  # "we learned a lot": no impact graded
        last = sent.char_span(m.end() - 1, m.end(), alignment_mode="expand")
        if last is not None and last.root.dep_ == "amod":
            continue  # "we hit pretty hard limits": "hard" says what the limits are
        if _struck(sent, m.start(), m.end(), lex):
            continue  # "the batch job hit really hard against the limiter": a force
        got = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        reached = _graded_people(verb_above(got.root), lex) if got is not None else None
        if reached is not None:  # "passengers at the south gates were hit hard"
            add(m.start(), m.end(), "vague-reach", phrase, phrase, reached)
        else:
            add(m.start(), m.end(), "vague-degree", phrase, phrase)


def _upset_feedback(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` feedback (``feedback-nouns``) told with a feeling of upset
    (``upset-adjectives``: "angry posts", "furious replies")? A reaction to harm: a vague
    count of it sizes the upset the incident caused."""
    return noun.lemma_.lower() in lex.feedback_nouns and any(
        c.dep_ in ("amod", "compound") and c.lower_ in lex.upset_adjectives for c in noun.children
    )


def _standing_lost(noun: Token, lex: Lexicon, *, in_impact: bool) -> bool:
    """Is ``noun`` standing with others (``standing-nouns``: "goodwill", "trust") counted
    by a quantifier phrase where impact is stated or as what was lost ("we lost a ton of
    goodwill": ``standing-loss-verbs``)? A harm no count sizes: what did it cost?"""
    if noun.lemma_.lower() not in lex.standing_nouns:
        return False
    return in_impact or verb_above(noun).lemma_.lower() in lex.standing_loss_verbs


def _volume_idioms(
    toks: Sequence[Token],
    base: int,
    lex: Lexicon,
    add: Callable[[int, int, str, str, str, str], None],
    *,
    in_impact: bool,
) -> None:
    """The idioms of volume in a sentence that gives no amount: a participle of being
    overwhelmed (``flood-participles``) in the passive ("got slammed", "was swamped") with
    "with" (or ``flood-preps``: "buried in complaints") and a plural ("support got slammed
    with tickets"), where impact is stated or said of people; or, where impact is stated,
    with nothing after it, said of a place people contact (``contact-points``: "support
    got swamped", blind round 29). The span runs from the auxiliary to the plural (or the
    participle); the message asks how many of it (``flood-counted`` when unnamed)."""
    for tok in toks:
        if tok.lower_ not in lex.flood_participles:
            continue
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if not any(c.lemma_.lower() in ("be", "get") for c in aux):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        people = subj is not None and (
            subj.lower_ in lex.people or subj.lemma_.lower() in lex.people
        )
        if not (in_impact or people):
            continue
        a = min(t.idx for t in (tok, *aux)) - base
        prep, noun = _flood_object(tok, lex)
        if noun is None:
            if prep is None and in_impact and _a_contact_point(subj, lex):
                add(
                    a,
                    tok.idx - base + len(tok.text),
                    "vague-volume",
                    _as_said(aux, tok),
                    tok.text,
                    lex.flood_counted,
                )
            continue
        if (
            prep is None
            or noun.tag_ not in ("NNS", "NNPS")
            or _np_has_number(noun)
            or not (prep.lower_ == "with" or lex.is_unit(noun))  # not "buried in the logs"
        ):
            continue
        add(
            a,
            noun.idx - base + len(noun.text),
            "vague-volume",
            f"{tok.text} {prep.lower_}",
            noun.text,
            counted(noun),
        )


def _flood_object(tok: Token, lex: Lexicon) -> tuple[Token | None, Token | None]:
    """The preposition after a participle of being overwhelmed that names what came in
    (``flood-preps``, or "with" after "under": "snowed under with returns"), and its
    object; "flooded after the reminder" names when, not what."""
    prep = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("prep", "agent") and (c.lower_ in lex.flood_preps or c.lower_ == "under")
        ),
        None,
    )
    if prep is not None and prep.lower_ == "under":
        prep = next((c for c in prep.children if c.dep_ == "prep"), prep)
    noun = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    return prep, noun


def _as_said(aux: Sequence[Token], tok: Token) -> str:
    """The auxiliary and the participle as written ("got swamped")."""
    first = min((*aux, tok), key=lambda t: t.i)
    return tok.doc[first.i : tok.i + 1].text


def _a_contact_point(subj: Token | None, lex: Lexicon) -> bool:
    """Is ``subj`` a place people contact (``contact-points``: "support", "the help desk",
    "our inbox")? Not the responders, who are swamped by the work of the response."""
    return subj is not None and (
        subj.lemma_.lower() in lex.contact_points or subj.lower_ in lex.contact_points
    )


def _struck(sent: Doc, a: int, b: int, lex: Lexicon) -> bool:
    """Is the "hit" opening a degree phrase at ``a``-``b`` a force, not a blow taken? It is
    when the verb is active with no object and no agent, and the force is told: a prep of
    striking follows ("the job hit really hard against the rate limiter"), a "that" result
    follows ("the load test hit so hard that the primary fell over"), or the subject is
    load or a job (``force-subjects``). "The outage hit hard", "it hit really hard in the
    evening peak", "the depot was hit hard", "those hit pretty hard" (a participle on a
    noun is a passive) and "took a hit" grade harm."""
    span = sent.char_span(a, b, alignment_mode="expand")
    if span is None or span[0].lower_ != "hit" or span[0].pos_ != "VERB":
        return False
    hit = span[0]
    if hit.dep_ in ("acl", "amod") or (
        hit.i > 0 and hit.doc[hit.i - 1].lemma_.lower() in ("be", "get")
    ):
        return False
    if any(
        c.dep_ in ("dobj", "auxpass", "nsubjpass", "agent")
        or (c.dep_ == "aux" and c.lemma_.lower() in ("be", "get"))
        for c in hit.children
    ):
        return False
    for tok in span:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in lex.force_preps:
                return True
            if c.dep_ in ("ccomp", "advcl") and any(m.lower_ == "that" for m in c.children):
                return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.force_subjects for c in hit.children)


def may_be_vague(text: str, lex: Lexicon, *, where: str) -> bool:
    """The cheap prefilter: can :func:`judge_sentence` or :func:`impact_claim` find
    anything in ``text``? Each branch is a necessary condition of a judge: a no-parse phrase
    or a degree adverb; a quantifier and a noun it could count (``is_unit``/``is_amount``
    read that noun's lemma or its lower-cased text); a size word and an amount, time or
    outage noun; and, only for a sentence that states no amount (a statement is reported
    only then, and the amount is read from the text), what :func:`_may_state_impact`
    asks. The regexes are searched through one reading of the sentence's words
    (:class:`pm_lsp.nlp.patterns.Gated`): same answers, most searches skipped."""
    r = lex.gated.read(text)
    if r.holds(lex.free_trigger) or r.holds(lex.hedged_trigger):
        return True
    if r.holds(lex.quantity_trigger) and (
        r.holds(lex.people_pronoun_context)
        or _quantifier_near_unit(text, lex)
        or (
            where == IMPACT
            and (_quantifier_near_unit(text, lex, _PLURAL) or lex.some_extra.search(text))
        )
    ):
        return True
    if r.holds(lex.size_trigger) and r.holds(lex.sized_form):
        return True
    if where == IMPACT and lex.vague_label.match(text):
        return True  # "Refund claims: plenty."
    if where == TIMED:
        return False  # a timeline's events are placed in time by the timeline
    if where in NARRATED and not r.holds(lex.narrated_form) and not r.matches(lex.unknown_extent):
        return False  # a narrative's statement counts only about people or the service
    in_impact = where == IMPACT
    return _may_state_impact(r, lex, in_impact=in_impact) and not lex.quantity.states(text)


def _may_state_impact(r: Reading, lex: Lexicon, *, in_impact: bool) -> bool:
    """Can the sentence ``r`` be an impact statement? In an impact region, a label of what
    was affected ("Affected services:"); anywhere, the extent stated as unknown; an effect
    word (in a form spaCy could lemmatise to one), an inability or a phrase of being out of
    service, and outside an impact region also a word of what faces the users or of
    availability."""
    if in_impact and lex.impact_label.match(r.text):
        return True
    if r.matches(lex.unknown_extent):
        return True
    down = r.matches(lex.out_of_service)
    if not r.holds(lex.effect_form) and not down and not r.matches(lex.inability):
        return False
    # outside an impact region a statement counts only when it faces the users
    return in_impact or r.holds(lex.facing_form) or r.holds(lex.availability_form) or down


#: a PM401 finding of a part (:func:`_parts_found`): the vague impact (offsets relative to
#: the part), whether it is where impact is stated, whether it is an apology's statement
#: dropped when an Impact region is quantified (:func:`_quantified`), its message and
#: severity
_Found = tuple[VagueImpact, bool, bool, str, Severity | None]


def vague_impacts(ctx: RuleContext) -> list[tuple[VagueImpact, bool]]:
    """Every vague quantity and unquantified impact statement in the document's prose, in
    document offsets, with whether it sits where impact is stated (Impact or Summary
    section, or an "Impact:" entry). A statement whose neighbouring sentence states its
    extent ("The site was down. It came back 40 minutes later.") is quantified and dropped
    here, where the neighbours are known (:func:`_neighbours`)."""
    return [
        (_shifted(v, at) if at else v, in_impact)
        for at, v, in_impact, _message, _severity in _vague_findings(ctx)
    ]


def _vague_findings(
    ctx: RuleContext,
) -> Iterator[tuple[int, VagueImpact, bool, str, Severity | None]]:
    """:func:`vague_impacts` with each finding's message and severity, in document order,
    each as (offset, finding relative to the offset): per part of the document
    (:mod:`~pm_lsp.model.parts`), from the part's memo entry where it has one,
    then in the front matter's summary."""
    lex = lexicon(ctx.pack)
    stated: list[bool] = []  # is the impact quantified where it is stated, once asked
    found, summaries = _parts_found(ctx, lex)
    for part, got in found:
        at = part.start
        for v, in_impact, owned, message, severity in got:
            if not (owned and _quantified(ctx, stated)):
                yield at, v, in_impact, message, severity
    for v, in_impact, owned, message, severity in summaries:
        if not (owned and _quantified(ctx, stated)):
            yield 0, v, in_impact, message, severity


def _front_matter_summaries(doc: PostmortemDoc, lex: Lexicon) -> list[tuple[int, str, str]]:
    """A front-matter description is a summary too: a passage where impact is stated."""
    out: list[tuple[int, str, str]] = []
    for f in doc.metadata:
        if f.source == "front-matter" and f.key.lower() in lex.summary_fields:
            a, e = f.value_span.start, f.value_span.end
            out.append((a, doc.text[a:e], IMPACT))
    return out


#: what a part's PM401 findings read from outside its own text: its section's canonical
#: path and whether it is the lead (:func:`_section_paths`), the impact regions and the
#: action items reaching into it
_PartContext = tuple[tuple[tuple[str, ...], bool], tuple[int, ...], tuple[int, ...]]


def _parts_found(
    ctx: RuleContext, lex: Lexicon
) -> tuple[list[tuple[Part, tuple[_Found, ...]]], tuple[_Found, ...]]:
    """Each part with its findings, relative to its start, and the front matter's findings
    (document offsets). An unchanged part costs one lookup; the parts not found and the
    front matter are judged together (:func:`judge_passages`, one parse batch), and a part
    is stored only once judged (a lint that stops for the batch stores nothing)."""
    doc = ctx.doc
    regions = Cover((s.start, s.end) for s, _ in impact_regions(ctx))
    # action items wherever PM301 finds them (not only under an action-items heading) are
    # its business: a plan names what it will change, not what was affected
    items = Cover((it.start, it.end) for it in action_items(doc, ctx.pack))
    paths = _section_paths(doc, lex)
    memo = lex.parts
    # the verdicts read the parse: the pipeline is part of the key (tables on the pack's
    # words are shared by every NLP object), and inside full_parse nothing is read or
    # stored (its verdicts are not the prefiltered ones)
    model = identity(ctx.nlp)
    template = identity(ctx.template)
    stored = prefiltering()
    out: list[tuple[Part, tuple[_Found, ...] | None]] = []
    todo: list[tuple[int, tuple[object, ...], _PartContext]] = []
    cut = parts(doc)
    bounds = [(p.start, p.end) for p in cut]
    for part, within, item in zip(cut, regions.project(bounds), items.project(bounds), strict=True):
        context = (paths[id(part.section)], within, item)
        key = (part.key, template, model, context)
        got = memo.get(key) if stored else None
        if got is None:
            todo.append((len(out), key, context))
        out.append((part, got))
    summaries = _front_matter_summaries(doc, lex)
    if todo or summaries:
        judged, extra = _judge_parts(ctx, lex, [(out[i][0], c) for i, _k, c in todo], summaries)
        for (i, entry, _c), found in zip(todo, judged, strict=True):
            out[i] = (out[i][0], memo.put(entry, found) if stored else found)
    else:
        extra = ()
    return [(part, found) for part, found in out if found is not None], extra


def _judge_parts(
    ctx: RuleContext,
    lex: Lexicon,
    todo: list[tuple[Part, _PartContext]],
    summaries: list[tuple[int, str, str]],
) -> tuple[list[tuple[_Found, ...]], tuple[_Found, ...]]:
    """The findings of each part in ``todo``, relative to its start, and of the front
    matter's ``summaries``: their passages judged in one call."""
    doc = ctx.doc
    passages: list[tuple[int, str, str]] = []
    owners: list[int] = []
    for n, (part, context) in enumerate(todo):
        for p in _passages(doc, part, context, lex):
            passages.append(p)
            owners.append(n)
    found = judge_passages(ctx.nlp, impact_judgment(lex), [*passages, *summaries])
    per: list[list[_Found]] = [[] for _ in todo]
    for n, (start, text, where), vs in zip(owners, passages, found, strict=False):
        if not vs:
            continue
        part = todo[n][0]
        claims = any(v.key in CLAIM_KEYS for v in vs)
        given = claims and _amounts_follow(doc, part, start, lex)
        listed = claims and _siblings_state_amounts(doc, part, start, lex)
        lucky, why = _heading_marks(part.section, text, where, lex)
        for v, in_impact, owned, message, severity in _kept(
            ctx, lex, (start, text, where), vs, part.tables(doc), given_below=given
        ):
            claim = v.key in CLAIM_KEYS
            if (lucky and _avoided(text, v.start - start, claim, lex)) or (why and claim):
                continue  # an outcome avoided; "2. Why? The print service refused jobs ..."
            said = text[v.start - start : v.end - start]
            if listed and v.key in CLAIM_KEYS and lex.scope_limit.search(said):
                continue  # "- only the AP-North pool was hit" beside "- Window: 10:05-11:40"
            got = _shifted(v, -part.start)
            if any(f[0].start < got.end and got.start < f[0].end for f in per[n]):
                continue  # a header field judged again alone: found with its block
            per[n].append((got, in_impact, owned, message, severity))
    extra = [
        f
        for passage, vs in zip(summaries, found[len(passages) :], strict=True)
        for f in _kept(ctx, lex, passage, vs, [])
    ]
    return [tuple(f) for f in per], tuple(extra)


def _tells_near_misses(title: str, lex: Lexicon) -> bool:
    """Does the heading ``title`` name a part that tells harm that did not happen
    (``counterfactual-headings``: "Where we got lucky", "What could have been worse")?"""
    title = title.lower()
    return any(w in title for w in lex.counterfactual_headings)


def _heading_marks(
    section: Section | None, text: str, where: str, lex: Lexicon
) -> tuple[bool, bool]:
    """Whether the block ``text`` of ``section`` stands under a heading of near misses
    (:func:`_tells_near_misses`), and whether, away from where impact is stated, it is a
    step of a why-chain (:func:`_why_step`)."""
    lucky = section is not None and _tells_near_misses(section.title, lex)
    return lucky, where != IMPACT and _why_step(text, lex)


def _why_step(text: str, lex: Lexicon) -> bool:
    """Is the block ``text`` a step of a chain of why-questions, opening with the question
    (``why-steps``: "3. **Why did the sync stall?** The export files were missing")? Its
    statements give the cause of the step above, not the impact."""
    return any(p.match(text) for p in lex.why_steps)


def _avoided(text: str, at: int, claim: bool, lex: Lexicon) -> bool:
    """Under a heading of near misses (:func:`_tells_near_misses`), does the finding at
    ``at`` in ``text`` (one block) tell an outcome that was avoided: a vague word after a
    past modal in its sentence ("A busier day would have reached far more riders"), or a
    statement whose sentence turns on one? What came before the modal ("Only a few riders
    were affected, but ...") happened and is read as before. Class 3 of fix helper imp40."""
    for a, e in sentence_spans(text):
        if a <= at < e:
            m = lex.counterfactual_modal.search(text, a, e)
            return m is not None and (claim or at >= m.start())
    return False


def _passages(
    doc: PostmortemDoc, part: Part, context: _PartContext, lex: Lexicon
) -> Iterator[tuple[int, str, str]]:
    """(start, text, where) of each block of ``part`` that may state impact."""
    (path, lead), regions, items = context
    title = part.section.title if part.section is not None else ""
    below_title = part.section is not None and part.section.level > 1
    skipped, impact_section, timed_section, narrative, history = _section_kind(
        frozenset(path), title, lead, lex, below_title=below_title
    )
    if skipped:
        return
    # questions and answers for the readers: an answer's statement restates the impact
    faq = lex.faq_headings.search(title.lower()) is not None or title.rstrip().endswith("?")
    a = part.start
    decided = [(t.start - a, t.end - a) for t in part.tables(doc) if _decision_table(t, lex)]
    clocked = _time_table_cells(part.tables(doc))
    keys = _key_cells(part.tables(doc), lex) if lead else set()
    for b in part.blocks(doc):
        rel = b.start - a
        if _not_prose(b, covers(items, rel), any(x <= rel < y for x, y in decided), lex):
            continue
        in_impact = (
            (impact_section and b.start not in clocked)
            or covers(regions, rel)
            or lex.impact_label.match(b.text) is not None  # "**Impact:** Users could …"
        )
        timed = (
            b.kind == "table_cell" and (timed_section or b.start in clocked)
        ) or _timeline_entry(b)
        where = (
            IMPACT
            if in_impact
            else TIMED
            if timed
            else narrative
            if narrative
            else HISTORY
            if history
            else FAQ
            if faq
            else PROSE
        )
        if lead and _head_field(b, doc.text[b.start : b.end], keys, lex):
            where = TIMED  # "Incident channel: #inc-..-crash": a field of the head, no claim
        fields = _field_lines(b.text) if b.kind == "paragraph" else []
        if not fields or any(lex.impact_label.match(line) for _at, line in fields):
            yield b.start, b.text, where
        for at, line in fields:
            yield b.start + at, line, TIMED


#: a field of the head: a label of words (no figure: "At 4:11 UTC ..." is a time), a colon
#: and a space, a value
_HEAD_FIELD = re.compile(r"^\s*[A-Za-z][A-Za-z ./&()-]{0,30}?\s*:\s+\S")


def _key_cells(tables: Sequence[Table], lex: Lexicon) -> set[int]:
    """The starts of the label cells of the key/value rows (two cells) of the head's tables
    ("| Services affected | search, billing |"): a label, never a statement, unless its
    value is a vague amount ("| Riders affected | several |") or it names people: the
    label owes the count."""
    return {
        row[0].start
        for t in tables
        for row in t.rows
        if len(row) == 2
        and not _vague_value(row[1].value, lex)
        and not _people_label(row[0].value, lex)
    }


def _people_label(label: str, lex: Lexicon) -> bool:
    """Does a field's label name people ("Users affected", "Customers impacted")? Those
    are counted, and the label owes the count whatever its value ("yes, in every region");
    systems ("Services affected") are listed by name."""
    words = re.findall(r"[a-z]+", label.lower())
    return any(w in lex.people or w.removesuffix("s") in lex.people for w in words)


def _vague_value(value: str, lex: Lexicon) -> bool:
    """Does a field's value hold a vague amount's word ("many", "a lot", "plenty")?"""
    return bool(set(re.findall(r"[a-z]+", value.lower())) & (lex.quantifiers | lex.lots))


def _head_field(b: Block, source: str, keys: set[int], lex: Lexicon) -> bool:
    """Is ``b``, in the document's head (the lead), a field of its metadata: a label cell
    of a key/value table, or a one-line "label: value" item (or paragraph, its label in
    bold) whose label neither states the impact nor summarises (``impact-label``,
    ``summary-fields``), or lists the systems affected (``listing-label``; people
    affected are counted)? Such a field names the incident's channel, people, systems
    or class; it makes no claim of its own, so only its vague words are read. "Impact:
    riders could not pay" is still judged as a statement, and a value that is only a
    vague amount ("Customers affected: many") as the label's."""
    if b.start in keys:
        return True
    text = b.text.strip()
    if b.kind not in ("list_item", "paragraph") or "\n" in text:
        return False
    if _HEAD_FIELD.match(text) is None:
        return False  # "At 4:11 UTC a number of ...": a time, no label
    if b.kind == "paragraph" and "**" not in source[: source.find(":") + 3]:
        return False  # "Note: riders could not pay": a plain paragraph, read as prose
    label = text[: text.index(":")].strip().lower()
    if _vague_value(text[len(label) :], lex):
        return False  # "Customers affected: many": the count the label asks for, untold
    if lex.listing_label.match(text):
        return not _people_label(label, lex)
    return lex.impact_label.match(text) is None and label not in lex.summary_fields


#: one line of a block of header fields ("**Severity:** 1 - app unusable ...", masked:
#: "  Severity:   1 - app unusable ..."): a short label, a colon, a value
_FIELD_LINE = re.compile(r"^\s*[A-Za-z][\w ./&()-]{0,30}?\s*:\s*\S")


def _field_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a paragraph that is a block of header fields, with their offsets
    (none for other paragraphs). Each is judged again for its vague words alone (as a
    timeline's cell is): the level and the date of the fields beside it ("**sev:** 1",
    "**date:** 2026-11-20") are no amount of its value ("app unusable for a chunk of
    users"). Its statement stays judged with the block, and only when one of its fields is
    labelled as impact (``impact-label``: "Impact:", "Affected users:"): a block of
    metadata ("Prepared by: ..., IT administrator", "Severity: High") states no impact
    of its own, and its byline names no one affected."""
    lines = text.split("\n")
    if len(lines) < 2 or not all(_FIELD_LINE.match(ln) for ln in lines):
        return []
    out: list[tuple[int, str]] = []
    at = 0
    for ln in lines:
        out.append((at, ln))
        at += len(ln) + 1
    return out


def _time_table_cells(tables: Sequence[Table]) -> set[int]:
    """The starts of the cells of each table whose every body row (two or more) opens with
    a time of day ("| 12 Mar 05:06 | The desk phones the engineer |"): a timeline wherever
    it stands, under "What happened, step by step" as under "Timeline". Its rows are
    events placed by their own clock, judged for their vague words only, as a timeline's
    are, never as an impact statement."""
    return {
        c.start
        for t in tables
        if len(t.rows) >= 2
        and all(row and _CLOCK_OPENING.match(row[0].value) is not None for row in t.rows)
        for row in t.rows
        for c in row
    }


def _timeline_entry(b: Block) -> bool:
    """Is ``b`` a list item that opens with its own time of day ("- 02:30 export skipped",
    "- **09:05** the alert fired")? It is a timeline's entry wherever the list stands
    (under a "Timeline" heading or a bold "Timeline." label): placed in time by its own
    clock and bounded by the entries around it, as a timeline's table row is, so only its
    vague words are judged, never the statement."""
    return b.kind == "list_item" and _CLOCK_OPENING.match(b.text) is not None


def _kept(
    ctx: RuleContext,
    lex: Lexicon,
    passage: tuple[int, str, str],
    vs: tuple[VagueImpact, ...],
    tables: Sequence[Table],
    *,
    given_below: bool = False,
) -> Iterator[_Found]:
    """The findings of one passage that stand, in document offsets, with their messages:
    a statement is dropped when a sentence next to it, the window before it or its table
    row states its extent, or when it points at what follows its block (``pointers-below``,
    a closing colon) and a table or list giving amounts follows (``given_below``,
    :func:`_amounts_follow`); an apology's statement is kept with ``owned`` set, to be
    dropped when an Impact region is quantified (:func:`_quantified`, a fact of the whole
    document, asked when the findings are read). Nothing in a table's header row is a
    finding: its cells name columns."""
    pack = ctx.pack
    start, text, where = passage
    in_impact = where == IMPACT
    for v in vs:
        claim = v.key in CLAIM_KEYS
        if claim and _bounded_nearby(text, v.start - start, v.end - start, lex):
            continue
        if _answered(text, v.start - start, lex):
            continue
        if claim and _loss_answered(text, v, v.start - start, lex):
            continue
        if _settled_in_block(text, v, v.start - start, lex):
            continue  # "Severity: Major outage"; "Most riders ... Of 3,020 riders, 2,870 did."
        if claim and given_below and _points_below(text[v.start - start : v.end - start], lex):
            continue  # "The depots hit, with the hours each was dark, are in the table below."
        row = _row_of(tables, start) if tables else None
        if row is not None:
            header, cells = row
            if header:
                # "| Parcels delayed |", "| High customer impact |" (a severity matrix): a
                # column's name, a category; its cells hold the amounts
                continue
            if claim and any(lex.quantity.states(c.value) for c in cells):
                continue  # "| Users affected | 14 of 2,310 |": the row gives the amount
            if _labels_a_measured_row(cells, start, lex):
                continue  # "| Long queues | 840 riders | median 25 min |"
        source = ctx.doc.text[start : start + len(text)]
        at = v.start - start
        if claim:
            v = _after_label(_closing_mark(v, text, at), text, source, at)
        phrase, noun, counted = (
            _as_written(w, text, source, at) for w in (v.phrase, v.noun, v.counted or v.noun)
        )
        yield (
            v,
            in_impact,
            claim and (v.owned or where == FAQ),
            pack.message(FAMILY, v.key, phrase=phrase, noun=noun, counted=counted),
            Severity.INFO if claim or not in_impact else None,
        )


def _loss_answered(text: str, v: VagueImpact, at: int, lex: Lexicon) -> bool:
    """Does the statement at ``at`` go on with a data-loss answer given before it in its
    block ("Data loss: none. Rejected quotes were never saved to the invoices", "No
    parcels went missing. Labels that failed to print were buffered and resent"): it
    tells what became of the stored or sent things (``data-fate-forms``), not of people,
    and the answer before it is its amount ("The outage affected timing only" after "No
    transfers were lost"). The answer may open the statement's own sentence, closed by a
    semicolon before what became of the things. Class 1 of fix helper imp39."""
    claim = re.sub(r"\s+", " ", text[at : at + (v.end - v.start)])  # a wrapped line
    fate = lex.data_fate.search(claim)
    if at < 0 or fate is None:
        return False
    semi = claim.find(";")
    if 0 < semi < fate.start() and any(p.search(claim[:semi]) for p in lex.data_loss):
        # "No alert text or rider data was lost; dropped alerts were simply not delivered":
        # the answer opens the sentence, and the clause after it tells no people's fate
        return not any(
            w in lex.people or _plural_of(w, lex.people)
            for w in re.findall(r"[a-z]+", claim[semi:].lower())
        )
    noun = (v.counted or v.noun).lower()
    if at == 0 or noun in lex.people or _plural_of(noun, lex.people):
        return False
    rest = claim[fate.end() :]
    if lex.inability.search(rest) or lex.out_of_service.search(rest):
        return False  # "Orders were saved correctly, but shoppers could not check out"
    before = text[:at]
    return any(p.search(before) for p in lex.data_loss)


def _settled_in_block(text: str, v: VagueImpact, at: int, lex: Lexicon) -> bool:
    """Is the finding ``v`` at ``at`` in ``text`` (one block) a rung of a scale
    (:func:`_scale_rung`), a vague count the next sentence gives in figures
    (:func:`_counted_next`), an impact statement whose things the next sentence counts
    (:func:`_named_and_counted_next`), or a grade of the harm the next sentence measures
    (:func:`_measured_next`)?"""
    return (
        _scale_rung(text, at, at + v.end - v.start, lex)
        or (v.key == COUNT_KEY and _counted_next(text, at, v.noun))
        or (v.key in CLAIM_KEYS and _named_and_counted_next(text, at))
        or (_graded(v.phrase, lex) and _measured_next(text, at, lex))
    )


def _graded(phrase: str, lex: Lexicon) -> bool:
    """Does the vague phrase grade the harm ("severe slowdown", "significantly slower":
    ``grade-words`` and their adverbs) rather than count or time it?"""
    for w in re.findall(r"[a-z]+", phrase.lower()):
        stem = w.removesuffix("ly")
        if {w, stem, stem + "le"} & lex.grades:
            return True
    return False


def _measured_next(text: str, at: int, lex: Lexicon) -> bool:
    """Does the sentence right after the one holding the graded word at ``at`` (same
    block) give the harm in figures ("The card readers suffered a severe slowdown. Each
    tap took 8 to 40 seconds, against under one second normally.")? The grade is the
    heading of the figures, as it is when the same sentence gives them. Only the next
    sentence, and only a duration, window or share in figures; "It was very bad for
    everyone." or "We paged 3 engineers." measures nothing."""
    spans = sentence_spans(text)
    i = next((n for n, (a, e) in enumerate(spans) if a <= at < e), None)
    if i is None or i + 1 >= len(spans):
        return False
    nxt = text[spans[i + 1][0] : spans[i + 1][1]]
    return lex.quantity.measures_grade(nxt)


def _counted_next(text: str, at: int, noun: str) -> bool:
    """Does the sentence right after the one holding the vague count at ``at`` (same
    block) count the same noun with a figure ("Most riders could still tap in. Of 3,020
    riders, 2,870 got through.", "... 412 riders were turned away")? The paragraph gives
    the number the vague word stands for. Only the next sentence, and only a figure right
    before the same noun (up to two words between: "3,020 season-ticket riders"); a count
    of something else, or a count further on, lends nothing. Class 5 of fix helper imp40."""
    word = noun.lower().strip()
    if not word.isalpha() or len(word) < 3:
        return False
    stem = word[:-1] if word.endswith("s") else word
    spans = sentence_spans(text)
    i = next((n for n, (a, e) in enumerate(spans) if a <= at < e), None)
    if i is None or i + 1 >= len(spans):
        return False
    nxt = text[spans[i + 1][0] : spans[i + 1][1]]
    figure = re.compile(
        rf"(?i)(?<![\w.,])\d[\d,]*(?:\.\d+)?\s+(?:[\w-]+\s+){{0,2}}?{re.escape(stem)}s?\b"
    )
    return figure.search(nxt) is not None


def _named_and_counted_next(text: str, at: int) -> bool:
    """Does the sentence right after the impact statement at ``at`` (same block) count with
    a figure a plural the statement names ("Exposed: order notes only. 31 notes were shown
    to the wrong shop.")? The statement names the harmed things, the next sentence gives
    their number (:func:`_counted_next`); a count of anything else lends nothing."""
    spans = sentence_spans(text)
    span = next(((a, e) for a, e in spans if a <= at < e), None)
    if span is None:
        return False
    words = re.findall(r"[A-Za-z]{4,}", text[span[0] : span[1]])
    plurals = {w for w in words if w[-1] in "sS" and not w.lower().endswith(("ss", "us", "is"))}
    return any(_counted_next(text, at, w) for w in plurals)


def _scale_rung(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Does the finding from ``at`` to ``end`` lie in a field whose whole value is a label
    of a scale (``scale-labels``, after a level code of ``scale-codes``: "Severity: Major
    outage", "Impact: P2 (High)", "Status: Degraded performance")? The field places the
    incident on a rung of its organisation's scale; it claims no impact of its own.
    Class 2 of fix helper imp40."""
    return any(m.start() <= at and end <= m.end() for m in lex.scale_field.finditer(text))


def _points_below(sentence: str, lex: Lexicon) -> bool:
    """Does ``sentence`` point at what follows it (``pointers-below``: "in the table
    below", "as follows", "are listed here"), or end with a colon?"""
    return sentence.rstrip().endswith(":") or lex.pointers_below.search(sentence) is not None


def _amounts_follow(doc: PostmortemDoc, part: Part, start: int, lex: Lexicon) -> bool:
    """Is the paragraph starting at ``start`` followed directly (its part's next block,
    nothing but white space between) by a table or a list whose rows or items state
    amounts, at least half of them (``Amounts.states``)? Such a table or list gives the
    numbers of the sentence that introduces it (blind round 32)."""
    blocks = part.blocks(doc)
    i = next((n for n, b in enumerate(blocks) if b.start == start), None)
    if i is None or i + 1 >= len(blocks) or blocks[i].kind != "paragraph":
        return False
    nxt, end = blocks[i + 1], blocks[i].end
    if nxt.kind == "table_cell":
        table = next((t for t in part.tables(doc) if t.start <= nxt.start < t.end), None)
        if table is None or doc.text[end : table.start].strip() or not table.rows:
            return False
        rows = [" ".join(c.value for c in row) for row in table.rows]
    elif nxt.kind == "list_item":
        if doc.text[end : nxt.item_start if nxt.item_start is not None else nxt.start].strip():
            return False
        rows = []
        for b in blocks[i + 1 :]:
            if b.kind != "list_item":
                break
            rows.append(b.text)
    else:
        return False
    return 2 * sum(lex.quantity.states(r) for r in rows) >= len(rows)


def _siblings_state_amounts(doc: PostmortemDoc, part: Part, start: int, lex: Lexicon) -> bool:
    """Is the block at ``start`` a list item whose fellow items (the items next to it in
    the same list, at its depth, nothing but white space between) state an amount
    (``Amounts.states``)? Such a list gives the window and the counts of the impact item by
    item, and an item that limits where it fell (``scope-limit``) owes none of its own."""
    blocks = part.blocks(doc)
    i = next((n for n, b in enumerate(blocks) if b.start == start), None)
    if i is None or blocks[i].kind != "list_item":
        return False
    item = blocks[i]
    for step in (-1, 1):
        prev, j = item, i + step
        while 0 <= j < len(blocks):
            b = blocks[j]
            if b.kind != "list_item" or b.list_depth != item.list_depth:
                break
            lo, hi = (b, prev) if step < 0 else (prev, b)
            if doc.text[lo.end : hi.item_start if hi.item_start is not None else hi.start].strip():
                break
            if lex.quantity.states(b.text):
                return True
            prev, j = b, j + step
    return False


#: a field's label opening a line ("  Regions:   only ...", masked from "**Regions:**")
_LABEL_OPENING = re.compile(r"[A-Za-z][\w ./&()-]{0,30}?\s*:\s+(?=\S)")


def _after_label(v: VagueImpact, text: str, source: str, at: int) -> VagueImpact:
    """A whole-sentence finding on a line whose label is set in emphasis ("**Zones:** the
    AP-North pool was down") starts at the value: the label names the field, not the
    claim, and a range from inside its markers would cut them. A label in plain text
    ("Apologies: ...") is the writer's sentence and stays in; so does the label of a list
    of what was affected ("Affected services: A, B"): the label is what it names."""
    if v.key == "unquantified-list":
        return v
    m = _LABEL_OPENING.match(text, at, at + v.end - v.start)
    if m is None or source[at : m.end()] == text[at : m.end()]:
        return v
    return replace(v, start=v.start + m.end() - at)


def _closing_mark(v: VagueImpact, text: str, at: int) -> VagueImpact:
    """A whole-sentence finding whose sentence ends inside a quotation ('... the banner read
    "back in a moment."'): the closing mark after the full stop belongs to no sentence
    (:func:`pm_lsp.nlp.sentences.sentence_spans`), so the range takes it in and covers the
    quotation whole, as it covers its opening mark."""
    e = at + v.end - v.start
    if e >= len(text) or text[e] not in '"”':
        return v
    said = text[at:e]
    if said.count('"') % 2 == 0 and said.count("“") <= said.count("”"):
        return v
    return replace(v, end=v.end + 1)


#: a run of the inline-code stand-in (:data:`pm_lsp.parse.masking.CODE_PLACEHOLDER`): a
#: code span is at least three characters with its backticks
_CODE_RUN = re.compile(re.escape(CODE_PLACEHOLDER) + "{3,}")


def _as_written(words: str, masked: str, source: str, at: int) -> str:
    """``words`` (read off the masked passage ``masked``) as the writer wrote them: each run
    of the inline-code stand-in is put back as the code it hides, without its backticks
    ("for how long was '/var/spool' affected", never "'xxxxxxxxxxxx'"). ``words`` is found
    in the passage at or after ``at`` (the finding's start), white space read loosely (a
    noun's words are joined by one space); a text with no stand-in is returned as is."""
    if _CODE_RUN.search(words) is None or masked == source:
        return words
    loose = re.compile(r"\s+".join(re.escape(w) for w in words.split()))
    m = loose.search(masked, at) or loose.search(masked)
    if m is None:
        return words
    runs = [
        source[r.start() : r.end()].strip("`").strip()
        for r in _CODE_RUN.finditer(masked)
        if r.start() < m.end() and m.start() < r.end()  # the whole span, if a token cut it
    ]
    got = iter(runs)
    return _CODE_RUN.sub(lambda r: next(got, r.group(0)), words)


def _quantified(ctx: RuleContext, memo: list[bool]) -> bool:
    """Does an Impact region of the document state an amount (:func:`has_quantity`), not
    counting the explicit zero of a data-loss clause ("No data was lost."; "No data was
    lost, but 90 of 800 tutors could not log in" keeps its figure)? Then
    an apology in it, or in the Summary ("Acme regrets the disruption this caused"),
    apologises for that impact and states none of its own. Asked only when an apology is
    found, and answered once per lint (``memo``: the answer, once known)."""
    if not memo:
        lex = lexicon(ctx.pack)
        blocks = [
            [
                " ".join(
                    s
                    for s in _CLAUSE_END.split(b.text)
                    if not any(p.search(s) for p in lex.data_loss)
                )
                for b in ctx.doc.blocks_between(s.start, s.end)
                if b.kind != "heading"
            ]
            for s, _ in impact_regions(ctx)
        ]
        memo.append(any(has_quantity(ctx, texts) for texts in blocks))
    return memo[0]


#: where one clause of a block ends and the next begins, roughly: enough to set a
#: data-loss clause ("No data was lost.", "no data was lost, but ...") apart from the
#: amounts beside it (a comma inside a number, "9,800", has no space after it)
_CLAUSE_END = re.compile(r"(?<=[.!?;,])\s+")


def _not_prose(b: Block, item: bool, decided: bool, lex: Lexicon) -> bool:
    """Is the block no prose that may state impact: not a paragraph, item or cell, an action
    item PM301 finds (``item``), a cell of a decision log (``decided``: "| Do not roll back |
    The release was unrelated |": options weighed), or a list item with an action item's
    field ("- Trial 2. Review whether ... Owner: Li Wei.")?"""
    if b.kind not in ("paragraph", "list_item", "table_cell") or item:
        return True
    if b.kind == "table_cell":
        return decided
    if b.kind != "list_item":
        return False
    got = lex.fielded.get(b.text)
    if got is None:
        got = lex.fielded.put(b.text, (lex.action_fields.search(b.text) is not None,))
    return got[0]


def _row_of(tables: Sequence[Table], start: int) -> tuple[bool, list[Cell]] | None:
    """The row of the table cell starting at ``start`` (a statement's passage), and
    whether it is the header row: a statement in one cell is quantified by the row it
    stands in ("| Users affected | 14 of 2,310 |"), as a sentence is by the one next to it.
    Only the rows of statements are read for amounts."""
    for t in tables:
        for row in (t.header, *t.rows):
            if any(c.start == start for c in row):
                return row is t.header, row
    return None


def _labels_a_measured_row(cells: Sequence[Cell], start: int, lex: Lexicon) -> bool:
    """Is the cell starting at ``start`` the first of its row (the row's label: "Long
    queues at the gates", "Many orders delayed") while another cell of the row states an
    amount ("840 riders", "median 25 min")? The row quantifies its label, as a sentence
    next to a statement does, so a vague word in the label owes nothing. A vague word in
    any other cell, or a label whose row gives no amount ("unknown", "Confirmed"), stays
    read. Class 1 of fix helper imp40."""
    return (
        len(cells) > 1
        and cells[0].start == start
        and any(lex.quantity.states(c.value) for c in cells[1:])
    )


def _section_paths(doc: PostmortemDoc, lex: Lexicon) -> dict[int, tuple[tuple[str, ...], bool]]:
    """What each section's place in the document says of its prose (by id, the text before
    any heading under ``id(None)``): its canonical path (its own canonical name and its
    ancestors'), and whether it is the lead; its title is in its part's text. A part's
    kind (:func:`_section_kind`) is worked out from these when the part is judged.

    A summary titled as a story (``story-headings``: "What happened") and told in two
    paragraphs or more is other prose when another section states the impact (an Impact
    section, or a summary under another title): it tells the incident's course, and the
    impact is stated there (class 4 of fix helper imp36). Alone, or in one paragraph, it
    stays the summary."""
    lead = _lead(doc)
    title = _title(doc)
    told = _story_summaries(doc, lex)
    paths: dict[int, tuple[str, ...]] = {id(None): ()}
    out: dict[int, tuple[tuple[str, ...], bool]] = {id(None): ((), lead is None)}
    for s in doc.sections:  # document order: a parent before its children
        path = paths.get(id(s.parent))
        if path is None:  # a parent outside the list (not built so; read as it stands)
            path = tuple(s.parent.canonical_path()) if s.parent is not None else ()
        if s.canonical and s.canonical not in lex.impact_sections:
            # "## Description" (a summary) over "### Root cause": the subsection is its own
            # kind of prose, and the summary above it states no impact there
            path = tuple(p for p in path if p not in lex.impact_sections)
        own = (*path, s.canonical) if s.canonical and id(s) not in told else path
        paths[id(s)] = () if s is title else own  # the title names no part of its sections
        out[id(s)] = (own, s is lead)
    return out


#: how many paragraphs make a summary titled as a story tell the story: a one-paragraph
#: "What happened" is the brief summary a template asks for
STORY_PARAGRAPHS = 2
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _paragraphs(text: str) -> int:
    return sum(1 for p in _BLANK_LINE.split(text) if p.strip())


def _story_summaries(doc: PostmortemDoc, lex: Lexicon) -> set[int]:
    """The ids of the summaries titled as a story that tell it in paragraphs
    (:func:`_section_paths`), when another section states the impact; else none."""
    story = {
        id(s)
        for s in doc.sections
        if s.canonical == "summary"
        and s.title.lower().strip(" :?.") in lex.story_headings
        and _paragraphs(doc.text[s.content.start : s.content.end]) >= STORY_PARAGRAPHS
    }
    stated = any(s.canonical in lex.impact_sections and id(s) not in story for s in doc.sections)
    return story if stated else set()


def _title(doc: PostmortemDoc) -> Section | None:
    """The document's title: its first heading, of level 1, with the other headings below
    it ("# What happened with logins on Friday night", then "## Timeline"). The title names
    the whole write-up; a section name in it ("what happened") is no section its parts
    stand in, so a timeline below it is not read as a summary. Its own text is read as
    its name says."""
    first = doc.sections[0] if doc.sections else None
    if first is None or first.level != 1 or any(s.level == 1 for s in doc.sections[1:]):
        return None
    return first if len(doc.sections) > 1 else None


def _section_kind(
    path: frozenset[str], title: str, lead: bool, lex: Lexicon, *, below_title: bool = True
) -> tuple[bool, bool, bool, str, bool]:
    """What a section's canonical path and title say of its prose: skipped (its part, a
    heading that tells what went well, one that lists what is still unknown:
    ``open-question-headings``, or a list of references: ``reference-headings``),
    where impact is stated (the lead, an Impact or Summary section, or a heading naming the
    impact in plain words: ``impact-headings``), a timed section, a narrative section
    (:data:`LESSONS` for lessons, :data:`NARRATIVE` for the others, "" for none), a section
    of background (``history-headings``)."""
    title = title.lower()
    impact = (
        lead
        or bool(path & lex.impact_sections)
        or (
            below_title  # a level-1 heading names the write-up ("# Impact report: ...")
            and lex.impact_headings.search(title) is not None
            and not path & (lex.narrative_sections | lex.timed_sections)
        )
    )
    analysed = (  # "Assessment", "Technical analysis": a narrative of the causes
        below_title and not impact and any(w in title for w in lex.analysis_headings)
    )
    return (
        bool(path & lex.skip_sections)
        or (any(w in title for w in lex.went_well) and not any(w in title for w in lex.lucky))
        or any(w in title for w in lex.open_questions)
        or title.strip(" :") in lex.reference_headings,
        impact,
        bool(path & lex.timed_sections),
        (LESSONS if path & lex.lesson_sections else NARRATIVE)
        if path & lex.narrative_sections or analysed
        else "",
        any(w in title for w in lex.history_headings),
    )


def _lead(doc: PostmortemDoc) -> Section | None:
    """The section whose text is the document's lead, read as its summary: the text before
    any heading (None), or under the title when the first heading is a level-1 title that
    names no known section."""
    first = doc.sections[0] if doc.sections else None
    if first is not None and first.level == 1 and first.canonical is None:
        return first
    return None


#: the message keys of an unquantified impact statement (the whole sentence)
CLAIM_KEYS = (
    "unquantified-claim",
    "unquantified-mass",
    "unquantified-outage",
    "unquantified-list",
    "unquantified-statement",
    "unknown-extent",
)


def _lent(text: str, at: int, lex: Lexicon) -> bool:
    """Does a sentence next to the one starting at ``at`` in ``text`` (one block) state the
    extent of an impact statement there (memoised per block text and offset: an edit
    elsewhere asks again for every statement of the document)?"""
    got = lex.lent.get((text, at))
    if got is None:
        lent = any(lex.quantity.lends(t, lex.unit_form) for t in _neighbours(text, at))
        got = lex.lent.put((text, at), (lent,))
    return got[0]


def _answered(text: str, at: int, lex: Lexicon) -> bool:
    """Does the finding at ``at`` in ``text`` (one block) stand in a view someone voiced
    (``opinion-verbs``: "Some drivers said the depot was to blame", "It has been suggested
    that ...") that the writer rejects after it, in the same sentence or in the next one
    (``rejection-forms``: "... That is not what happened.", "The board does not accept this
    characterisation.")? A view reported and answered states no impact, nor does the
    rejection itself. Read from the text only, and only for a sentence holding a verb of
    voicing or a rejection."""
    spans = sentence_spans(text)
    i = next((n for n, (a, e) in enumerate(spans) if a <= at < e), None)
    if i is None:
        return False
    a, e = spans[i]
    voiced = lex.opinion_form.search(text, a, e)
    if voiced is None:  # the rejection itself ("The council rejects that account."): no harm
        return (
            i > 0
            and lex.rejection.search(text, a, e) is not None
            and lex.opinion_form.search(text, *spans[i - 1]) is not None
        )
    if lex.rejection.search(text, voiced.end(), e):
        return True
    return i + 1 < len(spans) and lex.rejection.search(text, *spans[i + 1]) is not None


def _window_before(text: str, at: int, lex: Lexicon) -> bool:
    """Does the sentence at ``at`` open by pointing back at a window ("During this time",
    "In that window", ``window-anaphora``) that the text before it in its block states
    ("From 02:40 to 06:05 the portal was down. During this time ...")?"""
    return lex.window_anaphora.match(text[at:]) is not None and lex.quantity.times(text[:at])


def _bounded_nearby(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Does the text around the statement at ``at``..``end`` of one block bound it: a
    sentence next to it (:func:`_lent`), a window it points back at
    (:func:`_window_before`) or the times of day around it (:func:`_timed_around`)?"""
    return (
        _lent(text, at, lex) or _window_before(text, at, lex) or _timed_around(text, at, end, lex)
    )


#: a time of day ("14:00", "9:05")
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?![\d:])")


def _timed_around(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Does the statement at ``at``..``end`` open by pointing back at a moment
    (``onset-anaphora``: "From then on every refund failed") with a time of day before it in
    its block (its start: "At 14:00 the key expired.") and one after it (its end: "We
    rotated the key at 17:04.")? The paragraph times it; without both it still owes its
    window."""
    return (
        lex.onset_anaphora.match(text[at:]) is not None
        and _CLOCK.search(text, 0, at) is not None
        and _CLOCK.search(text, end) is not None
    )


def _decision_table(table: Table, lex: Lexicon) -> bool:
    """Does ``table`` record decisions: a column named by ``decision-columns`` ("Decision",
    "Rationale", "Options considered")? Its cells weigh options, they state no impact."""
    return any(
        w in lex.decision_columns
        for c in table.header
        for w in re.findall(r"[\w-]+", c.value.lower())
    )


def _neighbours(text: str, at: int) -> list[str]:
    """The sentences before and after the one starting at ``at`` in ``text`` (one block:
    the items of a list or a table are statements of their own, and lend nothing to each
    other)."""
    spans = sentence_spans(text)
    i = next((n for n, (a, e) in enumerate(spans) if a <= at < e), None)
    if i is None:
        return []
    return [text[a:e] for a, e in (spans[n] for n in (i - 1, i + 1) if 0 <= n < len(spans))]


#: where a sentence sits: where impact is stated, in a timeline's table, in a narrative of
#: the response or its causes (:data:`narrative-sections`), or in other prose
IMPACT, TIMED, NARRATIVE, PROSE = "impact", "timed", "narrative", "prose"
#: a narrative section that draws lessons (``lesson-sections``): read as a narrative, but a
#: timeless sentence there is a general lesson, not this incident (:func:`_timeless`)
LESSONS = "lessons"
NARRATED = (NARRATIVE, LESSONS)
#: prose under a heading of background (``history-headings``): judged as any prose, but
#: a sentence that tells the track record before the incident is none (:func:`_track_record`)
HISTORY = "history"
#: a section of questions and answers for the readers (``faq-headings``, or a heading that
#: asks a question): read as prose, but its statements restate the impact and stand only
#: when no Impact region is quantified (:func:`_kept`)
FAQ = "faq"


def impact_judgment(lex: Lexicon) -> Judgment[str, str, VagueImpact]:
    """PM401 as a sentence judgment (:mod:`pm_lsp.nlp.judge`) for one lexicon; the context
    of a sentence is whether it sits where impact is stated. No judgment reads named
    entities: what counts as an amount is read from the text
    (:mod:`pm_lsp.rules.impact.amounts`)."""

    def prefilter(text: str, where: str) -> bool:
        return may_be_vague(text, lex, where=where)

    def judge(parsed: Doc, where: str) -> tuple[VagueImpact, ...]:
        return _verdict(parsed, lex, where)

    return Judgment("impact", lex, prefilter, judge, _shifted)


def _shifted(v: VagueImpact, delta: int) -> VagueImpact:
    return VagueImpact(v.start + delta, v.end + delta, v.key, v.phrase, v.noun, v.counted, v.owned)


def _verdict(sent: Doc, lex: Lexicon, where: str) -> tuple[VagueImpact, ...]:
    """:func:`_found`, less, outside the sections where impact is stated, what lies inside a
    quoted clause that a verb of saying gives to someone other than the writers
    (:mod:`pm_lsp.nlp.reported`: 'a caller wrote "many of the lockers stayed shut"'):
    words recorded as said, not the writers' amount. Where impact is stated, a complaint
    quoted there stands as the statement of impact, and still owes its count."""
    got = _found(sent, lex, where)
    text = text_of(sent)
    if not got or where == IMPACT or ('"' not in text and "“" not in text):
        return got
    said = list(reported_quotes(text, sent, lex.reporting_verbs)) + _quoted_messages(text)
    return tuple(v for v in got if not any(a <= v.start and v.end <= b for a, b in said))


def _quoted_messages(text: str) -> list[tuple[int, int]]:
    """The spans of quoted messages in ``text`` (:func:`pm_lsp.nlp.reported.quoted_messages`).
    Outside the sections where impact is stated, a vague word inside is the wording of a
    notice the writers cite, often to criticise it, not their own amount; a scare-quoted
    term ('a "handful" of users') stays the writers'."""
    return [m.span() for m in quoted_messages(text)]


def _found(sent: Doc, lex: Lexicon, where: str) -> tuple[VagueImpact, ...]:
    """The vague quantities of one sentence and, when there is none, an unquantified impact
    statement (the whole sentence, naming its affected entity); offsets relative to it.
    Outside the sections where impact is stated, only a statement about what faces the
    users counts (:attr:`Claim.facing`)."""
    in_impact = where == IMPACT
    text = text_of(sent)
    toks = list(sent)
    if where == HISTORY and _track_record(toks, lex):
        return ()  # "The migration had been run many times before without trouble"
    numbered = lex.quantity.states(text)
    settled = where != TIMED and _CLOCK_OPENING.match(text) is None
    hits = _before_counterfactual(
        judge_sentence(
            sent, toks, text, lex, numbered=numbered, in_impact=in_impact, settled=settled
        ),
        text,
        lex,
    )
    if hits := _owed(hits, where, toks, lex):
        hits = _measured_degrees(
            _harm_amounts(hits, toks, text, lex, in_impact=in_impact), toks, lex
        )
    if hits or numbered or where == TIMED:
        return tuple(hits)
    if lex.same_window.search(text) or _figured(text, lex):
        return ()  # "for the same window": bounded where stated; "more than a blip": a figure
    if lex.unknown_extent.search(text):
        return (VagueImpact(0, len(text), "unknown-extent", "", "impact"),)
    if where in NARRATED and (lex.narrated_form.search(text) is None or _timeless(where, toks)):
        return ()  # a narrative's statement counts only about people or the service
    if not in_impact and (lex.apology.search(text) or lex.exasperation.search(text)):
        return ()  # an apology owns the impact; exasperation is tone (PM106's business)
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is not None and _root_tells_none(root, where, lex):
        return ()  # "A few duplicate pages are normal after a failover": no impact told
    claim = impact_claim(toks, text, lex) if not _unstated(toks, text, lex) else None
    if claim is None:
        return _label_line(text, toks, lex) if in_impact else ()
    if _claim_not_owed(claim, toks, text, lex, where):
        return ()
    phrase = _subject_phrase(sent, text, lex)
    if phrase is not None:  # "Lots of internal tooling was flaky": the phrase is vague
        (a, b), head, noun = phrase
        key = lex.kind_of(noun, head)
        name = counted(noun, plural=key == COUNT_KEY)
        got = VagueImpact(
            a, b, key, text[a : head.idx - toks[0].idx + len(head.text)], noun.text, name
        )
        return () if _mentioned(got, toks, text) or _no_amount_told(got, toks, lex) else (got,)
    counting = _counting_quantifier(toks, lex)
    if counting is not None:  # "Numerous datasets may contain corrupted rows"
        word, noun = counting
        a, b = word.idx - toks[0].idx, noun.idx - toks[0].idx + len(noun.text)
        got = VagueImpact(a, b, COUNT_KEY, word.text, noun.text, counted(noun))
        # a quantity in quoted words: a wording reported, not the writer's statement
        return () if _mentioned(got, toks, text) or _no_amount_told(got, toks, lex) else (got,)
    owned = in_impact and lex.apology_word.search(text) is not None and apologised_for(toks, lex)
    key = _claim_key(claim)
    return (VagueImpact(0, len(text), key, "", claim.noun, claim.counted, owned),)


def _claim_not_owed(
    claim: Claim, toks: Sequence[Token], text: str, lex: Lexicon, where: str
) -> bool:
    """Does an impact claim owe no amount where it stands: outside the Impact and Summary,
    about nothing users face, a step of the response (:func:`response_step`: "we took
    the booking site offline and put up a notice"), how a cause made a fault worse
    (:func:`turned_worse`) or what the writers had no way to know (:func:`seen_too_late`);
    in a narrative section, not about people or the service (:func:`_narrated`)?"""
    if where != IMPACT and (
        not claim.facing
        or response_step(toks, text, lex)
        or turned_worse(toks, text, lex)
        or seen_too_late(toks, text, lex)
    ):
        return True
    if _one_case_unharmed(toks, text, lex):
        return True
    return where in NARRATED and not _narrated(claim, toks, lex)


def _one_case_unharmed(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is the sentence one case told with its outcome: a person named once with "the" (a
    singular people noun) and told unharmed (``unharmed-outcomes``: "the dosing slip was
    caught at the next round and the resident came to no harm")? The case is one, its count
    stated; plural people ("the residents came to no harm") stay read."""
    return lex.unharmed_outcome.search(text) and any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.tag_ == "NN"
        and t.lemma_.lower() in lex.people
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        for t in toks
    )


def _denied_to_all(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence deny a harm to everyone, "nobody" or "no one" the subject of a
    passive ("Nobody was billed for a trip they could not begin", "No one was logged out of
    a session that had failed"), with every other sign of harm (a negation, "unable", an
    impact verb) inside a relative clause under that verb? Such a clause only says which
    thing the denied harm would have been about; the sentence tells that nothing happened
    to anyone. Harm in a clause of its own ("..., but riders could not unlock bikes")
    stays a statement."""
    for t in toks:
        no_one = t.lower_ in ("nobody", "noone") or (
            t.lower_ == "one" and any(c.lower_ == "no" for c in t.children)
        )
        if not no_one or t.dep_ != "nsubjpass":
            continue
        verb = t.head
        if any(c.dep_ == "neg" for c in verb.children):
            return False  # "nobody was not charged": a double negative, read as written
        inside = {d.i for x in verb.subtree if x.dep_ == "relcl" for d in x.subtree}
        signs = [
            x
            for x in toks
            if x.i != verb.i
            and (
                x.dep_ == "neg"
                or x.lower_ == "unable"
                or (x.pos_ == "VERB" and x.lemma_.lower() in lex.harm_verbs)
            )
        ]
        return all(x.i in inside for x in signs)
    return False


def _rejected_option(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence tell what an option the team did not take would have cost, a
    gerund the subject of a past modal ("but pausing the sync would have stranded the users
    whose sessions worked", "Disabling the cache would have slowed every shopper, so we
    kept it"), with every sign of harm inside that clause ("X wasn't the cause" is none)?
    Harm that did not happen;
    "Users trying to pay would have seen an error page" (people the subject) and harm told
    in another clause stay statements."""
    for t in toks:
        if t.dep_ != "csubj" or t.tag_ != "VBG":
            continue
        verb = t.head
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if not (aux & {"would", "could", "might"} and "have" in aux):
            continue
        inside = {d.i for d in verb.subtree}
        return all(
            x.i in inside
            for x in toks
            if (x.dep_ == "neg" and not _denies_a_name(x))
            or x.lower_ == "unable"
            or (x.pos_ == "VERB" and x.lemma_.lower() in lex.harm_verbs)
        )
    return False


#: the subjects that point back at an option named before ("..., which would have ...")
_OPTION_POINTERS = frozenset({"it", "which", "that", "this"})


def _option_cost(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the vague quantity ``hit`` size what an option not taken would have done to
    those it names, its object or whom it would have cost, under a past modal ("a full
    closure would have stranded many couriers", "we ruled out cash only, which would have
    turned away a lot of tourists")? The option is the subject: a thing with "a" or no
    article ("flat fares would have left many riders stuck"), or "it"/"which" pointing back,
    or any thing when the sentence names the choice (``option-words``: "rejected",
    "instead"). Harm that did not happen. People as the subject ("some riders would have
    been stuck") and "the outage would have left many riders stuck", no choice named, are
    read as told: writers use the modal for what probably happened too."""
    base = toks[0].idx
    noun = next((t for t in toks if t.idx - base + len(t.text) == hit.end), None)
    if noun is None or noun.dep_ not in ("dobj", "dative", "pobj"):
        return False
    verb = verb_above(noun)
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (aux & _PROJECTING and aux & {"have", "'ve", "’ve"}):
        return False
    if subj.lemma_.lower() in lex.people or subj.lower_ in lex.people or subj.pos_ == "PROPN":
        return False
    if any(t.lemma_.lower() in lex.option_words or t.lower_ in lex.option_words for t in toks):
        return subj.pos_ != "PRON" or subj.lower_ in _OPTION_POINTERS
    dets = [c.lower_ for c in subj.children if c.dep_ in ("det", "poss")]
    return subj.pos_ in ("NOUN", "VERB") and all(d in ("a", "an") for d in dets)


def _denies_a_name(neg: Token) -> bool:
    """Does ``neg`` deny what something is ("the queue wasn't the cause": "be" with a noun
    after it), not what it did or could do?"""
    return neg.head.lemma_ == "be" and any(c.dep_ == "attr" for c in neg.head.children)


def _before_counterfactual(hits: list[VagueImpact], text: str, lex: Lexicon) -> list[VagueImpact]:
    """The vague quantities of a sentence that stand before a past counterfactual in it
    (``counterfactual-forms``: "If the key had lapsed too, some drivers would have been
    locked out"): what follows the condition is harm that did not happen, and a vague word
    there measures nothing that happened (class 3 of fix helper imp36). "Many riders
    waited, and had we paged sooner it would have been shorter" keeps "Many riders"."""
    if not hits:
        return hits
    m = lex.counterfactual.search(text)
    if m is not None:
        hits = [h for h in hits if h.start < m.start()]
    for m in lex.counterfactual_outcome.finditer(text):
        a, e = _clause_around(text, m.start(), m.end())
        hits = [h for h in hits if not (a <= h.start and h.end <= e)]
    return hits


#: where a clause of a sentence ends: a semicolon or a comma before a conjunction
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|so|yet|though|although)\b")


def _clause_around(text: str, a: int, e: int) -> tuple[int, int]:
    """The clause of ``text`` holding ``a`` to ``e`` (:data:`_CLAUSE_BREAK`), in its
    sentence: the outcome of a condition told after it ("Far more riders could have been
    stranded had the depot closed, and some riders waited anyway": up to ", and")."""
    spans = sentence_spans(text)
    s0, s1 = next(((x, y) for x, y in spans if x <= a < y), (0, len(text)))
    breaks = [m for m in _CLAUSE_BREAK.finditer(text, s0, s1)]
    start = max((m.end() for m in breaks if m.end() <= a), default=s0)
    end = min((m.start() for m in breaks if m.start() >= e), default=s1)
    return start, end


def _measured_degrees(
    hits: list[VagueImpact], toks: Sequence[Token], lex: Lexicon
) -> list[VagueImpact]:
    """The degree findings of a sentence ("rose sharply", "to some degree") keyed by what
    the sentence measures (``degree-measures``: a temperature, a latency, a time, a count),
    so that the message's example fits it ("from 4 °C to 11 °C" for a freezer, never a p99);
    a sentence that names no measure gets the message without an example."""
    if not any(h.key == "vague-degree" for h in hits):
        return hits
    words = {w for t in toks for w in (t.lower_, t.lemma_.lower())}
    kind = next((k for k, measures in lex.degree_measures if words & measures), None)
    if kind is None:
        return hits
    return [replace(h, key=f"vague-degree-{kind}") if h.key == "vague-degree" else h for h in hits]


def _track_record(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does a sentence of a background section tell the track record before the incident:
    its main verb in the perfect ("The migration had been run many times", "the job has
    run nightly for years") or marked as earlier or long-standing (``history-marks``:
    "many times before", "over the years")? That is process history, not this incident's impact;
    "On Monday the locator had a brief outage" in the same section stays."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in root.children):
        return True
    return any(
        t.lower_ in lex.history_marks
        and t.dep_ in ("advmod", "npadvmod", "pobj")
        and root in (t.head, t.head.head)
        for t in toks
    )  # "over the years", "was historically slow": a mark on the main verb or near it,
    # not a preposition ("before the fix, users could not pay" tells the incident)


def _owed(
    hits: list[VagueImpact], where: str, toks: Sequence[Token], lex: Lexicon
) -> list[VagueImpact]:
    """The vague quantities of a sentence that owe an amount of harm: less, outside the
    sections where impact is stated, what times or counts the response
    (:func:`_response_time`), what a lesson counts of no one affected
    (:func:`_uncounted_lesson`), what the writers' own work took (:func:`_effort_taken`)
    or what they had on their hands (:func:`_work_on_hand`),
    what an option not taken would have done (:func:`_option_cost`), how long the writers
    weighed a question (:func:`_deliberation_time`), and a count its
    sentence says is unknown (``unknown-extent``)."""
    if where != IMPACT:
        hits = [
            h
            for h in hits
            if not _response_time(h, toks, lex)
            and not _settling_time(h, toks, lex)
            and not _system_event_time(h, toks, lex)
            and not _effort_taken(h, toks, lex, lessons=where == LESSONS)
            and not _work_on_hand(h, toks, lex)
        ]
    hits = [
        h
        for h in hits
        if not _in_cause_told(h, toks, lex)
        and not _inside_forms(h, toks, lex.turnout)  # "players turned up in huge numbers"
        and not _option_cost(h, toks, lex)  # "a full closure would have stranded many"
        and not _deliberation_time(h, toks, lex)  # "we argued about it for a while"
    ]
    if hits and lex.unknown_extent.search(text_of(toks[0].doc)):
        # "A few riders likely walked off; we can't count them": the count is stated as
        # unknown, and the sentence is read as that statement, bounded by its neighbours
        hits = [h for h in hits if h.key != COUNT_KEY]
    return _uncounted_lesson(hits, where, toks, lex)


def _in_cause_told(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the count ``hit`` of things, not people, inside what a statement of the cause
    says the cause was ("The root cause was a lease scheme in which one worker could sit
    on a batch and touch few of the jobs in it": the complement of "be" under one of
    ``cause-subjects``)? It tells how the fault worked; "the
    cause was a push that locked most customers out" still counts people."""
    if hit.key != COUNT_KEY:
        return False
    base = toks[0].idx
    noun = next((t for t in toks if t.idx - base + len(t.text) == hit.end), None)
    if noun is None or {noun.lemma_.lower(), noun.lower_} & lex.people or noun.lower_ == "you":
        return False
    for t in toks:
        if t.dep_ != "attr" or t.head.lemma_.lower() != "be":
            continue
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        end = t.right_edge.idx - base + len(t.right_edge.text)
        if (
            subj is not None
            and subj.lemma_.lower() in lex.cause_subjects
            and t.left_edge.idx - base <= hit.start
            and hit.end <= end
        ):
            return True
    return False


def _uncounted_lesson(
    hits: list[VagueImpact], where: str, toks: Sequence[Token], lex: Lexicon
) -> list[VagueImpact]:
    """The vague quantities of a sentence, less its counts when it is a general lesson
    (:func:`_timeless`: "a fleet-wide mean hides faults concentrated in a few machines"):
    whom such a lesson may reach owes no count; its grades and durations are still read
    ("reverting can cause significant downtime"). In a lessons section, a count of the
    writers' own things (:func:`_own_things`) is dropped too, whatever the tense."""
    if where != LESSONS:
        return hits
    if _timeless(where, toks):
        return [h for h in hits if h.key != COUNT_KEY]
    return [h for h in hits if h.key != COUNT_KEY or not _own_things(h, toks, lex)]


def _response_time(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Outside the sections where impact is stated, does ``hit`` measure the response, not
    the harm (class 5 of fix helper imp38): a vague duration said of the alerting or of a
    responder ("several alarms went off within a few minutes", "the on-call engineer
    answered after a while"), or a vague count of pages sent to responders (``paging-nouns``
    beside a verb of ``paging-verbs`` or a responder: "many pages went out to the on-call
    engineer")? "We", "us" and "they" are no such subject: "we were down for a while" is
    the service."""
    base = toks[0].idx
    word = next((t for t in toks if t.idx - base == hit.start), None)
    if word is None:
        return False
    if hit.key == COUNT_KEY:
        noun = next((t for t in toks if t.idx - base + len(t.text) == hit.end), None)
        return (
            noun is not None
            and noun.lemma_.lower() in lex.paging_nouns
            and (
                noun.head.lemma_.lower() in lex.paging_verbs
                or any(t.lower_ in lex.paged_people for t in toks)
            )
        )
    if not hit.key.startswith("vague-duration"):
        return False
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _alert_threshold(word, lex) or (
        subj is not None
        and subj.lower_ not in ("we", "us", "they", "it", "our", "team")
        and (
            subj.lemma_.lower() in lex.detection_nouns
            or subj.lower_ in lex.paged_people
            or (subj.lower_ != "i" and is_responder_or_alerting(subj, lex))  # "she answered
            # within a minute or two"; "I spent ages in the console" is the writer's own toil
        )
    )


def _effort_taken(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon, *, lessons: bool) -> bool:
    """Is the vague duration ``hit`` what a piece of the writers' own work took, "take"
    with the responders as whom it took ("pulling the audit trail took us a long time",
    "reconciling by hand took the team several evenings"), or, in a lessons section (what
    went well or poorly), with a task as its subject: a gerund ("building the list took
    most of an afternoon") or "which" after a sentence the writers are the subject of ("we
    had to query raw logs, which took most of a day")? The effort of the response, not how
    long anyone was harmed; "paying took most shoppers several tries" names no responder,
    "loading the page took a long time" outside a lessons section stays, and so does the
    time it took to find the fault (``investigation-verbs``: "hunting for the bad route took
    us half the night"), which bounds how long the harm went on."""
    if not (hit.key.startswith("vague-duration") or hit.noun.lower() in lex.time):
        return False
    word = next((t for t in toks if t.idx - toks[0].idx == hit.start), None)
    verb = verb_above(word) if word is not None else None
    if verb is None or verb.lemma_.lower() != "take":
        return False
    kids = list(verb.children)
    if any(
        t.lemma_.lower() in lex.investigation_verbs and t.pos_ == "VERB"
        for t in verb.subtree
        if t.i != verb.i
    ):
        return False  # "hunting for the fault took us ages": how long the harm stayed
    if any(c.dep_ == "dative" and _one_of_us(c, lex) for c in kids):
        return True
    if not lessons:
        return False
    if any(c.dep_ == "csubj" and c.tag_ == "VBG" for c in kids):
        return True
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    return (
        verb.dep_ in ("relcl", "advcl")  # the small model hangs "which" either way
        and any(c.dep_ == "nsubj" and c.lower_ == "which" for c in kids)
        and root is not None
        and any(c.dep_ == "nsubj" and _one_of_us(c, lex) for c in root.children)
    )


def _system_event_time(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Outside the sections where impact is stated, does the vague duration or comparison
    ``hit`` time a step the system itself took (``system-event-nouns``: "the leader election
    took a while", "two versions of the chain tip existed for a few minutes until the peers
    agreed", "the rollback took much longer than usual because its script waits for
    sessions to drain"), its verb telling no effect? How the machinery behaved, not how
    long anyone was harmed. "It" stands for such a step when the sentence names one and
    nothing users face. "The outage lasted a few minutes", "checkout was unavailable for a
    while" and "the app took longer than usual to load" stay read."""
    if not (hit.key.startswith("vague-duration") or hit.key == "vague-comparison"):
        return False
    base = toks[0].idx
    word = next((t for t in toks if t.idx - base <= hit.start < t.idx - base + len(t.text)), None)
    if word is None:
        return False
    verb = verb_above(word)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(
        c.dep_ in ("neg", "xcomp", "acomp", "conj")
        or (c.dep_ == "dobj" and not hit.start <= c.idx - base < hit.end)
        for c in verb.children
    ):
        return False  # "took longer than usual to load", "locked the table for hours", "ran
        # for hours and blocked writes"
    if _effect_verb(verb, lex) or any({t.lemma_.lower(), t.lower_} & lex.people for t in toks):
        return False  # "the failover took a while, so riders waited": people told
    if subj.lower_ == "it":
        return _step_in_reason(verb, lex)
    return subj.lemma_.lower() in lex.system_events


#: the marks of a clause of reason
_REASON_MARKS = frozenset({"because", "as", "since"})


def _step_in_reason(verb: Token, lex: Lexicon) -> bool:
    """Does "it took a while" have a clause of reason naming a step of the system ("it took
    much longer than usual because each rollback step waits for open sockets to close"),
    and no clause telling what took the time ("it took hours before the fix landed": the
    harm's own end)?"""
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    if any(
        g.dep_ == "aux" and g.lower_ == "to" for c in clauses for g in c.children
    ):  # "it took hours for the volumes to be freed"
        return False
    return any(
        any(g.dep_ == "mark" and g.lower_ in _REASON_MARKS for g in c.children)
        and any(t.lemma_.lower() in lex.system_events for t in c.subtree)
        for c in clauses
    )


def _work_on_hand(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the vague amount ``hit`` the responders' load told as the circumstance they worked
    in ("with a pile of tickets, a broken caption looks like a player bug", "buried under a
    heap of pages, we read the wrong dashboard")? Its noun is one of ``work-queue-nouns``,
    its phrase the object of one of ``circumstance-preps``, and that preposition hangs from
    a clause through prepositions only, not from a thing ("a queue with a pile of tickets").
    "Customers sent a pile of tickets" (the tickets sent) is still read."""
    base = toks[0].idx
    noun = next((t for t in toks if t.idx - base + len(t.text) == hit.end), None)
    if noun is None or noun.lemma_.lower() not in lex.work_queue_nouns:
        return False
    head = noun
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
        head = head.head.head  # "a pile of tickets": the pile
    if head.dep_ != "pobj" or head.head.lower_ not in lex.circumstance_preps:
        return False
    up = head.head
    while up.dep_ in ("prep", "pobj") and up.head.i != up.i:
        up = up.head  # "at midnight with a pile of ...": through "midnight" and "at"
    return up.pos_ in ("VERB", "AUX")


def _deliberation_time(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the vague duration ``hit`` how long the writers weighed a question among
    themselves ("we argued about raising the severity for a while", "the bridge debated a
    rollback for some time", "we went back and forth on it for ages")? A verb of
    ``deliberation-time-verbs`` ("go" only with "back and forth") whose subject is the writers,
    their responders or a meeting of them (``deliberating-groups``): the time of their own
    talk, no one's harm. "Customers argued with the agents for a while" is still read."""
    if not (hit.key.startswith("vague-duration") or hit.noun.lower() in lex.time):
        return False
    word = next((t for t in toks if t.idx - toks[0].idx == hit.start), None)
    verb = _deliberating_verb(word, lex) if word is not None else None
    if verb is None:
        return False
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        _one_of_us(subj, lex) or bool({subj.lemma_.lower(), subj.lower_} & lex.deliberating_groups)
    )


def _deliberating_verb(word: Token, lex: Lexicon) -> Token | None:
    """The verb of weighing ``word`` hangs from, climbing through clauses without a subject
    of their own (the small model hangs "for a while" in "we argued about whether to roll
    back for a while" on "roll"); a clause with its own subject ("we discussed how customers
    waited for a while") stops the climb: the duration is that clause's."""
    for anc in word.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        low = anc.lemma_.lower()
        if low in lex.deliberation_time_verbs and (
            low != "go" or any(t.lower_ == "forth" for t in anc.subtree)
        ):  # "the site went down for a while": only "back and forth" weighs
            return anc
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in anc.children):
            return None
    return None


def _one_of_us(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` the writers or their responders ("us", "me", "we", "the team")?"""
    return noun.lower_ in ("us", "me", "we", "i") or is_responder_or_alerting(noun, lex)


def _settling_time(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the vague duration ``hit`` time a machine's own settling (``settling-time-forms``:
    an alerting signal slow to cross its line, devices re-linking by themselves after the
    fix)? It tells how the detection or the recovery behaved, not how long anyone was
    harmed; outside the sections where impact is stated only. A vague count of time
    ("a minute or so") is such a duration too."""
    if not (hit.key.startswith("vague-duration") or hit.noun.lower() in lex.time):
        return False
    return _inside_forms(hit, toks, lex.settling_time)


def _inside_forms(
    hit: VagueImpact, toks: Sequence[Token], forms: Sequence[re.Pattern[str]]
) -> bool:
    """Does a match of one of ``forms`` in the sentence hold the whole of ``hit``?"""
    text = text_of(toks[0].doc)
    return any(
        m.start() <= hit.start and hit.end <= m.end() for p in forms for m in p.finditer(text)
    )


def _alert_threshold(word: Token, lex: Lexicon) -> bool:
    """Is the vague duration ``word`` inside the condition of an alerting rule (a clause of
    ``threshold-marks`` under a verb of ``alerting-verbs``: "the monitor raises nothing when
    a route has been down for more than a few minutes", "nothing pages if the queue stays
    stuck for a while")? It tells the rule's threshold, or the lack of one, not how long
    anyone was harmed."""
    return any(
        a.dep_ == "advcl"
        and a.head.lemma_.lower() in lex.alerting_verbs
        and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in lex.threshold_marks for c in a.children
        )
        for a in word.ancestors
    )


def _own_things(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the count ``hit`` count the writers' own things, not people, as "Q of our
    <noun>" (``own-possessives``: "some of our nightly jobs assumed the clock only moves
    forward", "many of our services retried without jitter")? A lesson telling how our
    systems or practice work names the mechanism, not whom the incident reached (class 1
    of fix helper imp38); "many of our customers could not pay" still counts people."""
    base = toks[0].idx
    noun = next((t for t in toks if t.idx - base + len(t.text) == hit.end), None)
    if noun is None or noun.lemma_.lower() in lex.people or noun.lower_ in lex.people:
        return False
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and any(c.dep_ == "poss" and c.lower_ in lex.own_possessives for c in noun.children)
    )


def _timeless(where: str, toks: Sequence[Token]) -> bool:
    """Is the sentence, in a lessons section, told out of time: a verb in the present or
    under a modal of the present, none in the past tense ("could", "would" included) and
    no perfect ("A canary stage only helps when its alarms are split the way the failures
    fall", "Small settings nobody looks at can take everything down")? That is
    a general lesson, and states no impact; "the outage hurt sales" and "this has cost us
    customers" tell the incident. Its vague words are still judged ("reverting can cause
    significant downtime")."""
    if where != LESSONS:
        return False
    present = False
    for t in toks:
        if t.lower_ in ("could", "would"):
            return False
        if t.dep_ == "aux" and t.lemma_.lower() == "have":
            return False
        if t.tag_ == "VBD" and not (t.i > 0 and t.doc[t.i - 1].tag_ in ("DT", "PRP$")):
            return False  # "a staged rollout": a participle after a determiner, misread
        present = present or t.tag_ in ("VBZ", "VBP", "MD")
    return present


def _unweighed(hits: list[VagueImpact], toks: Sequence[Token], lex: Lexicon) -> list[VagueImpact]:
    """The vague quantities outside a clause that weighs one course against another
    (:func:`weighing_clauses`: "Missing a few hours of rewards costs far less than being
    slashed"): what such a clause sizes is a hypothetical argued for a decision."""
    base = toks[0].idx
    spans = [
        (v.left_edge.idx - base, v.right_edge.idx - base + len(v.right_edge.text))
        for v in weighing_clauses(toks, lex)
    ]
    return [h for h in hits if not any(a <= h.start and h.end <= b for a, b in spans)]


def _aside(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the vague quantity an aside, not an amount of harm: the readers' habit in a
    sentence told all in the present ("many of you renew your loans at the weekend"), or
    what the writers show in the report ("I am quoting a few emails", ``showing-verbs``)?"""
    word = next((t for t in toks if t.idx - toks[0].idx == hit.start), None)
    if word is None:
        return False
    phrase = word
    while phrase.dep_ in ("det", "amod", "nummod", "quantmod", "advmod", "npadvmod"):
        phrase = phrase.head
    verb = phrase.head
    if phrase.dep_ == "nsubj" and any(
        c.lower_ == "of" and any(p.lower_ in ("you", "us") for p in c.children)
        for c in phrase.children
    ):  # "many of you plan …": only a habit, told in the present with nothing past in its
        # clause (a clause joined to it tells its own: "..., and 1,240 sessions failed")
        joined = {t.i for c in verb.children if c.dep_ in ("conj", "parataxis") for t in c.subtree}
        return (
            verb.tag_ in ("VBP", "VBZ")
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)
            and not any(t.tag_ in ("VBD", "MD") for t in verb.subtree if t.i not in joined)
        )
    if _helpers(phrase, verb, lex):
        return True
    if phrase.dep_ != "dobj" or verb.lemma_.lower() not in lex.showing_verbs:
        return False
    return verb.tag_ != "VBD" and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children
    )


def _harm_amounts(
    hits: list[VagueImpact], toks: Sequence[Token], text: str, lex: Lexicon, *, in_impact: bool
) -> list[VagueImpact]:
    """The vague quantities that are amounts of harm: outside the sections where impact is
    stated, none of a noun told only there (``impact-only``); not in a weighing clause, no
    aside (:func:`_aside`), no words mentioned in quotation marks (:func:`_mentioned`)."""
    if not in_impact:
        only = lex.impact_only
        hits = [h for h in hits if h.noun.lower() not in only and not _plural_of(h.noun, only)]
    return [
        h
        for h in _unweighed(hits, toks, lex)
        if not _aside(h, toks, lex)
        and not _mentioned(h, toks, text)
        and not _no_amount_told(h, toks, lex)
    ]


_PHRASE_DEPS = ("det", "amod", "nummod", "quantmod", "advmod", "npadvmod")


def _no_amount_told(hit: VagueImpact, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the vague word size no harm: a count of processes (:func:`named_process`), a
    share of a cause or a motive ("a big part of why
    the page was late", "partly for the auditors", :func:`_causal_share`), what is normal in
    general ("Waits of a few seconds are normal while ...", :func:`_normal_told`), or what a
    system can do ("The broker copes with many producers", :func:`_capability_told`)?"""
    word = next((t for t in toks if t.idx - toks[0].idx == hit.start), None)
    if word is None:
        return False
    if word.lower_ in lex.extent_adverbs:  # "partly for the auditors, partly for us"
        after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
        return after is not None and after.lower_ in lex.motive_marks
    words = [t for t in toks if not t.is_space]
    if len(words) > 2 and words[-1].text == "?" and words[-2].lower_ in lex.normal_states:
        return True  # "Is a wait of a few minutes normal?": a reader's question
    phrase = word
    while phrase.dep_ in _PHRASE_DEPS and phrase.head is not phrase:
        phrase = phrase.head
    return (
        named_process(phrase, lex)  # "several Kafka consumers fell behind": processes
        or _grade_denied(word, phrase, lex)  # "no rider came to serious harm"
        or _asked_in_quotes(phrase, lex)  # 'Several riders asked, "Is my pass valid?"'
        or _causal_share(phrase, lex)
        or _normal_told(phrase, lex)
        or _capability_told(phrase, lex)
        or _attributed_share(phrase, lex)
        or _too_slight_to_alarm(word, lex)
    )


def _attributed_share(phrase: Token, lex: Lexicon) -> bool:
    """Is ``phrase`` a share of a delay (its "of" on one of ``delay-nouns``) put down to a
    cause: the object of one of ``attributing-verbs``, after "for" under it, or its subject
    with "from" ("the poll cadence accounts for most of the lag", "much of the wait came from the
    batch window")? It explains the delay measured elsewhere; "most of the delay fell on
    riders" stays."""
    of = next((c for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.lemma_.lower() not in lex.delay_nouns:
        return False
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "for":
        return phrase.head.head.lemma_.lower() in lex.attributing_verbs
    verb = phrase.head
    if verb.lemma_.lower() not in lex.attributing_verbs:
        return False
    return phrase.dep_ == "dobj" or (
        phrase.dep_ == "nsubj"
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    )


def _too_slight_to_alarm(word: Token, lex: Lexicon) -> bool:
    """Is the grade ``word`` after "too", with an infinitive in its clause that names an
    alarm or what it watches (``detection-nouns``, ``alarm-measures``: "too small a share
    to shift the fleet-wide rate", "too few to trip the page")? It tells why the alarm
    stayed quiet; "too few drivers came in to cover the rush" stays."""
    if not any(c.dep_ == "advmod" and c.lower_ == "too" for c in word.children):
        return False
    watched = lex.detection_nouns | lex.alarm_measures
    return any(
        t.dep_ == "aux"
        and t.lower_ == "to"
        and any(x.lemma_.lower() in watched for x in t.head.subtree)
        for t in verb_above(word).subtree
    )


#: a question quoted whole: its words in quotation marks, ending with a question mark (the
#: closing mark may fall to the next sentence)
_QUOTED_QUESTION = re.compile(r'["“][^"”]*\?\s*(?:["”]|$)')


def _asked_in_quotes(phrase: Token, lex: Lexicon) -> bool:
    """Is ``phrase`` the subject of a verb of asking (``question-verbs``) whose question is
    quoted after it ('Several riders asked the desk, "Is my pass still valid?"')? It counts
    who put the question, to bring in what the write-up answers; the harm, if any, is told
    elsewhere. "Several riders complained that they were charged twice" tells harm."""
    verb = phrase.head
    if phrase.dep_ != "nsubj" or verb.lemma_.lower() not in lex.question_verbs:
        return False
    return _QUOTED_QUESTION.search(verb.doc[verb.i : verb.right_edge.i + 1].text) is not None


def _denies(t: Token) -> bool:
    """Is ``t`` negated ("did not") or determined by "no" ("no sign", "no rider")?"""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children)


def _grade_denied(word: Token, noun: Token, lex: Lexicon) -> bool:
    """Is the grade word ``word`` (``grade-words``: "severe", "serious") on ``noun`` inside
    a denial of that harm: the noun under "no" ("no significant harm"), its clause negated
    ("did not come to serious harm"), its clause's subject counted as none ("no tenant
    suffered serious loss", "nobody came to lasting harm"), or a subject under "any" with
    a denial above it ("we found no sign that any tenant suffered serious loss")? A grade
    of harm said not to have happened sizes nothing; "several tenants suffered serious
    loss" is graded harm and stays read, and so is a graded subject of a denied verb ("a
    significant share of tenants did not get their mail")."""
    if word.lower_ not in lex.grades:
        return False
    if _denies(noun):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return False  # "significant numbers of users did not get the mail": harm told
    verb = verb_above(noun)
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in ("nobody", "none", "nothing") or _denies(subj):
            return True
        if any(c.dep_ == "det" and c.lower_ == "any" for c in subj.children):
            return any(_denies(a) for a in verb.ancestors)
    return False


def _causal_share(phrase: Token, lex: Lexicon) -> bool:
    """Is ``phrase`` an amount noun whose "of" takes a clause opened by "why" or "how", or
    a noun of reason ("a big part of why we were late", "a large share of the reason")?"""
    if not lex.is_amount(phrase):
        return False
    for prep in phrase.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        words = [t for t in prep.subtree if t.i > prep.i][:2]
        if any(t.lower_ in lex.reason_nouns for t in words):
            return True
    return False


def _label_line(text: str, toks: Sequence[Token], lex: Lexicon) -> tuple[VagueImpact, ...]:
    """A labelled line of the Impact section that states no claim: a label of counted things
    whose whole value is a vague amount ("Refund claims: plenty.", ``vague-label-values``),
    or a list of what was affected ("Affected services: A, B", ``impact-label``), unless
    its value tells that a party was told (:func:`_told_party`)."""
    vague = lex.vague_label.match(text)
    if vague is not None:
        a, b = vague.span(2)
        label = vague.group(1)
        return (VagueImpact(a, b, COUNT_KEY, vague.group(2), label, label.lower()),)
    found = lex.impact_label.match(text)
    if found is None or _told_party(toks, toks[0].idx + found.end(), lex):
        return ()
    return (VagueImpact(0, len(text), "unquantified-list", "", found.group(1).strip()),)


def _told_party(toks: Sequence[Token], after: int, lex: Lexicon) -> bool:
    """Is the value after a label (from offset ``after``) a clause that tells a party was
    told (``communication-verbs``: "Partner impact: the landlord was briefed at 09:40",
    "Regulator impact: we notified the authority the same day")? That records the
    telling; no one was counted as affected, and there is nothing to count."""
    return any(
        t.idx >= after
        and t.pos_ in ("VERB", "AUX")
        and t.lemma_.lower() in lex.communication_verbs
        and t.dep_ not in ("relcl", "acl", "amod", "compound")
        and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in t.children)
        for t in toks
    )


def _one_witness(root: Token, where: str, lex: Lexicon) -> bool:
    """Is the sentence, outside the Impact and Summary, one named person seeing the failure
    (``witness-verbs``: "Marta Lind, a postdoc, saw her batch jobs die at 02:10 and wrote in
    the support chat")? How it came to light, one person at a time: detection, not an
    impact claim. Two people joined as the subject, or a clause of its own subject joined
    to the verb ("... and the whole cluster went down"), stay read."""
    if where == IMPACT or root.lemma_.lower() not in lex.witness_verbs:
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ != "NNP" or any(c.dep_ == "conj" for c in subj.children):
        return False
    return not any(
        c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in root.children
    )


def _root_tells_none(root: Token, where: str, lex: Lexicon) -> bool:
    return _normal_told(root, lex) or _one_witness(root, where, lex) or _staff_perceiving(root, lex)


def _staff_perceiving(root: Token, lex: Lexicon) -> bool:
    """Is the sentence the responders or operators not telling the failure apart or not
    seeing it ("the night technicians could not tell genuine faults from sensor chatter",
    "the controllers did not spot the drift"): how the incident looked to those handling it
    (``telling-apart-verbs``, ``witness-verbs`` denied, said of ``responder-roles``), not
    harm to those it reached? Class 1 of fix helper imp39."""
    lem = root.lemma_.lower()
    if lem not in lex.telling_apart_verbs and lem not in lex.witness_verbs:
        return False
    if not any(c.dep_ == "neg" for c in root.children):
        return False
    return any(
        c.dep_ == "nsubj"
        and (c.lemma_.lower() in lex.responder_roles or c.lemma_.lower() in lex.staff_roles)
        for c in root.children
    )


def _normal_told(phrase: Token, lex: Lexicon) -> bool:
    """Is the clause that holds ``phrase`` the sentence's main one, a present "be" with a
    word of normal behaviour ("Waits of a few seconds are normal", "A few retries are
    expected on failover"), not denied, and reached from ``phrase`` through no clause
    joined to it ("..., but most customers waited all day" stays)?"""
    t = phrase
    while t.dep_ != "ROOT" and t.head is not t:
        if t.dep_ in ("conj", "parataxis"):
            return False
        t = t.head
    if t.tag_ not in ("VBZ", "VBP", "VBN", "JJ") or any(c.dep_ == "neg" for c in t.children):
        return False
    if t.lemma_.lower() == "be":  # "... are normal", "... are normal retry behaviour"
        return any(
            (c.dep_ == "acomp" and c.lower_ in lex.normal_states)
            or (
                c.dep_ == "attr"
                and any(a.dep_ == "amod" and a.lower_ in lex.normal_states for a in c.children)
            )
            for c in t.children
        )
    return (
        t.lower_ in lex.normal_states
        and any(c.dep_ in ("auxpass", "cop") and c.tag_ in ("VBZ", "VBP") for c in t.children)
        and not any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
    )  # "Revenue loss is expected to be small": a forecast of this incident's harm


def _capability_told(phrase: Token, lex: Lexicon) -> bool:
    """Is ``phrase`` what a capability verb takes (``capability-verbs``: "copes with many
    clients", "can serve several tenants"), the verb in the present or under "can" and not
    denied? What a system is able to do, not harm done."""
    if phrase.dep_ == "pobj" and phrase.head.dep_ == "prep":
        verb = phrase.head.head
    elif phrase.dep_ == "dobj":
        verb = phrase.head
    else:
        return False
    if verb.lemma_.lower() not in lex.capability_verbs:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.dep_ == "ROOT" and verb.tag_ == "NNS":
        return True  # "The cluster copes with ...": the small model reads the verb as a plural
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.lower_ == "can" for c in verb.children
    )


#: words in quotation marks (straight or curly double quotes)
_QUOTE = re.compile(r'"[^"\n]+"|“[^”\n]+”')


def _mentioned(hit: VagueImpact, toks: Sequence[Token], text: str) -> bool:
    """Is the vague quantity inside quotation marks that hold a phrase, not a statement
    (the wiki said the broker "keeps up with plenty of producers", we used to write "a
    handful of shards")? Those are words mentioned, often in a lesson about wording, not
    the writer's amount. A quoted statement with a subject of its own (a tenant wrote
    "half of my reports came back empty", "many of my invoices went missing") is harm as
    someone reported it, and stays."""
    if '"' not in text and "“" not in text:
        return False
    base = toks[0].idx
    for m in _QUOTE.finditer(text):
        a, b = m.span()
        if not a < hit.start < b:
            continue
        inside = {t.i for t in toks if a < t.idx - base < b}
        return not any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head.i in inside for t in toks if t.i in inside
        )
    return False


def _helpers(phrase: Token, verb: Token, lex: Lexicon) -> bool:
    """Does the vague quantity count people who helped, not people harmed: the subject of a
    helping verb or of an act done to help ("Several teams helped with the recovery", "many
    volunteers joined the bridge to help"), people a relative clause says
    helped ("the many people who stayed late to help"), or those thanked ("thanks to many
    volunteers")? (``helping-verbs``)"""
    helping = lex.helping_verbs
    if phrase.dep_ == "nsubj" and not _negated_verb(verb):
        # an act done to help: "joined to help", and the parse's "joined the bridge to help"
        # (the infinitive hung on the object)
        # (not someone else's help waited for: "waited for an agent to help them")
        purposes = [
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "advcl")
            and not any(a.dep_ in ("nsubj", "mark") for a in c.children)
        ]
        purposes += [
            r
            for o in verb.children
            if o.dep_ == "dobj"
            for r in o.children
            if r.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in r.children)
        ]
        if any(v.lemma_.lower() in helping for v in (verb, *purposes)):
            return True
    for c in phrase.children:
        if (
            c.dep_ == "relcl"
            and not _negated_verb(c)
            and any(t.lemma_.lower() in helping for t in c.subtree if t.pos_ == "VERB")
        ):
            return True
    head = phrase.head
    return (
        phrase.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lemma_.lower()
        in (
            "thank",
            "thanks",
        )
    )


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _unstated(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is ``text`` labelled (:func:`_labelled`), a past counterfactual
    (``counterfactual-forms``: "had the vendor answered, the site would have stayed up"):
    what might have been, often to lay blame, not what happened, or harm denied to everyone
    (:func:`_denied_to_all`), or the cost of an option not taken (:func:`_rejected_option`)?"""
    return (
        _denied_to_all(toks, lex)
        or _rejected_option(toks, lex)
        or _labelled(text, lex)
        or lex.counterfactual.search(text) is not None
        or lex.counterfactual_outcome.search(text) is not None
    )


def _labelled(text: str, lex: Lexicon) -> bool:
    """Does ``text`` open with a label of the cause, the fix or the detection
    (``cause-label``) or of a metadata field (``field-label``: "Severity: SEV-2 (customer
    money affected)")? Its effect words state no impact."""
    return bool(lex.cause_label.match(text) or lex.field_label.match(text))


def _narrated(claim: Claim, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does a claim in a narrative section reach people or the service as a whole
    (:data:`narrative-subjects`): its entity is one, or one is named outside a clause that
    gives a reason ("down for everyone" stays)? "The standby server could not take over
    because the alias of its storage device was renamed" tells the mechanism: what could
    not act is a part of the system, and the people noun ("device") names a thing of the
    cause. Programs named by a people noun ("players fell back to a lower bitrate",
    :func:`pm_lsp.rules.impact.claims.programs_acting`) are no people."""
    programs = programs_acting(toks, lex)
    if not programs and (
        claim.counted == "people" or lex.narrated_form.search(claim.noun) is not None
    ):
        return True
    return any(
        (t.lower_ in lex.narrative_subjects or t.lemma_.lower() in lex.narrative_subjects)
        and t.pos_ in ("NOUN", "PROPN", "PRON")
        and t.i not in programs
        and not _in_reason(t, lex)
        for t in toks
    )


def _in_reason(tok: Token, lex: Lexicon) -> bool:
    """Does ``tok`` stand in a clause that gives a reason ("because ...", "since ...")?"""
    return any(
        a.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in lex.reason_marks for c in a.children)
        for a in tok.ancestors
    )


#: a sentence that opens with a time of day ("- 10:05 some requests start timing out"): a
#: timeline entry, told in the present; the day before it may be written with a comma or
#: with dashes or slashes ("- **Thu 6 Jun, 14:20 BST** ...", "- 2025-06-06 14:20 ...")
_CLOCK_OPENING = re.compile(r"^\W*(?:\w+(?:[-/.]\w+)*,?\s+){0,3}?\d{1,2}:\d\d(?!\d)")


def _counting_quantifier(toks: Sequence[Token], lex: Lexicon) -> tuple[Token, Token] | None:
    """In an impact statement, a vague quantifier on a plural subject that is a unit of
    impact or of a hedged verb ("Numerous datasets may contain corrupted rows", "Several
    tenants may have seen stale data"): the vague word is what to fix, so it is reported
    and named, not the statement as unquantified with the noun of another part of it.
    Not on what the responders did ("a few changes have been made"), nor after "how"
    ("the push is how many parents confirm their child got home"): a count asked or
    described, no amount claimed."""
    for t in toks:
        head = t.head
        if (
            t.lower_ in lex.quantifiers
            and t.lower_ not in lex.grades
            and not (t.i > 0 and t.doc[t.i - 1].lower_ == "how")
            and t.dep_ in ("det", "amod")
            and head.tag_ in ("NNS", "NNPS")
            and head.dep_ in ("nsubj", "nsubjpass")
            and not _np_has_number(head)
            and (lex.is_unit(head) or _hedged(head.head))
            and not _generic_present(t, head, lex)  # "many growers plan their week ..."
        ):
            return t, head
    return None


def _subject_phrase(
    sent: Doc, text: str, lex: Lexicon
) -> tuple[tuple[int, int], Token, Token] | None:
    """In an impact statement, a vague quantifier phrase that is its subject ("Lots of
    internal tooling was flaky", "A bunch of our dashboards broke"): its span up to the
    noun it counts (offsets relative to the sentence), its last word and that noun, which
    is what was affected whatever it names; the phrase is what to fix, never its head
    ("lots") the affected thing."""
    base = sent[0].idx if len(sent) else 0
    for m in lex.q_phrase_re.finditer(text):
        got = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        if got is None or got.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        head = got[-1]
        of = head if head.lower_ == "of" else None
        of = of or next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [g for g in of.children if g.dep_ == "pobj"] if of is not None else []
        # "a subset of Spaces' secrets", read as two objects: the owner is not what is counted
        owned = [g for g in objects if not any(c.dep_ == "case" for c in g.children)]
        if not objects:
            continue
        noun = (owned or objects)[0]
        if _np_has_number(noun) or readers_relying(noun, lex):
            continue  # "plenty of you lean on the mirror": the readers, addressed
        return (m.start(), noun.idx - base + len(noun.text)), head, noun
    return None


#: modals that hedge a statement of impact ("may contain", "might have seen")
_HEDGES = frozenset({"may", "might", "could", "can"})


def _hedged(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in verb.children)


def _plural_of(noun: str, words: set[str]) -> bool:
    low = noun.lower()
    return low.endswith("s") and low[:-1] in words


def _claim_key(claim: Claim) -> str:
    """Count the individuals ("how many users"), or time the one system ("for how long");
    ask for the kinds of amount, naming nothing, when the entity may be any noun of the
    sentence (:attr:`Claim.known`): a message that names 'line' or 'record' as what was
    affected gives the writer nothing to act on."""
    if not claim.known:
        return "unquantified-statement"
    if claim.mass:
        return "unquantified-mass"  # "how much data", not "how many data"
    return "unquantified-claim" if claim.countable else "unquantified-outage"


@rule(vague_impact)
def check_vague_impact(ctx: RuleContext) -> Iterator[Finding]:
    """Per part of the document (:func:`_parts_found`): an unchanged part's findings,
    messages made, cost one lookup."""
    for at, v, _in_impact, message, severity in _vague_findings(ctx):
        yield Finding(at + v.start, at + v.end, message, severity=severity, data={"kind": v.key})


# -- PM402 -----------------------------------------------------------------------------------

#: a universal quantifier: the whole of what is affected, a share of 100% ("all checkouts
#: failed")
_UNIVERSAL = re.compile(r"(?i)\b(?:all|every|single)\b")


def has_quantity(ctx: RuleContext, texts: Sequence[str]) -> bool:
    """Any amount in ``texts`` as PM401 reads one, from the text alone
    (:mod:`pm_lsp.rules.impact.amounts`): a number, a share, money, a duration, a bounded
    window, an explicit zero or bound; or a universal quantifier. A time of day, a date, a
    version or a status code is no amount. No parse: the entity recogniser this once ran
    on every Impact section cost more than the rest of the rule. Memoised per tuple of
    texts (a region's blocks), on the pack's compiled words."""
    lex = lexicon(ctx.pack)
    key = tuple(texts)
    got = lex.quantified.get(key)
    if got is None:
        got = lex.quantified.put(key, (_states_amount(lex, key),))
    return got[0]


def _states_amount(lex: Lexicon, texts: tuple[str, ...]) -> bool:
    joined = "\n".join(texts)
    if any(z.search(joined) for z in lex.zero):
        return True
    return any(lex.quantity.states(t) or _UNIVERSAL.search(t) for t in texts)


@rule(impact_without_numbers)
def check_impact_without_numbers(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    lex = lexicon(ctx.pack)
    regions = impact_regions(ctx)
    pack = ctx.pack
    if regions:
        # one lookup per region (a scan of every block and section per region was
        # quadratic in the number of Impact sections); the first section of a body wins
        heads = {(s.body.start, s.body.end): s for s in reversed(doc.sections)}
        for span, where in regions:
            blocks = [b for b in doc.blocks_between(span.start, span.end) if b.kind != "heading"]
            if not blocks or has_quantity(ctx, [b.text for b in blocks]):
                continue
            head = heads.get((span.start, span.end))
            a, e = (
                (head.title_span.start, head.title_span.end)
                if head is not None
                else (blocks[0].start, blocks[0].end)
            )
            yield Finding(a, e, pack.message(FAMILY, "impact-without-numbers", where=where))
        return
    for s in doc.sections:
        if s.canonical != "summary":
            continue
        paras = [b for b in doc.blocks_in(s) if b.kind in ("paragraph", "list_item")]
        impact_paras = [b for b in paras if lex.impact_words.search(b.text)]
        if not impact_paras or has_quantity(ctx, [b.text for b in paras]):
            continue
        yield Finding(
            impact_paras[0].start,
            impact_paras[0].end,
            pack.message(
                FAMILY,
                "impact-without-numbers",
                where=f"'{_title_as_written(doc, s)}' impact paragraph",
            ),
        )


# -- PM403 -----------------------------------------------------------------------------------


def _statement_found(ctx: RuleContext, lex: Lexicon) -> bool:
    """Is there a data-loss statement (not a placeholder) in the document's prose?

    The prose is the blocks' masked text joined by newlines. A placeholder is judged on the
    8 characters after a statement match, which may reach into the next block, so only the
    match positions are stored per block (a pure function of the block text and the pack,
    in ``ctx.nlp``'s ``impact.data_loss`` table), and the window is read from the joined
    text, only where a block has a match. Per part of the document (:func:`_part_statements`),
    the windows that end inside the part are judged once and stored with it.
    """
    blocks = ctx.doc.blocks
    if not lex.data_loss_per_block:
        prose = "\n".join(_unwrapped(b.text)[0] for b in blocks)
        return any(
            not any(p.match(prose[m.start() : m.end() + 8]) for p in lex.data_loss_placeholder)
            for pat in lex.data_loss
            for m in pat.finditer(prose)
        )
    memo = lex.data_loss_parts
    for part in parts(ctx.doc):
        got = memo.get(part.key)
        if got is None:
            got = memo.put(part.key, _part_statements(ctx, lex, part))
        for window, need in got:
            if need:  # the window runs on into the blocks after the part
                window += _continuation(blocks, part.stop, need)
            if not any(p.match(window) for p in lex.data_loss_placeholder):
                return True
    return False


#: a data-loss statement of a part (:func:`_part_statements`): the window read after it, as
#: far as the part's blocks hold it, and how many characters of the blocks after the part
#: it still reads (0: the window is whole)
_Statement = tuple[str, int]


def _part_statements(ctx: RuleContext, lex: Lexicon, part: Part) -> tuple[_Statement, ...]:
    """The statement windows of one part: those a placeholder opens are dropped here, and
    one not a placeholder ends the list (the document has a statement). The part's key is
    its text alone: the blocks' texts and bounds do not depend on the template (only their
    kinds and quoting do, through callouts)."""
    blocks = part.blocks(ctx.doc)
    memo = ctx.nlp.memo("impact.data_loss")
    out: list[_Statement] = []
    for i, b in enumerate(blocks):
        text = b.text
        key = (lex, text)
        spans: tuple[tuple[int, int], ...] | None = memo.get(key)
        if spans is None:
            flat, at = _unwrapped(text)
            reading = lex.data_loss_gated.read(flat)
            spans = memo.put(
                key,
                tuple(
                    (at[m.start()], at[m.end() - 1] + 1) if at else m.span()
                    for pat in lex.data_loss
                    if reading.may_match(pat)
                    for m in pat.finditer(flat)
                ),
            )
        for a, e in spans:
            window = _joined_window(blocks, i, a, e + 8)
            need = e + 8 - a - len(window)
            if need or not any(p.match(window) for p in lex.data_loss_placeholder):
                out.append((window, need))
                if not need:
                    return tuple(out)
    return tuple(out)


#: a line break inside a block and the spaces around it: a soft wrap, read as one space
_WRAP = re.compile(r"[ \t]*\r?\n[ \t]*")


def _unwrapped(text: str) -> tuple[str, list[int] | None]:
    """The block's text with each soft wrap read as one space ("No call\\nwas lost" is
    "No call was lost": a statement pattern spells a space as a space), and where each of
    its characters stands in the block (None: no wrap, the text as it is). A statement
    pattern never matches a white-space-only string, so a match's ends map back."""
    if "\n" not in text:
        return text, None
    out: list[str] = []
    at: list[int] = []
    last = 0
    for m in _WRAP.finditer(text):
        out.append(text[last : m.start()] + " ")
        at.extend(range(last, m.start() + 1))
        last = m.end()
    out.append(text[last:])
    at.extend(range(last, len(text)))
    return "".join(out), at


def _joined_window(blocks: Sequence[Block], i: int, a: int, e: int) -> str:
    """``prose[base + a : base + e]`` where ``prose`` is the blocks' texts joined by
    newlines and ``base`` where block ``i`` starts in it, without building ``prose``
    (only the few blocks with a statement match need a window)."""
    out = blocks[i].text[a:e]
    return out + _continuation(blocks, i + 1, e - a - len(out))


def _continuation(blocks: Sequence[Block], j: int, need: int) -> str:
    """The first ``need`` characters of the prose from block ``j`` on, each block after a
    newline (:func:`_joined_window`)."""
    out = ""
    while need > 0 and j < len(blocks):
        nxt = "\n" + blocks[j].text
        out += nxt[:need]
        need -= min(need, len(nxt))
        j += 1
    return out


@rule(missing_data_loss)
def check_missing_data_loss(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    lex = lexicon(ctx.pack)
    if _statement_found(ctx, lex):
        return
    for f in doc.metadata:  # "**Data loss**: none"
        if (
            re.search(r"(?i)data[- ]loss", f.key)
            and f.value.strip()
            and not any(p.search(f"data loss: {f.value}") for p in lex.data_loss_placeholder)
        ):
            return
    anchor = next((s for s in doc.sections if s.canonical == "impact"), None) or next(
        (s for s in doc.sections if s.canonical == "summary"), None
    )
    if anchor is not None:
        a, e = anchor.title_span.start, anchor.title_span.end
    elif doc.title_span is not None:
        a, e = doc.title_span.start, doc.title_span.end
    else:
        return
    yield Finding(a, e, ctx.pack.message(FAMILY, "missing-data-loss"))


RULES = (check_vague_impact, check_impact_without_numbers, check_missing_data_loss)
