"""Structure rules on the forms real postmortems use: parts and metadata wherever written.

Each form of the structure issue has true positives and hard negatives here: parts written
as combined, question, emoji or closed headings, as bold or plain labels opening a paragraph
or list item, as a label block inside another section, as a table row or a front-matter
key; metadata in the title, front matter, ``Key: value`` lines, a metadata table, a heading
with its value beneath or only the file name; adoption mode; PM202 only for real
placeholders; ambiguous dates; honest fixes. Whole documents in each built-in template's
style live in ``tests/fixtures/structure/forms``. Every sentence is our own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, FIXTURES, ROOT

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Config, Settings, resolve, validate
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.spec import Diagnostic, Severity

FORMS = FIXTURES / "structure" / "forms"
SEED = ROOT.parent / "shared" / "seed" / "standard-template.md"
_NLP = NLP()  # never loaded: the structure rules need no model


def _config(template: str | None, select: tuple[str, ...] = ("PM2",)) -> Config:
    raw: dict[str, Any] = {"select": list(select)}
    if template is not None:
        raw["template"] = template
    return resolve([Settings(), validate(raw, "test settings", None)])


def run(text: str, template: str | None = "standard", name: str | None = None) -> list[Diagnostic]:
    path = Path(name) if name else None
    result = lint(text, _config(template), nlp=_NLP, path=path)
    assert result.errors == []
    return result.diagnostics


def missing(text: str, template: str | None = "standard") -> dict[str, Severity]:
    """Part or field id -> severity of the PM201/PM203 finding that calls it missing."""
    out: dict[str, Severity] = {}
    for d in run(text, template):
        data = d.data or {}
        key = data.get("section") if d.code == "PM201" else data.get("field")
        if d.code in ("PM201", "PM203") and key:
            out[str(key)] = d.severity
    return out


BODY = (
    "## Summary\n\nThe billing job stopped for an hour.\n\n"
    "## Impact\n\nAbout 900 invoices went out late.\n\n"
    "## Root Cause\n\nA cron entry was deleted by a config cleanup.\n\n"
    "## Action Items\n\n- Restore the cron entry from the config repository (@li, OPS-5)\n"
)


# -- parts: headings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("Recovery and Lessons Learned", {"response", "lessons"}),
        ("Response timeline", {"response", "timeline"}),
        ("Why did it happen?", {"root-cause"}),
        ("How was it detected?", {"detection"}),
        ("🔥 Impact", {"impact"}),
        (":boom: Customer impact", {"impact"}),
        ("Corrective and Preventative Measure", {"action-items"}),
        ("What we changed", {"action-items"}),
        # how each part of the response went is the lessons part, however it is phrased
        ("What went OK", {"lessons"}),
        ("What went okay (and what did not)", {"lessons"}),
        ("What went badly", {"lessons"}),
        ("Where we were lucky", {"lessons"}),
        ("Things that went right", {"lessons"}),
        # a regulated trade's names for the parts: an investigation board's safety
        # recommendations, the safety actions taken since, a quality system's CAPA
        ("Safety recommendations", {"action-items"}),
        ("5. Safety Recommendations", {"action-items"}),
        ("Findings and safety recommendations", {"action-items"}),
        ("Safety actions taken by the depot operator", {"action-items"}),
        ("Safety issues and actions", {"action-items"}),
        ("CAPA", {"action-items"}),
        ("Remedial measures", {"action-items"}),
        ("Consequences", {"impact"}),
        ("Consequences of the kiln shutdown", {"impact"}),
    ],
)
def test_a_heading_names_every_part_it_lists(heading: str, parts: set[str]) -> None:
    template = load_template("standard")
    assert set(template.concepts_in(heading)) >= parts


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Impactful refactors", "impact"),  # a longer word
        ("Impact analysis", "root-cause"),  # "Analysis" names Root Cause only at the start
        ("Timelessness", "timeline"),
        ("Actions taken during the outage", "action-items"),  # "Actions" only at the start
        # "What worked" / "What didn't work" are subsections of Detection or Response in
        # templates (the seed template's "## Detection / ### What Worked")
        ("What worked", "lessons"),
        ("What didn't work", "lessons"),
        ("Whatever went out in the 3.8 release", "lessons"),
        ("Where we are now", "lessons"),
        # the trade's words for something else: the plant's safety systems, the
        # measures already in place, and side effects analysed ("Consequences" names
        # Impact only at the start)
        ("Safety", "action-items"),
        ("Safety interlocks on line 4", "action-items"),
        ("Safety measures in place before the event", "action-items"),
        ("Unintended consequences of the rollback", "impact"),
    ],
)
def test_look_alike_headings_do_not_name_the_part(heading: str, part: str) -> None:
    assert part not in load_template("standard").concepts_in(heading)


def test_closed_atx_and_question_headings_satisfy_the_template() -> None:
    text = (
        "# Billing job stopped\n\n## Summary ##\n\nThe billing job stopped for an hour.\n\n"
        "## What was the impact? ##\n\nAbout 900 invoices went out late.\n\n"
        "## Why did it happen?\n\nA cron entry was deleted by a config cleanup.\n\n"
        "## What are we doing about it?\n\n- Restore the cron entry (@li, OPS-5)\n"
    )
    found = missing(text, None)
    assert not {"summary", "impact", "root-cause", "action-items"} & found.keys()


def test_an_empty_or_prompt_only_heading_leaves_its_part_missing() -> None:
    """PM202 reports the heading and names the part; PM201 does not report it again."""
    for body in ("", "_Describe who was affected and for how long._\n", "TODO\n"):
        text = "# T\n\n" + BODY.replace(
            "## Impact\n\nAbout 900 invoices went out late.\n\n", f"## Impact\n\n{body}\n"
        )
        diags = run(text, None)
        pm202 = [d for d in diags if d.code == "PM202"]
        assert [d.data for d in pm202] == [{"section": "impact"}], body
        assert not [
            d for d in diags if d.code == "PM201" and (d.data or {}).get("section") == "impact"
        ]


# -- parts: labels, label blocks, table rows, front matter --------------------------------


@pytest.mark.parametrize(
    "impact",
    [
        "**Impact**: About 900 invoices went out late.",
        "**Impact:** About 900 invoices went out late.",
        "Impact: About 900 invoices went out late.",
        "- **Impact**: About 900 invoices went out late.",
        "**Impact**:\n\n- About 900 invoices went out late\n- 40 merchants wrote to support",
        "| **Impact** | About 900 invoices went out late |\n|---|---|\n| Duration | 1 hour |",
    ],
)
def test_a_label_or_table_row_writes_the_part(impact: str) -> None:
    text = "# T\n\n" + BODY.replace("## Impact\n\nAbout 900 invoices went out late.\n\n", "")
    assert "impact" in missing(text)  # hard negative: without it the part is missing
    summary = "## Summary\n\nThe billing job stopped for an hour.\n\n"
    with_label = text.replace(summary, summary + impact + "\n\n")
    assert "impact" not in missing(with_label)


def test_a_label_block_inside_the_summary_on_the_line_after_the_text() -> None:
    """The standard template's own form: the label continues the summary paragraph."""
    text = "# T\n\n" + BODY.replace("## Impact\n\nAbout 900 invoices went out late.\n\n", "")
    text = text.replace(
        "stopped for an hour.\n", "stopped for an hour.\n**Impact**:\n- 900 invoices late\n"
    )
    assert "impact" not in missing(text)


@pytest.mark.parametrize(
    "label",
    [
        "**Impact**: TODO",  # a placeholder is not the part
        "**Impact**:",  # a label with nothing under it
        "Note: the billing job stopped for an hour.",  # a label naming no part
    ],
)
def test_labels_that_write_nothing(label: str) -> None:
    text = "# T\n\n" + BODY.replace("## Impact\n\nAbout 900 invoices went out late.\n\n", "")
    text = text.replace("## Root Cause", label + "\n\n## Root Cause")
    assert "impact" in missing(text)


def test_a_front_matter_key_writes_the_part() -> None:
    text = "---\nsummary: The billing job stopped for an hour.\n---\n# T\n\n" + BODY.replace(
        "## Summary\n\nThe billing job stopped for an hour.\n\n", ""
    )
    assert "summary" not in missing(text)
    assert "summary" in missing(text.replace("summary: The billing", "weight: 3\nx: The billing"))


def test_time_stamped_entries_are_a_timeline() -> None:
    text = "# T\n\n" + BODY + "\n- 09:00 job skipped\n- 09:40 alert\n- 10:02 job rerun\n"
    assert "timeline" not in missing(text)
    assert "timeline" in missing("# T\n\n" + BODY + "\n- job skipped\n- alert\n- rerun\n")


# -- metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# Billing job stopped on January 23rd, 2025\n\nText.\n",
        "# Incident on 2025-01-23 - billing job stopped\n\nText.\n",
        "---\ndate: 2025-01-23\n---\n# Billing job stopped\n\nText.\n",
        "# Billing job stopped\n\nDate: 2025-01-23\n\nText.\n",
        "# Billing job stopped\n\n_Date:_ 2025-01-23\n\nText.\n",
        "# Billing job stopped\n\n| Date | Severity |\n|---|---|\n| 2025-01-23 | SEV3 |\n",
        "# Billing job stopped\n\n| **Date** | 2025-01-23 |\n|---|---|\n| Team | billing |\n",
        "# Billing job stopped\n\n## Date\n\n2025-01-23\n\n## Summary\n\nText.\n",
    ],
)
def test_the_date_is_found_wherever_the_head_gives_it(text: str) -> None:
    assert "date" not in missing(text)


def test_no_date_anywhere_is_missing_and_a_version_is_not_a_date() -> None:
    assert missing("# Release 2.3.4 stalled\n\nText.\n")["date"] == Severity.WARNING


def test_a_date_only_in_the_file_name_is_named_at_info() -> None:
    text = "# Billing job stopped\n\nText.\n"
    (d,) = [
        x
        for x in run(text, name="2025-01-23-billing.md")
        if x.code == "PM203" and (x.data or {}).get("field") == "date"
    ]
    assert d.severity == Severity.INFO
    assert "file name" in d.message and "2025-01-23" in d.message
    assert (
        d.fix is not None and not d.fix.safe and "**Date**: 2025-01-23" in d.fix.edits[0].new_text
    )


@pytest.mark.parametrize(
    "line",
    [
        "**Created By**: Li Wen",
        "Written by: Li Wen",
        "**Owner**: @li",
        "**Postmortem Owner**: @li",
        "**Reporter:** Li Wen",  # an issue tracker's "created by"
        "Reporter: Li Wen",
    ],
)
def test_author_labels(line: str) -> None:
    assert "authors" not in missing(f"# T\n\n{line}\n\nText.\n")


@pytest.mark.parametrize(
    "line",
    [
        "**Assignee:** Li Wen",  # who holds the ticket, not who wrote the document
        "**Reporting period:** Q3",
        "The reporter of the bug was Li Wen.",
    ],
)
def test_author_look_alikes(line: str) -> None:
    assert "authors" in missing(f"# T\n\n{line}\n\nText.\n")


_SIGNED = (
    "# Billing job stopped\n\n" + BODY + "## Follow-up\n\n- Restore the cron entry\n\n{tail}\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        "— @rosa-m (with @kenji)",
        "-- Omar Haddad, Platform SRE",
        "– Priya Nair & Tom Okafor",
        "Thanks to everyone who stayed late.\n\n— Lena Vogt",
        # the last line of the closing paragraph, right under the thanks
        "Sorry again for the late invoices.\n— @lena.v",
        # a role or a "for" after the names
        "-- Lena Brandt, release manager",
        "— @lena-b, on behalf of the billing maintainers",
        "-- Omar H., maintainer",
    ],
)
def test_a_closing_sign_off_gives_the_authors(tail: str) -> None:
    assert "authors" not in missing(_SIGNED.format(tail=tail))


@pytest.mark.parametrize(
    "tail",
    [
        # a dash before a closing word or a sentence, not a name
        "— Thanks",
        "-- End of report",
        "— and that was the whole of it",
        # a sentence after a dash, with a comma in it
        "— In short, the cron entry was lost.",
        "— Again, sorry for the late invoices",
        # a sign-off shape that is not the last thing in the document
        "— Omar Haddad\n\n## Notes\n\nThe cron entry is now in the config repository.",
        # an action item's owner in the closing list
        "- Add a check for the cron entry — @omar-h",
    ],
)
def test_sign_off_look_alikes_give_no_authors(tail: str) -> None:
    assert "authors" in missing(_SIGNED.format(tail=tail))


def test_front_matter_authors_and_an_attendees_heading() -> None:
    assert "authors" not in missing("---\nauthors: [li, sam]\n---\n# T\n")
    assert "authors" not in missing("# T\n\n## Summary\n\nx\n\n## Attendees\n\n- LW\n- SM\n")


def test_incident_prefixed_labels_are_the_fields() -> None:
    """The standard template's own labels: read as Severity and Duration, so PM203 stays
    quiet and the duration is compared with the timeline."""
    text = "# T\n\n**Incident Severity**: SEV2\n**Incident Duration**: 47 minutes\n"
    doc = parse(text, load_template("standard"))
    duration = doc.field("duration")
    severity = doc.field("severity")
    assert duration is not None and duration.value == "47 minutes"
    assert severity is not None and severity.value == "SEV2"
    assert not {"severity", "duration"} & missing(text).keys()


def test_a_status_line_in_a_later_list_is_not_the_documents_status() -> None:
    text = "# T\n\n## Action Items\n\n- Status: open\n- Owner: li\n"
    doc = parse(text, load_template("standard"))
    assert doc.field("status") is None and doc.field("authors") is None


def test_a_timeline_tables_header_is_no_field() -> None:
    """A two-column table of times is headed by column names ("Date and time (CET)" over
    "Event"), not by a Date field whose value is "Event"; in a table of fields the header
    row is one."""
    timeline = (
        "# T\n\n**Date**: 2026-03-02\n\n## Timeline\n\n| Date and time (CET) | Event |\n"
        "|---|---|\n| 2026-03-02 09:14 | A researcher reports the key |\n"
    )
    doc = parse(timeline, load_template("standard"))
    assert [f.value for f in doc.metadata if f.key.lower().startswith("date")] == ["2026-03-02"]
    assert not [d for d in run(timeline) if d.code == "PM204"]
    fields = "# T\n\n| Date | 2026-03-02 |\n|---|---|\n| Status | Complete |\n"
    assert parse(fields, load_template("standard")).field("date") is not None


def test_a_heading_over_prose_is_not_a_field() -> None:
    text = (
        "# T\n\n## Status\n\nThe patched release is out, but three operators still build "
        "their own binaries and see crashes on start.\n"
    )
    assert parse(text, load_template("standard")).field("status") is None


# -- adoption mode -------------------------------------------------------------------------


def test_adoption_mode_warns_only_for_the_core_parts() -> None:
    text = "# Billing job stopped\n\n## Timeline\n\n- 09:00 job skipped\n"
    adoption = missing(text, None)
    core = {"summary", "impact", "root-cause", "action-items"}
    assert {k for k, s in adoption.items() if s == Severity.WARNING} == core
    assert adoption["severity"] == Severity.INFO and adoption["status"] == Severity.INFO
    assert adoption["lessons"] == Severity.INFO
    chosen = missing(text, "standard")
    assert chosen["severity"] == Severity.WARNING and chosen["lessons"] == Severity.WARNING


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("Major", True),
        ("critical (customer-facing)", True),
        ("Minor", True),
        ("SEV-2", True),
        # the four-step Critical / High / Medium / Low scale
        ("High", True),
        ("Medium (internal only)", True),
        ("low", True),
        # its middle rung as healthcare and risk registers name it
        ("Moderate (service outage, nobody hurt)", True),
        ("Moderately bad", False),
        ("Urgent", False),  # no level in the severity words: a team adds it to its pack
        ("Highly visible", False),
        ("Lowest", False),
        ("Majorly bad", False),
        # a number on a scale of another name is the team's own scale (severity-scales of
        # rules/structure.toml), a label after it optional
        ("P1", True),
        ("Priority 2", True),
        ("Level 3 (Limited harm to one ward)", True),
        ("Tier 1 - customer-facing", True),
        ("Category 4", True),
        ("Category 2 (loss of telemetry, no loss of supply)", True),
        ("Tier 3 (internal tools, two regions)", True),
        # graded by letter or Roman numeral, as regulators and broadcasters do
        ("Category B (partial loss of output on one channel)", True),
        ("Cat C", True),
        ("Class III", True),
        ("Grade D - cosmetic", True),
        # look-alikes: a word that opens like a scale, a letter off the scale or in lower
        # case, a scale's name before a word
        ("Cats", False),
        ("Classic", False),
        ("Class action", False),
        ("Category q", False),
        ("Tier Z", False),
        ("Category All", False),
        # look-alikes: a scale's name without a number, a number too long to be a level, a
        # SEV level off the SEV scale, a contradicted SEV level
        ("Priority", False),
        ("Level 9000", False),
        ("Sev 9", False),
        ("Sev 1 - low", False),
    ],
)
def test_adoption_mode_accepts_the_severity_words_the_report_reads(
    value: str, accepted: bool
) -> None:
    """With no template configured, SEV0-SEV5 is a suggestion, and a severity written as one
    of the words the report reads as a level ([severity-words] of rules/report.toml), or as
    a number on another named scale ("Priority 2"), is on a known scale; a configured
    template's list is the contract."""
    text = f"# T\n\n**Severity**: {value}\n"
    adoption = [d for d in run(text, None) if d.code == "PM204"]
    assert (adoption == []) is accepted
    assert all(d.severity == Severity.INFO for d in adoption)
    chosen = [d for d in run(text, "standard") if d.code == "PM204"]
    # on the standard template's SEV scale: "Level 3" is SEV3, its bracketed remark a note
    assert (chosen == []) is (value in ("SEV-2", "Level 3 (Limited harm to one ward)"))


def test_adoption_mode_does_not_report_a_part_told_in_prose() -> None:
    text = (
        "# Billing job stopped\n\nOn Monday the billing job stopped for an hour and about 900 "
        "invoices went out late. It stopped because a config cleanup deleted its cron entry. "
        "We will add a check that fails the cleanup when a scheduled job loses its entry.\n"
    )
    assert not [s for s in missing(text, None).values() if s == Severity.WARNING]
    told = missing(text, "standard")
    assert told["impact"] == Severity.INFO and told["root-cause"] == Severity.INFO


#: a document whose only word on one core part is the sentence under test: the other three
#: are written as headings
_ONE_PART_IN_PROSE = {
    "action-items": (
        "# Queue pause\n\n## Summary\n\nThe export queue paused overnight.\n\n"
        "## Impact\n\nNightly reports reached customers late.\n\n"
        "## Root Cause\n\nA worker pool was sized by a stale setting.\n\n"
        "## Notes\n\n{sentence}\n"
    ),
    "impact": (
        "# Queue pause\n\n## Summary\n\nThe export queue paused overnight.\n\n"
        "## Root Cause\n\nA worker pool was sized by a stale setting.\n\n"
        "## Action Items\n\n- Size the pool from the live setting (@ana, OPS-7)\n\n"
        "## Investigation\n\n{sentence}\n"
    ),
    "root-cause": (
        "# Queue pause\n\n## Summary\n\nThe export queue paused overnight.\n\n"
        "## Impact\n\nNightly reports reached customers late.\n\n"
        "## Action Items\n\n- Size the pool from the live setting (@ana, OPS-7)\n\n"
        "## Detection\n\n{sentence}\n"
    ),
}


@pytest.mark.parametrize(
    ("part", "sentence"),
    [
        # an intention with someone committed to it
        ("action-items", "We will add an alert on the queue depth before the next release."),
        ("action-items", "The team plans to move the exports onto their own workers."),
        ("action-items", "I have since made every key of the old worker expire after a day."),
        ("action-items", "A few settings were changed to mitigate future stalls of this kind."),
        # an effect on someone or something
        ("impact", "The portal returned errors to every visitor who opened a report."),
        ("impact", "A timeout prevented the dashboard from loading for most accounts."),
        # a cause stated as the cause
        ("root-cause", "The stall went unnoticed for an hour; it was caused by a stale setting."),
        ("root-cause", "The workers stopped because the pool size was read from an old file."),
    ],
)
def test_a_part_told_in_prose_is_not_missing(part: str, sentence: str) -> None:
    text = _ONE_PART_IN_PROSE[part].format(sentence=sentence)
    assert part not in missing(text, None)


@pytest.mark.parametrize(
    ("part", "sentence"),
    [
        # a time adverb, a hedge, an impersonal plan or somebody else's question commit nobody
        ("action-items", "The new format is read by every client from now on."),
        ("action-items", "There are plans upstream to shrink the queue format one day."),
        ("action-items", "Do you plan to publish the worker settings? We have no plans to."),
        ("action-items", "At 10:40 we added two workers and the queue drained."),
        ("action-items", "We monitor the queue depth and page when it doubles."),
        # errors met while investigating are not an effect on anyone
        ("impact", "Add error handling so the worker logs errors with the request id."),
        ("impact", "I followed one session from the first error to the last retry."),
        # a reason for noticing late explains the detection, not the stall
        (
            "root-cause",
            "The stall ran for an hour before we noticed it, partly because the page still "
            "loaded, only slowly.",
        ),
    ],
)
def test_look_alike_sentences_do_not_tell_the_part(part: str, sentence: str) -> None:
    text = _ONE_PART_IN_PROSE[part].format(sentence=sentence)
    assert missing(text, None).get(part) == Severity.WARNING


@pytest.mark.parametrize(
    "heading",
    [
        "What we're going to do",
        "What we are going to do",
        "What are we going to do?",
        "What we'll do",
        "What's next",
        "To-do",
        "Long-term fix",  # a follow-up heading of the action rules, not a synonym
        "Planned changes",
        "Our next steps",
        # customer-facing forward-looking headings; a wh-clause names its content and is
        # no statement, whatever verb it holds
        "What We Are Doing Next",
        "What we'll do next",
        "What happens next",
        "What comes next",
        "Next up",
        # the plan in the plain present, in small letters as an informal write-up has it
        "what we do now",
        "What We Do Next",
        "what we'll do differently",
        "What we do about it",
    ],
)
@pytest.mark.parametrize("template", ["standard", None])
def test_a_colloquial_follow_up_heading_is_the_action_items(
    heading: str, template: str | None
) -> None:
    """A heading whose list the action-item rules read as follow-up work is the Action
    Items part for PM201 too: no "missing" finding, and no fix inserting a second section."""
    text = BODY.replace("## Action Items", f"## {heading}")
    assert "action-items" not in missing(text, template)


@pytest.mark.parametrize(
    "heading", ["CAPA", "Safety recommendations issued", "Safety action taken by the kiln operator"]
)
def test_action_rows_under_a_trade_heading_are_the_action_items(heading: str) -> None:
    """An investigation report's recommendations table (owner, due date, priority) is the
    Action Items part in adoption mode: no "Missing part" warning; its Consequences
    subsection is the Impact part."""
    text = (
        "# Kiln 2 shutdown\n\n## Summary\n\nKiln 2 tripped on a false flame-out reading "
        "and stayed cold for six hours.\n\n### Consequences\n\nTwo firing batches were "
        "scrapped.\n\n## Root Cause\n\nA flame sensor lead had worked loose.\n\n"
        f"## {heading}\n\n| # | Action | Owner | Due |\n|---|---|---|---|\n"
        "| K-1 | Add a lead-tension check to the monthly kiln inspection | Rui Costa | "
        "2026-05-01 |\n"
    )
    found = missing(text, None)
    assert "action-items" not in found
    assert "impact" not in found


def test_safety_action_taken_is_done_work_not_open_items() -> None:
    """An investigation report's "Safety action taken" section records what organisations
    did since: it names the Action Items part for PM201 and the Response part, but its
    canonical section is the Response, so PM302-PM305 do not ask its done work for an
    owner, a due date or a ticket."""
    template = load_template("standard")
    assert template.canonical_section("Safety actions taken") == "response"
    assert set(template.concepts_in("Safety actions taken")) >= {"response", "action-items"}
    text = BODY.replace("## Action Items", "## Safety actions taken").replace(
        "- Restore the cron entry from the config repository (@li, OPS-5)",
        "Since the stoppage the depot operator has:\n\n"
        "- kept the billing cron file read-only pending a review gate;\n"
        "- put the cron entry under the nightly config audit.",
    )
    assert "action-items" not in missing(text, None)
    result = lint(text, _config(None, ("PM302", "PM303", "PM304", "PM305")), nlp=_NLP)
    assert result.diagnostics == []


@pytest.mark.parametrize(
    "heading",
    [
        "Our safeguards can be improved",  # a finding about its subject
        "Actions taken during the outage",  # a record of the response
        "What we did",
        "Things to know",
        "What happened next",  # the story, told on
        "What happens now",  # the state of things after the incident
        "What we did next",
        "Safety systems",  # what the plant had, not what will be done
        "what we did differently",  # in small letters: still the story
        "What we do well",  # the team's strengths, no plan
        "what we know now",  # the findings
    ],
)
def test_look_alike_follow_up_headings_leave_the_action_items_missing(heading: str) -> None:
    text = BODY.replace("## Action Items", f"## {heading}")
    assert missing(text).get("action-items") == Severity.WARNING


def test_a_checklist_under_impact_is_no_action_items_section() -> None:
    """Checkboxes under another heading are follow-up work by their form (PM302-PM305 read
    them), but a configured template's Action Items section is still missing."""
    text = (FIXTURES / "document" / "full.md").read_text(encoding="utf-8")
    assert "- [ ] confirm refunds" in text
    assert missing(text).get("action-items") == Severity.WARNING


def test_a_statement_heading_names_no_part_inside_it() -> None:
    """A heading written as a finding ("Our alerts can be improved") is about its subject;
    a combined heading still names each part it lists."""
    text = BODY.replace("## Action Items", "## Our safeguards can be improved")
    assert missing(text, None).get("action-items") == Severity.WARNING
    assert "action-items" not in missing(BODY.replace("## Action Items", "## Safeguards"), None)


_SHEET = (
    "# Incident on 2024-03-02 - Export queue stalled\n\n"
    "- **Key events**\n  - First detected 2024-03-02 09:10\n  - Resolved 2024-03-02 11:05\n\n"
    "- **Time to repair**: 1h 55m\n\n"
    "- **Identified**: {identified}\n\n"
    "- **Impact**: Nightly reports reached customers two hours late.\n\n"
    "- **Context**: The pool was sized because of an old setting.\n\n"
    "- **Resolution**: The pool was resized by hand.\n\n"
    "- **Review actions**:\n  - Read the pool size from the live setting (@ana, OPS-7)\n"
)


def test_a_fact_sheet_that_tells_how_it_came_about_is_the_summary() -> None:
    story = "A cleanup script deleted the export workers by mistake and the queue stalled."
    assert "summary" not in missing(_SHEET.format(identified=story), None)


def test_a_fact_sheet_that_only_tells_how_it_was_noticed_has_no_summary() -> None:
    noticed = "A customer wrote to support that the nightly report had not arrived."
    assert missing(_SHEET.format(identified=noticed), None).get("summary") == Severity.WARNING


def test_the_config_tells_whether_a_template_was_chosen() -> None:
    assert not _config(None).template_configured
    assert _config("standard").template_configured


# -- PM202: real placeholders only ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "- https://status.example.com/incidents/41\n- https://example.com/graphs/cpu\n",
        "- [x] Incident channel archived\n- [ ] Customer note sent\n",
        "N/A\n",
        "None.\n",
        "[dashboard](https://grafana.example.com/d/billing)\n",
    ],
)
def test_links_checklists_and_short_answers_are_content(body: str) -> None:
    text = f"# T\n\n## Supporting information\n\n{body}"
    assert [d for d in run(text) if d.code == "PM202"] == []


def test_a_header_only_table_is_a_skeleton() -> None:
    text = "# T\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n| | |\n"
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert "placeholder" in d.message


# -- dates ---------------------------------------------------------------------------------


def test_an_ambiguous_date_offers_both_readings_as_unsafe_fixes() -> None:
    text = "# T\n\n**Date**: 03/10/2021\n"
    (d,) = [x for x in run(text) if x.code == "PM204"]
    assert "ambiguous" in d.message and "2021-03-10" in d.message and "2021-10-03" in d.message
    assert d.fix is not None and not d.fix.safe
    (edit,) = d.fix.edits
    assert text[edit.start : edit.end] == "03/10/2021" and edit.new_text == "2021-03-10"
    (other,) = (d.data or {})["other-fixes"]
    assert (other["start"], other["end"], other["text"]) == (edit.start, edit.end, "2021-10-03")


@pytest.mark.parametrize("value", ["26/05/2021", "05/26/2021", "2021-05-26"])
def test_a_date_with_one_reading_is_valid(value: str) -> None:
    assert [x for x in run(f"# T\n\n**Date**: {value}\n") if x.code == "PM204"] == []


# -- fix honesty ---------------------------------------------------------------------------


def test_no_structure_fix_is_safe() -> None:
    """Skeleton sections, TODO metadata and placeholders are never a safe fix."""
    diags = run("# T\n\n## Impact\n\n## Timeline\n\nTODO\n")
    fixes = [d.fix for d in diags if d.fix is not None]
    assert fixes and not [f for f in fixes if f.safe]


# -- whole documents -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "name"),
    [
        ("google-sre", "google-sre-headings"),
        ("google-sre", "google-sre-labels"),
        ("google-sre", "google-sre-bullets"),
        ("pagerduty", "pagerduty-labels"),
        ("atlassian", "atlassian-labels"),
        ("standard", "standard-form"),
    ],
)
def test_each_template_accepts_a_document_in_its_own_style(template: str, name: str) -> None:
    text = (FORMS / f"{name}.md").read_text(encoding="utf-8")
    assert [(d.code, d.message) for d in run(text, template)] == []


@pytest.mark.parametrize("template", [None, "standard"])
def test_our_postmortem_in_the_standard_form_has_no_warning(nlp: NLP, template: str | None) -> None:
    text = (FORMS / "standard-form.md").read_text(encoding="utf-8")
    raw: dict[str, Any] = {"template": template} if template else {}
    config = resolve([Settings(), validate(raw, "test settings", None)])
    warnings = [
        (d.code, d.message)
        for d in lint(text, config, nlp=nlp).diagnostics
        if d.severity >= Severity.WARNING
    ]
    assert warnings == []


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not present")
@pytest.mark.parametrize(
    ("template", "lacking"),
    [(None, {"action-items"}), ("standard", {"action-items", "lessons"})],
)
def test_the_seed_template_warns_only_for_what_it_lacks(
    template: str | None, lacking: set[str]
) -> None:
    """The product's seed template stops after Detection: Action Items (and, once the
    standard template is chosen, Lessons Learned) are all it may be warned about."""
    text = SEED.read_text(encoding="utf-8")
    warned = [d for d in run(text, template) if d.severity >= Severity.WARNING]
    assert {str((d.data or {}).get("section")) for d in warned} == lacking
    assert {d.code for d in warned} == {"PM201"}


# -- fix honesty over the corpus -----------------------------------------------------------


def _corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.md"))


@pytest.mark.slow
@pytest.mark.skipif(not _corpus(), reason="../shared/corpus is not present")
def test_fix_never_adds_warnings_nor_changes_text_outside_its_edits(nlp: NLP) -> None:
    """`pm-lint --fix` (safe fixes, adoption mode, every rule) on every real postmortem: the
    warnings never grow, and every line it changes or removes is a line a safe fix edits."""
    import difflib

    from pm_lsp.fixes import fix_text

    config = resolve([Settings()])
    for path in _corpus():
        text = path.read_text(encoding="utf-8")

        def lint_fn(t: str, p: Path = path) -> list[Diagnostic]:
            return lint(t, config, nlp=nlp, path=p).diagnostics

        first = lint_fn(text)
        before = [d for d in first if d.severity >= Severity.WARNING]
        fixed = fix_text(text, lint_fn).text
        after = [d for d in lint_fn(fixed) if d.severity >= Severity.WARNING]
        assert len(after) <= len(before), path.name
        doc = parse(text)
        touched = {
            line
            for d in first
            if d.fix is not None and d.fix.safe
            for e in d.fix.edits
            for line in range(doc.lines.line_of(e.start), doc.lines.line_of(e.end) + 1)
        }
        old, new = text.splitlines(keepends=True), fixed.splitlines(keepends=True)
        for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
            if op in ("replace", "delete"):
                assert set(range(i1, i2)) <= touched, (path.name, old[i1:i2])


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        # "Consequences" names Impact alone, of the event, or for whom it had them
        ("Consequences", "impact"),
        ("Consequences of the pump failure", "impact"),
        ("Consequences of this outage", "impact"),
        ("Consequences for passengers", "impact"),
        # remedial, corrective, preventive action already taken is the Response
        ("Corrective actions taken during the stoppage", "response"),
        ("Preventive measures taken", "response"),
        ("Remedial action taken on the night", "response"),
    ],
)
def test_a_qualified_heading_names_its_part(heading: str, part: str) -> None:
    assert load_template("standard").canonical_section(heading) == part


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        # an option weighed, not what the event cost
        ("Consequences of the failover option", "impact"),
        ("Consequences of reverting the schema", "impact"),
        # done work, not open items
        ("Corrective actions taken during the stoppage", "action-items"),
        ("Remedial measures taken by the depot crew", "action-items"),
        ("Preventative actions taken", "action-items"),
    ],
)
def test_a_qualified_synonym_with_other_words_after_it_names_nothing(
    heading: str, part: str
) -> None:
    template = load_template("standard")
    assert part not in template.concepts_in(heading)
    text = BODY.replace("## Action Items", f"## {heading}")
    if part == "impact":
        text = BODY.replace("## Impact", f"## {heading}")
    assert part in missing(text)


def test_open_corrective_actions_still_name_the_action_items() -> None:
    template = load_template("standard")
    for heading in ("Corrective actions", "Root cause and remedial actions", "Preventive measures"):
        assert "action-items" in template.concepts_in(heading), heading


_LETTER = (
    "{head}{greeting}\n\nOn Tuesday the payroll export ran twice, so 312 staff saw a second "
    "deposit that the bank then reversed; the scheduler had been restored from an old "
    "snapshot that still held the retired trigger.\n\n"
    "## What we are changing\n\n- Remove the retired trigger from the snapshot (@ines, PAY-12)\n"
)


@pytest.mark.parametrize(
    "head",
    ["Subject: Payroll ran twice on Tuesday\n\n", "# Payroll ran twice on Tuesday\n\n", ""],
)
@pytest.mark.parametrize(
    "greeting",
    [
        "Hello everyone,",
        "Dear colleagues,",
        "Team -",
        "Good morning Priya and Tom:",
        "Hi team!",
        "Everyone,",
        "Hey @oncall,",
        "Hello @payroll-team,",
        "Hi @everyone!",
        "Good morning @ines and @tomas:",
    ],
)
def test_a_letters_opening_paragraph_after_its_salutation_is_the_summary(
    head: str, greeting: str
) -> None:
    """A postmortem sent as an email or a letter: header lines and a salutation, then the
    story in prose before any heading. That paragraph is the summary in adoption mode."""
    text = _LETTER.format(head=head, greeting=greeting)
    assert "summary" not in missing(text, None)


@pytest.mark.parametrize(
    "line",
    [
        "Write-up coming soon!",
        "Details pending -",
        "Quick update only!",
        "More to come!",
        "Thanks @payroll-team!",
        "Ping @oncall -",
    ],
)
def test_a_short_line_that_greets_nobody_is_no_salutation(line: str) -> None:
    """Only a greeting or whom it greets is stepped over: a short note that ends like a
    salutation ("Details pending -") opens the document, too short to be its summary, so the
    summary is still missing though a long paragraph follows."""
    text = _LETTER.format(head="# Payroll ran twice on Tuesday\n\n", greeting=line)
    assert missing(text, None).get("summary") == Severity.WARNING


def test_a_short_line_that_is_no_salutation_still_opens_the_document() -> None:
    """Only a salutation is stepped over: a short first paragraph that says something
    ("Payroll ran twice.") is the opening, too short to be a summary; and a salutation
    followed by a short note tells no summary either."""
    text = _LETTER.format(head="# Payroll ran twice\n\n", greeting="Payroll ran twice.")
    assert missing(text, None).get("summary") == Severity.WARNING
    short = "# Payroll ran twice\n\nHi all,\n\nSee below.\n\n## What we are changing\n\n- x\n"
    assert missing(short, None).get("summary") == Severity.WARNING


#: a postmortem with every part but Detection written under its own heading
_NO_DETECTION_HEADING = (
    "# Cold store outage\n\n## Summary\n\nThe cold store warmed to 9 degrees overnight.\n\n"
    "## Impact\n\nAbout 40 pallets of vaccine were held back for testing.\n\n"
    "## Timeline\n\n- 02:10 Compressor 2 stops.\n- 02:55 Compressor 2 restarted by hand.\n\n"
    "## Root Cause\n\nA worn relay opened the compressor's circuit.\n\n"
    "## Response\n\nThe porter restarted the compressor and called the engineer.\n\n"
    "## Action Items\n\n- Replace the relays of both compressors (@ines, FAC-12)\n\n"
    "## Lessons Learned\n\nThe relays had no service interval.\n\n"
    "## Notes\n\n{sentence}\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The temperature alarm reached the porters' lodge four minutes after the stop.",
        "Both freezer alarms sounded at 02:14 and the night porter went to look.",
        "- 02:14 Alarm at the porters' desk.",
        "The fire panel's siren went off in the loading bay.",
    ],
)
def test_an_alarm_tells_how_the_incident_was_found(sentence: str) -> None:
    """An alarm reaching someone is the detection told in passing, as an alert or a page
    is: not suggested as a missing section in adoption mode, info with a template."""
    text = _NO_DETECTION_HEADING.format(sentence=sentence)
    assert "detection" not in missing(text, None)
    assert missing(text, "standard").get("detection") == Severity.INFO


@pytest.mark.parametrize(
    "sentence",
    [
        "The price change caused alarm among long-standing members.",
        "There was no cause for alarm: the backup store held at 4 degrees.",
        "The relay looked fine on the last service visit.",
    ],
)
def test_alarm_as_a_feeling_tells_no_detection(sentence: str) -> None:
    text = _NO_DETECTION_HEADING.format(sentence=sentence)
    assert missing(text, None).get("detection") == Severity.INFO
    assert missing(text, "standard").get("detection") == Severity.WARNING


@pytest.mark.parametrize(
    "tail",
    [
        # a letter's close: a valediction, then the name (and a role) on the next lines
        "Regards,\nMarta Lindqvist",
        "Thanks,\nThe billing team",
        "Kind regards,\nOmar Haddad\nPlatform lead, Finance IT",
        # the valediction ends one paragraph, the signature block is the next
        "Thank you for your patience.\n\nBest wishes,\n\nKwame Mensah\nService desk",
        # a signature block on its own: a given name opens it, a role and a place under it
        "Ingrid Solberg\nHead of Student Systems, Northfield College",
    ],
)
def test_a_letters_signature_gives_the_authors(tail: str) -> None:
    assert "authors" not in missing(_SIGNED.format(tail=tail))


@pytest.mark.parametrize(
    "tail",
    [
        # thanks in a sentence, a valediction with no name under it
        "Thanks to Marta for the quick rollback.",
        "Thanks,\nand see you at the review on Monday.",
        # a closing paragraph that names a product or a label, not a person
        "Grafana Cloud\nStatus dashboards",
        # a sentence about a person, not a signature
        "Marta Lindqvist will check the cron entry next week.",
        # three role lines and more: a list of places, not a signature
        "Ingrid Solberg\nOslo\nBergen\nTromsø",
    ],
)
def test_letter_close_look_alikes_give_no_authors(tail: str) -> None:
    assert "authors" in missing(_SIGNED.format(tail=tail))


@pytest.mark.parametrize(
    "head",
    [
        "**From:** Marta Lindqvist, Service Desk Manager\n**To:** All staff",
        "From: Omar Haddad <omar@example.org>",
        "**From:** @kwame-m",
        "**Sender:** Billing Operations, Finance IT",
    ],
)
def test_an_email_sender_field_gives_the_authors(head: str) -> None:
    assert "authors" not in missing(f"# Billing job stopped\n\n{head}\n\n" + BODY)


@pytest.mark.parametrize(
    "head",
    [
        # a time range or a phrase in a field named "From"
        "**From:** 09:00 to 11:00 UTC",
        "From: the vendor's status page",
        "**From:** March 3 until the fix",
        # prose that opens with "From", no field
        "From the vendor's side, the job looked healthy all night.",
    ],
)
def test_sender_look_alikes_give_no_authors(head: str) -> None:
    assert "authors" in missing(f"# Billing job stopped\n\n{head}\n\n" + BODY)


def test_a_sender_field_further_down_gives_no_authors() -> None:
    """A quoted email in the body ("From: Omar Haddad" under the timeline) names who
    wrote that email, not the postmortem."""
    quoted = "## Customer email\n\n**From:** Omar Haddad, Acme Ltd\n\nThe invoices are late.\n"
    assert "authors" in missing("# Billing job stopped\n\n" + BODY + "\n" * 12 + quoted)


@pytest.mark.parametrize(
    "label", ["Report prepared by", "Report author", "Document authors", "Report written by"]
)
def test_a_fact_table_row_naming_the_reports_writer_is_the_authors(label: str) -> None:
    """A formal report's fact table names its writer as the report's or the document's:
    the Authors field, so PM203 does not ask for it."""
    text = f"# T\n\n| Field | Value |\n|---|---|\n| {label} | Fleet Ops (R. Amadi) |\n"
    assert "authors" not in missing(text)
    # a look-alike: who reported the incident in a report is no writer of the write-up
    other = "# T\n\n| Field | Value |\n|---|---|\n| Report channel | Fleet Ops hotline |\n"
    assert "authors" in missing(other)
