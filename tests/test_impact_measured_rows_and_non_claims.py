"""PM401 where the amount is given beside the vague word, or where no impact is claimed,
each class beside look-alikes that stay reported (the classes of fix helper imp40). Every
sentence and row here is written for this file.

1. A table row whose first cell (its label) holds the vague word while another cell of the
   row states the amount ("| Long queues | 840 riders | median 25 min |"): the row
   quantifies its label.
2. A field whose whole value is a rung of a scale ("Severity: Major outage", "Impact:
   Partial outage", "Priority: P1 - High"): where the incident was placed, no claim.
3. An outcome that was avoided: a past modal under a heading of near misses ("Where we
   got lucky"), or anywhere the outcome told before its condition ("... would have
   reached many more riders if it had started at the peak").
4. A taking or a charge denied ("bonuses for the affected runs were not clawed back"): an
   explicit absence of harm; and "rather than before it", steps set in order, not a
   comparison with an unstated baseline.
5. A vague count that the next sentence of its paragraph gives in figures for the same
   noun ("Most riders could still tap in. Of 3,020 riders who tried, 2,870 got through.").
"""

from __future__ import annotations

from conftest import LintFn


def _found(lint_text: LintFn, section: str, body: str) -> list[str]:
    """The text of each PM401 finding when ``body`` stands under ``section``."""
    text = f"# Tram ticketing outage\n\n## {section}\n\n{body}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


# -- class 1: a row's label measured by its other cells ---------------------------------------

_MEASURED_ROWS = """| What went wrong | Scale | Duration |
|---|---|---|
| Long queues at the ticket gates | 840 riders | median 25 min |
| Extended hold times on the helpline | 1,312 calls | 48 minutes at worst |
| Many fares charged twice | 2,204 fares | |
| Some season tickets rejected | 6% of scans | 09:10 to 10:05 |
| Several kiosks frozen | three depots | |"""

_UNMEASURED_ROWS = """| What went wrong | Status | Notes |
|---|---|---|
| Long queues at the ticket gates | Confirmed | Under review |
| Many riders charged twice | unknown | |
| Refunds | Confirmed | Some riders waited 300 minutes for the app |
| Ticket gates | 14 depots | Several riders were stuck |"""


def test_a_label_measured_by_its_row_is_no_vague_impact(lint_text: LintFn) -> None:
    assert _found(lint_text, "Impact", _MEASURED_ROWS) == []


def test_labels_without_an_amount_and_other_cells_stay_read(lint_text: LintFn) -> None:
    found = _found(lint_text, "Impact", _UNMEASURED_ROWS)
    assert found == ["Long queues", "Many riders", "Some riders", "Several riders"]


# -- class 2: a field valued with a rung of a scale ---------------------------------------------

_RUNGS = """# Tram ticketing outage

*Written 3 May · Severity: SEV-2 (Major outage) · Impact: Partial outage*

- **Priority:** P1 - High
- **Status page:** Degraded performance

## Impact

**Impact rating:** Moderate

Customer impact: significant
"""

_FIELDS_WITH_HARM = """# Tram ticketing outage

- **Impact:** Major outage for most riders
- **Status page:** Degraded performance; many riders saw errors

## Summary

Impact: Many riders could not board. Severity: Minor.

Customer impact: significant delays at the gates.

The ticket app had a major outage.
"""


def test_a_rung_of_a_scale_is_no_impact_claim(lint_text: LintFn) -> None:
    assert lint_text(_RUNGS, select=["PM401"]).diagnostics == []


def test_fields_that_go_on_to_state_harm_stay_read(lint_text: LintFn) -> None:
    text = _FIELDS_WITH_HARM
    found = [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]
    assert found == [
        "Major outage",
        "most riders",
        "many riders",
        "Many riders",
        "significant delays",
        "major outage",
    ]


# -- class 3: outcomes that did not happen ----------------------------------------------------

_NEAR_MISSES = """# Tram ticketing outage

## Summary

Riders could not buy tickets from 09:10 to 10:05.

## {heading}

- The fault began before the peak. At rush hour the gates would have stayed shut for a long time.
- A weekday fault could have stranded many commuters.
- Only a few riders were affected, but many more could have been stranded.
- Several depots kept paper tickets, so many riders still boarded.
"""


def test_an_avoided_outcome_under_a_near_miss_heading_is_no_impact(lint_text: LintFn) -> None:
    for heading in ("Where we got lucky", "What could have been worse", "Near misses"):
        text = _NEAR_MISSES.format(heading=heading)
        found = [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]
        # what happened is read: the few riders affected, the many who still boarded
        assert found == ["a few riders", "many riders"], heading


_AVOIDED = (
    "The fault would have reached many more riders if it had started at the morning peak.",
    "Several depots would have run out of paper tickets if the outage had lasted past noon.",
    "Many riders could have missed their trams had the gates not been opened by hand.",
)

_HAPPENED = (
    ("Some riders would have seen the error page for several minutes.", "Some riders"),
    (
        "The queue would have doubled if the sale had opened at noon, and some riders "
        "waited anyway.",
        "some riders",
    ),
    ("Many riders waited, and it would have been worse if we had not opened the gates.", "Many"),
)


def test_an_outcome_told_before_its_condition_is_no_impact(lint_text: LintFn) -> None:
    for sentence in _AVOIDED:
        assert _found(lint_text, "Impact", sentence) == [], sentence


def test_harm_beside_or_without_a_condition_stays_read(lint_text: LintFn) -> None:
    for sentence, phrase in _HAPPENED:
        assert any(f.startswith(phrase) for f in _found(lint_text, "Impact", sentence)), sentence


# -- class 4: harm denied, and "rather than" ---------------------------------------------------

_DENIED = (
    "- **Couriers:** pay for the affected rounds was *not* docked by the depot; "
    "the operator took the cost.",
    "- **Drivers:** fees on the affected shifts were never deducted from drivers.",
    "- **Hosts:** host payouts for the affected bookings were not clawed back.",
    "- **Riders:** fares for the failed journeys were not charged to the riders' cards.",
)

_NOT_DENIED = (
    "- **Hosts:** host payouts for the affected bookings were clawed back.",
    "- **Riders:** riders on the affected lines could not board.",
)


def _items(lint_text: LintFn, items: tuple[str, ...]) -> list[str]:
    """The items PM401 reports in an Impact section that counts the harm in its first item."""
    lines = ["- **Riders:** 4,100 fares were charged twice.", *items]
    text = "# Tram ticketing outage\n\n## Impact\n\n" + "\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    return [by_line[text.count("\n", 0, d.start) + 1] for d in diags]


def test_a_taking_denied_is_no_impact(lint_text: LintFn) -> None:
    assert _items(lint_text, _DENIED) == []


def test_a_taking_done_or_an_inability_stays_read(lint_text: LintFn) -> None:
    assert _items(lint_text, _NOT_DENIED) == list(_NOT_DENIED)


def test_rather_than_before_sets_steps_in_order(lint_text: LintFn) -> None:
    clean = "The depot switched to paper tickets after the call rather than before it."
    compared = "The gates opened later than before."
    assert _found(lint_text, "Response", clean) == []
    assert _found(lint_text, "Response", compared) == ["than before"]


# -- class 5: the next sentence gives the figure -----------------------------------------------

_GIVEN_NEXT = (
    "Most riders could still tap in at the gates. Of 3,020 riders who tried, 2,870 got through.",
    "Many parcels reached the lockers late. 1,140 parcels arrived after noon.",
    "Several kiosks froze during the update. 17 ticket kiosks needed a manual restart.",
)

_NOT_GIVEN_NEXT = (
    ("Most riders could still tap in. The gates logged 9,100 taps that morning.", "Most riders"),
    (
        "Many riders saw an error page. The kiosk in hall B was slow. 412 riders were turned away.",
        "Many riders",
    ),
    ("Some riders waited at the gates. 40 kiosks were restarted.", "Some riders"),
    ("Many riders saw an error page. A rider wrote to us about 12 stations.", "Many riders"),
)


def test_a_vague_count_given_in_figures_next_is_no_vague_impact(lint_text: LintFn) -> None:
    for paragraph in _GIVEN_NEXT:
        assert _found(lint_text, "Impact", paragraph) == [], paragraph


def test_a_figure_of_something_else_or_further_on_lends_nothing(lint_text: LintFn) -> None:
    for paragraph, phrase in _NOT_GIVEN_NEXT:
        assert phrase in _found(lint_text, "Impact", paragraph), paragraph
