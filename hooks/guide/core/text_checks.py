"""Checks of the texts themselves, before anything is published: links inside Markdown texts.

The page sanitiser (guide.site.rendering) would drop a `javascript:`, `data:` or `http:` link and
leave its words as a dead link; staff hear about it here instead, at the line of the link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from guide.core.editor_messages import say
from guide.core.languages import LANGUAGES
from guide.core.problems import Position, Problem
from guide.core.yaml_source import Location, SourceDocument

SAFE_LINK = ("https://", "mailto:", "tel:")
_LINKS = (
    re.compile(r"\]\(\s*<?([^)\s>]*)>?[^)]*\)"),  # [words](address), ![image](address)
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),  # <address>
    re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE),  # [name]: address
    re.compile(r"""<[a-zA-Z][^>]*?\b(?:href|src)\s*=\s*["']?([^"'\s>]*)[^>]*>""", re.IGNORECASE),  # raw HTML
)


def unsafe_links(text: str) -> list[str]:
    """The addresses linked in `text` (Markdown or HTML) that do not start with https:, mailto: or tel:."""
    found = [match.group(1) for pattern in _LINKS for match in pattern.finditer(text)]
    return [url for url in found if not url.strip().lower().startswith(SAFE_LINK)]


def link_problems(document: SourceDocument) -> list[Problem]:
    """A problem at the line of each unsafe link in the texts of a data file."""
    problems = []
    for location, text in _texts(document.data, ()):
        for url in unsafe_links(text):
            start = document.position(location)
            line = _line_of(document.lines, url, start.line)
            column = start.column if line == start.line else 1
            field = ".".join(str(part) for part in location[1:] if isinstance(part, str))
            problems.append(Problem(Position(document.path, line, column), say("unsafe_link", url=url, field=field)))
    return problems


def _line_of(lines: list[str], needle: str, first: int) -> int:
    """The first line from `first` on that contains `needle` (a multi-line text spans several)."""
    for number in range(first, len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    return first


def _texts(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and key in LANGUAGES:
                yield (*location, key), item
            else:
                yield from _texts(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*location, index))
