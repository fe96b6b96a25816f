"""Every page type in every language, in a real browser: no WCAG 2.0/2.1 A or AA violation found by
axe-core, nothing requested from another host, no cookie, no console error; and the open search
dialog with its results passes axe too."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from axe_check import observed_page, violations
from guide.core.languages import LANGUAGES
from site_pages import language_prefix, page_types


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_is_accessible_private_and_quiet(browser: Browser, built_site, site_url: str, language):
    paths = page_types(built_site, language)
    assert len(paths) >= 10, paths  # home, catalogue, a service, the tables, contacts, ... were found
    page, requested, errors = observed_page(browser)
    own_host = urlsplit(site_url).netloc
    problems: list[str] = []
    for path in paths:
        requested.clear()
        errors.clear()
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response is not None and response.ok, path
        problems += [f"{path}: {line}" for line in violations(page)]
        web = [urlsplit(url) for url in requested if urlsplit(url).scheme in ("http", "https")]
        problems += [f"{path}: requested {url.geturl()}" for url in web if url.netloc != own_host]
        problems += [f"{path}: console error {text}" for text in errors]
    problems += [f"cookie set: {cookie['name']}" for cookie in page.context.cookies()]
    page.context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_with_results_open_is_accessible(browser: Browser, site_url: str, language):
    page, _, errors = observed_page(browser)
    page.goto(site_url + language_prefix(language), wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    page.wait_for_function(  # the worker has built the index: Material shows "type to start searching"
        """() => document.querySelector(".md-search-result__meta").textContent.trim() ===
            JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]"""
    )
    field = page.locator("input.md-search__input")
    field.fill("Kuopio")
    field.press("End")  # Material searches on key up
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    dialog = page.locator(".md-search[role='dialog']")
    assert (dialog.get_attribute("aria-label") or "").strip(), "the search dialog has no name"
    found = violations(page)
    page.context.close()
    assert found == [] and errors == [], "\n".join(found + errors)
