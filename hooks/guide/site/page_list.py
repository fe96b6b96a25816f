"""Every page the hooks generate for one language, in one list: the build adds them, the benchmark
writes the same Markdown out as a plain site to compare against."""

from __future__ import annotations

from jinja2 import Environment

from guide.catalogue.contacts import GAPS_PAGE, gaps
from guide.site.eligibility_pages import eligibility_pages
from guide.catalogue.models import Catalogue
from guide.site.pages import GeneratedPage, PageContext, generated_pages
from guide.site.review_dates import build_date, review_page
from guide.site.status_page import translations_page
from guide.translations.status import LanguageStatus


def site_pages(
    catalogue: Catalogue, report: list[LanguageStatus], language: str, environment: Environment
) -> list[GeneratedPage]:
    """The catalogue, eligibility and staff pages in `language`; `report` is the translation status."""
    return [
        *generated_pages(catalogue, language, environment),
        *eligibility_pages(catalogue, language, environment),
        translations_page(catalogue, report, language, environment),
        review_page(catalogue, language, environment, build_date()),
        gaps_page(catalogue, language, environment),
    ]


def gaps_page(catalogue: Catalogue, language: str, environment: Environment) -> GeneratedPage:
    """The staff page listing every contact gap: the city's to-do list."""
    page = PageContext(catalogue, language, GAPS_PAGE, environment)
    source = environment.get_template("kuopio/contact_gaps.html").render(
        page=page, catalogue=catalogue, lang=language, gaps=gaps(catalogue)
    )
    return GeneratedPage(GAPS_PAGE, source)
