"""The structure rules' per-part tables never serve a stale answer.

PM201 and PM202 read each part of a document (from one top-level heading to the next) from
a table keyed by the part's text (:mod:`pm_lsp.rules.structure.parts`); what a part's
answer depends on outside the part is combined on each lint. Each edit below changes one
such outside input and leaves the part that depends on it as it was: after every edit a
lint through warm tables must equal a lint after ``clear_all``, in LF and in CRLF, with the
default template and with a configured one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from edit_sessions import Edit, lint_clean, replace_once, session

from pm_lsp.cache import clear_all
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.registry import all_rules
from pm_lsp.rules.spec import Diagnostic
from pm_lsp.rules.structure.concepts import load_words

#: Written for this test: a front matter, parents whose content lies only in their
#: subsections, a placeholder section, a label that writes a part in another section, a
#: table, a stamped list, prose that tells a cause in passing.
DOC = """\
---
title: Cache stampede on the pricing service
duration: 45m
---

# Cache stampede on the pricing service

Checkout pages priced every basket from the origin for most of an afternoon, because the
cache keys changed when the pricing library was upgraded.

## Background

### Pricing cache

The pricing cache holds one entry per basket shape and expires them hourly.

### Upgrade

_Describe the upgrade here._

## Timeline

- 13:02 deploy of pricing 4.1 starts
- 13:20 latency alert pages the on-call engineer
- 13:41 cache warmed by hand
- 14:05 error rate back to normal

## Follow-up

**Owner**: pricing team

**Impact**: slow checkout

TODO

## Recovery

The cache was warmed by hand and prices came back within minutes.

## Detection

[TBD]

## Notes 🧊

Baskets with 日本語 product names were priced twice. Customers could not check out, and the
outage lasted 40 minutes.

[guide]: https://example.invalid/guide
"""


_replace = replace_once


def _swap_sections(text: str) -> str:
    """Move the Follow-up section (unchanged) above the Timeline."""
    a, b, c = text.index("## Timeline"), text.index("## Follow-up"), text.index("## Recovery")
    return text[:a] + text[b:c] + text[a:b] + text[c:]


#: (what the edit changes outside the part that reads it, the edit), each applied to the
#: result of the one before
EDITS: list[tuple[str, Edit]] = [
    (
        "empty the only subsection with content: the Background part's own text is as "
        "it was, its heading is now empty",
        _replace(
            "The pricing cache holds one entry per basket shape and expires them hourly.\n", ""
        ),
    ),
    (
        "an image in a subsection's heading: the parent's body holds more than prompts",
        _replace("### Upgrade\n", "### Upgrade ![diagram](upgrade.png)\n"),
    ),
    (
        "the image moves into the subsection's content",
        _replace(
            "### Upgrade ![diagram](upgrade.png)\n\n",
            "### Upgrade\n\n![diagram](upgrade.png)\n\n",
        ),
    ),
    ("and goes", _replace("![diagram](upgrade.png)\n\n", "")),
    (
        "fill it again from another subsection",
        _replace("_Describe the upgrade here._", "The library moved to version 4.1."),
    ),
    (
        "remove the Impact label from another section: the cue is asked again of the "
        "part that tells the impact in prose",
        _replace("**Impact**: slow checkout\n\n", ""),
    ),
    (
        "write it again",
        _replace(
            "**Owner**: pricing team\n", "**Owner**: pricing team\n\n**Impact**: slow checkout\n"
        ),
    ),
    (
        "rename the heading above a subsection (the subsection's part is unchanged)",
        _replace("## Background\n", "## Impact\n"),
    ),
    ("move a section with a placeholder above another", _swap_sections),
    (
        "edit the front matter (the title moves every part after it): the duration it "
        "gave is asked of the text again",
        _replace("duration: 45m\n", "status: Draft\nimpact: slow checkout\n"),
    ),
    (
        "indent a heading into a list item: two parts become one",
        _replace("## Notes 🧊\n", "- ## Notes 🧊\n"),
    ),
    ("and back", _replace("- ## Notes 🧊\n", "## Notes 🧊\n")),
    (
        "a link definition elsewhere (a reference it could resolve lies in another part)",
        _replace("[guide]: https://example.invalid/guide\n", "[TBD]: https://example.invalid/x\n"),
    ),
    (
        "what precedes a heading: a paragraph joined to it as a setext heading",
        _replace("## Follow-up\n", "Follow-up\n---------\n"),
    ),
    (
        "the opening paragraph goes: the summary is no longer told before the first heading",
        _replace(
            "Checkout pages priced every basket from the origin for most of an afternoon, "
            "because the\ncache keys changed when the pricing library was upgraded.\n\n",
            "",
        ),
    ),
    (
        "stamp fewer entries: the timeline is no longer written as entries",
        _replace("- 13:41 cache warmed by hand\n- 14:05 error rate back to normal\n", ""),
    ),
    ("undo everything", lambda _text: DOC),
]


def _texts(newline: str) -> Iterator[tuple[str, str]]:
    return session(DOC, EDITS, newline)


RULES = [r for r in all_rules() if r.code.startswith(("PM2", "PM5"))]


def _lint(text: str, nlp: NLP, settings: dict[str, Any]) -> list[Diagnostic]:
    return lint_clean(text, nlp, settings, RULES)


#: the template linted, and another one whose answers for the same texts fill the tables
#: between the steps (its own synonyms: "Recovery" names a part of its own)
TEMPLATES = [({}, {"template": "atlassian"}), ({"template": "atlassian"}, {})]


@pytest.mark.parametrize(("settings", "other"), TEMPLATES, ids=["default", "atlassian"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_warm_parts_equal_a_fresh_lint_after_every_edit(
    nlp: NLP, newline: str, settings: dict[str, Any], other: dict[str, Any]
) -> None:
    warm = nlp.sibling()
    words = resolve([Settings()]).pack.derived(load_words)
    hits = words._parts.hits
    by_step: dict[str, list[Diagnostic]] = {}
    for what, text in _texts(newline):
        _lint(text, warm, other)
        by_step[what] = _lint(text, warm, settings)
    assert words._parts.hits > hits  # unchanged parts were served from the table
    codes: set[str] = set()
    for what, text in _texts(newline):
        clear_all()
        fresh = _lint(text, nlp.sibling(), settings)
        assert by_step[what] == fresh, what
        codes |= {d.code for d in fresh}
    assert {"PM201", "PM202", "PM203"} <= codes  # not vacuous
    # edits outside a part changed what is reported of it
    changed = {
        what
        for (_, before), (what, after) in itertools.pairwise(by_step.items())
        if _structure(before) != _structure(after)
    }
    assert {EDITS[i][0] for i in (0, 1, 3, 4, 9, 14)} <= changed


def _structure(found: list[Diagnostic]) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in found if d.code.startswith("PM2")]


def test_a_part_is_read_once_while_its_text_stays(nlp: NLP) -> None:
    """A second lint of an edited text reads every part from the table, and an edit
    outside a part does not read it again."""
    words = resolve([Settings()]).pack.derived(load_words)
    _lint(DOC, nlp, {})
    misses = words._parts.misses
    _lint(DOC.replace("hourly", "daily"), nlp, {})
    assert words._parts.misses == misses + 1  # the Background part only
    _lint(DOC.replace("hourly", "daily"), nlp, {})
    assert words._parts.misses == misses + 1
