"""A strict reading of a translation file (gettext PO), line by line, before Babel parses it.

Babel reads a text by dropping its first and last character, trusting them to be quotes: a
`msgstr` with a missing quote silently loses a letter, and one without quotes loses two. It also
keeps either of two entries with the same `msgctxt`. So each line is checked here first, and every
mistake is reported at its own line (1-based, as editors count), in `editor_messages`' words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from guide.core.editor_messages import say
from guide.core.problems import Position, Problem

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?![\w\[])\s*(.*)$")
_WORD_THEN_TEXT = re.compile(r"^([A-Za-z_][\w\[\]]*)\s+\"")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class ScannedEntry:
    """One entry as written: its key and the lines of its parts."""

    key: str | None = None
    key_line: int = 0
    msgid_line: int = 0
    msgstr_line: int = 0
    msgid: str = ""
    msgstr_lines: list[tuple[int, str]] = field(default_factory=list)
    part: str = ""  # the keyword whose text continues on the next "..." line
    last_line: int = 0
    _key_parts: list[str] = field(default_factory=list)

    def line_of(self, needle: str) -> int:
        """The line of the translation that contains `needle`, else its msgstr line."""
        return next((number for number, text in self.msgstr_lines if needle in text), self.msgstr_line)


def _closing(rest: str) -> int | None:
    index = 0
    while index < len(rest):
        if rest[index] == "\\":
            index += 2
        elif rest[index] == '"':
            return index
        else:
            index += 1
    return None


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match.group(1), match.group(1)), body)


def scan_po(text: str, path: str) -> tuple[list[ScannedEntry], list[Problem]]:
    """The entries of a PO file and every mistake in its lines, its entries and its keys."""
    entries: list[ScannedEntry] = []
    problems: list[Problem] = []
    current: ScannedEntry | None = None

    def problem(number: int, message: str) -> None:
        problems.append(Problem(Position(path, number, 1), message))

    def finish() -> None:
        if current is not None:
            current.key = "".join(current._key_parts) if current.key_line else None
            if current.msgid_line and not current.msgstr_line:
                problem(current.last_line, say("po_no_msgstr", key=current.key or current.msgid[:40]))
            entries.append(current)

    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            if current is not None and current.msgstr_line:
                finish()
                current = None
            continue
        keyword = _KEYWORD.match(stripped)
        string = keyword.group(2) if keyword else stripped
        if not keyword and not stripped.startswith('"'):
            stray = _WORD_THEN_TEXT.match(stripped)
            problem(number, say("po_keyword", word=stray.group(1)) if stray else say("po_stray_line"))
            continue
        body = _string_body(string, keyword.group(1) if keyword else None, number, problem)
        if keyword is None:
            if current is None or not current.part:
                problem(number, say("po_stray_line"))
            else:
                current.last_line = number
                if body is not None:
                    _append(current, current.part, body, number)
            continue
        word = keyword.group(1)
        base = "msgstr" if word.startswith("msgstr") else word
        if current is None or (base in ("msgctxt", "msgid") and (current.msgstr_line or current.msgid_line)):
            if current is not None and base == "msgid" and current.msgid_line and not current.msgstr_line:
                problem(number, say("po_twice", keyword="msgid", first=current.msgid_line))
                continue
            finish()
            current = ScannedEntry(last_line=number)
        first = {"msgctxt": current.key_line, "msgid": current.msgid_line, "msgstr": current.msgstr_line}.get(base)
        if first and word in ("msgctxt", "msgid", "msgstr"):
            problem(number, say("po_twice", keyword=word, first=first))
            continue
        if base in ("msgstr", "msgid_plural") and not current.msgid_line:
            problem(number, say("po_no_msgid", keyword=word))
            current.msgid_line = current.msgstr_line = number  # the entry ends here
            current.part = ""
            continue
        if base == "msgctxt":
            current.key_line = number
        elif base == "msgid":
            current.msgid_line = number
        elif base == "msgstr" and not current.msgstr_line:
            current.msgstr_line = number
        current.part = base
        current.last_line = number
        if body is not None:
            _append(current, base, body, number)
    finish()
    return entries, problems + _duplicates(entries, path)


def _string_body(string: str, keyword: str | None, number: int, problem: Callable[[int, str], None]) -> str | None:
    """The text between the quotes of `string`, or None after reporting what is wrong with it."""
    if not string.startswith('"'):
        problem(number, say("po_unquoted", keyword=keyword or "msgstr"))
        return None
    end = _closing(string[1:])
    if end is None:
        problem(number, say("po_unclosed", line=number))
        return None
    if string[end + 2 :].strip():
        problem(number, say("po_after_quote"))
        return None
    return _unescape(string[1 : end + 1])


def _append(entry: ScannedEntry, part: str, body: str, number: int) -> None:
    if part == "msgctxt":
        entry._key_parts.append(body)
    elif part == "msgid":
        entry.msgid += body
    elif part == "msgstr":
        entry.msgstr_lines.append((number, body))


def _duplicates(entries: list[ScannedEntry], path: str) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for entry in entries:
        if entry.key is None:
            continue
        if entry.key in first:
            message = say("po_duplicate", key=entry.key, first=first[entry.key])
            problems.append(Problem(Position(path, entry.key_line, 1), message))
        else:
            first[entry.key] = entry.key_line
    return problems
