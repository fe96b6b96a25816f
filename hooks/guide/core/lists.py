"""A list of records in a YAML file, validated item by item: the valid records, and every problem at its line.

Records that fail are left out, so one mistake does not hide the rest of the file's problems.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from guide.core.messages import describe, without_echoes
from guide.core.problems import Problem
from guide.core.yaml_source import SourceDocument


def validate_list(
    document: SourceDocument,
    list_key: str,
    model: type[BaseModel],
    noun: str,
    problems: list[Problem],
) -> list[tuple[int, Any]]:
    """The valid items of `list_key` with their positions in the list; problems are appended to `problems`."""
    data = document.data if isinstance(document.data, dict) else {}
    if document.problems and document.data is None:
        return []
    raw = data.get(list_key)
    if not isinstance(raw, list):
        problems.append(
            Problem(
                document.position((list_key,)),
                f"section '{list_key}:' is missing or is not a list of {noun} entries",
            )
        )
        return []
    valid = []
    for index, item in enumerate(raw):
        where = _where(noun, item, index)
        try:
            valid.append((index, model.model_validate(item)))
        except ValidationError as error:
            for detail in without_echoes(error.errors()):
                loc = (list_key, index, *detail["loc"])
                is_key = detail["type"] == "extra_forbidden"
                position = (
                    document.position(loc[:-1]) if detail["type"] == "missing" else document.position(loc, key=is_key)
                )
                problems.append(Problem(position, describe(detail, model, where)))
    return valid


def _where(noun: str, item: Any, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"in {noun} '{item['id']}'"
    return f"in {noun} number {index + 1}"
