"""The glossaries are binding: every translation of a glossary term's Finnish text uses the term."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.catalogue.models import Catalogue
from guide.translations.glossary import contains, glossary, violations
from guide.translations.loader import load_catalogue
from guide.translations.store import TRANSLATED_LANGUAGES
from site_build import REPO, copy_project


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(REPO)


def _replace_translation(root: Path, language: str, key: str, old: str, new: str) -> None:
    """Replace `old` by `new` in the translation of `key` in translations/<language>.po of `root`."""
    path = root / "translations" / f"{language}.po"
    text = path.read_text(encoding="utf-8")
    start = text.index(f'msgctxt "{key}"\n')
    end = text.index("\n\n", start)
    entry = text[start:end]
    assert old in entry.split("\nmsgstr ", 1)[1], f"{old!r} not in the {language} translation of {key}"
    path.write_text(text[:start] + entry.replace(old, new) + text[end:], encoding="utf-8")


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_translation_uses_the_glossary_terms(catalogue: Catalogue, language: str) -> None:
    assert glossary(REPO, language), f"no glossary terms for {language}"
    found = [
        f"{v.key}: {' / '.join(v.term.finnish)} needs {' or '.join(v.term.required)}: {v.translation[:120]!r}"
        for v in violations(REPO, catalogue, language)
    ]
    assert not found, f"{len(found)} {language} texts leave out a glossary term:\n" + "\n".join(found)


def test_a_swedish_text_without_the_term_is_caught(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    key = "services/kotoutumissuunnitelma/title"
    _replace_translation(project, "sv", key, "Integrationsplan", "Integrationsdokument")
    found = [v for v in violations(project, load_catalogue(project), "sv") if v.key == key]
    assert [v.term.finnish for v in found] == [("kotoutumissuunnitelma",)]
    assert found[0].translation == "Integrationsdokument"


def test_an_english_text_takes_its_term_from_the_swedish_glossary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    key = "services/palvelutarpeen-arviointi/title"
    _replace_translation(project, "en", key, "integration service needs", "integration matters")
    found = [v for v in violations(project, load_catalogue(project), "en") if v.key == key]
    assert [v.term.required[0] for v in found] == ["assessment of skills and integration service needs"]


def test_a_listed_exception_is_not_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    key = "services/kotoutumissuunnitelma/title"
    _replace_translation(project, "sv", key, "Integrationsplan", "Integrationsdokument")
    path = project / "translations" / "glossary" / "sv.yaml"
    text = path.read_text(encoding="utf-8")
    entry = "- fi: kotoutumissuunnitelma\n  en: integration plan\n  sv: integrationsplan\n"
    assert entry in text
    path.write_text(text.replace(entry, f"{entry}  exceptions:\n    - {key}  # a test\n"), encoding="utf-8")
    assert not [v for v in violations(project, load_catalogue(project), "sv") if v.key == key]


@pytest.mark.parametrize(
    ("text", "phrase", "language", "expected"),
    [
        ("Du får en integrationsplan.", "integrationsplan", "sv", True),  # inflected: -en
        ("Sinulle tehdään kotoutumisen palvelutarpeen arviointi.", "kotoutuminen", "fi", True),  # -nen, -sen
        ("Plan och integration", "integrationsplan", "sv", False),
        ("integration and a plan", "integration plan", "en", False),  # the words of a term in a row
        ("KotoL 10 §", "KotoL", "fi", True),
        ("Kotoutumislaki", "KotoL", "fi", False),  # an abbreviation is a whole word
        ("TUVA-koulutuksen S2-linja", "S2", "fi", True),
        ("حصلت على تصريح إقامة", "تصريح الإقامة", "ar", True),  # without the article
        ("كنت باحثًا عن عمل", "باحث عن عمل", "ar", True),  # vowel marks stay inside the word
    ],
)
def test_terms_match_inflected_forms_only(text: str, phrase: str, language: str, expected: bool) -> None:
    assert contains(text, phrase, language) is expected
