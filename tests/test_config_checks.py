"""Values that used to pass silently are configuration errors: rule option values outside
their choices, rule codes that match no rule, a selection that leaves nothing to check, and
rule packs with tables or keys the built-in packs do not have.

Each error goes through the real CLI (a subprocess): exit code 2, one line on stderr naming
the file and the key, with a did-you-mean or a hint, and nothing on stdout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from pm_lsp.policy.config import ConfigError, Settings, resolve, validate
from pm_lsp.rules.registry import rules_by_code


def _pm_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _config_error(p: subprocess.CompletedProcess[str]) -> str:
    """The one error line of a run that stopped on its configuration."""
    assert p.returncode == 2, p.stdout + p.stderr
    assert p.stdout == ""
    assert "Traceback" not in p.stderr and p.stderr.count("\n") == 1, p.stderr
    assert p.stderr.startswith("pm-lint: error: ")
    return p.stderr


# -- rule options ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            '[rules.PM304]\nwhen = "alway"\n',
            '\'rules.PM304.when\' must be one of "final", "always", got "alway" '
            '(did you mean "always"?)',
        ),
        (
            '[rules.timeline-missing-milestone]\nrequired = ["detection|mitigaton"]\n',
            "'rules.timeline-missing-milestone.required' each item must be one of "
            '"impact-start", "detection", "declared", "diagnosis", "mitigation", "resolution" '
            '(or several joined by "|"), got "mitigaton" (did you mean "mitigation"?)',
        ),
        ("[rules.PM601]\nmax-words = 0\n", "'rules.PM601.max-words' must be at least 1"),
        ("[rules.PM601]\nmax-word = 40\n", "(did you mean 'max-words'?)"),
    ],
)
def test_rule_option_values_are_checked(tmp_path: Path, toml: str, expected: str) -> None:
    cfg = tmp_path / ".pm-lint.toml"
    cfg.write_text(toml, encoding="utf-8")
    (tmp_path / "pm.md").write_text("# T\n", encoding="utf-8")
    err = _config_error(_pm_lint("pm.md", cwd=tmp_path))
    assert str(cfg) in err and expected in err


def test_accepted_option_values_reach_the_rule() -> None:
    settings = validate(
        {"rules": {"PM504": {"required": ["detection|declared", "impact-start"]}}}, "t", None
    )
    config = resolve([Settings(), settings])
    assert config.options_for(rules_by_code()["PM504"])["required"] == [
        "detection|declared",
        "impact-start",
    ]


def test_every_declared_default_satisfies_its_own_option() -> None:
    for r in rules_by_code().values():
        for name, spec in r.spec.options.items():
            assert spec.problem(spec.default) is None, (r.code, name)


# -- rule codes and the selection -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--select", "PM9"), "'select' has 'PM9', which matches no rule; the rule families are"),
        (("--select", "PM108"), "'select' has 'PM108', which matches no rule (did you mean"),
        (("--ignore", "PM7"), "'extend-ignore' has 'PM7', which matches no rule"),
        (("--select", ""), "select matches no rule (select: nothing; ignore: nothing)"),
        (("--ignore", "PM"), "select matches no rule (select: PM; ignore: PM)"),
    ],
)
def test_cli_selection_of_no_rule_is_an_error(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    (tmp_path / "pm.md").write_text("# T\n", encoding="utf-8")
    err = _config_error(_pm_lint("--isolated", *args, "pm.md", cwd=tmp_path))
    assert "command line: " in err and expected in err


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('extend-select = ["PM61"]\n', "'extend-select' has 'PM61', which matches no rule"),
        ('[severity]\nPM999 = "error"\n', "'severity.PM999' has 'PM999', which matches no rule"),
        ('[per-file-ignores]\n"a.md" = ["PM8"]\n', "'per-file-ignores.a.md' has 'PM8'"),
        ('ignore = ["PM0", "PM1", "PM2", "PM3", "PM4", "PM5", "PM6"]\n', "select matches no rule"),
    ],
)
def test_config_file_codes_must_match_a_rule(tmp_path: Path, toml: str, expected: str) -> None:
    cfg = tmp_path / ".pm-lint.toml"
    cfg.write_text(toml, encoding="utf-8")
    (tmp_path / "pm.md").write_text("# T\n", encoding="utf-8")
    err = _config_error(_pm_lint("pm.md", cwd=tmp_path))
    assert str(cfg) in err and expected in err


def test_a_later_layer_can_repair_an_empty_selection() -> None:
    """Only the merged selection must enable something: a file may ignore everything that
    the command line then selects again."""
    layers = [
        Settings(),
        validate({"ignore": ["PM"]}, "file", None),
        validate({"extend-select": ["PM2"]}, "command line", None),
    ]
    assert resolve(layers).is_enabled("PM201")
    with pytest.raises(ConfigError, match=r"^file: select matches no rule"):
        resolve(layers[:2])


# -- rule packs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pack", "expected"),
    [
        (
            '[blam]\nrole-nouns = ["sre"]\n',
            "unknown table [blam] (did you mean [blame]?); a rule pack's tables are those of "
            "the built-in files in rules/: actions, blame, impact, readability, report, "
            "structure, timeline, vocabulary",
        ),
        (
            '[blame]\njudgement-words = ["sloppy"]\n',
            "unknown key 'judgement-words' in [blame] (did you mean 'judgment-words'?); a rule "
            "pack may only use the keys of the built-in rules/blame.toml",
        ),
        (
            '[blame]\nrole-nouns = "sre"\n',
            "'blame.role-nouns' must be a list of strings, got string 'sre'",
        ),
        (
            "[impact]\nlemma-suffix-rules = [[1, 2]]\n",
            "'impact.lemma-suffix-rules[0][0]' must be a string, got number 1",
        ),
        (
            '[vocabulary.sections.comms]\ntitle = "Comms"\nsynonym = ["Comms log"]\n',
            "unknown key 'synonym' in [vocabulary.sections.comms] (did you mean 'synonyms'?)",
        ),
        ("[timeline.zones]\nPHT = true\n", "'timeline.zones.PHT' must be a number or a string"),
        (
            '[remove.structure]\nplaceholder = ["-"]\n',
            "unknown key 'placeholder' in [remove.structure] (did you mean 'placeholders'?)",
        ),
        (
            '[remove.blame]\nirregular = ["be"]\n',
            "'remove.blame.irregular' is a table in the built-in rules/blame.toml; only "
            "entries of a list can be removed",
        ),
    ],
)
def test_pack_with_unknown_table_or_key_is_an_error(
    tmp_path: Path, pack: str, expected: str
) -> None:
    (tmp_path / "our-words.toml").write_text(pack, encoding="utf-8")
    (tmp_path / ".pm-lint.toml").write_text('rule-packs = ["our-words.toml"]\n', encoding="utf-8")
    (tmp_path / "pm.md").write_text("# T\n", encoding="utf-8")
    err = _config_error(_pm_lint("pm.md", cwd=tmp_path))
    assert str(tmp_path / "our-words.toml") in err and expected in err


def test_pack_may_add_keys_to_open_tables(tmp_path: Path) -> None:
    """Verbs, zones, section and field ids are the user's own names: new ones are accepted."""
    pack = tmp_path / "ours.toml"
    pack.write_text(
        '[blame.irregular]\nfling = "flung"\n[timeline.zones]\nPHT = 8\nAZ = "dst"\n'
        '[vocabulary.sections.comms]\ntitle = "Comms"\nsynonyms = ["Comms log"]\n'
        '[vocabulary.fields.region]\nlabel = "Region"\ntype = "text"\n',
        encoding="utf-8",
    )
    config = resolve([Settings(), validate({"rule-packs": [str(pack)]}, "t", None)])
    assert config.pack.get("timeline", "zones")["PHT"] == 8
    assert config.template.canonical_section("Comms log") == "comms"
    assert config.template.canonical_field("Region") == "region"


def test_pack_overriding_the_vocabulary_takes_effect(tmp_path: Path) -> None:
    """A synonym added through a pack names the section: "Fallout" is the Impact."""
    doc = tmp_path / "pm.md"
    doc.write_text("# T\n\n## Fallout\n\n12% of checkouts failed.\n", encoding="utf-8")
    (tmp_path / "ours.toml").write_text(
        '[vocabulary.sections.impact]\nsynonyms = ["Fallout"]\n', encoding="utf-8"
    )
    missing_impact = "section 'Impact'"  # missing, or told only in passing
    plain = _pm_lint(
        "--isolated", "--template", "standard", "--select", "PM201", "pm.md", cwd=tmp_path
    )
    assert plain.returncode == 1 and missing_impact in plain.stdout
    (tmp_path / ".pm-lint.toml").write_text(
        'template = "standard"\nrule-packs = ["ours.toml"]\nselect = ["PM201"]\n',
        encoding="utf-8",
    )
    with_pack = _pm_lint("pm.md", cwd=tmp_path)
    assert with_pack.returncode == 1, with_pack.stderr
    assert "PM201" in with_pack.stdout and missing_impact not in with_pack.stdout


def test_pack_vocabulary_reaches_a_user_template(tmp_path: Path) -> None:
    """A section declared in a pack's vocabulary can be required by id, without a title."""
    pack = tmp_path / "ours.toml"
    pack.write_text(
        '[vocabulary.sections.comms]\ntitle = "Customer Communication"\nsynonyms = ["Comms log"]\n',
        encoding="utf-8",
    )
    template = tmp_path / "t.toml"
    template.write_text(
        'name = "ours"\n[metadata]\nrequired = []\n[[sections]]\nid = "comms"\n',
        encoding="utf-8",
    )
    config = resolve(
        [Settings(), validate({"rule-packs": [str(pack)], "template": str(template)}, "t", None)]
    )
    assert [s.title for s in config.template.sections] == ["Customer Communication"]
    # without the pack, the same template names a section the vocabulary does not have
    with pytest.raises(ConfigError, match="section 'comms' is not in the vocabulary"):
        resolve([Settings(), validate({"template": str(template)}, "t", None)])
