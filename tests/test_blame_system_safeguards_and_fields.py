"""Two readings that put a person where none is.

A step done "without any check" that a tool or document let someone take is the system's
missing safeguard, not anyone's conduct (PM104 stays quiet); a person acting without the
step still is. A metadata field line ("**Company:** ...", "Team: ...") is a record, not a
root-cause statement (PM107 reads the first prose after it); a "Root cause:" field is the
statement and is still read."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


def _doc(sentence: str) -> str:
    return f"# Incident\n\n## What happened\n\n{sentence}\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "The installer lets you pick either node without any check.",
        "Our wrapper script let operators wipe the volume without confirmation.",
        "The console allowed anyone to delete the bucket without a second approval.",
        "The old playbook let you point the upgrade at either head node with no check at all, "
        "and nothing warned about it.",
        "The cron job purged the archive without confirmation.",
        "The deploy pipeline promoted the build without a canary stage.",
    ],
)
def test_a_tools_missing_safeguard_is_not_conduct(lint_text: LintFn, sentence: str) -> None:
    found = [f for f in _found(_doc(sentence), lint_text) if f[0] == "PM104"]
    assert found == [], found


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Dana restarted the broker without any check.", "without any check"),
        ("Omar pushed it to production without a second look.", "without a second look"),
        ("She merged the change without any review.", "without any review"),
        (
            "The release manager let the build through without any review.",
            "without any review",
        ),
    ],
)
def test_a_person_acting_without_the_step_is_still_judged(
    lint_text: LintFn, sentence: str, span: str
) -> None:
    assert ("PM104", span) in _found(_doc(sentence), lint_text)


_FIELDS = (
    "# Root Cause Analysis: stalled ledger export\n\n"
    "**Company:** Fernhill Analytics (ledger exports)\n"
    "**Team:** Ledger Platform\n\n"
    "## Summary\n\nExports stalled for 40 minutes.\n\n"
    "## Root cause\n\n"
    "**Owner:** Marek Novak\n"
    "**Reviewed by:** Ines Duarte\n\n"
    "{cause}\n"
)


def test_field_lines_are_not_the_root_cause_statement(lint_text: LintFn) -> None:
    text = _FIELDS.format(cause="The export worker held a lock the compaction job needed.")
    assert [f for f in _found(text, lint_text) if f[0] == "PM107"] == []


def test_the_prose_after_the_fields_is_read(lint_text: LintFn) -> None:
    text = _FIELDS.format(cause="Ines restarted the primary database instead of the replica.")
    found = [f for f in _found(text, lint_text) if f[0] == "PM107"]
    assert found == [("PM107", "Ines")], found


def test_a_root_cause_field_is_still_the_statement(lint_text: LintFn) -> None:
    text = (
        "# Incident\n\n**Team:** Payments\n\n## Details\n\n"
        "The batch ran twice. **Root cause:** the clerk's decision to rerun it by hand.\n"
    )
    found = [f for f in _found(text, lint_text) if f[0] == "PM107"]
    assert len(found) == 1 and "clerk" in found[0][1], found
