"""Reproducible builds: two builds of one commit, on a clock that is not the commit's, are byte-identical.

The first is `make build` (the Makefile dates it by the commit; the hooks never set the date), the
second the tests' build helper, so the site the tests read is dated as the published one.

One language (Finnish) is built twice rather than all eight, to keep the suite fast. It covers the
same code paths: mkdocs-static-i18n builds every language by running the same MkDocs build once per
language, and every source of difference is per build, not per language — the build date MkDocs
stamps into sitemap.xml and the gzip header of sitemap.xml.gz, our generated pages and open data
(each language rendered by the same functions), and the order of anything taken from sets or
dicts (each build is a new Python process with its own hash seed, so set order would differ
between the two builds). The full eight-language pair was also measured identical (see README).
"""

from __future__ import annotations

import datetime
import gzip
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from make_targets import make, with_makefile
from site_build import REPO, build_site

COMMIT_DATE = "2021-03-04T12:34:56+00:00"
COMMIT_DAY = datetime.date(2021, 3, 4)
# What a clone of the repository does not have (tools, caches, builds): the rest is copied and committed.
NOT_SOURCES = {
    ".git",
    ".venv",
    ".venv-properdocs",
    "site",
    "node_modules",
    ".tools",
    ".pytest_cache",
    ".ruff_cache",
    ".cache",
}


def not_sources(folder: str, names: list[str]) -> list[str]:
    """What copytree leaves out: NOT_SOURCES at the top (hooks/guide/site/ is a source), caches anywhere."""
    return [name for name in names if name == "__pycache__" or (Path(folder) == REPO and name in NOT_SOURCES)]


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project committed on COMMIT_DATE, built twice into separate folders: once with
    `make build`, as on a staff member's machine (SOURCE_DATE_EPOCH not set), once with the tests'
    build helper (which dates a build as the Makefile does)."""
    project = tmp_path_factory.mktemp("project") / "repo"
    shutil.copytree(REPO, project, ignore=not_sources)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    for command in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", "site"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True, capture_output=True)
    with_makefile(project)  # a stand-in .venv/ (untracked, as in a clone)
    unset = {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}
    result = make(project, "build", "LANGUAGE=fi", env=unset)
    assert result.returncode == 0, result.stderr[-4000:]
    first = tmp_path_factory.mktemp("first") / "site"
    shutil.move(project / "site", first)
    second = tmp_path_factory.mktemp("second")
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        result = build_site(second, source=project, language="fi")
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert result.returncode == 0, result.stderr[-4000:]
    return first, second


def test_two_builds_of_one_commit_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = (files_of(site) for site in two_builds)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_the_build_is_dated_by_its_commit_not_by_the_clock(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{COMMIT_DAY.isoformat()}</lastmod>" in sitemap
    assert datetime.date.today().isoformat() not in sitemap
    compressed = (site / "sitemap.xml.gz").read_bytes()
    header_time = int.from_bytes(compressed[4:8], "little")  # RFC 1952: MTIME
    midnight = datetime.datetime.combine(COMMIT_DAY, datetime.time(), datetime.UTC)
    assert header_time == int(midnight.timestamp())
    assert gzip.decompress(compressed).decode("utf-8") == sitemap


def test_the_staff_page_measures_review_dates_against_the_commit(two_builds: tuple[Path, Path]) -> None:
    page = (two_builds[0] / "tarkistuspaivat" / "index.html").read_text(encoding="utf-8")
    assert f"Tilanne {COMMIT_DAY.day}.{COMMIT_DAY.month}.{COMMIT_DAY.year}:" in page
