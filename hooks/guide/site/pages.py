"""The pages generated from the catalogue, rendered through templates in overrides/kuopio/.

A template renders a page as front matter (title, description, search and template settings, as
YAML) followed by the page's HTML. MkDocs reads the front matter as it reads a written page's; the
HTML is put in place after Markdown, which converts nothing of it (guide.mkdocs.page_html), so a
data text can never be read as Markdown and a template is free to lay out its HTML as it likes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from guide.core import placeholders

from guide.core import urls
from guide.catalogue.contacts import HowToContact, how_to_contact
from guide.site.glossary import GLOSSARY_PAGE, TERMS, term_anchor
from guide.core.languages import DEFAULT_LANGUAGE
from guide.core.records import Text
from guide.catalogue.models import Catalogue, Service
from guide.site.rendering import language_name, list_format, render_markdown
from guide.translations.texts import text_fields
from guide.site.visuals import visual_pages

CATALOGUE_PAGE = "palvelut/index.md"
RESPONSIBILITY_PAGE = "kuka-tekee-mita.md"
CONTACTS_PAGE = "yhteystiedot.md"


_FRONT_MATTER = re.compile(r"\A---\n(?:.*?\n)?---\n", re.DOTALL)


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the data: where it pretends to live in content/, and what its template rendered."""

    src_uri: str
    source: str  # front matter, then the page's HTML

    @property
    def front_matter(self) -> str:
        """The page's front matter with its `---` lines (what MkDocs reads as the page's Markdown file)."""
        found = _FRONT_MATTER.match(self.source)
        return found.group(0) if found else ""

    @property
    def html(self) -> str:
        """The page's HTML: everything after the front matter, without blank lines.

        Blank lines mean nothing between HTML elements (our templates have no `<pre>`), and a
        template may use them to lay out its markup; the page goes out without them.
        """
        body = self.source[len(self.front_matter) :]
        return "\n".join(line for line in body.splitlines() if line.strip())


@dataclass(frozen=True)
class PageContext:
    """What a template needs to speak one language and link from one page."""

    catalogue: Catalogue
    language: str
    src_uri: str
    environment: Environment

    def say(self, text: Text, tag: str = "span") -> Markup:
        """`text` in the page language, or the Finnish source marked with its true language."""
        value, actual = text.best(self.language)
        return self._said(value, actual, tag)

    def say_filled(self, text: Text, key: str, **values: object) -> Markup:
        """`text` (whose key is `key`) as `say` gives it, with its {placeholders} filled in."""
        value, actual = text.best(self.language)
        return self._said(placeholders.fill(value, key, values), actual, "span")

    def _said(self, value: str, actual: str, tag: str) -> Markup:
        if actual == self.language:
            return escape(value)
        return Markup(self._markup.inline(escape(value), actual, tag))

    def say_markdown(self, text: Text) -> Markup:
        """Markdown `text` rendered safely, in a block that carries its true language."""
        value, actual = text.best(self.language)
        return Markup(self._markup.prose(render_markdown(value), actual))

    def t(self, string_id: str) -> Markup:
        """An interface text of the site (data/site.yaml) in the page language."""
        return self.say(self.catalogue.string(string_id))

    def t_format(self, string_id: str, **values: object) -> Markup:
        """An interface text with its {placeholders} filled in (values are escaped)."""
        return self.say_filled(self.catalogue.string(string_id), f"strings/{string_id}/text", **values)

    def plain_text(self, text: Text) -> str:
        """A text as plain words in the best language (to fill into another text)."""
        return text.best(self.language)[0]

    def contact(self, organisation_id: str) -> HowToContact:
        """How residents reach this organisation (guide.catalogue.contacts)."""
        return how_to_contact(self.catalogue, organisation_id)

    def language_list(self, codes: tuple[str, ...]) -> Markup:
        """Language names in the page's language, listed as that language lists things."""
        listed = list_format([language_name(code, self.language, capital=False) for code in codes], self.language)
        return Markup(listed[:1].upper() + listed[1:])

    def listed(self, prefix: str, ids: Iterable[str]) -> Markup:
        """The interface texts `prefix + id`, listed with the page language's own separators."""
        return list_format([self.t(prefix + item) for item in ids], self.language)

    def notice(self, *records: object) -> Markup:
        """A note in the reader's language when texts of `records` are untranslated or outdated."""
        texts = [text for record in records for _, text in text_fields(record)]
        if any(text.get(self.language) is None for text in texts):
            return Markup(self._markup.notice(self.t("not_translated")))
        if any(text.is_outdated(self.language) for text in texts):
            return Markup(self._markup.notice(self.t("translation_outdated")))
        return Markup("")

    @property
    def _markup(self) -> Any:
        """The macros of overrides/kuopio/text.html, which hold the markup of data texts."""
        return _text_macros(self.environment)

    def link(self, src_uri: str) -> str:
        """A relative link from this page to the page generated from (or written as) `src_uri`."""
        here = urls.page_path(self.src_uri, self.language)
        return urls.relative(urls.page_path(src_uri, self.language), here)

    def address(self, site_url: str, src_uri: str) -> str:
        """The page's full address on the published site (for print, where a link shows its address)."""
        return site_url.rstrip("/") + "/" + urls.page_path(src_uri, self.language)

    def service_address(self, site_url: str, service: Service) -> str:
        """A service page's full address on the published site."""
        return self.address(site_url, urls.service_source(service.id))

    def service_link(self, service: Service) -> str:
        """A relative link to a service's page."""
        return self.link(urls.service_source(service.id))


@functools.lru_cache(maxsize=8)
def _text_macros(environment: Environment) -> Any:
    # Building a template's module runs the template; once per environment is enough.
    return environment.get_template("kuopio/text.html").module


def generated_pages(catalogue: Catalogue, language: str, environment: Environment) -> list[GeneratedPage]:
    """Every generated page of the site in `language`."""
    pages = [
        (CATALOGUE_PAGE, "kuopio/catalogue.html", {}),
        (RESPONSIBILITY_PAGE, "kuopio/responsibility.html", {}),
        (CONTACTS_PAGE, "kuopio/contacts.html", {}),
        (GLOSSARY_PAGE, "kuopio/glossary.html", {"terms": TERMS, "term_anchor": term_anchor}),
    ]
    pages += [
        (urls.service_source(service.id), "kuopio/service.html", {"service": service}) for service in catalogue.services
    ]
    pages += visual_pages(catalogue)
    return [
        GeneratedPage(
            src_uri,
            environment.get_template(template).render(
                page=PageContext(catalogue, language, src_uri, environment),
                catalogue=catalogue,
                lang=language,
                default_language=DEFAULT_LANGUAGE,
                **extra,
            ),
        )
        for src_uri, template, extra in pages
    ]


def fallback_notice(catalogue: Catalogue, page_language: str, content_language: str) -> dict[str, str] | None:
    """The notice for a page whose text is in `content_language` while the reader chose `page_language`."""
    if page_language == content_language:
        return None
    notice, _ = catalogue.string("not_translated").best(page_language)
    return {"notice": notice, "language": content_language}
