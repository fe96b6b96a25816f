"""One search index per language, with lunr settings that work for that language.

Why: mkdocs-static-i18n merges every language into one `search/search_index.json`, so a reader in
Arabic gets Finnish and English hits, and its lunr settings (one `lang` list for all) suit none of
them (written against mkdocs-static-i18n 1.3.1 and mkdocs-material 9.8.2; upstream,
ultrabug/mkdocs-static-i18n#129: "there's little it can do against a single index enforced by the
upstream search plugin", and pull request #33, where i18n chose the one merged index).
Material's search loads `search/search_index.json` relative to `config.base`, so
`overrides/main.html` points `base` at the page's language root and each language gets its own
file there (the root language, Finnish, at the site root), with locations relative to that root.

Why these lunr settings: Material's worker appends `*` to every query term, and lunr skips the
pipeline for wildcard terms, so queries are matched as unstemmed prefixes. A stemmer in the index
would only hurt ("kielikurssi*" cannot match the stem "kielikurs"); prefix matching already finds
inflected and suffixed forms. The trimmers of lunr-languages keep only their own script's letters
(the Finnish one empties Cyrillic and Arabic-script tokens and strips digits, "S2" -> "s"), so no
trimmer is used either: the separator below splits on punctuation of every script instead, so
"(Kela)" and "«Кела»" index as "kela" and "кела". Stop words are dropped where lunr-languages has a
list for the language (fi, sv, en, ru, ar); uk, et and fa have none, and borrowing Russian stop words
for Ukrainian would drop real Ukrainian words. Persian: the zero-width non-joiner (ZWNJ) separates
tokens, so text written with a ZWNJ and queries typed with a space (phone keyboards rarely offer a
ZWNJ) index alike, and the stem before an attached suffix or prefix (plural -ha, verbal mi-) is
its own token.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from guide.catalogue.models import Catalogue
from guide.core import urls
from guide.core.languages import DEFAULT_LANGUAGE, REGISTRY

INDEX_FILE = "search/search_index.json"

# Whitespace, zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM), dashes and the punctuation
# of Latin, Cyrillic and Arabic script. A JavaScript RegExp source: Material compiles it without the
# `u` flag, so \p{...} classes cannot be used. Apostrophes are not separators (Ukrainian "сім'я").
SEPARATOR = (
    r"[\s\u200b-\u200d\u2060\ufeff\-\u2010-\u2015.,;:!?\u00a1\u00bf()\[\]{}<>"
    r"\"\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a/\\|\u2026\u060c\u061b\u061f\u06d4]+"
)

# lunr language (the lunr-languages plugin Material loads) and pipeline, per site language.
# "en" names lunr's built-in pipeline, which the empty pipeline then switches off entirely.
LUNR: dict[str, tuple[list[str], list[str]]] = {
    code: ([language.search], ["stopWordFilter"] if language.stop_words else []) for code, language in REGISTRY.items()
}

# Keywords say what residents type for a service: they count as much as a word of its title. The
# service's own page is the answer, so it outranks pages that only mention the service (outcomes of
# the eligibility tree, the catalogue), whose titles repeat the services' names.
# The eligibility tool is one result: its page; the question and result pages under it are steps
# of the tool, reached by answering, not pages to land on from a search.
TOOL_PAGE = "kuka-saa-palvelua/"

KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 1000.0
SERVICE_PAGE_BOOST = 2.0


def index_path(language: str, root_language: str) -> str:
    """Where a language's index is written, relative to the site directory."""
    return INDEX_FILE if language == root_language else f"{language}/{INDEX_FILE}"


def search_base(base_url: str, language: str, root_language: str) -> str:
    """The page's link to its language root, the `base` Material resolves the index against."""
    if language == root_language:
        return base_url
    return f"{base_url.rstrip('/')}/{language}/"


def service_keywords(catalogue: Catalogue, language: str) -> dict[str, list[str]]:
    """Keywords per service page (location relative to the language root).

    The reader's keywords come first, then the Finnish ones: residents often type the Finnish
    name they saw on a letter ("Kela", "TE-palvelut") whatever language they read the site in.
    The service's own name leads (it is in the title field too: a service's name outweighs
    other pages' passing mentions of its words). Then the names of the organisations that
    provide the service (its rows of the responsibility table): a service's own provider is what
    it is known by ("International House" is the guidance service), while other pages only
    mention the name in passing.
    """
    keywords: dict[str, list[str]] = {}
    for service in catalogue.services:
        texts = [service.keywords.get(language), service.keywords.get(DEFAULT_LANGUAGE)] if service.keywords else []
        words = _unique(
            [
                service.title.best(language)[0],
                *(word.strip() for text in texts if text for word in text.split(",")),
                *provider_names(catalogue, service.id, language),
            ]
        )
        if not words:
            continue
        location = urls.dest_uri(urls.service_source(service.id), language, language)
        keywords[location.removesuffix("index.html")] = words
    return keywords


def provider_names(catalogue: Catalogue, service_id: str, language: str) -> list[str]:
    """The names (in `language` and Finnish, short names too) of who provides a service in Liite 1."""
    service = catalogue.service(service_id)
    names: list[str] = []
    for row in (service.responsibility or {}).values():
        organisation = catalogue.organisation(row.provider)
        for text in (organisation.name, organisation.short_name):
            if text is not None:
                names += [text.best(language)[0], text.fi]
    return names


def is_tool_step(location: str) -> bool:
    """Whether an entry is a question or result page inside the tool (not the tool's own page)."""
    return (
        location.startswith(TOOL_PAGE)
        and not location.removeprefix(TOOL_PAGE).startswith(("#", "?"))
        and location != TOOL_PAGE
    )


def language_index(
    merged: dict[str, Any],
    catalogue: Catalogue,
    language: str,
    root_language: str,
    built_languages: Sequence[str],
) -> dict[str, Any]:
    """The index of one language, from an index Material wrote (this language's, or i18n's merge).

    Entries of other languages are left out; an entry repeated (i18n keeps collecting entries
    across `mkdocs serve` rebuilds) keeps its latest version.
    """
    prefix = "" if language == root_language else f"{language}/"
    others = tuple(f"{other}/" for other in built_languages if other not in (language, root_language))
    keywords = service_keywords(catalogue, language)
    entries: dict[str, dict[str, Any]] = {}
    for entry in merged["docs"]:
        location: str = entry["location"]
        if prefix and not location.startswith(prefix):
            continue
        if not prefix and location.startswith(others):
            continue
        local = location.removeprefix(prefix)
        if is_tool_step(local):
            continue
        entries.pop(local, None)
        entries[local] = {**entry, "location": local}
        if local in keywords:
            entries[local][KEYWORDS_FIELD] = keywords[local]
            entries[local].setdefault("boost", SERVICE_PAGE_BOOST)
    lang, pipeline = LUNR.get(language, (["en"], []))
    fields = {**merged["config"].get("fields", {}), KEYWORDS_FIELD: {"boost": KEYWORDS_BOOST}}
    config = {"lang": lang, "separator": SEPARATOR, "pipeline": pipeline, "fields": fields}
    return {"config": config, "docs": list(entries.values())}


def write_language_index(
    site_dir: Path, catalogue: Catalogue, language: str, root_language: str, built_languages: Sequence[str]
) -> Path:
    """Replace the index Material wrote last with this language's own, in the language's folder."""
    merged = json.loads((site_dir / INDEX_FILE).read_text(encoding="utf-8"))
    index = language_index(merged, catalogue, language, root_language, built_languages)
    target = site_dir / index_path(language, root_language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


def _unique(words: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for word in words:
        if word and word.casefold() not in seen:
            seen[word.casefold()] = word
    return list(seen.values())
