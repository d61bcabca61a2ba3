"""``pm-lint report PATH... [--since DATE] [--until DATE] [--format html|json|markdown]
[-o FILE]``: the cross-incident review (see :mod:`pm_lsp.report`).

Files are found the way ``pm-lint`` finds them (each file's configuration decides what is
included, and supplies the template and rule pack its record is read with). A progress bar
goes to standard error when it is a terminal and the run has more than a few files; it is
silent otherwise, so a pipe or a CI log gets only the report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from pm_lsp.nlp.pipeline import NLP

FORMATS = ("html", "json", "markdown")
#: fewer files than this finish before a progress bar would be worth drawing
PROGRESS_MIN_FILES = 8


class ReportUsageError(Exception):
    pass


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pm-lint report",
        description="Review many postmortems at once: incidents per quarter and severity, "
        "time to detect/mitigate/resolve, recurring causes, action items and process.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="postmortem files or folders")
    p.add_argument("--since", type=_date, metavar="DATE", help="first incident date included")
    p.add_argument("--until", type=_date, metavar="DATE", help="last incident date included")
    p.add_argument("--format", choices=FORMATS, default="html", help="output format")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the day overdue items and stale drafts are counted from (default: today)",
    )
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="N processes")
    p.add_argument("--config", type=Path, metavar="FILE", help="use this configuration")
    p.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    p.add_argument("--template", help="template name or path (overrides config)")
    return p


def main(
    argv: Sequence[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    nlp: NLP | None = None,
) -> int:
    """Run ``pm-lint report``; exit 0 on success, 2 on a usage or configuration error.
    ``nlp``: a loaded pipeline to reuse in this process (tests)."""
    from pm_lsp.policy.config import ConfigError

    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(list(argv))
    try:
        text = run(args, err, nlp)
    except (ConfigError, ReportUsageError) as exc:
        err.write(f"pm-lint report: error: {exc}\n")
        return 2
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        out.write(text)
    return 0


def run(args: argparse.Namespace, err: TextIO, nlp: NLP | None = None) -> str:
    """The report's text for parsed arguments."""
    from pm_lsp.policy.config import validate
    from pm_lsp.report.aggregate import Options, aggregate
    from pm_lsp.report.collect import Source, records

    if args.jobs < 1:
        raise ReportUsageError("--jobs must be at least 1")
    if args.since and args.until and args.since > args.until:
        raise ReportUsageError("--since is after --until")
    if args.format == "html":
        _need_charts()
    raw: dict[str, object] = {"template": args.template} if args.template else {}
    source = Source(validate(raw, "command line", Path.cwd()), args.config, args.isolated)
    tasks = _tasks(args.paths, source)
    with _Progress(len(tasks), err) as bar:
        recs = records(tasks, source, args.jobs, on_record=lambda _r: bar.advance(), nlp=nlp)
    pack = source.resolver().for_path(Path.cwd() / "_").pack.family("report")
    opts = Options(
        as_of=args.as_of or dt.date.today(),
        since=args.since,
        until=args.until,
        min_documents=int(pack.get("min-documents", 2)),
        top=int(pack.get("top", 15)),
    )
    data = aggregate(recs, opts)
    return _render(data, args)


def _render(data: dict[str, Any], args: argparse.Namespace) -> str:
    if args.format == "json":
        import json

        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.format == "markdown":
        from pm_lsp.report.render_md import render_markdown

        return render_markdown(data)
    from pm_lsp.report.render_html import render_html

    base = args.output.resolve().parent if args.output is not None else Path.cwd()
    return render_html(data, link_base=base)


def _need_charts() -> None:
    from pm_lsp.report.charts import charts_available

    if not charts_available():
        raise ReportUsageError(
            "the HTML report draws its charts with pygal, which is not installed: "
            "pip install 'pm-lsp[report]' (or use --format json or markdown)"
        )


def _tasks(paths: Sequence[str], source: Any) -> list[tuple[Path, str]]:
    """Every file to read, with the name the report shows (relative to the working folder
    when below it)."""
    from pm_lsp.files import discover

    resolver = source.resolver()
    tasks: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            tasks.extend((f, _display(f)) for f in discover(p, resolver.for_path))
        elif p.exists():
            tasks.append((p, _display(p)))
        else:
            raise ReportUsageError(f"{raw}: no such file or directory")
    return tasks


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class _Progress:
    """A rich progress bar on ``err`` when it is a terminal and there are enough files;
    otherwise nothing at all."""

    def __init__(self, total: int, err: TextIO) -> None:
        self._bar: Any = None
        self._task: Any = None
        if total >= PROGRESS_MIN_FILES and hasattr(err, "isatty") and err.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(file=err), transient=True)
            self._task = self._bar.add_task("Reading postmortems", total=total)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)
