"""misc32 class 4: a chat thread pasted as the timeline, under a heading such as "Thread"
or "Channel log": a run of lines that each open with a time and a speaker is read as
timeline entries (the structure rules count it as a timeline; the timeline rules check
it, the time zone first). Hard negatives: a log excerpt in a code block, a list of meeting
times, a quoted thread, two chat lines, a thread beside a timeline by name."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.timeline.chat import chat_lines

_HEAD = "# Export queue stall\n\n## Summary\n\nThe nightly export stalled for an hour.\n\n"


def _codes(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM201", "PM501"]).diagnostics
    return [d.code for d in diags if d.code == "PM501" or "'Timeline'" in d.message]


@pytest.mark.parametrize(
    "thread",
    [
        "## Channel log\n\n"
        "[09:14] priya: the export job is stuck at 40 percent\n"
        "[09:16] tomasz: restarting the worker pool\n"
        "[09:31] priya: still stuck, rolling back the schema change\n"
        "[09:52] tomasz: exports moving again\n",
        "## Slack\n\n"
        "09:14 AM <priya> export dashboard is flat\n"
        "09:20 AM <tomasz> paging the database on-call\n"
        "10:05 AM <priya> back to normal after the rollback\n",
        "## Thread\n\n"
        "**09:14** @priya: export dashboard is flat\n"
        "**09:20** @tomasz (dba): vacuum is holding a lock\n"
        "**09:41** @priya: lock released, queue draining\n",
        "## Chat\n\n"
        "- [09:14] Priya: export dashboard is flat\n"
        "- [09:20] Tomasz: vacuum is holding a lock\n"
        "- [09:41] Priya: lock released, queue draining\n",
    ],
)
def test_a_pasted_thread_is_a_timeline_and_its_zone_is_checked(
    lint_text: LintFn, thread: str
) -> None:
    assert _codes(lint_text, _HEAD + thread) == ["PM501"]  # no zone; no PM201
    zoned = thread.replace("\n\n", "\n\nAll times CET.\n\n", 1)
    assert _codes(lint_text, _HEAD + zoned) == []


@pytest.mark.parametrize(
    "body",
    [
        # a log excerpt in a code block
        "## Logs\n\n```\n09:14:02 worker-3: connection refused\n"
        "09:14:05 worker-3: retrying\n09:14:09 worker-1: connection refused\n```\n",
        # a quoted thread
        "## What the customer saw\n\n> [09:14] priya: export is stuck\n"
        "> [09:16] tomasz: restarting\n> [09:31] priya: still stuck\n",
        # two chat lines are no thread
        "## Thread\n\n[09:14] priya: export is stuck\n[09:16] tomasz: restarting\n",
    ],
)
def test_look_alikes_of_a_thread_are_no_timeline(lint_text: LintFn, body: str) -> None:
    assert _codes(lint_text, _HEAD + body) == ["PM201"]


def test_a_list_of_meeting_times_is_not_read_as_a_thread(lint_text: LintFn) -> None:
    """No speaker after the times: the timeline rules do not read it (the structure rules
    counted three time-stamped items as a timeline before, and still do)."""
    body = (
        "## Follow-up meetings\n\n- 10:00 standup with the export team\n"
        "- 11:30 Review: capacity of the worker pool\n- 14:00 retro in room 4\n"
    )
    assert "PM501" not in _codes(lint_text, _HEAD + body)


def test_a_thread_beside_a_timeline_by_name_is_not_read() -> None:
    """The document's timeline is the section named so: a thread elsewhere adds nothing."""
    from pm_lsp.rules.timeline.model import timeline_regions

    text = (
        _HEAD + "## Timeline\n\nAll times UTC.\n\n- 09:10 export alert fired\n"
        "- 09:50 rollback done\n\n## Thread\n\n[09:14] priya: stuck\n"
        "[09:16] tomasz: restarting\n[09:31] priya: still stuck\n"
    )
    doc = parse(text, load_template("standard"))
    regions = timeline_regions(doc, None)
    assert [doc.text[a.start : a.end] for _r, a, _s in regions] == ["Timeline"]


def test_chat_lines_count_lines_with_a_speaker() -> None:
    assert chat_lines("[10:42] ana: rolled back\n10:42 AM <ana> done\n") == 2
    assert chat_lines("10:00 Standup: weekly\n14:02 UTC - alert fired\n10:15 Dana: ok") == 0


@pytest.mark.parametrize(
    "thread",
    [
        "## Incident channel\n\n"
        "[07:40 CET] jonas: card terminals in the north stores are offline\n"
        "[07:44 CET] @ines: checking the payment gateway\n"
        "[07:58 CET] jonas: gateway certificate expired overnight\n"
        "[08:15 CET] @ines: new certificate in place, terminals reconnecting\n",
        "## What happened (from #inc-terminals)\n\n"
        "**[07:40 CET / 14:40 JST] @jonas:** terminals offline in the north stores\n\n"
        "**[07:44 CET / 14:44 JST] @ines:** checking the gateway\n\n"
        "**[08:15 CET / 15:15 JST] @ines:** certificate replaced, terminals back\n",
        "## Slack thread\n\n"
        "- **07:40 CET** jonas: terminals offline\n"
        "- **07:44 CET** ines: checking the gateway\n"
        "- **08:15 CET** ines: certificate replaced\n",
    ],
)
def test_a_thread_with_zoned_stamps_is_a_timeline_with_a_zone(
    lint_text: LintFn, thread: str
) -> None:
    """Stamps that carry their zone, or two readings of the same moment ("[07:40 CET /
    14:40 JST]"), and bold that closes after the speaker, open chat lines too."""
    assert _codes(lint_text, _HEAD + thread) == []  # a timeline, and it has a zone


def test_a_thread_in_two_zones_is_ordered_across_them(lint_text: LintFn) -> None:
    """A line posted with only the second zone is placed by its instant: 17:05 JST is
    09:05 CET, after the 09:00 CET line, so the 08:58 CET line after it is out of order."""
    text = (
        _HEAD + "## Channel log\n\n"
        "**[08:40 CET / 16:40 JST] @ines:** rollback started\n\n"
        "**[09:00 CET] @jonas:** rollback at 50 percent\n\n"
        "**[17:05 JST] @aiko:** Tokyo stores reconnecting\n\n"
        "**[08:58 CET] @ines:** rollback finished\n"
    )
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["[08:58 CET]"]


@pytest.mark.parametrize(
    "body",
    [
        # a maintenance schedule: times and what happens, no speaker
        "## Maintenance windows\n\n- 02:00 UTC database failover drill\n"
        "- 03:30 UTC cache nodes patched\n- 05:00 UTC window closes\n",
        # a rota: times and who holds the pager, no message after a speaker
        "## On-call rota\n\n- 09:00 UTC @dana (primary)\n- 17:00 UTC @marek (primary)\n"
        "- 01:00 UTC @lucia (primary)\n",
        # the same thread as log lines in a code block
        "## Gateway log\n\n```\n[07:40 CET] gw-1: handshake failed\n"
        "[07:41 CET] gw-1: handshake failed\n[07:42 CET] gw-2: handshake failed\n```\n",
    ],
)
def test_zoned_look_alikes_of_a_thread_are_not_read(lint_text: LintFn, body: str) -> None:
    """The timeline rules read none of them (three time-stamped list items still make a
    timeline part for the structure rules, as before)."""
    from pm_lsp.rules.timeline.model import timeline_regions

    assert "PM501" not in _codes(lint_text, _HEAD + body)
    assert timeline_regions(parse(_HEAD + body, load_template("standard")), None) == []


def test_a_dual_clock_stamp_keeps_its_first_reading() -> None:
    from pm_lsp.rules.timeline.model import parse_stamp

    st = parse_stamp("[14:02 UTC / 22:02 SGT] @kai: deploying", 0)
    assert st is not None and str(st.time) == "14:02:00" and st.zone == "UTC"
    assert st.end == len("[14:02 UTC / 22:02 SGT]")
    assert chat_lines("- [14:30 UTC] @kai: done\n**[14:31 UTC] ana:** ok\n") == 2


_EXPORT = (
    "## Channel export\n\n"
    "**Priya Nair** 09:14\nexport dashboard is flat again\n\n"
    "**Tomasz Wolak** 09:20\nvacuum is holding a lock on the jobs table\n\n"
    "**Priya Nair** 09:41\nlock released, the queue is draining\n"
)


@pytest.mark.parametrize(
    "thread",
    [
        _EXPORT,
        # a 12-hour clock in brackets, a handle for a name, the message over two lines
        "## What happened (from the incident channel)\n\n"
        "__ines.k__ [9:14 AM]\nterminals in the north stores are offline\nall of them\n\n"
        "__jonas__ [9:20 AM]\nthe gateway certificate ran out overnight\n\n"
        "__ines.k__ [9:52 AM]\nnew certificate is in, terminals reconnect\n",
    ],
)
def test_a_thread_told_as_speaker_then_time_is_a_timeline(lint_text: LintFn, thread: str) -> None:
    """A chat client's copy puts the speaker's name and the time on a line of their own
    and the message below: such a thread is the timeline too."""
    assert _codes(lint_text, _HEAD + thread) == ["PM501"]
    zoned = thread.replace("\n\n", "\n\nAll times CET.\n\n", 1)
    assert _codes(lint_text, _HEAD + zoned) == []


def test_a_speaker_then_time_thread_is_ordered(lint_text: LintFn) -> None:
    text = _HEAD + _EXPORT + "\n**Tomasz Wolak** 09:37\nvacuum finished\n"
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["09:37"]


@pytest.mark.parametrize(
    "body",
    [
        # an agenda: bold labels with a time each, no label twice
        "## Review week\n\n**Monday** 09:00\nkickoff with the export team\n\n"
        "**Tuesday** 10:30\nwalk through the worker pool\n\n"
        "**Wednesday** 14:00\nretro in room 4\n",
        # labelled times on consecutive lines: no message under a label
        "## Shift handover\n\n**Paged** 09:05\n**Mitigated** 09:41\n**Closed** 10:30\n\n"
        "**Paged** 09:05\n**Mitigated** 09:41\n**Closed** 10:30\n",
        # the same speaker posting, but quoted
        "## What the customer sent\n\n> **Dana** 09:14\n> still broken\n\n"
        "> **Dana** 09:20\n> still broken\n\n> **Dana** 09:31\n> now fine\n",
    ],
)
def test_look_alikes_of_a_speaker_then_time_thread(lint_text: LintFn, body: str) -> None:
    from pm_lsp.rules.timeline.model import timeline_regions

    assert _codes(lint_text, _HEAD + body) == ["PM201"]
    assert timeline_regions(parse(_HEAD + body, load_template("standard")), None) == []
