"""An edit parses only what it changed, and the document is the same as a fresh parse's.

:mod:`pm_lsp.parse.versions` keeps the last versions parsed and finds their chunks again in
a new text, before and after the edit; only the region between is cut and built. These
tests prove both halves: the chunks the edit left alone are found again (the speed-up
exists), and after every kind of edit (one that moves a cut, opens a fence that swallows
the rest, empties the document, puts text before the first line) the document equals
:func:`pm_lsp.parse.markdown.parse_whole`'s.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_document_chunks import TEMPLATE, TRICKY, assert_same
from test_properties import FAST

from pm_lsp.parse import markdown
from pm_lsp.parse.markdown import chunk_starts, clear_cache, parse
from pm_lsp.parse.versions import KEPT, tail

SECTIONS = "".join(
    f"## Section {k}\n\nThe team wrote paragraph {k} about the outage.\n\n- item {k}\n\n"
    for k in range(12)
)
DOC = "# Outage review\n\n" + SECTIONS


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_an_edit_finds_the_chunks_before_and_after_it_again() -> None:
    clear_cache()
    parse(DOC, TEMPLATE)
    edited = _edit(DOC, "paragraph 5 about", "paragraph 5, rewritten at length, about")
    change = markdown._VERSIONS.change(edited, TEMPLATE)
    assert len(chunk_starts(DOC, TEMPLATE)) == 13
    assert (len(change.before), len(change.after)) == (6, 6)  # all but the edited section
    assert edited[change.start : change.stop].startswith("## Section 5\n")
    assert_same(edited)


def test_windows_line_breaks_are_found_again_too() -> None:
    crlf = DOC.replace("\n", "\r\n")
    clear_cache()
    parse(crlf, TEMPLATE)
    edited = _edit(crlf, "paragraph 5 about", "paragraph 5, rewritten, about")
    change = markdown._VERSIONS.change(edited, TEMPLATE)
    assert (len(change.before), len(change.after)) == (6, 6)
    assert_same(edited)


def test_old_mac_line_breaks_take_the_whole_scan() -> None:
    clear_cache()
    assert_same(DOC.replace("\n", "\r"))
    assert len(markdown._VERSIONS) == 0


FRONT = "---\ntitle: Outage review\nstatus: draft\n---\n"

FRONT_EDITS = {
    "a paragraph edited": lambda t: _edit(t, "paragraph 5 about", "paragraph 5, again, about"),
    "a front matter value": lambda t: _edit(t, "status: draft", "status: final"),
    "a front matter value, same length": lambda t: _edit(t, "draft", "drafy"),
    "the closing marker removed": lambda t: _edit(t, "draft\n---\n", "draft\n\n"),
    "a front matter line added": lambda t: _edit(t, "status", "owner: ana\nstatus"),
    "text before the front matter": lambda t: "\n" + t,
    "the opening marker removed": lambda t: t[4:],
}


@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("name", sorted(FRONT_EDITS))
def test_front_matter_and_bom_documents_after_each_kind_of_edit(name: str, bom: str) -> None:
    """Front matter and a BOM are blanked for markdown-it, in the first chunk only."""
    text = bom + FRONT + DOC
    clear_cache()
    parse(text, TEMPLATE)
    edited = bom + FRONT_EDITS[name](FRONT + DOC)
    assert_same(edited)
    assert_same(text)
    if name == "a paragraph edited":
        change = markdown._VERSIONS.change(edited, TEMPLATE, (0, len(bom + FRONT) - 1))
        assert (len(change.before), len(change.after)) == (7, 6)  # the front matter, alone


def test_a_bom_alone_is_found_again() -> None:
    clear_cache()
    parse("\ufeff" + DOC, TEMPLATE)
    edited = "\ufeff" + _edit(DOC, "paragraph 5 about", "paragraph 5, again, about")
    change = markdown._VERSIONS.change(edited, TEMPLATE, (0, 1))
    assert (len(change.before), len(change.after)) == (6, 6)
    assert_same(edited)


def test_an_unchanged_text_is_found_whole() -> None:
    clear_cache()
    parse(DOC, TEMPLATE)
    change = markdown._VERSIONS.change(DOC, TEMPLATE)
    assert (len(change.before), len(change.after)) == (13, 0)
    assert change.start == change.stop == len(DOC)
    assert_same(DOC)


def test_another_vocabulary_finds_nothing() -> None:
    clear_cache()
    parse(DOC, TEMPLATE)
    change = markdown._VERSIONS.change(DOC, None)
    assert (change.before, change.after, change.start, change.stop) == ([], [], 0, len(DOC))


EDITS = {
    "text before the first line": lambda t: "x" + t,
    "a heading mark before the first line": lambda t: "#" + t,
    "a line before the first line": lambda t: "Preface.\n\n" + t,
    "a heading removed": lambda t: _edit(t, "## Section 4\n\n", ""),
    "a section removed": lambda t: _edit(t, "## Section 4\n\nThe team wrote paragraph 4", ""),
    "a heading made text": lambda t: _edit(t, "## Section 7", "Section 7"),
    "a heading added": lambda t: _edit(t, "- item 3\n", "- item 3\n\n## Added\n"),
    "an unclosed fence": lambda t: _edit(t, "- item 2\n", "- item 2\n\n```\n"),
    "a fence closed again": lambda t: _edit(t, "- item 2\n", "- item 2\n\n```\n\n```\n"),
    "an html block over a cut": lambda t: _edit(t, "- item 6\n\n", "- item 6\n<div>\n"),
    "a setext underline": lambda t: _edit(t, "- item 8\n\n", "- item 8\n\nSetext\n---\n"),
    "a table header line": lambda t: _edit(t, "- item 9\n\n", "- item 9\n\n| a | b |\n"),
    "the last line": lambda t: t + "## Tail",
    "the trailing line break": lambda t: t.rstrip("\n"),
    "everything": lambda t: "",
    "a field before the first h2": lambda t: _edit(
        t, "\n\n## Section 0", "\n\nStatus: Draft\n\n## S"
    ),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_kind_of_edit_equals_a_fresh_parse(name: str) -> None:
    clear_cache()
    parse(DOC, TEMPLATE)
    edited = EDITS[name](DOC)
    assert edited != DOC
    assert_same(edited)
    assert_same(DOC)  # and back


def test_a_chunk_whose_next_lines_changed_is_built_again() -> None:
    """A chunk's text alone does not decide its parse: the line after it may underline its
    last line (and then the cut before that line is gone)."""
    text = "# T\nline one\n## Two\nline three\n## Three\ntext\n"
    clear_cache()
    assert chunk_starts(text, TEMPLATE) == [0, 2, 4]
    edited = _edit(text, "## Two", "===")
    change = markdown._VERSIONS.change(edited, TEMPLATE)
    assert (len(change.before), len(change.after)) == (0, 1)
    assert_same(edited)
    assert [s.title for s in parse(edited, TEMPLATE).sections] == ["T", "line one", "Three"]


def test_edits_in_a_row_and_documents_in_turn() -> None:
    """Two documents edited in turn each find their own last version."""
    clear_cache()
    other = "# Other\n\n" + SECTIONS.replace("outage", "incident")
    texts = [DOC, other]
    for k in range(12):
        which = k % 2
        texts[which] = _edit(texts[which], f"paragraph {k} ", f"paragraph {k} (edit {k}) ")
        change = markdown._VERSIONS.change(texts[which], TEMPLATE)
        if k >= 2:  # each document's previous version is kept
            assert len(change.before) + len(change.after) == 12
        assert_same(texts[which])
    assert len(markdown._VERSIONS) <= KEPT


def test_clear_cache_forgets_the_versions() -> None:
    parse(DOC, TEMPLATE)
    assert len(markdown._VERSIONS) > 0
    clear_cache()
    assert len(markdown._VERSIONS) == 0


def test_tail_is_the_two_lines_the_probe_reads() -> None:
    assert tail("a\nb\nc\nd", 2) == "b\nc\n"
    assert tail("a\nb\nc", 2) == "b\nc"
    assert tail("a\nb\n", 2) == "b\n"
    assert tail("a\n", 2) == ""


@given(
    st.lists(st.sampled_from(sorted(TRICKY)), min_size=1, max_size=5),
    st.lists(st.sampled_from(sorted(TRICKY)), min_size=1, max_size=5),
    st.sampled_from(["\n", "\n\n", ""]),
)
@FAST
def test_one_document_then_another(first: list[str], second: list[str], sep: str) -> None:
    """Whatever the last version was, the next text parses as a fresh one."""
    clear_cache()
    assert_same(sep.join(TRICKY[n] for n in first))
    assert_same(sep.join(TRICKY[n] for n in second))
