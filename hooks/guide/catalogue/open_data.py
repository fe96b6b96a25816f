"""The open-data exports of the built site (site/api/*.json), in the shape the public contract fixes."""

from __future__ import annotations

import json
from typing import Any

from guide.catalogue.models import Catalogue, Organisation
from guide.core import urls
from guide.core.languages import LANGUAGES

SERVICES_JSON = "api/services.json"


def services_document(catalogue: Catalogue, base_path: str, languages: list[str]) -> dict[str, Any]:
    """The content of services.json: organisations and services with their responsibilities."""
    return {
        "languages": [language for language in LANGUAGES if language in languages],
        "organisations": [_organisation(o) for o in catalogue.organisations],
        "services": [
            {
                "id": service.id,
                "programme_section": service.programme_section,
                "kotol_sections": list(service.kotol_sections),
                "title": service.title.as_dict(),
                "summary": service.summary.as_dict(),
                "url": {
                    language: urls.site_absolute(base_path, urls.service_source(service.id), language)
                    for language in languages
                },
                "responsibility": {
                    group: {
                        "provider": cell.provider,
                        "partners": list(cell.partners),
                        "delivery": list(cell.delivery),
                        "plan_review_months": cell.plan_review_months,
                        **({"notes": cell.notes.as_dict()} if cell.notes else {}),
                    }
                    for group, cell in sorted(service.responsibility.items())
                },
                "providers": list(service.providers),
                "municipalities": list(service.municipalities),
                "languages": list(service.languages),
                "life_situations": list(service.life_situations),
                "reviewed": service.reviewed.isoformat(),
            }
            for service in catalogue.services
        ],
    }


def _organisation(organisation: Organisation) -> dict[str, Any]:
    record: dict[str, Any] = {"id": organisation.id, "name": organisation.name.as_dict()}
    # Each contact fact with its public source and the day it was checked, as in the data.
    record["channels"] = [
        channel.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        | ({"text": channel.text.as_dict()} if channel.text else {})
        for channel in organisation.channels
    ]
    # The fields of the first exports, kept for their users: the first channel of each kind.
    for field, kind in (("website", "web"), ("email", "email"), ("phone", "phone")):
        if first := next((channel for channel in organisation.channels if channel.kind == kind), None):
            record[field] = first.href
    if organisation.ask_instead:
        record["ask_instead"] = organisation.ask_instead
    record["municipalities"] = list(organisation.municipalities)
    return record


def to_json(document: dict[str, Any]) -> str:
    """`document` as deterministic JSON text: sorted keys, UTF-8 characters, a trailing newline."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
