"""Per-document analysis for the server: config lookup, the size limit, the engine, conversion.

Everything here runs on the server's analysis threads, never on the event loop: the
engine holds the GIL in long spaCy calls, and a config lookup reads files. There are a
few such threads (:mod:`pm_lsp.lsp.scheduling`), one document at a time on each, so a slow
document cannot hold up the others; the NLP objects are thread-safe (their caches are
locked, and spaCy's parses from concurrent threads were checked equal to sequential
ones). Also on another thread: the
:class:`~pm_lsp.policy.config.ConfigResolver`: an outline or completion asked for before the first
analysis looks up its template on another thread (it must not wait behind spaCy). That is
safe because the resolver's cache is a dict filled with complete, immutable configs: two
threads can at worst read one config file twice. The NLP block cache (one
:class:`~pm_lsp.nlp.NLP` per model, for the whole session) is what makes re-linting after
an edit cheap: only changed prose is parsed again.

Editor settings can differ per workspace folder (a VS Code multi-root workspace answers
``workspace/configuration`` per ``scopeUri``), so the analyzer holds one resolver per folder
plus one for everything outside them, bundled in an immutable :class:`Resolvers`. The event
loop builds a new bundle when settings or folders change and swaps it in with one attribute
assignment; an analysis thread reads the attribute once per lookup, so it never sees half
of an update. Building a bundle reads no files (each resolver starts with an empty cache).
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as T

from pm_lsp import regex_cache
from pm_lsp.files import decode
from pm_lsp.lsp.convert import Positions, diagnostic_items, from_item, uri_to_path
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.model.positions import Encoding
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Config, ConfigError, ConfigResolver
from pm_lsp.rules.impact import specs as impact_specs
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.readability import specs as readability_specs
from pm_lsp.rules.spec import Diagnostic, Rule, Severity

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """The linter's view of one version of one document."""

    uri: str
    version: int | None
    text: str
    positions: Positions
    diagnostics: list[Diagnostic]
    #: the diagnostics as the client receives them (:func:`~pm_lsp.lsp.convert.diagnostic_item`)
    items: list[dict[str, Any]]
    doc: PostmortemDoc | None = None
    config: Config | None = None
    path: Path | None = None
    #: distinguishes two analyses of the same version (after a configuration change)
    generation: int = 0
    errors: list[str] = field(default_factory=list)
    #: only the rules that need no language model ran (the model is still loading); the
    #: full analysis of the same version follows
    partial: bool = False

    @property
    def result_id(self) -> str:
        return f"{self.version}:{self.generation}"

    @functools.cached_property
    def lsp(self) -> list[T.Diagnostic]:
        """The items as lsprotocol values (hover, code actions, pull answers), built when
        first asked: a publish needs only the items."""
        return [from_item(item) for item in self.items]


def _meta_diagnostic(code: str, message: str, severity: Severity | None = None) -> Diagnostic:
    """A PM00x finding at the top of the document."""
    from pm_lsp.rules.registry import meta_diagnostic

    return meta_diagnostic(code, 0, 0, message, severity)


@dataclass(frozen=True)
class FolderScope:
    """A workspace folder and the resolver built from its own ``pmLint`` settings."""

    path: Path
    resolver: ConfigResolver


@dataclass(frozen=True)
class Resolvers:
    """Which :class:`ConfigResolver` serves which document.

    ``folders`` is ordered deepest first, so the first folder containing a path is the
    longest match: a document in a folder nested inside another follows the inner folder's
    settings, as VS Code resolves a resource's settings. Documents outside every folder, and
    documents with no path (``untitled:``), use ``default`` (the unscoped settings).
    """

    default: ConfigResolver
    folders: tuple[FolderScope, ...] = ()

    @classmethod
    def of(
        cls, default: ConfigResolver, folders: Iterable[tuple[Path, ConfigResolver]] = ()
    ) -> Resolvers:
        scopes = sorted(
            (FolderScope(p, r) for p, r in folders), key=lambda f: len(f.path.parts), reverse=True
        )
        return cls(default, tuple(scopes))

    def for_path(self, path: Path | None) -> ConfigResolver:
        # A handful of folders at most: a linear scan of pure path comparisons (no file
        # system access) costs microseconds, next to a lint of milliseconds.
        if path is not None:
            for scope in self.folders:
                if path.is_relative_to(scope.path):
                    return scope.resolver
        return self.default


class Analyzer:
    """Config resolution and linting for the server; used from one thread only."""

    def __init__(self, resolvers: Resolvers, encoding: Encoding) -> None:
        #: replaced as a whole by the event loop (see the module docstring), never mutated
        self.resolvers = resolvers
        self.encoding = encoding
        self._nlps: dict[str | None, NLP] = {}
        self._nlps_lock = threading.Lock()
        self._generations = itertools.count(1)  # next() is atomic: several threads call it

    def nlp_for(self, model: str | None) -> NLP:
        with self._nlps_lock:  # one NLP object (one model load) per model, whatever thread
            nlp = self._nlps.get(model)
            if nlp is None:
                nlp = self._nlps[model] = NLP(model)
            return nlp

    def notice(
        self,
        uri: str,
        version: int | None,
        text: str,
        code: str,
        message: str,
        severity: Severity,
    ) -> Analysis:
        """A partial analysis holding one PM00x message (e.g. "analysis is slow")."""
        subject = _Subject(uri, version, text, uri_to_path(uri), next(self._generations))
        out = self._unlinted(subject, [_meta_diagnostic(code, message, severity)])
        out.partial = True
        return out

    def resolver_for(self, path: Path | None) -> ConfigResolver:
        """The resolver of the innermost workspace folder holding ``path`` (or the default)."""
        return self.resolvers.for_path(path)

    def config_for(self, path: Path | None) -> Config:
        return self.resolvers.for_path(path).for_path(path)

    def analyze(
        self,
        uri: str,
        version: int | None,
        text: str,
        path: Path | None,
        *,
        model_free_until_loaded: bool = False,
    ) -> Analysis:
        """Lint one document version; never raises (a crash becomes a PM003 diagnostic).

        ``model_free_until_loaded``: if the configuration's spaCy model is not loaded yet,
        run only the rules that need no model and mark the analysis ``partial`` (the
        editor's first paint); the caller runs the full analysis once the model is in.
        """
        from pm_lsp.engine import enabled_rules, lint

        subject = _Subject(uri, version, text, path, next(self._generations))
        try:
            config = self.config_for(path)
        except (ConfigError, OSError, RecursionError, UnicodeError, ValueError) as exc:
            # CI would stop with exit code 2; the editor says why instead of guessing. A
            # path too long for the file system, a config file that is not UTF-8 or is
            # nested too deeply: the same, one diagnostic on this document.
            message = f"File not linted: configuration error: {_reason(exc)}"
            meta = _meta_diagnostic(meta_specs.file_skipped.code, message, Severity.ERROR)
            return self._unlinted(subject, [meta], error=_reason(exc))
        skipped = _over_size_limit(text, config, path)
        if skipped is not None:
            return self._unlinted(subject, skipped, config)
        nlp = self.nlp_for(config.model)
        partial = model_free_until_loaded and not nlp.loaded
        try:
            if partial:
                rules = [r for r in enabled_rules(config, path) if _first_paint(r)]
                result = lint(text, config, path=path, nlp=nlp, rules=rules)
                # whether a directive silences nothing is known only after every rule ran
                unused = meta_specs.unused_suppression.code
                result.diagnostics = [d for d in result.diagnostics if d.code != unused]
            else:
                result = lint(text, config, path=path, nlp=nlp)
        except Exception as exc:  # the engine promises not to raise; be robust anyway
            log.error("linting %s crashed:\n%s", uri, traceback.format_exc())
            message = f"Internal error while linting: {type(exc).__name__}: {exc}"
            meta = _meta_diagnostic(meta_specs.rule_crashed.code, message)
            return self._unlinted(subject, [meta], config, str(exc))
        # The parsed document's line index serves the positions: no second one is built.
        pos = Positions(result.doc.lines, self.encoding)
        out = subject.analysis(pos, result.diagnostics, result.doc, config, result.errors)
        out.partial = partial
        return out

    def warm(self, path: Path | None) -> None:
        """Do the first paint's one-time work before a document asks for it: resolve the
        configuration for ``path`` and run the first-paint rules once over a small
        document of our own, which compiles their pack lexicons (timeline words, section
        concepts: ~0.2 s on a cold process), warms the Markdown parser and reads the word
        table the acronym check asks whether a capitalised word is a dictionary word (~30
        ms). Never raises: a failure here is met again, and reported, by the real
        analysis."""
        from pm_lsp.engine import enabled_rules, lint
        from pm_lsp.rules.readability.grade import table

        try:
            config = self.config_for(path)
            rules = [r for r in enabled_rules(config, path) if _first_paint(r)]
            lint(_WARM_TEXT, config, nlp=self.nlp_for(config.model), rules=rules)
            table()
        except Exception as exc:  # the analysis of a real document reports it
            log.info("warm-up skipped: %s", exc)
        regex_cache.save()  # the next server start reads these patterns compiled

    def _unlinted(
        self,
        subject: _Subject,
        diagnostics: list[Diagnostic],
        config: Config | None = None,
        error: str | None = None,
    ) -> Analysis:
        """An analysis that did not run the engine (config error, too big, crash)."""
        pos = Positions.of(subject.text, self.encoding)
        return subject.analysis(pos, diagnostics, None, config, [error] if error else [])


@dataclass(frozen=True)
class _Subject:
    """The document version one :meth:`Analyzer.analyze` call is about."""

    uri: str
    version: int | None
    text: str
    path: Path | None
    generation: int

    def analysis(
        self,
        pos: Positions,
        diagnostics: list[Diagnostic],
        doc: PostmortemDoc | None,
        config: Config | None,
        errors: list[str],
    ) -> Analysis:
        return Analysis(
            self.uri,
            self.version,
            self.text,
            pos,
            diagnostics,
            diagnostic_items(diagnostics, pos, self.version),
            doc=doc,
            config=config,
            path=self.path,
            generation=self.generation,
            errors=errors,
        )


#: model-free rules left out of the first paint anyway, because their first run in a
#: process costs more than the rest of the first paint together: the first reading grade
#: loads a pronouncing dictionary (seconds on a cold process; the model loader warms it),
#: and the data-loss check builds the whole impact lexicon, prefilters of the spaCy rules
#: included (~0.5 s of regex compilation, 60% of a cold first paint of the 11.9k-word
#: corpus document). The full analysis that follows reports them.
_COSTLY_WHEN_COLD = frozenset(
    {readability_specs.hard_to_read.code, impact_specs.missing_data_loss.code}
)


#: the document :meth:`Analyzer.warm` lints: every part the first-paint rules read
_WARM_TEXT = """# Queue outage

**Date**: 2024-02-03
**Status**: Draft

## Summary

The queue stopped for an hour.

## Timeline

| Time (UTC) | Event |
|---|---|
| 09:00 | Alerts fired |
| 10:00 | Service restored |

## Action Items

- [ ] Add a queue depth alert
"""


def _first_paint(rule: Rule) -> bool:
    """Whether ``rule`` runs in the first paint: no model, and no cold-start cost."""
    return not rule.spec.uses_nlp and rule.code not in _COSTLY_WHEN_COLD


def warm_readability() -> None:
    """Load what the first reading grade needs (on the model loader thread)."""
    from pm_lsp.rules.readability.checks import grade

    grade("The service restarted after the deploy finished. Errors stopped at once.")


def _reason(exc: BaseException) -> str:
    """A one-line reason for a failed configuration lookup."""
    if isinstance(exc, ConfigError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "a configuration file is nested too deeply to read"
    if isinstance(exc, UnicodeError):
        return f"a configuration file is not valid UTF-8 ({exc})"
    if isinstance(exc, OSError) and exc.filename:
        return f"cannot read {str(exc.filename)[:120]!r}: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def _over_size_limit(text: str, config: Config, path: Path | None) -> list[Diagnostic] | None:
    """None when the text is within ``max-file-size``; else what to report instead of
    linting it.

    Like the CLI, PM002 can be ignored or re-rated; in the editor it defaults to info (the
    file is open on purpose; CI's warning would only nag).
    """
    size_check = decode(text.encode("utf-8", "surrogatepass"), config.max_file_size)
    if size_check.text is not None:
        return None
    if not config.is_enabled(meta_specs.file_skipped.code, path):
        return []
    severity = config.severity_for(meta_specs.file_skipped.code, Severity.INFO)
    return [
        _meta_diagnostic(
            meta_specs.file_skipped.code, f"File skipped: {size_check.skipped}", severity
        )
    ]
