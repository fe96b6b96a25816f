"""`make translations` and the translators' export/import.

python -m guide.tools.translations status [--strict]     counts and lists per language
python -m guide.tools.translations export LANGUAGE FILE  what needs work, as a PO file
python -m guide.tools.translations import LANGUAGE FILE  take a translated PO file in
python -m guide.tools.translations move-inline            move inline YAML translations into translations/
python -m guide.tools.translations stamp LANGUAGE PAGE    mark content/PAGE's translation as made from
                                                       the current Finnish page (after editing it by hand)
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide.catalogue.loader import load_source_catalogue
from guide.core.instance import translated_languages
from guide.core.languages import LANGUAGE_NAMES
from guide.core.problems import DataError
from guide.translations.files import (
    export_needs_work,
    import_translations,
    render_po,
    with_source_hash,
    write_store,
)
from guide.translations.loader import load_catalogue
from guide.translations.status import source_hash, translated_page, translation_status
from guide.translations.store import TRANSLATED_LANGUAGES, Entry, read_store
from guide.translations.texts import text_fields
from guide.translations.yaml_edit import without_languages


def print_status(root: Path, strict: bool) -> int:
    """Print per language the missing and outdated translations; with `strict`, fail if any."""
    source = load_source_catalogue(root)
    store, _ = read_store(root)
    report = translation_status(root, source, store)
    for status in report:
        done = status.total - len(status.missing) - len(status.outdated)
        name = LANGUAGE_NAMES[status.language]
        print(
            f"{status.language} ({name}): {done}/{status.total} current, "
            f"{len(status.missing)} missing, {len(status.outdated)} outdated"
        )
        for key in status.missing:
            print(f"  missing   {key}")
        for key in status.outdated:
            print(f"  outdated  {key}")
    incomplete = [s.language for s in report if not s.complete]
    if strict and incomplete:
        print(f"Translations incomplete in: {', '.join(incomplete)}", file=sys.stderr)
        return 1
    return 0


def move_inline(root: Path) -> int:
    """Move every translation written in data/*.yaml into translations/<language>.po."""
    before = load_catalogue(root)
    source = load_source_catalogue(root)
    store, _ = read_store(root)
    for key, text in text_fields(source):
        for language in translated_languages(root):
            if value := text.get(language):
                store[language][key] = Entry(source=text.fi, translation=value, fuzzy=False, line=0)
    for language in translated_languages(root):
        if store[language]:
            write_store(root, source, store, language)
    for path in sorted((root / "data").glob("*.yaml")):
        content = path.read_text(encoding="utf-8")
        path.write_text(without_languages(content, set(TRANSLATED_LANGUAGES)), encoding="utf-8")
    after = load_catalogue(root)
    if list(text_fields(after)) != list(text_fields(before)):
        print("The texts changed while moving them; check git diff.", file=sys.stderr)
        return 1
    print("Moved the inline translations into translations/; every text reads as before.")
    return 0


def stamp(root: Path, language: str, page: Path) -> int:
    """Record in a translated page that it matches the current Finnish page."""
    target = translated_page(page, language)
    if not page.is_file() or not target.is_file():
        print(f"{page} or its {LANGUAGE_NAMES[language]} translation {target} does not exist", file=sys.stderr)
        return 1
    fingerprint = source_hash(page.read_text(encoding="utf-8"))
    target.write_text(with_source_hash(target.read_text(encoding="utf-8"), fingerprint), encoding="utf-8")
    print(f"{target.relative_to(root)} is now marked as translated from the current {page.relative_to(root)}")
    return 0


def main(argv: list[str]) -> int:
    """Dispatch the subcommands; data problems are printed as the editor's messages."""
    root = Path.cwd()
    try:
        if argv[:1] == ["status"]:
            return print_status(root, strict="--strict" in argv)
        if argv[:1] == ["export"] and len(argv) == 3 and argv[1] in TRANSLATED_LANGUAGES:
            store, _ = read_store(root)
            catalog = export_needs_work(root, load_source_catalogue(root), store, argv[1])
            Path(argv[2]).write_bytes(render_po(catalog))
            print(f"wrote {argv[2]}: {len(catalog)} texts need work in {LANGUAGE_NAMES[argv[1]]}")
            return 0
        if argv[:1] == ["import"] and len(argv) == 3 and argv[1] in TRANSLATED_LANGUAGES:
            store, _ = read_store(root)
            taken = import_translations(root, load_source_catalogue(root), store, argv[1], Path(argv[2]))
            load_catalogue(root)  # the imported texts must still pass validation
            print(f"took {taken} translations into {LANGUAGE_NAMES[argv[1]]}")
            return 0
        if argv[:1] == ["move-inline"]:
            return move_inline(root)
        if argv[:1] == ["stamp"] and len(argv) == 3 and argv[1] in TRANSLATED_LANGUAGES:
            return stamp(root, argv[1], root / argv[2])
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
