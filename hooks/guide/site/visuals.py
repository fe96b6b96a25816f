"""The generated pages that visualise the programme: service path, matrix, directory, programme summary.

`generated_pages` (pages.py) renders them like the other generated pages; this module only says
which page is made from which template with which view data.
"""

from __future__ import annotations

from typing import Any

from guide.site import directory

from guide.site import matrix

from guide.site import programme_summary

from guide.site import service_path
from guide.catalogue.models import Catalogue

PageSpec = tuple[str, str, dict[str, Any]]


def visual_pages(catalogue: Catalogue) -> list[PageSpec]:
    """(Markdown source, template, extra template values) of every visualisation page."""
    facets = directory.facets(catalogue)
    cards: dict[str, str] = {}  # the directory pages' card markup, shared (see directory.html)
    pages: list[PageSpec] = [
        (
            service_path.PATH_PAGE,
            "kuopio/service_path.html",
            {"steps": service_path.step_views(catalogue), "chart": service_path.chart(catalogue)},
        ),
        (
            matrix.MATRIX_PAGE,
            "kuopio/matrix.html",
            {
                "columns": matrix.columns(catalogue),
                "rows": matrix.rows(catalogue),
                "legend": matrix.legend(catalogue),
            },
        ),
        (
            directory.DIRECTORY_PAGE,
            "kuopio/directory.html",
            {
                "facets": facets,
                "filtered": None,
                "directory": directory,
                "services": catalogue.services,
                "cards": cards,
            },
        ),
        (
            programme_summary.SUMMARY_PAGE,
            "kuopio/programme.html",
            {
                "rows": matrix.rows(catalogue),
                "contacts": programme_summary.contacts(catalogue),
                "last_reviewed": programme_summary.last_reviewed(catalogue),
                "directory": directory,
            },
        ),
    ]
    for page in directory.filtered_pages(catalogue):
        chosen = {page.facet.name: page.option.value}
        services = [service for service in catalogue.services if directory.matches(service, chosen)]
        pages.append(
            (
                page.src_uri,
                "kuopio/directory.html",
                {"facets": facets, "filtered": page, "directory": directory, "services": services, "cards": cards},
            )
        )
    return pages
