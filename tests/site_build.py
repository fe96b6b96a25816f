"""Build a real site (the repository's, or a copy with other data) with MkDocs, for tests to read.

SITE_BUILDER names another command that builds with MkDocs' command line, e.g.
`.venv-properdocs/bin/properdocs` (`make properdocs` runs the build tests with ProperDocs that way);
unset, the build runs `python -m mkdocs` of the interpreter the tests run in.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from bench.synthetic import copy_project  # a copy of the parts a build reads; the benchmark uses it too
from guide.mkdocs.reproducible import SOURCE_DATE_EPOCH, commit_epoch

__all__ = ["REPO", "build_site", "copy_project", "dated_by_commit", "restrict_languages"]

REPO = Path(__file__).resolve().parent.parent


def build_site(destination: Path, *, source: Path = REPO, language: str = "") -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` (or SITE_BUILDER's) of `source` into `destination`; `language` builds only
    that one."""
    env = dated_by_commit(
        {**os.environ, "PYTHONPATH": str(source / "hooks"), "NO_MKDOCS_2_WARNING": "1", "BUILD_ONLY_LOCALE": language},
        source,
    )
    builder = shlex.split(os.environ.get("SITE_BUILDER", "")) or [sys.executable, "-m", "mkdocs"]
    # The configuration is named: ProperDocs looks for properdocs.yml first and reads mkdocs.yml as a fallback.
    command = [*builder, "build", "--strict", "--config-file", str(source / "mkdocs.yml"), "--site-dir"]
    return subprocess.run(
        [*command, str(destination)],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def dated_by_commit(env: dict[str, str], source: Path) -> dict[str, str]:
    """`env` with SOURCE_DATE_EPOCH from the commit of `source`, as the Makefile sets it, unless set.

    Outside a git checkout (a copy in a temporary folder) the build is dated by the clock.
    """
    if env.get(SOURCE_DATE_EPOCH, "").strip():
        return env
    epoch = commit_epoch(source)
    return {**env, SOURCE_DATE_EPOCH: epoch} if epoch else {k: v for k, v in env.items() if k != SOURCE_DATE_EPOCH}


def restrict_languages(project: Path, languages: list[str]) -> None:
    """Build only `languages` in a copied project (keeps the test builds small and fast)."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    current = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("- locale:"):
            current = stripped.split(":", 1)[1].strip()
        elif stripped == "build: true" and current is not None:
            lines[index] = line.replace("true", "true" if current in languages else "false")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
