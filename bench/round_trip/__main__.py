"""`python -m bench.round_trip`: build both designs and print what differs (see the package docstring)."""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench.synthetic import PROJECT_PARTS, REPO, copy_project
from guide.core.languages import LANGUAGES
from guide.mkdocs.page_html import outline

HERE = Path(__file__).resolve().parent
RECORD_HOOK = "round_trip_record.py"
ROUND_TRIP_DESIGN = "f8d8e09"  # the last commit with the Markdown round trip


def checkout(revision: str, target: Path) -> None:
    """The parts of the project a build reads, as they were at `revision`."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, *PROJECT_PARTS], cwd=REPO, capture_output=True, check=True
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")


def prepare(project: Path, languages: list[str]) -> None:
    """Add the recording hook to the copy's mkdocs.yml, and build only `languages`."""
    shutil.copy2(HERE / "record.py", project / "hooks" / RECORD_HOOK)
    lines, current = [], None
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("- locale:"):
            current = stripped.split(":", 1)[1].strip()
        elif stripped == "build: true" and current not in languages:
            line = line.replace("true", "false")
        lines.append(line)
        if stripped == "- hooks/guide_hooks.py":
            lines.append(f"  - hooks/{RECORD_HOOK}")
    (project / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(project: Path, record: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    environment |= {"ROUND_TRIP_RECORD": str(record), "BUILD_ONLY_LOCALE": ""}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    done = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{done.stderr[-3000:]}")


def search_entries(site: Path) -> dict[str, list[dict[str, Any]]]:
    """Every search index of the site (one per language), by path."""
    return {
        str(path.relative_to(site)): json.loads(path.read_text(encoding="utf-8"))["docs"]
        for path in sorted(site.rglob("search/search_index.json"))
    }


def _without_blank_lines(path: Path) -> bytes:
    return b"\n".join(line for line in path.read_bytes().splitlines() if line.strip())


def compare(a: dict[str, Any], b: dict[str, Any], site_a: Path, site_b: Path) -> dict[str, object]:
    """Counts of what the two designs give alike and differently."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[Any]] = {}
    counts["generated pages only in one design"] = len(set(a) ^ set(b))
    for uri in sorted(set(a) & set(b)):
        counts["generated pages"] += 1
        for key in ("toc", "anchors", "hide"):
            counts[f"{key} items"] += len(a[uri][key])
            if a[uri][key] != b[uri][key]:
                counts[f"pages whose {key} differs"] += 1
                examples.setdefault(key, []).append([uri, a[uri][key], b[uri][key]])
        headings = outline(b[uri]["content"]).headings
        counts["headings with an id"] += len(headings)
        counts["of them inside another element (not in the TOC)"] += sum(1 for h in headings if not h.top_level)
    index_a, index_b = search_entries(site_a), search_entries(site_b)
    counts["search indexes"] = len(index_a)
    for path in index_a:
        counts["search entries"] += len(index_a[path])
        differing = [(x, y) for x, y in zip(index_a[path], index_b.get(path, []), strict=False) if x != y]
        counts["search entries that differ"] += len(differing) + abs(len(index_a[path]) - len(index_b.get(path, [])))
        examples.setdefault("search", []).extend(differing[:3])
    files_a = {p.relative_to(site_a) for p in site_a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(site_b) for p in site_b.rglob("*") if p.is_file()}
    counts["built files"] = len(files_a)
    counts["built files only in one design"] = len(files_a ^ files_b)
    differing_files = sorted(p for p in files_a & files_b if (site_a / p).read_bytes() != (site_b / p).read_bytes())
    counts["built files that differ"] = len(differing_files)
    beyond_blank_lines = [
        p for p in differing_files if _without_blank_lines(site_a / p) != _without_blank_lines(site_b / p)
    ]
    counts["built files that differ in more than blank lines"] = len(beyond_blank_lines)
    examples["files"] = [str(p) for p in beyond_blank_lines[:20]]
    return {"counts": dict(counts), "examples": {key: value[:5] for key, value in examples.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", default=ROUND_TRIP_DESIGN, help="the git revision to compare with")
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES))
    parser.add_argument("--keep", type=Path, help="keep the two builds in this folder")
    arguments = parser.parse_args()
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="round-trip-"))
    a, b = work / "a", work / "b"
    for folder in (a, b):
        shutil.rmtree(folder, ignore_errors=True)
    checkout(arguments.against, a)
    copy_project(b)
    for project in (a, b):
        prepare(project, arguments.languages)
    build(a, work / "a.json")
    build(b, work / "b.json")
    result = compare(
        json.loads((work / "a.json").read_text()), json.loads((work / "b.json").read_text()), a / "site", b / "site"
    )
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if arguments.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
