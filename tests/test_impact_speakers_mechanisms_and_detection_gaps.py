"""PM401 on sentences that count no one the incident reached, or time no harm; with their
look-alikes that still owe an amount. Every sentence here is written for this file; each
list is judged in one lint.

1. Speakers counted by what they urged or suggested ("several posters on the forum
   recommended clearing the cache") and messages judged by their senders' tone ("some of
   the emails the help desk got were rude"). What they voiced may not tell their own harm.
2. Outside the Impact and Summary, how long a step of the system itself ran ("the leader
   election took a while"); the outage's own length stays read.
3. Outside the Impact and Summary, a cause that turned a lesser fault into the outage.
4. Outside the Impact and Summary, harm told only as what no one could know ("we had no
   way to know the cache was stale"); "no way to know how many" is still an unknown extent.
"""

from __future__ import annotations

from conftest import LintFn, lines_reported

_reported = lines_reported("PM401", "Kiosk outage review")

_CLEAN_SPEAKERS = [
    "A few people online were telling holders to sell right away because of a rumoured exploit.",
    "Some people on the forum urged shoppers to reinstall the app.",
    "Several posters on the forum recommended clearing the cache.",
    "Some customers suggested that we add a status page.",
    "A few bloggers speculated that an intruder was behind it.",
    "Many of the emails sent to the help desk were rude.",
    "Most of the replies on the forum were patient and kind.",
]

_OWED_SPEAKERS = [
    "Many users claimed they had been charged twice.",
    "A few riders warned that the app was down.",
    "Several customers suggested the payments were failing.",
    "Some customers told us they could not log in.",
    "Many users reported failed payments.",
    "Most of the tickets were about failed payments.",
]

_CLEAN_MECHANISMS = [
    "Two rival versions of the chain tip existed for a few minutes until the peers settled on one.",
    "The leader election took a while because two replicas had the same term.",
    "The nightly compaction ran for several hours on the old disks.",
    "The failover took a long time.",
    "The rollback took much longer than usual because its script waits for sessions to drain.",
    "The retry default turned a small config slip into a site-wide outage.",
    "A stale cache converted one bad deploy into a long outage.",
    "We had no way to know the price feed was stale, and everyone on the rota acted"
    " sensibly on what they saw.",
    "Nobody could tell the queue was stuck, and the night crew acted sensibly on what they had.",
    "We did not have any way to know that parcels were being misrouted, and the depot team"
    " stepped in as soon as they had a sign something was off.",
]

_OWED_MECHANISMS = [
    "The outage lasted a few minutes.",
    "Checkout was unavailable for a while.",
    "The app took longer than usual to load.",
    "The failover took a while, so riders waited at the gates.",
    "The rollback took much longer than usual because riders kept retrying.",
    "The migration locked the orders table for several hours.",
    "The backfill ran for a while and held locks on the ledger.",
    "The retry default turned a config slip into an outage, and shoppers could not pay.",
    "Customers saw errors on every page.",
    "We had no way to know the price feed was stale, and riders could not buy tickets.",
    "We had no way to know how many riders were affected.",
]


def test_speakers_and_the_tone_of_messages_owe_no_amount(lint_text: LintFn) -> None:
    got = _reported(lint_text, _CLEAN_SPEAKERS + _OWED_SPEAKERS, "What happened")
    assert got == _OWED_SPEAKERS


def test_speakers_owe_no_amount_where_impact_is_stated(lint_text: LintFn) -> None:
    lines = [
        "A few commenters suggested restarting the router.",
        "Some of the messages our agents received were abusive.",
        "Some customers could not log in.",
    ]
    assert _reported(lint_text, lines, "Impact") == lines[2:]


def test_system_steps_causes_and_detection_gaps_owe_no_amount(lint_text: LintFn) -> None:
    got = _reported(lint_text, _CLEAN_MECHANISMS + _OWED_MECHANISMS, "Contributing factors")
    assert got == _OWED_MECHANISMS


def test_where_impact_is_stated_a_grown_fault_still_owes_its_amount(lint_text: LintFn) -> None:
    lines = [
        "The retry default turned a small config slip into a site-wide outage.",
        "The failover took a long time.",
        "Customers knew something was wrong.",
    ]
    assert _reported(lint_text, lines, "Impact") == lines


def test_a_system_step_in_a_timeline_entry(lint_text: LintFn) -> None:
    lines = [
        "**21:40.** Failover began. It took a while as the failover script waits for locks.",
        "**21:55.** Failover began. It took a while as shoppers kept retrying.",
        "**22:05.** Failover began. It took a while as the script waits for locks.",
    ]
    # "it" stands for a step of the system only when the sentence names one
    assert _reported(lint_text, lines, "Timeline") == lines[1:]
