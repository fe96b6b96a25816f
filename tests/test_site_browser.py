"""The built site in a real browser: pages load only from the site itself, and the language switcher keeps the page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

PAGES = ["", "palvelut/", "palvelut/palvelutarpeen-arviointi/", "kuka-tekee-mita/", "yhteystiedot/", "avoin-data/"]


@pytest.mark.parametrize("path", PAGES + [f"en/{path}" for path in PAGES])
def test_page_requests_nothing_from_other_hosts_and_sets_no_cookies(page: Page, site_url: str, path: str):
    own_host = urlsplit(site_url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.ok
    web = [urlsplit(url) for url in requested if urlsplit(url).scheme in ("http", "https")]
    foreign = [url.geturl() for url in web if url.netloc != own_host]
    assert foreign == []
    assert len(requested) > 3  # the page, its stylesheets and scripts were really loaded
    assert page.context.cookies() == []


def test_switching_language_on_a_service_page_opens_the_same_service(page: Page, site_url: str):
    page.goto(site_url + "palvelut/kotoutumissuunnitelma/")
    expect(page.locator("h1")).to_have_text("Kotoutumissuunnitelma")
    page.locator(".kg-languages summary", has_text="Suomi").click()  # the switcher names the current language
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/palvelut/kotoutumissuunnitelma/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Integration plan")


def test_home_page_leads_to_services_who_does_what_and_contacts(page: Page, site_url: str):
    page.goto(site_url + "en/")
    page.locator("article").get_by_role("link", name="All services").first.click()
    expect(page.locator("h1")).to_have_text("All services")
    page.locator("article").get_by_role("link", name="Integration plan", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Integration plan")
    page.goto(site_url + "en/")
    page.locator("article").get_by_role("link", name="Who does what?").first.click()
    expect(page.get_by_role("table")).to_contain_text("Registered job seekers")
    page.goto(site_url + "en/")
    page.locator("article").get_by_role("link", name="Contact", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Contact")
