"""Running the Makefile's targets on a copy in a temporary folder, never in the repository.

`make` there would otherwise create .venv/ and install the requirements (the Makefile's first
rule). The copy gets a stand-in .venv/ whose python and mkdocs are this test run's interpreter,
marked installed, so a target runs at once and offline, exactly as its recipe says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_build import REPO

MAKE_FILES = ("Makefile", "pyproject.toml")
LOCKS = "requirements"  # the folder of the locks the install rules depend on
INSTALLED_MARKERS = (".runtime-installed", ".dev-installed")  # the Makefile's RUNTIME and DEV
ENGINE_PARTS = ("hooks", "overrides")  # the engine's code and templates, found beside the Makefile


def with_makefile(project: Path) -> Path:
    """Give the project at `project` the Makefile, the engine (if it has none) and a stand-in venv."""
    for name in MAKE_FILES:
        shutil.copy2(REPO / name, project / name)
    shutil.copytree(REPO / LOCKS, project / LOCKS, dirs_exist_ok=True)
    for part in ENGINE_PARTS:
        if not (project / part).is_dir():
            shutil.copytree(REPO / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    bin_folder = project / ".venv" / "bin"
    bin_folder.mkdir(parents=True, exist_ok=True)
    for name, command in (("python", ""), ("mkdocs", " -m mkdocs")):
        script = bin_folder / name
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}"{command} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    sources = [project / name for name in MAKE_FILES] + sorted((project / LOCKS).iterdir())
    newest = max(path.stat().st_mtime for path in sources)
    for marker in INSTALLED_MARKERS:
        installed = bin_folder / marker
        installed.touch()
        os.utime(installed, (newest + 1, newest + 1))  # newer than what it depends on: nothing to install
    return project


def make(project: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`make -s <arguments>` in `project`."""
    return subprocess.run(
        ["make", "--no-print-directory", "-s", *arguments],
        cwd=project,
        env=env if env is not None else dict(os.environ),
        capture_output=True,
        text=True,
        check=False,
    )
