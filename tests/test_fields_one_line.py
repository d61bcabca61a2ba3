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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a second field after the first one's sentence, bold or plain
        (
            "**Status:** closed. **Severity:** SEV-2 (payments only)",
            [("status", "closed"), ("severity", "SEV-2 (payments only)")],
        ),
        ("__Status:__ draft, __Owner:__ Priya N.", [("status", "draft"), ("authors", "Priya N.")]),
        (
            "**Severity:** SEV-4 **Date:** 2026-09-14",
            [("severity", "SEV-4"), ("date", "2026-09-14")],
        ),
        ("Status: in review. Severity: SEV-1", [("status", "in review"), ("severity", "SEV-1")]),
        ("Date: 9 Sept 2026. Owner: Kwame O.", [("date", "9 Sept 2026"), ("authors", "Kwame O.")]),
        # look-alikes: bold words and sentences inside a value, and a key that is no field
        ("**Status:** draft, see **the** thread", [("status", "draft, see **the** thread")]),
        ("Status: draft. Reviewers: see the doc", [("status", "draft. Reviewers: see the doc")]),
        ("Status: draft. Waiting on legal.", [("status", "draft. Waiting on legal.")]),
        ("**Status:** final. **Next step:** none", [("status", "final. **Next step:** none")]),
    ],
)
def test_a_field_after_a_sentence_or_before_a_bold_key(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c, v) for c, v in _fields(line) if c is not None] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a Notion callout holding the header: an icon, then pairs parted by middle dots
        (
            "> 📌 Owner: Hana Sato · Status: Final · Updated 3 Oct",
            [("authors", "Hana Sato"), ("status", "Final · Updated 3 Oct")],
        ),
        (
            "> 🗂️ **Status:** In review · **Authors:** Li Wei, Omar F. · **Severity:** SEV-3",
            [("status", "In review"), ("authors", "Li Wei, Omar F."), ("severity", "SEV-3")],
        ),
        ("> ℹ️ Severity: SEV-2 • Date: 2026-10-02", [("severity", "SEV-2"), ("date", "2026-10-02")]),
        ("📎 Authors: Ana P. · Status: Draft", [("authors", "Ana P."), ("status", "Draft")]),
        # look-alikes: a quotation (no icon) is someone else's words, and a callout's prose
        ("> **Status:** Final · **Owner:** the vendor", []),
        ("> 💡 Tip: restart the worker before the cache", []),
        ("> 📌 The owner changed twice · the status page lagged", []),
    ],
)
def test_a_callouts_header_pairs(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(c, v) for c, v in _fields(line) if c is not None] == expected


@pytest.mark.parametrize("value", ["✅ Final", "🟢 Published", "☑️ Reviewed"])
def test_a_status_icon_is_no_word_of_the_value(value: str, lint_text: LintFn) -> None:
    text = f"# Label printing stalled\n\nStatus: {value}" + _BODY
    assert not lint_text(text, select=["PM204"]).diagnostics


def test_a_status_icon_before_an_incident_state_quotes_the_state(lint_text: LintFn) -> None:
    text = "# Label printing stalled\n\n> 🧭 **Status:** ✅ Mitigated · **Severity:** SEV-2" + _BODY
    diags = lint_text(text, select=["PM203", "PM204"]).diagnostics
    assert [text[d.start : d.end] for d in diags if d.code == "PM204"] == ["Mitigated"]
    missing = " ".join(d.message for d in diags if d.code == "PM203")
    assert "Status" not in missing and "Severity" not in missing


def test_a_plain_key_after_a_bold_labels_sentence_is_an_items_owner() -> None:
    line = "**Follow-up:** Add a canary stage to the release job. Owner: @vera.l"
    assert [(c, v) for c, v in _fields(line) if c is not None] == []
