"""MkDocs hooks of the integration services guide (the engine; each instance's mkdocs.yml names this file).

Each event only calls the modules in hooks/guide/, which tests use without MkDocs. mkdocs-static-i18n
builds the site once per language and runs these events each time (see docs/stack-notes in the
README); the events that need the language being built run after i18n's (priority -200).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide.catalogue.models import Catalogue
from guide.catalogue.open_data import SERVICES_JSON, services_document, to_json
from guide.core.instance import ENGINE_ROOT
from guide.core.placeholders import unfilled_in_page
from guide.core.problems import DataError
from guide.eligibility.export import ELIGIBILITY_JSON, eligibility_document
from guide.mkdocs.direction import with_document_direction
from guide.mkdocs.html_blocks import anchor_ids, restore, set_aside
from guide.mkdocs.reproducible import default_source_date_epoch
from guide.mkdocs.search_index import search_base, write_language_index
from guide.mkdocs.theme import absolute_alternates, escape_meta, hide_short_toc, mend_theme_markup
from guide.mkdocs.virtual_files import generated_file
from guide.ptv.data import PtvFile, load_ptv
from guide.ptv.export import PTV_SERVICES_JSON, ptv_document
from guide.site.chrome import chrome, is_home, is_staff_guide
from guide.site.page_list import site_pages
from guide.site.pages import fallback_notice
from guide.site.rendering import compiled_templates, create_environment
from guide.site.serve_problems import Preview
from guide.site.start_page import start_panel, with_start_panel

log = logging.getLogger("mkdocs.hooks.guide")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


# The catalogue of the build in progress, read in on_config: the page events ask for it a few
# thousand times a build, and checking data/ for changes each time cost seconds.
_loaded: dict[Path, Catalogue] = {}
_loaded_ptv: dict[Path, PtvFile] = {}
# During `mkdocs serve`, data with problems shows them on every page instead of stopping the build.
_previews: dict[Path, Preview] = {}
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether the site is being served (live preview) or built."""
    global _serving
    _serving = command == "serve"


def _preview(config: MkDocsConfig) -> Preview:
    return _previews.setdefault(_root(config), Preview())


def _load(config: MkDocsConfig) -> None:
    preview = _preview(config)
    preview.serving = _serving
    try:
        _loaded[_root(config)] = preview.load(_root(config))
        _loaded_ptv[_root(config)] = load_ptv(_root(config))
    except DataError as error:
        raise PluginError(f"The data in data/ has problems:\n{error}") from None


def _catalogue(config: MkDocsConfig) -> Catalogue:
    return _loaded[_root(config)]


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The language being built, and every configured language (also when previewing only one)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language, list(i18n.all_languages)


def _root_language(config: MkDocsConfig) -> str:
    """The language built at the site root: Finnish, or the one language of a preview."""
    return config.plugins["i18n"].default_language


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate data/ before anything is built, and date the build by its commit (reproducible)."""
    default_source_date_epoch(_root(config))
    _load(config)
    return config


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages generated from the catalogue in the language being built, and the open data."""
    language, languages = _languages(config)
    catalogue = _catalogue(config)
    environment = create_environment(ENGINE_ROOT / "overrides")  # the engine's, for every instance
    environment.globals["site_url"] = config.site_url or ""  # the printed programme shows addresses
    i18n = config.plugins["i18n"]
    built, root_language = list(i18n.build_languages), i18n.default_language
    pages = site_pages(catalogue, _root(config), language, environment)
    generated = [generated_file(config, p.src_uri, p.markdown, language, built, root_language) for p in pages]
    for file in generated:
        files.append(file)
    i18n.i18n_files_per_language[language].extend(generated)  # so the sitemap lists them too
    base_path = urlsplit(config.site_url or "/").path
    export = to_json(services_document(catalogue, base_path, languages))
    files.append(File.generated(config, SERVICES_JSON, content=export))
    ptv_export = to_json(ptv_document(catalogue, _loaded_ptv[_root(config)]))
    files.append(File.generated(config, PTV_SERVICES_JSON, content=ptv_export))
    if catalogue.eligibility is not None:
        tree_export = to_json(eligibility_document(catalogue.eligibility, base_path, languages))
        files.append(File.generated(config, ELIGIBILITY_JSON, content=tree_export))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme's templates be compiled once, not once per language and build."""
    env.bytecode_cache = compiled_templates()
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Make the title and description plain text; set a generated page's HTML blocks aside."""
    page.meta = escape_meta(page.meta)
    if page.file.generated_by is None:
        return markdown
    aside = set_aside(markdown)
    page.kg_html_blocks = aside.blocks
    return aside.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put a generated page's HTML blocks back, and their ids among the page's anchors; start the home page.

    While `mkdocs serve` shows data with problems, every page shows them instead.
    """
    preview = _preview(config)
    if preview.problems:
        return preview.page(_languages(config)[0], create_environment(ENGINE_ROOT / "overrides")) or html
    page.meta = hide_short_toc(page.meta, page.toc)
    if is_home(page.file.src_uri):
        language, _ = _languages(config)
        environment = create_environment(ENGINE_ROOT / "overrides")
        return with_start_panel(html, start_panel(_catalogue(config), language, environment))
    blocks = getattr(page, "kg_html_blocks", ())
    if blocks:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(blocks)
    return restore(html, blocks) if blocks else html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Mark a page shown in another language than the reader's (a missing translation)."""
    language, _ = _languages(config)
    content_language = getattr(page.file, "locale", language)
    context["kg_fallback"] = fallback_notice(_catalogue(config), language, content_language)
    context["kg_search_base"] = search_base(context["base_url"], language, _root_language(config))
    context["kg_alternates"] = absolute_alternates(getattr(config.extra, "alternate", []), config.site_url or "/")
    alternates = getattr(config.extra, "alternate", None) or []
    context["kg_chrome"] = chrome(_catalogue(config), language, page.url, _root_language(config), alternates)
    context["kg_staff_area"] = is_staff_guide(page.file.src_uri)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the reading direction on the document element; drop the theme's invalid attributes.

    A `{name}` left in what the reader sees is a warning, so the strict build fails on it.
    """
    language, _ = _languages(config)
    if unfilled := unfilled_in_page(output):
        log.warning("%s shows unfilled placeholders to readers: %s", page.file.dest_uri, ", ".join(unfilled))
    return mend_theme_markup(with_document_direction(output, language))


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Give this language its own search index (after i18n, which merges all languages into one)."""
    i18n = config.plugins["i18n"]  # done building the others, i18n leaves current_language at the last
    language = i18n.current_language if i18n.building else i18n.default_language
    site_dir, built = Path(config.site_dir), list(i18n.build_languages)
    write_language_index(site_dir, _catalogue(config), language, _root_language(config), built)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Drop the theme's invalid attributes from the not-found page too (it is no Page)."""
    return mend_theme_markup(output_content) if template_name.endswith(".html") else output_content
