"""Translations of the data's texts, kept beside the Finnish source in one gettext PO file per language.

Staff edit Finnish in data/*.yaml. Each translation lives in `translations/<language>.po` as an
entry whose `msgctxt` is the text's key (guide.translations.texts), `msgid` the Finnish text it was translated
from, and `msgstr` the translation. So when the Finnish text changes, the entry still holds the old
source: the translation is known to be outdated, and is shown with a notice until updated. A text
written in the YAML itself in another language wins over the PO file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from guide.catalogue.models import Catalogue
from guide.core import placeholders
from guide.core.editor_messages import say
from guide.core.instance import translated_languages
from guide.core.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from guide.core.problems import Position, Problem
from guide.core.records import Text
from guide.core.text_checks import unsafe_links
from guide.core.yaml_errors import decode
from guide.translations.po_strict import scan_po
from guide.translations.texts import replace_texts

TRANSLATIONS_DIR = "translations"
TRANSLATED_LANGUAGES = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)  # of any instance


@dataclass(frozen=True)
class Entry:
    """One translation: the Finnish text it was made from, the translation, and where it stands."""

    source: str
    translation: str
    fuzzy: bool
    line: int  # of its msgstr
    key_line: int = 0  # of its msgctxt

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
        entries, file_problems = _read_strictly(path, display, language)
        problems.extend(file_problems)
        store[language] = entries
    return store, problems


def _read_strictly(path: Path, display: str, language: str) -> tuple[dict[str, Entry], list[Problem]]:
    """The entries of one PO file, or none and the problems of its lines (see guide.translations.po_strict)."""
    text, problem = decode(path.read_bytes(), display)
    if text is None:
        return {}, [problem] if problem else []
    scanned, problems = scan_po(text, display)
    if problems:
        return {}, problems
    try:
        catalog = read_po(io.StringIO(text), locale=language, abort_invalid=True)
    except (PoFileError, ValueError) as error:
        line = getattr(error, "lineno", 0) + 1
        return {}, [Problem(Position(display, line), say("po_unreadable", line=line))]
    written = {entry.key: entry for entry in scanned if entry.key is not None}
    entries: dict[str, Entry] = {}
    for message in catalog:
        if not message.id:
            continue  # the PO header
        where = written.get(message.context or "")
        if not message.context or where is None:
            line = next((e.msgid_line for e in scanned if e.key is None and e.msgid == message.id), 1)
            problems.append(Problem(Position(display, line), say("po_no_key")))
            continue
        translation = str(message.string or "")
        for url in unsafe_links(translation):
            field = f"{message.context} ({LANGUAGE_NAMES[language]})"
            problems.append(Problem(Position(display, where.line_of(url)), say("unsafe_link", url=url, field=field)))
        entries[message.context] = Entry(
            source=str(message.id),
            translation=translation,
            fuzzy=message.fuzzy,
            line=where.msgstr_line,
            key_line=where.key_line,
        )
    return entries, problems


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


def _describe(kind: str, key: str, language: str, detail: ErrorDetails) -> str:
    name = LANGUAGE_NAMES.get(language, language)
    if kind in ("string_too_long", "too_long"):
        limit = detail.get("ctx", {}).get("max_length")
        return say("po_too_long", language=name, key=key, length=len(str(detail["input"])), limit=limit)
    error = str(detail.get("ctx", {}).get("error", ""))
    if "invisible_character" in error:
        return say("invisible", what=f"the {name} translation of '{key}'", code=error.rsplit(" ", 1)[-1])
    return say("po_invalid", language=name, key=key)
