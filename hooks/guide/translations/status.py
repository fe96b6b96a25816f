"""Which translations are missing or outdated, per language: of the data's texts and of the written pages.

A written page `content/x.md` (Finnish) is translated as `content/x.<language>.md`, whose front
matter carries `source_hash`: the hash of the Finnish file it was translated from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from guide.catalogue.models import Catalogue
from guide.core.instance import translated_languages
from guide.translations.store import TRANSLATED_LANGUAGES, Store
from guide.translations.texts import text_fields

CONTENT_DIR = "content"
_SOURCE_HASH = re.compile(r"^source_hash:\s*['\"]?([0-9a-f]+)['\"]?\s*$", re.MULTILINE)


@dataclass
class LanguageStatus:
    """The state of one language's translations."""

    language: str
    total: int = 0
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when nothing is missing or outdated."""
        return not self.missing and not self.outdated


def source_hash(text: str) -> str:
    """The fingerprint of a Finnish page that a translation records (12 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def finnish_pages(root: Path) -> list[Path]:
    """The written Finnish pages: Markdown files in content/ without a language suffix."""
    suffixes = {f".{language}" for language in TRANSLATED_LANGUAGES}  # any language's, also one not built
    return sorted(path for path in (root / CONTENT_DIR).rglob("*.md") if Path(path.stem).suffix not in suffixes)


def translated_page(page: Path, language: str) -> Path:
    """Where the `language` translation of a Finnish page lives."""
    return page.with_name(f"{page.stem}.{language}.md")


def page_key(root: Path, page: Path) -> str:
    """A page's key in reports and translation files, e.g. 'content/index.md'."""
    return page.relative_to(root).as_posix()


def recorded_hash(page: Path) -> str | None:
    """The `source_hash` in a translated page's front matter, if any."""
    text = page.read_text(encoding="utf-8")
    front = text.split("\n---", 1)[0] if text.startswith("---") else ""
    found = _SOURCE_HASH.search(front)
    return found.group(1) if found else None


def translation_status(root: Path, source: Catalogue, store: Store) -> list[LanguageStatus]:
    """For each language, the texts and pages whose translation is missing or outdated.

    `source` is the catalogue as written in data/ (before translations are merged in), so a text
    counts as translated only through the YAML itself or a translation file.
    """
    texts = list(text_fields(source))
    pages = finnish_pages(root)
    report = []
    for language in translated_languages(root):
        status = LanguageStatus(language, total=len(texts) + len(pages))
        entries = store.get(language, {})
        for key, text in texts:
            if text.get(language):
                continue
            entry = entries.get(key)
            if entry is None or not entry.translation:
                status.missing.append(key)
            elif not entry.is_current(text.fi):
                status.outdated.append(key)
        for page in pages:
            translation = translated_page(page, language)
            if not translation.is_file():
                status.missing.append(page_key(root, page))
            elif recorded_hash(translation) != source_hash(page.read_text(encoding="utf-8")):
                status.outdated.append(page_key(root, page))
        report.append(status)
    return report
