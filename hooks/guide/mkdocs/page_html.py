"""A generated page's HTML, put in place after Markdown, with the table of contents and anchors it defines.

A generated page reaches MkDocs as a file holding only its front matter (title, description,
search and template settings), so Python-Markdown converts nothing of it. Its HTML, rendered by a
template under overrides/kuopio/, is put in place in `on_page_content`, and this module gives the
page what MkDocs would have derived from Markdown headings (written against mkdocs 1.6.1 and
Python-Markdown 3.11's toc extension):

- `page.toc`, which Material's sidebar and its search plugin read (the search plugin's
  `on_page_context` takes each section's address from the TOC entry of its heading's id);
- `page.present_anchor_ids`, which MkDocs checks links to `page#anchor` against.

Which headings make the TOC: those with an id that sit at the top level of the page, not inside
another element, as the toc extension saw the Markdown headings of the earlier design (a heading
inside a card or a block is the card's, not a section of the page). Anchors: every id, and the
name of an `<a>`, as MkDocs counts them. Measured against the earlier design (Markdown around HTML
blocks set aside and restored) on every generated page in all 8 languages: the same TOC, anchors
and search index entries (bench/round_trip, docs/architecture.md).
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, strip_tags
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc

# Regular expressions over our templates' output (well-formed, attribute values double-quoted by
# Jinja's autoescaping, no ">" inside them): a full HTML parser gives the same outline on every
# generated page (tests/test_page_html.py) but cost ten times as much, for every page of every language.
_SKIPPED = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\sid="([^"]*)"')  # a '"' in text is escaped, so this is inside a tag
_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')
_HEADING = re.compile(r'<(h[1-6])\b[^>]*?\sid="([^"]*)"[^>]*>(.*?)</\1\s*>', re.DOTALL | re.IGNORECASE)
_VOID = "area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr"
_OPENING = re.compile(rf"<(?!(?:{_VOID})\b)[a-zA-Z][^>]*(?<!/)>", re.IGNORECASE)
_CLOSING = re.compile(r"</[a-zA-Z]")


@dataclass(frozen=True)
class Heading:
    """A heading with an id: its level, id and inner HTML, and whether it is a section of the page."""

    level: int
    id: str
    html: str
    top_level: bool


@dataclass(frozen=True)
class PageOutline:
    """What a page's HTML defines: its headings with ids, in order, and every anchor."""

    headings: tuple[Heading, ...]
    anchors: frozenset[str]

    @property
    def sections(self) -> tuple[Heading, ...]:
        """The headings that make the page's table of contents."""
        return tuple(heading for heading in self.headings if heading.top_level)


def outline(html: str) -> PageOutline:
    """The headings and anchors of `html`: any element's id and an `<a>`'s name, as MkDocs counts anchors."""
    text = _SKIPPED.sub("", html)
    anchors = {_unescape(found) for pattern in (_ID, _NAME) for found in pattern.findall(text)}
    headings: list[Heading] = []
    depth, position = 0, 0  # how many elements are open at `position`
    for match in _HEADING.finditer(text):
        depth += len(_OPENING.findall(text, position, match.start())) - len(
            _CLOSING.findall(text, position, match.start())
        )
        tag, anchor, inner = match.groups()
        headings.append(Heading(int(tag[1]), _unescape(anchor), inner, depth == 0))
        position = match.end()
    return PageOutline(tuple(headings), frozenset(anchors))


def _unescape(value: str) -> str:
    """An attribute value as an HTML parser reads it."""
    return html_module.unescape(value) if "&" in value else value


def table_of_contents(sections: tuple[Heading, ...]) -> TableOfContents:
    """The headings as MkDocs' TableOfContents, named and nested as the toc extension does."""
    # The toc extension's tokens also carry `html` and `data-toc-label`, which MkDocs' get_toc reads;
    # the Markdown stubs type only level, id and name, so the list is not typed by them.
    tokens: list[Any] = [
        {"level": h.level, "id": h.id, "name": strip_tags(h.html), "html": h.html, "data-toc-label": ""}
        for h in sections
    ]
    return get_toc(nest_toc_tokens(tokens))


def put_in_place(page: Page, html: str) -> str:
    """`html` as the page's content: its TOC and anchors set from it."""
    found = outline(html)
    page.toc = table_of_contents(found.sections)
    page.present_anchor_ids = set(found.anchors)
    return html
