"""PM603 and capitals that are part of a proper name (misc30): a capitalised word right after
the capitals in running prose ("the HVL Marisol", a ship; "the ZTK Holdings office";
"QXB Arena") or a carrier's numbered service (``numbered-services``: "TPQ flight 1127") is
a name, not initials a reader needs spelled out. Look-alikes read as before: capitals before
a lower-case word ("the QRV gateway"), a possessive ("KLOR's NOC"), a block in title case
("Add QRV Alerting For The Relay Hosts"), a role of ours before a given name ("our DBA Ana"),
and a word that names no service before the number ("QRV port 8443")."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _found(text: str, lint_text: LintFn) -> list[str]:
    diags = lint_text(text, select=["PM603"]).diagnostics
    return [text[d.start : d.end] for d in diags]


def _doc(body: str) -> str:
    return "# Quay crane outage\n\n## Impact\n\n" + body + "\n"


@pytest.mark.parametrize(
    "body",
    [
        "Forty boxes stayed on board the HVL Marisol until the second crane was back.",
        "The ZTK Holdings office in the harbour lost its badge readers for an hour.",
        "The supplier's truck was parked outside QXB Arena when the gate froze.",
        "Our liaison at the DLV Foundation heard about the delay from a driver.",
        "The spare part came in on TPQ flight 1127, two hours behind schedule.",
        "Two drivers missed the RVX train 4512 to the inland depot.",
        "The reefer units were loaded for the WQN voyage 88 instead.",
        "The cargo was moved to the BKL sailing 17 on Thursday.",
        "Both WLX flights 302 and 305 were held at the gate.",
    ],
)
def test_capitals_in_a_name_are_no_acronym(lint_text: LintFn, body: str) -> None:
    assert _found(_doc(body), lint_text) == []


@pytest.mark.parametrize(
    ("body", "used"),
    [
        ("The QRV gateway rejected every booking after 10:02.", ["QRV"]),
        ("KLOR's NOC paged the duty manager at 10:15.", ["KLOR", "NOC"]),
        ("Add QRV Alerting For The Relay Hosts", ["QRV"]),
        ("Our DBA Ana restored the manifest table from the snapshot.", ["DBA"]),
        ("The scanners lost their link to QRV port 8443 at noon.", ["QRV"]),
        ("The HVL never answered our calls. It sent a letter.", ["HVL"]),
    ],
)
def test_capitals_that_name_no_name_are_still_read(
    lint_text: LintFn, body: str, used: list[str]
) -> None:
    assert _found(_doc(body), lint_text) == used


def test_every_numbered_service_is_read(lint_text: LintFn) -> None:
    for word in builtin_pack().words("readability", "numbered-services"):
        body = f"The courier was booked on the TPQ {word} 1127 and arrived late."
        assert _found(_doc(body), lint_text) == [], word


@pytest.mark.parametrize(
    "body",
    [
        "Freight for the MV *Tern Bay* sat on the quay until noon.",
        "The RV _Kestrel_ lost its booking link for an hour.",
        'Two crew of the HMS "Valiant" could not check in.',
        "- Vessel: MS Baltic Rose\n- Berth: 4",
        "The rota named [NAME] as the duty lead, with [START DATE] for the handover.",
    ],
)
def test_ship_prefixes_and_form_blanks_are_no_acronym(lint_text: LintFn, body: str) -> None:
    assert _found(_doc(body), lint_text) == []


@pytest.mark.parametrize(
    ("body", "used"),
    [
        ("The MV refresh for the sales dashboard took forty minutes.", ["MV"]),
        ("We dropped the nightly MV and rebuilt it from the base table.", ["MV"]),
        ("The relay tagged each line [QRV] before it dropped them.", ["QRV"]),
    ],
)
def test_prefix_letters_and_bracketed_capitals_otherwise_read(
    lint_text: LintFn, body: str, used: list[str]
) -> None:
    assert _found(_doc(body), lint_text) == used
