"""A second instance built by the same engine: examples/esimerkkikunta (fi, sv, en), and a new one
from `make new-instance`. Real builds with the instance's own mkdocs.yml, as `make build INSTANCE=...`
runs them; the example must pass the checks Kuopio passes and must not show Kuopio's content."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from axe_check import observed_page, violations
from guide.catalogue.loader import load_source_catalogue
from guide.core.instance import instance_languages
from guide.core.problems import DataError
from guide.tools import check
from guide.tools.new_instance import scaffold
from guide.translations.loader import load_catalogue
from guide.translations.status import translation_status
from guide.translations.store import read_store
from page_html import VNU, link_problems
from site_build import REPO
from site_pages import all_pages, page_types

EXAMPLE = REPO / "examples" / "esimerkkikunta"
KUOPIO_NAMES = re.compile(r"kuopio|tuusniem|lapinlah", re.IGNORECASE)
NOT_ITS_LANGUAGES = ("ru", "uk", "et", "ar", "fa")
NOTICE = {  # the copyright line of each language in the example's mkdocs.yml: on every page
    "fi": "Esimerkkikunta on kuvitteellinen kunta.",
    "sv": "Esimerkkikunta är en fiktiv kommun.",
    "en": "Esimerkkikunta is a fictional municipality.",
}


def build_instance(config: Path, destination: Path, language: str = "") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the instance whose mkdocs.yml is `config`, run from the engine's folder."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1", "BUILD_ONLY_LOCALE": language}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(destination)]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("example-site")
    result = build_instance(EXAMPLE / "mkdocs.yml", destination)
    assert result.returncode == 0, result.stderr[-4000:]
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def example_url(example_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(example_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_example_has_only_its_own_languages(example_site: Path) -> None:
    assert instance_languages(EXAMPLE) == ("fi", "sv", "en")
    assert (example_site / "sv" / "index.html").is_file() and (example_site / "en" / "index.html").is_file()
    present = [language for language in NOT_ITS_LANGUAGES if (example_site / language).exists()]
    assert present == []


def test_no_page_of_the_example_mentions_kuopio(example_site: Path) -> None:
    found = [
        f"{path.relative_to(example_site)}: {match.group()}"
        for path in sorted(example_site.rglob("*"))
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".css", ".js")
        for match in [KUOPIO_NAMES.search(path.read_text(encoding="utf-8", errors="replace"))]
        if match
    ]
    assert found == []


def test_every_page_says_it_is_example_data(example_site: Path) -> None:
    pages = all_pages(example_site)
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        language = re.search(r'<html[^>]* lang="([a-z]+)"', html).group(1)  # the not-found page is in the last built
        assert NOTICE[language] in html, page.relative_to(example_site)


def test_the_example_passes_validation_with_complete_translations(capsys: pytest.CaptureFixture[str]) -> None:
    assert check.main([str(EXAMPLE)]) == 0
    assert "data/ is valid: 6 services" in capsys.readouterr().out
    store, problems = read_store(EXAMPLE)
    assert problems == [] and sorted(store) == ["en", "sv"]
    report = translation_status(EXAMPLE, load_source_catalogue(EXAMPLE), store)
    assert [(s.language, s.missing, s.outdated) for s in report] == [("sv", [], []), ("en", [], [])]


def test_the_example_has_every_interface_text_kuopio_has() -> None:
    """A text the templates gain (in data/site.yaml or the tree's strings) must reach the example too."""
    kuopio, example = load_source_catalogue(REPO), load_source_catalogue(EXAMPLE)
    assert {s.id for s in kuopio.strings} - {s.id for s in example.strings} == set()
    assert kuopio.eligibility is not None and example.eligibility is not None
    kuopio_tree, example_tree = kuopio.eligibility.strings, example.eligibility.strings
    assert {s.id for s in kuopio_tree} - {s.id for s in example_tree} == set()


def test_the_municipality_answers_are_the_instances(example_site: Path, tmp_path: Path) -> None:
    tree = json.loads((example_site / "api" / "eligibility.json").read_text(encoding="utf-8"))
    start = tree["nodes"][tree["start"]]
    assert [option["value"] for option in start["options"]] == ["esimerkkikunta", "elsewhere"]
    copy = tmp_path / "instance"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("site"), symlinks=True)
    path = copy / "data" / "eligibility.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("esimerkkikunta: lupa", "kuopio: lupa"), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalogue(copy)
    assert "'kuopio' is not a value of fact 'municipality'; its values are: esimerkkikunta, elsewhere" in str(
        error.value
    )


def test_the_example_exports_for_ptv_and_as_open_data(example_site: Path) -> None:
    ptv = json.loads((example_site / "api" / "ptv" / "services.json").read_text(encoding="utf-8"))
    services = json.loads((example_site / "api" / "services.json").read_text(encoding="utf-8"))
    assert len(ptv["services"]) == 6
    assert {service["sourceId"] for service in ptv["services"]} == {s["id"] for s in services["services"]}
    assert services["languages"] == ["fi", "sv", "en"]


def test_the_examples_links_resolve_and_its_html_is_valid(example_site: Path) -> None:
    problems, checked = link_problems(example_site)
    assert checked > 500 and problems == [], "\n".join(problems[:40])
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(REPO)} is missing: run `make tools` (make test installs it)")
    command = ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu", str(example_site)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    errors = [line.replace(str(example_site), "") for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 0 and errors == [], "\n".join(errors[:40])


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_examples_page_types_are_accessible(
    browser: Browser, example_site: Path, example_url: str, language: str
) -> None:
    paths = page_types(example_site, language)
    assert len(paths) >= 10, paths
    page, _, errors = observed_page(browser)
    problems: list[str] = []
    for path in paths:
        errors.clear()
        response = page.goto(example_url + path, wait_until="networkidle")
        assert response is not None and response.ok, path
        problems += [f"{path}: {line}" for line in violations(page)] + [f"{path}: {e}" for e in errors]
    page.context.close()
    assert problems == [], "\n".join(problems)


def test_a_new_instance_builds_at_once_in_finnish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "uusikunta"
    written = scaffold(target)
    assert "mkdocs.yml" in written and not (target / "content" / "index.en.md").exists()
    assert instance_languages(target) == ("fi",)
    assert check.main([str(target)]) == 0
    result = build_instance(target / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "site" / "index.html").is_file() and not (tmp_path / "site" / "en").exists()
    with pytest.raises(FileExistsError):
        scaffold(target)
