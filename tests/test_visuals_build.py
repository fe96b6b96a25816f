"""The four visualisation pages in the real build: service path, matrix, directory, programme summary.

The directory's expected cards are written out by hand in tests/directory_cards.py; the matrix's
cells are worked out here by the programme's rule as its text states it, independently of
hooks/guide/site/matrix.py, and a copy of the data where a service is not offered in one
municipality shows the one kind of cell the real data has none of.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import directory_cards as cards
from catalogue_fixture import broken_copy, line_of
from guide.catalogue.models import Catalogue, Municipality, Service
from guide.core.languages import LANGUAGES
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from page_html import elements
from site_build import REPO, build_site, copy_project
from site_pages import language_prefix

CATALOGUE = load_catalogue(REPO)
VIEWS = ["polku", "vastuut-kunnittain", "palveluhakemisto", "ohjelma"]
TITLES = {"polku": "path_title", "vastuut-kunnittain": "matrix_title", "palveluhakemisto": "directory_title",
          "ohjelma": "programme_title"}  # fmt: skip


def page_of(built_site: Path, language: str, path: str) -> Path:
    return built_site / f"{language_prefix(language)}{path}/index.html"


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def card_links(page: Path) -> list[str]:
    """The service each directory card on `page` links to, in page order."""
    return re.findall(r'<li class="kg-dir-card"[^>]*>\s*<h3><a href="[./]*palvelut/([^/"]+)/"', article(page))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("view", VIEWS)
def test_each_view_exists_in_each_language_and_its_links_resolve(built_site, language, view):
    page = page_of(built_site, language, view)
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert re.search(rf'<html [^>]*lang="{language}"', html)
    title = CATALOGUE.string(TITLES[view])
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    if title.get(language):
        assert title.get(language) in h1
    else:  # not translated yet: the Finnish text, marked as Finnish for screen readers
        assert title.fi in h1 and 'lang="fi"' in h1
    for tag, attrs in elements(page):
        href = attrs.get("href", "")
        if tag != "a" or not href or urlsplit(href).scheme or href.startswith(("#", "mailto:", "tel:")):
            continue
        target = (page.parent / urlsplit(href).path).resolve()
        assert (target / "index.html").is_file() or target.is_file(), f"{view} ({language}): broken link {href}"


@pytest.mark.parametrize("language", ["fi", "en", "ar"])
def test_path_shows_every_step_in_order_with_both_groups_and_links_to_its_services(built_site, language):
    page = page_of(built_site, language, "polku")
    html = article(page)
    steps = re.findall(
        r'<li class="kg-path-step" id="([^"]+)">(.*?)</li>\s*(?=<li class="kg-path-step"|</ol>)', html, re.S
    )
    assert [step_id for step_id, _ in steps] == [step.id for step in CATALOGUE.path_steps]
    for (_, body), step in zip(steps, CATALOGUE.path_steps, strict=True):
        text = text_of(body)
        assert step.title.best(language)[0] in text
        for service_id in step.services:
            assert f'palvelut/{service_id}/"' in body, f"{step.id} does not link {service_id}"
        first = CATALOGUE.service(step.services[0])
        for group, row in first.responsibility.items():
            assert CATALOGUE.organisation(row.provider).name.best(language)[0] in text
            assert CATALOGUE.string(f"group_short_{group}").best(language)[0] in text
        for section in step.kotol_sections:
            assert str(section) in text


def test_time_limits_come_from_the_data_as_text_and_proportional_bars(built_site):
    html = article(page_of(built_site, "fi", "polku"))
    items = re.findall(r'<li class="kg-limit">(.*?)</li>', html, re.S)
    assert len(items) == len(CATALOGUE.path_limits)
    in_months = {limit.id: limit.amount * (12 if limit.unit == "year" else 1) for limit in CATALOGUE.path_limits}
    widths = {}
    for item in items:
        # the text equivalent is a visible paragraph; the bar next to it is hidden from screen readers
        sentence = text_of(re.search(r"<p>(.*?)</p>", item, re.S).group(1))
        limit = next(limit for limit in CATALOGUE.path_limits if limit.text.fi.split("{")[0] in sentence)
        assert str(limit.amount) in sentence and "{" not in sentence
        assert 'class="kg-bar-row" aria-hidden="true"' in item
        widths[limit.id] = float(re.search(r'kg-bar-fill" style="inline-size: ([0-9.]+)%', item).group(1))
    longest = max(widths, key=widths.get)
    for limit_id, width in widths.items():
        expected = widths[longest] * in_months[limit_id] / in_months[longest]
        assert width == pytest.approx(expected, abs=0.1), limit_id
    reviews = {limit.group: limit.amount for limit in CATALOGUE.path_limits if limit.group}
    assert reviews == {"jobseekers": 3, "others": 6}  # programme 2.3 / 2.4


@pytest.mark.parametrize("view", VIEWS)
def test_icons_are_decorative_and_next_to_text(built_site, view):
    html = article(page_of(built_site, "en", view))
    for svg in re.finditer(r"<svg[^>]*>", html):
        assert 'aria-hidden="true"' in svg.group(0)
    for parent in re.findall(
        r"<(?:span|li|p|th|dd)[^>]*>((?:(?!</?(?:span|li|p|th|dd)\b).)*?<svg.*?</svg>.*?)</", html, re.S
    ):
        assert text_of(re.sub(r"<svg.*?</svg>", "", parent, flags=re.S)).strip(), "an icon without text"


def expected_cell(service: Service, municipality: Municipality, group: str) -> str:
    """What the matrix should say, by the programme's rule (the docstring of guide/site/matrix.py)."""
    row = service.responsibility.get(group)
    if row is None:
        return "matrix_not_for_group"  # Liite 1 has no row for the group
    if group == "others" and not municipality.in_programme:
        return "matrix_own_municipality"  # programme 2.4: their own municipality's programme
    offered = municipality.id in service.municipalities
    if not offered or (group == "jobseekers" and not municipality.in_employment_area):
        return "matrix_not_available"
    return row.provider


def matrix_cells(page: Path, catalogue: Catalogue) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(service, municipality, group) -> (the cell's text, its HTML) of every cell of the matrix."""
    html = article(page)
    found = {}
    for service in (service for service in catalogue.services if service.responsibility):
        for municipality in catalogue.municipalities:
            for group in ("jobseekers", "others"):
                column = f"{municipality.id}--{group}"
                match = re.search(
                    rf'<td [^>]*data-column="{column}"[^>]*headers="mx-row-{service.id} [^"]*">(.*?)</td>', html, re.S
                )
                assert match, (service.id, column)
                found[service.id, municipality.id, group] = (text_of(match.group(1)).strip(), match.group(1))
    return found


def cell_problems(page: Path, catalogue: Catalogue) -> list[str]:
    """The cells of the English matrix on `page` that do not say what the rule says for `catalogue`."""
    problems = []
    municipalities = {municipality.id: municipality for municipality in catalogue.municipalities}
    for (service_id, municipality_id, group), (text, html) in matrix_cells(page, catalogue).items():
        want = expected_cell(catalogue.service(service_id), municipalities[municipality_id], group)
        if want.startswith("matrix_"):
            ok = text == catalogue.string(want).en
        else:
            provider = catalogue.organisation(want)
            ok = (provider.short_name or provider.name).en in text and "<svg" in html  # by text and icon
        if not ok:
            problems.append(f"{service_id}, {municipality_id}, {group}: shows {text!r}, the rule says {want}")
    return problems


def test_matrix_cells_follow_the_programme_rule_for_each_municipality_and_group(built_site):
    page = page_of(built_site, "en", "vastuut-kunnittain")
    rows = [service for service in CATALOGUE.services if service.responsibility]
    assert len(re.findall(r'<th scope="row"', article(page))) == len(rows)
    assert cell_problems(page, CATALOGUE) == []


@pytest.fixture(scope="module")
def narrowed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalogue]:
    """A copy of the project where the needs assessment is not offered in Lapinlahti, built in English."""
    root = tmp_path_factory.mktemp("narrowed")
    project = copy_project(root / "project")
    services = project / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    start = text.index("  - id: palvelutarpeen-arviointi\n")
    listed = "municipalities: [kuopio, tuusniemi, lapinlahti, other_employment_area]"
    at = text.index(listed, start)
    services.write_text(text[:at] + listed.replace(" lapinlahti,", "") + text[at + len(listed) :], encoding="utf-8")
    result = build_site(root / "site", source=project, language="en")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site", load_catalogue(project)


def test_a_service_not_offered_in_a_municipality_says_so_in_both_columns(narrowed):
    site, catalogue = narrowed
    page = site / "vastuut-kunnittain" / "index.html"  # the one language built is at the site's root
    assert 'lang="en"' in page.read_text(encoding="utf-8")
    cells = matrix_cells(page, catalogue)
    not_available = catalogue.string("matrix_not_available").en
    assert cells["palvelutarpeen-arviointi", "lapinlahti", "jobseekers"][0] == not_available
    assert cells["palvelutarpeen-arviointi", "lapinlahti", "others"][0] == not_available
    assert [key for key, (text, _) in cells.items() if text == not_available] == [
        ("palvelutarpeen-arviointi", "lapinlahti", "jobseekers"),
        ("palvelutarpeen-arviointi", "lapinlahti", "others"),
    ]
    assert cell_problems(page, catalogue) == []


def test_directory_shows_every_service_once_and_links_to_prebuilt_filtered_pages(built_site):
    page = page_of(built_site, "fi", "palveluhakemisto")
    assert sorted(card_links(page)) == sorted(service.id for service in CATALOGUE.services)
    html = article(page)
    for municipality in CATALOGUE.municipalities:
        assert f'href="kunta/{municipality.id}/"' in html
    for mode in ("in_person", "remote", "hybrid"):
        assert f'href="toteutus/{mode}/"' in html


def test_the_hand_written_cards_cover_every_service_of_the_data():
    missing = {service.id for service in CATALOGUE.services} ^ cards.ALL
    assert not missing, f"services added or removed in data/services.yaml: update tests/directory_cards.py: {missing}"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_prebuilt_filtered_pages_show_the_cards_the_data_says(built_site, language):
    pages = [
        *((f"kunta/{value}", expected) for value, expected in cards.MUNICIPALITY.items()),
        *((f"toteutus/{value}", expected) for value, expected in cards.DELIVERY.items()),
        *((f"ryhma/{value}", expected) for value, expected in cards.GROUP.items()),
    ]
    assert {municipality.id for municipality in CATALOGUE.municipalities} == set(cards.MUNICIPALITY)
    for path, expected in pages:
        shown = set(card_links(page_of(built_site, language, f"palveluhakemisto/{path}")))
        assert shown == expected, f"{path}: shows {sorted(shown - expected)} too, lacks {sorted(expected - shown)}"


def test_programme_summary_holds_services_responsibility_table_and_contacts(built_site):
    html = article(page_of(built_site, "en", "ohjelma"))
    text = text_of(html)
    for service in CATALOGUE.services:
        assert service.title.en in text
    table = html[html.index('<table class="kg-responsibility kg-programme-table">') :]
    assert len(re.findall(r'<th scope="row"', table)) == len([s for s in CATALOGUE.services if s.responsibility])
    named = {o for s in CATALOGUE.services for o in (*s.providers, *s.contacts)}
    for organisation_id in named:
        assert CATALOGUE.organisation(organisation_id).name.en in text


def test_scripts_load_only_where_needed(built_site):
    for view, script in (("palveluhakemisto", "directory.js"), ("vastuut-kunnittain", "matrix.js")):
        assert script in page_of(built_site, "en", view).read_text(encoding="utf-8")
        assert script not in page_of(built_site, "en", "polku").read_text(encoding="utf-8")
        assert script not in page_of(built_site, "en", "palveluhakemisto/kunta/kuopio").read_text(encoding="utf-8")


def test_a_path_step_naming_an_unknown_service_is_reported_at_its_line(tmp_path):
    root = broken_copy(tmp_path, "service_path.yaml", "services: [palvelutarpeen-arviointi]", "services: [nope]")
    with pytest.raises(DataError) as error:
        load_catalogue(root)
    line = line_of(root, "service_path.yaml", "services: [nope]")
    assert f"data/service_path.yaml:{line}:" in str(error.value)
    assert "service 'nope'" in str(error.value)


def test_a_review_interval_that_disagrees_with_services_yaml_is_reported(tmp_path):
    for part in ("data", "translations"):
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, tmp_path / part)
    path_file = tmp_path / "data" / "service_path.yaml"
    text = path_file.read_text(encoding="utf-8")
    old = "    amount: 6\n    unit: month\n    group: others\n"
    assert old in text
    path_file.write_text(text.replace(old, old.replace("6", "4")), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(tmp_path)
    assert "says 4 months but service 'kotoutumissuunnitelma' reviews plans every 6 months" in str(error.value)
