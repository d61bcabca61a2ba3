"""Owners and due dates written in an action item's wording rather than as ``Key: value``
fields (PM302, PM303), with the real spaCy pipeline and real Markdown documents.

Writers who follow no template say who and when in the sentence: "Lucía will add …",
"Amara to cap …", "(owner Nakamura Rei, due …)", "by March 20". PM302 and PM303 said such
items had no owner or date, which is false; the hard negatives below (no one named, the
writers themselves, a relative deadline) must keep their findings.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.fixes import apply_edits
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.items import extract_fields


def _doc(item: str) -> str:
    return f"# Expired certificate\n\n## Action items\n\n- {item}\n"


def _messages(lint_text: LintFn, item: str, code: str) -> list[str]:
    diags = lint_text(_doc(item), select=[code]).diagnostics
    return [d.message for d in diags if d.code == code]


# -- PM302: the owner as the subject, after a cue, or among the item's details -------------------

NAMED_OWNERS = [
    (
        "By April 2, Lucía will add a startup check that refuses an unknown key ID (OPS-410).",
        "Lucía",
    ),
    ("Tomasz will move the renewal cron into the deploy pipeline by 2026-05-04.", "Tomasz"),
    ("Amara to cap token refresh retries at 5 attempts (OPS-411, P1).", "Amara"),
    (
        "Move the renewal job to the shared scheduler (owner Nakamura Rei, due 2026-06-01).",
        "Nakamura Rei",
    ),
    ("Assigned to Kofi; target 2026-05-20; OPS-413; rotate the staging keys first.", "Kofi"),
    ("Owner - Reyes, P2: pin the resolver version in the base image.", "Reyes"),
    ("Add a key-ID check to CI (Ingrid Solberg, 2026-05-11, OPS-414, P2).", "Ingrid Solberg"),
    ("The storage team will add a quota alert at 90% of disk.", "The storage team"),
    ("Write down every consumer of the orders table (owner 김민준, due 2026-07-01).", "김민준"),
    ("SRE to add a canary that renews a test certificate every night.", "SRE"),
    ("Publish the key set before signing with it (Ingrid).", "Ingrid"),
    ("Mei and Kofi will split the rotation into publish and sign jobs (OPS-416).", "Mei and Kofi"),
    # the writer: one person, whom the postmortem's authors name ("we" names no one)
    ("I will move the renewal cron into the deploy pipeline by 2026-05-04.", "I"),
    ("By May 9, I will rotate the staging keys (OPS-419).", "I"),
    # a clause of the item that says who owns it, after the name
    ("Keep a spare router in the comms cabinet, Ana Ruiz owns it, due 2026-12-18, P2", "Ana Ruiz"),
    ("Keep a spare fan tray in the cage, owned by Beatriz Lima, due 2026-12-18.", "Beatriz Lima"),
    ("Add a drain step to the failover script; Okonkwo is the owner; P1", "Okonkwo"),
    (
        "Cap the export batch at 500 rows (the storage team owns this, due 2026-11-30)",
        "the storage team",
    ),
    ("Rotate the relay keys every 90 days — Priya has it — P2", "Priya"),
    # a name that starts like a month or a tool: only the word alone is no owner
    ("Pin the base image digests, June Okafor owns it, due 2027-02-01, P3", "June Okafor"),
    ("Split the ingest topic, Kafka platform team is the owner, P2", "Kafka platform team"),
    # a given name that is also an English word, as the subject of a link at the start
    ("Mark will set up a nightly export of the switch configs, due 2026-04-01.", "Mark"),
    ("Will to rotate the VPN certificates before they expire (OPS-420).", "Will"),
    ("By 10 April, Hope will retire the old jump host.", "Hope"),
    ("Grace Liu will add an alert when an export is older than 48 hours.", "Grace Liu"),
    ("Rose to write the renewal runbook before the next rotation (OPS-426).", "Rose"),
    # act31 class 3: more such names, by "to" or "will" at the start of the item
    ("Ken to move the invoice export onto the read replica (OPS-431).", "Ken"),
    ("Lily will retire the legacy fax gateway by 2026-09-01.", "Lily"),
    ("Rick to write the failover checklist for the print queue, P2.", "Rick"),
    ("Hazel to add a lag alert to the ledger replica (OPS-432).", "Hazel"),
    ("Martin will split the audit log into monthly tables.", "Martin"),
    ("Sandy to rotate the kiosk passwords before the audit.", "Sandy"),
    # the writer claims the item in the first person, in a sentence or clause of its own
    ("The renewal job will page on a failed renewal. I'm doing this by 2026-05-10.", "I"),
    ("Cap the renewal retries at five (I own this, due 2026-05-12).", "I"),
    ("Move the renewal cron into the pipeline; I’ll do this before the freeze.", "I"),
    # a person's team in brackets after the name, listed or not ("<Name> (<Team>) will …")
    ("Zuzana (Billing) will add a retry cap to the invoice exporter by 2026-08-14.", "Zuzana"),
    ("Ade Bello (Data Platform) will shard the audit table before Q3.", "Ade Bello"),
    ("By 3 June, Tomasz (SRE) will move the paging rules into the repo (OPS-430).", "Tomasz"),
    ("Nkiru (Mobile Apps) to ship a client backoff in release 7.2, P2.", "Nkiru"),
    ("Kowalczyk (IT) will renew the VPN appliance licence before it lapses.", "Kowalczyk"),
]


@pytest.mark.parametrize(("item", "owner"), NAMED_OWNERS, ids=[o for _, o in NAMED_OWNERS])
def test_an_owner_named_in_the_wording_is_an_owner(
    lint_text: LintFn, item: str, owner: str
) -> None:
    assert _messages(lint_text, item, "PM302") == []
    fields = extract_fields(item, 0, pack=builtin_pack())
    assert [f.value for f in fields if f.name == "owner"] == [owner]


NO_OWNER = [
    "Add a canary for certificate renewals.",
    "We will add a canary for certificate renewals.",
    # "the team" and "our team" are the writers: a team owns work when it is named
    "The team will look into the renewal job.",
    "Our team will add a canary for certificate renewals.",
    "Someone will add a canary for certificate renewals.",
    "Notify the service owner when a renewal fails.",
    "Ask the team to add a canary (P2, OPS-415).",
    # software named after a person (the blame pack's product names) is not an owner
    "Loki to keep the renewal logs for 30 days.",
    # an owner cue followed by no name
    "Assign an owner to each renewal alert (P2, OPS-417).",
    "Raise the renewal job's CPU limit, which lead to the throttling (OPS-418).",
    "Move the renewal job to the shared scheduler (Kubernetes).",
    # "I" inside the item is no subject of its work
    "Add the check I described above to the renewal job.",
    "Page the on-call when I'm on it too late, as happened in March.",
    "Keep the renewal logs until the week I'm taking this over.",
    # owning or holding said of no named person, or of a thing
    "Make sure the service that owns it is paged when the renewal fails.",
    "Check which shard has it before the purge runs (P2).",
    "Redis has it cached for an hour, so purge it after each deploy.",
    "Ask whoever owns it to add a size cap to the upload form.",
    # a day, a month or a tool before an owner claim names when or where, not who
    "Purge the stale shard maps, Thursday is the owner, P2",
    "Rerun the ledger audit before close, March is the owner.",
    "Move the quota check into the gateway; Linear is the owner; P1",
    "Add a disk alert at 85 percent — Opsgenie owns it — P2",
    "Cap the webhook retries at four, GitHub will own this.",
    # such a word anywhere else is the word: a verb, a question, part of a compound
    "Mark the old jump host as retired in the inventory (P2).",
    "Will the export cover the VPN rules?",
    "Rose-tinted dashboards will not catch a stale export (P2).",
    "Keep the old export until Mark confirms the new one works.",
    # an instruction verb followed by "to" and no verb (review2 #7)
    "Page to the VPN on-call any renewal that fails twice (OPS-421, due 2026-07-01).",
    "Grant to the cert-bot role write access on the key vault (OPS-422).",
    "Chase to completion the vendor case on OCSP stapling (OPS-423).",
    "Mark to the archive the retired intermediate certificates (OPS-424).",
    "Max to 4 parallel renewals on the edge pool (OPS-425).",
    # act31 class 3: the same kind of name used as a word, or before no verb
    "Robin rotation of the support queue to skip weekends (P2).",
    "Violet theme for the status page to ship with the rebrand.",
    "Norm to 3 retries on the print spooler (OPS-433).",
    "Herb garden sensors to report every minute.",
    # a bracket after a capitalised word that names no person: the writers, a thing, a region
    "We (Billing) will add a retry cap to the invoice exporter.",
    "Everyone (Support) will read the refund runbook before the launch.",
    "Staging (EU) will mirror the production flags from now on.",
    "Kafka (Streaming) will keep the audit topic for 30 days.",
    "API (v2) will return a retry-after header on throttling.",
    "Reports (daily) will include the failed renewals.",
    "Backups (tier 1) will be checked every week.",
]


@pytest.mark.parametrize("item", NO_OWNER)
def test_items_that_name_no_owner_keep_pm302(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM302") == ["Action item has no owner"]


def test_a_named_owner_does_not_make_a_vague_item_specific(lint_text: LintFn) -> None:
    item = "Kofi will look into the renewal job."
    assert _messages(lint_text, item, "PM302") == []
    [vague] = _messages(lint_text, item, "PM301")
    assert "'look into'" in vague


def test_the_summary_counts_prose_owners(lint_text: LintFn) -> None:
    """Three items name their owner in the sentence, one names nobody: the adoption-mode
    summary says 1 of 4, not "None of the 4"."""
    text = (
        "# Login outage\n\n## Follow-up\n\n"
        "- By May 2, Kofi will reject deploys whose signing key is not published (OPS-1).\n"
        "- Ingrid to add jittered backoff to token refresh (OPS-2, P1).\n"
        "- Publish the key set 48 hours before signing with it (Tomasz, 2026-05-30, OPS-3).\n"
        "- Add a staging soak of one hour to every key rotation.\n"
    )
    diags = [d for d in lint_text(text, select=["PM302"]).diagnostics]
    assert [d.message for d in diags] == ["Action item has no owner"]
    assert text[diags[0].start : diags[0].end].startswith("Add a staging soak")


def test_the_summary_counts_owners_named_by_a_word_name(lint_text: LintFn) -> None:
    """act31: "<Name> to <verb>" is an owner whether or not the name is also an English
    word; the summary counts it as it counts "Ingrid to …"."""
    text = (
        "# Kiosk outage\n\n## Follow-up\n\n"
        "- Ingrid to add a staging copy of the kiosk image, due 2026-05-01.\n"
        "- Ken to add a login-page probe to the synthetic checks, due 2026-05-02.\n"
        "- Tidy up the kiosk hosting.\n"
        "- Sort out comms for the next launch.\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    summary = [d.message for d in diags if "without an owner" in d.message]
    assert summary == ["Action items without an owner: 2 of 4"]
    ownerless = [text[d.start : d.end] for d in diags if "without an owner" not in d.message]
    assert not any(t.startswith(("Ingrid", "Ken")) for t in ownerless)


# -- PM303: dates without a year are dates; relative deadlines are said to be no date ----------

DATED = [
    "Lucía will add a startup check by March 20.",
    "Add a startup check for the key ID by 20 March (Lucía).",
    "Add a startup check for the key ID (Owner: Lucía, Due: March 20).",
    "Add a startup check for the key ID by Mar 20.",
    "Add a startup check for the key ID by end of Q2.",
    "Add a startup check for the key ID (Owner: Lucía, Due: Q3).",
    "Add a startup check for the key ID by May 2026.",
    # "on"/"for" a date a few words after a delivery word (delivery-words)
    "Reject unknown key IDs at startup; shipping in release 4.2 on March 18.",
    "Key rotation dry run: first rehearsal before the board review on 14 April.",
    "The startup key check rolls out on April 2 (Lucía).",
    "Split the renewal job into publish and sign steps, scheduled for Q3.",
    "Deploy the key-ID check on May 6.",
    "The second resolver goes live on 9 June.",
    # a quarter or half-year after its year, as trackers write it
    "Split the renewal job into publish and sign steps (owner: Mei Tan, due 2027-Q1).",
    "Lucía will add a startup check for the key ID, target 2026 H2.",
    "Add a startup check for the key ID by 2026Q4 (Lucía).",
]


@pytest.mark.parametrize("item", DATED)
def test_a_day_and_month_or_a_quarter_is_a_due_date(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM303") == []


def test_a_relative_deadline_is_reported_as_no_date(lint_text: LintFn) -> None:
    item = "Add a startup check for the key ID by next sprint (Lucía)."
    [message] = _messages(lint_text, item, "PM303")
    assert "'next sprint' is not a date" in message
    [message] = _messages(lint_text, "Add a startup check (Owner: Lucía, Due: this week).", "PM303")
    assert "'this week' is not a date" in message


@pytest.mark.parametrize(
    ("item", "due"),
    [
        ("Add a quota alert to the grader by the end of the month (Lucía).", "end of the month"),
        ("Add a quota alert to the grader (Lucía, end of month, GR-12).", "end of month"),
        ("Add a quota alert to the grader \u2014 Lucía \u2014 next sprint", "next sprint"),
        ("Add a quota alert before next weekend's mock exams (Lucía, GR-13).", "next weekend"),
        ("Add a quota alert to the grader (Lucía; end of next week)", "end of next week"),
    ],
)
def test_a_relative_deadline_written_bare_or_by_the_month_is_no_date(
    lint_text: LintFn, item: str, due: str
) -> None:
    """A month's or a weekend's end named only relative to now, after "by"/"before"
    or written bare as a field of its own between the item's separators, is a deadline
    that is no date (PM303 says which words), not a missing one."""
    [message] = _messages(lint_text, item, "PM303")
    assert f"'{due}' is not a date" in message


@pytest.mark.parametrize(
    "item",
    [
        "Add a quota alert to the grader (Lucía, soon, GR-12).",
        "Add a quota alert to the grader (Lucía, ASAP, GR-12).",
        "Add a quota alert to the grader (Lucía, when possible, GR-12).",
        "Freeze grader deploys during exams (Lucía, effective now, GR-12).",
        "Add a quota alert to the grader, end of month reports included (Lucía).",
        "Move the end of month batch off the grader hosts (Lucía, GR-12).",
    ],
)
def test_words_that_name_no_deadline_stay_no_due_date(lint_text: LintFn, item: str) -> None:
    """No deadline at all ("soon", "when possible"), work already in force ("effective
    now"), or a month's end that names a thing ("end of month reports") is read as before."""
    messages = _messages(lint_text, item, "PM303")
    assert all("is not a date" not in m for m in messages), messages
    assert any("has no due date" in m or "ASAP" in m for m in messages), messages


def test_an_owner_written_as_a_guess_is_no_owner(lint_text: LintFn) -> None:
    """An owner with a question mark after it ("platform?", "ops team?", "owner: sre?")
    is a guess, not someone who took the work on: PM302 says so, and the summary counts
    the item. A named owner and a question inside the action stay as they are."""
    text = (
        "# Grader outage\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Cap exam uploads at 50 MB | platform? | 2026-05-01 |\n"
        "| Add a retry budget to the grader | ops team? | 2026-05-01 |\n"
        "| Decide whether the grader needs a second region? | Platform | 2026-05-01 |\n\n"
        "- Rotate the grader keys every 90 days (owner: sre?, due 2026-05-01)\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    guesses = sorted(text[d.start : d.end] for d in diags if "is a guess" in d.message)
    assert guesses == ["ops team?", "platform?", "sre?"]
    [summary] = [d for d in diags if "of" in d.message]
    assert "3 of 4" in summary.message


@pytest.mark.parametrize(
    ("due", "reported"),
    [
        ("Autumn term", True),
        ("next sprint", True),
        ("after the exams", True),
        ("2026-09-30", False),
        ("Q3", False),
        ("end of Q2 2026", False),
        ("Autumn 2026", False),  # a number: a milestone the team tracks
        ("Sprint 42", False),
        ("v4.2", False),
        ("TBD", True),
    ],
)
def test_a_due_cell_with_words_but_no_date_is_no_due_date(
    lint_text: LintFn, due: str, reported: bool
) -> None:
    """A table's Due cell is read as "due: …" in a list item is: words with no date
    ("Autumn term", "next sprint") are no due date; a number names a tracked milestone."""
    text = (
        "# Grader outage\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        f"| Add an offline mode to the exam client | @li | {due} |\n"
    )
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert bool(diags) == reported
    if diags and due != "TBD":
        assert f"'{due}' is not a date" in diags[0].message
        assert text[diags[0].start : diags[0].end] == due


@pytest.mark.parametrize(
    "item",
    [
        "Add a startup check for the key ID.",
        "Page the on-call at 10:05 if the renewal fails.",  # a time, no date
        "Upgrade the agent to the Q3 release (Lucía).",  # a quarter, but no deadline cue
        # a date after "on" with no delivery word near it is an event, not a deadline
        "Replay the renewals that failed on March 3.",
        "Add a check for the bug that knocked out the API on December 3.",
        "Run the backfill for the orders lost on 12 March.",
        "Fix the failed nightly run on December 3.",
        # a year and a quarter that name a release or a report, with no deadline cue
        "Upgrade the agent to the 2026-Q3 release (Lucía).",
        "Add the outage to the 2026 H1 availability report (Lucía).",
        "Bump the chart to version 2027-Q1-rc2 (Lucía).",
    ],
)
def test_items_without_a_due_date_keep_pm303(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM303") == ["Action item has no due date"]


def test_the_placeholder_the_fix_writes_is_reported_as_a_placeholder(lint_text: LintFn) -> None:
    """PM303's fix writes "Due: TBD"; the finding then says the date is not filled in: the
    placeholder marks the gap until a date is written, it does not close it."""
    text = _doc("Add a startup check for the key ID (Lucía).")
    [d] = lint_text(text, select=["PM303"]).diagnostics
    assert d.fix is not None
    fixed = apply_edits(text, d.fix.edits)
    [after] = lint_text(fixed, select=["PM303"]).diagnostics
    assert after.message == "Action item due date is not filled in ('TBD')"


# -- PM301: a "we should …" that names its owner, ticket or date is a commitment taken on ------

TRACKED_COMMITMENTS = [
    "We should have a dry-run gate for backfills (DATA-77, owner: Mei, due 2026-09-01, P2).",
    "Going forward we should have paging for stale tier-1 tables (DATA-78, owner: Kofi).",
    "We should add a second resolver to the base image by 2026-10-15.",
    "We need to add a quota alert on the shared bucket (tracked in OPS-902).",
]


@pytest.mark.parametrize("item", TRACKED_COMMITMENTS)
def test_a_tracked_commitment_is_not_a_vague_we_should(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM301") == []


@pytest.mark.parametrize(
    ("item", "word"),
    [
        ("We should have a dry-run gate for backfills.", "we should"),
        ("We should improve alerting on the backfill jobs.", "improve"),
        ("We should probably look at the retry logic at some point.", "look at"),
        # an owner does not bound an open-ended verb
        ("We should improve alerting on backfills (DATA-79, owner: Mei).", "improve"),
        ("We need to look into the resolver timeouts (owner: Kofi, due 2026-10-01).", "look into"),
    ],
)
def test_wishes_stay_vague_with_or_without_details(lint_text: LintFn, item: str, word: str) -> None:
    [message] = _messages(lint_text, item, "PM301")
    assert f"'{word}" in message.lower()  # the opener as written: 'We should …'


# -- PM302 in adoption mode: the summary and the items' own findings do not share a range -------


def test_the_owner_summary_stands_on_the_heading_not_on_an_item(lint_text: LintFn) -> None:
    """With no template, PM302 says once (a warning) how many items lack an owner, and each
    item at info. The summary used to stand on the first such item, on the very range of
    that item's own finding: two PM302 on one item. It now stands on the heading above."""
    text = (
        "# Backfill duplicates\n\n## Corrective actions\n\n"
        "- Abort a backfill that changes a partition's row count by more than 5%.\n"
        "- Mei will parse --dry-run before the subcommand (DATA-12).\n"
        "- Route the tier-1 freshness alert to the paging service.\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    summary = [d for d in diags if d.message.startswith("Action items without an owner: 2 of 3")]
    assert len(summary) == 1 and text[summary[0].start : summary[0].end] == "Corrective actions"
    ranges = [(d.start, d.end) for d in diags]
    assert len(ranges) == len(set(ranges)) == 3


def test_the_counts_are_those_of_the_items_reported_on(lint_text: LintFn) -> None:
    """Work reported as done needs no owner and is no open item: the summary counts the
    items the per-item findings are about ("2 of 3", two findings), not every item ("3 of
    4" with two findings, as before), and a list where no open item has a field says how
    many open items it has."""
    text = (
        "# Cache stampede\n\n## Follow-up\n\n"
        "- Rotated the cache signing key at 09:40.\n"
        "- Kofi will add request coalescing to the cache client (OPS-31).\n"
        "- Add a stampede alert on the origin at 500 rps.\n"
        "- Cap cache refills at 50 per second per key.\n"
    )
    diags = lint_text(text, select=["PM302", "PM305"]).diagnostics
    owners = sorted(d.message for d in diags if d.code == "PM302")
    assert owners[:2] == ["Action item has no owner (counted in the summary on 'Follow-up')"] * 2
    assert owners[2] == "Action items without an owner: 2 of 3"
    assert len(owners) == 3
    assert [d.message for d in diags if d.code == "PM305"] == [
        "None of the 3 action items has a priority"
    ]


@pytest.mark.parametrize(
    ("item", "reported"),
    [
        # a label that opens like a past form is a topic when the text commits to the work
        ("**Ranked queue restore:** we will restore the ranked queue by May 3.", False),
        ("**Scheduled restores:** we'll restore a backup to a scratch host every week.", False),
        ("**Automated rollback:** the deploy is going to roll back on errors.", False),
        # and still a report of work done without one
        ("**Rotated keys:** all forty signing keys were rotated at 10:00.", True),
        ("Rotated the signing keys at 10:00.", True),
    ],
)
def test_a_labelled_item_that_commits_to_work_is_not_reported_as_done(
    item: str, reported: bool
) -> None:
    from pm_lsp.parse.markdown import parse
    from pm_lsp.policy.templates import load_template
    from pm_lsp.rules.actions.items import action_items

    text = (
        f"# Queue outage\n\n## Action items\n\n- {item}\n- Add a queue depth alert at 1000 jobs\n"
    )
    [it, _] = action_items(parse(text, load_template("standard")), builtin_pack())
    assert it.reported is reported


# -- PM301: a lead-in line that announces a list is not itself an action -----------------------

LEAD_INS = ["What I want:", "What we want next quarter:", "We should improve three things:"]


def _lead_in_doc(lead: str, after: str) -> str:
    return (
        f"# Vendor outage\n\n## What happened\n\nThe vendor's region failed.\n\n{lead}\n\n{after}\n"
    )


@pytest.mark.parametrize("lead", LEAD_INS)
def test_a_lead_in_to_a_list_is_not_judged(lint_text: LintFn, lead: str) -> None:
    text = _lead_in_doc(lead, "- Fail over to the second region when health checks fail.")
    assert [d for d in lint_text(text, select=["PM301"]).diagnostics] == []


@pytest.mark.parametrize(
    ("line", "after"),
    [
        # the same wishes as sentences of their own, or with no list after them
        ("We should improve three things.", "- Fail over to the second region."),
        ("We should improve three things:", "Failover is the first of them."),
        ("We will be better at failing over:", "The region failed at 09:12."),
    ],
)
def test_a_wish_that_leads_no_list_is_still_judged(
    lint_text: LintFn, line: str, after: str
) -> None:
    text = _lead_in_doc(line, after)
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert [text[d.start : d.end].rstrip() for d in diags] == [line]


# -- PM301: "should have" + a base-form verb is about the past, not a commitment ---------------


def _root_cause(sentence: str) -> str:
    return f"# Duplicate rows\n\n## Root cause\n\n{sentence}\n"


@pytest.mark.parametrize(
    "sentence",
    [
        # the participle written as the base form, as non-native writers often do
        "Honestly the billing team should have notice the totals were wrong.",
        "We should have check the row count before we publish the dashboard.",
        "We should have checked the row count before publishing.",
    ],
)
def test_a_regret_about_the_past_is_not_a_commitment(lint_text: LintFn, sentence: str) -> None:
    assert lint_text(_root_cause(sentence), select=["PM301"]).diagnostics == []


@pytest.mark.parametrize(
    "sentence",
    [
        # "have" as the main verb: something the writers want to exist
        "We should have paging for stale tables.",
        "We should have a canary for stale tables.",
    ],
)
def test_should_have_a_thing_is_still_a_commitment(lint_text: LintFn, sentence: str) -> None:
    [d] = lint_text(_root_cause(sentence), select=["PM301"]).diagnostics
    assert "'We should …'" in d.message


# -- PM301: "as discussed …" points at a conversation; it is not the work ----------------------


def test_as_discussed_is_not_the_work(lint_text: LintFn) -> None:
    """The judged wish is "we should have alerts …" (info), not 'discussed' (a warning)."""
    text = (
        "# Quota\n\n## Follow-up\n\n"
        "Next: we should have alerts for quotas on shared buckets (as discussed in the review).\n\n"
        "We discussed a quota alert for the shared bucket in the review.\n"
    )
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert [(text[d.start : d.start + 9], d.message.split(":")[0]) for d in diags] == [
        ("Next: we ", "Commitment with no named change ('we should …')"),
        ("We discus", "Vague action item"),
    ]
    assert "'discussed' has no end state" in diags[1].message


# -- meeting notes: the owner by initials, after an action label or as the subject ------------

INITIALS_OWNERS = [
    ("AI (RB): add a renewal canary to the nightly pipeline, due 2026-05-04", "RB"),
    ("ACTION (TK): pin the resolver version in the base image", "TK"),
    ("TODO(Ingrid) - publish the key set before signing with it", "Ingrid"),
    ("Action item (JV, P2): alert when a certificate expires in under 14 days", "JV, P2"),
    ("ACTION: HN to rotate the staging keys before the next release", "HN"),
    ("AI: RB will move the renewal cron into the deploy pipeline", "RB"),
    ("KO to cap token refresh retries at 5 attempts (OPS-411)", "KO"),
]


@pytest.mark.parametrize(("item", "owner"), INITIALS_OWNERS, ids=[o for _, o in INITIALS_OWNERS])
def test_initials_after_an_action_label_or_as_the_subject_are_an_owner(
    lint_text: LintFn, item: str, owner: str
) -> None:
    assert _messages(lint_text, item, "PM302") == []
    fields = extract_fields(item, 0, pack=builtin_pack())
    got = [f.value for f in fields if f.name == "owner"]
    assert got == [owner.split(",")[0]]


NO_INITIALS_OWNER = [
    # capitals every reader knows are things, not people
    "CI to fail the build when the staging and production configs differ",
    "DNS to fail over to the secondary resolver within 60 seconds",
    # a passive after the link: the capitals are what is done
    "MFA to be enforced for every admin account by 2026-06-01",
    # the label with no one after it
    "ACTION: rotate the staging keys before the next release",
    "AI (TBD): add a renewal canary",
    # "AI" in lower case or as a word of the sentence is no label
    "AI models to be retrained on the cleaned data set",
]


@pytest.mark.parametrize("item", NO_INITIALS_OWNER)
def test_capitals_that_are_no_person_keep_pm302(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM302") != [] or any(
        f.name == "owner" and f.missing for f in extract_fields(item, 0, pack=builtin_pack())
    )


def test_the_action_label_is_not_the_action(lint_text: LintFn) -> None:
    """PM301 reads the work after the label and its owner: "ACTION: HN to look into …" is
    vague because of "look into", not verbless."""
    text = _doc("ACTION: HN to look into the renewal alerts")
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert [d.message.split(":")[0] for d in diags] == ["Vague action item"]
    assert [text[d.start : d.end][:5] for d in diags] == ["HN to"]
    clean = _doc("AI (RB): add a renewal canary that pages after 2 failed renewals")
    assert lint_text(clean, select=["PM301"]).diagnostics == []


# -- "someone" written as the owner is a placeholder, like "TBD" ----------------------------------

SOMEONE_OWNERS = [
    ("Pin the resolver version in the base image (Owner: someone, due 2026-05-04)", "someone"),
    ("Add a quota alert at 90% of disk; owner somebody from storage; OPS-420", "somebody"),
    ("Rotate the staging keys before the release (assigned to anyone, P2)", "anyone"),
    ("Move the renewal cron into the deploy pipeline - Owner: Anybody", "Anybody"),
]


@pytest.mark.parametrize(("item", "value"), SOMEONE_OWNERS, ids=[v for _, v in SOMEONE_OWNERS])
def test_someone_as_the_owner_is_not_filled_in(lint_text: LintFn, item: str, value: str) -> None:
    assert _messages(lint_text, item, "PM302") == [
        f"Action item owner is not filled in ('{value}')"
    ]


def test_someone_in_an_owner_cell_is_not_filled_in(lint_text: LintFn) -> None:
    text = (
        "# Expired certificate\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Cap token refresh retries at 5 attempts | Someone | 2026-05-04 |\n"
        "| Rotate the staging keys | Simone Adler | 2026-05-04 |\n"
        "| Publish the key set before signing | someone from SRE | 2026-05-04 |\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    assert [(d.message, text[d.start : d.end]) for d in diags] == [
        ("Action item owner is not filled in ('Someone')", "Someone")
    ]


# -- an owner written in square brackets after (or before) the work ---------------------------

BRACKETED_OWNERS = [
    (
        "Page the storage on-call when replication lag exceeds 30 s [Ines Duarte] — due "
        "2027-02-10, P2, OPS-902",
        "Ines Duarte",
    ),
    ("Add a dry-run step to the schema migration job [@kwame] (P1, OPS-77)", "@kwame"),
    ("Split the nightly export into per-tenant batches [Billing team]", "Billing team"),
    ("[Hana Sato] Cap the retry budget of the ledger client at 3 attempts", "Hana Sato"),
    ("Rotate the signing keys every 90 days [Dana & Omar] — P2", "Dana & Omar"),
    (
        "Alert when the card vault's queue passes 500 jobs [Payments lead], 2027-03-01",
        "Payments lead",
    ),
]


@pytest.mark.parametrize(("item", "owner"), BRACKETED_OWNERS, ids=[o for _, o in BRACKETED_OWNERS])
def test_a_person_in_square_brackets_is_the_owner(lint_text: LintFn, item: str, owner: str) -> None:
    assert _messages(lint_text, item, "PM302") == []
    fields = extract_fields(item, 0, pack=builtin_pack())
    assert [f.value for f in fields if f.name == "owner"] == [owner]


NO_BRACKET_OWNER = [
    # a link's text names what it points at, not who does the work
    "Read [Kofi Boateng](https://blog.example/kofi) on retry budgets before the rewrite",
    "Follow [Priya Raman][pr] on the failover steps for the ledger",
    "Document the rollback in [the runbook](https://wiki.example/rb) (P2, OPS-5)",
    # a ticket, a product or a tag in brackets is no one
    "Backfill the missing invoices [OPS-451]",
    "Add an alert for [Kafka] consumer lag above 10,000 messages",
    "Move the [WIP] banner off the status page",
]


@pytest.mark.parametrize("item", NO_BRACKET_OWNER)
def test_brackets_that_hold_no_person_are_no_owner(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM302") == ["Action item has no owner"]


# -- a roadmap's Quarter column is its due column ----------------------------------------------

ROADMAP_HEADERS = ["Quarter", "Target quarter", "When", "Planned Quarter"]


@pytest.mark.parametrize("header", ROADMAP_HEADERS)
def test_a_quarter_column_is_the_due_column(lint_text: LintFn, header: str) -> None:
    text = (
        "# Ledger replay outage\n\n## Roadmap\n\n"
        f"| {header} | Action | Owner | Priority |\n|---|---|---|---|\n"
        "| Q3 2027 | Cap the replay batch at 5,000 entries | Ledger team | P1 |\n"
        "| Q4 2027 | Alert when replay lag exceeds 10 minutes | @ines | P2 |\n"
        "| TBD | Move the replay job off the primary | @ines | P2 |\n"
    )
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert [(d.message, text[d.start : d.end]) for d in diags] == [
        ("Action item due date is not filled in ('TBD')", "TBD")
    ]


def test_a_quarter_that_is_not_a_column_of_work_is_no_due_column(lint_text: LintFn) -> None:
    """A table of figures by quarter holds no action items; an action table whose other
    columns say nothing of when keeps its "no Due column"."""
    text = (
        "# Ledger replay outage\n\n## Action items\n\n"
        "| Action | Owner | Quarterly cost |\n|---|---|---|\n"
        "| Cap the replay batch at 5,000 entries | Ledger team | 1,200 EUR |\n\n"
        "## Impact\n\n| Quarter | Failed replays |\n|---|---|\n| Q3 2027 | 412 |\n"
    )
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert [d.message for d in diags] == ["Action-item table has no Due column"]


# -- one count and one place for a list-wide finding (PM302-PM305) -----------------------------

LEDGER_TASKS = (
    "# Ledger replica lag\n\n## Follow-ups\n\n"
    "- [x] Restore the ledger replica from the 02:00 snapshot (#311)\n"
    "- [x] Re-run the settlement batch for 14 June\n"
    "- [ ] Alert when replica lag passes 30 s — @ines, due 2027-02-01\n"
    "- [ ] Reject settlement files whose row count is off by more than 2% — due 2027-02-15\n"
    "- [ ] Add a lag panel to the ledger dashboard\n"
)


def test_finished_items_are_counted_alike_by_every_field_check(lint_text: LintFn) -> None:
    """Checked items are finished work: no field check asks them for anything, so the
    owner count and the priority count of one list speak of the same three items."""
    diags = lint_text(LEDGER_TASKS, select=["PM302", "PM303", "PM305"]).diagnostics
    by_code = {c: [d for d in diags if d.code == c] for c in ("PM302", "PM303", "PM305")}
    assert [d.message.split(".")[0] for d in by_code["PM302"]] == [
        "Action items without an owner: 2 of 3",
        "Action item has no owner (counted in the summary on 'Follow-ups')",
        "Action item has no owner (counted in the summary on 'Follow-ups')",
    ]
    assert [d.message for d in by_code["PM305"]] == ["None of the 3 action items has a priority"]
    assert [LEDGER_TASKS[d.start : d.end] for d in by_code["PM303"]] == [
        "Add a lag panel to the ledger dashboard"
    ]
    assert all("Restore" not in LEDGER_TASKS[d.start : d.end] for d in diags)


@pytest.mark.parametrize(
    "items",
    [
        # no item has an owner: "None of the 3" (a single finding, its own summary)
        [
            "Alert when replica lag passes 30 s",
            "Cap settlement retries at 3 attempts",
            "Add a lag panel to the ledger dashboard",
        ],
        # one item has one: "2 of 3" (the adoption-mode summary)
        [
            "Alert when replica lag passes 30 s (@ines)",
            "Cap settlement retries at 3 attempts",
            "Add a lag panel to the ledger dashboard",
        ],
    ],
    ids=["none-has-one", "some-have-one"],
)
def test_a_list_wide_finding_stands_on_the_heading(lint_text: LintFn, items: list[str]) -> None:
    text = "# Ledger replica lag\n\n## Next steps\n\n" + "".join(f"- {i}\n" for i in items)
    for code in ("PM302", "PM303"):
        diags = lint_text(text, select=[code]).diagnostics
        wide = [d for d in diags if "of 3" in d.message or "of the 3" in d.message]
        assert [text[d.start : d.end] for d in wide] == ["Next steps"], code


def test_a_list_wide_finding_over_several_sections_stands_on_a_heading(
    lint_text: LintFn,
) -> None:
    """Items in two sections with nothing in common below the title: the summary stands on
    the document's title, which covers them all; with no title over them, on the heading
    over the first item lacking an owner, as it does on the heading over one list, never
    on that item's own range beside the item's own "no owner"."""
    titled = (
        "# Ledger replica lag\n\n## Containment\n\n- [ ] Cap settlement retries at 3 attempts\n"
        "- [ ] Pause the replay job when lag passes 60 s\n\n## Prevention\n\n"
        "- Add a lag panel to the ledger dashboard (@ines)\n"
        "- Page the ledger on-call when the replay stalls for 5 minutes\n"
    )
    diags = lint_text(titled, select=["PM302"]).diagnostics
    wide = [d for d in diags if d.message.startswith("Action items without an owner: 3 of 4")]
    assert [titled[d.start : d.end] for d in wide] == ["Ledger replica lag"]
    text = (
        "## Containment\n\n- [ ] Cap settlement retries at 3 attempts\n"
        "- [ ] Pause the replay job when lag passes 60 s\n\n## Other notes\n\nNone.\n\n"
        "## Prevention\n\n- Add a lag panel to the ledger dashboard (@ines)\n"
        "- Page the ledger on-call when the replay stalls for 5 minutes\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    wide = [d for d in diags if d.message.startswith("Action items without an owner: 3 of 4")]
    assert [text[d.start : d.end] for d in wide] == ["Containment"]
    # the first item lacking one is under the second heading: the summary stands there
    moved = (
        text.replace("at 3 attempts\n", "at 3 attempts (@ana)\n")
        .replace("lag passes 60 s\n", "lag passes 60 s (@li)\n")
        .replace(" (@ines)", "")
    )
    moved += "\n## Follow-up\n\n- Add a replay-stall alert to the ledger pager\n"
    diags = lint_text(moved, select=["PM302"]).diagnostics
    wide = [d for d in diags if d.message.startswith("Action items without an owner: 3 of 5")]
    assert [moved[d.start : d.end] for d in wide] == ["Prevention"]


# -- PM302: an owner that names no one in particular -----------------------------------------

COLLECTIVE_OWNERS = [
    ("Add a lag alert for the loader. Owner: everyone. Due: 2026-05-01.", "everyone"),
    ("Add a schema check to the loader (owner: all engineers, due 2026-05-01)", "all engineers"),
    ("Add a retry budget to the loader — Owner: the whole team — P2", "the whole team"),
    ("Add a dedup window to the bridge. Owner: @everyone.", "@everyone"),
    ("Add a canary stage to the bridge. Owner: the team.", "the team"),
    ("Add a runbook for the bridge. Owner: Everybody on call.", "Everybody on call"),
    ("Add a lock to the cron job. Assignee: our entire org.", "our entire org"),
    ("Add a panel for the queue age. Owner: us 🙂", "us 🙂"),
    ("Add a quota to the exporter. Owner: the entire company.", "the entire company"),
    ("Add a quota to the importer. Owner: all of us. Due: 2026-05-01.", "all of us"),
    ("Add a dry-run flag to the purge job. Owner: every team.", "every team"),
    ("Add a size cap to the archive. Owner: **all** developers.", "**all** developers"),
]


@pytest.mark.parametrize(
    ("item", "value"), COLLECTIVE_OWNERS, ids=[v for _, v in COLLECTIVE_OWNERS]
)
def test_a_collective_owner_is_no_owner(lint_text: LintFn, item: str, value: str) -> None:
    """ "Owner: everyone", "all engineers", "the whole team": no one in particular owns
    the item, so PM302 reports the owner as not given, and the item is not tracked by it."""
    text = _doc(item)
    diags = [d for d in lint_text(text, select=["PM302"]).diagnostics if d.code == "PM302"]
    assert [text[d.start : d.end] for d in diags] == [value]
    assert "names no one in particular" in diags[0].message


NAMED_TEAM_OWNERS = [
    "Add a size limit to the gateway. Owner: Platform team. Due: 2026-05-01.",
    "Add a freshness alert to the store. Owner: ML Platform.",
    "Add a lock to the cron job. Owner: Allegra Diaz.",
    "Add a panel for the queue age. Owner: Alle Weber.",
    "Add a lag alert for the exporter. Owner: the storage team.",
    "Add a canary stage to the bridge. Owner: Wholesale Payments.",
    # a word for all of a group before a name: the named team owns it
    "Add a lag alert for the exporter. Owner: the whole Storage team.",
    "Add a freshness alert to the store. Owner: the entire ML Platform team.",
    "Add a lock to the cron job. Owner: all of Billing. Due: 2026-05-01.",
    "Add a dedup window to the bridge. Owner: every Search on-call engineer.",
    "Add a panel for the queue age. Owner: the whole DBA team.",
]


@pytest.mark.parametrize("item", NAMED_TEAM_OWNERS)
def test_a_named_team_or_person_is_still_an_owner(lint_text: LintFn, item: str) -> None:
    assert _messages(lint_text, item, "PM302") == []


def test_a_collective_owner_in_a_table_or_an_accountable_column(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Action items\n\n| Action | Owner | Accountable | Due |\n|---|---|---|---|\n"
        "| Add a lag alert for the exporter | All SREs | | 2026-05-01 |\n"
        "| Add a lock to the exporter | Storage team | | 2026-05-01 |\n"
        "| Add a panel for the exporter | | Entire org | 2026-05-01 |\n"
        "| Add a cap to the exporter | The whole Search team | | 2026-05-01 |\n"
        "| Add a cap to the importer | | The entire Data team | 2026-05-01 |\n"
    ).replace("\n", "\r\n")
    diags = [d for d in lint_text(text, select=["PM302"]).diagnostics if d.code == "PM302"]
    flagged = sorted(text[d.start : d.end] for d in diags)
    # the two collective owners, and the count on the heading; no named team
    assert flagged == ["Action items", "All SREs", "Entire org"]
    assert any(d.message.startswith("Action items without an owner: 2 of 5") for d in diags)


@pytest.mark.parametrize(
    "claim",
    builtin_pack().family("actions")["fields"]["owner-claims"]
    + builtin_pack().family("actions")["fields"]["owner-holds"],
)
def test_every_owner_claim_names_the_owner_before_it(claim: str) -> None:
    """Each word of ``owner-claims`` and ``owner-holds`` after a name that opens a clause
    of the item makes that name the owner, and the same words after a thing do not."""
    pack = builtin_pack()
    item = f"Add a size cap to the upload form, Dana Ito {claim}, P2"
    fields = extract_fields(item, 0, pack=pack)
    assert [f.value for f in fields if f.name == "owner"] == ["Dana Ito"]
    thing = f"Add a size cap to the form whose handler {claim}, P2"
    assert [f.value for f in extract_fields(thing, 0, pack=pack) if f.name == "owner"] == []


def test_an_owner_summary_over_several_sections_says_so(lint_text: LintFn) -> None:
    """The summary stands on one section's heading when the items are spread; it says how
    many sections its count covers, so the count is not read as that heading's own."""
    spread = (
        "# Disk pressure on the log shippers\n\n"
        "## Follow-ups: alerting\n\n"
        "- Page when the shipper buffer passes 80 percent\n"
        "- Add the buffer panel to the shipper board (@mara)\n\n"
        "## Follow-ups: capacity\n\n"
        "- Double the shipper volume size on the edge hosts\n"
        "- Move the debug logs to a cheaper tier\n"
    )
    wide = [
        d.message
        for d in lint_text(spread, select=["PM302"]).diagnostics
        if d.message.startswith("Action items without an owner")
    ]
    assert wide == ["Action items without an owner: 3 of 4, across 2 sections"]
    together = spread.replace("## Follow-ups: capacity\n\n", "")
    wide = [
        d.message
        for d in lint_text(together, select=["PM302"]).diagnostics
        if d.message.startswith("Action items without an owner")
    ]
    assert wide == ["Action items without an owner: 3 of 4"]


@pytest.mark.parametrize("value", ["Who?", "who", "TBC?", "Unassigned?", "??"])
def test_an_owner_that_asks_who_is_not_filled_in(lint_text: LintFn, value: str) -> None:
    """An owner cell that asks the question ("Who?") or a placeholder with a question
    mark ("TBC?") guesses no one: it is not filled in (review2 #9)."""
    text = (
        "# Grader outage\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        f"| Cap exam uploads at 50 MB | {value} | 2026-05-01 |\n"
    )
    msgs = [d.message for d in lint_text(text, select=["PM302"]).diagnostics]
    assert any(m.startswith("Action item owner is not filled in") for m in msgs)
    assert not any("is a guess" in m for m in msgs)


_BRACKET_NON_NAMES = builtin_pack().family("actions")["fields"]["owner-team-bracket-non-names"]


@pytest.mark.parametrize("word", _BRACKET_NON_NAMES)
def test_no_bracket_team_makes_a_listed_non_name_an_owner(word: str) -> None:
    """Every ``owner-team-bracket-non-names`` word stays no one with a team after it."""
    item = f"{word.capitalize()} (Billing) will add a retry cap to the invoice exporter."
    fields = extract_fields(item, 0, pack=builtin_pack())
    assert [f.value for f in fields if f.name == "owner"] == []


# -- PM302: the owner named after the item's text, in a clause of its own ----------------------

#: the work first, then who does it after a dash, a semicolon or a sentence's end
CLAUSE_OWNERS = [
    (
        "Swap the cache client for the pooled one – Dale to raise it with the vendor,"
        " ticket OPS-13, by 31 May, high priority.",
        "Dale",
    ),
    ("Add a lag alert on the replica; Tomasz will wire it into the pager.", "Tomasz"),
    ("Move the nightly export off the primary. Priya to draft the change by 3 June.", "Priya"),
    (
        "Rebuild the kiosk image — the payments team to sign it off, due 2026-06-01.",
        "the payments team",
    ),
    ("Ask the carrier for a retry budget - Grace Liu to chase, ticket NET-4.", "Grace Liu"),
    ("Split the nightly batch — Ana and Omar to pair on it, due 2026-06-01.", "Ana and Omar"),
]

#: look-alikes: no one after the break, a thing or a product as the subject, a passive, a
#: link to no verb
CLAUSE_NO_OWNER = [
    "Retire the old queue; plan to do it by June.",
    "Train the floor staff – teams to be trained by June.",
    "Add a check; need to agree the threshold first.",
    "Move the cron to the new host; Kafka to buffer writes meanwhile.",
    "Move logs to the new cluster – Loki to keep them 30 days.",
    "Cap the retries – Max to 3 per minute.",
    "Rotate the signing key; Dana to be told once done.",
    "Fail over to the standby site. Operations will resume there within the hour.",
    "Tighten the gate rules – CI to run the suite on every push.",
    "Pin the base image. Renovate will open the bump requests.",
]


def test_an_owner_in_a_clause_after_the_work_is_read() -> None:
    pack = builtin_pack()
    for item, owner in CLAUSE_OWNERS:
        fields = extract_fields(item, 0, pack=pack)
        assert [f.value for f in fields if f.name == "owner"] == [owner], item
    for item in CLAUSE_NO_OWNER:
        fields = extract_fields(item, 0, pack=pack)
        assert [f.value for f in fields if f.name == "owner"] == [], item


def test_the_summary_counts_an_owner_named_after_the_work(lint_text: LintFn) -> None:
    text = (
        "# Expired certificate\n\n## Action items\n\n"
        "1. Add a renewal canary – Dale to wire it into the pager, due 2026-06-01.\n"
        "2. Improve monitoring.\n"
        "3. Move the renewal job; Priya will own the cutover, due 2026-06-10.\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    lines = [text.count("\n", 0, d.start) + 1 for d in diags]
    assert [d.message for d in diags] == ["Action item has no owner"] and lines == [6]
