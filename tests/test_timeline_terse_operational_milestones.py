"""Milestones told in terse operational words, as a team's own log writes them.

Mitigation: the harmful process held back by hand ("Invoicing holds placed for the affected
tariff"), a part patched, told noun first ("Tariff calculator patched to ignore blank
readings"), and a corrective run done again coming to its end ("Rerun of the settlement
batch completed"). Resolution: every unit the users meet green ("All tills green again"), and
a manual fallback stood down ("Paper tickets stood down at the north gate"). Detection: a
user's report on a public tracker ("First GitHub issue filed about missing tarballs") or in
the team's channel from someone outside it ("Support agents ping the platform channel about
failing logins").

Look-alikes stay unrecognised: a hold proposed, decided on or placed on us by a bank, a
customer's order held (harm); a patch planned, a part not or long ago patched, patched on
staging, a patched build; a rerun scheduled, failed or partial, and the ordinary run
completing; a fallback stood up or not yet stood down; green with harm still under way; an
issue opened to track follow-up work; a ping to confirm a fix, for an ETA or a reviewer.
Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


@pytest.mark.parametrize(
    ("event", "milestone"),
    [
        ("Invoicing holds placed for the affected tariff.", "mitigation"),
        ("Dunning mailings put on hold for every customer in the region.", "mitigation"),
        ("Direct debit collections were placed on hold.", "mitigation"),
        ("Tariff calculator patched to ignore blank readings.", "mitigation"),
        ("The parser hot-patched on every node.", "mitigation"),
        ("Flag rolled back, then the importer patched and redeployed.", "mitigation"),
        ("Rerun of the settlement batch completed.", "mitigation"),
        ("Reprocessing finished for all 3,100 files.", "mitigation"),
        ("Re-send of the failed statements done.", "mitigation"),
        ("All tills green again.", "resolution"),
        ("All kiosks green.", "resolution"),
        ("Paper tickets stood down at the north gate.", "resolution"),
        ("Stood down the fallback desk.", "resolution"),
        ("First GitHub issue filed about missing tarballs.", "detection"),
        ("A user files a bug report: downloads return 404.", "detection"),
        ("Issue opened by a customer describing empty exports.", "detection"),
        ("A customer posts in our support chat that uploads hang.", "detection"),
        ("Support agents ping the platform channel about failing logins.", "detection"),
    ],
)
def test_a_terse_operational_note_is_its_milestone(event: str, milestone: str) -> None:
    assert milestone in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "The bank placed a hold on our payouts.",
        "Billing holds proposed to the finance lead.",
        "Decided to place billing holds on the northern routes.",
        "Invoice holds placed by the processor on our merchant account.",
        "Customer orders put on hold by the fraud engine.",
        "Patch planned for the estimator.",
        "Estimator not patched until the next release.",
        "Servers left unpatched since March.",
        "Parser patched in staging first.",
        "Patched build 4.2.1 published.",
        "Kernel patched last year as part of routine upkeep.",
        "Re-run scheduled for Monday.",
        "Re-run fails on the same lock error.",
        "Reindex completes but errors persist on two shards.",
        "Nightly billing run completes.",
        "Review of the dashboards completed.",
        "Manual checks stood up at every lift.",
        "Manual checks not yet stood down.",
        "All gates green but season passes still rejected.",
        "Follow-up issue opened to track the cache eviction work.",
        "First issue opened to track the cleanup.",
        "Tracking issue filed by a contributor for the follow-up.",
        "Users ping the channel asking for an ETA.",
        "Team lead pings the infra channel for a reviewer.",
    ],
)
def test_a_look_alike_is_no_milestone(event: str) -> None:
    assert not {"detection", "mitigation", "resolution"} & _milestones(event)


LEDGER = """# Water meter bills estimated at zero

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 2025-05-02 06:00 | Monthly billing run completes; blank readings estimated as zero. |
| 2025-05-06 09:10 | First GitHub issue filed about a zero bill on the customer portal. |
| 2025-05-06 11:30 | Incident declared. Invoicing holds placed for the affected routes. |
| 2025-05-08 15:00 | Tariff calculator patched to skip blank readings. |
| 2025-05-12 14:00 | Rerun of the corrected billing batch completed. |
"""


def test_a_timeline_told_in_these_words_lacks_no_milestone(lint_text: LintFn) -> None:
    assert lint_text(LEDGER, select=["PM504"]).diagnostics == []
    planned = (
        LEDGER.replace("Invoicing holds placed", "Invoicing holds proposed")
        .replace("Tariff calculator patched", "Tariff calculator patch planned")
        .replace("Rerun of the corrected billing batch completed", "Rerun scheduled")
    )
    found = lint_text(planned, select=["PM504"]).diagnostics
    assert [planned[d.start : d.end] for d in found] == ["Timeline"]
    assert "mitigation" in found[0].message
