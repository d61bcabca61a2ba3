"""The impact rules' per-part tables never serve a stale answer.

PM401 memoises each part's findings (a section's own stretch,
:mod:`pm_lsp.model.parts`), keyed by the part's text, its section's kind, the
impact regions and action items reaching into it; PM403 each part's data-loss statements,
whose placeholder window may reach into the next part; PM402 each region's amounts. Each
edit below changes one such input from outside the part whose findings it changes, and
after each one a lint through warm tables must equal a lint after ``clear_all``, in LF and
CRLF.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from edit_sessions import Edit, lint_clean, replace_once, session

from pm_lsp.cache import clear_all
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.impact.checks import lexicon as impact_lexicon
from pm_lsp.rules.spec import Diagnostic

CODES = ("PM401", "PM402", "PM403")

#: Written for this test: vague impact under a heading whose parent decides what it is, an
#: apology in the Summary that defers to the Impact section's figures, a list of plans
#: under a parent heading that may make them action items, a data-loss line whose
#: placeholder is the next heading.
DOC = """\
---
description: Some tenants saw failed uploads for a while.
---

# Upload outage on the eu cluster

## Summary

We are sorry for the disruption this caused to tenants.

## Impact

Uploads failed for 42 of 900 tenants.

### Customers

Many customers could not upload their invoices. Several tenants lost access to their drafts.

## Discussion

### Storage

- Many users could not upload files during the retry storm.
- Add a quota alert for the bucket.

## Notes

Users could not log in for some time.

- Data loss
## TODO

The bucket was restored from a snapshot.
"""


_replace = replace_once


def _move_notes_first(text: str) -> str:
    start = text.index("## Notes\n")
    end = text.index("- Data loss\n")
    notes = text[start:end]
    text = text[:start] + text[end:]
    anchor = "## Summary\n"
    return text.replace(anchor, notes + anchor, 1)


#: (what the edit changes, the edit): each applied to the previous result
EDITS: list[tuple[str, Edit]] = [
    (
        "rename the parent heading: 'Customers' is no longer under Impact",
        _replace("## Impact\n", "## Background\n"),
    ),
    ("and back", _replace("## Background\n", "## Impact\n")),
    (
        "remove the Impact section's figure: the apology in the Summary owns the impact again",
        _replace("Uploads failed for 42 of 900 tenants.", "Uploads failed for tenants."),
    ),
    (
        "rename the parent of Storage: its list items become action items",
        _replace("## Discussion\n", "## Action items\n"),
    ),
    (
        "rename the heading after the data-loss line: it is no placeholder any more",
        _replace("## TODO\n", "## Recovery\n"),
    ),
    (
        "edit the front matter's description",
        _replace("description: Some tenants", "description: A few tenants"),
    ),
    ("move the Notes section first", _move_notes_first),
    (
        "emoji and CJK before a vague sentence",
        _replace("Many customers could not", "🚨 顧客 Many customers could not"),
    ),
    (
        "an 'Impact:' label above a sentence in another section",
        _replace("Users could not log in", "Impact: users could not log in"),
    ),
    (
        "retitle the document as a known section: the lead changes",
        _replace("# Upload outage on the eu cluster\n", "# Impact\n"),
    ),
    ("undo everything", lambda _text: DOC),
]


def _texts(newline: str) -> Iterator[tuple[str, str]]:
    return session(DOC, EDITS, newline)


def _lint(text: str, nlp: NLP) -> list[Diagnostic]:
    return lint_clean(text, nlp, {"select": list(CODES)})


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_warm_part_tables_equal_a_fresh_lint_after_every_edit(nlp: NLP, newline: str) -> None:
    warm = nlp.sibling()
    by_step = {what: _lint(text, warm) for what, text in _texts(newline)}
    for what, text in _texts(newline):
        clear_all()
        assert by_step[what] == _lint(text, nlp.sibling()), what
    # not vacuous: each rule reported, and the inputs from outside changed the reports
    steps = [{d.code for d in found} for found in by_step.values()]
    assert set().union(*steps) == set(CODES)
    assert any("PM403" in s for s in steps) and any("PM403" not in s for s in steps)
    vague = [
        tuple((d.start, d.end, d.severity) for d in found if d.code == "PM401")
        for found in by_step.values()
    ]
    assert len(set(vague)) > len(EDITS) // 2


def test_a_heading_inside_a_list_item_keys_its_part_by_its_layout(nlp: NLP) -> None:
    """The same part text is a list item's heading and paragraph after "- item", and a
    heading and a paragraph of its own after a paragraph: a list item with an action
    item's field is no prose for PM401, a paragraph is. The part's key tells them apart."""
    tail = "  ## Sub\n\n  Many users could not pay for their orders. Owner: Li Wei.\n"
    in_item = "# Checkout outage\n\n- item\n\n" + tail
    alone = "# Checkout outage\n\nText.\n\n" + tail
    warm = nlp.sibling()
    for text in (in_item, alone, in_item):
        got = _lint(text, warm)
        clear_all()
        assert got == _lint(text, nlp.sibling()), text
    assert any(d.code == "PM401" for d in _lint(alone, warm))
    assert not any(d.code == "PM401" for d in _lint(in_item, warm))


def test_the_part_table_is_per_pipeline_and_left_alone_by_a_full_parse(nlp: NLP) -> None:
    """PM401's per-part verdicts read the parse: another pipeline gets entries of its own,
    and inside ``full_parse`` (every sentence parsed, no prefilter) the table is neither
    read nor filled."""
    table = impact_lexicon(resolve([Settings()]).pack).parts
    one, other = nlp.sibling(), nlp.sibling()
    _lint(DOC, one)
    hits = table.hits
    _lint(DOC, one)
    assert table.hits > hits  # the same pipeline is served from the table
    size, hits = len(table), table.hits
    _lint(DOC, other)
    assert len(table) > size and table.hits == hits
    before = (len(table), table.hits, table.misses)
    with full_parse():
        _lint(DOC, one)
    assert (len(table), table.hits, table.misses) == before
