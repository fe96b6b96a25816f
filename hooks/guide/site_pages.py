"""Every page the hooks generate for one language, in one list: the build adds them, the benchmark
writes the same Markdown out as a plain site to compare against."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from guide.eligibility_pages import eligibility_pages
from guide.models import Catalogue
from guide.pages import GeneratedPage, generated_pages
from guide.review_dates import build_date, review_page
from guide.status_page import report_for, source_stamp, translations_page


def site_pages(catalogue: Catalogue, root: Path, language: str, environment: Environment) -> list[GeneratedPage]:
    """The catalogue, eligibility and staff pages of the project at `root`, in `language`."""
    report = report_for(root, source_stamp(root))
    return [
        *generated_pages(catalogue, language, environment),
        *eligibility_pages(catalogue, language, environment),
        translations_page(catalogue, report, language, environment),
        review_page(catalogue, language, environment, build_date()),
    ]
