"""PM301 on an open-ended verb ("review", "audit", "check") followed by a concrete second
task whose verb the parse hangs on a participle that qualifies the first verb's object
("Re-check every invoice sent on the bad day and remove the copies": "remove" joined to
"sent"). A bare verb with an object of its own is the item's second task, as in "Review
the alerts and notify the team", and bounds the first. Look-alikes that stay open-ended:
a participle joined to a participle ("orders placed and shipped late"), a second verb
that is itself vague, and the open-ended verb alone. One document, one lint; every
sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.engine import LintResult

_FIELDS = " (@ines, due 2026-09-01, P2, KIO-7)"

BOUNDED = [
    "Re-check every invoice sent on the bad day and remove the copies",
    "Re-review all tickets closed during the freeze and notify their requesters",
    "Audit the kiosks installed last spring and update their firmware",
    "Review every refund issued on 4 May and remove the duplicates",
]
OPEN_ENDED = [
    "Review all orders placed and shipped late",
    "Investigate the jobs affected and improve them",
    "Re-review all tickets closed during the freeze",
    "Review processes",
]


@pytest.fixture(scope="module")
def linted(lint_text: LintFn) -> tuple[str, LintResult]:
    items = "".join(f"- {i}{_FIELDS}\n" for i in BOUNDED + OPEN_ENDED)
    text = f"# Kiosk firmware drift\n\n## Action items\n\n{items}"
    return text, lint_text(text, select=["PM301"])


def _flagged(linted: tuple[str, LintResult], item: str) -> bool:
    text, result = linted
    a = text.index(f"- {item}{_FIELDS}")  # the whole line: one item opens another
    return any(a <= d.start < a + len(item) + 2 for d in result.diagnostics)


@pytest.mark.parametrize("item", BOUNDED)
def test_a_second_task_hung_on_a_participle_bounds_the_first(
    linted: tuple[str, LintResult], item: str
) -> None:
    assert not _flagged(linted, item)


@pytest.mark.parametrize("item", OPEN_ENDED)
def test_open_ended_items_without_a_concrete_second_task_stay_vague(
    linted: tuple[str, LintResult], item: str
) -> None:
    assert _flagged(linted, item)
