"""Templates: heading synonyms per template, value checks, user templates and their errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pm_lsp.cli.scaffold import scaffold
from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.policy.rulepack import PackError
from pm_lsp.policy.templates import (
    builtin_template_names,
    load_template,
    normalise_heading,
    normalise_value,
)

TEMPLATES = ["atlassian", "google-sre", "pagerduty", "standard"]
_NO_MODEL = NLP()


def test_builtin_templates_and_required_sections() -> None:
    assert builtin_template_names() == TEMPLATES
    required = {t: [s.id for s in load_template(t).sections if s.required] for t in TEMPLATES}
    assert required["standard"] == [
        "summary",
        "impact",
        "timeline",
        "root-cause",
        "contributing-factors",
        "detection",
        "response",
        "action-items",
        "lessons",
    ]
    assert required["google-sre"] == [
        "summary",
        "impact",
        "root-cause",
        "response",
        "detection",
        "action-items",
        "lessons",
        "timeline",
    ]
    assert required["pagerduty"] == [
        "summary",
        "what-happened",
        "root-cause",
        "response",
        "impact",
        "timeline",
        "responders",
        "lessons",
        "action-items",
    ]
    assert required["atlassian"] == [
        "summary",
        "leadup",
        "fault",
        "impact",
        "detection",
        "response",
        "recovery",
        "timeline",
        "five-whys",
        "root-cause",
        "lessons",
        "action-items",
    ]


@pytest.mark.parametrize(
    ("template", "heading", "canonical"),
    [
        # shared vocabulary, every template
        ("standard", "TL;DR", "summary"),
        ("standard", "Executive summary", "summary"),
        ("standard", "Customer-facing impact", "impact"),
        ("standard", "Timeline (all times UTC)", "timeline"),
        ("standard", "Contributing factors and mitigators", "contributing-factors"),
        ("standard", "How was it detected?", "detection"),
        ("standard", "Mitigation and resolution", "response"),
        ("standard", "What we're doing about it", "action-items"),
        ("standard", "Where we got lucky", "lessons"),
        ("standard", "5 Whys", "root-cause"),  # no five-whys section in this template
        ("standard", "Supporting information", "supporting-info"),
        # google-sre: titles as the SRE book writes them
        ("google-sre", "Root Causes and Trigger", "root-cause"),
        ("google-sre", "Resolution", "response"),
        ("google-sre", "Lessons Learned", "lessons"),
        ("google-sre", "Supporting information", "supporting-info"),
        # pagerduty: its own section names
        ("pagerduty", "How'd we do?", "lessons"),
        ("pagerduty", "How’d We Do", "lessons"),  # curly apostrophe
        ("pagerduty", "Incident Responders", "responders"),
        ("pagerduty", "What happened", "what-happened"),  # the template's own id wins
        ("pagerduty", "External Message", "messaging"),
        # atlassian: its fields become sections
        ("atlassian", "Five whys", "five-whys"),
        ("atlassian", "5 Whys", "five-whys"),
        ("atlassian", "Corrective actions", "action-items"),
        ("atlassian", "Leadup", "leadup"),
        ("atlassian", "Fault", "fault"),
        ("atlassian", "Recurrence", "recurrence"),
        # not sections
        ("standard", "Impactful refactors", None),
        ("standard", "Open questions", None),
        ("standard", "Glossary of internal names", "supporting-info"),  # prefix match
        ("standard", "", None),
        ("standard", "🔥🔥", None),
    ],
)
def test_heading_synonyms(template: str, heading: str, canonical: str | None) -> None:
    assert load_template(template).canonical_section(heading) == canonical
    # the document model uses the same mapping
    doc = parse(f"## {heading}\n", load_template(template)) if heading else None
    if doc is not None and doc.sections:
        assert doc.sections[0].canonical == canonical


@pytest.mark.parametrize(
    ("title", "normalised"),
    [
        ("3. Root Cause", "root cause"),
        ("II) Timeline", "timeline"),
        ("Impact (customer-facing)", "impact"),
        ("Detection & Response", "detection and response"),
        ("📋 Action Items", "action items"),
        ("  What   went_well!  ", "what went well"),
        ("How'd We Do?", "how'd we do"),
        ("Follow-ups", "follow ups"),
        ("Lessons [draft]", "lessons"),
    ],
)
def test_normalise_heading(title: str, normalised: str) -> None:
    assert normalise_heading(title) == normalised


@pytest.mark.parametrize(
    ("title", "canonical"),
    [
        ("影響 / Impact", "impact"),
        ("Impact / 影響", "impact"),
        ("タイムライン／Timeline", "timeline"),
        ("Resumen | Summary", "summary"),
        ("Root cause / contributing factors", "root-cause"),
        ("Notas / Notes", None),
        ("Input/Output", None),
    ],
)
def test_heading_in_two_languages(title: str, canonical: str | None) -> None:
    """Either name of a bilingual heading is enough; unrelated halves still match nothing."""
    assert load_template("standard").canonical_section(title) == canonical


@pytest.mark.parametrize(
    ("title", "canonical"),
    [
        # the writer's own words name nothing, the parenthesis names the part
        ("What happens (Timeline)", "timeline"),
        ("How the night went (timeline of events)", "timeline"),
        ("Our best guess (root cause)", "root-cause"),
        ("What we do now (Action items)", "action-items"),
        # the words outside name the part, whatever the parenthesis says
        ("Timeline (UTC)", "timeline"),
        ("Impact (estimated)", "impact"),
        ("Summary (see Timeline)", "summary"),
        # look-alikes: a parenthesis that names no part, or only mentions one
        ("Notes (draft)", None),
        ("Shout-outs (see Timeline)", None),
        ("Further reading (see root cause)", None),
        ("Miscellaneous (internal)", None),
    ],
)
def test_a_part_named_in_parentheses(title: str, canonical: str | None) -> None:
    assert load_template("standard").canonical_section(title) == canonical


@pytest.mark.parametrize(
    ("title", "canonical"),
    [
        # the steps of an 8D report number the parts as outline numbers do
        ("D4 Root cause", "root-cause"),
        ("D4: Root Cause Analysis", "root-cause"),
        ("D5 Corrective actions", "action-items"),
        ("D6. Timeline of the fix", "timeline"),
        # look-alikes: a word that only starts with a D and a digit names nothing
        ("D4 team", None),
        ("DNS outage", None),
        ("D10 Root cause", None),
    ],
)
def test_8d_steps_are_outline_numbers(title: str, canonical: str | None) -> None:
    assert load_template("standard").canonical_section(title) == canonical


def test_field_synonyms_and_values() -> None:
    t = load_template("standard")
    assert [
        t.canonical_field(k)
        for k in ("Written by", "DRI", "Incident date", "sev", "Time to resolution", "Tags")
    ] == ["authors", "authors", "date", "severity", "duration", None]
    # the write-up named as a report or a document: its writer is the author; its date is
    # no incident date, nor is one who reported the incident through a report
    assert [
        t.canonical_field(k)
        for k in ("Report prepared by", "report author", "Document Authors", "Report date")
    ] == ["authors", "authors", "authors", None]
    assert normalise_value("SEV-1") == normalise_value("Sev 1") == normalise_value("sev1")
    assert t.is_valid_status("In review") and t.is_valid_status("Final (signed off)")
    assert not t.is_valid_status("Abandoned")
    # a note may follow the status, a longer word may not
    assert t.is_valid_status("in-review") and t.is_valid_status("DRAFT.")
    assert not t.is_valid_status("Draftish") and not t.is_final("Finalish")
    assert not t.is_valid_status("")
    assert t.is_final("Published") and not t.is_final("Draft")
    # reviewed or signed off is final, in review is not (PM304 asks for tickets from then on)
    assert (
        t.is_final("Reviewed") and t.is_final("Approved (2026-01-09)") and t.is_final("Completed")
    )
    assert not t.is_final("In Review") and not t.is_final("Reviewing")
    assert t.is_valid_severity("sev-0") and not t.is_valid_severity("SEV6")
    g = load_template("google-sre")
    assert g.is_valid_status("Complete, action items in progress")
    assert g.is_final("Complete, action items in progress")
    assert t.title_of("action-items") == "Action Items"
    assert t.title_of("made-up-id") == "Made Up Id"


@pytest.mark.parametrize("name", TEMPLATES)
def test_scaffold_has_every_section_and_is_still_flagged(name: str) -> None:
    """`pm-lint new` and the PM202 fix share the skeletons: the scaffold has every section
    (no PM201), and its placeholders keep PM202/PM203 failing until filled in."""
    template = load_template(name)
    text = scaffold(template, "Disk pressure", severity="SEV3", date="2025-06-01")
    config = resolve([Settings(), validate({"template": name, "select": ["PM2"]}, "t", None)])
    codes = {d.code for d in lint(text, config, nlp=_NO_MODEL).diagnostics}
    assert "PM201" not in codes and "PM204" not in codes
    assert "PM202" in codes
    doc = parse(text, template)
    present = {s.canonical for s in doc.sections}
    assert {s.id for s in template.sections} <= present


# -- user templates ------------------------------------------------------------------------


def _tpl(tmp_path: Path, body: str) -> str:
    path = tmp_path / "t.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_user_template_synonyms_and_values(tmp_path: Path) -> None:
    path = _tpl(
        tmp_path,
        (
            'name = "ours"\n[metadata]\nrequired = ["status"]\nstatus-values = ["Open", "Done"]\n'
            'final-statuses = ["Done"]\nseverity-values = ["P1", "P2"]\n'
            '[[sections]]\nid = "impact"\nsynonyms = ["Who noticed"]\n'
            '[[sections]]\nid = "review"\ntitle = "Review Notes"\nrequired = false\n'
        ),
    )
    t = load_template(path)
    assert t.name == "ours"
    assert t.canonical_section("Who noticed") == "impact"
    assert t.canonical_section("Review notes") == "review"
    assert [s.required for s in t.sections] == [True, False]
    assert t.is_valid_severity("p1") and not t.is_valid_severity("SEV1")
    assert t.is_final("Done")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("sections = 3\n", "'sections' must be an array of tables"),
        ('[[sections]]\ntitle = "No id"\n', "every [[sections]] entry needs an 'id'"),
        ('[[sections]]\nid = "nope"\n', "section 'nope' is not in the vocabulary"),
        ('[metadata]\nrequired = ["mood"]\n', "unknown metadata field(s) ['mood']"),
        ('[metadata]\nstatus-values = "Draft"\n', "'status-values' must be a list of strings"),
        ('[[sections]]\nid = "impact"\nsynonyms = "x"\n', "'synonyms' must be a list of strings"),
        ("name = \n", "not valid TOML"),
    ],
)
def test_user_template_errors_name_the_file(tmp_path: Path, body: str, message: str) -> None:
    path = _tpl(tmp_path, body)
    with pytest.raises(PackError) as info:
        load_template(path)
    assert message in str(info.value)
    assert path in str(info.value)


def test_unknown_template_lists_the_builtins() -> None:
    with pytest.raises(PackError) as info:
        load_template("no-such-template")
    assert str(info.value) == (
        "unknown template 'no-such-template': not a built-in template "
        "(atlassian, google-sre, pagerduty, standard) and not a TOML file"
    )


# -- a template file must hold a template ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[[sections]]\nid = "impact"\nrequired = "no"\n',
            "section 'impact': 'required' must be true or false, not 'no'",
        ),
        ('[[sections]]\nid = "impact"\nlevel = 9\n', "section 'impact': 'level' must be 1-6"),
        ('[[sections]]\nid = "impact"\nlevel = "2"\n', "'level' must be a whole number"),
        ('[[sections]]\nid = "impact"\nlevel = true\n', "'level' must be a whole number"),
        ('[[sections]]\nid = "impact"\nparent = 3\n', "'parent' must be a string"),
        ('[[sections]]\nid = "impact"\nrequird = false\n', "unknown key(s) ['requird']"),
        ("metadata = [1]\n", "'metadata' must be a table"),
        ('[metadata]\nrequired = "date"\n', "'required' must be a list of strings"),
        ('[metadata]\nstatuses = ["x"]\n', "unknown key(s) ['statuses'] in [metadata]"),
        ('name = "only a name"\n', "not a template (no [[sections]] and no [metadata])"),
        ("[blame]\nwords = []\n", "not a template (unknown key(s) 'blame'"),
    ],
)
def test_a_template_file_is_checked_key_by_key(tmp_path: Path, body: str, message: str) -> None:
    path = _tpl(tmp_path, body)
    with pytest.raises(PackError) as info:
        load_template(path)
    assert message in str(info.value)
    assert path in str(info.value)


def test_a_template_name_resolves_only_inside_the_templates_folder() -> None:
    """``../blame`` named the blame rule pack next to the templates folder, which then
    loaded as a template without sections: every document passed."""
    with pytest.raises(PackError, match=re.escape("unknown template '../blame'")):
        load_template("../blame")


def test_a_rule_pack_given_as_a_template_path_is_named_as_such(tmp_path: Path) -> None:
    from pm_lsp.policy.rulepack import rules_dir

    with pytest.raises(PackError, match=re.escape("blame.toml: not a template")):
        load_template(str(rules_dir() / "blame.toml"))


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("../blame", "unknown template '../blame'"),
        ("t.toml", "section 'impact': 'required' must be true or false, not 'no'"),
    ],
)
def test_bad_templates_are_one_message_and_exit_2_through_the_cli(
    tmp_path: Path, template: str, message: str
) -> None:
    import os
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "t.toml").write_text('[[sections]]\nid = "impact"\nrequired = "no"\n')
    (tmp_path / ".pm-lint.toml").write_text(f'template = "{template}"\n')
    (tmp_path / "pm.md").write_text("# Outage\n\nText.\n")
    p = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "pm.md"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert p.returncode == 2
    assert message in p.stderr
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
