"""The eligibility tree in a real browser (Chromium via Playwright), in Finnish and English: three
paths to their outcomes, changing an earlier answer, Back/Forward, reloading a result URL, the same
paths with JavaScript off, and keyboard only. Labels and titles are read from data/eligibility.yaml,
so the tests follow the texts staff write."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from guide.eligibility.model import EligibilityTree, Outcome, Question
from guide.translations.loader import load_catalogue
from tree_pages import say as text
from tree_pages import tree_url, ui

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ["fi", "en"]
# Three paths (answer values in order) and where they end.
PATHS = {
    "refugee-in-kuopio": (["permit", "kuopio", "no", "quota", "up_to_3", "no", "no"], "ohjaaja-kotouttava-aikuinen"),
    "job-seeker-in-tuusniemi": (["permit", "tuusniemi", "unemployed", "up_to_3", "no"], "te-arviointi-aikuinen"),
    "lives-elsewhere": (["permit", "elsewhere"], "oma-kunta"),
}


@pytest.fixture(scope="module")
def tree() -> EligibilityTree:
    loaded = load_catalogue(REPO).eligibility
    assert loaded is not None
    return loaded


def questions_on(tree: EligibilityTree, values: list[str]) -> list[Question]:
    """The questions a person answering `values` is asked, in order."""
    asked, node = [], tree.node(tree.start)
    for value in values:
        assert isinstance(node, Question)
        asked.append(node)
        node = tree.node(node.options[value])
    assert isinstance(node, Outcome)
    return asked


def label(tree: EligibilityTree, question: Question, value: str, language: str) -> str:
    return text(tree.fact(question.fact).label(value), language)


def title(tree: EligibilityTree, outcome_id: str, language: str) -> str:
    outcome = tree.node(outcome_id)
    assert isinstance(outcome, Outcome)
    return text(outcome.title, language)


def current_form(page: Page):
    return page.locator("form.kg-tree-step:not([hidden])")


def answer(page: Page, tree: EligibilityTree, question: Question, value: str, language: str) -> None:
    form = current_form(page)
    expect(form.locator("legend h1")).to_have_text(text(tree.question_text(question), language))
    form.get_by_label(label(tree, question, value, language), exact=True).check()
    form.get_by_role("button", name=ui(tree, "continue", language)).click()


def walk(page: Page, tree: EligibilityTree, values: list[str], language: str) -> None:
    for question, value in zip(questions_on(tree, values), values, strict=True):
        answer(page, tree, question, value, language)


def visible_outcome(page: Page):
    return page.locator("section.kg-tree-outcome:not([hidden]) h1")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PATHS)
def test_paths_reach_their_outcomes(page, site_url, tree, language, path):
    values, outcome_id = PATHS[path]
    page.goto(tree_url(site_url, language))
    walk(page, tree, values, language)
    expect(visible_outcome(page)).to_have_text(title(tree, outcome_id, language))
    assert page.url.endswith("#answers=" + ",".join(values))
    expect(visible_outcome(page)).to_be_focused()
    summary = page.locator(".kg-tree-answer-list")
    for question, value in zip(questions_on(tree, values), values, strict=True):
        expect(summary).to_contain_text(label(tree, question, value, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_change_an_earlier_answer(page, site_url, tree, language):
    values, _ = PATHS["refugee-in-kuopio"]
    page.goto(tree_url(site_url, language))
    walk(page, tree, values, language)
    jobseeker_question = questions_on(tree, values)[2]
    page.locator(".kg-tree-answer-list .kg-tree-change").nth(2).click()
    heading = current_form(page).locator("h1")
    expect(heading).to_have_text(text(tree.question_text(jobseeker_question), language))
    expect(heading).to_be_focused()
    # The previous answer is pre-selected; the later answers still asked on the new path are kept.
    expect(current_form(page).locator("input:checked")).to_have_value("no")
    answer(page, tree, jobseeker_question, "unemployed", language)
    expect(visible_outcome(page)).to_have_text(title(tree, "te-arviointi-aikuinen", language))
    assert page.url.endswith("#answers=permit,kuopio,unemployed,up_to_3,no")


@pytest.mark.parametrize("language", LANGUAGES)
def test_back_link_keeps_the_answer_and_history_holds_one_entry(page, site_url, tree, language):
    values, outcome_id = PATHS["refugee-in-kuopio"]
    page.goto(tree_url(site_url, language))
    length = page.evaluate("history.length")
    walk(page, tree, values, language)
    assert page.evaluate("history.length") == length  # answers replace the entry, they add none
    last_question = questions_on(tree, values)[-1]
    page.locator(".kg-back-link").click()
    expect(current_form(page).locator("legend h1")).to_have_text(text(tree.question_text(last_question), language))
    expect(current_form(page).locator("input:checked")).to_have_value(values[-1])
    current_form(page).get_by_role("button", name=ui(tree, "continue", language)).click()
    expect(visible_outcome(page)).to_have_text(title(tree, outcome_id, language))
    page.get_by_role("button", name=ui(tree, "start_again", language), exact=True).click()
    expect(current_form(page).locator("legend h1")).to_have_text(
        text(tree.question_text(questions_on(tree, values)[0]), language)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_reload_on_a_result_url_restores_it(page, site_url, tree, language):
    values, outcome_id = PATHS["job-seeker-in-tuusniemi"]
    page.goto(tree_url(site_url, language) + "#answers=" + ",".join(values))
    expect(visible_outcome(page)).to_have_text(title(tree, outcome_id, language))
    page.reload()
    expect(visible_outcome(page)).to_have_text(title(tree, outcome_id, language))
    expect(page.locator(".kg-tree-answer-list .kg-tree-change")).to_have_count(len(values))
    expect(page.get_by_role("button", name=ui(tree, "print", language))).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PATHS)
def test_the_same_paths_without_javascript(browser: Browser, site_url, tree, language, path):
    values, outcome_id = PATHS[path]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(tree_url(site_url, language))
        expect(page.locator("form.kg-tree-step").first).to_be_hidden()
        for question, value in zip(questions_on(tree, values), values, strict=True):
            links = page.locator(".kg-tree-links")
            expect(links).to_be_visible()
            links.get_by_role("link", name=label(tree, question, value, language), exact=True).click()
        expect(page.locator("h1")).to_have_text(title(tree, outcome_id, language))
        expect(page.get_by_text(ui(tree, "notice", language))).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_only(page, site_url, tree, language):
    values, outcome_id = PATHS["refugee-in-kuopio"]
    page.goto(tree_url(site_url, language))
    for question, value in zip(questions_on(tree, values), values, strict=True):
        for _ in range(40):  # Tab to the first answer of the question shown
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('form.kg-tree-step:not([hidden])')"):
                break
        page.keyboard.press("Space")
        for _ in range(list(question.options).index(value)):
            page.keyboard.press("ArrowDown")
        expect(current_form(page).get_by_label(label(tree, question, value, language), exact=True)).to_be_checked()
        page.keyboard.press("Tab")
        expect(current_form(page).get_by_role("button", name=ui(tree, "continue", language))).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.locator(".kg-tree-heading:focus")).to_have_count(1)
    expect(visible_outcome(page)).to_have_text(title(tree, outcome_id, language))
    expect(visible_outcome(page)).to_be_focused()


def test_continue_without_an_answer_says_what_to_do(page, site_url, tree):
    page.goto(tree_url(site_url, "en"))
    current_form(page).get_by_role("button", name=ui(tree, "continue", "en")).click()
    expect(page.locator(".kg-error-summary")).to_contain_text(ui(tree, "choose_one", "en"))
    assert "#answers=" not in page.url
