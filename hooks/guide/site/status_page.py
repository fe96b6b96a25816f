"""The staff page on translation status, from the same report as `make translations`."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment

from guide.catalogue.loader import sources_cached
from guide.catalogue.models import Catalogue
from guide.site.pages import GeneratedPage, PageContext
from guide.core.problems import DataError
from guide.translations.status import LanguageStatus, translation_status

TRANSLATIONS_PAGE = "kaannokset.md"


def translations_page(
    catalogue: Catalogue, report: list[LanguageStatus], language: str, environment: Environment
) -> GeneratedPage:
    """The translation status page in `language`."""
    page = PageContext(catalogue, language, TRANSLATIONS_PAGE, environment)
    markdown = environment.get_template("kuopio/translations.html").render(
        page=page, catalogue=catalogue, lang=language, report=report
    )
    return GeneratedPage(TRANSLATIONS_PAGE, markdown)


_last_report: dict[Path, list[LanguageStatus]] = {}


def report_for(root: Path, stamp: tuple[tuple[str, int, int], ...]) -> list[LanguageStatus]:
    """The translation report, computed once per state of data/, translations/ and content/.

    While `mkdocs serve` shows problems in the data (guide.site.serve_problems), the last report stands.
    """
    try:
        report = _report(root, stamp)
    except DataError:
        if root not in _last_report:
            raise
        return _last_report[root]
    _last_report[root] = report
    return report


@functools.lru_cache(maxsize=2)
def _report(root: Path, stamp: tuple[tuple[str, int, int], ...]) -> list[LanguageStatus]:
    source, store = sources_cached(root)
    return translation_status(root, source, store)


def source_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """A fingerprint of every file the report reads: changes when any of them changes."""
    files = [*root.glob("data/*.yaml"), *root.glob("translations/*.po"), *root.glob("content/**/*.md")]
    return tuple(sorted((str(p.relative_to(root)), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
