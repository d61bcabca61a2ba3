"""``pm-lint --add-noqa``: baseline today's findings so that only new ones fail a build.

Every test runs the real command (``cli.main`` in-process, real spaCy, real files in a
temporary directory) and then checks what a team adopting pm-lint relies on: a re-lint
reports nothing at the baselined level, no suppression is unused (PM001), a second run
changes nothing, the inserted text is the only change (removing it gives back the original
bytes), and the Markdown still renders as the same blocks.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from pm_lsp.cli.command import main
from pm_lsp.nlp.pipeline import NLP

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "examples" / "bad-postmortem.md"
#: PM401 (vague impact) is a warning in an Impact section, information elsewhere
IMPACT = "# Outage\n\n## Impact\n\n"

_MD = MarkdownIt("commonmark").enable("table")
_PM_COMMENT = re.compile(r"<!-- pm-lint-[a-z-]+ [A-Z0-9 ]+ -->")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    # the standard template chosen, as a team baselining its files has: its missing
    # sections and metadata are warnings (in adoption mode most are information)
    template = () if "--template" in args else ("--template", "standard")
    rc = main(["--isolated", *template, *args])
    out, err = capsys.readouterr()
    return rc, out, err


def findings(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> list[dict[str, str]]:
    """Every diagnostic (any severity) a plain lint of ``path`` reports."""
    rc, out, err = run(capsys, "--format", "json", "--exit-zero", *args, str(path))
    assert rc == 0, err
    return [d for f in json.loads(out)["files"] for d in f["diagnostics"]]


def rendered(text: str) -> str:
    """The HTML a renderer makes, pm-lint comments and whitespace around tags removed."""
    html = _MD.render(text.removeprefix("\ufeff"))
    html = _PM_COMMENT.sub("", html)
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", " ".join(html.split()))


def only_insertions(old: bytes, new: bytes) -> list[bytes]:
    """The inserted chunks, asserting that nothing of ``old`` was changed or removed."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    inserted = []
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        assert op in ("equal", "insert"), (op, old[a1:a2], new[b1:b2])
        if op == "insert":
            inserted.append(new[b1:b2])
    return inserted


def baseline(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    """Run --add-noqa on ``path`` and check every property a baseline must have."""
    before = path.read_bytes()
    rc, out, err = run(capsys, "--add-noqa", *args, str(path))
    assert rc == 0 and out == "", err
    assert re.fullmatch(r"Added \d+ suppressions? in [01] files?\n", err.splitlines(True)[-1])
    after = path.read_bytes()
    # a re-lint is clean at the baselined level, and no suppression is unused
    left = findings(capsys, path, *args)
    assert [d for d in left if d["severity"] in ("warning", "error")] == []
    assert [d for d in left if d["code"] == "PM001"] == []
    rc, _, err = run(capsys, *args, str(path))
    assert rc == 0, err
    # a second run is a no-op
    rc, _, err = run(capsys, "--add-noqa", *args, str(path))
    assert rc == 0 and err.startswith("Added 0 suppressions in 0 files"), err
    assert path.read_bytes() == after
    # only whole insertions; without them the file is the original, byte for byte
    only_insertions(before, after)
    # and the document still renders as the same blocks
    assert rendered(after.decode("utf-8")) == rendered(before.decode("utf-8"))
    return after.decode("utf-8")


def strip_new_comment_lines(text: str) -> str:
    """Remove whole lines that are only a pm-lint comment (quote markers allowed)."""
    return re.sub(r"(?m)^[ \t>]*<!-- pm-lint-[a-z-]+ [A-Z0-9 ]+ -->(\r\n|\r|\n)", "", text)


def test_bad_example_is_baselined(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "bad.md"
    shutil.copy(BAD, doc)
    assert len([d for d in findings(capsys, doc) if d["severity"] == "warning"]) > 20
    new = baseline(capsys, doc)
    assert strip_new_comment_lines(new).encode() == BAD.read_bytes()
    lines = new.splitlines()
    # the missing metadata is the document's, not a line's (its one missing section,
    # Lessons Learned, is told in passing: information, not baselined)
    assert lines[0] == "<!-- pm-lint-disable-file PM203 -->"
    # one comment per line, every code on it, sorted
    assert "<!-- pm-lint-disable-next-line PM103 PM104 PM107 -->" in lines
    # a finding about the whole action list stands on its heading (completeness.list_anchor)
    heading = lines.index("## Action Items")
    assert lines[heading - 1] == "<!-- pm-lint-disable-next-line PM302 -->"
    # action items: a comment between two list items goes into the previous item, so the
    # list stays one list
    item = lines.index("- Be more careful when changing configs")
    assert lines[item - 1] == "  <!-- pm-lint-disable-next-line PM306 -->"
    # the out-of-order timeline is in a table: one pair around the table
    table = lines.index("| Time | Event |")
    assert lines[table - 1] == "<!-- pm-lint-disable PM502 -->"
    assert lines[table + 6] == "<!-- pm-lint-enable PM502 -->"
    # findings below the floor (info) are left to the editor
    assert {d["code"] for d in findings(capsys, doc)} >= {"PM303", "PM305"}


def test_summary_counts_files_and_suppressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(IMPACT + "Many users saw errors.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("# C\n\nThe cache expired.\n", encoding="utf-8")
    rc, out, err = run(capsys, "--select", "PM401", "--add-noqa", str(tmp_path))
    assert rc == 0 and out == ""
    assert err == "Added 2 suppressions in 2 files\n"
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        IMPACT + "<!-- pm-lint-disable-next-line PM401 -->\nMany users saw errors.\n"
    )
    assert (tmp_path / "clean.md").read_text(encoding="utf-8") == "# C\n\nThe cache expired.\n"


def test_table_with_several_findings_gets_one_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(
        "# Outage\n\n## Action items\n\n"
        "| Action | Owner | Due |\n|---|---|---|\n"
        "| Improve monitoring | ? | 2025-04-01 |\n"
        "| Add an alert on shard count above 12 | @kim | 2025-04-01 |\n"
        "| Look into the deploy process | @lee | 2025-04-01 |\n",
        encoding="utf-8",
    )
    new = baseline(capsys, doc, "--select", "PM3")
    lines = new.splitlines()
    head = lines.index("| Action | Owner | Due |")
    assert lines[head - 1] == "<!-- pm-lint-disable PM301 PM302 -->"
    assert lines[head + 5] == "<!-- pm-lint-enable PM301 PM302 -->"
    assert new.count("pm-lint-") == 2, "one pair, no comment rows inside the table"


def test_list_items_nested_and_wrapped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(
        "# Outage\n\n## Impact\n\n"
        "- Many users saw errors.\n"
        "- Checkout failed for 12% of requests.\n"
        "  - Some customers were charged twice.\n"
        "  - Refunds were issued to 31 customers.\n"
        "  - Many customers were logged out.\n"
        "1. First, 200 requests failed,\n"
        "   then many users retried.\n",
        encoding="utf-8",
    )
    new = baseline(capsys, doc, "--select", "PM401")
    lines = new.splitlines()
    assert lines[lines.index("- Many users saw errors.") - 1] == (
        "<!-- pm-lint-disable-next-line PM401 -->"
    )
    nested = lines.index("  - Some customers were charged twice.")
    assert lines[nested - 1] == "  <!-- pm-lint-disable-next-line PM401 -->"
    last = lines.index("  - Many customers were logged out.")
    assert lines[last - 1] == "    <!-- pm-lint-disable-next-line PM401 -->"
    # a comment line inside a wrapped list paragraph would split it: the list is bracketed
    wrapped = lines.index("1. First, 200 requests failed,")
    assert lines[wrapped + 2] == "<!-- pm-lint-enable PM401 -->"


def test_blockquote_keeps_its_marker_and_stays_one_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Rules read lists inside quotes (plain quoted paragraphs are what someone said, and are
    # not linted), so the finding is in a list item inside a quote.
    doc = tmp_path / "pm.md"
    doc.write_text(
        IMPACT + "> Notes from the call:\n>\n> - Checkout failed for 12% of requests.\n"
        "> - Many users saw errors.\n>\n> Refunds went to 31 customers.\n",
        encoding="utf-8",
    )
    new = baseline(capsys, doc, "--select", "PM401")
    assert ">   <!-- pm-lint-disable-next-line PM401 -->\n> - Many users saw errors.\n" in new
    tokens = [t.type for t in _MD.parse(new)]
    assert tokens.count("blockquote_open") == 1 and tokens.count("bullet_list_open") == 1


def test_quoted_paragraph_comment_keeps_the_marker() -> None:
    """The planner on its own (no rule reports plain quoted prose): a comment above the
    second paragraph of a quote needs the ``>`` or it would end the quote."""
    from pm_lsp.parse.markdown import parse
    from pm_lsp.rules.spec import Diagnostic, Severity
    from pm_lsp.suppression.directives import parse_suppressions
    from pm_lsp.suppression.placement import apply_insertions, plan

    text = "# T\n\n> First paragraph.\n>\n> Second paragraph.\n> Its second line.\n"
    doc = parse(text)

    def at(word: str) -> Diagnostic:
        i = text.index(word)
        return Diagnostic("PM999", "x", "x", Severity.WARNING, "m", i, i + len(word))

    new = apply_insertions(text, plan(doc, [at("Second paragraph"), at("First")]).edits)
    assert new == (
        "# T\n\n<!-- pm-lint-disable-next-line PM999 -->\n> First paragraph.\n>\n"
        "> <!-- pm-lint-disable-next-line PM999 -->\n"
        "> Second paragraph.\n> Its second line.\n"
    )
    assert rendered(new) == rendered(text)
    regions = [s.region for s in parse_suppressions(parse(new))[0]]
    assert [new[a:b] for a, b in regions] == ["> First paragraph.\n", "> Second paragraph.\n"]
    # a continuation line cannot get a comment line (it would split the paragraph): the
    # whole quote is bracketed instead
    new = apply_insertions(text, plan(doc, [at("Its second")]).edits)
    assert new == (
        "# T\n\n<!-- pm-lint-disable PM999 -->\n> First paragraph.\n>\n"
        "> Second paragraph.\n> Its second line.\n<!-- pm-lint-enable PM999 -->\n"
    )
    assert rendered(new) == rendered(text)


def test_crlf_emoji_and_cjk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "pm.md"
    body = (
        "# 🔥 東京 outage\r\n\r\n## Impact\r\n\r\n"
        "- 🔥 東京: many users saw errors.\r\n"
        "- 大阪: some customers were charged twice.\r\n"
    )
    doc.write_bytes(body.encode("utf-8"))
    new = baseline(capsys, doc, "--select", "PM401")
    assert "\n" not in new.replace("\r\n", ""), "every inserted line ends in CRLF"
    assert "<!-- pm-lint-disable-next-line PM401 -->\r\n- 🔥 東京" in new
    assert strip_new_comment_lines(new) == body


def test_bom_and_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "pm.md"
    body = (
        "\ufeff---\ntitle: Outage\nstatus: done-ish\n---\n"
        "# Outage\n\n## Impact\n\nMany users saw errors.\n"
    )
    doc.write_bytes(body.encode("utf-8"))
    new = baseline(capsys, doc, "--select", "PM204,PM401")
    assert new.startswith("\ufeff---\n"), "the BOM stays first"
    # the front-matter finding: a comment line inside YAML would be YAML, so file level
    assert new.startswith(
        "\ufeff---\ntitle: Outage\nstatus: done-ish\n---\n"
        "<!-- pm-lint-disable-file PM204 -->\n# Outage\n"
    )
    assert "<!-- pm-lint-disable-next-line PM401 -->\nMany users" in new


def test_bom_with_a_finding_on_the_first_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "pm.md"
    doc.write_bytes("\ufeffKim forgot to renew the certificate.\n".encode())
    new = baseline(capsys, doc, "--select", "PM103")
    assert new == (
        "\ufeff<!-- pm-lint-disable-next-line PM103 -->\nKim forgot to renew the certificate.\n"
    )


def test_existing_directives_are_extended_not_duplicated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(
        "<!-- pm-lint-disable-file PM201 -->\n# Outage\n\n## Impact\n\n"
        "<!-- pm-lint-disable-next-line PM103 -->\n"
        "Kim forgot to renew the certificate and many users saw errors.\n",
        encoding="utf-8",
    )
    new = baseline(capsys, doc, "--select", "PM1,PM2,PM401")
    assert new.count("pm-lint-disable-next-line") == 1
    assert (
        "<!-- pm-lint-disable-next-line PM103 PM101 PM401 -->" in new
        or "<!-- pm-lint-disable-next-line PM103 PM401 -->" in new
    )
    assert new.count("pm-lint-disable-file") == 1


def test_already_suppressed_file_is_byte_identical_and_not_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "pm.md"
    doc.write_bytes(
        b"# Outage\r\n\r\n## Impact\r\n\r\n"
        b"<!-- pm-lint-disable-next-line PM401 -->\r\n"
        b"Many users saw errors.\r\n"
    )
    before = doc.read_bytes()
    inode = doc.stat().st_ino
    rc, _, err = run(capsys, "--select", "PM401", "--add-noqa", str(doc))
    assert rc == 0 and err == "Added 0 suppressions in 0 files\n"
    assert doc.read_bytes() == before
    assert doc.stat().st_ino == inode, "an atomic write would have replaced the file"


def test_file_level_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# Outage\n\nThe cache expired at 09:00 UTC.\n", encoding="utf-8")
    new = baseline(capsys, doc, "--select", "PM2")
    first, rest = new.split("\n", 1)
    assert re.fullmatch(r"<!-- pm-lint-disable-file PM201 PM203 -->", first)
    assert rest == "# Outage\n\nThe cache expired at 09:00 UTC.\n"


def test_fail_on_sets_the_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "pm.md"
    text = "# Outage\n\n## Action items\n\n- Add an alert on shard count above 12 (@kim)\n"
    doc.write_text(text, encoding="utf-8")
    codes = {d["code"] for d in findings(capsys, doc, "--select", "PM3")}
    assert "PM303" in codes, "an info finding to leave alone"
    rc, _, err = run(capsys, "--select", "PM3", "--add-noqa", str(doc))
    assert rc == 0 and err == "Added 0 suppressions in 0 files\n"
    assert doc.read_text(encoding="utf-8") == text
    new = baseline(capsys, doc, "--select", "PM3", "--fail-on", "info")
    assert "PM303" in new and "PM305" in new


def test_binary_and_oversized_files_are_skipped_with_their_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bin.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "huge.md").write_text("# Big\n\n" + "many users " * 400, encoding="utf-8")
    (tmp_path / "ok.md").write_text(IMPACT + "Many users saw errors.\n", encoding="utf-8")
    (tmp_path / "cfg.toml").write_text('max-file-size = 1000\nselect = ["PM401"]\n')
    bin_before = (tmp_path / "bin.md").read_bytes()
    huge_before = (tmp_path / "huge.md").read_bytes()
    rc = main(["--config", str(tmp_path / "cfg.toml"), "--add-noqa", str(tmp_path)])
    _, err = capsys.readouterr()
    assert rc == 0, err
    assert "bin.md: not changed, file skipped: file looks binary" in err
    assert "huge.md: not changed, file skipped: file is" in err and "over the" in err
    assert err.endswith("Added 1 suppression in 1 file\n")
    assert (tmp_path / "bin.md").read_bytes() == bin_before
    assert (tmp_path / "huge.md").read_bytes() == huge_before
    assert "pm-lint-disable-next-line PM401" in (tmp_path / "ok.md").read_text(encoding="utf-8")


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(IMPACT + "Many users saw errors.\n", encoding="utf-8")
    for extra in (["--fix"], ["--unsafe-fixes"], ["-"]):
        rc, _, err = run(capsys, "--add-noqa", *extra, str(doc))
        assert rc == 2 and "--add-noqa" in err, (extra, err)
    assert doc.read_text(encoding="utf-8") == IMPACT + "Many users saw errors.\n"


def test_diff_shows_the_insertions_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(IMPACT + "Many users saw errors.\n", encoding="utf-8")
    rc, out, err = run(capsys, "--select", "PM401", "--add-noqa", "--diff", str(doc))
    assert rc == 1, "like --diff: 1 when something would change"
    assert "+<!-- pm-lint-disable-next-line PM401 -->\n" in out
    assert err == "Would add 1 suppression in 1 file\n"
    assert doc.read_text(encoding="utf-8") == IMPACT + "Many users saw errors.\n"


def test_editor_action_and_add_noqa_write_the_same_comment(tmp_path: Path) -> None:
    """The code action's placement is the shared module's: one finding, same text."""
    from pm_lsp.fixes import apply_edits
    from pm_lsp.parse.markdown import parse
    from pm_lsp.rules.spec import Diagnostic, Severity
    from pm_lsp.suppression.placement import apply_insertions, disable_for_line, plan

    text = "# T\r\n\r\n- a\r\n  - many users\r\n"
    doc = parse(text)
    start = text.index("many")
    d = Diagnostic("PM401", "vague-impact", "impact", Severity.WARNING, "m", start, start + 10)
    action = disable_for_line(text, doc, d)
    assert action.scope == "line"
    by_action = apply_edits(text, action.edits)
    assert (
        by_action == "# T\r\n\r\n- a\r\n  <!-- pm-lint-disable-next-line PM401 -->\r\n"
        "  - many users\r\n"
    )
    assert apply_insertions(text, plan(doc, [d]).edits) == by_action


# -- idempotent on any input: the corpus, with and without stale directives --------------------

#: directives a document may already hold, stale or not, put above its first paragraph
_STALE = [
    "",
    "<!-- pm-lint-disable-next-line PM001 -->\n",
    "<!-- pm-lint-disable-next-line PM101, PM9 -->\n",
    "<!-- pm-lint-disable-file PM001 -->\n",
    "<!-- pm-lint-disable PM2 -->\n",
]


@pytest.mark.slow
def test_add_noqa_twice_changes_nothing_over_the_corpus(nlp: NLP) -> None:
    """Every second corpus document, alternating through both halves and every
    organisation (and every tenth one with a stale directive of each kind): --add-noqa on
    its own output adds nothing and changes no byte. (The whole corpus took ~22 s of the
    suite for a property of directive placement that half of it shows as well.)"""
    from conftest import CORPUS

    from pm_lsp.engine import LintResult, lint
    from pm_lsp.policy.config import Settings, resolve
    from pm_lsp.rules.spec import Severity
    from pm_lsp.suppression.baseline import add_noqa

    files = sorted(CORPUS.glob("*.md"))[::2]
    if not files:
        pytest.skip("no corpus next to the repository")
    config = resolve([Settings()])

    def run(text: str) -> LintResult:
        return lint(text, config, nlp=nlp)

    failures = []
    for n, path in enumerate(files):
        original = path.read_text(encoding="utf-8")
        for stale in _STALE if n % 5 == 0 else _STALE[:1]:  # n counts the chosen files
            at = original.find("\n\n") + 2 if "\n\n" in original else 0
            text = original[:at] + stale + original[at:]
            first = add_noqa(text, run, Severity.HINT)
            second = add_noqa(first.text, run, Severity.HINT)
            if second.text != first.text or second.added:
                failures.append(f"{path.name} {stale.strip() or '(as is)'}: {second.added}")
    assert failures == []
