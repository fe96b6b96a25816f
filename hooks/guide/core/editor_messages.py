"""The messages a content editor reads when a file cannot be read or a text would be published wrong.

Each message is written once here, in the editor's words: what is wrong on the line and how to fix
it. Parser and validator wording (libyaml's, Babel's, pydantic's) never reaches an editor;
`tests/test_editor_mistakes.py` checks these templates and the messages of real bad edits for it.
Templates are filled with `str.format` by `say`; `did_you_mean` names the known id or field a
misspelt one most likely meant, in every message that has one to offer.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike a misspelt name and a known one must be (difflib's ratio) to be offered as the meant one.
CLOSE = 0.6

MESSAGES: dict[str, str] = {
    # Ids and names, in every file
    "duplicate_id": "the id '{id}' is already used on line {first}; every id must be unique",
    "did_you_mean": "; did you mean '{name}'?",
    # Reading a file
    "file_missing": "the file is missing; restore it from the previous version",
    "file_empty": "the file is empty; restore its content from the previous version",
    "file_unreadable": "the file cannot be opened ({reason})",
    "windows_1252": (
        "the file is saved as Windows-1252 (the character on line {line} is not UTF-8); "
        "save it as UTF-8 (in the editor: Save with encoding, UTF-8)"
    ),
    "not_utf8": "line {line} has a character that is not UTF-8; save the file as UTF-8",
    # YAML
    "tab": "line {line} is indented with a tab; use spaces",
    "odd_space": (
        "line {line} is indented with a special space (e.g. a non-breaking space copied from a document); "
        "use ordinary spaces"
    ),
    "unclosed_quote": "the quote {quote} opened on line {line} is never closed; end the text with {quote}",
    "text_after_quote": (
        "there is more on the line after the closing quote {quote}; put the whole text inside the quotes "
        "(a quote inside a text enclosed in {quote} is written {doubled})"
    ),
    "colon_in_text": (
        "this text contains ': ' (a colon and a space), which starts a new field; put the whole text in quotes: \"...\""
    ),
    "colon_missing": "this line has no ':' after its name; write 'name: value'",
    "indentation": (
        "the indentation of line {line} does not match the lines above it; line it up with the other "
        "fields of the same entry, using spaces"
    ),
    "flow_unclosed": "the list opened with {opener} on line {line} is not closed with {closer}",
    "backslash": (
        "a backslash (\\) inside double quotes starts a special character; write it twice (\\\\) or use single quotes"
    ),
    "yaml_unreadable": (
        "the line cannot be read; check its quotes, colons and indentation, and those of the line above"
    ),
    "anchors": "anchors and aliases (&name, *name) are not allowed; write the value out",
    "comment_in_text": ("this text contains ' #': put the text in quotes, otherwise everything after ' #' is dropped"),
    "yes_no_key": ("write yes/no answers in quotes (\"{text}\"): without them '{text}' is read as true or false"),
    "yes_no_value": (
        "'{field}' {where} should be text; write '{text}' in quotes (\"{text}\"), otherwise it is read as true or false"
    ),
    "empty_value": "'{field}' {where} is empty; write its value after the colon, or remove the line",
    "empty_text": "'{field}' {where} has no text; write at least the Finnish text below it as 'fi: ...'",
    "empty_entry": "the entry {where} is empty; write its fields or remove the '-' line",
    # Texts
    "unsafe_link": ("the link '{url}' in '{field}' is not allowed: links must start with https://, mailto: or tel:"),
    "invisible": (
        "{what} contains the invisible character {code} (zero-width or a text-direction control), which "
        "can hide or reorder text; delete it, e.g. by retyping the words around it"
    ),
    "reviewed_future": "the date {value} in 'reviewed' {where} is in the future; write the day the service was checked",
    "reviewed_early": (
        "the date {value} in 'reviewed' {where} is before the programme was approved ({start}); "
        "write the day the service was checked"
    ),
    "reviewed_not_date": "'reviewed' {where} should be a date written YYYY-MM-DD (e.g. 2025-01-31), not '{value}'",
    # Translation files (PO)
    "po_unquoted": 'the text after {keyword} must be in double quotes: {keyword} "..."',
    "po_unclosed": 'the quote opened on line {line} is never closed; end the text with "',
    "po_after_quote": 'there is more on the line after the closing quote; a quote inside a text is written \\"',
    "po_stray_line": 'this line is not part of an entry; a text line starts and ends with "',
    "po_keyword": "'{word}' is not a word of a translation entry; use msgctxt, msgid or msgstr",
    "po_twice": "the entry has {keyword} twice (first on line {first}); every entry has one msgctxt, msgid and msgstr",
    "po_no_msgid": (
        "the entry has no msgid line (the Finnish text) before its {keyword}; "
        "write msgctxt, msgid, msgstr in this order"
    ),
    "po_no_msgstr": "the entry '{key}' has no msgstr line (the translation)",
    "po_no_key": "this entry has no msgctxt (the text's key)",
    "po_duplicate": "the key '{key}' is given twice (first on line {first}); keep only one entry",
    "po_orphan": (
        "no text in data/ has the key '{key}': correct the key, or delete the entry if its text was removed{hint}"
    ),
    "po_orphan_record": (
        "the {count} entries from here on whose key starts with '{record}/' match no text: '{record}' is not in "
        "data/ (removed, or its id changed); change their keys to the new id, or delete them"
    ),
    "po_unreadable": "the translation file cannot be read near line {line}; compare this entry with one that works",
    "po_markup": (
        "warning: the {language} translation of '{key}' contains {markup}, which the Finnish text has not; "
        "check that it belongs there"
    ),
    "po_too_long": "the {language} translation of '{key}' is {length} characters; at most {limit} fit",
    "po_invalid": "the {language} translation of '{key}' cannot be used; write it again as plain text",
}


def say(message: str, /, **values: object) -> str:
    """The catalogue's `message` with its blanks filled in."""
    return MESSAGES[message].format(**values)


def closest(name: str, known: Iterable[str], *, cutoff: float = CLOSE) -> str | None:
    """The known name that a misspelt `name` most likely meant, or None when none is alike enough."""
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(name: str, known: Iterable[str], *, cutoff: float = CLOSE) -> str:
    """ "; did you mean 'x'?" to end a message about the misspelt `name`, or "" when nothing is close."""
    match = closest(name, known, cutoff=cutoff)
    return say("did_you_mean", name=match) if match is not None else ""
