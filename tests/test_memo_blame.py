"""The blame rules' per-part tables never serve a stale answer.

The blame analysis reads the document in parts (the prose before the first heading, and
each section's own content) and memoises each part's selection and findings under the
part's text and the context it reads from elsewhere: the section names above it, the
label regions and fields that reach into it from other parts, the root-cause statements a
label elsewhere points at, and the document's system words found in it (and each
finding's message, on the pack's words). Each edit below changes one of those inputs from
outside the part it matters to; after each, a lint through warm tables must equal a lint
after ``clear_all``, in LF and CRLF. Most of the edits change what the blame rules
report, so the comparison is not vacuous.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, replace

import pytest
from conftest import document_paths
from edit_sessions import Edit, replace_once

from pm_lsp.cache import Memo, clear_all
from pm_lsp.engine import lint
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.actions.items import labelled_regions
from pm_lsp.rules.blame.extract import _prose_at
from pm_lsp.rules.blame.grammar import BlameHit
from pm_lsp.rules.blame.judge import shifted
from pm_lsp.rules.blame.lexicon import lexicon
from pm_lsp.rules.blame.systems import system_words, words_in
from pm_lsp.rules.spec import Diagnostic, Fix
from pm_lsp.rules.spec import Edit as TextEdit

#: Written for this test: a label line before the first heading whose region runs into
#: the next section, a title with sections under it, an unnamed subsection under a section
#: whose name it inherits, a change blamed one sentence after its maker, a timeline and a
#: five-whys chain with a "### Why" step.
DOC = """\
Root cause:

## Odds and ends

Yusuf broke the staging mirror.

Aside:

# Ledger drift during the index rebuild

Odile ignored the replication alarm for an hour.

## Summary

**Status**: Draft

The nightly index rebuild left the ledger out of step with the payments table.

## Details

Pinkiebell ignored the lag warning twice.

### Notes

Ravi broke the export job.

Quillon pushed a hotfix for the export job. This hotfix broke the nightly reconciliation.

## Timeline

| Time | Event |
|---|---|
| 02:10 | Rebuild started |

10:40 Dana restarted the indexer.

Marco ignored the first page.

## Five whys

Why did the ledger drift? The rebuild skipped a partition.

### Why

Why was the partition skipped? Noor forgot to update the partition map.

## Action Items

- Add a lag alert for the ledger
"""


_replace = replace_once


def _move_timeline(text: str) -> str:
    """The Timeline section moved to before Details."""
    section = text[text.index("## Timeline") : text.index("## Investigation")]
    text = text.replace(section, "", 1)
    return text.replace("## Details\n", section + "## Details\n", 1)


#: (what, edit, does it change what the blame rules report?)
EDITS: list[tuple[str, Edit, bool]] = [
    ("rename the heading above a part", _replace("## Details\n", "## Root Cause\n"), True),
    ("rename it back", _replace("## Root Cause\n", "## Details\n"), True),
    (
        "rename the section above an unnamed subsection",
        _replace("## Details\n", "## Contributing Factors\n"),
        True,
    ),
    (
        "a word becomes a system in another section",
        _replace("- Add a lag alert", "- We upgraded Pinkiebell to 2.4\n- Add a lag alert"),
        True,
    ),
    (
        "the maker of a change becomes a system in another section",
        _replace("- Add a lag alert", "- We upgraded Quillon twice\n- Add a lag alert"),
        True,
    ),
    ("the label before the first heading goes", _replace("Root cause:\n\n", ""), True),
    ("the label comes back", lambda text: "Root cause:\n\n" + text, True),
    (
        "a paragraph after the label: the statement it points at moves before the heading",
        _replace("Root cause:\n\n", "Root cause:\n\nSee the sections below.\n\n"),
        True,
    ),
    ("the label names another section", _replace("Root cause:", "Summary:"), False),
    ("that label goes, its paragraph stays", _replace("Summary:\n\n", ""), True),
    ("a root-cause label again", lambda text: "Root cause:\n\n" + text, True),
    ("a label line cuts its region short", _replace("Yusuf broke", "Note:\n\nYusuf broke"), True),
    ("edit the metadata", _replace("**Status**: Draft", "**Status**: Final"), False),
    ("the title is no longer level 1", _replace("# Ledger drift", "## Ledger drift"), True),
    ("the title is level 1 again", _replace("## Ledger drift", "# Ledger drift"), True),
    (
        "rename the section above a why step",
        _replace("## Five whys\n", "## Investigation\n"),
        True,
    ),
    ("move a section", _move_timeline, True),
    (
        "insert a paragraph before a section",
        _replace("\n## Summary", "\nA second opening paragraph.\n\n## Summary"),
        False,
    ),
    ("emoji in the heading above", _replace("## Summary\n", "## Summary 🚨\n"), False),
    ("emoji and CJK before a sentence", _replace("Ravi broke", "🚨 検証 Ravi broke"), True),
    ("undo everything", lambda _text: DOC, True),
]


def _texts(newline: str) -> Iterator[tuple[str, str, bool]]:
    text = DOC
    yield "original", text.replace("\n", newline), True
    for what, edit, changes in EDITS:
        text = edit(text)
        yield what, text.replace("\n", newline), changes


def _blame(text: str, nlp: NLP) -> list[Diagnostic]:
    result = lint(text, resolve([Settings()]), nlp=nlp)
    assert result.errors == []
    return [d for d in result.diagnostics if d.code.startswith("PM1")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_warm_parts_equal_a_fresh_lint_after_every_edit(nlp: NLP, newline: str) -> None:
    warm = nlp.sibling()
    messages = lexicon(resolve([Settings()]).pack).messages  # on the pack's words
    asked = messages.hits
    by_step = [(what, text, changes, _blame(text, warm)) for what, text, changes in _texts(newline)]
    stats = warm.memos.stats()
    assert stats["blame.select.part"][1] > 0 and stats["blame.hits.part"][1] > 0
    assert messages.hits > asked
    before: list[tuple[object, ...]] | None = None
    for what, text, changes, got in by_step:
        clear_all()
        assert got == _blame(text, nlp.sibling()), what
        # compared by what they say and flag: offsets move with every edit
        said = [(d.code, d.severity, d.message, text[d.start : d.end]) for d in got]
        if before is not None:
            assert (said != before) == changes, what
        before = said


def _misses(nlp: NLP, table: str) -> tuple[int, int]:
    _entries, hits, misses = nlp.memos.stats()[table]
    return hits, misses


def test_an_edit_walks_only_the_part_it_touched(nlp: NLP) -> None:
    """Every other part costs one lookup: its selection and findings are served from the
    tables, whatever their offsets became."""
    warm = nlp.sibling()
    _blame(DOC, warm)
    chosen, judged = _misses(warm, "blame.select.part"), _misses(warm, "blame.hits.part")
    text = DOC.replace("Ravi broke the export job.", "Ravi quickly broke the export job.")
    diags = _blame(text, warm)
    assert any(text[d.start : d.end] == "Ravi quickly broke" for d in diags)
    hits, misses = _misses(warm, "blame.select.part")
    assert misses - chosen[1] == 1 and hits - chosen[0] >= 8
    hits, misses = _misses(warm, "blame.hits.part")
    assert misses - judged[1] == 1 and hits - judged[0] >= 5


def test_the_parse_modes_are_kept_apart(nlp: NLP) -> None:
    """A part selected with every sentence (full_parse) is not served to a prefiltered lint,
    nor the other way round."""
    warm = nlp.sibling()
    prefiltered = _blame(DOC, warm)
    with full_parse():
        every = _blame(DOC, warm)
    assert _blame(DOC, warm) == prefiltered
    clear_all()
    with full_parse():
        assert every == _blame(DOC, nlp.sibling())


def test_the_opening_prose_and_a_title_part_are_kept_apart(nlp: NLP) -> None:
    """A part keyed with the character before it: the opening prose (which has none) and
    a title's own content can hold the same text with one offset between them."""
    opening = "s\n\nRavi broke the export job.\n\n# Drift\n\n## Summary\n\nAll good.\n"
    titled = "# Drifts\n\nRavi broke the export job.\n\n## Summary\n\nAll good.\n"
    warm = nlp.sibling()
    _blame(opening, warm)
    got = _blame(titled, warm)
    assert [titled[d.start : d.end] for d in got] == ["Ravi broke"]
    clear_all()
    assert got == _blame(titled, nlp.sibling())


def test_system_words_cut_at_the_headings_equal_one_scan() -> None:
    """The system words looked up piece by piece, the text cut before the parsed headings
    (as the blame analysis asks for them), are what one scan of the whole text finds: on
    this test's documents, the fixtures and the corpus, in LF and CRLF, through a table
    shared by all of them."""
    memo: Memo[frozenset[str]] = Memo()
    for text in _documents():
        for variant in (text, text.replace("\r\n", "\n").replace("\n", "\r\n")):
            headings = [s.heading.start for s in parse(variant).sections]
            assert system_words(variant, memo, headings) == words_in(variant)


def _documents() -> list[str]:
    """This test's documents, the fixtures and the corpus."""
    texts = [text for _what, text, _changes in _texts("\n")]
    return texts + [p.read_text(encoding="utf-8") for p in document_paths()]


def test_the_prose_block_at_an_offset_equals_the_scan() -> None:
    """Root-cause label regions find the prose block holding their start, else the first
    one after it, through the document's index of its blocks: the block the two scans of
    every paragraph and list item find, at every block edge and label region start."""
    for text in _documents():
        doc = parse(text)
        prose = [b for b in doc.blocks if b.kind in ("paragraph", "list_item")]
        offsets = {o for b in doc.blocks for o in (b.start - 1, b.start, b.end - 1, b.end)}
        offsets |= {span.start for _label, span, _sec in labelled_regions(doc)}
        for a in sorted(o for o in offsets if o >= 0):
            want = next((b for b in prose if b.start <= a < b.end), None) or next(
                (b for b in prose if b.start >= a), None
            )
            assert _prose_at(doc, a) is want, (a, text[:80])


def test_a_shifted_finding_keeps_every_field() -> None:
    """Findings are shifted by building them field by field: every field but the offsets
    is kept (a field added to the finding must be added there too)."""
    hit = BlameHit(
        "PM101",
        3,
        9,
        "person-as-cause",
        (("who", "Kim"),),
        Fix("Rewrite", (TextEdit(3, 9, "the change"),), safe=False),
        person=True,
        where=frozenset({"summary"}),
        secondary=True,
    )
    assert [f.name for f in fields(BlameHit)] == [
        "code",
        "start",
        "end",
        "key",
        "fields",
        "fix",
        "person",
        "where",
        "secondary",
    ]
    moved = replace(
        hit,
        start=13,
        end=19,
        fix=Fix("Rewrite", (TextEdit(13, 19, "the change"),), safe=False),
    )
    assert shifted(hit, 10) == moved and shifted(hit, 0) is hit
