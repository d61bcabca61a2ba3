"""What a rule is: its one declaration, the findings it returns, and the context it reads.

A rule is declared exactly once, as a :class:`Rule` holding a :class:`RuleSpec` (code, name,
category, default severity, summary, rationale, bad and good examples, fix safety, options)
and a check function. ``--explain``, hover text, SARIF rule metadata and ``docs/rules.md`` are
all rendered from the spec, so they cannot drift apart.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, Literal, ParamSpec, TypeVar

if TYPE_CHECKING:
    from pm_lsp.model.document import PostmortemDoc
    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.policy.rulepack import RulePack
    from pm_lsp.policy.templates import Template


_R = TypeVar("_R")
_P = ParamSpec("_P")


class Severity(enum.IntEnum):
    """Ordered so that ``>=`` means "at least as serious"."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


FixSafety = Literal["none", "safe", "unsafe", "sometimes"]
OptionType = Literal["int", "float", "str", "bool", "list[str]"]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets) by ``new_text``."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    safe: bool


@dataclass(frozen=True)
class Finding:
    """What a check returns; the engine turns it into a :class:`Diagnostic`.

    ``severity`` overrides the rule's default when the context changes the weight (a name
    in a timeline is ``info``; the same name as a root cause is a ``warning``).
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class OptionSpec:
    """One option of a rule: its type, default, help and the values it accepts.

    The configuration is checked against it when it is read, so a misspelt value such as
    ``when = "alway"`` stops the run with the choices named, instead of being a setting the
    rule silently never matches.
    """

    type: OptionType
    default: Any
    help: str
    #: the accepted values of a "str" option, or of each item of a "list[str]" option
    choices: tuple[str, ...] = ()
    #: a "list[str]" item may name several choices joined by this separator ("a|b": either)
    alternatives: str | None = None
    #: the smallest accepted value of an "int" or "float" option
    minimum: float | None = None

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value``, as the end of a sentence "'<key>' must ...";
        None when the value is accepted."""
        if not _has_type(self.type, value):
            return (
                f"must be of type {self.type} ({self.help}), got {type(value).__name__} {value!r}"
            )
        if self.minimum is not None and isinstance(value, (int, float)) and value < self.minimum:
            return f"must be at least {self.minimum:g} ({self.help}), got {value!r}"
        if not self.choices:
            return None
        items = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        for item in items:
            parts = item.split(self.alternatives) if self.alternatives else [item]
            for part in (p.strip() for p in parts):
                if part not in self.choices:
                    return self._not_a_choice(part)
        return None

    def _not_a_choice(self, got: str) -> str:
        listed = ", ".join(f'"{c}"' for c in self.choices)
        each = "each item " if self.type == "list[str]" else ""
        joined = f' (or several joined by "{self.alternatives}")' if self.alternatives else ""
        close = difflib.get_close_matches(got, self.choices, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return f'{each}must be one of {listed}{joined}, got "{got}"{hint}'


def _has_type(kind: OptionType, value: object) -> bool:
    if isinstance(value, bool):
        return kind == "bool"
    if kind == "int":
        return isinstance(value, int)
    if kind == "float":
        return isinstance(value, (int, float))
    if kind == "str":
        return isinstance(value, str)
    if kind == "list[str]":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return False


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    rationale: str
    bad: str
    good: str
    fix: FixSafety = "none"
    #: the blameless question the rule asks; shown in hover and --explain
    question: str | None = None
    #: does the rule need spaCy? (--list-rules and the prefilter use this)
    uses_nlp: bool = False
    options: Mapping[str, OptionSpec] = field(default_factory=dict)
    #: what a finding points at. "line": a span of text that has the problem. "document":
    #: something the document lacks (a section, a field, a statement); the engine anchors
    #: it at the title or a heading, but no line "has" it, so a suppression for it is a
    #: file-level directive (a line comment would go stale when that line is edited)
    anchor: Literal["line", "document"] = "line"
    #: findings of rules with the same ``claim`` on overlapping text are one finding, the
    #: rule with the lowest ``rank`` keeping it: "he should have known" is hindsight, not
    #: also a counterfactual and a person as the cause
    claim: str | None = None
    rank: int = 0
    #: how a finding's severity is decided when the rule does not always report at
    #: ``severity`` (its default): the context that weighs a finding down or up. Said by
    #: ``--explain`` (and so the hover's link, SARIF's help and docs/rules.md), and
    #: ``--list-rules`` marks the default of such a rule, so the severity a user sees on a
    #: finding is never a surprise against the listing
    severity_note: str | None = None


#: the severity note of every rule of a family whose findings are all weighed by one
#: function of the family (a rule's own ``severity_note`` comes first)
FAMILY_SEVERITY_NOTES = {
    # pm_lsp/rules/blame/checks.py ``_severity``, with the lists of rules/blame.toml
    "blame": (
        "a warning where blame is stated; info in these places and cases:\n\n"
        "- in the timeline, where naming who did what is normal;\n"
        "- a person as the cause (PM101) outside the Summary, Root cause, Contributing"
        " factors and Lessons (the opening prose before the first section, as an"
        " email-shaped write-up has it, counts as the Summary; its timestamped lines do"
        " not);\n"
        "- tone: a minimiser such as 'just', a verdict said of no person, capitals,"
        " exasperation such as '!!!', 'yet again' or 'as usual', even when the sentence"
        " names a team or a vendor (tone is weak evidence; what the sentence says of them is"
        " judged by the other rules);\n"
        "- every blame finding of a sentence after its first warning: one warning per"
        " sentence, so 'human error' may be a warning and 'fat-fingered' after it info.\n\n"
        "Quoted speech (a blockquote that is not a callout, such as a responder's words in a"
        " learning review, or a clause in double quotes that a verb of saying gives to"
        " someone other than the writers: 'a caller asked whether \"somebody forgot the"
        " switch\"') is recorded as said and not checked at all: notes the writers adopt as"
        " their own analysis belong in ordinary paragraphs, where they are checked."
    ),
}


def severity_note(spec: RuleSpec) -> str | None:
    """How the severity of ``spec``'s findings is decided, when it is not always the
    default: the rule's own note, else its family's."""
    return spec.severity_note or FAMILY_SEVERITY_NOTES.get(spec.category)


@dataclass(frozen=True)
class RuleContext:
    """Everything a check may read. Checks must not mutate it.

    What several rules derive from the document (action items, the timeline) is read
    through :meth:`analysis`, computed once per parsed document and inputs."""

    doc: PostmortemDoc
    template: Template
    pack: RulePack
    nlp: NLP
    options: Mapping[str, Any]
    #: whether the repository chose its template (``template = ...`` or ``--template``);
    #: without one the structure rules run in adoption mode (only the core parts warn)
    template_configured: bool = True
    #: the file's name, when the caller has one: the structure rules may read the
    #: incident date from it (and say so)
    source_name: str | None = None

    def option(self, name: str) -> Any:
        return self.options[name]

    def analysis(
        self,
        build: Callable[Concatenate[PostmortemDoc, _P], _R],
        /,
        *args: _P.args,
        **kwargs: _P.kwargs,
    ) -> _R:
        """``build(ctx.doc, *args, **kwargs)``, computed once per parsed document and
        inputs and shared by every rule of the lint (and by the language server's hover
        and outline on the same document). Pass every input ``build`` reads besides the
        document (``ctx.pack``, ``ctx.template``, ``ctx.nlp``, an option): they are the
        key, so rules with another pack or option get their own answer. ``build`` returns
        an immutable value (a tuple, a frozen dataclass). See :mod:`pm_lsp.cache`."""
        return self.doc.analysis(build, *args, **kwargs)


CheckFn = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    check: CheckFn

    @property
    def code(self) -> str:
        return self.spec.code


def rule(spec: RuleSpec) -> Callable[[CheckFn], Rule]:
    """Decorator: ``@rule(RuleSpec(...))`` over a check function declares the rule."""

    def wrap(fn: CheckFn) -> Rule:
        return Rule(spec=spec, check=fn)

    return wrap
