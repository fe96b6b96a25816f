"""Reading the HTML of built pages: their elements, links and anchors, and the links that lead nowhere.

Shared by the tests of the Kuopio build, the example instance and the hostile-content build (a test
module never imports another: shared helpers live in modules like this one).
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_build import REPO
from site_pages import all_pages

__all__ = ["VNU", "elements", "link_problems", "parsed"]

VNU = REPO / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")}
OTHER_SCHEMES = ("mailto:", "tel:")


class _Page(HTMLParser):
    """The links of a page and the ids (and names) its anchors may point at."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.targets: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.targets.add(values[name])
        for linking_tag, attribute in LINKING:
            if tag == linking_tag and attribute in values:
                self.links.append((tag, values[attribute]))


@functools.cache
def parsed(path: Path) -> _Page:
    """The links and anchor targets of the page at `path` (read once per test session)."""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def site_address(site: Path) -> str:
    """The published address the site was built for (its canonical links start with it)."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    assert match, "the home page has no canonical link"
    return match.group(1)


def target_file(site: Path, page: Path, url_path: str, absolute_base: str | None) -> Path:
    """The file a link from `page` leads to (a directory means its index.html)."""
    path = unquote(url_path)
    if absolute_base is not None:
        target = site / path.removeprefix(absolute_base).lstrip("/")
    elif path.startswith("/"):
        target = site / path.lstrip("/")
    else:
        target = (page.parent / path).resolve() if path else page
    return target / "index.html" if target.is_dir() else target


def link_problems(site: Path) -> tuple[list[str], int]:
    """Broken internal links and anchors, and malformed external links; and how many links were checked."""
    own = urlsplit(site_address(site))
    problems: list[str] = []
    checked = 0
    for page in all_pages(site):
        where = page.relative_to(site).as_posix()
        for tag, url in parsed(page).links:
            checked += 1
            parts = urlsplit(url)
            if url.startswith(OTHER_SCHEMES):
                if len(url.split(":", 1)[1].strip()) == 0 or " " in url:
                    problems.append(f"{where}: malformed {url!r}")
                continue
            if parts.scheme and parts.netloc != own.netloc:
                if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in url):
                    problems.append(f"{where}: external link is not a well-formed https: URL: {url!r}")
                continue
            if parts.scheme not in ("", own.scheme):
                problems.append(f"{where}: link with scheme {parts.scheme!r}: {url!r}")
                continue
            base = own.path if parts.scheme else None
            target = target_file(site, page, parts.path, base)
            if not target.is_file():
                problems.append(f"{where}: <{tag}> {url!r} leads to nothing ({target.relative_to(site)})")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parsed(target).targets:
                problems.append(f"{where}: {url!r}: no element with id {fragment!r}")
    return problems, checked


class _Elements(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(path: Path) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of the page at `path`, in order, with its attributes."""
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements
