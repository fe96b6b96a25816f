"""Generated pages get their HTML after Markdown (guide.mkdocs.page_html): their sections still make
the table of contents beside the page, links to their anchors still pass MkDocs' link check, and a
link to an anchor they do not have still fails the strict build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.structure.pages import _HTMLHandler

from guide.core.languages import LANGUAGES
from guide.mkdocs.page_html import outline
from guide.site.page_list import site_pages
from guide.site.rendering import create_environment
from guide.translations.loader import load_catalogue, translation_report
from site_build import REPO, build_site, copy_project, restrict_languages

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TopLevelHeadings(HTMLParser):
    """The (level, id) of each heading with an id that no other element encloses: Python's HTML parser."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.sections: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag) and found.get("id") and not self.open:
            self.sections.append((int(tag[1]), found["id"] or ""))
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <path/> in an SVG opens nothing

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def sidebar_links(page: Path) -> list[tuple[str, str]]:
    """The (anchor, label) pairs of the page's table of contents sidebar, once each."""
    html = page.read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--secondary"')
    sidebar = html[start : html.index("</nav>", start)]
    found = re.findall(
        r'<a href="(#[^"]*)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', sidebar, re.S
    )
    return list(dict.fromkeys(found))


def content_of(page: Path) -> str:
    """The HTML inside the page's <article> (the page content, without the theme's frame)."""
    found = re.search(r"<article[^>]*>(.*)</article>", page.read_text(encoding="utf-8"), re.S)
    assert found, page
    return found.group(1)


def test_a_service_page_lists_its_sections_and_not_the_headings_inside_its_blocks(built_site: Path):
    page = built_site / "palvelut" / "ohjaus-ja-neuvonta" / "index.html"
    links = sidebar_links(page)
    anchors = [anchor for anchor, _ in links]
    assert anchors[:4] == ["#who-for", "#about", "#how-to-get", "#who-provides"]
    content = content_of(page)
    for anchor, label in links:  # each entry is named as its heading reads on the page
        heading = re.search(rf'<h[2-6] id="{anchor[1:]}">(.*?)</h[2-6]>', content, re.S)
        assert heading and re.sub(r"<[^>]+>", "", heading.group(1)).strip() == label, anchor
    nested = {h.id for h in outline(content).headings if not h.top_level}
    assert "how-to-contact" in nested  # the contact block's own heading, inside the block
    assert not nested & {anchor[1:] for anchor in anchors}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(REPO)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_outline_is_what_html_parsers_find_on_every_generated_page(catalogue, language):
    """The quick outline (regular expressions) against MkDocs' own anchor parser and Python's HTML parser."""
    pages = site_pages(catalogue, translation_report(REPO), language, create_environment(REPO / "overrides"))
    assert len(pages) > 50
    for page in pages:
        found = outline(page.html)
        anchors = _HTMLHandler()
        anchors.feed(page.html)
        anchors.close()
        assert found.anchors == anchors.present_anchor_ids, page.src_uri
        headings = _TopLevelHeadings()
        headings.feed(page.html)
        headings.close()
        assert [(h.level, h.id) for h in found.sections] == headings.sections, page.src_uri


def test_outline_takes_sections_from_the_top_level_and_anchors_from_everywhere():
    found = outline(
        '<h1 id="title">Title</h1><p><a name="old">x</a></p><h2 id="a">A &amp; <em>b</em></h2>'
        '<div class="card"><h3 id="card">Card</h3><p id="note">n</p></div><h2>no id</h2><h3 id="b">B</h3>'
    )
    assert [(h.level, h.id, h.html) for h in found.sections] == [
        (1, "title", "Title"),
        (2, "a", "A &amp; <em>b</em>"),
        (3, "b", "B"),
    ]
    assert found.anchors == {"title", "old", "a", "card", "note", "b"}


@pytest.fixture(scope="module")
def project_linking_into_generated_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("anchors") / "project")
    restrict_languages(project, ["fi"])
    page = project / "content" / "henkilostolle.md"
    # Anchors that exist only in the HTML of generated pages: a section, and a heading inside a block
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n[Palvelut elämäntilanteittain](palvelut/index.md#by-life-situation)\n"
        + "\n[Ohjauksen yhteystiedot](palvelut/ohjaus-ja-neuvonta.md#how-to-contact)\n",
        encoding="utf-8",
    )
    return project


def test_links_to_anchors_of_generated_pages_pass_the_strict_build(project_linking_into_generated_pages, tmp_path):
    result = build_site(tmp_path / "site", source=project_linking_into_generated_pages)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_link_to_an_anchor_a_generated_page_lacks_fails_the_strict_build(
    project_linking_into_generated_pages, tmp_path
):
    page = project_linking_into_generated_pages / "content" / "henkilostolle.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n[Ei ole](palvelut/index.md#no-such-section)\n", encoding="utf-8")
    try:
        result = build_site(tmp_path / "site", source=project_linking_into_generated_pages)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-section'" in result.stderr
