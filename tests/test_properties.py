"""Property tests: random Markdown and Unicode never crash the pipeline, spans stay exact.

Documents are drawn from a small Markdown grammar (headings, setext headings, lists with
checkboxes and nesting, tables, fences, indented code, quotes, comments and suppression
directives, front matter, metadata lines, inline markup, URLs) over words that include
astral-plane emoji, ZWJ sequences, CJK and tabs, joined with LF, CRLF or CR; plus arbitrary
Unicode. Hypothesis runs derandomized with a bounded number of examples, so the file is
deterministic and takes seconds, not minutes.
"""

from __future__ import annotations

from hostile import DIRECTIVES, EXOTIC, FIELDS, HEADINGS, SENTENCES, VALUES
from hostile import WORDS as PLAIN_WORDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pm_lsp.engine import lint
from pm_lsp.fixes import apply_edits
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.model.positions import LineIndex
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.parse.masking import mask_inline
from pm_lsp.policy.config import Config, Settings, resolve, validate
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.spec import Diagnostic, Edit, Fix, Severity

FAST = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

# -- the grammar ---------------------------------------------------------------------------


#: the shared hostile vocabulary (tests/hostile.py): plain words and other scripts
WORDS = [*PLAIN_WORDS, *EXOTIC]

word = st.sampled_from(WORDS)


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = draw(st.lists(word, min_size=1, max_size=8))
    out: list[str] = []
    for p in parts:
        style = draw(st.integers(0, 9))
        if style == 1:
            p = f"**{p}**"
        elif style == 2:
            p = f"*{p}*"
        elif style == 3:
            p = f"`{p}`"
        elif style == 4:
            p = f"[{p}](https://example.com/{draw(st.sampled_from(['a', 'b_(c)', '東']))})"
        elif style == 5:
            p = f"<!-- {p} -->"
        elif style == 6:
            p = f"https://example.org/{p}"
        elif style == 7:
            p = f"~~{p}~~"
        out.append(p)
    return " ".join(out)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 15))
    if kind == 0:
        level = draw(st.integers(1, 6))
        title = draw(st.one_of(st.sampled_from(HEADINGS), inline()))
        return f"{'#' * level} {title}"
    if kind == 1:
        return f"{draw(st.sampled_from(HEADINGS))}\n{draw(st.sampled_from(['===', '---']))}"
    if kind == 2:
        items = draw(
            st.lists(st.one_of(inline(), st.sampled_from(SENTENCES)), min_size=1, max_size=4)
        )
        marker = draw(st.sampled_from(["-", "*", "1.", "2)", "- [ ]", "- [x]"]))
        lines = []
        for n, it in enumerate(items):
            indent = "  " * draw(st.integers(0, 2)) if n else ""
            lines.append(f"{indent}{marker} {it}")
        return "\n".join(lines)
    if kind == 3:
        cols = draw(st.integers(1, 4))
        header = "| " + " | ".join(draw(word) for _ in range(cols)) + " |"
        sep = "|" + "|".join("---" for _ in range(cols)) + "|"
        rows = [
            "| " + " | ".join(draw(inline()) for _ in range(cols)) + " |"
            for _ in range(draw(st.integers(0, 3)))
        ]
        return "\n".join([header, sep, *rows])
    if kind == 4:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        body = draw(st.lists(inline(), max_size=3))
        closed = draw(st.booleans())
        return "\n".join(
            [fence + draw(st.sampled_from(["", "text", "yaml"])), *body]
            + ([fence] if closed else [])
        )
    if kind == 5:
        return "    " + draw(inline())
    if kind == 6:
        return "> " + draw(inline()) + draw(st.sampled_from(["", "\n> more", "\n>\n> - item"]))
    if kind == 7:
        return f"<!-- {draw(st.sampled_from(DIRECTIVES))} -->"
    if kind == 8:
        key = draw(st.sampled_from(FIELDS))
        style = draw(
            st.sampled_from(["**{k}**: {v}", "**{k}:** {v}", "{k}: {v}", "- **{k}**: {v}"])
        )
        return style.format(k=key, v=draw(st.sampled_from(VALUES)))
    if kind == 9:
        return "<details>\n" + draw(inline()) + "\n</details>"
    if kind == 10:
        return "[ref]: https://example.net/" + draw(st.sampled_from(["x", "東京"]))
    if kind == 11:
        return draw(st.sampled_from(["", " ", "\t", "***", "- ", ">"]))
    if kind == 12:
        return draw(inline())
    if kind == 13:  # a section the language rules look into, with list items
        heading = draw(st.sampled_from(["Timeline", "Action Items", "Impact", "Root Cause"]))
        times = ["09:58", "10:04 UTC", "23:55", "00:10", "2025-03-14 10:00 UTC"]
        items = draw(
            st.lists(
                st.tuples(st.sampled_from(times), st.sampled_from(SENTENCES)),
                min_size=1,
                max_size=5,
            )
        )
        with_time = heading == "Timeline"
        lines = [f"- {t} {x}" if with_time else f"- {x}" for t, x in items]
        return f"## {heading}\n\n" + "\n".join(lines)
    if kind == 14:  # a long paragraph, for the readability rules
        return " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=4, max_size=12)))
    return " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))


@st.composite
def markdown(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), max_size=14))
    sep = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    text = sep.join(blocks)
    if draw(st.booleans()):
        fm = draw(
            st.sampled_from(
                [
                    "---\ntitle: T\nstatus: Draft\n---\n",
                    "---\nseverity: [unclosed\n---\n",
                    "---\n- a list\n---\n",
                    "---\nno end\n",
                    "---\ndate: 2025-03-14\n...\n",
                    "---\ndate: 2025-02-30\nn: 1e999999\n---\n",
                ]
            )
        )
        text = fm + text
    text += draw(st.sampled_from(["", "\n", "\n\n"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    if newline != "\n":
        text = text.replace("\n", newline)
    if draw(st.integers(0, 4)) == 0:
        text = "\ufeff" + text
    return text


any_text = st.one_of(
    markdown(),
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("#*_`[]()<>!-|\\>:\r\n \t~=x東🔥"), max_size=200),
)

# -- checks --------------------------------------------------------------------------------


def check_doc(doc: PostmortemDoc) -> None:
    text = doc.text
    n = len(text)
    assert len(doc.masked) == n
    assert [i for i, c in enumerate(doc.masked) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"
    ]
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= n
        assert b.text == doc.masked[b.start : b.end]
    for s in doc.sections:
        assert 0 <= s.heading.start <= s.title_span.start <= s.title_span.end <= s.heading.end
        assert s.heading.end <= s.content.end <= s.body.end <= n
        if s.parent is not None:
            assert s.parent.level < s.level and s in s.parent.children
    starts = [s.heading.start for s in doc.sections]
    assert starts == sorted(starts)
    for t in doc.tables:
        for c in [*t.header, *(c for r in t.rows for c in r)]:
            assert t.start <= c.start <= c.end <= t.end
    for f in doc.metadata:
        assert 0 <= f.key_span.start <= f.key_span.end <= n
        assert 0 <= f.value_span.start <= f.value_span.end <= n
    for c in doc.comments:
        assert text[c.start : c.end].startswith("<!--")
    for r in doc.code_regions:
        # never prose: no block starts inside a code region
        assert not any(r.start <= b.start < r.end for b in doc.blocks if b.end > b.start)


def _config(select: list[str]) -> Config:
    return resolve([Settings(), validate({"select": select}, "test settings", None)])


STRUCTURE = _config(["PM0", "PM2"])
_NO_MODEL = NLP()  # structure and meta rules never load it


def check_diagnostics(text: str, diags: list[Diagnostic]) -> None:
    for d in diags:
        assert 0 <= d.start <= d.end <= len(text)
        assert d.code != "PM003", d.message
        if d.fix is not None:
            check_fix(text, d)


def _utf8(s: str) -> bytes:
    return s.encode("utf-8", "surrogatepass")


def check_fix(text: str, d: Diagnostic) -> None:
    """The fix applies, and the bytes outside its edits are the original bytes."""
    assert d.fix is not None
    edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
    fixed = apply_edits(text, edits)
    expected = b""
    pos = 0
    for e in edits:
        assert pos <= e.start <= e.end <= len(text)
        expected += _utf8(text[pos : e.start]) + _utf8(e.new_text)
        pos = e.end
    expected += _utf8(text[pos:])
    assert _utf8(fixed) == expected


# -- properties ----------------------------------------------------------------------------


@FAST
@given(any_text)
def test_parse_never_crashes_and_spans_are_exact(text: str) -> None:
    check_doc(parse(text, load_template("standard")))


@FAST
@given(any_text, st.sampled_from(["standard", "google-sre", "pagerduty", "atlassian"]))
def test_structure_rules_never_crash(text: str, template: str) -> None:
    config = resolve(
        [
            Settings(),
            validate({"select": ["PM0", "PM2"], "template": template}, "test settings", None),
        ]
    )
    result = lint(text, config, nlp=_NO_MODEL)
    assert result.errors == []
    check_doc(result.doc)
    check_diagnostics(text, result.diagnostics)


@SLOW
@given(markdown())
def test_all_rules_never_crash(nlp: NLP, text: str) -> None:
    result = lint(text, _config(["PM"]), nlp=nlp)
    assert result.errors == []
    check_diagnostics(text, result.diagnostics)


@FAST
@given(st.text(max_size=200), st.data())
def test_offset_line_column_round_trip(text: str, data: st.DataObject) -> None:
    idx = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    previous = (-1, -1)
    for enc in ("utf-32", "utf-16", "utf-8"):
        line, col = idx.position(offset, enc)  # type: ignore[arg-type]
        assert idx.offset(line, col, enc) == offset  # type: ignore[arg-type]
        # the column counts exactly the units between the line start and the offset
        prefix = text[idx.starts[line] : offset]
        size = {
            "utf-32": len(prefix),
            "utf-16": len(prefix.encode("utf-16-le", "surrogatepass")) // 2,
            "utf-8": len(prefix.encode("utf-8", "surrogatepass")),
        }
        assert col == size[enc]
        assert line == previous[0] or previous[0] == -1
        previous = (line, col)
    # positions are monotonic in the offset
    if offset < len(text):
        assert idx.position(offset + 1) >= idx.position(offset)


@FAST
@given(any_text)
def test_masking_preserves_length_and_line_breaks(text: str) -> None:
    masked = mask_inline(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"
    ]
    for a, b in zip(text, masked, strict=True):
        assert b == a or b in " x"


@FAST
@given(st.text(max_size=120), st.data())
def test_apply_edits_keeps_everything_outside_the_edits(text: str, data: st.DataObject) -> None:
    points = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits: list[Edit] = []
    for a, b in zip(points[::2], points[1::2], strict=False):
        if edits and edits[-1].end >= a:  # touching edits are ambiguous; keep them apart
            continue
        edits.append(Edit(a, b, data.draw(st.text(max_size=5))))
    fix = Fix("random edits", tuple(edits), True)
    check_fix(text, Diagnostic("PM000", "x", "x", Severity.WARNING, "m", 0, 0, fix))
