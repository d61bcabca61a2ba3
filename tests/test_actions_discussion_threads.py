"""A discussion thread pasted into a postmortem (an issue tracker's "@dana commented",
"Comment from Li Wei", "Omar replied on 2026-03-12"): each comment heading opens one
person's remark, even when the thread's headings sit below the write-up's action items.
Its bullets ("Takeaways from my side:"), its questions ("Shouldn't we cap the retry
budget?") and its "we should ..." arguments are no action items (PM301-PM306); only the
writers' firm plan there ("we will ...") is still judged. Headings that merely contain
such a verb ("Action items posted") keep their lists.

A people-fixing phrase in quotation marks that the sentence turns down ("Asking the crew
to 'stay calm' was never a remedy") is mentioned, not asked: no PM306, and its words are
no vague modifier. Quoted and used ("Remind staff to 'be more careful'") stays PM306."""

from __future__ import annotations

from conftest import LintFn

_ITEM = "- Add a depth alert on the ledger queue (@sana, due 2026-04-02, P2, LED-31)\n"

_THREAD = (
    "# Ledger queue stall\n\n## Action items\n\n" + _ITEM + "\n"
    "### @pavel commented\n\n"
    "Shouldn't we cap the retry budget as well? We should stop trusting the green board.\n\n"
    "Takeaways from my side:\n\n"
    "- The board showed green while the queue grew.\n"
    "- Nobody owned the retry settings.\n"
    "- We need better visibility into the workers.\n\n"
    "### Comment from Ruth Adeyemi\n\n"
    "Can we drop the 'operator slip' line from the summary?\n\n"
    "### Irina replied on 2026-03-12\n\n"
    "Agreed. Also we should be more careful when we name people in threads like this.\n"
)


def test_a_threads_comments_hold_no_action_items(lint_text: LintFn) -> None:
    text = _THREAD
    diags = lint_text(text, select=["PM3"]).diagnostics
    first = text.index("### @pavel")
    assert [d for d in diags if d.start >= first] == []
    summary = [d for d in diags if d.code == "PM302" and "of" in d.message]
    assert not summary  # the one item above the thread has its owner


def test_a_firm_plan_in_a_comment_is_still_judged(lint_text: LintFn) -> None:
    line = "We will make sure everyone is more careful with the retry settings."
    text = _THREAD + "\n### @omar commented\n\n" + line + "\n"
    diags = lint_text(text, select=["PM306"]).diagnostics
    a = text.index(line)
    assert [d.code for d in diags if a <= d.start < a + len(line)] == ["PM306"]


def test_a_heading_that_only_contains_a_verb_of_commenting_keeps_its_items(
    lint_text: LintFn,
) -> None:
    text = (
        "# Ledger queue stall\n\n## Action items\n\n" + _ITEM + "\n"
        "### Action items posted\n\n- Improve monitoring.\n"
    )
    diags = lint_text(text, select=["PM301"]).diagnostics
    a = text.index("Improve monitoring.")
    assert [d.start for d in diags if d.code == "PM301"] == [a]


_MENTIONS = [
    'Asking the shift to "be more vigilant" has never been a fix for a missing alert.',
    "We kept writing 'pay more attention to the board' in reviews; it does not work.",
    "A reminder to \u201cdouble-check the config\u201d would not have caught this.",
    'We dropped the "think twice" line from the checklist and added a lint step instead.',
]
_USES = [
    'Staff need to "pay more attention" to the queue alerts.',
    'Operators should "double-check" every retry change, and not to skip the checklist.',
]


def _lessons(lines: list[str]) -> str:
    return (
        "# Ledger queue stall\n\n## Lessons learned\n\n"
        + "\n\n".join(lines)
        + "\n\n## Action items\n\n"
        + _ITEM
        + '- Stop adding "be more careful" items to reviews (@li, due 2026-04-09, P2, LED-32)\n'
        + '- Remind staff to "be more careful" with retries (@li, due 2026-04-09, P2, LED-33)\n'
    )


def test_a_quoted_phrase_turned_down_is_mentioned_not_asked(lint_text: LintFn) -> None:
    text = _lessons(_MENTIONS + _USES)
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    for line in _MENTIONS:
        a = text.index(line)
        assert not [d for d in diags if a <= d.start < a + len(line)], line
    stop = text.index("Stop adding")
    assert not [d for d in diags if stop <= d.start < stop + 40]
    for line in [*_USES, 'Remind staff to "be more careful"']:
        a = text.index(line)
        got = [d.code for d in diags if a <= d.start < a + len(line)]
        assert got == ["PM306"], line
