"""Read a YAML data file into plain values, remembering where each value stands in the file.

PyYAML alone keeps the last of two equal keys and expands aliases silently; staff need to hear
about both, so the file is composed into nodes and converted here, one node at a time, collecting
every problem instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guide.core.editor_messages import say
from guide.core.languages import LANGUAGES
from guide.core.problems import Position, Problem
from guide.core.yaml_errors import decode, describe_yaml_error, tab_problems

Location = tuple[str | int, ...]


def _first_anchor(text: str) -> tuple[int, int] | None:
    """Where (line and column, from 0) the first anchor or alias stands, found from the parser's events
    before anything is built."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark  # libyaml gives every event one
            return (mark.line, mark.column) if mark else None
    return None


@dataclass
class SourceDocument:
    """A data file's values with the position of every value and every mapping key."""

    path: str
    data: Any = None
    values: dict[Location, Position] = field(default_factory=dict)
    keys: dict[Location, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def position(self, location: Location, *, key: bool = False) -> Position:
        """The closest known position of `location`: the node itself or its nearest parent."""
        table = self.keys if key and location in self.keys else self.values
        while location not in table and location:
            location = location[:-1]
            table = self.values
        return table.get(location, Position(self.path))


def read_yaml(file: Path, display_path: str) -> SourceDocument:
    """Parse `file`; problems are collected in the result rather than raised.

    A file that cannot be read at all gets one problem and no data, so nothing is derived from it.
    """
    document = SourceDocument(display_path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        document.problems.append(Problem(Position(display_path), say("file_missing")))
        return document
    except OSError as error:
        document.problems.append(Problem(Position(display_path), say("file_unreadable", reason=error.strerror)))
        return document
    text, problem = decode(raw, display_path)
    if text is None:
        document.problems.append(problem or Problem(Position(display_path), say("not_utf8", line=1)))
        return document
    tabs = tab_problems(text, display_path)
    if tabs:
        document.problems.extend(tabs)
        return document
    # libyaml (CSafeLoader) parses about twenty times faster than pure-Python PyYAML.
    loader = yaml.CSafeLoader(text)
    try:
        anchor = _first_anchor(text)
        if anchor is not None:
            where = Position(display_path, anchor[0] + 1, anchor[1] + 1)
            document.problems.append(Problem(where, say("anchors")))
            return document
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        document.problems.append(describe_yaml_error(error, text, display_path))
        return document
    finally:
        loader.dispose()
    if root is None:
        document.problems.append(Problem(Position(display_path), say("file_empty")))
        return document
    document.lines = text.splitlines()
    document.data = _convert(root, (), document, loader)
    return document


def _comment_follows(document: SourceDocument, node: ScalarNode) -> bool:
    """True when a ` #` comment follows the plain text `node` on its last line (YAML drops it)."""
    end = node.end_mark
    line = document.lines[end.line] if end.line < len(document.lines) else ""
    return line[end.column :].startswith((" #", "\t#"))


def _position(document: SourceDocument, node: Node) -> Position:
    return Position(document.path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: Node, location: Location, document: SourceDocument, loader: SafeConstructor) -> Any:
    document.values[location] = _position(document, node)
    if isinstance(node, MappingNode):
        return _convert_mapping(node, location, document, loader)
    if isinstance(node, SequenceNode):
        return [_convert(item, (*location, i), document, loader) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if not node.style and location and location[-1] in LANGUAGES and _comment_follows(document, node):
        document.problems.append(Problem(_position(document, node), say("comment_in_text")))
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        # e.g. 2024-13-01 looks like a date but is none: keep the text, and let the model
        # report it with the name of the record it belongs to.
        return node.value


def _convert_mapping(
    node: MappingNode, location: Location, document: SourceDocument, loader: SafeConstructor
) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, (*location, "<key>"), document, loader)
        if isinstance(key, bool) and isinstance(key_node, ScalarNode) and not key_node.style:
            # yes/no/on/off unquoted are read as true/false; keep the words, and say so once
            document.problems.append(Problem(_position(document, key_node), say("yes_no_key", text=key_node.value)))
            key = key_node.value
        if not isinstance(key, str | int):
            document.problems.append(
                Problem(_position(document, key_node), "a key must be a plain word, not a list or mapping")
            )
            continue
        if key in result:
            first = document.keys[(*location, key)]
            document.problems.append(
                Problem(
                    _position(document, key_node),
                    f"'{key}' is given twice in the same place (first on line {first.line}); keep only one",
                )
            )
            continue
        document.keys[(*location, key)] = _position(document, key_node)
        result[key] = _convert(value_node, (*location, key), document, loader)
    document.values.pop((*location, "<key>"), None)
    return result
