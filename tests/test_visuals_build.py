"""The four visualisation pages in the real build: service path, matrix, directory, programme summary.

Expected contents are worked out here from data/ by the programme's own rules, independently of
hooks/guide/site/directory.py and matrix.py, so a wrong rule there shows up as a difference.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from catalogue_fixture import broken_copy, line_of
from guide.core.languages import LANGUAGES
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from site_build import REPO
from test_site_build import elements, language_prefix

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


def expected_cards(municipality: str | None = None, delivery: str | None = None, group: str | None = None) -> set[str]:
    """Services the data says match: listed municipality; a Liite 1 delivery mode; a group it serves."""
    found = set()
    for service in CATALOGUE.services:
        rows = service.responsibility
        if municipality and municipality not in service.municipalities:
            continue
        if group and rows and group not in rows:
            continue
        if delivery and not any(delivery in row.delivery for name, row in rows.items() if group in (None, name)):
            continue
        found.add(service.id)
    return found


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


def test_matrix_cells_follow_the_programme_rule_for_each_municipality_and_group(built_site):
    html = article(page_of(built_site, "en", "vastuut-kunnittain"))
    rows = [service for service in CATALOGUE.services if service.responsibility]
    assert len(re.findall(r'<th scope="row"', html)) == len(rows)
    for service in rows:
        for municipality in CATALOGUE.municipalities:
            for group in ("jobseekers", "others"):
                column = f"{municipality.id}--{group}"
                match = re.search(
                    rf'<td [^>]*data-column="{column}"[^>]*headers="mx-row-{service.id} [^"]*">(.*?)</td>', html, re.S
                )
                assert match, (service.id, column)
                cell = text_of(match.group(1))
                row = service.responsibility.get(group)
                if row is None:
                    assert cell.strip() == CATALOGUE.string("matrix_not_for_group").en
                elif group == "others" and not municipality.in_programme:
                    assert cell.strip() == CATALOGUE.string("matrix_own_municipality").en
                else:
                    provider = CATALOGUE.organisation(row.provider)
                    assert (provider.short_name or provider.name).en in cell
                    assert "<svg" in match.group(1), "provider shown by text and icon"


def test_directory_shows_every_service_once_and_links_to_prebuilt_filtered_pages(built_site):
    page = page_of(built_site, "fi", "palveluhakemisto")
    assert sorted(card_links(page)) == sorted(service.id for service in CATALOGUE.services)
    html = article(page)
    for municipality in CATALOGUE.municipalities:
        assert f'href="kunta/{municipality.id}/"' in html
    for mode in ("in_person", "remote", "hybrid"):
        assert f'href="toteutus/{mode}/"' in html


@pytest.mark.parametrize("language", ["fi", "en"])
def test_prebuilt_filtered_pages_show_the_cards_the_data_says(built_site, language):
    for municipality in CATALOGUE.municipalities:
        page = page_of(built_site, language, f"palveluhakemisto/kunta/{municipality.id}")
        assert set(card_links(page)) == expected_cards(municipality=municipality.id), municipality.id
    for mode in ("in_person", "remote", "hybrid"):
        page = page_of(built_site, language, f"palveluhakemisto/toteutus/{mode}")
        assert set(card_links(page)) == expected_cards(delivery=mode), mode
        assert set(card_links(page)), f"no service is given {mode}?"
    for group in ("jobseekers", "others"):
        page = page_of(built_site, language, f"palveluhakemisto/ryhma/{group}")
        assert set(card_links(page)) == expected_cards(group=group), group


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
