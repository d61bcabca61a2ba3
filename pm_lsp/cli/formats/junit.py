"""``--format junit``: one test suite per file, one failing test case per diagnostic.

Paths and messages pass through :func:`pm_lsp.cli.formats.safe.for_xml` first: a control
character copied from a document (a vertical tab, an ESC) has no XML 1.0 spelling at all,
and one such character makes the whole report unreadable to the CI server.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from pm_lsp.cli.formats import FileReport, safe


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    total = sum(len(r.diagnostics) for r in reports)
    root = ET.Element(
        "testsuites", name="pm-lint", tests=str(max(total, len(reports))), failures=str(total)
    )
    for r in reports:
        path = safe.for_xml(r.path)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(1, len(r.diagnostics))),
            failures=str(len(r.diagnostics)),
        )
        if not r.diagnostics:
            ET.SubElement(suite, "testcase", name="pm-lint", classname=path)
        for d in r.diagnostics:
            line, col = r.pos(d.start)
            message = safe.for_xml(d.message)
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} line {line}, column {col}",
                classname=path,
                file=path,
                line=str(line),
            )
            failure = ET.SubElement(case, "failure", message=message, type=d.code)
            failure.text = f"{path}:{line}:{col}: {d.code} [{d.severity.label}] {message}"
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
