"""The repository's translation files read with Babel, not with the project's loader.

Tests compare what the build published with these, so a translation merge that lost the
translations (and left the data and the output equally empty) cannot pass.
"""

from __future__ import annotations

from babel.messages.pofile import read_po

from site_build import REPO


def translated(language: str) -> dict[str, tuple[str, str]]:
    """msgctxt -> (msgid, msgstr) of translations/<language>.po."""
    with (REPO / "translations" / f"{language}.po").open("rb") as file:
        return {message.context: (message.id, message.string) for message in read_po(file) if message.context}
