"""What went wrong when a YAML file cannot be read, and where, in the words of `editor_messages`.

libyaml reports a *problem mark* (where it gave up) and often a *context mark* (where the thing
it was reading began). An unclosed quote is found where the quote opens, which may be many lines
above the place libyaml gave up, so the lines before the problem are searched for it.
"""

from __future__ import annotations

import re

import yaml

from guide.core.editor_messages import say
from guide.core.problems import Position, Problem

# A line whose value starts with a quote: an optional "- ", an optional "key: ", then the quote.
_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s"'#][^"'#]*?:\s+)?)(["'])(.*)$""")
_SEARCH_BACK = 200  # lines above the problem searched for the quote that opened it


def decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """The text of a UTF-8 file, or the problem at the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        try:
            data.decode("cp1252")
            message = say("windows_1252", line=line)
        except UnicodeDecodeError:
            message = say("not_utf8", line=line)
        return None, Problem(Position(path, line, column), message)


def tab_problems(text: str, path: str) -> list[Problem]:
    """A problem for each line indented with a tab or another space than the plain one (e.g. a
    non-breaking space pasted from a word processor): YAML allows only plain spaces."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        odd = next((index for index, character in enumerate(indent) if character != " "), None)
        if odd is not None and line.strip():
            message = say("tab", line=number) if indent[odd] == "\t" else say("odd_space", line=number)
            problems.append(Problem(Position(path, number, odd + 1), message))
    return problems


def _closing(rest: str, quote: str) -> int | None:
    """The index in `rest` of the quote that closes a text opened with `quote`, or None."""
    index = 0
    while index < len(rest):
        character = rest[index]
        if quote == '"' and character == "\\":
            index += 2
            continue
        if character == quote:
            if quote == "'" and rest[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _open_quote(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """(line index, column index, quote) of the last quote opened and not closed in lines first..last."""
    for index in range(last, max(first, last - _SEARCH_BACK) - 1, -1):
        if index >= len(lines):
            continue
        match = _QUOTED_VALUE.match(lines[index])
        if match and _closing(match.group(3), match.group(2)) is None:
            return index, len(match.group(1)), match.group(2)
    return None


def _text_after_quote(line: str) -> str | None:
    """The quote of a text closed on `line` and followed by more than a comment, or None."""
    match = _QUOTED_VALUE.match(line)
    if not match:
        return None
    end = _closing(match.group(3), match.group(2))
    after = match.group(3)[end + 1 :].strip() if end is not None else ""
    return match.group(2) if after and not after.startswith("#") else None


def describe_yaml_error(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """The one problem an editor needs to see for a file libyaml cannot read."""
    lines = text.splitlines()
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    context_mark = error.context_mark
    line = mark.line if mark else 0

    def at(line_index: int, column_index: int, message: str) -> Problem:
        return Problem(Position(path, line_index + 1, column_index + 1), message)

    if "quoted scalar" in context and "escape" in problem and mark:
        return at(mark.line, mark.column, say("backslash"))
    if "quoted scalar" in context and context_mark:
        quote = lines[context_mark.line][context_mark.column] if context_mark.line < len(lines) else '"'
        return at(
            context_mark.line, context_mark.column, say("unclosed_quote", quote=quote, line=context_mark.line + 1)
        )
    if "\t" in problem or "tab" in problem:
        return at(line, 0, say("tab", line=line + 1))
    if line < len(lines) and (closed := _text_after_quote(lines[line])):
        doubled = '\\"' if closed == '"' else "''"
        return at(line, 0, say("text_after_quote", quote=closed, doubled=doubled))
    first = context_mark.line if context_mark else 0
    opened = _open_quote(lines, first, line - 1)
    if opened:
        index, column, quote = opened
        return at(index, column, say("unclosed_quote", quote=quote, line=index + 1))
    if "mapping values are not allowed" in problem and mark:
        return at(mark.line, mark.column, say("colon_in_text"))
    if "simple key" in context and context_mark:
        return at(context_mark.line, context_mark.column, say("colon_missing"))
    if "flow" in context and context_mark:
        opener = "[" if "sequence" in context else "{"
        closer = "]" if opener == "[" else "}"
        return at(
            context_mark.line,
            context_mark.column,
            say("flow_unclosed", opener=opener, closer=closer, line=context_mark.line + 1),
        )
    if any(word in problem for word in ("block end", "expected key", "indicator", "not allowed here")):
        return at(line, mark.column if mark else 0, say("indentation", line=line + 1))
    return at(line, mark.column if mark else 0, say("yaml_unreadable"))
