"""Every output format stays valid, and the terminal stays untouched, whatever a document holds.

Messages quote the document (an invalid ``**Date**`` value is quoted back), so each payload
below is written as a Date value and must come back through the real CLI: parsed back by
``json`` or ``xml.etree``, and in the text report shown with controls escaped (``\\x1b``)
while emoji, CJK and right-to-left letters are shown as they are.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_lsp.cli.formats import FileReport, renderers
from pm_lsp.rules.spec import Diagnostic, Severity

#: name -> Date value; none holds a line break (the value must stay on its line)
PAYLOADS = {
    "vt-ff": "a\x0bb\x0cc",
    "ansi": "\x1b[31mred\x1b[0m\x1b]0;title\x07\x1b[2J",
    "c1-del": "x\x7fy\x85z\x9b1m",
    "binaryish": "\x01\x02\x03\x1c\x1d\x1e\x1f\x10\x08\ufffe\uffff\ufffd\ue000",
    "separators": "left\u2028mid\u2029right",
    "emoji": "🔥🚒 👩‍💻",
    "cjk": "障害報告 事后分析",
    "rtl": "مرحبا שלום \u202eevil\u202c",
    "combining": "e\u0301e\u0302\u0338",
}
#: kept exactly in every format, the text report included
PRINTABLE = ("🔥🚒 👩‍💻", "障害報告 事后分析", "مرحبا שלום", "e\u0301e\u0302\u0338")
#: a file name that is not UTF-8: Python carries the byte 0xFF as the lone surrogate U+DCFF
ODD_NAME = b"odd-\xff.md"


def _write_docs(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text('select = ["PM204"]\n')
    for name, value in PAYLOADS.items():
        doc = f"# Incident {name}\n\n**Date**: {value}\n\n## Summary\nText.\n"
        (tmp_path / f"{name}.md").write_text(doc, encoding="utf-8")
    odd = os.path.join(os.fsencode(tmp_path), ODD_NAME)
    with open(odd, "wb") as fh:
        fh.write(b"# Odd\n\n**Date**: \xc3\xa9t\xc3\xa9\n")


def _pm_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FORCE_COLOR": "1", "PYTHONIOENCODING": ""}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )


def _messages_by_file(files: dict[str, list[str]]) -> dict[str, str]:
    out = {}
    for path, messages in files.items():
        assert len(messages) == 1, (path, messages)
        out[path] = messages[0]
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("hostile-output")
    _write_docs(tmp)
    got = {}
    for fmt in ("text", "json", "json-lines", "sarif", "gitlab", "junit", "github"):
        p = _pm_lint("--format", fmt, ".", cwd=tmp)
        assert p.returncode == 1, p.stderr.decode(errors="replace")
        assert b"Traceback" not in p.stderr
        got[fmt] = p.stdout
    return got


def _check_json_messages(by_file: dict[str, str]) -> None:
    for name, value in PAYLOADS.items():
        # JSON carries every code point of a valid document, escaped or not, losslessly
        assert f"Date '{value}'" in by_file[f"{name}.md"], name
    assert by_file["odd-\\xff.md"].startswith("Date 'été'")


def test_json_parses_back_with_every_message_intact(outputs: dict[str, bytes]) -> None:
    data = json.loads(outputs["json"].decode("utf-8"))
    files = {f["path"]: [d["message"] for d in f["diagnostics"]] for f in data["files"]}
    _check_json_messages(_messages_by_file(files))


def test_json_lines_is_one_record_per_line_for_any_line_splitter(outputs: dict[str, bytes]) -> None:
    text = outputs["json-lines"].decode("utf-8")
    lines = text.splitlines()  # splits on \x85, \u2028, \u2029 too: none may be raw
    assert len(lines) == len(PAYLOADS) + 1
    records = [json.loads(line) for line in lines]
    _check_json_messages(_messages_by_file({r["path"]: [r["message"]] for r in records}))


def test_sarif_parses_back(outputs: dict[str, bytes]) -> None:
    data = json.loads(outputs["sarif"].decode("utf-8"))
    files: dict[str, list[str]] = {}
    for r in data["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        files.setdefault(uri, []).append(r["message"]["text"])
    _check_json_messages(_messages_by_file(files))


def test_gitlab_parses_back(outputs: dict[str, bytes]) -> None:
    issues: list[dict[str, Any]] = json.loads(outputs["gitlab"].decode("utf-8"))
    files = {i["location"]["path"]: [i["description"].removeprefix("PM204 ")] for i in issues}
    _check_json_messages(_messages_by_file(files))
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_parses_back_with_controls_escaped(outputs: dict[str, bytes]) -> None:
    root = ET.fromstring(outputs["junit"])
    failures = {case.get("classname", ""): case.find("failure") for case in root.iter("testcase")}
    msgs = {path: f.get("message", "") for path, f in failures.items() if f is not None}
    assert msgs["vt-ff.md"] == "Date 'a\\x0bb\\x0cc' is not a date (use YYYY-MM-DD)"
    assert "\\x1b[31mred" in msgs["ansi.md"]
    assert "\\x01\\x02" in msgs["binaryish.md"] and "\\ufffe\\uffff" in msgs["binaryish.md"]
    assert "odd-\\xff.md" in msgs
    for value in PRINTABLE:
        assert any(value in m for m in msgs.values()), value


def test_text_report_sends_no_control_character_from_the_document(
    outputs: dict[str, bytes],
) -> None:
    text = outputs["text"].decode("utf-8")
    # colour is forced on: rich's own SGR sequences are the only escapes left
    plain = _strip_sgr(text)
    assert "\x1b" not in plain
    bad = {ch for ch in plain if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F}
    assert not bad
    assert "\u2028" not in plain and "\u202e" not in plain
    assert "\\x1b[31mred\\x1b[0m" in plain
    assert "a\\x0bb\\x0cc" in plain
    assert "odd-\\xff.md:3:11: PM204" in plain
    assert "\\u202eevil" in plain
    for value in PRINTABLE:
        assert value in plain, value


def test_text_report_underline_matches_the_escaped_line(outputs: dict[str, bytes]) -> None:
    lines = _strip_sgr(outputs["text"].decode("utf-8")).splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("    3 | **Date**: a\\x0b"))
    source, marks = lines[i], lines[i + 1]
    start = marks.index("^")
    assert source[start : start + marks.count("^")] == "a\\x0bb\\x0cc"


def test_github_annotations_carry_no_escape(outputs: dict[str, bytes]) -> None:
    text = outputs["github"].decode("utf-8")
    assert "\x1b" not in text and "\x0b" not in text
    assert len(text.splitlines()) == len(PAYLOADS) + 1


def _strip_sgr(s: str) -> str:
    import re

    return re.sub("\x1b\\[[0-9;]*m", "", s)


@pytest.mark.parametrize(
    "fmt", ["text", "json", "json-lines", "sarif", "gitlab", "junit", "github"]
)
def test_lone_surrogates_in_a_message_are_written_as_escapes(fmt: str) -> None:
    """A message from the language server's side can hold lone surrogates (JSON carries
    them); every format must still write UTF-8 and parse back."""
    text = "# T\n\ud83d x \udcff\n"
    d = Diagnostic(
        "PM204", "invalid-metadata", "structure", Severity.WARNING, "bad \ud83d\udcff", 4, 7
    )
    out = io.StringIO()
    renderers()[fmt]([FileReport("p\udcfe.md", text, [d])], out, False)
    written = out.getvalue()
    written.encode("utf-8")  # strict: raises on any lone surrogate
    if fmt == "junit":
        ET.fromstring(written.split("\n", 1)[1])
    if fmt in ("json", "sarif", "gitlab"):
        written = json.dumps(json.loads(written), ensure_ascii=False)  # unescape JSON
    elif fmt == "json-lines":
        record = json.loads(written)
        assert record["path"] == "p\\xfe.md"
        written = record["message"]
    assert "bad \\ud83d\\xff" in written.replace("\\\\", "\\")


def test_messages_on_stderr_escape_a_file_name_too(tmp_path: Path) -> None:
    missing = _pm_lint("gone-\x1b[2J.md", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == b"pm-lint: error: gone-\\x1b[2J.md: no such file or directory\n"
    echoed = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "--fix", "--stdin-filename", "in\x07.md", "-"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        input=b"\x00binary",
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert echoed.stdout == b"\x00binary"
    assert echoed.stderr.startswith(b"pm-lint: in\\x07.md: not fixed, file looks binary")


# -- any string at all, not only the payloads above -------------------------------------------

#: any code point, with lone surrogates and C0/C1 controls drawn often (by default
#: hypothesis draws no surrogates at all)
_ANY_CHAR = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),
    st.characters(max_codepoint=0x9F),
    st.sampled_from("\u2028\u2029\u202e\ufffe\uffff"),
)
_ANY_TEXT = st.text(_ANY_CHAR, max_size=60)


@settings(max_examples=300, deadline=None)
@given(message=_ANY_TEXT, path=_ANY_TEXT)
def test_every_format_is_valid_for_any_message_and_path(message: str, path: str) -> None:
    d = Diagnostic("PM204", "invalid-metadata", "structure", Severity.ERROR, message, 0, 1)
    report = FileReport(path or "p.md", "x\n", [d])
    for fmt, render in renderers().items():
        out = io.StringIO()
        render([report], out, fmt == "text")
        written = out.getvalue()
        written.encode("utf-8")  # strict: no lone surrogate reaches the output
        if fmt == "junit":
            ET.fromstring(written.split("\n", 1)[1])
        elif fmt in ("json", "sarif", "gitlab"):
            json.loads(written)
        elif fmt == "json-lines":
            assert len(written.splitlines()) == 1
            json.loads(written)
        if fmt in ("text", "github"):
            plain = _strip_sgr(written)
            assert not [c for c in plain if c not in "\n\t" and unicodedata.category(c) == "Cc"]
