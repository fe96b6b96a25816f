"""Text direction of a page: Arabic and Persian read right to left.

Material puts `dir` on `<body>` only; screen readers and CSS `:dir()` read it from the document
element, so the built page's `<html>` gets it too.
"""

from __future__ import annotations

import re

RIGHT_TO_LEFT = frozenset({"ar", "fa"})
_HTML_TAG = re.compile(r"<html\b(?![^>]*\bdir=)", re.IGNORECASE)


def direction(language: str) -> str:
    """'rtl' or 'ltr' for a language code."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def with_document_direction(html: str, language: str) -> str:
    """The page with `dir` on its `<html>` element (left as it is if already there)."""
    return _HTML_TAG.sub(f'<html dir="{direction(language)}"', html, count=1)
