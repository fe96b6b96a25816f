"""The baseline the benchmark compares against: plain Material + mkdocs-static-i18n, no hooks.

It builds the very pages our build makes (the written pages, and the Markdown our hooks generate,
written out beforehand as files in the suffix layout), with the project's navigation, languages and
Markdown extensions, but without our hooks, templates or stylesheets. The difference between the
two builds is then exactly what validation, generation and our page events cost.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from guide.core.languages import DEFAULT_LANGUAGE
from guide.site.page_list import site_pages
from guide.site.rendering import create_environment
from guide.translations.loader import load_catalogue, translation_report

# Top-level blocks of mkdocs.yml that belong to our layer, not to the plain theme + i18n.
OUR_BLOCKS = ("hooks", "watch", "extra_css", "extra_javascript")


def write_baseline_project(project: Path, target: Path, languages: list[str]) -> Path:
    """A plain Material + i18n project at `target` with the pages `project` builds in `languages`."""
    docs = target / "content"
    shutil.copytree(project / "content", docs, ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    catalogue = load_catalogue(project)
    environment = create_environment(project / "overrides")
    for language in languages:
        for page in site_pages(catalogue, translation_report(project), language, environment):
            path = docs / _localised(page.src_uri, language)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_without_our_template(page.source), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(plain_config(config), encoding="utf-8")
    return target


def plain_config(config: str) -> str:
    """`config` without our hooks, templates and stylesheets, and not strict (the generated pages
    link to files only our hooks write, such as api/services.json)."""
    for block in OUR_BLOCKS:
        config = re.sub(rf"^{block}:\n(?:[ \t]+.*\n|\n)*", "", config, flags=re.MULTILINE)
    config = re.sub(r"^\s*custom_dir: .*\n", "", config, flags=re.MULTILINE)
    return re.sub(r"^strict: true$", "strict: false", config, flags=re.MULTILINE)


def _without_our_template(markdown: str) -> str:
    """The page without its front matter's `template:` (our templates are not in the plain theme)."""
    return re.sub(r"^template: .*\n", "", markdown, count=1, flags=re.MULTILINE)


def _localised(src_uri: str, language: str) -> str:
    """`palvelut/x/index.md` as mkdocs-static-i18n's suffix layout names it in `language`."""
    if language == DEFAULT_LANGUAGE:
        return src_uri
    stem, _, suffix = src_uri.rpartition(".")
    return f"{stem}.{language}.{suffix}"
