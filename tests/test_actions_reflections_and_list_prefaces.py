"""Prose that is no action item (PM301) though it reads like one. In a Lessons or What
went well section, the writers' wish for a thing to behave ("we want changes like this to
fail the build", "we would like the report to flag …") states a requirement learned; and
in a two-sentence paragraph ending in a colon right before a list, the sentence before
the announcing one frames the list ("We care about this. The steps below were
agreed:"). Look-alikes still judged: the writers' own wish or plan or need in the same
sections ("we want to improve …", "we will improve …", "we need a better way to …"), a
wish in a Next steps section, a vague paragraph in a section with no list or of three
sentences, an announcing sentence that commits by itself, and a wish for people to
behave better (PM306). Every sentence is our own; the document is judged in one lint."""

from __future__ import annotations

from conftest import LintFn

REFLECTIONS = [
    "Going forward we want label changes like this one to fail the build loudly.",
    "The hunch paid off, and we would like the nightly report to flag late scans.",
    "We want rejected uploads to reach the sender in chat, and we want the depot board "
    "to show them too.",
]
STILL_VAGUE = [
    "We will improve the scan monitoring.",
    "We need to improve the scan monitoring.",
    "We need a better way to spot this sort of drift earlier.",
    "We want to be clearer in our depot updates.",
    "We want the scan dashboards to be better, and we will revisit the alerts soon.",
]
PEOPLE = "We want drivers to be more careful with the handheld scanners."
PREFACE = "We care about getting this right. The steps below were agreed at the review:"
LONG_PREFACE = (
    "We will improve the alerting. We will also revisit the runbooks. The owners of the steps are:"
)
NEXT_STEP = "We want to improve the depot alerting."
SELF_ANNOUNCING = (
    "We take this seriously. Going forward we are putting several measures in place to "
    "stop this from happening again:"
)
SELF_ANNOUNCING_PART = "Going forward we are putting several measures"
ALONE = "We are committed to steady improvement of the depot tooling."
_ITEM = "- Add a late-scan alert per depot (@kim, due 2026-06-01, P1, OPS-12)\n"


def _document() -> str:
    text = "# Depot scan outage\n\n## Summary\n\nScans stopped for six hours on 3 May.\n\n"
    text += f"## Action items\n\n{PREFACE}\n\n{_ITEM}\n"
    text += "## Lessons learned\n\n" + "".join(f"{p}\n\n" for p in REFLECTIONS + STILL_VAGUE)
    text += f"## What went well\n\n- {PEOPLE}\n\n"
    text += f"## Next steps\n\n{NEXT_STEP}\n\n"
    text += f"## Remediation\n\n{LONG_PREFACE}\n\n{_ITEM}\n"
    text += f"## Safeguards\n\n{SELF_ANNOUNCING}\n\n{_ITEM}\n"
    return text + f"## Prevention\n\n{ALONE}\n"


def test_reflections_and_prefaces_are_no_items(lint_text: LintFn) -> None:
    text = _document()
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics

    def codes(para: str) -> set[str]:
        a = text.index(para)
        return {d.code for d in diags if a <= d.start < a + len(para)}

    for para in [*REFLECTIONS, PREFACE]:
        assert codes(para) == set(), para
    for para in [*STILL_VAGUE, NEXT_STEP, LONG_PREFACE, SELF_ANNOUNCING_PART, ALONE]:
        assert "PM301" in codes(para), para
    assert codes(PEOPLE) == {"PM306"}
