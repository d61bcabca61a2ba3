"""Structure rules PM201-PM204 on fixture postmortems, for every built-in template.

Each ``tests/fixtures/structure/<template>-<variant>.md`` has a sidecar ``.json`` listing the
expected diagnostics as ``[code, "line:col-line:col", flagged text, message]`` (1-based,
code-point columns). The ``-clean`` fixtures are hard negatives: synonym headings, a section
whose only content is a sub-section, sections holding only a table, an image or code, metadata
in front matter or in ``Field: value`` lines, value spellings such as ``SEV-2``. The fixes
(section skeletons, metadata placeholders) are applied for real and the result re-linted.

Structure rules need no spaCy model: these tests use an unloaded ``NLP`` on purpose.
"""

from __future__ import annotations

import datetime
import json
import tomllib
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from pm_lsp.engine import lint
from pm_lsp.fixes import apply_edits, fix_text
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Config, Settings, resolve, validate
from pm_lsp.policy.templates import builtin_template_names, load_template
from pm_lsp.rules.spec import Diagnostic

HERE = FIXTURES / "structure"
CASES = sorted(p.stem for p in HERE.glob("*.md"))
TEMPLATES = ["atlassian", "google-sre", "pagerduty", "standard"]
_NLP = NLP()  # never loaded: PM2 rules must not need it


def config_for(template: str, select: tuple[str, ...] = ("PM2",), **extra: Any) -> Config:
    raw = {"template": template, "select": list(select), **extra}
    return resolve([Settings(), validate(raw, "test settings", None)])


def run(
    text: str, template: str = "standard", select: tuple[str, ...] = ("PM2",)
) -> list[Diagnostic]:
    result = lint(text, config_for(template, select), nlp=_NLP)
    assert result.errors == []
    return result.diagnostics


def _span(text: str, start: int, end: int) -> str:
    doc = parse(text)
    (l0, c0), (l1, c1) = doc.lines.position(start), doc.lines.position(end)
    return f"{l0 + 1}:{c0 + 1}-{l1 + 1}:{c1 + 1}"


def diagnostics_of(text: str, template: str) -> list[list[str]]:
    return [
        [d.code, _span(text, d.start, d.end), text[d.start : d.end], d.message]
        for d in run(text, template)
    ]


def _load(name: str) -> tuple[str, str, list[list[str]]]:
    text = (HERE / f"{name}.md").read_text(encoding="utf-8")
    data = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    return text, data["template"], data["diagnostics"]


def test_every_template_has_a_clean_and_a_gaps_fixture() -> None:
    assert builtin_template_names() == TEMPLATES
    assert sorted(f"{t}-{v}" for t in TEMPLATES for v in ("clean", "gaps")) == CASES


@pytest.mark.parametrize("name", CASES)
def test_fixture_diagnostics(name: str) -> None:
    text, template, expected = _load(name)
    assert diagnostics_of(text, template) == expected
    if name.endswith("-clean"):
        assert expected == []


@pytest.mark.parametrize("name", CASES)
def test_crlf_and_bom_give_the_same_findings(name: str) -> None:
    text, template, expected = _load(name)
    crlf = text.replace("\n", "\r\n")
    assert diagnostics_of(crlf, template) == expected
    bom = diagnostics_of("\ufeff" + text, template)
    # the BOM shifts columns on line 1 only
    shifted = []
    for code, span, flagged, message in expected:
        a, b = span.split("-")
        fixed = [f"1:{int(p[2:]) + 1}" if p.startswith("1:") else p for p in (a, b)]
        shifted.append([code, "-".join(fixed), flagged, message])
    assert bom == shifted


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_clean_fixture_is_judged_by_its_own_template(template: str) -> None:
    """The clean fixtures are clean because of their template's sections and values:
    some other template finds something missing or invalid in each of them."""
    text = (HERE / f"{template}-clean.md").read_text(encoding="utf-8")
    others = [t for t in TEMPLATES if t != template]
    assert any(run(text, other) for other in others)


# -- PM201 ---------------------------------------------------------------------------------

GAPS = [c for c in CASES if c.endswith("-gaps")]


def _fixes_of(diags: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diags if d.code == code and d.fix is not None]


def _outside_unchanged(before: str, after: str, start: int, new_text: str) -> None:
    assert after[:start] == before[:start]
    assert after[start + len(new_text) :] == before[start:]


@pytest.mark.parametrize("name", GAPS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_missing_section_fix_inserts_a_recognised_skeleton(name: str, newline: str) -> None:
    text, template, _ = _load(name)
    text = text.replace("\n", newline)
    tmpl = load_template(template)
    for d in _fixes_of(run(text, template), "PM201"):
        assert d.fix is not None and not d.fix.safe and d.data is not None
        (edit,) = d.fix.edits
        assert edit.start == edit.end  # a pure insertion
        fixed = apply_edits(text, [edit])
        _outside_unchanged(text, fixed, edit.start, edit.new_text)
        section_id = d.data["section"]
        doc = parse(fixed, tmpl)
        inserted = [
            s
            for s in doc.sections_named(section_id)
            if s.heading.start >= edit.start and s.title == tmpl.title_of(section_id)
        ]
        assert len(inserted) == 1
        after = run(fixed, template)
        assert not [x for x in after if x.code == "PM201" and x.message == d.message]
        # the skeleton keeps the file's line breaks and blank-line separation
        if newline == "\r\n":
            assert "\n" not in fixed.replace("\r\n", "")
        assert "\n\n\n" not in fixed.replace("\r\n", "\n")


def test_missing_section_goes_before_the_next_section_in_template_order() -> None:
    text = "# T\n\n## Summary\n\nOne line.\n\n## Timeline\n\n- 10:00 start\n"
    (impact,) = [d for d in run(text) if d.code == "PM201" and "'Impact'" in d.message]
    assert impact.fix is not None
    fixed = apply_edits(text, impact.fix.edits)
    assert fixed.index("## Impact") < fixed.index("## Timeline")
    assert fixed.index("## Impact") > fixed.index("One line.")
    assert fixed.startswith("# T\n\n## Summary\n\nOne line.\n\n## Impact\n\nTODO")
    assert fixed.endswith("\n\n## Timeline\n\n- 10:00 start\n")


def test_missing_section_at_the_end_of_a_file_without_final_newline() -> None:
    text = "# T\n\n## Summary\n\nOne line."
    lessons = next(d for d in run(text) if d.code == "PM201" and "Lessons" in d.message)
    assert lessons.fix is not None
    fixed = apply_edits(text, lessons.fix.edits)
    assert fixed.startswith("# T\n\n## Summary\n\nOne line.\n\n## Lessons Learned\n\n")


def test_synonym_headings_satisfy_the_template() -> None:
    text = (
        "# T\n\n## Issue Summary\n\nx\n\n## User Impact\n\nx\n\n## Key Events\n\nx\n\n"
        "## Causes\n\nx\n\n## Discovery\n\nx\n\n## Remediation\n\nx\n\n"
        "## Next Steps\n\nx\n\n## Key Takeaways\n\nx\n"
    )
    assert [d for d in run(text) if d.code == "PM201"] == []


def test_numbered_and_decorated_headings_are_matched() -> None:
    text = (
        "# T\n\n## 1. Summary\n\nx\n\n## 2) Impact (customer-facing)\n\nx\n\n"
        "## III. Timeline — all times UTC\n\nx\n\n## 📋 Root Cause Analysis\n\nx\n\n"
        "## Detection & Response\n\nx\n\n## ACTION ITEMS\n\nx\n\n"
        "## Lessons learned and next steps\n\nx\n"
    )
    missing = [d.message for d in run(text) if d.code == "PM201"]
    assert missing == [], missing


def test_a_word_that_merely_contains_a_synonym_is_not_a_section() -> None:
    """ "Impactful refactors" does not satisfy Impact, nor "Timelessness" Timeline (a
    plural does: "Timelines" is the timeline)."""
    text = (
        "# T\n\n## Summary\n\nx\n\n## Impactful refactors\n\nx\n\n## Timelessness\n\nx\n\n"
        "## Root Cause\n\nx\n\n## Detection\n\nx\n\n## Response\n\nx\n\n"
        "## Action Items\n\nx\n\n## Lessons Learned\n\nx\n"
    )
    missing = {d.data["section"] for d in run(text) if d.code == "PM201" and d.data}
    assert missing == {"impact", "timeline"}


def test_missing_subsection_under_its_parent() -> None:
    """A user template can require a sub-section; it is inserted at the end of its parent."""
    tpl = HERE.parent / "config" / "subsection-template.toml"
    text = "# T\n\n## Root Cause\n\nThe cron job ran twice.\n\n## Impact\n\nNone.\n"
    config = config_for(str(tpl))
    diags = lint(text, config, nlp=_NLP).diagnostics
    (d,) = [x for x in diags if x.code == "PM201"]
    assert d.message == (
        "Missing subsection 'Why did the check not run' under 'Root Cause' "
        "(required by the 'subsection-template' template)"
    )
    assert text[d.start : d.end] == "Root Cause"
    assert d.fix is not None
    fixed = apply_edits(text, d.fix.edits)
    assert fixed == (
        "# T\n\n## Root Cause\n\nThe cron job ran twice.\n\n"
        "### Why did the check not run\n\nTODO: the check's own story.\n\n"
        "## Impact\n\nNone.\n"
    )
    assert [x for x in lint(fixed, config, nlp=_NLP).diagnostics if x.code == "PM201"] == []


def test_empty_document_reports_at_the_first_line() -> None:
    diags = run("")
    assert {d.code for d in diags} == {"PM201", "PM203"}
    assert all((d.start, d.end) == (0, 0) for d in diags)
    fixed = fix_text("", lambda t: run(t), unsafe=True).text
    assert [d for d in run(fixed) if d.code == "PM201" or "Missing" in d.message] == []


# -- PM202 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("", "is empty"),
        ("<!-- to be written after the review -->\n", "is empty"),
        ("TODO\n", "holds only placeholder text"),
        ("TBD: ask the database team\n", "holds only placeholder text"),
        ("- TODO\n- TBD\n", "holds only placeholder text"),
        ("Describe the customer impact here.\n", "holds only placeholder text"),
        ("_What did the responders do?_\n", "holds only placeholder text"),
        ("Lorem ipsum dolor sit amet.\n", "holds only placeholder text"),
        ("todo:\n", "holds only placeholder text"),
        ("### Sub-heading with nothing under it\n", "is empty"),
    ],
)
def test_empty_section_true_positives(body: str, flagged: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    diags = [d for d in run(text) if d.code == "PM202"]
    assert diags and text[diags[0].start : diags[0].end] == "Detection"
    assert flagged in diags[0].message


@pytest.mark.parametrize(
    ("body", "word", "before"),
    [
        # partly written: a placeholder left anywhere in the section is reported at the word
        ("- TODO\n- The queue-depth alert fired at 10:01.\n", "TODO", "- "),
        ("| Time | Event |\n|---|---|\n| TODO | Detected |\n", "TODO", "| "),
        ("- Paged: TBD\n", "TBD", "- Paged: "),
        ("The rollback ended at 10:40; the count of failed logins is TBD.\n", "TBD", "is "),
        ("We drained the broker at 10:05. Why the second spike came: TODO\n", "TODO", "came: "),
        ("The pager fired on time, and the runbook link is FIXME for now.\n", "FIXME", "is "),
        # apostrophes are no quotation marks: the TBD between them is the author's own
        ("We didn't page the DBA; cause TBD, it's still open.\n", "TBD", "cause "),
        # a quoted TBD, then the author's own: the second is reported
        ('The vendor wrote "fix date TBD"; our own rollout date: TBD.\n', "TBD", "date: "),
        # a quote block that is only a note to fill in is the author's placeholder
        ("The alert paged at 10:01.\n\n> TODO: add the queue graph\n", "TODO", "> "),
        ("The alert paged at 10:01.\n\n> TBD\n", "TBD", "> "),
        # emoji and CJK before the word: the range is in code points
        ("🚨 検知 10:01, 担当者は TBD です。\n", "TBD", "担当者は "),
    ],
)
def test_a_placeholder_left_is_reported_at_the_word(body: str, word: str, before: str) -> None:
    for nl in ("\n", "\r\n"):
        text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
        text = text.replace("\n", nl)
        (d,) = [x for x in run(text) if x.code == "PM202"]
        assert text[d.start : d.end] == word, nl
        assert text[: d.start].endswith(before.replace("\n", nl))
        assert d.message == f"Section 'Detection' still holds placeholder text ('{word}')"
        assert d.severity.name == "WARNING"


@pytest.mark.parametrize(
    "body",
    [
        # a placeholder inside a quotation of someone else's note or message is a mention
        'The storage handoff said "queue limits TBD" and the limits were never set.\n',
        "The vendor\u2019s reply read \u201cpatch date TBD\u201d, so we pinned the old build.\n",
        "For two hours our status page said 'ETA TBD' under the banner.\n",
        "The import left the owner field as \u00abTODO\u00bb on every migrated ticket.\n",
        "チャットには「原因 TBD」とだけ書かれていた。\n",
        "The shift note, as found:\n\n> Capacity figures TBD, will post tomorrow. \u2014 @ravi\n",
        "Someone answered in the channel:\n\n> TBD on the failover window, checking with the DBA\n",
        "Quoted from the change ticket:\n\n> Rollback plan: FIXME before Friday\n",
    ],
)
def test_a_quoted_placeholder_is_no_placeholder_left(body: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    assert [d for d in run(text) if d.code == "PM202"] == []


@pytest.mark.parametrize(
    "body",
    [
        "The queue-depth alert paged the on-call engineer.\n",
        "Todo-list sync was the first service to alert.\n",  # a product name, not a TODO
        "TODO-42 in the tracker holds the alert definition.\n",
        "```\nalert: queue_depth > 1000\n```\n",
        "    indented alert definition\n",
        "![alert graph](alert.png)\n",
        "| Signal | Fired |\n|---|---|\n| queue depth | 10:01 |\n",
        "### By monitoring\n\nThe queue-depth alert.\n",
        "The to-do list and the todo app were both paging.\n",  # lower case: not a marker
        "> A customer wrote in at 10:03.\n",
    ],
)
def test_empty_section_hard_negatives(body: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    assert [d for d in run(text) if d.code == "PM202"] == []


_REMEDIATION = (
    "# T\n\n## Detection\n\nThe disk alert paged at 10:01.\n\n## Remediation\n\n"
    "| Action | Owner | Due |\n|---|---|---|\n"
    "| Alert at 80% disk on every log host | @ines | 2025-09-01 |\n"
    "| Rotate the audit logs hourly | TBD | TBD |\n"
)


@pytest.mark.parametrize(
    "body",
    [
        _REMEDIATION,
        # a follow-up list under a response heading, one item's owner not chosen yet
        "# T\n\n## Detection\n\nThe disk alert paged at 10:01.\n\n## Resolution\n\n"
        "We freed 40 GB by hand.\n\n**Follow-ups:**\n\n"
        "- Alert at 80% disk on every log host (owner: @ines, due 2025-09-01)\n"
        "- Rotate the audit logs hourly (owner: TBD)\n",
    ],
)
def test_a_placeholder_in_an_action_item_is_no_placeholder_section(body: str) -> None:
    """One action item's TBD owner is that item's missing field (PM302 reports it on the
    item); the section of real rows around it is not a placeholder section."""
    diags = run(body)
    assert [d for d in diags if d.code == "PM202"] == []


def test_a_placeholder_beside_action_items_is_still_reported() -> None:
    text = _REMEDIATION.replace("## Remediation\n\n", "## Remediation\n\nRestore time: TBD\n\n")
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert text[d.start : d.end] == "TBD" and "'Remediation'" in d.message
    assert text[: d.end].endswith("Restore time: TBD")


def test_title_heading_is_never_an_empty_section() -> None:
    text = "# Title only\n## Detection\n\nAlert.\n"
    assert [d for d in run(text) if d.code == "PM202"] == []


def test_empty_section_fix_inserts_the_skeleton_after_the_heading() -> None:
    text = "# T\r\n\r\n## Impact\r\n\r\n## Detection\r\n\r\nAlert.\r\n"
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert d.message == "Section 'Impact' is empty" and d.fix is not None
    (edit,) = d.fix.edits
    fixed = apply_edits(text, d.fix.edits)
    _outside_unchanged(text, fixed, edit.start, edit.new_text)
    assert fixed.startswith("# T\r\n\r\n## Impact\r\n\r\nTODO: N of M")
    assert "\n" not in fixed.replace("\r\n", "")
    after = [x.message for x in run(fixed) if x.code == "PM202"]
    # the skeleton is itself a placeholder: still flagged, but no longer "empty"
    assert after == ["Section 'Impact' holds only placeholder text"]


def test_empty_section_without_a_template_section_has_no_fix() -> None:
    text = "# T\n\n## Glossary of internal names\n\n## Detection\n\nAlert.\n"
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert text[d.start : d.end] == "Glossary of internal names"
    assert d.fix is None


# -- PM203 ---------------------------------------------------------------------------------


def test_missing_metadata_fix_follows_the_existing_lines() -> None:
    text = "# T\n\n**Date**: 2025-01-02\n**Status**: Draft\n\n## Summary\n\nx\n"
    diags = [d for d in run(text) if d.code == "PM203"]
    assert [d.message for d in diags] == [
        "Missing metadata: Authors",
        "Missing metadata: Severity",
        "Missing metadata: Duration",
    ]
    assert all(text[d.start : d.end] == "T" for d in diags)
    first = diags[0]
    assert first.fix is not None
    fixed = apply_edits(text, first.fix.edits)
    assert fixed == (
        "# T\n\n**Date**: 2025-01-02\n**Status**: Draft\n**Authors**: TODO\n\n## Summary\n\nx\n"
    )
    messages = [d.message for d in run(fixed) if d.code == "PM203"]
    assert "Missing metadata: Authors" not in messages
    assert "Metadata 'Authors' is not filled in" in messages


def test_missing_metadata_fix_goes_into_front_matter() -> None:
    text = "---\ntitle: Cache outage\ndate: 2025-01-02\n---\n\n## Summary\n\nx\n"
    fixed = fix_text(text, lambda t: [d for d in run(t) if d.code == "PM203"], unsafe=True).text
    assert fixed.startswith("---\ntitle: Cache outage\ndate: 2025-01-02\n")
    assert fixed.endswith("---\n\n## Summary\n\nx\n")
    front = fixed.split("---\n")[1]
    data = yaml.safe_load(front)
    assert data == {
        "title": "Cache outage",
        "date": datetime.date(2025, 1, 2),
        "authors": "TODO",
        "status": "TODO",
        "severity": "TODO",
        "duration": "TODO",
    }
    messages = [d.message for d in run(fixed) if d.code in ("PM203", "PM204")]
    assert not [m for m in messages if m.startswith("Missing")]
    assert sorted(messages) == sorted(
        f"Metadata '{f}' is not filled in" for f in ("Authors", "Status", "Severity", "Duration")
    )


def test_missing_metadata_fix_goes_into_toml_front_matter() -> None:
    text = '+++\ntitle = "Cache \\"L2\\" outage"\ndate = 2025-01-02\n+++\n\n## Summary\n\nx\n'
    fixed = fix_text(text, lambda t: [d for d in run(t) if d.code == "PM203"], unsafe=True).text
    assert fixed.endswith("+++\n\n## Summary\n\nx\n")
    data = tomllib.loads(fixed.split("+++\n")[1])
    assert data == {
        "title": 'Cache "L2" outage',
        "date": datetime.date(2025, 1, 2),
        "authors": "TODO",
        "status": "TODO",
        "severity": "TODO",
        "duration": "TODO",
    }
    assert not [d for d in run(fixed) if d.code == "PM203" and d.message.startswith("Missing")]


def test_missing_metadata_fix_with_crlf_front_matter() -> None:
    text = "---\r\ndate: 2025-01-02\r\n---\r\n# T\r\n"
    (d, *_) = [x for x in run(text) if x.code == "PM203"]
    assert d.fix is not None
    fixed = apply_edits(text, d.fix.edits)
    assert fixed == "---\r\ndate: 2025-01-02\r\nauthors: TODO\r\n---\r\n# T\r\n"


def test_missing_metadata_without_title_goes_to_the_top() -> None:
    text = "Some words.\n"
    (d, *_) = [x for x in run(text) if x.code == "PM203"]
    assert d.fix is not None
    assert apply_edits(text, d.fix.edits) == "**Date**: TODO\n\nSome words.\n"


def test_metadata_field_synonyms_count() -> None:
    text = (
        "# T\n\n**Incident date**: 2025-01-02\n**Written by**: Ana\n**State**: Final\n"
        "**Sev**: SEV1\n**Time to resolve**: 3h\n"
    )
    assert [d for d in run(text) if d.code == "PM203"] == []


# -- PM204 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "valid"),
    [
        ("**Severity**: SEV-2", True),
        ("**Severity**: Sev 2", True),
        ("**Severity**: sev2 (major)", True),
        ("**Severity**: P2", False),
        ("**Severity**: high", False),
        # a numbered level, its name and a label optional, as a severity matrix writes it
        ("**Severity**: Severity 2 (Major)", True),
        ("**Severity**: Level 3 - Medium", True),
        ("**Severity**: Severity 4", True),
        ("**Severity**: S2", True),
        ("**Severity**: Sev. 1 / Critical", True),
        ("**Severity**: Severity 2 (whenever)", False),
        ("**Severity**: Severity 8 (Major)", False),
        ("**Severity**: Priority 2", False),
        # the label must agree with the level (a step apart, as matrices differ, is fine)
        ("**Severity**: Severity 4 (Critical)", False),
        ("**Severity**: Level 1 - Minor", False),
        ("**Severity**: SEV1 (low)", False),
        ("**Severity**: S2 / Low", False),
        ("**Severity**: Severity 1 (High)", True),
        ("**Severity**: Sev 3 - Minor", True),
        ("**Severity**: Level 2 (Critical)", True),
        ("**Severity**: SEV2 Major", True),
        ("**Severity**: SEV2 major impact on checkout", True),
        ("**Severity**: Sev 1 Low", False),
        # a remark in brackets on the level's scope is a note, not a label
        ("**Severity**: Sev 1 (two depots affected)", True),
        ("**Severity**: SEV-3 (billing only, no data lost)", True),
        ("**Severity**: Category 2 (loss of telemetry, no loss of supply)", False),
        ("**Severity**: Sev 9 (two depots affected)", False),
        ("**Severity**: Banana (two depots affected)", False),
        # the scheme a level is graded on, named after it, is neither label nor level
        ("**Severity**: Severity 2 under the group's outage classification (two sites)", True),
        ("**Severity**: Sev 3, per our severity matrix", True),
        ("**Severity**: S1 on the internal incident scale", True),
        ("**Severity**: Level 2 according to the operations framework", True),
        ("**Severity**: Severity level 3", True),
        ("**Severity**: Severity level 7", False),
        ("**Severity**: Severity 7 under the group's outage classification", False),
        ("**Severity**: Pending under the group's outage classification", False),
        ("**Severity**: Severity 3 under review", False),
        ("**Severity**: Severity 2 (whenever) per our matrix", False),
        ("**Severity**: per our severity matrix", False),
        ("**Status**: Final (approved 2025-03-01)", True),
        ("**Status**: in review", True),
        ("**Status**: Draftish", False),  # a note may follow a status, not more letters
        ("**Status**: Draft - awaiting review", True),
        ("**Status**: Shipped", False),
        ("**Date**: 2025-03-14", True),
        ("**Date**: 14 March 2025", True),
        ("**Date**: March 14th, 2025", True),
        ("**Date**: 2025/3/4", True),
        ("**Date**: 2025-02-30", False),
        ("**Date**: last Tuesday", False),
        ("**Duration**: 47 minutes", True),
        ("**Duration**: 1h 30m", True),
        ("**Duration**: 01:47", True),
        ("**Duration**: most of the afternoon", False),
        ("**Authors**: anything goes for people", True),
    ],
)
def test_invalid_metadata_values(line: str, valid: bool) -> None:
    text = f"# T\n\n{line}\n"
    diags = [d for d in run(text) if d.code == "PM204"]
    if valid:
        assert diags == []
    else:
        (d,) = diags
        value = line.split(": ", 1)[1]
        assert text[d.start : d.end] == value


def test_invalid_front_matter_points_at_its_start() -> None:
    text = "---\nstatus: [Draft\n---\n# T\n"
    (d,) = [x for x in run(text) if x.code == "PM204"]
    assert (d.start, d.end) == (0, 3)
    assert "front matter cannot be read" in d.message and "YAML" in d.message


def test_placeholder_values_are_pm203_not_pm204() -> None:
    text = "# T\n\n**Date**: TBD\n**Status**: TODO: after review\n**Severity**: ?\n"
    codes = [(d.code, text[d.start : d.end]) for d in run(text) if d.code in ("PM203", "PM204")]
    assert ("PM204", "TBD") not in codes
    assert {("PM203", "TBD"), ("PM203", "TODO: after review"), ("PM203", "?")} <= set(codes)


def test_severity_values_follow_the_template() -> None:
    text = "# T\n\n**Severity**: SEV5\n"
    assert [d.code for d in run(text, "standard") if d.code == "PM204"] == []
    assert [d.code for d in run(text, "atlassian") if d.code == "PM204"] == ["PM204"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_fix_to_fixed_point_completes_a_bare_document(template: str) -> None:
    """Every missing section and field is inserted, however many share an insertion point."""
    fm = "---\ntitle: Only front matter\n"
    for start, kept in (("", ""), ("# Only a title\n", "# Only a title\n"), (fm + "---\n", fm)):
        result = fix_text(start, lambda t, tp=template: run(t, tp), unsafe=True)
        left = [
            d.message
            for d in run(result.text, template)
            if d.code in ("PM201", "PM203") and d.message.startswith("Missing")
        ]
        assert left == [], (start, left)
        assert result.text.startswith(kept)


def test_inserted_skeleton_stays_flagged_until_filled_in() -> None:
    """The skeleton PM202's fix inserts (a timeline table of TODO rows) is itself reported."""
    text = "# T\n\n## Timeline\n\n## Response\n\nRestarted at 10:02.\n"
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert d.fix is not None and "is empty" in d.message
    fixed = apply_edits(text, d.fix.edits)
    assert "| TODO |" in fixed
    (again,) = [x for x in run(fixed) if x.code == "PM202"]
    assert fixed[again.start : again.end] == "TODO"
    assert "'Timeline' still holds placeholder text ('TODO')" in again.message


def test_untitled_heading_is_not_an_empty_section() -> None:
    """'## ' is what the editor sees while a heading is being typed."""
    text = "# T\n\n## Detection\n\nAlert.\n\n## \n"
    assert [d for d in run(text) if d.code == "PM202"] == []


def test_memoised_cue_answers_equal_the_cues() -> None:
    """:meth:`Words.told` answers one part at a time per text, whatever order the parts are
    asked in, exactly as :meth:`Words.tells` does; :func:`is_filler` answers from its memo
    what it computed."""
    from pm_lsp.policy.rulepack import builtin_pack
    from pm_lsp.rules.structure.concepts import _is_filler, is_filler, load_words

    words = load_words(builtin_pack())  # a fresh object: empty memo tables
    texts = [
        "The deploy script removed the wrong directory, which caused the outage.",
        "We noticed late because the alert was muted.",
        "Customers could not check out for forty minutes.",
        "TODO",
        "",
        "Describe the impact.",
    ]
    cids = list(words.cues)
    for order in (cids, cids[::-1]):
        for cid in order:
            for t in texts:
                assert words.told(cid, t) == words.tells(cid, t)
    for t in texts * 2:
        assert is_filler(t, words) == _is_filler(t, words)


@pytest.mark.parametrize(
    ("status", "final"), [("Reviewed", True), ("Approved", True), ("In Review", False)]
)
def test_a_reviewed_or_approved_postmortem_is_final(status: str, final: bool) -> None:
    """Reviewed and Approved are accepted statuses and final ones (open items then need a
    ticket, PM304); In Review is neither final nor reported."""
    text = (
        f"# T\n\n**Status**: {status}\n\n## Action Items\n\n"
        "- Alert on the replica lag above 30 s (owner: @vera, due 2026-05-01, P2)\n"
    )
    codes = [d.code for d in run(text, select=("PM204", "PM304")) if d.code in ("PM204", "PM304")]
    assert codes == (["PM304"] if final else [])


@pytest.mark.parametrize(
    ("line", "label", "named", "level"),
    [
        ("**Severity**: Sev 4 (Critical)", "Critical", 1, 4),
        ("**Severity**: S1 - minor", "minor", 3, 1),
        ("**Severity**: Level 1 / Low", "Low", 4, 1),
        ("**Severity**: SEV4 Critical", "Critical", 1, 4),
    ],
)
def test_a_label_that_contradicts_its_level_says_so(
    line: str, label: str, named: int, level: int
) -> None:
    """The level is on the scale, so the message says the label contradicts it, not that
    the value is outside the list."""
    (d,) = [d for d in run(f"# T\n\n{line}\n") if d.code == "PM204"]
    assert f"'{label}' contradicts the level" in d.message
    assert f"names level {named}, not {level}" in d.message
    assert "not one of" not in d.message


def test_a_level_off_the_scale_is_still_not_one_of_the_list() -> None:
    (d,) = [d for d in run("# T\n\n**Severity**: Sev 9 (Minor)\n") if d.code == "PM204"]
    assert "is not one of" in d.message


# -- misc34 class 2: a summary titled in everyday words is the Summary part -----------------
_REST = (
    "## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root Cause\n\nx\n\n## Detection\n\nx\n\n"
    "## Response\n\nx\n\n## Action Items\n\nx\n\n## Lessons Learned\n\nx\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "In short",
        "In brief",
        "At a glance",
        "At-a-glance (for the trustees)",
        "The short version",
        "In a nutshell",
        "The gist",
        "In brief: what happened",
    ],
)
def test_an_everyday_summary_title_is_the_summary(heading: str) -> None:
    text = f"# Kiosk outage\n\n## {heading}\n\nThe kiosks froze for an hour.\n\n{_REST}"
    missing = {d.data["section"] for d in run(text) if d.code == "PM201" and d.data}
    assert "summary" not in missing, heading


@pytest.mark.parametrize(
    "heading",
    [
        "In short supply: spare fans",
        "Toner in short supply",
        "In brief, the fans were fine",
        "Rack temperatures at a glance",
        "The gist of the alert rule",
    ],
)
def test_a_heading_that_only_holds_a_summary_phrase_is_no_summary(heading: str) -> None:
    text = f"# Kiosk outage\n\n## {heading}\n\nThe kiosks froze for an hour.\n\n{_REST}"
    missing = {d.data["section"] for d in run(text) if d.code == "PM201" and d.data}
    assert "summary" in missing, heading
