"""`python -m bench.round_trip`: build both designs and print what differs (see the package docstring)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.round_trip.headings import scan
from bench.synthetic import copy_project
from guide.core.languages import LANGUAGES

HERE = Path(__file__).resolve().parent
HOOKS = {"record.py": "round_trip_record.py", "after_markdown.py": "round_trip_after_markdown.py"}


def prepare(project: Path, languages: list[str], hooks: list[str]) -> None:
    """The copy's mkdocs.yml names `hooks` and builds only `languages`."""
    copy_project(project)
    for source, target in [*HOOKS.items(), ("headings.py", "headings.py")]:
        shutil.copy2(HERE / source, project / "hooks" / target)
    lines, current = [], None
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped == "- hooks/guide_hooks.py":
            lines += [f"  - hooks/{hook}" for hook in hooks]
            continue
        if stripped.startswith("- locale:"):
            current = stripped.split(":", 1)[1].strip()
        elif stripped == "build: true" and current not in languages:
            line = line.replace("true", "false")
        lines.append(line)
    (project / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(project: Path, record: Path, **env: str) -> None:
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    environment |= {"ROUND_TRIP_RECORD": str(record), "BUILD_ONLY_LOCALE": "", **env}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    done = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{done.stderr[-3000:]}")


def search_entries(site: Path) -> dict[str, list[dict]]:
    """Every search index of the site (one per language), by path."""
    return {
        str(path.relative_to(site)): json.loads(path.read_text(encoding="utf-8"))["docs"]
        for path in sorted(site.rglob("search/search_index.json"))
    }


def compare(a: dict, b: dict, site_a: Path, site_b: Path) -> dict[str, object]:
    """Counts of what the two designs give alike and differently."""
    counts: Counter[str] = Counter()
    examples: dict[str, list] = {}
    for uri in sorted(a):
        counts["pages"] += 1
        for key in ("toc", "anchors", "hide"):
            counts[f"{key} items"] += len(a[uri][key])
            if a[uri][key] != b[uri][key]:
                counts[f"pages whose {key} differs"] += 1
                examples.setdefault(key, []).append([uri, a[uri][key], b[uri][key]])
        headings, _ = scan(a[uri]["content"])
        counts["headings with an id in the HTML"] += len(headings)
        counts["of them inside another element"] += sum(1 for h in headings if h.depth > 0)
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
    differing_files = sorted(
        str(p) for p in files_a & files_b if (site_a / p).read_bytes() != (site_b / p).read_bytes()
    )
    counts["built files that differ"] = len(differing_files)
    examples["files"] = differing_files[:20]
    return {"counts": dict(counts), "examples": {key: value[:5] for key, value in examples.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES))
    parser.add_argument("--keep", type=Path, help="keep the two builds in this folder")
    parser.add_argument("--rule", choices=["top", "all"], default="top")
    arguments = parser.parse_args()
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="round-trip-"))
    a, b = work / "a", work / "b"
    for folder in (a, b):
        shutil.rmtree(folder, ignore_errors=True)
    prepare(a, arguments.languages, ["guide_hooks.py", HOOKS["record.py"]])
    prepare(b, arguments.languages, [HOOKS["after_markdown.py"], HOOKS["record.py"]])
    build(a, work / "a.json")
    build(b, work / "b.json", ROUND_TRIP_HTML=str(work / "a.json"), ROUND_TRIP_RULE=arguments.rule)
    result = compare(
        json.loads((work / "a.json").read_text()), json.loads((work / "b.json").read_text()), a / "site", b / "site"
    )
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if arguments.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
