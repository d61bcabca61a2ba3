"""Work reported done is no open action item: a heading that says its list was done
("Remediation performed", "Completed actions"), and an item in the passive past with the
time or date it was done ("The expired certificate was replaced at 14:20 UTC"). Their
look-alikes stay open items: action headings ("Remediation", "Corrective actions"),
headings of work still to do ("Improvements to be applied") and items that propose work."""

from __future__ import annotations

import pytest
from conftest import LintFn

FIELDS = ("PM302", "PM303", "PM304", "PM305")

#: a list of work done, in the past, as a restoration report writes it (own sentences)
DONE_ITEMS = (
    "- The expired certificate was replaced on all edge proxies at 14:20 UTC.\n"
    "- Every payment worker was restarted between 14:25 and 14:41 UTC.\n"
    "- The on-call engineer paged the card network and confirmed settlement at 15:02.\n"
    "- Duplicate charges were refunded to 312 cardholders by 2026-03-05.\n"
)


def _doc(heading: str, items: str) -> str:
    return f"# Card payments outage\n\n## Summary\n\nPayments failed.\n\n## {heading}\n\n{items}"


@pytest.mark.parametrize(
    "heading",
    [
        "Remediation performed",
        "Completed actions",
        "Actions completed",
        "Mitigations applied",
        "Corrective measures implemented",
        "What we did",
    ],
)
def test_a_heading_of_work_done_holds_no_open_items(lint_text: LintFn, heading: str) -> None:
    diags = lint_text(_doc(heading, DONE_ITEMS), select=["PM3"]).diagnostics
    assert diags == []


@pytest.mark.parametrize(
    "heading",
    [
        "Remediation",
        "Corrective actions",
        "Improvements to be applied",
        "Actions completed and planned",
    ],
)
def test_action_headings_still_hold_open_items(lint_text: LintFn, heading: str) -> None:
    items = "- Add an expiry alert for the edge certificates.\n"
    text = _doc(heading, items)
    diags = lint_text(text, select=["PM3"]).diagnostics
    assert {"PM302", "PM303", "PM305"} <= {d.code for d in diags}


def test_done_heading_under_the_action_items_finishes_its_items(lint_text: LintFn) -> None:
    text = (
        "# Card payments outage\n\n## Action items\n\n### Remediation performed\n\n"
        + DONE_ITEMS
        + "\n### Still to do\n\n- Add an expiry alert for the edge certificates.\n"
    )
    diags = lint_text(text, select=["PM3"]).diagnostics
    assert diags and all(d.start > text.index("### Still to do") for d in diags)


@pytest.mark.parametrize(
    "item",
    [
        "The expired certificate was replaced on all edge proxies at 14:20 UTC.",
        "Every payment worker was reset between 14:25 and 14:41 UTC.",
        "The stale card tokens have been revoked as of 4 March 2026.",
    ],
)
def test_passive_past_with_a_time_is_work_done(lint_text: LintFn, item: str) -> None:
    text = _doc("Remediation", f"- {item}\n- Add an expiry alert for the edge certificates.\n")
    diags = lint_text(text, select=["PM3"]).diagnostics
    assert all(d.start > text.index("- Add") for d in diags if d.code.startswith("PM3"))
    assert not [d for d in diags if d.code == "PM301"]


@pytest.mark.parametrize(
    "item",
    [
        # a modal, an imperative, no time or date, a negation: still open work
        "The certificate should be replaced on every proxy before 2026-04-01.",
        "Alert when a certificate was renewed after 18:00.",
        "The expiry dates were checked by hand.",
        "The certificate was not renewed on 2 March 2026.",
    ],
)
def test_open_items_in_the_past_or_passive_stay_open(lint_text: LintFn, item: str) -> None:
    text = _doc("Remediation", f"- {item}\n- Add an expiry alert for the edge certificates.\n")
    diags = lint_text(text, select=list(FIELDS)).diagnostics
    first = text.index(f"- {item}")
    assert any(first <= d.start < first + len(item) + 2 for d in diags) or any(
        "2 action items" in d.message for d in diags
    )


@pytest.mark.parametrize(
    ("item", "no_verb"),
    [
        # the tagger reads "reset" as an adjective here: the item still has its verb
        ("All line cards were reset between shifts.", False),
        ("The replica lag dashboards are kept per region.", False),
        # a noun phrase with no verb at all is still told so
        ("Line card resets between shifts", True),
    ],
)
def test_no_verb_only_when_the_item_has_none(lint_text: LintFn, item: str, no_verb: bool) -> None:
    text = f"# T\n\n## Action items\n\n- {item}\n"
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert any("has no verb" in d.message for d in diags) is no_verb


@pytest.mark.parametrize(
    ("item", "open_item"),
    [
        # a participle as the adjective of work still to do, its verb a future passive
        ("Improved liaison between the two depots shall be pursued.", True),
        ("Enhanced monitoring of the relay pool will be implemented.", True),
        ("Expanded load testing is to be scheduled before the sale.", True),
        # look-alikes: work reported done, whatever it says the change will do next
        ("Added a lag alert that will page the on-call at five minutes.", False),
        ("Enabled the retry budget; it will be tuned next month.", False),
        ("Replaced the expired relay certificate.", False),
    ],
)
def test_a_participle_before_a_future_passive_is_work_to_do(
    lint_text: LintFn, item: str, open_item: bool
) -> None:
    text = f"# Depot outage\n\n## Action items\n\n- {item}\n"
    a = text.index(item)
    codes = {d.code for d in lint_text(text, select=["PM302"]).diagnostics if d.start >= a}
    assert ("PM302" in codes) is open_item


def test_an_open_ended_verb_on_work_reported_done_is_no_vague_item(lint_text: LintFn) -> None:
    """An audit, review or investigation reported finished (a Done or Completed status, a
    checked box, "— done" at its end) over a whole, named set has had its end: it is not
    asked for a decision date. One done with no scope still says nothing of what it
    covered, a vague verb there tells no reader what changed, and the same open-ended verbs
    on open items stay vague ("Check the logs")."""
    table = (
        "| # | Action | Owner | Priority | Due | Ticket |\n"
        "|---|--------|-------|----------|-----|--------|\n"
        "| 1 | Audit the breaker settings on every feeder panel | Ana | P1 "
        "| Done 2026-02-11 | ENG-31 |\n"
        "| 2 | Review the fuel contracts for all six standby generators | Ana | P2 | Completed "
        "| ENG-32 |\n"
        "| 3 | Improve the generator runbook | Ana | P2 | Done 2026-02-12 | ENG-33 |\n"
        "| 4 | Review the transfer switch alarms | Ana | P2 | 2026-06-01 | ENG-34 |\n"
    )
    items = (
        "- [x] Investigate the breaker trip codes — @ana, ENG-35\n"
        "- Assess the battery ages in each UPS room — @ana, ENG-36 — done\n"
        "- [x] Streamline the generator dashboards — @ana, ENG-37\n"
        "- [ ] Check the logs — @ana, due 2026-06-01, P2, ENG-38\n"
    )
    text = f"# Feeder outage\n\n## Action items\n\n{table}\n{items}"
    flagged = {
        text.count("\n", 0, d.start) + 1 for d in lint_text(text, select=["PM301"]).diagnostics
    }
    lines = text.splitlines()
    assert sorted(
        lines[n - 1].split("|")[2].strip() if "|" in lines[n - 1] else lines[n - 1] for n in flagged
    ) == sorted(
        [
            "Improve the generator runbook",
            "Review the transfer switch alarms",
            "- [x] Investigate the breaker trip codes — @ana, ENG-35",
            "- [x] Streamline the generator dashboards — @ana, ENG-37",
            "- [ ] Check the logs — @ana, due 2026-06-01, P2, ENG-38",
        ]
    )
