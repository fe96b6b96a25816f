"""axe-core's WCAG A/AA check of a page in the browser, and a page that records its requests and errors."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def violations(page: Page) -> list[str]:
    """axe's WCAG A/AA violations on the page as it is now, one line per rule and element."""
    result = AXE.run(page, options={**WCAG_A_AA, "resultTypes": ["violations"]})
    return [
        f"{rule['id']} ({rule['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for rule in result.response["violations"]
        for node in rule["nodes"]
    ]


def observed_page(browser: Browser) -> tuple[Page, list[str], list[str]]:
    """A phone-sized page that records every URL it requests and every console error."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, requested, errors
