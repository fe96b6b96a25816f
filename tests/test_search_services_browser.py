"""Search finds services (issue 15), with Material's own search worker on each language's built index.

- every service, searched by its name in each of the eight languages, is among the first three
  pages found (the queries go to the worker as the search dialog sends them, from a page of the
  site: kg-theme.js reads them as words, not as lunr's query syntax);
- a name that other pages only mention ("International House") finds the service that *is* it
  (guidance and counselling) first, in Estonian, Arabic and Persian as in the rest;
- the eligibility tool is one result: its question and result pages are not in the index;
- snippets keep a label apart from its value ("Provided by X", not "Provided byX").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from guide.core.languages import LANGUAGES
from guide.translations.loader import load_catalogue
from search_worker import worker_search
from site_build import REPO
from site_pages import language_prefix

CATALOGUE = load_catalogue(REPO)
GUIDANCE = "ohjaus-ja-neuvonta"


def _index(built_site: Path, language: str) -> dict:
    path = built_site / language_prefix(language) / "search" / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _pages(found: list[str]) -> list[str]:
    """The pages found, in order, each once (a page's sections are grouped under it)."""
    return list(dict.fromkeys(location.split("#")[0] for location in found))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_service_searched_by_its_name_is_in_the_top_three(page: Page, site_url: str, built_site: Path, language: str):
    index = _index(built_site, language)
    queries = [service.title.best(language)[0] for service in CATALOGUE.services]
    found = worker_search(page, site_url, index["config"], index["docs"], queries, language_prefix(language))
    missed = {
        query: _pages(locations)[:3]
        for service, query, locations in zip(CATALOGUE.services, queries, found, strict=True)
        if f"palvelut/{service.id}/" not in _pages(locations)[:3]
    }
    assert missed == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_providers_name_finds_its_service_first(page: Page, site_url: str, built_site: Path, language: str):
    index = _index(built_site, language)
    [found] = worker_search(
        page, site_url, index["config"], index["docs"], ["International House"], language_prefix(language)
    )
    assert _pages(found)[0] == f"palvelut/{GUIDANCE}/", _pages(found)[:4]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tools_steps_are_not_results(built_site: Path, language: str):
    locations = [doc["location"] for doc in _index(built_site, language)["docs"]]
    tool = [location for location in locations if location.startswith("kuka-saa-palvelua/")]
    assert "kuka-saa-palvelua/" in tool
    assert [location for location in tool if not location.startswith(("kuka-saa-palvelua/#",))] == [
        "kuka-saa-palvelua/"
    ]


@pytest.mark.parametrize("language", ["fi", "en", "ar", "fa"])
def test_snippets_keep_labels_apart_from_values(built_site: Path, language: str):
    docs = {doc["location"]: doc for doc in _index(built_site, language)["docs"]}
    text = docs[f"palvelut/{GUIDANCE}/"]["text"]
    for string_id in ("provided_by", "where", "service_languages"):
        label = CATALOGUE.string(string_id).best(language)[0]
        assert label + " " in text, f"{label!r} runs into its value: {text[:200]!r}"
