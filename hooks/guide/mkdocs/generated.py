"""The files the hooks add to a language build: the generated pages, and (once) the open data."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from guide.catalogue.open_data import SERVICES_JSON, services_document, to_json
from guide.eligibility.export import ELIGIBILITY_JSON, eligibility_document
from guide.mkdocs.i18n import LanguageBuild, list_in_language
from guide.mkdocs.project import Project
from guide.mkdocs.virtual_files import generated_file
from guide.ptv.export import PTV_SERVICES_JSON, ptv_document
from guide.site.page_list import site_pages


def add_pages(files: Files, config: MkDocsConfig, project: Project, build: LanguageBuild) -> None:
    """Add the pages generated from the catalogue in the language being built."""
    assert project.catalogue is not None
    environment = project.environment(config.site_url or "")
    pages = site_pages(project.catalogue, project.report, build.language, environment)
    generated = []
    for page in pages:
        file = generated_file(config, page.src_uri, page.front_matter, build.language, build.built, build.root)
        project.page_html[file.dest_uri] = page.html  # put in place after Markdown (guide.mkdocs.page_html)
        generated.append(file)
        files.append(file)
    list_in_language(config, build.language, generated)


def add_open_data(files: Files, config: MkDocsConfig, project: Project, build: LanguageBuild) -> None:
    """Add the JSON exports, which are the same in every language build: made once per build run.

    Every language build lists them (the open-data page of each language links to them); their
    content is made in the first build of a run and reused by the others.
    """
    base_path = urlsplit(config.site_url or "/").path
    for path, content in open_data(project, base_path, build.configured).items():
        files.append(File.generated(config, path, content=content))


def open_data(project: Project, base_path: str, languages: list[str]) -> dict[str, str]:
    """The JSON exports of the project's current data, by path; made again only when the data changed."""
    assert project.catalogue is not None and project.ptv is not None
    key = (id(project.catalogue), id(project.ptv), base_path, tuple(languages))
    if project.exports_key != key:
        catalogue = project.catalogue
        documents = {
            SERVICES_JSON: services_document(catalogue, base_path, languages),
            PTV_SERVICES_JSON: ptv_document(catalogue, project.ptv),
        }
        if catalogue.eligibility is not None:
            documents[ELIGIBILITY_JSON] = eligibility_document(catalogue.eligibility, base_path, languages)
        project.exports = {path: to_json(document) for path, document in documents.items()}
        project.exports_key = key
    return project.exports
