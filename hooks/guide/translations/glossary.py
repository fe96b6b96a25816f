"""The glossaries of translations/glossary/<language>.yaml, made binding.

Each entry names a Finnish term (`fi`, alternatives separated by commas) and the term every
translation must use (the language's key; `accept:` lists other accepted forms, e.g. a short
form). Where the Finnish text of an entry contains the Finnish term, the translation must contain
the glossary's term, or the entry's key is listed under `exceptions:` with the reason in a comment.
Keywords (`.../keywords`) are search words, often Finnish ones too, and are not checked.
English has no file of its own: the `en` key of the Swedish glossary is the English term.

Words inflect in every language here, so terms are compared by stems: the words of a term, in a
row, each a few letters shorter (Finnish "-nen" words without it: kotoutuminen, kotoutumisen),
must each start a word of the text; in Arabic and Persian, which attach prefixes such as ال and
و, they may also stand inside a word (and an Arabic term's article ال is not required).
Abbreviations (KotoL, TE, S2, TUVA) must appear as whole words, letter case included (also before
a hyphen: S2-linja). Alternatives are separated by commas, semicolons or slashes; text in
brackets is a gloss and not looked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.catalogue.models import Catalogue
from guide.core.languages import REGISTRY
from guide.translations.texts import text_fields

GLOSSARY_DIR = Path("translations") / "glossary"
ENGLISH_FROM = "sv"
_LETTER = r"[\w\u0610-\u061a\u064b-\u065f\u0670]"  # with the Arabic vowel marks: باحثًا is one word
_WORD = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)*")  # "TE-palvelut" is one word
_INSIDE_WORDS = frozenset(code for code, language in REGISTRY.items() if language.joined_prefixes)


@dataclass(frozen=True)
class Term:
    """One binding glossary entry of one language."""

    finnish: tuple[str, ...]
    required: tuple[str, ...]  # any of these forms will do
    exceptions: frozenset[str]


@dataclass(frozen=True)
class Violation:
    """A translation that does not use a glossary term."""

    language: str
    key: str
    term: Term
    translation: str


def _alternatives(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    text = re.sub(r"\([^)]*\)", "", str(value or ""))  # "(681/2023)" is a gloss, no word to look for
    return tuple(part.strip() for part in re.split(r"[,;/]", text) if part.strip())


def glossary(root: Path, language: str) -> list[Term]:
    """The binding terms of `language` (empty when it has no glossary)."""
    path = root / GLOSSARY_DIR / f"{ENGLISH_FROM if language == 'en' else language}.yaml"
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    terms = []
    for entry in entries:
        required = _alternatives(entry.get(language)) + _alternatives(entry.get(f"accept_{language}", []))
        if language != "en":
            required += _alternatives(entry.get("accept", []))
        if required:
            terms.append(Term(_alternatives(entry.get("fi")), required, frozenset(entry.get("exceptions", []))))
    return terms


def _is_abbreviation(word: str) -> bool:
    return "-" not in word and (any(char.isdigit() for char in word) or sum(char.isupper() for char in word) > 1)


def _stem(word: str, language: str) -> str:
    word = word.lower()
    if language == "fi" and word.endswith("nen") and len(word) > 6:
        return word[:-3]
    if language == "ar" and word.startswith("ال") and len(word) > 4:  # the article: الإقامة, إقامة
        word = word[2:]
    return word if len(word) <= 4 else word[: max(4, len(word) - (1 if language in _INSIDE_WORDS else 2))]


def _matches(word: str, part: str, language: str) -> bool:
    if _is_abbreviation(part):
        return word == part or word.startswith(f"{part}-")
    stem, word = _stem(part, language), word.lower()
    return word.startswith(stem) or (language in _INSIDE_WORDS and stem in word)


def contains(text: str, phrase: str, language: str) -> bool:
    """True when the words of `phrase` appear in a row, inflected or not, in `text`."""
    words, parts = _WORD.findall(text), _WORD.findall(phrase)
    return any(
        all(_matches(words[start + offset], part, language) for offset, part in enumerate(parts))
        for start in range(len(words) - len(parts) + 1)
    )


def violations(root: Path, catalogue: Catalogue, language: str) -> Iterator[Violation]:
    """Every translated text of `language` that leaves out a glossary term its Finnish text uses."""
    terms = glossary(root, language)
    for key, text in text_fields(catalogue):
        translation = text.get(language)
        if not translation or key.endswith("/keywords"):  # search words, often in Finnish too
            continue
        for term in terms:
            if key in term.exceptions:
                continue
            if any(contains(text.fi, finnish, "fi") for finnish in term.finnish) and not any(
                contains(translation, form, language) for form in term.required
            ):
                yield Violation(language, key, term, translation)
