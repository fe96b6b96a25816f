"""Every translatable text of the catalogue, named by a stable key, and the catalogue rebuilt with new texts.

A key is the path to the text through the data, with ids instead of list positions where records
have ids, e.g. `services/ohjaus-ja-neuvonta/title` or `services/kotoutumiskoulutus/steps/0`. It
is the `msgctxt` of the text in the translation files, so it must not change when records are
reordered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from guide.core.records import Text

Model = TypeVar("Model", bound=BaseModel)


def text_fields(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Text]]:
    """(key, text) for every Text inside `value`, in data order."""
    if isinstance(value, Text):
        yield "/".join(path), value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from text_fields(getattr(value, name), (*path, name))
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from text_fields(item, (*path, _segment(item, index)))
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from text_fields(item, (*path, str(name)))


def replace_texts(value: Model, replace: Callable[[str, Text], Text]) -> Model:
    """A copy of `value` in which every Text is `replace(key, text)`."""
    rebuilt: Model = _rebuild(value, (), replace)  # a model is rebuilt with model_copy: the same type
    return rebuilt


def _segment(item: Any, index: int) -> str:
    identifier = getattr(item, "id", None)
    return identifier if isinstance(identifier, str) and identifier else str(index)


def _rebuild(value: Any, path: tuple[str, ...], replace: Callable[[str, Text], Text]) -> Any:
    if isinstance(value, Text):
        return replace("/".join(path), value)
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _rebuild(old, (*path, name), replace)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(_rebuild(item, (*path, _segment(item, i)), replace) for i, item in enumerate(value))
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        rebuilt = {name: _rebuild(item, (*path, str(name)), replace) for name, item in value.items()}
        return value if all(rebuilt[name] is value[name] for name in value) else rebuilt
    return value
