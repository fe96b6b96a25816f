"""Languages: every page in every language with the right lang and dir, and honest fallback where a
translation is missing or outdated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.core.languages import LANGUAGES
from site_build import build_site, copy_project, restrict_languages


def prefix(language: str) -> str:
    return "" if language == "fi" else f"{language}/"


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_language_and_direction(built_site, language):
    pages = (
        [p for p in (built_site / prefix(language).rstrip("/")).rglob("index.html")]
        if language != "fi"
        else [p for p in built_site.rglob("index.html") if p.relative_to(built_site).parts[0] not in LANGUAGES]
    )
    assert len(pages) > 20
    expected_dir = "rtl" if language in ("ar", "fa") else "ltr"
    for page in pages:
        head = page.read_text(encoding="utf-8")[:400]
        match = re.search(r"<html ([^>]*)>", head)
        assert match, page
        assert f'lang="{language}"' in match.group(1), page
        assert f'dir="{expected_dir}"' in match.group(1), page


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """fi + sv only; one current, one outdated and many missing Swedish translations."""
    root = tmp_path_factory.mktemp("fallback")
    project = copy_project(root / "project")
    restrict_languages(project, ["fi", "sv"])
    translations = project / "translations"
    translations.mkdir(exist_ok=True)
    (translations / "sv.po").write_text(
        'msgctxt "services/kotoutumiskoulutus/title"\n'
        'msgid "Kotoutumiskoulutus"\n'
        'msgstr "Integrationsutbildning"\n\n'
        'msgctxt "services/yhteiskuntaorientaatio/title"\n'
        'msgid "Vanha suomenkielinen otsikko"\n'
        'msgstr "Samhällsorientering"\n',
        encoding="utf-8",
    )
    for page in project.glob("content/**/*.sv.md"):
        page.unlink()
    result = build_site(root / "site", source=project)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_current_translation_is_shown_in_its_language(fallback_site):
    html = html_of(fallback_site, "sv/palvelut/kotoutumiskoulutus")
    assert re.search(r"<h1[^>]*>Integrationsutbildning</h1>", html)


def test_outdated_translation_is_shown_with_a_notice(fallback_site):
    html = html_of(fallback_site, "sv/palvelut/yhteiskuntaorientaatio")
    assert re.search(r"<h1[^>]*>Samhällsorientering</h1>", html)
    assert 'class="kg-fallback-notice"' in html


def test_missing_translation_falls_back_to_finnish_marked_as_finnish(fallback_site):
    html = html_of(fallback_site, "sv/palvelut/ohjaus-ja-neuvonta")
    assert re.search(r'<h1[^>]*><span lang="fi" dir="ltr">Ohjaus ja neuvonta</span></h1>', html)
    assert 'class="kg-fallback-notice"' in html
    assert '<div class="kg-prose" lang="fi" dir="ltr">' in html


def test_untranslated_written_page_carries_finnish_lang_and_a_notice(fallback_site):
    html = html_of(fallback_site, "sv/avoin-data")
    assert '<html dir="ltr" lang="sv"' in html
    notice = html.index('class="kg-fallback-notice"')
    body = html.index('<div lang="fi" dir="ltr">')
    assert notice < body
    assert "Avoin data" in html[body:]


def test_sitemap_lists_generated_pages_with_their_alternates(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/palvelut/kotoutumiskoulutus/</loc>" in sitemap
    assert 'hreflang="ar" href="' in sitemap
    assert "/ar/palvelut/kotoutumiskoulutus/" in sitemap
