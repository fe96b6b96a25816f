"""The headings and anchors of a page's HTML, as Python-Markdown's toc extension and MkDocs count them."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from markdown.extensions.toc import nest_toc_tokens, strip_tags

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_HEADINGS = {f"h{level}" for level in range(1, 7)}


@dataclass(frozen=True)
class Heading:
    """A heading with an id: its level, id, inner HTML, and how deep in other elements it sits."""

    level: int
    id: str
    html: str
    depth: int


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for index, character in enumerate(source):
            if character == "\n":
                self.line_starts.append(index + 1)
        self.stack: list[str] = []
        self.open_heading: tuple[str, str, int, int] | None = None  # tag, id, inner start, depth
        self.headings: list[Heading] = []
        self.anchors: set[str] = set()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.anchors.add(value)
        ids = [value for name, value in attrs if name == "id" and value is not None]
        if tag in _HEADINGS and ids and self.open_heading is None:
            start = self._offset() + len(self.get_starttag_text() or "")
            self.open_heading = (tag, ids[0], start, len(self.stack))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open_heading is not None and tag == self.open_heading[0]:
            name, anchor, start, depth = self.open_heading
            self.headings.append(Heading(int(name[1]), anchor, self.source[start : self._offset()], depth))
            self.open_heading = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def scan(html: str) -> tuple[list[Heading], set[str]]:
    """The page's headings with ids, in order, and every anchor (any id, and an <a>'s name)."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.headings, scanner.anchors


def toc_tokens(headings: list[Heading]) -> list[dict]:
    """Headings as the nested tokens the toc extension gives MkDocs' get_toc."""
    flat = [
        {"level": h.level, "id": h.id, "name": strip_tags(h.html), "html": h.html, "data-toc-label": ""}
        for h in headings
    ]
    return nest_toc_tokens(flat)
