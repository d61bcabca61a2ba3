"""Suppression comments: ranges, next line, whole file, prefixes, and unused ones (PM001).

The structure rule PM202 (empty section) is the finding being silenced: it needs no model
and its position is the heading text, so each test can say exactly which heading survives.
"""

from __future__ import annotations

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate

_NO_MODEL = NLP()


def findings(
    text: str, select: tuple[str, ...] = ("PM0", "PM202"), ignore: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """``(code, flagged text)`` pairs: for PM202 the heading, for PM001 the comment."""
    config = resolve(
        [
            Settings(),
            validate({"select": list(select), "ignore": list(ignore)}, "test settings", None),
        ]
    )
    result = lint(text, config, nlp=_NO_MODEL)
    return [(d.code, text[d.start : d.end]) for d in result.diagnostics]


def test_without_directives_every_empty_section_is_reported() -> None:
    text = "# T\n\n## A\n\n## B\n\n## C\n"
    assert findings(text) == [("PM202", "A"), ("PM202", "B"), ("PM202", "C")]


def test_disable_enable_range() -> None:
    text = (
        "# T\n\n## A\n\n<!-- pm-lint-disable PM202 -->\n\n## B\n\n"
        "<!-- pm-lint-enable PM202 -->\n\n## C\n"
    )
    assert findings(text) == [("PM202", "A"), ("PM202", "C")]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "# T\n\n## A\n\n<!-- pm-lint-disable PM202 -->\n## B\n\n## C\n"
    assert findings(text) == [("PM202", "A")]


def test_disable_twice_then_one_enable_closes_both() -> None:
    text = (
        "# T\n\n<!-- pm-lint-disable PM202 -->\n## A\n<!-- pm-lint-disable PM202 -->\n"
        "## B\n<!-- pm-lint-enable PM202 -->\n## C\n"
    )
    assert findings(text) == [("PM202", "C")]


def test_blanket_disable_and_enable() -> None:
    text = "# T\n\n<!-- pm-lint-disable -->\n## A\n<!-- pm-lint-enable -->\n## B\n"
    assert findings(text) == [("PM202", "B")]


def test_disable_next_line_skips_blank_lines_only() -> None:
    text = "# T\n\n<!-- pm-lint-disable-next-line PM202 -->\n\n\n## A\n\n## B\n"
    assert findings(text) == [("PM202", "B")]


def test_disable_next_line_covers_one_line() -> None:
    text = "# T\n\n<!-- pm-lint-disable-next-line PM202 -->\n## A\n## B\n"
    assert findings(text) == [("PM202", "B")]


def test_disable_next_line_with_crlf() -> None:
    text = "# T\r\n\r\n<!-- pm-lint-disable-next-line PM202 -->\r\n## A\r\n\r\n## B\r\n"
    assert findings(text) == [("PM202", "B")]


def test_disable_file() -> None:
    text = "# T\n\n## A\n\n## B\n\n<!-- pm-lint-disable-file PM202 -->\n"
    assert findings(text) == []


def test_prefixes_several_codes_and_case() -> None:
    text = (
        "# T\n\n**Status**: nonsense\n\n<!-- pm-lint-disable-next-line pm2 -->\n## A\n\n"
        "<!-- pm-lint-disable-file PM204, PM203 -->\n"
    )
    assert findings(text, select=("PM0", "PM202", "PM203", "PM204")) == []


def test_document_level_finding_is_suppressed_on_its_anchor_line() -> None:
    """PM201/PM203 point at the title: a directive above the title silences them."""
    text = "<!-- pm-lint-disable-next-line PM201 PM203 -->\n# T\n\n## Summary\n\nx\n"
    assert findings(text, select=("PM0", "PM201", "PM203")) == []


def test_unused_suppressions_are_reported_at_the_comment() -> None:
    text = (
        "# T\n\n<!-- pm-lint-disable-next-line PM202 -->\nA sentence.\n\n"
        "<!-- pm-lint-disable PM202 -->\n## Filled\n\nYes.\n<!-- pm-lint-enable PM202 -->\n"
    )
    assert findings(text) == [
        ("PM001", "<!-- pm-lint-disable-next-line PM202 -->"),
        ("PM001", "<!-- pm-lint-disable PM202 -->"),
    ]


def test_unused_message_names_the_directive_and_the_code() -> None:
    text = "# T\n\n<!-- pm-lint-disable-file PM202 -->\n"
    config = resolve([Settings(), validate({"select": ["PM0", "PM2"]}, "t", None)])
    (d,) = [
        x
        for x in lint(text + "\n## Impact\n\nNone.\n", config, nlp=_NO_MODEL).diagnostics
        if x.code == "PM001"
    ]
    assert d.message == "Unused suppression: pm-lint-disable-file suppresses no PM202"


def test_suppressing_a_rule_that_is_not_enabled() -> None:
    text = "# T\n\n<!-- pm-lint-disable-next-line PM101 -->\nA sentence.\n"
    config = resolve([Settings(), validate({"select": ["PM0", "PM2"]}, "t", None)])
    msgs = [d.message for d in lint(text, config, nlp=_NO_MODEL).diagnostics if d.code == "PM001"]
    assert msgs == [
        "Unused suppression: pm-lint-disable-next-line suppresses no PM101 (PM101 is not enabled)"
    ]


def test_a_suppression_that_is_used_for_one_code_but_not_another() -> None:
    text = "# T\n\n<!-- pm-lint-disable-next-line PM202 PM204 -->\n## A\n"
    assert findings(text, select=("PM0", "PM202", "PM204")) == [
        ("PM001", "<!-- pm-lint-disable-next-line PM202 PM204 -->")
    ]


def test_blanket_unused_suppression() -> None:
    text = "# T\n\n<!-- pm-lint-disable-file -->\n\n## Impact\n\nNone.\n"
    config = resolve([Settings(), validate({"select": ["PM0", "PM202"]}, "t", None)])
    (d,) = lint(text, config, nlp=_NO_MODEL).diagnostics
    assert d.code == "PM001"
    assert d.message == "Unused suppression: pm-lint-disable-file suppresses no any diagnostic"


def test_not_a_rule_code_is_reported() -> None:
    text = "# T\n\n<!-- pm-lint-disable-next-line PM202 blame -->\n## A\n"
    config = resolve([Settings(), validate({"select": ["PM0", "PM202"]}, "t", None)])
    diags = lint(text, config, nlp=_NO_MODEL).diagnostics
    assert [(d.code, d.message) for d in diags] == [
        ("PM001", "'blame' in a pm-lint-disable-next-line comment is not a rule code")
    ]


def test_pm001_can_be_ignored_in_config_or_in_the_file() -> None:
    text = "# T\n\n<!-- pm-lint-disable PM202 -->\n\nNothing empty here.\n"
    assert findings(text) == [("PM001", "<!-- pm-lint-disable PM202 -->")]
    assert findings(text, ignore=("PM001",)) == []
    silenced = "<!-- pm-lint-disable-file PM001 -->\n" + text
    assert findings(silenced) == []
    # the PM001 directive is itself checked: with nothing to silence, it is reported
    quiet = "<!-- pm-lint-disable-file PM001 -->\n# T\n\nClean.\n"
    assert findings(quiet) == [("PM001", "<!-- pm-lint-disable-file PM001 -->")]


def test_directives_inside_code_are_not_directives() -> None:
    text = (
        "# T\n\n```markdown\n<!-- pm-lint-disable-file PM202 -->\n```\n\nIntro.\n\n"
        "    <!-- pm-lint-disable-file PM202 -->\n\n## A\n\n## B\n"
    )
    assert findings(text) == [("PM202", "A"), ("PM202", "B")]


def test_ordinary_comments_are_not_directives() -> None:
    text = "# T\n\n<!-- pm-lint is great; disable nothing -->\n<!-- note -->\n\n## A\n"
    assert findings(text) == [("PM202", "A")]


def test_enable_without_disable_is_harmless() -> None:
    text = "# T\n\n<!-- pm-lint-enable PM202 -->\n\n## A\n"
    assert findings(text) == [("PM202", "A")]


def test_directive_spanning_lines() -> None:
    text = "# T\n\n<!--\n  pm-lint-disable-next-line PM202\n-->\n## A\n\n## B\n"
    assert findings(text) == [("PM202", "B")]


def test_narrower_enable_reopens_only_its_codes() -> None:
    """``disable PM2`` then ``enable PM202``: PM202 is back, the rest of PM2 stays off."""
    text = "# T\n\n<!-- pm-lint-disable PM2 -->\n## A\n<!-- pm-lint-enable PM202 -->\n## B\n"
    assert findings(text) == [("PM202", "B")]
    # the same comment with PM202 under its wider name stays quiet after the enable
    assert findings(text.replace("enable PM202", "enable PM203")) == []
    blanket = text.replace("disable PM2 ", "disable ")
    assert findings(blanket) == [("PM202", "B")]


def test_wider_enable_closes_narrower_disables() -> None:
    text = "# T\n\n<!-- pm-lint-disable PM202 -->\n## A\n<!-- pm-lint-enable PM2 -->\n## B\n"
    assert findings(text) == [("PM202", "B")]


def test_disable_after_a_narrow_enable_applies_again() -> None:
    text = (
        "# T\n\n<!-- pm-lint-disable PM2 -->\n## A\n<!-- pm-lint-enable PM202 -->\n"
        "## B\n<!-- pm-lint-disable PM202 -->\n## C\n"
    )
    assert findings(text) == [("PM202", "B")]
