"""Load data/ into a `Catalogue`, or fail with every problem found, each pointing into the YAML.

This is the one place where raw YAML becomes typed records; everything downstream works on the
frozen models.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from guide.catalogue import contacts, coverage, path_checks, references
from guide.catalogue.models import (
    Catalogue,
    LifeSituation,
    Municipality,
    Organisation,
    PathLimit,
    PathStep,
    ProgrammeSectionTitle,
    Service,
)
from guide.catalogue.references import KnownIds
from guide.core import placeholders
from guide.core.lists import validate_list
from guide.core.problems import DataError, Problem
from guide.core.records import UiString
from guide.core.text_checks import link_problems
from guide.core.yaml_source import SourceDocument, read_yaml
from guide.eligibility.loader import load_eligibility
from guide.eligibility.model import GUIDANCE_KOTOL_SECTION

# file -> list key -> (model of one item, what an editor calls one item)
LAYOUT: dict[str, dict[str, tuple[type[BaseModel], str]]] = {
    "data/organisations.yaml": {
        "organisations": (Organisation, "organisation"),
        "municipalities": (Municipality, "municipality"),
    },
    "data/services.yaml": {
        "life_situations": (LifeSituation, "life situation"),
        "services": (Service, "service"),
    },
    "data/site.yaml": {
        "programme_sections": (ProgrammeSectionTitle, "programme section"),
        "strings": (UiString, "interface text"),
    },
    "data/service_path.yaml": {
        "path_limits": (PathLimit, "time limit"),
        "path_steps": (PathStep, "path step"),
    },
}


def load_source_catalogue(root: Path) -> Catalogue:
    """The catalogue as written in data/, without translation files; raises DataError on problems."""
    problems: list[Problem] = []
    items: dict[str, list[Any]] = {}
    origins: dict[str, list[int]] = {}
    documents: dict[str, SourceDocument] = {}
    for display_path, lists in LAYOUT.items():
        document = read_yaml(root / display_path, display_path)
        problems.extend(document.problems)
        problems.extend(link_problems(document))
        for list_key, (model, noun) in lists.items():
            documents[list_key] = document
            valid = validate_list(document, list_key, model, noun, problems)
            origins[list_key] = [index for index, _ in valid]
            items[list_key] = [record for _, record in valid]
        problems.extend(_unexpected_top_level_keys(document, lists))
        problems.extend(placeholders.check_document(document))
    if any(document.data is None and document.problems for document in documents.values()) or any(
        not isinstance(document.data.get(key), list) for key, document in documents.items()
    ):
        raise DataError(problems)  # a file or section that cannot be read would make every reference to it fail
    # Records that failed validation are left out, but their ids still count as known, so one
    # mistake does not turn every reference to that record into another message.
    catalogue = Catalogue(**items)
    raw_ids = _raw_ids(documents)
    problems.extend(references.check(catalogue, documents, origins, raw_ids))
    problems.extend(path_checks.check(catalogue, documents, origins, raw_ids))
    tree, tree_problems = load_eligibility(root, _eligibility_ids(catalogue, raw_ids))
    problems.extend(tree_problems)
    catalogue = catalogue.model_copy(update={"eligibility": tree})
    if not problems:  # referrals are followed through ids that are known to resolve
        organisations = documents["organisations"]
        problems.extend(contacts.referral_problems(catalogue, organisations))
        problems.extend(contacts.missing_referrals(catalogue, organisations))
        problems.extend(coverage.coverage_problems(catalogue, documents["services"]))
    if problems:
        raise DataError(problems)
    return catalogue


def _eligibility_ids(catalogue: Catalogue, raw_ids: dict[str, KnownIds]) -> dict[str, Any]:
    """The ids the eligibility tree may name: services, organisations, the guidance services, municipalities."""
    guidance = {s.id for s in catalogue.services if GUIDANCE_KOTOL_SECTION in s.kotol_sections}
    municipalities = [m.id for m in catalogue.municipalities]  # in data order: the values of `municipality`
    ids = {"services": raw_ids["services"], "organisations": raw_ids["organisations"], "guidance": guidance}
    return ids | {"municipalities": municipalities}


def _unexpected_top_level_keys(document: SourceDocument, lists: dict[str, Any]) -> list[Problem]:
    if not isinstance(document.data, dict):
        return []
    return [
        Problem(
            document.position((key,), key=True),
            f"unknown section '{key}'; this file has only: {', '.join(lists)}",
        )
        for key in document.data
        if key not in lists
    ]


def _raw_ids(documents: dict[str, SourceDocument]) -> dict[str, KnownIds]:
    """Every id written in the files, valid record or not; ids that are themselves invalid count
    only as the record they name (see KnownIds)."""
    ids: dict[str, KnownIds] = {}
    for lists in LAYOUT.values():
        for list_key, (model, _) in lists.items():
            document = documents[list_key]
            raw = document.data.get(list_key) if isinstance(document.data, dict) else None
            items = raw if isinstance(raw, list) else []
            written = {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
            invalid = {name for name in written if not _valid_id(model, name)}
            ids[list_key] = KnownIds(written - invalid, invalid)
    return ids


def _valid_id(model: type[BaseModel], name: str) -> bool:
    try:
        model.model_validate({"id": name})
    except ValidationError as error:
        return not any(detail["loc"] == ("id",) for detail in error.errors())
    return True
