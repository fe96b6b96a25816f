"""Gettext PO files for translators: export what needs work, import what comes back, keep the store.

Babel reads and writes the PO format (no hand-written parser). A written page travels as a single
entry whose key is its path (e.g. `content/index.md`) and whose text is the whole Markdown page.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from guide.catalogue.models import Catalogue
from guide.core.problems import DataError
from guide.core.records import Summary
from guide.core.yaml_errors import decode
from guide.translations.po_strict import scan_po
from guide.translations.status import (
    finnish_pages,
    page_key,
    recorded_hash,
    source_hash,
    translated_page,
)
from guide.translations.store import Entry, Store, po_path
from guide.translations.texts import text_fields

PROJECT = "Kuopio integration services guide"
# PO headers carry dates; a fixed one keeps the files byte-identical for the same content.
FIXED_DATE = datetime.datetime(2024, 11, 25, tzinfo=datetime.UTC)


def new_catalog(language: str) -> Catalog:
    """An empty PO catalogue with a fixed header, so the same content always gives the same file."""
    return Catalog(
        locale=language,
        project=PROJECT,
        version="1",
        charset="utf-8",
        fuzzy=False,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
    )


def render_po(catalog: Catalog) -> bytes:
    """The catalogue as PO file bytes, unwrapped and in the order entries were added."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False, include_lineno=False)
    return buffer.getvalue()


def write_store(root: Path, source: Catalogue, store: Store, language: str) -> None:
    """Rewrite `translations/<language>.po` in data order; keys no longer in the data are kept last."""
    catalog = new_catalog(language)
    entries = dict(store.get(language, {}))
    for key, _ in text_fields(source):
        entry = entries.pop(key, None)
        if entry:
            _add(catalog, key, entry)
    for key, entry in sorted(entries.items()):
        _add(catalog, key, entry)
    path = po_path(root, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_po(catalog))


def _add(catalog: Catalog, key: str, entry: Entry) -> None:
    flags = ("fuzzy",) if entry.fuzzy else ()
    catalog.add(entry.source, entry.translation, context=key, flags=flags)


def export_needs_work(root: Path, source: Catalogue, store: Store, language: str) -> Catalog:
    """The texts and pages of `language` that are missing or outdated, ready for a translator.

    An outdated entry carries the current translation, the fuzzy flag and the Finnish text it was
    made from (`#| msgid`), so a PO editor shows what changed.
    """
    catalog = new_catalog(language)
    entries = store.get(language, {})
    for key, text in text_fields(source):
        if text.get(language):
            continue
        entry = entries.get(key)
        if entry and entry.is_current(text.fi):
            continue
        comments = ["At most 150 characters."] if isinstance(text, Summary) else []
        outdated = bool(entry and entry.translation)
        catalog.add(
            text.fi,
            entry.translation if entry else "",
            context=key,
            auto_comments=comments,
            flags=("fuzzy",) if outdated else (),
            previous_id=entry.source if outdated and entry and entry.source != text.fi else (),
        )
    for page in finnish_pages(root):
        finnish = page.read_text(encoding="utf-8")
        translation = translated_page(page, language)
        current = translation.is_file() and recorded_hash(translation) == source_hash(finnish)
        if current:
            continue
        existing = _body_without_hash(translation.read_text(encoding="utf-8")) if translation.is_file() else ""
        catalog.add(
            finnish,
            existing,
            context=page_key(root, page),
            auto_comments=["A whole Markdown page: keep its front matter keys and the link targets."],
            flags=("fuzzy",) if existing else (),
        )
    return catalog


def import_translations(root: Path, source: Catalogue, store: Store, language: str, po_file: Path) -> int:
    """Take a translator's PO file into the store and the translated pages; returns the count taken."""
    text, problem = decode(po_file.read_bytes(), str(po_file))
    problems = [problem] if problem else scan_po(text or "", str(po_file))[1]
    if problems:  # read as strictly as translations/*.po: a missing quote would cut a letter
        raise DataError(problems)
    incoming = read_po(io.StringIO(text or ""), locale=language)
    taken = 0
    entries = dict(store.get(language, {}))
    for message in incoming:
        if not message.id or not message.context or not message.string:
            continue
        key, finnish, translation = message.context, str(message.id), str(message.string)
        if key.startswith("content/"):
            page = root / key
            if page.is_file():
                target = translated_page(page, language)
                target.write_text(with_source_hash(translation, source_hash(finnish)), encoding="utf-8")
                taken += 1
            continue
        # The entry records the Finnish text the translator saw; if staff changed it meanwhile,
        # the translation shows as outdated rather than silently current.
        entries[key] = Entry(source=finnish, translation=translation, fuzzy=message.fuzzy, line=0)
        taken += 1
    store[language] = entries
    write_store(root, source, store, language)
    return taken


def with_source_hash(markdown: str, fingerprint: str) -> str:
    """A translated page whose front matter records the Finnish page's fingerprint."""
    body = _body_without_hash(markdown)
    if body.startswith("---\n"):
        return f"---\nsource_hash: {fingerprint}\n{body[4:]}"
    return f"---\nsource_hash: {fingerprint}\n---\n\n{body}"


def _body_without_hash(markdown: str) -> str:
    lines = markdown.split("\n")
    return "\n".join(line for i, line in enumerate(lines) if not (i < 20 and line.startswith("source_hash:")))
