"""Problems found in the data, reported to content editors as `path:line:column: message`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guide.core.editor_messages import say


@dataclass(frozen=True, order=True)
class Position:
    """A place in a data file; line and column count from 1, as editors show them."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the data, with the place it was found."""

    position: Position
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


def duplicate_ids(uses: Iterable[tuple[str, Position]]) -> list[Problem]:
    """The one rule for ids, in every list of every file: an id used again is a problem at each later
    use, naming the line of the first. The first use stays, so what refers to it is not reported."""
    first: dict[str, Position] = {}
    problems = []
    for record_id, where in uses:
        if record_id in first:
            problems.append(Problem(where, say("duplicate_id", id=record_id, first=first[record_id].line)))
        else:
            first[record_id] = where
    return problems


class DataError(Exception):
    """The data has problems; nothing should be built from it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """All problems, one a line, then a summary line for the editor."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [str(problem) for problem in problems]
    lines.append(f"{count} {noun} found in data/; fix them and run 'make check' again.")
    return "\n".join(lines)
