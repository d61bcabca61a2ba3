"""A verdict on a group passed in a trailing "which" clause (PM104; class 5 of bl38):
"the pager rang for forty minutes before anyone acknowledged it, which points to poor
situational awareness among the night crew", "..., which shows a lack of care by the
platform team", "..., which says a lot about the desk's priorities", "..., which reflects
badly on the support desk" (``trailing-verdicts``).

The clause names no act, so the act judges pass it by; its group ("party", "party2",
"party3") must name a person, a role or a team. Clean: a thing ("which reflects the load
on the primary", "which says a lot about the new consumer's throughput"), a finding
("which shows the value of the alert"), the writers ("which reflects poorly on us"),
quoted words.
"""

from __future__ import annotations

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, quoted_span
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

_GROUPS = ("party", "party2", "party3")


def judge(ctx: _Ctx) -> None:
    """Report the first trailing verdict whose group names a party other than the writers."""
    for m in ctx.lex.trailing_verdicts.finditer(ctx.stext):
        group = next((g for g in _GROUPS if m.groupdict().get(g) is not None), None)
        if group is None or quoted_span(ctx.stext, m.start(), m.end()):
            continue
        lo, hi = m.span(group)
        who = next(
            (
                t
                for t in ctx.sdoc
                if lo <= t.idx < hi
                and t.lower_ not in FIRST_PERSON
                and t.text not in ctx.systems
                and person_name(t, ctx.lex) is not None
            ),
            None,
        )
        if who is None:
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        ctx.add(
            specs.judgment.code,
            a,
            e,
            "trailing-verdict",
            person=True,
            phrase=m.group(0),
            who=ctx.stext[lo:hi],
        )
        return
