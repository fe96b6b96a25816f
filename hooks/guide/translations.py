"""Translations of the data's texts, kept beside the Finnish source in one gettext PO file per language.

Staff edit Finnish in data/*.yaml. Each translation lives in `translations/<language>.po` as an
entry whose `msgctxt` is the text's key (guide.texts), `msgid` the Finnish text it was translated
from, and `msgstr` the translation. So when the Finnish text changes, the entry still holds the old
source: the translation is known to be outdated, and is shown with a notice until updated. A text
written in the YAML itself in another language wins over the PO file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po
from pydantic import ValidationError

from guide import placeholders
from guide.instance import translated_languages
from guide.messages import LANGUAGE_NAMES
from guide.models import DEFAULT_LANGUAGE, LANGUAGES, Catalogue, Text
from guide.problems import Position, Problem
from guide.texts import replace_texts

TRANSLATIONS_DIR = "translations"
TRANSLATED_LANGUAGES = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)  # of any instance


@dataclass(frozen=True)
class Entry:
    """One translation: the Finnish text it was made from, the translation, and where it stands."""

    source: str
    translation: str
    fuzzy: bool
    line: int

    def is_current(self, finnish: str) -> bool:
        """True when the translation was made from this Finnish text and no one marked it for review."""
        return bool(self.translation) and not self.fuzzy and self.source == finnish


Store = dict[str, dict[str, Entry]]  # language -> key -> entry


def po_path(root: Path, language: str) -> Path:
    """The translation file of one language."""
    return root / TRANSLATIONS_DIR / f"{language}.po"


def read_store(root: Path) -> tuple[Store, list[Problem]]:
    """Every language's translations; a missing file is an empty language, a broken one a problem."""
    store: Store = {}
    problems: list[Problem] = []
    for language in translated_languages(root):
        path = po_path(root, language)
        display = f"{TRANSLATIONS_DIR}/{language}.po"
        store[language] = {}
        if not path.is_file():
            continue
        try:
            with path.open("rb") as file:
                catalog = read_po(file, locale=language, abort_invalid=True)
        except (PoFileError, ValueError) as error:
            problems.append(Problem(Position(display), f"the translation file cannot be read: {error}"))
            continue
        for message in catalog:
            if not message.id:
                continue  # the PO header
            if not message.context:
                problems.append(
                    Problem(Position(display, message.lineno), "this entry has no msgctxt (the text's key)")
                )
                continue
            store[language][message.context] = Entry(
                source=str(message.id),
                translation=str(message.string or ""),
                fuzzy=message.fuzzy,
                line=message.lineno,
            )
    return store, problems


def apply_translations(catalogue: Catalogue, store: Store) -> tuple[Catalogue, list[Problem]]:
    """The catalogue with every translation filled in, and the problems of translations that do not fit."""
    problems: list[Problem] = []

    def merge(key: str, text: Text) -> Text:
        updates: dict[str, str] = {}
        outdated: set[str] = set()
        for language, entries in store.items():
            entry = entries.get(key)
            if text.get(language) or entry is None or not entry.translation:
                continue
            if message := placeholders.problem_of(key, entry.translation):
                position = Position(f"{TRANSLATIONS_DIR}/{language}.po", entry.line)
                problems.append(
                    Problem(position, f"the {LANGUAGE_NAMES.get(language, language)} translation of '{key}': {message}")
                )
                continue
            updates[language] = entry.translation
            if not entry.is_current(text.fi):
                outdated.add(language)
        if not updates:
            return text
        try:
            merged = type(text).model_validate({**text.model_dump(exclude_none=True), **updates})
        except ValidationError as error:
            for detail in error.errors():
                language = str(detail["loc"][0])
                position = Position(f"{TRANSLATIONS_DIR}/{language}.po", store[language][key].line)
                problems.append(Problem(position, _describe(detail["type"], key, language, detail)))
            return text
        merged._outdated = frozenset(outdated)
        return merged

    return replace_texts(catalogue, merge), problems


def _describe(kind: str, key: str, language: str, detail: dict) -> str:
    name = LANGUAGE_NAMES.get(language, language)
    if kind in ("string_too_long", "too_long"):
        limit = detail.get("ctx", {}).get("max_length")
        return f"the {name} translation of '{key}' is {len(str(detail['input']))} characters; at most {limit} fit"
    return f"the {name} translation of '{key}' is not valid: {detail['msg']}"
