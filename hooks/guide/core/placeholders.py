"""`{name}` placeholders in texts: the one way they are filled in, and the one way they are checked.

A text such as "Suunnitelma päivitetään vähintään {months} kuukauden välein." is written by staff
and translated; the page that shows it supplies `months`. Which names each text may use is
declared once, here (`SUPPLIED`), so that:

- `fill` (used by every page kind and the service path) refuses a call whose names differ from the
  declaration, so a template cannot drift from it unnoticed;
- `check_document` (data/*.yaml) and `translation_problem` (translations/*.po) report a text that
  names a placeholder the page does not supply, or leaves out one it does, at the text's line;
- `unfilled_in_page` finds any `{name}` left in the visible text of a built page.
"""

from __future__ import annotations

import fnmatch
import html
import re
from collections.abc import Iterator, Mapping
from typing import Any

from guide.core.languages import LANGUAGES
from guide.core.problems import Problem
from guide.core.yaml_source import SourceDocument

# A placeholder: braces around a name of letters, digits and underscores (a typo such as {päivä} counts
# too; Markdown attribute syntax such as {: .class } or {alert(1)} does not).
_PLACEHOLDER = re.compile(r"\{([^\W\d]\w{0,39})\}")


class Declared:
    """The names a text may use (`allowed`) and must use (`required`)."""

    def __init__(self, allowed: set[str], required: set[str] | None = None) -> None:
        self.allowed = frozenset(allowed)
        self.required = self.allowed if required is None else frozenset(required)


# Text key (guide.translations.texts; `*` matches one id) -> what the page showing that text supplies.
SUPPLIED: Mapping[str, Declared] = {
    "strings/programme_section_label/text": Declared({"section"}),
    "strings/reviewed/text": Declared({"date"}),
    "strings/review_status/text": Declared({"date", "due", "total"}),
    "strings/law_section/text": Declared({"sections"}),
    "strings/plan_review/text": Declared({"months"}),
    "strings/directory_count_one/text": Declared({"count"}),
    "strings/directory_count_other/text": Declared({"count"}),
    "strings/programme_as_of/text": Declared({"date"}),
    "strings/contact_gap/text": Declared({"organisation"}),
    # The service path gives each limit its number, its duration, and the extension's (service_path).
    "path_limits/*/text": Declared({"amount", "duration", "extension", "extension_duration"}, set()),
    # Filled in by content/javascripts/eligibility.js with the question's text, and with the page
    # title (the template fills in an empty one for the error's hidden prefix).
    "eligibility/strings/change_context/text": Declared({"question"}),
    "eligibility/strings/error_title/text": Declared({"title"}),
    "eligibility/strings/plan_review/text": Declared({"months"}),
    "eligibility/strings/basis_programme/text": Declared({"sections"}),
    "eligibility/strings/basis_law/text": Declared({"sections"}),
}
_NOTHING = Declared(set())


def declared(key: str) -> Declared:
    """What the page supplies to the text with this key (nothing, for most texts)."""
    found = SUPPLIED.get(key)
    if found is not None:
        return found
    return next((value for pattern, value in SUPPLIED.items() if fnmatch.fnmatchcase(key, pattern)), _NOTHING)


def names(text: str) -> list[str]:
    """The placeholder names in `text`, in order."""
    return _PLACEHOLDER.findall(text)


def fill(text: str, key: str, values: Mapping[str, object]) -> str:
    """`text` (the text with `key`) with each `{name}` replaced by `values[name]`, in one pass.

    The values must be exactly the declared names: a template that passes others is a bug of the
    site, not of the data, so it raises.
    """
    expected = declared(key).allowed
    if set(values) != expected:
        raise ValueError(f"text '{key}' is given {sorted(values)}, but its declaration is {sorted(expected)}")
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


def problem_of(key: str, text: str) -> str | None:
    """Why `text` cannot be filled in on its page, in an editor's words; None when it can."""
    found = set(names(text))
    expected = declared(key)
    unknown = sorted(found - expected.allowed)
    missing = sorted(expected.required - found)
    if not unknown and not missing:
        return None
    if not expected.allowed:
        return (
            f"the text contains {_listed(unknown)}, but nothing is filled in here: braces would be shown "
            "as they are; write the text without them"
        )
    if unknown:
        usable = _listed(sorted(expected.allowed))
        return f"the text contains {_listed(unknown)}, which the site does not fill in here; it can use {usable}"
    return f"the text must contain {_listed(missing)} (the site puts the value there), as the Finnish text does"


def _listed(items: list[str]) -> str:
    return ", ".join("{" + item + "}" for item in items)


def check_document(document: SourceDocument, prefix: str = "") -> list[Problem]:
    """A problem for every text of a data file whose placeholders do not fit its page."""
    return [
        Problem(document.position(location), message)
        for location, key, text in _texts(document.data, (), (), prefix)
        if (message := problem_of(key, text))
    ]


def _texts(
    value: Any, location: tuple[str | int, ...], key: tuple[str, ...], prefix: str
) -> Iterator[tuple[Any, str, str]]:
    # The key names records by id, as guide.translations.texts does, so it matches the translations' msgctxt.
    if isinstance(value, dict):
        for name, item in value.items():
            if isinstance(item, str) and name in LANGUAGES:
                yield (*location, name), prefix + "/".join(key), item
            else:
                yield from _texts(item, (*location, name), (*key, str(name)), prefix)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            identifier = item.get("id") if isinstance(item, dict) else None
            segment = identifier if isinstance(identifier, str) and identifier else str(index)
            yield from _texts(item, (*location, index), (*key, segment), prefix)


_SCRIPT_OR_STYLE = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def unfilled_in_page(page_html: str) -> list[str]:
    """Every `{name}` a reader of this built page would see (outside scripts, styles and attributes)."""
    visible = html.unescape(_TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", page_html)))
    return ["{" + name + "}" for name in names(visible)]
