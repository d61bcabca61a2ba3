"""The declarations of the rules about action items (PM301-PM306).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, the configuration checks options against it, and
code that needs a rule's code or facts names the rule through it instead of a string.
"""

from __future__ import annotations

from pm_lsp.rules.spec import OptionSpec, RuleSpec, Severity

vague_action = RuleSpec(
    code="PM301",
    name="vague-action",
    category="actions",
    severity=Severity.WARNING,
    summary="An action item with no verifiable end state: 'improve monitoring', 'look into "
    "X', 'investigate further', a bare noun phrase, a question.",
    rationale=(
        "An action item nobody can close is never closed. The Google SRE workbook names "
        "'improve' and 'make better' as the classic failures, and PagerDuty asks that each "
        "item say how to tell when it is finished. The rule reads the item's parse: an "
        "open-ended head verb (improve, enhance, look into, figure out, consider), a verb that "
        "needs a bound it does not have (investigate, review, ensure without a decision, "
        "output or date), an unmeasurable modifier on its object (more alerts, some "
        "monitoring, better alerting), a question, or a noun phrase with no verb. A threshold "
        "('above 5% for 10 minutes') or a named artefact makes the same verb acceptable. "
        "Follow-up work is found by meaning as well as by heading: task lists anywhere, lists "
        "whose items open with action verbs, and commitments written as prose ('we will …', "
        "'the monitor should …', 'we need …'); a hedged commitment ('we might …', 'ideally "
        "…', '… would be useful') is vague whatever it names. So is a prevention whose goal is "
        "only that the incident does not repeat ('Prevent this from happening again', 'we "
        "have put measures in place against a repeat') when it names no means ('by …', "
        "'with …', an elaboration after a colon). Arguable cases (a bare noun "
        "phrase, a 'we should …') are reported as info."
    ),
    bad="- Improve monitoring\n- Look into the deploy process\n- Add more alerts",
    good=(
        "- Page #payments-oncall when queue depth exceeds 5,000 messages for 3 minutes\n"
        "- Decide by 2025-04-15 whether to replace the job scheduler (output: an ADR)"
    ),
    question="How will we know this item is finished?",
    uses_nlp=True,
    severity_note=(
        "A warning for an open-ended or unbounded verb, a hedge, a question or an "
        "unmeasurable modifier; info for the arguable kinds: a bare noun phrase, an abstract "
        "goal, a 'we should ...' or another commitment opener without a verifiable end."
    ),
)


people_fixing = RuleSpec(
    code="PM306",
    name="people-fixing-action",
    category="actions",
    severity=Severity.WARNING,
    summary="An action item (or lesson) that fixes people instead of the system: 'be more "
    "careful', 'train engineers', 'remind the team', 'remain calm'.",
    rationale=(
        "Changing how people behave under pressure is far less reliable than changing the "
        "systems they work in: the Google SRE workbook asks for action items 'aimed at "
        "improving the system instead of improving people', and quotes 'let's plan for a "
        "future where we're all as stupid as we are today'. Training and reminders fade; a "
        "confirmation prompt, a pre-deploy check or an alert does not. Turn the wish into a "
        "guardrail, a check or an automation. A demand, in any section, that other people "
        "start, stop or keep up a habit ('the billing team needs to start testing their "
        "changes', 'engineers should stop pushing on Fridays') is the same wish and is "
        "reported here, not as a vague plan; the writers' own 'we need to start …' is their "
        "plan (PM301), and a thing ('the scheduler should stop evicting pods') or the people "
        "the service serves are asked nothing of. Whether such a sentence also blames is "
        "the blame rules' judgment."
    ),
    bad="- Be more careful when changing production configs\n- Train engineers on the "
    "failover runbook",
    good=(
        "- Require a dry-run diff in the deploy pipeline before production config changes\n"
        "- Add a failover step to the runbook that checks replica lag first, and run it "
        "in the monthly game day"
    ),
    question="What change to tools or process would make the safe path the easy one?",
    uses_nlp=True,
)


missing_owner = RuleSpec(
    code="PM302",
    name="action-missing-owner",
    category="actions",
    severity=Severity.WARNING,
    summary="An action item (table row or list item) with no owner, or an owner such as "
    "'TBD', '?' or '-'.",
    rationale=(
        "'Action items without clear owners are less likely to be resolved' (Google SRE "
        "workbook). One named owner (an @handle, a name, or an Owner/Assignee/DRI column) is "
        "who the follow-up review asks. The owner may be written under another label "
        "('Lead: …', 'Led by …', 'Accountable: …', 'Point person: …', or a Lead column). "
        "An owner written in the sentence counts as well: a "
        "person or a named team as the subject ('Dana will add …', 'SRE to add …'), a name "
        "after 'owner', 'assigned to' or 'owned by' without a colon, a name among the "
        "item's details ('(Dana, 2026-03-20, OPS-1)'), or a person, handle or named team "
        "in square brackets ('… [Dana Ito] — due …'; a link's text and a bracketed ticket "
        "are not owners); 'we', 'someone' and 'the team' are "
        "the writers, not an owner. In a RACI table the Accountable column names the owner of "
        "a row whose Responsible cell is empty, and is the Owner column of a table that has "
        "none. The fix adds an Owner column or an 'Owner: @TBD' "
        "placeholder, which stays flagged until a real owner is written in. With no "
        "template configured (adoption mode) the rule says it once per document, counting "
        "the items without an owner, and reports each list and item at info; once a "
        "template is chosen, each item is reported. Finished items (a checked box, a Done "
        "status, work reported done) are asked for no owner, as PM303-PM305 ask them for "
        "nothing, so the counts of one list agree across the four rules."
    ),
    bad="| Action | Ticket |\n|---|---|\n| Cap retries at 3 attempts | PAY-1412 |",
    good="| Action | Owner | Ticket |\n|---|---|---|\n| Cap retries at 3 attempts | @jonas | "
    "PAY-1412 |",
    fix="unsafe",
    question="Who will drive this to done?",
    severity_note=(
        "Until a template is configured (adoption mode), a document with several items "
        "without an owner gets one warning that counts them ('Action items without an "
        "owner: 3 of 12'), and the items it counts are marked at info, each on its own "
        "range or once on a list where no item has an owner; "
        "a document with one such item gets it as a warning. Once a template is chosen, "
        "each item is a warning. Every finding about a whole list (this count, and 'None "
        "of the N action items has …' of PM302-PM305) stands on the heading of the section "
        "that holds the items; when they are spread over sections, the owner count stands "
        "on the document's title, and the others on the heading over the first item lacking "
        "the field (never on an item's own range); a table's missing column is said on its "
        "header row."
    ),
)


missing_due = RuleSpec(
    code="PM303",
    name="action-missing-due-date",
    category="actions",
    severity=Severity.INFO,
    summary="An open action item with no due date, or with 'TBD'/'ASAP' instead of a date.",
    rationale=(
        "PagerDuty expects SEV1 action items to close within 15 days and SEV2 within 30; "
        "Atlassian sets 4- or 8-week targets. A date (or a target quarter, in the item or in "
        "a roadmap's Quarter column) lets the review "
        "notice when an item slips; 'ASAP' is not a date. A day and month without a year ('by "
        "March 20') or a quarter ('by end of Q2') is a date in the postmortem's year; a "
        "deadline relative to something the document does not fix ('by next sprint') is "
        "reported as not being a date. A date in brackets that dates an event is no due "
        "date: after words saying something happened then ('the export we rolled back (Nov "
        "3)', 'the outage (Nov 3)'), or on or before the day the document dates its "
        "incident by (Date, else Published). Finished items (checked boxes, a "
        "Done status) are not asked for one."
    ),
    bad="- [ ] Add a queue depth alert (@lena, P2, OBS-877)",
    good="- [ ] Add a queue depth alert (@lena, P2, due 2025-03-28, OBS-877)",
    fix="unsafe",
    question="By when should this be done, given the incident's severity?",
)


missing_ticket = RuleSpec(
    code="PM304",
    name="action-missing-ticket",
    category="actions",
    severity=Severity.WARNING,
    summary="Once the postmortem is final, an action item with no tracking ticket or link.",
    rationale=(
        "'Without a formal tracking process, action items from postmortems are often "
        "forgotten' (Google SRE workbook). While the document is a draft, items may not have "
        "tickets yet; once its Status is final (the template's final statuses, e.g. Final, "
        "Closed; a Status that adds a note is read by the status it opens with: 'Final, "
        "action items in progress' is Final, 'Draft - pending review' a draft, and the "
        "message names the status alone) every open item needs a ticket id (OPS-881, #123, "
        "an id in parts such as RD-2026-0412, or a number after the name of its kind: "
        "'work order 4471', see `ticket-cues`) or a link (finished "
        "items are asked for none, as for every field). Set `when = "
        '"always"` to ask for tickets in drafts too.'
    ),
    bad="**Status**: Final\n\n- Add a queue depth alert (@lena, P2, due 2025-03-28)",
    good="**Status**: Final\n\n- Add a queue depth alert (@lena, P2, due 2025-03-28, OBS-877)",
    fix="unsafe",
    question="Where will this item be tracked so it is not forgotten?",
    options={
        "when": OptionSpec(
            "str",
            "final",
            "'final': only once Status is a final status; 'always'",
            choices=("final", "always"),
        )
    },
)


missing_priority = RuleSpec(
    code="PM305",
    name="action-missing-priority",
    category="actions",
    severity=Severity.INFO,
    summary="An open action item with no priority (P0-P4, or critical/high/medium/low).",
    rationale=(
        "Priorities decide what happens first when there is not time for everything; the "
        "Google SRE workbook lists equal or missing priorities as a review failure, and "
        "user-affecting outages should produce at least one P0/P1 item. Write a Priority "
        "column, or 'P1' in the item. Finished items are not asked for one."
    ),
    bad="- [ ] Add a queue depth alert (@lena, due 2025-03-28)",
    good="- [ ] Add a queue depth alert (@lena, P2, due 2025-03-28)",
    fix="unsafe",
    question="How urgent is this compared with the other items?",
)
