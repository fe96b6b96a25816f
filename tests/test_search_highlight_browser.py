"""A page opened from a search result highlights the words searched for.

Why a test: the search index is fetched only when the reader turns to search (kg-theme.js, for
lighter pages); the theme's highlighting needs that index too, so a page opened from a result
(`?h=` in its address, as the theme's result links have it) must still fetch it and mark the words.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from guide.translations.loader import load_catalogue
from site_build import REPO


def test_page_opened_from_a_search_result_marks_the_searched_word(page: Page, site_url: str):
    service = load_catalogue(REPO).services[0]
    word = max(re.findall(r"\w+", service.title.fi), key=len)
    page.goto(f"{site_url}palvelut/{service.id}/?h={word.lower()}")
    expect(page.locator("article mark").first).to_have_text(re.compile(word, re.IGNORECASE))
