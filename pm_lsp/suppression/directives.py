"""Suppression directives in the document: which comments they are, what each covers, and
which findings they silence.

``<!-- pm-lint-disable PM101 -->`` ... ``<!-- pm-lint-enable PM101 -->``,
``<!-- pm-lint-disable-next-line PM103 -->`` and ``<!-- pm-lint-disable-file PM601 -->``; a
directive that silences nothing is reported as PM001 (like ruff's RUF100), so suppressions
cannot outlive the text they were written for. Where a new directive is *placed* (the editor's
"disable for this line" and ``--add-noqa``) is :mod:`pm_lsp.suppression.placement`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pm_lsp.model.document import PostmortemDoc
from pm_lsp.policy.config import Config
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.registry import all_rules, meta_diagnostic
from pm_lsp.rules.spec import Diagnostic

#: the start of a directive; its codes are the rest of the comment, which holds no ``>``
#: (read by hand: a lazy ``([^>]*?)\s*$`` tried the end at every position, quadratic on a
#: comment with long runs of blanks inside)
_DIRECTIVE = re.compile(r"\s*pm-lint-(disable-next-line|disable-file|disable|enable)\b")
_CODE = re.compile(r"^PM\d{0,3}$")


@dataclass
class Suppression:
    kind: str  # "disable" | "enable" | "disable-next-line" | "disable-file"
    codes: tuple[str, ...]  # empty: every rule
    start: int  # comment span
    end: int
    region: tuple[int, int] = (0, 0)  # offsets it covers
    used: set[str] = field(default_factory=set)
    #: narrower enables inside the region: ``disable PM2`` then ``enable PM202`` stops
    #: covering PM202 (code prefix, from this offset on) but keeps covering PM201
    reenabled: list[tuple[str, int]] = field(default_factory=list)

    def covers(self, d: Diagnostic) -> str | None:
        """The code (or "*") under which this suppression covers ``d``, else None."""
        if not self.region[0] <= d.start < self.region[1]:
            return None
        if any(d.start >= at and d.code.startswith(code) for code, at in self.reenabled):
            return None
        if not self.codes:
            return "*"
        for c in self.codes:
            if d.code.startswith(c):
                return c
        return None


def parse_suppressions(doc: PostmortemDoc) -> tuple[list[Suppression], list[Diagnostic]]:
    """Directives from HTML comments, with the region each one covers."""
    sups: list[Suppression] = []
    problems: list[Diagnostic] = []
    #: open ``disable`` directives per code ("*": no codes); a second disable of the same
    #: code before its enable stays open too, and one enable closes them all
    open_ranges: dict[str, list[Suppression]] = {}
    for c in doc.comments:
        m = _DIRECTIVE.match(c.body)
        if m is None or ">" in c.body[m.end() :]:
            continue
        kind = m.group(1)
        words = [w.strip(",") for w in c.body[m.end() :].split()]
        codes: list[str] = []
        for w in words:
            if not w:
                continue
            if w.lower() == "all":
                continue
            if not _CODE.match(w.upper()):
                problems.append(
                    meta_diagnostic(
                        meta_specs.unused_suppression.code,
                        c.start,
                        c.end,
                        f"'{w}' in a pm-lint-{kind} comment is not a rule code",
                    )
                )
                continue
            codes.append(w.upper())
        s = Suppression(kind, tuple(codes), c.start, c.end)
        if kind == "disable-file":
            s.region = (0, len(doc.text))
            sups.append(s)
        elif kind == "disable-next-line":
            line = doc.lines.line_of(c.end)
            nxt = line + 1
            while nxt < doc.lines.line_count and not doc.lines.line_text(nxt).strip():
                nxt += 1
            if nxt < doc.lines.line_count:
                s.region = (doc.lines.starts[nxt], doc.lines.line_end(nxt) + 1)
            else:
                s.region = (len(doc.text), len(doc.text))
            sups.append(s)
        elif kind == "disable":
            s.region = (c.end, len(doc.text))
            sups.append(s)
            for code in codes or ("*",):
                open_ranges.setdefault(code, []).append(s)
        else:  # enable: closes the open disables it covers, narrows wider ones
            for key in list(open_ranges):
                if not codes or any(key.startswith(code) for code in codes):
                    for opened in open_ranges.pop(key):
                        opened.region = (opened.region[0], c.start)
                else:
                    for code in codes:
                        if key == "*" or code.startswith(key):
                            for opened in open_ranges[key]:
                                opened.reenabled.append((code, c.start))
    return sups, problems


def apply_suppressions(
    doc: PostmortemDoc,
    diags: list[Diagnostic],
    config: Config,
    path: Path | None,
) -> list[Diagnostic]:
    """Drop the diagnostics the document's directives silence, and report unused directives (PM001).

    Kept in one piece: which directive was used is learnt while silencing, and PM001's own
    suppressions are decided from that record in the same pass; split apart, the record would
    travel between functions as mutable state."""
    sups, problems = parse_suppressions(doc)
    kept: list[Diagnostic] = []
    for d in diags:
        suppressed = False
        for s in sups:
            key = s.covers(d)
            if key is not None:
                s.used.add(key)
                suppressed = True
        if not suppressed:
            kept.append(d)
    if config.is_enabled(meta_specs.unused_suppression.code, path):
        # PM001 itself can be silenced in the document ("disable-file PM001"), like ruff's
        # file-level noqa for RUF100; such a directive is used once it silences one.
        # A blanket directive (no codes) does not count: it would hide its own report.
        meta_sups = [
            s
            for s in sups
            if any(meta_specs.unused_suppression.code.startswith(c) for c in s.codes)
        ]
        for s in sups:
            for code in s.codes or ("*",):
                if code in s.used or (
                    s in meta_sups and meta_specs.unused_suppression.code.startswith(code)
                ):
                    continue
                what = "any diagnostic" if code == "*" else code
                note = ""
                if code != "*" and not any(
                    config.is_enabled(r.code, path) for r in all_rules() if r.code.startswith(code)
                ):
                    note = f" ({code} is not enabled)"
                problems.append(
                    meta_diagnostic(
                        meta_specs.unused_suppression.code,
                        s.start,
                        s.end,
                        f"Unused suppression: pm-lint-{s.kind} suppresses no {what}{note}",
                    )
                )
        for p in problems:
            covering = [(s, key) for s in meta_sups if (key := s.covers(p)) is not None]
            for s, key in covering:
                s.used.add(key)
            if not covering:
                kept.append(p)
        kept.extend(_unused_meta_suppressions(meta_sups))
    return kept


def _unused_meta_suppressions(meta_sups: list[Suppression]) -> list[Diagnostic]:
    """PM001 for each PM001 suppression that silenced nothing, unless another PM001
    suppression covers it (never itself: a directive cannot vouch for its own use).

    A stale ``disable-next-line PM001`` is a finding like any other, so ``--add-noqa`` must
    be able to silence it with a comment above; were that report beyond every directive, each
    baseline run would stack one more comment on it."""
    code = meta_specs.unused_suppression.code
    unused = [
        (
            s,
            c,
            meta_diagnostic(
                code, s.start, s.end, f"Unused suppression: pm-lint-{s.kind} suppresses no {c}"
            ),
        )
        for s in meta_sups
        for c in s.codes
        if code.startswith(c) and c not in s.used
    ]
    covered: set[int] = set()
    for n, (s, _c, d) in enumerate(unused):
        for o in meta_sups:
            k = o.covers(d) if o is not s else None
            if k is not None:
                o.used.add(k)
                covered.add(n)
    # decided after every cover is known: a directive that silenced another's report is
    # used, whichever of the two comes first
    out = [d for n, (s, c, d) in enumerate(unused) if n not in covered and c not in s.used]
    return out
