"""PM401 on the classes blind round 29 found (fix helper imp29). Every sentence here is
written for this file.

1. Informants and readers: people counted as the ones who told us what they knew or
   thought (a state of mind, a verdict on a thing), one person who told us of a fault,
   and the readers addressed with what they rely on, are no affected party; people who
   told us of their own harm still are.
2. Sentences that are no impact statement: a counterfactual (told by inversion or with
   "if", in the modal perfect), news of the incident and the route it came by, a cause
   the incident is put down to, "any" party set aside or not blamed.
3. Vague harm in colloquial words: a place people contact overwhelmed with nothing
   counted, "buried in" a unit, a pile of things, goodwill lost in bulk; the same idioms
   with a count, and work the responders were buried in, stay clean."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Depot scanner outage\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def test_informants_and_readers_are_no_affected_party(lint_text: LintFn) -> None:
    for section, sentence in (
        ("What we learned", "Several porters said they did not know which form opens a downtime."),
        ("What we learned", "A few cashiers told us they were unsure which till to close first."),
        ("What we learned", "Several members said the setup guide was confusing."),
        ("What we learned", "A few dispatchers said the handover notes were misleading."),
        (
            "What we learned",
            "Many stewards told us they were uncertain which radio channel to use.",
        ),
        ("Impact", "One ward clerk said the label printer was down all morning."),
        (
            "Summary",
            "We are publishing this in full because many of you rely on the signing mirror "
            "in your release jobs, and you should hear the whole story from us.",
        ),
        (
            "Impact",
            "Most of you use the bulk upload every Monday, and you deserve to hear what "
            "went wrong.",
        ),
        ("Summary", "Plenty of you depend on the nightly export."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_people_who_told_of_their_own_harm_are_still_counted(lint_text: LintFn) -> None:
    for sentence, phrase in (
        ("Many tenants told us their door fobs stopped working.", "Many tenants"),
        ("Several kiosks reported that their card readers froze.", "Several kiosks"),
        ("Some riders said they were charged twice.", "Some riders"),
        ("Several members said the renewal page was down.", "Several members"),
        ("Many of you relied on the export and missed the filing deadline.", "Many of you"),
    ):
        assert _flagged(lint_text, "Impact", sentence) == [phrase], sentence


def test_a_counterfactual_is_no_impact_statement(lint_text: LintFn) -> None:
    for section, sentence in (
        (
            "Root cause",
            "Had the supplier's account manager been more open about the seat cap, the "
            "stall would most probably never have started.",
        ),
        (
            "Root cause",
            "The stall would not have started if the supplier's account manager had "
            "mentioned the seat cap.",
        ),
        (
            "Contributing factors",
            "Had the hosting partner's liaison escalated the ticket, the stall would have "
            "ended a day earlier.",
        ),
        (
            "Contributing factors",
            "Were the carrier's dispatcher quicker to reply, the disruption could have been "
            "prevented.",
        ),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_news_cause_and_any_party_set_aside_are_no_impact_statement(lint_text: LintFn) -> None:
    for section, sentence in (
        (
            "Detection",
            "It was recorded that no alarm covered disk usage, and that the stall was "
            "first discovered via phone calls to the help desk.",
        ),
        ("Detection", "The failure was first heard of through emails to the Front Office."),
        ("Detection", "We noticed the outage from two calls to the depot."),
        (
            "Response",
            "That framing is rejected; the stall is attributed to the booking rules rather "
            "than to any person or crew.",
        ),
        (
            "Response",
            "We do not accept that view; the outage came from the approval step rather than "
            "from any individual or team.",
        ),
        ("Discussion", "We do not blame any individual or team for the failure."),
        ("Discussion", "The stall was traced to the booking rules rather than to any crew."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_harm_near_those_forms_is_still_impact(lint_text: LintFn) -> None:
    for sentence in (
        "Customers would have seen errors on the checkout page.",
        "Bookings failed for any customer on the old app.",
        "Some calls to the help desk were dropped.",
        "The outage reached the depots rather than the stores.",
        "Customers told us that the portal was down.",
    ):
        assert _flagged(lint_text, "Impact", sentence) != [], sentence


def test_colloquial_volume_and_loss_are_vague(lint_text: LintFn) -> None:
    for sentence, phrase in (
        ("The front desk got swamped.", "got swamped"),
        ("Our inbox was flooded after the first reminder.", "was flooded"),
        ("The switchboard got hammered all morning.", "got hammered"),
        ("The call centre was buried in complaints.", "was buried in complaints"),
        ("We lost a ton of goodwill with the distributors.", "a ton of goodwill"),
        ("A heap of orders piled up in the warehouse queue.", "A heap of orders"),
        ("A mountain of tickets sat unanswered at the depot.", "A mountain of tickets"),
        ("A pile of bookings went missing overnight.", "A pile of bookings"),
    ):
        assert _flagged(lint_text, "Impact", sentence) == [phrase], sentence


def test_colloquial_words_with_a_count_or_about_work_stay_clean(lint_text: LintFn) -> None:
    for section, sentence in (
        ("Impact", "The front desk got 412 calls in the first hour."),
        ("Impact", "The crew was swamped with 1,200 calls between 09:00 and 11:00."),
        ("Impact", "We lost 3% of trial sign-ups that week."),
        ("Impact", "The call centre was buried in 2,300 complaints over two days."),
        ("Impact", "About 900 orders piled up in the warehouse queue before 10:00."),
        ("Impact", "The engineers were buried in the logs until noon."),
        ("Root cause", "The cable was buried under the car park."),
        ("Lessons learned", "We put a lot of trust in the backup script."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_every_round29_pack_word_is_read(lint_text: LintFn) -> None:
    """Each word of the new keys does its work in a sentence of its own."""
    pack = builtin_pack()
    for verb in pack.words("impact", "news-verbs"):
        form = {"hear": "heard", "spot": "spotted"}.get(verb, verb.rstrip("e") + "ed")
        sentence = f"The outage was first {form} through calls to the depot."
        assert _flagged(lint_text, "Detection", sentence) == [], sentence
    for verb in pack.words("impact", "attribution-verbs"):
        form = verb.rstrip("e") + "ed"
        if verb == "blame":
            sentence = "Nobody is blamed for the failure."
        else:
            sentence = f"The failure is {form} to the booking rules rather than to any crew."
        assert _flagged(lint_text, "Discussion", sentence) == [], sentence
    for word in pack.words("impact", "view-words"):
        sentence = f"Several stewards said the handover notes were {word}."
        assert _flagged(lint_text, "What we learned", sentence) == [], sentence
    for verb in pack.words("impact", "reliance-verbs"):
        tail = "the mirror" if verb == "use" else "on the mirror"
        sentence = f"Many of you {verb} {tail} in your builds."
        assert _flagged(lint_text, "Summary", sentence) == [], sentence
    for point in pack.words("impact", "contact-points"):
        sentence = f"The {point} got swamped."
        assert _flagged(lint_text, "Impact", sentence) == ["got swamped"], sentence
    for prep in pack.words("impact", "flood-preps"):
        sentence = f"The call centre was buried {prep} complaints."
        assert _flagged(lint_text, "Impact", sentence) == [f"was buried {prep} complaints"], (
            sentence
        )
    for noun in pack.words("impact", "standing-nouns"):
        for verb in pack.words("impact", "standing-loss-verbs"):
            form = {"lose": "lost", "burn": "burned"}.get(verb, verb + "ed")
            sentence = f"We {form} a lot of {noun} with the distributors."
            assert _flagged(lint_text, "Lessons learned", sentence) == [f"a lot of {noun}"], (
                sentence
            )
    assert pack.words("impact", "flood-counted") == ["contacts", "requests"]
