"""misc36: action items written as a duty in the passive, the register of a formal report
("The tide gauge log is to be reviewed", "Dock alarms are to be strengthened"). "is to be"
or "are to be" and a participle is work still to do, as "will be" is: a numbered paragraph
so written is an item (PM302-PM305 read its fields), its participle is the task (PM301 when
it is vague), and a vague participle acting on people's awareness or training asks people
to behave differently (PM306 beside PM301). Look-alikes: a concrete duty with its fields,
a duty already done ("was fitted"), and statements in the same words ("is to be expected",
"are to be found on the share", "is to be commended", "the aim is to be ready")."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_GOOD = "Add a surge alert at 40 cm on the harbour gauge — @ines, due 2027-04-02, P1, HBR-9"


def _codes_on(lint_text: LintFn, item: str) -> list[str]:
    text = f"# Tide gauge outage\n\n## Action items\n\n- {item}\n- {_GOOD}\n"
    a = text.index(item)
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    return sorted(d.code for d in diags if a <= d.start < a + len(item))


@pytest.mark.parametrize(
    ("item", "codes"),
    [
        ("The berth scheduling tool is to be improved.", ["PM301"]),
        ("Coverage of the crane alarms is to be strengthened.", ["PM301"]),
        ("Night-shift vigilance around the pumps is to be heightened.", ["PM301"]),
        ("The pilot boarding checklist is to be revisited.", ["PM301"]),
        ("Harbour radio procedures are to be streamlined.", ["PM301"]),
        ("Gauge monitoring coverage is to be reviewed.", ["PM301"]),
        ("Operator awareness of the mooring rules is to be enhanced.", ["PM301", "PM306"]),
        ("Refresher training for the crane operators will be improved.", ["PM301", "PM306"]),
    ],
)
def test_a_vague_duty_in_the_passive_is_judged(
    lint_text: LintFn, item: str, codes: list[str]
) -> None:
    assert _codes_on(lint_text, item) == codes


@pytest.mark.parametrize(
    "item",
    [
        "The surge alert is to be wired to the harbour pager by @kofi, due 2027-04-10, P2, HBR-11",
        "The spare gauges are to be recalibrated against the reference buoy — @uma, due "
        "2027-05-01, P2, HBR-12",
        "The stale tide table was removed from the controller by @uma (HBR-8).",
        "Training data for the surge classifier is to be rebuilt from the 2026 archive — "
        "@kofi, due 2027-05-03, P3, HBR-13",
    ],
)
def test_a_concrete_or_finished_duty_stays_clean(lint_text: LintFn, item: str) -> None:
    assert _codes_on(lint_text, item) == []


def _report(paragraphs: list[str]) -> str:
    numbered = "\n\n".join(f"5.{i} {p}" for i, p in enumerate(paragraphs, 1))
    return f"# Tide gauge outage\n\n**Status:** Final\n\n## 5. Corrective Actions\n\n{numbered}\n"


def test_a_numbered_duty_paragraph_is_an_item_with_its_fields_read(lint_text: LintFn) -> None:
    """A report's numbered paragraphs: the duty with no fields gets PM301 and PM302-PM305,
    the one with all its fields stays clean."""
    vague = "Staff awareness of the berthing limits is to be enhanced."
    text = _report(
        [
            "The surge alert is to be added to the harbour board. Owner: K. Boateng. "
            "Due: 2 May 2027. Priority: P2. Ticket: HBR-14.",
            vague,
        ]
    )
    diags = lint_text(text).diagnostics
    a = text.index(vague)
    on_vague = sorted(d.code for d in diags if a <= d.start < a + len(vague))
    assert on_vague == ["PM301", "PM302", "PM303", "PM304", "PM305", "PM306"]
    first = text.index("The surge alert")
    assert [d.code for d in diags if d.code.startswith("PM3") and first <= d.start < a] == []


def test_statements_in_the_same_words_are_no_items(lint_text: LintFn) -> None:
    """Numbered statements that only look like duties are no items (nor is the section,
    with one real item, a list of numbered items)."""
    text = _report(
        [
            "The surge alert is to be added to the harbour board. Owner: K. Boateng. "
            "Due: 2 May 2027. Priority: P2. Ticket: HBR-14.",
            "A drift of this size is to be expected after a firmware swap.",
            "The raw gauge readings are to be found on the shared drive.",
            "The harbour master is to be commended for the quick closure.",
            "The aim is to be able to swap a gauge within ten minutes.",
        ]
    )
    assert [d.code for d in lint_text(text).diagnostics if d.code.startswith("PM3")] == []


def test_every_duty_word_has_a_sentence() -> None:
    """Each word of the duty keys is read: an opener and an irregular participle make a
    duty, a statement participle none (the pattern of the items' words)."""
    from pm_lsp.rules.actions.items import _words

    pack = builtin_pack()
    words = _words(pack)
    for opener in pack.words("actions", "duty-openers"):
        assert words.proposes(f"The tide table {opener} rebuilt from the raw feed.")
        for part in pack.words("actions", "duty-participles"):
            assert words.proposes(f"The tide table {opener} {part} again.")
        for stop in pack.words("actions", "duty-statements"):
            assert not words.proposes(f"A drift like this {opener} {stop} on the harbour.")
