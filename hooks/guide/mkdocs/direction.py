"""Text direction of a page: right to left for the languages the registry marks so (Arabic, Persian).

Material (9.8.2's base.html) puts `dir` on `<body>` only; screen readers and CSS `:dir()` read it from the document
element, so the built page's `<html>` gets it too.
"""

from __future__ import annotations

import re

from guide.core.languages import direction

_HTML_TAG = re.compile(r"<html\b(?![^>]*\bdir=)", re.IGNORECASE)


def with_document_direction(html: str, language: str) -> str:
    """The page with `dir` on its `<html>` element (left as it is if already there)."""
    return _HTML_TAG.sub(f'<html dir="{direction(language)}"', html, count=1)
