"""A real build of the repository's site: pages per language, switcher, open data, no third-party hosts."""

from __future__ import annotations

import json
import re

import pytest

from guide.core.languages import LANGUAGES
from guide.translations.loader import load_catalogue
from page_html import elements
from po_files import translated
from site_build import REPO, build_site, copy_project
from site_pages import language_prefix

CATALOGUE = load_catalogue(REPO)


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_service_has_a_page_in_its_language(built_site, language):
    for service in CATALOGUE.services:
        page = built_site / f"{language_prefix(language)}palvelut/{service.id}/index.html"
        assert page.is_file(), f"no {language} page for {service.id}"
        html = page.read_text(encoding="utf-8")
        assert re.search(rf'<html [^>]*lang="{language}"', html)
        title = service.title.get(language)
        assert title and f">{title}<" in html.replace("&amp;", "&"), f"{service.id}: title missing"


def test_every_language_is_built(built_site):
    for language in LANGUAGES:
        home = built_site / language_prefix(language) / "index.html"
        assert home.is_file(), language
        assert re.search(rf'<html [^>]*lang="{language}"', home.read_text(encoding="utf-8"))


def test_switcher_on_a_generated_page_stays_on_the_same_service(built_site):
    service = CATALOGUE.services[1]
    page = built_site / f"en/palvelut/{service.id}/index.html"
    links = {
        attrs["hreflang"]: attrs["href"]
        for tag, attrs in elements(page)
        if tag == "a" and "kg-languages__link" in attrs.get("class", "")
    }
    assert set(links) == set(LANGUAGES)
    for language, href in links.items():
        target = (page.parent / href).resolve() / "index.html"
        assert target == (built_site / f"{language_prefix(language)}palvelut/{service.id}/index.html").resolve()


def test_catalogue_page_links_every_service(built_site):
    for language in ("fi", "en"):
        page = built_site / f"{language_prefix(language)}palvelut/index.html"
        hrefs = {attrs.get("href") for tag, attrs in elements(page) if tag == "a"}
        for service in CATALOGUE.services:
            assert f"{service.id}/" in hrefs, f"{language}: {service.id} not linked"


def test_responsibility_table_is_an_accessible_table_of_the_data(built_site):
    for language in ("fi", "en"):
        page = built_site / f"{language_prefix(language)}kuka-tekee-mita/index.html"
        found = elements(page)
        tags = [tag for tag, _ in found]
        assert "caption" in tags
        header_scopes = [attrs.get("scope") for tag, attrs in found if tag == "th"]
        assert header_scopes.count("col") == 3
        rows = [s for s in CATALOGUE.services if s.responsibility]
        assert header_scopes.count("row") == len(rows)
        html = page.read_text(encoding="utf-8")
        for service in rows:
            for cell in service.responsibility.values():
                provider = CATALOGUE.organisation(cell.provider).name.best(language)[0]
                assert provider in html.replace("&amp;", "&")


def test_services_json_holds_each_current_translation_of_the_po_files(built_site):
    """Read from the PO files directly, so a translation merge that lost every translation fails here."""
    document = json.loads((built_site / "api" / "services.json").read_text(encoding="utf-8"))
    merged = 0
    for language in LANGUAGES:
        if language == "fi":
            continue
        po = translated(language)
        for record in document["services"]:
            for field in ("title", "summary"):
                finnish = record[field]["fi"]
                msgid, msgstr = po.get(f"services/{record['id']}/{field}", ("", ""))
                want = msgstr if msgstr and msgid == finnish else None  # an outdated entry is not shown
                assert record[field].get(language) == want, (language, record["id"], field)
                merged += want is not None
    assert merged > 100  # most texts are translated: a merge that lost them all would not pass


def test_services_json_matches_the_data(built_site):
    document = json.loads((built_site / "api" / "services.json").read_text(encoding="utf-8"))
    assert document["languages"] == list(LANGUAGES)
    organisation_ids = [o["id"] for o in document["organisations"]]
    for fixed in (
        "employment_authority",
        "immigration_counsellor",
        "international_house",
        "integration_social_work",
        "family_centre",
        "working_age_social_services",
    ):
        assert fixed in organisation_ids
    assert [s["id"] for s in document["services"]] == [s.id for s in CATALOGUE.services]
    for record, service in zip(document["services"], CATALOGUE.services, strict=True):
        assert record["programme_section"] == service.programme_section
        assert record["kotol_sections"] == list(service.kotol_sections)
        assert record["title"]["fi"] == service.title.fi
        for group, cell in service.responsibility.items():
            assert record["responsibility"][group]["provider"] == cell.provider
            assert record["responsibility"][group]["plan_review_months"] == cell.plan_review_months
        for url in record["url"].values():
            assert url.startswith("/") and url.endswith(f"/palvelut/{service.id}/")
            assert (built_site / url.lstrip("/") / "index.html").is_file(), url


def test_liite_1_is_complete_in_the_data():
    rows = {s.id: s for s in CATALOGUE.services if s.responsibility}
    plan = rows["kotoutumissuunnitelma"].responsibility
    assert plan["jobseekers"].provider == "employment_authority"
    assert plan["jobseekers"].plan_review_months == 3
    assert plan["others"].provider == "immigration_counsellor"
    assert plan["others"].plan_review_months == 6
    multisectoral = rows["monialainen-palvelutarpeen-arviointi"].responsibility["others"]
    assert {"integration_social_work", "family_centre", "working_age_social_services"} <= set(multisectoral.partners)
    guidance = rows["ohjaus-ja-neuvonta"].responsibility
    assert guidance["others"].provider == "international_house"
    assert "web_form" in guidance["others"].delivery


def test_services_json_is_deterministic(built_site, tmp_path):
    again = tmp_path / "again"
    result = build_site(again, language="fi")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (again / "api" / "services.json").read_bytes() == (built_site / "api" / "services.json").read_bytes()


RESOURCE_ATTRIBUTES = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("img", "srcset"),
    ("link", "href"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
}
NAVIGATION_RELS = {"alternate", "canonical"}  # point at our own pages, checked separately below


def test_no_page_loads_anything_from_another_host(built_site):
    site_host = "127.0.0.1:8000"
    checked = 0
    for page in built_site.rglob("*.html"):
        for tag, attrs in elements(page):
            for attribute in ("src", "href", "srcset", "data"):
                value = attrs.get(attribute)
                if value is None or (tag, attribute) not in RESOURCE_ATTRIBUTES:
                    continue
                if tag == "link" and set(attrs.get("rel", "").split()) & NAVIGATION_RELS:
                    assert value.startswith(f"http://{site_host}/") or "//" not in value, (page, value)
                    continue
                assert "//" not in value, f"{page.relative_to(built_site)} loads {value}"
                checked += 1
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), stylesheet
        assert "@import" not in text or "//" not in text.split("@import", 1)[1].split(";", 1)[0]
    assert checked > 100


def test_bad_data_fails_the_build_with_the_editors_message_and_no_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    services = project / "data" / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").replace(
            "    title:\n      fi: Ohjaus ja neuvonta", "    titel:\n      fi: Ohjaus ja neuvonta", 1
        ),
        encoding="utf-8",
    )
    result = build_site(tmp_path / "site", source=project, language="fi")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(
        r"data/services\.yaml:\d+:5: unknown field 'titel' in service 'ohjaus-ja-neuvonta'; did you mean 'title'\?",
        output,
    )
    assert "Traceback" not in output


def test_a_warning_of_the_hooks_fails_the_strict_build(tmp_path):
    """A `{name}` a reader would see is logged as a warning by the hooks (logger `mkdocs.hooks.guide`);
    --strict must count it under ProperDocs too, whose own logger is `properdocs` (`make properdocs`)."""
    project = copy_project(tmp_path / "project")
    page = project / "content" / "henkilostolle.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSoita numeroon {puhelin}.\n", encoding="utf-8")
    result = build_site(tmp_path / "site", source=project, language="fi")
    assert result.returncode != 0
    assert "henkilostolle/index.html shows unfilled placeholders to readers: {puhelin}" in result.stderr


def test_no_fact_is_shown_without_a_value(built_site):
    """A label with an empty value (e.g. service languages the programme does not name) says nothing."""
    empty = [
        str(page.relative_to(built_site))
        for page in built_site.rglob("*.html")
        if re.search(r"<dd>\s*</dd>", page.read_text(encoding="utf-8"))
    ]
    assert empty == []
