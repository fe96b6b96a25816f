"""What one build run knows about the instance it builds: its data, loaded once, and its preview state.

MkDocs runs the config event once per language (mkdocs-static-i18n reuses the config) and again on
every `mkdocs serve` rebuild; the page events ask for the catalogue a few thousand times a build.
So the data is read in on_config and kept here per instance folder; checking data/ for changes on
every page cost seconds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from guide.catalogue.models import Catalogue
from guide.core.instance import ENGINE_ROOT
from guide.core.problems import DataError
from guide.ptv.data import PtvFile, load_ptv
from guide.site.rendering import create_environment
from guide.site.serve_problems import Preview
from guide.translations.loader import data_stamp, translation_report
from guide.translations.status import LanguageStatus


@dataclass
class Project:
    """The instance at `root`: its catalogue, PTV data and translation report as last loaded."""

    root: Path
    preview: Preview = field(default_factory=Preview)
    catalogue: Catalogue | None = None
    ptv: PtvFile | None = None
    report: list[LanguageStatus] = field(default_factory=list)
    exports: dict[str, str] = field(default_factory=dict)  # the open data (guide.mkdocs.generated)
    exports_key: object = None  # what the exports were made from
    page_html: dict[str, str] = field(default_factory=dict)  # a generated page's HTML by its dest_uri

    def generated_html(self, page: Page) -> str | None:
        """The HTML of a page the hooks generated in this run, None for a written page."""
        return self.page_html.get(page.file.dest_uri) if page.file.generated_by is not None else None

    def environment(self, site_url: str) -> Environment:
        """The Jinja environment of the generated pages: the engine's templates, for every instance."""
        environment = create_environment(ENGINE_ROOT / "overrides")
        environment.globals["site_url"] = site_url  # the printed programme shows addresses
        return environment


_projects: dict[Path, Project] = {}


def instance_root(config: MkDocsConfig) -> Path:
    """The instance folder: where its mkdocs.yml is."""
    return Path(config.config_file_path).parent


def project(config: MkDocsConfig) -> Project:
    """The project being built."""
    root = instance_root(config)
    return _projects.setdefault(root, Project(root))


def load(config: MkDocsConfig, serving: bool) -> Project:
    """Read (or keep) the instance's data; stop the build with every problem, unless previewing them."""
    current = project(config)
    current.preview.serving = serving
    try:
        current.catalogue = current.preview.load(current.root)
        current.ptv = _ptv(current.root, data_stamp(current.root))
        current.report = translation_report(current.root)
    except DataError as error:
        raise PluginError(f"The data in data/ has problems:\n{error}") from None
    return current


@functools.lru_cache(maxsize=4)
def _ptv(root: Path, stamp: tuple[tuple[str, int, int], ...]) -> PtvFile:
    """data/ptv.yaml, read again only when a data file changed: the same object for every language build,
    so the open data made from it (guide.mkdocs.generated) is made once per build run."""
    return load_ptv(root)


def catalogue(config: MkDocsConfig) -> Catalogue:
    """The catalogue of the build in progress (loaded in on_config)."""
    loaded = project(config).catalogue
    assert loaded is not None, "on_config loads the catalogue before any other event"
    return loaded
