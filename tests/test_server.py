"""End-to-end tests of ``pm-lsp``: the real server subprocess over stdio, driven by pytest-lsp.

Every test starts the real server (``python -m pm_lsp``) with the real spaCy pipeline and
talks LSP to it. Expected ranges are computed in the test from the text, with Python's own
codecs (see ``lsp_fixtures/helpers.py``), never with the server's conversion code.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_fixtures.helpers import (
    Session,
    apply_text_edits,
    as_tuple,
    edits_for,
    expected_range,
    lsp_session,
    offset_of,
    position,
)
from lsprotocol import types as T
from pygls.exceptions import JsonRpcException

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve

pytestmark = [
    pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning"),
]

CRLF = "\r\n"

#: a CRLF postmortem with an emoji, a ZWJ sequence and CJK before the flagged words
DOC_LINES = [
    "# Checkout outage 🔥 in 東京",
    "",
    "**Date**: 2025-03-14",
    "**Authors**: Platform team",
    "**Status**: Draft",
    "**Severity**: SEV2",
    "**Duration**: 45 minutes",
    "",
    "## Summary",
    "",
    "Card payments in 東京 failed 🔥 for 45 minutes after a certificate expired.",
    "",
    "## Impact",
    "",
    "During the 👩‍💻 incident in 東京, many customers could not pay for a while.",
    "No data was lost.",
    "",
]
DOC = CRLF.join(DOC_LINES)


def _caps(
    encodings: list[str] | None = None,
    *,
    pull: bool = False,
    resolve_edit: bool = False,
    snippets: bool = False,
    config: bool = False,
    watch: bool = False,
) -> T.ClientCapabilities:
    general = (
        T.GeneralClientCapabilities(
            position_encodings=[T.PositionEncodingKind(e) for e in encodings]
        )
        if encodings is not None
        else None
    )
    td = T.TextDocumentClientCapabilities(
        document_symbol=T.DocumentSymbolClientCapabilities(
            hierarchical_document_symbol_support=True
        ),
        code_action=T.CodeActionClientCapabilities(
            code_action_literal_support=T.ClientCodeActionLiteralOptions(
                code_action_kind=T.ClientCodeActionKindOptions(
                    value_set=[T.CodeActionKind.QuickFix, T.CodeActionKind.SourceFixAll]
                )
            ),
            data_support=True,
            resolve_support=T.ClientCodeActionResolveOptions(properties=["edit"])
            if resolve_edit
            else None,
        ),
        completion=T.CompletionClientCapabilities(
            completion_item=T.ClientCompletionItemOptions(
                snippet_support=snippets, documentation_format=[T.MarkupKind.Markdown]
            )
        ),
        hover=T.HoverClientCapabilities(content_format=[T.MarkupKind.Markdown]),
        diagnostic=T.DiagnosticClientCapabilities(dynamic_registration=False) if pull else None,
        publish_diagnostics=T.PublishDiagnosticsClientCapabilities(version_support=True),
    )
    ws = T.WorkspaceClientCapabilities(
        configuration=config,
        did_change_configuration=T.DidChangeConfigurationClientCapabilities(
            dynamic_registration=False
        ),
        did_change_watched_files=T.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
        if watch
        else None,
        diagnostics=T.DiagnosticWorkspaceClientCapabilities(refresh_support=True) if pull else None,
        workspace_edit=T.WorkspaceEditClientCapabilities(document_changes=True),
    )
    return T.ClientCapabilities(general=general, text_document=td, workspace=ws)


@pytest.fixture(scope="module")
def engine_diagnostics() -> list[tuple[str, int, int, str]]:
    """What the engine itself reports for DOC (code-point offsets), for comparison."""
    nlp = NLP()
    res = lint(DOC, resolve([Settings()]), nlp=nlp)
    return [(d.code, d.start, d.end, d.message) for d in res.diagnostics]


# -- position encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offered", "negotiated"),
    [
        (None, "utf-16"),
        (["utf-16"], "utf-16"),
        (["utf-8", "utf-16"], "utf-8"),
        (["utf-32", "utf-16"], "utf-32"),
    ],
)
async def test_encoding_negotiation_and_exact_ranges_on_crlf_emoji_cjk(
    tmp_path: Path,
    offered: list[str] | None,
    negotiated: str,
    engine_diagnostics: list[tuple[str, int, int, str]],
) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(offered)) as s:
        assert s.encoding == negotiated
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
    got = sorted((d.code, as_tuple(d.range), d.message) for d in pub.diagnostics)
    want = sorted(
        (code, expected_range(DOC, a, b, negotiated), msg) for code, a, b, msg in engine_diagnostics
    )
    assert got == want
    # and one range pinned down by hand: "for a while" after 👩‍💻 (5 UTF-16 units, 11 bytes)
    # and 東京 (2 units, 6 bytes) on line 14
    a = DOC.index("for a while")
    vague = [d for d in pub.diagnostics if d.code == "PM401" and "for a while" in d.message]
    assert len(vague) == 1
    line_text = DOC_LINES[14]
    col = line_text.index("for a while")
    prefix = line_text[:col]
    start_units = {
        "utf-8": len(prefix.encode("utf-8")),
        "utf-16": len(prefix.encode("utf-16-le")) // 2,
        "utf-32": len(prefix),
    }[negotiated]
    assert as_tuple(vague[0].range) == (14, start_units, 14, start_units + len("for a while"))
    assert position(DOC, a, negotiated) == (14, start_units)
    assert start_units == {"utf-8": col + 8 + 4, "utf-16": col + 2, "utf-32": col}[negotiated]


async def test_diagnostic_fields(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        fixable = next(d for d in pub.diagnostics if d.code == "PM201")
        actions = await s.actions_for(uri, [fixable])
    assert pub.version == 1
    d = next(d for d in pub.diagnostics if d.code == "PM401")
    assert d.source == "pm-lint"
    assert d.severity == T.DiagnosticSeverity.Warning
    assert d.code_description is not None
    assert d.code_description.href.endswith("#pm401-vague-impact")
    assert isinstance(d.data, dict) and d.data["version"] == 1
    assert d.data["name"] == "vague-impact" and "fix" not in d.data, "fixes stay in the server"
    # a section skeleton is placeholder text: an unsafe fix (issue 11, fix honesty)
    fix = next(a for a in actions if "(PM201;" in a.title)
    assert "unsafe" in fix.title and fix.edit is not None and not fix.is_preferred


# -- quick fixes -----------------------------------------------------------------------------


async def test_quick_fix_applied_makes_the_diagnostic_disappear(tmp_path: Path) -> None:
    # No Authors line: PM203 offers an (unsafe) fix inserting it after the emoji/CJK title
    # (the duration is told in the text, so without that line it would not be reported).
    text = CRLF.join(line for line in DOC_LINES if not line.startswith("**Authors**"))
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(["utf-16"])) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        missing = [d for d in pub.diagnostics if d.code == "PM203"]
        assert len(missing) == 1 and "Authors" in missing[0].message
        d = missing[0]
        actions = await s.actions_for(uri, [d])
        titles = [a.title for a in actions]
        fix = next(a for a in actions if "(PM203;" in a.title)
        assert "unsafe" in fix.title and fix.kind == T.CodeActionKind.QuickFix
        assert "Disable PM203 for this line" in titles
        assert "Disable PM203 for this file" in titles
        new_text = apply_text_edits(text, edits_for(fix.edit, uri), s.encoding)
        assert "**Authors**" in new_text
        assert "\n" not in new_text.replace("\r\n", ""), "line endings stay CRLF"
        s.change(uri, new_text, 2)
        pub2 = await s.wait_published(uri, 2)
    assert not [d for d in pub2.diagnostics if d.message == missing[0].message]
    # the inserted line is where the independent conversion put it: after the title
    assert "**Authors**: TODO" in new_text
    assert [d for d in pub2.diagnostics if d.code == "PM401"], "other findings remain"


async def test_an_ambiguous_date_offers_both_readings(tmp_path: Path) -> None:
    """PM204 on 03/10/2021: the finding's own fix reads it one way, its data carries the
    other reading, and both are offered as unsafe quick fixes."""
    text = "# Queue backlog\n\n**Date**: 03/10/2021\n"
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        (d,) = [x for x in pub.diagnostics if x.code == "PM204"]
        assert "ambiguous" in d.message
        titles = [a.title for a in await s.actions_for(uri, [d])]
    readings = [t for t in titles if t.startswith("Read it as")]
    assert len(readings) == 2 and all("unsafe" in t for t in readings)
    assert any("2021-03-10" in t for t in readings) and any("2021-10-03" in t for t in readings)


async def test_disable_for_this_line_inserts_a_crlf_comment_that_works(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(["utf-8"])) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        d = next(d for d in pub.diagnostics if "for a while" in d.message)
        actions = await s.actions_for(uri, [d])
        disable = next(a for a in actions if a.title == "Disable PM401 for this line")
        new_text = apply_text_edits(DOC, edits_for(disable.edit, uri), s.encoding)
        inserted = "<!-- pm-lint-disable-next-line PM401 -->\r\n"
        line_start = offset_of(DOC, 14, 0, "utf-32")
        assert new_text == DOC[:line_start] + inserted + DOC[line_start:]
        s.change(uri, new_text, 2)
        pub2 = await s.wait_published(uri, 2)
    codes = [d.code for d in pub2.diagnostics]
    assert "PM401" not in codes, "both PM401 findings on that line are suppressed"
    assert "PM001" not in codes, "the new comment is used, not reported as unused"


async def test_disable_for_this_file(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        d = next(d for d in pub.diagnostics if d.code == "PM201")
        actions = await s.actions_for(uri, [d])
        disable = next(a for a in actions if a.title == "Disable PM201 for this file")
        new_text = apply_text_edits(DOC, edits_for(disable.edit, uri), s.encoding)
        assert new_text == "<!-- pm-lint-disable-file PM201 -->\r\n" + DOC
        s.change(uri, new_text, 2)
        pub2 = await s.wait_published(uri, 2)
    codes = [d.code for d in pub2.diagnostics]
    assert "PM201" not in codes and "PM001" not in codes and "PM401" in codes


async def test_fix_all_resolves_to_every_safe_fix(tmp_path: Path) -> None:
    # a 24-hour time with AM/PM: the timeline's safe fix drops the marker; the missing
    # sections and metadata have only unsafe fixes (placeholders), which fix-all leaves
    timeline = ["## Timeline", "", "| Time | Event |", "|---|---|"]
    timeline += ["| 13:55 PM | Payments fail |", "| 14:40 PM | Certificate renewed |", ""]
    text = CRLF.join(
        [
            *(line for line in DOC_LINES if not line.startswith(("**Duration**", "**Status**"))),
            *timeline,
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(resolve_edit=True)) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        assert {"PM201", "PM203"} <= {d.code for d in pub.diagnostics}
        actions = await s.client.text_document_code_action_async(
            T.CodeActionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                range=T.Range(
                    start=T.Position(line=0, character=0), end=T.Position(line=0, character=0)
                ),
                context=T.CodeActionContext(diagnostics=[], only=[T.CodeActionKind.SourceFixAll]),
            )
        )
        assert actions and len(actions) == 1
        action = actions[0]
        assert isinstance(action, T.CodeAction)
        assert action.kind == "source.fixAll.pm-lint" and action.edit is None
        resolved = await s.client.code_action_resolve_async(action)
        new_text = apply_text_edits(text, edits_for(resolved.edit, uri), s.encoding)
        s.change(uri, new_text, 2)
        pub2 = await s.wait_published(uri, 2)
    missing = [d for d in pub2.diagnostics if d.message.startswith("Missing")]
    assert missing, "placeholders are unsafe: fix-all does not insert them"
    assert "PM" not in new_text.split("## Timeline")[1], "the redundant PM markers are gone"
    assert "PM401" in {d.code for d in pub2.diagnostics}, "vague impact has no fix: it stays"
    assert "\n" not in new_text.replace("\r\n", "")
    # exactly what `pm-lint --fix` writes for the same file
    copy = tmp_path / "copy.md"
    copy.write_text(text, encoding="utf-8", newline="")
    subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "--fix", "--exit-zero", str(copy)],
        capture_output=True,
        check=True,
        cwd=tmp_path,
    )
    assert copy.read_bytes().decode("utf-8") == new_text


async def test_disable_inside_a_table_brackets_the_table(tmp_path: Path) -> None:
    text = CRLF.join(
        [
            "# Queue backlog",
            "",
            "## Action Items",
            "",
            "| Action | Owner | Priority | Due | Ticket |",
            "|---|---|---|---|---|",
            "| Alert when the queue is 10 minutes behind | @ana | P1 | 2025-05-01 | OPS-7 |",
            "| Add a replay tool for dropped messages | | P2 | 2025-06-01 | OPS-8 |",
            "",
            "Next paragraph.",
            "",
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        owner = [d for d in pub.diagnostics if d.code == "PM302"]
        assert len(owner) == 1 and owner[0].range.start.line == 7
        actions = await s.actions_for(uri, owner)
        titles = [a.title for a in actions]
        assert "Disable PM302 for this line" not in titles, "a comment row would split the table"
        table = next(a for a in actions if a.title == "Disable PM302 for this table")
        new_text = apply_text_edits(text, edits_for(table.edit, uri), s.encoding)
        lines = new_text.split(CRLF)
        assert lines[4] == "<!-- pm-lint-disable PM302 -->"
        assert lines[5].startswith("| Action |") and lines[9] == "<!-- pm-lint-enable PM302 -->"
        s.change(uri, new_text, 2)
        pub2 = await s.wait_published(uri, 2)
    codes = {d.code for d in pub2.diagnostics}
    assert "PM302" not in codes and "PM001" not in codes


async def test_disable_line_in_a_list_keeps_the_list_whole(tmp_path: Path) -> None:
    """A comment line at column 0 between two items would end the list and start another;
    the action indents it into the previous item, as ``pm-lint --add-noqa`` does."""
    from pm_lsp.suppression.placement import structure

    text = "\n".join(
        [
            "# Queue backlog",
            "",
            "## Action Items",
            "",
            "- Add a replay tool for dropped messages (@ana, P1, 2025-05-01, OPS-7)",
            "- Improve monitoring (@ana, P2, 2025-06-01, OPS-8)",
            "- Alert when the queue is 10 minutes behind (@lee, P1, 2025-05-02, OPS-9)",
            "",
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        d = next(d for d in pub.diagnostics if d.code == "PM301")
        assert d.range.start.line == 5
        actions = await s.actions_for(uri, [d])
        disable = next(a for a in actions if a.title == "Disable PM301 for this line")
        new_text = apply_text_edits(text, edits_for(disable.edit, uri), s.encoding)
        assert new_text.split("\n")[5] == "  <!-- pm-lint-disable-next-line PM301 -->"
        assert structure(new_text) == structure(text), "still one list of three items"
        s.change(uri, new_text, 2)
        pub2 = await s.wait_published(uri, 2)
    codes = {d.code for d in pub2.diagnostics}
    assert "PM301" not in codes and "PM001" not in codes


async def test_disable_line_extends_an_existing_comment(tmp_path: Path) -> None:
    lines = list(DOC_LINES)
    lines.insert(14, "<!-- pm-lint-disable-next-line PM101 -->")
    text = CRLF.join(lines)
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        d = next(d for d in pub.diagnostics if "for a while" in d.message)
        assert d.range.start.line == 15
        actions = await s.actions_for(uri, [d])
        disable = next(a for a in actions if a.title == "Disable PM401 for this line")
        new_text = apply_text_edits(text, edits_for(disable.edit, uri), s.encoding)
        assert new_text.split(CRLF)[14] == "<!-- pm-lint-disable-next-line PM101 PM401 -->"
        assert new_text.count(CRLF) == text.count(CRLF)


# -- hover, symbols, completion --------------------------------------------------------------


async def test_hover_on_the_timeline_shows_detect_mitigate_resolve(tmp_path: Path) -> None:
    text = CRLF.join(
        [
            "# Payment errors",
            "",
            "## Timeline",
            "",
            "All times UTC.",
            "",
            "| Time | Event |",
            "|---|---|",
            "| 10:02 | Impact starts: card payments begin to fail |",
            "| 10:09 | Alert fires and the on-call engineer is paged (detected) |",
            "| 11:30 | Rollback completes and errors stop (mitigated) |",
            "| 13:02 | Resolved: the fixed release is live |",
            "",
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        await s.wait_published(uri, 1)
        on_heading = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=2, character=5),
            )
        )
        in_table = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=9, character=20),
            )
        )
        outside = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=0, character=1),
            )
        )
    assert on_heading is not None and isinstance(on_heading.contents, T.MarkupContent)
    value = on_heading.contents.value
    assert "| Time to detect | 7m | 10:02 → 10:09 |" in value
    assert "| Time to mitigate | 1h 28m | 10:02 → 11:30 |" in value
    assert "| Time to resolve | 3h 00m | 10:02 → 13:02 |" in value
    assert "UTC" in value
    assert on_heading.range is not None and as_tuple(on_heading.range) == (2, 3, 2, 11)
    assert in_table is not None and isinstance(in_table.contents, T.MarkupContent)
    assert "Time to detect" in in_table.contents.value
    assert outside is None or "Time to detect" not in str(outside.contents)


async def test_hover_on_a_flagged_span_explains_the_rule(tmp_path: Path) -> None:
    from pm_lsp.rules.registry import rules_by_code

    spec = rules_by_code()["PM401"].spec
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(["utf-16"])) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        d = next(d for d in pub.diagnostics if "for a while" in d.message)
        inside = T.Position(line=d.range.start.line, character=d.range.start.character + 2)
        h = await s.client.text_document_hover_async(
            T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=inside)
        )
        clean = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=15, character=3),
            )
        )
    assert h is not None and isinstance(h.contents, T.MarkupContent)
    assert h.contents.kind == T.MarkupKind.Markdown
    assert "PM401" in h.contents.value and "for a while" in h.contents.value
    assert spec.question and spec.question in h.contents.value
    assert spec.rationale[:60] in h.contents.value
    assert h.range is not None and as_tuple(h.range) == as_tuple(d.range)
    assert clean is None, "no hover on clean text"


async def test_blame_hover_shows_the_rewrite_and_the_fix_is_marked_unsafe(tmp_path: Path) -> None:
    from pm_lsp.rules.registry import rules_by_code

    spec = rules_by_code()["PM103"].spec
    text = CRLF.join(
        [
            "# Certificate expiry 🔒",
            "",
            "## Root Cause",
            "",
            "Kim forgot to renew the certificate, so checkout failed.",
            "",
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        d = next(d for d in pub.diagnostics if d.code == "PM103")
        h = await s.client.text_document_hover_async(
            T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=d.range.start)
        )
        actions = await s.actions_for(uri, [d])
    assert h is not None and isinstance(h.contents, T.MarkupContent)
    assert spec.question and spec.question in h.contents.value
    assert "> The certificate was not renewed, so checkout failed." in h.contents.value
    fix = next(a for a in actions if "(PM103" in a.title)
    assert "unsafe" in fix.title and not fix.is_preferred
    new_text = apply_text_edits(text, edits_for(fix.edit, uri), "utf-16")
    assert new_text.split(CRLF)[4] == "The certificate was not renewed, so checkout failed."


async def test_document_symbols_are_the_nested_outline(tmp_path: Path) -> None:
    text = CRLF.join(
        [
            "# Search outage 🔎",
            "",
            "## Summary",
            "",
            "Text.",
            "",
            "## Root cause",
            "",
            "### Contributing factors",
            "",
            "- A cache was cold.",
            "",
            "## Timeline",
            "",
            "x",
            "",
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(["utf-16"])) as s:
        s.open(uri, text)
        syms = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
    assert syms is not None

    def tree(items: object) -> list[object]:
        assert isinstance(items, (list, tuple))
        out: list[object] = []
        for x in items:
            assert isinstance(x, T.DocumentSymbol)
            out.append((x.name, tree(x.children or [])))
        return out

    assert tree(syms) == [
        (
            "Search outage 🔎",
            [
                ("Summary", []),
                ("Root cause", [("Contributing factors", [])]),
                ("Timeline", []),
            ],
        )
    ]
    top = syms[0]
    assert isinstance(top, T.DocumentSymbol)
    # the title's selection range: after "# ", the emoji counts 2 UTF-16 units
    assert as_tuple(top.selection_range) == (0, 2, 0, 2 + len("Search outage ") + 2)
    rc = top.children[1] if top.children else None
    assert rc is not None and rc.detail == "root-cause"
    assert rc.range.start.line == 6 and rc.range.end.line == 12


async def test_completion_of_missing_sections_and_metadata_values(tmp_path: Path) -> None:
    text = CRLF.join(
        [
            "# DNS outage",
            "",
            "**Status**: ",
            "**Severity**: SE",
            "",
            "## Impact",
            "",
            "Forty requests failed.",
            "",
            "## ",
            "",
        ]
    )
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(snippets=True)) as s:
        s.open(uri, text)
        await s.wait_published(uri, 1)
        headings = await s.client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=9, character=3),
            )
        )
        status = await s.client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=2, character=len("**Status**: ")),
            )
        )
        severity = await s.client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=3, character=len("**Severity**: SE")),
            )
        )
        prose = await s.client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=7, character=5),
            )
        )
    from pm_lsp.policy.templates import load_template

    template = load_template("standard")
    assert isinstance(headings, T.CompletionList)
    labels = [i.label for i in headings.items]
    assert "Impact" not in labels, "present sections are not offered"
    assert "Timeline" in labels and "Action Items" in labels
    timeline = next(i for i in headings.items if i.label == "Timeline")
    assert timeline.insert_text_format == T.InsertTextFormat.Snippet
    assert timeline.text_edit is not None and isinstance(timeline.text_edit, T.TextEdit)
    assert timeline.text_edit.new_text.startswith("## Timeline\r\n\r\n")
    assert as_tuple(timeline.text_edit.range) == (9, 0, 9, 3)
    assert isinstance(status, T.CompletionList)
    assert [i.label for i in status.items] == template.status_values
    assert isinstance(severity, T.CompletionList)
    assert [i.label for i in severity.items] == template.severity_values
    sev = severity.items[0].text_edit
    assert isinstance(sev, T.TextEdit)
    assert as_tuple(sev.range) == (3, len("**Severity**: "), 3, len("**Severity**: SE"))
    assert prose is None or not prose.items


@pytest.mark.parametrize("profile", ["visual-studio-code", "neovim", "emacs"])
async def test_real_client_capability_profiles(tmp_path: Path, profile: str) -> None:
    # pytest-lsp's recorded capabilities of real editors; every response is checked against
    # them (an LspSpecificationWarning is an error in this module).
    from pytest_lsp import client_capabilities

    caps = client_capabilities(profile)
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(caps) as s:
        s.open(uri, DOC)
        pull = caps.text_document is not None and caps.text_document.diagnostic is not None
        if pull:
            report = await s.client.text_document_diagnostic_async(
                T.DocumentDiagnosticParams(text_document=T.TextDocumentIdentifier(uri=uri))
            )
            assert isinstance(report, T.RelatedFullDocumentDiagnosticReport)
            diags = list(report.items)
        else:
            diags = list((await s.wait_published(uri, 1)).diagnostics)
        d = next(d for d in diags if "for a while" in d.message)
        hover = await s.client.text_document_hover_async(
            T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=d.range.start)
        )
        actions = await s.actions_for(uri, [d])
        syms = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        comp = await s.client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=4, character=len("**Status**: ")),
            )
        )
    assert hover is not None and "PM401" in str(hover.contents)
    assert actions and syms
    assert comp is not None and comp.items


# -- configuration ---------------------------------------------------------------------------


async def test_configuration_change_relints(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(
        _caps(config=True), configuration={"": {"pmLint": {}}}, root=tmp_path
    ) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        assert "PM401" in {d.code for d in pub.diagnostics}
        before = len(s.published)
        s.client.set_configuration(
            {"ignore": ["PM4"], "severity": {"PM201": "error"}}, section="pmLint"
        )
        s.client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=None))
        deadline = asyncio.get_running_loop().time() + 60
        while len(s.published) == before:
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.05)
        pub2 = s.published[-1]
    assert pub2.version == 1
    codes = {d.code for d in pub2.diagnostics}
    assert "PM401" not in codes and "PM201" in codes
    assert all(
        d.severity == T.DiagnosticSeverity.Error for d in pub2.diagnostics if d.code == "PM201"
    )


async def test_initialization_options_and_invalid_settings(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    # editor-only keys (tracing, how to start the server) are not linter settings: ignored
    opts = {
        "pmLint": {
            "extendIgnore": ["PM201"],
            "debounceMs": 0,
            "trace": {"server": "off"},
            "server": {"path": "pm-lsp"},
        }
    }
    async with lsp_session(_caps(), init_options=opts) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        assert "PM201" not in {d.code for d in pub.diagnostics}
        assert not s.client.messages
        # an unknown key is reported to the user; the valid keys beside it still apply
        s.client.workspace_did_change_configuration(
            T.DidChangeConfigurationParams(
                settings={
                    "pmLint": {"ignoreee": ["PM4"], "extendIgnore": ["PM201"], "debounceMs": 0}
                }
            )
        )
        for _ in range(200):
            if s.client.messages:
                break
            await asyncio.sleep(0.05)
        s.change(uri, DOC + "\nOne more line.\n", 2)
        pub2 = await s.wait_published(uri, 2)
    assert s.client.messages and "ignoreee" in s.client.messages[-1].message
    assert "did you mean 'ignore'" in s.client.messages[-1].message
    assert "PM201" not in {d.code for d in pub2.diagnostics}


async def test_project_config_file_is_discovered_and_watched(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "postmortems").mkdir(parents=True)
    path = project / "postmortems" / "incident.md"
    path.write_text(DOC, encoding="utf-8", newline="")
    cfg = project / ".pm-lint.toml"
    cfg.write_text('ignore = ["PM4"]\n', encoding="utf-8")
    uri = path.as_uri()
    async with lsp_session(_caps(watch=True), root=project) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
        assert "PM401" not in {d.code for d in pub.diagnostics}, "the CLI's config applies"
        cfg.write_text('ignore = ["PM2"]\n', encoding="utf-8")
        before = len(s.published)
        s.client.workspace_did_change_watched_files(
            T.DidChangeWatchedFilesParams(
                changes=[T.FileEvent(uri=cfg.as_uri(), type=T.FileChangeType.Changed)]
            )
        )
        deadline = asyncio.get_running_loop().time() + 60
        while len(s.published) == before:
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.05)
        codes = {d.code for d in s.published[-1].diagnostics}
    assert "PM401" in codes and "PM201" not in codes
    # the same diagnostics as the CLI on the file
    cli = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "--format", "json", "--exit-zero", str(path)],
        capture_output=True,
        text=True,
        cwd=project,
        check=True,
    )
    cli_codes = {d["code"] for f in json.loads(cli.stdout)["files"] for d in f["diagnostics"]}
    assert cli_codes == codes


# -- pull diagnostics ------------------------------------------------------------------------


async def test_pull_diagnostics(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(["utf-16"], pull=True)) as s:
        s.open(uri, DOC)
        report = await s.client.text_document_diagnostic_async(
            T.DocumentDiagnosticParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(report, T.RelatedFullDocumentDiagnosticReport)
        assert "PM401" in {d.code for d in report.items}
        again = await s.client.text_document_diagnostic_async(
            T.DocumentDiagnosticParams(
                text_document=T.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
            )
        )
        assert isinstance(again, T.RelatedUnchangedDocumentDiagnosticReport)
        s.change(uri, DOC.replace("for a while", "for 45 minutes"), 2)
        changed = await s.client.text_document_diagnostic_async(
            T.DocumentDiagnosticParams(
                text_document=T.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
            )
        )
        assert isinstance(changed, T.RelatedFullDocumentDiagnosticReport)
        assert not [d for d in changed.items if "for a while" in d.message]
        ws = await s.client.workspace_diagnostic_async(
            T.WorkspaceDiagnosticParams(previous_result_ids=[])
        )
        await asyncio.sleep(0.3)
    assert [i.uri for i in ws.items] == [uri]
    assert ws.items[0].version == 2
    assert not s.published, "pull clients get no pushed diagnostics"
    assert s.client.diagnostic_refresh_count >= 1


async def test_pull_client_sees_a_configuration_change_after_refresh(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(pull=True, config=True), configuration={"": {"pmLint": {}}}) as s:
        s.open(uri, DOC)
        first = await s.client.text_document_diagnostic_async(
            T.DocumentDiagnosticParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(first, T.RelatedFullDocumentDiagnosticReport)
        assert "PM401" in {d.code for d in first.items}
        await asyncio.sleep(0.2)
        refreshes = s.client.diagnostic_refresh_count
        s.client.set_configuration({"ignore": ["PM4"]}, section="pmLint")
        s.client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=None))
        for _ in range(600):
            if s.client.diagnostic_refresh_count > refreshes:
                break
            await asyncio.sleep(0.05)
        assert s.client.diagnostic_refresh_count > refreshes, "the server asks for a re-pull"
        second = await s.client.text_document_diagnostic_async(
            T.DocumentDiagnosticParams(
                text_document=T.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id
            )
        )
    assert isinstance(second, T.RelatedFullDocumentDiagnosticReport)
    assert second.result_id != first.result_id
    assert "PM401" not in {d.code for d in second.items}


# -- scheduling ------------------------------------------------------------------------------


async def test_debounce_publishes_only_the_latest_version(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(), init_options={"debounceMs": 400}) as s:
        s.open(uri, DOC)
        await s.wait_published(uri, 1)
        for v in range(2, 7):
            s.change(uri, DOC.replace("for a while", "for a while" + " x" * v), v)
            await asyncio.sleep(0.02)
        last = await s.wait_published(uri, 6)
        await asyncio.sleep(0.5)
    versions = [p.version for p in s.published if p.uri == uri]
    assert versions == [1, 6], "stale versions are never published"
    assert last.version == 6


async def test_close_clears_diagnostics(tmp_path: Path) -> None:
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, DOC)
        await s.wait_published(uri, 1)
        s.client.text_document_did_close(
            T.DidCloseTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        await s.wait_published(uri, None)
        h = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=14, character=3),
            )
        )
        ws = await s.client.workspace_diagnostic_async(
            T.WorkspaceDiagnosticParams(previous_result_ids=[])
        )
    assert list(s.published[-1].diagnostics) == []
    assert h is None
    assert list(ws.items) == [], "a closed document is forgotten"


async def test_outline_answers_while_a_big_document_is_being_linted(tmp_path: Path) -> None:
    # Analysis runs off the event loop: while spaCy parses ~10,000 new words for the first
    # time, an outline request is answered at once, before the diagnostics arrive.
    paragraphs = [
        f"The queue consumer {i} slowed down after deploy {i} and many users "
        f"waited for a while before the retry budget {i} ran out."
        for i in range(400)
    ]
    text = "# Big\n\n## Impact\n\n" + "\n\n".join(paragraphs) + "\n"
    uri = (tmp_path / "big.md").as_uri()
    async with lsp_session(_caps()) as s:
        s.open(uri, text)
        syms = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        answered_before_lint = not s.published
        pub = await s.wait_published(uri, 1)
    assert syms and answered_before_lint
    assert pub.diagnostics


# -- robustness ------------------------------------------------------------------------------


async def test_a_crashing_rule_does_not_kill_the_server(tmp_path: Path) -> None:
    # A user rule pack that TOML and the pack loader accept, but whose message template
    # names a field the rule does not supply: PM403 raises KeyError when it formats it.
    (tmp_path / "broken-pack.toml").write_text(
        '[impact.messages]\nmissing-data-loss = "Say whether {dataset} lost data"\n',
        encoding="utf-8",
    )
    (tmp_path / ".pm-lint.toml").write_text('rule-packs = ["broken-pack.toml"]\n', encoding="utf-8")
    text = DOC.replace("No data was lost.", "Payments were retried.")
    path = tmp_path / "incident.md"
    uri = path.as_uri()
    async with lsp_session(_caps(), root=tmp_path) as s:
        s.open(uri, text)
        pub = await s.wait_published(uri, 1)
        internal = [d for d in pub.diagnostics if d.code == "PM003"]
        assert len(internal) == 1 and "PM403" in internal[0].message
        assert internal[0].severity == T.DiagnosticSeverity.Error
        assert "PM401" in {d.code for d in pub.diagnostics}, "the other rules still ran"
        # the server is alive and keeps working
        s.change(uri, text.replace("for a while", "for 45 minutes"), 2)
        pub2 = await s.wait_published(uri, 2)
        syms = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
    assert not [d for d in pub2.diagnostics if "for a while" in d.message]
    assert syms
    logged = [m.message for m in s.client.log_messages if m.type == T.MessageType.Error]
    assert any("PM403" in m and "KeyError" in m for m in logged), "the crash is logged"


async def _raw_request(s: Session, method: str, params: object) -> BaseException | None:
    """Send a request as bytes on the server's stdin; return the error it answered with."""
    proto = s.client.protocol
    msg_id = f"raw-{method}"
    fut: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    proto._request_futures[msg_id] = fut
    body = json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}).encode()
    server = s.client._server
    assert server is not None and server.stdin is not None
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    try:
        await asyncio.wait_for(fut, 30)
    except JsonRpcException as exc:
        return exc
    return None


async def test_unknown_documents_and_malformed_requests(tmp_path: Path) -> None:
    unknown = (tmp_path / "never-opened.md").as_uri()
    async with lsp_session(_caps()) as s:
        h = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=unknown),
                position=T.Position(line=0, character=0),
            )
        )
        syms = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=unknown))
        )
        acts = await s.client.text_document_code_action_async(
            T.CodeActionParams(
                text_document=T.TextDocumentIdentifier(uri=unknown),
                range=T.Range(
                    start=T.Position(line=0, character=0), end=T.Position(line=0, character=0)
                ),
                context=T.CodeActionContext(diagnostics=[]),
            )
        )
        # a request whose params do not fit the method, written as raw JSON-RPC (the client
        # library would refuse to build it); the answer is an error, not a dead server
        bad = await _raw_request(
            s, T.TEXT_DOCUMENT_HOVER, {"textDocument": 42, "position": "nowhere"}
        )
        # out-of-range positions are clamped, not crashes
        uri = (tmp_path / "incident.md").as_uri()
        s.open(uri, DOC)
        await s.wait_published(uri, 1)
        far = await s.client.text_document_hover_async(
            T.HoverParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=900, character=900),
            )
        )
        alive = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
    assert h is None and syms == [] and not acts
    assert isinstance(bad, JsonRpcException)
    assert bad.code == -32602  # invalid params
    # the error is the answer; no "Error in server" pop-up on top of it
    assert not [m for m in s.client.messages if "Error in server" in m.message]
    assert far is None
    assert alive


async def test_document_over_the_size_limit_gets_one_info_diagnostic(tmp_path: Path) -> None:
    uri = (tmp_path / "huge.md").as_uri()
    big = DOC + CRLF.join(["Many users waited for a while."] * 200)
    async with lsp_session(_caps(), init_options={"pmLint": {"maxFileSize": "2KB"}}) as s:
        s.open(uri, big)
        pub = await s.wait_published(uri, 1)
    assert len(pub.diagnostics) == 1
    d = pub.diagnostics[0]
    assert d.code == "PM002" and d.severity == T.DiagnosticSeverity.Information
    assert "max-file-size" in d.message


def test_version_flag_is_fast_and_loads_no_model() -> None:
    probe = (
        "import sys, runpy; sys.argv=['pm-lsp','--version'];\n"
        "try:\n    runpy.run_module('pm_lsp', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('spacy' in sys.modules, 'pygls' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0].startswith("pm-lsp 0.1.0 (spaCy model: ")
    assert out[1] == "False False"


async def test_logs_never_touch_stdout(tmp_path: Path) -> None:
    # Every byte on stdout must be an LSP frame; run with debug logging and check the
    # session works (a stray print would break framing and fail the client).
    uri = (tmp_path / "incident.md").as_uri()
    async with lsp_session(_caps(), server_args=["--log-level", "debug"]) as s:
        s.open(uri, DOC)
        pub = await s.wait_published(uri, 1)
    assert pub.diagnostics
