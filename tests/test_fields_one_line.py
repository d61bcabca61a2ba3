"""Several "Key: value" pairs written on one line ("Severity: SEV-2 · Status: draft ·
Owner: @mira"), as chat and wiki exports write a document's header: every pair is a field.
A value is cut only before a key the template knows as a field, so a value that holds a
separator of its own stays whole.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve

_BODY = "\n\n## Summary\n\nThe label printer queue stalled for 40 minutes.\n"


def _fields(line: str) -> list[tuple[str | None, str]]:
    doc = parse("# Label printing stalled\n\n" + line + _BODY, resolve([Settings()]).template)
    return [(f.canonical, f.value) for f in doc.metadata]


@pytest.mark.parametrize(
    "line",
    [
        "Severity: SEV-3 · Status: in review · Owner: @tom.ward · Date: 2026-08-02",
        "**Severity:** SEV-3 | **Status:** in review | **Owner:** @tom.ward | **Date:** 2026-08-02",
        "Severity: SEV-3; Status: in review; Owner: @tom.ward; Date: 2026-08-02",
        "- Severity: SEV-3 • Status: in review • Owner: @tom.ward • Date: 2026-08-02",
    ],
)
def test_every_pair_on_the_line_is_a_field(line: str) -> None:
    assert _fields(line) == [
        ("severity", "SEV-3"),
        ("status", "in review"),
        ("authors", "@tom.ward"),
        ("date", "2026-08-02"),
    ]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Status: draft; waiting on the vendor's report", "draft; waiting on the vendor's report"),
        ("Status: draft · see the thread for details", "draft · see the thread for details"),
        ("Owner: Payments | Checkout", "Payments | Checkout"),
        ("Severity: SEV-2; note: customer facing", "SEV-2; note: customer facing"),
    ],
)
def test_a_separator_before_no_known_key_stays_in_the_value(line: str, value: str) -> None:
    assert [v for _c, v in _fields(line)] == [value]


def test_spans_of_each_pair_point_at_their_own_text(lint_text: LintFn) -> None:
    text = "# Label printing stalled\n\nSeverity: SEV-9 · Status: draft" + _BODY
    diags = lint_text(text, select=["PM203", "PM204"]).diagnostics
    # the bad severity is reported on its own value, and Status is not missing
    bad = [d for d in diags if d.code == "PM204"]
    assert [text[d.start : d.end] for d in bad] == ["SEV-9"]
    assert not [d for d in diags if "Status" in d.message]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a byline whose first part is no field: the pairs after its middle dots are
        (
            "*Written by Ines Moreau · 4 March 2026 · Status: Final · Severity: SEV2*",
            [("status", "Final"), ("severity", "SEV2")],
        ),
        ("Posted by the payments team • Status: Draft", [("status", "Draft")]),
        # look-alikes: dots between words of prose, and a key the template does not know
        ("The cache · the queue · the store all recovered.", []),
        ("We met twice · Note: the vendor joined late", []),
    ],
)
def test_a_bylines_pairs_after_its_middle_dots(line: str, expected: list[tuple[str, str]]) -> None:
    assert _fields(line) == expected
