"""The pages of a built site, and one page of each type per language, for the quality gates.

Page types are found in the build rather than listed by hand, so a page type another change adds
(a new section, a deeper level of a directory) is checked without editing the tests: every
top-level page, and under each section the first page of each depth, plus an outcome of the
eligibility tree (its question pages come first).
"""

from __future__ import annotations

import json
from pathlib import Path

from guide.core.languages import LANGUAGES


def language_prefix(language: str) -> str:
    """Where a language's pages are: Finnish at the root, the others under /<lang>/."""
    return "" if language == "fi" else f"{language}/"


def all_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site."""
    return sorted(site.rglob("*.html"))


def page_types(site: Path, language: str) -> list[str]:
    """Site-relative URL paths of one page of each type in `language` (e.g. 'en/palvelut/x/')."""
    prefix = language_prefix(language)
    root = site / prefix
    other_languages = {code for code in LANGUAGES if code != "fi"}
    sections = sorted(child for child in root.iterdir() if child.is_dir() and (child / "index.html").is_file())
    if language == "fi":
        sections = [child for child in sections if child.name not in other_languages]
    paths = [prefix]
    for section in sections:
        by_depth: dict[int, Path] = {}
        for page in sorted(section.rglob("index.html")):
            depth = len(page.relative_to(section).parts)
            by_depth.setdefault(depth, page.parent)
        paths += [_url_path(site, directory) for _, directory in sorted(by_depth.items())]
    paths += _eligibility_outcome(site, language)
    return list(dict.fromkeys(paths))


def _url_path(site: Path, directory: Path) -> str:
    return directory.relative_to(site).as_posix() + "/"


def _eligibility_outcome(site: Path, language: str) -> list[str]:
    export = site / "api" / "eligibility.json"
    if not export.is_file():
        return []
    document = json.loads(export.read_text(encoding="utf-8"))
    page = document["page"][language].lstrip("/")
    outcome = next(node_id for node_id, node in document["nodes"].items() if node["kind"] == "outcome")
    candidate = f"{page}{outcome}/"
    return [candidate] if (site / candidate / "index.html").is_file() else []
