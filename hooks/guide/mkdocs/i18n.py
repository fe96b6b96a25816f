"""The one place that reads and writes mkdocs-static-i18n's state (written against mkdocs-static-i18n 1.3.1).

i18n builds the site once per language: the first build is the root language's (Finnish, or the
one language of a preview), then its `on_post_build` builds every other language in turn with the
same config object. It has no public interface for a hook to ask which language is being built or
to add generated files to a language, so these functions read its attributes. If an upgrade
renames them, only this module changes (tests/test_site_build.py fails first).

Upstream: a hook cannot ask which language is being built (ultrabug/mkdocs-static-i18n#75 added
`i18n_page_locale` to the page's template context only, not to the file or page events), and a
generated file is none of i18n's sorted files (ultrabug/mkdocs-static-i18n#268: "Unhandled file
case" for the pages Material's blog plugin generates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


class _I18nPlugin(Protocol):
    """What is read and written here of i18n's plugin object (1.3.1: reconfigure.ExtendedPlugin, untyped)."""

    building: bool  # True while its on_post_build builds the other languages
    current_language: str | None  # None until its first on_config
    i18n_files_per_language: dict[str, list[File]]

    @property
    def default_language(self) -> str: ...

    @property
    def all_languages(self) -> list[str]: ...

    @property
    def build_languages(self) -> list[str]: ...


class I18nFile(Protocol):
    """The attributes i18n 1.3.1 gives each of its files (folder.reconfigure_file) besides MkDocs' own."""

    alternates: dict[str, File]  # the same page in each language, itself included
    locale: str
    locale_alternate_of: str
    localization: str | None
    norm_src_uri: str  # the source path without the language folder


def _plugin(config: MkDocsConfig) -> _I18nPlugin:
    # mkdocs.yml names the plugin `i18n`; MkDocs types plugins as BasePlugin only.
    return cast(_I18nPlugin, config.plugins["i18n"])


@dataclass(frozen=True)
class LanguageBuild:
    """Which language the build in progress makes, among which."""

    language: str  # being built now
    configured: list[str]  # every language of the instance's mkdocs.yml (also when previewing one)
    built: list[str]  # the languages this run builds (one with BUILD_ONLY_LOCALE)
    root: str  # the language built at the site root

    @property
    def at_root(self) -> bool:
        """True in the root language's build, the first of a run: where language-independent files go."""
        return self.language == self.root


def language_build(config: MkDocsConfig) -> LanguageBuild:
    """The language build in progress (before i18n starts the others, the root language's)."""
    i18n = _plugin(config)
    language = i18n.current_language or i18n.default_language
    return LanguageBuild(language, list(i18n.all_languages), list(i18n.build_languages), i18n.default_language)


def finished_language(config: MkDocsConfig) -> str:
    """The language whose build has just finished, in on_post_build.

    i18n leaves `current_language` at the last language it built and sets `building` while it builds
    the others; the root language's own post-build comes first, before `building` is set.
    """
    i18n = _plugin(config)
    if i18n.building and i18n.current_language is not None:  # set by then (its on_config)
        return i18n.current_language
    return i18n.default_language


def list_in_language(config: MkDocsConfig, language: str, files: list[File]) -> None:
    """Count generated files among the language's pages, so i18n's sitemap lists them too."""
    _plugin(config).i18n_files_per_language[language].extend(files)


def content_language(page: Page, build: LanguageBuild) -> str:
    """The language the page's text is in: i18n's `File.locale`, the default language's on a fallback page."""
    return str(getattr(page.file, "locale", build.language))


def page_alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    """The page's versions in the other languages (`lang`, `link`, `name`), as i18n gives Material's switcher.

    i18n's on_page_context (priority 50, before ours at 0) rewrites `config.extra.alternate` for
    every page (reconfigure_material), so in our on_page_context it holds this page's links.
    """
    alternates: list[dict[str, str]] = getattr(config.extra, "alternate", None) or []
    return alternates
