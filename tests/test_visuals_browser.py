"""The visualisation pages in a real browser: directory filters, matrix column choice, the path on a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import directory_cards as cards
from guide.translations.loader import load_catalogue
from site_build import REPO

CATALOGUE = load_catalogue(REPO)

# Elements wider than the viewport, or sticking out of it, ignoring the theme's off-canvas drawer
# and search overlay and anything inside a deliberately scrollable table region.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter(element => {
    if (element.closest('.md-sidebar, .md-search, .kg-table-wrapper')) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    return box.width > width + 0.5 || box.right > width + 0.5 || box.left < -0.5;
  }).map(element => element.tagName.toLowerCase() + '.' + element.className);
}"""


def visible_cards(page: Page) -> set[str]:
    hrefs = page.locator(".kg-dir-card:visible h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return {re.search(r"palvelut/([^/]+)/", href).group(1) for href in hrefs}


def count_text(count: int, language: str = "fi") -> str:
    key = "directory_count_one" if count == 1 else "directory_count_other"
    return CATALOGUE.string(key).best(language)[0].replace("{count}", str(count))


@pytest.mark.parametrize(
    ("municipality", "delivery"), [("tuusniemi", "remote"), ("kuopio", "in_person"), ("lapinlahti", "hybrid")]
)
def test_filtering_by_municipality_and_delivery_shows_the_cards_the_data_says(
    page: Page, site_url: str, municipality: str, delivery: str
):
    page.goto(site_url + "palveluhakemisto/")
    count = page.locator(".kg-dir-count")
    expect(count).to_have_attribute("aria-live", "polite")
    expect(count).to_have_text(count_text(len(CATALOGUE.services)))
    page.get_by_label("Kunta", exact=True).select_option(municipality)
    page.get_by_label("Toteutustapa", exact=True).select_option(delivery)
    expected = cards.MUNICIPALITY[municipality] & cards.DELIVERY[delivery]
    assert expected, "a filter combination with no services tests nothing"
    assert visible_cards(page) == expected
    expect(count).to_have_text(count_text(len(expected)))
    assert f"kunta={municipality}" in page.url and f"toteutus={delivery}" in page.url
    page.reload()  # the address keeps the filter: a shared link shows the same cards
    expect(page.get_by_label("Kunta", exact=True)).to_have_value(municipality)
    assert visible_cards(page) == expected
    page.get_by_role("button", name=CATALOGUE.string("filter_clear").fi).click()
    assert len(visible_cards(page)) == len(CATALOGUE.services)
    assert "?" not in page.url


def test_group_filter_narrows_delivery_to_that_group(page: Page, site_url: str):
    page.goto(site_url + "en/palveluhakemisto/?ryhma=others&toteutus=remote")
    expected = cards.OTHERS_REMOTE  # not the job seekers' services, remote for job seekers only
    assert expected and expected != cards.DELIVERY["remote"]
    assert visible_cards(page) == expected
    expect(page.locator(".kg-dir-count")).to_have_text(count_text(len(expected), "en"))
    for section in page.locator(".kg-dir-group").all():  # a group with no card left is hidden with it
        assert section.is_visible() == (section.locator(".kg-dir-card:visible").count() > 0)


def test_without_javascript_every_card_shows_and_filters_are_links(browser: Browser, site_url: str):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "palveluhakemisto/?kunta=tuusniemi")
    assert len(visible_cards(page)) == len(CATALOGUE.services)
    expect(page.locator(".kg-dir-form")).to_be_hidden()
    page.locator(".kg-dir-links").get_by_role("link", name="Tuusniemi").click()
    page.wait_for_url("**/palveluhakemisto/kunta/tuusniemi/")
    assert visible_cards(page) == cards.MUNICIPALITY["tuusniemi"]
    expect(page.locator('.kg-dir-links [aria-current="page"]')).to_have_text("Tuusniemi")
    context.close()


def test_matrix_shows_only_the_readers_column(page: Page, site_url: str):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(site_url + "en/vastuut-kunnittain/")
    data_columns = page.locator(".kg-matrix thead th[data-column]")
    expect(data_columns).to_have_count(2 * len(CATALOGUE.municipalities))
    page.get_by_label("Municipality", exact=True).select_option("lapinlahti")
    page.get_by_label("Are you registered as a job seeker?", exact=True).select_option("others")
    expect(page.locator(".kg-matrix thead th[data-column]:visible")).to_have_count(1)
    rows = [service for service in CATALOGUE.services if service.responsibility]
    cells = page.locator(".kg-matrix tbody td:visible")
    expect(cells).to_have_count(len(rows))
    for index, service in enumerate(rows):
        row = service.responsibility.get("others")
        if row:
            provider = CATALOGUE.organisation(row.provider)
            expect(cells.nth(index)).to_contain_text((provider.short_name or provider.name).en)
    assert "kunta=lapinlahti" in page.url and "ryhma=others" in page.url


@pytest.mark.parametrize("language", ["fi", "ar"])
def test_service_path_fits_a_320px_phone(browser: Browser, site_url: str, tmp_path: Path, language: str):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + ("" if language == "fi" else f"{language}/") + "polku/")
    screenshot = tmp_path / f"polku-{language}-320.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    steps = page.locator(".kg-path-step")
    expect(steps).to_have_count(len(CATALOGUE.path_steps))
    if language == "ar":  # right to left: the step numbers run down the right-hand side
        expect(page.locator("body")).to_have_attribute("dir", "rtl")
        marker = steps.first.evaluate("step => step.getBoundingClientRect().right")
        title = page.locator(".kg-path-title").first.bounding_box()
        assert title["x"] + title["width"] < marker
    context.close()


def test_programme_summary_prints_on_a4(browser: Browser, site_url: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "en/ohjelma/")
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = {tuple(round(float(n)) for n in box) for box in re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)}
    assert sizes == {(595, 842)}, sizes  # A4 in points
    page.emulate_media(media="print")
    expect(page.locator(".kg-print-hint")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    context.close()
