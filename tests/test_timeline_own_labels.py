"""Milestones an entry labels itself, moves to a safe place, and reports to the responders.

* An entry may label its own milestone with the milestone's noun or participle, in
  brackets anywhere ("... (detection)", "[mitigated] ..."), opening it before a colon or a
  dash, or closing it after a dash (the pack's ``entry-labels``). A bracket that holds more
  than the label ("(detection rules unchanged)", "(no resolution yet)") labels nothing, and
  neither does a mitigation that is only planned ("mitigation plan drafted").
* Moving what the fault put at risk onto a spare, standby or backup is a mitigation; a part
  returned or put back into service is the resolution. A meeting moved, a person back at
  work or a service that "returned errors" is none.
* Someone who emails, phones or messages the people who act on faults (IT, the help desk,
  support, the on-call) about something amiss reports the fault: a detection. A request for
  work, an update the responders send out or a call to a vendor is none.

The sentences of each class and their look-alikes are also in tests/fixtures/timeline/
milestones.txt and milestones-clean.txt; here every label is checked, and PM504 on whole
timelines.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import FAMILY, MILESTONES, words


def _entry_labels() -> list[tuple[str, str]]:
    tab = builtin_pack().family(FAMILY)["entry-labels"]
    return [(name, str(label)) for name in MILESTONES for label in tab.get(name, [])]


@pytest.mark.parametrize(("milestone", "label"), _entry_labels())
def test_every_entry_label_marks_its_milestone_wherever_it_stands(
    milestone: str, label: str
) -> None:
    w = words(builtin_pack())
    for event in (
        f"Cooling fan on rack 9 swapped ({label})",
        f"[{label.capitalize()}] cooling fan on rack 9 swapped",
        f"{label.capitalize()}: cooling fan on rack 9 swapped",
        f"Cooling fan on rack 9 swapped \u2014 {label}",
        f"Cooling fan on rack 9 swapped - {label.upper()}.",
        # misc32 class 2: a label closed by a full stop, bold or not
        f"**{label.capitalize()}.** Cooling fan on rack 9 swapped",
        f"{label.capitalize()}. Cooling fan on rack 9 swapped",
        f"_{label.capitalize()}_. Cooling fan on rack 9 swapped",
    ):
        assert milestone in w.classify(event), event


@pytest.mark.parametrize(
    "event",
    [
        "Cooling fan on rack 9 swapped (detection rules unchanged)",
        "Cooling fan on rack 9 swapped (no resolution yet)",
        "Cooling fan on rack 9 swapped (mitigation pending)",
        "Cooling fan on rack 9 swapped for re-resolution of names",
        "Detection-rule review for rack 9 booked",
    ],
)
def test_a_bracket_or_dash_with_more_than_the_label_labels_nothing(event: str) -> None:
    assert words(builtin_pack()).classify(event) == frozenset()


@pytest.mark.parametrize(
    "event",
    [
        # misc32 class 2: a full stop that is no label's end (a file name, a host name)
        "Recovery.log rotated on the gateway",
        "resolution.yaml copied onto the spare gateway",
        "Detection.example.net zone reloaded",
        "Onset.csv exported for the analysts",
        # a question, a label with more words, a label inside the text
        "Resolution? Not yet, the gateway still reboots",
        "Mitigation plans. Gateway owners asked to draft them",
        "Gateway logs copied for the detection. Rack 9 inspected",
    ],
)
def test_a_full_stop_that_ends_no_label_labels_nothing(event: str) -> None:
    assert words(builtin_pack()).classify(event) == frozenset()


_DETECTION = """# Cold-room sensor outage

## Timeline

All times UTC.

- 06:40 Firmware 3.2 pushed to the sensor gateways
- 07:05 {entry}
- 07:30 Gateway firmware rolled back
- 07:52 Sensor readings back to normal, incident resolved
"""

_RECOVERY = """# Cold-room sensor outage

## Timeline

All times UTC.

- 06:40 Firmware 3.2 pushed to the sensor gateways
- 07:05 Temperature alarm fired on the gateway dashboard
- 07:30 {entry}
"""


@pytest.mark.parametrize(
    "entry",
    [
        "Humidity sensor on bay 2 wakes the site engineer (detection)",
        "(Detection) the night porter finds the door sensor dark",
        "Ticket count at the front counter doubles \u2014 detection",
        "Duty manager opens a bridge for the store outage [declared]",
        "A ward clerk emails the service desk: the bed board shows no patients",
        "The head chef phoned IT because the ordering tablets had frozen",
        "A shop manager called support about failed card payments",
        "Payroll staff contacted the on-call engineer about duplicate payslips",
        # misc32 class 2: a bold label closed by a full stop
        "**Detection.** Bay 4 readings compared against a handheld thermometer",
        "*Detected.* Freezer probe values checked on bay 4",
    ],
)
def test_a_label_or_a_report_to_the_responders_marks_detection(
    lint_text: LintFn, entry: str
) -> None:
    assert lint_text(_DETECTION.format(entry=entry), select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "entry",
    [
        "Gateway logs archived (detection rules unchanged)",
        "IT emailed the staff a status update",
        "We called the vendor about the licence",
        "Dana emailed IT to request a new laptop",
        "The librarian emailed the help desk to book a training room",
    ],
)
def test_look_alikes_mark_no_detection(lint_text: LintFn, entry: str) -> None:
    got = lint_text(_DETECTION.format(entry=entry), select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in got] == [["detection|declared"]]


@pytest.mark.parametrize(
    "entry",
    [
        "Gateways reflashed by hand (mitigation)",
        "Resolution \u2014 readings reach the dashboard again",
        "Carried the vaccine trays over to the reserve fridge",
        "The sensor feed was shifted onto the secondary gateway",
        "Relocated the logging jobs onto the standby collector",
        "The chiller was returned to service",
        "Boiler 2 put back into service after the valve swap",
    ],
)
def test_a_label_a_move_to_safety_or_a_return_to_service_marks_recovery(
    lint_text: LintFn, entry: str
) -> None:
    assert lint_text(_RECOVERY.format(entry=entry), select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "entry",
    [
        "Mitigation plan drafted for the gateways",
        "Vendor call held (no resolution yet)",
        "Moved the incident call to 08:15",
        "Moved the retro to the spare meeting room",
        "The engineer returned to the office",
        "The gateway service returned errors for an hour",
        "The technician returned to service after leave",
    ],
)
def test_look_alikes_mark_no_recovery(lint_text: LintFn, entry: str) -> None:
    got = lint_text(_RECOVERY.format(entry=entry), select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in got] == [["mitigation|resolution"]]
