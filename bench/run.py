"""`make bench`: build times of this project against plain Material + i18n, and the weight of pages.

    python -m bench.run [--sizes 25 100 400] [--runs 3] [--json bench-results.json] [--no-weight]

For each catalogue size, a synthetic project (bench/synthetic.py) and its baseline
(bench/baseline.py: the same pages, pre-written, no hooks) are built in turn, `--runs` times each,
and the medians compared. Then the real site: a full build and one-language previews, and the
weight of its pages in a browser (bench/page_weight.py). Prints Markdown tables and writes JSON.
A benchmark, not a test: it asserts nothing; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.synthetic import REPO
from bench.timing import BuildRun, median_run, time_build

PREVIEW_LANGUAGES = ("fi", "ar")  # the default and a right-to-left language


def compare_size(service_count: int, runs: int, work: Path) -> dict[str, Any]:
    """Our build and the baseline's for a synthetic catalogue of `service_count` services."""
    prepare = [sys.executable, "-m", "bench.prepare", str(service_count), str(work)]
    subprocess.run(prepare, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "hooks")}, check=True)
    ours, baseline = work / f"ours-{service_count}", work / f"baseline-{service_count}"
    timed: dict[str, list[BuildRun]] = {"ours": [], "baseline": []}
    for _ in range(runs):  # alternate, so a slow moment of the machine hits both alike
        timed["ours"].append(time_build(ours, work / "site-ours"))
        timed["baseline"].append(time_build(baseline, work / "site-baseline"))
    ours_run, baseline_run = median_run(timed["ours"]), median_run(timed["baseline"])
    return {
        "services": service_count,
        "ours": dataclasses.asdict(ours_run),
        "baseline": dataclasses.asdict(baseline_run),
        "ratio": round(ours_run.seconds / baseline_run.seconds, 3),
        "runs": {name: [round(run.seconds, 2) for run in values] for name, values in timed.items()},
    }


def time_real_site(runs: int, work: Path) -> dict[str, Any]:
    """The repository's own site: a full build and a one-language preview per PREVIEW_LANGUAGES."""
    builds = {"all": ""} | {language: language for language in PREVIEW_LANGUAGES}
    result = {}
    for name, language in builds.items():
        site_dir = work / f"real-{name}"
        result[name] = dataclasses.asdict(median_run([time_build(REPO, site_dir, language) for _ in range(runs)]))
    return result


def growth(sizes: list[dict[str, Any]], side: str) -> list[float | None]:
    """How time grows against pages from each size to the next: 1.0 is linear, 2.0 quadratic."""
    exponents: list[float | None] = [None]
    for smaller, larger in itertools.pairwise(sizes):
        time_ratio = larger[side]["seconds"] / smaller[side]["seconds"]
        page_ratio = larger[side]["pages"] / smaller[side]["pages"]
        exponents.append(round(math.log(time_ratio) / math.log(page_ratio), 2))
    return exponents


def format_sizes(sizes: list[dict[str, Any]]) -> str:
    """The size comparison as a Markdown table."""
    rows = [
        "| services | pages | ours s | baseline s | ours/baseline | ours ms/page | baseline ms/page "
        "| growth ours | growth baseline | ours peak MB | baseline peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, ours_growth, baseline_growth in zip(sizes, growth(sizes, "ours"), growth(sizes, "baseline"), strict=True):
        ours, baseline = size["ours"], size["baseline"]
        rows.append(
            f"| {size['services']} | {ours['pages']} | {ours['seconds']:.1f} | {baseline['seconds']:.1f} "
            f"| {size['ratio']:.2f} | {1000 * ours['seconds'] / ours['pages']:.1f} "
            f"| {1000 * baseline['seconds'] / baseline['pages']:.1f} | {_or_dash(ours_growth)} "
            f"| {_or_dash(baseline_growth)} | {ours['peak_mb']:.0f} | {baseline['peak_mb']:.0f} |"
        )
    return "\n".join(rows)


def format_real_site(real: dict[str, Any]) -> str:
    """The real site's build times as a Markdown table."""
    rows = ["| build of the real site | pages | wall s | peak MB |", "|---|---:|---:|---:|"]
    for name, run in real.items():
        label = "all 8 languages (`make build`)" if name == "all" else f"preview `LANGUAGE={name}`"
        rows.append(f"| {label} | {run['pages']} | {run['seconds']:.1f} | {run['peak_mb']:.0f} |")
    return "\n".join(rows)


def _or_dash(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }


def main(arguments: list[str] | None = None) -> int:
    """Run the benchmark, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--no-weight", action="store_true", help="skip the page weights (no browser)")
    options = parser.parse_args(arguments)
    result: dict[str, Any] = {"machine": machine(), "runs": options.runs, "sizes": []}
    with tempfile.TemporaryDirectory(prefix="kuopio-bench-") as folder:
        work = Path(folder)
        for service_count in options.sizes:
            print(f"building {service_count} services, ours and baseline, {options.runs}x …", file=sys.stderr)
            result["sizes"].append(compare_size(service_count, options.runs, work))
        print("building the real site …", file=sys.stderr)
        result["real_site"] = time_real_site(options.runs, work)
        print(f"\n## Build time by catalogue size (8 languages, median of {options.runs})\n")
        print(format_sizes(result["sizes"]))
        print(f"\n## The real site (median of {options.runs})\n")
        print(format_real_site(result["real_site"]))
        if not options.no_weight:
            from bench.page_weight import measure_site  # needs Playwright and Chromium
            from bench.weight_report import format_report

            print("measuring page weights in Chromium …", file=sys.stderr)
            result["page_weight"] = measure_site(work / "real-all")
            print("\n## Page weight (first load, gzip)\n")
            print(format_report(result["page_weight"]))
    options.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nJSON: {options.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
