"""PM401 on vague amounts a blind test found missed (each class beside look-alikes that
give the amount and stay clean). Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _flagged(lint_text: LintFn, sentence: str) -> list[str]:
    text = f"# Depot outage\n\n## Impact\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def test_a_quantifier_on_a_noun_with_a_pre_modifier_counts_the_noun(lint_text: LintFn) -> None:
    """ "Several B2B customers", "several SaaS tenants": a name with a digit in it is no
    number, and a quantifier the parse hangs on the pre-modifier counts the noun."""
    assert _flagged(lint_text, "Several B2B customers have called the support line.") == [
        "Several B2B customers"
    ]
    assert _flagged(lint_text, "Several SaaS tenants have written in.") == ["Several SaaS tenants"]
    assert _flagged(lint_text, "Many EC2 hosts were unreachable.") == ["Many EC2 hosts"]
    for sentence in (
        "Twelve B2B customers called the support line to complain.",
        "All 40 SaaS tenants could not sign in between 10:05 and 10:50.",
        "14 EC2 hosts were unreachable for 20 minutes.",
    ):
        assert _flagged(lint_text, sentence) == [], sentence


def test_a_softened_idiom_of_degree_is_still_vague(lint_text: LintFn) -> None:
    """ "hit pretty hard", "hit really hard", "took quite a hit": a softener inside the
    idiom measures nothing; with the figure beside it, or "hard" said of a noun ("hit
    pretty hard limits"), or work done hard, it is clean."""
    assert _flagged(lint_text, "The depot in Leeds was hit pretty hard.") == ["hit pretty hard"]
    assert _flagged(lint_text, "Our northern stores were hit really hard by the delays.") == [
        "hit really hard"
    ]
    assert _flagged(lint_text, "Weekend bookings took quite a hit.") == ["took quite a hit"]
    for sentence in (
        "The depot in Leeds was hit pretty hard: 212 of its 400 orders shipped late.",
        "We hit pretty hard limits on the old cluster, so we moved.",
        "The team worked pretty hard to restore service within 20 minutes.",
    ):
        assert _flagged(lint_text, sentence) == [], sentence


def test_a_partitive_quantifier_over_a_pronoun_counts_the_affected(lint_text: LintFn) -> None:
    """ "Quite a few of them needed new slots", "some of them could not pay": the pronoun
    stands for those named before, and the quantifier is the subject of harm, a need or a
    reaction; the message asks how many of them. Things restarted by the team, a state,
    or a number stay clean."""
    text = (
        "# Exam outage\n\n## Impact\n\n"
        "Quite a few of them needed new slots.\n\n"
        "Some of them could not pay.\n\n"
        "A few of them had to reschedule their exams.\n\n"
        "Several of them complained to the front desk.\n\n"
        "Some of them were restarted by the team.\n\n"
        "Some of them were already on the new version.\n\n"
        "Two of them needed new slots.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "Quite a few of them",
        "Some of them",
        "A few of them",
        "Several of them",
    ]
    assert all("how many of them" in d.message for d in diags)


def test_hit_hard_as_a_force_grades_no_harm(lint_text: LintFn) -> None:
    """An active "hit ... hard" with no object tells of a force ("the crawler hit quite
    hard against the quota", "the replay hit so hard that the queue backed up"); a blow
    taken ("were hit very hard", "got hit pretty hard") grades harm."""
    root_cause = "# Quota incident\n\n## Root cause\n\n{}\n"
    for sentence in (
        "The crawler hit quite hard against the API quota.",
        "The replay hit so hard that the queue backed up.",
        "The import hit hard against the write limit.",
    ):
        text = root_cause.format(sentence)
        assert lint_text(text, select=["PM401"]).diagnostics == [], sentence
    assert _flagged(lint_text, "Rural pharmacies were hit very hard by the delays.") == [
        "hit very hard"
    ]
    assert _flagged(lint_text, "Our kiosk sellers got hit pretty hard.") == ["hit pretty hard"]


def test_them_after_responders_alerts_or_parts_counts_no_affected(lint_text: LintFn) -> None:
    """ "Some of them" whose antecedent in the sentence is the responders, the team, the
    alerting or, outside Impact, a part of the system ("we drained the shards; a few of
    them stalled") counts nobody affected; after people it does."""
    text = (
        "# Queue outage\n\n## Timeline\n\n"
        "We called the storage team; a few of them were asleep and did not pick up.\n\n"
        "We muted the pagers; several of them did not stop ringing.\n\n"
        "## Root cause\n\n"
        "We drained the shards; a few of them stalled halfway.\n\n"
        "We emailed the merchants; some of them could not sign in.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["some of them"]


def test_a_zero_count_of_stored_things_lost_answers_pm403(lint_text: LintFn) -> None:
    """A figure list's short form ("0 emails lost, all delivered after restart", "zero
    orders were dropped", "no e-mails lost") says no data was lost; what people lost
    ("0 users lost access", "no clinics lost their connection") or a zero of failures does
    not answer the data question."""
    base = (
        "# Mail relay outage\n\n**Date**: 2026-09-02\n\n## Impact\n\n"
        "- Password resets were delayed for 40 minutes.\n- {}\n"
    )
    for line in (
        "0 emails lost, all delivered after restart",
        "Zero orders were dropped during the failover.",
        "no e-mails lost",
    ):
        assert lint_text(base.format(line), select=["PM403"]).diagnostics == [], line
    for line in (
        "0 users lost access.",
        "No clinics lost their connection.",
        "0 requests failed.",
    ):
        got = [d.code for d in lint_text(base.format(line), select=["PM403"]).diagnostics]
        assert got == ["PM403"], line


def test_what_people_lost_or_traffic_dropped_is_no_data_answer(lint_text: LintFn) -> None:
    """The short form's verb ends its clause or takes a data object ("zero invoices lost
    during the cutover", "no tenants lost files"); people who lost money, income, hours or
    goodwill, and traffic in flight (packets, frames), do not answer the data question."""
    base = (
        "# Mail relay outage\n\n**Date**: 2026-09-02\n\n## Impact\n\n"
        "- Password resets were delayed for 40 minutes.\n- {}\n"
    )
    for line in (
        "Zero invoices lost during the cutover.",
        "No tenants lost files.",
        "No one lost any photos.",
    ):
        assert lint_text(base.format(line), select=["PM403"]).diagnostics == [], line
    for line in (
        "No sellers lost income.",
        "Nobody lost any earnings.",
        "No one lost sleep over the delay.",
        "Zero couriers lost hours.",
        "No members lost goodwill toward us.",
        "0 frames were dropped on the uplink.",
        "Zero packets were dropped by the firewall.",
    ):
        got = [d.code for d in lint_text(base.format(line), select=["PM403"]).diagnostics]
        assert got == ["PM403"], line


def test_hit_hard_said_of_the_incident_grades_harm(lint_text: LintFn) -> None:
    """An active "hit ... hard" with an incident or "it" as the subject and no force told
    (no prep of striking, no "that" result) is the blow: "the fault hit hard", "it hit
    pretty hard over the weekend"; a participle on a noun ("the ones hit quite hard") is
    a passive. Objects and forces stay clean."""
    for sentence, phrase in (
        ("The fault hit hard.", "hit hard"),
        ("It hit pretty hard over the weekend.", "hit pretty hard"),
        ("The pricing defect hit really hard during the lunch rush.", "hit really hard"),
        ("Small bakeries were among the ones hit quite hard.", "hit quite hard"),
        ("The sync bug hit really hard for tutors.", "hit really hard"),
    ):
        assert _flagged(lint_text, sentence) == [phrase], sentence
    root_cause = "# Quota incident\n\n## Root cause\n\n{}\n"
    for sentence in (
        "We hit quite hard limits on the legacy shard.",
        "The exporter hit the token bucket really hard.",
        "The nightly backfill hit really hard.",
        "The scraper hit pretty hard into the search index.",
    ):
        text = root_cause.format(sentence)
        assert lint_text(text, select=["PM401"]).diagnostics == [], sentence


def test_them_who_did_not_reply_counts_no_affected(lint_text: LintFn) -> None:
    """ "Some of them" after people who simply did not reply to us ("never wrote back",
    "did not answer the call") counts nobody affected; people who could not reply, or
    customer organisations ("the schools") who could not do something, are counted."""
    text = (
        "# Queue outage\n\n## Timeline\n\n"
        "We emailed the landlords; several of them never wrote back.\n\n"
        "We rang the couriers; a few of them did not answer the call.\n\n"
        "We phoned the schools, and some of them could not sign in.\n\n"
        "We messaged the pharmacies; a few of them could not reply because the form broke.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["some of them", "a few of them"]


def test_vague_amounts_of_other_affected_things_count(lint_text: LintFn) -> None:
    """Bookings, reservations and appointments are counted like orders; a plural said to be
    in a state an impact verb names ("were slow") suffered it; a formal or a loose
    quantifier phrase ("a material proportion of", "a chunk of") is vague; and a rating's
    class ("1-star") is no count that quantifies the sentence. The responders' own work on
    the same things, or a chunk of code, stays clean."""
    vague = {
        "Some table bookings may have been released.": "Some table bookings",
        "Many regional dashboards were slow.": "Many regional dashboards",
        "The acquirer declined a material proportion of card payments.": (
            "a material proportion of card payments"
        ),
        "The app was unusable for a chunk of android users.": "a chunk of android users",
        "Store ratings took a hit, and a few 1-star reviews blame the update.": "took a hit",
    }
    for sentence, span in vague.items():
        assert span in _flagged(lint_text, sentence), sentence
    clean = [
        "Several of the dashboards were rebuilt by the responders.",
        "A chunk of the parser was rewritten after the incident.",
    ]
    for sentence in clean:
        assert _flagged(lint_text, sentence) == [], sentence


def test_most_of_a_period_of_the_day_is_a_vague_duration(lint_text: LintFn) -> None:
    """ "Most of the morning", "most of the following night shift", "several shifts" and
    "long overtime" are durations as "most of the day" is; the response's own time ("Most
    of the afternoon was spent on the failover plan") and a change ("a major shift in
    load towards the standby") are not."""
    vague = {
        "The switchboard was swamped for most of the afternoon.": "most of the afternoon",
        "Re-keying the paper orders took most of the following night shift.": (
            "most of the following night shift"
        ),
        "Warehouse staff worked long overtime across several shifts.": "several shifts",
        "Members spent most of the evening on hold.": "most of the evening",
    }
    for sentence, span in vague.items():
        assert span in _flagged(lint_text, sentence), sentence
    clean = [
        "Most of the afternoon was spent on the failover plan.",
        "We spent most of the evening on the rollback.",
        "Most of that evening went into reading the logs the partners had sent.",
        "There was a major shift in load towards the standby region.",
        "The on-call pair stayed up through the long Friday night.",
    ]
    for sentence in clean:
        assert _flagged(lint_text, sentence) == [], sentence


def test_a_header_fields_vague_words_are_judged_on_its_own_line(lint_text: LintFn) -> None:
    """In a block of header fields, a field's vague words are judged on its own line: the
    severity level and the date of the fields beside it are no amount of its value. A
    block of fields with no vague word, or a paragraph of prose, is read as before."""
    text = (
        "# Basket crash\n\n"
        "**Sev:** 2 - checkout unusable for a chunk of tablet users\n"
        "**Date:** 2026-10-02\n\n"
        "**Owner:** Ines\n**Date:** 2026-10-03\n\n"
        "## Summary\n\nSee the timeline.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["a chunk of tablet users"]


def test_vague_amounts_two_blind_rounds_missed(lint_text: LintFn) -> None:
    """Vague amounts in shapes the rule did not read (classes two blind rounds found):
    "some extra"/"some additional" of what the incident incurred (``extra-words``,
    ``incurring-verbs``), a harm verb graded by "badly" or "seriously" (``impact-verbs``
    "hurt", "damage", "dent"), a wait said to be long (``wait-nouns``, also where the small
    model reads "long" as an adverb after "made"), and people nouns the list lacked
    ("parents", "spectators": the first of two vague phrases in a sentence is reported too).
    Look-alikes with the figure, or an extra amount the responders added, stay clean."""
    assert _flagged(lint_text, "There might have been some extra fuel use.") == [
        "some extra fuel use"
    ]
    assert _flagged(lint_text, "The clinic needed some additional cleanup work.") == [
        "some additional cleanup work"
    ]
    assert _flagged(lint_text, "The outage meant some extra work for the night shift.") == [
        "some extra work"
    ]
    assert _flagged(lint_text, "The recall hurt sales pretty badly.") == ["badly"]
    assert _flagged(lint_text, "The delay seriously damaged bookings.") == ["seriously"]
    assert _flagged(lint_text, "The lunchtime queues were very long.") == ["queues were very long"]
    assert _flagged(lint_text, "The repeat calls made the helpline queues very long.") == [
        "queues very long"
    ]
    assert _flagged(lint_text, "Lots of pupils were upset and a lot of calls went unanswered.") == [
        "Lots of pupils",
        "a lot of calls",
    ]
    assert _flagged(lint_text, "Plenty of spectators were left outside the gates.") == [
        "Plenty of spectators"
    ]
    for sentence in (
        "We added some extra capacity after the incident.",
        "We brought in some extra staff.",
        "There were 300 litres of extra fuel use.",
        "The recall cut sales by 14% that week.",
        "The lunchtime queues were 25 minutes long at their peak.",
        "The queue held 40 jobs.",
        "41 parents wrote to the school office.",
    ):
        assert _flagged(lint_text, sentence) == [], sentence
    words = builtin_pack().words("impact", "people-nouns")
    for noun in (
        "parent",
        "pupil",
        "teacher",
        "applicant",
        "policyholder",
        "commuter",
        "spectator",
    ):
        assert noun in words
        assert _flagged(lint_text, f"Many {noun}s could not log in.") == [f"Many {noun}s"]
    for word in builtin_pack().words("impact", "wait-nouns"):
        sentence = f"The {word}s were very long."
        assert _flagged(lint_text, sentence) == [f"{word}s were very long"], word
    for extra in builtin_pack().words("impact", "extra-words"):
        assert _flagged(lint_text, f"There was some {extra} work.") == [f"some {extra} work"]
    for verb in ("need", "require", "cause", "mean", "incur", "create"):
        assert verb in builtin_pack().words("impact", "incurring-verbs")


def test_a_measure_of_a_wait_and_a_grade_of_churn_are_vague(lint_text: LintFn) -> None:
    """A measure of a wait named by its wait noun (``wait-measures``: "queue lengths were
    very long") is sized like the wait; churn and attrition are amounts
    (``amount-nouns``) a grade word leaves unsized. With the figure beside them, a length of
    something people do not wait in, or outside the incident's harm, they stay clean."""
    assert _flagged(lint_text, "Queue lengths at check-in were very long.") == [
        "lengths at check-in were very long"
    ]
    assert _flagged(lint_text, "By noon the line lengths outside the clinic were very long.") == [
        "lengths outside the clinic were very long"
    ]
    assert _flagged(lint_text, "Customer churn after the outage was considerable.") == [
        "churn after the outage was considerable"
    ]
    assert _flagged(lint_text, "Subscriber attrition was significant.") == [
        "attrition was significant"
    ]
    assert _flagged(lint_text, "Churn is expected to be substantial.") == [
        "Churn is expected to be substantial"
    ]
    for sentence in (
        "Queue lengths were long, peaking at 45 minutes.",
        "Cable lengths in the old rack were long.",
        "Message lengths in the queue were short.",
        "Churn is expected to reach 2% of subscribers.",
        "Churn stayed at its usual 0.4% a month.",
    ):
        assert _flagged(lint_text, sentence) == [], sentence
    assert "length" in builtin_pack().words("impact", "wait-measures")
    assert {"churn", "attrition"} <= set(builtin_pack().words("impact", "amount-nouns"))


def test_a_permanent_loss_told_as_such_answers_the_data_question(lint_text: LintFn) -> None:
    """PM403: a counted batch that never reached its end ("were never issued") or anything
    gone for good ("permanently deleted", "lost for good") says what was lost for good; an
    uncounted one-off that was never sent (an alert, a page) or a batch only delayed does
    not answer the question."""
    base = (
        "# Billing queue stall\n\n**Date**: 2026-10-14\n\n## Impact\n\n"
        "- Statements were late for 50 minutes.\n- {}\n"
    )
    for line in (
        "3,400 invoices timed out in the queue and were never issued.",
        "About 90 uploads were never processed and had to be sent again by their owners.",
        "Twelve draft reports were permanently deleted by the cleanup job.",
        "The sensor readings from that hour are lost for good.",
        "Some 2.1 million telemetry points were irretrievably lost.",
        "Thousands of receipts queued that morning were never delivered.",
        "Of the 5,000 queued, 800 expired in the queue and were never issued.",
    ):
        assert lint_text(base.format(line), select=["PM403"]).diagnostics == [], line
    for line in (
        "The paging alert was never sent.",
        "The status page update was never published.",
        "3,400 invoices were issued late.",
        "We never found out why the queue stalled.",
        "For good measure, 40 workers were restarted.",
        "At 14:02 the paging alert was never sent.",
    ):
        got = [d.code for d in lint_text(base.format(line), select=["PM403"]).diagnostics]
        assert got == ["PM403"], line


def _spans_by_line(lint_text: LintFn, sections: dict[str, list[str]]) -> dict[str, list[str]]:
    """PM401's spans for each line, when the lines stand as paragraphs under their headings
    (one lint for all of them)."""
    text = "# Depot outage\n\n" + "".join(
        f"## {heading}\n\n" + "\n\n".join(lines) + "\n\n" for heading, lines in sections.items()
    )
    got: dict[str, list[str]] = {}
    for d in lint_text(text, select=["PM401"]).diagnostics:
        line = text.splitlines()[text.count("\n", 0, d.start)]
        got.setdefault(line, []).append(text[d.start : d.end])
    return got


def test_a_vague_count_lost_in_a_trades_own_verbs_is_vague(lint_text: LintFn) -> None:
    """Where impact is stated, a quantifier on a plural that fell behind its schedule,
    was handed out again or is gone for good counts what was hit, whatever the noun. A
    defect slipping into something, a thing slipping past a check, a repeat done on
    purpose, a denial, a known-harmless noun, and the same words outside an Impact
    section stay clean."""
    harm = {
        "Several launch windows slid by two days.": ["Several launch windows"],
        "A few observation passes slipped to the next week.": ["A few observation passes"],
        "Many payees were paid twice in the May run.": ["Many payees"],
        "A number of grants were disbursed twice.": ["A number of grants"],
        "Several bursaries were double-paid.": ["Several bursaries"],
        "A number of camera frames are permanently gone.": ["A number of camera frames"],
        "Several sensor sweeps are likely gone for good.": ["Several sensor sweeps"],
    }
    clean = [
        "A few typos slipped into the packing slips.",
        "Several stray rollbacks slipped through review.",
        "Some malformed stanzas slipped past the parser unnoticed.",
        "Several bugs slipped to the next sprint.",
        "Several reminders were mailed twice to be sure.",
        "Several stipends were not disbursed twice.",
        "Many warnings are gone for good after the fix.",
        "Several retries were configured on the client.",
        "A number of options were considered.",
        "Many alerts were tuned last quarter.",
        "A number of grants were audited twice.",
    ]
    elsewhere = ["Several launch windows slid by two days.", "Many payees were paid twice."]
    got = _spans_by_line(
        lint_text, {"Impact": [*harm, *clean], "Root cause": elsewhere, "Timeline": elsewhere}
    )
    assert got == {line: spans for line, spans in harm.items()}
