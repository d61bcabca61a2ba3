"""A mitigation told in the plain words of operations is the timeline's mitigation
milestone, so PM504 must not say the timeline never marks one. Four classes of writing:

- a rollback under way, told as it starts ("Rollback of release 4.2 started");
- the part doing the harm paused by the responders ("pauses the reminder mailer");
- a part restarted or told up tersely ("restarts the controller", "Primary DB up");
- a service doing its normal work again, in the words of that work ("store accepting
  orders again"), or the harm's measure back within its bound ("p95 latency back below
  300 ms"), and the run that repairs what the fault did finishing ("refund job completed
  for all affected customers");
- the job or query doing the harm stopped by the responders ("killed the runaway report
  query");
- what sends the harm to people switched off ("turns off the automatic renewal emails"),
  a fix installed or put out ("installs the fix on all kiosks", "Hotfix 4.2.1 deployed"),
  the harm told stopping after a step ("rule deleted; no further drops") or the faulty part
  taken out ("removes the offending redirect").

Look-alikes stay clean: a deploy or a rollout that begins (the change, not the cure), a
rollback planned or failing, a pause caused by the fault or done for maintenance, a
measure that goes up ("CPU up on all nodes"), a part that restarts by itself (a crash), a
return to work still awaited or qualified, a run of another kind or one that failed, and
a job stopped by the system (the OOM killer, a timeout) rather than by the responders;
a switch-off that caused the harm, is backstory or silenced a safeguard, a fix planned,
waited on, put on a test system or that did not hold, and "no further" bookkeeping.
Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _ends_impact(event: str) -> bool:
    got = words(builtin_pack()).classify(event)
    return "mitigation" in got or "resolution" in got


@pytest.mark.parametrize(
    "event",
    [
        # a rollback under way
        "Rollback of the pricing bundle begins, one store at a time",
        "Rollback of release 4.2 started on the EU cluster",
        "Rollback to the previous image starts",
        "Starts rolling back the pricing config",
        "Rolling back the gateway change one region at a time",
        "Begins the rollback of the schema change",
        "Kicked off a rollback of the mobile API",
        "Rollback under way on all three clusters",
        "Rollback in progress for the search tier",
        "Initiates rollback of the firmware push",
        # the harmful part paused
        "Tomasz pauses the reminder mailer",
        "Paused the outbound email sender",
        "The SMS sender was paused",
        "Pauses the retry loop in the billing worker",
        "Mailer paused at 07:50",
        "Pausing the webhook publisher now",
        "Liam paused the promo blast script",
        # restarted, or told up
        "Greta restarts the storage controller per the runbook",
        "Consumer restarted",
        "Scheduler restarted once the lock file was removed",
        "Restarted the backup controller after clearing the state file",
        "Storage controller up; mounts visible again",
        "Primary DB up",
        "Standby broker up and serving",
        "Scheduler up again",
        "Core switch up, links green",
        "Gateway is up",
        # normal work again
        "Final depot confirmed accepting contactless fares again",
        "Store accepting orders again",
        "Checkout accepting card payments again",
        "Pharmacy counter handling prescriptions again",
        "The call centre taking calls again after the switch reboot",
        "Gateway serving requests normally again",
        "Booking site taking reservations again",
        # the repair run finishes
        "Duplicate-charge refund script finishes",
        "Refund job completed for all affected customers",
        "Cleanup script finished",
        "The correction batch completes",
        "Repair script done on all shards",
        # the harmful job stopped
        "Killed the runaway report query",
        "Ops cancels the bulk export task",
        "Admin stops the reindex task",
        "Aborted the backfill script on the primary",
        # the harm's measure back within its bound
        "Search load times return to under 3 seconds",
        "p95 latency back below 300 ms",
        "Error rate falls under 0.1%",
        "Response times back within the SLO",
        # what sends the harm to people switched off
        "Larchfield switch off the automatic recall texts for all six branches",
        "Vendor turns off the automatic renewal emails for every account",
        "Switched off outbound SMS notifications for the affected region",
        "Ops disabled scheduled invoice emails while the bug is open",
        "The support lead suspends automated dunning messages",
        "Ana turns off the weekly digest emails",
        # a fix installed or put out
        "Larchfield install a fix from the kiosk vendor and print a test receipt",
        "Vendor installs the fix on all kiosks",
        "Engineers install the hotfix on the two failing hosts",
        "Hotfix 4.2.1 deployed",
        "Hotfix for the parser deployed to all regions",
        "Deploys a fix for the pagination bug",
        # the harm told stopping after a step, or the faulty part taken out
        "Expiry rule removed on the live bucket; no further deletions",
        "Offending firewall rule deleted; no further drops",
        "Removed the faulty cron entry; no more duplicate charges",
        "The bad route was removed and no further errors appear",
        "Removes the offending redirect",
        "Hotfix applied; no more double charges",
    ],
)
def test_operational_wording_marks_a_mitigation(event: str) -> None:
    assert _ends_impact(event)


@pytest.mark.parametrize(
    "event",
    [
        "The deploy begins on the first pod",
        "Rollout of the new bundle begins",
        "Rollback plan drafted and shared",
        "Team debates whether to start the rollback",
        "Rollback scheduled to begin at 14:00",
        "Rollback begins but fails on the second host",
        "Rollback starts failing with a checksum error",
        "Planning to begin rolling back after lunch",
        "Considering rolling back the schema change",
        "GC pauses slowed the senders",
        "A GC pause froze the mailer",
        "Nightly mailer paused for the maintenance window as planned",
        "Ana pauses to review the dashboards",
        "The sender pauses between batches",
        "Decided not to pause the mailer",
        "Paused the investigation for the shift handover",
        "Restarted the controller; no effect",
        "Restarts the investigation with fresh logs",
        "Restarted the migration from the last checkpoint",
        "Controller restarted; still failing",
        "Controller restarted unexpectedly",
        "Scheduler restarted itself twice",
        "Consumers restarted 14 times in a crash loop",
        "The router restarted by the hardware watchdog",
        "Host restarted",
        "Load up 40% on the controller",
        "CPU up on all nodes",
        "Errors up sharply",
        "Latency up to 3 s",
        "Queue depth up",
        "Disk usage on the primary up to 95%",
        "Controller CPU up",
        "Node count up to 12",
        "Controller queue backing up",
        "Spin up a new controller",
        "Set up the new controller",
        "Error budget used up",
        "Help desk taking calls again about failed logins",
        "Attacker sending requests again",
        "The consumer processed the same orders again",
        "Hub accepting cards again but declines continue",
        "Should be accepting orders again by noon",
        "Store not accepting orders again until Monday",
        "Tills rejecting cards again",
        "Bots placing orders again",
        "Waiting for the kiosk to take payments again",
        "Migration script finishes",
        "Import job completes",
        "Refund script fails halfway",
        "Refund script starts",
        "Refund job completed with errors",
        "Cleanup script finished on two of five shards",
        "Dry run of the refund script completes",
        "Backfill job finishes, locking the orders table",
        "The OOM killer terminates the import job",
        "Kernel kills the reindex process",
        "Job terminated with exit code 137",
        "Scheduler cancels the backup job after a timeout",
        "Timeout aborts the migration job",
        "Decided not to kill the job",
        "Asked whether to cancel the backfill",
        "The deploy stopped the workers",
        "Stopped the investigation to hand over",
        "Cancelled the review meeting",
        "The bad query stopped the writes",
        "Latency should return to under 2 s by noon",
        "Latency back below 300 ms briefly",
        "Error rate still above 5%",
        "Latency target is under 200 ms",
        "Timeouts return",
        # switched off as the cause, as backstory, planned, or a safeguard
        "The upgrade switched off automatic reminders without telling anyone",
        "Automatic reminders had been switched off by mistake months earlier",
        "A config change disabled outbound notifications for all tenants",
        "We plan to switch off the automatic recall texts on Monday",
        "Should we turn off the renewal emails?",
        "Nobody switched off the reminder emails",
        "We forgot to switch off the renewal emails",
        "Patients stop receiving reminder texts",
        "Alert emails disabled during the migration",
        "Turned off the alert notifications for the weekend",
        "Switched off the automatic backups to save disk",
        # a fix planned, waited on, on a test system, failing, or a patch that broke things
        "Fix planned for Thursday's release",
        "We will install a fix tomorrow",
        "Vendor says a fix will be deployed next week",
        "Waiting for the supplier to install a fix",
        "Fix ready for review",
        "Hotfix deployment scheduled for 16:00",
        "Engineers did not install the hotfix on the failing hosts",
        "Hotfix deployed to staging for testing",
        "Hotfix deployed, but the errors continue",
        "Deployed the fix to the test environment",
        "The security patch installed overnight broke the print spooler",
        # no further ... that is no harm stopping; a removal planned or long past
        "No further action needed",
        "No further updates from the vendor",
        "No further alerts fired, so nobody looked",
        "No further errors until Tuesday, when the job ran again",
        "We hope to see no further losses after the change",
        "Customers receive no further invoices after cancelling",
        "Firewall rule removed during routine cleanup",
        "Plan to remove the offending rule after review",
        "Nobody removed the offending rule",
        "The bad disk removed last year was never replaced",
    ],
)
def test_look_alikes_mark_no_mitigation(event: str) -> None:
    assert not _ends_impact(event)


_TIMELINE = (
    "# Ticket machines declining cards\n\n## Timeline\n\nAll times UTC.\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 07:10 | New fare config deployed on every machine |\n"
    "| 07:25 | Card decline alarm fires for the north line |\n"
    "| 08:40 | {event} |\n"
    "| 09:30 | Ops lead writes the first summary |\n"
)


@pytest.mark.parametrize(
    ("event", "reported"),
    [
        ("Rollback of the fare config begins", False),
        ("Depot machines accepting cards again", False),
        ("Fare config rollout begins on the south line", True),
        ("Machine CPU up on the north line", True),
        ("Vendor switches off automatic fare top-up emails", False),
        ("Engineers install a fix on the north line machines", False),
        ("Fare config removed from the machines; no further declines", False),
        ("Vendor says a fix will be installed next week", True),
    ],
)
def test_pm504_reads_operational_mitigations(lint_text: LintFn, event: str, reported: bool) -> None:
    diags = lint_text(_TIMELINE.format(event=event), select=["PM504"]).diagnostics
    assert any("mitigat" in d.message for d in diags) is reported
