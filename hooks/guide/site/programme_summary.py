"""The printable programme summary (ohjelma/): the document the law asks the municipality to publish.

It is one page per language, made from the same data as the rest of the site, laid out for A4
paper by the print stylesheet: the services by programme section, the responsibility table
(Liite 1), the contacts, and the follow-up of the programme.
"""

from __future__ import annotations

import datetime

from guide.catalogue.models import Catalogue, Organisation

SUMMARY_PAGE = "ohjelma.md"


def contacts(catalogue: Catalogue) -> list[Organisation]:
    """The organisations a service names as provider, partner or contact, in the data's order."""
    named = {
        organisation_id
        for service in catalogue.services
        for organisation_id in (
            *service.providers,
            *service.contacts,
            *(r.provider for r in service.responsibility.values()),
            *(p for r in service.responsibility.values() for p in r.partners),
        )
    }
    return [organisation for organisation in catalogue.organisations if organisation.id in named]


def last_reviewed(catalogue: Catalogue) -> datetime.date:
    """The latest day a service's content was checked: the summary is as current as that."""
    return max(service.reviewed for service in catalogue.services)
