"""`make diff BASE=<ref>`: the change summary of a scripted pair of commits in a temporary repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalogue_fixture import MINIMAL
from guide.core.placeholders import declared
from guide.site.eligibility_pages import REQUIRED_STRINGS
from make_targets import make, with_makefile
from site_build import REPO

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def make_diff(root: Path, base: str) -> subprocess.CompletedProcess[str]:
    """What `make diff BASE=...` runs, in the temporary repository."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks")}
    command = [sys.executable, "-m", "guide.tools.diff", base]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)


def _text_of(string_id: str) -> str:
    """An interface text of the tree with the placeholders its page fills in."""
    names = sorted(declared(f"eligibility/strings/{string_id}/text").required)
    return " ".join([string_id, *("{" + name + "}" for name in names)])


def eligibility_tree(employed_goes_to: str) -> dict:
    """A two-outcome tree on one fact; registered job seekers who work go to `employed_goes_to`."""
    outcome = {
        "assessment": "always",
        "services": ["ohjaus-ja-neuvonta", "palvelutarpeen-arviointi"],
        "steps": [{"fi": "Ota yhteyttä."}],
        "basis": {"programme": ["2.1"], "kotol": [14]},
    }
    return {
        "start": "tyonhakija",
        "quick_exit_url": "https://www.ilmatieteenlaitos.fi/",
        "strings": [{"id": string_id, "text": {"fi": _text_of(string_id)}} for string_id in REQUIRED_STRINGS],
        "readings": [],
        "facts": [
            {
                "id": "jobseeker",
                "question": {"fi": "Oletko työnhakija?"},
                "values": [
                    {"id": "unemployed", "label": {"fi": "Työtön"}},
                    {"id": "employed", "label": {"fi": "Työssä"}},
                    {"id": "no", "label": {"fi": "En"}},
                ],
            }
        ],
        "questions": [
            {
                "id": "tyonhakija",
                "fact": "jobseeker",
                "options": {"unemployed": "tyovoima", "employed": employed_goes_to, "no": "kunta"},
            }
        ],
        "outcomes": [
            {"id": "tyovoima", "provider": "employment_authority", "title": {"fi": "Työvoimaviranomainen"},
             "text": {"fi": "Työvoimaviranomainen palvelee."}, **outcome},
            {"id": "kunta", "provider": "immigration_counsellor", "title": {"fi": "Maahanmuutto-ohjaaja"},
             "text": {"fi": "Ohjaaja palvelee."}, **outcome},
        ],
    }  # fmt: skip


def write_tree(path: Path, tree: dict) -> None:
    """The tree as YAML without anchors (the loader refuses them): a JSON round trip unshares the dicts."""
    path.write_text(yaml.safe_dump(json.loads(json.dumps(tree)), allow_unicode=True), encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Commit 1 (tag `before`) and then, uncommitted, the working tree with exactly four changes."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(MINIMAL, root, dirs_exist_ok=True)
    tree = root / "data" / "eligibility.yaml"
    write_tree(tree, eligibility_tree("tyovoima"))
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "catalogue")
    git(root, "tag", "before")

    services = root / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    # 1. a service added (a copy of the assessment under a new id and title)
    start = text.index("  - id: palvelutarpeen-arviointi")
    end = text.find("\n  - id: ", start + 1)
    added = text[start : end + 1 if end != -1 else len(text)]
    added = added.replace("id: palvelutarpeen-arviointi", "id: suomen-kielen-kurssi").replace(
        "fi: Palvelutarpeen arviointi", "fi: Suomen kielen kurssi"
    )
    services.write_text(text.rstrip("\n") + "\n" + added, encoding="utf-8")
    # 2. a provider changed: guidance for other clients moves to the employment authority
    edit(
        services,
        "      others:\n        provider: immigration_counsellor",
        "      others:\n        provider: employment_authority",
    )
    # 3. a translation outdated: the Finnish summary changes, the English one stays
    edit(services, "fi: Neuvontaa kaikille maahan muuttaneille.", "fi: Neuvontaa kaikille Kuopioon muuttaneille.")
    # 4. an eligibility outcome changed: working job seekers now go to the city's counsellor
    write_tree(tree, eligibility_tree("kunta"))
    return root


@pytest.fixture(scope="module")
def summary(repository: Path) -> str:
    result = make_diff(repository, "before")
    assert result.returncode == 0, result.stderr
    return result.stdout


def section(markdown: str, heading: str) -> str:
    """The text under the `### heading...` line, up to the next `###` heading."""
    match = re.search(rf"^### {re.escape(heading)}.*?$(.*?)(?=^### |\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no section {heading!r} in:\n{markdown}"
    return match.group(1)


def test_reports_the_added_service(summary: str) -> None:
    added = section(summary, "Uudet palvelut · Services added (1)")
    assert "**Suomen kielen kurssi** (`suomen-kielen-kurssi`)" in added
    assert "palvelutarpeen-arviointi" not in added


def test_reports_the_changed_provider_as_a_responsibility_change(summary: str) -> None:
    cells = section(summary, "Vastuunjaon muutokset · Responsibility changes (1)")
    assert "#### Ohjaus ja neuvonta (`ohjaus-ja-neuvonta`), asiakasryhmä · client group `others`" in cells
    assert "- `provider`" in cells
    assert "ennen · before: Maahanmuutto-ohjaaja (immigration_counsellor)" in cells
    assert "nyt · now: Työvoimaviranomainen (employment_authority)" in cells


def test_reports_the_changed_finnish_text_field_by_field(summary: str) -> None:
    changed = section(summary, "Muutetut palvelut · Services changed (1)")
    assert "#### Ohjaus ja neuvonta (`ohjaus-ja-neuvonta`)" in changed
    assert changed.count("- `") == 1, "only the Finnish summary changed in a service's own fields"
    assert "- `summary` (fi)" in changed
    assert "ennen · before: Neuvontaa kaikille maahan muuttaneille." in changed
    assert "nyt · now: Neuvontaa kaikille Kuopioon muuttaneille." in changed


def test_reports_the_outdated_translation(summary: str) -> None:
    outdated = section(summary, "Vanhentuneet käännökset · Translations now outdated (1)")
    assert "- `services/ohjaus-ja-neuvonta/summary`: en" in outdated


def test_reports_the_changed_eligibility_answer(summary: str) -> None:
    answers = section(summary, "Muuttuneet vastaukset palveluohjauksessa · Eligibility answers changed (1)")
    rows = [line for line in answers.splitlines() if line.startswith("| `")]
    assert len(rows) == 1, answers
    assert "`jobseeker=employed`" in rows[0]
    assert rows[0].index("`tyovoima`") < rows[0].index("`kunta`"), "before, then now"
    assert "provider" in rows[0]


def test_reports_nothing_else(summary: str) -> None:
    headings = re.findall(r"^### (.*?) \(\d+\)$|^### (.*)$", summary, re.MULTILINE)
    assert len(headings) == 5, summary
    assert "Poistetut palvelut" not in summary
    assert "Järjestäjät" not in summary


def test_no_changes_says_so(repository: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    git(tmp_path, "clone", "--quiet", str(repository), str(clean))  # a working tree equal to `before`
    result = make_diff(clean, "before")
    assert result.returncode == 0, result.stderr
    assert "No changes to services" in result.stdout
    assert "###" not in result.stdout


def test_unknown_base_gives_a_clear_message(repository: Path) -> None:
    result = make_diff(repository, "no-such-branch")
    assert result.returncode == 2
    assert "'no-such-branch' is not a branch, tag or commit of this repository" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.fixture(scope="module")
def with_make(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the temporary repository (its uncommitted changes too) with the Makefile: `make` runs
    there, never in this repository, where it could create a venv."""
    copy = tmp_path_factory.mktemp("make") / "repo"
    shutil.copytree(repository, copy, symlinks=True)
    return with_makefile(copy)


def test_make_diff_target_prints_the_summary(with_make: Path, summary: str) -> None:
    result = make(with_make, "diff", "BASE=before")
    assert result.returncode == 0, result.stderr
    assert result.stdout == summary


def test_make_diff_target_gives_the_same_message_for_an_unknown_base(with_make: Path) -> None:
    result = make(with_make, "diff", "BASE=no-such-branch-xyz")
    assert result.returncode != 0
    assert "'no-such-branch-xyz' is not a branch, tag or commit of this repository" in result.stderr
