"""Action items written as notes in the passive: a noun phrase, then what is to happen to
it ("Alerting on the export queue to be improved", "Paging for the queue will be
reviewed"). The participle is the task, so it is judged as "Improve …" or "Review …"
would be; the noun phrase before it is what the task acts on, not an imperative.
Look-alikes: a concrete participle ("Stale dashboards to be deleted") and a statement in the
present tense ("… behaviour is maintained") that the small model hangs a long imperative
item on."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _vague(lint_text: LintFn, item: str) -> list[str]:
    """PM301's messages on ``item`` (the second item is a concrete, complete one)."""
    text = (
        f"# Export backlog\n\n## Action items\n\n- {item}\n"
        "- Add a backlog alert at 4,000 jobs on the exporter — @ana, due 2026-12-01, P1, EXP-1\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM301"]).diagnostics
    return [d.message for d in diags if a <= d.start < a + len(item)]


@pytest.mark.parametrize(
    ("item", "word"),
    [
        ("Alerting on the export queue to be improved.", "'improved'"),
        ("Export queue alerting to be improved next quarter.", "'improved'"),
        ("Alerting on the export queue will be improved.", "'improved'"),
        ("Monitoring of the export workers should be strengthened.", "'strengthened'"),
        ("The retry policy for exports will be revisited.", "'revisited'"),
        ("Export dashboards to be streamlined.", "'streamlined'"),
        ("Paging for the export queue will be reviewed.", "'reviewed'"),
    ],
)
def test_a_vague_participle_in_a_passive_note_is_vague(
    lint_text: LintFn, item: str, word: str
) -> None:
    found = _vague(lint_text, item)
    assert found and word in found[0], found


@pytest.mark.parametrize(
    "item",
    [
        "Export alert threshold to be lowered to 2,000 jobs — @sam, due 2026-12-20, P2, EXP-2",
        "Stale export dashboards to be deleted — @ines, due 2026-12-18, P3, EXP-3",
        "Failed exports to be retried up to three times — @sam, due 2026-12-20, P2, EXP-4",
        "Logging of rejected exports will be added to the consumer — @sam, due 2026-12-20, "
        "P2, EXP-5",
        "Write an exporter test that replays a partial batch to check ordering is kept "
        "— @ines, due 2026-12-22, P2, EXP-6",
    ],
)
def test_a_concrete_participle_or_a_misread_imperative_stays_clean(
    lint_text: LintFn, item: str
) -> None:
    assert _vague(lint_text, item) == []


def test_an_opener_before_a_passive_note_keeps_it_vague(lint_text: LintFn) -> None:
    """ "We need" is read as the proposal's opener; the note after it is the task."""
    found = _vague(lint_text, "We need alerting on the export queue to be improved.")
    assert found and "'improved'" in found[0], found


@pytest.mark.parametrize(
    "item",
    [
        "Dispatchers to be reminded of the call-out rota.",
        "Staff to be retrained on the runbook.",
    ],
)
def test_people_to_be_reminded_is_people_fixing(lint_text: LintFn, item: str) -> None:
    """The note's participle is a people-verb aimed at its subject: PM306, as "Remind the
    operators ..." is."""
    text = f"# Export backlog\n\n## Action items\n\n- {item}\n"
    a = text.index(item)
    codes = {d.code for d in lint_text(text, select=["PM306"]).diagnostics if d.start >= a}
    assert codes == {"PM306"}
