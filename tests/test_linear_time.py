"""Linear time on hostile text: a megabyte of each worst input is read in seconds.

Patterns that read the rest of a line (or of the text) from every opener are quadratic: 100 KB
of ``[`` once took minutes to lint, and in the language server that holds the analysis thread
for every document. Each input below is the worst case of some piece of text handling (link and
image openers, comment openers, backtick runs, emphasis runs, field-like lines, blank runs
inside headings, fields and directives, ...). At 1 MB a quadratic step costs hours and a
linear one seconds, so a generous bound on CPU time (not wall time: the suite shares the
machine) checks the algorithm, not the machine.

The parse alone is checked on the full megabyte of every input. The whole lint (every rule
family) is checked on half a megabyte: a quadratic step there still costs a quarter of the
hours, while the rules' linear scans of a full megabyte cost the suite twice the seconds to
tell nothing more. Where the whole lint is over the bound because of a rule family's own
scans (not the parser or the suppression directives), the input is an expected failure
naming the rule and the place. Inputs made of many lines, blocks or sections are checked for
linear growth (ten times the text, not thirty times the time), since even a linear megabyte
of them takes the builder or the rules seconds.

The second half checks that the linear forms of the field, heading, front-matter, directive and
duration patterns match what the lazy patterns they replaced matched, on random short strings.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable

import pytest
from conftest import LintFn
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_lsp.model.positions import lf_equivalent
from pm_lsp.parse import frontmatter, markdown, values
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.suppression import placement
from pm_lsp.suppression.directives import parse_suppressions
from pm_lsp.suppression.placement import count_codes, structure

MB = 1_000_000
#: CPU seconds for 1 MB; a linear step takes a fraction of it, a quadratic one hours
BOUND = 2.0
#: the size of the whole-lint inputs
LINT_SIZE = MB // 2
#: CPU seconds for the whole lint of LINT_SIZE: the rule families' linear scans of the worst
#: inputs take 0.1-1.0 s of it on a quiet machine, and the suite runs in two processes that
#: slow each other's memory access, so the bound leaves 2.5 times that; a quadratic step at
#: this size still costs minutes
LINT_BOUND = 2.5


def _repeat(unit: str, head: str = "") -> Callable[[int], str]:
    def build(size: int) -> str:
        return (head + unit * (size // len(unit) + 1))[:size]

    return build


def _padded(head: str, tail: str) -> Callable[[int], str]:
    """``head``, blanks, ``tail``: one line whose inside is a long run of blanks."""
    return lambda size: head + " " * (size - len(head) - len(tail)) + tail


def _backtick_runs(size: int) -> str:
    """Runs of 1, 2, 3, ... backticks: none has a partner of its length after it."""
    out: list[str] = []
    total, k = 0, 1
    while total < size:
        out.append("`" * k + "a")
        total += k + 1
        k += 1
    return "".join(out)[:size]


def _html_table(size: int) -> str:
    """One HTML table of many rows, closed at the end (an unclosed one is not read)."""
    return (
        _repeat("<tr><td>a &amp; b</td><td>c<br>d</td></tr>\n", "<table>\n")(size - 9)
        + "</table>\n"
    )


WORST: dict[str, Callable[[int], str]] = {
    "brackets": _repeat("["),
    "image openers": _repeat("!["),
    "[x] pairs": _repeat("[x]"),
    "comment openers": _repeat("<!--"),
    "backticks": _repeat("`"),
    "backtick runs": _backtick_runs,
    "stars": _repeat("*"),
    "underscores": _repeat("_"),
    "digits and colons": _repeat("1:"),
    "pipes": _repeat("|"),
    "](": _repeat("]("),
    "link openers [x](": _repeat("[x]("),
    "footnote openers": _repeat("[^"),
    "<a ": _repeat("<a "),
    # HTML tables (pm_lsp/parse/htmltables.py): cell openers that never close their tag,
    # quoted attribute values that never close, tables opened in tables
    "<td runs in a table": _repeat("<td ", "<table>\n"),
    '<th a=" runs': _repeat("<th a=\"<td b='", "<table>\n"),
    "<table> openers": _repeat("<table><tr><td>"),
    "http:// runs": _repeat("http://"),
    "**x**: field-like runs": _repeat("**x**:"),
    "# runs": _repeat("#"),
    "blanks inside a heading": _padded("# a", "#b"),
    "blanks inside a field": _padded("**Owner**: x", "y"),
    "blanks inside a plain field": _padded("Owner: x", "y"),
    "blanks inside a directive": _padded("<!-- pm-lint-disable", "x -->"),
    "blanks inside a front-matter key": _padded("---\nowner", "x\n---\n"),
    "blanks inside a front-matter value": _padded("---\nowner: a", "x\n---\n"),
    "digits in a duration": _repeat("1", "# T\n\n**Duration**: "),
    # a run-on "sentence" of harm words with no "because": the blame prefilter's harm told
    # with "because" (its gap was unbounded: 176 KB took 25 s)
    "harm words, no because": _repeat("the job failed and the outage began then ", "# T\n\n"),
}

#: many lines, blocks or cells: each costs the builder microseconds (markdown-it alone reads
#: about a megabyte of short lines a second), so a megabyte of them takes seconds whatever the
#: patterns do. These are checked for linear growth instead: ten times the text (50 KB, then
#: 500 KB) must not take thirty times the time (a quadratic step takes a hundred times).
MANY: dict[str, Callable[[int], str]] = {
    "table of pipes": _repeat("|", "| a | b |\n|---|---|\n"),
    "HTML table rows": _html_table,
    "field-like lines": _repeat("**x**: y\n"),
    "checklist items": _repeat("- [x] a\n"),
    "headings": _repeat("## a\n"),
    "directives": _repeat("<!-- pm-lint-disable PM101 -->\n<!-- pm-lint-enable -->\n"),
    "fences and comments": _repeat("```\nx\n```\n<!-- a -->\n"),
}

#: many sections, linted whole (the issue's "a document of many Impact sections"): ten times
#: the sections (20 KB, then 200 KB) must not take thirty times the time
SECTIONS = {
    "Impact sections": "## Impact\n\nUsers saw errors.\n\n",
    "Notes sections": "## Notes\n\nThe deploy failed at 10:02.\n\n",
}
#: worst cases of the masking scanners alone: the parse test covers them, the whole lint of
#: each is the same one-sentence megabyte as "brackets"
PARSER_ONLY = {"backtick runs", "link openers [x](", "footnote openers"}


def _lint_cases() -> list[str]:
    """Each worst input whose whole lint is more than its parse. The rule families' own
    scans over such a one-megabyte "sentence" are linear but were many (about thirty
    prefilter and cue searches at 0.1-0.5 us a character each: 2.2-3.3 s); they now read
    the text's words once and skip the searches it cannot satisfy (``nlp/patterns.py``
    ``Gated``, read at once for a text this long), which keeps every case under the bound."""
    return [name for name in WORST if name not in PARSER_ONLY]


_VOCABULARY = resolve([Settings()]).template


def _parse(text: str) -> None:
    """What the linter does before any rule: the document, then its suppression directives."""
    parse_suppressions(parse(text, _VOCABULARY))


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.mark.slow
@pytest.mark.parametrize("name", list(WORST))
def test_parse_of_a_megabyte_is_fast(name: str) -> None:
    text = WORST[name](MB)
    assert len(text) == MB

    spent = _cpu(functools.partial(_parse, text))
    assert spent < BOUND, f"parsing 1 MB of {name!r} took {spent:.1f} s of CPU"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(MANY))
def test_parse_of_many_blocks_grows_linearly(name: str) -> None:
    small, large = MANY[name](MB // 20), MANY[name](MB // 2)
    spent = [_cpu(functools.partial(_parse, t)) for t in (small, large)]
    assert spent[1] < 30 * max(spent[0], 0.05), (
        f"{name!r}: 50 KB {spent[0]:.2f} s, 500 KB {spent[1]:.2f} s"
    )


def test_directive_placement_scans_are_linear() -> None:
    """Placing a directive (the editor's "disable for this line", ``--add-noqa``) compares
    block structures without pm-lint comments and counts the codes directives name."""
    text = _repeat("<!-- pm-lint-disable x ")(MB)
    spent = _cpu(lambda: (count_codes(text), structure(text)))
    assert spent < BOUND, f"{spent:.1f} s"


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["Impact sections", "Notes sections"],
)
def test_lint_of_many_sections_grows_linearly(name: str, lint_text: LintFn) -> None:
    texts = [_repeat(SECTIONS[name], "# T\n\n")(size) for size in (MB // 50, MB // 5)]
    spent = [_cpu(functools.partial(lint_text, t)) for t in texts]
    assert spent[1] < 30 * max(spent[0], 0.05), (
        f"{name!r}: 20 KB {spent[0]:.2f} s, 200 KB {spent[1]:.2f} s"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", _lint_cases())
def test_whole_lint_of_half_a_megabyte_is_fast(name: str, lint_text: LintFn) -> None:
    lint_text("# Warm-up\n\nThe rules compile their patterns on first use.\n")
    text = WORST[name](LINT_SIZE)
    spent = _cpu(lambda: lint_text(text))
    assert spent < LINT_BOUND, f"linting 500 KB of {name!r} took {spent:.1f} s of CPU"


@pytest.mark.slow
def test_every_impact_bound_pattern_reads_a_comma_run_in_linear_time() -> None:
    """The impact pack's bounds and explicit zeros ("no source code, build artifacts or test
    results were lost") on a megabyte of "no a, ": the zero over a list read the comma run
    again from every "no" (24 KB took 5 s). The whole lint of it is linear too, but its
    constant is near the whole-lint bound, so the patterns are timed alone."""
    from pm_lsp.policy.rulepack import builtin_pack

    pack = builtin_pack()
    text = _repeat("no a, ")(MB)
    for pattern in pack.words("impact", "bounds") + pack.words("impact", "zero-statements"):
        rx = re.compile(pattern, re.IGNORECASE)
        spent = _cpu(lambda rx=rx: rx.search(text))
        assert spent < BOUND, f"{pattern[:60]}... took {spent:.1f} s on 1 MB"


# -- the linear patterns match what the lazy ones matched ------------------------------------
# The patterns as they were, kept as the specification (fine on short strings).
_SPEC_BOLD = re.compile(
    r"(?P<pre>^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?)"
    r"(?P<open>\*\*|__)(?P<key>[^*_\n:]{1,60}?)(?P<c1>:?)(?P=open)[ \t]*(?P<c2>:?)[ \t]*"
    r"(?P<value>[^\n\r]*?)[ \t]*\r?$",
    re.MULTILINE,
)
_SPEC_PLAIN = re.compile(
    r"^(?P<pre>[ \t]*(?:[-*+][ \t]+)?(?:[_*](?=[A-Za-z]))?)"  # "_Date:_ ..." in italics
    r"(?P<key>[A-Za-z][A-Za-z /()-]{0,40}?)[ \t]*:[_*]?[ \t]+"
    r"(?P<value>[^\n\r]+?)[ \t]*\r?$",
    re.MULTILINE,
)
_SPEC_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SPEC_FM_KEY = re.compile(r"^([A-Za-z][\w \-]*?)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)
_SPEC_DIRECTIVE = re.compile(
    r"^\s*pm-lint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*$", re.DOTALL
)
_SPEC_DURATION = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)(?![^\W\d_])",
    re.IGNORECASE,
)
_SPEC_JOINER = re.compile(r"[\s,]*(?:and)?[\s,]*")
_SPEC_PM_COMMENT = re.compile(r"<!--\s*pm-lint-[a-z-]+\b[^>]*?-->")
_SPEC_DIRECTIVE_CODES = re.compile(
    r"<!--\s*pm-lint-(disable-next-line|disable-file|disable)\b([^>]*?)-->"
)

SPEC = settings(max_examples=400, derandomize=True, deadline=None, database=None)


def _pieces(alphabet: list[str], most: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=most).map("".join)


def _matches(pattern: re.Pattern[str], s: str) -> list[list[tuple[int, int]]]:
    return [[m.span(g) for g in range(pattern.groups + 1)] for m in pattern.finditer(s)]


#: lines as the builder reads them: lone CRs are already LFs
_FIELDISH = _pieces([*"ab :*_>-+\t\n#x", "\r\n", "**", "__", " \t", "Owner", ": "], 25).map(
    lf_equivalent
)


@SPEC
@given(_FIELDISH)
def test_field_patterns_match_as_before(s: str) -> None:
    assert _matches(markdown._BOLD_FIELD, s) == _matches(_SPEC_BOLD, s)
    assert _matches(markdown._PLAIN_FIELD, s) == _matches(_SPEC_PLAIN, s)
    assert _matches(frontmatter._FM_KEY, s) == _matches(_SPEC_FM_KEY, s)


@SPEC
@given(_pieces([*"# \tab", "##", "\r"], 20))
def test_heading_text_is_found_as_before(line: str) -> None:
    m = _SPEC_ATX.match(line)
    assert markdown._atx_text(line) == (m.span(2) if m else None)


@SPEC
@given(_pieces([*"12.,: hms\n", "and", "min", "hours", "\u0663"], 15))
def test_duration_patterns_match_as_before(s: str) -> None:
    assert _matches(values._DURATION_PART, s) == _matches(_SPEC_DURATION, s)
    assert bool(values._JOINER.fullmatch(s)) == bool(_SPEC_JOINER.fullmatch(s))


_DIRECTIVE_BODY = _pieces(
    ["pm-lint-", "disable", "-next-line", "-file", "enable", " ", "\n", "\t", "PM1", ",", ">", "x"],
    12,
)


@SPEC
@given(_DIRECTIVE_BODY)
def test_directives_are_read_as_before(body: str) -> None:
    sups, problems = parse_suppressions(parse(f"<!--{body}-->\n"))
    m = _SPEC_DIRECTIVE.match(body)
    if m is None:
        assert (sups, problems) == ([], [])
        return
    words = [w.strip(",") for w in m.group(2).split()]
    words = [w for w in words if w and w.lower() != "all"]
    codes = tuple(w.upper() for w in words if re.match(r"^PM\d{0,3}$", w.upper()))
    opened = [] if m.group(1) == "enable" else [(m.group(1), codes)]  # an enable only closes
    assert [(s.kind, s.codes) for s in sups] == opened
    assert len(problems) == len(words) - len(codes)


@SPEC
@given(
    _pieces(["<!--", "-->", " ", "pm-lint-", "disable", "-file", "x", ">", "-", "\n", "PM1"], 14)
)
def test_placement_patterns_match_as_before(s: str) -> None:
    spec_count = sum(len(m.group(2).split()) for m in _SPEC_DIRECTIVE_CODES.finditer(s))
    assert count_codes(s) == spec_count
    found = placement._PM_COMMENT.sub(placement._drop_closed, s)
    assert found == _SPEC_PM_COMMENT.sub(" ", s)


@pytest.mark.parametrize("run", ["-", "'", "’", "- ", "a-", "'a"])
def test_every_blame_prefilter_pattern_reads_a_punctuation_run_in_linear_time(run: str) -> None:
    """Each alternative of the blame prefilter after the words that open it ("failure of",
    "made", "anyone looking") and a long run of dashes or quotes: a pattern whose word
    separator and word both take a dash split the run in a polynomial number of ways (a
    "failure of" followed by 40 dashes did not finish in a minute)."""
    from pm_lsp.policy.rulepack import builtin_pack
    from pm_lsp.rules.blame.lexicon import lexicon

    lex = lexicon(builtin_pack())
    for opener in ("failure of ", "made ", "anyone looking ", "was slow ", "should have "):
        # a short run for the polynomial backtracking (the old pattern took 2.6 s on 27
        # dashes and a minute on 30), a long one for the quadratic scans
        for text in (opener + run * (30 // len(run)), opener + run * 4_000):
            for alternative in lex.prefilter:
                for rx in alternative:
                    spent = _cpu(lambda rx=rx, text=text: rx.search(text))
                    assert spent < BOUND, f"{rx.pattern[:60]}... took {spent:.1f} s"
