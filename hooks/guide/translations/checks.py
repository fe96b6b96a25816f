"""Checks of the translation files against the Finnish texts in data/.

An entry whose key (`msgctxt`) matches no text is an error: its translation would never be shown,
and the text it was meant for shows as missing. A translation that brings HTML or Markdown
syntax the Finnish text has not is a warning: it is rendered safely, but it is probably a slip.
"""

from __future__ import annotations

import re

from guide.catalogue.models import Catalogue
from guide.core.editor_messages import did_you_mean, say
from guide.core.languages import LANGUAGE_NAMES
from guide.core.problems import Position, Problem
from guide.translations.store import TRANSLATIONS_DIR, Store
from guide.translations.texts import text_fields

MARKUP: dict[str, re.Pattern[str]] = {
    "HTML": re.compile(r"</?[a-zA-Z][^>]*>"),
    "a Markdown link": re.compile(r"\]\("),
    "Markdown emphasis (** or __)": re.compile(r"\*\*|__"),
    "Markdown code (`)": re.compile(r"`"),
    "a Markdown heading (#)": re.compile(r"^#{1,6} ", re.MULTILINE),
}


def orphan_problems(source: Catalogue, store: Store) -> list[Problem]:
    """An error at the `msgctxt` line of each entry whose key names no text of the data.

    The entries of a record that is no longer in the data (removed, or its id changed) are one
    mistake: they are reported once per file, at the first of them.
    """
    keys = sorted(key for key, _ in text_fields(source))
    known, records = set(keys), {_record(key) for key in keys}
    problems = []
    for language, entries in store.items():
        path = f"{TRANSLATIONS_DIR}/{language}.po"
        gone: dict[str, list[int]] = {}
        for key, entry in entries.items():
            line = entry.key_line or entry.line
            if key in known:
                continue
            if _record(key) not in records:
                gone.setdefault(_record(key), []).append(line)
                continue
            # Keys share long prefixes (services/<id>/...), so only a near-identical key is offered.
            hint = did_you_mean(key, keys, cutoff=0.8)
            problems.append(Problem(Position(path, line), say("po_orphan", key=key, hint=hint)))
        for record, lines in gone.items():
            message = say("po_orphan_record", record=record, count=len(lines))
            problems.append(Problem(Position(path, min(lines)), message))
    return problems


def _record(key: str) -> str:
    """The record a key belongs to, e.g. 'services/kotoutumiskoulutus' of '.../steps/0'."""
    return "/".join(key.split("/")[:2])


def markup_warnings(source: Catalogue, store: Store) -> list[str]:
    """`path:line:column: warning: ...` for translations with markup their Finnish text has not."""
    finnish = dict(text_fields(source))
    warnings = []
    for language, entries in store.items():
        for key, entry in entries.items():
            text = finnish.get(key)
            if text is None or not entry.translation:
                continue
            for markup, pattern in MARKUP.items():
                if pattern.search(entry.translation) and not pattern.search(text.fi):
                    position = Position(f"{TRANSLATIONS_DIR}/{language}.po", entry.line)
                    message = say("po_markup", language=LANGUAGE_NAMES[language], key=key, markup=markup)
                    warnings.append(f"{position}: {message}")
    return warnings
