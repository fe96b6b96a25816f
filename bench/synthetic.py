"""Synthetic catalogues for the benchmark: the real project with its services cloned to a given count.

A clone is a real service under a new id, its Finnish title numbered, and its translations in
every language copied with it, so text lengths, Markdown, responsibility rows and translation
coverage stay those of the real programme; only the count grows. The eligibility tree, the
organisations and the written pages stay as they are (they do not grow with the catalogue).
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "content", "overrides", "hooks", "data", "translations")


def copy_project(target: Path) -> Path:
    """A copy of the parts of the repository a build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    # Material's compiled templates stay valid in the copy (their files are the same venv's); ours
    # are compiled afresh, since the key of an entry holds the template's path.
    compiled = REPO / ".cache" / "jinja"
    if compiled.is_dir():
        shutil.copytree(compiled, target / ".cache" / "jinja", ignore=shutil.ignore_patterns("*.tmp"))
    return target


def write_synthetic_project(target: Path, service_count: int) -> Path:
    """A copy of the project at `target` whose catalogue has `service_count` services, all translated."""
    copy_project(target)
    services_file = target / "data" / "services.yaml"
    data = yaml.safe_load(services_file.read_text(encoding="utf-8"))
    originals: list[dict[str, Any]] = data["services"]
    if service_count < len(originals):
        raise ValueError(f"at least {len(originals)} services (the real catalogue's count)")
    # (original id, copy number): the second copy of every service, then the third, and so on
    plan = [
        (originals[n % len(originals)]["id"], n // len(originals) + 1) for n in range(len(originals), service_count)
    ]
    by_id = {service["id"]: service for service in originals}
    data["services"] = originals + [_clone(by_id[original_id], number) for original_id, number in plan]
    services_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    for po_file in sorted((target / "translations").glob("*.po")):
        _add_clone_translations(po_file, plan)
    return target


def _clone(original: dict[str, Any], number: int) -> dict[str, Any]:
    clone = copy.deepcopy(original)
    clone["id"] = f"{original['id']}-{number}"
    clone["title"]["fi"] = f"{original['title']['fi']} {number}"
    return clone


def _add_clone_translations(po_file: Path, plan: list[tuple[str, int]]) -> None:
    with po_file.open("rb") as stream:
        catalog = read_po(stream)
    messages = [message for message in catalog if message.id and message.context]
    for original_id, number in plan:
        prefix = f"services/{original_id}/"
        for message in messages:
            context = message.context or ""  # every message kept above has one
            if not context.startswith(prefix):
                continue
            key = f"services/{original_id}-{number}/" + context.removeprefix(prefix)
            if key.endswith("/title"):
                catalog.add(f"{message.id} {number}", f"{message.string} {number}", context=key)
            else:
                catalog.add(message.id, message.string, context=key)
    with po_file.open("wb") as stream:
        write_po(stream, catalog, width=0, sort_output=False, include_lineno=False)
