"""site/api/ptv/services.json: the catalogue in the shape of Suomi.fi PTV's Open API v11 service input.

One object per service (`V9VmOpenApiServiceIn`, see guide.ptv.rules for the source read), sent by
staff with POST /api/v11/Service (new) or PUT /api/v11/Service/sourceId/{sourceId} (update).
Choices, where PTV's fields are wider than our data:

- texts go in the languages PTV takes for texts that the site has (fi, sv, en); a language is sent
  for a service only when its name, summary and description are all translated and current, since
  PTV wants the name and the descriptions in every language it gets;
- Description is the service's description, Requirements its audience ("who it is for") and
  UserInstruction its numbered steps, as plain text (Markdown emphasis and links written out);
  keywords are the service's comma-separated search keywords, one item each;
- areas are the official codes (`code`) of the service's municipalities; an entry without a code
  (the rest of the employment area) is not one municipality and is left out;
- serviceProducers follow Liite 1: each client group's provider produces it itself, unless
  data/ptv.yaml records the programme saying the group's service is bought;
- organisations are their `ptv_id`, or the named placeholder PTV-ID-PUUTTUU:<id>.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from guide.catalogue.models import Catalogue, Service, by_id
from guide.core.records import CLIENT_GROUPS, Text
from guide.ptv.data import PtvFile
from guide.ptv.rules import PLACEHOLDER_PREFIX, TEXT_LANGUAGES

PTV_SERVICES_JSON = "api/ptv/services.json"
SERVICE_TYPE = "Service"
FUNDING_TYPE = "PubliclyFunded"  # services under KotoL are arranged by the authorities named in Liite 1
PUBLISHING_STATUS = "Draft"

Origin = tuple[str, str, str]  # (field, type, language) of a text in the export


@dataclass
class Exported:
    """One service as PTV takes it, and where each of its texts came from (text keys of guide.translations.texts)."""

    document: dict[str, Any]
    origins: dict[Origin, str] = field(default_factory=dict)


def ptv_document(catalogue: Catalogue, ptv: PtvFile) -> dict[str, Any]:
    """The content of site/api/ptv/services.json."""
    return {"services": [item.document for item in exported_services(catalogue, ptv)]}


def exported_services(catalogue: Catalogue, ptv: PtvFile) -> list[Exported]:
    """Every service of the catalogue, in data order."""
    return [_service(catalogue, ptv, service) for service in catalogue.services]


def organisation_ref(catalogue: Catalogue, organisation_id: str) -> str:
    """The organisation's PTV id, or the placeholder that names it."""
    return catalogue.organisation(organisation_id).ptv_id or f"{PLACEHOLDER_PREFIX}{organisation_id}"


def text_languages(service: Service) -> list[str]:
    """The languages the service's texts go to PTV in (Finnish always)."""
    required = (service.title, service.summary, service.description)
    return [
        language
        for language in TEXT_LANGUAGES
        if language == "fi" or all(text.get(language) and not text.is_outdated(language) for text in required)
    ]


def _service(catalogue: Catalogue, ptv: PtvFile, service: Service) -> Exported:
    key = f"services/{service.id}"
    exported = Exported({})
    languages = text_languages(service)

    def texts(field_name: str, kind: str, text: Text | None, text_key: str, plain: bool = True) -> list[dict[str, str]]:
        items = []
        for language in languages:
            value = text.get(language) if text else None
            if value:
                exported.origins[(field_name, kind, language)] = text_key
                item = {"language": language, "value": plain_text(value) if plain else value}
                items.append({**item, "type": kind} if kind else item)
        return items

    instructions = _steps_text(service)
    classification = ptv.service(service.id)
    exported.document = {
        "sourceId": service.id,
        "type": SERVICE_TYPE,
        "fundingType": FUNDING_TYPE,
        "serviceNames": texts("serviceNames", "Name", service.title, f"{key}/title", plain=False),
        "serviceDescriptions": texts("serviceDescriptions", "Summary", service.summary, f"{key}/summary", plain=False)
        + texts("serviceDescriptions", "Description", service.description, f"{key}/description")
        + texts("serviceDescriptions", "UserInstruction", instructions, f"{key}/steps/0"),
        "requirements": texts("requirements", "", service.audience, f"{key}/audience"),
        "keywords": _keywords(service, languages, exported.origins, f"{key}/keywords"),
        "languages": list(service.languages or ()),
        "areaType": "LimitedType",
        "areas": _areas(catalogue, service),
        "legislation": _legislation(catalogue, ptv, service, languages),
        "serviceClasses": _codes(ptv, classification.service_classes if classification else ()),
        "targetGroups": _codes(ptv, classification.target_groups if classification else ()),
        "serviceProducers": _producers(catalogue, ptv, service),
        "mainResponsibleOrganization": organisation_ref(catalogue, _main_responsible(ptv, service)),
        "publishingStatus": PUBLISHING_STATUS,
    }
    return exported


def _keywords(service: Service, languages: list[str], origins: dict[Origin, str], key: str) -> list[dict[str, str]]:
    """The comma-separated keywords, one item each, in the languages the service's texts go in."""
    keywords, items = service.keywords, []
    for language in languages if keywords else []:
        text = keywords.get(language) if keywords else None
        if keywords and text and not keywords.is_outdated(language):
            origins[("keywords", "", language)] = key
            items += [{"language": language, "value": word.strip()} for word in text.split(",") if word.strip()]
    return items


def _steps_text(service: Service) -> Text | None:
    """The steps numbered one a line, in each language where every step is translated."""
    per_language: dict[str, str] = {}
    for language in TEXT_LANGUAGES:
        steps = [step.get(language) for step in service.steps]
        if all(steps) and not any(step.is_outdated(language) for step in service.steps):
            per_language[language] = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
    return Text.model_validate(per_language) if "fi" in per_language else None


def _areas(catalogue: Catalogue, service: Service) -> list[dict[str, Any]]:
    codes = [code for m in service.municipalities if (code := catalogue.municipality(m).code)]
    return [{"type": "Municipality", "areaCodes": codes}] if codes else []


def _legislation(catalogue: Catalogue, ptv: PtvFile, service: Service, languages: list[str]) -> list[dict[str, Any]]:
    if not service.kotol_sections or not ptv.law_url or "law_section" not in by_id(catalogue.strings):
        return []  # PTV wants a web page and we a name (the site's own text) for each law
    sections = ", ".join(str(number) for number in service.kotol_sections)
    name = catalogue.string("law_section")
    names = [
        {"language": language, "value": value.replace("{sections}", sections)}
        for language in languages
        if (value := name.get(language))
    ]
    page = {"language": "fi", "url": ptv.law_url, "value": name.fi.replace(" {sections} §", "")}
    return [{"names": names, "webPages": [page]}]


def _codes(ptv: PtvFile, code_ids: tuple[str, ...]) -> list[str]:
    return [code.uri for code_id in code_ids if (code := ptv.code(code_id))]


def _producers(catalogue: Catalogue, ptv: PtvFile, service: Service) -> list[dict[str, Any]]:
    classification = ptv.service(service.id)
    provision = classification.provision if classification else {}
    by_type: dict[str, list[str]] = {}
    if service.responsibility:
        for group in CLIENT_GROUPS:
            cell = service.responsibility.get(group)
            if cell is None:
                continue
            kind = provision[group].provision_type if group in provision else "SelfProducedServices"
            producers = by_type.setdefault(kind, [])
            # a bought service's producer is the supplier, whom the programme does not name
            if kind == "SelfProducedServices" and cell.provider not in producers:
                producers.append(cell.provider)
    else:
        by_type["SelfProducedServices"] = list(service.providers)
    return [
        {"provisionType": kind, "organizations": [organisation_ref(catalogue, o) for o in organisations]}
        for kind, organisations in by_type.items()
    ]


def _main_responsible(ptv: PtvFile, service: Service) -> str:
    classification = ptv.service(service.id)
    return (classification.main_responsible if classification else None) or service.providers[0]


_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_AUTOLINK = re.compile(r"<((?:https://|mailto:)[^>\s]+)>")
_ITALIC = re.compile(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])")


def plain_text(markdown: str) -> str:
    """Markdown as PTV's plain text: links as 'label (address)', emphasis markers dropped, lines kept."""
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", markdown)
    return _AUTOLINK.sub(r"\1", _ITALIC.sub(r"\1", _EMPHASIS.sub(r"\2", text))).strip()
