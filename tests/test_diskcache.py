"""The on-disk result cache: hits give the same report without spaCy, and every input that
findings depend on is in the key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pm_lsp.diskcache import (
    DEFAULT_DIR,
    ENV_DIR,
    CacheSet,
    ResultCache,
    canonical,
    entry_key,
)
from pm_lsp.policy.config import ConfigResolver, Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Edit, Fix, Severity

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "examples" / "bad-postmortem.md"


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    code = (
        "import sys, json\n"
        "from pm_lsp.cli import main\n"
        f"rc = main({list(args)!r})\n"
        "heavy = sorted(m for m in ('spacy', 'textstat', 'pm_lsp.engine') if m in sys.modules)\n"
        "print('\\nIMPORTED ' + json.dumps(heavy))\n"
        "sys.exit(rc)\n"
    )
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    p = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
        check=False,
    )
    return p.returncode, p.stdout


def run_here(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
) -> tuple[int, str]:
    """:func:`run_cli` through the command's entry point in this process, for the tests of
    which folder and which entries a run uses: the folder is chosen from the flags, the
    environment and the configuration of each call, and a process of its own would only add
    start-up time (what a run imports is the subprocess tests' matter)."""
    from pm_lsp.cli.command import main

    with monkeypatch.context() as m:
        m.chdir(cwd)
        for name, value in {"NO_COLOR": "1", **(env or {})}.items():
            m.setenv(name, value)
        capsys.readouterr()
        rc = main(list(args))
        return rc, capsys.readouterr().out


def _split_imports(out: str) -> tuple[str, list[str]]:
    report, _, tail = out.rpartition("\nIMPORTED ")
    return report, json.loads(tail)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("v*/*.json"))


def test_a_second_run_is_served_from_disk_without_spacy(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(BAD.read_bytes())
    cache = tmp_path / "cache"
    args = ("--isolated", "--format", "json", "--cache-dir", str(cache), "a.md")
    rc1, out1 = run_cli(*args, cwd=tmp_path)
    assert len(_entries(cache)) == 1
    assert (cache / ".gitignore").read_text() == "*\n" and (cache / "CACHEDIR.TAG").is_file()
    rc2, out2 = run_cli(*args, cwd=tmp_path)
    report1, heavy1 = _split_imports(out1)
    report2, heavy2 = _split_imports(out2)
    assert rc1 == rc2 == 1
    assert report1 == report2 and json.loads(report1)["summary"]["diagnostics"] > 10
    assert "spacy" in heavy1
    assert heavy2 == [], "an all-hit run imported " + ", ".join(heavy2)


def test_fix_with_nothing_left_to_fix_is_served_from_disk(tmp_path: Path) -> None:
    """``--fix`` stores what it leaves; a second ``--fix`` with no fix to apply in that
    result changes nothing, so it is answered from the cache, without spaCy."""
    target = tmp_path / "a.md"
    target.write_text("# Incident: stale search\n\nJohn forgot to run the reindex job.\n")
    args = ("--isolated", "--format", "json", "--cache-dir", str(tmp_path / "c"))
    run_cli(*args, "--fix", "a.md", cwd=tmp_path)
    fixed = target.read_text()
    _, out = run_cli(*args, "--fix", "a.md", cwd=tmp_path)
    report, heavy = _split_imports(out)
    assert target.read_text() == fixed
    assert json.loads(report)["summary"]["fixable"] == 0  # only unsafe fixes are left
    assert heavy == []
    _, out = run_cli(*args, "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert "spacy" in _split_imports(out)[1]  # an unsafe fix to apply: linted for real


def test_no_cache_neither_reads_nor_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_bytes(BAD.read_bytes())
    cache = tmp_path / "cache"

    def run(*args: str) -> tuple[int, str]:
        return run_here(monkeypatch, capsys, *args, cwd=tmp_path)

    run("--isolated", "--no-cache", "--cache-dir", str(cache), "a.md")
    assert not cache.exists()
    # a poisoned entry is ignored with --no-cache, served without it
    run("--isolated", "--cache-dir", str(cache), "a.md")
    (entry,) = _entries(cache)
    entry.write_text(json.dumps({"diagnostics": []}))
    _, out = run("--isolated", "--cache-dir", str(cache), "-q", "a.md")
    assert "a.md:" not in out
    _, out = run("--isolated", "--no-cache", "--cache-dir", str(cache), "-q", "a.md")
    assert "a.md:" in out


def test_the_folder_is_chosen_by_flag_environment_config_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "a.md").write_bytes(BAD.read_bytes())
    (project / ".pm-lint.toml").write_text('cache-dir = "build/lint-cache"\n')

    def run(*args: str, cwd: Path, env: dict[str, str]) -> None:
        run_here(monkeypatch, capsys, *args, cwd=cwd, env=env)

    env = {ENV_DIR: ""}
    run("docs/a.md", cwd=project, env=env)
    assert len(_entries(project / "build" / "lint-cache")) == 1
    (project / ".pm-lint.toml").write_text("")
    run("a.md", cwd=project / "docs", env=env)
    assert len(_entries(project / DEFAULT_DIR)) == 1  # next to the config file
    run("docs/a.md", cwd=project, env={ENV_DIR: str(tmp_path / "env")})
    assert len(_entries(tmp_path / "env")) == 1
    flag = tmp_path / "flag"
    run("--cache-dir", str(flag), "docs/a.md", cwd=project, env={ENV_DIR: str(tmp_path)})
    assert len(_entries(flag)) == 1


def _config(**raw: object):  # type: ignore[no-untyped-def]
    return resolve([Settings(), validate(raw, "test", None)])


def test_the_key_holds_text_configuration_file_name_and_path_only_when_it_matters(
    tmp_path: Path,
) -> None:
    base = _config()
    text = BAD.read_text(encoding="utf-8")
    key = entry_key(text, base, tmp_path / "a.md")
    assert key == entry_key(text, _config(), tmp_path / "elsewhere" / "a.md")
    # the file's name takes part: the structure rules may read the incident date from it
    dated = entry_key(text, base, tmp_path / "2024-01-15-outage.md")
    assert dated != key
    assert dated != entry_key(text, base, tmp_path / "2024-02-15-outage.md")
    assert key != entry_key(text + "\n", base, None)
    assert key != entry_key(text, _config(select=["PM1"]), None)
    assert key != entry_key(text, _config(severity={"PM101": "error"}), None)
    assert key != entry_key(text, _config(rules={"PM601": {"max-words": 12}}), None)
    assert key != entry_key(text, _config(template="google-sre"), None)
    pfi = _config(**{"per-file-ignores": {"drafts/*.md": ["PM2"]}})
    assert entry_key(text, pfi, tmp_path / "a.md") != entry_key(text, pfi, tmp_path / "b.md")
    # which files are walked is not part of it
    assert key == entry_key(text, _config(exclude=["drafts"]), tmp_path / "a.md")


def test_editing_a_rule_pack_changes_the_key(tmp_path: Path) -> None:
    pack = tmp_path / "words.toml"
    pack.write_text('[blame]\nnobody-words = ["nobody"]\n')
    (tmp_path / ".pm-lint.toml").write_text('rule-packs = ["words.toml"]\n')
    text = "# Incident\n\nThe deploy failed.\n"
    first = entry_key(text, ConfigResolver().for_path(tmp_path / "a.md"), None)
    pack.write_text('[blame]\nnobody-words = ["nobody", "not a soul"]\n')
    # no cache to clear: the pack is cached by its file's stamp, which the edit changed
    second = entry_key(text, ConfigResolver().for_path(tmp_path / "a.md"), None)
    assert first != second


def test_canonical_form_is_the_same_in_every_process() -> None:
    code = (
        "import json\n"
        "from pm_lsp.diskcache import canonical\n"
        "from pm_lsp.policy.config import Settings, resolve\n"
        "print(json.dumps(canonical(resolve([Settings()])), sort_keys=True))\n"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1
    assert json.loads(outs.pop()) == json.loads(
        json.dumps(canonical(resolve([Settings()])), sort_keys=True)
    )


def _diag(i: int) -> Diagnostic:
    fix = Fix("Insert", (Edit(i, i + 2, "x\ny"),), safe=True)
    return Diagnostic(
        "PM201",
        "missing-section",
        "structure",
        Severity.WARNING,
        f"m{i} ü",
        i,
        i + 3,
        fix,
        {"section": "impact", "missing": ["a", "b"], "grade": 13.25},
    )


def test_entries_round_trip_and_damaged_ones_are_misses(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    diags = [_diag(i) for i in range(3)]
    cache.put("k", diags)
    assert cache.get("k") == diags
    (tmp_path / "c" / "v1" / "k.json").write_text('{"diagnostics": [{"code"')
    assert cache.get("k") is None
    assert cache.get("absent") is None


def test_concurrent_writers_leave_one_whole_entry(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    diags = [_diag(i) for i in range(200)]
    threads = [threading.Thread(target=cache.put, args=("same", diags)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert cache.get("same") == diags
    assert [p.name for p in (tmp_path / "c" / "v1").iterdir()] == ["same.json"]


def test_the_folder_is_bounded_oldest_first(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    for i in range(40):
        cache.put(f"k{i:02d}", [_diag(i)] * 5)
        os.utime(tmp_path / "c" / "v1" / f"k{i:02d}.json", ns=(i * 10**9, i * 10**9))
    size = sum(p.stat().st_size for p in _entries(tmp_path / "c"))
    assert cache.prune(max_bytes=size) == 0
    removed = cache.prune(max_bytes=size // 2)
    left = _entries(tmp_path / "c")
    assert removed == 40 - len(left) and removed > 0
    assert sum(p.stat().st_size for p in left) <= size // 2 * 3 // 4
    assert [p.stem for p in left] == [f"k{i:02d}" for i in range(40 - len(left), 40)]


def test_an_unwritable_folder_is_a_miss_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ResultCache(blocker / "cache")
    cache.put("k", [_diag(1)])
    assert cache.get("k") is None and cache.written == 0


def test_incomplete_lints_are_not_stored(tmp_path: Path) -> None:
    """A lint in which a rule could not run (here: the model is missing) is not kept."""
    (tmp_path / "a.md").write_bytes(BAD.read_bytes())
    (tmp_path / ".pm-lint.toml").write_text('model = "no_such_model_pkg"\n')
    cache = tmp_path / "cache"
    rc, _ = run_cli("--cache-dir", str(cache), "a.md", cwd=tmp_path)
    assert rc == 2
    assert _entries(cache) == []


def test_cache_set_is_one_folder_per_place(tmp_path: Path) -> None:
    config = _config()
    assert CacheSet(enabled=False).for_config(config) is None
    fixed = CacheSet(tmp_path / "x")
    assert fixed.for_config(config) is fixed.for_config(_config(select=["PM1"]))


@pytest.mark.parametrize("value", [set(), frozenset({"b", "a"})])
def test_canonical_sets_are_sorted(value: set[str]) -> None:
    assert canonical({"s": value}) == {"s": sorted(value)}
