"""The declarations of the rules about the linting itself (PM001-PM003).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, and code that emits these diagnostics (the
engine, the file reader, the suppression directives) names them through it.
"""

from __future__ import annotations

from pm_lsp.rules.spec import RuleSpec, Severity

unused_suppression = RuleSpec(
    code="PM001",
    name="unused-suppression",
    category="meta",
    severity=Severity.WARNING,
    summary="A pm-lint suppression comment that suppresses nothing.",
    rationale=(
        "Suppression comments outlive the text they were written for. Once the sentence is "
        "rewritten, a stale `pm-lint-disable` silently hides the next real finding in its "
        "range. Reporting unused suppressions keeps them honest (ruff's RUF100 does the same)."
    ),
    bad="<!-- pm-lint-disable-next-line PM102 -->\nThe deploy script ran without a dry run.",
    good="The deploy script ran without a dry run.",
)


file_skipped = RuleSpec(
    code="PM002",
    name="file-skipped",
    category="meta",
    severity=Severity.WARNING,
    summary="A file or folder could not be linted: binary, not UTF-8 (UTF-16 included), over "
    "the size limit, a broken or looping symbolic link, or a folder that cannot be listed.",
    rationale=(
        "A linter that silently skips a file gives false confidence in CI. The file is "
        "reported and the run goes on with the others; raise `max-file-size` or exclude the "
        "path if the skip is intended."
    ),
    bad="postmortems/diagram.png (binary content)",
    good="postmortems/2025-03-14-checkout.md (UTF-8 Markdown under 2 MB)",
)


rule_crashed = RuleSpec(
    code="PM003",
    name="internal-error",
    category="meta",
    severity=Severity.ERROR,
    summary="A rule crashed or could not run (for example, the spaCy model is missing).",
    rationale=(
        "One broken rule must not hide the findings of the others, nor take down the "
        "language server. The crash is reported at the top of the file with its cause; "
        "please report it as a bug with the document that triggered it."
    ),
    bad="(an internal error in a rule)",
    good="(no internal errors)",
)
