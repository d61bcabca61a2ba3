"""Sentences that read like impact claims and are not (PM401), and losses for good that
PM403 did not hear. A vague quantity that counts the readers' habit in a sentence told
all in the present ("many of you renew your loans at the weekend") or what the writers
show in the report ("I am quoting a few emails", ``showing-verbs``); a safeguard doing its
job told with "like" or a contraction ("refused it just like it's meant to when the
token is stale", ``safeguard-forms``); a fault said of no one ("a design weakness, not an
individual error", ``fault-makers``). PM403: a counted amount told as not recovered
("$48,000 in bookings not recovered") and customers made whole ("nobody actually lost
money"). Look-alikes that stay: harm to the readers told in the past ("Many of you could
not renew loans"), what others sent ("A few emails reported lost reading lists"), harm
after the safeguard phrase ("customers could not pay"), amounts still pending ("not
restored until Monday") and access, not money, lost."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_HEAD = (
    "# Postmortem: Catalogue search offline\n\n## Summary\n\n"
    "Catalogue search was down from 09:00 to 15:10 on Saturday 4 May; 2,310 searches"
    " failed.\n\n"
)

ASIDES = [
    "We are sorry. We know that many of you renew your loans on the weekend.",
    "Most of you browse the new arrivals list on Saturday mornings.",
    "A lot of us check the holds shelf before lunch.",
    "I am quoting a few emails below because the team should hear how it felt.",
    "We include some of the notes patrons left at the desk, with their permission.",
    "I reproduce a couple of the messages here, names removed.",
    "Below we excerpt several of the replies to the status post.",
    "We share a few of the comments from the forum thread.",
    "I attach some of the screenshots readers sent in.",
    "We paste a handful of the log lines below.",
    # the habit's clause alone is read: a joined clause tells its own (counted) harm
    "Many of you check the catalogue every morning, and 2,310 of those searches failed.",
]

#: vague counts of the people who helped, not of people harmed (``helping-verbs``)
HELPERS = [
    "Our thanks to the many engineers who stayed on the call to help.",
    "Several teams helped with the failover; checkout was down for 38 minutes.",
    "Many volunteers joined the war room to assist.",
    "A few contractors who pitched in overnight rebuilt the index.",
    "Several librarians volunteered to answer patrons by phone.",
]

STILL_VAGUE = [
    "Several teams lost access to the build farm.",
    "Many shoppers who needed help could not reach the chat.",
    "Many users waited for an agent to help them.",
    "Many operators did not help, because the pager never fired.",
    "Many of you renew on Fridays, and many could not log in at all.",
    "Many of you could not renew loans during the outage.",
    "A few emails reported lost reading lists.",
    "Some of you were unable to place holds all afternoon.",
    "We quoted a few emails in the status update while many patrons still could not log in.",
]

SYSTEM_SENTENCES = [
    "The nightly sweep starved the report builders of memory; a gap in how the hosts are"
    " sized, not an individual error.",
    "The compaction job exhausted the shared connection pool; that was a design gap and not"
    " a personal mistake.",
    "the licence probe said no, exactly like it's supposed to when the seat count is"
    " exceeded, and that bit worked",
    "the checksum step rejected the file just as it's meant to when the upload is bad.",
    "The signing step refused the build, like it is designed to when the token is stale.",
]

STILL_CLAIMS = [
    "Checkout failed for shoppers, like it's supposed to when the token is wrong.",
    "Members could not log in when the token was wrong, just like it's supposed to.",
]


def _findings(lint_text: LintFn, section: str, sentence: str, code: str) -> list[str]:
    text = _HEAD + f"## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=[code]).diagnostics]


@pytest.mark.parametrize("sentence", ASIDES)
def test_asides_are_no_vague_impact(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Impact", sentence, "PM401") == []


@pytest.mark.parametrize("sentence", HELPERS)
def test_helpers_are_no_vague_impact(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Impact", sentence, "PM401") == []


@pytest.mark.parametrize("sentence", STILL_VAGUE)
def test_harm_to_readers_and_reports_stay_vague(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Impact", sentence, "PM401") != []


@pytest.mark.parametrize("sentence", SYSTEM_SENTENCES)
def test_system_sentences_state_no_impact(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Safety notes", sentence, "PM401") == []


@pytest.mark.parametrize("sentence", STILL_CLAIMS)
def test_harm_beside_a_safeguard_phrase_stays(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Impact", sentence, "PM401") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "Lost revenue: $48,000 in bookings not recovered.",
        "1,300 invoices were not restored.",
        "About 700 uploads were never replayed.",
        "The card processor refunded every charge, so nobody actually lost money.",
        "No customer ended up losing any funds.",
        "No merchants lost money.",
    ],
)
def test_losses_for_good_answer_pm403(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Impact", sentence, "PM403") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "1,300 invoices were not restored until Monday.",
        "About 700 uploads were not replayed yet when we closed the incident.",
        "Nobody lost access for more than an hour.",
        "No customer lost time on the retries.",
    ],
)
def test_pending_amounts_and_access_do_not_answer_pm403(lint_text: LintFn, sentence: str) -> None:
    assert _findings(lint_text, "Impact", sentence, "PM403") != []


def test_every_showing_verb_has_a_fixture_sentence() -> None:
    text = " ".join(ASIDES).lower()
    verbs = builtin_pack().words("impact", "showing-verbs")
    assert [v for v in verbs if v.removesuffix("e") not in text] == []  # "quoting"
    makers = " ".join(SYSTEM_SENTENCES).lower()
    assert "individual error" in makers and "personal mistake" in makers
    helpers = " ".join(HELPERS).lower()
    verbs = builtin_pack().words("impact", "helping-verbs")
    assert [v for v in verbs if v.removesuffix("e") not in helpers] == []  # "volunteered"
