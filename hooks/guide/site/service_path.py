"""The service path ("your first steps") as the page polku/ shows it, made from data/service_path.yaml.

Each step is shown once with the two client groups side by side. What differs per group (who
provides the step, a note, a review interval) is looked up here so the template only lays it
out: the provider of a group is the `responsibility` of the step's first service, so editing
services.yaml changes the path too. Time limits become texts with their numbers filled in, and a
bar whose length is the limit's share of the longest one (the "at a glance" picture; the text
next to each bar says the same in words).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from babel.units import format_unit

from guide.core import placeholders
from guide.core.languages import LANGUAGES
from guide.core.records import CLIENT_GROUPS, ClientGroup, Text
from guide.catalogue.models import Catalogue, Organisation, PathLimit, PathStep, Service

PATH_PAGE = "polku.md"


@dataclass(frozen=True)
class LimitView:
    """A time limit with its text filled in per language and its bar length (percent of the longest)."""

    limit: PathLimit
    text: Text
    duration: Text
    percent: float
    extension_percent: float


@dataclass(frozen=True)
class TrackView:
    """What one step means for one client group."""

    group: ClientGroup
    provider: Organisation | None
    note: Text | None
    limits: tuple[LimitView, ...]


@dataclass(frozen=True)
class StepView:
    """A step of the path, ready for the template."""

    step: PathStep
    number: int
    services: tuple[Service, ...]
    limits: tuple[LimitView, ...]
    tracks: tuple[TrackView, ...]

    @property
    def shared(self) -> bool:
        """True when the step is the same for everyone (its first service has no per-group providers)."""
        return all(track.provider is None and track.note is None and not track.limits for track in self.tracks)


def months(limit: PathLimit, amount: int | None = None) -> int:
    """The limit (or `amount` in its unit) in months, so limits of different units compare."""
    value = limit.amount if amount is None else amount
    return value * 12 if limit.unit == "year" else value


@functools.lru_cache(maxsize=512)
def duration(amount: int, unit: str, language: str) -> str:
    """A duration as the language writes it, e.g. (3, 'year', 'fi') -> '3 vuotta'."""
    return format_unit(amount, f"duration-{unit}", length="long", locale=language)


def fill(text: Text, key: str, values: dict[str, int | None], unit: str) -> Text:
    """`text` in every language with {amount}, {duration}, {extension}, {extension_duration} filled in.

    {amount} is the bare number, for languages whose grammar needs the unit word in a case of its
    own (Finnish '3 kuukauden välein'); {duration} is number and unit in the text's language.
    """
    filled = {}
    for language, value in text.as_dict().items():
        amount, extension = values["amount"] or 0, values["extension"]
        supplied = {
            "amount": amount,
            "duration": duration(amount, unit, language),
            "extension": "" if extension is None else extension,
            "extension_duration": "" if extension is None else duration(extension, unit, language),
        }
        filled[language] = placeholders.fill(value, key, supplied)
    return Text(**filled)


def limit_views(catalogue: Catalogue) -> dict[str, LimitView]:
    """Every time limit by id, with texts filled in and bar lengths relative to the longest limit."""
    longest = max((months(limit) + months(limit, limit.extension or 0) for limit in catalogue.path_limits), default=1)
    views = {}
    for limit in catalogue.path_limits:
        values = {"amount": limit.amount, "extension": limit.extension}
        durations = {language: duration(limit.amount, limit.unit, language) for language in LANGUAGES}
        views[limit.id] = LimitView(
            limit=limit,
            text=fill(limit.text, f"path_limits/{limit.id}/text", values, limit.unit),
            duration=Text(**durations),
            percent=round(100 * months(limit) / longest, 2),
            extension_percent=round(100 * months(limit, limit.extension or 0) / longest, 2),
        )
    return views


def step_views(catalogue: Catalogue) -> list[StepView]:
    """The steps in order, each with its services, shared limits and per-group tracks."""
    limits = limit_views(catalogue)
    views = []
    for number, step in enumerate(catalogue.path_steps, start=1):
        services = tuple(catalogue.service(service_id) for service_id in step.services)
        step_limits = [limits[limit_id] for limit_id in step.limits]
        tracks = []
        for group in CLIENT_GROUPS:
            responsibility = services[0].responsibility.get(group)
            provider = catalogue.organisation(responsibility.provider) if responsibility else None
            own = tuple(view for view in step_limits if view.limit.group == group)
            tracks.append(TrackView(group, provider, step.tracks.get(group), own))
        shared = tuple(view for view in step_limits if view.limit.group is None)
        views.append(StepView(step, number, services, shared, tuple(tracks)))
    return views


def chart(catalogue: Catalogue) -> list[LimitView]:
    """The time limits for the bar chart, longest first."""
    return sorted(limit_views(catalogue).values(), key=lambda view: -months(view.limit))
