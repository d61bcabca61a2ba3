"""A write-up kept as an issue or a review thread: each comment opens with a header naming
who commented ("@lee commented on 3 May", "Ana Ruiz replied"), and the comment goes on
under headings of the commenter's own, often shallower ones ("## Summary" under a "###"
header). Such a header is no part of the write-up and is not an empty section (PM202).
Look-alikes that stay reported when empty: a section whose title names what someone wrote
("What the vendor wrote"), a single capitalised word before a verb ("Customer replied"),
and an ordinary empty subsection. Every sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import run


def _empty(text: str) -> list[str]:
    """The text of every heading PM202 calls empty."""
    return [
        text[d.start : d.end]
        for d in run(text, None)
        if d.code == "PM202" and d.message.endswith("is empty")
    ]


def _thread(header: str) -> str:
    return (
        "# Build cache served stale artefacts (#2291)\n\n---\n\n"
        f"### {header}\n\n"
        "## Summary\n\nFor six hours the shared build cache returned artefacts from an older"
        " commit, and 31 release builds shipped them.\n\n"
        "## Impact\n\nThirty-one builds were rebuilt; two customers installed a stale image.\n\n"
        "### @wen.li commented\n\nCan we add the cache key format to the root cause?\n"
    )


@pytest.mark.parametrize(
    "header",
    [
        "@dmitri-k commented",
        "@dmitri-k commented on 12 Mar 2026",
        "@dmitri-k (maintainer) replied · 2 days ago",
        "Sofia Brandt @sbrandt commented 3 hours ago",
        "Sofia Brandt added a comment - 12/Mar/26 09:14",
        "Comment from @dmitri-k",
        "Reply by Sofia Brandt",
    ],
)
def test_a_comment_header_over_shallower_sections_is_not_empty(header: str) -> None:
    assert _empty(_thread(header)) == []


@pytest.mark.parametrize(
    "header",
    ["What the vendor wrote", "Customer replied", "Notes", "Replies"],
)
def test_an_empty_section_that_names_no_commenter_is_still_empty(header: str) -> None:
    assert _empty(_thread(header)) == [header]


def test_an_empty_subsection_and_its_section_are_still_empty() -> None:
    text = (
        "# Cache outage\n\n## Impact\n\n### Customers affected\n\n"
        "## Timeline\n\n- 09:10 cache disabled\n"
    )
    assert _empty(text) == ["Impact", "Customers affected"]
