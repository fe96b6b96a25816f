"""Remove translations written inline in the YAML (e.g. `en:` under `title:`), keeping every other line.

Used once to move inline translations into the translation files; line-based so that comments and
layout that staff rely on stay exactly as they were.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guide.core.languages import DEFAULT_LANGUAGE, LANGUAGES


def without_languages(text: str, languages: set[str]) -> str:
    """`text` (a YAML document) without the `languages` entries of its per-language text mappings."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    cuts: list[tuple[int, int]] = []
    line_starts = [0]
    for line in text.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    for mapping in _text_mappings(root):
        items = mapping.value
        for index, (key, value) in enumerate(items):
            if key.value not in languages:
                continue
            if mapping.flow_style:
                # `{fi: X, en: Y}`: cut ", en: Y" (or "en: Y, " when it comes first)
                if index > 0:
                    cuts.append((items[index - 1][1].end_mark.index, value.end_mark.index))
                else:
                    cuts.append((key.start_mark.index, items[1][0].start_mark.index))
            else:
                cuts.append((line_starts[key.start_mark.line], line_starts[_last_line(value) + 1]))
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + text[end:]
    return text


def _text_mappings(node: Node | None) -> list[MappingNode]:
    if isinstance(node, SequenceNode):
        return [found for item in node.value for found in _text_mappings(item)]
    if not isinstance(node, MappingNode):
        return []
    keys = {key.value for key, _ in node.value if isinstance(key, ScalarNode)}
    if DEFAULT_LANGUAGE in keys and keys <= set(LANGUAGES):
        return [node]
    return [found for _, value in node.value for found in _text_mappings(value)]


def _last_line(node: Node) -> int:
    """The last line holding `node`'s text (a block scalar's end mark lies past trailing blank lines)."""
    end = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
    buffer = node.end_mark.buffer or ""
    lines = buffer.splitlines()
    while end > node.start_mark.line and end < len(lines) and not lines[end].strip():
        end -= 1
    return end
