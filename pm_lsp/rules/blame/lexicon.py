"""The blame lexicon: the words of ``rules/blame.toml``, compiled once per rule pack.

Besides the word sets the judges read (:mod:`pm_lsp.rules.blame.judge`), it compiles the
family's prefilter (:meth:`BlameLexicon.candidate`): alternatives of conjunctions of cheap
regexes, one per construction a judge can flag, so that a sentence satisfying none of them
is never parsed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence

from pm_lsp.cache import Memo
from pm_lsp.nlp.patterns import AnyOf, GatedSearch, gated_searches
from pm_lsp.nlp.words import soft_spaces, word_alternation, word_bounded
from pm_lsp.policy.names import given_names, is_given_name
from pm_lsp.policy.rulepack import RulePack

FAMILY = "blame"


def _alt(words: Sequence[str]) -> str:
    """Any of ``words`` (a trie: see :func:`pm_lsp.nlp.words.word_alternation`)."""
    return word_alternation(words)


def _stem(lemma: str) -> str:
    """A prefix that every regular inflection of ``lemma`` starts with."""
    if lemma.endswith("e") and len(lemma) > 3:
        return lemma[:-1]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1]
    return lemma


#: not right after a form of "be" (a passive: "the request was rejected")
_NOT_PASSIVE = "".join(rf"(?<!\b{w}\s)" for w in ("is", "are", "was", "were", "be", "been"))


def _told_forms(lemmas: set[str]) -> set[str]:
    """The third-person present and the past of regular verbs ("deny" -> "denies",
    "denied"; "refuse" -> "refuses", "refused"): the forms a refusal is told in."""
    out: set[str] = set()
    for w in lemmas:
        if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            out |= {w[:-1] + "ies", w[:-1] + "ied"}
        elif w.endswith("e"):
            out |= {w + "s", w + "d"}
        else:
            out |= {w + "s", w + "ed"}
    return out


#: first-person pronouns: a first-person account of a destructive act names no culprit
FIRST_PERSON = frozenset({"i", "we", "us", "our", "my"})
#: a word that may be a given name: capitalised, or written in letters of another script
#: (code points above Latin Extended-B: :func:`pm_lsp.policy.names.in_another_script`)
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+|[^\W\d_\x00-\u024f]+")
#: a capitalised word that is not an acronym, and a word in lower case
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def capitalises_nothing(text: str) -> bool:
    """Does ``text`` hold no capitalised word (acronyms aside)? Its writer writes names in
    lower case too ("lena wiped the volume"): only there are lower-case given names read
    as names, by the prefilter (:meth:`BlameLexicon.candidate`) and by the judges
    (:func:`pm_lsp.rules.blame.extract.uncapitalised_name`) alike."""
    return _CAPITAL_WORD.search(text) is None


def _verb_table(pack: RulePack, key: str) -> dict[str, str]:
    """A table of the pack's blame words from a verb's lemma to one of its forms."""
    table = pack.get(FAMILY, key, {})
    return {str(k).lower(): str(v) for k, v in table.items()} if isinstance(table, Mapping) else {}


#: the watchfulness of ``inaction-phrases`` asked after an opener ("Honestly, was nobody
#: watching ...?", "And was anyone even reading ...?"), which their anchored phrases miss in
#: the prefilter (the judge reads them after the opener)
_OPENED_QUESTION = (
    re.compile(
        r"\b(?:was|were|is|are|did|does)(?:n['’]t)?\s+(?:anyone|anybody|nobody|no\s+one)\b"
        # bl34 class 2: "Couldn't somebody have checked ...?", "Hasn't anyone read ...?"
        r"|\b(?:do|has|have|had|could|would|should)n['’]t\s+(?:anyone|anybody)\b"
        r"|\b(?:did|does|do|has|have|had|could|would|should)n['’]t\s+(?:someone|somebody)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\?"),
)


#: a habit asked of someone: "Why does the platform team keep merging ...?"
_WHY_KEEP = (re.compile(r"\bwhy\b", re.IGNORECASE), re.compile(r"\bkeep\b", re.IGNORECASE))


#: the phrase lists read as judgment phrases (PM104): bl31's "novice-slips" ("a real
#: beginner's blunder") with ``judgment-phrases``
_JUDGED = ("judgment-phrases", "novice-slips")


def _parts(pack: RulePack, key: str) -> list[tuple[re.Pattern[str]]]:
    """One prefilter alternative per phrase of ``key``, each gated on its own literals:
    joined, one phrase made of common words ("it's on me") opens the gate for all of them."""
    return [(re.compile(soft_spaces(p), re.IGNORECASE),) for p in pack.words(FAMILY, key)]


#: the inverted "had" of a counterfactual asked: "would the outage have happened had the
#: team tested it?"
_HAD_ASKED = r"\b(?:would|could|might)\s[^.;?]{1,60}?\bhave\s[^.;?]{1,40}?\bhad\b"


#: modal + have ("should have", "could've"), and a denied modal asked of a longer subject
#: ("Shouldn't the billing team have paused it?")
_MODAL_HAVE = (
    r"\b(?:should|could|would|might|ought)(?:n['’]?t|\s+not|\s+to)?"
    r"(?:\s+\w+)?\s+(?:have|had|'ve|’ve)\b|\b(?:should|could|would|might)['’]ve\b"
    r"|^\W*(?:should|could|would|might)n['’]?t\s[^?]{1,80}?\b(?:have|'ve|’ve)\b[^?]*\?"
)


def _spaced_words(phrases: set[str]) -> str:
    """A whole-word alternation of ``phrases``, a space in one matching any white space."""
    alts = sorted(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)"


#: the idioms that say someone failed (PM106 "animated"); bl37 added the whoever jibes,
#: bl38 (class 3) the jibes at a colleague left pointedly unnamed
_ANIMATED = ("animated-phrases", "whoever-jibes", "whoever-experience-jibes", "nameless-jibes")


class BlameLexicon:
    """The words of ``rules/blame.toml``, lower-cased and compiled once per pack."""

    @functools.cached_property
    def messages(self) -> Memo[str]:
        """Finished messages by (code, message key, fields, sections): a pure function of
        those and this pack's messages, asked for every finding on every lint
        (:func:`pm_lsp.rules.blame.checks._message`)."""
        return Memo()

    @functools.cached_property
    def worse_outcomes(self) -> set[str]:
        """What a path not taken would have brought, told in a counterfactual's main clause
        (:func:`pm_lsp.rules.blame.grammar.worse_otherwise`): joined once per pack."""
        return self.harm_events | self.failure_verbs | self.causal_verbs | self.worsening_verbs

    @functools.cached_property
    def harm_verbs(self) -> set[str]:
        """The causal and failure verbs: a harm told by a verb. Joined once per pack, not
        for each verb a judge reads (a union of ~35 words per verb of every sentence)."""
        return self.causal_verbs | self.failure_verbs

    @functools.cached_property
    def judged_words(self) -> frozenset[str]:
        """Every word the judgment judge (:func:`pm_lsp.rules.blame.verdicts._judgment`)
        reads a token as: a word in none of its classes is passed over at once."""
        return frozenset(
            self.judgment
            | self.person_judgment
            | self.verdicts
            | self.minimisers
            | self.contempt_nouns
        )

    @functools.cached_property
    def pace_triggers(self) -> frozenset[str]:
        """The words the pace judge (:func:`pm_lsp.rules.blame.acts.pace`) starts from: a
        pace word, a paced act's adjective, "long" ("took too long")."""
        return frozenset(
            self.pace_words
            | self.paced_act_words
            | self.too_pace_words
            | self.enough_pace_words
            | {"long"}
        )

    @functools.cached_property
    def error_noun_tails(self) -> frozenset[str]:
        """What follows a hyphen in a hyphenated error noun ("up" of "slip-up"): the last
        token of one, as the tokenizer splits it."""
        return frozenset(w[i + 1 :] for w in self.error_nouns for i, c in enumerate(w) if c == "-")

    def __init__(self, pack: RulePack) -> None:
        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        def rx(*keys: str) -> re.Pattern[str]:
            # a sentence may wrap; a phrase starting with a letter starts a word
            pats = [word_bounded(soft_spaces(p)) for k in keys for p in pack.words(FAMILY, k)]
            return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!x)x", re.IGNORECASE)

        self.pronouns = set(ws("person-pronouns"))
        self.indefinite = set(ws("indefinite-people"))
        self.nobody = set(ws("nobody-words"))
        self.roles = {*ws("role-nouns"), *ws("collective-bodies"), *ws("company-suffixes")}
        self.failure_verbs = set(ws("failure-verbs"))
        self.work_nouns = set(ws("work-nouns"))
        self.causal_verbs = set(ws("causal-verbs"))
        self.work_harm_verbs = set(ws("work-harm-verbs")) | set(ws("destructive-verbs"))
        #: the acts a possessed change or a "by" agent can be the cause of
        self.possessed_acts = self.causal_verbs | self.failure_verbs | self.work_harm_verbs
        self.responsibility = ws("responsibility-words")
        self.human_error = rx("human-error-phrases")
        self.human_error_nouns = rx("human-error-nouns")
        self.error_nouns = set(ws("error-nouns"))
        self.preventive = set(ws("preventive-words"))
        self.modal_verbs = set(ws("hindsight-modal-verbs"))
        self.omission_verbs = set(ws("omission-verbs"))
        self.human_actions = set(ws("human-actions"))
        self.procedures = set(ws("procedure-nouns"))
        self.rationale_marks = set(ws("rationale-marks"))
        self.rationale_re = re.compile(
            rf"(?i)(?<![\w-])(?:{_alt(ws('rationale-phrases'))})(?![\w-])"
        )
        self.system_adverbs = set(ws("system-adverbs"))
        self.judgment = set(ws("judgment-words"))
        self.person_judgment = set(ws("person-judgment-words"))
        self.verdicts = set(ws("verdict-words"))
        self.judgment_phrases, self.wonder_re = rx(*_JUDGED), rx("wonder-phrases")
        self.minimisers = set(ws("minimisers"))
        self.minimiser_phrases = rx("minimiser-phrases")
        self.hindsight_adjectives = set(ws("hindsight-adjectives"))
        self.hindsight, self.foresight_defence = rx("hindsight-phrases"), rx("foresight-defences")
        self.outcome_nouns = set(ws("outcome-nouns"))
        self.animated, self.trailing_verdicts = rx(*_ANIMATED), rx("trailing-verdicts")  # bl38
        #: case-sensitive: only the capitalised forms ("NEVER", "DIDN'T")
        shouted = {w.upper() for w in ws("shouting-words")}
        shouted |= {w.replace("'", "’") for w in shouted}
        self.shouting = re.compile(rf"(?<![\w'’-])(?:{_alt(sorted(shouted))})(?![\w'’-])")
        self.analysis_sections = set(ws("analysis-sections"))
        self.narrative_sections = set(ws("narrative-sections"))
        self.root_cause_sections = set(ws("root-cause-sections"))
        self.cause_statement = re.compile(
            str(pack.get(FAMILY, "cause-statement", r"(?!x)x")), re.IGNORECASE
        )
        #: irregular past participles and past forms by lemma ("break" -> "broken", "broke")
        self.participles = _verb_table(pack, "irregular")
        self.past = _verb_table(pack, "irregular-past")
        self._read_acts(ws, rx, pack)
        self._read_replies(ws, rx, pack)
        self.safeguard = str(pack.get(FAMILY, "rewrites", {}).get("safeguard", ""))
        self.prefilter = self._prefilter()

    def _read_searches(self) -> None:
        """The phrase lists as the judges read them in each sentence they judge: searched
        only when one of their phrases can match (:func:`pm_lsp.nlp.patterns.gated_searches`),
        the sentence's words read once for all of them. Each joined list costs ~15-100 us
        a sentence searched plainly (``fault-phrases`` 55, ``judgment-phrases`` 49,
        ``hindsight-phrases`` 41, ``human-error-phrases`` 37), and nearly no sentence holds
        one of their phrases: ~80 ms of the ~500 ms the judges spent on the ~490 candidate
        sentences of a 50,000-word document."""
        (
            self.animated_search,
            self.exasperation_search,
            self.hindsight_search,
            self.judgment_search,
            self.minimiser_search,
            self.human_error_search,
            self.fault_search,
            self.fault_on_names_search,
            self.party_idioms_search,
            self.inaction_search,
        ) = gated_searches(
            [
                self.animated,
                self.exasperation,
                self.hindsight,
                self.judgment_phrases,
                self.minimiser_phrases,
                self.human_error,
                self.fault,
                self.fault_on_names,
                self.party_idioms,
                self.inaction,
            ]
        )

    def _read_replies(
        self,
        ws: Callable[[str], list[str]],
        rx: Callable[[str], re.Pattern[str]],
        pack: RulePack,
    ) -> None:
        """What does not answer a question (:func:`pm_lsp.rules.blame.questions.no_answer`)
        and what a counterfactual question asks about; the idioms said of a party first."""
        self._read_tones(ws, rx, pack)
        self.non_answers = set(ws("non-answer-words"))
        self.rub_ins = rx("rub-in-phrases")
        self.asking_frames_re = rx("asking-frames")  # bl26a: "it's fair to ask why ..."
        self.denials = set(ws("denial-words"))
        self.denial_hedges = set(ws("denial-hedges"))
        self.occurrence_verbs = set(ws("occurrence-verbs"))
        # bl32 class 2: a reply that moves on from a question (questions.moves_on)
        self.unanswering = rx("unanswering-replies")
        self.asking_frames = tuple(w[:4] for w in ws("asking-frame-words"))
        self.question_sections = rx("question-sections")
        #: what a "why did nobody ...?" question also asks of people ("flag", "mention")
        self.asked_acts = frozenset(ws("asked-acts"))
        self._question_titles: dict[str, bool] = {}
        self._read_lengthening(ws)  # read by the prefilter, built after this
        self._read_unheeded(ws)  # read by the prefilter too
        self._read_searches()  # after the acts' lists and these

    def _read_tones(
        self,
        ws: Callable[[str], list[str]],
        rx: Callable[[str], re.Pattern[str]],
        pack: RulePack,
    ) -> None:
        """The idioms and tones said of a party, and the prefilter's alternatives for them."""
        self.party_idioms = rx("party-idioms")
        #: joy at news told with "!!" (:func:`pm_lsp.rules.blame.tone._celebration`)
        self.celebration = rx("celebration-words")
        self.celebration_spoilers = set(ws("celebration-spoilers"))
        self.celebration_addressees = set(ws("celebration-addressees")) | FIRST_PERSON
        #: tone aimed at a party and "as usual" on a lapse (:func:`pm_lsp.rules.blame.tone.
        #: _aimed_tone`)
        tones = [
            rx(k).pattern
            for k in ("party-tone-phrases", "aimed-idioms", "purpose-jibes", "party-sarcasm")
        ]
        party_tone = re.compile("|".join(f"(?:{p})" for p in tones), re.IGNORECASE)
        self.party_tone = GatedSearch(party_tone)  # each phrase gated on its own words
        #: which of the tones need a lapse told before them (``purpose-jibes``)
        self.purpose_jibes = rx("purpose-jibes")
        self.habits = rx("habit-phrases")
        self.habit_lapses = rx("habit-lapses")
        #: bl36 class 4: "as usual" set off by commas on a party's failure ("the desk, as
        #: usual, could not route it"); read only where the sentence names a party
        self.aimed_habits = rx("aimed-habit-phrases")
        self.aimed_habit_lapses = rx("aimed-habit-lapses")
        self.unheeded_verbs = set(ws("unheeded-verbs"))
        #: verbs of saying that give a quoted clause to its speaker (:mod:`pm_lsp.rules.
        #: blame.reported`)
        self.reporting_verbs = set(ws("reporting-verbs"))
        #: the prefilter's alternatives for the idioms (``animated-phrases`` and these)
        self.idiom_parts = (
            (self.animated,),
            (self.party_idioms,),
            *_parts(pack, "party-tone-phrases"),  # each gated on its words
            *_parts(pack, "aimed-idioms"),
            *_parts(pack, "purpose-jibes"),
            *_parts(pack, "party-sarcasm"),  # bl37 class 5
            (self.habits, self.habit_lapses),
            (self.aimed_habits, self.aimed_habit_lapses),  # bl36 class 4
            (self.aimed_habits, self.habit_lapses),
            *_parts(pack, "litote-idioms"),  # bl31: "did not exactly do us any favours"
            # bl33: "Honestly, the whole rollout was a mess" (the adverb is read in code)
            (
                rx("mess-predicates"),
                re.compile(rf"(?i)\b(?:{_alt(ws('exasperated-adverbs'))})\b"),
            ),
        )
        self.litotes = GatedSearch(rx("litote-idioms"))
        #: class 2 of bl33: "Frankly, ..." in a sentence that judges (:func:`pm_lsp.rules.
        #: blame.tone.stance_tone`)
        self.exasperated_adverbs = set(ws("exasperated-adverbs"))
        self.mess_predicates = rx("mess-predicates")

    def _read_acts(
        self,
        ws: Callable[[str], list[str]],
        rx: Callable[[str], re.Pattern[str]],
        pack: RulePack,
    ) -> None:
        """The names and the words of the act classes that do not depend on a trigger
        adjective: destructive acts, mind verbs, conduct in negated frames, review,
        inaction, fault."""
        self.handled_items = set(ws("handled-items"))  # "payments that ought to have been ..."
        self.product_names = frozenset(pack.words(FAMILY, "product-names"))
        self.tool_nouns = frozenset(w.lower() for w in pack.words(FAMILY, "tool-nouns"))
        #: given names (as written) that can name a person here: the shipped list less the
        #: products named like people
        self.given_names = given_names() - self.product_names
        #: irregular past forms back to their lemma: the small model tags "overwrote",
        #: "forgot" and "misread" as nouns or presents and leaves them unlemmatised
        self.past_lemma: dict[str, str] = {v: k for k, v in self.past.items()}
        self.mind_verbs = set(ws("mind-verbs"))
        self.clause_mind_verbs = set(ws("clause-mind-verbs"))
        self.destructive_verbs = set(ws("destructive-verbs"))
        self.accident_adverbs = set(ws("accident-adverbs"))
        self.disposable = set(ws("disposable-words"))
        self.disposable_things = set(ws("disposable-things"))
        self.restore_verbs = set(ws("restore-verbs"))
        self.heeded_messages = set(ws("heeded-messages"))
        self.kept_lapses = set(ws("kept-lapses"))
        self.disposition_nouns = set(ws("disposition-nouns"))
        self.competence_words = set(ws("competence-words"))
        self.fault = rx("fault-phrases")
        self.fault_parts = _parts(pack, "fault-phrases")
        self.fault_on_names = rx("fault-on-names")
        self.fault_on_name_parts = _parts(pack, "fault-on-names")
        self.conduct = set(ws("conduct-words"))
        self.owed_paces = set(ws("owed-paces"))
        self.late_exempt_verbs = set(ws("late-exempt-verbs"))
        self.guilt_nouns = set(ws("guilt-nouns"))
        self.contempt_nouns = set(ws("contempt-nouns"))
        self.ignored_procedures = set(ws("ignored-procedures"))
        #: controls and checks people apply: deviated from only by "was not followed"
        self.followed = set(ws("followed-nouns"))
        self.directive_verbs = set(ws("directive-verbs"))
        self._read_diligence(ws)
        self.more_words = set(ws("more-words"))
        self.deem_verbs = set(ws("deem-verbs"))
        self.catch_verbs = set(ws("catch-verbs"))
        self.review_nouns = set(ws("review-nouns"))
        self.untested_verbs = set(ws("untested-verbs"))
        self.missed_units = set(ws("missed-units"))
        self.inaction = rx("inaction-phrases")
        self.exasperation = rx("exasperation-phrases")
        self.praise = rx("praise-words")
        self.endorsed = rx("endorsed-acts")  # "..., which was the right call"
        self.exasperation_parts = _parts(pack, "exasperation-phrases")
        self.exasperated_questions = rx("exasperated-questions")  # bl27: "was it so hard to"
        self.exasperation_parts += _parts(pack, "exasperated-questions")
        self.blessings = rx("blessing-asides")  # bl31: "..., bless them" (fond or sarcastic)
        self.exasperation_parts += _parts(pack, "blessing-asides")
        self.condescension_marks = frozenset(ws("condescension-marks"))
        self._read_contexts(ws)

    def _read_diligence(self, ws: Callable[[str], list[str]]) -> None:
        """The steps of care an act may be done "without": named outright ("review") or as
        a rehearsal of a kind ("a dry run")."""
        self.diligence = set(ws("diligence-nouns"))
        self.trial_steps = frozenset(ws("trial-steps"))
        self.trial_marks = frozenset(ws("trial-marks")) | self.diligence
        #: what the prefilter looks for after "without" ("without being thorough" too)
        self.without_steps = sorted(self.diligence | self.trial_steps | {"being"})

    def _read_fitness(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a person's fitness for the work judged: in a relative clause
        (bl22b) and as a state they are in; and of a subject that is no one."""
        #: a subject that is no one ("no reviewer", "not one operator": denied.py)
        self.denied_parties = set(ws("denied-parties"))
        self.denying_words = set(ws("denying-words"))
        self.unfit_predicates = set(ws("unfit-predicates"))
        self.unfit_states = set(ws("unfit-states"))
        self.fit_states = set(ws("fit-states"))
        self.not_yet_words = set(ws("not-yet-words"))
        self._read_credit(ws)  # and the opposite: people credited with the recovery

    def _read_failings(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a person's or a team's failing told as a noun and as the cause: the
        failings, what a lack of counts as one, and what they did besides a causal verb."""
        self._read_pace(ws)  # class 1 of bl33
        self.failing_nouns = set(ws("failing-nouns")) | set(ws("unfamiliarity-nouns"))
        self.failing_lacks = set(ws("failing-lacks")) | set(ws("unfamiliarity-lacks"))
        self.failing_effects = set(ws("failing-effects")) | set(ws("duration-effects"))
        self.costly_acts = set(ws("costly-acts"))
        self.spread_verbs = set(ws("spread-verbs"))
        self.unseen_verbs = set(ws("unseen-verbs"))
        self.desk_nouns = set(ws("desk-nouns"))
        self.desk_kinds = set(ws("desk-kinds"))
        self.seeming_lapses = set(ws("seeming-lapses"))
        self.possessor_departments = set(ws("possessor-departments"))
        self.desk_duties = set(ws("desk-duties"))  # duties.department_on_duty
        self.support_tiers = set(ws("support-tiers"))  # extract._tier
        self.cost_measures = set(ws("cost-measures"))
        self.hindsight_knowing = set(ws("hindsight-knowing"))
        self.hindsight_modals = set(ws("hindsight-modals"))
        self.grasp_nouns = set(ws("grasp-nouns"))
        self.damning_marks = set(ws("damning-marks"))
        self.damning_times = set(ws("damning-times"))
        self.timed_acts = set(ws("timed-acts"))
        self.incredulity_adverbs = set(ws("incredulity-adverbs"))
        self.habit_marks = set(ws("habit-marks"))
        self.reproach_tails = set(ws("reproach-tails"))  # bl26a: "... allowed ... at all?"
        self.exasperated_whys = ws("exasperated-whys")  # bl29b: "why on earth did Kim ...?"
        self.gate_verbs = set(ws("gate-verbs"))  # bl29b: "how did the board approve ...?"
        self.standard_verbs = set(ws("standard-verbs"))
        self.kind_nouns = set(ws("kind-nouns"))
        self.incapacity_nouns = set(ws("incapacity-nouns"))
        self.habit_adjectives = set(ws("habit-adjectives"))
        self.care_nouns = set(ws("care-nouns"))
        self.function_bodies = set(ws("function-bodies"))  # bl26a: "had the network desk ..."
        self.knowing_acts = set(ws("knowing-acts"))  # bl26a: "a reviewer who had read it"
        self.undergone_verbs = set(ws("undergone-verbs"))
        self.expected_knowing = set(ws("expected-knowing"))  # bl26a: "shouldn't need ..."
        self.reminding_verbs = set(ws("reminding-verbs"))
        self.unforeseeing_verbs = set(ws("unforeseeing-verbs"))
        self.withheld_verbs = set(ws("withheld-verbs"))
        self.handled_acts = set(ws("handled-acts"))  # bl28a: "the desk's handling ... sank"
        self.damage_verbs = set(ws("damage-verbs"))
        self.escalation_verbs = set(ws("escalation-verbs"))
        self.owed_adverbs = set(ws("owed-adverbs"))
        self.owed_harms = set(ws("owed-harms"))
        self.roles |= set(ws("liaison-roles"))  # "our shipping liaison's handling ..."
        self.owed_verbs = set(ws("owed-verbs"))  # bl28a: "was supposed to"
        self.complied_verbs = set(ws("complied-verbs"))  # "did what they were meant to do"
        self.complied_wholes = set(ws("complied-wholes"))
        self.skipped_verbs = set(ws("skipped-verbs"))  # bl28a: "which the lead skipped"
        tails = [word_bounded(soft_spaces(p)) for p in ws("purpose-tails")]  # bl28a
        self.purpose_tails = re.compile("|".join(f"(?:{p})" for p in tails), re.IGNORECASE)
        self.escalation_words = set(ws("escalation-words"))
        self.spoken_numbers = {w: float(i) for i, w in enumerate(ws("spoken-numbers"))}
        self.spoken_numbers.update({w: 20.0 + 10 * i for i, w in enumerate(ws("spoken-tens"))})

    def _read_lengthening(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a harm drawn out by a party in the passive: "made
        longer", "extended", and the harms they may draw out; and the words that shrink or
        deny a harm told ("none of the requests would have failed")."""
        self.lessened_harms = set(ws("lessened-harms"))
        self.lengthening_words = set(ws("lengthening-words"))
        self.lengthening_verbs = set(ws("lengthening-verbs"))
        self.lengthened_harms = set(ws("lengthened-harms"))

    def _read_unheeded(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a signal let pass with nobody named ("the alarm was ignored":
        unheeded.py), of a miss wondered at in the generic present ("how do you miss a
        full disk for an hour?": rhetoric._how_generic_miss) and of an act of going ahead
        despite a warning sign (heedless.py); read by the prefilter."""
        self.wondered_auxes = set(ws("wondered-auxes"))
        self.wondered_askees = set(ws("wondered-askees"))
        self.wondered_misses = set(ws("wondered-misses"))
        self.wondered_spans = set(ws("wondered-spans"))
        self.unheeded_signals = set(ws("unheeded-signals"))
        self.unheeded_signal_verbs = set(ws("unheeded-signal-verbs"))
        # an act of going ahead done despite a warning sign (heedless.py)
        self.heedless_acts = set(ws("heedless-acts"))
        self.warning_signs = set(ws("warning-signs"))
        self.warning_sign_marks = set(ws("warning-sign-marks"))
        self.rise_nouns = set(ws("rise-nouns"))
        self.remedy_nouns = set(ws("remedy-nouns"))

    def _read_lapses(self, ws: Callable[[str], list[str]]) -> None:
        """The words of a harm given a person's act as its reason, of an omission told as a
        noun, as a lapse let happen or as upkeep left undone, of a shift of workers named by
        its time, of a name with an honorific, and of what an act may set going unharmed;
        the verbs whose negation with a person as subject is an omission (a duty or a response
        left undone)."""
        self.responses = set(ws("response-verbs"))
        self.duties = set(ws("duty-verbs"))
        self.decision_adverbs = set(ws("decision-adverbs"))
        self.negated_omissions = set(ws("negated-omissions")) | self.responses | self.duties
        self.harm_events = set(ws("harm-events"))
        self.worsening_verbs = set(ws("worsening-verbs"))
        self.harm_onsets = set(ws("harm-onsets"))
        self.failure_to_acts = set(ws("failure-to-acts"))
        self.let_lapses = set(ws("let-lapses"))
        self.wrong_words = set(ws("wrong-words"))
        self.righting_verbs = set(ws("righting-verbs"))
        self.place_slips = set(ws("place-slips"))
        self.shift_nouns = set(ws("shift-nouns"))
        self.shift_times = set(ws("shift-times"))
        self.duty_roles = set(ws("duty-roles"))
        self.titled_bodies = set(ws("titled-bodies"))
        self.directive_nouns = set(ws("directive-nouns"))
        self.pace_words = set(ws("pace-words"))
        self.paced_acts = set(ws("paced-acts"))
        self.litote_verbs = set(ws("litote-verbs"))  # bl27: "didn't help either"
        self.paced_act_words = set(ws("paced-act-words"))
        self.claim_verbs = set(ws("claim-verbs"))
        self.claim_nouns = set(ws("claim-nouns"))
        self.paced_parties = set(ws("paced-parties"))
        self.worse_words = set(ws("worse-words"))
        self.dropped_subject_acts = set(ws("dropped-subject-acts"))
        self.body_words = set(ws("body-words"))
        self.honorifics = set(ws("honorific-suffixes"))
        self.intensifier_tails = set(ws("intensifier-tails"))
        self.neglect_verbs = set(ws("neglect-verbs"))
        self.neglect_spans = set(ws("neglect-spans"))
        self.recovery_outcomes = set(ws("recovery-outcomes"))
        self.act_nouns = set(ws("act-nouns")) | set(ws("decision-acts"))
        self.cleft_cause_nouns = set(ws("cleft-cause-nouns")) | set(ws("drive-nouns"))
        self._read_failings(ws)
        self.owned_work_nouns = set(ws("owned-work-nouns"))
        self.stressed_duty_adverbs = set(ws("stressed-duty-adverbs"))
        self.duty_nouns = set(ws("duty-nouns"))
        self.clumsy_verbs = set(ws("clumsy-verbs")) | set(ws("paralysis-verbs"))
        self.uninformed_verbs = set(ws("uninformed-verbs"))
        self.undone_verbs = set(ws("undone-verbs"))
        self.harm_setups = [w.split() for w in ws("harm-setups")]
        self.lowered_measures = set(ws("lowered-measures"))
        self.let_through_verbs = set(ws("let-through-verbs"))
        self.deferral_verbs = set(ws("deferral-verbs"))
        self.stance_adverbs = set(ws("stance-adverbs"))
        self._read_fitness(ws)
        self.deferral_reasons = re.compile(
            "|".join(rf"\b{soft_spaces(re.escape(w))}\b" for w in ws("deferral-reasons"))
            or "(?!x)x",
            re.IGNORECASE,
        )
        self.let_through_things = set(ws("let-through-things"))
        self.let_through_flaws = set(ws("let-through-flaws"))

    def _read_senses(self, ws: Callable[[str], list[str]]) -> None:
        """The words that tell one sense of a cue from another: a fault verb's particle
        giving it another sense ("broke down the cages"), the outcome of a check waited for
        ("without waiting for the test results"), a personal quality lacked at the end of a
        root-cause statement ("the developer's lack of security awareness")."""
        self.other_senses = set(ws("other-sense-phrasals"))
        self.heeded_reads = set(ws("heeded-reads"))  # "had the runbook been read closely"
        self.heedful_manners = set(ws("heedful-manners"))
        self.titled_roles = set(ws("titled-roles"))  # "the Release Manager", a person
        self.titled_role_things = set(ws("titled-role-things"))  # "the Secrets Manager"
        self.titled_product_heads = set(ws("titled-product-heads"))  # "Manager"
        self.awaited_outcomes = set(ws("awaited-outcomes"))
        self.unpractised_verbs = set(ws("unpractised-verbs"))  # bl27: "had never run"
        self.unpractised_objects = set(ws("unpractised-objects"))  # "had no idea"
        self.party_acts = set(ws("party-acts"))
        self.party_act_objects = set(ws("party-act-objects"))
        self.manner_verbs = set(ws("manner-verbs"))  # misc30: "acted carelessly"
        self.accountability_words = set(ws("accountability-words"))  # misc30: "I take ..."
        self.fault_parties = set(ws("fault-parties"))  # bl31: "the landlord's fault"
        self.lacked_trait = re.compile(
            rf"\black of (?:[\w-]+ )?(?:{_alt(sorted(ws('rca-traits')))})s?\b"
            r"(?! (?:training|programmes?|programs?|courses?|modules?|sessions?)\b)",
            re.IGNORECASE,
        )
        self._read_bl29a(ws)
        self._read_bl30(ws)
        self._read_bl32(ws)
        self._read_bl40(ws)
        self._read_bl37(ws)
        self._read_bl38(ws)
        self._read_bl39(ws)
        self._read_bl41(ws)
        self._read_bl43(ws)

    def _read_credit(self, ws: Callable[[str], list[str]]) -> None:
        """PM107's words for credit given for the recovery (:mod:`pm_lsp.rules.blame.credit`)."""
        self.credit_finding_verbs = set(ws("credit-finding-verbs"))
        self.credit_verbs = set(ws("credit-verbs"))
        self.credit_remedy_verbs = set(ws("credit-remedy-verbs"))
        self.credit_remedy_nouns = set(ws("credit-remedy-nouns"))
        self.credit_keeping_verbs = set(ws("credit-keeping-verbs"))
        self.credit_keeping_states = set(ws("credit-keeping-states"))
        self.credit_time_marks = set(ws("credit-time-marks"))
        self.credit_looking_verbs = set(ws("credit-looking-verbs"))
        self.credit_outcome_verbs = set(ws("credit-outcome-verbs"))
        self.credit_spoilers = set(ws("credit-spoilers"))

    def _read_contexts(self, ws: Callable[[str], list[str]]) -> None:
        """The words of the classes read from a sentence's wider frame: a signal seen and
        dismissed, a late start held against a signal, a secret mishandled, a defect put in
        ("introduced the bug"), and the clean frames (a verdict on the incident with an
        apology, an operation started on purpose)."""
        self.defect_acts = set(ws("defect-acts"))
        self.defect_nouns = set(ws("defect-nouns"))
        self.singular_roles = set(ws("singular-roles"))
        self.perception_verbs = set(ws("perception-verbs"))
        self.start_verbs = set(ws("start-verbs"))
        self.investigation_verbs = set(ws("investigation-verbs"))
        self.contrast_marks = set(ws("contrast-marks"))
        self.credential_lapse_verbs = set(ws("credential-lapse-verbs"))
        self.credential_nouns = set(ws("credential-nouns"))
        self.incident_nouns = set(ws("incident-nouns"))
        self._read_lapses(ws)
        self.apology_words = set(ws("apology-words"))
        self.triggered_operations = set(ws("triggered-operations"))
        self.poor_work_adverbs = set(ws("poor-work-adverbs"))
        self.meeting_verbs = set(ws("meeting-verbs"))
        self.trust_nouns = set(ws("trust-nouns"))
        self.erosion_words = set(ws("erosion-words"))
        self.change_pointers = set(ws("change-pointers"))
        self.change_verbs = set(ws("change-verbs"))
        # the regular past of the listed act verbs back to their lemma too: the small model
        # leaves verbs its tables lack half-lemmatised ("bricked" -> "bricke")
        for verb in (
            self.failure_verbs
            | self.causal_verbs
            | self.work_harm_verbs
            | self.credential_lapse_verbs
            | self.mind_verbs
            | self.duties
        ):
            past = self.participle(verb) if " " not in verb else None
            if past is not None:
                self.past_lemma.setdefault(past, verb)
        self.change_acts = set(ws("change-acts"))
        self.neutral_causes = set(ws("neutral-causes"))
        self.harm_words = set(ws("harm-words"))
        self.awareness_words = set(ws("awareness-words"))
        self.knowledge_verbs = set(ws("knowledge-verbs"))
        self.consequence_modals = set(ws("consequence-modals"))
        self.collective = set(ws("collective-bodies"))
        self.companies = set(ws("company-suffixes"))
        self.departments = set(ws("department-names"))
        self._read_senses(ws)
        self.refusal_verbs = set(ws("refusal-verbs"))
        self.tone_kinds = set(ws("tone-kinds"))
        self.refused_claims = set(ws("refused-claims"))
        # a change noun with a pointer ("this fix", "the patch") and, up to six words on, a
        # harm verb: the change may be the one the sentence before made
        # (:mod:`pm_lsp.rules.blame.antecedent`)
        harm = _alt(self._forms(self.causal_verbs | self.failure_verbs))
        self.change_reference = re.compile(
            rf"(?<!\w)(?:{_alt(sorted(self.change_pointers))})\s+"
            rf"(?:{_alt(sorted(self.work_nouns))})(?:e?s)?(?!\w)"
            rf"(?:\W+\w+){{0,6}}?\W+(?:{harm})",
            re.IGNORECASE | re.DOTALL,
        )

    def _forms(self, lemmas: set[str]) -> list[str]:
        """Surface prefixes for verb lemmas: the first word's stem and its irregular forms."""
        out: set[str] = set()
        for lemma in lemmas:
            head = lemma.split()[0]
            out.add(_stem(head))
            for table in (self.past, self.participles):
                if head in table:
                    out.add(table[head])
        return sorted(out)

    def _failure_forms(self) -> str:
        """A regex for the past forms of the failure verbs ("broke", "broken", "ignored",
        "missed") and, for a phrasal verb, its particle later in the sentence ("took ...
        down"). Stems and irregular forms are tries, grouped by particle: one pass over the
        sentence instead of one per verb."""
        groups: dict[str, tuple[set[str], set[str]]] = {}
        for lemma in self.failure_verbs:
            head, *rest = lemma.split()
            stems, literal = groups.setdefault(rest[0] if rest else "", (set(), set()))
            stems.add(_stem(head))
            literal.update({self.past.get(head, ""), self.participles.get(head, "")} - {""})
        out = []
        for particle, (stems, literal) in sorted(groups.items()):
            body = rf"(?:{word_alternation(stems)})\w*(?:ed|d)"
            if literal:
                body += f"|{word_alternation(literal)}"
            pat = rf"(?<!\w)(?:{body})(?!\w)"
            if particle:
                pat += rf".*\b{re.escape(particle)}\b"
            out.append(pat)
        return "|".join(out) or r"(?!x)x"

    def _prefilter(self) -> list[tuple[re.Pattern[str], ...]]:
        """Alternatives of conjunctions of cheap regexes: a sentence that satisfies none of
        them cannot be flagged, so it is never parsed. Each alternative mirrors a judge's
        necessary condition (a failure verb in the past tense, "failed to", modal + have, a
        causal verb with a possessor or "by", ...); the prefilter test proves the claim.
        Words are delimited by non-word characters only, not by hyphens: the judges read
        tokens, and the tokenizer splits "accidentally-ignored" and "super-careless".
        In each conjunction the pattern that fails most often comes first."""
        flags = re.IGNORECASE | re.DOTALL

        def r(p: str) -> re.Pattern[str]:
            return re.compile(p, flags)

        def words(ws: set[str] | list[str]) -> str:
            return rf"(?<!\w)(?:{_alt(sorted(ws))})(?!\w)"

        neg = r"(?:\bnot\b|\bnever\b|n['’]t\b|\bno[- ]one\b|\bnobody\b)"
        failure = self._failure_forms()
        causal = rf"(?<!\w)(?:{_alt(self._forms(self.possessed_acts))})"
        omission = rf"(?<!\w)(?:{_alt(self._forms(self.omission_verbs))})\w*\s+to\b"
        negated = rf"(?<!\w)(?:{_alt(self._forms(self.negated_omissions - self.responses))})\w*"
        judged = sorted(
            self.judgment
            | self.person_judgment
            | self.verdicts
            | self.hindsight_adjectives
            | {"obviously", "clearly"}
        )
        return [
            (r(failure),),
            (r(causal), r(r"['’]s\b|\b(?:his|her|by|did)\b")),
            (r(omission),),
            (r(_MODAL_HAVE),),
            (r(r"\bif\b[^.;]*(?:\bhad|\w['’]d)\b|(?:^|[,;:]\s*)had\b|" + _HAD_ASKED),),
            (r(negated), r(neg)),
            (r(words(self.nobody)),),
            (r(r"\bfollowed\b"), r(neg)),
            (r(words(self.responsibility)),),
            (r(words(judged)),),
            (r(rf"(?<!\w)(?:{_alt(sorted(self.judgment | self.person_judgment))})\w*"),),
            (r(r"\b(?:just|simply)\s+(?:had|needed)\b"),),
            (self.human_error,),
            # a person's error: "an engineer's typo", "her mistake"
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.error_nouns))})s?(?!\w)"),
                r(r"['’]s?\b|\b(?:his|her|their)\b"),
            ),
            *self._frame_prefilter(r, words),
            *self._act_prefilter(r, words, neg),
            (self.judgment_phrases,),
            (self.minimiser_phrases,),
            (self.hindsight,),
            *self.idiom_parts,
            (self.shouting,),
            *self._bl37_prefilter(r, words),
            *self._act_verdict_prefilter(r, words),
            *self._bl39_prefilter(r, words),
            *self._bl41_prefilter(r, words),
            *self._unfit_state_prefilter(r, words),
        ]

    def _unheeded_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for a signal let pass with nobody named ("the alarm
        was dismissed": unheeded.py), an act of going ahead despite a warning sign
        (heedless.py), an act held short of what is expected of a person ("not what we
        expect from a lead": standards.py) and a miss wondered at in the generic present ("how do
        you miss it for an hour?": rhetoric._how_generic_miss)."""
        signal_verbs = _alt(self._forms(self.unheeded_signal_verbs))
        going = _alt(self._forms(self.heedless_acts))
        return [
            (r(rf"\b(?:was|were)\s+(?:{signal_verbs})\w*\b"),),
            # an act of going ahead despite a warning sign (heedless.py)
            (r(r"\bdespite\b"), r(rf"(?<!\w)(?:{going})")),
            # an act held short of what is expected of a person (standards.py)
            (r(r"\bnot\b[^.;]{0,12}\bwhat\b"), r(r"\b(?:from|of)\b")),
            (r(rf"\bhow\s+(?:{_alt(sorted(self.wondered_auxes))})\b"), r(r"\bfor\b"), r(r"\?")),
        ]

    @staticmethod
    def _how_could_prefilter(
        r: Callable[[str], re.Pattern[str]],
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for a lapse asked about: "How could the reviewers
        overlook ...?" (rhetoric._how_could), a lapse asked in the base form, which the
        past-tense failure forms do not reach; and "why would you restart the primary at
        peak?", asked of the one who did it (``exasperated-questions``); and the "why" of an
        act given as a harm's reason (", which is why ...": consequent.py)."""
        return [
            # an act given as the reason for a harm: ", which is why" (consequent.py)
            (r(r"\b(?:which|that|this)(?:\s+(?:is|was)|['’]s)\s+why\b"),),
            (r(r"\bhow\s+could\b"), r(r"\?")),
            (r(r"\bwhy\s+(?:on\s+earth\s+|in\s+the\s+world\s+)?would\s+you\b"), r(r"\?")),
        ]

    def _unfit_state_prefilter(
        self, r: Callable[[str], re.Pattern[str]], words: Callable[[set[str]], str]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for a person's unfitness judged as a state
        (competence.unfit_state): an unfit state, or a fit state denied; and the lapses
        asked about (:meth:`_how_could_prefilter`) and signals let pass
        (:meth:`_unheeded_prefilter`) before them."""
        neg = r"(?:\bnot\b|\bnever\b|n['’]t\b)"
        return [
            *self._how_could_prefilter(r),
            *self._unheeded_prefilter(r),
            (r(words(self.unfit_states)),),
            (r(words(self.fit_states)), r(neg)),
        ]

    def _bl39_prefilter(
        self, r: Callable[[str], re.Pattern[str]], words: Callable[[set[str]], str]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for bl39's classes 6 and 7 (approval.py)."""
        waved = rf"(?<!\w)(?:{_alt(self._forms(self.waved_verbs))})"
        cares = words(self.care_nouns)
        return [
            (r(r"\bthrough\b"), r(waved)),
            (r(cares), r(r"\bwith(?:out)?\b")),
        ]

    def _bl41_prefilter(
        self, r: Callable[[str], re.Pattern[str]], words: Callable[[set[str]], str]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for bl41's classes: approval by a party told by a
        gap in reading or grasping the work (approval.blind_approver), a trait found lacking
        in a party (lacking.party_lack)."""
        approved = rf"(?<!\w)(?:{_alt(self._forms(self.approval_verbs))})"
        gap = rf"{words(self.unread_verbs)}|\bno\b"
        return [
            (r(approved), r(r"\b(?:who|that)\b"), r(gap)),
            (r(words(self.lack_nouns)), r(words(self.party_lacks))),
        ]

    def _bl37_prefilter(
        self, r: Callable[[str], re.Pattern[str]], words: Callable[[set[str]], str]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for bl37's classes: a lapse in the passive with a
        "by" agent (acts.passive_lapse)."""
        lapsed = rf"(?<!\w)(?:{_alt(self._forms(self.passive_lapse_verbs))})"
        caused = rf"(?<!\w)(?:{_alt(self._forms(self.causal_verbs))})|{words(self.worse_words)}"
        return [
            (r(words(self.left_lapse_states)), r(r"\bleft\b")),
            (r(lapsed), r(r"\bby\b")),
            # a harm drawn out by a party ("was made longer by the desk")
            (r(self._lengthened()), r(r"\bby\b")),
            (r(words(self.record_nouns)), r(r"\bnever\b|n['’]t\b|\bnot\b")),
            (
                r(words(self.disposition_nouns | self.habit_cause_nouns)),
                r(r"['’]s?\b|\b(?:their|his|her)\b"),
                r(caused),
            ),
        ]

    def _lengthened(self) -> str:
        """A regex for a harm drawn out (:mod:`pm_lsp.rules.blame.lengthened`):
        "made" then one of ``lengthening-words`` or ``worse-words``, or a form of one of
        ``lengthening-verbs``."""
        told = _alt(sorted(self.lengthening_words | self.worse_words))
        verbs = _alt(self._forms(self.lengthening_verbs))
        return rf"\bmad[ea]\b[^.;]{{0,40}}?(?<!\w)(?:{told})\b|(?<!\w)(?:{verbs})\w*"

    def _cleft_duty_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for clumsy handling, a duty not done and a cleft."""
        return [
            # clumsy handling: "on-call was fumbling around with kubectl"
            (r(rf"(?<!\w)(?:{_alt(self._forms(self.clumsy_verbs))})"),),
            # "deployed by Chen without anyone noticing the typo" (acts._step_left)
            (
                r(r"\bwithout\s+any(?:one|body)\b"),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.unnoticed_verbs))})"),
            ),
            # a role's duty, then not done: "it is the DBA's job to ..., and it was not done"
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.duty_nouns))})(?!\w)"),
                r(r"['’]s\b"),
                r(r"\bnot\b|\bnever\b|n['’]t\b"),
            ),
            # competence judged in a relative clause: "who clearly wasn't comfortable with"
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.stance_adverbs))})(?!\w)"),
                r(r"\bwho\b"),
                r(r"\bnot\b|\bnever\b|n['’]t\b|\bno\b"),
            ),
            # a deferral with a person as its agent: "was deprioritised by the director"
            (
                r(rf"(?<!\w)(?:{_alt(self._forms(self.deferral_verbs))})"),
                r(r"\bby\b"),
            ),
            # what was owed denied by a person: "we were not told by the DBA team until 10:00"
            (
                r(rf"(?<!\w)(?:{_alt(self._forms(self.withheld_verbs))})"),
                r(r"\bby\b"),
                r(r"\buntil\b"),
            ),
            # a person's work or error that let a harm through: "Kim's decision let it through"
            (
                r(r"\b(?:through|past)\b"),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.let_through_verbs))})"),
                r(r"['’]s\b|\b(?:his|her)\b"),
            ),
            # a person's failing as the cause: "the crew's slowness in paging cost an hour"
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.failing_nouns | {'lack'}))})(?!\w)"),
                r(r"['’]s?\s|\b(?:his|her)\b"),
            ),
            *self._owed_prefilter(r),
            # a person's work as the doer of a cleft: "Kim's change is what broke ...", "it
            # was the DBA's oversight that ...", "what broke it was Lena's script"
            (
                r(
                    r"\b(?:is|was|are|were)\s+what\b|^\W*what\b"
                    r"|\bit\s+(?:is|was)\b[^.;]{1,80}?\b(?:that|who)\b"
                ),
                r(r"['’]s\b|\b(?:his|her)\b"),
            ),
        ]

    def _damage_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for a party's act told as the damage done and a
        duty held undone (bl28a)."""
        owed = {self.participle(w) or w for w in self.owed_verbs}
        return [
            # a duty held undone: "the DBA was supposed to rotate the keys"
            (r(rf"(?<!\w)(?:{_alt(sorted(owed))})\s+to\b"),),
            # (bl28a) ... as the damage done: "the desk's handling sank the release", "...
            # turned a stall into an outage", "the delay was down to the lead's decision"
            (
                r(
                    rf"(?<!\w)(?:{_alt(self._forms(self.damage_verbs))})\w*"
                    rf"|(?<!\w)(?:{_alt(self._forms(self.escalation_verbs))})\w*\b.*\binto\b"
                    rf"|(?<!\w)(?:{_alt(sorted(self.owed_adverbs))})\s+to\b"
                ),
                r(r"['’]s?\s|\b(?:his|her)\b"),
            ),
            # (bl30) an expectation held against a party: "the lead might reasonably have
            # been expected to notice"
            (
                r(
                    rf"(?<!\w)(?:{_alt(sorted(self.expectation_modals))})\b[^.;]{{0,40}}?"
                    r"\bhave\s+been\s+(?:[\w-]+\s+)?"
                    rf"(?:{_alt(sorted(self.participle(w) or w for w in self.expectation_verbs))})"
                    r"\s+to\b"
                ),
            ),
            # (bl30) a party's act named as the trigger: "their choice to skip it was the
            # trigger"
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.trigger_nouns))})(?!\w)"),
                r(r"['’]s?\s|\b(?:his|her|their)\b"),
            ),
            # (bl30) contempt for people through a descriptor (slights.py)
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.grasp_nouns))})(?!\w)"),
                r(rf"(?<!\w)(?:{_alt(sorted(self.shallow_grasp_words))})(?!\w)"),
            ),
            (r(rf"(?<!\w)(?:{_alt(sorted(self.people_slights))})(?!\w)"),),
            (r(rf"\bpaid\s+to\s+(?:{_alt(sorted(self.paid_watch_verbs))})\b"),),
            # (bl30) ... owed to a party itself: "the outage was down to the night operator"
            (r(rf"(?<!\w)(?:{_alt(sorted(self.owed_adverbs))})\s+to\s+(?!\d)"),),
        ]

    def _doubting_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for questions that doubt a party (rhetoric.py): a
        change asked about at a time held against it ("who deploys on a Friday?", "who
        ships that in 2024?") and not knowing asked with disbelief ("was the analyst
        really unaware that ...?")."""
        return [
            (r(r"\bwho\b"), r(_spaced_words(self.damning_times)), r(r"\?")),
            (r(r"\bwho\b"), r(r"\bin\s+(?:19|20)\d\d\b"), r(r"\?")),
            (
                r(_spaced_words(self.incredulity_adverbs)),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.awareness_words | self.knowledge_verbs))})"),
                r(r"\?"),
            ),
        ]

    def _owed_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for what a person is held to have owed or cost
        (bl25b): competence short of a standard, awareness owed, an act that cost time."""
        return [
            # competence judged (bl25b): "whose grasp of X was not what ...", "the sort of
            # mistake you'd expect from ...", "the team's chronic inability to ..."
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.grasp_nouns))})(?!\w)"),
                r(r"\bnot\b|n['’]t\b"),
            ),
            (r(r"\bexpect(?:ed)?\s+from\b"),),
            (
                r(
                    rf"(?<!\w)(?:{_alt(sorted(self.habit_adjectives))})\s+"
                    rf"(?:{_alt(sorted(self.incapacity_nouns))})(?!\w)"
                ),
            ),
            # awareness owed in hindsight: "should have been aware", "ought to have known"
            (
                r(
                    rf"(?<!\w)(?:{_alt(sorted(self.hindsight_modals))})\b[^.;]{{0,30}}?"
                    r"\b(?:have|['’]ve)\b[^.;]{0,30}?"
                    rf"(?<!\w)(?:{_alt(sorted(self.hindsight_knowing))})\b"
                ),
            ),
            # rhetorical who and why (bl25b): "who signs off on a leak like that?", "why is
            # the lead never around?", "why the DBA could not be reached remains a mystery"
            (r(r"\bwho\b"), r(_spaced_words(self.damning_marks)), r(r"\?")),
            *self._doubting_prefilter(r),
            (r(r"\bwhy\b"), r(_spaced_words(self.habit_marks)), r(r"\?")),
            (r(r"\b(?:why|how)\b"), self.wonder_re),
            # (bl26a) "why was a hotfix allowed to go out at all?", "it's fair to ask why ..."
            (r(r"\bwhy\b"), r(r"\b(?:allowed|permitted)\b"), r(r"\?")),
            (r(r"\bwhy\b"), self.asking_frames_re),
            (r(r"\bnone\s+of\b"), r(r"\bwhy\b"), r(r"\?")),  # "why do none of the leads ...?"
            # (bl29b) "how did the board approve a change without a dry run?", "would a
            # more careful reviewer not have asked?"
            (r(r"\b(?:how|why)\b"), r(_spaced_words(self.damning_marks)), r(r"\?")),
            (r(r"^\W*(?:\w+,?\s+)?(?:would|could|might)(?:n['’]t)?\b"), r(r"\bhave\b"), r(r"\?")),
            # a person's act as what cost time or money: "Dana's choice to wait cost a day"
            (r(r"\bcosts?\b"), r(r"['’]s?\s|\b(?:his|her)\b")),
            *self._damage_prefilter(r),
            # inattention told of a person (attention.py): "the reviewer wasn't paying
            # attention", "Dana paid no attention to the page"
            (r(r"\bpa(?:y|ys|id|ying)\s+(?:no\s+|little\s+|scant\s+)?attention\b"),),
            # knowing expected of the competent (bl26a): "a seasoned DBA shouldn't need a
            # checklist to know ..."
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.competence_words))})(?!\w)"),
                r(r"\b(?:should|ought)(?:n['’]t|\b)"),
                r(r"\bnot\b|\bnever\b|n['’]t\b"),
                r(r"\b(?:need|needed|have\s+to)\b"),
            ),
            # a failure named by its party (bl26b): "the failure by the data team to warn"
            (r(r"\bfailures?\s+(?:by|on\s+the\s+part\s+of)\b"), r(r"\bto\b")),
            # an omission hedged (bl26b): "none of the reviewers seems to have run the tests"
            (r(r"\bnone\s+of\b"), r(r"\b(?:seem|appear)\w*\s+to\s+have\b")),
        ]

    def _read_bl29a(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl29a's classes: competence judged as a shortfall (shortfall.py),
        omissions told in bureaucratic passives (omission.py, hurried.py), responsibility
        placed with an idiom (placed.py)."""
        self.reflexive_omissions = set(ws("reflexive-omissions"))  # bl29a
        self.shortfall_words = set(ws("shortfall-words"))  # bl29a class 1 (shortfall.py)
        self.shortfall_verbs = set(ws("shortfall-verbs"))
        self.foresight_verbs = set(ws("foresight-verbs"))
        self.foresight_limits = set(ws("foresight-limits"))
        self.hurried_verbs = set(ws("hurried-verbs"))  # bl29a: "rushed through by"
        self.pressed_verbs = set(ws("pressed-verbs"))
        self.haste_motives = set(ws("haste-motives"))
        # class 3 of bl29a: responsibility placed with an idiom (placed.py)
        self.plate_nouns = set(ws("plate-nouns"))
        self.owned_problems = set(ws("owned-problems"))
        self.solving_verbs = set(ws("solving-verbs"))
        self.placing_adverbs = set(ws("placing-adverbs"))
        self.lapse_spans = set(ws("lapse-spans"))
        self.placed_lapses = set(ws("placed-lapses"))

    def _read_bl30(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl30's classes: a party's decision or drive told as the cause
        (cause.py), an expectation held against a party (expected.py)."""
        self.drive_nouns = set(ws("drive-nouns"))  # bl30 class 2
        self.trigger_nouns = set(ws("trigger-nouns"))
        self.expectation_verbs = set(ws("expectation-verbs"))  # bl30 class 3
        self.expectation_modals = set(ws("expectation-modals"))
        self.shallow_grasp_words = set(ws("shallow-grasp-words"))  # bl30 class 4
        self.people_slights = set(ws("people-slights"))
        self.people_nouns = set(ws("people-nouns"))
        self.paid_watch_verbs = set(ws("paid-watch-verbs"))
        self.lapse_marks = set(ws("lapse-marks"))
        self.deciding_verbs = set(ws("deciding-verbs"))  # bl30 class 5

    def _read_bl40(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl40: sections whose present acts state wanted behaviour
        (cause._failure_verb), short answers to a lone yes/no question
        (questions.asking) and departments spelt like a pronoun (extract.person_name)."""
        self.spec_sections = set(ws("spec-sections"))
        short = "|".join(re.escape(w) for w in ws("short-answers")) or "(?!x)x"
        self.short_answer = re.compile(rf"[\W_]*(?:{short})\b", re.IGNORECASE)
        self.capital_departments = frozenset(w.upper() for w in ws("capital-departments"))
        # bl42 class 4: the title of a named storm or quake is no person (extract.person_name)
        self.hazard_titles = frozenset(w.lower() for w in ws("hazard-titles"))

    def _read_bl32(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl32 class 1: bodies of people named by a collective noun
        (extract._people_body) and trades named by their ending (extract._occupation)."""
        self.people_heads = set(ws("people-heads"))
        self.body_heads = set(ws("body-heads"))
        self.body_kinds = set(ws("body-kinds"))
        self.occupation_suffixes = tuple(ws("occupation-suffixes"))
        self.doer_suffixes = tuple(ws("doer-suffixes"))
        self.experience_words = set(ws("experience-words"))
        self.occupation_things = tuple(ws("occupation-things"))
        self.unit_words = set(ws("unit-words"))  # bl34 class 1 (extract._org_unit)
        self.unit_thing_words = set(ws("unit-thing-words"))
        #: bl36 class 1: a person's "failed to" whatever the act, but not an attempt's end
        self.attempt_outcomes = set(ws("attempt-outcomes"))
        self.attempt_verbs = set(ws("attempt-verbs"))
        self.unit_acts = set(ws("unit-acts"))

    def _read_bl37(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl37's classes: verbs that report a judgment (class 1,
        verdicts._report_frame), lapses told in the passive (class 3), a party's leaning told
        as the cause (class 4, verdicts.disposition), a record a role never wrote (class 6)."""
        self.verdict_report_verbs = set(ws("verdict-report-verbs"))
        #: class 3 (acts.passive_lapse): "left unattended by", "neglected by"
        self.left_lapse_states = set(ws("left-lapse-states"))
        self.passive_lapse_verbs = set(ws("passive-lapse-verbs"))
        self.habit_cause_nouns = set(ws("habit-cause-nouns"))  # class 4 (disposition)
        self.record_verbs = set(ws("record-verbs"))  # class 6 (omission._record_left)
        self.record_nouns = set(ws("record-nouns"))

    def _read_bl38(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl38's classes: the verdict nouns a person's act is named by
        (class 2, misstep.py); the trailing verdicts on a group (class 5, trailing.py) are
        compiled with the idioms in ``__init__``); the verdicts on a party's habit (class 6,
        kept.py)."""
        verdicts = [word_bounded(soft_spaces(p)) for p in ws("kept-habit-verdicts")]
        self.kept_habit_verdicts = re.compile("|".join(verdicts) or r"(?!x)x", re.IGNORECASE)
        self.misstep_nouns = set(ws("misstep-nouns"))
        #: a person's slowness named as the reason for a harm (slowness.py)
        self.slow_acts = set(ws("slow-acts"))
        self.reason_link_subjects = set(ws("reason-link-subjects"))
        self.left_blank_words = set(ws("left-blank-words"))  # class 4 (rhetoric._why_author)

    def _slowness_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternative for a person's slowness named as the reason for a
        harm (slowness.py): "took" then "is the reason" or "is why"."""
        link = r"\b(?:is|was)\s+(?:(?:the|a)\s+)?(?:[\w-]+\s+){0,2}?(?:reason|why)\b"
        return [(r(r"\bt(?:ook|akes?|aking)\b"), r(link))]

    def _act_verdict_prefilter(
        self, r: Callable[[str], re.Pattern[str]], words: Callable[[set[str]], str]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for verdicts on a person's act: the act named the
        mistake or the cause by "be" (misstep.py), trailing verdicts on a group, a habit
        kept, a question about the author, and a person's delay named the reason."""
        said = r(r"\b(?:is|was)\s+(?:(?:the|a|an|our)\s+)?(?:[\w-]+\s+){0,2}")
        return [
            (r(words(self.misstep_nouns)), said),
            (self.trailing_verdicts,),
            (r(r"\bk(?:eeps?|ept|eeping)\s+[\w-]+ing\b"), self.kept_habit_verdicts),
            # "why did the engineer who approved it not ask?" (rhetoric._why_author)
            (r(r"\bwhy(?:['’]d)?\b[^.;?]{0,60}?\b(?:who|that)\s+\w+"), r(r"\?")),
            (r(r"\w(?:ing|['’]s)\b[^.;]{0,80}?\b(?:is|was)\b[^.;]{0,30}?\b(?:cause|reason)\b"),),
            *self._slowness_prefilter(r),  # a person's delay named the reason (slowness.py)
        ]

    def _read_bl39(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl39's classes: the presence a person owed (class 1,
        omission._present_counterfactual), approval waved through and care judged short
        (classes 6 and 7, approval.py)."""
        self.presence_places = set(ws("presence-places"))
        self.presence_states = set(ws("presence-states"))
        self.waved_verbs = set(ws("waved-verbs"))  # class 6 (approval.waved_through)
        self.worker_kinds = set(ws("worker-kinds"))  # kinds of worker (acts._worker_kind)
        self.worker_kind_acts = set(ws("worker-kind-acts"))
        #: class 7 (approval.care_short): "with insufficient care", "without due care"
        self.care_short_words = set(ws("care-short-words"))
        self.care_owed_words = set(ws("care-owed-words"))
        self.care_acts = set(ws("care-acts"))

    def _read_bl41(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl41's classes: approval by a party told by a gap in reading or
        grasping the work (class 1, approval.blind_approver), a trait found lacking in a
        party (class 2, lacking.party_lack)."""
        self.approval_verbs = set(ws("approval-verbs"))
        self.unread_verbs = set(ws("unread-verbs"))
        self.no_grasp_nouns = set(ws("no-grasp-nouns"))
        #: class 2 (lacking.party_lack): "a lack of judgement on the contractor's part"
        self.lack_nouns = set(ws("lack-nouns"))
        self.party_lacks = set(ws("party-lacks"))
        self.shown_verbs = set(ws("shown-verbs"))

    def _read_bl43(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl43's classes: human error disclaimed as the incident's label
        (class 1, human_error._disclaimed), a manner of fault on a passive act with a party
        as its "by" agent (class 3, acts._faulted_manner), a setting-up people do told in a
        counterfactual passive with how heedfully (class 4, omission._heeded_passive)."""
        self.labelling_verbs = set(ws("labelling-verbs"))
        self.label_rejecting = set(ws("label-rejecting-verbs"))
        self.label_set_asides = set(ws("label-set-asides"))
        self.fault_manners = set(ws("fault-manners"))
        self.heeded_setups = set(ws("heeded-setups"))
        self._read_bl44(ws)

    def _read_bl44(self, ws: Callable[[str], list[str]]) -> None:
        """The words of bl44's classes: an act held back that would itself have been wrong
        (class 1, abstained.rightly_abstained), the last words of a firm's name (class 2,
        extract.firm_name)."""
        self.misuse_acts = set(ws("misuse-acts"))
        self.abstained_acts = set(ws("abstained-acts")) | self.misuse_acts
        self.abstained_marks = set(ws("abstained-marks"))
        theirs = [word_bounded(soft_spaces(p)) for p in ws("not-theirs")]
        self.not_theirs = re.compile("|".join(f"(?:{p})" for p in theirs), re.IGNORECASE)
        self.firm_words = set(ws("firm-words")) | self.companies  # class 2 (firm_name)
        self._read_denials_and_lapses(ws)

    def _read_denials_and_lapses(self, ws: Callable[[str], list[str]]) -> None:
        """The words that tell a denial of any one person's error (human_error._no_culprit)
        from a verdict on someone's, and the analysts naming causes as a root-cause
        sentence's subject (findings.names_findings) from a person the chain ends at."""
        self.ascribing_verbs = set(ws("ascribing-verbs"))
        self.finding_verbs = set(ws("finding-verbs"))  # findings.names_findings
        self.finding_nouns = set(ws("finding-nouns"))
        self.concluding_verbs = set(ws("concluding-verbs"))
        # a judgment word in a denied cause (verdicts._cause_denied)
        self.denied_cause_verbs = self.ascribing_verbs | set(ws("denied-cause-verbs"))
        self.denied_cause_preps = frozenset(ws("denied-cause-preps"))
        self.denied_cause_nouns = frozenset(ws("denied-cause-nouns"))
        self.denial_narrowers = frozenset(ws("denial-narrowers"))
        self.unnoticed_verbs = set(ws("unnoticed-verbs"))  # acts._step_left
        self.unnoticed_smooth = set(ws("unnoticed-smooth"))
        self.paralysis_verbs = set(ws("paralysis-verbs"))  # verdicts.clumsy: "just froze"
        self.paralysis_marks = set(ws("paralysis-marks"))
        self.own_gap_sections = frozenset(ws("own-gap-sections"))  # omission._our_own_gap
        self.own_gap_subjects = frozenset(ws("own-gap-subjects"))
        self.owned_setup_verbs = frozenset(ws("owned-setup-verbs"))  # omission._owned_setup
        self.owning_groups = frozenset(ws("owning-groups"))
        self.awaited_preconditions = frozenset(ws("awaited-preconditions"))  # awaited.py
        self.awaited_states = frozenset(ws("awaited-states"))
        self.answering_acts = frozenset(ws("answering-acts"))
        self.habit_scorn_adverbs = frozenset(ws("habit-scorn-adverbs"))  # scorned.py

    def _bl29a_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for bl29a's classes (:meth:`_read_bl29a`)."""
        return [
            # (bl29a) responsibility placed with an idiom: "on the desk's plate", "the
            # team's problem to solve", "squarely on the release manager"
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.plate_nouns | self.owned_problems))})s?\b"),
                r(r"['’]s?\s|\b(?:his|her|their)\b"),
            ),
            (r(rf"(?<!\w)(?:{_alt(sorted(self.placing_adverbs))})\s+on\b"),),
            # (bl29a) competence judged: "ought to know the protocol better", "fell short
            # of what a competent DBA would do", "never thought beyond the sample file"
            (
                r(r"\bbetter\b"),
                r(r"\b(?:should|ought)\b"),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.expected_knowing))})"),
            ),
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.shortfall_words))})\s+(?:of\s+)?what\b"),
                r(rf"(?<!\w)(?:{_alt(sorted(self.competence_words))})(?!\w)"),
            ),
            (
                r(rf"(?<!\w)(?:{_alt(sorted(self.foresight_limits))})(?!\w)"),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.foresight_verbs))})"),
                r(r"\bnot\b|\bnever\b|n['’]t\b"),
            ),
            # (bl29a) "rushed through by people keen to ...", "pushed through by managers"
            (
                r(r"\bthrough\b"),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.hurried_verbs | self.pressed_verbs))})"),
                r(r"\bby\b"),
            ),
            # (bl29a) "did not trouble herself to open the report"
            (
                r(
                    rf"(?<!\w)(?:{_alt(self._forms(self.reflexive_omissions))})\w*"
                    r"\s+\w+sel(?:f|ves)\s+to\b"
                ),
            ),
        ]

    def _read_pace(self, ws: Callable[[str], list[str]]) -> None:
        """The pace words read only under "too" or with "enough" (class 1 of bl33)."""
        self.too_pace_words = set(ws("too-pace-words"))
        self.duty_job_nouns = set(ws("duty-job-nouns"))  # class 3 of bl33
        self.enough_pace_words = set(ws("enough-pace-words"))

    def _bl33_prefilter(
        self, r: Callable[[str], re.Pattern[str]]
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for a party's pace judged: "the duty engineer was
        too slow to page the DBA", "far too late in paging", "not quick enough to answer";
        and for a duty named before a gap in knowing: "whose job is ... didn't know"."""
        duty = _alt(sorted(self.duty_job_nouns))
        return [
            (r(rf"\bwhose\s+(?:\w+\s+)?(?:{duty})\s+is\b"), r(r"\bnot\b|n['’]t\b")),
            (r(rf"(?<!\w)(?:{_alt(sorted(self.pace_words))})\s+(?:to|in)\b"),),
            (r(rf"\btoo\s+(?:{_alt(sorted(self.too_pace_words))})\s+(?:to|in)\b"),),
            (r(rf"(?<!\w)(?:{_alt(sorted(self.enough_pace_words))})\s+enough\s+(?:to|in)\b"),),
        ]

    def _told_acts(self, r: Callable[[str], re.Pattern[str]]) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for acts told in a roundabout way: made worse, a
        pace judged, a failure told with "of"."""
        lapses = word_alternation(sorted({_stem(v.split()[0]) for v in self.failure_verbs}))
        return [
            *self._cleft_duty_prefilter(r),
            # the contracted "would": "she'd have seen it", "he'd never have known"
            (r(r"\w['’]d(?:\s+\w+)?\s+(?:have|['’]ve)\b"),),
            # "didn't bother reading the docs"
            (r(r"\bbother(?:ed|s|ing)?\s+\w+ing\b"),),
            *self._bl29a_prefilter(r),
            # a fault told as a habit: "is always skipping the review", "keeps ignoring"
            (
                r(
                    r"\b(?:always|constantly|forever|continually|perpetually|keeps?|kept|keeping)"
                    rf"\s+(?:{lapses})"
                ),
            ),
            # a disposition held against a party: "the ops team's usual reluctance to"
            (
                r(
                    r"(?:['’]s?|\b(?:his|her|whose))\s+(?:[\w-]+\s+){0,2}"
                    r"(?:reluctance|unwillingness|tendency|habit|custom)\b"
                ),
            ),
            # "has no idea how DNS caching works", "has no clue what a ROA is"
            (r(r"\bno (?:idea|clue)\s+(?:how|what)\b"),),
            # a concept of the trade not known: "doesn't know what a ROA is"
            (r(r"\b(?:know|understand|grasp)s?\s+(?:what|how)\b"), r(r"\bnot\b|n['’]t\b")),
            # a person's work as the cause or the reason: "Kim's change was the reason ...",
            # "... is why ...", "the reason ... was Marco's change"
            (
                r(
                    r"(?:['’]s|\b(?:his|her))\b[^.;]{0,60}?\b(?:is|was|are|were)\s+"
                    r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:cause|reason|why)\b"
                    r"|\b(?:cause|reason)\b[^.;]{0,80}?\b(?:is|was)\b[^.;]{0,40}?"
                    r"(?:['’]s\b|\b(?:his|her)\b)"
                ),
            ),
            # a person's work or act that made things worse: "Lin's change made it worse"
            (
                r(rf"\bmad[ea]\b[^.;]{{0,60}}?(?<!\w)(?:{_alt(sorted(self.worse_words))})\b"),
                r(r"['’]s\b|\b(?:his|her)\b"),
            ),
            *self._bl33_prefilter(r),
            (r(r"\btoo\s+long\s+to\b"),),  # "took far too long to roll back"
            # ... or by a noun: "Kim's slow response", "his slow call"
            (
                r(
                    rf"(?<!\w)(?:{_alt(sorted(self.paced_act_words))})\s+(?:{_alt(sorted(self.paced_acts))})"
                ),
                r(r"['’]s?\s|\b(?:his|her)\b"),
            ),
            # ... or told with "of": "the failure of the release manager to sign it"
            # (words split by white space only: a run of dashes or quotes must not be
            # splittable in many ways between the two parts)
            (r(r"\bfailures?\s+of(?:\s+[\w'’-]+){1,6}?\s+to\b"),),
        ]

    def _act_prefilter(
        self,
        r: Callable[[str], re.Pattern[str]],
        words: Callable[[set[str]], str],
        neg: str,
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The prefilter's alternatives for the act classes (:meth:`_read_acts`); sets the
        destructive-act test that :meth:`candidate` pairs with an agent cue."""
        self._agent_acts(r, words)

        def forms(lemmas: set[str]) -> str:
            return rf"(?<!\w)(?:{_alt(self._forms(lemmas))})\w*"

        frame = neg + r"|\bnor\b|\bwithout\b|\b(?:fail|neglect|forg[oe]t|omit|bother)\w*"
        near = r"(?:\W+\w+){0,8}?\W+"  # up to eight words between
        conduct = rf"(?<!\w)(?:{_alt(sorted(self.conduct))})(?!\w)"
        respond = rf"(?:{_alt(self._forms(self.responses))})\w*"
        return [
            *self._told_acts(r),
            # upkeep left undone over time: "the team has not audited the rules in years"
            (r(rf"(?<!\w)(?:{_alt(self._forms(self.neglect_verbs))})\w*"), r(neg)),
            # a person's failure to do anything: "Lukas's failure to renew the certificate"
            (r(r"\bfailures?\s+to\b"), r(r"['’]s\b|\b(?:his|her|their)\b")),
            # the diligence word near its negated frame, on either side
            (r(rf"(?:{frame}){near}{conduct}|{conduct}{near}(?:{frame})"),),
            (r(rf"(?:{neg}|\bnobody\b|\bno one\b)(?:\W+\w+){{0,4}}?\W+{respond}"),),
            (r(r"\bwithout\b"), r(rf"(?<!\w)(?:{_alt(self.without_steps)})")),
            # "pushed the plugin without telling anyone"
            (r(r"\bwithout\b"), r(forms(self.uninformed_verbs))),
            (r(forms(self.deem_verbs)), r(r"\bby\b")),
            # the narrative present of a mind verb ("at 14:10 Jing ignores the page")
            (r(rf"(?<!\w)(?:{_alt(self._forms(self.mind_verbs & self.failure_verbs))})\w*s\b"),),
            (r(words(self.review_nouns)), r(forms(self.catch_verbs)), r(neg)),
            (r(r"\bnever\b"), r(forms(self.untested_verbs))),
            (r(r"\b(?:was|were)\s+(?:skipped|ignored)\b"),),  # a procedure's step skipped
            (r(r"\blet\b"), r(forms(self.let_lapses))),  # "let the certificate lapse"
            # a defect put in by someone ("Sam introduced the bug")
            (r(rf"(?<!\w)(?:{_alt(sorted(self.defect_nouns))})"), r(forms(self.defect_acts))),
            (r(words(self.poor_work_adverbs)), r(r"\bby\b")),
            # a lapse told as the manner of the act after it ("Misreading the alert, ...")
            (r(rf"^\W*(?:{_alt(self._forms(self.mind_verbs & self.failure_verbs))})\w*ing\b"),),
            (
                r(words(self.credential_nouns | {"passwords", "keys", "tokens", "secrets"})),
                r(forms(self.credential_lapse_verbs)),
            ),
            (
                r(r"until\b"),  # a literal first: searched fast (the judge reads the word)
                r(forms(self.start_verbs) + "|" + words(self.past_of(self.start_verbs))),
                r(neg),
                r(words(self.contrast_marks)),
            ),
            # a delay pinned on a person: "Ulla did not fail it over until 04:15"
            (r(r"until\b"), r(neg)),
            *self._verdict_prefilter(r, words, forms),
            (self.inaction,),
            _OPENED_QUESTION,
            _WHY_KEEP,
            *self.fault_parts,
            *self.fault_on_name_parts,
        ]

    def _agent_acts(
        self, r: Callable[[str], re.Pattern[str]], words: Callable[[set[str]], str]
    ) -> None:
        """The acts that need an agent cue besides (:meth:`candidate`): a destructive act, an
        accident, a consequence told after the act, a harm told with "because", an act done
        to the wrong thing."""
        destructive = rf"(?<!\w)(?:{_alt(self._forms(self.destructive_verbs))})\w*"
        # an accident adverb or "instead of" makes any act of a person a candidate
        # a person's act, then "and this caused ..." (the agent is cued as for a destructive
        # act, in :meth:`candidate`)
        harm = _alt(self._forms(self.causal_verbs | self.failure_verbs))
        consequence = (
            rf"\b(?:and\s+(?:this|that)|which)\s+(?:\w+\s+){{0,2}}(?:{harm})|,\s*(?:{harm})\w*ing\b"
        )
        # a harm, then "because" and (cued like a destructive act) the person who acted
        harmed = self._forms(self.harm_events | self.harm_onsets) + sorted(self.incident_nouns)
        # the gap is bounded: unbounded, a long run of harm words without "because" or a
        # full stop is scanned again from each of them
        because = rf"(?<!\w)(?:{_alt(harmed)})\w*\b[^.;:]{{0,200}}?\bbecause\b"
        wrong = words(self.wrong_words)  # "pushed the wrong value": the act by its object
        self.destructive_re = r(
            "|".join(
                (
                    destructive,
                    words(self.accident_adverbs | self.fault_manners | {"instead"}),
                    consequence,
                    because,
                    wrong,
                )
            )
        )
        self.agent_cue = r(self._agent_cue())

    def _verdict_prefilter(
        self,
        r: Callable[[str], re.Pattern[str]],
        words: Callable[[set[str]], str],
        forms: Callable[[set[str]], str],
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The alternatives for a failure act told as a choice ("chose to ignore", "decided
        to skip"), for trust in a party worn away ("our confidence in ACME was eroded"), for
        guilt named by a noun ("the real culprit") and for contempt told as a predicate
        noun ("the vendor's notes were garbage")."""
        stems = _alt(sorted(_stem(w.split()[0]) for w in self.failure_verbs))
        return [
            (r(rf"\b(?:cho(?:se|sen)|decided|opted|elected)\s+to\s+(?:{stems})"),),
            (r(words(self.trust_nouns)), r(forms(self.erosion_words))),
            (r(words(self.guilt_nouns)),),
            (r(words(self.contempt_nouns)), r(r"\b(?:is|was|are|were)\b|['’]s\b")),
        ]

    def _frame_prefilter(
        self,
        r: Callable[[str], re.Pattern[str]],
        words: Callable[[set[str]], str],
    ) -> list[tuple[re.Pattern[str], ...]]:
        """The alternatives for the frames read beyond one verb: a change pointed back at
        ("this fix broke ..."), a party's refusal ("management denies"), a harm not
        foreseen ("unaware that it would break ..."), a possessed work as a harm's reason
        ("because of Priya's deploy, checkout failed")."""
        return [
            *self.exasperation_parts,
            (self.change_reference,),
            (
                r(r"\b(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of)\b"),
                r(rf"(?<!\w)(?:{_alt(self._forms(self.harm_events))})"),
                r(r"['’]s\b|\b(?:his|her)\b"),
            ),
            # told in the active voice: "were rejected by the server" has no refusing party
            (r(_NOT_PASSIVE + words(_told_forms(self.refusal_verbs))),),
            (
                r(rf"(?<!\w)(?:{_alt(self._forms(self.awareness_words | self.knowledge_verbs))})"),
                r(words(self.consequence_modals)),
                r(r"\bthat\b"),
                r(r"\bunaware\b|\bnot\b|\bnever\b|n['’]t\b"),  # the lack of it
            ),
        ]

    def _agent_cue(self) -> str:
        """A regex for a word that may name the agent of a destructive act (see
        :func:`pm_lsp.rules.blame.acts._listed_agent`): a handle, a role noun or a
        third-person pronoun; a given name is looked up in :meth:`candidate`."""
        roles = _alt(sorted(self.roles | self.departments))
        pron = _alt(sorted(self.pronouns - FIRST_PERSON))
        return rf"@\w|\w@|(?<!\w)(?:{roles}|{pron})(?!\w)"

    @functools.cached_property
    def _any_prefilter(self) -> AnyOf:
        """:attr:`prefilter`, then the destructive-act test, as one test
        (:class:`pm_lsp.nlp.patterns.AnyOf`: the sentence's words are read once for both)."""
        return AnyOf([*self.prefilter, (self.destructive_re,)])

    def candidate(self, text: str) -> bool:
        """Can the blame judges flag anything in this sentence? (Cheap; no spaCy.) Any
        alternative of :attr:`prefilter`, or a destructive act with an agent cue."""
        first = self._any_prefilter.first(text)
        if first is None:
            return False
        return first < len(self.prefilter) or bool(
            self.agent_cue.search(text)
            or any(self.given_name(w) for w in _CAPITALISED.findall(text))
            or (  # a writer who capitalises nothing: "lena wiped the volume"
                capitalises_nothing(text)
                and any(self.given_name(w.capitalize()) for w in _LOWER_WORD.findall(text))
            )
        )

    def lists_questions(self, title: str) -> bool:
        """Does a section title name a section of questions (``question-sections``: "Five
        Whys", "Open questions")? Memoised by title: asked for every section and its
        ancestors on every lint."""
        hit = self._question_titles.get(title)
        if hit is None:
            if len(self._question_titles) > 4096:
                self._question_titles.clear()
            hit = self._question_titles[title] = bool(self.question_sections.search(title))
        return hit

    def given_name(self, word: str) -> bool:
        """``word`` is a listed given name (as written or without its diacritics) and not a
        product named like a person."""
        return is_given_name(word, self.given_names)

    def past_of(self, lemmas: set[str]) -> set[str]:
        """The irregular past forms of ``lemmas`` ("begin" -> "began"), for the prefilter."""
        return {self.past[w] for w in lemmas if w in self.past}

    def participle(self, lemma: str) -> str | None:
        """Past participle of a verb lemma, or None when it cannot be sure."""
        low = lemma.lower()
        if low in self.participles:
            return self.participles[low]
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", low):
            return None
        if low.endswith("e"):
            return low + "d"
        if re.search(r"[^aeiou]y$", low):
            return low[:-1] + "ied"
        vowels = re.findall(r"[aeiouy]+", low)
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", low) and len(vowels) == 1:
            return low + low[-1] + "ed"  # stop -> stopped; one syllable only
        if (
            re.search(r"[^aeiou][aeiou][bdgmnprt]$", low)
            and len(vowels) > 1
            and not re.search(r"(?:en|er|on|or|it|et|al|ip|om|um|ar)$", low)
        ):
            return None  # stress unknown: "commit" doubles, "open" does not
        return low + "ed"


def lexicon(pack: RulePack) -> BlameLexicon:
    """The pack's blame lexicon, compiled on first use and kept with the pack."""
    return pack.derived(BlameLexicon)
