"""PM202: a note to fill in written in square brackets in the prose ("[insert the refund
total]", "[paste the graph here]", ``fill-in-verbs`` in rules/structure.toml), or a mark
of a figure still to come ("[TBC]", "[TBA: count from the bureau]", ``bracket-placeholders``),
is a placeholder left, like "TODO"; links, task boxes, citations, keys, controls' names, an
editor's note and a quoted note are not."""

from __future__ import annotations

import pytest
from test_structure import run


@pytest.mark.parametrize(
    ("body", "note", "before"),
    [
        (
            "Card payments failed in [insert the number of stores] stores.\n",
            "[insert the number of stores]",
            "in ",
        ),
        (
            "The error rate peaked at 41%. [paste the gateway graph here]\n",
            "[paste the gateway graph here]",
            "41%. ",
        ),
        (
            "The first alert went to the wrong rota ([link the paging policy]).\n",
            "[link the paging policy]",
            "rota (",
        ),
        (
            "Refunds went out on Tuesday; the total was [Fill in the amount once known].\n",
            "[Fill in the amount once known]",
            "was ",
        ),
        (
            "- 09:14 Checkout errors climbed. [add 2 screenshots from the dashboard]\n",
            "[add 2 screenshots from the dashboard]",
            "climbed. ",
        ),
        # a verb in small letters, then a name among the words
        (
            "Scrap came to [insert the tonnage from Goods Inwards once counted].\n",
            "[insert the tonnage from Goods Inwards once counted]",
            "to ",
        ),
        (
            "Latency rose at 10:02 [add the Grafana panel for the router].\n",
            "[add the Grafana panel for the router]",
            "10:02 ",
        ),
        # a mark of a figure still to come, alone or with a note after a dash or a colon
        (
            "The cards reissued came to [TBC – count due from the bureau] by Friday.\n",
            "[TBC – count due from the bureau]",
            "to ",
        ),
        (
            "Paging went to the old rota for [TBA: minutes, per the pager export].\n",
            "[TBA: minutes, per the pager export]",
            "for ",
        ),
        ("The first customer report came in at [tbc].\n", "[tbc]", "at "),
        (
            "Stores affected: [To be confirmed - regional list pending]\n",
            "[To be confirmed - regional list pending]",
            "affected: ",
        ),
        # emoji and CJK before the note: the range is in code points
        ("🚨 検知 10:01、[describe who noticed first]\n", "[describe who noticed first]", "、"),
    ],
)
def test_a_bracketed_note_to_fill_in_is_a_placeholder_left(
    body: str, note: str, before: str
) -> None:
    for nl in ("\n", "\r\n"):
        text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
        text = text.replace("\n", nl)
        (d,) = [x for x in run(text) if x.code == "PM202"]
        assert text[d.start : d.end] == note, nl
        assert text[: d.start].endswith(before)
        assert d.message == f"Section 'Detection' still holds placeholder text ('{note}')"


@pytest.mark.parametrize(
    "body",
    [
        # links: inline, by reference, and a reference's definition
        "We followed [add capacity to the pool](https://wiki.example/pool) at 10:05.\n",
        "We followed [add capacity to the pool][pool] at 10:05.\n\n[pool]: https://x.example\n",
        # task boxes and citations
        "- [ ] add an alert on queue depth\n- [x] add a retry budget\n",
        "Queue depth is the signal the vendor recommends [1] and we use [2].\n",
        # a key and a control's name
        "The operator pressed [Enter] and then clicked [Add Capacity] on the console.\n",
        # an editor's note added later, and a bracketed aside that is no instruction
        "The alert fired late. [Update: the vendor fixed the probe on 3 May.]\n",
        "The job [added in March for the audit] filled the disk.\n",
        # a note quoted from someone else's document
        'The old runbook still read "[insert escalation contact]" under Paging.\n',
        # a ticket key in brackets, a link and a reference named like a mark, a name
        "The probe fix shipped under [TBC-12] and [TBA-7] on 3 May.\n",
        "We followed [TBC](https://wiki.example/tbc) and the [TBA][ref] notes.\n\n"
        "[ref]: https://x.example\n",
        "The vendor [TBC Systems] raised the alert at 10:01.\n",
        # a mark quoted from someone else's ticket
        'The vendor ticket still read "[TBC – root cause]" at 10:03.\n',
        # a capitalised name after the verb: read as a control or a title, left alone
        "The wizard stopped at [Add Payment Method] for every user.\n",
        "Shoppers who pressed [Add to Basket] saw a spinner until 10:04.\n",
    ],
)
def test_brackets_that_are_no_note_to_fill_in(body: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    assert [d for d in run(text) if d.code == "PM202"] == []


@pytest.mark.parametrize(
    ("body", "note"),
    [
        # a field's name in capitals standing for its value, maybe after other capitals
        ("The pager rang for [NAME] at 02:10 and nobody answered.\n", "[NAME]"),
        ("Checks resumed on [START DATE] after the vendor patch.\n", "[START DATE]"),
        ("Escalation went to [TEAM] by phone within the hour.\n", "[TEAM]"),
        # a mark still to come in round brackets, and as a label's whole value
        ("The warehouse list is attached as Appendix C (TBC).\n", "(TBC)"),
        (
            "Orders held back came to (to be confirmed: export pending) by noon.\n",
            "(to be confirmed: export pending)",
        ),
        ("- Orders refunded: TBC\n- Stores hit: 14\n", "TBC"),
        ("Courier credits: to follow.\n", "to follow"),
        # a note saying the part is still to be written
        (
            "Phones rang first. [to be completed – call logs pending]\n",
            "[to be completed – call logs pending]",
        ),
    ],
)
def test_blanks_of_a_form_are_placeholders_left(body: str, note: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert text[d.start : d.end] == note


@pytest.mark.parametrize("body", ["[To be completed]\n", "(TBC)\n", "[DATE]\n"])
def test_a_section_whose_whole_body_is_a_blank_holds_only_placeholders(body: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    (d,) = [x for x in run(text) if x.code == "PM202"]
    assert text[d.start : d.end] == "Detection"
    assert d.message == "Section 'Detection' holds only placeholder text"


@pytest.mark.parametrize(
    "body",
    [
        # log levels and tags quoted from a log, a redaction, an editor's mark
        "The agent logged [ERROR] and then [WARN] lines until 10:04.\n",
        "The caller, [REDACTED NAME], reported the fault at 09:58.\n",
        "The vendor wrote that the fix was 'definately' [sic] shipped.\n",
        # a link, a footnote, a task box and a control's name
        "We posted on the [Status Page](https://status.example) at 10:05 [3].\n",
        "- [x] restarted the queue consumer\n",
        "Buyers who pressed [Add to Basket] saw a spinner until 10:04.\n",
        # a parenthetical clause and a name that opens with the letters
        "A new freeze window (to be agreed with the vendor next week) replaces it.\n",
        "- Card issuer: TBC Bank\n- Stores hit: 14\n",
        "The supplier ticket (TBC-31) tracks the probe fix.\n",
    ],
)
def test_brackets_and_values_that_are_no_blank(body: str) -> None:
    text = f"# T\n\n## Detection\n\n{body}\n## Response\n\nRestarted at 10:02.\n"
    assert [d for d in run(text) if d.code == "PM202"] == []


def test_a_field_given_as_a_blank_is_not_filled_in() -> None:
    for value in ("[NAME], Platform group", "<insert owner>", "[To be confirmed]", "(TBC)"):
        text = f"# T\n\n**Authors:** {value}\n\n## Summary\n\nThe queue stalled.\n"
        found = [x for x in run(text) if x.code == "PM203"]
        assert any(d.message == "Metadata 'Authors' is not filled in" for d in found), value
