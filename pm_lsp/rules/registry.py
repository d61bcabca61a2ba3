"""The rule registry: every rule family module is listed here, and only here."""

from __future__ import annotations

from functools import lru_cache

from pm_lsp.rules import actions, blame, impact, meta, readability, structure, timeline
from pm_lsp.rules.spec import Diagnostic, Rule, Severity

#: rule family modules; each exposes ``RULES: tuple[Rule, ...]``
FAMILIES = (meta, structure, blame, actions, impact, timeline, readability)


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules = tuple(r for family in FAMILIES for r in family.RULES)
    codes = [r.code for r in rules]
    dupes = {c for c in codes if codes.count(c) > 1}
    if dupes:
        raise RuntimeError(f"rule codes declared twice: {sorted(dupes)}")
    return tuple(sorted(rules, key=lambda r: r.code))


@lru_cache(maxsize=1)
def rules_by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}


@lru_cache(maxsize=1)
def rules_by_name() -> dict[str, Rule]:
    return {r.spec.name: r for r in all_rules()}


def meta_diagnostic(
    code: str, start: int, end: int, message: str, severity: Severity | None = None
) -> Diagnostic:
    """A diagnostic of rule ``code`` made outside its check (PM001-PM003: findings about the
    linting itself), with the name and category its declaration gives, and its default
    severity unless the caller has already resolved one (a config override)."""
    spec = rules_by_code()[code].spec
    return Diagnostic(
        code, spec.name, spec.category, severity or spec.severity, message, start, end
    )
