"""The declarations of the rules about the timeline (PM501-PM504).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, the configuration checks options against it, and
code that needs a rule's code or facts names the rule through it instead of a string.
"""

from __future__ import annotations

from pm_lsp.rules.spec import OptionSpec, RuleSpec, Severity

MILESTONE_NAMES = {
    "impact-start": "the impact start",
    "detection": "detection",
    "declared": "the incident declaration",
    "diagnosis": "the diagnosis",
    "mitigation": "mitigation",
    "resolution": "resolution",
}


no_timezone = RuleSpec(
    code="PM501",
    name="timeline-no-timezone",
    category="timeline",
    severity=Severity.WARNING,
    summary="The timeline gives clock times but never says in which time zone, or an entry "
    "is written in another zone than the one the timeline declares.",
    rationale=(
        "Responders, readers and tools sit in different zones: '14:02' alone cannot be "
        "matched to a dashboard, a deploy log or a customer's report. The Google SRE example "
        "postmortem heads its timeline '(all times UTC)'; GitLab writes 'YYYY-MM-DD UTC'. "
        "Real postmortems show what goes wrong without it: times converted by hand, zones "
        "mixed within one table. Declare the zone once ('All times UTC'), in the heading or "
        "column header ('Time (UTC)'), or after each time ('14:02 UTC'); a tz database "
        "name counts ('Europe/Oslo'), 'local time' alone does not (local to whom?). Only a "
        "timeline is "
        "checked (a Timeline section, or a 'Timeline:' or 'Key events' label): clock times "
        "told in the prose of a postmortem that has no timeline are left alone, since there "
        "are no entries to zone; PM201 asks for the timeline itself. An entry written in "
        "another zone than the declared one ('10:07 ET' among UTC times) is pointed out "
        "with its time on the declared clock ('that is 14:07 UTC'): a zone kept by daylight "
        "saving is read on the entry's date, else the document's Date, and without either "
        "both readings are given. A row that also gives the declared zone's time ('14:05 UTC "
        "/ 10:05 EDT'), a season's abbreviation of the declared zone ('PDT' in a Pacific "
        "timeline) and a timeline region written mostly in the other zone are left alone. "
        "In a timeline that states no zone, where most rows give one on more than one clock "
        "('CEST', 'UTC') and a row gives none, that row is pointed out: its clock cannot be "
        "told from its neighbours."
    ),
    bad="## Timeline\n\n| Time | Event |\n|---|---|\n| 14:02 | Alert fires |",
    good="## Timeline\n\nAll times UTC.\n\n| Time | Event |\n|---|---|\n| 14:02 | Alert fires |",
    question="Which time zone are these times in?",
    severity_note=(
        "A warning when the timeline names no zone; information on an entry written in "
        "another zone than the declared one (the times may be right, but the reader has to "
        "convert), and on a row without a zone among rows on several clocks."
    ),
)


out_of_order = RuleSpec(
    code="PM502",
    name="timeline-out-of-order",
    category="timeline",
    severity=Severity.WARNING,
    summary="A timeline entry is earlier than the entry before it, or its time cannot be "
    "placed because it mixes the 24-hour and 12-hour clocks ('23:00 AM', '13:55 PM').",
    rationale=(
        "A timeline is read top to bottom as the story of the incident (PagerDuty: work "
        "forward from before the incident); an entry out of place makes the reader rebuild "
        "the order, and often hides a typo in the time. Rollover past midnight is handled: "
        "an undated 00:03 after 23:58 is the next day. An entry written in another zone than "
        "the declared one is placed on the declared clock ('10:07 ET' among UTC times, on "
        "the entry's or the document's date) and judged against the entries around it, so "
        "the report lands on it, not on its neighbour; when daylight saving leaves its "
        "hour open, it is reported only if every reading is out of order. A backward step "
        "of more than 12 "
        "hours is read as a new day; anything smaller is reported. A day of the week "
        "written before the time ('Fri 22:15', a 'Day' column) says the day instead, so a "
        "step back after midnight is still reported. Explicit dates (a date "
        "column, a date in the entry, a '### 2025-03-14' heading) are compared as dates. "
        "In a timeline kept on the 12-hour clock, a time written without AM/PM continues "
        "from the entry before it (11:50 PM, then 12:10, is ten past midnight), unless the "
        "other half of the day is at most an hour earlier, which is then reported as out "
        "of order. The same typo family: an AM/PM marker on an hour only the 24-hour clock "
        "has. '23:00 AM' contradicts itself (evening digits, morning marker), so it is a "
        "warning, it is left out of the order check, and no time to detect, mitigate or "
        "resolve is computed from it. '13:55 PM' is 13:55 either way; it is reported once "
        "per timeline, as information, with a safe fix that drops the marker (a 24-hour time "
        "with AM/PM is among the timestamp slips reviewers look for)."
    ),
    bad="| Time | Event |\n|---|---|\n| 09:40 | Config pushed |\n| 09:15 | Errors start |",
    good="| Time | Event |\n|---|---|\n| 09:15 | Errors start |\n| 09:40 | Config pushed |",
    fix="sometimes",
    question="Is the time wrong, or the entry in the wrong place?",
    severity_note=(
        "A warning for an entry out of order and for a time that contradicts itself "
        "('23:00 AM'); info for a timeline listed newest first (one finding for the whole "
        "timeline) and for a marker that only repeats the hour ('13:55 PM')."
    ),
)


duration_mismatch = RuleSpec(
    code="PM503",
    name="duration-mismatch",
    category="timeline",
    severity=Severity.WARNING,
    summary="The stated duration (Duration / Time to resolve metadata, or 'for 47 minutes' in "
    "the summary) disagrees with the timeline's impact start and impact end.",
    rationale=(
        "Readers quote the duration; the timeline is where it comes from. When they disagree "
        "one of them is wrong, and real postmortems show both kinds: a 'Time to resolve' "
        "copied from another incident, a resolution time that moved while the document was "
        "edited. The clock runs from the entry that marks the impact start (or, without one, "
        "the first detection) to where the impact ended. Measured from the detection, a "
        "longer stated duration is consistent (the impact may have begun unnoticed), but not "
        "beyond the change put out before that detection (a rollout, a deploy, a new setting "
        "told as live): the message then gives both spans. An entry that reads like an impact "
        "start but lies on an earlier date, a day or more before the first detection after "
        "it ('nightly cleanup job starts failing' three days before the alert), is a latent "
        "cause, not the start: the clock then runs from the first detection, and only a "
        "duration shorter than that is reported. A duration that agrees with any "
        "mitigation or resolution entry after it is consistent (impact often ends at "
        "mitigation, and the incident is closed later); the message names the end as the "
        "entry does ('mitigation' for 'outage mitigated, errors back to normal'). "
        "Bookkeeping entries ('Incident "
        "closed', 'Postmortem meeting scheduled', 'Status page set to Resolved') are never "
        "the end. Without a resolution that says the system recovered, only a duration "
        "shorter than the time to the first mitigation is reported. Differences within "
        "the tolerance (default: the larger of 5 minutes and 10%) are rounding; an estimate "
        "('about an hour') and a value in whole hours ('six hours') get a wider one (15%, "
        "and at least 10 minutes or half an hour), and a "
        "bound ('more than two hours') is contradicted from one side only. In prose, the "
        "Summary's sentences about the outage are read ('For 50 minutes, searches failed'), "
        "and in the Impact section only a sentence about the whole incident ('the outage "
        "lasted', '70 minutes of downtime'), not a sub-period ('for 40 minutes some pages "
        "were slow'), nor the duration of a step ('the rollback took 20 minutes'). In any "
        "other section (the line closing the timeline, Root cause, Response...) a sentence "
        "counts when its subject is the whole incident ('All told, the outage ran for roughly "
        "four hours'), never another incident, a part of this one or a phase ('detection "
        "took 12 minutes'). A labelled total on a line of its own or opening a sentence "
        "('Total downtime: 47 minutes', 'Outage duration - 3 hours') is read like the "
        "Duration field; a phase's "
        "label ('Time to detect', 'Total time from detection to mitigation') is not. A "
        "figure written with its own clock range beside it ('52 minutes (08:14-09:06 "
        "UTC)', 'from 13:20 to 15:05, an hour and 45 minutes') is compared with that range, "
        "not with the timeline: it is reported when the two disagree, and when they agree "
        "but the range starts on a time of the timeline, names its zone and ends, on the "
        "same day, before the timeline's mitigation or recovery (a range that ends later "
        "may count the monitoring after the recovery, and is left alone). A sentence or a "
        "label that names one part of the footprint, a region, a cluster or a country ('the "
        "EU region was down for 40 minutes'), states that part's duration, not the "
        "incident's ('in every region' is all of it)."
    ),
    bad="**Duration**: 25 minutes\n\n| Time | Event |\n|---|---|\n| 14:03 | Errors start |\n"
    "| 14:50 | Resolved |",
    good="**Duration**: 47 minutes\n\n| Time | Event |\n|---|---|\n| 14:03 | Errors start |\n"
    "| 14:50 | Resolved |",
    question="Which is right: the stated duration or the timeline?",
    options={
        "tolerance-minutes": OptionSpec(
            "int", 5, "differences up to this many minutes are accepted", minimum=0
        ),
        "tolerance-percent": OptionSpec(
            "float", 10.0, "...or up to this share of the longer of the two durations", minimum=0
        ),
    },
)


missing_milestone = RuleSpec(
    code="PM504",
    name="timeline-missing-milestone",
    category="timeline",
    severity=Severity.INFO,
    summary="The timeline never says when the problem was detected, or never says when the "
    "impact was mitigated or resolved.",
    rationale=(
        "Time to detect and time to recover are the figures organisations track across "
        "incidents (DFDS records 'time to detection' and 'time to recovery', the UK Ministry "
        "of Justice 'time to repair' and 'time to resolve'), and a reader can only work them "
        "out from a timeline that says when the problem was noticed and when the impact "
        "stopped. By default the rule asks for exactly these two: a detection (an alert, a "
        "page, a report, 'first detected'; an incident declaration also counts, since the "
        "responders knew by then) and an end of impact (mitigation or resolution: the Google "
        "SRE example marks 'outage mitigated' and 'outage ends', the Ministry 'repaired' and "
        "'resolved'; either one tells when users stopped being affected). The impact start "
        "is not demanded: most timelines open with the first symptom or with the change "
        "that caused it, so the first entry already is the earliest known start, and "
        "PagerDuty notes that impact may begin before anyone can see it. Teams that want "
        "every milestone marked list them in the 'required' option. The rule reads the "
        "event text ('alert fired', 'rolled back', 'resolved', or a label that names "
        "the milestone by its noun or participle: 'Detection:' or '**Detection.**' opening the "
        "entry, "
        "'(detection)' or '[mitigated]' in brackets, '- resolution' closing it), the "
        "status words of a timeline written as status updates "
        "('Investigating' the detection, 'Identified' the diagnosis, 'Monitoring' a "
        "mitigation, 'Resolved' the resolution), and a line beside the entries that labels "
        "a milestone with its time ('Mitigation: Mon 08:02'); a timeline with fewer than "
        "three entries is not judged."
    ),
    bad="| Time | Event |\n|---|---|\n| 14:03 | Queue grows |\n| 14:20 | Team looks at graphs "
    "|\n| 14:50 | Queue is empty |",
    good="| Time | Event |\n|---|---|\n| 14:03 | Queue grows |\n| 14:11 | Queue-depth alert "
    "fires |\n| 14:34 | Worker rolled back (mitigated) |\n| 14:50 | Queue empty "
    "(resolved) |",
    question="When was the problem detected, and when did the impact end?",
    options={
        "required": OptionSpec(
            "list[str]",
            ["detection|declared", "mitigation|resolution"],
            "milestones the timeline must mark, each one of impact-start, "
            "detection, declared, diagnosis, mitigation, resolution, or alternatives "
            "joined by '|' of which any one will do",
            choices=tuple(MILESTONE_NAMES),
            alternatives="|",
        ),
    },
    anchor="document",
)
