"""The timeline's tables never serve a stale answer.

Each timeline region is read once per text, shape and what it inherits
(``Words.regions``), and each event's release numbers once per text. Each edit below
changes something a region's answer depends on from outside the region (what precedes it,
a declaration or a date elsewhere, an entry of another region, the metadata), or moves
it: after every edit a lint through warm tables must equal a lint after ``clear_all``, in
LF and in CRLF.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from edit_sessions import Edit, lint_clean, replace_once, session

from pm_lsp.cache import clear_all
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.registry import all_rules
from pm_lsp.rules.spec import Diagnostic
from pm_lsp.rules.timeline.model import words

#: Written for this test: a client library released with a fault and fixed by the next
#: release, told in two timelines (the rollout, then the fix), with a duration to check.
DOC = """\
# Broken retry loop in the mobile SDK

**Date**: 2025-02-11
**Duration**: 1 hour

## Summary

Apps built on the SDK retried failed uploads without a pause.

## Chronology of the rollout

- 09:00 4.2.0 published to the package registry
- 09:40 first apps built against the new SDK
- 10:05 upload error rate starts climbing

## Timeline

- 10:20 alert fires for upload errors 📈
- 10:45 on-call confirms the retry loop
- 10:40 status page updated (noted late)
- 12:10 4.3.0 published to the package registry

## Notes

The dashboards were read in the office's own time zone.
"""


_replace = replace_once


#: (what the edit changes outside the region that reads it, the edit), each applied to
#: the result of the one before
EDITS: list[tuple[str, Edit]] = [
    (
        "a paragraph before both timelines: every region moves",
        _replace(
            "## Chronology of the rollout\n",
            "Most users never noticed.\n\n## Chronology of the rollout\n",
        ),
    ),
    (
        "the earlier region no longer names 4.2.0 as put out: the later region's 4.3.0 "
        "is read anew against what went before",
        _replace("- 09:00 4.2.0 published to the package registry\n", "- 09:00 release prepared\n"),
    ),
    (
        "and back",
        _replace("- 09:00 release prepared\n", "- 09:00 4.2.0 published to the package registry\n"),
    ),
    (
        "a zone declared in prose outside the timelines",
        _replace("in the office's own time zone.", "in the office's own time zone. All times UTC."),
    ),
    ("the metadata date changes the year", _replace("2025-02-11", "2024-02-11")),
    (
        "a numeric date elsewhere that reads only day first",
        _replace("Most users never noticed.", "Most users never noticed (see 13/02/2024)."),
    ),
    (
        "a paragraph after the timelines: nothing moves",
        _replace("## Notes\n", "## Notes\n\nThe SDK team owns the follow-up.\n\n"),
    ),
    (
        "swap the two timelines",
        lambda text: (
            text[: text.index("## Chronology of the rollout")]
            + text[text.index("## Timeline") : text.index("## Notes")]
            + text[text.index("## Chronology of the rollout") : text.index("## Timeline")]
            + text[text.index("## Notes") :]
        ),
    ),
    ("undo everything", lambda _text: DOC),
]


def _texts(newline: str) -> Iterator[tuple[str, str]]:
    return session(DOC, EDITS, newline)


RULES = [r for r in all_rules() if r.code.startswith("PM5")]


def _lint(text: str, nlp: NLP) -> list[Diagnostic]:
    return lint_clean(text, nlp, rules=RULES)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_warm_regions_equal_a_fresh_lint_after_every_edit(nlp: NLP, newline: str) -> None:
    w = words(resolve([Settings()]).pack)
    hits = w.regions.hits
    by_step = {what: _lint(text, nlp) for what, text in _texts(newline)}
    assert w.regions.hits > hits  # regions whose text did not change were not read again
    for what, text in _texts(newline):
        clear_all()
        assert by_step[what] == _lint(text, nlp), what
    changed = {
        what
        for (_, before), (what, after) in itertools.pairwise(by_step.items())
        if [(d.code, d.message) for d in before] != [(d.code, d.message) for d in after]
    }
    # not vacuous: the first timeline's release decides whether the second one's is the
    # fix, and the declaration elsewhere gives the timelines their zone
    assert {EDITS[1][0], EDITS[2][0], EDITS[3][0]} <= changed
