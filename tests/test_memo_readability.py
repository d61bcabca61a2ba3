"""The readability rules' per-part tables never serve a stale answer.

PM601, PM602 and PM603 memoise each part's findings (a section's own stretch,
:mod:`pm_lsp.model.parts`), keyed by the part's text and the document-wide
facts it reads. Each edit below changes one such fact from outside the part whose findings
it changes (where the metadata keys are, a definition or a glossary in another section, a
word written in lower case elsewhere, an error code elsewhere, a heading renamed above,
the part moved), and after each one a lint through warm tables must equal a lint after
``clear_all``, in LF and CRLF.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import CORPUS, FIXTURES
from edit_sessions import Edit, lint_clean, replace_once, session

from pm_lsp.cache import clear_all
from pm_lsp.model.parts import parts
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.readability.checks import _all_prose_parts
from pm_lsp.rules.spec import Diagnostic

CODES = ("PM601", "PM602", "PM603")

#: Written for this test: acronyms used in one section and spelled out (or not) in others,
#: a long sentence, a dense paragraph, plain field lines inside a paragraph.
DOC = """\
# Ledger replication stall

Status: Draft
Owner: Ravi and the storage rota who wrote this up during the following week for everyone on \
the ledger team and for the two engineers who were on call when the replicas stopped that night

## Summary

The QVB replicas stopped applying writes and the KTR queue grew for two hours. The TEMP area
filled up and the ZLM sweeper paged the team at night.

## Detail

Replication in the consolidated ledger subsystem was suspended because the coordinating \
process misinterpreted heartbeat acknowledgements as authoritative confirmations, \
consequently accumulating unreconciled transactional obligations throughout the \
intermediate persistence infrastructure. Administrative remediation necessitated \
substantial manual verification of idempotency characteristics. Organisational \
communication regarding prioritisation considerations was correspondingly insufficient.

The sweeper ran the same job on every node, one after the other, while the queue kept growing and \
nobody on the rota could tell from the dashboard which of the nodes had already been drained.

## Follow-up

- Rebuild the QVB replicas from the last snapshot.
- Page on KTR depth above a threshold.
"""


_replace = replace_once


def _move_detail_last(text: str) -> str:
    start = text.index("## Detail\n")
    end = text.index("## Follow-up\n")
    return text[:start] + text[end:] + "\n" + text[start:end]


#: (what the edit changes, the edit): each applied to the previous result
EDITS: list[tuple[str, Edit]] = [
    (
        "spell QVB out in another section, after its first use",
        _replace("- Rebuild the QVB replicas", "- Rebuild the queue-vault backup (QVB) replicas"),
    ),
    (
        "spell KTR out under a glossary section added at the end, in a subsection",
        lambda t: (
            t
            + "\n## Glossary\n\n### Storage terms\n\n"
            + "The kept transaction relay (KTR) carries writes.\n"
        ),
    ),
    (
        "rename the glossary heading: the subsection's definition comes after the first use",
        _replace("## Glossary\n", "## Appendix\n"),
    ),
    (
        "write 'temp' in lower case in another section: TEMP is a word, not initials",
        _replace("- Page on KTR depth", "- Clean the temp area and page on KTR depth"),
    ),
    (
        "write ZLM as an error code's prefix elsewhere",
        _replace("- Rebuild the queue", "- Alert on ZLM-4410.\n- Rebuild the queue"),
    ),
    (
        "a section before the title: the field lines below it are prose, not metadata",
        lambda t: "## Preface\n\nWritten for the review.\n\n" + t,
    ),
    ("move the Detail section to the end", _move_detail_last),
    (
        "rename a heading above the dense paragraph",
        _replace("## Detail\n", "## What happened in the ledger\n"),
    ),
    (
        "emoji and CJK in the first paragraph",
        _replace("The QVB replicas stopped", "The QVB 🚨 レプリカ replicas stopped"),
    ),
    (
        "use IPI, whose words an unchanged section writes out: a new acronym asked of it",
        _replace("page on KTR depth", "page on KTR depth and IPI load"),
    ),
    (
        "that section no longer writes IPI's words out",
        _replace("intermediate persistence infrastructure", "intermediate storage layer"),
    ),
    (
        "define QVB before its first use: the later definition is no longer reported",
        _replace(
            "## Summary\n\n", "## Summary\n\nA queue-vault backup (QVB) mirrors the ledger.\n\n"
        ),
    ),
    ("undo everything", lambda _text: DOC),
]


def _texts(newline: str) -> Iterator[tuple[str, str]]:
    return session(DOC, EDITS, newline)


def _lint(text: str, nlp: NLP, **settings: Any) -> list[Diagnostic]:
    raw = {"select": list(CODES), **{k.replace("_", "-"): v for k, v in settings.items()}}
    return lint_clean(text, nlp, raw)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_warm_part_tables_equal_a_fresh_lint_after_every_edit(nlp: NLP, newline: str) -> None:
    warm = nlp.sibling()
    by_step = {what: _lint(text, warm) for what, text in _texts(newline)}
    seen: set[tuple[str, str]] = set()
    for what, text in _texts(newline):
        clear_all()
        fresh = _lint(text, nlp.sibling())
        assert by_step[what] == fresh, what
        seen |= {(d.code, text[d.start : d.end]) for d in fresh}
    # not vacuous: every rule reported, and the facts from elsewhere changed the reports
    assert {code for code, _ in seen} == set(CODES)
    acronyms = [
        {t[d.start : d.end] for d in by_step[w] if d.code == "PM603"} for w, t in _texts(newline)
    ]
    assert any("TEMP" in a for a in acronyms) and any("TEMP" not in a for a in acronyms)
    assert any("ZLM" in a for a in acronyms) and any("ZLM" not in a for a in acronyms)
    assert any("KTR" in a for a in acronyms) and any("KTR" not in a for a in acronyms)
    # the words written out in a section the edit left alone are read for a new acronym
    ipi = [
        [d.message for d in by_step[w] if d.code == "PM603" and "IPI" in d.message]
        for w, _t in _texts(newline)
        if "IPI" in w
    ]
    assert len(ipi) == 2 and ipi[0] != ipi[1] and all(len(m) == 1 for m in ipi), ipi
    messages = {d.message for step in by_step.values() for d in step if d.code == "PM603"}
    assert any("later" in m or "line" in m for m in messages), messages


def test_options_are_part_of_the_part_key(nlp: NLP) -> None:
    warm = nlp.sibling()
    loose = _lint(DOC, warm, rules={"PM601": {"max-words": 80}, "PM602": {"max-grade": 40}})
    strict = _lint(DOC, warm, rules={"PM601": {"max-words": 20}, "PM602": {"max-grade": 8}})
    assert len([d for d in strict if d.code == "PM601"]) > len(
        [d for d in loose if d.code == "PM601"]
    )
    clear_all()
    assert (
        _lint(DOC, nlp.sibling(), rules={"PM601": {"max-words": 20}, "PM602": {"max-grade": 8}})
        == strict
    )
    assert len([d for d in strict if d.code == "PM602"]) > len(
        [d for d in loose if d.code == "PM602"]
    )


def _documents() -> Iterator[str]:
    yield DOC
    for path in sorted(FIXTURES.rglob("*.md")):
        yield path.read_text(encoding="utf-8")
    for path in sorted(CORPUS.glob("*.md"))[:40]:
        yield path.read_text(encoding="utf-8", errors="replace")


def test_parts_tile_the_document_and_hold_their_sections_blocks() -> None:
    """What the per-part keys rely on: the parts tile the text, each part's blocks and
    tables are the ones starting in it, all of them belong to its section, its key holds
    its source and masked slices, and the metadata keys projected onto it are the ones in
    it, with their lines' starts."""
    template = resolve([Settings()]).template
    for text in _documents():
        doc = parse(text, template)
        got = parts(doc)
        assert got[0].start == 0 and got[-1].end == len(text)
        assert all(p.end == q.start for p, q in itertools.pairwise(got))
        assert [b for p in got for b in p.blocks(doc)] == doc.blocks
        assert [t for p in got for t in p.tables(doc)] == doc.tables
        for p in got:
            assert all(p.start <= b.start < p.end and b.section is p.section for b in p.blocks(doc))
            assert all(p.start <= t.start < p.end for t in p.tables(doc))
            assert p.key[:2] == (text[p.start : p.end], doc.masked[p.start : p.end])
        keys = sorted(f.key_span.start for f in doc.metadata)
        lines = doc.lines
        for p, fields in _all_prose_parts(doc):
            assert fields == tuple(
                (k - p.start, lines.starts[lines.line_of(k)] - p.start)
                for k in keys
                if p.start <= k < p.end
            )
