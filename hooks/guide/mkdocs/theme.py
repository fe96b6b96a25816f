"""What our pages add to, or mend in, the theme's page frame (Material for MkDocs 9.8.2).

Search engines and Lighthouse want absolute `hreflang` alternates with an `x-default`; Material
9.8.2's `site_meta` block writes the relative links mkdocs-static-i18n 1.3.1 gives it, and no
x-default (overrides/main.html replaces the block). A few attributes of Material's base template
sit outside any template block, so they are mended in the finished HTML, by exact replacements
that fail loudly when a theme update changes the markup (then check whether the fix is still
needed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urljoin

from mkdocs.structure.toc import AnchorLink

from guide.core.languages import DEFAULT_LANGUAGE

# Material puts autocomplete="off" on its two checkbox toggles (drawer, search), which the HTML
# standard allows only on text-like inputs; checkboxes keep no autofill state, so drop it.
# Reported as squidfunk/mkdocs-material#1513 (2020, closed); still in 9.8.2's base.html.
_TOGGLE_FIXES = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
)


class ThemeChangedError(RuntimeError):
    """The theme's markup is not what these fixes were written for."""


@dataclass(frozen=True)
class Alternate:
    """One `<link rel="alternate">`: a language (or x-default) and the page's absolute address there."""

    hreflang: str
    href: str


def absolute_alternates(
    alternates: list[dict[str, str]], site_url: str, default_language: str = DEFAULT_LANGUAGE
) -> list[Alternate]:
    """The language versions i18n lists for this page, as absolute URLs, plus x-default (Finnish).

    i18n gives links relative to the site root ('en/palvelut/x/') or host-absolute ('/en/').
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    result = [Alternate(item["lang"], urljoin(base, item["link"])) for item in alternates]
    default = next((item for item in result if item.hreflang == default_language), None)
    if default is not None:
        result.append(Alternate("x-default", default.href))
    return result


def mend_theme_markup(html: str) -> str:
    """The page with the theme's invalid attributes removed (see the module docstring)."""
    for old, new in _TOGGLE_FIXES:
        html = _replace_once(html, old, new)
    return html


def _replace_once(html: str, old: str, new: str) -> str:
    count = html.count(old)
    if count != 1:
        raise ThemeChangedError(f"expected the theme markup {old!r} once in the page, found it {count} times")
    return html.replace(old, new)


# A page with fewer sections than this gets no table-of-contents sidebar: on a short page it only
# takes a column from the text (Material's `hide: [toc]`, set for the page).
SHORT_PAGE_SECTIONS = 4


def hide_short_toc(meta: MutableMapping[str, Any], toc: Iterable[AnchorLink]) -> MutableMapping[str, Any]:
    """Front matter with `toc` among `hide` when the page has fewer than SHORT_PAGE_SECTIONS sections."""
    items = list(toc)  # the page's TableOfContents: a page heading (level 1) holds the sections
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    if len(items) >= SHORT_PAGE_SECTIONS:
        return meta
    hide = list(meta.get("hide") or [])
    return meta if "toc" in hide else {**meta, "hide": [*hide, "toc"]}


def escape_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Front matter with `title` and `description` HTML-escaped.

    Material prints them unescaped into `<title>`, the header, the navigation and `<meta>`;
    generated pages take them from the data, so they must arrive as text, not markup. Upstream:
    MkDocs treats page titles as HTML (mkdocs/mkdocs#3357), and Material escapes some places and
    not others (squidfunk/mkdocs-material#1961); written against mkdocs 1.6.1 and Material 9.8.2.
    """
    return {
        key: escape(value, quote=False).replace('"', "&quot;")
        if key in ("title", "description") and isinstance(value, str)
        else value
        for key, value in meta.items()
    }
