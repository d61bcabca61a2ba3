"""The engine: text + config in, diagnostics with offsets out. No I/O, no editor concepts.

It parses the document once, runs every enabled rule against a shared context (one spaCy
cache, one parsed document), isolates rule crashes into a PM003 diagnostic instead of letting
them take down a CLI run or the language server, applies severity overrides and suppression
comments, and reports suppressions that suppress nothing (PM001, like ruff's RUF100).
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pm_lsp import shared
from pm_lsp.cache import holding
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.nlp.pipeline import NLP, Deferred, ModelError, Pending
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
    date to the structure rules. Never raises for any text.

    The rules run twice at most: first with parsing deferred (:meth:`NLP.collecting`), so
    that every sentence any family wants parsed goes through one batch, then, after that
    batch, the rules that stopped for a parse. Their outcomes are kept in rule order, so
    the result is the one a single pass gives."""
    return lint_many([LintInput(text, config, path)], nlp=nlp, rules=rules)[0]


@dataclass(frozen=True)
class LintInput:
    text: str
    config: Config
    path: Path | None = None


def lint_many(
    inputs: Sequence[LintInput],
    *,
    nlp: NLP | None = None,
    nlps: dict[str | None, NLP] | None = None,
    rules: Sequence[Rule] | None = None,
) -> list[LintResult]:
    """:func:`lint` of each input, with the sentences that all of them need parsed in one
    batch per pipeline (the command line lints files in groups this way). ``nlp`` serves
    every input; else each configuration's model is looked up in ``nlps`` (and added to it:
    a caller that lints group after group keeps its loaded pipelines there)."""
    with holding():  # a big document's first-pass memo entries and parses stay for its second
        return _lint_many(inputs, nlp, nlps if nlps is not None else {}, rules)


def _lint_many(
    inputs: Sequence[LintInput],
    nlp: NLP | None,
    nlps: dict[str | None, NLP],
    rules: Sequence[Rule] | None,
) -> list[LintResult]:
    runs = []
    for item in inputs:
        own = nlp or nlps.get(item.config.model)
        if own is None:
            own = nlps[item.config.model] = NLP(item.config.model)
        runs.append(_prepare(item, own, rules))
    if len(runs) == 1 and shared.worth(runs[0].item.text):
        shared.run_shared(runs[0], _PASSES)
        return [_finish(runs[0])]
    for run in runs:
        run.pending = _first_pass(run, range(len(run.active)))
    _parse_batches([run.pending for run in runs])
    return [_finish(run) for run in runs]


def _parse_batches(pendings: Sequence[Pending]) -> None:
    """Parse what the first passes noted, one batch per pipeline."""
    batches: dict[int, Pending] = {}
    for pending in pendings:
        if pending:
            batch = batches.setdefault(id(pending.nlp), Pending(pending.nlp))
            batch.plain.update(pending.plain)
            batch.with_entities.update(pending.with_entities)
    for batch in batches.values():
        try:
            batch.nlp.parse_pending(batch)
        except Exception:  # the rules that parse again report it, each as its own PM003
            log.debug("batch parse failed:\n%s", traceback.format_exc())


@dataclass
class _Run:
    """One lint: the document, its rules, and their outcomes as they complete (None for a
    rule that has not run, or stopped for a parse)."""

    item: LintInput
    doc: PostmortemDoc
    nlp: NLP
    active: list[Rule]
    contexts: list[RuleContext]
    outcomes: list[_Outcome | None]
    pending: Pending


def _prepare(item: LintInput, nlp: NLP, rules: Sequence[Rule] | None) -> _Run:
    config = item.config
    doc = parse(item.text, config.template)
    active = list(rules) if rules is not None else enabled_rules(config, item.path)
    contexts = [
        RuleContext(
            doc=doc,
            template=config.template,
            pack=config.pack,
            nlp=nlp,
            options=config.options_for(r),
            template_configured=config.template_configured,
            source_name=item.path.name if item.path is not None else None,
        )
        for r in active
    ]
    outcomes: list[_Outcome | None] = [None] * len(active)
    return _Run(item, doc, nlp, active, contexts, outcomes, Pending(nlp))


def _first_pass(run: _Run, which: Iterable[int]) -> Pending:
    """Run the rules ``which`` (indexes into ``run.active``) with parsing deferred; what
    they stopped for is returned."""
    with run.nlp.collecting() as pending:
        for i in which:
            with contextlib.suppress(Deferred):
                run.outcomes[i] = _check(run.active[i], run.contexts[i])
    return pending


def _second_pass(run: _Run, which: Sequence[int]) -> None:
    """Run the rules ``which`` that stopped for a parse, after the batch: the end of one
    process's share of a document whose rules are shared (:mod:`pm_lsp.shared`)."""
    for i in which:
        if run.outcomes[i] is None:
            run.outcomes[i] = _check(run.active[i], run.contexts[i])


def _parse_one(pending: Pending) -> None:
    _parse_batches([pending])


#: the steps :mod:`pm_lsp.shared` runs for each share
_PASSES = shared.Passes(first=_first_pass, parse=_parse_one, second=_second_pass)


def _finish(run: _Run) -> LintResult:
    """Run the rules that stopped for a parse, then severities, suppressions, order."""
    text, config, path = run.item.text, run.item.config, run.item.path
    diags: list[Diagnostic] = []
    errors: list[str] = []
    for i, (r, ctx) in enumerate(zip(run.active, run.contexts, strict=True)):
        outcome = run.outcomes[i] or _check(r, ctx)
        errors.extend(outcome.errors)
        diags.extend(outcome.meta)
        diags.extend(_to_diagnostics(r, outcome.findings, config, len(text)))
    diags = apply_suppressions(run.doc, diags, config, path)
    diags.sort(key=lambda d: (d.start, d.end, d.code))
    return LintResult(doc=run.doc, diagnostics=_dedupe(diags), errors=errors)


@dataclass
class _Outcome:
    """What one rule's check gave: its findings, or the PM003 saying why there are none."""

    findings: list[Finding] = field(default_factory=list)
    meta: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _check(r: Rule, ctx: RuleContext) -> _Outcome:
    """Run one rule; a crash or a missing model becomes a PM003 for that rule alone.
    :class:`Deferred` passes through (the rule runs again after the batch)."""
    try:
        return _Outcome(findings=list(r.check(ctx)))
    except ModelError as exc:
        return _Outcome(
            meta=[
                meta_diagnostic(
                    meta_specs.rule_crashed.code, 0, 0, f"{r.code} could not run: {exc}"
                )
            ],
            errors=[str(exc)],
        )
    except Exception as exc:  # a crash in one rule must not lose the others
        log.error("rule %s crashed:\n%s", r.code, traceback.format_exc())
        return _Outcome(
            meta=[
                meta_diagnostic(
                    meta_specs.rule_crashed.code,
                    0,
                    0,
                    f"Internal error in {r.code} ({r.spec.name}): {type(exc).__name__}: {exc}",
                )
            ],
            errors=[f"{r.code} crashed: {type(exc).__name__}: {exc}"],
        )


def _to_diagnostics(
    r: Rule, findings: Iterable[Finding], config: Config, size: int
) -> Iterable[Diagnostic]:
    """Each finding of ``r`` as a diagnostic, clipped to the text. The configured severity
    is looked up once per severity a finding asks for, not once per finding: a long
    document has hundreds of findings, and the lookup scans the configuration's prefix
    entries."""
    spec = r.spec
    code, name, category = r.code, spec.name, spec.category
    severities: dict[Severity, Severity] = {}
    for f in findings:
        start = max(0, min(f.start, size))
        end = max(start, min(f.end, size))
        default = f.severity if f.severity is not None else spec.severity
        severity = severities.get(default)
        if severity is None:
            severity = severities[default] = config.severity_for(code, default)
        yield Diagnostic(
            code=code,
            name=name,
            category=category,
            severity=severity,
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
