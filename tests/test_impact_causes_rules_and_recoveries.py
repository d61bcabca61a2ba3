"""PM401 on writing that explains the fault or records a telling rather than stating how
much harm was done, and PM403 on losses told in a trade's own words.
Classes: the answers of a chain of why-questions; a rule of how a kind of thing works
("A <thing> cannot ..."), with the consequence it leads to for no one users reach; a
party recorded as told under an impact label; a count stated as unmeasurable in its own
sentence; the findings of a formal investigation; money got back against money still
owed, a counted batch dropped and not redone, a loss for good hedged. Each class stands
beside look-alikes that state impact and stay reported. Every sentence here is written
for this file."""

from __future__ import annotations

from conftest import LintFn, lines_reported

#: the lines PM401 reports when each stands as its own paragraph under a heading
_reported = lines_reported("PM401", "Depot incident")


def test_the_answers_of_a_why_chain_give_causes(lint_text: LintFn) -> None:
    """In a block that opens with a why-question, a statement answers the step above it;
    a vague count there is still read, and so is the chain's opening line, the problem
    itself, which asks no why."""
    steps = [
        "- The print service was unavailable, so our kiosks died.",
        "1. **Why did the kiosks stop printing passes?** The print service refused jobs"
        " because their templates were missing from the cache.",
        "2. **Why were the templates missing?** The cache evicted entries after the node"
        " hit its memory cap.",
        "3. **Why?** The shipment records were unavailable because the replica was behind.",
        "4. **Why did riders leave?** Many riders could not unlock bikes because the app was down.",
    ]
    assert _reported(lint_text, steps, "Five Whys") == [steps[0], steps[4]]
    elsewhere = [
        "- Why 2: The print service refused jobs because their templates were missing"
        " from the cache.",
        "The print service refused jobs because their templates were missing from the cache.",
    ]
    assert _reported(lint_text, elsewhere, "Root cause") == elsewhere[1:]


def test_a_rule_of_how_a_kind_of_thing_works_is_the_mechanism(lint_text: LintFn) -> None:
    """ "A <thing> cannot/must/may ..." explains how such a thing works; what follows from
    it for our own parts is the mechanism, and for people or the service it is harm."""
    clean = [
        "An MX record cannot point at an alias, so the relays refused the mail for those domains.",
        "A replica cannot accept writes while it is replaying its log, so the queue"
        " workers stalled.",
        "A lease cannot be renewed once its holder has lost quorum.",
        "A session token must be refreshed hourly, so the kiosks logged out.",
    ]
    harm = [
        "An alias cannot sit at the zone apex, so customers could not reach their shops.",
        "An alias cannot sit at the zone apex, so the website was unreachable.",
        "The alias could not be served, so the website was unreachable.",
    ]
    assert _reported(lint_text, clean + harm, "What happened") == harm


def test_a_party_recorded_as_told_has_nothing_to_count(lint_text: LintFn) -> None:
    """An impact label whose value tells that a party was told records the telling."""
    clean = [
        "- **Partner impact:** The venue owner was briefed at 09:40 and got a written"
        " note the next day.",
        "- **Regulator impact:** We notified the data authority the same afternoon.",
        "- **Landlord impact:** The site manager was informed by phone.",
    ]
    kept = [
        "- **Affected services:** checkout, search and the loyalty app.",
        "- **Partner impact:** The venue owner was unable to sell seats.",
        "- **Affected regions:** the regions we notified first.",
    ]
    assert _reported(lint_text, clean + kept, "Impact") == kept


def test_a_count_said_to_be_unmeasurable_is_no_vague_count(lint_text: LintFn) -> None:
    """A vague count in a sentence that says the writers cannot measure it is the extent
    stated as unknown; beside a measured figure it is bounded, and a vague count with no
    such words, or a vague duration beside them, stays."""
    lines = [
        "Card payments failed for 1,240 of 3,900 shoppers between 10:05 and 11:20. Some"
        " shoppers probably abandoned their carts, and we have no way to count them.",
        "Some shoppers gave up after a long time; we can't quantify how many.",
        "Some shoppers gave up.",
    ]
    assert _reported(lint_text, lines, "Impact") == lines[1:]
    text = "# Depot incident\n\n## Impact\n\n" + "\n\n".join(lines) + "\n"
    words = [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]
    assert words == ["long time", "Some shoppers"]


def test_the_findings_of_an_investigation_are_its_conclusions(lint_text: LintFn) -> None:
    """A findings list is read as an analysis: a finding on a setting or a part states no
    impact; one about people, or a vague count, stays."""
    findings = [
        "F1. The retry timeout on the ticket bridge was cut below its observed peak"
        " latency without a soak test.",
        "F2. The standby gateway ran older firmware than the primary, which blocked failover.",
        "F3. Passengers could not check in at the kiosks.",
        "F4. Many passengers missed their connections.",
    ]
    assert _reported(lint_text, findings, "5. Findings") == findings[2:]


def _pm403(lint_text: LintFn, body: str) -> int:
    text = f"# Depot incident\n\n## Impact\n\nThe portal was down for 2 hours. {body}\n"
    return len(lint_text(text, select=["PM403"]).diagnostics)


def test_losses_in_a_trades_own_words_answer_pm403(lint_text: LintFn) -> None:
    """Money got back against money owed, a counted batch dropped and not redone, a loss
    for good hedged; not a recovery still to come, a service back, or money spent."""
    answers = [
        "The card scheme clawed back EUR 40,100 by Friday; the other EUR 2,300 is owed"
        " on payment plans.",
        "Chargebacks recovered $18,400 of the $19,000 paid out twice.",
        "$8,200 was recouped and $600 was written off.",
        "212 meter commands were discarded and never resent.",
        "40 print jobs were rejected and not re-queued.",
        "1,300 alarm messages were not redelivered.",
        "Those sensor frames are probably gone for good.",
    ]
    none = [
        "The API recovered 10 minutes later.",
        "We spent $4,000 on extra capacity.",
        "212 meter commands were queued and not replayed until the next morning.",
        "40 print jobs were rejected and not yet re-queued.",
        "The flaky alert is now gone for good.",
        "The team recovered 3 of the 4 hosts.",
    ]
    assert [a for a in answers if _pm403(lint_text, a)] == []
    assert [n for n in none if not _pm403(lint_text, n)] == []
