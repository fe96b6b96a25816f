"""The printed programme (ohjelma/) in Chromium's own PDF print: numbered pages, the site's address,
and the links' addresses (issue 15). The PDF's text is read with pdftotext (poppler-utils, which
.ci/run installs); the print-media checks run without it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from site_pages import language_prefix


@pytest.mark.parametrize("language", ["fi", "ar"])
def test_the_printed_programme_has_page_numbers_and_addresses(page: Page, site_url: str, tmp_path: Path, language: str):
    page.goto(site_url + language_prefix(language) + "ohjelma/")
    page.emulate_media(media="print")
    address = page.locator(".kg-print-address bdi")
    assert address.is_visible()
    # the address the site is published at (SITE_URL of the build), not where the test serves it
    published = address.inner_text()
    assert re.fullmatch(rf"https?://.+/{language_prefix(language)}ohjelma/", published), published
    first = page.locator("a[data-address]").first
    link_address = first.get_attribute("data-address") or ""
    assert link_address.startswith(published.removesuffix("ohjelma/") + "palvelut/")
    assert link_address in first.evaluate("a => getComputedStyle(a, '::after').content")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not read")
    pdf = tmp_path / "ohjelma.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = text.replace("\u200e", "")  # the numbers are isolated left to right with marks
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert len(pages) > 1
    for number, content in enumerate(pages, start=1):
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\b", content), f"page {number} has no number"
    assert published in text
    assert published.removesuffix("ohjelma/") + "palvelut/" in text
