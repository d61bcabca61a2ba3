"""PM401 on denied kinds of fault, devices in a mechanism, superlative labels and losses of
things, with the look-alikes that still owe an amount. Every sentence here is written for
this file; the whole module is judged in one lint (one parse batch).

1. A kind of fault denied, the kind named between "not a" and its noun ("it was not a
   cashier error"), or examples given for a noun counted with "no" ("no dosing errors
   (wrong tablet, wrong ward) were found"); and whoever made a thing, named in the agent
   of a participle qualifying it ("appointments as booked by patients were never
   altered"): no harm told to them; after a data-loss answer the sentence goes on with it.
2. One device of the mechanism named with "the" before a name ("the Optical Character
   Recognition (OCR) reader, which could not find the account number"), a reading step it
   failed; and devices named as where logic was moved from or to ("shifting the pricing
   rules from devices to the server"). Devices down in the Impact stay read.
3. "Most" before an adjective in a verbless label that names one thing ("Most frequent
   departure slot."): which slot, no amount.
4. A vague word on a loss of things ("some limited loss of uploaded photos") asks what
   amount of them was lost, not a sum of money; a loss of money still asks for money.
"""

from __future__ import annotations

import pytest
from conftest import LintFn, diagnostics_by_paragraph

_CLEAN_IMPACT = (
    "This was not a courier error and it was not a warehouse error.",
    "It was not a tenant error and it was not a billing error.",
    "No dispensing errors (wrong item, wrong quantity, wrong customer) were found in the review.",
    "No dosing errors (wrong tablet, wrong dose, wrong patient) were found in the audit.",
    "No routing errors, such as a wrong depot or a wrong driver, showed up in the check.",
    "No patient data was lost. Appointments as booked by patients were never altered; only "
    "the reminder times were wrong.",
    "Nothing was deleted. Bookings made by guests were never touched; only the cached room "
    "totals were wrong.",
    "Scans taken at an angle went to the Optical Character Recognition (OCR) reader, "
    "which could not find the account number and rejected the form.",
    "Parcels were routed to the Radio Frequency Identification (RFID) reader, which could "
    "not decode the tag and sent them to manual sorting.",
    "Forms scanned upside down went unturned to the Intelligent Character Recognition (ICR) "
    "reader, which could not locate the signature box and returned the page.",
    "Most frequent departure slot.",
    "Least used entrance on the line.",
    "Most common evening start time.",
)

_CLEAN_LESSONS = (
    "Shifting the pricing rules from devices to the server carried their assumptions "
    "along, and the one that broke had held on every day we tested.",
    "Putting the fare logic on the terminals meant each one kept its own stale copy of the table.",
)

#: (sentence, the flagged text): the look-alikes that still owe an amount
_STILL_READ = (
    ("Many card readers at the gates were offline.", "Many card readers"),
    ("Several terminals in the shops could not connect to the till service.", "Several terminals"),
    ("Some customers were charged twice.", "Some customers"),
    ("Nobody could pay by card for a while.", "for a while"),
    ("Orders placed by shoppers during the outage were lost.", None),
    ("Readers could not open the newsletter.", None),
    ("Most new users.", "Most new users"),
    ("Payments made by members were declined.", None),
    ("No orders were lost, but many riders could not book.", "many riders"),
)

_LOSSES = (
    (
        "As far as we can tell, there may have been some limited loss of uploaded photos.",
        "some limited loss",
        "what amount of uploaded photos was lost",
    ),
    (
        "A small loss of scanned records cannot be ruled out.",
        "small loss",
        "what amount of scanned records was lost",
    ),
    ("We expect some loss of revenue over the weekend.", "some loss", "amount of money"),
)


@pytest.fixture(scope="module")
def found(lint_text: LintFn) -> dict[str, list[tuple[str, str]]]:
    """Every paragraph of this module's cases, linted in one document, with the text and
    message of each PM401 finding in it."""
    sections = (
        ("Impact", _CLEAN_IMPACT + tuple(s for s, _ in _STILL_READ)),
        ("Lessons", _CLEAN_LESSONS),
        ("Data statement", tuple(s for s, _, _ in _LOSSES)),
    )
    text, by_para = diagnostics_by_paragraph(lint_text, sections, select=["PM401"])
    return {p: [(text[d.start : d.end], d.message) for d in ds] for p, ds in by_para.items()}


@pytest.mark.parametrize("sentence", _CLEAN_IMPACT + _CLEAN_LESSONS)
def test_denied_kinds_devices_and_labels_owe_nothing(
    found: dict[str, list[tuple[str, str]]], sentence: str
) -> None:
    assert found[sentence] == [], sentence


@pytest.mark.parametrize(("sentence", "span"), _STILL_READ)
def test_look_alikes_still_owe_an_amount(
    found: dict[str, list[tuple[str, str]]], sentence: str, span: str | None
) -> None:
    spans = [s for s, _ in found[sentence]]
    assert spans == [span or sentence], sentence


@pytest.mark.parametrize(("sentence", "span", "asked"), _LOSSES)
def test_a_loss_of_things_asks_for_them_not_money(
    found: dict[str, list[tuple[str, str]]], sentence: str, span: str, asked: str
) -> None:
    (got,) = found[sentence]
    assert got[0] == span
    assert asked in got[1], got[1]


def test_whoever_made_the_thing_is_not_asked_about(
    found: dict[str, list[tuple[str, str]]],
) -> None:
    """Without an answer before it, the statement still owes its amount, asked of the
    things, not of whoever made them."""
    ((_, message),) = found["Payments made by members were declined."]
    assert "how many payments" in message, message
