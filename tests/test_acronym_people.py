"""PM603 on the initials of people in minutes and on file names in capitals (fix helper
imp33, blind round 33, class 3). Every sentence here is written for this file.

A line that lists people (``people-labels``: "Attendees:", "Present:", "Authors:"), as a
metadata field or as prose, gives each person listed by an initial or a given name and a
surname their initials ("Rosa Tamm" is "RT", "B. Okafor" is "BO"): the minutes name people
so ("BO read the log", "ACTION (RT): ..."), a person's label, not initials to spell out.
The files a repository keeps under a name in capitals ("README", "CHANGELOG") are words.
Hard negatives: technical capitals beside such a list, a team or an office in the list
("Network Operations Centre" gives no "NOC") and initials matching nobody listed stay read
as before."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _found(text: str, lint_text: LintFn) -> list[str]:
    diags = lint_text(text, select=["PM603"]).diagnostics
    return [text[d.start : d.end] for d in diags]


def test_initials_of_listed_people_are_their_labels(lint_text: LintFn) -> None:
    for head, body in (
        ("- Attendees: Rosa Tamm, B. Okafor (facilitator)", "RT opened the call. BO read it."),
        ("Present: Hana Ito; T. Lindqvist", "ACTION (HI): rotate the kiln logs. TL agreed."),
        ("**Authors**: Omar Diallo and Greta Vos", "OD wrote the draft and GV checked it."),
        ("- Participants: Mary Ann Lee, Ivo Berg", "MAL took notes while IB shared a screen."),
    ):
        text = f"# Kiln stop\n\n{head}\n\n## Summary\n\n{body}\n"
        assert _found(text, lint_text) == [], (head, body)


def test_listed_people_inside_a_section_give_initials_too(lint_text: LintFn) -> None:
    text = (
        "# Kiln stop\n\n## Meeting\n\nAttendees: Rosa Tamm, Ben Okafor.\n\n"
        "RT asked whether the damper had moved. BO said no.\n"
    )
    assert _found(text, lint_text) == []


def test_file_names_in_capitals_are_words(lint_text: LintFn) -> None:
    text = (
        "# Kiln stop\n\n## Actions\n\nAdd the damper limits to the README and note the "
        "change in the CHANGELOG.\n"
    )
    assert _found(text, lint_text) == []
    known = builtin_pack().words("readability", "known-acronyms")
    assert {"README", "CHANGELOG", "ACTION"} <= set(known)


def test_technical_capitals_beside_a_list_of_people_stay_read(lint_text: LintFn) -> None:
    for head, body, want in (
        (
            "- Attendees: Rosa Tamm, Network Operations Centre",
            "RT asked the NOC about the PLC fault.",
            ["NOC", "PLC"],
        ),
        ("- Attendees: Rosa Tamm, Ben Okafor", "The KMQ relay tripped; BO reset it.", ["KMQ"]),
        ("- Attendees: Rosa Tamm", "ZB restarted the kiln.", ["ZB"]),
        ("- Present: Rosa Tamm, Ben Okafor", "BO traced it to the VKD valve.", ["VKD"]),
    ):
        text = f"# Kiln stop\n\n{head}\n\n## Summary\n\n{body}\n"
        assert _found(text, lint_text) == want, (head, body)


def test_every_people_label_reads_a_list(lint_text: LintFn) -> None:
    for label in builtin_pack().words("readability", "people-labels"):
        text = f"# Kiln stop\n\n{label.capitalize()}: Rosa Tamm\n\n## Summary\n\nRT phoned.\n"
        assert _found(text, lint_text) == [], label
