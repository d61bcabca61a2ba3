"""PM401 and PM403 on the classes blind round 30 found (fix helper imp30). Every sentence
here is written for this file.

1. Deliberators and speakers: people counted as the ones who weighed a step of the
   response ("several operators weighed a failover"), or who voiced a view the writer
   denies in a bare clause ("...; it was not."), are no affected party; people who could
   not do something, were billed twice or deliberated and then cancelled still are.
2. Nothing stored changed, in the domain's own noun ("No meter readings in the billing
   store were changed", "no deposits were altered"): the data-loss statement PM403 asks for, and
   a stated zero, which asks for no figure. A thing that changed, people
   who changed nothing, or a change in a second clause stay no answer.
3. PM401's wording: a share is asked only of a countable whole or a measure (else the
   generic words), bare time is a duration and "the time" a frequency, and the example of
   a measured change follows what the sentence measures (a temperature, a latency, a time,
   a count) or is left out."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _doc(section: str, sentence: str) -> str:
    return f"# Cold store outage\n\n## {section}\n\n{sentence}\n"


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = _doc(section, sentence)
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def _messages(lint_text: LintFn, sentence: str, section: str = "Impact") -> list[str]:
    return [d.message for d in lint_text(_doc(section, sentence), select=["PM401"]).diagnostics]


def _loss_told(lint_text: LintFn, sentence: str) -> bool:
    return lint_text(_doc("Impact", sentence), select=["PM403"]).diagnostics == []


def test_people_who_deliberated_or_spoke_are_no_affected_party(lint_text: LintFn) -> None:
    for section, sentence in (
        ("Response", "Several of the operators on the bridge weighed a failover, then held off."),
        ("Response", "A few engineers argued about whether to call the carrier."),
        ("Response", "A couple of operators debated restarting the broker."),
        ("Response", "A few technicians pondered whether to swap the controller."),
        ("Impact", "A few dispatchers mulled a manual reroute over lunch."),
        ("Root cause", "Several onlookers have labelled the slip sloppy; it was not."),
        ("Root cause", "Several commentators have labelled the change reckless. It wasn't."),
        ("Summary", "Many people called it sabotage; it was nothing of the sort."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_people_harmed_beside_those_verbs_are_still_counted(lint_text: LintFn) -> None:
    for sentence, phrase in (
        ("Several people could not sign in.", "Several people"),
        ("Some people were billed twice.", "Some people"),
        ("A few engineers were locked out of the console.", "A few engineers"),
        ("Some people have been unable to print since Monday.", "Some people"),
        ("Many customers described the checkout as unusable.", "Many customers"),
        (
            "A few customers considered the app unusable and cancelled their plans.",
            "A few customers",
        ),
        ("Some people called the hotline after their cards were declined.", "Some people"),
    ):
        assert _flagged(lint_text, "Impact", sentence) == [phrase], sentence


def test_nothing_stored_changed_answers_the_data_question(lint_text: LintFn) -> None:
    for sentence in (
        "No meter readings in the billing store were changed by the faulty import.",
        "No loyalty points were altered, and the ledger matched at close.",
        "None of the saved invoices were modified; the totals shown on screen were wrong.",
        "No patient notes in the clinic system were overwritten.",
        "None of the stored photos got overwritten.",
        "No tenant deposits have been altered by the replay.",
        "The stored records were never altered.",
    ):
        assert _loss_told(lint_text, sentence), sentence
        assert _flagged(lint_text, "Impact", sentence) == [], sentence


def test_a_change_that_is_no_data_statement_still_draws_pm403(lint_text: LintFn) -> None:
    for sentence in (
        "The grades page changed its layout.",
        "No one changed the rota.",
        "Nobody altered the schedule during the freeze.",
        "No alarm fired and the thresholds were changed at noon.",
        "No warning was given before the prices were changed.",
        "No notice went out, so the timetable was altered without warning.",
    ):
        assert not _loss_told(lint_text, sentence), sentence


def test_a_share_is_asked_only_of_a_countable_whole(lint_text: LintFn) -> None:
    for sentence in (
        "Some impact on staff morale followed the outage.",
        "The recall had some impact on public opinion.",
        "The outage had some impact on the pharmacy.",
    ):
        (message,) = _messages(lint_text, sentence)
        assert "give the share of what was affected " in message, message
    (tenants,) = _messages(lint_text, "The stall had some impact on tenants.")
    assert "give the share of tenants " in tenants
    (traffic,) = _messages(lint_text, "The change had some impact on traffic.")
    assert "give the share of traffic " in traffic


def test_bare_time_is_a_duration_and_the_time_a_frequency(lint_text: LintFn) -> None:
    for sentence, phrase in (
        ("Families spent quite a bit of time on hold.", "quite a bit of time"),
        ("Re-entering the orders by hand ate up a lot of time for the clerks.", "a lot of time"),
    ):
        (message,) = _messages(lint_text, sentence)
        assert message.startswith(f"Vague impact: '{phrase}'; give the duration"), message
    (often,) = _messages(lint_text, "The scanners were down most of the time.")
    assert "say how often" in often and "share of time" not in often


def test_a_measured_change_gets_an_example_that_fits(lint_text: LintFn) -> None:
    cases = {
        "The tank temperature rose a great deal.": "°C",
        "Chiller readings rose sharply.": "°C",
        "Checkout latency increased quite a bit.": "p99",
        "Deliveries slowed to some degree.": "how long it took",
        "Wait times went through the roof.": "how long it took",
        "Latency rose a lot once the cache went cold.": "p99",
        "Bookings tumbled sharply in the first hour.": "the value before and at its worst",
        "The backlog grew quite a bit.": "an hour",
        "Sales dropped quite a bit.": "in its currency",
        "Revenue took a big hit.": "in its currency",
        "Output fell to some degree.": "the value before and at its worst",
        "Quality degraded to some degree.": "the value before and at its worst",
    }
    for sentence, shown in cases.items():
        got = [m for m in _messages(lint_text, sentence) if "measured change" in m]
        assert got and all(shown in m for m in got), (sentence, got)
        if shown != "p99":
            assert all("p99" not in m for m in got), (sentence, got)


def test_every_round30_pack_word_is_read(lint_text: LintFn) -> None:
    """Each word of the new keys does its work in a sentence of its own."""
    pack = builtin_pack()
    for verb in pack.words("impact", "deliberation-verbs"):
        form = {"argue": "argued", "debate": "debated", "weigh": "weighed"}.get(
            verb, verb.rstrip("e") + "ed"
        )
        sentence = f"Several engineers {form} the rollback."
        assert _flagged(lint_text, "Response", sentence) == [], sentence
    shown = {
        "temperature": "°C",
        "latency": "p99",
        "time": "how long it took",
        "count": "an hour",
        "money": "in its currency",
    }
    kinds = []
    for kind, *words in pack.get("impact", "degree-measures", []):
        kinds.append(kind)
        for word in words:
            sentence = f"The {word} figure rose sharply."
            got = [m for m in _messages(lint_text, sentence) if "measured change" in m]
            assert got and all(shown[kind] in m for m in got), (sentence, got)
    assert kinds == ["latency", "temperature", "time", "count", "money"]
    for key in (*(f"vague-degree-{k}" for k in kinds), "vague-frequency"):
        assert pack.message("impact", key, phrase="x", counted="y").startswith("Vague impact")
