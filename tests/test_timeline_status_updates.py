"""A timeline written as a status page's updates.

Each entry is posted under a status word: a label that opens its text ("Monitoring - a
change is out"), the heading above it ("### Identified"), its row's status cell ("| 14:41 |
Identified | ... |"), or the word its stamp follows, on its line ("**Investigating** (09:12
UTC): ...") or on the next (a status page's history, newest first). "Investigating" is the
detection, "Identified" the diagnosis, "Monitoring" a mitigation and "Resolved" the
resolution (the pack's ``status-page``), whatever the update's own words say. They count
only when the timeline uses at least two status words and the first (or, newest first, the
last) is one a thread of updates opens with ("Investigating", "Identified"): a lone
"Monitoring:" label in another timeline names where a signal came from, not a mitigation.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.timeline.model import FAMILY, MILESTONES, timeline_of

_LABELS = """# Late payout emails

## Timeline

All times UTC.

- 09:12 Investigating - Some sellers tell us payout emails have not arrived today.
- 09:40 Identified: A mail relay credential lapsed overnight.
- 10:05 Monitoring — A new credential is in place and emails are leaving the queue.
- 11:30 Resolved - Every held email has gone out.
"""

_HEADINGS = """# Late payout emails

## Timeline

### Investigating
**Mar 3, 09:12 UTC** — Some sellers tell us payout emails have not arrived today.

### Identified
**Mar 3, 09:40 UTC** — A mail relay credential lapsed overnight.

### Monitoring
**Mar 3, 10:05 UTC** — A new credential is in place; held emails are leaving.

### Resolved
**Mar 3, 11:30 UTC** — Every held email has gone out.
"""

_TABLE = """# Late payout emails

## Timeline

| Time (UTC) | Status | Update |
|---|---|---|
| 09:12 | Investigating | Some sellers tell us payout emails have not arrived today. |
| 09:40 | Identified | A mail relay credential lapsed overnight. |
| 10:05 | Monitoring | A new credential is in place; held emails are leaving. |
| 11:30 | Resolved | Every held email has gone out. |
"""

_STAMP_AFTER = """# Late payout emails

## Timeline

- **Investigating** (09:12 UTC): Some sellers tell us payout emails have not arrived today.
- **Identified** (09:40 UTC): A mail relay credential lapsed overnight.
- **Monitoring** (10:05 UTC): A new credential is in place; held emails are leaving.
- **Resolved** (11:30 UTC): Every held email has gone out.
"""

# as a status page lists its history: newest first, each stamp on the line below
_HISTORY = """# Late payout emails

## Timeline

**Resolved** - Every held email has gone out.
Mar 3, 11:30 UTC

**Monitoring** - A new credential is in place; held emails are leaving.
Mar 3, 10:05 UTC

**Identified** - A mail relay credential lapsed overnight.
Mar 3, 09:40 UTC

**Investigating** - Some sellers tell us payout emails have not arrived today.
Mar 3, 09:12 UTC
"""

_ALL = {"detection", "diagnosis", "mitigation", "resolution"}


@pytest.mark.parametrize(
    "text",
    [_LABELS, _HEADINGS, _TABLE, _STAMP_AFTER, _HISTORY],
    ids=["labels", "headings", "table", "stamp-after", "history"],
)
def test_status_words_mark_their_milestones(lint_text: LintFn, text: str) -> None:
    tl = timeline_of(parse(text, load_template("standard")))
    entries = sorted(tl.entries, key=lambda e: e.label)  # the history lists newest first
    assert [e.status for e in entries] == ["investigating", "identified", "monitoring", "resolved"]
    assert [sorted(e.milestones & _ALL) for e in entries] == [
        ["detection"],
        ["diagnosis"],
        ["mitigation"],
        ["resolution"],
    ]
    told = ["Some sellers", "credential lapsed", "new credential", "has gone out"]
    assert all(t in e.event for t, e in zip(told, entries, strict=True))
    assert lint_text(text, select=["PM504"]).diagnostics == []
    assert (
        lint_text(text, select=["PM504"], rules={"PM504": {"required": ["diagnosis"]}}).diagnostics
        == []
    )


def test_a_thread_of_two_updates_is_read() -> None:
    text = _LABELS.replace("- 09:40 Identified: A mail", "- 09:40 A mail").replace(
        "- 10:05 Monitoring — A new", "- 10:05 A new"
    )
    tl = timeline_of(parse(text, load_template("standard")))
    assert "detection" in tl.entries[0].milestones
    assert tl.entries[0].status == "investigating"


_OTHER = """# Disk full on db-2

## Timeline

All times UTC.

- 02:10 Nightly export starts writing to the data volume.
- 02:55 {first}
- 03:20 Kai reads the export job's log.
- 04:05 {last}
"""


@pytest.mark.parametrize(
    ("first", "last"),
    [
        # a source label, not a status: the thread does not open with Investigating
        (
            "Monitoring: disk usage on db-2 passes 95%.",
            "Resolved: export moved to the scratch volume.",
        ),
        ("Monitoring - replication lag graph goes flat.", "Resolved - space freed on db-2."),
        # a single status word is no thread of updates
        ("Investigating: disk usage on db-2 passes 95%.", "Export moved to the scratch volume."),
    ],
)
def test_status_words_outside_a_thread_of_updates(first: str, last: str) -> None:
    tl = timeline_of(parse(_OTHER.format(first=first, last=last), load_template("standard")))
    assert tl.entries[1].milestones == frozenset()


def test_a_word_inside_the_text_is_no_status() -> None:
    text = _LABELS.replace("Investigating - Some", "Support is investigating: some").replace(
        "Identified: A mail", "We identified a mail"
    )
    tl = timeline_of(parse(text, load_template("standard")))
    assert tl.entries[0].status is None and tl.entries[1].status is None


def _status_words() -> list[tuple[str, str]]:
    tab = builtin_pack().family(FAMILY)["status-page"]
    return [(name, str(w)) for name in MILESTONES for w in tab.get(name, [])]


@pytest.mark.parametrize(("milestone", "word"), _status_words())
def test_every_status_word_marks_its_milestone(milestone: str, word: str) -> None:
    openings = builtin_pack().family(FAMILY)["status-page"]["opening"]
    opening = next(str(w) for w in openings if str(w) != word).capitalize()
    text = _OTHER.format(
        first=f"{opening} - sellers tell us of missing emails.",
        last=f"{word.capitalize()} - a note for the thread.",
    )
    tl = timeline_of(parse(text, load_template("standard")))
    assert milestone in tl.entries[3].milestones


@pytest.mark.parametrize("column", sorted(builtin_pack().words(FAMILY, "status-columns")))
def test_every_status_column_is_read(column: str) -> None:
    text = _TABLE.replace("| Status |", f"| {column.capitalize()} |")
    tl = timeline_of(parse(text, load_template("standard")))
    assert [e.status for e in tl.entries][:2] == ["investigating", "identified"]


def test_a_status_label_and_its_time_alone_stay_a_labelled_entry() -> None:
    text = _OTHER.format(first="Kai pages the database on-call.", last="Resolved: 04:05")
    tl = timeline_of(
        parse(
            text.replace("- 04:05 Resolved: 04:05", "- Resolved: 04:05"), load_template("standard")
        )
    )
    assert tl.entries[-1].event.strip() == "Resolved"
    assert "resolution" in tl.entries[-1].milestones


def test_a_status_word_over_a_line_that_is_no_time_is_no_entry() -> None:
    text = _HISTORY.replace("Mar 3, 10:05 UTC", "Posted by the support team")
    tl = timeline_of(parse(text, load_template("standard")))
    assert [e.status for e in tl.entries] == ["resolved", "identified", "investigating"]
