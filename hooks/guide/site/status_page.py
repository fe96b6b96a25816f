"""The staff page on translation status, from the same report as `make translations`."""

from __future__ import annotations

from jinja2 import Environment

from guide.catalogue.models import Catalogue
from guide.site.pages import GeneratedPage, PageContext
from guide.translations.status import LanguageStatus

TRANSLATIONS_PAGE = "kaannokset.md"


def translations_page(
    catalogue: Catalogue, report: list[LanguageStatus], language: str, environment: Environment
) -> GeneratedPage:
    """The translation status page in `language`."""
    page = PageContext(catalogue, language, TRANSLATIONS_PAGE, environment)
    source = environment.get_template("kuopio/translations.html").render(
        page=page, catalogue=catalogue, lang=language, report=report
    )
    return GeneratedPage(TRANSLATIONS_PAGE, source)
