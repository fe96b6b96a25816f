"""MkDocs hooks of the Kuopio integration services guide.

Each event only calls the modules in hooks/guide/, which tests use without MkDocs. mkdocs-static-i18n
builds the site once per language and runs these events each time (see docs/stack-notes in the
README); the events that need the language being built run after i18n's (priority -200).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide.eligibility_export import ELIGIBILITY_JSON, eligibility_document
from guide.eligibility_pages import eligibility_pages
from guide.loader import load_catalogue_cached
from guide.models import Catalogue
from guide.open_data import SERVICES_JSON, services_document, to_json
from guide.pages import fallback_notice, generated_pages
from guide.problems import DataError
from guide.rendering import create_environment
from guide.virtual_files import generated_file


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _catalogue(config: MkDocsConfig) -> Catalogue:
    try:
        return load_catalogue_cached(_root(config))
    except DataError as error:
        raise PluginError(f"The data in data/ has problems:\n{error}") from None


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The language being built, and every configured language (also when previewing only one)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language, list(i18n.all_languages)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate data/ before anything is built, stopping with the editor's messages."""
    _catalogue(config)
    return config


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages generated from the catalogue in the language being built, and the open data."""
    language, languages = _languages(config)
    catalogue = _catalogue(config)
    environment = create_environment(_root(config) / "overrides")
    i18n = config.plugins["i18n"]
    built, root_language = list(i18n.build_languages), i18n.default_language
    pages = [*generated_pages(catalogue, language, environment), *eligibility_pages(catalogue, language, environment)]
    for page in pages:
        files.append(generated_file(config, page.src_uri, page.markdown, language, built, root_language))
    base_path = urlsplit(config.site_url or "/").path
    export = to_json(services_document(catalogue, base_path, languages))
    files.append(File.generated(config, SERVICES_JSON, content=export))
    if catalogue.eligibility is not None:
        tree_export = to_json(eligibility_document(catalogue.eligibility, base_path, languages))
        files.append(File.generated(config, ELIGIBILITY_JSON, content=tree_export))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Mark a page shown in another language than the reader's (a missing translation)."""
    language, _ = _languages(config)
    content_language = getattr(page.file, "locale", language)
    context["kg_fallback"] = fallback_notice(_catalogue(config), language, content_language)
    return context
