"""The resident's journey in a real browser (issue 15): the home page leads to the tool, the language
switcher shows every language at once, and no page scrolls or clips sideways on a phone.

Every page type of the build (tests/site_pages.py) in fi, en, ar and fa, at 320, 360 and 1280 px,
with JavaScript on and off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from guide.core.languages import LANGUAGES
from guide.translations.loader import load_catalogue
from site_build import REPO
from site_pages import language_prefix, page_types

LANGUAGES_CHECKED = ("fi", "en", "ar", "fa")
WIDTHS = (320, 360, 1280)

# What sticks out sideways: the document wider than the window; a box that scrolls sideways inside
# the page; an element reaching past the window's edge that no ancestor clips (a closed drawer laid
# out wholly off the screen is not visible and is left out).
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const found = [];
  if (document.documentElement.scrollWidth > width) found.push("document " + document.documentElement.scrollWidth);
  const clipped = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== "visible" || s.clipPath !== "none") return true;
    }
    return false;
  };
  for (const e of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(e);
    if (style.visibility === "hidden") continue;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const scrolls = ["auto", "scroll"].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
    if (scrolls) found.push(name(e) + " scrolls sideways");
    if (box.right <= 0 || box.left >= width) continue;
    const out = box.left < -1 || box.right > width + 1;
    if (out && !clipped(e)) found.push(name(e) + " " + Math.round(box.left) + ".." + Math.round(box.right));
  }
  return found.slice(0, 8);
}"""


@pytest.fixture(params=["js", "no-js"])
def javascript(request: pytest.FixtureRequest) -> bool:
    return request.param == "js"


def _page(browser: Browser, width: int, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES_CHECKED)
def test_no_page_scrolls_or_clips_sideways(
    browser: Browser, site_url: str, built_site: Path, language: str, width: int, javascript: bool
):
    problems: dict[str, list[str]] = {}
    for page in _page(browser, width, javascript):
        for path in page_types(built_site, language):
            page.goto(site_url + path)
            found = page.evaluate(SIDEWAYS)
            if found:
                problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES_CHECKED)
def test_the_switcher_shows_every_language_at_once(
    browser: Browser, site_url: str, language: str, width: int, javascript: bool
):
    for page in _page(browser, width, javascript):
        page.goto(site_url + language_prefix(language) + "palvelut/")
        toggle = page.locator(".kg-languages__toggle")
        current = page.locator(f".kg-languages__link[hreflang='{language}']")
        assert toggle.is_visible()
        assert current.inner_text().strip() in toggle.inner_text()  # the current language's name is visible
        toggle.click()
        links = page.locator(".kg-languages__link")
        assert sorted(links.evaluate_all("links => links.map(a => a.hreflang)")) == sorted(LANGUAGES)
        viewport = page.viewport_size
        assert viewport is not None
        for link in links.all():
            box = link.bounding_box()
            assert box is not None and link.is_visible()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], link.inner_text()
            assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], link.inner_text()
            # the link is on top, not covered by the page (nothing scrolls inside the menu)
            centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            assert link.evaluate("(a, [x, y]) => a.contains(document.elementFromPoint(x, y))", centre)
            code = link.get_attribute("hreflang")
            assert link.get_attribute("lang") == code
            assert link.get_attribute("dir") == ("rtl" if code in ("ar", "fa") else "ltr")
        assert page.locator(".kg-languages__link[aria-current]").evaluate_all("a => a.map(x => x.hreflang)") == [
            language
        ]


@pytest.mark.parametrize("language", LANGUAGES_CHECKED)
def test_the_home_page_leads_to_the_tool(browser: Browser, site_url: str, language: str, javascript: bool):
    catalogue = load_catalogue(REPO)
    question = catalogue.string("start_question").best(language)[0]
    for page in _page(browser, 360, javascript):
        page.goto(site_url + language_prefix(language))
        start = page.locator("main a.kg-start__button")
        assert page.locator(".kg-start__question").inner_text().strip() == question
        box = start.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 800, "the start button is below the fold"
        start.click()
        assert page.url == site_url + language_prefix(language) + "kuka-saa-palvelua/"
        # the entrances by situation are the data's life situations, each to its directory page
        page.go_back()
        hrefs = page.locator(".kg-situation__link").evaluate_all("links => links.map(a => a.href)")
        expected = [
            f"{site_url}{language_prefix(language)}palveluhakemisto/tilanne/{situation.id}/"
            for situation in catalogue.life_situations
        ]
        assert hrefs == expected


@pytest.mark.parametrize("language", ["fi", "ar"])
def test_staff_pages_are_in_the_footer_not_the_menu(page: Page, site_url: str, language: str):
    page.goto(site_url + language_prefix(language))
    menu = page.locator("nav.md-nav--primary a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for staff in ("henkilostolle/", "avoin-data/", "kaannokset/", "tarkistuspaivat/", "kaavio/"):
        assert not any(href.endswith(staff) for href in menu), staff
    footer = page.locator("footer .kg-footer-links a")
    assert any(href.endswith("henkilostolle/") for href in footer.evaluate_all("a => a.map(x => x.href)"))
    assert page.locator("footer .md-copyright__highlight").inner_text().strip()
    page.locator("footer .kg-footer-links a[href$='henkilostolle/']").click()
    staff_links = page.locator(".kg-staff-area a").evaluate_all("a => a.map(x => x.href)")
    assert any(href.endswith("avoin-data/") for href in staff_links)


def test_escape_and_a_click_elsewhere_close_the_switcher(page: Page, site_url: str):
    page.goto(site_url + "en/palvelut/")
    toggle = page.locator(".kg-languages__toggle")
    swedish = page.locator(".kg-languages__link[hreflang='sv']")
    toggle.click()
    assert swedish.is_visible()
    page.keyboard.press("Escape")
    assert not swedish.is_visible()
    assert toggle.evaluate("summary => summary === document.activeElement")
    toggle.click()
    page.mouse.click(5, 600)  # on the page, beside the open list
    assert not swedish.is_visible()
