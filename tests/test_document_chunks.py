"""The chunked parse equals the whole-document parse, on every kind of document and edit.

:func:`pm_lsp.parse.markdown.parse` cuts the text at top-level headings and builds (and caches)
each chunk on its own; :func:`pm_lsp.parse.markdown.parse_whole` hands the whole text to
markdown-it at once. Every structure they produce must be identical: the fixtures and the
evaluation corpus, documents written to put ``#`` lines where they are *not* headings (in
fences, HTML blocks, front matter, lists, quotes, tables), random documents from the
property-test grammar, and sequences of edits parsed against a warm cache.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import document_paths
from hypothesis import given
from hypothesis import strategies as st
from test_properties import FAST, markdown

from pm_lsp.model.document import Block, PostmortemDoc, Section, Table
from pm_lsp.parse import chunks as md_chunks
from pm_lsp.parse.markdown import chunk_starts, clear_cache, parse, parse_whole
from pm_lsp.policy.templates import load_template

TEMPLATE = load_template("standard")


def snapshot(doc: PostmortemDoc) -> dict[str, Any]:
    """Every field of the document model, with object links turned into indices."""
    sec_index = {id(s): i for i, s in enumerate(doc.sections)}

    def sec(s: Section | None) -> int | None:
        return None if s is None else sec_index[id(s)]

    def block(b: Block) -> tuple[Any, ...]:
        return (
            b.kind,
            b.start,
            b.end,
            b.text,
            sec(b.section),
            b.list_depth,
            b.ordered,
            b.checkbox,
            b.in_quote,
            b.item_start,
        )

    def table(t: Table) -> tuple[Any, ...]:
        cells = [[(c.start, c.end, c.text) for c in row] for row in [t.header, *t.rows]]
        return (t.start, t.end, cells, sec(t.section), t.row_spans)

    return {
        "text": doc.text,
        "masked": doc.masked,
        "title": (doc.title, doc.title_span),
        "sections": [
            (
                s.title,
                s.level,
                s.canonical,
                s.heading,
                s.title_span,
                s.body,
                s.content,
                sec(s.parent),
                [sec(c) for c in s.children],
            )
            for s in doc.sections
        ],
        "blocks": [block(b) for b in doc.blocks],
        "tables": [table(t) for t in doc.tables],
        "metadata": doc.metadata,
        "comments": doc.comments,
        "code_regions": doc.code_regions,
        "front_matter": (doc.front_matter, doc.front_matter_error),
        "lines": doc.lines.starts,
    }


def assert_same(text: str) -> None:
    chunked = snapshot(parse(text, TEMPLATE))
    whole = snapshot(parse_whole(text, TEMPLATE))
    for key in whole:  # one key at a time, so a failure names the structure that differs
        assert chunked[key] == whole[key], key


def variants(text: str) -> list[str]:
    return [text, text.replace("\n", "\r\n"), text.replace("\n", "\r"), "\ufeff" + text]


# -- documents that put "#" lines where they are not top-level headings ---------------------

TRICKY = {
    "plain sections": "# Title\n\nIntro.\n\n## Impact\n\nText.\n\n## Timeline\n\n- 10:00 a\n",
    "bash comments in a fence": (
        "# Outage\n\n## Response\n\n```bash\n# drain the node\nkubectl drain n1\n"
        "## not a heading\n```\n\n## Impact\n\nNone.\n"
    ),
    "tilde fence, longer closer": ("# T\n\n~~~~\n# a\n~~~\n## b\n~~~~~\n\n## Real\n\ntext\n"),
    "backtick info with a backtick is not a fence": (
        "# T\n\n``` not `a fence\n## Real heading\n\ntext\n"
    ),
    "unclosed fence swallows the rest": (
        "# T\n\n## A\n\n```\n" + "".join(f"# line {i}\n## line {i}\n" for i in range(40))
    ),
    "fence inside a list item": (
        "# T\n\n- step\n\n  ```\n  # indented comment\n  ```\n## After\n\ntext\n"
    ),
    "html block swallows a heading line": (
        "# T\n\n<div>\n## inside the html block\n</div>\n\n## Outside\n\ntext\n"
    ),
    "html comment block": ("# T\n\n<!--\n## commented out\n-->\n\n## Kept\n\ntext\n"),
    "script and pre blocks": (
        "# T\n\n<pre>\n# shell\n\n## still pre\n</pre>\n## After pre\n\n"
        "<script>\n# x\n</script>\n## After script\n"
    ),
    "table then heading": "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n## Next\n\ntext\n",
    "heading line as a table header": "# T\n\n## a | b\n|---|---|\n| 1 | 2 |\n\n## c\n",
    "paragraph interrupted": "# T\nline one\n## Two\nline three\n# Three\n",
    "list then heading": "# T\n\n- item\n  continued\n## H\n- other\n",
    "indented heading in a list": "# T\n\n- item\n\n  ## nested heading\n\n## Top\n",
    "quote then heading": "# T\n\n> quoted\n## H\n\n> ## quoted heading\n",
    "setext near cuts": "## A\n---\ntext\n## B\n===\nPara\n===\n## C\n",
    "not headings": "#hashtag\n\n#\n\n##\n\n##\tTab title\n\n### Level three\n\n#### x\n",
    "indented code": "# T\n\n    # code\n    ## code\n\n## After\n",
    "front matter with comments": (
        "---\ntitle: X\n# yaml comment\n## another\n---\n# Title\n\n## Impact\n\ntext\n"
    ),
    "unterminated front matter": "---\n# a\n## b\ntext\n",
    "heading on the last lines": "text\n## A\n## B",
    "first line heading": "## Only\ntext",
    "empty": "",
    "only newlines": "\n\n\n",
    "link reference definitions": (
        "# T\n\n[a]: https://example.com/a\n## H\n\n[a]: https://example.com/b\n\n## I\n"
    ),
    "comment across a cut": "# T\n\ntext <!-- open\n## H\nclose --> more\n",
    "an opener in a fence closed after a cut": (
        "# T\n\n```\n<!-- in code\n```\n\n## H\n\n<!-- swallowed --> <!-- kept -->\n\n"
        "## I\n\n<!-- x -->\n"
    ),
    "comments in chunks, one in code": (
        "# T\n\n<!-- a -->\n\n## H\n\n```\n<!-- code -->\n```\n\n<!-- b --> <!--c-->\n"
    ),
    "metadata before and after the first h2": (
        "# T\n\n**Status**: Draft\nSeverity: SEV2\n\n## Impact\n\n**Owner**: @ana\n"
        "Date: 2025-03-14\n"
    ),
    "setext sections and subsections": (
        "Title\n=====\n\nIntro.\n\nImpact\n------\n\nText.\n\n### Scope\n\n- a\n\n"
        "#### Detail\n\nMore.\n"
    ),
    "setext look-alikes that are not cuts": (
        "# T\n\nFirst line\nSecond line\n---\n\n- item\n\n  Nested\n  ---\n\n"
        "<!--\n\nCommented\n===\n-->\n\n```\n\nFenced\n---\n```\n\nAfter\n---\ntext\n"
    ),
    "emoji and CJK": "# 障害 🔥\n\n👩‍💻 **Status**: Draft\n\n## 影響\n\n東京 | x\n\n## Timeline\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_documents(name: str) -> None:
    for text in variants(TRICKY[name]):
        clear_cache()
        assert_same(text)
        assert_same(text)  # and again, from the cache


def test_fixtures_and_corpus() -> None:
    paths = document_paths()
    assert len(paths) > 20
    for p in paths:
        text = p.read_text(encoding="utf-8", errors="replace")
        assert_same(text)


def test_real_documents_are_cut_at_sections() -> None:
    """The speed-up exists: a document with sections is built in pieces, not whole."""
    text = TRICKY["plain sections"]
    assert chunk_starts(text, TEMPLATE) == [0, 4, 8]
    # A heading line inside a fence or an HTML block is never a cut.
    assert chunk_starts(TRICKY["bash comments in a fence"], TEMPLATE) == [0, 2, 10]
    assert chunk_starts(TRICKY["html block swallows a heading line"], TEMPLATE) == [0, 6]
    # Setext headings and deeper ATX levels cut too (a document written that way would
    # otherwise be one chunk, re-parsed whole on every keystroke).
    assert chunk_starts(TRICKY["setext sections and subsections"], TEMPLATE) == [0, 5, 10, 14]
    # A setext heading of two lines, one inside a list item, an HTML comment or a fence:
    # only the last one, after a blank line at column 0, is a cut.
    looks = TRICKY["setext look-alikes that are not cuts"]
    assert chunk_starts(looks, TEMPLATE) == [0, looks.split("\n").index("After")]


@contextmanager
def counted_parses() -> Iterator[list[int | None]]:
    """The cut of every partial parse :func:`parse` asks markdown-it for, cache cleared."""
    import pm_lsp.parse.markdown as document

    calls: list[int | None] = []
    real = md_chunks.tokens_before_cut

    def counting(md: Any, probe: str, cut: int | None) -> Any:
        calls.append(cut)
        return real(md, probe, cut)

    clear_cache()
    document.tokens_before_cut = counting  # type: ignore[assignment]
    try:
        yield calls
    finally:
        document.tokens_before_cut = real  # type: ignore[assignment]


def test_fence_hidden_from_the_scan() -> None:
    """A fence the scan cannot see (in a list item, indented four spaces) is closed by the
    first column-0 heading anyway, so those cuts hold and every candidate is tried once."""
    body = "".join(f"## fake {i}\n" for i in range(3 * md_chunks.MAX_REJECTED))
    text = "# T\n\n1.  item\n\n    ```\n" + body + "    ```\n"
    with counted_parses() as calls:
        assert_same(text)
    assert len(calls) == 3 * md_chunks.MAX_REJECTED + 1


def test_unclosed_fence_costs_one_parse_of_the_rest() -> None:
    text = TRICKY["unclosed fence swallows the rest"]
    with counted_parses() as calls:
        assert_same(text)
        assert chunk_starts(text, TEMPLATE) == [0, 2]  # "# T", then "## A" to the end
    assert len(calls) == 2


def test_html_rejections_are_bounded() -> None:
    """Heading lines the scan proposes but an HTML block holds: each rejection merges the
    chunk with the next, and after MAX_REJECTED in a row the rest is parsed whole."""
    lines = ["# T", "", "<div>", *[f"## in html {i}" for i in range(50)], "</div>", "", "## After"]
    text = "\n".join(lines) + "\n"
    with counted_parses() as calls:
        assert_same(text)
        assert chunk_starts(text, TEMPLATE) == [0]
    assert len(calls) == md_chunks.MAX_REJECTED + 1


@given(markdown())
@FAST
def test_random_documents(text: str) -> None:
    assert_same(text)


@given(
    st.lists(st.sampled_from(sorted(TRICKY)), min_size=1, max_size=6),
    st.sampled_from(["\n", "\n\n", ""]),
)
@FAST
def test_tricky_documents_joined(names: list[str], sep: str) -> None:
    """Pieces glued in any order: a construct left open at the end of one runs into the next."""
    assert_same(sep.join(TRICKY[n] for n in names))


def test_edit_sequences_against_a_warm_cache() -> None:
    """Typing, deleting and pasting lines, parsed after each step with the cache warm."""
    rng = random.Random(5)
    pieces = [TRICKY[k] for k in sorted(TRICKY)]
    doc_lines = "".join(pieces).split("\n")
    inserts = [
        "## New section",
        "```",
        "~~~",
        "<div>",
        "</div>",
        "",
        "- item",
        "> quote",
        "| a | b |",
        "|---|---|",
        "text with **bold**: value",
        "# Title",
        "===",
        "<!--",
        "-->",
        "    indented",
        "## 影響 🔥",
    ]
    clear_cache()
    for _ in range(150):
        op = rng.random()
        at = rng.randrange(len(doc_lines) + 1)
        if op < 0.5:
            doc_lines.insert(at, rng.choice(inserts))
        elif op < 0.8 and doc_lines:
            del doc_lines[min(at, len(doc_lines) - 1)]
        elif doc_lines:
            k = min(at, len(doc_lines) - 1)
            doc_lines[k] += rng.choice([" more words", "#", " ```", " |"])
        assert_same("\n".join(doc_lines))


def test_cache_is_bounded_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Edits of a long document without headings add one whole-text entry each: the cache
    evicts by characters held, so a long session cannot grow it without limit."""
    import pm_lsp.parse.markdown as document

    monkeypatch.setattr(document, "_PIECES_MAX_CHARS", 20_000)
    clear_cache()
    base = "A paragraph of plain words that goes on for a while.\n\n" * 60  # ~3.3k chars
    for k in range(40):
        text = base + f"Edit number {k}.\n"
        assert_same(text)
        held = sum(v[2] for v in document._PIECES.values())
        assert held == document._pieces_chars <= 20_000
    assert 1 < len(document._PIECES) < 10
