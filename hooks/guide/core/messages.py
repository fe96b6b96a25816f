"""Turn pydantic's validation errors into sentences a content editor can act on."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from guide.core.editor_messages import closest, did_you_mean, say
from guide.core.languages import LANGUAGE_NAMES, LANGUAGES
from guide.core.records import PROGRAMME_DATE

Location = tuple[str | int, ...]
# Fields whose pattern is not an id's: what a valid value looks like.
PATTERN_HINTS = {
    "ptv_id": "write the organisation's id in Suomi.fi PTV, a GUID like 0f2a7b3c-1d4e-4f5a-8b6c-7d8e9f0a1b2c",
    "code": 'write the official three-digit municipality code in quotes, e.g. "297"',
}


def describe(error: ErrorDetails, model: type[BaseModel], where: str) -> str:
    """One sentence for one pydantic error found in `model` data; `where` names the record."""
    loc: Location = tuple(error["loc"])
    field = _field_name(loc)
    kind = error["type"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if special := _editor_mistake(kind, loc, field, value, ctx, model, where):
        return special
    if kind == "extra_forbidden":
        return _unknown_field(str(loc[-1]), _fields_at(model, loc[:-1]), where)
    if kind == "missing":
        if loc[-1] == "fi":
            return f"the Finnish text (fi) of '{_field_name(loc[:-1])}' is missing {where}"
        return f"required field '{loc[-1]}' is missing {where}"
    if kind in ("string_too_long", "too_long"):
        language = LANGUAGE_NAMES.get(str(loc[-1]), "")
        return (
            f"'{_field_name(loc[:-1])}' {where} is {len(str(value))} characters long"
            f"{' in ' + language if language else ''}; at most {ctx['max_length']} are allowed"
        )
    if kind == "string_too_short":
        return f"'{field}' {where} is empty; write a text or remove the field"
    if kind == "string_pattern_mismatch" and loc[-1] in PATTERN_HINTS:
        return f"'{value}' is not a valid '{field}' {where}: {PATTERN_HINTS[str(loc[-1])]}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is not a valid id for '{field}' {where}: use lowercase letters a-z, digits "
            "and hyphens (organisations: underscores), e.g. 'palvelutarpeen-arviointi'"
        )
    if kind == "literal_error":
        return f"'{value}' is not allowed for '{field}' {where}; choose one of: {ctx['expected']}"
    if kind == "value_error" and "url_scheme" in str(ctx.get("error")):
        return f"the address '{value}' in '{field}' {where} must start with https://, mailto: or tel:"
    if kind == "value_error" and "invisible_character" in str(ctx.get("error")):
        code = str(ctx.get("error")).rsplit(" ", 1)[-1]
        return say("invisible", what=f"'{field}' {where}", code=code)
    if kind == "value_error" and str(ctx.get("error")).startswith("channel: "):
        return f"{str(ctx.get('error'))[len('channel: ') :]} ({_field_name(loc) or 'channel'} {where})"
    if kind == "value_error" and "url_space" in str(ctx.get("error")):
        return f"the address '{value}' in '{field}' {where} contains a space"
    if kind.startswith("date"):
        return f"'{value}' in '{field}' {where} is not a valid date (write YYYY-MM-DD, e.g. 2025-01-31)"
    if kind == "too_short":
        return f"'{field}' {where} needs at least {ctx.get('min_length', 1)} item"
    if kind in ("model_type", "dict_type"):
        return f"'{field}' {where} should be a set of named fields (key: value), not '{value}'"
    if kind in ("tuple_type", "list_type"):
        return f"'{field}' {where} should be a list (lines starting with '- ')"
    if kind == "string_type":
        return f"'{field}' {where} should be text, not {_kind_of(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{field}' {where} should be a whole number, not '{value}'"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{field}' {where} should be true or false, not '{value}'"
    return f"'{field}' {where} cannot be '{value}' here; compare it with the same field in another entry"


def _editor_mistake(
    kind: str, loc: Location, field: str, value: Any, ctx: dict[str, Any], model: type[BaseModel], where: str
) -> str | None:
    """Messages for an empty value, an unquoted yes/no and a wrong review date, or None."""
    reason = str(ctx.get("error", ""))
    if kind == "value_error" and reason.startswith("reviewed_"):
        shown = value.isoformat() if hasattr(value, "isoformat") else value
        return say(reason, value=shown, where=where, start=PROGRAMME_DATE.strftime("%-d.%-m.%Y"))
    if value is None and kind != "missing":
        if not loc:
            return say("empty_entry", where=where)
        if set(_fields_at(model, loc)) >= set(LANGUAGES):
            return say("empty_text", field=field, where=where)
        return say("empty_value", field=field, where=where)
    if isinstance(value, bool) and kind in ("string_type", "literal_error", "string_pattern_mismatch"):
        return say("yes_no_value", field=field, where=where, text="yes" if value else "no")
    return None


def without_echoes(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors without a "missing field" that a misspelt field next to it already explains.

    `reviewd:` gives both "unknown field 'reviewd'; did you mean 'reviewed'?" and "required field
    'reviewed' is missing": one mistake, so only the first is kept.
    """
    misspelt: dict[Location, list[str]] = {}
    for detail in details:
        if detail["type"] == "extra_forbidden":
            misspelt.setdefault(tuple(detail["loc"][:-1]), []).append(str(detail["loc"][-1]))

    def echoed(detail: ErrorDetails) -> bool:
        loc = tuple(detail["loc"])
        names = misspelt.get(loc[:-1], [])
        return detail["type"] == "missing" and closest(str(loc[-1]), names) is not None

    return [detail for detail in details if not echoed(detail)]


def _field_name(loc: Location) -> str:
    names = [str(part) for part in loc if isinstance(part, str)]
    return ".".join(names) if names else "value"


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _unknown_field(name: str, known: list[str], where: str) -> str:
    if set(known) >= set(LANGUAGES) and len(known) == len(LANGUAGES):
        languages = ", ".join(LANGUAGES)
        return f"unknown language '{name}' {where}; the languages are {languages}" + did_you_mean(name, known)
    return f"unknown field '{name}' {where}" + did_you_mean(name, known)


def _fields_at(model: type[BaseModel], loc: Location) -> list[str]:
    """The field names allowed at `loc` inside `model`, found by walking its annotations."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(part, str):
            annotation = annotation.model_fields[part].annotation
        elif typing.get_origin(annotation) in (tuple, list) and isinstance(part, int):
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[1]
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the type that holds the fields."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
