"""The catalogue in every language: data/ as written, with the translations of translations/ merged in.

Loading stops with every problem found in either, each pointing into its file. The cached variants
read the files again only when one of them has changed: MkDocs runs the config event once per
language and again on every `mkdocs serve` rebuild.
"""

from __future__ import annotations

import functools
from pathlib import Path

from guide.catalogue.loader import load_source_catalogue
from guide.catalogue.models import Catalogue
from guide.core.problems import DataError, Problem
from guide.translations.checks import orphan_problems
from guide.translations.status import LanguageStatus, translation_status
from guide.translations.store import Store, apply_translations, read_store


def load_catalogue(root: Path) -> Catalogue:
    """The catalogue under `root` with its translations; raises DataError listing every problem."""
    return _translated(load_source_catalogue(root), *read_store(root))


def _translated(source: Catalogue, store: Store, problems: list[Problem]) -> Catalogue:
    """`source` with the translations of `store`; raises DataError with the store's and the merge's problems."""
    catalogue, more = apply_translations(source, store)
    more = orphan_problems(source, store) + more
    if problems or more:
        raise DataError(problems + more)
    return catalogue


def load_catalogue_cached(root: Path) -> Catalogue:
    """`load_catalogue`, read again only when a file in data/ or translations/ has changed.

    MkDocs runs the config event once per language and again on every `mkdocs serve` rebuild.
    """
    return _load_stamped(root, _stamp(root))


def sources_cached(root: Path) -> tuple[Catalogue, Store]:
    """The catalogue as written in data/ and the translations, as `load_catalogue_cached` read them.

    For the translation status page, which compares the two: reading the PO files again cost as
    much as the first time.
    """
    source, store, problems = _sources_stamped(root, _stamp(root))
    if problems:
        raise DataError(problems)
    return source, store


def data_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a file in data/ or translations/ changes (name, time, size of each)."""
    return _stamp(root)


def _stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted((root / "data").glob("*.yaml")) + sorted((root / "translations").glob("*.po"))
    return tuple((path.name, stat.st_mtime_ns, stat.st_size) for path in files for stat in [path.stat()])


@functools.lru_cache(maxsize=4)
def _load_stamped(root: Path, stamp: tuple[tuple[str, int, int], ...]) -> Catalogue:
    return _translated(*_sources_stamped(root, stamp))


@functools.lru_cache(maxsize=4)
def _sources_stamped(root: Path, stamp: tuple[tuple[str, int, int], ...]) -> tuple[Catalogue, Store, list[Problem]]:
    source = load_source_catalogue(root)
    store, problems = read_store(root)
    return source, store, problems


_last_report: dict[Path, list[LanguageStatus]] = {}


def translation_report(root: Path) -> list[LanguageStatus]:
    """The translation report, computed once per state of data/, translations/ and content/.

    While `mkdocs serve` shows problems in the data (guide.site.serve_problems), the last report stands.
    """
    try:
        report = _report(root, _source_stamp(root))
    except DataError:
        if root not in _last_report:
            raise
        return _last_report[root]
    _last_report[root] = report
    return report


@functools.lru_cache(maxsize=2)
def _report(root: Path, stamp: tuple[tuple[str, int, int], ...]) -> list[LanguageStatus]:
    source, store = sources_cached(root)
    return translation_status(root, source, store)


def _source_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """A fingerprint of every file the report reads: changes when any of them changes."""
    files = [*root.glob("data/*.yaml"), *root.glob("translations/*.po"), *root.glob("content/**/*.md")]
    return tuple(sorted((str(p.relative_to(root)), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
