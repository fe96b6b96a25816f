"""Setting the HTML blocks of generated pages aside during Markdown conversion changes nothing:
on every generated page the HTML and the anchor ids are those of a plain conversion."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils.meta import get_data

from guide.core.languages import LANGUAGES
from guide.mkdocs.html_blocks import anchor_ids, restore, set_aside
from guide.site.page_list import site_pages
from guide.site.rendering import create_environment
from guide.translations.loader import load_catalogue, translation_report
from site_build import REPO

# As mkdocs.yml configures Python-Markdown.
EXTENSIONS = ["attr_list", "admonition", "tables", "toc"]


def _ids_by_mkdocs(source: str) -> set[str]:
    """The anchor ids MkDocs finds in a page's raw HTML (its own parser)."""
    parser = _HTMLHandler()
    parser.feed(source)
    parser.close()
    return parser.present_anchor_ids


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(REPO)


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_pages_convert_the_same_with_their_html_set_aside(catalogue, language):
    pages = site_pages(catalogue, translation_report(REPO), language, create_environment(REPO / "overrides"))
    assert len(pages) > 50
    set_aside_somewhere = 0
    for page in pages:
        body, _ = get_data(page.markdown)
        plain = markdown.markdown(body, extensions=EXTENSIONS)
        aside = set_aside(body)
        converted = markdown.markdown(aside.markdown, extensions=EXTENSIONS)
        assert restore(converted, aside.blocks) == plain, page.src_uri
        # MkDocs still reads the ids of whatever HTML the Markdown keeps
        assert anchor_ids(aside.blocks) | _ids_by_mkdocs(aside.markdown) == _ids_by_mkdocs(body), page.src_uri
        set_aside_somewhere += bool(aside.blocks)
    assert set_aside_somewhere == len(pages)  # every generated page has HTML blocks


def test_a_block_that_does_not_close_where_its_chunk_ends_stays_with_markdown():
    source = "<div>\nopen\n\n## heading\n\n</div>\n\n<p>closed</p>\n\ntext *em*\n"
    aside = set_aside(source)
    assert aside.blocks == ("<div>\nopen\n\n## heading\n\n</div>", "<p>closed</p>")
    plain = markdown.markdown(source, extensions=EXTENSIONS)
    assert restore(markdown.markdown(aside.markdown, extensions=EXTENSIONS), aside.blocks) == plain


def test_text_after_a_closing_tag_in_the_same_chunk_is_left_to_markdown():
    source = "<p>one</p>\ntrailing *text*\n\nnext\n"
    aside = set_aside(source)
    assert aside.blocks == ()
    assert aside.markdown == source
