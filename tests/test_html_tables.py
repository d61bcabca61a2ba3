"""Tables written in HTML inside Markdown are read as tables (pm_lsp/parse/htmltables.py).

Each ``tests/fixtures/html/<name>.html.md`` has a twin ``<name>.pipe.md`` holding the same
table as a pipe table: the two must give the same findings (code, severity, message and the
words under the finding), and every finding in a cell of the HTML table must point at the
cell's exact source text, with emoji, CJK and CRLF line breaks. The parser's own cases
(implied ends, spanned columns, nesting, unclosed and split tables, containers, comments)
and a fuzzed one follow: what is not a clean table is skipped, and nothing raises.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, LintFn
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_lsp.engine import LintResult
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.parse.htmltables import html_tables, mask_cell
from pm_lsp.parse.markdown import parse, parse_whole
from pm_lsp.policy.templates import load_template

HERE = FIXTURES / "html"
PAIRS = sorted(p.name.removesuffix(".html.md") for p in HERE.glob("*.html.md"))
STANDARD = load_template("standard")


def _words(doc: PostmortemDoc, start: int, end: int) -> str:
    return " ".join(doc.masked[start:end].split())


def _findings(res: LintResult) -> list[tuple[str, str, str, str]]:
    return sorted(
        (d.code, str(d.severity), d.message, _words(res.doc, d.start, d.end))
        for d in res.diagnostics
    )


def _read(name: str, form: str) -> str:
    return (HERE / f"{name}.{form}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("template", [None, "standard", "google-sre", "pagerduty", "atlassian"])
@pytest.mark.parametrize("name", PAIRS)
def test_html_table_gives_the_findings_of_its_pipe_twin(
    lint_text: LintFn, name: str, template: str | None
) -> None:
    chosen = {} if template is None else {"template": template}
    html, pipe = lint_text(_read(name, "html"), **chosen), lint_text(_read(name, "pipe"), **chosen)
    assert _findings(html) == _findings(pipe)
    assert [t.html for t in html.doc.tables] == [True]
    assert [t.html for t in pipe.doc.tables] == [False]


#: per pair, findings that only a table read gives (code, the cell's source text)
FROM_CELLS = {
    "actions": [
        ("PM301", "Improve alerting for the cache tier"),
        ("PM302", "TBD"),
        ("PM303", "Add a dashboard panel for eviction rate &amp; hit ratio"),
        ("PM301", "Look into the resize runbook"),
        ("PM302", "Look into the resize runbook"),
        ("PM304", "Look into the resize runbook"),
    ],
    "timeline": [("PM502", "00:55")],
    # the rows of one spanning cell ("This week", "Later ...", "Done") group the items:
    # none of them is an item, and the "2 of 4" summary counts the items only
    "grouped": [
        ("PM301", "Check the exporter somehow"),
        ("PM302", "TBD"),
        ("PM303", "Alert the data team when an export runs 20 minutes past its usual end"),
        ("PM302", "Pin the exporter to named columns instead of positions"),
    ],
    "metadata": [("PM204", "Shipped"), ("PM204", "SEV9")],
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("name", PAIRS)
def test_findings_in_cells_point_at_the_cell_text(
    lint_text: LintFn, name: str, newline: str
) -> None:
    text = _read(name, "html").replace("\n", newline)
    res = lint_text(text)
    got = [(d.code, text[d.start : d.end]) for d in res.diagnostics]
    for want in FROM_CELLS[name]:
        assert want in got
    # the same finding, at the same line and column, whatever the line breaks
    lf = lint_text(_read(name, "html"))
    assert [(d.code, res.doc.lines.position(d.start, "utf-16")) for d in res.diagnostics] == [
        (d.code, lf.doc.lines.position(d.start, "utf-16")) for d in lf.diagnostics
    ]


def test_positions_after_emoji_and_cjk_in_utf16_and_code_points(lint_text: LintFn) -> None:
    text = _read("timeline", "html")
    res = lint_text(text)
    (late,) = [d for d in res.diagnostics if d.code == "PM502"]
    line_no = next(n for n, ln in enumerate(text.split("\n")) if "00:55" in ln)
    assert res.doc.lines.position(late.start) == (line_no, text.split("\n")[line_no].index("00"))
    # a row after the lock emoji and the CJK title: the columns are the same in UTF-16
    # (the line itself is ASCII) and the offsets count each emoji as one code point
    assert text[late.start : late.end] == "00:55"
    cell = next(c for t in res.doc.tables for r in t.rows for c in r if "東京" in c.value)
    assert text[cell.start : cell.end] == "Lock released; 東京 exports resume"
    line, col = res.doc.lines.position(cell.start, "utf-16")
    assert res.doc.lines.offset(line, col, "utf-16") == cell.start


def test_a_missing_column_has_no_pipe_fix_in_an_html_table(lint_text: LintFn) -> None:
    text = re.sub(r"\s*<t[hd][^>]*>(P\d|Priority)</t[hd]>", "", _read("actions", "html"))
    found = [d for d in lint_text(text).diagnostics if d.code == "PM305"]
    assert found and all(d.fix is None for d in found)
    assert "|" not in text


# -- the parser ---------------------------------------------------------------------------


def _cells(text: str) -> list[list[list[str]]]:
    """Per table: header and rows, each cell's source text."""
    doc = parse(text, STANDARD)
    return [
        [[text[c.start : c.end] for c in row] for row in [t.header, *t.rows]] for t in doc.tables
    ]


def test_implied_ends_and_uppercase_tags() -> None:
    text = "<TABLE>\n<TR><TH>Task<TH>Owner\n<TR><TD>Rotate keys<TD>@li\n<tr><td>Audit<td></TABLE>\n"
    assert _cells(text) == [[["Task", "Owner"], ["Rotate keys", "@li"], ["Audit", ""]]]


def test_the_last_row_of_the_head_names_the_columns() -> None:
    text = (
        '<table>\n<thead>\n<tr><th colspan="2">Follow-ups</th></tr>\n'
        "<tr><th>Action</th><th>Owner</th></tr>\n</thead>\n"
        "<tbody><tr><td>Add a canary stage</td><td>@ola</td></tr></tbody>\n</table>\n"
    )
    assert _cells(text) == [[["Action", "Owner"], ["Add a canary stage", "@ola"]]]
    doc = parse(text, STANDARD)
    assert "Follow-ups" not in [b.text for b in doc.blocks]
    assert doc.masked.strip().startswith("Action")
    # without <thead>, the row of <th> cells under the spanning one names the columns
    assert _cells(text.replace("<thead>", "").replace("</thead>", "")) == [
        [["Action", "Owner"], ["Add a canary stage", "@ola"]]
    ]


def test_rows_of_one_spanning_cell_group_the_rows_and_are_left_out() -> None:
    text = (
        "<table>\n<tr><th>Task</th><th>Who</th><th>By</th></tr>\n"
        '<tr><td colspan="3"><b>Before the freeze</b></td></tr>\n'
        "<tr><td>Shard the session store</td><td>Ilse</td><td>2026-05-01</td></tr>\n"
        "<tr><th>After the freeze</th></tr>\n"
        "<tr><td>Retire the old\nsession proxy</td><td>@tomas</td><td>Q3</td></tr>\n"
        '<tr><td colspan="2">Tracked on the board</td><td>see wiki</td></tr>\n'
        "</table>\n"
    )
    # a row of two cells (one spanning two columns) is a row like the others
    assert _cells(text) == [
        [
            ["Task", "Who", "By"],
            ["Shard the session store", "Ilse", "2026-05-01"],
            ["Retire the old\nsession proxy", "@tomas", "Q3"],
            ["Tracked on the board", "", "see wiki"],
        ]
    ]
    doc = parse(text, STANDARD)
    (t,) = doc.tables
    # the group rows are kept aside, before the row each groups; their words are in the
    # masked text (where they stand) but are no prose block; each kept row keeps its span
    assert [(at, text[c.start : c.end], c.text) for at, c in t.groups] == [
        (0, "Before the freeze", "Before the freeze"),
        (1, "After the freeze", "After the freeze"),
    ]
    assert not [b for b in doc.blocks if "freeze" in b.text]
    assert [text[s.start : s.end] for s in t.row_spans] == [
        "<tr><td>Shard the session store</td><td>Ilse</td><td>2026-05-01</td></tr>",
        "<tr><td>Retire the old\nsession proxy</td><td>@tomas</td><td>Q3</td></tr>",
        '<tr><td colspan="2">Tracked on the board</td><td>see wiki</td></tr>',
    ]
    # a table of one column has no group rows; neither has one whose rows are all one cell
    one = (
        "<table><tr><th>Task</th></tr><tr><td>Shard it</td></tr>"
        "<tr><td>Then this</td></tr></table>\n"
    )
    assert _cells(one) == [[["Task"], ["Shard it"], ["Then this"]]]
    # a lone <th> in the head is the header (the rows above it group the columns)
    head = "<table><thead><tr><th>Step</th></tr></thead><tr><td>a</td><td>b</td></tr></table>\n"
    assert _cells(head) == [[["Step"], ["a", "b"]]]


def _head_and_rows(text: str) -> tuple[list[str], list[list[str]]]:
    (t,) = parse(text, STANDARD).tables
    return [text[c.start : c.end] for c in t.header], [
        [text[c.start : c.end] for c in r] for r in t.rows
    ]


@pytest.mark.parametrize(
    ("rows", "header"),
    [
        # no <th>: a first row of short names without figures, handles or sentences
        ("<tr><td>Task</td><td>Who</td><td>Target date</td></tr>", True),
        ("<tr><td><b>Step</b></td><td>Time (UTC+1)</td><td>What happened</td></tr>", True),
        # a blank cell, a number sign, a question mark or a few words still name columns
        ("<tr><td>Follow-up</td><td>Assignee</td><td></td></tr>", True),
        ("<tr><td>#</td><td>Action</td><td>Owner</td><td>Done?</td></tr>", True),
        ("<tr><td>Date of the outage</td><td>Value</td></tr>", True),
        ("<tr><td>No.</td><td>Due date for the fix</td></tr>", True),
        ("<tr><td>Cap the retry budget at 3 tries</td><td>Ilse</td><td>May</td></tr>", False),
        ("<tr><td>Audit the firewall rules</td><td>@noor</td><td>TBD</td></tr>", False),
        ("<tr><td>Document why the cron job overlaps the backup.</td><td>Ilse</td></tr>", False),
        ("<tr><td>Shard the sessions</td><td>Kai</td><td>2026-07-01</td></tr>", False),
        # <th> in the first row: all of it the header, or (beside a <td>) a row's label
        ("<tr><th>Shard the sessions</th><th>Kai</th></tr>", True),
        ("<tr><th>Reported</th><td>2026-07-01 09:10</td></tr>", False),
        ("<tr><th>Service</th><td>checkout</td></tr>", False),
    ],
)
def test_the_first_row_is_the_header_only_when_it_names_the_columns(
    rows: str, header: bool
) -> None:
    second = "<tr><td>Retire the old proxy</td><td>Luis</td><td>2026-09-30</td></tr>"
    text = f"<table>\n{rows}\n{second}\n</table>\n"
    head, body = _head_and_rows(text)
    first = [c for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rows)]
    first = [re.sub(r"</?b>", "", c) if c.startswith("<b>") else c for c in first]
    assert (head, len(body)) == ((first, 1) if header else ([], 2))
    if not header:
        assert body[0][0] == first[0]


def test_a_metadata_table_of_row_labels_has_no_header_and_gives_every_field(
    lint_text: LintFn,
) -> None:
    text = (
        "# Queue backlog\n\n<table>\n<tr><th>Date</th><td>2026-04-02</td></tr>\n"
        "<tr><th>Status</th><td>Draft</td></tr>\n<tr><th>Severity</th><td>SEV3</td></tr>\n"
        "</table>\n"
    )
    res = lint_text(text)
    assert res.doc.tables[0].header == []
    assert {f.canonical for f in res.doc.metadata} >= {"date", "status", "severity"}


def test_a_spanned_column_is_padded_with_empty_cells() -> None:
    text = (
        '<table><tr><th colspan="2">Task</th><th>Due</th></tr>'
        "<tr><td>a</td><td>b</td><td>c</td></tr></table>\n"
    )
    assert _cells(text) == [[["Task", "", "Due"], ["a", "b", "c"]]]


@pytest.mark.parametrize(
    "text",
    [
        "<table><tr><td>a<table><tr><td>b</td></tr></table></td></tr></table>\n",
        '<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>\n',
        "<table>\n<tr><td>a</td><td>b</td></tr>\n",
        "<table></table>\n",
        "<table><caption>only a caption</caption></table>\n",
        "<table><tr><td>a</td></tr>\n\nA paragraph.\n\n</table>\n",
        "```\n<table><tr><td>a</td></tr></table>\n```\n",
        "<!-- <table><tr><td>a</td></tr></table> -->\n",
        "Inline <table><tr><td>a</td></tr></table> in a paragraph.\n",
    ],
    ids=[
        "nested",
        "rowspan",
        "unclosed",
        "empty",
        "caption only",
        "paragraph inside",
        "in code",
        "in a comment",
        "inline in prose",
    ],
)
def test_what_is_not_a_clean_table_is_skipped(text: str) -> None:
    assert parse(text, STANDARD).tables == []


def test_a_table_split_by_blank_lines_is_one_table() -> None:
    text = (
        "<table>\n<tr><th>Time</th><th>Event</th></tr>\n\n"
        "<tr><td>09:00</td><td>Deploy</td></tr>\n\n</table>\n"
    )
    assert _cells(text) == [[["Time", "Event"], ["09:00", "Deploy"]]]


def test_tables_in_a_quote_and_a_list_item_leave_their_markers_out() -> None:
    quoted = (
        "> <table>\n> <tr><th>Action</th></tr>\n> <tr><td>Add a\n> canary</td></tr>\n> </table>\n"
    )
    doc = parse(quoted, STANDARD)
    (cell,) = doc.tables[0].rows[0]
    assert cell.value == "Add a\n  canary"
    assert doc.masked[cell.start : cell.end] == cell.text
    bom = parse("\ufeff" + quoted, STANDARD)  # the BOM is one code point before it all
    assert [(c.start - 1, c.text) for c in bom.tables[0].rows[0]] == [(cell.start, cell.text)]
    listed = "- Notes:\n\n  <table><tr><th>A</th></tr><tr><td>b</td></tr></table>\n"
    assert _cells(listed) == [[["A"], ["b"]]]


def test_a_cell_reads_its_words_and_masks_tags_and_entities_in_place() -> None:
    text = (
        "<table><tr><th>Action</th></tr><tr><td> <b>Split</b> the &lt;queue&gt; "
        "&amp; retry<br>later&nbsp;</td></tr></table>\n"
    )
    doc = parse(text, STANDARD)
    (cell,) = doc.tables[0].rows[0]
    assert text[cell.start : cell.end] == "Split</b> the &lt;queue&gt; &amp; retry<br>later"
    assert " ".join(cell.text.split()) == "Split the < queue> & retry later"
    assert len(cell.text) == cell.end - cell.start
    assert [b.text for b in doc.blocks if b.kind == "table_cell"] == ["Action", cell.text]


def test_tags_inside_comments_and_quoted_attributes() -> None:
    text = (
        '<table><tr><th title="a &lt;b&gt; b">Action</th></tr>'
        "<!-- <tr><td>gone</td></tr> --><tr><td>kept</td></tr></table>\n"
    )
    # the comment's row is never a row
    assert _cells(text) == [[["Action"], ["kept"]]]
    # a "<" in a quoted value ends the tag there (an XHTML export escapes it): a tag that
    # is no tag spoils its table
    assert _cells(text.replace("&lt;b&gt;", "<b>")) == []


def test_chunked_parse_equals_the_whole_parse() -> None:
    text = "\n\n".join(
        [
            _read("actions", "html"),
            "## Timeline",
            _read("timeline", "html"),
            _read("grouped", "html"),
        ]
    )
    a, b = parse(text, STANDARD), parse_whole(text, STANDARD)

    def seen(doc: PostmortemDoc) -> list[object]:
        return [
            (t.start, t.end, t.html, [(i, c.start, c.text) for i, c in t.groups])
            for t in doc.tables
        ]

    assert seen(a) == seen(b)
    assert [g for t in a.tables for g in t.groups]
    assert a.masked == b.masked


def test_a_timeline_grouped_by_day_reads_the_date_of_each_group(lint_text: LintFn) -> None:
    rows = [
        ("2026-09-07", None),
        ("21:15", "Impact began: uploads failed for users in the EU region"),
        ("21:25", "Storage alert fired; the on-call engineer started the incident"),
        ("2026-09-08", None),
        ("22:45", "Impact ended: uploads succeed again and the incident is resolved"),
    ]
    html = "".join(
        f'<tr><td colspan="2"><strong>{a}</strong></td></tr>\n'
        if b is None
        else f"<tr><td>{a}</td><td>{b}</td></tr>\n"
        for a, b in rows
    )
    pipe = "".join(f"| **{a}** | |\n" if b is None else f"| {a} | {b} |\n" for a, b in rows)
    head = (
        "# Upload failures\n\n**Duration**: 25 hours 30 minutes\n\n"
        "## Timeline\n\nAll times UTC.\n\n"
    )
    forms = [
        head + "<table>\n<tr><th>Time</th><th>Event</th></tr>\n" + html + "</table>\n",
        head + "| Time | Event |\n| --- | --- |\n" + pipe,
    ]
    for text in forms:
        codes = [d.code for d in lint_text(text).diagnostics if d.code.startswith("PM50")]
        assert codes == []  # 21:15 on the 7th to 22:45 on the 8th: 25 h 30 min, as stated
    # without the day rows the stated duration disagrees (the check is alive)
    bare = re.sub(r".*colspan.*\n", "", forms[0])
    assert "PM503" in [d.code for d in lint_text(bare).diagnostics]


def test_mask_cell_keeps_length_and_unknown_references() -> None:
    for raw in ["&amp;", "&bogus;", "&amp", "&#x1F600;", "&#10;", "a&nbsp;b", "&#0;"]:
        assert len(mask_cell(raw)) == len(raw)
    assert mask_cell("&bogus;") == "&bogus;"
    assert mask_cell("&#x1F600;") == "\U0001f600" + " " * 8


_PIECES = [
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<thead>",
    "<tbody>", "</tbody>", "<caption>", '<td colspan="3">', '<td rowspan="2">', "<br>",
    "&amp;", "&nbsp;", "<!--", "-->", "\n", "\n\n", "\r\n", "> ", "- ", "x", "東", "🔥", "<",
    '"', "'", "`", "|", "# h\n", "<td ", "</",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_any_mix_of_table_pieces_parses_with_cells_inside_their_table(pieces: list[str]) -> None:
    text = "".join(pieces)
    for doc in (parse(text, STANDARD), parse_whole(text, STANDARD)):
        assert len(doc.masked) == len(text)
        for t in doc.tables:
            for row in [t.header, *t.rows, [c for _, c in t.groups]]:
                for c in row:
                    assert t.start <= c.start <= c.end <= t.end
                    assert len(c.text) == c.end - c.start
            assert all(0 <= at <= len(t.rows) for at, _ in t.groups)
    assert all(t.rows and t.end > t.start for t in html_tables(text))


# -- an action table without a header row -------------------------------------------------

_HEADLESS = (
    "# Search latency after the index merge\n\n"
    "**Date**: 2026-06-14\n**Status**: Draft\n**Severity**: SEV3\n**Authors**: Noor Haddad\n\n"
    "## Summary\n\nSearch slowed down for 35 minutes after two indexes merged. No data was "
    "lost.\n\n## {title}\n\n"
    "<table>\n"
    "<tr><td>Limit index merges to the quiet window at night</td><td>@noor</td>"
    "<td>2026-07-01</td></tr>\n"
    "<tr>\n  <td>Write a runbook step for pausing\n  a merge</td>\n  <td>Kasia Wren</td>\n"
    "  <td></td>\n</tr>\n"
    "<tr><td>Add a latency alert for the search tier 🔍 検索</td><td>TBD</td>"
    "<td>2026-07-15</td></tr>\n"
    "<tr><td>Investigate the merge scheduler</td><td>&nbsp;</td><td>2026-08-01</td></tr>\n"
    "</table>\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_an_action_table_without_a_header_has_its_rows_checked(
    lint_text: LintFn, newline: str
) -> None:
    text = _HEADLESS.format(title="Action items").replace("\n", newline)
    res = lint_text(text)
    (t,) = res.doc.tables
    assert t.header == [] and len(t.rows) == 4  # the first row is an item, not a header
    got = sorted(
        (d.code, text[d.start : d.end]) for d in res.diagnostics if d.code.startswith("PM30")
    )
    assert got == [
        ("PM301", "Investigate the merge scheduler"),
        ("PM302", "Action items"),  # the summary: "2 of 4"
        ("PM302", "Investigate the merge scheduler"),
        ("PM302", "TBD"),
        ("PM303", f"Write a runbook step for pausing{newline}  a merge"),
    ]
    assert any("2 of 4" in d.message for d in res.diagnostics if d.code == "PM302")
    # no column is reported missing: one that no header names may hold it
    assert not [d for d in res.diagnostics if "column" in d.message]


def test_a_table_without_a_header_is_no_action_table_unless_its_columns_tell(
    lint_text: LintFn,
) -> None:
    # outside an action section
    res = lint_text(_HEADLESS.format(title="Contributing factors"))
    assert not [d for d in res.diagnostics if d.code in ("PM302", "PM303")]
    # in one, but no column of dates, tickets or names beside the long cells
    vague = re.sub(
        r"<td>(?:@noor|Kasia Wren|TBD|&nbsp;|2026-\d\d-\d\d)</td>", "<td>ok</td>", _HEADLESS
    )
    res = lint_text(vague.format(title="Action items"))
    assert not [d for d in res.diagnostics if d.code in ("PM302", "PM303", "PM304", "PM305")]
