"""MkDocs `File`s for generated pages, made the way mkdocs-static-i18n makes its own.

Generated pages are added after i18n has sorted the files of one language build (see the stack
notes: earlier, i18n 1.3.1 crashes on them). So each file gets the language prefix in its
destination and the attributes i18n's language switcher and sitemap read (`locale`,
`alternates`, `locale_alternate_of`), which i18n would otherwise have set. Written against
mkdocs-static-i18n 1.3.1; upstream, generated files are "Unhandled file case" to i18n
(ultrabug/mkdocs-static-i18n#268, the pages of Material's blog plugin).
"""

from __future__ import annotations

from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from guide.core import urls
from guide.mkdocs.i18n import I18nFile


def generated_file(
    config: MkDocsConfig, src_uri: str, markdown: str, language: str, languages: list[str], root_language: str
) -> File:
    """A page of `language` whose alternates point to the same page in every other language built."""
    file = _placed(config, src_uri, markdown, language, root_language)
    cast(I18nFile, file).alternates = {
        other: file if other == language else _placed(config, src_uri, "", other, root_language) for other in languages
    }
    return file


def _placed(config: MkDocsConfig, src_uri: str, markdown: str, language: str, root_language: str) -> File:
    file = File.generated(config, src_uri, content=markdown)
    file.dest_uri = urls.dest_uri(src_uri, language, root_language)
    localized = cast(I18nFile, file)  # the same object, seen with the attributes i18n adds
    localized.locale = language
    localized.locale_alternate_of = language
    localized.localization = language
    localized.norm_src_uri = src_uri
    return file
