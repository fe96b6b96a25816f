"""`make check` for the Suomi.fi PTV export: what PTV would refuse (errors) and what the city must fill in (warnings).

Each problem points at the text's own place: the line in data/*.yaml for Finnish (and for a
language written in the YAML), the entry's line in translations/<language>.po for a translation.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from guide.catalogue.models import Catalogue
from guide.core.problems import Position, Problem, duplicate_ids
from guide.core.yaml_source import SourceDocument, read_yaml
from guide.ptv import messages as say
from guide.ptv.data import PTV_FILE, PtvFile, read_ptv
from guide.ptv.export import exported_services
from guide.ptv.rules import PLACEHOLDER_PREFIX, duplicate_names, refusals
from guide.translations.store import TRANSLATIONS_DIR, Store, read_store

SERVICES_FILE = "data/services.yaml"
ORGANISATIONS_FILE = "data/organisations.yaml"
# A refusal that is not about one text points at the field staff edit for it.
SERVICE_FIELDS = {
    "languages": "languages",
    "areas": "municipalities",
    "legislation": "kotol_sections",
    "serviceProducers": "responsibility",
    "sourceId": "id",
}
PTV_FIELDS = {"serviceClasses": "service_classes", "targetGroups": "target_groups"}


def ptv_report(root: Path, catalogue: Catalogue) -> tuple[list[Problem], list[str]]:
    """Problems (PTV would refuse, or data/ptv.yaml is wrong) and warning lines, for `make check`."""
    ptv, ptv_document, problems = read_ptv(root)
    if ptv is None:
        return problems, []
    problems = _references(catalogue, ptv, ptv_document)
    if problems:
        return problems, []
    services = read_yaml(root / SERVICES_FILE, SERVICES_FILE)
    store, _ = read_store(root)
    exported = exported_services(catalogue, ptv)
    gaps: list[str] = []
    duplicates = duplicate_names([item.document for item in exported])
    for item in exported:
        service_id = item.document["sourceId"]
        for refusal in refusals(item.document) + duplicates.get(service_id, []):
            if refusal.field == "areas" and refusal.kind == "missing":
                continue  # no municipality code: a gap the city fills in, listed as a warning below
            if refusal.field == "languages" and refusal.kind == "missing":
                at = services.position(("services", _index(catalogue.services, service_id), "languages"), key=True)
                gaps.append(f"{at}: {say.no_service_language(service_id)}")
                continue  # the programme names no language: a gap to fill in, not an editor's mistake
            key = item.origins.get((refusal.field, refusal.type, refusal.language))
            if key:
                position = _text_position(services, store, key, refusal.language)
            elif refusal.field in PTV_FIELDS:
                position = ptv_document.position(
                    ("services", _index(ptv.services, service_id), PTV_FIELDS[refusal.field])
                )
            else:
                field = SERVICE_FIELDS.get(refusal.field, "id")
                position = services.position(("services", _index(catalogue.services, service_id), field), key=True)
            problems.append(Problem(position, say.refusal(service_id, refusal)))
    return problems, gaps + _warnings(root, catalogue, ptv, ptv_document, services)


def _text_position(document: SourceDocument, store: Store, key: str, language: str) -> Position:
    path = _yaml_path(document.data, key)
    if language == "fi" or (path and (*path, language) in document.values):
        return document.position((*path, language))
    entry = store.get(language, {}).get(key)
    return Position(f"{TRANSLATIONS_DIR}/{language}.po", entry.line) if entry else document.position(path)


def _yaml_path(data: Any, key: str) -> tuple[str | int, ...]:
    """The YAML location of a text key: `services/<id>/steps/0` -> ('services', 3, 'steps', 0)."""
    path: list[str | int] = []
    node = data
    for segment in key.split("/"):
        if isinstance(node, list):
            index = next(
                (i for i, item in enumerate(node) if isinstance(item, dict) and item.get("id") == segment), None
            )
            index = int(segment) if index is None and segment.isdigit() else index
            if index is None or index >= len(node):
                break
            path.append(index)
            node = node[index]
        elif isinstance(node, dict) and segment in node:
            path.append(segment)
            node = node[segment]
        else:
            break
    return tuple(path)


def _index(records: tuple[Any, ...], record_id: str) -> int:
    return next(i for i, record in enumerate(records) if record.id == record_id)


def _references(catalogue: Catalogue, ptv: PtvFile, document: SourceDocument) -> list[Problem]:
    service_ids = {s.id for s in catalogue.services}
    organisation_ids = {o.id for o in catalogue.organisations}
    problems = []
    for section in ("codes", "services"):
        records = getattr(ptv, section)
        problems += duplicate_ids(
            (record.id, document.position((section, index, "id"))) for index, record in enumerate(records)
        )
    for index, entry in enumerate(ptv.services):
        where = f"in PTV service '{entry.id}'"
        if entry.id not in service_ids:
            problems.append(
                Problem(document.position(("services", index, "id")), say.unknown_reference("service", entry.id, where))
            )
            continue
        for field, kind in (("service_classes", "service_class"), ("target_groups", "target_group")):
            for position, code_id in enumerate(getattr(entry, field)):
                code = ptv.code(code_id)
                at = document.position(("services", index, field, position))
                if code is None:
                    problems.append(Problem(at, say.unknown_reference("code", code_id, where)))
                elif code.kind != kind:
                    problems.append(Problem(at, say.wrong_kind(code_id, kind, where)))
        if entry.main_responsible and entry.main_responsible not in organisation_ids:
            at = document.position(("services", index, "main_responsible"))
            problems.append(Problem(at, say.unknown_reference("organisation", entry.main_responsible, where)))
        groups = catalogue.service(entry.id).responsibility
        for group in entry.provision:
            if group not in groups:
                at = document.position(("services", index, "provision", group), key=True)
                problems.append(Problem(at, say.unknown_reference("Liite 1 client group", group, where)))
    return problems


def _warnings(
    root: Path, catalogue: Catalogue, ptv: PtvFile, ptv_document: SourceDocument, services: SourceDocument
) -> list[str]:
    organisations = read_yaml(root / ORGANISATIONS_FILE, ORGANISATIONS_FILE)
    used: Counter[str] = Counter()
    for item in exported_services(catalogue, ptv):
        document = item.document
        ids = {o for p in document["serviceProducers"] for o in p["organizations"]} | {
            document["mainResponsibleOrganization"]
        }
        used.update(o.removeprefix(PLACEHOLDER_PREFIX) for o in ids if o.startswith(PLACEHOLDER_PREFIX))
    lines = []
    for index, organisation in enumerate(catalogue.organisations):
        if used[organisation.id]:
            at = organisations.position(("organisations", index, "id"))
            placeholder = PLACEHOLDER_PREFIX + organisation.id
            lines.append(f"{at}: {say.missing_ptv_id(organisation.id, placeholder, used[organisation.id])}")
    for index, municipality in enumerate(catalogue.municipalities):
        count = sum(municipality.id in s.municipalities for s in catalogue.services)
        if municipality.code is None and count:
            at = organisations.position(("municipalities", index, "id"))
            lines.append(f"{at}: {say.not_a_municipality(municipality.id, count)}")
    for index, code in enumerate(ptv.codes):
        if not code.source:
            lines.append(f"{ptv_document.position(('codes', index, 'id'))}: {say.unconfirmed_code(code.id)}")
    for index, service in enumerate(catalogue.services):
        if ptv.service(service.id) is None:
            lines.append(f"{services.position(('services', index, 'id'))}: {say.unclassified(service.id)}")
    return lines


__all__ = ["PTV_FILE", "ptv_report"]
