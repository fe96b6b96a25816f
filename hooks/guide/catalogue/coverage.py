"""KotoL § 13: the minimum content of a municipality's integration programme, checked against the catalogue.

Act on the Promotion of Integration 681/2023, § 13: the programme contains at least the
assessments of §§ 14-15, the integration plans of §§ 16-17, multilingual civic orientation (§ 25),
integration training with its final language test (§§ 26-27), other services that promote
language skills, literacy and knowledge of society, and guidance and counselling (§ 10). A
published catalogue that leaves one out does not describe a lawful programme, so it is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from guide.catalogue.models import Catalogue, Service
from guide.core.problems import Problem
from guide.core.yaml_source import SourceDocument

# The programme section (Kuopio's "3") of other language, literacy and society services is the
# catalogue's grouping; any municipality files those services under its own section number, so
# they are recognised by having no KotoL section of the other minimum contents instead.
_CORE_SECTIONS = {10, 14, 15, 16, 17, 25, 26, 27}


@dataclass(frozen=True)
class MinimumContent:
    """One minimum content of § 13 and how a service is recognised as covering it."""

    name: str
    covers: Callable[[Service], bool]


def _rests_on(*sections: int) -> Callable[[Service], bool]:
    return lambda service: any(section in service.kotol_sections for section in sections)


def _other_language_service(service: Service) -> bool:
    return not _CORE_SECTIONS & set(service.kotol_sections) and "language-and-studies" in service.life_situations


MINIMUM_CONTENTS: tuple[MinimumContent, ...] = (
    MinimumContent("the assessment of competence and integration service needs (KotoL 14 §)", _rests_on(14)),
    MinimumContent("the multisectoral assessment (KotoL 15 §)", _rests_on(15)),
    MinimumContent("the integration plan (KotoL 16 §)", _rests_on(16)),
    MinimumContent("the multisectoral integration plan (KotoL 17 §)", _rests_on(17)),
    MinimumContent("multilingual civic orientation (KotoL 25 §)", _rests_on(25)),
    MinimumContent("integration training with the final language test (KotoL 26-27 §)", _rests_on(26)),
    MinimumContent(
        "other services for Finnish or Swedish, literacy or knowledge of society (a service with the life "
        "situation 'language-and-studies')",
        _other_language_service,
    ),
    MinimumContent("guidance and counselling (KotoL 10 §)", _rests_on(10)),
)


def coverage_problems(catalogue: Catalogue, document: SourceDocument) -> Iterator[Problem]:
    """An error for each minimum content of KotoL § 13 that no published service covers."""
    for content in MINIMUM_CONTENTS:
        if not any(content.covers(service) for service in catalogue.services):
            yield Problem(
                document.position(("services",), key=True),
                f"no service covers {content.name}, which KotoL 13 § requires in every integration "
                "programme; add the service (or its 'kotol_sections')",
            )
