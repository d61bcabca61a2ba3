"""The engine: text + config in, diagnostics with offsets out. No I/O, no editor concepts.

It parses the document once, runs every enabled rule against a shared context (one spaCy
cache, one parsed document), isolates rule crashes into a PM003 diagnostic instead of letting
them take down a CLI run or the language server, applies severity overrides and suppression
comments, and reports suppressions that suppress nothing (PM001, like ruff's RUF100).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pm_lsp.model.document import PostmortemDoc
from pm_lsp.nlp.pipeline import NLP, ModelError
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Config
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.registry import all_rules, meta_diagnostic
from pm_lsp.rules.spec import Diagnostic, Finding, Rule, RuleContext, Severity
from pm_lsp.suppression.directives import apply_suppressions

log = logging.getLogger(__name__)


@dataclass
class LintResult:
    doc: PostmortemDoc
    diagnostics: list[Diagnostic]
    errors: list[str] = field(default_factory=list)  # rule crashes, model problems


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
    """Lint ``text``. ``path`` selects per-file ignores, and its name may give the incident
    date to the structure rules. Never raises for any text."""
    doc = parse(text, config.template)
    nlp = nlp if nlp is not None else NLP(config.model)
    active = list(rules) if rules is not None else enabled_rules(config, path)
    diags: list[Diagnostic] = []
    errors: list[str] = []
    for r in active:
        ctx = RuleContext(
            doc=doc,
            template=config.template,
            pack=config.pack,
            nlp=nlp,
            options=config.options_for(r),
            template_configured=config.template_configured,
            source_name=path.name if path is not None else None,
        )
        try:
            findings = list(r.check(ctx))
        except ModelError as exc:
            errors.append(str(exc))
            diags.append(
                meta_diagnostic(
                    meta_specs.rule_crashed.code, 0, 0, f"{r.code} could not run: {exc}"
                )
            )
            continue
        except Exception as exc:  # a crash in one rule must not lose the others
            log.error("rule %s crashed:\n%s", r.code, traceback.format_exc())
            errors.append(f"{r.code} crashed: {type(exc).__name__}: {exc}")
            diags.append(
                meta_diagnostic(
                    meta_specs.rule_crashed.code,
                    0,
                    0,
                    f"Internal error in {r.code} ({r.spec.name}): {type(exc).__name__}: {exc}",
                )
            )
            continue
        diags.extend(_to_diagnostics(r, findings, config, len(text)))
    diags = apply_suppressions(doc, diags, config, path)
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
