"""The benchmark's inputs are what it claims: a valid, fully translated catalogue of the asked size,
and a baseline project with the same pages and none of our layer. (Timings are not tested.)"""

from __future__ import annotations

from mkdocs.config import load_config

from bench.baseline import write_baseline_project
from bench.synthetic import write_synthetic_project
from guide.catalogue.loader import load_source_catalogue
from guide.translations.loader import load_catalogue
from guide.translations.status import translation_status
from guide.translations.store import read_store


def test_a_synthetic_catalogue_has_the_asked_services_all_translated(tmp_path):
    project = write_synthetic_project(tmp_path / "ours", 40)
    catalogue = load_catalogue(project)  # raises on any validation problem
    assert len(catalogue.services) == 40
    assert len({service.id for service in catalogue.services}) == 40
    store, problems = read_store(project)
    assert problems == []
    for status in translation_status(project, load_source_catalogue(project), store):
        assert status.missing == [] and status.outdated == [], status.language


def test_the_baseline_has_our_pages_in_every_language_and_no_hooks(tmp_path):
    project = write_synthetic_project(tmp_path / "ours", 20)
    baseline = write_baseline_project(project, tmp_path / "baseline", ["fi", "ar"])
    sources = {path.relative_to(baseline / "content").as_posix() for path in (baseline / "content").rglob("*.md")}
    assert "palvelut/ohjaus-ja-neuvonta-2.md" in sources
    assert "palvelut/ohjaus-ja-neuvonta-2.ar.md" in sources
    assert "index.ar.md" in sources  # the written pages too
    config = load_config(str(baseline / "mkdocs.yml"))
    assert config.hooks == {}
    assert config.theme.custom_dir is None
    assert set(config.plugins) == {"material/search", "i18n"}
