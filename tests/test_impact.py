"""Impact rules PM401-PM403 with the real spaCy pipeline on fixture text written for them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, LintFn

from pm_lsp.engine import LintResult, lint
from pm_lsp.nlp.patterns import Alternation
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.impact.checks import lexicon
from pm_lsp.rules.spec import Diagnostic, Severity

HERE = FIXTURES / "impact"


def _lines(path: Path) -> list[str]:
    return [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


def _impact_doc(sentence: str) -> str:
    return f"# Title\n\n## Impact\n\n{sentence}\n"


def _covers(d: Diagnostic, text: str, piece: str) -> bool:
    i = text.index(piece)
    return d.start < i + len(piece) and i < d.end


@pytest.mark.parametrize("sentence", _lines(HERE / "vague.txt"))
def test_vague_impact_sentences(lint_text: LintFn, sentence: str) -> None:
    text = _impact_doc(sentence)
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert diags, sentence
    for d in diags:
        assert text[d.start : d.end] in sentence


@pytest.mark.parametrize("sentence", _lines(HERE / "clean.txt"))
def test_quantified_impact_and_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert lint_text(_impact_doc(sentence), select=["PM401"]).diagnostics == []


def test_every_lexicon_entry_has_a_fixture_sentence() -> None:
    pack = builtin_pack()
    sentences = " \n".join(s.lower() for s in _lines(HERE / "vague.txt"))
    missing = []
    for key in (
        "quantifiers",
        "quantifier-phrases",
        "phrases",
        "degree-phrases",
        "degree-adverbs",
        "grade-words",
        "size-words",
    ):
        for word in pack.words("impact", key):
            if not re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", sentences):
                missing.append(f"{key}: {word}")
    assert missing == []


def test_parse_not_word_and_section_weighting(lint_text: LintFn) -> None:
    text = (HERE / "impact-section.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM401"]).diagnostics
    got = {(text[d.start : d.end], d.severity) for d in diags}
    assert got == {
        ("many users", Severity.WARNING),  # Summary
        ("for a while", Severity.WARNING),
        ("Some customers", Severity.WARNING),  # Impact
        ("significant number of orders", Severity.WARNING),
        ("significantly", Severity.WARNING),
        ("Several hours", Severity.INFO),  # a lesson, not the impact statement
    }
    # "Some of the retries succeeded" in the timeline, "a few changes" in lessons: clean
    assert not any(_covers(d, text, "Some of the retries") for d in diags)
    assert not any(_covers(d, text, "a few changes") for d in diags)


def test_a_vague_amount_after_the_noun_it_counts_marks_its_own_words(
    lint_text: LintFn,
) -> None:
    """A labelled value names what is counted first ("Affected stores: a handful"): the
    span is the vague amount itself, never a range that ends before it starts; and what
    follows a comma is no part of the amount's phrase (the shoppers are counted, not the
    site they used)."""
    text = (
        "# T\n\n## Impact\n\n- Affected couriers: quite a few, mostly on the night shift.\n"
        "- Shoppers affected: quite a few, mostly on the mobile site.\n"
        "- Quite a few on-call engineers were paged twice.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert all(d.start < d.end for d in diags)
    assert [text[d.start : d.end] for d in diags][::2] == [
        "quite a few",
        "Quite a few on-call engineers",
    ]
    assert "couriers" in diags[0].message and "engineers" in diags[2].message
    assert "shoppers" in diags[1].message and "site" not in diags[1].message


def test_unquantified_claim_is_info_in_and_outside_impact_sections(lint_text: LintFn) -> None:
    """An impact statement is found by meaning wherever it is written; outside the Impact
    section only one about what faces the users counts, and not in a timeline."""
    text = (
        "# T\n\n## Impact\n\nUsers could not log in to the dashboard.\n\n## What happened\n\n"
        "Users could not log in to the dashboard.\n\n## Root cause\n\n"
        "The sidecar container crashed after the config reload.\n\n## Timeline\n\n"
        "| Time | Event |\n|---|---|\n| 10:04 | Users could not log in to the dashboard |\n"
        "| 10:30 | Login restored |\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [d.severity for d in diags] == [Severity.INFO, Severity.INFO]
    assert diags[0].start < text.index("## What") < diags[1].start < text.index("## Root")
    # a timeline table's rows are placed in time: no statement reported in its event cells


def test_narratives_state_impact_only_on_people_or_the_service(lint_text: LintFn) -> None:
    """The timeline's prose, root cause and lessons tell what happened to the system's own
    parts to explain the response: an unquantified statement there counts only when the
    sentence names people or the service as a whole. The same sentence about a part is
    reported in other prose, and an inline "Impact:" label makes its paragraph an impact
    statement wherever it sits."""
    text = (HERE / "narrative.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM401"]).diagnostics
    lines = {text.count("\n", 0, d.start) + 1 for d in diags}
    by_line = {n + 1: ln for n, ln in enumerate(text.splitlines())}
    reported = sorted(by_line[n] for n in lines)
    assert reported == sorted(
        [
            # What happened: other prose, statements about what users reach count
            "The scheduler was unavailable while the node rebooted.",
            "The primary database went down after the disk filled.",
            # Timeline prose: the service as a whole, people (its entries are placed in
            # time by their own clock, as a timeline table's rows are: not reported)
            "Soon after, the whole service went down with it.",
            "By then the booking page was down for everyone.",
            # Root cause: people, and an inline Impact label
            "Customers could not check out during the failover.",
            "**Impact:** The payment gateway was unavailable.",
            # Lessons: people
            "Shoppers were logged out when the cache cluster failed.",
        ]
    )


def _impact_only(fresh: NLP, text: str) -> LintResult:
    """PM401 alone, linted with ``fresh`` (a sibling of the shared pipeline with empty
    caches: a count of what it parsed says what this lint asked for, not what an earlier
    test happened to leave in the shared cache)."""
    config = resolve([Settings(), validate({"select": ["PM401"]}, "test settings", None)])
    return lint(text, config, nlp=fresh)


def test_narrative_sentences_about_parts_are_not_parsed(nlp: NLP) -> None:
    """What a narrative's statement cannot count for is never parsed for it."""
    fresh = nlp.sibling()
    _impact_only(fresh, "# T\n\n## Root cause\n\nThe replica fell behind and went down.\n")
    _impact_only(fresh, "# T\n\n## Root cause\n\nThe standby replica fell behind and went down.\n")
    assert fresh.parsed_texts == 0
    _impact_only(
        fresh, "# T\n\n## Root cause\n\nThe replica serving customers fell behind and went down.\n"
    )
    assert fresh.parsed_texts == 1


def test_action_items_are_left_to_pm301(lint_text: LintFn) -> None:
    text = "# T\n\n## Action Items\n\n- Add some monitoring for many users\n"
    assert lint_text(text, select=["PM401"]).diagnostics == []


def test_impact_without_numbers(lint_text: LintFn) -> None:
    text = (HERE / "impact-no-numbers.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM402"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Impact"]
    section = (HERE / "impact-section.md").read_text(encoding="utf-8")
    assert [d.code for d in lint_text(section, select=["PM402"]).diagnostics] == ["PM402"]


@pytest.mark.parametrize(
    "body",
    [
        "18,420 payments were delayed.",
        "Checkout failed for 31% of sessions.",
        "Refunds cost about $12,000.",
        "Exports were late for forty minutes.",
        "The API was down from 14:03 to 14:50 UTC.",
        "The API was down from 15.08.2025 to 17.08.2025.",
        "No customer was affected.",
    ],
)
def test_any_quantity_satisfies_pm402(lint_text: LintFn, body: str) -> None:
    assert lint_text(_impact_doc(body), select=["PM402"]).diagnostics == []


@pytest.mark.parametrize(
    "body",
    [
        "The portal was reported down at 1am by the support desk.",
        "Checkout in version 4.2.1 returned HTTP 503 errors.",
        "Sign-ups on the 3.1.4 client failed after the 14:05 deploy.",
        # an address is a name: not a dotted date followed by a number
        "Customers could not reach the gateway at 10.20.30.40.",
        "Sign-ups failed on 15.08.2025 after the deploy.",
    ],
)
def test_a_point_a_version_or_a_status_code_is_no_quantity(lint_text: LintFn, body: str) -> None:
    """PM402 reads amounts as PM401 does (from the text): a time of day, a date, a version
    and a status code say when or what, not how much."""
    diags = lint_text(_impact_doc(body), select=["PM402"]).diagnostics
    assert [d.code for d in diags] == ["PM402"], body


def test_a_stated_bound_satisfies_pm402(lint_text: LintFn) -> None:
    body = "Payouts kept working and no ledger entry was lost."
    assert lint_text(_impact_doc(body), select=["PM402"]).diagnostics == []


def test_a_date_alone_is_not_a_quantity(lint_text: LintFn) -> None:
    diags = lint_text(
        _impact_doc("On 2025-03-05 customers could not pay."), select=["PM402"]
    ).diagnostics
    assert [d.code for d in diags] == ["PM402"]


def test_summary_impact_paragraph_when_there_is_no_impact_section(lint_text: LintFn) -> None:
    text = (HERE / "summary-only.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM402"]).diagnostics
    assert [text[d.start : d.end][:18] for d in diags] == ["Push notifications"]
    ok = (HERE / "summary-quantified.md").read_text(encoding="utf-8")
    assert lint_text(ok, select=["PM402", "PM403"]).diagnostics == []


def test_impact_label_entry_counts_as_impact_section(lint_text: LintFn) -> None:
    text = (
        "# Incident on 2025-02-20\n\n- **Impact**:\n\n  Some users could not build.\n\n"
        "- **Resolution**:\n\n  Restarted 3 runners.\n"
    )
    diags = lint_text(text, select=["PM401", "PM402"]).diagnostics
    assert sorted(d.code for d in diags) == ["PM401", "PM402"]
    assert all(d.severity == Severity.WARNING for d in diags)


def test_data_loss_statement(lint_text: LintFn) -> None:
    zero = (HERE / "impact-zero.md").read_text(encoding="utf-8")
    assert lint_text(zero, select=["PM402", "PM403"]).diagnostics == []
    missing = (HERE / "impact-no-numbers.md").read_text(encoding="utf-8")
    diags = lint_text(missing, select=["PM403"]).diagnostics
    assert [missing[d.start : d.end] for d in diags] == ["Impact"]
    for statement in (
        "No data was lost.",
        "About 1,200 events were dropped and replayed.",
        "There was no data loss.",
        # the stored things by their own names, negated or kept
        "No photos were lost.",
        "Nothing was lost.",
        "No recipes, photos or shopping lists were lost.",
        "None of the uploaded invoices were deleted.",
        "All customer data was preserved.",
        "Every uploaded photo was kept intact.",
        "No data lost.",
        # told of the people who own the data, or of the data left alone
        "Nobody lost saved games, coins or skins.",
        "Your saved files and order records were never touched.",
        # two verbs joined ("exposed or lost")
        "No cardholder data was exposed or lost.",
    ):
        text = missing.replace("Support was busy.", statement)
        assert lint_text(text, select=["PM403"]).diagnostics == [], statement
    # a question still open states nothing, nor does the service coming back
    back = missing.replace("Support was busy.", "All the dashboards are restored.")
    assert [d.code for d in lint_text(back, select=["PM403"]).diagnostics] == ["PM403"]
    untouched = missing.replace("Support was busy.", "The old dashboards were never touched.")
    assert [d.code for d in lint_text(untouched, select=["PM403"]).diagnostics] == ["PM403"]
    pending = missing.replace(
        "Support was busy.", "We are still checking whether photos were lost."
    )
    assert [d.code for d in lint_text(pending, select=["PM403"]).diagnostics] == ["PM403"]
    placeholder = missing.replace("Support was busy.", "Data loss: TODO")
    assert [d.code for d in lint_text(placeholder, select=["PM403"]).diagnostics] == ["PM403"]


def test_examples(lint_text: LintFn) -> None:
    good = (ROOT / "examples" / "good-postmortem.md").read_text(encoding="utf-8")
    assert lint_text(good, select=["PM4"]).diagnostics == []
    bad = (ROOT / "examples" / "bad-postmortem.md").read_text(encoding="utf-8")
    codes = {d.code for d in lint_text(bad, select=["PM4"]).diagnostics}
    assert codes == {"PM401", "PM402", "PM403"}


def test_only_candidate_sentences_are_parsed(nlp: NLP) -> None:
    """The prefilter keeps parsing to sentences with a trigger word or an impact claim."""
    filler = " ".join(f"Step {i} of the rollout went through review." for i in range(40))
    text = f"# T\n\n## Timeline\n\n{filler}\n\n## Impact\n\nMany users saw errors.\n"
    fresh = nlp.sibling()
    diags = _impact_only(fresh, text).diagnostics
    assert [d.code for d in diags] == ["PM401"]
    assert fresh.parsed_texts == 1


@pytest.mark.parametrize("word", ["service-wide", "region-wide", "company-wide"])
def test_size_word_inside_a_hyphenated_compound_is_not_a_size(lint_text: LintFn, word: str) -> None:
    """'service-wide outage' names the outage's reach as a compound; 'wide outage' is vague."""

    def pm401(phrase: str) -> list[str]:
        """The size words reported (the outage itself is an unquantified statement)."""
        text = f"# T\n\n## Root Cause\n\nA {phrase} outage followed the cache flush.\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        return [text[d.start : d.end] for d in diags if "without an amount" not in d.message]

    assert pm401(word) == []
    assert pm401(word.split("-")[1]) != []  # the bare size word is still reported


def test_effect_forms_in_the_impact_pack_match_the_model(nlp: NLP) -> None:
    """The prefilter finds an impact statement by its effect word in every form spaCy's
    lemmatiser could map to an effect verb or noun: its suffix rules, and the irregular
    forms of its exception table listed in ``irregular-effect-forms`` ("lost", "broke")."""
    pack = builtin_pack()
    lex = lexicon(pack)
    tables = nlp.load().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    effects = lex.effect_verbs | lex.effect_nouns | lex.harm_to_people
    exceptions = tables.get_table("lemma_exc")
    irregular = [
        w for table in exceptions.values() for w, lemmas in table.items() if set(lemmas) & effects
    ]
    assert irregular
    assert [w for w in irregular if not lex.effect_form.search(w)] == []
    for tok in nlp.parse(
        "Checkout broke, sessions were lost and the workers hung.", entities=False
    ):
        if tok.lemma_.lower() in effects:
            assert lex.effect_form.search(tok.text), tok.text


@pytest.mark.parametrize(
    ("sentence", "asks", "never"),
    [
        ("Many tests timed out on the runners.", "how many tests", "duration"),
        ("Several epochs were missed by the validator.", "how many epochs", "duration"),
        ("A large portion of traffic was rejected.", "share", "how many"),
        ("Some of the team could not deploy.", "share of team", "how many"),
        ("A significant volume of traffic was dropped.", "share", "how many"),
        ("Several hours passed before checkout recovered.", "duration", "how many"),
        # a degree adverb of time asks for a duration, not a measured change
        ("Checkout was briefly unavailable.", "duration", "measured change"),
        ("Search results were temporarily stale.", "duration", "measured change"),
        # ... and so does a size word of time on an effect noun
        ("The outage was brief.", "duration", "share"),
        ("Uploads saw a prolonged disruption.", "duration", "share"),
        ("Latency increased sharply.", "measured change", "duration"),
        ("Considerable revenue was lost.", "amount of money", "how many"),
        ("Users could not log in.", "how many users were", "duration ("),
        # the entity as "how many … were affected" counts it: plural, lower case, people
        ("Everyone on the night shift could not clock in.", "how many people were", "many Every"),
        ("Nobody could open the status page.", "how many people were", "many Nobody"),
        # a personal pronoun counted by a quantifier stands for people, never "how many yous"
        ("A few of you could not open the status page.", "how many people", "yous"),
        ("Each merchant saw duplicate payouts.", "how many merchants were", "merchant were"),
        ("The customer could not pay.", "how many customers were", "customer were"),
        # a mass noun the tagger reads as a plural is measured, not counted
        ("Customer data was unavailable.", "how much data was", "how many data"),
        # "of the time" is how often, not how long
        ("Uploads failed some of the time.", "say how often", "duration"),
        ("The upload job failed several times before it gave up.", "how many times", "duration"),
        # a responder is never the one the effect reached
        ("The disk alert was dropped by the on-call engineer.", "for how long", "engineers"),
        ("The API was unavailable.", "for how long", "how many API"),
    ],
)
def test_the_suggested_number_follows_the_noun(
    lint_text: LintFn, sentence: str, asks: str, never: str
) -> None:
    """A count for what comes in individuals, a share for a mass or a team, a duration for
    time, money for money; never "give the duration" of a count, never "how many" of a
    mass or a team."""
    diags = lint_text(_impact_doc(sentence), select=["PM401"]).diagnostics
    assert len(diags) == 1, sentence
    assert asks in diags[0].message and never not in diags[0].message, diags[0].message


def test_an_entity_is_counted_in_the_plural(nlp: NLP) -> None:
    """The noun that "how many … were affected?" asks about (its irregular, -ies and -es
    plurals, names and acronyms as written)."""
    from pm_lsp.rules.impact.claims import counted

    doc = nlp.parse("The family, the person, the class, the ISP and the staff waited.")
    by_text = {t.text: counted(t) for t in doc if t.pos_ in ("NOUN", "PROPN")}
    assert by_text == {
        "family": "families",
        "person": "people",
        "class": "classes",
        "ISP": "ISPs",
        "staff": "staff",
    }
    # a common noun opening a line is often tagged as a name: counted all the same
    validator = nlp.parse("Validator missed its duties.")[0]
    assert (counted(validator), counted(validator, plural=False)) == ("validators", "validator")


@pytest.mark.parametrize("sentence", _lines(HERE / "statements.txt"))
def test_unquantified_statements_are_reported(lint_text: LintFn, sentence: str) -> None:
    diags = lint_text(_impact_doc(sentence), select=["PM401"]).diagnostics
    assert diags, sentence


def test_every_statement_word_has_a_fixture_sentence(nlp: NLP) -> None:
    """Every effect word, harm to people and impact-only noun of the pack appears (in one of
    its forms) in a statement fixture."""
    pack = builtin_pack()
    lemmas = set()
    for sentence in _lines(HERE / "statements.txt"):
        for tok in nlp.parse(sentence, entities=False):
            lemmas |= {tok.lemma_.lower(), tok.lower_}
    missing = [
        f"{key}: {word}"
        for key in ("effect-verbs", "effect-adjectives", "effect-nouns", "harm-to-people")
        for word in pack.words("impact", key)
        if word.lower() not in lemmas and word.lower().replace("-", "") not in lemmas
    ]
    missing += [
        f"impact-only-nouns: {w}"
        for w in pack.words("impact", "impact-only-nouns")
        if w not in lemmas
    ]
    assert missing == []


def test_any_of_finds_what_one_of_its_patterns_finds() -> None:
    """The pack's pattern lists are searched as one alternation; a list with back-references
    or group names is searched pattern by pattern, and an empty list finds nothing. Where
    the earliest match starts (``first``) is the same either way."""
    plain = [r"\bwent down\b", r"could not (?:log|sign) in", r"^Nothing"]
    texts = [
        "The site went down.",
        "USERS COULD NOT SIGN IN",
        "Nothing was lost.",
        "We saw nothing wrong.",
        "The downstream job ran.",
        "",
    ]
    referring = [*plain, r"(\w)\1 errors", r"(?P<x>late) (?P=x)"]
    for patterns in (plain, referring):
        joined = Alternation(patterns)
        for text in [*texts, "aa errors", "late late"]:
            expected = any(re.search(p, text, re.IGNORECASE) for p in patterns)
            assert joined.search(text) == expected, (patterns, text)
            starts = [m.start() for p in patterns if (m := re.search(p, text, re.IGNORECASE))]
            assert joined.first(text) == (min(starts) if starts else None), (patterns, text)
    assert not Alternation([]).search("anything at all")
    assert Alternation([]).first("anything at all") is None


def test_a_quantifier_counts_what_is_near_it_or_what_it_is_said_of(
    lint_text: LintFn, nlp: NLP
) -> None:
    """A quantifier with no unit noun within reach (a noun phrase's length) counts none, and
    its sentence is not parsed for it; a long noun phrase or a predicate still reaches."""
    far = "Most of that effort went into reading through the logs that partners had sent."
    fresh = nlp.sibling()
    assert _impact_only(fresh, _impact_doc(far)).diagnostics == []
    assert fresh.parsed_texts == 0
    for sentence, piece in (
        ("Many of the long-standing enterprise customers could not sign in.", "Many"),
        ("The number of merchants that relied on the old checkout flow was small.", "small"),
    ):
        text = _impact_doc(sentence)
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert any(_covers(d, text, piece) for d in diags), sentence


def test_action_items_outside_an_action_section_are_left_to_pm301(lint_text: LintFn) -> None:
    """A list PM301 reads as action items (here under a "Corrective actions" label in a
    Notes section) is a plan, not an impact statement; the same words in prose are one."""
    text = (
        "# Outage\n\n## Notes\n\n**Corrective actions:**\n\n"
        "- Refund the customers who could not pay during the failover\n"
        "- Page the on-call when checkout errors exceed 2% for 5 minutes\n\n"
        "Customers could not pay during the failover.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "Customers could not pay during the failover."
    ]


def test_every_investigation_verb_has_a_clean_fixture_sentence(nlp: NLP) -> None:
    """Each verb of ``investigation-verbs`` is exercised by a sentence of clean.txt, which
    the test above lints in an Impact section."""
    lemmas = {
        t.lemma_.lower()
        for doc in nlp.parse_many(_lines(HERE / "clean.txt"), entities=False)
        for t in doc
    }
    missing = sorted(set(builtin_pack().words("impact", "investigation-verbs")) - lemmas)
    assert missing == []


def test_a_table_row_gives_the_amount_of_the_statement_in_it(lint_text: LintFn) -> None:
    """ "| Users affected | 14 of 2,310 |": the row quantifies the statement in its first
    cell, as a neighbouring sentence does; a row with no amount does not."""
    table = "# T\n\n| Field | Value |\n|---|---|\n| Users affected | {} |\n"
    assert lint_text(table.format("14 of 2,310"), select=["PM401"]).diagnostics == []
    assert lint_text(table.format("yes, in every region"), select=["PM401"]).diagnostics


@pytest.mark.parametrize(
    "sentence",
    [
        "We are sorry to everyone whose orders were delayed.",
        "We apologise to the customers who could not log in.",
    ],
)
def test_an_apology_outside_the_impact_section_owns_the_impact(
    lint_text: LintFn, sentence: str
) -> None:
    """Closing words apologise for the impact the Impact section states; there the same
    sentence is read as a statement like any other."""
    closing = (
        "# Title\n\n## Impact\n\n2,140 orders were delayed by 38 minutes.\n\n"
        f"## Closing\n\n{sentence}\n"
    )
    assert lint_text(closing, select=["PM401"]).diagnostics == []
    assert lint_text(_impact_doc(sentence), select=["PM401"]).diagnostics != []


def test_a_person_who_noticed_is_no_affected_system(lint_text: LintFn) -> None:
    """A given name as the subject is who acted or noticed; a named system still suffers."""
    text = (
        "# Title\n\n## Detection\n\nAiyana noticed it around 10:40 when the donation page "
        "crashed.\n\n## Impact\n\nHachyderm experienced an outage.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert ["Hachyderm" in d.message for d in diags] == [True]


def test_a_degree_word_outside_impact_grades_only_an_effect(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Lessons learned\n\n"
        "It started a welcome, if somewhat overdue, talk about checkpoints.\n\n"
        "Latency was significantly higher than the week before.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["significantly"]


def test_what_went_well_states_no_impact(lint_text: LintFn) -> None:
    """Praise of the response is no impact statement, and a vague word there measures no
    harm; the part that tells what went wrong is read as before."""
    text = (
        "# T\n\n## Lessons learned\n\n### What went well\n\n"
        "- The rollback finished within a few minutes and errors stopped at once.\n"
        "- Our status page cut the support load down a lot.\n\n"
        "### Where we got lucky\n\n- Few customers were online at 03:00.\n\n"
        "### What went wrong\n\n- Many users saw errors for a while.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    # where the team got lucky, the impact is often bounded: read as before
    assert [text[d.start : d.end] for d in diags] == ["Few customers", "Many users", "for a while"]


def test_sentences_that_state_no_impact(lint_text: LintFn) -> None:
    """Who was told (or not told) something, what a responder's step acted on and the harm
    ending after it, a verdict in hindsight, a cache miss told as mechanism, an attribution
    of the incident to its cause, a design gap in what a system tells its users, an
    omission in catching the fault, what a test or runbook covers, the responders' own
    experience, and an explicit zero over a list of three or more: none is an impact
    statement. Nor is how the fault worked (a lock that stopped writes, heartbeats
    missed), a whole set told complete ("Every delayed invoice was sent"), a baseline, a
    statement bounded by a window the sentence before it states ("During this time ..."),
    a noun naming whose thing it is ("the consumer settings", "the quota on our account"),
    a people noun naming a program ("the client did not crash"), a window written with a
    hyphen ("01:50-03:10"), an effect noun naming a kind of procedure, what people knew,
    the responders' speed, a partial recovery in a timeline entry, a whole group moving to
    a fallback, the cells of a decision log, or a list item with an owner or a due date
    (an action item under a heading PM301 does not know).
    The look-alikes that state impact stay reported (not-impact.md)."""
    text = (HERE / "not-impact.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    reported = sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags})
    # a plural of people is counted, though "the team" alone is a mass
    assert any("how many teams" in d.message for d in diags)
    assert reported == sorted(
        [
            "The flag was flipped without telling anyone, and customers could not log in.",
            "The timeout was lowered without asking anybody, and the storefront went down for "
            "everyone.",
            "The lookup table keyed entries by tenant name, so every renamed customer lost "
            "their saved settings.",
            "- The support team could not answer customers who were locked out.",
            "- Several teams could not deploy during the freeze.",
            "Shoppers could not pay for their baskets.",
            "Refund requests failed for a while.",
            "Some subscribers were signed out.",
            # the look-alikes of this session's classes: harm said of the whole, an
            # ending said of people, a harm returning in a timeline entry
            "Every delayed parcel reached customers late.",
            "Bookings stopped for everyone while the lock was held.",
            "- 02:50 errors returned for some tenants",
            "Our clients could not reach the portal.",
            "- Customers could not export reports when the queue stalled.",
            "All shoppers could not pay by card.",
            "- 03:07 some merchants still seeing errors",
            "During this time, shoppers could not pay.",
        ]
    )


def test_readers_greeted_are_not_counted(lint_text: LintFn) -> None:
    """A greeting counts no one: the readers named after "Hello" or said to have noticed
    what the post explains, and the write-up as the subject ("this note explains"). The
    readers said to be harmed are counted."""
    text = (
        "# Billing delay, explained\n\n"
        "Hello everyone, this note explains the slowdown many of you noticed on Tuesday, "
        "and the errors some of you saw on Wednesday.\n"
        "Hi all, sorry for the lag a few of you spotted in the reports.\n"
        "Thanks to everyone who wrote in about the outage on Monday.\n\n"
        # after a dash, where the small model hangs "noticed" on "many" itself
        "Good morning \U0001f44b \u2014 this page explains the payout delay many of you "
        "noticed on Friday, 13 March.\n\n"
        "Hello all \U0001f44b \u2014 our write-up explains the refund delay many of you "
        "noticed on Tuesday, 5 May.\n\n"
        "Many of you could not download your invoices.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Many of you"]


def test_an_account_given_to_the_readers_states_no_impact(lint_text: LintFn) -> None:
    """A courtesy opening or a meta sentence names the outage as the topic of the account
    it gives the readers ("a clearer picture of the billing disruption", "the retrospective
    for Monday's login failure", "walk you through the payment failures"): neither the
    readers nor a weekday is an affected party. The readers harmed, and an effect said
    beside the account, stay reported."""
    text = (
        "# Ledger sync outage\n\n## Summary\n\n"
        "In this note we would like to give you a clearer picture of the billing disruption.\n"
        "We owe you a complete explanation of the ledger sync outage.\n"
        "We want to walk you through the payment failures from last week.\n"
        "Hi everyone, below is our review of Friday's search outage.\n"
        "Hello folks, this is the retrospective for Monday's login failure.\n"
        "Morning team, what follows is the write-up of the storage outage.\n"
        "We would like to explain the upload errors to you.\n"
        "We would like to give you some background information on the login errors.\n\n"
        "## Impact\n\n"
        "You could not open your dashboards during the outage.\n"
        "Here is a summary: customers could not sign in.\n"
        "We want to walk you through it, because your invoices were lost.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    reported = [by_line[text.count("\n", 0, d.start) + 1] for d in diags]
    assert reported == [
        "You could not open your dashboards during the outage.",
        "Here is a summary: customers could not sign in.",
        "We want to walk you through it, because your invoices were lost.",
    ]


def test_background_facts_are_not_the_impact(lint_text: LintFn) -> None:
    """Outside the Impact and Summary, a vague amount in a fact about how things stand (a
    verb of the simple present that is no effect: a configuration's population, how the
    architecture routes work), in how long someone has known a design fact, or in what
    another course would have taken, measures no harm of this incident. The look-alikes
    that tell what happened stay reported."""
    text = (
        "# Ledger sync outage\n\n## Background\n\n"
        "The team had known about the single-writer limit for a long while.\n"
        "We have been aware of this coupling for some time.\n"
        "The organisation enables hardware keys for most engineers.\n"
        "Our tenant configuration turns on audit logging for many customers.\n"
        "The load balancer routes some write requests to the secondary region.\n"
        "The proxy forwards a few health calls to the standby pool.\n"
        "Replaying the whole queue would have taken several hours.\n"
        "A full rebuild of the index could have needed many days.\n\n"
        "## What happened\n\n"
        "Some customers see errors on the checkout page.\n"
        "The balancer sent some write requests to the drained region.\n"
        "Refunds were stuck for some time.\n"
        "Replaying the whole queue took several hours.\n"
        "The export works for some tenants but not for others.\n\n"
        "## Timeline\n\n"
        "| Time | Event |\n|---|---|\n| 10:05 | Many requests reach the fallback region. |\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "Some customers",
        "some write requests",
        "for some time",
        "several hours",
        "some tenants",
        "Many requests",
    ]


def test_a_fault_named_after_who_made_it_reaches_no_one(lint_text: LintFn) -> None:
    """ "User error", "operator error": a singular fault noun after who made it names the
    cause (the blame rules judge it), not the users as the affected party. Errors that
    users got, in the plural or with an effect of their own, stay statements."""
    text = (
        "# Export outage\n\n## Impact\n\n"
        "In the end this was simply user error.\n"
        "The review called it operator error, plain and simple.\n"
        "Everyone agreed it was a clerical mistake.\n"
        "User errors spiked on the export page.\n"
        "Operators could not open the export page.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    reported = [by_line[text.count("\n", 0, d.start) + 1] for d in diags]
    assert reported == [
        "User errors spiked on the export page.",
        "Operators could not open the export page.",
    ]


def test_a_noun_inside_an_idiom_is_no_affected_thing(lint_text: LintFn) -> None:
    """ "On the record", "for the record", "on the same page": the noun of a fixed phrase
    is never the entity of a statement; the statement beside it names its own."""
    text = (
        "# Line stop\n\n## Impact\n\n"
        "Let me put this on the record: the night shift did everything right.\n"
        "For the record, the vendor was told about the firmware twice.\n"
        "Off the record, the workaround is ugly but it holds.\n"
        "We were never on the same page about the rollback.\n"
        "It all came down to a missing index on the orders table.\n"
        "I want this on the record: the controllers went down.\n"
        "The audit records were lost.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [(text[d.start : d.end], "how many controllers" in d.message) for d in diags][:1] == [
        ("I want this on the record: the controllers went down.", True)
    ]
    assert len(diags) == 2 and "records" in diags[1].message


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody hurt.",
        "No one was injured on the line.",
        "Nobody got hurt when the conveyor stopped.",
        "None of the operators were harmed.",
        "No injuries were reported.",
    ],
)
def test_no_one_harmed_is_a_zero(lint_text: LintFn, sentence: str) -> None:
    """No one hurt or injured is an explicit zero, as "No data was lost" is."""
    assert lint_text(_impact_doc(sentence), select=["PM401"]).diagnostics == []


def test_harm_to_some_people_is_still_an_amount_to_give(lint_text: LintFn) -> None:
    text = _impact_doc("Some operators were hurt when the conveyor stopped.")
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Some operators"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a word the rule knows, a named system, a plural subject: named
        ("Customers could not sign in.", "how many customers were affected"),
        ("Kestrel experienced an outage.", "was 'Kestrel' affected"),
        ("Tenant ledgers experienced corruption after the failover.", "how many ledgers"),
        ("The checkout page was unavailable.", "was 'checkout page' affected"),
        # the incident acting on an object: the object was affected, not the incident
        ("This event affected the billing pipeline of the northern region.", "'billing pipeline'"),
        ("The incident degraded the export service for our tenants.", "'export service'"),
        (
            "This event affected the control layer of the ledger, which accepts requests.",
            "how many requests",
        ),
        # any other noun: the kinds of amount, naming nothing
        ("The second bottling line went down.", None),
        ("The night shift could not restart the filler.", None),
    ],
)
def test_a_statement_names_only_what_the_writer_can_count(
    lint_text: LintFn, sentence: str, names: str | None
) -> None:
    """The message of an unquantified statement names what was affected only when the rule
    knows the word, it is a named system or a plural subject of the effect; otherwise it
    asks for the kinds of amount (a duration, how many users or requests) and quotes no
    noun ('line', 'shift'), which a writer could not act on."""
    text = _impact_doc(sentence)
    (d,) = lint_text(text, select=["PM401"]).diagnostics
    if names is None:
        assert "'" not in d.message and "for how long" in d.message, d.message
        assert "users or requests" in d.message
    else:
        assert names in d.message, d.message


def test_how_the_fault_worked_is_no_impact_statement(lint_text: LintFn) -> None:
    """A cause told with an ordinary word is not a statement of impact: a verb whose lemma
    is a unit ("the validation set was built from ...") is no affected thing, a source
    something was made from is no broken thing, a safeguard that could not catch the
    fault missed it, an inability that tells what a thing is like ("a layout the scanner
    could not read") describes it, and a part that loses its link to another (or the
    loss of a link between parts) tells how the fault worked. People who lose their
    connection, who could not pay, and a safeguard sentence with harm of its own stay
    reported."""
    text = (
        "# Line stop\n\n## What happened\n\n"
        "What happened is the PLC gateway lost its link to the controllers.\n"
        "The historian server lost its connection to the packing line at once.\n"
        "The manifest held dates in a layout the scanner could not read, and the "
        "importer's self-test could not catch this.\n"
        "The nightly smoke test could not detect the bad encoding.\n"
        "The validation set was built from the same corrupted export.\n"
        "The holdout data was built from a broken snapshot.\n"
        "Operators lost their connection to the HMI for the whole shift.\n"
        "Customers who could not pay called the help line.\n"
        "The smoke test could not detect it, and customers could not pay.\n"
        "The press controller faulted on comms loss, as it is designed to.\n"
        "A heartbeat loss made the standby take over the queue.\n"
        "Operators saw connection loss on every terminal in the hall.\n"
        "The mobile app lost its connection to the booking backend.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    reported = [by_line[text.count("\n", 0, d.start) + 1] for d in diags]
    assert reported == [
        "Operators lost their connection to the HMI for the whole shift.",
        "Customers who could not pay called the help line.",
        "The smoke test could not detect it, and customers could not pay.",
        "Operators saw connection loss on every terminal in the hall.",
        "The mobile app lost its connection to the booking backend.",
    ]


def test_where_impact_is_stated_a_standing_fact_counts_only_its_objects(
    lint_text: LintFn,
) -> None:
    """In a Summary or an Impact section, a present-tense fact about how things are set up
    counts nothing when the vague count is its object ("the gateway sends some read calls
    to the other zone"); a vague count of its subject there says who is affected ("Most
    users get a blank page")."""
    text = (
        "# Zone outage\n\n## Summary\n\n"
        "The company enables single sign-on for most contractors.\n\n"
        "Some tenants see the old dashboard.\n\n"
        "## Impact\n\n"
        "The gateway sends some read calls to the other zone.\n\n"
        "Most users get a blank page.\n\n"
        "Many of the merchants get an empty basket.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "Some tenants",
        "Most users",
        "Many of the merchants",
    ]


def test_where_impact_is_stated_the_fault_in_the_present_tense_is_harm_going_on(
    lint_text: LintFn,
) -> None:
    """A present-tense verb whose subject is the fault or the change that brought the
    incident ("the defect stops some tenants from ...", ``harm-bringers``) tells harm
    still going on, whatever the verb: its vague count is reported in the Summary and in
    the Impact section. A present-tense fact about how things are set up, said of anything
    else, still counts nothing there."""
    text = (
        "# Export outage\n\n## Summary\n\n"
        "The defect stops some tenants from downloading their invoices.\n\n"
        "Our scheduler assigns several batch jobs to the spare pool.\n\n"
        "## Impact\n\n"
        "The regression keeps several sellers from editing their listings.\n\n"
        "The update bills some subscribers three times.\n\n"
        "The faulty deploy still hides many shipments from the tracking page.\n\n"
        "The platform team routes most webhook calls through the edge proxy.\n\n"
        "The bug logs many drivers out every hour.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "some tenants",
        "several sellers",
        "some subscribers",
        "many shipments",
        "many drivers",
    ]
    assert all(d.severity == Severity.WARNING for d in diags)


def test_a_fault_named_after_who_made_it_leaves_the_rest_of_the_sentence(
    lint_text: LintFn,
) -> None:
    """A fault named after its maker ("admin error") is no effect, but the rest of its
    sentence may still state one: what the fault put down ("took the API down", not its
    subject), or the people it locked out, counted vaguely. The responders taking
    something down on purpose state no impact."""
    cases = {
        "Admin error brought the search service down.": "search service",
        "A case of human error knocked the partner portal down.": "partner portal",
    }
    for sentence, named in cases.items():
        text = f"# Search outage\n\n## Impact\n\n{sentence}\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert len(diags) == 1, sentence
        assert f"'{named}'" in diags[0].message, diags[0].message
    text = (
        "# Console outage\n\n## Impact\n\n"
        "Human error locked many admins out of the console.\n\n"
        "A config typo locked several administrators out of the dashboard.\n\n"
        "We took the search API down to patch it.\n\n"
        "The on-call engineer brought the old cluster down after the failover.\n\n"
        "It was fixed by taking down the replica and rebuilding it.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["many admins", "several administrators"]


def test_a_kind_of_harm_no_number_sizes_asks_what_it_cost(lint_text: LintFn) -> None:
    """A grade word on a kind of harm that no share measures ("significant reputational
    harm", ``qualitative-kinds``) asks what the harm cost or changed; "the share of harm"
    means nothing there. A grade word on anything else keeps its own question."""
    cases = {
        "The delay caused significant reputational harm with our two largest clients.": "harm",
        "The outage did considerable brand damage with three wholesalers.": "damage",
    }
    for sentence, noun in cases.items():
        text = f"# Checkout outage\n\n## Impact\n\n{sentence}\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert len(diags) == 1, sentence
        assert f"say what the {noun} cost or changed" in diags[0].message
        assert "share" not in diags[0].message
    text = "# Checkout outage\n\n## Impact\n\nA considerable portion of traffic was dropped.\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert len(diags) == 1 and "share of" in diags[0].message


def test_a_device_people_use_that_loses_its_link_is_affected(lint_text: LintFn) -> None:
    """A device people use (``user-devices``: kiosks, handheld scanners, tablets) that
    loses its link leaves its users unable to work: an impact statement, and the message
    asks how many of the devices. A part of the system losing its link still tells how
    the fault worked."""
    text = (
        "# Ticketing outage\n\n## Impact\n\n"
        "The self-service kiosks at our branches lost their connection to the ticketing "
        "backend.\n\n"
        "Field tablets lost connectivity to the dispatch server.\n\n"
        "## What happened\n\n"
        "The replica lost its connection to the primary.\n\n"
        "The historian server lost its connection to the packing line at once.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [d.message.split(": ", 1)[1] for d in diags] == [
        "how many kiosks were affected, or what share, and for how long?",
        "how many tablets were affected, or what share, and for how long?",
    ]


def test_a_statement_names_the_whole_affected_thing_or_nothing(lint_text: LintFn) -> None:
    """The message of an unquantified statement says "for how long was 'X' affected"; X
    must be something that can be affected, named whole: the full compound ("help desk
    queue", not "queue"), without the capital the sentence gave it ("checkout"). An
    activity told as a gerund, the incident's id and a person's name are not named at all;
    a named system keeps its name ("Kestrel")."""
    lines = [
        "Uploading failed.",
        "OPS-7781 broke checkout.",
        "The help desk queue was stale.",
        "Lena Ortiz could not sign in.",
        "Checkout went down.",
        "Kestrel experienced an outage.",
    ]
    text = (
        "# Booking outage\n\n**Date**: 2026-10-14\n\n## Summary\n\n"
        "On 14 October bookings failed for 25 minutes. No data was lost.\n\n"
        "## Impact\n\n" + "\n".join(lines) + "\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = {text.count("\n", 0, d.start) - 10: d.message for d in diags}
    named = {lines[i]: (m.split("'")[1] if "'" in m else None) for i, m in by_line.items()}
    assert named == {
        "Uploading failed.": None,
        "OPS-7781 broke checkout.": None,
        "The help desk queue was stale.": "help desk queue",
        "Lena Ortiz could not sign in.": None,
        "Checkout went down.": "checkout",
        "Kestrel experienced an outage.": "Kestrel",
    }
    assert all("for how long" in m for m in by_line.values())
    # a plural the tagger takes for a name, its verb in the plural: counted, not timed
    text = text.replace("Uploading failed.", "Webhooks were broken.")
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert "how many webhooks were affected" in diags[0].message, diags[0].message


def test_the_level_follows_where_the_phrase_stands(lint_text: LintFn) -> None:
    """One vague phrase gets one level wherever impact is stated: under "Impact", under a
    heading that names the impact in plain words (``impact-headings``: "What it meant for
    you", "What the board should know about impact") it is a warning, as under "Summary";
    in a timeline, a narrative that also names the impact ("Root cause and impact") or
    other prose it stays info."""
    sentence = "Heaps of riders lost their saved routes."
    for heading, level in (
        ("## Impact", Severity.WARNING),
        ("## What it meant for you", Severity.WARNING),
        ("## What the board should know about impact", Severity.WARNING),
        ("## How this affected our members", Severity.WARNING),
        ("## Effect on bookings", Severity.WARNING),
        ("## Timeline", Severity.INFO),
        ("## Root cause and impact", Severity.INFO),
        ("## Notes from the call", Severity.INFO),
    ):
        text = f"# Route planner outage\n\n{heading}\n\n{sentence}\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert [(text[d.start : d.end], d.severity) for d in diags] == [
            ("Heaps of riders", level)
        ], heading
    for words in builtin_pack().words("impact", "impact-headings"):
        text = f"# Route planner outage\n\n## {words.capitalize()} riders\n\n{sentence}\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert [d.severity for d in diags] == [Severity.WARNING], words


def test_every_recovery_word_closes_a_window_in_a_fixture_sentence() -> None:
    """Each of ``recovery-words`` ends a window in a sentence of clean.txt: a point right
    after it, with a point before it in the same sentence ("down at 02:10 and came back at
    03:45"); one point after a recovery word alone bounds nothing (vague.txt)."""
    lex = lexicon(builtin_pack())
    clean = [s.lower() for s in _lines(HERE / "clean.txt")]
    missing = []
    for word in builtin_pack().words("impact", "recovery-words"):
        used = [s for s in clean if re.search(rf"(?<![\w-]){re.escape(word)}\s", s)]
        if not any(lex.quantity.times(s) for s in used):
            missing.append(word)
    assert missing == []
    assert not lex.quantity.times("The gateway came back at 03:45 UTC after the rollback.")
