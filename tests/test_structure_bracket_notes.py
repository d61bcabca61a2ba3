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
