"""docs/ci.md and action.yml: every YAML block parses and has the structure its CI system
expects, every pm-lint command line uses real flags, and the composite action's shell steps,
run for real in a temporary git repository, lint only the postmortems a change touches.

The action runs on GitHub, which cannot be reached from here; the simulation runs its `run`
steps with bash exactly as a runner would (`bash --noprofile --norc -eo pipefail`), with the
`${{ }}` expressions it uses evaluated by a small evaluator below, and skips the `uses` steps
(setup-python, upload-sarif) and the pip install (this environment has pm-lint already).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from pm_lsp.cli.command import build_parser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ci"
VENV_BIN = Path(sys.executable).parent
CI_MD = ROOT / "docs" / "ci.md"
ACTION = ROOT / "action.yml"


# -- YAML blocks --------------------------------------------------------------------------------


def yaml_blocks() -> list[Any]:
    text = CI_MD.read_text(encoding="utf-8")
    blocks = re.findall(r"^```ya?ml\n(.*?)^```", text, re.S | re.M)
    assert blocks, "docs/ci.md has no yaml blocks"
    return [yaml.safe_load(b) for b in blocks]


def _on(workflow: Mapping[Any, Any]) -> Any:
    # YAML 1.1 (PyYAML, and GitHub's own parser's ancestry) reads a bare `on` key as True.
    return workflow.get("on", workflow.get(True))


def github_workflows() -> list[dict[str, Any]]:
    return [b for b in yaml_blocks() if isinstance(b, dict) and "jobs" in b]


def gitlab_jobs() -> dict[str, dict[str, Any]]:
    jobs: dict[str, dict[str, Any]] = {}
    for b in yaml_blocks():
        if isinstance(b, dict) and "jobs" not in b and "repos" not in b:
            jobs.update({k: v for k, v in b.items() if isinstance(v, dict) and "script" in v})
    return jobs


def test_every_yaml_block_parses_to_a_known_shape() -> None:
    blocks = yaml_blocks()
    for b in blocks:
        assert isinstance(b, dict), b
        kinds = [
            "jobs" in b,
            "repos" in b,
            any(isinstance(v, dict) and "script" in v for v in b.values()),
        ]
        assert sum(kinds) == 1, f"not a GitHub workflow, GitLab job or pre-commit config: {b}"
    assert len(github_workflows()) >= 3
    assert len(gitlab_jobs()) >= 2


def test_github_workflows_have_triggers_jobs_and_steps() -> None:
    uses: list[str] = []
    for wf in github_workflows():
        assert _on(wf), f"workflow without triggers: {wf}"
        assert wf.get("name")
        for job_id, job in wf["jobs"].items():
            assert job.get("runs-on"), job_id
            steps = job["steps"]
            assert isinstance(steps, list) and steps, job_id
            for step in steps:
                assert ("uses" in step) != ("run" in step), step
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+", step["uses"]), step
                    uses.append(step["uses"])
            assert steps[0].get("uses", "").startswith("actions/checkout@"), job_id
    assert "github/codeql-action/upload-sarif@v3" in uses
    permissions = [wf.get("permissions", {}) for wf in github_workflows()]
    assert any(p.get("security-events") == "write" for p in permissions)


def test_the_documented_action_usage_matches_action_yml() -> None:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    used = [
        step
        for wf in github_workflows()
        for job in wf["jobs"].values()
        for step in job["steps"]
        if re.match(r"[\w.-]+/pm-lsp@", step.get("uses", ""))
    ]
    assert used, "docs/ci.md shows no workflow using the pm-lint action"
    for step in used:
        assert set(step.get("with", {})) <= set(action["inputs"]), step
    # and the table of inputs documents every input
    text = CI_MD.read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"| `{name}` |" in text, name


def test_gitlab_jobs() -> None:
    jobs = gitlab_jobs()
    reports = [j.get("artifacts", {}).get("reports", {}) for j in jobs.values()]
    assert any(r.get("codequality") == "gl-code-quality-report.json" for r in reports)
    for name, job in jobs.items():
        assert isinstance(job["script"], list) and all(isinstance(s, str) for s in job["script"])
        assert job.get("image"), name
    scripts = "\n".join(s for j in jobs.values() for s in j["script"])
    assert "--format gitlab" in scripts and "gl-code-quality-report.json" in scripts


def test_pre_commit_config_and_jobs() -> None:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook_ids = {h["id"] for h in manifest}
    configs = [b for b in yaml_blocks() if "repos" in b]
    assert configs
    for cfg in configs:
        for repo in cfg["repos"]:
            assert repo["rev"] and repo["hooks"]
            for hook in repo["hooks"]:
                assert hook["id"] in hook_ids
                if "files" in hook:
                    re.compile(hook["files"])
    commands = list(shell_lines())
    assert sum("pre-commit run --all-files" in c for c in commands) >= 2  # GitHub and GitLab


# -- pm-lint command lines -----------------------------------------------------------------------


def _github_shell(doc: Mapping[str, Any]) -> Iterator[str]:
    for job in doc.get("jobs", {}).values():
        for step in job.get("steps", []):
            if "run" in step:
                yield step["run"]
    for step in doc.get("runs", {}).get("steps", []):
        if "run" in step:
            yield step["run"]


def shell_lines() -> Iterator[str]:
    """Every shell command line in docs/ci.md's workflows and action.yml (continuations joined)."""
    scripts: list[str] = []
    for wf in github_workflows():
        scripts.extend(_github_shell(wf))
    for job in gitlab_jobs().values():
        scripts.extend(job.get("before_script", []) + job["script"])
    scripts.extend(_github_shell(yaml.safe_load(ACTION.read_text(encoding="utf-8"))))
    for script in scripts:
        yield from script.replace("\\\n", " ").splitlines()


_SHELL_OPS = {"<", ">", "|", "||", "&&", ";", "2>", ">>"}


def pm_lint_invocations() -> list[list[str]]:
    """The arguments of every pm-lint call (including those run through xargs)."""
    calls = []
    for line in shell_lines():
        if "pm-lint" not in line:
            continue
        tokens = shlex.split(line, comments=True)
        for i, tok in enumerate(tokens):
            if tok == "pm-lint":
                args = []
                for t in tokens[i + 1 :]:
                    if t in _SHELL_OPS or t.startswith((">", "<")):
                        break
                    args.append(t)
                calls.append(args)
    for cfg in (b for b in yaml_blocks() if "repos" in b):
        for repo in cfg["repos"]:
            calls.extend(
                [str(a) for a in h.get("args", [])] for h in repo["hooks"] if h["id"] == "pm-lint"
            )
    return calls


def test_pm_lint_command_lines_use_real_flags() -> None:
    parser = build_parser()
    options = parser._option_string_actions
    calls = pm_lint_invocations()
    assert len(calls) >= 8, calls
    formats_used = set()
    for args in calls:
        it = iter(enumerate(args))
        for i, arg in it:
            if arg == "--":
                break
            if not arg.startswith("-"):
                continue
            name, _, inline = arg.partition("=")
            assert name in options, f"pm-lint has no option {name}: {args}"
            action = options[name]
            if action.nargs == 0:
                continue
            value = inline or (args[i + 1] if i + 1 < len(args) else "")
            if not inline:
                next(it, None)
            if action.choices is not None and "$" not in value:
                assert value in action.choices, f"{name} {value}: not one of {action.choices}"
            if name == "--format":
                formats_used.add(value)
    assert {"github", "sarif", "gitlab"} <= formats_used


# -- action.yml --------------------------------------------------------------------------------


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


def test_action_structure() -> None:
    a = action()
    assert a["name"] and a["description"]
    assert a["runs"]["using"] == "composite"
    steps = a["runs"]["steps"]
    ids = {s["id"] for s in steps if "id" in s}
    for name, spec in a["inputs"].items():
        assert spec.get("description"), name
        assert "default" in spec and spec.get("required") is False, name
    text = ACTION.read_text(encoding="utf-8")
    for name in re.findall(r"inputs\.([\w-]+)", text):
        assert name in a["inputs"], f"inputs.{name} is not declared"
    for step_id, key in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
        assert step_id in ids, step_id
        step = next(s for s in steps if s.get("id") == step_id)
        assert re.search(rf"(?<![\w-]){re.escape(key)}=", step["run"]), f"{step_id}: no {key}"
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            # Inputs reach scripts through env only: no expression is pasted into shell code.
            assert "${{" not in step["run"], step["name"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert "github/codeql-action/upload-sarif@v3" in uses


def test_the_action_never_reads_a_result_cache_from_the_checkout() -> None:
    """A pull request could commit a ``.pm-lint-cache`` whose entries would stand in for a
    lint: every pm-lint call of the action that lints keeps its results under the
    runner's temporary folder."""
    steps = action()["runs"]["steps"]
    calls = [
        shlex.split(line, comments=True)
        for s in steps
        if "run" in s
        for line in s["run"].replace("\\\n", " ").splitlines()
        if line.strip().startswith("pm-lint --format")
    ]
    assert len(calls) == 2, calls  # the annotations and the SARIF report
    for args in calls:
        at = args.index("--cache-dir")
        assert args[at + 1].startswith("$RUNNER_TEMP/"), args


_EXPR_TOKEN = re.compile(
    r"\s*(?:(?P<str>'[^']*')|(?P<op>==|!=|&&|\|\||\(|\))|(?P<name>[A-Za-z_][\w.-]*))"
)


def evaluate(expr: str, ctx: Mapping[str, Any]) -> Any:
    """The subset of GitHub expressions action.yml uses: lookups, '...', ==, !=, &&, ||, ()."""

    def lookup(path: str) -> Any:
        value: Any = ctx
        for part in path.split("."):
            value = value.get(part, "") if isinstance(value, Mapping) else ""
        return value

    out, pos = [], 0
    while pos < len(expr.strip()):
        m = _EXPR_TOKEN.match(expr, pos)
        assert m and m.end() > pos, f"unsupported expression: {expr!r} at {pos}"
        pos = m.end()
        if m["str"] is not None:
            out.append(repr(m["str"][1:-1]))
        elif m["op"] is not None:
            out.append({"&&": " and ", "||": " or "}.get(m["op"], f" {m['op']} "))
        else:
            out.append(f"_get({m['name']!r})")
    return eval("".join(out), {"__builtins__": {}}, {"_get": lookup})


def _substitute(value: str, ctx: Mapping[str, Any]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(evaluate(m.group(1), ctx)), value)


def test_expression_evaluator() -> None:
    ctx = {"inputs": {"a": "true", "b-c": ""}, "steps": {"s": {"outputs": {"n": "0"}}}}
    assert evaluate("inputs.a == 'true' && steps.s.outputs.n != '0'", ctx) is False
    assert evaluate("(inputs.b-c == 'true' || inputs.a == 'true') && inputs.x == ''", ctx)
    assert _substitute("x=${{ inputs.a }}", ctx) == "x=true"


def run_action(
    repo: Path, tmp: Path, inputs: Mapping[str, str], github: Mapping[str, Any]
) -> dict[str, Any]:
    """Run action.yml's shell steps in ``repo`` as a runner would; returns what happened."""
    a = action()
    ctx: dict[str, Any] = {
        "inputs": {k: str(v.get("default", "")) for k, v in a["inputs"].items()},
        "steps": {},
        "github": {"action_path": str(ROOT), **github},
    }
    ctx["inputs"].update(inputs)
    summary = tmp / "summary.md"
    ran: dict[str, int] = {}
    skipped: list[str] = []
    failed = False
    for n, step in enumerate(a["runs"]["steps"]):
        name = step["name"]
        if failed or ("if" in step and not evaluate(step["if"], ctx)):
            skipped.append(name)
            continue
        if "uses" in step or name == "Install pm-lint":
            ran[name] = 0  # would run on GitHub; not reproducible (or needed) here
            continue
        output = tmp / f"output-{n}"
        output.touch()
        env = dict(os.environ)
        env.update(
            {
                "PATH": os.pathsep.join([str(VENV_BIN), env.get("PATH", "")]),
                "RUNNER_TEMP": str(tmp),
                "GITHUB_OUTPUT": str(output),
                "GITHUB_STEP_SUMMARY": str(summary),
            }
        )
        env.update({k: _substitute(str(v), ctx) for k, v in step.get("env", {}).items()})
        script = tmp / f"step-{n}.sh"
        script.write_text(step["run"], encoding="utf-8")
        p = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        ran[name] = p.returncode
        ctx.setdefault("logs", {})[name] = p.stdout + p.stderr
        outputs = dict(
            line.split("=", 1) for line in output.read_text().splitlines() if "=" in line
        )
        if "id" in step:
            ctx["steps"][step["id"]] = {"outputs": outputs}
        failed = p.returncode != 0
    return {
        "ran": ran,
        "skipped": skipped,
        "ctx": ctx,
        "summary": summary.read_text() if summary.exists() else "",
    }


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """main: an old postmortem with problems, a good one, notes; the branch adds a bad one."""
    bad = (FIXTURES / "bad-postmortem.md").read_text(encoding="utf-8")
    good = (FIXTURES / "good-postmortem.md").read_text(encoding="utf-8")
    root = tmp_path_factory.mktemp("action-repo")
    _git(root, "init", "-q", "-b", "main")
    (root / "postmortems").mkdir()
    (root / "postmortems" / "2024-06-01-old.md").write_text(bad, encoding="utf-8")
    (root / "postmortems" / "2024-07-01-good.md").write_text(good, encoding="utf-8")
    (root / "NOTES.md").write_text(bad, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "base")
    base = _git(root, "rev-parse", "HEAD")
    (root / "postmortems" / "2025 02 10 login.md").write_text(bad, encoding="utf-8")  # spaces
    (root / "NOTES.md").write_text(bad + "\nMore notes.\n", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "new postmortem")
    return {"root": root, "base": base, "head": _git(root, "rev-parse", "HEAD")}


@pytest.mark.slow
def test_action_lints_only_the_changed_postmortem(
    repo: dict[str, Any],
    tmp_path: Path,
) -> None:
    res = run_action(
        repo["root"],
        tmp_path,
        {"sarif": "true"},
        {"event_name": "pull_request", "event": {"pull_request": {"base": {"sha": repo["base"]}}}},
    )
    steps = res["ctx"]["steps"]
    logs = json.dumps(res["ctx"].get("logs"), indent=1)
    assert steps["select"]["outputs"]["count"] == "1", logs
    listing = Path(steps["select"]["outputs"]["list"]).read_text(encoding="utf-8")
    assert listing == "postmortems/2025 02 10 login.md\0", logs
    assert steps["lint"]["outputs"]["exit-code"] == "1", logs
    annotations = res["ctx"]["logs"]["Lint postmortems (annotations)"]
    files = set(re.findall(r"^::\w+ file=([^,]+),", annotations, re.M))
    assert files == {"postmortems/2025 02 10 login.md"}, annotations
    assert int(steps["lint"]["outputs"]["findings"]) == len(re.findall(r"^::", annotations, re.M))
    assert "::warning file=postmortems/2025 02 10 login.md,line=3,col=11" in annotations
    sarif = json.loads((repo["root"] / "pm-lint.sarif").read_text(encoding="utf-8"))
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
        for loc in r["locations"]
    }
    assert len(uris) == 1 and next(iter(uris)).endswith("login.md"), uris
    assert "Upload SARIF to code scanning" in res["skipped"]  # upload-sarif defaults to false
    assert res["ran"]["Fail on findings"] == 1, "the job fails on the new postmortem's findings"
    assert "1 postmortem(s) linted" in res["summary"]


@pytest.mark.slow
def test_action_can_lint_every_postmortem(repo: dict[str, Any], tmp_path: Path) -> None:
    res = run_action(
        repo["root"],
        tmp_path,
        {"changed-only": "false", "fail-on": "error"},
        {"event_name": "push", "event": {"before": repo["base"]}},
    )
    steps = res["ctx"]["steps"]
    listing = Path(steps["select"]["outputs"]["list"]).read_text(encoding="utf-8")
    assert sorted(listing.split("\0")[:-1]) == [
        "postmortems/2024-06-01-old.md",
        "postmortems/2024-07-01-good.md",
        "postmortems/2025 02 10 login.md",
    ], "NOTES.md is not a postmortem"
    # Findings are warnings; with fail-on error the job passes but still annotates them.
    assert steps["lint"]["outputs"]["exit-code"] == "0"
    assert int(steps["lint"]["outputs"]["findings"]) > 0
    assert res["ran"]["Fail on findings"] == 0
    assert "Write SARIF report" in res["skipped"]


@pytest.mark.slow
def test_action_does_nothing_when_no_postmortem_changed(
    repo: dict[str, Any],
    tmp_path: Path,
) -> None:
    root = repo["root"]
    # A pull request whose only change is to NOTES.md: compare the branch with its own
    # parent's NOTES-only change by using the new commit as base and HEAD amended.
    _git(root, "checkout", "-q", "-b", "notes-only")
    (root / "NOTES.md").write_text("Just notes.\n", encoding="utf-8")
    _git(root, "commit", "-q", "-am", "notes")
    try:
        res = run_action(
            root,
            tmp_path,
            {"upload-sarif": "true"},
            {
                "event_name": "pull_request",
                "event": {"pull_request": {"base": {"sha": repo["head"]}}},
            },
        )
    finally:
        _git(root, "checkout", "-q", "main")
    assert res["ctx"]["steps"]["select"]["outputs"]["count"] == "0"
    assert set(res["ran"]) == {"Select postmortems to lint"}, res["ran"]
    assert res["ran"]["Select postmortems to lint"] == 0
    assert "Upload SARIF to code scanning" in res["skipped"]


def test_glob_semantics_of_paths(tmp_path: Path) -> None:
    """The select step's glob rules, on a repository with only the paths to classify."""
    root = tmp_path / "r"
    root.mkdir()
    _git(root, "init", "-q")
    paths = [
        "postmortems/a.md",
        "docs/Incidents/2025/b.markdown",
        "docs/x-PostMortem.md",
        "README.md",
        "postmortems/notes.txt",
        "archive/postmortems-old.md",
        ".github/postmortem-template.md",
    ]
    for p in paths:
        (root / p).parent.mkdir(parents=True, exist_ok=True)
        (root / p).write_text("# x\n", encoding="utf-8")
    _git(root, "add", ".")
    a = action()
    select = next(s for s in a["runs"]["steps"] if s.get("id") == "select")

    def selected(patterns: str) -> list[str]:
        out = tmp_path / "out"
        out.write_text("")
        env = {
            **os.environ,
            "PM_PATHS": patterns,
            "PM_CHANGED_ONLY": "false",
            "RUNNER_TEMP": str(tmp_path),
            "GITHUB_OUTPUT": str(out),
        }
        subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", select["run"]],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        return sorted((tmp_path / "pm-lint-files").read_text().split("\0")[:-1])

    default = str(a["inputs"]["paths"]["default"])
    assert selected(default) == sorted(
        [
            "postmortems/a.md",
            "docs/Incidents/2025/b.markdown",
            "docs/x-PostMortem.md",
            "archive/postmortems-old.md",
            ".github/postmortem-template.md",
        ]
    )
    assert selected("postmortems") == ["postmortems/a.md"]
    assert selected("docs/**, ./README.md") == sorted(
        ["docs/Incidents/2025/b.markdown", "docs/x-PostMortem.md", "README.md"]
    )
    assert selected("*.md") == ["README.md"]  # * stays within one directory
