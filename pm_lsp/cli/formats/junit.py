"""``--format junit``: one test suite per file, one failing test case per diagnostic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from pm_lsp.cli.formats import FileReport


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    total = sum(len(r.diagnostics) for r in reports)
    root = ET.Element(
        "testsuites", name="pm-lint", tests=str(max(total, len(reports))), failures=str(total)
    )
    for r in reports:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=r.path,
            tests=str(max(1, len(r.diagnostics))),
            failures=str(len(r.diagnostics)),
        )
        if not r.diagnostics:
            ET.SubElement(suite, "testcase", name="pm-lint", classname=r.path)
        for d in r.diagnostics:
            line, col = r.pos(d.start)
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} line {line}, column {col}",
                classname=r.path,
                file=r.path,
                line=str(line),
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{r.path}:{line}:{col}: {d.code} [{d.severity.label}] {d.message}"
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
