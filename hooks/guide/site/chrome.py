"""What every page's frame shows around its content: the city's wordmark, the language switcher,
the footer's links and the staff area, in the reader's language.

The templates (overrides/partials/header.html, kg-languages.html, copyright.html) get these as
plain values; every text carries the language it is really in, so a missing translation shown in
Finnish is marked `lang="fi"`.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.core import urls
from guide.core.languages import direction
from guide.catalogue.models import Catalogue

ACCESSIBILITY_STATEMENT = "saavutettavuusseloste.md"
CONTACTS = "yhteystiedot.md"
STAFF_GUIDE = "henkilostolle.md"
TOOL = "kuka-saa-palvelua.md"

# The staff area: the pages for staff, reached from the footer (not from the residents' menu), each
# with the interface text that names it.
STAFF_PAGES: tuple[tuple[str, str], ...] = (
    (STAFF_GUIDE, "staff_guide_title"),
    ("avoin-data.md", "open_data_title"),
    ("kaannokset.md", "translations_title"),
    ("tarkistuspaivat.md", "review_page_title"),
    ("yhteystiedot-puutteet.md", "contact_gaps_title"),
)


@dataclass(frozen=True)
class Label:
    """A text of the frame and the language it is really in."""

    text: str
    lang: str

    @property
    def dir(self) -> str:
        return direction(self.lang)


@dataclass(frozen=True)
class Link:
    """A link of the frame: where it goes (relative to the page) and what it says."""

    href: str
    label: Label


@dataclass(frozen=True)
class LanguageLink:
    """One language of the switcher: its own name, in its own language and script."""

    href: str
    name: str
    lang: str
    dir: str
    current: bool


@dataclass(frozen=True)
class Chrome:
    """The frame of one page."""

    city: Label
    current_language: LanguageLink | None
    languages: tuple[LanguageLink, ...]
    footer: tuple[Link, ...]
    staff_title: Label
    staff: tuple[Link, ...]


def label(catalogue: Catalogue, string_id: str, language: str) -> Label:
    """An interface text of data/site.yaml in `language` (or Finnish, marked as such)."""
    text, actual = catalogue.string(string_id).best(language)
    return Label(text, actual)


def link_to(src_uri: str, language: str, page_url: str, root_language: str) -> str:
    """A relative link from the page at `page_url` to the page made from `src_uri`, in `language`."""
    target = urls.dest_uri(src_uri, language, root_language).removesuffix("index.html")
    return urls.relative(target, page_url)


def language_links(alternates: list[dict[str, str]], language: str) -> tuple[LanguageLink, ...]:
    """The switcher's languages, from the alternates mkdocs-static-i18n gives the page (same page)."""
    return tuple(
        LanguageLink(
            href=item["link"],
            name=item["name"],
            lang=item["lang"],
            dir=direction(item["lang"]),
            current=item["lang"] == language,
        )
        for item in alternates
    )


def chrome(catalogue: Catalogue, language: str, page_url: str, root_language: str, alternates: list[dict[str, str]]) -> Chrome:
    """The frame of the page at `page_url` in `language`."""
    languages = language_links(alternates, language)

    def to(src_uri: str, string_id: str) -> Link:
        return Link(link_to(src_uri, language, page_url, root_language), label(catalogue, string_id, language))

    return Chrome(
        city=label(catalogue, "city_name", language),
        current_language=next((item for item in languages if item.current), None),
        languages=languages,
        footer=(
            to(CONTACTS, "footer_contact_text"),
            to(ACCESSIBILITY_STATEMENT, "accessibility_statement"),
            to(STAFF_GUIDE, "staff_area"),
        ),
        staff_title=label(catalogue, "staff_pages", language),
        staff=tuple(to(src_uri, string_id) for src_uri, string_id in STAFF_PAGES),
    )


def is_staff_guide(src_uri: str) -> bool:
    """Whether a page's source is the staff guide, in any language (suffix layout: henkilostolle.en.md)."""
    return src_uri.split(".", 1)[0] == STAFF_GUIDE.removesuffix(".md")


def is_home(src_uri: str) -> bool:
    """Whether a page's source is the home page, in any language (index.md, index.en.md ...)."""
    return src_uri.split(".", 1)[0] == "index"
