"""What the browser tests of the eligibility tool share: its texts as a reader sees them and its address."""

from __future__ import annotations

from guide.eligibility.model import EligibilityTree


def say(value: object, language: str) -> str:
    """A Text of the data as shown in `language` (or the Finnish it falls back to)."""
    return value.best(language)[0]  # type: ignore[attr-defined]


def ui(tree: EligibilityTree, string_id: str, language: str) -> str:
    """One of the tool's interface texts in `language`."""
    return say(tree.string(string_id), language)


def tree_url(site_url: str, language: str) -> str:
    """The tool's page in `language` on the served site."""
    return site_url + ("" if language == "fi" else f"{language}/") + "kuka-saa-palvelua/"
