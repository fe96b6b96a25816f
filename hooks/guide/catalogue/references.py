"""Checks across records: ids unique, and every id a record names exists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

from guide.catalogue.models import Catalogue
from guide.core.editor_messages import did_you_mean
from guide.core.problems import Position, Problem, duplicate_ids
from guide.core.records import Identified
from guide.core.yaml_source import SourceDocument

ARTICLES = {
    "organisation": "an", "municipality": "a", "life situation": "a", "service": "a", "programme section": "a",
}  # fmt: skip
Documents = dict[str, SourceDocument]
# (location, the id named there, the kind of record it must name)
Reference = tuple[tuple[str | int, ...], str, str]


def _loose(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


class KnownIds(frozenset[str]):
    """The valid ids of one kind; a name that is only an invalid id retyped also counts as known.

    An id written with capitals (or another mistake) is reported once, on its record; references
    that name the record the usual way are then not reported again, and no hint points at the
    invalid spelling (iterating gives only the valid ids).
    """

    loose: frozenset[str]

    def __new__(cls, valid: Iterable[str], invalid: Iterable[str] = ()) -> KnownIds:
        known = super().__new__(cls, valid)
        known.loose = frozenset(_loose(name) for name in invalid)
        return known

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or (isinstance(name, str) and _loose(name) in self.loose)


def check(
    catalogue: Catalogue, documents: Documents, origins: dict[str, list[int]], ids: Mapping[str, AbstractSet[str]]
) -> list[Problem]:
    """Every duplicate id and every reference to a record that does not exist.

    `catalogue` holds the records that passed validation; `origins[list_key][i]` is the index in
    the file of its i-th record, and `ids` every id written in the files, valid record or not.
    """

    def position(loc: tuple[str | int, ...]) -> Position:
        list_key = str(loc[0])
        return documents[list_key].position((list_key, origins[list_key][int(loc[1])], *loc[2:]))

    problems = list(_duplicate_ids(catalogue, position))
    known = {
        "organisation": ids["organisations"],
        "municipality": ids["municipalities"],
        "life situation": ids["life_situations"],
        "service": ids["services"],
        "programme section": ids["programme_sections"],
    }
    files = {
        "organisation": "data/organisations.yaml",
        "municipality": "data/organisations.yaml",
        "life situation": "data/services.yaml",
        "service": "data/services.yaml",
        "programme section": "data/site.yaml",
    }
    for loc, named, kind in _references(catalogue):
        if named in known[kind]:
            continue
        hint = did_you_mean(named, known[kind])
        problems.append(
            Problem(
                position(loc),
                f"'{named}' is not {ARTICLES[kind]} {kind} id in {files[kind]}{hint}",
            )
        )
    for index, service in enumerate(catalogue.services):
        if service.id in service.related:
            loc = ("services", index, "related", service.related.index(service.id))
            problems.append(
                Problem(
                    position(loc),
                    f"service '{service.id}' lists itself as a related service",
                )
            )
    return problems


def _duplicate_ids(catalogue: Catalogue, position: Callable[[tuple[str | int, ...]], Position]) -> Iterator[Problem]:
    lists: tuple[tuple[str, Sequence[Identified]], ...] = (
        ("organisations", catalogue.organisations),
        ("municipalities", catalogue.municipalities),
        ("life_situations", catalogue.life_situations),
        ("services", catalogue.services),
        ("programme_sections", catalogue.programme_sections),
        ("strings", catalogue.strings),
        ("path_limits", catalogue.path_limits),
        ("path_steps", catalogue.path_steps),
    )
    for list_key, records in lists:
        yield from duplicate_ids((record.id, position((list_key, index, "id"))) for index, record in enumerate(records))


def _references(catalogue: Catalogue) -> Iterator[Reference]:
    for i, organisation in enumerate(catalogue.organisations):
        for j, municipality in enumerate(organisation.municipalities):
            yield ("organisations", i, "municipalities", j), municipality, "municipality"
    for i, service in enumerate(catalogue.services):
        here = ("services", i)
        yield (*here, "programme_section"), service.programme_section, "programme section"
        for field, kind in (
            ("providers", "organisation"),
            ("contacts", "organisation"),
            ("related", "service"),
            ("municipalities", "municipality"),
            ("life_situations", "life situation"),
        ):
            for j, named in enumerate(getattr(service, field)):
                yield (*here, field, j), named, kind
        for group, cell in service.responsibility.items():
            yield (*here, "responsibility", group, "provider"), cell.provider, "organisation"
            for j, partner in enumerate(cell.partners):
                yield (*here, "responsibility", group, "partners", j), partner, "organisation"
