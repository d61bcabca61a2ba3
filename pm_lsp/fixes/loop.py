"""The fix loop: apply safe fixes pass by pass until nothing is left to do.

Each pass lints the current text, picks fixes whose edits do not overlap, checks each one's
result (:mod:`pm_lsp.fixes.safety`), applies the ones that pass, and lints again. A fix is
kept only if the finding it targets is gone from that lint: a skeleton inserted where it is
never read (inside a fence left open) would otherwise be inserted again on every pass. A fix
that fails any check is dropped for the rest of the run and reported as a
:class:`SkippedFix`; a fix offered again after it was applied (its finding came back where it
was fixed) is dropped too. A finding is known by its kind and its place, followed through
each pass's edits, so what happens to one action item's fix says nothing about another's.
So every pass either applies a fix or drops one, and the loop ends when a pass has nothing
left: it converges, with :data:`MAX_PASSES` only as a bound.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pm_lsp.fixes.edits import apply_edits, moved, moved_span, select_diagnostics
from pm_lsp.fixes.safety import problem
from pm_lsp.rules.spec import Diagnostic, Edit

#: ruff's bound. Fixes that insert at the same point (several missing sections before the
#: same heading, several metadata lines) conflict and go one per pass, so a bare document
#: under a long template (Atlassian: 12 sections and 4 fields) needs more than 10 passes.
MAX_PASSES = 100

Lint = Callable[[str], Sequence[Diagnostic]]

#: a finding, by what it says (offsets move as fixes are applied)
_Target = tuple[str, str]
#: a fix, by its finding and its title
_Key = tuple[str, str, str]


@dataclass(frozen=True)
class SkippedFix:
    """A fix that was not applied, and why (one line for the CLI)."""

    code: str
    title: str
    reason: str

    def __str__(self) -> str:
        return f"fix for {self.code} skipped ({self.title}): {self.reason}"


@dataclass
class FixResult:
    text: str
    applied: int
    passes: int
    skipped: list[SkippedFix] = field(default_factory=list)
    #: characters the applied edits inserted: the fixed text is at most this much longer
    inserted: int = 0


def _target(d: Diagnostic) -> _Target:
    return d.code, d.message


def _key(d: Diagnostic) -> _Key:
    assert d.fix is not None
    return d.code, d.message, d.fix.title


class _Loop:
    def __init__(self, text: str, lint: Lint, unsafe: bool) -> None:
        self.lint = lint
        self.unsafe = unsafe
        self.result = FixResult(text, 0, 0)
        self.diags = list(lint(text))
        #: fixes dropped on the current text, by key and finding's start, with why: tried
        #: again once the text changes (other fixes may have made room for one, as a second
        #: ``--fix`` would see), so what is reported is what the final text leaves undone
        self.dropped: dict[tuple[_Key, int], SkippedFix] = {}
        #: fixes applied, by key and where their finding was (before or after what was
        #: inserted right at it), followed through every pass's edits:
        #: a finding is one thing at one place, so one action item's fix says nothing about
        #: another's, and a finding that comes back where it was fixed (a later fix undid
        #: the earlier one) does not get its skeleton inserted twice
        self.applied: set[tuple[_Key, int, int]] = set()

    def drop(self, d: Diagnostic, reason: str) -> None:
        assert d.fix is not None
        self.dropped[(_key(d), d.start)] = SkippedFix(d.code, d.fix.title, reason)

    def candidates(self) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for d in self.diags:
            if d.fix is None or not (d.fix.safe or self.unsafe):
                continue
            if (_key(d), d.start) in self.dropped:
                continue
            if any(k == _key(d) and lo <= d.start <= hi for k, lo, hi in self.applied):
                self.drop(d, "it was applied once already and its finding came back")
                continue
            out.append(d)
        return out

    def _follow(self, ok: list[Diagnostic], edits: list[Edit]) -> None:
        """The text changed by ``edits``: move the applied findings along, record ``ok``'s,
        and forget the drops."""
        self.applied = {
            (k, moved(lo, edits, after_insertions=False), moved(hi, edits))
            for k, lo, hi in self.applied
        }
        self.applied.update((_key(d), *moved_span(d.start, edits)) for d in ok)
        self.dropped = {}

    def skipped(self) -> list[SkippedFix]:
        """The fixes dropped on the final text, one line per code, title and reason."""
        return list(dict.fromkeys(self.dropped.values()))

    def step(self) -> bool:
        """One pass; False when there is nothing left to apply or drop."""
        current = self.result.text
        chosen = select_diagnostics(self.candidates())
        if not chosen:
            return False
        ok: list[Diagnostic] = []
        for d in chosen:
            why = _check(current, d)
            if why is None:
                ok.append(d)
            else:
                self.drop(d, why)
        if not ok:
            return True
        edits = _edits(ok)
        new = apply_edits(current, edits)
        if len(ok) > 1 and problem(current, new, edits) is not None:
            ok = ok[:1]  # safe alone, not together: one at a time
            edits = _edits(ok)
            new = apply_edits(current, edits)
        new_diags = list(self.lint(new))
        if self._targets_remain(ok, edits, new_diags):
            return True
        self.result.text, self.diags = new, new_diags
        self._follow(ok, edits)
        self.result.applied += len(ok)
        self.result.inserted += sum(len(e.new_text) for e in edits)
        return True

    def _targets_remain(
        self, ok: list[Diagnostic], edits: list[Edit], new_diags: list[Diagnostic]
    ) -> bool:
        """Drop each fix whose finding the lint of its result still reports (d).

        A finding is still reported when its kind is not fewer by the fixes applied *and*
        one of its kind stands where the fixed one moved to. Counting alone misreads a pass
        in which another fix adds findings of the same kind (a skeleton's "- TODO" item with
        no owner, next to a fix that gave an item its owner): the fix that worked would be
        dropped, and a second ``--fix`` would apply it."""
        before = Counter(_target(d) for d in self.diags)
        after = Counter(_target(d) for d in new_diags)
        fixed = Counter(_target(d) for d in ok)
        at = {(_target(d), d.start) for d in new_diags}
        stuck = [
            d
            for d in ok
            if after[_target(d)] > before[_target(d)] - fixed[_target(d)]
            and any((_target(d), p) in at for p in moved_span(d.start, edits))
        ]
        for d in stuck:
            self.drop(d, "its finding would remain (the edit lands where it is not read)")
        return bool(stuck)


def _check(current: str, d: Diagnostic) -> str | None:
    """Why ``d``'s fix alone is not safe on ``current`` (conditions a-c), or None."""
    assert d.fix is not None
    try:
        new = apply_edits(current, d.fix.edits)
    except ValueError:
        return "its edits fall outside the text"
    if new == current:
        return "it changes nothing"
    return problem(current, new, d.fix.edits)


def _edits(diags: list[Diagnostic]) -> list[Edit]:
    return [e for d in diags if d.fix is not None for e in d.fix.edits]


def fix_text(text: str, lint: Lint, *, unsafe: bool = False) -> FixResult:
    """Apply the fixes ``lint`` offers, pass by pass, keeping only safe ones (module doc)."""
    loop = _Loop(text, lint, unsafe)
    for passes in range(1, MAX_PASSES + 1):
        loop.result.passes = passes
        if not loop.step():
            break
    loop.result.skipped = loop.skipped()
    return loop.result
