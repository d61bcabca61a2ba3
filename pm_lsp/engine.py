"""The engine: text + config in, diagnostics with offsets out. No I/O, no editor concepts.

It parses the document once, runs every enabled rule against a shared context (one spaCy
cache, one parsed document), isolates rule crashes into a PM003 diagnostic instead of letting
them take down a CLI run or the language server, applies severity overrides and suppression
comments, and reports suppressions that suppress nothing (PM001, like ruff's RUF100).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pm_lsp.checks import all_rules, rules_by_code
from pm_lsp.config import Config
from pm_lsp.document import PostmortemDoc, parse
from pm_lsp.nlp import NLP, ModelError
from pm_lsp.rule import Diagnostic, Finding, Rule, RuleContext, Severity

log = logging.getLogger(__name__)

_DIRECTIVE = re.compile(
    r"^\s*pm-lint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*$", re.DOTALL
)
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


@dataclass
class LintResult:
    doc: PostmortemDoc
    diagnostics: list[Diagnostic]
    errors: list[str] = field(default_factory=list)  # rule crashes, model problems


def parse_suppressions(doc: PostmortemDoc) -> tuple[list[Suppression], list[Diagnostic]]:
    """Directives from HTML comments, with the region each one covers."""
    sups: list[Suppression] = []
    problems: list[Diagnostic] = []
    #: open ``disable`` directives per code ("*": no codes); a second disable of the same
    #: code before its enable stays open too, and one enable closes them all
    open_ranges: dict[str, list[Suppression]] = {}
    for c in doc.comments:
        m = _DIRECTIVE.match(c.body)
        if m is None:
            continue
        kind = m.group(1)
        words = [w.strip(",") for w in m.group(2).split()]
        codes: list[str] = []
        for w in words:
            if not w:
                continue
            if w.lower() == "all":
                continue
            if not _CODE.match(w.upper()):
                problems.append(_meta(
                    "PM001", c.start, c.end,
                    f"'{w}' in a pm-lint-{kind} comment is not a rule code",
                ))
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


def _meta(code: str, start: int, end: int, message: str) -> Diagnostic:
    r = rules_by_code()[code]
    return Diagnostic(code, r.spec.name, r.spec.category, r.spec.severity, message, start, end)


def _apply_suppressions(
    doc: PostmortemDoc, diags: list[Diagnostic], config: Config, path: Path | None,
) -> list[Diagnostic]:
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
    if config.is_enabled("PM001", path):
        # PM001 itself can be silenced in the document ("disable-file PM001"), like ruff's
        # file-level noqa for RUF100; such a directive is used once it silences one.
        # A blanket directive (no codes) does not count: it would hide its own report.
        meta_sups = [s for s in sups if any("PM001".startswith(c) for c in s.codes)]
        for s in sups:
            for code in s.codes or ("*",):
                if code in s.used or (s in meta_sups and "PM001".startswith(code)):
                    continue
                what = "any diagnostic" if code == "*" else code
                note = ""
                if code != "*" and not any(
                    config.is_enabled(r.code, path) for r in all_rules() if r.code.startswith(code)
                ):
                    note = f" ({code} is not enabled)"
                problems.append(_meta(
                    "PM001", s.start, s.end,
                    f"Unused suppression: pm-lint-{s.kind} suppresses no {what}{note}",
                ))
        for p in problems:
            covering = [(s, key) for s in meta_sups if (key := s.covers(p)) is not None]
            for s, key in covering:
                s.used.add(key)
            if not covering:
                kept.append(p)
        for s in meta_sups:
            for code in s.codes:
                if "PM001".startswith(code) and code not in s.used:
                    kept.append(_meta(
                        "PM001", s.start, s.end,
                        f"Unused suppression: pm-lint-{s.kind} suppresses no {code}",
                    ))
    return kept


def enabled_rules(config: Config, path: Path | None) -> list[Rule]:
    return [r for r in all_rules() if config.is_enabled(r.code, path)]


def lint(
    text: str,
    config: Config,
    *,
    path: Path | None = None,
    nlp: NLP | None = None,
    rules: Sequence[Rule] | None = None,
) -> LintResult:
    """Lint ``text``; ``path`` only selects per-file ignores. Never raises for any text."""
    doc = parse(text, config.template)
    nlp = nlp if nlp is not None else NLP(config.model)
    active = list(rules) if rules is not None else enabled_rules(config, path)
    diags: list[Diagnostic] = []
    errors: list[str] = []
    for r in active:
        ctx = RuleContext(doc=doc, template=config.template, pack=config.pack, nlp=nlp,
                          options=config.options_for(r))
        try:
            findings = list(r.check(ctx))
        except ModelError as exc:
            errors.append(str(exc))
            diags.append(_meta("PM003", 0, 0, f"{r.code} could not run: {exc}"))
            continue
        except Exception as exc:  # a crash in one rule must not lose the others
            log.error("rule %s crashed:\n%s", r.code, traceback.format_exc())
            errors.append(f"{r.code} crashed: {type(exc).__name__}: {exc}")
            diags.append(_meta(
                "PM003", 0, 0,
                f"Internal error in {r.code} ({r.spec.name}): {type(exc).__name__}: {exc}",
            ))
            continue
        diags.extend(_to_diagnostics(r, findings, config, len(text)))
    diags = _apply_suppressions(doc, diags, config, path)
    diags.sort(key=lambda d: (d.start, d.end, d.code))
    return LintResult(doc=doc, diagnostics=_dedupe(diags), errors=errors)


def _to_diagnostics(
    r: Rule, findings: Iterable[Finding], config: Config, size: int
) -> Iterable[Diagnostic]:
    for f in findings:
        start = max(0, min(f.start, size))
        end = max(start, min(f.end, size))
        default = f.severity if f.severity is not None else r.spec.severity
        yield Diagnostic(
            code=r.code,
            name=r.spec.name,
            category=r.spec.category,
            severity=config.severity_for(r.code, default),
            message=f.message,
            start=start,
            end=end,
            fix=f.fix,
            data=f.data,
        )


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for d in diags:
        key = (d.code, d.start, d.end, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def worst(diags: Iterable[Diagnostic]) -> Severity | None:
    return max((d.severity for d in diags), default=None)
