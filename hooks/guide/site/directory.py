"""The service directory (palveluhakemisto/): service cards, their filters, and the pre-built filtered pages.

One rule decides whether a service matches a filter (`matches`); the pre-built pages use it at
build time and the directory's script applies the same rule to the cards' data-* attributes. The
readings behind the rule, where the data leaves room:

- target group: a service with no per-group responsibility (Liite 1 row) is for everyone, so it
  matches both groups;
- delivery mode: only the modes of the service's responsibility count (for the chosen group, or
  either group); a service whose way of delivery the data does not state matches no delivery
  filter, rather than one guessed for it;
- municipality, life situation and language: the service lists the value.

Without JavaScript the directory shows every card, grouped by programme section (each service is
in exactly one), and the filters are links to pages pre-built for the main facets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guide.core.records import CLIENT_GROUPS, ClientGroup, Text
from guide.catalogue.models import Catalogue, Service

DIRECTORY_PAGE = "palveluhakemisto/index.md"
DELIVERY_FACETS: tuple[str, ...] = ("in_person", "remote", "hybrid")  # the modes the issue names
# facet -> URL segment and query parameter (Finnish, the same in every language)
PARAMETERS = {
    "situation": "tilanne",
    "group": "ryhma",
    "municipality": "kunta",
    "delivery": "toteutus",
    "language": "kieli",
}
PREBUILT = ("municipality", "situation", "group", "delivery")  # facets with a page per value


@dataclass(frozen=True)
class Option:
    """One value of a facet: its id (in URLs and data-* attributes) and its label."""

    value: str
    label: Text | None = None  # None: the label is a language name or an interface text
    string_id: str | None = None


@dataclass(frozen=True)
class Facet:
    """A filter: its name, the URL parameter, the interface text of its label, and its options."""

    name: str
    parameter: str
    options: tuple[Option, ...]

    @property
    def string_id(self) -> str:
        """The id of its label in data/site.yaml."""
        return f"facet_{self.name}"


@dataclass(frozen=True)
class FilteredPage:
    """A pre-built page of the directory showing the services that match one facet value."""

    src_uri: str
    facet: Facet
    option: Option


def facets(catalogue: Catalogue) -> tuple[Facet, ...]:
    """Every facet with the options the data has, in a fixed order."""
    languages = dict.fromkeys(code for service in catalogue.services for code in service.languages)
    municipalities = tuple(Option(m.id, m.name) for m in catalogue.municipalities)
    return (
        Facet("situation", PARAMETERS["situation"], tuple(Option(s.id, s.title) for s in catalogue.life_situations)),
        Facet("group", PARAMETERS["group"], tuple(Option(g, string_id=f"group_short_{g}") for g in CLIENT_GROUPS)),
        Facet("municipality", PARAMETERS["municipality"], municipalities),
        Facet("delivery", PARAMETERS["delivery"], tuple(Option(d, string_id=f"delivery_{d}") for d in DELIVERY_FACETS)),
        Facet("language", PARAMETERS["language"], tuple(Option(code) for code in languages)),
    )


def groups_of(service: Service) -> tuple[ClientGroup, ...]:
    """The client groups a service is for: those with a responsibility, or both when it has none."""
    return tuple(group for group in CLIENT_GROUPS if not service.responsibility or group in service.responsibility)


def delivery_of(service: Service, group: str | None = None) -> tuple[str, ...]:
    """The delivery modes of a service (for one group, or for any), in the order of DELIVERY_FACETS."""
    modes = {
        mode
        for name, responsibility in service.responsibility.items()
        if group in (None, name)
        for mode in responsibility.delivery
    }
    return tuple(mode for mode in DELIVERY_FACETS if mode in modes)


def matches(service: Service, chosen: dict[str, str]) -> bool:
    """Whether `service` matches every chosen filter (facet name -> value)."""
    checks = {
        "situation": lambda value: value in service.life_situations,
        "group": lambda value: value in groups_of(service),
        "municipality": lambda value: value in service.municipalities,
        "delivery": lambda value: value in delivery_of(service, chosen.get("group")),
        "language": lambda value: not service.languages or value in service.languages,
    }
    return all(checks[name](value) for name, value in chosen.items())


def sections(catalogue: Catalogue, services: Iterable[Service]) -> list[tuple[str, list[Service]]]:
    """`services` grouped by programme section, in the order of the sections; empty groups left out."""
    chosen = list(services)
    grouped = [
        (section.id, [service for service in chosen if service.programme_section == section.id])
        for section in catalogue.programme_sections
    ]
    return [(section_id, members) for section_id, members in grouped if members]


# A service whose languages the programme does not name is given with an interpreter where needed,
# so it is listed under every language filter (data-kieli="*" tells directory.js the same).
ANY_LANGUAGE = "*"


def card_data(service: Service) -> dict[str, str]:
    """The data-* attributes the directory's script filters by (space-separated ids)."""
    data = {
        "data-tilanne": " ".join(service.life_situations),
        "data-ryhma": " ".join(groups_of(service)),
        "data-kunta": " ".join(service.municipalities),
        "data-kieli": " ".join(service.languages) or ANY_LANGUAGE,
    }
    for group in CLIENT_GROUPS:
        data[f"data-toteutus-{group}"] = " ".join(delivery_of(service, group))
    return data


def filtered_source(facet: Facet, option: Option) -> str:
    """The (virtual) Markdown source of a pre-built filtered page, e.g. 'palveluhakemisto/kunta/kuopio.md'."""
    return f"palveluhakemisto/{facet.parameter}/{option.value}.md"


def filtered_pages(catalogue: Catalogue) -> list[FilteredPage]:
    """A page per value of each pre-built facet."""
    return [
        FilteredPage(filtered_source(facet, option), facet, option)
        for facet in facets(catalogue)
        if facet.name in PREBUILT
        for option in facet.options
    ]
