"""The responsibility matrix (vastuut-kunnittain/): the services of Liite 1 x municipality x client group.

A cell says who provides a service to one client group in one municipality. The programme's own
rule decides it: registered job seekers are served by the employment authority in every
municipality of the employment area; everyone else by the provider of the "others" column, but
only in the municipalities of the programme (Kuopio, Tuusniemi, Lapinlahti); people elsewhere in
the employment area who are not job seekers belong to their own municipality's programme.

Providers are told apart by name and by an icon (never by colour alone); the icon is chosen here
per organisation because it is presentation, not content, and the name is always shown with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from guide.core.records import CLIENT_GROUPS, ClientGroup
from guide.catalogue.models import Catalogue, Municipality, Organisation, Responsibility, Service

MATRIX_PAGE = "vastuut-kunnittain.md"
# organisation id -> icon (an <svg> symbol in overrides/kuopio/icons.html); others get DEFAULT_ICON
ICONS = {
    "employment_authority": "briefcase",
    "immigration_counsellor": "person",
    "international_house": "info",
    "city_of_kuopio": "city",
}
DEFAULT_ICON = "building"
CellKind = Literal["provider", "own_municipality", "not_available", "not_for_group"]


@dataclass(frozen=True)
class Column:
    """One column of the matrix: a municipality and a client group."""

    municipality: Municipality
    group: ClientGroup

    @property
    def id(self) -> str:
        """The column's id in the page, and its value in the URL (kunta and ryhma)."""
        return f"{self.municipality.id}--{self.group}"


@dataclass(frozen=True)
class Cell:
    """What one column says about one service."""

    column: Column
    kind: CellKind
    responsibility: Responsibility | None = None
    provider: Organisation | None = None
    icon: str = DEFAULT_ICON


@dataclass(frozen=True)
class Row:
    """A service of Liite 1 with one cell per column."""

    service: Service
    cells: tuple[Cell, ...]


def columns(catalogue: Catalogue) -> list[Column]:
    """Every municipality x client group, municipalities in data order."""
    return [Column(municipality, group) for municipality in catalogue.municipalities for group in CLIENT_GROUPS]


def cell(catalogue: Catalogue, service: Service, column: Column) -> Cell:
    """Who provides `service` to the column's group in the column's municipality, if anyone."""
    responsibility = service.responsibility.get(column.group)
    if responsibility is None:
        return Cell(column, "not_for_group")
    if column.group == "others" and not column.municipality.in_programme:
        return Cell(column, "own_municipality")
    if column.municipality.id not in service.municipalities or (
        column.group == "jobseekers" and not column.municipality.in_employment_area
    ):
        return Cell(column, "not_available")
    provider = catalogue.organisation(responsibility.provider)
    return Cell(column, "provider", responsibility, provider, ICONS.get(provider.id, DEFAULT_ICON))


def rows(catalogue: Catalogue) -> list[Row]:
    """The services that have a row in Liite 1 (a responsibility), each with every column's cell."""
    every = columns(catalogue)
    return [
        Row(service, tuple(cell(catalogue, service, column) for column in every))
        for service in catalogue.services
        if service.responsibility
    ]


def legend(catalogue: Catalogue) -> list[tuple[Organisation, str]]:
    """The providers that appear in the matrix with their icons, in order of first appearance."""
    seen: dict[str, tuple[Organisation, str]] = {}
    for row in rows(catalogue):
        for item in row.cells:
            if item.provider is not None and item.provider.id not in seen:
                seen[item.provider.id] = (item.provider, item.icon)
    return list(seen.values())
