"""Action items written as notes in the passive: a noun phrase, then what is to happen to
it ("Alerting on the export queue to be improved", "Paging for the queue will be
reviewed"). The participle is the task, so it is judged as "Improve …" or "Review …"
would be; the noun phrase before it is what the task acts on, not an imperative.
Look-alikes: a concrete participle ("Stale dashboards to be deleted") and a statement in the
present tense ("… behaviour is maintained") that the small model hangs a long imperative
item on."""

from __future__ import annotations

import re

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


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


#: duties laid on people in the passive, whatever the subject's length and the link to
#: "be": each is people-fixing, the participle or phrase quoted
_PEOPLE_DUTIES = {
    "Porters on the overnight rota should be retrained on the lift lockout.": "retrained",
    "Ramp agents at the cargo apron must be retrained on the tug checklist.": "retrained",
    "Stock pickers handling the frozen aisle will be re-trained on the cold-chain log.": (
        "re-trained"
    ),
    "The on-call engineers are to be reminded about the change freeze.": "reminded",
    "Pastry cooks are to be reminded to label the nut trays.": "reminded",
    "Switchboard staff will be re-briefed on the flood script.": "re-briefed",
    "Ticket agents will be rebriefed ahead of the winter timetable.": "rebriefed",
    "Billing clerks need to be made aware of the batch cut-off.": "made aware",
    "The release managers must be made more aware of the merge freeze.": "made more aware",
    "Field technicians have to be reminded of the isolation steps.": "reminded",
    "All baristas are to be retrained on the grinder settings.": "retrained",
    "Each shift supervisor is to be reminded of the handover sheet.": "reminded",
    "The loading crew shall be retrained on the strap tension chart.": "retrained",
    "The warehouse team needs to be reminded of the pallet limits.": "reminded",
    "The night porter has to be reminded of the fire doors.": "reminded",
    "Kitchen porters ought to be retrained on the dish machine.": "retrained",
}

#: look-alikes: a model or a thing retrained, a reminder sent by a system or to those the
#: service serves, a negated or hypothetical duty, a possessor before the thing, a duty
#: already done, a concrete deliverable about a briefing or training material
_NOT_PEOPLE_DUTIES = [
    "The fraud scorer should be retrained on the April transactions — @li, due 2026-05-01, "
    "P2, ML-4",
    "The embeddings are to be retrained weekly from the clean feed — @li, due 2026-05-03, P2, ML-5",
    "The taggers will be retrained on the corrected labels — @li, due 2026-05-04, P2, ML-6",
    "The duty rota's forecasting model should be retrained on the summer load — @li, due "
    "2026-05-05, P2, ML-7",
    "Porters are to be reminded by the paging system when a lift is locked out — @kim, due "
    "2026-05-06, P2, OPS-5",
    "Operators will be reminded automatically when the freeze starts — @kim, due 2026-05-07, "
    "P2, OPS-6",
    "Passengers need to be made aware of the gate change by a screen banner — @kim, due "
    "2026-05-08, P2, OPS-7",
    "Lift engineers are to be reminded through automated pager alerts — @kim, due 2026-05-12, "
    "P2, OPS-10",
    "Dispatchers shouldn't have to be retrained whenever the console changes.",
    "Operators should not need to be reminded of the lockout steps.",
    "Staff would have to be retrained if we switched tug vendors.",
    "The classifier needs to be made aware of the new label set — @li, due 2026-05-09, P2, ML-8",
    "Night porters were reminded of the lift lockout on 3 March.",
    "Publish the updated briefing deck for ramp staff — @kim, due 2026-05-10, P2, OPS-8",
    "Write the grinder training module for new baristas — @kim, due 2026-05-11, P2, OPS-9",
]


def test_a_duty_laid_on_people_in_the_passive_is_people_fixing(lint_text: LintFn) -> None:
    """One list of duties and their look-alikes, linted once: each duty gets PM306 quoting
    its participle, no look-alike gets PM306."""
    items = [*_PEOPLE_DUTIES, *_NOT_PEOPLE_DUTIES]
    text = "# Depot outage\n\n## Action items\n\n" + "".join(f"- {i}\n" for i in items)
    diags = lint_text(text, select=["PM306"]).diagnostics
    for item in items:
        a = text.index(item)
        found = [d.message for d in diags if a <= d.start < a + len(item)]
        word = _PEOPLE_DUTIES.get(item)
        if word is None:
            assert found == [], item
        else:
            assert len(found) == 1 and f"'{word} …'" in found[0], (item, found)


def test_every_duty_word_has_a_sentence() -> None:
    """Each link, phrase and automation word of a passive duty is in a sentence above."""
    pack = builtin_pack()
    text = " ".join([*_PEOPLE_DUTIES, *_NOT_PEOPLE_DUTIES]).lower()
    keys = ("people-duty-links", "people-duty-phrases", "people-duty-automation")
    missing = [
        w
        for key in keys
        for w in pack.words("actions", key)
        if not re.search(rf"(?<![\w-]){re.escape(w)} be\b|(?<![\w-]){re.escape(w)}(?![\w-])", text)
    ]
    assert missing == []
