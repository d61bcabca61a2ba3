"""The pm-lint command, run as a real subprocess on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pm_lsp.nlp.pipeline import NLP

ROOT = Path(__file__).resolve().parent.parent

EXAMPLES = ROOT / "examples"


def pm_lint(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=300,
        check=False,
    )


def text(p: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    return p.stdout.decode(), p.stderr.decode()


def test_version_names_model_and_does_not_import_spacy() -> None:
    code = (
        "import sys; from pm_lsp.cli.command import main; rc = main(['--version']); "
        "assert 'spacy' not in sys.modules, 'spaCy imported'; sys.exit(rc)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("pm-lint 0.")
    assert "en_core_web_sm" in p.stdout


def test_explain_and_list_rules_do_not_import_spacy() -> None:
    code = (
        "import sys, io; from pm_lsp.cli.command import main; "
        "assert main(['--explain', 'PM201']) == 0; assert main(['--list-rules']) == 0; "
        "assert 'spacy' not in sys.modules, 'spaCy imported'"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert p.returncode == 0, p.stderr
    assert "## Why" in p.stdout and "Flagged:" in p.stdout and "Better:" in p.stdout
    assert "PM201  missing-section" in p.stdout


def test_every_rule_can_be_explained(capsys: pytest.CaptureFixture[str]) -> None:
    """The command's own entry point in this process, once per rule (the process boundary
    of --explain is the test above: one subprocess each would only add start-up time)."""
    from pm_lsp.cli.command import main
    from pm_lsp.rules.registry import all_rules

    for r in all_rules():
        code = main(["--explain", r.code])
        out = capsys.readouterr().out
        assert code == 0
        assert r.spec.rationale[:40] in out
        assert "Flagged:" in out and "Better:" in out


def test_unknown_rule_explain_is_usage_error() -> None:
    p = pm_lint("--explain", "PM999")
    assert p.returncode == 2
    assert "unknown rule" in text(p)[1]


def test_good_example_is_clean_and_bad_example_fails() -> None:
    good = pm_lint("examples/good-postmortem.md")
    assert good.returncode == 0, text(good)[0]
    bad = pm_lint("examples/bad-postmortem.md")
    assert bad.returncode == 1
    out, _ = text(bad)
    assert "examples/bad-postmortem.md:" in out
    assert "PM202" in out and "PM204" in out


def test_json_output_contract(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    # An emoji and CJK before the flagged value: columns count code points, 1-based.
    doc.write_text(
        "# 🔥 東京 outage\n\n**Date**: 2025-03-14\n**Status**: 完了 done\n", encoding="utf-8"
    )
    p = pm_lint("--format", "json", "--template", "standard", "--select", "PM204", str(doc))
    out, _ = text(p)
    data = json.loads(out)
    assert set(data) >= {"version", "files", "summary"}
    (f,) = data["files"]
    (d,) = f["diagnostics"]
    assert set(d) == {"code", "name", "category", "severity", "message", "start", "end", "fix"}
    assert d["code"] == "PM204" and d["name"] == "invalid-metadata"
    assert d["start"] == {"line": 4, "column": len("**Status**: ") + 1}
    assert d["end"] == {"line": 4, "column": len("**Status**: 完了 done") + 1}
    assert data["summary"]["diagnostics"] == 1 and data["summary"]["warning"] == 1


def test_json_lines_format(tmp_path: Path) -> None:
    """One object per diagnostic per line, each the json format's object plus its path;
    the same findings as --format json, in the same order."""
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("# A 🔥\n\n## Summary\n\n## Impact\n", encoding="utf-8")
    b.write_text("# B\n\n## Timeline\n", encoding="utf-8")
    lines = text(pm_lint("--format", "json-lines", "--select", "PM202", ".", cwd=tmp_path))[0]
    rows = [json.loads(line) for line in lines.splitlines()]
    whole = json.loads(text(pm_lint("--format", "json", "--select", "PM202", ".", cwd=tmp_path))[0])
    expected = [{"path": f["path"], **d} for f in whole["files"] for d in f["diagnostics"]]
    assert rows == expected and len(rows) == 3
    assert [(r["path"], r["start"]["line"]) for r in rows] == [
        ("a.md", 3),
        ("a.md", 5),
        ("b.md", 3),
    ]
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "c.md").write_text("# C\n\n## Summary\n\nAll good.\n", encoding="utf-8")
    assert text(pm_lint("--format", "json-lines", "--select", "PM202", str(clean)))[0] == ""


def test_github_format(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# Outage\n\n## Summary\n", encoding="utf-8")
    p = pm_lint("--format", "github", "--select", "PM202", str(doc), cwd=tmp_path)
    out, _ = text(p)
    assert out.strip() == (
        "::warning file=pm.md,line=3,col=4,endLine=3,endColumn=11,title=PM202::"
        "Section 'Summary' is empty"
    )


def test_sarif_format_has_rule_metadata(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# Outage\n\n## Summary\n", encoding="utf-8")
    p = pm_lint("--format", "sarif", "--select", "PM202", str(doc), cwd=tmp_path)
    sarif = json.loads(text(p)[0])
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["PM202"]["help"]["text"] and rules["PM202"]["fullDescription"]["text"]
    (res,) = run["results"]
    assert res["ruleId"] == "PM202" and res["level"] == "warning"
    assert res["message"]["text"] == "Section 'Summary' is empty"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 11}
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "PM202"


def test_junit_and_gitlab_formats(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    doc = tmp_path / "pm.md"
    doc.write_text("# Outage\n\n## Summary\n\n## Impact\n", encoding="utf-8")
    p = pm_lint("--format", "junit", "--select", "PM202", str(doc), cwd=tmp_path)
    root = ET.fromstring(text(p)[0])
    assert root.attrib["failures"] == "2"
    assert len(root.findall(".//failure")) == 2
    p = pm_lint("--format", "gitlab", "--select", "PM202", str(doc), cwd=tmp_path)
    issues = json.loads(text(p)[0])
    assert [i["location"]["lines"]["begin"] for i in issues] == [3, 5]
    assert len({i["fingerprint"] for i in issues}) == 2
    assert all(i["severity"] == "major" for i in issues)


def test_text_format_underlines_span(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# Outage\n\n**Status**: done-ish\n", encoding="utf-8")
    p = pm_lint("--select", "PM204", str(doc), cwd=tmp_path)
    out, _ = text(p)
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("pm.md:3:13: PM204"))
    src, marks = lines[i + 1], lines[i + 2]
    assert src.endswith("**Status**: done-ish")
    assert marks.index("^") == src.index("done-ish")
    assert marks.count("^") == len("done-ish")
    assert "\x1b[" not in out  # plain when piped


def test_text_format_shows_a_window_of_a_very_long_line(tmp_path: Path) -> None:
    """A finding in a line of many thousands of characters prints the span with some
    context, cut with ellipses and underlined where it stands, not the whole line."""
    filler = "The queue drained slowly that night. " * 200
    doc = tmp_path / "pm.md"
    doc.write_text(
        f"# Outage\n\n## Contributing factors\n\n{filler}Kim broke search. {filler}\n",
        encoding="utf-8",
    )
    p = pm_lint("--select", "PM101", str(doc), cwd=tmp_path)
    out, _ = text(p)
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if ": PM101 " in line)
    src, marks = lines[i + 1], lines[i + 2]
    assert len(out) < 2_000
    assert src.split(" | ", 1)[1].startswith("…") and src.endswith("…")
    assert src[marks.index("^") :].startswith("Kim broke")


def test_text_format_underlines_every_line_of_a_wrapped_span(tmp_path: Path) -> None:
    """A finding that a paragraph's wrap splits over two lines is underlined on both (a
    blind tester read a caret on the first line only as a span cut short); the second
    line's indentation is not underlined."""
    doc = tmp_path / "pm.md"
    doc.write_text(
        "# Outage\n\n## Impact\n\n- Card payments were refused for\n  a while that evening.\n",
        encoding="utf-8",
    )
    p = pm_lint("--select", "PM401", str(doc), cwd=tmp_path)
    out, _ = text(p)
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("pm.md:5:") and "PM401" in line)
    first, first_marks, second, second_marks = lines[i + 1 : i + 5]
    assert first.endswith("refused for") and second.endswith("a while that evening.")
    assert first[first_marks.index("^") :] == "for" and first_marks.count("^") == 3
    assert second[second_marks.index("^") :].startswith("a while")
    assert second_marks.count("^") == len("a while")


def test_stdin_with_filename_uses_that_files_config(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text('select = ["PM202"]\n')
    p = pm_lint(
        "-",
        "--stdin-filename",
        str(tmp_path / "x.md"),
        "--format",
        "json",
        stdin=b"# T\n\n## Summary\n",
    )
    data = json.loads(text(p)[0])
    assert data["files"][0]["path"] == str(tmp_path / "x.md")
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["PM202"]
    assert p.returncode == 1


def test_directory_walk_respects_exclude(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text('select = ["PM202"]\nextend-exclude = ["drafts"]\n')
    (tmp_path / "a.md").write_text("# A\n\n## Impact\n")
    (tmp_path / "notes.txt").write_text("# not markdown\n\n## Empty\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.md").write_text("# B\n\n## Impact\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.markdown").write_text("# C\n\n## Impact\n")
    p = pm_lint("--format", "json", ".", cwd=tmp_path)
    paths = [f["path"] for f in json.loads(text(p)[0])["files"]]
    assert paths == ["a.md", "sub/c.markdown"]


def test_fix_writes_atomically_and_keeps_crlf(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    original = b"# T\r\n\r\n## Impact\r\n\r\n## Detection\r\nAlert paged at 10:00.\r\n"
    doc.write_bytes(original)
    p = pm_lint("--fix", "--unsafe-fixes", "--select", "PM202", str(doc), cwd=tmp_path)
    new = doc.read_bytes()
    assert new != original
    assert b"\n" not in new.replace(b"\r\n", b"")  # every line break is still CRLF
    assert new.startswith(b"# T\r\n\r\n## Impact")
    assert new.endswith(b"## Detection\r\nAlert paged at 10:00.\r\n")
    assert [f.name for f in tmp_path.iterdir()] == ["pm.md"]  # no temp file left behind
    assert p.returncode == 1  # the skeleton is placeholder text, still flagged
    assert "holds only placeholder text" in text(p)[0]


def test_diff_writes_nothing(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# T\n\n## Impact\n")
    before = doc.read_bytes()
    p = pm_lint("--diff", "--unsafe-fixes", "--select", "PM202", str(doc), cwd=tmp_path)
    out, _ = text(p)
    assert p.returncode == 1
    assert out.startswith("--- a/pm.md\n+++ b/pm.md\n")
    assert doc.read_bytes() == before


def test_bad_inputs_are_skipped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "bin.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (tmp_path / ".pm-lint.toml").write_text('max-file-size = 1000\nselect = ["PM0", "PM202"]\n')
    (tmp_path / "huge.md").write_text("# Big\n\n" + "word " * 400)
    (tmp_path / "ok.md").write_text("# Fine\n\n## Impact\n")
    p = pm_lint("--format", "json", ".", cwd=tmp_path)
    data = json.loads(text(p)[0])
    by_path = {f["path"]: f["diagnostics"] for f in data["files"]}
    assert [d["code"] for d in by_path["bin.md"]] == ["PM002"]
    assert "binary" in by_path["bin.md"][0]["message"]
    assert "UTF-8" in by_path["latin1.md"][0]["message"]
    assert "over the" in by_path["huge.md"][0]["message"]
    assert [d["code"] for d in by_path["ok.md"]] == ["PM202"]
    assert p.returncode == 1


def test_missing_path_is_exit_2() -> None:
    p = pm_lint("does/not/exist.md")
    assert p.returncode == 2
    assert "no such file" in text(p)[1]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('selct = ["PM1"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ('select = "PM1"\n', "'select' must be a list"),
        ('select = ["XY1"]\n', "'select' has 'XY1'"),
        ('template = "nonexistent"\n', "unknown template 'nonexistent'"),
        ("select = [\n", "not valid TOML"),
        ("[rules.PM201]\nmax-words = 3\n", "'rules.PM201.max-words' is not an option of PM201"),
        ('rule-packs = ["missing.toml"]\n', "'rule-packs' entry 'missing.toml': no such file"),
        ('max-file-size = "lots"\n', "'max-file-size' must be"),
    ],
)
def test_config_errors_are_one_clear_message(tmp_path: Path, config: str, expected: str) -> None:
    (tmp_path / ".pm-lint.toml").write_text(config)
    (tmp_path / "pm.md").write_text("# T\n")
    p = pm_lint("pm.md", cwd=tmp_path)
    out, err = text(p)
    assert p.returncode == 2
    assert expected in err
    assert str(tmp_path / ".pm-lint.toml") in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert out == ""


def test_config_error_does_not_import_spacy(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text("bogus = 1\n")
    (tmp_path / "pm.md").write_text("# T\n")
    code = (
        "import sys; from pm_lsp.cli.command import main; rc = main(['pm.md']); "
        "assert 'spacy' not in sys.modules; sys.exit(rc)"
    )
    p = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert p.returncode == 2, p.stderr
    assert "unknown key 'bogus'" in p.stderr


def test_fail_on_and_exit_zero(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text('select = ["PM202"]\n[severity]\nPM202 = "info"\n')
    (tmp_path / "pm.md").write_text("# T\n\n## Impact\n")
    assert pm_lint("pm.md", cwd=tmp_path).returncode == 0
    assert pm_lint("--fail-on", "info", "pm.md", cwd=tmp_path).returncode == 1
    assert pm_lint("--fail-on", "info", "--exit-zero", "pm.md", cwd=tmp_path).returncode == 0


def test_new_scaffold_is_flagged_until_filled(tmp_path: Path) -> None:
    p = pm_lint("new", "Checkout latency", "--severity", "SEV2", "--date", "2025-03-14")
    scaffold, _ = text(p)
    assert p.returncode == 0
    assert scaffold.startswith("# Checkout latency\n")
    assert "**Severity**: SEV2" in scaffold and "**Date**: 2025-03-14" in scaffold
    doc = tmp_path / "new.md"
    doc.write_text(scaffold)
    p = pm_lint("--format", "json", "--select", "PM2", str(doc), cwd=tmp_path)
    codes = {d["code"] for d in json.loads(text(p)[0])["files"][0]["diagnostics"]}
    assert {"PM202", "PM203"} <= codes  # placeholders flagged
    assert "PM201" not in codes  # but every section is there


def test_jobs_gives_same_result_as_serial(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.md").write_text(f"# T{i}\n\n## Impact\n")
    serial = json.loads(text(pm_lint("--format", "json", "--select", "PM2", ".", cwd=tmp_path))[0])
    parallel = json.loads(
        text(pm_lint("--format", "json", "--select", "PM2", "-j", "2", ".", cwd=tmp_path))[0]
    )
    assert serial["files"] == parallel["files"]


def test_jobs_with_every_rule_matches_serial(tmp_path: Path) -> None:
    """Worker processes receive the config (and its rule pack) pickled; all rules run there."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    for name in ("bad-postmortem.md", "good-postmortem.md"):
        (tmp_path / name).write_bytes((examples / name).read_bytes())
    serial = json.loads(text(pm_lint("--format", "json", "--exit-zero", ".", cwd=tmp_path))[0])
    parallel = json.loads(
        text(pm_lint("--format", "json", "--exit-zero", "-j", "2", ".", cwd=tmp_path))[0]
    )
    assert serial["files"] == parallel["files"] and serial["summary"]["diagnostics"] > 10


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`pm-lint ... | head -1`: the reader leaves early; no BrokenPipeError traceback."""
    import subprocess
    import sys

    script = "import sys; from pm_lsp.cli.command import main; sys.exit(main(['--list-rules']))"
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader leaves after one line
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err


def test_no_cache_gives_the_same_findings(tmp_path: Path) -> None:
    """--no-cache empties the parse and rule caches before each lint; the output is the same.

    Several files share sentences, so the default run serves some of them from the caches
    that --no-cache empties."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    for i, name in enumerate(["bad-postmortem.md", "good-postmortem.md", "bad-postmortem.md"]):
        (tmp_path / f"{i}-{name}").write_bytes((examples / name).read_bytes())

    def run(*extra: str) -> object:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pm_lsp.cli",
                "--format",
                "json",
                "--exit-zero",
                *extra,
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(proc.stdout)

    cached, fresh = run(), run("--no-cache")
    assert cached == fresh
    assert isinstance(cached, dict) and cached["summary"]["diagnostics"] > 10


def test_no_cache_parses_again_on_every_lint(tmp_path: Path, nlp: NLP) -> None:
    """Without --no-cache the second of two identical files is served from the caches;
    with it, every lint (a plain lint, not only --fix/--diff) starts from empty caches and
    parses the same sentences again. Runs the command's own per-file lint in this process,
    on a pipeline sharing the session's loaded model, to read its parse counter."""
    from pm_lsp.cli.command import _lint_one, _overrides, _targets, build_parser
    from pm_lsp.diskcache import CacheSet
    from pm_lsp.policy.config import ConfigResolver

    for name in ("a.md", "b.md"):
        (tmp_path / name).write_bytes((EXAMPLES / "bad-postmortem.md").read_bytes())

    def parses_per_file(*flags: str) -> list[int]:
        args = build_parser().parse_args([*flags, str(tmp_path / "a.md"), str(tmp_path / "b.md")])
        resolver = ConfigResolver(_overrides(args), args.config, args.isolated)
        targets = _targets(args, resolver)
        fresh = nlp.sibling()  # the loaded model, empty caches
        nlps = {resolver.for_path(t.path).model: fresh for t in targets}
        counts = []
        for t in targets:
            before = fresh.parsed_texts
            caches = CacheSet(tmp_path / "cache", enabled=not args.no_cache)
            assert _lint_one(t, args, resolver, nlps, caches).diagnostics
            counts.append(fresh.parsed_texts - before)
        return counts

    cached = parses_per_file()
    assert cached[0] > 10 and cached[1] == 0
    assert parses_per_file("--no-cache") == [cached[0], cached[0]]


def test_internal_error_exits_2_not_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1 means "findings" to a CI gate; a crash must never look like that."""
    import pm_lsp.cli.command as cli

    def broken(*_: object) -> int:
        raise TypeError("cannot pickle '_thread.RLock' object")

    monkeypatch.setattr(cli, "run", broken)
    assert cli.main(["examples"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pm-lint: internal error: TypeError: cannot pickle")


def test_text_format_shows_findings_on_one_span_under_one_source_line(tmp_path: Path) -> None:
    """An action item with several gaps keeps a ``path:line:col:`` line per finding but
    one underlined source and its fixes named by code; the count is still per finding."""
    doc = tmp_path / "pm.md"
    doc.write_text(
        "# Outage\n\n## Action items\n\n- Look into the paging setup\n"
        "- Add a 2% error-rate alert (owner: @kim, due 2031-05-01, P1, OPS-7)\n",
        encoding="utf-8",
    )
    p = pm_lint("--select", "PM302,PM303,PM305", str(doc), cwd=tmp_path)
    out, _ = text(p)
    lines = out.splitlines()
    heads = [n for n, line in enumerate(lines) if line.startswith("pm.md:5:3: PM30")]
    assert [lines[n].split()[1] for n in heads] == ["PM302", "PM303", "PM305"]
    assert heads == list(range(heads[0], heads[0] + 3))  # together, not one block each
    src, marks = lines[heads[-1] + 1], lines[heads[-1] + 2]
    assert src.endswith("- Look into the paging setup") and marks.count("^") > 10
    assert out.count("Look into the paging setup") == 1
    fixes = [line.strip() for line in lines if line.strip().startswith("= unsafe fix")]
    assert [f.split(":")[0] for f in fixes] == [
        "= unsafe fix (PM302)",
        "= unsafe fix (PM303)",
        "= unsafe fix (PM305)",
    ]
    assert "Found 3 problems in 1 file" in out
