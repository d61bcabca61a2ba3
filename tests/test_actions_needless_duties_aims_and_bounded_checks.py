"""Sentences PM301 read as vague work though they name none to do, or name a bounded one.

- A need or obligation denied by a modal ("we shouldn't need her to", "nobody should
  have to …"): how the system ought to work, no commitment.
- The aim or tone of this document itself ("we want this review to be useful to …",
  "we do want to be frank and precise", candour and exactness joined by "and").
- A check built into a flow with the effect it has ("Re-verify the hold at checkout and
  cancel the booking if it lapsed"), the second verb hung on a split "re-" prefix.
- A sweep of a named set for one named thing ("Audit every kiosk profile for the
  legacy proxy setting"): its end state is the set gone through (one thing reviewed
  "for" something may name its use, and stays open-ended).
- A passive recommendation naming the thing it changes ("The fare-cap rule should be
  restored and covered by a regression test"), as its active form does.

Look-alikes stay flagged: "we should not rely on luck", "we want to be more open and
specific in our updates", "Re-check the alerts", "Audit our processes", "Review every
runbook for accuracy", "Alerting should be improved", "The rule should be restored".
Every sentence is our own; the document is judged in one lint."""

from __future__ import annotations

from conftest import LintFn

_FIELDS = " Owner: Noor Haddad, due 2026-09-01, P2, TIX-{n}"

CLEAN_LESSONS = [
    "The box-office lead followed the script to the letter, and we shouldn't need her to.",
    "Nobody should have to clear the print spooler by hand.",
    "No cashier should need to know the fallback port.",
    "We should never need two people to approve a refund.",
    "We do want to be candid and precise about what went wrong.",
]
VAGUE_LESSONS = [
    "We should not rely on luck.",
    "We want to be more open and specific in our customer updates.",
]
CLEAN_PROSE = [
    "We are only four people, but we do want to be frank and precise.",
    "We want this review to be useful to the other venues.",
    "We would like this write-up to serve as a guide for the next migration.",
]
VAGUE_PROSE = [
    "We want this dashboard to be useful to the box office.",
    "We want the kiosk fleet to be more reliable.",
]
CLEAN_ITEMS = [
    "Re-verify the seat hold at checkout and cancel the booking if it lapsed.",
    "Re-check the gift-card balance before capture and abort the sale when it dropped.",
    "Audit every kiosk profile for the legacy proxy setting.",
    "Check all ticket printers for the retired firmware build.",
    "Audit the remaining venue templates for the session-timeout field.",
]
VAGUE_ITEMS = [
    "Re-check the alerts.",
    "Re-check the alerts and review the dashboards.",
    "Audit our processes.",
    "Audit our processes for the proxy setting.",
    "Audit all kiosks for security issues.",
    "Review every runbook for accuracy.",
    "Audit the templates.",
    "Review the booking template for refund changes.",
]
CLEAN_RECOMMENDATIONS = [
    "The fare-cap rule should be restored and covered by a regression test.",
    "The refund quota check should be reinstated, with a test for empty baskets.",
]
VAGUE_RECOMMENDATIONS = [
    "Alerting should be improved.",
    "The rule should be restored.",
    "The vendor contract should be reviewed.",
    "Ticketing should be looked into.",
]
PEOPLE = "The box-office staff should be retrained."
#: table cells, where the tagger reads the opening verb as a name
CLEAN_CELL = "Audit remaining kiosk profiles for proxy-timeout settings"
VAGUE_CELL = "Audit remaining venue printers"


def _document() -> str:
    items = "".join(
        f"- {t}{_FIELDS.format(n=n)}\n" for n, t in enumerate(CLEAN_ITEMS + VAGUE_ITEMS)
    )
    recs = CLEAN_RECOMMENDATIONS + VAGUE_RECOMMENDATIONS + [PEOPLE]
    return (
        "# Box-office outage\n\n" + " ".join(CLEAN_PROSE[:1]) + "\n\n## Summary\n\n"
        "Ticket sales stopped for two hours on 9 May. "
        + " ".join(CLEAN_PROSE[1:] + VAGUE_PROSE)
        + "\n\n## Action items\n\n"
        + items
        + "\n| Action | Owner | Due | Priority | Ticket |\n|---|---|---|---|---|\n"
        + "".join(
            f"| {c} | Noor Haddad | 2026-09-01 | P2 | TIX-9{n} |\n"
            for n, c in enumerate([CLEAN_CELL, VAGUE_CELL])
        )
        + "\n## Recommendations\n\n"
        + "".join(f"R{n}. {t}\n\n" for n, t in enumerate(recs, 1))
        + "## Lessons learned\n\n"
        + "".join(f"- {t}\n" for t in CLEAN_LESSONS + VAGUE_LESSONS)
    )


def test_needless_duties_aims_and_bounded_checks(lint_text: LintFn) -> None:
    text = _document()
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics

    def codes(part: str) -> set[str]:
        a = text.index(part)
        return {d.code for d in diags if a <= d.start < a + len(part)}

    for part in [*CLEAN_LESSONS, *CLEAN_PROSE, *CLEAN_ITEMS, *CLEAN_RECOMMENDATIONS, CLEAN_CELL]:
        assert codes(part) == set(), part
    for part in [*VAGUE_LESSONS, *VAGUE_PROSE, *VAGUE_ITEMS, *VAGUE_RECOMMENDATIONS, VAGUE_CELL]:
        assert codes(part) == {"PM301"}, part
    assert codes(PEOPLE) == {"PM306"}


def test_split_prefix_check_is_ranged_on_its_item(lint_text: LintFn) -> None:
    """The open-ended "Re-check" is reported from its prefix to the end of its words."""
    text = _document()
    diags = lint_text(text, select=["PM301"]).diagnostics
    item = "Re-check the alerts."
    a = text.index(item)
    hit = next(d for d in diags if d.start == a)
    assert text[hit.start : hit.end] == item
