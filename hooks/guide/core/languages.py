"""The languages the engine can publish in, read once from languages.yaml beside this module.

Everything that depends on a language (the text model's fields, messages to staff, the reading
direction, the search stemmer, the glossary check, the templates' `dir`) asks this module, so a
language is added with one entry in languages.yaml, its locale in the instance's mkdocs.yml and a
PO file. Which of these languages an instance publishes is the instance's choice (guide.core.instance).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

_REGISTRY = Path(__file__).with_name("languages.yaml")


@dataclass(frozen=True)
class Language:
    """One language of the registry."""

    code: str
    name: str  # in English, as staff and translators read it in messages
    direction: Literal["ltr", "rtl"]
    search: str  # the lunr-languages stemmer
    stop_words: bool
    joined_prefixes: bool = False
    dates: tuple[str, str] | None = None  # Babel's locale and date format; None: the code, 'long'

    @property
    def date_format(self) -> tuple[str, str]:
        """Babel's locale and format for dates in this language."""
        return self.dates or (self.code, "long")


def _read() -> tuple[str, dict[str, Language]]:
    document = yaml.safe_load(_REGISTRY.read_text(encoding="utf-8"))
    languages = {
        code: Language(code=code, **(entry | ({"dates": tuple(entry["dates"])} if "dates" in entry else {})))
        for code, entry in document["languages"].items()
    }
    return document["source"], languages


DEFAULT_LANGUAGE, REGISTRY = _read()
LANGUAGES: tuple[str, ...] = tuple(REGISTRY)  # in the order sites list them
LANGUAGE_NAMES: dict[str, str] = {code: language.name for code, language in REGISTRY.items()}
RIGHT_TO_LEFT: frozenset[str] = frozenset(code for code, language in REGISTRY.items() if language.direction == "rtl")


def direction(language: str) -> Literal["ltr", "rtl"]:
    """`rtl` for a language read right to left, else `ltr` (also for a code not in the registry)."""
    entry = REGISTRY.get(language)
    return entry.direction if entry else "ltr"
