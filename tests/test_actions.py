"""Action items: extraction (tables in any column order, lists with inline fields) and rules
PM301-PM306, with the real spaCy pipeline and real Markdown parsing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, LintFn

from pm_lsp.fixes import apply_edits
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.actions import specs
from pm_lsp.rules.actions.items import ActionGroup, action_groups, action_items
from pm_lsp.rules.spec import Diagnostic, Severity

HERE = FIXTURES / "actions"
STANDARD = load_template("standard")


def _lines(path: Path) -> list[str]:
    return [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


def _vague() -> list[tuple[str, str]]:
    out = []
    for ln in _lines(HERE / "vague.txt"):
        code, text = ln.split("\t")
        out.append((code, text))
    return out


def _item_doc(text: str) -> str:
    return f"# Title\n\n## Action Items\n\n- {text}\n"


def _covered(d: Diagnostic, text: str, piece: str) -> bool:
    i = text.index(piece)
    return d.start < i + len(piece) and i < d.end


def _codes(diags: list[Diagnostic], *prefixes: str) -> list[str]:
    return [d.code for d in diags if d.code.startswith(prefixes)]


# -- PM301 / PM306 on single items ------------------------------------------------------------


@pytest.mark.parametrize(("code", "item"), _vague(), ids=[t for _, t in _vague()])
def test_vague_and_people_fixing_items(lint_text: LintFn, code: str, item: str) -> None:
    text = _item_doc(item)
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    assert sorted(d.code for d in diags) == code.split("+")  # "PM301+PM306": both
    for d in diags:
        assert text[d.start : d.end] in item  # the finding covers the item's own text


@pytest.mark.parametrize("item", _lines(HERE / "specific.txt"))
def test_specific_items_stay_clean(lint_text: LintFn, item: str) -> None:
    diags = lint_text(_item_doc(item), select=["PM301", "PM306"]).diagnostics
    assert diags == []


@pytest.mark.parametrize(
    "item",
    [
        "The exporter needs to communicate better with the queue broker",
        "The sidecar must coordinate more closely with the mesh control plane",
        "Clients should engage more retries when the gateway returns 503",
        "Document how the two teams communicate during a failover, due 2026-05-01",
        "The dashboard must listen more often to the metrics stream",
        "Add a shared change calendar so Network and Support coordinate better",
    ],
)
def test_a_thing_working_better_is_no_behaviour_of_people(lint_text: LintFn, item: str) -> None:
    """A modal, a verb of working together and "better"/"more" ask people to behave
    differently only with people as the subject and no object after "more"."""
    assert lint_text(_item_doc(item), select=["PM306"]).diagnostics == []


def test_every_lexicon_entry_has_a_fixture_sentence() -> None:
    """Each word the judges look for is exercised by a sentence written for the tests."""
    pack = builtin_pack()
    sentences = " \n".join(t.lower() for _, t in _vague())
    keys = [
        "vague-verbs",
        "vague-phrases",
        "weak-verbs",
        "weak-phrases",
        "vague-modifiers",
        "quality-modifiers",
        "people-verbs",
        "people-phrases",
        "abstract-objects",
        "vague-expressions",
        "vague-openers",
        "state-verbs",
        "vague-nouns",
        "hedges",
        "value-hedges",
        "people-nominals",
        "people-formats",
        "prevention-verbs",
        "role-verbs",
        "repair-verbs",
        "wish-nouns",
        "behaviour-verbs",
        "behaviour-pronouns",
        "identifying-comparatives",  # act33
    ]
    missing = []
    for key in keys:
        for word in pack.words("actions", key):
            w = re.escape(word.lower())
            if not re.search(rf"(?<![\w-]){w}", sentences):
                missing.append(f"{key}: {word}")
    assert missing == []


def test_severity_is_info_for_arguable_kinds(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Action Items\n\n- Improve monitoring\n- Metrics and alerts for the export "
        "job\n- We should add validation\n"
    )
    diags = lint_text(text, select=["PM301"]).diagnostics
    sev = {text[d.start : d.end]: d.severity for d in diags}
    assert sev["Improve monitoring"] == Severity.WARNING
    assert sev["Metrics and alerts for the export job"] == Severity.INFO
    assert sev["We should add validation"] == Severity.INFO


def test_scope_lessons_labels_and_improvement_subsections(lint_text: LintFn) -> None:
    path = HERE / "labelled.md"
    text = path.read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    got = {(d.code, text[d.start : d.end]) for d in diags}
    assert got == {
        ("PM301", "Look into the runner autoscaler"),
        ("PM306", "Remind engineers to check runner capacity before a release"),
        ("PM301", "Set up some monitoring for runner disk usage"),
        ("PM301", "We need to be better at reading the autoscaler logs."),
        ("PM306", "Be more careful when resizing runner disks."),
        ("PM306", "More training will be given to the release team in the future."),
    }
    # hard negatives in the same file: observations in Lessons, narrative in Resolution
    for clean in (
        "Deploying many runner changes at once",
        "Alerting fired within two minutes",
        "The restart took 12 minutes",
        "The runners were restarted",
    ):
        assert not any(_covered(d, text, clean) for d in diags), clean


def test_hard_negatives_outside_action_sections(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Summary\n\nWe should improve monitoring, said the review.\n\n"
        "## Timeline\n\n- 14:02 Look into the gateway logs\n"
    )
    assert lint_text(text, select=["PM301", "PM306"]).diagnostics == []


# -- extraction --------------------------------------------------------------------------------


def _doc(name: str) -> tuple[str, object]:
    from pm_lsp.parse.markdown import parse

    text = (HERE / name).read_text(encoding="utf-8")
    return text, parse(text, STANDARD)


def test_table_extraction_any_column_order_extra_columns_and_gaps() -> None:
    from pm_lsp.parse.markdown import parse

    text = (HERE / "table-gaps.md").read_text(encoding="utf-8")
    doc = parse(text, STANDARD)
    groups = action_groups(doc, builtin_pack())
    assert len(groups) == 1
    g = groups[0]
    assert g.columns == {"ticket": 0, "priority": 1, "action": 2, "due": 3, "owner": 4}
    items = g.items
    assert [text[i.start : i.end][:20] for i in items] == [
        "Add a synthetic logi",
        "Remove the legacy SA",
        "Alert when token ref",
        "Rotate the client se",
    ]
    first = items[0]
    assert (first.owner and first.owner.value, first.due and first.due.value) == (
        "@noor",
        "2025-02-14",
    )
    assert first.has("ticket") and first.has("priority")
    second = items[1]
    assert second.priority is not None and second.priority.missing  # "TBD"
    assert second.due is not None and second.due.missing  # "ASAP"
    assert second.owner is not None and second.owner.missing and second.owner.value == ""
    third = items[2]
    assert third.ticket is not None and third.ticket.missing  # "?"
    assert third.owner is not None and third.owner.missing  # "-"
    short = items[3]  # a row with fewer cells than the header
    assert short.owner is not None and short.owner.missing and short.owner.value == ""
    # computed once per document and pack, for the rules and the language server alike
    assert action_items(doc, builtin_pack()) == items
    assert action_groups(doc, builtin_pack()) is groups


def test_tables_that_record_events_are_not_action_tables(lint_text: LintFn) -> None:
    """ "| When | What |" reads as Due and Action by its header, but a table in a Timeline
    section, or one whose time column holds clock times, records what happened: it has no
    owners or priorities to ask for. Tables with a Due date column (and a clock time in
    the action's own words) are still action tables, under any heading."""
    text = (HERE / "table-records.md").read_text(encoding="utf-8")
    doc = parse(text, STANDARD)
    groups = action_groups(doc, builtin_pack())
    assert [[text[i.start : i.end][:24] for i in g.items] for g in groups] == [
        ["Move the nightly resize ", "Investigate the eviction"],
        ["Add a load test of four ", "Cap client retries at 3 "],
    ]
    assert [i.due.value for g in groups for i in g.items if i.due is not None] == [
        "2026-03-20",
        "Q2 2026",
        "2026-04-10",
        "end of Q2",
    ]
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM305", "PM306"]).diagnostics
    timeline_end = text.index("## Resolution")
    assert [(d.code, text[d.start : d.end]) for d in diags if d.start < timeline_end] == []
    assert ("PM301", "Investigate the eviction policy") in {
        (d.code, text[d.start : d.end]) for d in diags
    }
    # an action section inside a timeline keeps its table
    nested = (
        "# T\n\n## Timeline\n\n- 08:02 Cache resized.\n\n### Action items\n\n"
        "| What | When |\n|---|---|\n| Open a support case with the vendor | 2026-03-05 |\n"
    )
    items = action_items(parse(nested, STANDARD), builtin_pack())
    assert [nested[i.start : i.end] for i in items] == ["Open a support case with the vendor"]


def test_action_groups_follow_the_pack_on_one_parsed_document(tmp_path: Path) -> None:
    """A second rule pack on the same parsed document gets its own action items (the
    language server's hover with the default pack next to a lint with a team's pack).
    The answer was cached on the document under a key without the pack, so the second
    pack read the first one's groups."""
    from pm_lsp.parse.markdown import parse

    text = (
        "# Queue outage\n\n## Homework\n\n"
        "- Add a lag alert (owner: @dana, due: 2025-07-01)\n"
        "- Document the failover runbook\n"
    )
    (tmp_path / "team.toml").write_text('[actions]\nheading-cues = ["homework"]\n')
    team = builtin_pack().with_packs([tmp_path / "team.toml"])
    doc = parse(text, STANDARD)

    def shape(groups: tuple[ActionGroup, ...]) -> list[tuple[int, int, str]]:
        return [(it.start, it.end, it.text) for g in groups for it in g.items]

    assert action_groups(doc, builtin_pack()) == ()  # "Homework" is no action heading
    with_team = action_groups(doc, team)
    assert shape(with_team) == shape(action_groups(parse(text, STANDARD), team))
    assert [text[a:e] for a, e, _t in shape(with_team)] == [
        "Add a lag alert (owner: @dana, due: 2025-07-01)",
        "Document the failover runbook",
    ]
    assert action_items(doc, team) == with_team[0].items
    assert action_items(doc, builtin_pack()) == ()


def test_list_extraction_inline_fields_checkboxes_and_nesting() -> None:
    from pm_lsp.parse.markdown import parse

    text = (HERE / "list-items.md").read_text(encoding="utf-8")
    doc = parse(text, STANDARD)
    items = action_items(doc, builtin_pack())
    by_text = {text[i.start : i.end][:24]: i for i in items}
    cap = by_text["Cap invoice renderer ret"]
    assert cap.checkbox is False
    assert {k: f.value for k, f in cap.fields.items()} == {
        "owner": "@imani",
        "priority": "P1",
        "due": "2025-03-10",
        "ticket": "BILL-77",
    }
    roll = by_text["Roll the renderer back t"]
    assert roll.checkbox is True and roll.done
    alert = by_text["Add an alert when the em"]
    assert alert.owner is not None and alert.owner.missing and alert.owner.value == "@TBD"
    assert alert.due is not None and alert.due.missing
    assert alert.has("priority")
    split = by_text["Split invoice rendering "]
    assert split.owner is not None and split.owner.value == "@petra"
    assert split.ticket is not None and split.ticket.value == "BILL-80"
    nested = by_text["Benchmark the renderer w"]
    assert nested.depth == 1 and split.depth == 0
    assert all(i.section is not None for i in items)


def test_narrative_paragraphs_are_not_action_items() -> None:
    from pm_lsp.parse.markdown import parse

    text = (
        "# T\n\n## Action Items\n\nWe reviewed the follow-ups in the weekly meeting.\n\n"
        "- Add a page when the queue is older than 15 minutes (@lena, P2, due 2025-04-01)\n"
    )
    doc = parse(text, STANDARD)
    items = action_items(doc, builtin_pack())
    assert [text[i.start : i.end][:10] for i in items] == ["Add a page"]


@pytest.mark.parametrize("title", ["Queue backlog", "Improvements rollout stalled"])
def test_a_title_that_names_follow_up_words_does_not_make_every_list_an_action(
    title: str,
) -> None:
    """The document's title names the incident; only sections and labels name parts."""
    from pm_lsp.parse.markdown import parse

    text = (
        f"# {title}\n\n## Contributing Factors\n\n- The worker count was copied from an old"
        " template.\n- Nobody owned the alert thresholds.\n\n## Action Items\n\n"
        "- Page when the queue holds 10,000 messages (@lena, due 2025-04-01)\n"
    )
    doc = parse(text, STANDARD)
    items = action_items(doc, builtin_pack())
    assert [text[i.start : i.end][:7] for i in items] == ["Page wh"]


# -- PM302-PM305 -------------------------------------------------------------------------------


def _find(diags: list[Diagnostic], code: str, message_start: str) -> list[Diagnostic]:
    return [d for d in diags if d.code == code and d.message.startswith(message_start)]


def test_table_gaps_findings(lint_text: LintFn) -> None:
    text = (HERE / "table-gaps.md").read_text(encoding="utf-8")
    only = ["PM302", "PM303", "PM304", "PM305"]
    diags = lint_text(text, select=only, template="standard").diagnostics
    got = sorted((d.code, text[d.start : d.end][:30], d.message[:30]) for d in diags)
    assert got == sorted(
        [
            ("PM302", "Remove the legacy SAML fallbac", "Action item has no owner"),
            ("PM305", "TBD", "Action item priority is not fi"),
            ("PM303", "ASAP", "Action item due date is not fi"),
            ("PM304", "?", "Action item ticket is not fill"),
            ("PM302", "-", "Action item owner is not fille"),
            ("PM302", "Rotate the client secret share", "Action item has no owner"),
            ("PM303", "Rotate the client secret share", "Action item has no due date"),
        ]
    )


RACI = """# T

## Corrective actions (RACI)

| ID | Action | Responsible | Accountable | Consulted | Due | Priority |
|----|--------|-------------|-------------|-----------|-----|----------|
| C1 | Add a 90% disk alert on the ledger hosts | Tomas Ek | Head of IT | DBAs | 2026-03-01 | P1 |
| C2 | Cap the import batch at 50,000 rows | | Head of Data | | 2026-03-08 | P2 |
| C3 | Rotate the export credentials | TBD | CISO | | 2026-03-08 | P2 |
| C4 | Pin the driver version in the lockfile | | | Platform | 2026-03-08 | P2 |

## Follow-ups

| Action | A | Due |
|---|---|---|
| Add a retry budget to the sms sender | Lena Park | 2026-04-01 |
"""


def test_raci_accountable_is_the_owner_when_responsible_is_empty(lint_text: LintFn) -> None:
    """A RACI row with no Responsible names its owner in the Accountable column; a table
    with an Accountable ("A") column and no Owner column reads it as the Owner column. A
    placeholder in Responsible ("TBD") stays one, and a row with neither is no owner."""
    doc = parse(RACI, STANDARD)
    owners = {
        RACI[it.start : it.end][:12]: (it.owner.value if it.owner else None, it.has("owner"))
        for it in action_items(doc, builtin_pack())
    }
    assert owners == {
        "Add a 90% di": ("Tomas Ek", True),
        "Cap the impo": ("Head of Data", True),
        "Rotate the e": ("TBD", False),
        "Pin the driv": ("", False),
        "Add a retry ": ("Lena Park", True),
    }
    diags = lint_text(RACI, select=["PM302"], template="standard").diagnostics
    assert sorted((d.message[:30], RACI[d.start : d.end][:12]) for d in diags) == [
        ("Action item has no owner", "Pin the driv"),
        ("Action item owner is not fille", "TBD"),
    ]


def test_eight_d_corrective_actions_reported_implemented_are_no_open_items(
    lint_text: LintFn,
) -> None:
    """An 8D report chooses corrective actions in D5 and reports them implemented in D6: an
    item whose id a sentence reports done ("CA-1 was implemented …") is work done, while
    "will be implemented", "has been partially deployed" and "was not implemented" leave
    theirs open. The owner summary counts D5 and D7 items, so it stands on the report's
    title, which covers both (not on D5's heading, where it would read as D5's count), never
    on an item's own range, where the item's "no owner" stands."""
    text = (HERE / "eight-d.md").read_text(encoding="utf-8")
    doc = parse(text, STANDARD)
    reported = {
        text[it.start : it.end][:4]: it.reported for it in action_items(doc, builtin_pack())
    }
    assert reported == {
        "CA-1": True,
        "CA-2": False,
        "CA-3": False,
        "CA-4": False,
        "Add ": False,
        "Requ": False,
    }
    diags = lint_text(text, select=["PM302"]).diagnostics
    summary = [d for d in diags if d.severity == Severity.WARNING]
    assert [d.message[:37] for d in summary] == ["Action items without an owner: 4 of 5"]
    title = "8D Report QA-0419: Label printers print blank labels after driver 7.2"
    assert text[summary[0].start : summary[0].end] == title
    # the heading of a section holding every counted item keeps the summary
    one = text.split("## D7")[0].replace("to 3.4.", "to 3.4 (owner: M. Ito).")
    diags = lint_text(one, select=["PM302"]).diagnostics
    summary = [d for d in diags if d.severity == Severity.WARNING]
    assert [one[d.start : d.end] for d in summary] == ["D5 – Permanent Corrective Actions"]


def _done_words() -> list[str]:
    fields = builtin_pack().get("actions", "fields", {})
    return [str(w) for w in fields.get("done-words", [])] if isinstance(fields, dict) else []


@pytest.mark.parametrize("word", _done_words())
def test_every_done_word_reports_an_item_done_by_its_id(word: str) -> None:
    text = (
        "# T\n\n## Corrective actions\n\n- FX-7: Pin the kernel of the storage nodes to 6.1\n"
        "- FX-8: Add a boot check for the kernel version\n\n## Follow-up\n\n"
        f"FX-7 was {word} on 2026-03-02. FX-8 will be {word} after the freeze.\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [(text[it.start : it.start + 4], it.reported) for it in items] == [
        ("FX-7", True),
        ("FX-8", False),
    ]


def test_adoption_mode_says_missing_owners_once(lint_text: LintFn) -> None:
    """No template configured: one PM302 warning counts the items without an owner (an
    empty cell, a placeholder, a missing cell), and each item's own finding (with its
    fix) is information; with a template chosen, each item is a warning."""
    text = (HERE / "table-gaps.md").read_text(encoding="utf-8")
    owners = lint_text(text, select=["PM302"]).diagnostics
    warned = [d for d in owners if d.severity == Severity.WARNING]
    assert len(warned) == 1 and warned[0].message.startswith("Action items without an owner")
    data = warned[0].data or {}
    assert data["count"] == 3 and data["total"] > data["count"]
    # the finding only: why it is the one warning is the rule's --explain text
    assert warned[0].message == f"Action items without an owner: 3 of {data['total']}"
    assert "adoption mode" in (specs.missing_owner.severity_note or "")
    per_item = [d for d in owners if d is not warned[0]]
    assert len(per_item) == 3 and all(d.severity == Severity.INFO for d in per_item)
    chosen = lint_text(text, select=["PM302"], template="standard").diagnostics
    assert [d.severity for d in chosen] == [Severity.WARNING] * 3


def test_missing_columns_reported_once_per_table(lint_text: LintFn) -> None:
    text = (HERE / "table-no-columns.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM302", "PM303", "PM304", "PM305"]).diagnostics
    assert sorted(d.code for d in diags) == ["PM302", "PM303", "PM304", "PM305"]
    assert {text[d.start : d.end] for d in diags} == {"| Action | Notes |"}
    assert all(d.fix is not None and not d.fix.safe for d in diags)


def test_list_findings_and_done_items(lint_text: LintFn) -> None:
    text = (HERE / "list-items.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM302", "PM303", "PM304", "PM305"]).diagnostics
    got = sorted((d.code, text[d.start : d.end][:20]) for d in diags)
    assert got == sorted(
        [
            ("PM302", "@TBD"),  # "Owner: @TBD" is a placeholder
            ("PM303", "TBD"),  # so is "Due: TBD"
            ("PM303", "Split invoice render"),
            ("PM305", "Move the mail provid"),
        ]
    )
    # the checked item has no due date or priority, and is done: not reported;
    # the nested sub-point is not an action item of its own; Status is Draft: no PM304.


@pytest.mark.parametrize(
    ("detail", "value"),
    [
        ("— @ines — due TBD — P2", "TBD"),
        ("(@ines, due tbc, P2)", "tbc"),
        ("— @ines — due ASAP", "ASAP"),
        ("(@ines, P2, deadline unknown)", "unknown"),
        ("— @ines — Due: TBD — P2", "TBD"),
    ],
)
def test_a_due_placeholder_in_a_list_item_is_told_as_in_a_table(
    lint_text: LintFn, detail: str, value: str
) -> None:
    """ "due TBD" written among a list item's details is a due date not filled in, with
    the table cell's message, not "no due date"."""
    text = f"# T\n\n## Action items\n\n- [ ] Add a row-count check to the ledger export {detail}\n"
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert [(d.message, text[d.start : d.end]) for d in diags] == [
        (f"Action item due date is not filled in ('{value}')", value)
    ]


@pytest.mark.parametrize(
    "item",
    [
        "Page the on-call when an invoice is due unpaid for 3 days (@ines, P2, due 2026-05-04)",
        "Fail the build if the target none of the hosts answer on is unset (@ines, due 2026-05-04)",
        "Show the ETA unknown banner in the status page — @ines — due 2026-05-04 — P2",
    ],
)
def test_due_words_in_the_wording_are_no_placeholder_due(lint_text: LintFn, item: str) -> None:
    text = f"# T\n\n## Action items\n\n- [ ] {item}\n"
    assert lint_text(text, select=["PM303"]).diagnostics == []


def test_list_with_no_field_anywhere_is_one_finding_per_field(lint_text: LintFn) -> None:
    text = (HERE / "list-all-missing.md").read_text(encoding="utf-8")
    diags = lint_text(text, select=["PM302", "PM303", "PM304", "PM305"]).diagnostics
    assert sorted(d.code for d in diags) == ["PM302", "PM303", "PM304", "PM305"]
    assert all(d.message.startswith("None of the 2 action items") for d in diags)


def test_ticket_only_required_when_final_unless_configured(lint_text: LintFn) -> None:
    draft = (
        (HERE / "list-all-missing.md")
        .read_text(encoding="utf-8")
        .replace("**Status**: Final", "**Status**: Draft")
    )
    assert _codes(lint_text(draft, select=["PM304"]).diagnostics, "PM304") == []
    always = lint_text(draft, select=["PM304"], rules={"PM304": {"when": "always"}})
    assert _codes(always.diagnostics, "PM304") == ["PM304"]


@pytest.mark.parametrize(
    "name",
    ["table-gaps.md", "table-no-columns.md", "list-items.md", "list-all-missing.md", "labelled.md"],
)
def test_each_fix_applies_cleanly_and_removes_its_diagnostic(lint_text: LintFn, name: str) -> None:
    text = (HERE / name).read_text(encoding="utf-8")
    codes = ["PM302", "PM303", "PM304", "PM305"]
    diags = lint_text(text, select=codes).diagnostics
    fixable = [d for d in diags if d.fix is not None]
    assert fixable
    for d in fixable:
        assert d.fix is not None and not d.fix.safe  # placeholders are unsafe (issue 11)
        new = apply_edits(text, list(d.fix.edits))
        # outside its edits the text is unchanged
        pos = 0
        for e in sorted(d.fix.edits, key=lambda e: e.start):
            assert e.start >= pos
            pos = e.end
        again = lint_text(new, select=codes).diagnostics
        assert not any(
            a.code == d.code
            and a.message == d.message
            and new[a.start : a.end] == text[d.start : d.end]
            for a in again
        ), d
        # the placeholder it inserted is reported as not filled in, never as finished
        if d.code != "PM304" or "Ticket" in d.fix.title:
            assert any(a.code == d.code and "not filled in" in a.message for a in again)


def test_examples(lint_text: LintFn) -> None:
    good = (ROOT / "examples" / "good-postmortem.md").read_text(encoding="utf-8")
    assert lint_text(good, select=["PM3"]).diagnostics == []
    bad = (ROOT / "examples" / "bad-postmortem.md").read_text(encoding="utf-8")
    codes = {d.code for d in lint_text(bad, select=["PM3"]).diagnostics}
    assert {"PM301", "PM302", "PM303", "PM305", "PM306"} <= codes


def test_selection_parses_only_what_a_judgment_could_flag(lint_text: LintFn, nlp: NLP) -> None:
    """A chain of causes ("because …") is no list of work items though "because" starts like
    "be", and the nested details of an item ("Tokens in the CI runners") are read only when
    they read as proposals: neither is parsed. Their look-alikes are: a nested proposal and
    a list of verbs outside the action items are judged."""
    text = (HERE / "selection.md").read_text(encoding="utf-8")
    skipped = ("because the", "Tokens in the", "Session keys")
    nlp.clear()  # an earlier test may have left these sentences in the parse cache
    before = nlp.parsed_texts
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    assert nlp.parsed_texts - before == 5  # the top item, the nested proposal, three verbs
    flagged = sorted(text[d.start : d.end] for d in diags)
    assert flagged == [
        "Consider better alerting on expiry",
        "Improve the dashboards somehow",
        "Review the queue limits",
    ]
    assert not any(text.index(s) <= d.start < text.index(s) + 30 for s in skipped for d in diags)


def test_commitment_prefilter_reads_whole_words_or_their_inflections() -> None:
    """The prose prefilter's commitment words match as words, whole or inflected, not as
    the start of another word: a worm, an expectation and a workaround commit to nothing."""
    from pm_lsp.rules.actions.lexicon import lexicon

    lex = lexicon(builtin_pack())
    for text in (
        "The worm spread through the build hosts.",
        "There was no expectation of a second release.",
        "The workaround held overnight.",
    ):
        assert not lex.may_commit(text), text
    for text in (
        "The team needed a second reviewer for each release.",
        "Retries won't stop a bad deploy.",
        "Ideally the pager rotates weekly.",
        "The operators are planning a failover drill.",
    ):
        assert lex.may_commit(text), text


def test_work_reported_done_is_no_open_item(lint_text: LintFn) -> None:
    """A list of what was done, in the past tense ("Revoked the leaked key at 09:40"), asks
    for no owner, due date, ticket or priority; instructions in the same place do ("Set up
    paging": a past form that is also the base form; "Embed …": a base form in -ed)."""
    done = (
        "# T\n\n**Status**: Complete\n\n## Remediation\n\n"
        "- Revoked the leaked key at 09:40 CET.\n- Rotated every customer-facing key.\n"
        "- Rebuilt the signing service from a clean image.\n"
    )
    assert lint_text(done, select=["PM302", "PM303", "PM304", "PM305"]).diagnostics == []
    doc = done.replace("- Rebuilt the signing service from a clean image.\n", "")
    for todo in ("Set up paging for the key vault", "Embed the rotation runbook in the alert"):
        text = doc + f"- {todo}\n"
        codes = {d.code for d in lint_text(text, select=["PM302", "PM304"]).diagnostics}
        assert codes == {"PM302", "PM304"}, todo
    items = action_items(parse(done, load_template("standard")), builtin_pack())
    assert all(it.reported and it.done for it in items) and len(items) == 3


def test_a_verb_with_a_hyphenated_prefix_reports_work_done() -> None:
    """ "Re-ran …", "Re-enabled …", "De-duplicated …" open with a past form behind a
    prefix: work done, like "Rebuilt …". "Re-set …" is a base form, an instruction."""
    text = (
        "# T\n\n## Remediation\n\n- Re-ran the settlement job for the three missing days.\n"
        "- Re-enabled the nightly export at 09:40.\n- De-duplicated the ledger rows.\n"
        "- Re-deploy the gateway with the fixed config.\n- Re-set the rate limiter to 200 rps.\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [it.reported for it in items] == [True, True, True, False, False]


def test_a_tracked_row_is_a_commitment_however_it_is_phrased(lint_text: LintFn) -> None:
    """ "We should …" in a row with its owner and ticket is a commitment someone has taken
    on; the same row with nothing filled in is still a wish. A list item's product link
    ("a tool like [Vault](…) can help") tracks nothing."""
    row = "| We should have a nightly job that replays the relay logs | {owner} | {ticket} |\n"
    head = "# T\n\n## Action Items\n\n| Action | Owner | Ticket |\n|---|---|---|\n"
    tracked = head + row.format(owner="@ana", ticket="[#61](https://example.org/issues/61)")
    assert lint_text(tracked, select=["PM301"]).diagnostics == []
    bare = head + row.format(owner="", ticket="")
    assert [d.code for d in lint_text(bare, select=["PM301"]).diagnostics] == ["PM301"]
    linked = (
        "# T\n\n## Action Items\n\n- We should add secret scanning. A tool like"
        " [Vault](https://example.org/vault) can help with this.\n"
    )
    assert [d.code for d in lint_text(linked, select=["PM301"]).diagnostics] == ["PM301"]


def test_inline_enumeration_in_a_follow_up_paragraph_is_a_list_of_items(
    lint_text: LintFn,
) -> None:
    """ "1) … 2) … 3) …" inside a paragraph of a follow-up section: each item is an action
    item of its own, checked and credited as a list item is, and reported on its own span;
    the text around the run stays prose. Enumerations outside a follow-up section, a lone
    "1)" and a "(2)" that refers to a step elsewhere are no items."""
    text = (HERE / "inline-enumeration.md").read_text(encoding="utf-8")
    doc = parse(text, STANDARD)
    items = action_items(doc, builtin_pack())
    assert [text[i.start : i.end].split()[:3] for i in items] == [
        ["Mateo", "will", "add"],
        ["we", "will", "improve"],
        ["everyone", "on", "the"],
        ["Ana", "will", "move"],
    ]
    assert text[items[-1].start : items[-1].end].endswith("(OPS-415).")
    assert text[items[1].start : items[1].end].endswith("dashboards")
    assert {k: f.value for k, f in items[0].fields.items()} == {
        "owner": "Mateo",
        "due": "20 March",
        "ticket": "OPS-412",
    }
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM306"]).diagnostics
    got = sorted((d.code, text[d.start : d.end].split()[0]) for d in diags)
    assert got == [
        ("PM301", "we"),
        ("PM302", "Next"),  # the summary, on the heading: 2 of 4 have no owner
        ("PM302", "everyone"),
        ("PM302", "we"),
        ("PM303", "everyone"),
        ("PM303", "we"),
        ("PM306", "everyone"),
    ]
    for d in diags:
        assert d.end - d.start < 120  # the item, not the paragraph


@pytest.mark.parametrize(
    ("heading", "follow_up"),
    [
        ("What We Are Doing Next", True),
        ("What we're doing next", True),
        ("What we will do next", True),
        ("What happens next", True),
        ("Next up", True),
        ("What happened next", False),  # the story, told on
        ("What happens now", False),
        ("What we did next", False),
    ],
)
def test_forward_looking_headings_hold_action_items(heading: str, follow_up: bool) -> None:
    """A customer-facing "What We Are Doing Next" holds the follow-up work: its list is
    checked by PM302-PM305 as under "Action Items" (PM301 read it already)."""
    text = (
        f"# Export stall\n\n## Summary\n\nThe export stalled for an hour.\n\n## {heading}\n\n"
        "- Add a lag alert on the export queue at 10 minutes\n"
        "- Move the export to the read replica\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert len(items) == (2 if follow_up else 0)


def test_tracker_exports_and_recommendation_tables_are_action_tables(lint_text: LintFn) -> None:
    """A tracker's export in an action section names its work in the "Issue" column
    ("#812 Cap the import batch …"): the title after the reference is the action, the
    reference its ticket, the Milestone its due date and a ``priority::N`` label its
    priority. A "Recommendation" column with an owner or a date beside it is an action
    column. Look-alikes stay out: a bug list outside the action sections, a column of bare
    ticket numbers, a metrics table headed "Improvement", a finding-to-recommendation table
    with no owner or date."""
    text = (HERE / "table-trackers.md").read_text(encoding="utf-8")
    doc = parse(text, STANDARD)
    groups = action_groups(doc, builtin_pack())
    assert [[text[i.start : i.end][:22] for i in g.items] for g in groups] == [
        [
            "Cap the import batch a",
            "Improve the retry logi",
            "Write a runbook for re",
            "Alert when the import ",
        ],
        [
            "Require a dry run of e",
            "Explore ways to make i",
            "Remind engineers to re",
        ],
    ]
    tracker = groups[0].items
    assert [(i.ticket and i.ticket.value) for i in tracker] == ["#812", "#813", "#814", "OPS-77"]
    assert [(i.priority and i.priority.value) for i in tracker] == ["1", "2", "", "P2"]
    assert [(i.due and i.due.value) for i in tracker] == ["2026-04-03", "", "2026-05-01", "2026-Q2"]
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM304", "PM305", "PM306"])
    found = {(d.code, text[d.start : d.end][:22]) for d in diags.diagnostics}
    assert {
        ("PM301", "Improve the retry logi"),
        ("PM303", "Improve the retry logi"),
        ("PM305", "Write a runbook for re"),
        ("PM301", "Explore ways to make i"),
        ("PM306", "Remind engineers to re"),
        ("PM304", "| No. | Recommendation"),
    } <= found
    board = text.index("## Recommendations")
    assert not any(d.code == "PM304" and d.start < board for d in diags.diagnostics)
    follow_up = text.index("## Follow-up work")
    before = [(d.code, text[d.start : d.end]) for d in diags.diagnostics if d.start < follow_up]
    # only the owner count over both action sections, on the document's title
    assert before == [("PM302", "Import queue stalled after the schema change")]


def test_open_questions_under_action_items_are_no_items(lint_text: LintFn) -> None:
    """A section of open questions nested under the action items holds questions, not
    work: none of PM301-PM305 reads them, while the items beside them are still judged."""
    text = (
        "# Pager storm\n\n## Action items\n\n"
        "- Add a dedup window of 5 minutes to the pager bridge (owner: @ana, due 2026-04-01,"
        " OPS-4, P2)\n- Do we need a second bridge?\n\n### Open questions\n\n"
        "- Should bridge chatter get its own room so support can ignore it?\n"
        "- Should the bridge drop duplicate alerts or only delay them?\n"
    )
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM304", "PM305"]).diagnostics
    flagged = {text[d.start : d.end] for d in diags}
    assert flagged == {"Do we need a second bridge?"}
    assert not any(text.index("### Open") < d.start for d in diags)


def _numbered() -> str:
    return (HERE / "numbered-paragraphs.md").read_text(encoding="utf-8")


def test_numbered_paragraphs_in_an_action_section_are_action_items() -> None:
    """Action items written as numbered paragraphs ("7.2. The team SHOULD …. Owner: TBD.")
    are items, from after the number to the paragraph's end (so the fields after the
    action are theirs); numbered paragraphs in a Root cause section, a paragraph opening
    with a decimal quantity ("2.5 million rows", "3.5 TB of …", "1.8 GB of …", "4.5 K …":
    a unit in capitals is no sentence start) and the lead-in paragraph are not. A number
    without its closing dot ("8.1 The export job …", "8.2 A retention limit …") opens an
    item before a word written as a sentence starts. The whole item text is compared:
    7.2 and 7.3 open alike."""
    text = _numbered()
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [text[i.start : i.end] for i in items] == [
        "The loader team SHALL add a schema check to the nightly loader. Owner: Data"
        " Platform. Due: 2026-05-01. Priority: P1. Ticket: DATA-101.",
        "The team SHOULD add a freshness alert for the feature store. Owner: TBD. Priority: P2.",
        "The team SHOULD enhance data validation. Owner: ML Platform. Priority: P2.",
        "On-call engineers MUST be reminded to read the drift board. Due: ASAP.",
        "The exporter MUST reject rows without a key 🔑. Owner: Data Platform. Due:"
        " 2026-05-15. Priority: P2. Ticket: DATA-104.",
        "The export job MUST stop at 500 GB per run. Owner: Data Platform. Due: 2026-06-10."
        " Priority: P2. Ticket: DATA-120.",
        "A retention limit of 30 days MUST be set on the audit bucket. Owner: Storage. Due:"
        " 2026-06-12. Priority: P3. Ticket: DATA-121.",
        "Add a dedup window of 5 minutes to the loader alerts. Owner: @li. Due: 2026-06-01."
        " Priority: P3. Ticket: DATA-110.",
        "Split the loader job into one job per table. Owner: @li. Priority: P3. Ticket: DATA-111.",
    ]
    first = items[0]
    assert {k: f.value for k, f in first.fields.items()} == {
        "owner": "Data Platform",
        "due": "2026-05-01",
        "priority": "P1",
        "ticket": "DATA-101",
    }
    assert items[1].owner is not None and items[1].owner.missing


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_numbered_paragraphs_are_judged_by_every_action_rule(
    lint_text: LintFn, newline: str
) -> None:
    """PM301/PM306 and PM302-PM305 agree on what an action item is: the numbered
    paragraphs judged vague or people-fixing are the ones checked for their fields, and a
    tracked one ("The exporter MUST reject … Owner: … Ticket: …") is a commitment. Each
    finding is told by its line and its whole text (7.2 and 7.3 open alike); the
    quantities under "8. Remediation" ("3.5 TB of …") are no items, so no field is
    missing on them and the counts are of 9 items."""
    text = _numbered().replace("\n", newline)
    codes = ["PM301", "PM302", "PM303", "PM304", "PM305", "PM306"]
    diags = lint_text(text, select=codes).diagnostics
    got = sorted((d.code, text.count("\n", 0, d.start) + 1, text[d.start : d.end]) for d in diags)
    i72 = "The team SHOULD add a freshness alert for the feature store. Owner: TBD. Priority: P2."
    i73 = "The team SHOULD enhance data validation. Owner: ML Platform. Priority: P2."
    i74 = "On-call engineers MUST be reminded to read the drift board. Due: ASAP."
    assert got == [
        ("PM301", 21, "The team SHOULD enhance data validation."),
        ("PM302", 1, "Postmortem: Feature store drift"),  # the owner count, on the title
        ("PM302", 19, "TBD"),
        ("PM302", 23, i74),
        ("PM303", 19, i72),
        ("PM303", 21, i73),
        ("PM303", 23, "ASAP"),
        (
            "PM303",
            43,
            "Split the loader job into one job per table. Owner: @li. Priority: P3."
            " Ticket: DATA-111.",
        ),
        ("PM304", 19, i72),
        ("PM304", 21, i73),
        ("PM304", 23, i74),
        ("PM305", 23, i74),
        ("PM306", 23, "On-call engineers MUST be reminded to read the drift board."),
    ]
    # items under three headings: the count on the first says it covers all three
    assert any(
        d.message.endswith("without an owner: 2 of 9, across 3 sections")
        for d in diags
        if d.code == "PM302"
    )


#: a report's numbered paragraphs under a remediation heading: what was done, then one
#: recommendation that the table below carries, then the table's lead-in
REPORT_PARAGRAPHS = """# Review: Duplicate invoices

Status: Final

## 9. Remediation and credits

9.1 Duplicate invoices were voided for every affected tenant within two days.

9.2 By 3 March, 1,204 of 1,210 credit notes had been issued. The last six are going out by post.

9.3 The company should reject any invoice run whose batch number was already posted.

9.4 The company has agreed the following actions with its auditor:

| Action | Owner | Due | Priority | Ticket |
|---|---|---|---|---|
| Reject an invoice run whose batch number was already posted | Billing | 2026-04-01 | P1 | BIL-7 |
| Improve the reconciliation | | | | |
"""


def test_numbered_report_paragraphs_that_state_facts_are_no_action_items() -> None:
    """A report numbers all its paragraphs: under a remediation heading, "9.1 … were
    voided", "9.2 … had been issued" and the lead-in "9.4 … has agreed the following
    actions:" state facts, and one recommendation ("9.3 … should reject …") among them
    makes no list of items; the table's rows are the items. Numbered proposals (a modal,
    an imperative, an item's fields: the fixture) stay items."""
    items = action_items(parse(REPORT_PARAGRAPHS, STANDARD), builtin_pack())
    assert [REPORT_PARAGRAPHS[i.start : i.end] for i in items] == [
        "Reject an invoice run whose batch number was already posted",
        "Improve the reconciliation",
    ]
    proposals = REPORT_PARAGRAPHS.replace(
        "9.1 Duplicate invoices were voided", "9.1 Billing will void duplicate invoices"
    )
    items = action_items(parse(proposals, STANDARD), builtin_pack())
    assert [proposals[i.start : i.end][:20] for i in items][:2] == [
        "Billing will void du",
        "The company should r",
    ]


def test_one_title_gets_one_owner_count(lint_text: LintFn) -> None:
    """A list with no owner and a table with one missing under one heading: one PM302 on
    the heading ("3 of 4"), never beside it a second PM302 on the same heading with
    another count ("None of the 2 …"); the table has an owner under that heading, so the
    list's items are reported one by one, each with its own fix."""
    text = (
        "# Postmortem: Queue backlog\n\nStatus: Final\n\n## Follow-up actions\n\n"
        "- Add a queue depth alert at 5,000 messages.\n"
        "- Add a consumer lag panel to the queue dashboard.\n\n"
        "| Action | Owner | Due | Priority | Ticket |\n|---|---|---|---|---|\n"
        "| Raise the consumer pool to 12 workers | Payments SRE | 2026-12-01 | P1 | PAY-12 |\n"
        "| Drop messages older than 24 hours | | 2026-12-05 | P2 | PAY-13 |\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    on_heading = [d for d in diags if text[d.start : d.end] == "Follow-up actions"]
    assert len(on_heading) == 1
    assert on_heading[0].message.startswith("Action items without an owner: 3 of 4")
    rest = [d for d in diags if d is not on_heading[0]]
    assert [text[d.start : d.end] for d in rest] == [
        "Add a queue depth alert at 5,000 messages.",
        "Add a consumer lag panel to the queue dashboard.",
        "Drop messages older than 24 hours",
    ]
    assert all(d.fix is not None for d in rest[:2])


@pytest.mark.parametrize("template", [None, "standard"])
def test_one_title_gets_one_count_per_field(lint_text: LintFn, template: str | None) -> None:
    """A list and a run of numbered proposals under one heading are two groups; where no
    item of either has a due date or a priority, the heading gets one finding per field
    with the count of both ("None of the 5 …", never "None of the 2 …" beside "None of
    the 3 …"), and its fix fills all five items."""
    text = (
        "# Postmortem: Queue backlog\n\nStatus: Final\n\n## 7. Follow-up actions\n\n"
        "- Add a queue depth alert at 5,000 messages.\n"
        "- Add a consumer lag panel to the queue dashboard.\n\n"
        "7.1 The platform team will split the consumer pool per tenant.\n\n"
        "7.2 The platform team will move the dead-letter queue to its own cluster.\n\n"
        "7.3 The platform team will add a replay tool for the dead-letter queue.\n"
    )
    settings = {"template": template} if template else {}
    diags = lint_text(text, select=["PM303", "PM305"], **settings).diagnostics
    assert sorted((d.code, d.message, text[d.start : d.end]) for d in diags) == [
        ("PM303", "None of the 5 action items has a due date", "7. Follow-up actions"),
        ("PM305", "None of the 5 action items has a priority", "7. Follow-up actions"),
    ]
    assert all(d.fix is not None and len(d.fix.edits) == 5 for d in diags)


#: list items told as paragraphs, some reporting their own work done in a later sentence
DONE_IN_PROSE = """# Review: Canary rollout

## What we're changing

- Every deploy now waits ten minutes for the canary. Priya shipped this on Monday; it's live.
- Deploys only run between 09:00 and 16:00 on weekdays. This is written into our release checklist.
- The importer now rejects files over 2 GB. Already merged.
- Schema changes run against a copy of production first. We deployed it last week.
- The status page will check real logins every minute. It will be live next week.
- The retry budget drops to three attempts. This is not yet deployed.
- Extend the size check already deployed in staging to production.
- It's live: add a banner to the status page while a region is degraded.
"""


@pytest.mark.parametrize(
    ("tail", "done"),
    [
        (" (shipped last week)", True),
        (" — already merged", True),
        (" (fixed yesterday)", True),
        (" - deployed since Friday", True),
        (" (merged as of 4.2)", True),
        (" (shipped next week)", False),
        (" — merged into the sync job", False),
        (", already merged", True),
        (", already merged into the sync job", False),
        (", merged", True),
        (", which merged", False),
    ],
)
def test_a_done_tail_may_say_when(tail: str, done: bool) -> None:
    """A done label at an item's end after a dash or bracket may carry "already" before
    it and when after it ("(shipped last week)", "— already merged", "(fixed
    yesterday)"); a plan ("shipped next week") or what the label goes on to name ("merged
    into the sync job") is no mark. After a comma the label (or "already" and a word of
    work delivered) must end the item but for the day ("…, already merged")."""
    text = f"# Relay outage\n\n## Action items\n\n- Add a size check to the importer{tail}\n"
    (item,) = action_items(parse(text, STANDARD), builtin_pack())
    assert item.done is done


def test_an_item_that_reports_its_own_work_done_is_not_open() -> None:
    """A paragraph-long item whose later sentence reports its work done ("Priya shipped
    this on Monday; it's live", "This is written into our release checklist", "Already
    merged.", "We deployed it last week") is work reported done: no due date, owner or
    priority is asked of it. A plan ("It will be live next week"), a negation ("This is not
    yet deployed"), a done word inside the action ("the size check already deployed in
    staging") and a first sentence that is not the item's report leave it open."""
    items = action_items(parse(DONE_IN_PROSE, STANDARD), builtin_pack())
    assert [(DONE_IN_PROSE[i.start : i.start + 24], i.done) for i in items] == [
        ("Every deploy now waits t", True),
        ("Deploys only run between", True),
        ("The importer now rejects", True),
        ("Schema changes run again", True),
        ("The status page will che", False),
        ("The retry budget drops t", False),
        ("Extend the size check al", False),
        ("It's live: add a banner ", False),
    ]


def test_a_follow_up_heading_that_also_names_questions_keeps_its_items() -> None:
    """ "Follow-ups and open questions": the heading names follow-up work, so its list is
    action items; only a section of questions of its own holds none."""
    text = (
        "# T\n\n## Follow-ups and open questions\n\n"
        "- Add a dedup window of 5 minutes to the pager bridge\n"
        "- Add a mute rule for bridge noise\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert len(items) == 2


def test_prose_under_a_follow_up_heading_that_also_names_questions_is_follow_up_work(
    lint_text: LintFn,
) -> None:
    """The prose modes take the action regions' precedence (the nearest heading that says
    either, follow-up work before questions on one heading): prose under "Follow-ups and
    open questions" is follow-up work as its list is, while prose in a section of
    questions of its own, nested or not, is read as questions."""
    text = (
        "# Pager storm\n\n## Next steps and open questions\n\n"
        "We should enhance the pager routing.\n\nImprove the failover drills.\n\n"
        "- Add a dedup window of 5 minutes to the pager bridge\n\n"
        "### Open questions\n\nShould we revisit the paging policy at some point?\n\n"
        "## Unresolved questions\n\nWe should perhaps explore a second paging vendor?\n"
    )
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    assert sorted(text[d.start : d.end] for d in diags) == [
        "Improve the failover drills.",
        "We should enhance the pager routing.",
    ]


@pytest.mark.parametrize(
    ("heading", "follow_up"),
    [
        ("What are you doing about it?", True),
        ("What are you changing?", True),
        ("What we are doing", True),
        ("What we’re doing to stop a repeat", True),
        ("What is being done", True),
        ("What's changing", True),
        ("Things we want to try", True),
        ("Experiments", True),
        ("Maßnahmen", True),
        ("Remaining work", True),
        ("What happened?", False),  # the story
        ("What went well", False),  # lessons
        ("Measurements", False),  # data, not measures
        ("What we were doing at the time", False),
        ("Experiment results", False),
    ],
)
@pytest.mark.parametrize("form", ["## {}", "**{}**"])
def test_other_names_of_the_action_section_are_one_part_for_every_rule(
    lint_text: LintFn, heading: str, follow_up: bool, form: str
) -> None:
    """A follow-up section named as the reader's question ("What are you doing about
    it?"), as trials ("Things we want to try") or in the team's language ("Maßnahmen") is
    the Action Items part for PM201 and its list is checked by PM302-PM305 as PM301 reads
    it, as a heading or as a bold label line; the look-alikes name another part or none."""
    text = (
        "# Relay outage\n\n**Status:** Final\n\n## Summary\n\nThe relays were unreachable for"
        " an hour.\n\n## Impact\n\nAbout 8% of pushes were late.\n\n## Root cause\n\nThe relay"
        f" pool shared one keepalive timer.\n\n{form.format(heading)}\n\n"
        "- Add a keepalive alert on the relay pool at 30 seconds\n"
        "- Split the relay pool across two zones\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert len(items) == (2 if follow_up else 0)
    diags = lint_text(text, select=["PM201", "PM302"]).diagnostics
    missing = any(d.code == "PM201" and "Action Items" in d.message for d in diags)
    assert missing is not follow_up
    assert any(d.code == "PM302" for d in diags) is follow_up


def _assert_two_items_read(lint_text: LintFn, text: str) -> None:
    """The table of ``text`` is one action group of two items: the first without a due
    date, the second without an owner."""
    groups = action_groups(parse(text, STANDARD), builtin_pack())
    assert [len(g.items) for g in groups] == [2]
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    assert sorted((d.code, text[d.start : d.end][:9]) for d in diags) == [
        ("PM302", "Split the"),
        ("PM303", "Add a kee"),
    ]


@pytest.mark.parametrize("column", ["Measure", "Measures", "Maßnahme", "Next step"])
def test_a_measure_column_is_an_action_column(lint_text: LintFn, column: str) -> None:
    """ "| Measure | Owner | Due |" names its work as measures (or steps): an action table,
    read as one with an "Action" column."""
    text = (
        "# Relay outage\n\n## Follow-up\n\n"
        f"| {column} | Owner | Due |\n|---|---|---|\n"
        "| Add a keepalive alert on the relay pool | @ana | |\n"
        "| Split the relay pool across two zones | | 2026-09-01 |\n"
    )
    _assert_two_items_read(lint_text, text)


def test_items_marked_done_are_no_open_items(lint_text: LintFn) -> None:
    """An item marked finished (a check mark, a "Done:" label, "— done" or "(completed
    …)" at its end, a Status or Notes cell of "✔") is asked for no due date or priority,
    as a checked box is; "done" inside the wording ("… when the job is done") and a
    "Not done" status leave the item open."""
    text = (
        "# Relay outage\n\n**Status:** Final\n\n## Action items\n\n"
        "- ✅ Add a keepalive alert on the relay pool (owner @ana, RLY-1)\n"
        "- Done: split the relay pool across two zones (owner @ana, RLY-2)\n"
        "- [Done] Move relay logs to the shared bucket (owner @ana, RLY-3)\n"
        "- Raise the relay timeout to 20 s (owner @ana, RLY-4) — done\n"
        "- Pin the relay image to a digest (owner @ana, RLY-5) (completed in 4.2)\n"
        "- Page the relay on-call when the drain job is done (owner @ana, RLY-6)\n\n"
        "| Action | Owner | Status | Ticket |\n|---|---|---|---|\n"
        "| Add a synthetic push check | @li | ✔ | RLY-7 |\n"
        "| Add a relay pool dashboard | @li | Done ✅ | RLY-8 |\n"
        "| Drop the legacy relay route | @li | Not done | RLY-9 |\n"
    )
    diags = lint_text(text, select=["PM303", "PM305"]).diagnostics
    flagged = sorted({(d.code, text[d.start : d.end][:12]) for d in diags})
    assert flagged == [  # the table has no Due or Priority column for its open row
        ("PM303", "Page the rel"),
        ("PM303", "| Action | O"),
        ("PM305", "Page the rel"),
        ("PM305", "| Action | O"),
    ]
    done_only = text.replace("| Not done |", "| ✅ |")
    table = done_only.index("| Action")
    diags = lint_text(done_only, select=["PM303", "PM305"]).diagnostics
    assert [d for d in diags if d.start >= table] == []  # no column asked of finished rows


def test_imperatives_the_tagger_reads_as_nouns(lint_text: LintFn) -> None:
    """Release and dependency verbs the tagger reads as nouns at an item's start ("Yank",
    "Bump", "Backport", "Cherry-pick", "Dedupe", "Unpin"), and a first word joined to a
    second imperative ("Vendor 2.1 and publish 2.2"), are the item's verb, not a missing
    one; an open noun phrase still has none."""
    items = [
        "[x] Yank 3.1.0 and publish 3.1.1 (@ana)",
        "[x] Vendor 2.1 and publish 2.2 (@ana)",
        "[ ] Bump the base image to 3.19 (@ana)",
        "[ ] Backport the fix to 2.x (@ana)",
        "[ ] Cherry-pick the patch onto release-4 (@ana)",
        "[ ] Dedupe the retry queue on start-up (@ana)",
        "[ ] Unpin numpy once 2.1 ships (@ana)",
        "[ ] Capacity headroom on the relay pool (@ana)",
    ]
    text = "# Wheel release\n\n## Action items\n\n" + "".join(f"- {i}\n" for i in items)
    diags = lint_text(text, select=["PM301"]).diagnostics
    flagged = sorted((text[d.start : d.end][:14], d.message.split(";")[0][:30]) for d in diags)
    assert flagged == [("Capacity headr", "This action item has no verb")]


def test_a_done_item_is_judged_for_its_verb_not_for_a_missing_one(lint_text: LintFn) -> None:
    """Decision: an item marked done (a checked box, a "Completed" heading) is still
    judged for a vague verb, since "[x] Improve the release docs" tells no reader what
    changed; but a noun phrase there names the work that was done, and "say what will be
    done" asks nothing of it. The same noun phrase left open keeps its finding."""
    text = (
        "# Wheel release\n\n## Action items\n\n"
        "- [x] Capacity headroom on the wheel mirror (@ana)\n"
        "- [x] Improve the release docs (@ana)\n"
        "- [ ] Capacity headroom on the relay pool (@ana)\n\n"
        "### Completed\n\n- Signing key audit across both mirrors\n"
        "- Mirror failover drill\n- Improve the upload checks\n"
    )
    diags = lint_text(text, select=["PM301"]).diagnostics
    flagged = sorted((text[d.start : d.end][:14], d.message.split(";")[0][:30]) for d in diags)
    assert flagged == [
        ("Capacity headr", "This action item has no verb"),
        ("Improve the re", "Vague action item: 'Improve' h"),
        ("Improve the up", "Vague action item: 'Improve' h"),
    ]
    no_verb = [d for d in diags if "no verb" in d.message]
    assert text[no_verb[0].start :].startswith("Capacity headroom on the relay")


def test_a_heading_that_marks_its_items_done_leaves_them_no_open_items(
    lint_text: LintFn,
) -> None:
    """Items under "### Stop-gaps (done)" or "### Finished [✅]" are finished work, asked
    for no owner, due date or priority; the items under "### Still to be done" stay open."""
    text = (
        "# Relay outage\n\n## Action items\n\n### Stop-gaps (done)\n\n"
        "- Raise the relay timeout to 20 s\n- Pin the relay image to a digest\n\n"
        "### Finished [✅]\n\n| Action | Owner |\n|---|---|\n| Add a relay pool dashboard | |\n\n"
        "### Still to be done\n\n- Split the relay pool across two zones\n"
    )
    diags = lint_text(text, select=["PM302", "PM303", "PM305"]).diagnostics
    assert diags and all(d.start > text.index("### Still") for d in diags)


def test_a_check_mark_opening_a_heading_is_decoration_and_an_open_box_stays_open(
    lint_text: LintFn,
) -> None:
    """A page whose headings open with emoji ("## ✅ Follow-ups") leaves its items open; a
    check mark after the title marks the items finished ("## Action items ✅"), except an
    item with an open box ("- [ ] ..."), which is open under any heading."""
    text = (
        "# Resolver outage\n\n## ✅ Follow-ups\n\n"
        "- [ ] Add a synthetic check for the apex record\n"
        "- [ ] Move the zone files into the config repository\n\n"
        "## Action items ✅\n\n- [ ] Retire the old resolver pair\n- Rotate the resolver keys\n"
    )
    diags = lint_text(text, select=["PM303"]).diagnostics
    found = sorted((text[d.start : d.end], d.message) for d in diags)
    assert found == [
        ("Retire the old resolver pair", "Action item has no due date"),
        ("✅ Follow-ups", "None of the 2 action items has a due date"),
    ]


def test_guidance_to_readers_in_an_action_section_is_no_action_item(lint_text: LintFn) -> None:
    """A customer-facing "What are you doing about it?" may hold guidance for the reader
    ("Contact support ... if you ...", "If your ... , retry ...", "Please update your
    client ..."): no work item of the writers', asked for nothing by PM301-PM305. An item
    that only mentions the reader ("... so you can pause relays"), one with "we" in it,
    one with an owner and one that emails a team stay items."""
    text = (
        "# Relay outage\n\n## What are you doing about it?\n\n"
        "- Add a keepalive alert on the relay pool at 30 seconds\n"
        "- Contact support at help@example.com if you still see late pushes\n"
        "- If your pushes are late, retry them from the dashboard\n"
        "- Please update your client to 4.2\n"
        "- Reach out to us with questions\n"
        "- Add a setting so you can pause relays during maintenance\n"
        "- If your relay is pinned, we will move it to the new pool\n"
        "- Tell us about late pushes through a form on the status page (owner: @ana)\n"
        "- Email the relay on-call when the pool drops below 3 hosts\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [i.text[:12] for i in items] == [
        "Add a keepal",
        "Add a settin",
        "If your rela",
        "Tell us abou",
        "Email the re",
    ]


def test_a_ref_column_of_row_references_is_not_the_ticket_column(lint_text: LintFn) -> None:
    """A first column headed "Ref" may number the rows ("CA-01", "1") rather than track
    them: beside another ticket column ("Tracking") that one holds the ticket, and a Ref
    column of plain row numbers is no ticket column. A Ref column of tracker keys with no
    other ticket column is still the ticket column."""
    head = "# Grader outage\n\n**Status:** Final\n\n"
    beside = (
        head
        + "## Action items\n\n| Ref | Action | Owner | Due | Tracking |\n|---|---|---|---|---|\n"
        "| CA-01 | Add a disk alert on the grader at 85% | @li | 2026-05-01 | |\n"
        "| CA-02 | Pin the grader image to a digest | @li | 2026-05-01 | OPS-12 |\n"
    )
    [d] = lint_text(beside, select=["PM304"]).diagnostics
    assert d.message.startswith("Action item has no tracking ticket")
    assert beside[d.start :].startswith("Add a disk alert")
    numbers = (
        head + "## Action items\n\n| Ref | Action | Owner | Due |\n|---|---|---|---|\n"
        "| 1 | Add a disk alert on the grader at 85% | @li | 2026-05-01 |\n"
        "| 2 | Pin the grader image to a digest | @li | 2026-05-01 |\n"
    )
    [d] = lint_text(numbers, select=["PM304"]).diagnostics
    assert d.message.startswith("Action-item table has no Ticket column")
    keys = numbers.replace("| 1 |", "| OPS-31 |").replace("| 2 |", "| OPS-32 |")
    assert lint_text(keys, select=["PM304"]).diagnostics == []


def test_advice_to_customers_is_no_action_item(lint_text: LintFn) -> None:
    """A heading addressed to the customers ("Customer actions", "Recommendations for
    customers", "What you can do", "### For customers" under the action items) holds
    advice, not the team's work: no PM301-PM305 on its lists or prose. A list item that
    opens with them as the subject of advice ("Customers should …", "Affected users are
    advised to …") is guidance wherever it stands. "Customer-facing improvements",
    "Actions to protect customers" and an item that tells what users can now do, with
    its owner, stay the team's items."""
    text = (
        "# Gateway outage\n\n**Status:** Final\n\n## Corrective actions\n\n"
        "- Add a health probe on the east gateway at 10 s"
        " (owner: @vo, VO-12, P1, due 2026-04-01)\n"
        "- Customers should ensure that their PBX retries on the second gateway.\n"
        "- Affected users are advised to re-register their handsets after 18:00.\n"
        "- Users can now pick the west gateway in the portal"
        " (owner: @vo, VO-13, P2, due 2026-04-02)\n\n"
        "### Customer-facing improvements\n\n- Show gateway health on the status page\n\n"
        "### Actions to protect customers\n\n- Cap registrations per trunk at 50 a minute\n\n"
        "### For customers\n\n- Register both gateways in your dial plan.\n\n"
        "## Customer actions\n\n- Keep an analogue line for emergency calls.\n"
        "- Review the failover settings on your PBX.\n\n"
        "## What you can do\n\nWe recommend that customers test their failover route.\n\n"
        "## Recommendations for customers\n\n1. Register both gateways in your dial plan.\n"
        "2. Look into a second carrier for emergency calls.\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [i.text[:12] for i in items] == [
        "Add a health",
        "Users can no",
        "Show gateway",
        "Cap registra",
    ]
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM304", "PM305"]).diagnostics
    assert {text[d.start : d.end][:12] for d in diags} == {"Show gateway", "Cap registra"} | {
        "Corrective a"  # the summary of the missing owners, on the section heading
    }


@pytest.mark.parametrize(
    "header",
    [
        "| 対策 / Action | 担当 / Owner | 期限 / Due |",
        "| Action / 対策 | Owner / 担当 | Due / 期限 |",
        "| Maßnahme / Action | Verantwortlich / Owner | Fällig / Due |",
        "| 対策／Action | 担当／Owner | 期限／Due |",
        # the team that takes the work on is the owner, alone or beside "Owner"
        "| Action | Team / Owner | Due |",
        "| Action | Owning team | Due |",
    ],
)
def test_a_bilingual_header_names_its_columns(lint_text: LintFn, header: str) -> None:
    """A header cell written in two languages split by "/" names the column any of its
    parts names ("対策 / Action", "Owner / 担当"); a part that names none is skipped."""
    text = (
        "# 在庫サービスの障害\n\n## Follow-up\n\n"
        f"{header}\n|---|---|---|\n"
        "| Add a keepalive alert on the stock replica | @kenji | |\n"
        "| Split the stock cache per region | | 2026-12-01 |\n"
    )
    _assert_two_items_read(lint_text, text)


def test_a_bilingual_header_that_names_no_column_is_no_action_table() -> None:
    text = (
        "# 在庫サービスの障害\n\n## Follow-up\n\n"
        "| 備考 / Notes | 時刻 / Time |\n|---|---|\n"
        "| Stock replica lagged | 10:02 |\n"
    )
    assert action_groups(parse(text, STANDARD), builtin_pack()) == ()


@pytest.mark.parametrize(
    ("header", "row", "missing"),
    [
        ("| Task | Target / Threshold | Owner | Priority |", "| 250 ms | @ines | P2 |", "PM303"),
        ("| Task | When / Trigger | Owner | Priority |", "| on deploy | @ines | P2 |", "PM303"),
        ("| Task | Who / Which host | Due | Priority |", "| db-07 | 2026-12-04 | P2 |", "PM302"),
        ("| Task | Owner / Reviewer | Due | Priority |", "| Sam | 2026-12-04 | P2 |", "PM302"),
    ],
)
def test_an_english_header_about_two_things_names_no_column(
    lint_text: LintFn, header: str, row: str, missing: str
) -> None:
    """A slash in an English header joins two things ("Target / Threshold"), not two
    languages: the cell names no column, so the table still lacks that column."""
    text = (
        "# Queue backlog\n\n## Action Items\n\n"
        f"{header}\n|---|---|---|---|\n"
        f"| Cap the consumer batch at 200 messages {row}\n"
    )
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    assert [d.code for d in diags if "column" in d.message] == [missing]


@pytest.mark.parametrize(
    "value",
    [
        "未定",
        "未定義",
        "未決定",
        "未割当",
        "未割り当て",
        "offen",
        "noch offen",
        "N.N.",
        "à définir",
        "A définir",
        "à déterminer",
        "à confirmer",
        # the same French words typed without the accent, as keyboards often leave it
        "A Confirmer",
        "a déterminer",
        "A Determiner",
        "por definir",
        "por determinar",
        "por confirmar",
        "a definir",
        "a determinar",
        "a confirmar",
        "da definire",
        "da confermare",
        "nog te bepalen",
        "n.t.b.",
    ],
)
def test_to_be_decided_in_the_teams_language_is_a_placeholder(
    lint_text: LintFn, value: str
) -> None:
    """ "未定", "offen", "à définir", "por definir" in an Owner or Due cell say the value is
    still to be decided, as "TBD" does; a name that starts like one ("Offenbach") and a date
    are filled in."""
    text = (
        "# Stock outage\n\n## Action items\n\n"
        "| Action | Owner | Due |\n|---|---|---|\n"
        f"| Add a keepalive alert on the stock replica | {value} | {value} |\n"
        "| Split the stock cache per region | Offenbach | 2026-12-01 |\n"
    )
    diags = lint_text(text, select=["PM302", "PM303"]).diagnostics
    assert sorted((d.code, text[d.start : d.end]) for d in diags) == [
        ("PM302", value),
        ("PM303", value),
    ]


def test_an_owner_column_beside_a_team_column_holds_the_owner(lint_text: LintFn) -> None:
    """ "| Action | Team | Owner |": the person in the Owner column owns the item; the team
    column is the owner only in a table without one."""
    text = (
        "# Stock outage\n\n## Follow-up\n\n"
        "| Action | Team | Owner | Due |\n|---|---|---|---|\n"
        "| Add a keepalive alert on the stock replica | Storage | TBD | 2026-12-01 |\n"
    )
    diags = lint_text(text, select=["PM302"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM302", "TBD")]


@pytest.mark.parametrize(
    "heading",
    [
        "## Follow-ups (team and customer actions)",
        "## Customer remediation items",
        "## Next steps for our tenants and for on-call",
        "## Corrective actions for the client portal",
        "## Remediation\n\n### Actions for customer-managed keys",
        "## Remediation\n\n### Recommendations for user databases",
        "## Remediation\n\n### Next steps for tenant-routing",
        "## Follow-up actions for subscriber billing jobs",
    ],
)
def test_an_audience_word_inside_a_heading_keeps_the_team_items(
    lint_text: LintFn, heading: str
) -> None:
    """Only a title whose whole object is the audience ("Recommendations for tenants",
    "Customer actions") holds advice to them. One where the audience word modifies a
    noun ("customer-managed keys", "user databases"), shares the object with the team,
    or names the team's action items too is the team's list and is judged."""
    text = (
        "# Relay outage\n\n**Status:** Final\n\n"
        f"{heading}\n\n- Improve relay monitoring\n- Look into the spool limits\n"
    )
    codes = [d.code for d in lint_text(text, select=["PM301", "PM302"]).diagnostics]
    assert "PM301" in codes and "PM302" in codes


@pytest.mark.parametrize(
    "heading",
    [
        "## Tenant actions",
        "## Recommendations for affected tenants",
        "## 4. Next steps for subscribers",
    ],
)
def test_a_heading_whose_object_is_the_audience_holds_advice(
    lint_text: LintFn, heading: str
) -> None:
    text = (
        "# Relay outage\n\n**Status:** Final\n\n"
        f"{heading}\n\n- Improve your relay retries\n- Look into a second relay region\n"
    )
    assert lint_text(text, select=["PM301", "PM302", "PM303"]).diagnostics == []


@pytest.mark.parametrize(
    "item",
    [
        "Subscribers should get clearer warnings before a card expires",
        "Tenants should be alerted earlier when their quota runs out",
        "Clients must back off on throttling; improve the SDK somehow",
        "Users can see their quota now; make the quota page better",
        "Customers should hear about delays sooner",
    ],
)
def test_a_team_item_about_the_audience_is_judged(lint_text: LintFn, item: str) -> None:
    """In the team's action list, "Subscribers should get …", "Tenants should be alerted
    …" state what the team owes them: the item is the team's and is judged (here, as
    vague), in a list as in a table."""
    text = f"# Billing delay\n\n**Status:** Final\n\n## Action items\n\n- {item}\n"
    assert "PM301" in [d.code for d in lint_text(text, select=["PM301"]).diagnostics]


@pytest.mark.parametrize(
    "item",
    [
        "Customers should rotate the signing secret of each webhook.",
        "Users need to update the desktop app to 7.3 or later.",
        "Affected tenants are encouraged to re-run their failed exports.",
    ],
)
def test_advice_to_the_audience_in_an_action_list_is_no_item(item: str) -> None:
    text = (
        "# Billing delay\n\n**Status:** Final\n\n## Action items\n\n"
        "- Add a retry on the card processor call at 3 attempts (owner: @ai, BIL-4)\n"
        f"- {item}\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [i.text[:7] for i in items] == ["Add a r"]


def test_a_hedged_opening_on_a_tracked_row_is_no_finding(lint_text: LintFn) -> None:
    """A row with an owner, a due date and a ticket is work someone took on: its opening
    "Ideally," or "Perhaps" hedges no commitment (review2 #4); the same text untracked
    still warns."""
    rows = (
        "| Ideally, alert the search on-call at 3 minutes of lag | @ro | 2026-04-01 | SR-2 |\n"
        "| Perhaps add a second ingest node in the west region | @ro | 2026-04-01 | SR-3 |\n"
    )
    head = "# Search lag\n\n**Status:** Final\n\n## Action items\n\n"
    table = head + "| Action | Owner | Due | Ticket |\n|---|---|---|---|\n" + rows
    assert lint_text(table, select=["PM301"]).diagnostics == []
    bare = head + "- Perhaps add a second ingest node in the west region\n"
    [d] = lint_text(bare, select=["PM301"]).diagnostics
    assert d.message.startswith("Hedged commitment")


@pytest.mark.parametrize(
    ("due", "flagged"),
    [
        ("July", False),
        ("end of September", False),
        ("mid-October", False),
        ("Early Feb", False),
        ("After the freeze", True),
        ("Winter break", True),
        ("Mayday", True),
    ],
)
def test_a_month_in_a_due_cell_is_a_date(lint_text: LintFn, due: str, flagged: bool) -> None:
    """A Due cell with a month, alone or a part of it, is finer than a quarter
    (review2 #8); words that name no time on a calendar are still no date."""
    text = (
        "# Disk full\n\n**Status:** Final\n\n## Action items\n\n"
        "| Action | Owner | Due | Ticket |\n|---|---|---|---|\n"
        f"| Add a disk alert at 85% on the log hosts | @li | {due} | DB-2 |\n"
    )
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert any("is not a date" in d.message for d in diags) == flagged


@pytest.mark.parametrize(
    "heading",
    [
        "## Suggested next steps for tenants",
        "## Recommended actions for subscribers",
        "## Steps for affected clients to take",
        "## Recommendations for our users to consider",
    ],
)
def test_a_modified_or_tailed_reader_heading_holds_advice(lint_text: LintFn, heading: str) -> None:
    """A word of advice before the noun ("Suggested steps for …") or what the audience is
    to do with it after ("… to take") keeps the title addressed to readers (review4 #1)."""
    text = (
        "# Queue stall\n\n**Status:** Final\n\n"
        f"{heading}\n\n- Requeue any export that stalled\n- Look into your retry settings\n"
    )
    assert lint_text(text, select=["PM301", "PM302", "PM303"]).diagnostics == []


@pytest.mark.parametrize(
    "heading",
    [
        "## Recommended tenant action items",
        "## Suggested actions for tenants and the queue team",
        "## Recommended actions for tenant-owned queues",
    ],
)
def test_a_modified_team_heading_keeps_the_team_items(lint_text: LintFn, heading: str) -> None:
    text = (
        "# Queue stall\n\n**Status:** Final\n\n"
        f"{heading}\n\n- Improve queue monitoring\n- Look into the stall detector\n"
    )
    codes = [d.code for d in lint_text(text, select=["PM301", "PM302"]).diagnostics]
    assert "PM301" in codes and "PM302" in codes


@pytest.mark.parametrize(
    "item",
    [
        "Clients should reset their tokens after a breach, so improve the reset page",
        "Subscribers must confirm each transfer; make that prompt clearer",
        "Tenants should use the quota API, and then improve its docs somehow",
    ],
)
def test_reader_advice_with_a_team_clause_stays_an_item(lint_text: LintFn, item: str) -> None:
    """ "<audience> should <verb> …" followed by the team's own imperative ("; make …",
    ", so improve …") is the team's item (review4 #2): judged, and counted."""
    text = f"# Transfer delay\n\n**Status:** Final\n\n## Action items\n\n- {item}\n"
    codes = [d.code for d in lint_text(text, select=["PM301", "PM302"]).diagnostics]
    assert "PM302" in codes


@pytest.mark.parametrize(
    "item",
    [
        "Clients should reset their tokens; update the mobile app as well",
        "Tenants must rotate their keys, and then restart the agent",
        "Subscribers should check their statements, so review last month too",
    ],
)
def test_reader_advice_with_a_reader_clause_is_no_item(item: str) -> None:
    text = (
        "# Transfer delay\n\n**Status:** Final\n\n## Action items\n\n"
        "- Add a retry on the ledger write at 3 attempts (owner: @ai, TX-4)\n"
        f"- {item}\n"
    )
    items = action_items(parse(text, STANDARD), builtin_pack())
    assert [i.text[:7] for i in items] == ["Add a r"]


@pytest.mark.parametrize("due", ["By August", "Before end of May", "Oct/Nov", "until mid-July"])
def test_a_bounded_month_or_month_range_is_a_date(lint_text: LintFn, due: str) -> None:
    """ "By August", "Before end of May" and a range of months name a month (review4 #10)."""
    text = (
        "# Disk full\n\n**Status:** Final\n\n## Action items\n\n"
        "| Action | Owner | Due | Ticket |\n|---|---|---|---|\n"
        f"| Add a disk alert at 85% on the log hosts | @li | {due} | DB-2 |\n"
    )
    diags = lint_text(text, select=["PM303"]).diagnostics
    assert not any("is not a date" in d.message for d in diags)


@pytest.mark.parametrize(
    "item",
    [
        "Perhaps add checks for these hosts: db1, db2, db3",
        "Maybe revisit the cache: it evicted twice last week",
        "Possibly, write a purge job: owner unknown",
    ],
)
def test_a_hedged_item_with_a_later_colon_keeps_its_hedge(lint_text: LintFn, item: str) -> None:
    """A colon after the hedged verb is no label: the hedge is still found (review4 #11)."""
    text = f"# Cache churn\n\n**Status:** Final\n\n## Action items\n\n- {item}\n"
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert any(d.message.startswith("Hedged commitment") for d in diags)


@pytest.mark.parametrize(
    "item",
    [
        "Maybe the simplest option: pin the cache at 2 GB",
        "Hopefully fixed already: drop the old key",
    ],
)
def test_a_hedge_inside_a_label_is_no_hedged_item(lint_text: LintFn, item: str) -> None:
    text = f"# Cache churn\n\n**Status:** Final\n\n## Action items\n\n- {item}\n"
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert not any(d.message.startswith("Hedged commitment") for d in diags)


@pytest.mark.parametrize("code", ["PM303", "PM305"])
def test_a_list_without_the_field_beside_items_with_it_is_reported_item_by_item(
    lint_text: LintFn, code: str
) -> None:
    """Dated, prioritised items and two bold-labelled proposals without either under one
    heading: no "None of the 2 action items ..." on the heading (it holds five items, three
    with the field); each proposal gets its own finding instead."""
    text = (
        "# Postmortem: Ledger drift\n\n## Action items\n\n"
        "- Add a nightly balance check to the ledger job (owner: @ravi, due 2026-01-10, P1).\n"
        "- Page the payments rota when the check fails (owner: @mei, due 2026-01-12, P2).\n"
        "- Store every rounding decision with the entry (owner: @tom, due 2026-01-20, P2).\n\n"
        "**Recommendation 4.** Archive the drift reports for a year.\n\n"
        "**Recommendation 5.** Replay the January entries through the new check.\n"
    )
    diags = lint_text(text, select=[code]).diagnostics
    assert all(not d.message.startswith("None of the") for d in diags)
    assert [text[d.start : d.end].split(".")[0] for d in diags] == [
        "Archive the drift reports for a year",
        "Replay the January entries through the new check",
    ]
