"""`python -m bench.prepare SERVICES FOLDER`: write a synthetic project and its baseline.

The benchmark runs this in a child process of its own: generating the baseline loads the whole
catalogue, and a parent grown that large would be counted in every build's peak memory (a child
process starts as a copy of its parent).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.baseline import write_baseline_project
from bench.synthetic import write_synthetic_project
from guide.core.languages import LANGUAGES


def prepare(service_count: int, folder: Path) -> tuple[Path, Path]:
    """Our project with `service_count` services at folder/ours-N, its baseline at folder/baseline-N."""
    ours = write_synthetic_project(folder / f"ours-{service_count}", service_count)
    baseline = write_baseline_project(ours, folder / f"baseline-{service_count}", list(LANGUAGES))
    return ours, baseline


if __name__ == "__main__":
    prepare(int(sys.argv[1]), Path(sys.argv[2]))
