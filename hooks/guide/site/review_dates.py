"""Review dates: which services are due for checking, and the staff page that lists them by date.

Each service carries `reviewed`, the day its content was last checked against the programme. The
programme is reported on once a year, so a service not checked for more than 12 months is due:
`make check` warns about it (a warning, not an error, so an overdue date never blocks publishing
a correction), and the staff page lists every service oldest first as the yearly report's appendix.
The date to measure against is passed in, so tests fix the clock and builds use the build date.
"""

from __future__ import annotations

import calendar
import datetime
import os
from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment

from guide.core.languages import DEFAULT_LANGUAGE
from guide.catalogue.models import Catalogue, Service
from guide.site.pages import GeneratedPage, PageContext
from guide.core.problems import Position
from guide.core.yaml_source import read_yaml

REVIEW_PAGE = "tarkistuspaivat.md"
REVIEW_TEMPLATE = "kuopio/review_dates.html"
SERVICES_FILE = "data/services.yaml"
MAX_AGE_MONTHS = 12


def due_date(today: datetime.date, months: int = MAX_AGE_MONTHS) -> datetime.date:
    """The earliest review date still current on `today`: the same day `months` months before.

    A day missing in that month (29 February, 31st) becomes the month's last day.
    """
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(today.day, last_day))


def is_overdue(service: Service, today: datetime.date) -> bool:
    """True when the service was last reviewed more than MAX_AGE_MONTHS months before `today`."""
    return service.reviewed < due_date(today)


def overdue(services: Iterable[Service], today: datetime.date) -> list[Service]:
    """The services due for review on `today`, oldest review first."""
    return sorted((s for s in services if is_overdue(s, today)), key=lambda s: (s.reviewed, s.id))


def by_review_date(catalogue: Catalogue) -> list[Service]:
    """Every service, the one reviewed longest ago first (ties in the catalogue's order)."""
    order = {service.id: index for index, service in enumerate(catalogue.services)}
    return sorted(catalogue.services, key=lambda s: (s.reviewed, order[s.id]))


def review_warnings(root: Path, catalogue: Catalogue, today: datetime.date) -> list[str]:
    """`path:line:column: warning: ...` for each overdue service, pointing at its `reviewed:` line."""
    due = overdue(catalogue.services, today)
    if not due:
        return []
    document = read_yaml(root / SERVICES_FILE, SERVICES_FILE)
    raw = document.data.get("services", []) if isinstance(document.data, dict) else []
    index = {item.get("id"): i for i, item in enumerate(raw) if isinstance(item, dict)}
    lines = []
    for service in due:
        where = (
            document.position(("services", index[service.id], "reviewed"))
            if service.id in index
            else Position(SERVICES_FILE)
        )
        lines.append(
            f"{where}: warning: service '{service.id}' was last reviewed on {service.reviewed.isoformat()}, "
            f"more than {MAX_AGE_MONTHS} months ago; check it against the programme and update 'reviewed'"
        )
    return lines


def build_date() -> datetime.date:
    """The day the site is built for: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def review_page(catalogue: Catalogue, language: str, environment: Environment, today: datetime.date) -> GeneratedPage:
    """The staff page listing services by review date, with those due on `today` marked."""
    services = by_review_date(catalogue)
    source = environment.get_template(REVIEW_TEMPLATE).render(
        page=PageContext(catalogue, language, REVIEW_PAGE, environment),
        catalogue=catalogue,
        lang=language,
        default_language=DEFAULT_LANGUAGE,
        services=services,
        due={s.id for s in overdue(services, today)},
        today=today,
    )
    return GeneratedPage(REVIEW_PAGE, source)
