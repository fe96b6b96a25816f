"""Every result and service page tells a resident how to reach the provider; gaps are the city's to-do list."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide.core.languages import LANGUAGES
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from site_build import REPO, copy_project

ORGANISATIONS = Path("data") / "organisations.yaml"
CONTACT_BLOCK = re.compile(r'<section class="kg-how-to-contact".*?</section>', re.DOTALL)
# A way to reach someone: a phone number, an e-mail address or a web address, or the text that
# says whom to ask instead (the documented fallback).
REACHING = re.compile(r'href="(tel:|mailto:|https://)|class="kg-contact-instead"')


def _edit(root: Path, old: str, new: str) -> int:
    path = root / ORGANISATIONS
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _outcome_pages(site: Path) -> dict[str, list[Path]]:
    catalogue = load_catalogue(REPO)
    assert catalogue.eligibility is not None
    pages: dict[str, list[Path]] = {}
    for language in LANGUAGES:
        prefix = site if language == "fi" else site / language
        pages[language] = [prefix / "kuka-saa-palvelua" / o.id / "index.html" for o in catalogue.eligibility.outcomes]
    return pages


def test_every_result_in_every_language_says_how_to_reach_someone(built_site: Path):
    for pages in _outcome_pages(built_site).values():
        for page in pages:
            blocks = CONTACT_BLOCK.findall(page.read_text(encoding="utf-8"))
            assert blocks, f"{page} has no How to contact block"
            assert all(REACHING.search(block) for block in blocks), f"{page}: a contact block reaches nobody"


def test_the_interactive_tool_gives_every_result_a_contact_block(built_site: Path):
    catalogue = load_catalogue(REPO)
    assert catalogue.eligibility is not None
    for language in LANGUAGES:
        prefix = built_site if language == "fi" else built_site / language
        html = (prefix / "kuka-saa-palvelua" / "index.html").read_text(encoding="utf-8")
        # Beside each result in another language, the printed sheet's Finnish copy has its own block.
        blocks = [block for block in CONTACT_BLOCK.findall(html) if not re.search(r'labelledby="[^"]*-fi"', block)]
        assert len(blocks) == len(catalogue.eligibility.outcomes), language
        assert all(REACHING.search(block) for block in blocks), language


def test_every_service_page_ends_with_how_to_contact(built_site: Path):
    catalogue = load_catalogue(REPO)
    for language in LANGUAGES:
        prefix = built_site if language == "fi" else built_site / language
        for service in catalogue.services:
            html = (prefix / "palvelut" / service.id / "index.html").read_text(encoding="utf-8")
            blocks = CONTACT_BLOCK.findall(html)
            assert len(blocks) == 1 and REACHING.search(blocks[0]), (language, service.id)
            after = html[html.index(blocks[0]) + len(blocks[0]) :]
            assert "<h2" not in after.split("</article>")[0], f"{service.id}: a section follows How to contact"


def test_a_result_names_its_provider_among_the_contacts():
    """Job seekers are sent to the employment authority's own channels, not round to another service."""
    catalogue = load_catalogue(REPO)
    assert catalogue.eligibility is not None
    organisations = {organisation.id for organisation in catalogue.organisations}
    for outcome in catalogue.eligibility.outcomes:
        if outcome.provider in organisations:
            assert outcome.contacts[:1] == (outcome.provider,), outcome.id


def test_a_provider_without_a_channel_is_a_warning_of_make_check(project: Path):
    result = subprocess.run(
        [sys.executable, "-m", "guide.tools.check", str(project)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if "warning:" in line and "no phone, e-mail" in line]
    assert any("'family_centre'" in line for line in warnings)
    assert all(line.startswith("data/organisations.yaml:") for line in warnings)


def test_a_provider_without_a_channel_or_referral_is_an_error(project: Path):
    line = _edit(project, "    ask_instead: immigration_counsellor\n", "")
    [problem] = _problems(project)
    assert problem.startswith("data/organisations.yaml:")
    assert "has no phone, e-mail or web page" in problem and "ask_instead" in problem
    assert int(problem.split(":")[1]) < line


def test_a_referral_that_leads_nowhere_is_an_error(project: Path):
    line = _edit(project, "    ask_instead: immigration_counsellor\n", "    ask_instead: family_centre\n")
    problems = _problems(project)
    assert any(
        p.startswith(f"data/organisations.yaml:{line}:") and "no phone, e-mail or web page either" in p
        for p in problems
    )


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "        value: https://tyomarkkinatori.fi/\n",
            "        value: tyomarkkinatori.fi\n",
            "needs 'value: https://",
        ),
        (
            "        source: https://tyomarkkinatori.fi/en/info",
            "        source: http://tyomarkkinatori.fi/en/info",
            "'source' must be 'programme' or the https://",
        ),
        (
            "      - kind: web\n        value: https://tyomarkkinatori.fi/",
            "      - kind: phone\n        value: https://tyomarkkinatori.fi/",
            "a phone channel needs",
        ),
    ],
)
def test_a_malformed_channel_gets_an_editors_message_at_its_line(project: Path, old: str, new: str, words: str):
    line = _edit(project, old, new)
    [problem] = _problems(project)
    assert problem.startswith("data/organisations.yaml:")
    assert line - 2 <= int(problem.split(":")[1]) <= line + 3
    assert words in problem and "Value error" not in problem


def test_the_staff_page_lists_every_gap(built_site: Path):
    html = (built_site / "yhteystiedot-puutteet" / "index.html").read_text(encoding="utf-8")
    catalogue = load_catalogue(REPO)
    from guide.catalogue.contacts import gaps

    for gap in gaps(catalogue):
        assert f"<code>{gap.organisation.id}</code>" in html
