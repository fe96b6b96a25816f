"""Checks of data/service_path.yaml against the rest of the catalogue.

The service path repeats one fact that services.yaml also holds: how often a plan is reviewed
(`plan_review_months` of a service's responsibility). Staff may edit either file, so a review
limit that disagrees with the service it belongs to is reported rather than silently shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

from guide.catalogue.models import Catalogue
from guide.core.problems import Problem
from guide.core.yaml_source import SourceDocument

Loc = tuple[str | int, ...]


def check(
    catalogue: Catalogue,
    documents: dict[str, SourceDocument],
    origins: dict[str, list[int]],
    ids: Mapping[str, AbstractSet[str]] | None = None,
) -> list[Problem]:
    """Steps naming unknown services or limits, and review limits that disagree.

    `ids` are the loader's known ids (a misspelt id is reported once, on its record). Ids used twice
    are reported by guide.catalogue.references, as in every other list.
    """
    if "path_steps" not in documents or "path_limits" not in documents:
        return []

    def problem(loc: Loc, message: str) -> Problem:
        list_key = str(loc[0])
        return Problem(documents[list_key].position((list_key, origins[list_key][int(loc[1])], *loc[2:])), message)

    known = {**_raw_ids(documents), **({"services": ids["services"]} if ids else {})}
    return [problem(loc, message) for loc, message in _findings(catalogue, known)]


def _raw_ids(documents: dict[str, SourceDocument]) -> dict[str, set[str]]:
    """Every id written in the files, valid record or not: a record that failed validation is
    already reported, so references to it are not reported again."""
    ids: dict[str, set[str]] = {}
    for list_key in ("services", "path_limits"):
        data = documents[list_key].data if list_key in documents else None
        items = data.get(list_key) if isinstance(data, dict) else None
        ids[list_key] = {i["id"] for i in items or [] if isinstance(i, dict) and isinstance(i.get("id"), str)}
    return ids


def _findings(catalogue: Catalogue, known: Mapping[str, AbstractSet[str]]) -> Iterator[tuple[Loc, str]]:
    services = {service.id: service for service in catalogue.services}
    limits = {limit.id: limit for limit in catalogue.path_limits}
    for index, step in enumerate(catalogue.path_steps):
        for position, service_id in enumerate(step.services):
            if service_id not in known["services"]:
                yield (("path_steps", index, "services", position), f"path step '{step.id}' names service "
                       f"'{service_id}', which is not in data/services.yaml")  # fmt: skip
        for position, limit_id in enumerate(step.limits):
            limit = limits.get(limit_id)
            if limit is None:
                if limit_id in known["path_limits"]:
                    continue
                yield (("path_steps", index, "limits", position), f"path step '{step.id}' names time limit "
                       f"'{limit_id}', which is not under path_limits:")  # fmt: skip
                continue
            main = services.get(step.services[0])
            if limit.group and limit.unit == "month" and main is not None:
                responsibility = main.responsibility.get(limit.group)
                months = responsibility.plan_review_months if responsibility else None
                if months is not None and months != limit.amount:
                    yield (("path_steps", index, "limits", position), f"time limit '{limit_id}' says "
                           f"{limit.amount} months but service '{main.id}' reviews plans every {months} "
                           f"months for {limit.group}; make them agree")  # fmt: skip
