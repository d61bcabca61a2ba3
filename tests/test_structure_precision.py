"""Precision classes of the structure rules found by writers testing pm-lint on postmortems
of their own, with true positives and hard negatives on fixture documents written for them:

* the Timeline skeleton that PM201 and PM202 insert states the zone the document already
  writes its times in ("... 10:25 AM Pacific" -> "All times in Pacific time."), and leaves
  a placeholder for the writer when the document names no zone or several: it never states
  "UTC" for a document told in another zone.
* headings written as questions ("How bad was it?", "How did we find out?", "How did we fix
  it?", "What did we learn?") name their standard parts through the vocabulary's synonyms,
  so the rules that read a part (PM201, the impact rules' Impact section) find them; a
  question about something else ("Why did the alert not fire?") names no part.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.fixes import apply_edits
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve

HERE = FIXTURES / "structure" / "skeletons"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _timeline_skeleton(lint_text: LintFn, text: str, code: str = "PM201") -> str:
    """The document after the fix that inserts the Timeline skeleton."""
    (d,) = [
        d
        for d in lint_text(text, select=[code]).diagnostics
        if d.fix is not None and "Timeline" in d.fix.title
    ]
    assert d.fix is not None and not d.fix.safe  # a skeleton is placeholder text
    return apply_edits(text, d.fix.edits)


# -- the zone of the Timeline skeleton -------------------------------------------------------

PACIFIC = "10:25 AM Pacific"


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (PACIFIC, PACIFIC, "All times in Pacific time."),
        (PACIFIC, "10:25 AM PDT", "All times in PDT."),
        (PACIFIC, "10:25 AM", "All times in TODO (time zone)."),  # no zone: the writer's
        (PACIFIC, "10:25 AM EDT", "All times in TODO (time zone)."),  # two: the writer's
        (PACIFIC, "10:25 AM in the Pacific region", "All times in TODO (time zone)."),
    ],
)
def test_the_timeline_skeleton_uses_the_documents_zone(
    lint_text: LintFn, old: str, new: str, line: str
) -> None:
    text = _read("no-timeline-pacific.md").replace(old, new)
    if new.endswith("EDT"):
        text = text.replace("9:10 AM", "9:10 AM PDT")
    fixed = _timeline_skeleton(lint_text, text)
    assert f"## Timeline\n\n{line}\n\n| Time | Event |" in fixed
    assert "UTC" not in fixed


def test_an_empty_timeline_heading_gets_the_documents_zone(lint_text: LintFn) -> None:
    text = _read("no-timeline-pacific.md").replace("## Root cause", "## Timeline\n\n## Root cause")
    fixed = _timeline_skeleton(lint_text, text, "PM202")
    assert "## Timeline\n\nAll times in Pacific time.\n\n| Time | Event |" in fixed


# -- headings written as questions -----------------------------------------------------------

QUESTIONS = FIXTURES / "structure" / "questions" / "question-headings.md"


def test_question_headings_name_their_parts() -> None:
    template = resolve([Settings()]).template
    doc = parse(QUESTIONS.read_text(encoding="utf-8"), template)
    got = {s.title: s.canonical for s in doc.sections if s.level == 2}
    assert got == {
        "What happened?": "summary",
        "How bad was it?": "impact",
        "How did we find out?": "detection",
        "Why did it happen?": "root-cause",
        "How did we fix it?": "response",
        "What are we doing about it?": "action-items",
        "What did we learn?": "lessons",
    }


def test_a_document_of_question_headings_has_every_part(lint_text: LintFn) -> None:
    text = QUESTIONS.read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM201"], template="standard").diagnostics
    # the times are told in passing only: the one part without a heading of its own
    assert [d.data["section"] for d in diags if d.data] == ["timeline"]
    # the impact rules read the question heading as the Impact section: PM403 points at it
    text = text.replace("; 38 could not be restored", "")
    text = text.replace("were lost and had to be restored", "had to be restored")
    (d,) = lint_text(text, select=["PM403"]).diagnostics
    assert text[d.start : d.end] == "How bad was it?"


@pytest.mark.parametrize(
    "title", ["What it cost us", "What this cost", "What the outage cost us", "Who it hit"]
)
def test_what_an_incident_cost_names_the_impact_part(title: str) -> None:
    """Round 36: a volunteer's "What it cost us" section held the impact; a vague loss in it
    went unread because the section was not the Impact part."""
    template = resolve([Settings()]).template
    assert template.canonical_section(title) == "impact"


@pytest.mark.parametrize(
    "title", ["Disclosure timeline", "Detailed timeline", "Full timeline", "Response timeline"]
)
def test_a_timeline_named_by_what_it_follows_is_the_timeline(title: str) -> None:
    """Round 37: a security advisory's "Disclosure timeline" was no Timeline part."""
    template = resolve([Settings()]).template
    assert template.canonical_section(title) == "timeline"


@pytest.mark.parametrize("title", ["What the new cluster costs", "Cost of the spare racks"])
def test_headings_about_spending_name_no_impact_part(title: str) -> None:
    template = resolve([Settings()]).template
    assert template.canonical_section(title) != "impact"


@pytest.mark.parametrize(
    "title",
    [
        "Why did the alert not fire?",  # a question about one detail, not the cause part
        "What did we do well?",
        "How did the cache work before the change?",
        "When is the next failover drill?",
    ],
)
def test_other_questions_name_no_part(title: str) -> None:
    template = resolve([Settings()]).template
    assert template.canonical_section(title) is None


# -- metadata told under other names (PM203, PM204) -------------------------------------------

BODY = (
    "\n## Summary\n\nThe ticket printers at two gates jammed for 20 minutes.\n\n"
    "## Impact\n\nAbout 300 passengers boarded late.\n\n"
    "## Root cause\n\nA firmware update changed the paper feed timing.\n\n"
    "## Action items\n\n- Pin the printer firmware version (owner: Joana, due 2026-05-01)\n"
)


def _meta(lint_text: LintFn, head: str, codes: list[str]) -> list[str]:
    text = "# Learning review: printer jam\n\n" + head + "\n" + BODY
    return [d.message for d in lint_text(text, select=codes).diagnostics]


@pytest.mark.parametrize(
    "line",
    [
        "**Report status:** Final",
        "**Write-up status**: Final",
        "Retro status: Final",
        "**Document status:** Final",
        # a wiki page's own status, as Confluence names it
        "**Page status:** Final",
        "Wiki page status: Final",
    ],
)
def test_the_document_status_under_the_documents_own_name_is_read(
    lint_text: LintFn, line: str
) -> None:
    head = f"{line}\n**Facilitator:** Joana Reis\n**Date:** 2026-04-02\n**Severity:** SEV2"
    assert _meta(lint_text, head, ["PM203", "PM204"]) == []
    # the document is final, so PM304 asks for tracking tickets
    assert "the postmortem is Final" in " ".join(_meta(lint_text, head, ["PM304"]))


@pytest.mark.parametrize("line", ["**Facilitator:** Joana Reis", "Scribe: Tomas Berg"])
def test_a_learning_reviews_facilitator_or_scribe_is_its_author(
    lint_text: LintFn, line: str
) -> None:
    head = f"**Status:** Draft\n{line}\n**Date:** 2026-04-02\n**Severity:** SEV2"
    assert _meta(lint_text, head, ["PM203"]) == []


def test_a_status_of_something_else_is_not_the_documents(lint_text: LintFn) -> None:
    # the look-alike: a field about a ticket's status names no document status
    head = "**Ticket status:** Final\n**Author:** Joana Reis\n**Date:** 2026-04-02"
    assert "Missing metadata: Status" in _meta(lint_text, head, ["PM203"])


@pytest.mark.parametrize(("value", "messages"), [("1", 0), ("sev 3", 0), ("9", 1), ("1a", 1)])
def test_a_bare_number_in_a_severity_field_is_that_sev_level(
    lint_text: LintFn, value: str, messages: int
) -> None:
    head = f"**Status:** Draft\n**Author:** Joana Reis\n**Date:** 2026-04-02\nsev: {value}"
    assert len(_meta(lint_text, head, ["PM204"])) == messages


@pytest.mark.parametrize(
    ("value", "word"), [("Resolved", "Resolved"), ("Mitigated (monitoring)", "Mitigated")]
)
def test_an_incident_status_in_the_status_field_is_answered(
    lint_text: LintFn, value: str, word: str
) -> None:
    head = f"**Status:** {value}\n**Author:** Joana Reis\n**Date:** 2026-04-02"
    (message,) = _meta(lint_text, head, ["PM204"])
    assert message.startswith(f"Status '{word}' is the incident's state;")
    # not read as final: PM304 does not ask for tracking tickets
    assert _meta(lint_text, head, ["PM304"]) == []


def test_a_document_status_that_is_not_listed_keeps_the_plain_message(
    lint_text: LintFn,
) -> None:
    head = "**Status:** Pending sign-off\n**Author:** Joana Reis\n**Date:** 2026-04-02"
    (message,) = _meta(lint_text, head, ["PM204"])
    assert message.startswith("Status 'Pending sign-off' is not one of:")


# -- metadata told in the text, in adoption mode (PM203) --------------------------------------

_TOLD = (
    "# Kiln 3 trip\n\n{byline}\n\n## Summary\n\nKiln 3 tripped on a false over-temperature "
    "reading and the glaze line stood idle; {length}\n\n## Impact\n\nTwo firing batches were "
    "scrapped.\n\n## Root cause\n\nA thermocouple lead had worked loose.\n\n## Action items\n\n"
    "- Add a lead check to the weekly kiln round (owner: Joana, due 2026-05-01)\n"
)


def _missing_fields(lint_text: LintFn, byline: str, length: str) -> list[str]:
    text = _TOLD.format(byline=byline, length=length)
    return [
        str((d.data or {}).get("field"))
        for d in lint_text(text, select=["PM203"]).diagnostics
        if d.message.startswith("Missing")
    ]


@pytest.mark.parametrize(
    "byline",
    [
        "*Written up from the shift handover notes by Oskar Lund (kiln supervisor)*",
        "_Transcribed from the bridge recording by @mirela-d_",
        "Typed up by Oskar Lund after the morning meeting.",
        "By Mirela Dan, kiln engineer",
        "Written by the kiln maintenance team",
        "This report was put together by Mirela Dan and Oskar Lund.",
    ],
)
def test_a_byline_in_the_text_gives_the_authors(lint_text: LintFn, byline: str) -> None:
    """In adoption mode PM203 stays quiet about a field the prose gives (see --explain): a byline
    that says how the write-up was made before naming who made it is the Authors."""
    assert "authors" not in _missing_fields(lint_text, byline, "the fix took an hour.")


@pytest.mark.parametrize(
    "byline",
    [
        "Written in Rust, the kiln controller was patched by Oskar Lund.",  # no byline
        "The setpoint file is written on every boot by Kilnware.",  # mid-sentence, a tool
        "Transcribed readings are kept for a year.",  # no one named
        # "By" opening a sentence about when, not a byline
        "By March 3, the kiln was firing again.",
        "- By Friday the scrapped batches are fired again.",
        "By 14:30 UTC the glaze line was moving.",
        "By the end of the shift every batch had been checked.",
        # mid-sentence, who made something else
        "The fix came from a firmware patch authored by Mirela Dan.",
    ],
)
def test_byline_look_alikes_leave_the_authors_missing(lint_text: LintFn, byline: str) -> None:
    assert "authors" in _missing_fields(lint_text, byline, "the fix took an hour.")


@pytest.mark.parametrize(
    "byline",
    [
        # a byline that says when, or after what, before naming who posted or wrote it
        "Posted on 14 May by Odile and Bram",
        "Posted 2026-05-14 by Odile (support lead) and Bram (kiln software) · Status: Final",
        "_Compiled on 15 May by Mirela Dan for the weekly review_",
        "Drafted after the review by Joana Reis & Oskar Lund",
        # a team, in lower case
        "Written by the glaze line team",
        "This write-up was prepared by the kiln on-call, Friday 15 May.",
        # after a middle dot, a date first
        "Published 15 May 2026, 09:30 · posted by @oskar-l and @mirela-d",
    ],
)
def test_a_byline_at_the_head_gives_the_authors(lint_text: LintFn, byline: str) -> None:
    assert "authors" not in _missing_fields(lint_text, byline, "the fix took an hour.")
    # with a template: told in the text, at info, not missing
    text = _TOLD.format(byline=byline, length="the fix took an hour.")
    diags = lint_text(text, select=["PM203"], template="standard").diagnostics
    (d,) = [x for x in diags if (x.data or {}).get("field") == "authors"]
    assert d.message.startswith("Metadata 'Authors' is only told in the text")


@pytest.mark.parametrize(
    "tail",
    [
        "\u2014 posted by Joana (QA) and Bram",
        "Thanks for reading.\n\u2013 written up by the Kiln Controls Team",
        "Prepared by Oskar Lund (shift lead), 16 May 2026",
        "_Posted by @mirela-d on behalf of the kiln crew_ \U0001f525",
    ],
)
def test_a_byline_closing_the_document_gives_the_authors(lint_text: LintFn, tail: str) -> None:
    text = _TOLD.format(byline="", length="the fix took an hour.") + f"\n{tail}\n"
    diags = lint_text(text, select=["PM203"]).diagnostics
    assert [d for d in diags if (d.data or {}).get("field") == "authors"] == []


@pytest.mark.parametrize(
    "byline",
    [
        # "by" and no one: a manner, a mistake, someone unnamed, a machine
        "Posted by mistake to the shared drive, the readings were deleted within minutes.",
        "Written by hand, the firing log skipped one batch.",
        "Written by a contractor, the firmware had no tests.",
        "Compiled by the nightly build at 02:00, the firmware shipped without the limit.",
        "Posted at 14:05 by the status page bot.",
        # a name opening a participle clause, a message posted somewhere by a tool
        "Prepared by Joana Reis, the relining plan listed no cooling time.",
        "Posted to the forum by Kilnware to every customer.",
    ],
)
def test_byline_shapes_that_name_no_author(lint_text: LintFn, byline: str) -> None:
    assert "authors" in _missing_fields(lint_text, byline, "the fix took an hour.")


def test_a_byline_shape_mid_document_gives_no_authors(lint_text: LintFn) -> None:
    """Only the head and the last paragraph carry a byline: "posted ... by" in the story is
    who did something else; neither is a sentence at the end that is no byline."""
    story = _TOLD.format(byline="", length="the fix took an hour.").replace(
        "A thermocouple lead had worked loose.",
        "A thermocouple lead had worked loose.\n\nPosted at 10:05 by Joana Reis in the shift "
        "channel: the kiln is cooling.",
    )
    assert "authors" in _missing_fields(lint_text, "", "the fix took an hour.")
    diags = lint_text(story + "\nThe setpoint was written by Oskar and checked by Joana.\n")
    assert [d for d in diags.diagnostics if (d.data or {}).get("field") == "authors"]


@pytest.mark.parametrize(
    "length",
    [
        "all in, we're looking at 3 hours 25 minutes with no glaze going through.",
        "that is 1h 50m by the shift log.",
        "we lost 140 minutes of firing time.",
        "call it four hours of unplanned downtime.",
    ],
)
def test_a_length_told_in_passing_gives_the_duration(lint_text: LintFn, length: str) -> None:
    byline = "**Author:** Oskar Lund"
    assert "duration" not in _missing_fields(lint_text, byline, length)


@pytest.mark.parametrize(
    "length",
    [
        "the thermocouple is read every 2 seconds.",
        "the kiln needs 6 hours to cool before anyone may open it.",  # a property of the kiln
        "the line restarted after the lead was fixed.",
    ],
)
def test_length_look_alikes_leave_the_duration_missing(lint_text: LintFn, length: str) -> None:
    byline = "**Author:** Oskar Lund"
    assert "duration" in _missing_fields(lint_text, byline, length)


@pytest.mark.parametrize(
    "length",
    [
        "firing resumed at noon. Glazing was down 2 hours 15 minutes in all.",
        "firing resumed at noon. The outage ran to 1h 35m by the shift log.",
        "firing resumed at noon. We lost 75 minutes of glazing output.",
        "firing resumed at noon. Put it at 3 hours of unplanned downtime.",
    ],
)
def test_a_length_of_this_incident_gives_the_duration(lint_text: LintFn, length: str) -> None:
    """A length told in passing counts when the sentence says it is this incident's
    (down, outage, lost ... of, ... of downtime)."""
    byline = "**Author:** Oskar Lund"
    assert "duration" not in _missing_fields(lint_text, byline, length)


@pytest.mark.parametrize(
    "length",
    [
        # lengths that are not this incident's: planned work, allowances and budgets per
        # period, drills, timers, intervals, a past year's losses
        "firing resumed at noon. Relining is booked as a 4 hour 10 minute relining window.",
        "firing resumed at noon. We set aside 1 hour 45 minutes for every evacuation drill.",
        "firing resumed at noon. The contract permits 6 hours of downtime per year.",
        "firing resumed at noon. Our budget is 50 minutes of downtime a month.",
        "firing resumed at noon. In the last year we lost 80 minutes of output to worn leads.",
        "firing resumed at noon. The purge cycle runs every 2h 10m and took 2h 12m that night.",
        "firing resumed at noon. The cached recipe expires after 1 h 0 m.",
        "firing resumed at noon. The controller backs off to 1h 20m between retries.",
    ],
)
def test_lengths_not_of_this_incident_leave_the_duration_missing(
    lint_text: LintFn, length: str
) -> None:
    byline = "**Author:** Oskar Lund"
    assert "duration" in _missing_fields(lint_text, byline, length)


@pytest.mark.parametrize(
    "byline",
    [
        "Edited by Rui Costa for the plant review.",
        "_Collated from the operator logs by the Kiln Ops team_",
        "Drafted by Ines van der Berg, shift lead",
        "Summarised by @rcosta, the duty engineer",
    ],
)
def test_a_short_byline_naming_who_gives_the_authors(lint_text: LintFn, byline: str) -> None:
    assert "authors" not in _missing_fields(lint_text, byline, "the fix took an hour.")


@pytest.mark.parametrize(
    "byline",
    [
        # a participle clause before the main clause: what the tool did, no byline
        "Edited by Config automation, the recipe file lost its final setpoint.",
        "Assembled by Jenkins overnight, the controller image shipped without its CA bundle.",
        "Transcribed by Kilnware, the readings skipped every tenth sample that week.",
    ],
)
def test_a_participle_clause_is_no_byline(lint_text: LintFn, byline: str) -> None:
    assert "authors" in _missing_fields(lint_text, byline, "the fix took an hour.")


# -- the Duration told in the timeline (PM203's --explain says so) ----------------------------

_KILN_TIMELINE = (
    "# Kiln 2 stoppage\n\n**Date:** 2026-04-02\n**Author:** Oskar Lund\n\n"
    "## Summary\n\nKiln 2 stopped firing after a thermocouple lead wore through.\n\n"
    "## Timeline\n\nAll times CET.\n\n| Time | Event |\n|---|---|\n"
    "| 10:12 | Kiln 2 temperature alarm |\n{row}\n| 11:40 | Firing resumed on kiln 2 |\n"
)


def _duration_findings(lint_text: LintFn, row: str, template: str | None) -> list[str]:
    text = _KILN_TIMELINE.format(row=row)
    kw = {} if template is None else {"template": template}
    return [
        f"{d.severity.name.lower()}: {d.message}"
        for d in lint_text(text, select=["PM203"], **kw).diagnostics
        if (d.data or {}).get("field") == "duration"
    ]


@pytest.mark.parametrize(
    "row",
    [
        "| 10:30 | Kiln 2 held below setpoint between 10:12 and 11:40 |",
        "| 11:45 | The stoppage lasted 88 minutes in all |",
        "| 10:30 | Glazing line idle for about an hour while the lead was replaced |",
        "| 10:50 | Lead swap took 20 minutes |",  # one step timed: taken as told too
    ],
)
def test_a_length_in_a_timeline_entry_tells_the_duration(lint_text: LintFn, row: str) -> None:
    """Without a Duration field, a length or a clock range in an entry counts as the
    duration told in the text: silent in adoption mode, info with a template."""
    assert _duration_findings(lint_text, row, None) == []
    assert _duration_findings(lint_text, row, "standard") == [
        "info: Metadata 'Duration' is only told in the text; write it as `**Duration**: ...` "
        "under the title"
    ]


@pytest.mark.parametrize(
    "row",
    [
        "| 10:30 | Lead on thermocouple 3 found worn through |",
        "| 10:30 | Shift lead paged at 10:30 |",
    ],
)
def test_clock_times_alone_leave_the_duration_missing(lint_text: LintFn, row: str) -> None:
    """No duration is worked out from the entries' times (10:12 to 11:40 is not read as
    88 minutes of Duration)."""
    assert _duration_findings(lint_text, row, None) == ["info: Missing metadata: Duration"]
    assert _duration_findings(lint_text, row, "standard") == ["warning: Missing metadata: Duration"]


# -- misc34 class 3: a compact length ("3h20m", "1h 45m", "6h") gives the Duration ----------
@pytest.mark.parametrize(
    "length",
    [
        "the glaze line was held for 3h20m.",
        "the outage lasted 2h 15m from the first alarm.",
        "restarting the line took about 1h45m.",
        "no ware went through for 6h.",
        "a stoppage of roughly 4h05min by the shift log.",
    ],
)
def test_a_compact_length_gives_the_duration(lint_text: LintFn, length: str) -> None:
    byline = "**Author:** Oskar Lund"
    assert "duration" not in _missing_fields(lint_text, byline, length)


@pytest.mark.parametrize(
    "length",
    [
        "the h2 headings of the kiln manual were renamed.",
        "the trace for `3h20m` was attached.",
        "logs for kiln-3h20m.log are on the share.",
        "the controller polls every 1h30m.",
        "the supplier shipped 45m of cable.",
    ],
)
def test_compact_length_look_alikes_leave_the_duration_missing(
    lint_text: LintFn, length: str
) -> None:
    byline = "**Author:** Oskar Lund"
    assert "duration" in _missing_fields(lint_text, byline, length)
