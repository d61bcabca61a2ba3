"""The document model on fixture postmortems: sections, blocks, tables, metadata, exact spans.

Each ``tests/fixtures/document/<name>.md`` has a sidecar ``<name>.json`` holding what the
parser must find, written as 1-based ``line:column`` positions (columns in code points) next
to the source text they point at, so a reviewer can check an expectation by eye. Variants of
the same files with CRLF, CR-only line breaks and a BOM must give the same structure at the
same (or exactly shifted) positions.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import FIXTURES

from pm_lsp.model.document import PostmortemDoc, Span
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.templates import load_template

HERE = FIXTURES / "document"
CASES = sorted(p.stem for p in HERE.glob("*.md"))


def _pos(doc: PostmortemDoc, offset: int) -> str:
    line, col = doc.lines.position(offset)
    return f"{line + 1}:{col + 1}"


def _span(doc: PostmortemDoc, start: int, end: int) -> str:
    return f"{_pos(doc, start)}-{_pos(doc, end)}"


def describe(doc: PostmortemDoc) -> dict[str, Any]:
    """Everything the model found, as positions and source text (JSON-able)."""
    text = doc.text
    out: dict[str, Any] = {
        "title": None
        if doc.title_span is None
        else [doc.title, _span(doc, doc.title_span.start, doc.title_span.end)],
        "sections": [
            {
                "title": s.title,
                "level": s.level,
                "canonical": s.canonical,
                "parent": s.parent.title if s.parent else None,
                "at": _span(doc, s.title_span.start, s.title_span.end),
                "body": _span(doc, s.body.start, s.body.end),
            }
            for s in doc.sections
        ],
        "blocks": [],
        "tables": [
            {
                "at": _span(doc, t.start, t.end),
                "header": [[c.value, _pos(doc, c.start)] for c in t.header],
                "rows": [[c.value for c in row] for row in t.rows],
            }
            for t in doc.tables
        ],
        "metadata": [
            [
                f.key,
                f.canonical,
                f.value,
                _span(doc, f.value_span.start, f.value_span.end),
                f.source,
            ]
            for f in doc.metadata
        ],
        "comments": [[_span(doc, c.start, c.end), c.body] for c in doc.comments],
        "code": [_span(doc, r.start, r.end) for r in doc.code_regions],
        "front_matter": None
        if doc.front_matter is None
        else _span(doc, doc.front_matter.start, doc.front_matter.end),
    }
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        entry: dict[str, Any] = {
            "kind": b.kind,
            "at": _span(doc, b.start, b.end),
            "source": text[b.start : b.end],
            "section": b.section.title if b.section else None,
        }
        if b.text != text[b.start : b.end]:
            entry["masked"] = b.text
        if b.list_depth:
            entry["depth"] = b.list_depth
        if b.ordered:
            entry["ordered"] = True
        if b.checkbox is not None:
            entry["checkbox"] = b.checkbox
        out["blocks"].append(entry)
    return out


def _load(name: str) -> tuple[str, dict[str, Any]]:
    text = (HERE / f"{name}.md").read_text(encoding="utf-8")
    expected = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    return text, expected


def _parse(text: str, template: str = "standard") -> PostmortemDoc:
    return parse(text, load_template(template))


def _normalise_sources(d: dict[str, Any]) -> dict[str, Any]:
    """``describe`` output with line breaks in source/masked text written as ``\\n``."""
    raw = json.dumps(d, ensure_ascii=False)
    return dict(json.loads(raw.replace("\\r\\n", "\\n").replace("\\r", "\\n")))


@pytest.mark.parametrize("name", CASES)
def test_fixture_structure(name: str) -> None:
    text, expected = _load(name)
    template = expected.pop("template", "standard")
    got = describe(_parse(text, template))
    for key, value in expected.items():
        assert got[key] == value, key


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_breaks_give_the_same_positions(name: str, newline: str) -> None:
    """Lines and code-point columns do not depend on the line-break style."""
    text, expected = _load(name)
    template = expected.pop("template", "standard")
    variant = text.replace("\n", newline)
    got = _normalise_sources(describe(_parse(variant, template)))
    assert got == _normalise_sources(describe(_parse(text, template)))
    assert "\n" not in variant or newline == "\r\n"


def _all_spans(doc: PostmortemDoc) -> list[tuple[int, int]]:
    spans: list[Span] = []
    for s in doc.sections:
        spans += [s.heading, s.title_span, s.body, s.content]
    spans += [b.span for b in doc.blocks]
    for t in doc.tables:
        spans.append(Span(t.start, t.end))
        spans += [Span(c.start, c.end) for c in t.header]
        spans += [Span(c.start, c.end) for row in t.rows for c in row]
        spans += t.row_spans
    for f in doc.metadata:
        spans += [f.key_span, f.value_span]
    spans += [Span(c.start, c.end) for c in doc.comments]
    spans += doc.code_regions
    if doc.front_matter is not None:
        spans.append(doc.front_matter)
    return [(s.start, s.end) for s in spans]


@pytest.mark.parametrize("name", CASES)
def test_bom_shifts_every_offset_by_one(name: str) -> None:
    text, expected = _load(name)
    template = expected.pop("template", "standard")
    plain, bom = _parse(text, template), _parse("\ufeff" + text, template)
    assert _all_spans(bom) == [(a + 1, b + 1) for a, b in _all_spans(plain)]
    assert bom.title == plain.title
    assert [s.title for s in bom.sections] == [s.title for s in plain.sections]
    assert [(f.key, f.value) for f in bom.metadata] == [(f.key, f.value) for f in plain.metadata]


@pytest.mark.parametrize("name", CASES)
def test_masking_invariants(name: str) -> None:
    text, expected = _load(name)
    doc = _parse(text, expected.get("template", "standard"))
    assert len(doc.masked) == len(doc.text)
    # line breaks are never masked, so every line keeps its number
    assert [i for i, c in enumerate(doc.masked) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"
    ]
    for b in doc.blocks:
        assert b.text == doc.masked[b.start : b.end]
        # a masked character is either the source character or a stand-in
        for src, m in zip(text[b.start : b.end], b.text, strict=True):
            assert m == src or m in " x", (src, m)


# -- never prose ---------------------------------------------------------------------------

NEVER_PROSE = [
    "grafana.example.net",  # link target
    "support.example.net",  # bare URL
    "queue_depth",  # inline code
    "kubectl",  # inline code inside a table cell
    "internal note",  # HTML comment inside a quote
    "this line is code",  # fenced code, looks like a heading
    "lease expired",
    "indented code",
    "pm-lint-disable",  # directive comment
    "wiki.example.net",  # link reference definition
    "tags:",  # front matter
]


@pytest.mark.parametrize("needle", NEVER_PROSE)
def test_code_comments_front_matter_and_urls_are_never_prose(needle: str) -> None:
    text, _ = _load("full")
    doc = _parse(text)
    assert needle in text
    assert needle not in doc.masked
    assert all(needle not in b.text for b in doc.blocks)


def test_prose_words_survive_masking() -> None:
    text, _ = _load("full")
    doc = _parse(text)
    for words in (
        "billing worker",
        "the dashboard",
        "confirm refunds with",
        "owners",
        "are delayed.",
        "Queue depth alert",
        "no effect",
        "the batch loop.",
    ):
        assert words in doc.masked, words


def test_heading_inside_code_is_not_a_section() -> None:
    doc = _parse("# T\n\n```\n## Impact\n```\n\n~~~\n# Also code\n~~~\n")
    assert [s.title for s in doc.sections] == ["T"]
    assert len(doc.code_regions) == 2


def test_comment_inside_code_is_not_a_comment() -> None:
    text = "# T\n\n```html\n<!-- pm-lint-disable -->\n```\n\n<!-- real -->\n"
    doc = _parse(text)
    assert [c.body for c in doc.comments] == [" real "]


# -- sections ------------------------------------------------------------------------------


def test_section_tree_and_lookup() -> None:
    text, _ = _load("nesting")
    doc = _parse(text)
    by_title = {s.title: s for s in doc.sections}
    rca = by_title["Root Cause Analysis"]
    assert [c.title for c in rca.children] == ["Trigger", "Contributing Factors"]
    why = by_title["Why it was not renewed"]
    assert [a.title for a in why.ancestors()] == [
        "Trigger",
        "Root Cause Analysis",
        "Broker failover",
    ]
    assert why.canonical_path() == ["root-cause", "root-cause"]
    # the body of a section runs to the next heading of its level or higher,
    # its content only to the next heading of any level
    trigger = by_title["Trigger"]
    assert text[trigger.body.start : trigger.body.end].strip().endswith("old hostname.")
    assert text[trigger.content.start : trigger.content.end].strip() == (
        "A certificate on the broker expired."
    )
    assert [b.text for b in doc.blocks_in(trigger, nested=False) if b.kind != "heading"] == [
        "A certificate on the broker expired."
    ]
    assert len([b for b in doc.blocks_in(trigger) if b.kind != "heading"]) == 2
    offset = text.index("old hostname")
    assert doc.section_at(offset) is why
    assert doc.section_at(text.index("Preamble")) is None
    assert [s.title for s in doc.sections_named("action-items")] == ["Action Items", "Follow-Ups"]
    assert [s.title for s in doc.roots] == ["Broker failover", "Follow-Ups"]


def test_section_at_prefers_the_innermost_heading() -> None:
    text = "# T\n\n## A\n\none\n\n### B\n\ntwo\n\n## C\n\nthree\n"
    doc = _parse(text)
    at = {w: doc.section_at(text.index(w)) for w in ("one", "two", "three")}
    assert {w: s.title if s else None for w, s in at.items()} == {
        "one": "A",
        "two": "B",
        "three": "C",
    }


def test_tables_in_section() -> None:
    text, _ = _load("full")
    doc = _parse(text)
    (timeline,) = doc.sections_named("timeline")
    (table,) = doc.tables_in(timeline)
    assert table.section is timeline
    assert [text[s.start : s.end] for s in table.row_spans] == [
        "| 09:12 | Queue depth alert *fired* |",
        "| 09:40 | Worker restarted with `kubectl rollout restart` \\| no effect |",
    ]
    assert doc.tables_in(doc.sections_named("impact")[0]) == []


def test_table_without_edge_pipes_and_with_empty_cells() -> None:
    text = "# T\n\nWhen | What | Who\n--- | --- | ---\n10:00 |  | ops\n"
    doc = _parse(text)
    (t,) = doc.tables
    assert [c.value for c in t.header] == ["When", "What", "Who"]
    assert [[c.value for c in r] for r in t.rows] == [["10:00", "", "ops"]]
    empty = t.rows[0][1]
    assert empty.start == empty.end
    # an empty cell is not a prose block
    assert all(b.start != b.end for b in doc.blocks if b.kind == "table_cell")


# -- metadata ------------------------------------------------------------------------------


def test_bold_field_variants() -> None:
    text = (
        "# T\n\n**Status:** Draft\n__Severity__: SEV1\n- **Owner**:  @kai  \n"
        "**Not a field** because no colon\n"
    )
    doc = _parse(text)
    got = [
        (f.key, f.canonical, f.value, text[f.value_span.start : f.value_span.end])
        for f in doc.metadata
    ]
    assert got == [
        ("Status", "status", "Draft", "Draft"),
        ("Severity", "severity", "SEV1", "SEV1"),
        ("Owner", "authors", "@kai", "@kai"),
    ]


def test_plain_fields_only_before_the_first_section_and_only_known_keys() -> None:
    text = (
        "# T\n\nStatus: Final\nNote: not a field we know\n\n## Impact\n\n"
        "Date: this is prose in a section, not metadata\n"
    )
    doc = _parse(text)
    assert [(f.key, f.value, f.source) for f in doc.metadata] == [("Status", "Final", "plain")]


def test_front_matter_fields_with_quotes_and_errors() -> None:
    text = "---\nseverity: 'SEV3'\nauthors: \"Ana\"\n---\n# T\n"
    doc = _parse(text)
    got = [(f.key, f.value, text[f.value_span.start : f.value_span.end]) for f in doc.metadata]
    assert got == [("severity", "SEV3", "SEV3"), ("authors", "Ana", "Ana")]
    assert doc.front_matter == Span(0, text.index("\n# T"))
    assert doc.front_matter_error is None

    broken = _parse("---\nstatus: [unclosed\n---\n# T\n")
    assert broken.front_matter_error is not None
    assert "not valid YAML" in broken.front_matter_error
    assert _parse("---\n- a list\n---\n").front_matter_error == ("not a mapping of keys to values")
    # YAML that scans but cannot be built into values (an impossible date) is reported too
    impossible = _parse("---\ndate: 2025-02-30\n---\n# T\n")
    assert impossible.front_matter_error == (
        "a value YAML cannot build (day is out of range for month)"
    )
    assert [(f.key, f.value) for f in impossible.metadata] == [("date", "2025-02-30")]


def test_toml_front_matter_fields_and_errors() -> None:
    """``+++`` front matter (Hugo, Zola) is TOML: its ``key = value`` lines are fields."""
    text = '+++\r\nseverity = "SEV3"\r\ndate = 2025-02-11\r\n+++\r\n# T\r\n'
    doc = _parse(text)
    got = [(f.key, f.value, text[f.value_span.start : f.value_span.end]) for f in doc.metadata]
    assert got == [("severity", "SEV3", "SEV3"), ("date", "2025-02-11", "2025-02-11")]
    assert doc.front_matter == Span(0, text.index("\r\n# T"))
    assert doc.front_matter_error is None
    assert doc.title == "T"
    broken = _parse('+++\ntitle = "unclosed\n+++\n# T\n')
    assert broken.front_matter_error == "not valid TOML (line 2)"
    # a YAML closing line does not close TOML front matter
    assert _parse("+++\nstatus = 1\n---\n# T\n").front_matter is None


def test_unterminated_front_matter_is_not_front_matter() -> None:
    doc = _parse("---\nstatus: Draft\n\n# Title\n")
    assert doc.front_matter is None
    assert doc.title == "Title"


def test_title_from_front_matter_when_there_is_no_h1() -> None:
    doc = _parse("---\ntitle: From YAML\n---\n\n## Impact\n\nNone.\n")
    assert doc.title == "From YAML"
    assert doc.title_span is not None
    assert doc.text[doc.title_span.start : doc.title_span.end] == "From YAML"


def test_parse_without_a_template_has_no_canonical_names() -> None:
    doc = parse("# T\n\n**Status**: Draft\n\n## Impact\n")
    assert [s.canonical for s in doc.sections] == [None, None]
    assert [(f.key, f.canonical) for f in doc.metadata] == [("Status", None)]


def test_word_count_ignores_markup_and_code() -> None:
    doc = _parse("# Title words\n\nTwo **bold** words, `code here` and [a link](http://x.y/z).\n")
    # Two, bold, words, xxxxxxxxxxx (one placeholder word), and, a, link
    assert doc.word_count() == 7


def test_block_end_includes_closing_markup() -> None:
    """Fixes append at a block's end: it must be after ``**`` and ``](url)``, not inside."""
    text = "# T\n\n- ship the **patch**\n- read [the doc](https://x.example/doc)\n"
    doc = _parse(text)
    items = [text[b.start : b.end] for b in doc.blocks if b.kind == "list_item"]
    assert items == ["ship the **patch**", "read [the doc](https://x.example/doc)"]


def test_heading_text_span_excludes_markers() -> None:
    text = "#   Spaced title   ##  \n\n## `code` in *heading*\n"
    doc = _parse(text)
    spans = [text[s.title_span.start : s.title_span.end] for s in doc.sections]
    assert spans == ["Spaced title", "`code` in *heading*"]
    assert [s.title for s in doc.sections] == ["Spaced title", "xxxxxx in heading"]


def test_empty_and_whitespace_documents() -> None:
    for text in ("", "\n", "\r\n\r\n", "   ", "\ufeff", "\ufeff\n"):
        doc = _parse(text)
        assert doc.sections == [] and doc.title is None
        assert all(b.text.strip() == "" for b in doc.blocks)


def test_expected_files_exist_for_every_fixture() -> None:
    assert CASES, "no document fixtures"
    for name in CASES:
        assert (HERE / f"{name}.json").is_file(), name
    # fixtures are written with LF; the variants above make the CRLF/CR/BOM copies
    for p in HERE.glob("*.md"):
        raw = p.read_bytes()
        assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf"), p.name
        assert re.search(rb"\S", raw)


def test_lsp_positions_equal_the_line_index_in_every_encoding() -> None:
    """``Positions.position`` measures non-ASCII line prefixes with the codec; it must give
    :meth:`LineIndex.position`'s answer for every offset (emoji, ZWJ, CJK, a lone surrogate,
    CR, LF and CRLF, offsets outside the text)."""
    import random

    from pm_lsp.lsp.convert import Positions
    from pm_lsp.model.positions import LineIndex

    rng = random.Random(5)
    alphabet = [*"ab c\n\r", "\r\n", "é", "日", "😀", "👩\u200d💻", "\ud800", "\u2019"]
    checked = 0
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        index = LineIndex(text)
        for enc in ("utf-8", "utf-16", "utf-32"):
            pos = Positions(index, enc)  # type: ignore[arg-type]
            for off in range(-2, len(text) + 3):
                p = pos.position(off)
                assert (p.line, p.character) == index.position(off, enc), (text, enc, off)  # type: ignore[arg-type]
                checked += 1
    assert checked > 10_000


@pytest.mark.parametrize(
    ("text", "title", "start"),
    [
        ("- # Follow-up work\n", "Follow-up work", 4),
        ("> ## Quoted heading\n", "Quoted heading", 5),
        ("1. ### Numbered\n", "Numbered", 7),
        ("\ufeff- # After a BOM\n", "After a BOM", 5),
        ("\ufeff- #\n", "", 4),  # an empty heading in a list item, after a BOM
    ],
)
def test_a_heading_inside_a_container_has_its_own_title(text: str, title: str, start: int) -> None:
    """An ATX heading inside a list item or a quote: the title is its text, not the line
    with the container's marker, and it lies inside the heading (found by the property
    tests with a BOM before "- #")."""
    (section,) = parse(text).sections
    assert section.title == title
    assert section.title_span.start == start
    assert section.heading.start <= section.title_span.start <= section.heading.end
