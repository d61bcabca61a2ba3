"""The memo tables never serve a stale answer.

The rules memoise their per-sentence and per-block work in tables on the NLP object, on
the packs' compiled words and on templates, and pure text functions in registered lru
caches (:mod:`pm_lsp.cache`). The proof that they only hold pure functions of their keys: a
sequence of edits of the kinds an editor sends (insert and delete paragraphs, rename a
heading so the context of the text below it changes, move a paragraph to another section,
change what stands just before a sentence, emoji and CJK, undo), each linted through warm
caches and compared with a lint after ``clear_all`` (every cache in the process empty), in
LF and CRLF. The blame judges read a window of the original text around each sentence; a second
test proves a judgment on that window equals the judgment on the whole text. The last tests
prove that the bisections and ``str.find`` scans that replaced linear scans, and the
memoised pure functions (template headings, timestamps), answer as before.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import CORPUS, FIXTURES
from edit_sessions import Edit, lint_clean, replace_once, session

from pm_lsp.cache import Memo, clear_all
from pm_lsp.model.document import Span
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.actions.items import SpanCover, labelled_regions
from pm_lsp.rules.blame.extract import Sentence, _block_at, candidate_sentences, judge_window
from pm_lsp.rules.blame.judge import blame_judgment, judge_sentence, shifted
from pm_lsp.rules.blame.lexicon import lexicon
from pm_lsp.rules.impact.checks import _joined_window, _statement_found, _unwrapped
from pm_lsp.rules.impact.checks import lexicon as impact_lexicon
from pm_lsp.rules.impact.patterns import block_local
from pm_lsp.rules.spec import Diagnostic
from pm_lsp.rules.structure.checks import _other_content
from pm_lsp.rules.timeline.model import _parse_stamp, parse_stamp
from pm_lsp.rules.timeline.model import words as timeline_words

#: Written for this test. Every rule family has work here: blame in several sections and a
#: root-cause statement, vague impact inside and outside the Impact section, a timeline,
#: action items in a table, a list and a Lessons section, a long sentence, a dense paragraph.
DOC = """\
# Webhook backlog after the queue migration 🚨

**Date**: 2025-06-02
**Authors**: Storage team
**Status**: Draft
**Severity**: SEV2

## Summary

Many merchants saw delayed webhooks for a while. Priya's migration broke the delivery queue.

## Impact

Some customers could not see their refunds. Latency was significantly higher than usual.
Merchants could not open the refund page.

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 09:12 | Queue depth alert fired 📈 |
| 09:20 | Marco restarted the consumer |
| 09:31 | Kevin rolled back the consumer carelessly |
| 10:05 | Mitigated by draining the queue |
| 11:40 | Resolved |

Marco ignored the first page and went back to the release notes.

## Root Cause

The consumer acknowledged messages before it had written them to the ledger.

Kim forgot to run the backfill script after the cut-over. 検証 was skipped 😅 twice.

Human error during the failover made the backlog worse.

**Root cause**: the on-call engineer missed the lag warning on the dashboard.

The notification intermediary's asynchronous acknowledgement modification fundamentally \
invalidated idempotency assumptions underpinning downstream reconciliation infrastructure. \
Consequently, intermittent unavailability precipitated cascading resource exhaustion \
throughout the consumption tier. Operational visibility regarding thread utilisation \
characteristics was correspondingly insufficient for the responders on call that evening.

## Lessons Learned

- We need to improve monitoring of the delivery queue.
- Engineers should be more careful with failovers on a Friday.
- Monitoring of the ledger writes
- The team reviewed the queue settings, the retry budget, the consumer concurrency, the \
ledger write path, the alert thresholds and the runbook steps one by one in a long meeting \
that ran well past its slot.

## Action Items

| Action | Owner | Priority | Due | Ticket |
|---|---|---|---|---|
| Alert when webhook lag exceeds 5 minutes | @lee | P1 | 2025-07-01 | OPS-7 |
| Improve monitoring | | | | |

- Look into the retry policy
- Monitoring of the ledger writes
"""


_replace = replace_once


MOVED = "Marco ignored the first page and went back to the release notes.\n\n"


def _move_to_root_cause(text: str) -> str:
    assert MOVED in text
    text = text.replace(MOVED, "", 1)
    anchor = "## Root Cause\n\n"
    return text.replace(anchor, anchor + MOVED, 1)


#: (what the edit does, the edit); applied in order, each to the previous result
EDITS: list[tuple[str, Edit]] = [
    (
        "add a timeline row (the region is read again: the other rows' stamps and "
        "milestones come from their tables)",
        _replace("| 11:40 | Resolved |\n", "| 11:40 | Resolved |\n| 11:55 | Monitoring ended |\n"),
    ),
    (
        "insert a blame paragraph first in Root Cause (the root-cause statement changes)",
        _replace(
            "## Root Cause\n\n",
            "## Root Cause\n\nDana pushed the config that broke the consumer.\n\n",
        ),
    ),
    (
        "append a sentence to a paragraph",
        _replace(
            "the backfill script after the cut-over.",
            "the backfill script after the cut-over. The team did not take into account the lag.",
        ),
    ),
    (
        "put a list marker before a sentence (what precedes it changes, the sentence not)",
        _replace("Human error during", "- Human error during"),
    ),
    (
        "emphasis right before a sentence",
        _replace("- Human error during", "**Human error** during"),
    ),
    (
        "emoji (ZWJ sequence) and CJK before a blame sentence in the same paragraph",
        _replace("for a while. Priya's", "for a while 👩\u200d💻 日本語. Priya's"),
    ),
    (
        "rename the Timeline heading: the paragraph below leaves the narrative section",
        _replace("## Timeline\n", "## Investigation notes\n"),
    ),
    ("move a paragraph from there into Root Cause", _move_to_root_cause),
    (
        "rename the Impact heading: its sentences are no longer where impact is stated",
        _replace("## Impact\n", "## Background\n"),
    ),
    (
        "rename Lessons Learned to Response: only sentences about the future are proposals",
        _replace("## Lessons Learned\n", "## Response\n"),
    ),
    (
        "delete a paragraph",
        _replace("Human error** during the failover made the backlog worse.\n\n", ""),
    ),
    (
        "delete the inserted first paragraph (the old first sentence is the statement again)",
        _replace("Dana pushed the config that broke the consumer.\n\n", ""),
    ),
    (
        "the same paragraph in two sections at once",
        _replace("## Summary\n\n", "## Summary\n\nKim forgot to run the backfill script.\n\n"),
    ),
    ("undo everything", lambda _text: DOC),
]


def _texts(newline: str) -> Iterator[tuple[str, str]]:
    return session(DOC, EDITS, newline)


def _lint(text: str, nlp: NLP, **settings: Any) -> list[Diagnostic]:
    return lint_clean(text, nlp, {k.replace("_", "-"): v for k, v in settings.items()})


def _owned_tables() -> list[Memo[Any]]:
    """The memo tables that live on a pack's compiled words or on a template (not on the
    NLP object): timestamps, zone offsets, milestone classes, timeline regions and
    paragraph dates, action titles, fields and proposal headings, structure fillers and
    cues, impact neighbours, canonical section names."""
    from pm_lsp.rules.actions.items import _words
    from pm_lsp.rules.actions.lexicon import lexicon as actions_lexicon
    from pm_lsp.rules.impact.checks import lexicon as impact_lexicon
    from pm_lsp.rules.structure.concepts import load_words

    config = resolve([Settings()])  # the pack and template _lint's configuration uses
    tl, actions = timeline_words(config.pack), _words(config.pack)
    structure = config.pack.derived(load_words)
    return [
        tl.zones.stamps,
        tl.zones._offsets,
        tl.zones._declared,
        tl._classified,
        tl.regions,
        tl.numeric_dates,
        actions._titles,
        actions.fields,
        actions_lexicon(config.pack)._proposal_titles,
        structure._filler,
        structure._told,
        impact_lexicon(config.pack).lent,
        config.template._section_memo,
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_memoised_lint_equals_a_fresh_lint_after_every_edit(nlp: NLP, newline: str) -> None:
    """Every step is linted through caches warmed by every step before it (all of them:
    the NLP object's tables, the packs' and templates' tables, the lru functions, the
    chunk cache), then again after ``clear_all`` (what a new process computes)."""
    warm = nlp.sibling()  # memo tables filled by every step before
    codes: set[str] = set()
    by_step: dict[str, list[Diagnostic]] = {}
    owned = _owned_tables()
    hits_before = [t.hits for t in owned]
    for what, text in _texts(newline):
        got = _lint(text, warm)
        codes |= {d.code for d in got}
        by_step[what] = got
    stats = warm.memos.stats()
    # the tables on the pack's words and on the template answered too
    assert all(t.hits > h for t, h in zip(owned, hits_before, strict=True))
    for what, text in _texts(newline):
        clear_all()
        fresh = _lint(text, nlp.sibling())  # same model, every cache in the process empty
        assert by_step[what] == fresh, what
    # not vacuous: every memoised family reported something ...
    assert {
        "PM101",
        "PM102",
        "PM103",
        "PM107",
        "PM301",
        "PM306",
        "PM401",
        "PM601",
        "PM602",
    } <= codes
    # ... the tables were really used ...
    for table in (
        "blame.prefilter",
        "blame.prefilter.block",
        "blame.judge",
        "impact.judge.block",
        "impact.prefilter",
        "actions.judged.part",
        "actions.prefilter.block",
        "readability.long",
        "readability.grade",
    ):
        assert stats[table][1] > 0, table
    # (per-sentence verdicts behind a per-block table are read only for changed blocks;
    # no edit here changes a Lessons paragraph, so this one is filled but never re-read)
    assert stats["actions.prefilter"][0] > 0
    # (and the actions verdicts per unit behind the per-part tables: no edit here changes
    # a part that holds action items or proposals and keeps some of them)
    assert stats["actions.judge"][0] > 0
    # (likewise impact's per-sentence verdicts: no edited block keeps a vague sentence)
    assert stats["impact.judge"][0] > 0
    # ... and the context changes changed verdicts on unchanged text
    moved = "Marco ignored the first page"
    before = [
        d
        for d in by_step[
            "rename the Timeline heading: the paragraph below leaves the narrative section"
        ]
        if d.code == "PM101"
    ]
    after = [d for d in by_step["move a paragraph from there into Root Cause"] if d.code == "PM101"]
    text_after = dict(_texts(newline))["move a paragraph from there into Root Cause"]
    assert any(text_after[d.start : d.end].startswith("Marco") for d in after), moved
    assert [d.severity for d in before if "Marco" in d.message] != [
        d.severity for d in after if "Marco" in d.message
    ]


def test_undo_is_served_from_the_tables(nlp: NLP) -> None:
    """Linting a text seen before parses nothing: every verdict comes from the tables."""
    warm = nlp.sibling()
    first = _lint(DOC, warm)
    edited = _lint(DOC.replace("Many merchants", "Several merchants"), warm)
    parsed = warm.parsed_texts
    warm.clear(memos=False)
    again = _lint(DOC, warm)
    assert again == first and edited != first
    assert warm.parsed_texts == parsed  # not one sentence parsed again


def test_an_edit_parses_only_the_changed_sentence(nlp: NLP) -> None:
    warm = nlp.sibling()
    _lint(DOC, warm)
    before = warm.parsed_texts
    text = DOC.replace(
        "Kim forgot to run the backfill script", "Lee forgot to run the backfill script"
    )
    diags = _lint(text, warm)
    assert any(d.code == "PM103" and text[d.start : d.end].startswith("Lee") for d in diags)
    assert warm.parsed_texts - before == 1


def test_options_are_part_of_the_key(nlp: NLP) -> None:
    warm = nlp.sibling()
    default = [d for d in _lint(DOC, warm) if d.code == "PM601"]
    strict = [d for d in _lint(DOC, warm, rules={"PM601": {"max-words": 12}}) if d.code == "PM601"]
    assert strict == [
        d
        for d in _lint(DOC, nlp.sibling(), rules={"PM601": {"max-words": 12}})
        if d.code == "PM601"
    ]
    assert len(strict) > len(default)
    assert [d for d in _lint(DOC, warm) if d.code == "PM601"] == default


def _window_docs() -> list[str]:
    docs = [text for _what, text in _texts("\n")] + [DOC.replace("\n", "\r\n")]
    docs += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "blame").glob("*.md"))]
    for name in ("positives.txt", "negatives.txt"):
        lines = [
            ln.split("|", 1)[-1].strip()
            for ln in (FIXTURES / "blame" / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        # different text before each sentence: every sentence as a paragraph, and every
        # other one as a list item, the rest emphasised (two layouts a sentence, not three:
        # the judging is the suite's cost and a third layout of the same words tells little)
        items, stressed = lines[::2], lines[1::2]
        docs.append("# T\n\n## Root Cause\n\n" + "\n\n".join(lines) + "\n")
        docs.append("# T\n\n## Summary\n\n" + "\n".join(f"- {ln}" for ln in items) + "\n")
        docs.append("# T\n\n## Summary\n\n" + "\n\n".join(f"**{ln}**" for ln in stressed) + "\n")
    return docs


def test_a_judgment_on_its_window_equals_the_judgment_on_the_whole_text(nlp: NLP) -> None:
    config = resolve([Settings()])
    lex = lexicon(config.pack)
    hits = fixes = 0
    for text in _window_docs():
        doc = parse(text, config.template)
        with full_parse():
            sents = candidate_sentences(doc, lex, config.template, nlp, blame_judgment(lex))
        parses = nlp.parse_many([s.text for s in sents])
        for s, parsed in zip(sents, parses, strict=True):
            whole = judge_sentence(parsed, s, lex, doc.text)
            lo, hi = judge_window(doc.text, s.base, s.base + len(s.text))
            local = Sentence(s.base - lo, s.text, s.where, s.rca_statement)
            windowed = [shifted(h, lo) for h in judge_sentence(parsed, local, lex, doc.text[lo:hi])]
            assert windowed == whole, s.text
            hits += len(whole)
            fixes += sum(1 for h in whole if h.fix is not None)
    assert hits > 200 and fixes > 60  # the comparison is not vacuous


def test_memo_is_a_bounded_lru() -> None:
    memo: Memo[int] = Memo(size=3)
    for k in "abc":
        memo.put(k, ord(k))
    assert memo.get("a") == ord("a")  # now the most recent
    memo.put("d", 4)
    assert memo.get("b") is None and memo.get("a") == ord("a") and len(memo) == 3
    memo.clear()
    assert len(memo) == 0 and memo.get("a") is None


def test_clear_empties_the_tables(nlp: NLP) -> None:
    warm = nlp.sibling()
    _lint(DOC, warm)
    assert any(n for n, _hits, _misses in warm.memos.stats().values())
    warm.clear()
    assert not any(n for n, _hits, _misses in warm.memos.stats().values())


# -- PM403: the data-loss scan, block by block ---------------------------------------------


def _joined_scan(text: str) -> bool:
    """The PM403 verdict as it was computed before the per-block memo: every statement
    pattern over the whole prose (blocks joined by newlines), placeholders judged on the
    eight characters after each match; a block's soft wraps read as one space (round 28:
    "No call / was lost" is a statement)."""
    lex = impact_lexicon(builtin_pack())
    prose = "\n".join(_unwrapped(b.text)[0] for b in parse(text).blocks)
    return any(
        not any(p.match(prose[m.start() : m.end() + 8]) for p in lex.data_loss_placeholder)
        for pat in lex.data_loss
        for m in pat.finditer(prose)
    )


def _data_loss_docs() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    if CORPUS.is_dir():  # the evaluation corpus, read at run time when present
        docs += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    docs += [text for _what, text in _texts("\n")]
    base = "# Queue outage\n\n## Impact\n\nOrders were late by an hour.\n\n"
    docs += [
        base,
        base + "No data was lost.\n",
        base + "Data loss: TODO\n",
        # a statement ending one block, a placeholder marker opening the next: the window
        # read after the match crosses into the next block, as it always did
        base + "- Data loss\n- TODO: ask the storage team\n",
        base + "- Data loss\n- confirmed none\n",
        base + "| Field | Value |\n|---|---|\n| Data loss | TBD |\n",
        base + "We lost\nno messages.\n",
        base + "Nothing was lost; the writes were\nreplayed from the journal 🚀.\n",
    ]
    return docs


def _scan(text: str, nlp: NLP) -> bool:
    """The rule's own scan (memo tables of ``nlp``) on the parsed document."""
    ctx = SimpleNamespace(doc=parse(text), nlp=nlp)
    return _statement_found(ctx, impact_lexicon(builtin_pack()))  # type: ignore[arg-type]


def test_data_loss_scan_per_block_equals_the_joined_scan(nlp: NLP) -> None:
    """Over fixtures, corpus documents and the edit sequence, LF and CRLF: the per-block
    scan through warm tables gives the joined scan's verdict (no spaCy involved)."""
    lex = impact_lexicon(builtin_pack())
    assert lex.data_loss_per_block  # the bundled patterns are proven block-local
    warm = nlp.sibling()
    verdicts = []
    for text in _data_loss_docs():
        for variant in (text, text.replace("\n", "\r\n")):
            want = _joined_scan(variant)
            assert _scan(variant, warm) == want, variant[:200]
            assert _scan(variant, nlp.sibling()) == want, variant[:200]
            verdicts.append(want)
    assert any(verdicts) and not all(verdicts)
    assert warm.memos.stats()["impact.data_loss"][1] > 0


def test_pm403_after_edits_through_warm_tables(nlp: NLP) -> None:
    warm = nlp.sibling()
    base = "# Queue outage\n\n## Impact\n\nOrders were late by an hour.\n"
    for text, flagged in [
        (base, True),
        (base + "\nNo data was lost.\n", False),
        (base + "\n- Data loss\n- TODO: check\n", True),
        (base + "\n- Data loss\n- none found\n", False),
        (base, True),
    ]:
        got = any(d.code == "PM403" for d in _lint(text, warm))
        assert got is flagged, text


@pytest.mark.parametrize(
    ("pattern", "local"),
    [
        (r"(?<![\w-])data[- ]loss(?![\w-])", True),
        (r"\bno (?:\w+ ){0,2}rows (?:was|were) lost\b", True),
        (r"(a)\1b", True),
        (r"data\s+loss", False),  # \s matches the newline that joins two blocks
        (r"lost\W+data", False),
        (r"[^x]lost", False),
        (r"\bno\b[^.;\n]{0,80}\bwere lost\b", True),  # a negated class listing the newline
        (r"[^.\r]{0,80}lost", False),  # one that does not list it
        (r"^data loss", False),  # anchors at the start of the joined prose only
        (r"loss$", False),
        (r"lost.", False),
        (r"x*", False),  # may match the empty string
        (r"(?<=\n)lost", False),
    ],
)
def test_block_local_patterns(pattern: str, local: bool) -> None:
    assert block_local(re.compile(pattern, re.IGNORECASE)) is local


def test_a_pattern_that_is_not_block_local_falls_back_to_the_joined_scan(nlp: NLP) -> None:
    """A pack whose statement pattern spans lines: scanned the old way, over joined prose."""
    lex = impact_lexicon(builtin_pack())
    saved = (lex.data_loss, lex.data_loss_per_block)
    try:
        lex.data_loss = [re.compile(r"\bdata\s+loss\b", re.IGNORECASE)]
        lex.data_loss_per_block = all(block_local(p) for p in lex.data_loss)
        assert not lex.data_loss_per_block
        text = "# Outage\n\n## Impact\n\n- Orders were late; data\n- loss none\n"
        assert _scan(text, nlp.sibling())  # the match joins two blocks
        assert not _scan("# Outage\n\n## Impact\n\n- Orders were late.\n", nlp.sibling())
    finally:
        lex.data_loss, lex.data_loss_per_block = saved


def test_action_fields_memo_shifts_offsets_and_copies() -> None:
    """``extract_fields`` is memoised per item text on the pack's words: a second call at
    another offset gives the first answer shifted, equal to an unmemoised extraction, and
    never hands out the stored objects."""
    from pm_lsp.rules.actions.items import _extract_fields, _words, extract_fields

    words = _words(builtin_pack())
    text = "Add a lag alert 🚨 (owner: @dana, due: 2025-07-01, P1, JIRA-812)"
    first = extract_fields(text, 10, words)
    again = extract_fields(text, 250, words)
    assert {f.name for f in first} >= {"owner", "due", "priority", "ticket"}
    assert [(f.name, f.value, f.start + 240, f.end + 240, f.missing) for f in first] == [
        (f.name, f.value, f.start, f.end, f.missing) for f in again
    ]
    plain = _extract_fields(text, words)
    assert [(f.name, f.value, f.start + 250, f.end + 250, f.missing) for f in plain] == [
        (f.name, f.value, f.start, f.end, f.missing) for f in again
    ]
    assert text[again[0].start - 250 : again[0].end - 250] == again[0].value
    stored = words.fields.get(text)
    assert stored is not None
    assert not set(map(id, again)) & set(map(id, stored))


# -- helpers that replaced scans, and memoised pure functions -------------------------------


def _docs_for_equivalence() -> list[str]:
    """Fixtures, corpus documents (read at run time when present), the edit sequence; LF
    and CRLF."""
    docs = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    if CORPUS.is_dir():
        docs += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    docs += [text for _what, text in _texts("\n")]
    return docs + [d.replace("\n", "\r\n") for d in docs]


def test_block_at_equals_the_scan_it_replaced() -> None:
    """The root-cause label regions find their block by bisection: the same block as the
    two linear scans (holding the offset, else the first after it), at every block edge
    and every label region of every document."""
    for text in _docs_for_equivalence():
        doc = parse(text)
        prose = [b for b in doc.blocks if b.kind in ("paragraph", "list_item")]
        starts = [b.start for b in prose]
        offsets = {o for b in prose for o in (b.start - 1, b.start, b.end - 1, b.end)}
        offsets |= {span.start for _label, span, _sec in labelled_regions(doc)}
        for a in sorted(o for o in offsets if o >= 0):
            want = next((b for b in prose if b.start <= a < b.end), None) or next(
                (b for b in prose if b.start >= a), None
            )
            assert _block_at(prose, starts, a) is want, (a, text[:80])


def test_span_cover_equals_any() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        spans = [
            Span(a, a + rng.randint(0, 6))
            for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 6)))
        ]
        cover = SpanCover(spans)
        for offset in range(-1, 50):
            assert (offset in cover) == any(s.start <= offset < s.end for s in spans)


def test_other_content_equals_the_regex() -> None:
    rng = random.Random(7)
    parts = ["!", "[", "<", "img", "table", "<img", "![", "x", " ", "<table", "\n"]
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 20)))
        want = [m.span() for m in re.finditer(r"!\[|<img|<table", text)]
        assert _other_content(text) == want, text


def test_joined_window_equals_the_joined_prose() -> None:
    rng = random.Random(9)
    for _ in range(5000):
        blocks = [
            SimpleNamespace(text="".join(rng.choice("ab ") for _ in range(rng.randint(0, 6))))
            for _ in range(rng.randint(1, 5))
        ]
        prose = "\n".join(b.text for b in blocks)
        i = rng.randrange(len(blocks))
        base = sum(len(b.text) + 1 for b in blocks[:i])
        a = rng.randint(0, len(blocks[i].text))
        e = rng.randint(a, len(blocks[i].text)) + 8
        got = _joined_window(blocks, i, a, e)  # type: ignore[arg-type]
        assert got == prose[base + a : base + e]


def test_memoised_template_and_timeline_answers_equal_fresh_ones() -> None:
    """canonical_section and parse_stamp answer from per-object tables: the same as a
    fresh computation for every heading, label, field key and timeline line, asked twice
    (the second time from the table); the tables are emptied when full."""
    template = load_template("standard")
    zones = timeline_words(builtin_pack()).zones
    for text in _docs_for_equivalence():
        doc = parse(text, template)
        titles = [s.title for s in doc.sections] + [f.key for f in doc.metadata]
        titles += [label for label, _span, _sec in labelled_regions(doc)]
        for _ in range(2):
            for title in titles:
                assert template.canonical_section(title) == template._canonical_section(title), (
                    title
                )
        lines = {line for b in doc.blocks for line in b.text.splitlines()}
        lines |= {c.text for t in doc.tables for row in t.rows for c in row}
        for _ in range(2):
            for line in lines:
                for year in (None, 2024):
                    assert parse_stamp(line, 0, zones=zones, year=year) == _parse_stamp(
                        line, 0, zones, year
                    ), line
    assert 0 < len(template._section_memo) <= 4096
    assert 0 < len(zones.stamps) <= 16_384
