"""A copy of the project whose every text carries hostile or broken content (tests/fixtures/hostile).

The payloads are appended to the real data rather than kept as a separate catalogue, so every
text field, also those added later, gets one, and the site still builds the same pages.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import yaml

from guide.core.languages import LANGUAGES
from guide.core.records import SUMMARY_MAX_CHARS
from site_build import REPO, copy_project

PAYLOADS = yaml.safe_load((Path(__file__).parent / "fixtures" / "hostile" / "payloads.yaml").read_text("utf-8"))


def _is_text(node: object) -> bool:
    return (
        isinstance(node, dict) and "fi" in node and all(k in LANGUAGES and isinstance(v, str) for k, v in node.items())
    )


def _poison(node: object, payloads: itertools.cycle, key: str = "") -> object:
    if _is_text(node):
        result = {language: f"{text} {next(payloads)}" for language, text in node.items()}
        if key == "summary":
            result = {language: text[:SUMMARY_MAX_CHARS] for language, text in result.items()}
        return result
    if isinstance(node, dict):
        return {name: _poison(value, payloads, str(name)) for name, value in node.items()}
    if isinstance(node, list):
        return [_poison(item, payloads, key) for item in node]
    return node


def hostile_project(target: Path) -> tuple[Path, int]:
    """A copy of the project with a payload in every text of data/; and how many texts got one."""
    project = copy_project(target)
    for extra in ("translations",):  # read by the build where present (mkdocs.yml watches it)
        if (REPO / extra).is_dir() and not (project / extra).exists():
            shutil.copytree(REPO / extra, project / extra)
    payloads = itertools.cycle(PAYLOADS["inert"])
    count = 0
    for path in sorted((project / "data").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        poisoned = _poison(document, payloads)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
        count += yaml.safe_dump(poisoned, allow_unicode=True).count("window.__hostile")
    return project, count
