"""One timed MkDocs build in a child process: wall time, peak memory and pages written."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildRun:
    """What one build cost."""

    seconds: float
    peak_mb: float  # the build process's maximum resident set size
    pages: int  # HTML files written


class BuildFailedError(RuntimeError):
    """A benchmark build exited with an error (its last output is in the message)."""


def time_build(project: Path, site_dir: Path, language: str = "") -> BuildRun:
    """Build `project` into `site_dir` as `make build` does (`language`: a one-language preview)."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(project / "hooks"),
        "NO_MKDOCS_2_WARNING": "1",
        "BUILD_ONLY_LOCALE": language,
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "--site-dir", str(site_dir)]
    # stderr to a file, not a pipe: a baseline build prints many warnings, and a full pipe would
    # stall the child while we wait for it.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)  # the rusage of this child alone
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise BuildFailedError(f"{project}: {errors.read().decode(errors='replace')[-2000:]}")
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return BuildRun(seconds, usage.ru_maxrss / 1024, pages)


def median_run(runs: list[BuildRun]) -> BuildRun:
    """The median time and median peak memory of several builds of the same site."""
    return BuildRun(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.peak_mb for run in runs),
        runs[0].pages,
    )
