"""The catalogue's data model: typed, frozen records made once from the YAML files in data/.

Field names are the YAML keys staff write. Texts are per language (`Text`); Finnish is the
source language and always required, the other seven are filled in by translation.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Annotated, Literal, TypeVar, cast

from pydantic import (
    AfterValidator,
    Field,
    field_validator,
    model_validator,
)

from guide.core.records import (
    PROGRAMME_DATE,
    ClientGroup,
    Delivery,
    Identified,
    LanguageCode,
    MunicipalityCode,
    NonEmpty,
    OrganisationId,
    ProgrammeSection,
    PtvId,
    Record,
    ServiceId,
    Slug,
    Summary,
    Text,
    UiString,
    Url,
)
from guide.eligibility.model import EligibilityTree


class Link(Record):
    """A link shown to residents: only https:, mailto: and tel: addresses."""

    url: Url
    label: Text


ChannelKind = Literal["phone", "email", "booking", "web", "address", "hours", "languages"]
# Kinds a resident can use to reach someone (the others say where and when, or in which language).
REACHING_KINDS: tuple[ChannelKind, ...] = ("phone", "email", "booking", "web")
PROGRAMME_SOURCE = "programme"  # the integration programme document itself
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


def _source(value: str) -> str:
    if value != PROGRAMME_SOURCE and not value.startswith("https://"):
        raise ValueError(
            "channel: 'source' must be 'programme' or the https:// address of the public page the fact is from"
        )
    return value


class Channel(Record):
    """One way to reach an organisation, with the public source of the fact and the day it was checked.

    `value` holds the phone number as written, the e-mail address, the https:// address of a web
    page or booking form, or the street address; opening hours are `text`, service languages
    `languages`. Nothing here is ever invented: no source, no channel.
    """

    kind: ChannelKind
    value: NonEmpty | None = None
    text: Text | None = Field(default=None, description="opening hours, or a note on the channel")
    languages: tuple[LanguageCode, ...] = ()
    source: Annotated[str, AfterValidator(_source)]
    checked: datetime.date

    @model_validator(mode="after")
    def _fits_kind(self) -> Channel:
        """Each kind needs its own kind of value (a phone number, an address, hours ...)."""
        value = self.value or ""
        if self.kind in ("web", "booking") and not (value.startswith("https://") and " " not in value):
            raise ValueError(f"channel: a {self.kind} channel needs 'value: https://...' (the page's address)")
        if self.kind == "phone" and not _PHONE.match(value):
            raise ValueError("channel: a phone channel needs 'value:' with the number, e.g. +358 17 182 111")
        if self.kind == "email" and not _EMAIL.match(value):
            raise ValueError("channel: an email channel needs 'value:' with the address, e.g. info@example.fi")
        if self.kind == "address" and not value:
            raise ValueError("channel: an address channel needs 'value:' with the street address")
        if self.kind == "hours" and self.text is None:
            raise ValueError("channel: an hours channel needs 'text:' with the opening hours")
        if self.kind == "languages" and not self.languages:
            raise ValueError("channel: a languages channel needs 'languages:' with language codes, e.g. [fi, en]")
        return self

    @property
    def href(self) -> str | None:
        """The link a resident taps, where the channel is one."""
        if self.kind in ("web", "booking"):
            return self.value
        if self.kind == "phone" and self.value:
            return "tel:" + re.sub(r"[^0-9+]", "", self.value)
        if self.kind == "email":
            return f"mailto:{self.value}"
        return None


class Organisation(Record):
    """A provider or partner named in the programme."""

    id: OrganisationId
    name: Text
    short_name: Text | None = None
    description: Text | None = None
    municipalities: tuple[Slug, ...] = ()
    channels: tuple[Channel, ...] = ()
    ask_instead: OrganisationId | None = Field(
        default=None, description="whom residents ask while this organisation has no phone, e-mail or web page here"
    )
    ptv_id: PtvId | None = Field(default=None, description="the organisation's id (GUID) in Suomi.fi PTV")

    def reachable(self) -> bool:
        """True when a resident can phone, e-mail, book or open a page of this organisation."""
        return any(channel.kind in REACHING_KINDS for channel in self.channels)


class Municipality(Record):
    """A municipality of the programme, or the employment area as a whole."""

    id: Slug
    name: Text
    in_programme: bool = Field(description="covered by the programme's services for non-job-seekers")
    in_employment_area: bool = True
    description: Text | None = Field(default=None, description="e.g. which municipalities a group stands for")
    code: MunicipalityCode | None = Field(
        default=None, description="official municipality code (Statistics Finland); none for a group of municipalities"
    )


class LifeSituation(Record):
    """A life situation residents browse services by (e.g. 'just arrived', 'family')."""

    id: Slug
    title: Text
    summary: Text


class Responsibility(Record):
    """Who provides a service to one client group (a cell of Liite 1, the responsibility table)."""

    provider: OrganisationId
    partners: tuple[OrganisationId, ...] = ()
    delivery: tuple[Delivery, ...] = Field(default=(), description="only the modes Liite 1 states; empty: not stated")
    plan_review_months: Literal[3, 6] | None = None
    notes: Text | None = None


class Service(Record):
    """One service or measure of the integration programme."""

    id: ServiceId
    programme_section: ProgrammeSection
    kotol_sections: tuple[int, ...] = ()
    title: Text
    summary: Summary
    description: Text = Field(description="Markdown; raw HTML is removed when the page is built")
    audience: Text = Field(description="who the service is for, Markdown")
    steps: tuple[Text, ...] = Field(min_length=1, description="how to get the service, in order")
    languages: tuple[LanguageCode, ...] = Field(
        description="languages the service itself is given in (ISO 639-1 codes); empty where the programme names none"
    )
    life_situations: tuple[Slug, ...] = Field(min_length=1)
    municipalities: tuple[Slug, ...] = Field(min_length=1)
    providers: tuple[OrganisationId, ...] = Field(min_length=1)
    responsibility: dict[ClientGroup, Responsibility] = Field(default_factory=dict)
    contacts: tuple[OrganisationId, ...] = ()
    links: tuple[Link, ...] = ()
    related: tuple[ServiceId, ...] = ()
    keywords: Text | None = None
    reviewed: datetime.date

    @field_validator("reviewed", mode="before")
    @classmethod
    def _written_as_date(cls, value: object) -> object:
        """A number is no date (pydantic would read 0 as 1 January 1970)."""
        if isinstance(value, int | float):
            raise ValueError("reviewed_not_date")
        return value

    @field_validator("reviewed")
    @classmethod
    def _within_programme(cls, value: datetime.date) -> datetime.date:
        """A review happens between the programme's date and today."""
        if value > datetime.date.today():
            raise ValueError("reviewed_future")
        if value < PROGRAMME_DATE:
            raise ValueError("reviewed_early")
        return value


class ProgrammeSectionTitle(Record):
    """The heading of a section of the programme document, for grouping services."""

    id: ProgrammeSection
    title: Text


class PathLimit(Record):
    """A time limit of the service path (data/service_path.yaml), cited to the programme or the law."""

    id: Slug
    amount: int = Field(gt=0)
    unit: Literal["year", "month"]
    extension: int | None = Field(default=None, gt=0, description="how much longer it can be made, same unit")
    group: ClientGroup | None = Field(default=None, description="the one client group it applies to")
    text: Text = Field(description="what the limit bounds; {duration} is replaced by e.g. '3 years'")
    programme_section: ProgrammeSection | None = None
    kotol_sections: tuple[int, ...] = ()


class PathStep(Record):
    """One step of the service path from arrival onwards, with what it means for each client group."""

    id: Slug
    title: Text
    summary: Text
    services: tuple[ServiceId, ...] = Field(min_length=1, description="the first gives each group's provider")
    tracks: dict[ClientGroup, Text] = Field(default_factory=dict)
    limits: tuple[Slug, ...] = ()
    programme_sections: tuple[ProgrammeSection, ...] = ()
    kotol_sections: tuple[int, ...] = ()


class Catalogue(Record):
    """Everything the site is generated from."""

    organisations: tuple[Organisation, ...]
    municipalities: tuple[Municipality, ...]
    life_situations: tuple[LifeSituation, ...]
    services: tuple[Service, ...]
    programme_sections: tuple[ProgrammeSectionTitle, ...]
    strings: tuple[UiString, ...]
    path_limits: tuple[PathLimit, ...] = ()  # data/service_path.yaml
    path_steps: tuple[PathStep, ...] = ()
    eligibility: EligibilityTree | None = None  # data/eligibility.yaml, when the file exists

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation with this id (ids are checked to resolve at load time)."""
        return by_id(self.organisations)[organisation_id]

    def service(self, service_id: str) -> Service:
        """The service with this id (ids are checked to resolve at load time)."""
        return by_id(self.services)[service_id]

    def municipality(self, municipality_id: str) -> Municipality:
        """The municipality with this id (ids are checked to resolve at load time)."""
        return by_id(self.municipalities)[municipality_id]

    def programme_section(self, section_id: str) -> ProgrammeSectionTitle:
        """The heading of a programme section (every section used has one, checked at load)."""
        return next(s for s in self.programme_sections if s.id == section_id)

    def string(self, string_id: str) -> Text:
        """The interface text with this id; a missing id is a template bug, so it raises."""
        try:
            return by_id(self.strings)[string_id].text
        except KeyError:
            raise KeyError(f"no interface text '{string_id}' in data/site.yaml") from None


# Lookups by id use a dictionary per tuple of records, built on first use: templates look records
# up thousands of times a build, and a linear search grew with the square of the catalogue's size.
# Keyed by the tuple's identity (a copied catalogue with other records has other tuples); the entry
# holds the tuple, so its id cannot be reused while cached.
_INDEXES: dict[int, tuple[tuple[Identified, ...], Mapping[str, Identified]]] = {}
IdentifiedRecord = TypeVar("IdentifiedRecord", bound=Identified)


def by_id(records: tuple[IdentifiedRecord, ...]) -> dict[str, IdentifiedRecord]:
    """The records by their `id`."""
    cached = _INDEXES.get(id(records))
    if cached is not None and cached[0] is records:
        return cast(dict[str, IdentifiedRecord], cached[1])  # made from these very records, below
    if len(_INDEXES) > 256:
        _INDEXES.clear()
    index = {record.id: record for record in records}
    _INDEXES[id(records)] = (records, index)
    return index
