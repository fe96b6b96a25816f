"""MkDocs hooks of the integration services guide (the engine; each instance's mkdocs.yml names this file).

Each event only calls the package guide.mkdocs (the one that knows MkDocs, Material and i18n) and the
pure modules under hooks/guide/, which tests use without MkDocs. mkdocs-static-i18n builds the site
once per language and runs these events each time; the events that need the language being built
run after i18n's (priority -200). docs/architecture.md lists every event and why it runs when it does.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.core.placeholders import unfilled_in_page
from guide.mkdocs import project
from guide.mkdocs.direction import with_document_direction
from guide.mkdocs.generated import add_open_data, add_pages
from guide.mkdocs.i18n import content_language, finished_language, language_build, page_alternates
from guide.mkdocs.page_html import put_in_place
from guide.mkdocs.search_index import search_base, write_language_index
from guide.mkdocs.theme import absolute_alternates, escape_meta, hide_short_toc, mend_theme_markup
from guide.site.chrome import chrome, is_home, is_staff_guide
from guide.site.pages import fallback_notice
from guide.site.rendering import compiled_templates
from guide.site.start_page import start_panel, with_start_panel

log = logging.getLogger("mkdocs.hooks.guide")
_serving = False  # during `mkdocs serve`, data with problems is shown on every page instead of stopping


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether the site is being served (live preview) or built."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate data/ before anything is built.

    The build is dated by SOURCE_DATE_EPOCH, which the Makefile sets from the commit (guide.mkdocs.reproducible).
    """
    project.load(config, _serving)
    return config


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages generated from the catalogue in the language being built, and the open data once."""
    build, current = language_build(config), project.project(config)
    add_pages(files, config, current, build)
    add_open_data(files, config, current, build)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme's templates be compiled once, not once per language and build."""
    env.bytecode_cache = compiled_templates()
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Make the title and description plain text (a generated page's Markdown is only its front matter)."""
    page.meta = escape_meta(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put a generated page's HTML in place, with its table of contents and anchors; start the home page.

    While `mkdocs serve` shows data with problems, every page shows them instead.
    """
    current, language = project.project(config), language_build(config).language
    if current.preview.problems:
        return current.preview.page(language, current.environment(config.site_url or "")) or html
    generated = current.generated_html(page)
    if generated is not None:
        html = put_in_place(page, generated)
    page.meta = hide_short_toc(page.meta, page.toc)
    if is_home(page.file.src_uri):
        panel = start_panel(project.catalogue(config), language, current.environment(config.site_url or ""))
        return with_start_panel(html, panel)
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
    """Mark a page shown in another language than the reader's (a missing translation)."""
    build, catalogue = language_build(config), project.catalogue(config)
    alternates = page_alternates(config)
    context["kg_fallback"] = fallback_notice(catalogue, build.language, content_language(page, build))
    context["kg_search_base"] = search_base(context["base_url"], build.language, build.root)
    context["kg_alternates"] = absolute_alternates(alternates, config.site_url or "/")
    context["kg_chrome"] = chrome(catalogue, build.language, page.url, build.root, alternates)
    context["kg_staff_area"] = is_staff_guide(page.file.src_uri)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the reading direction on the document element; drop the theme's invalid attributes.

    A `{name}` left in what the reader sees is a warning, so the strict build fails on it.
    """
    if unfilled := unfilled_in_page(output):
        log.warning("%s shows unfilled placeholders to readers: %s", page.file.dest_uri, ", ".join(unfilled))
    return mend_theme_markup(with_document_direction(output, language_build(config).language))


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Give this language its own search index (after i18n, which merges all languages into one)."""
    build = language_build(config)
    language = finished_language(config)
    write_language_index(Path(config.site_dir), project.catalogue(config), language, build.root, build.built)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Drop the theme's invalid attributes from the not-found page too (it is no Page)."""
    return mend_theme_markup(output_content) if template_name.endswith(".html") else output_content
