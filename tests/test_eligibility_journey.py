"""The tool as a GOV.UK-style question service (issue 15), in a real browser in fi, en, ar and fa
at 320, 360 and 1280 px, with JavaScript on and off: the question is the <h1> and the title, the
error summary, the no-permit case within two questions, Exit this page with its Shift shortcut,
a malformed address, and the printed result with its Finnish half. Texts come from the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from axe_check import violations
from guide.eligibility.model import EligibilityTree, Outcome
from guide.translations.loader import load_catalogue
from tree_pages import say, tree_url, ui

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ["fi", "en", "ar", "fa"]
WIDTHS = [320, 360, 1280]
NO_PERMIT = ["none", "kuopio"]
# Every element of the page's content lies inside the viewport's width (RTL too).
FITS = """[...document.querySelectorAll('article *')].every(e => {
  const r = e.getBoundingClientRect();
  return r.width === 0 || (r.left >= -0.5 && r.right <= innerWidth + 0.5);
})"""


@pytest.fixture(scope="module")
def tree() -> EligibilityTree:
    loaded = load_catalogue(REPO).eligibility
    assert loaded is not None
    return loaded


def open_tool(browser: Browser, width: int, javascript: bool = True) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    return context.new_page()


def shown_h1(page: Page):
    return page.locator("h1:visible")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_title_and_h1_follow_the_question_and_the_error_summary(browser, site_url, tree, language, width):
    page = open_tool(browser, width)
    try:
        page.goto(tree_url(site_url, language))
        first = tree.node(tree.start)
        question = say(tree.question_text(first), language)  # type: ignore[arg-type]
        expect(shown_h1(page)).to_have_count(1)
        expect(shown_h1(page)).to_have_text(question)
        assert page.title().startswith(question)
        page.locator("form.kg-tree-step:not([hidden]) button[type=submit]").click()
        summary = page.locator(".kg-error-summary")
        expect(summary).to_be_visible()
        expect(summary).to_be_focused()
        assert page.title().startswith(ui(tree, "error_title", language).replace("{title}", question))
        summary.get_by_role("link").click()
        expect(page.locator("form.kg-tree-step:not([hidden]) input[type=radio]").first).to_be_focused()
        assert "#answers=" not in page.url
        # Answering moves on: the next question is the h1 and the title.
        page.locator("form.kg-tree-step:not([hidden]) input[value=permit]").check()
        page.locator("form.kg-tree-step:not([hidden]) button[type=submit]").click()
        second = say(tree.question_text(tree.node(first.options["permit"])), language)  # type: ignore[union-attr,arg-type]
        expect(shown_h1(page)).to_have_text(second)
        assert page.title().startswith(second)
        expect(page.locator(".kg-back-link")).to_be_visible()
        assert page.evaluate(FITS), "the question is clipped or scrolls sideways"
    finally:
        page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_no_permit_path_asks_at_most_two_questions(browser, site_url, tree, language):
    page = open_tool(browser, 320)
    page.goto(tree_url(site_url, language))
    asked = 0
    for value in NO_PERMIT:
        form = page.locator("form.kg-tree-step:not([hidden])")
        if form.count() == 0:
            break
        form.locator(f"input[value={value}]").check()
        form.locator("button[type=submit]").click()
        asked += 1
    outcome = page.locator("section.kg-tree-outcome:not([hidden])")
    expect(outcome).to_have_count(1)
    assert asked <= 2
    result = tree.node("ei-lupaa")
    assert isinstance(result, Outcome)
    expect(outcome.locator("h1")).to_have_text(say(result.title, language))
    assert page.evaluate(FITS), "the result is clipped or scrolls sideways at 320 px"
    page.context.close()


@pytest.mark.parametrize("language", ["fi", "ar"])
def test_exit_this_page_button_and_shift_three_times(browser, site_url, tree, language):
    for how in ("button", "shortcut"):
        page = open_tool(browser, 360)
        try:
            page.route(
                "https://www.ilmatieteenlaitos.fi/**", lambda route: route.fulfill(body="<title>weather</title>")
            )
            page.goto(tree_url(site_url, language) + "#answers=none")
            expect(page.locator(".kg-quick-exit")).to_be_visible()
            page.mouse.wheel(0, 1500)
            expect(page.locator(".kg-quick-exit")).to_be_in_viewport()  # sticky
            if how == "button":
                page.locator(".kg-quick-exit").click()
            else:
                for _ in range(3):
                    page.keyboard.press("Shift")
            page.wait_for_url("https://www.ilmatieteenlaitos.fi/**")
            assert "answers" not in page.url
            page.go_back()
            assert "answers" not in page.url  # the tool's entry was replaced, not kept behind
        finally:
            page.context.close()


@pytest.mark.parametrize("language", ["fi", "en"])
def test_a_malformed_address_starts_over_with_a_notice(page, site_url, tree, language):
    page.goto(tree_url(site_url, language) + "#answers=%E0")
    expect(page.locator(".kg-tree-malformed")).to_be_visible()
    expect(page.locator(".kg-tree-malformed")).to_have_text(ui(tree, "malformed", language))
    first = say(tree.question_text(tree.node(tree.start)), language)  # type: ignore[arg-type]
    expect(shown_h1(page)).to_have_text(first)
    assert "answers" not in page.url


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_a_printed_result_holds_both_languages(page, site_url, tree, language):
    page.goto(tree_url(site_url, language) + "#answers=permit,kuopio,no,quota,up_to_3,no,no")
    outcome = tree.node("ohjaaja-kotouttava-aikuinen")
    assert isinstance(outcome, Outcome)
    finnish = page.locator("section.kg-tree-outcome:not([hidden]) .kg-sheet-fi")
    expect(finnish).to_be_hidden()
    page.emulate_media(media="print")
    expect(finnish).to_be_visible()
    assert finnish.get_attribute("lang") == "fi" and finnish.get_attribute("dir") == "ltr"
    expect(finnish).to_contain_text(say(outcome.title, "fi"))
    for step in outcome.steps:
        expect(finnish).to_contain_text(say(step, "fi"))
    reader = page.locator("section.kg-tree-outcome:not([hidden]) .kg-sheet-reader")
    assert reader.get_attribute("lang") == language
    assert reader.get_attribute("dir") == ("rtl" if language in ("ar", "fa") else "ltr")
    expect(reader).to_contain_text(say(outcome.title, language))
    expect(page.locator("section.kg-tree-outcome:not([hidden]) .kg-sheet-head")).to_be_visible()
    expect(page.locator(".kg-tree-answers")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1, "the sheet should fit one page"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_question_is_the_h1_with_a_back_link(browser, site_url, tree, language, width):
    page = open_tool(browser, width, javascript=False)
    try:
        page.goto(tree_url(site_url, language))
        with page.expect_navigation():
            page.locator(".kg-tree-links a").nth(2).click()  # no permit yet
        question = say(tree.question_text(tree.node("asuinpaikka-ei-lupaa")), language)  # type: ignore[arg-type]
        expect(page.locator("h1")).to_have_text(question)
        assert page.title().startswith(question)
        expect(page.locator(".kg-back-link")).to_have_text(ui(tree, "back", language))
        expect(page.locator(".kg-tree-answers-static")).to_contain_text(
            say(tree.fact("residence").label("none"), language)
        )
        with page.expect_navigation():
            page.locator(".kg-tree-links a").first.click()  # Kuopio: the result, two questions in
        result = tree.node("ei-lupaa")
        assert isinstance(result, Outcome)
        expect(page.locator("h1")).to_have_text(say(result.title, language))
        assert page.evaluate(FITS), "the result is clipped or scrolls sideways"
        with page.expect_navigation():
            page.locator(".kg-back-link").click()
        expect(page.locator("h1")).to_have_text(question)
    finally:
        page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tool_in_each_state_has_no_axe_violation(browser, site_url, language):
    page = open_tool(browser, 360)
    url = tree_url(site_url, language)
    problems: list[str] = []
    try:
        page.goto(url)
        problems += [f"question: {line}" for line in violations(page)]
        page.locator("form.kg-tree-step:not([hidden]) button[type=submit]").click()
        problems += [f"error: {line}" for line in violations(page)]
        page.goto(url + "#answers=permit,kuopio,no,quota,up_to_3,no,no")
        page.reload()
        problems += [f"result: {line}" for line in violations(page)]
        page.goto(url + "#answers=%E0")
        page.reload()
        problems += [f"malformed: {line}" for line in violations(page)]
        for node in ("asuinpaikka-ei-lupaa", "ei-lupaa", "ohjaaja-nuori"):
            page.goto(url + node + "/")
            problems += [f"{node}/: {line}" for line in violations(page)]
    finally:
        page.context.close()
    assert problems == [], "\n".join(problems)
