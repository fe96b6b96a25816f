"""How a resident reaches each provider: the channels to show, whom to ask instead, and the city's gaps.

Every channel comes from data/organisations.yaml with its public source and the day it was
checked. An organisation with no phone, e-mail, booking form or web page of its own names, in
`ask_instead`, who answers for it (e.g. the immigration counsellor, who invites the wellbeing
county's social workers to the meeting). That referral must lead to someone reachable, never back
round, so a resident is never sent in a circle. `make check` warns about every gap, and the staff
page `yhteystiedot-puutteet/` lists them as the city's to-do list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from guide.catalogue.models import Catalogue, Channel, Organisation
from guide.core.problems import Position, Problem
from guide.core.yaml_source import SourceDocument, read_yaml

ORGANISATIONS_FILE = "data/organisations.yaml"
GAPS_PAGE = "yhteystiedot-puutteet.md"
# The order a resident tries channels in: a person first, then the organisation's own pages.
ORDER = ("phone", "email", "booking", "web", "address", "hours", "languages")


@dataclass(frozen=True)
class HowToContact:
    """What a "How to contact" block shows for one organisation."""

    organisation: Organisation
    channels: tuple[Channel, ...]  # in ORDER
    ask_instead: Organisation | None  # set when the organisation cannot be reached directly


def how_to_contact(catalogue: Catalogue, organisation_id: str) -> HowToContact:
    """The channels of an organisation in the order to try them, and whom to ask if it has none."""
    organisation = catalogue.organisation(organisation_id)
    channels = tuple(sorted(organisation.channels, key=lambda channel: ORDER.index(channel.kind)))
    ask = None
    if not organisation.reachable() and organisation.ask_instead:
        ask = catalogue.organisation(organisation.ask_instead)
    return HowToContact(organisation, channels, ask)


def contacted(catalogue: Catalogue) -> list[str]:
    """The organisations residents are sent to: providers and contacts of services and tool results."""
    ids: dict[str, None] = {}
    for service in catalogue.services:
        ids.update(dict.fromkeys(service.contacts or service.providers))
    if catalogue.eligibility is not None:
        for outcome in catalogue.eligibility.outcomes:
            ids.update(dict.fromkeys(outcome.contacts))
    return list(ids)


def referral_problems(catalogue: Catalogue, document: SourceDocument) -> Iterator[Problem]:
    """An error for every `ask_instead` that does not lead straight to a reachable organisation."""
    index = _raw_index(document)
    known = {organisation.id: organisation for organisation in catalogue.organisations}
    for organisation in catalogue.organisations:
        target = organisation.ask_instead
        if target is None:
            continue
        where = _position(document, index, organisation.id, "ask_instead")
        if target == organisation.id:
            yield Problem(where, f"'{organisation.id}' names itself in 'ask_instead'; name who answers for it")
        elif target in known and not known[target].reachable():
            yield Problem(
                where,
                f"'ask_instead' of '{organisation.id}' is '{target}', which has no phone, e-mail or web page "
                "either; residents would be sent on without reaching anyone. Name an organisation that has one",
            )


def gaps(catalogue: Catalogue) -> list[HowToContact]:
    """Every organisation residents are sent to that has no channel of its own, in data order."""
    wanted = set(contacted(catalogue))
    return [
        how_to_contact(catalogue, organisation.id)
        for organisation in catalogue.organisations
        if organisation.id in wanted and not organisation.reachable()
    ]


def gap_warnings(root: Path, catalogue: Catalogue) -> list[str]:
    """`path:line:column: warning: ...` for each gap, at the organisation's entry."""
    found = gaps(catalogue)
    if not found:
        return []
    document = read_yaml(root / ORGANISATIONS_FILE, ORGANISATIONS_FILE)
    index = _raw_index(document)
    lines = []
    for gap in found:
        where = _position(document, index, gap.organisation.id, "id")
        instead = (
            f"residents are told to ask '{gap.ask_instead.id}'" if gap.ask_instead else "residents are told nothing"
        )
        lines.append(
            f"{where}: warning: '{gap.organisation.id}' has no phone, e-mail, booking form or web page, so "
            f"{instead}; add a channel with its public source under 'channels:'"
        )
    return lines


def missing_referrals(catalogue: Catalogue, document: SourceDocument) -> Iterator[Problem]:
    """An error for an organisation residents are sent to that has no channel and no `ask_instead`."""
    index = _raw_index(document)
    for gap in gaps(catalogue):
        if gap.ask_instead is None:
            yield Problem(
                _position(document, index, gap.organisation.id, "id"),
                f"residents are sent to '{gap.organisation.id}', which has no phone, e-mail or web page: add one "
                "under 'channels:' (with its source), or name in 'ask_instead:' whom they should ask",
            )


def _raw_index(document: SourceDocument) -> dict[str, int]:
    # Positions in the file as written: records that failed validation still count.
    raw = document.data.get("organisations") if isinstance(document.data, dict) else None
    items = raw if isinstance(raw, list) else []
    return {item["id"]: i for i, item in enumerate(items) if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _position(document: SourceDocument, index: dict[str, int], organisation_id: str, field: str) -> Position:
    if organisation_id not in index:
        return Position(document.path)
    return document.position(("organisations", index[organisation_id], field))
