"""The Jinja environment our generated pages are rendered in, and its filters.

We build our own environment over `overrides/` rather than reuse the theme's: the theme's has no
autoescaping, and every text here comes from a pull request.
"""

from __future__ import annotations

import datetime
import functools
import html
import os
from collections.abc import Iterable
from pathlib import Path

import markdown
import nh3
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify, strip_tags
from markupsafe import Markup, escape

from guide.core.instance import CACHE
from guide.core.languages import REGISTRY, direction
from guide.core.records import CLIENT_GROUPS

# Tags and attributes that Markdown in a description may produce; anything else is dropped.
ALLOWED_TAGS = {"p", "a", "ul", "ol", "li", "strong", "em", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"https", "mailto", "tel"}


# The same text appears on several pages (a service's page, the directory, its filtered pages), and
# Python-Markdown is the dearest step of generating a page: each text is converted once per process.
@functools.lru_cache(maxsize=8192)
def render_markdown(source: str) -> Markup:
    """Markdown from the data as safe HTML: raw HTML and unsafe links are removed."""
    html = markdown.markdown(source, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


@functools.lru_cache(maxsize=4)
def create_environment(templates: Path) -> Environment:
    """An autoescaping, strict environment over the templates folder (`overrides/`).

    One per folder for the whole process: i18n builds each language in turn and `mkdocs serve`
    rebuilds on every change, and compiling the templates again each time cost a tenth of a
    build. Jinja still reloads a template whose file changed (auto_reload).
    """
    environment = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled_templates(),
    )
    environment.filters["markdown"] = render_markdown
    environment.filters["local_date"] = local_date
    environment.filters["language_name"] = language_name
    environment.filters["list_format"] = list_format
    environment.filters["display_url"] = display_url
    environment.filters["heading_id"] = heading_id
    environment.filters["direction"] = direction  # from the language registry, not a list in a template
    environment.globals["client_groups"] = CLIENT_GROUPS  # Liite 1's groups, not a list in a template
    environment.tests["contains"] = lambda sequence, item: item in sequence
    return environment


@functools.lru_cache(maxsize=1)
def compiled_templates() -> BytecodeCache | None:
    """Jinja's cache of compiled templates, in the engine's cache folder (.cache/jinja), for every environment.

    MkDocs makes a new theme environment for every language it builds, and every build process
    starts empty: compiling Material's templates again each time cost more than a second per
    language. Entries are keyed by the template's name and file and a checksum of its source, so an
    edited template is compiled afresh; Jinja writes each entry to a temporary file and renames it,
    so builds running side by side share the folder safely. The folder is the project's own (not the
    system's temporary folder, which other users and programs share); where it cannot be created
    (an engine installed read-only) templates are compiled in every build instead.
    """
    folder = CACHE / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return FileSystemBytecodeCache(str(folder))


def local_date(value: datetime.date, language: str) -> str:
    """A date as the reader's locale writes it, e.g. 28.11.2026 (fi) or 28 November 2026 (en)."""
    entry = REGISTRY.get(language)
    locale, pattern = entry.date_format if entry else (language, "long")  # the registry says how
    return format_date(value, format=pattern, locale=locale)


@functools.lru_cache(maxsize=512)
def language_name(code: str, in_language: str, *, capital: bool = True) -> str:
    """The name of a language written in `in_language`, e.g. ('ar', 'ar') -> 'العربية'.

    `capital=False` keeps the language's own case, for names inside a sentence or list
    (Finnish "suomi, englanti ja ruotsi"; English names are capitalised anyway).
    """
    try:
        name = Locale.parse(code).get_display_name(in_language) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if capital else name


# Longer addresses are shortened on screen to the site and the last part of the path: a phone shows
# about 35 characters a line. The link itself, and the printed page (print CSS), keep the whole.
DISPLAY_URL_MAX = 40


def heading_id(inner_html: str) -> str:
    """The id of a page's main heading, made from its text as Python-Markdown's toc extension makes it.

    Generated pages were once Markdown, and their `<h1>` ids came from this slug; kept so that links
    to them keep working. A title in a script without Latin letters slugs to nothing: then `_1`, as
    the toc extension numbers an empty slug.
    """
    return slugify(html.unescape(strip_tags(str(inner_html))), "-") or "_1"


def list_format(items: Iterable[object], language: str) -> Markup:
    """Items as a list in the reader's language, with its own punctuation and conjunction (CLDR, Babel):
    "A, B ja C" (fi), "A وB وC" (ar). Items are escaped unless already markup."""
    parts = [str(escape(item)) for item in items]
    return Markup(format_list(parts, locale=language)) if parts else Markup("")


def display_url(url: str) -> str:
    """An address as people read it: without the scheme and trailing slash, long paths shortened."""
    for prefix in ("https://", "mailto:", "tel:"):
        url = url.removeprefix(prefix)
    url = url.rstrip("/")
    host, _, path = url.partition("/")
    if len(url) > DISPLAY_URL_MAX and "/" in path:
        return f"{host}/…/{path.rsplit('/', 1)[-1]}"
    return url
