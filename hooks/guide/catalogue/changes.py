"""What changed in the catalogue between two versions of data/, as a reviewer of a pull request needs it.

A reviewer who is not a developer asks: which services appear, disappear or change (and in which
language), who now provides what to whom, which translations no longer match their Finnish source,
and whose eligibility answer changes. Both versions are loaded by the same loader, so the comparison
works on validated records, never on YAML text (reordering or reformatting a file changes nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from guide.catalogue.models import Catalogue, Organisation, Service
from guide.core.languages import LANGUAGES
from guide.eligibility.changes import OutcomeChange, outcome_changes

# Fields whose values are organisation ids: shown with the organisation's name.
ORGANISATION_FIELDS = {"provider", "providers", "partners", "contacts"}
RESPONSIBILITY = "responsibility"


@dataclass(frozen=True)
class FieldChange:
    """One field of a record that differs; `language` is set for a text, None for other values."""

    field: str
    language: str | None
    before: str | None
    after: str | None


@dataclass(frozen=True)
class RecordChange:
    """A record (service, organisation) present in both versions whose fields differ."""

    id: str
    title: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ResponsibilityChange:
    """A cell of the responsibility table (service x client group) that differs."""

    service_id: str
    title: str
    group: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class OutdatedTranslation:
    """A text whose Finnish source changed while these languages kept their old translation."""

    key: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Changes:
    """Everything a reviewer is shown; empty tuples where nothing changed."""

    added: tuple[Service, ...]
    removed: tuple[Service, ...]
    changed: tuple[RecordChange, ...]
    responsibilities: tuple[ResponsibilityChange, ...]
    organisations_added: tuple[Organisation, ...]
    organisations_removed: tuple[Organisation, ...]
    organisations_changed: tuple[RecordChange, ...]
    outdated: tuple[OutdatedTranslation, ...]
    eligibility: tuple[OutcomeChange, ...]

    @property
    def empty(self) -> bool:
        """True when nothing residents could notice changed."""
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def compare(before: Catalogue, after: Catalogue) -> Changes:
    """The changes from `before` to `after`, in the order of the data (new order for kept records)."""
    old_services = {s.id: s for s in before.services}
    new_services = {s.id: s for s in after.services}
    names = {o.id: o.name.fi for o in (*before.organisations, *after.organisations)}
    changed: list[RecordChange] = []
    responsibilities: list[ResponsibilityChange] = []
    for service in after.services:
        if service.id not in old_services:
            continue
        fields = record_changes(old_services[service.id], service, names)
        plain = tuple(f for f in fields if not f.field.startswith(RESPONSIBILITY + "/"))
        if plain:
            changed.append(RecordChange(service.id, service.title.fi, plain))
        responsibilities.extend(_responsibility_changes(service, fields))
    old_organisations = {o.id: o for o in before.organisations}
    new_organisations = {o.id: o for o in after.organisations}
    organisations_changed = [
        RecordChange(o.id, o.name.fi, fields)
        for o in after.organisations
        if o.id in old_organisations and (fields := record_changes(old_organisations[o.id], o, names))
    ]
    return Changes(
        added=tuple(s for s in after.services if s.id not in old_services),
        removed=tuple(s for s in before.services if s.id not in new_services),
        changed=tuple(changed),
        responsibilities=tuple(responsibilities),
        organisations_added=tuple(o for o in after.organisations if o.id not in old_organisations),
        organisations_removed=tuple(o for o in before.organisations if o.id not in new_organisations),
        organisations_changed=tuple(organisations_changed),
        outdated=tuple(outdated_translations(before, after)),
        eligibility=outcome_changes(before.eligibility, after.eligibility),
    )


def record_changes(before: Any, after: Any, names: dict[str, str] | None = None) -> tuple[FieldChange, ...]:
    """Field-by-field differences of two versions of a record; texts are compared per language."""
    old, new = flatten(before.model_dump(mode="json")), flatten(after.model_dump(mode="json"))
    changes = []
    for key in [*new, *(k for k in old if k not in new)]:
        if old.get(key) == new.get(key):
            continue
        field, _, language = key.partition("@")
        changes.append(
            FieldChange(
                field,
                language or None,
                _display(field, old.get(key), names or {}),
                _display(field, new.get(key), names or {}),
            )
        )
    return tuple(changes)


def outdated_translations(before: Catalogue, after: Catalogue) -> Iterator[OutdatedTranslation]:
    """Texts whose Finnish changed while a translation stayed word for word the same.

    Such a translation still says what the old Finnish said, so residents reading that language get
    outdated information. (A translation removed or rewritten in the same change is not outdated.)
    """
    old = flatten(before.model_dump(mode="json"))
    new = flatten(after.model_dump(mode="json"))
    for key, text in new.items():
        field, _, language = key.partition("@")
        if language != "fi" or key not in old or old[key] == text:
            continue
        stale = tuple(
            lang
            for lang in LANGUAGES[1:]
            if new.get(f"{field}@{lang}") is not None and new.get(f"{field}@{lang}") == old.get(f"{field}@{lang}")
        )
        if stale:
            yield OutdatedTranslation(field, stale)


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """A dumped record as `path -> value`; texts become `path@language`, listed records use their ids.

    e.g. {'steps/0@fi': 'Ota yhteyttä.', 'providers': ['immigration_counsellor'], 'reviewed': '2026-11-28'}
    """
    if isinstance(value, dict) and _is_text(value):
        return {f"{path}@{language}": text for language, text in value.items() if text is not None}
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(flatten(item, f"{path}/{key}" if path else str(key)))
        return flat
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        flat = {}
        for index, item in enumerate(value):
            item_id = item.get("id") if isinstance(item, dict) else None
            segment = item_id if isinstance(item_id, str) else str(index)
            flat.update(flatten(item, f"{path}/{segment}" if path else segment))
        return flat
    return {path: value}


def _is_text(value: dict[str, Any]) -> bool:
    return "fi" in value and set(value) <= set(LANGUAGES)


def _responsibility_changes(service: Service, fields: tuple[FieldChange, ...]) -> Iterator[ResponsibilityChange]:
    groups: dict[str, list[FieldChange]] = {}
    for change in fields:
        if change.field.startswith(RESPONSIBILITY + "/"):
            _, group, *rest = change.field.split("/")
            groups.setdefault(group, []).append(
                FieldChange("/".join(rest), change.language, change.before, change.after)
            )
    for group, group_fields in groups.items():
        yield ResponsibilityChange(service.id, service.title.fi, group, tuple(group_fields))


def _display(field: str, value: Any, names: dict[str, str]) -> str | None:
    """A value as a reviewer reads it: lists joined, organisation ids with their names."""
    if value is None or value == []:
        return None
    items = value if isinstance(value, list) else [value]
    if field.rsplit("/", 1)[-1] in ORGANISATION_FIELDS:
        items = [f"{names[item]} ({item})" if item in names else item for item in items]
    return ", ".join(str(item) for item in items)
