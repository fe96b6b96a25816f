"""One instance of the guide: a municipality's folder with its own mkdocs.yml, data/, content/, translations/.

The engine (hooks/, overrides/, the stylesheets and scripts, schema/, tests/) lives at the repository
root, which is also the Kuopio instance. Another instance (e.g. examples/esimerkkikunta/) points its
mkdocs.yml back at the engine. What differs per instance is read from the instance's files only:
its languages from the mkdocs-static-i18n configuration in its mkdocs.yml (defined once, there), its
municipalities from data/organisations.yaml.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from guide.core.languages import DEFAULT_LANGUAGE, LANGUAGES

ENGINE_ROOT = Path(__file__).resolve().parents[3]
CACHE = ENGINE_ROOT / ".cache"  # the engine's caches (gitignored; `make clean` removes it)
CONFIG_FILE = "mkdocs.yml"
OUTSIDE_ANY_MUNICIPALITY = "elsewhere"  # the last value of the fact `municipality` (docs/contract.md)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!ENV` and `!relative` tags become their plain values."""


def _plain(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None  # !ENV [NAME, default] -> the default
    if not isinstance(node, yaml.ScalarNode):  # a mapping, refused as PyYAML's construct_scalar does
        raise ConstructorError(None, None, "expected a scalar node, but found mapping", node.start_mark)
    return loader.construct_scalar(node)


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _plain(loader, node))


def instance_languages(root: Path) -> tuple[str, ...]:
    """The instance's languages in its order (the i18n plugin's locales); all languages without a config."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return LANGUAGES
    return _configured_languages(path, path.stat().st_mtime_ns)  # read again when mkdocs.yml changes


@functools.lru_cache(maxsize=16)
def _configured_languages(path: Path, stamp: int) -> tuple[str, ...]:
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            locales = [entry["locale"] for entry in plugin["i18n"].get("languages") or [] if "locale" in entry]
            known = tuple(language for language in locales if language in LANGUAGES)
            return known or (DEFAULT_LANGUAGE,)
    return (DEFAULT_LANGUAGE,)


def translated_languages(root: Path) -> tuple[str, ...]:
    """The instance's languages other than Finnish, the source language."""
    return tuple(language for language in instance_languages(root) if language != DEFAULT_LANGUAGE)


def municipality_values(municipality_ids: list[str]) -> tuple[str, ...]:
    """The values of the eligibility fact `municipality`: the instance's municipalities, then 'elsewhere'.

    For Kuopio: kuopio, tuusniemi, lapinlahti, other_employment_area (data/organisations.yaml), elsewhere.
    """
    return (*municipality_ids, OUTSIDE_ANY_MUNICIPALITY)
