"""Blame told in plain grammar, and its defences: a counterfactual whose main clause tells
a harm the act taken avoided defends that act ("had the operator restarted the primary, the
writes would have been lost"), while one whose main clause tells the harm prevented or
shrunk still judges; a person's title written in capitals as the subject of "failed to"; a
person's act given as the reason with "which is why"; "should have" said of whoever held a
duty; hindsight told as what was foreseeable or obviously wrong. Their look-alikes stay
clean: systems named in capitals, a system's act or a person's good act before "which is
why", a systemic "nobody should have to", a forecast, a denial. Each group is one document,
one lint. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_FILLER = "The depot printers were back at 07:15."

#: (sentence, "CODE span" it must give)
_FOUND = [
    # the harm prevented, not the harm avoided: the act not taken judged better
    (
        "Had Ines failed over at 02:00, we would have recovered in minutes.",
        "PM103 Had Ines failed over at 02:00",
    ),
    (
        "If the DBA had drained the node, none of the requests would have failed.",
        "PM103 If the DBA had drained the node",
    ),
    (
        "Had Joss paged the vendor, we would have lost far less data.",
        "PM103 Had Joss paged the vendor",
    ),
    (
        "Had Oren promoted the standby, only the last second of writes would have been lost.",
        "PM103 Had Oren promoted the standby",
    ),
    # a person's title in capitals failing a duty
    (
        "The Duty Settlement Officer failed to run the second reconciliation.",
        "PM103 The Duty Settlement Officer failed to run",
    ),
    (
        "The Senior Network Engineer failed to compare the route tables.",
        "PM103 The Senior Network Engineer failed to compare",
    ),
    (
        "Our Change Approver failed to request a rollback plan.",
        "PM103 Our Change Approver failed to request",
    ),
    (
        "The Internal Auditor failed to sample the March entries.",
        "PM103 The Internal Auditor failed to sample",
    ),
    # a person's act given as the reason a harm followed
    (
        "Ollie silenced the disk alert on Friday, which is why nobody saw the volume fill.",
        "PM101 Ollie silenced",
    ),
    (
        "The on-call went back to sleep, and that is why the outage lasted until morning.",
        "PM101 The on-call went",
    ),
    (
        "Kofi turned off the checker, and this is why the corrupt rows slipped through.",
        "PM101 Kofi turned off",
    ),
    (
        "The on-call brushed off the first alert, which is why this went on as long as it did.",
        "PM101 The on-call brushed",
    ),
    # "should have" said of whoever held the duty
    (
        "Whoever was on call that night should have escalated by midnight.",
        "PM103 Whoever was on call that night should have escalated",
    ),
    (
        "Anybody approving that migration should have asked for a dry run.",
        "PM103 Anybody approving that migration should have asked",
    ),
    # hindsight told as what was evident then
    (
        "It was entirely foreseeable that the spool would run out of space.",
        "PM105 It was entirely foreseeable",
    ),
    (
        "It was predictable that the batch would overrun once volumes doubled.",
        "PM105 It was predictable",
    ),
    (
        "The decision to skip the canary was obviously wrong.",
        "PM105 The decision to skip the canary was obviously wrong",
    ),
]

_CLEAN = [
    # the harm the act taken avoided: a defence of what was done
    "If the operator had restarted the primary, the buffered writes would have been lost.",
    "Had Mei failed over at that point, the replicas would have diverged.",
    "Had Noor promoted the replica, the two copies would have diverged for hours.",
    "If the on-call had restarted the proxy, the failure would have cascaded to the edge.",
    "Had Ravi truncated the table, the customer records would have leaked into the export.",
    "Had Ravi truncated the table, the export job would have crashed.",
    "Had the operator failed over, the settlement files would have been duplicated.",
    # capitalised systems and products, a page not received, a rule stated
    "The Results Publisher failed to start after the upgrade.",
    "The Card Gateway failed to reply before the deadline passed.",
    "The Session Manager failed to renew the token.",
    "The Traffic Director failed to shift the load.",
    "The Job Coordinator failed to schedule the retry.",
    "The Ledger Sync Service failed to pick up the new file.",
    "The Night Shift Supervisor failed to receive the page because the rota was stale.",
    "If the Duty Officer fails to confirm, the run is held until morning.",
    # "which is why" after a system's act, a good act, a state, the writers' own, no harm
    "The job skipped the batch, which is why the totals were short.",
    "The on-call paged the DBA, which is why recovery was quick.",
    "Marta rolled back within minutes, which is why only a few users noticed.",
    "Ollie had already drained the node, which is why no requests failed.",
    "The on-call silenced the alert, which is why it did not spread.",
    "The on-call was asleep, which is why the page went unanswered.",
    "We deferred the upgrade to Monday, which is why the cluster was still on the old version.",
    "Kofi ignored the alert because it had fired all week, which is why the outage ran long.",
    "Kofi joined the bridge at 09:10, which is why the timeline starts there.",
    "The on-call ignored the warning banner as it had fired falsely all week.",
    # systemic "should", abilities, possessions
    "Nobody should have to read the logs to find this.",
    "Anyone should be able to restart the worker from the runbook.",
    "Whoever holds the pager should have the vendor's number.",
    "Whoever was on call should have been paged by the monitor at 02:10.",
    "Anybody can page the DBA from the runbook.",
    # neutral, denied, forecast and asked uses of the hindsight words
    "The obvious next step was to restart the worker.",
    "It was not obvious that the flag also disabled retries.",
    "It was not foreseeable that the vendor would change the format.",
    "It is foreseeable that traffic will double next year.",
    "Whether it was foreseeable that the cache would fill is still debated.",
    "The valves were clearly labelled.",
    "The sensor value was clearly wrong, and the controller should have rejected it.",
    "Choosing the rollback did not look wrong to anyone that evening.",
]


def _spaced(sentences: list[str]) -> list[str]:
    """Each sentence followed by a statement paragraph of its own."""
    return [p for s in sentences for p in (s, _FILLER)]


def test_plain_blame_and_unsaved_harms_are_found(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", _spaced([s for s, _ in _FOUND]))])
    for sentence, finding in _FOUND:
        assert finding in found[sentence], (sentence, found[sentence])


def test_defences_and_look_alikes_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", _spaced(_CLEAN))])
    assert {s: f for s, f in found.items() if f and s != _FILLER} == {}
