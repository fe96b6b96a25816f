"""Load data/eligibility.yaml into an `EligibilityTree`, with every problem at its line.

guide.eligibility.checks then checks the structure of a tree whose records are each valid.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from guide.core import placeholders
from guide.core.lists import validate_list
from guide.core.messages import describe
from guide.core.problems import Problem
from guide.core.records import UiString, Url
from guide.core.text_checks import link_problems
from guide.core.yaml_source import SourceDocument, read_yaml
from guide.eligibility.checks import check_tree
from guide.eligibility.model import EligibilityTree, Fact, Outcome, Question, Reading

ELIGIBILITY_FILE = "data/eligibility.yaml"
LISTS: dict[str, tuple[type[BaseModel], str]] = {
    "strings": (UiString, "interface text"),
    "readings": (Reading, "reading"),
    "facts": (Fact, "fact"),
    "questions": (Question, "question"),
    "outcomes": (Outcome, "outcome"),
}


class _Head(BaseModel):
    """The file's single values (the lists are validated item by item)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    start: str
    quick_exit_url: Url


def load_eligibility(root: Path, known: dict[str, set[str]]) -> tuple[EligibilityTree | None, list[Problem]]:
    """The tree under `root` (None when the file does not exist) and every problem found in it.

    `known` holds the catalogue's ids: 'services', 'organisations' and 'guidance' (the services of
    KotoL § 10).
    """
    if not (root / ELIGIBILITY_FILE).exists():
        return None, []
    document = read_yaml(root / ELIGIBILITY_FILE, ELIGIBILITY_FILE)
    problems = [*document.problems, *link_problems(document)]
    if document.data is None:
        return None, problems
    if not isinstance(document.data, dict):
        return None, [Problem(document.position(()), "the file should hold named sections (start:, facts:, ...)")]
    items: dict[str, list[Any]] = {}
    for key, (model, noun) in LISTS.items():
        before = len(problems)
        items[key] = [record for _, record in validate_list(document, key, model, noun, problems)]
        if len(problems) > before:
            items[key] = []
    problems.extend(_head_problems(document))
    problems.extend(placeholders.check_document(document, "eligibility/"))
    allowed = {*LISTS, *_Head.model_fields}
    problems.extend(
        Problem(
            document.position((key,), key=True), f"unknown section '{key}'; this file has only: {', '.join(allowed)}"
        )
        for key in document.data
        if key not in allowed
    )
    if problems:
        return None, problems
    tree = EligibilityTree(**items, **_Head.model_validate(document.data).model_dump())
    problems.extend(check_tree(tree, document, known))
    return (None if problems else tree), problems


def _head_problems(document: SourceDocument) -> Iterator[Problem]:
    try:
        _Head.model_validate(document.data)
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(detail["loc"])
            position = document.position(loc) if detail["type"] != "missing" else document.position(())
            yield Problem(position, describe(detail, _Head, "in the tree"))
