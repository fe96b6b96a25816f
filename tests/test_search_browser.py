"""Search in the reader's language, in a real browser, through Material's own search dialog and worker.

The search terms come from the data at test time (a service's keywords and title in the language,
or the Finnish text where the translation is still missing), so the tests keep working as
translators fill in the texts.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page

from guide.catalogue.models import Catalogue, Service
from guide.core.languages import LANGUAGES
from guide.translations.loader import load_catalogue
from search_worker import worker_search
from site_build import REPO

ROOT_LANGUAGE = "fi"


@functools.cache
def _catalogue() -> Catalogue:
    return load_catalogue(REPO)


def _prefix(language: str) -> str:
    return "" if language == ROOT_LANGUAGE else f"{language}/"


def _tokens(text: str) -> set[str]:
    return {token.casefold() for token in re.findall(r"\w+", text)}


def _findable_texts(service: Service, language: str) -> list[str]:
    """What the index holds for a service besides its body: title, keywords, Finnish keywords."""
    texts = [service.title.best(language)[0]]
    if service.keywords:
        texts += [service.keywords.best(language)[0], service.keywords.fi]
    return texts


def _distinctive_keyword(language: str) -> tuple[Service, str]:
    """The first one-word keyword (in the language) that starts no word of another service's
    title or keywords: search matches prefixes, so any other would be a fair competitor."""
    services = _catalogue().services
    for service in services:
        if service.keywords is None:
            continue
        others = set().union(*(_tokens(t) for s in services if s is not service for t in _findable_texts(s, language)))
        for keyword in service.keywords.best(language)[0].split(","):
            term = keyword.strip()
            if re.fullmatch(r"\w{4,}", term) and not any(t.startswith(term.casefold()) for t in others):
                return service, term
    raise AssertionError(f"no service has a distinctive keyword in {language}")


def _search(page: Page, site_url: str, language: str, query: str) -> list[str]:
    """Type `query` into the search dialog of the language's home page; the result pages' paths."""
    page.goto(site_url + _prefix(language))
    page.locator("label.md-header__button[for='__search']").click()
    # Material shows its "type to start searching" text once the worker has built the index
    page.wait_for_function(
        """() => document.querySelector(".md-search-result__meta").textContent.trim() ===
            JSON.parse(document.getElementById("__config").textContent)
                .translations["search.result.placeholder"]"""
    )
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")  # Material searches on key up, as the reader types
    items = page.locator("li.md-search-result__item")
    items.first.wait_for()
    links = items.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(link).path for link in links]


def _article_paths(page: Page) -> list[str]:
    first_links = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    return [urlsplit(href).path for href in first_links.evaluate_all("links => links.map(a => a.href)")]


def _is_in_language(path: str, language: str, site_path: str) -> bool:
    local = path.removeprefix(site_path)
    other_prefixes = tuple(f"{other}/" for other in LANGUAGES if other != ROOT_LANGUAGE)
    if language == ROOT_LANGUAGE:
        return not local.startswith(other_prefixes)
    return local.startswith(f"{language}/")


def _is_error(message: ConsoleMessage) -> bool:
    """A console error, except the 404s of Material's language selector, which looks for a
    sitemap.xml under every alternate link (not a search matter; see stack-notes)."""
    return message.type == "error" and not message.location.get("url", "").endswith("/sitemap.xml")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_service_in_the_readers_language_only(page: Page, site_url: str, language: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if _is_error(message) else None)
    site_path = urlsplit(site_url).path
    services = _catalogue().services
    keyword_service, keyword = _distinctive_keyword(language)
    title_service = services[(services.index(keyword_service) + 1) % len(services)]
    for service, query in [(keyword_service, keyword), (title_service, title_service.title.best(language)[0])]:
        all_paths = _search(page, site_url, language, query)
        expected = f"{site_path}{_prefix(language)}palvelut/{service.id}/"
        assert expected in _article_paths(page)[:3], f"{query!r} in {language}: {all_paths[:6]}"
        assert all(_is_in_language(path, language, site_path) for path in all_paths), all_paths
    assert errors == []


# Text in the script of each language without a lunr stemmer; the queries are a stem, an inflected
# form's beginning, a word in quotation marks, and (fa) words joined by a ZWNJ, typed with a space too.
UNSTEMMED = {
    "uk": ("Курси української мови для дорослих. Сім'я звертається до «Кела».", ["курс", "українськ", "сім'я", "кела"]),
    "et": ("Eesti keele kursused täiskasvanutele. Perekond pöördub „Kela“ poole.", ["kursus", "täiskasvanu", "kela"]),
    "fa": (
        "کلاس\u200cهای زبان فارسی برای بزرگسالان. خانواده به «Kela» مراجعه می\u200cکند.",  # noqa: RUF001
        ["کلاس", "کلاس ها", "کلاس\u200cهای", "کند", "kela"],  # noqa: RUF001
    ),
}


@pytest.mark.parametrize("language", sorted(UNSTEMMED))
def test_languages_without_a_stemmer_find_their_words(page: Page, site_url: str, built_site: Path, language: str):
    config = json.loads((built_site / language / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    text, queries = UNSTEMMED[language]
    docs = [
        {"location": "match/", "title": "", "text": text},
        {"location": "other/", "title": "", "text": "Kuopio 2024"},
    ]
    found = worker_search(page, site_url, config, docs, queries)
    assert dict(zip(queries, found, strict=True)) == {query: ["match/"] for query in queries}
