"""The glossary page (sanasto/): the words of the programme residents meet on the pages, each with a
plain explanation. The texts are interface texts of data/site.yaml (`term_<id>`, `term_<id>_text`),
translated like any other; this list says which terms there are, in the page's order."""

from __future__ import annotations

GLOSSARY_PAGE = "sanasto.md"

TERMS: tuple[str, ...] = ("employment_authority", "multisectoral", "pshva", "integration_client")


def term_anchor(term: str) -> str:
    """The id of a term on the glossary page, e.g. 'term-pshva'."""
    return f"term-{term.replace('_', '-')}"
