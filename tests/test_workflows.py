"""The GitHub Actions workflows and the editor configuration: valid, pinned, least privilege, complete.

Validation is offline: check-jsonschema's vendored copy of the GitHub workflow schema, bash's
own parser for the `run:` scripts, and yamllint with the repository's `.yamllint`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from site_build import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    return subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, check=False)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_the_two_workflows() -> None:
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_workflows_validate_against_the_github_schema() -> None:
    result = validate(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04", 1), encoding="utf-8")
    assert validate(broken).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas_with_the_tag_beside(path: Path) -> None:
    uses = [step["uses"] for step in steps(load(path)) if "uses" in step]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{action} is not pinned to a full commit SHA"
    for line in path.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"# v\d+\.\d+\.\d+$", line), f"no release tag comment: {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_one_run_at_a_time(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        assert set(granted) <= {"pages", "id-token"}, f"job {name} asks for {granted}"
        assert "timeout-minutes" in job


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_run_scripts_are_valid_bash(path: Path) -> None:
    for step in steps(load(path)):
        if "run" in step:
            result = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True, check=False)
            assert result.returncode == 0, f"{step.get('name')}: {result.stderr}"


def test_pull_requests_are_checked_summarised_tested_and_previewed() -> None:
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    assert "pull_request" in workflow["on"]
    runs = "\n".join(step.get("run", "") for step in steps(workflow))
    for command in ("make check", "make build", "make test", 'diff BASE="$BASE"'):
        assert command in runs
    assert '>> "$GITHUB_STEP_SUMMARY"' in runs
    assert "apt-get install -y -qq chromium" in runs
    summary_step = next(step for step in steps(workflow) if 'diff BASE="$BASE"' in step.get("run", ""))
    assert summary_step["env"]["BASE"] == "origin/${{ github.base_ref }}"
    checkout = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "make diff needs the base branch's history"
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert any(step.get("uses", "").startswith("actions/cache@") for step in steps(workflow))


def test_pushes_to_main_are_published_on_github_pages() -> None:
    workflow = load(REPO / ".github" / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_step = next(step for step in build["steps"] if step.get("run") == "make build")
    assert build_step["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert "actions/upload-pages-artifact" in uses
    assert "actions/setup-python" in uses
    setup = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements/runtime.lock"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def installs(target: str, venv: Path) -> list[str]:
    """The pip commands `make <target>` runs on a machine without a venv (a dry run: nothing is installed)."""
    result = subprocess.run(
        ["make", "--dry-run", target, f"VENV={venv}"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return [line.removeprefix(f"{venv}/bin/python -m ") for line in result.stdout.splitlines() if " pip " in line]


def test_a_build_installs_the_runtime_lock_only_and_the_tests_install_the_dev_lock(tmp_path: Path) -> None:
    runtime = "pip install --quiet --require-hashes -r requirements/runtime.lock"
    dev = "pip install --quiet --require-hashes -r requirements/dev.lock"
    for target in ("build", "check", "serve"):
        assert installs(target, tmp_path / "venv") == [runtime], target  # what publishing runs
    for target in ("test", "lint"):
        assert installs(target, tmp_path / "venv") == [dev], target  # what .ci/run runs on a clean clone


def test_pull_requests_build_and_run_the_build_tests_under_properdocs() -> None:
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    job = workflow["jobs"]["properdocs"]
    assert [step["run"] for step in job["steps"] if "run" in step][-1] == "make properdocs"
    assert "default-jre-headless npm" in "\n".join(step.get("run", "") for step in job["steps"])


def test_the_repositorys_yaml_passes_yamllint() -> None:
    targets = ["data", ".github", ".pre-commit-config.yaml", ".yamllint", "mkdocs.yml"]
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", *targets], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_reports_a_real_mistake(tmp_path: Path) -> None:
    sample = tmp_path / "services.yaml"
    sample.write_text("services:\n  - id: a\n    id: b\n", encoding="utf-8")  # a duplicate key
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-c", str(REPO / ".yamllint"), str(sample)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "duplication of key" in result.stdout


def test_vscode_maps_every_schema_to_its_data_file() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in sorted((REPO / "schema").glob("*.schema.json")):
        data_file = f"data/{schema.name.removesuffix('.schema.json')}.yaml"
        assert mapping.get(f"./schema/{schema.name}") == data_file, schema.name
        assert (REPO / data_file).exists()


def test_pre_commit_runs_the_data_check_yamllint_and_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = " ".join(hook["entry"] for repo in config["repos"] for hook in repo["hooks"])
    for tool in ("guide.tools.check", "yamllint", "ruff check", "ruff format"):
        assert tool in entries
