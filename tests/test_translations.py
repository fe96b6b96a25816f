"""Translation status as data: missing and outdated texts per language, PO export and import, inline moves."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from catalogue_fixture import MINIMAL
from guide.catalogue.loader import load_source_catalogue
from guide.core.problems import DataError
from guide.translations.files import export_needs_work, import_translations, render_po, with_source_hash
from guide.translations.loader import load_catalogue
from guide.translations.status import source_hash, translation_status
from guide.translations.store import read_store

REPO = Path(__file__).resolve().parent.parent
FINNISH_PAGE = "---\ntitle: Etusivu\n---\n\n# Etusivu\n\nTervetuloa.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    (root / "content").mkdir()
    (root / "content" / "index.md").write_text(FINNISH_PAGE, encoding="utf-8")
    return root


def status_of(root: Path, language: str):
    store, problems = read_store(root)
    assert problems == []
    return next(s for s in translation_status(root, load_source_catalogue(root), store) if s.language == language)


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guide.tools.translations", *args],
        cwd=root,
        env={"PYTHONPATH": str(REPO / "hooks")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_untranslated_texts_and_pages_are_missing(project):
    status = status_of(project, "sv")
    assert "services/ohjaus-ja-neuvonta/title" in status.missing
    assert "services/ohjaus-ja-neuvonta/steps/0" in status.missing
    assert "content/index.md" in status.missing
    assert status.outdated == []
    # English is written inline in the fixture's YAML for the guidance service's title: not missing.
    assert "services/ohjaus-ja-neuvonta/title" not in status_of(project, "en").missing


def test_export_import_round_trip_makes_texts_current(project, tmp_path):
    source = load_source_catalogue(project)
    store, _ = read_store(project)
    exported = tmp_path / "sv.po"
    exported.write_bytes(render_po(export_needs_work(project, source, store, "sv")))
    with exported.open("rb") as file:
        catalog = read_po(file)
    keys = {message.context for message in catalog if message.id}
    assert {"services/ohjaus-ja-neuvonta/title", "content/index.md"} <= keys
    for message in catalog:
        if message.id:
            message.string = f"SV {message.id}" if message.context != "content/index.md" else "# Startsida\n"
    from babel.messages.pofile import write_po

    with exported.open("wb") as file:
        write_po(file, catalog)
    taken = import_translations(project, source, store, "sv", exported)
    assert taken == len(keys)
    assert status_of(project, "sv").complete
    catalogue = load_catalogue(project)
    assert catalogue.service("ohjaus-ja-neuvonta").title.get("sv") == "SV Ohjaus ja neuvonta"
    page = (project / "content" / "index.sv.md").read_text(encoding="utf-8")
    assert f"source_hash: {source_hash(FINNISH_PAGE)}" in page


def test_changing_the_finnish_text_makes_its_translation_outdated(project):
    (project / "translations").mkdir()
    (project / "translations" / "sv.po").write_text(
        'msgctxt "services/ohjaus-ja-neuvonta/title"\nmsgid "Ohjaus ja neuvonta"\nmsgstr "Vägledning och rådgivning"\n',
        encoding="utf-8",
    )
    before = status_of(project, "sv")
    assert "services/ohjaus-ja-neuvonta/title" not in before.missing + before.outdated
    services = project / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    services.write_text(text.replace("fi: Ohjaus ja neuvonta", "fi: Ohjausta ja neuvontaa"), encoding="utf-8")
    assert "services/ohjaus-ja-neuvonta/title" in status_of(project, "sv").outdated
    title = load_catalogue(project).service("ohjaus-ja-neuvonta").title
    assert title.get("sv") == "Vägledning och rådgivning"  # still the best text a Swedish reader has
    assert title.is_outdated("sv")


def test_changed_finnish_page_makes_its_translation_outdated(project):
    (project / "content" / "index.sv.md").write_text(
        with_source_hash("# Startsida\n", source_hash(FINNISH_PAGE)), encoding="utf-8"
    )
    assert "content/index.md" not in status_of(project, "sv").missing + status_of(project, "sv").outdated
    (project / "content" / "index.md").write_text(FINNISH_PAGE + "\nUusi kappale.\n", encoding="utf-8")
    assert "content/index.md" in status_of(project, "sv").outdated


def test_too_long_translated_summary_is_reported_at_its_line(project):
    (project / "translations").mkdir()
    long = "x" * 151
    (project / "translations" / "fa.po").write_text(
        '# Persian\n\nmsgctxt "services/ohjaus-ja-neuvonta/summary"\n'
        f'msgid "Neuvontaa kaikille maahan muuttaneille."\nmsgstr "{long}"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_catalogue(project)
    assert [str(p) for p in caught.value.problems] == [
        "translations/fa.po:5:1: the Persian translation of 'services/ohjaus-ja-neuvonta/summary' is 151 "
        "characters; at most 150 fit"
    ]


def test_status_command_strict_fails_until_complete(project):
    result = run_cli(project, "status", "--strict")
    assert result.returncode == 1
    assert "sv (Swedish): 0/" in result.stdout
    assert "  missing   services/ohjaus-ja-neuvonta/title" in result.stdout
    assert run_cli(project, "status").returncode == 0


def test_move_inline_keeps_every_text_and_empties_the_yaml_of_translations(project):
    before = load_catalogue(project)
    result = run_cli(project, "move-inline")
    assert result.returncode == 0, result.stderr
    yaml_text = (project / "data" / "services.yaml").read_text(encoding="utf-8")
    assert "en: Guidance and counselling" not in yaml_text
    assert "fi: Ohjaus ja neuvonta" in yaml_text
    assert load_catalogue(project) == before
    assert "Guidance and counselling" in (project / "translations" / "en.po").read_text(encoding="utf-8")


def test_repository_translations_are_complete():
    result = run_cli(REPO, "status", "--strict")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
