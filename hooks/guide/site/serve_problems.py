"""While `mkdocs serve` runs, data with problems must not leave the browser waiting.

MkDocs' live-reload server holds every request until a rebuild succeeds, so a rebuild that stopped
on a mistake in data/ made the browser hang until the file was fixed. During `serve` the site is
instead rebuilt from the last data that was valid, and every page shows the problems in place of
its content (`overrides/kuopio/data_problems.html`); the next good save brings the pages back.
`make build` and `make check` still stop on the same problems.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from guide.translations.loader import data_stamp, load_catalogue_cached
from guide.catalogue.models import Catalogue
from guide.site.pages import PageContext
from guide.core.problems import DataError, Problem, format_report

PROBLEMS_TEMPLATE = "kuopio/data_problems.html"
log = logging.getLogger("mkdocs.hooks.kuopio")


@dataclass
class Preview:
    """What `mkdocs serve` shows for one project: the last valid catalogue and the current problems."""

    serving: bool = False
    catalogue: Catalogue | None = None
    problems: list[Problem] = field(default_factory=list)
    _failed_stamp: object = None

    def load(self, root: Path) -> Catalogue:
        """The catalogue to build from; raises DataError unless serving with an earlier valid catalogue.

        i18n reads the configuration once per language: data that failed is not read again until a
        file changes, and its problems are logged once per change.
        """
        stamp = data_stamp(root)
        if self.problems and stamp == self._failed_stamp and self.catalogue is not None:
            return self.catalogue
        try:
            self.catalogue = load_catalogue_cached(root)
            self.problems = []
            return self.catalogue
        except DataError as error:
            if not self.serving or self.catalogue is None:
                raise
            self.problems, self._failed_stamp = error.problems, stamp
            log.info(
                "The data has problems; every page shows them until they are fixed:\n%s", format_report(error.problems)
            )
            return self.catalogue

    def page(self, language: str, environment: Environment) -> str | None:
        """The HTML that replaces a page's content while there are problems, else None."""
        if not self.problems or self.catalogue is None:
            return None
        context = PageContext(self.catalogue, language, "index.md", environment)
        return environment.get_template(PROBLEMS_TEMPLATE).render(
            page=context, problems=[str(p) for p in self.problems]
        )
